import { describe, expect, it } from 'vitest'
import { createSigner, InvalidRuleError } from '../../src/index'
import { CREDENTIALS } from '../support/verify'

// Issue 13, finding 7: inference claims https (and wss) only; http/ws need a rule (the rule is the consent);
// other schemes never get a plan; malformed hosts are not signed; loose rules are refused.

const signer = createSigner({ credentials: CREDENTIALS })

describe('clear text', () => {
  it.each(['http://ec2.us-east-1.amazonaws.com/', 'ws://ec2.us-east-1.amazonaws.com/'])(
    'inference gives %s no plan, and explain says a rule is needed (clear text)',
    async (url) => {
      const explanation = await signer.explain(url)
      expect(explanation.plan).toBeNull()
      expect(explanation.reason).toMatch(/only for a host a rule names/)
      const signed = await signer.sign({ method: 'GET', url })
      expect(signed.request.headers.has('authorization')).toBe(false)
    },
  )

  it('a rule naming the AWS host consents to http: (the plan warns of clear text)', async () => {
    const named = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'ec2.us-east-1.amazonaws.com' }],
    })
    const explanation = await named.explain('http://ec2.us-east-1.amazonaws.com/')
    expect(explanation.plan?.service).toBe('ec2')
    expect(explanation.warnings.join(' ')).toMatch(/clear text/)
  })

  it.each([
    'ftp://ec2.us-east-1.amazonaws.com/',
    'file://ec2.us-east-1.amazonaws.com/etc/passwd',
    'gopher://sts.amazonaws.com/',
  ])('inference gives %s no plan, and explain says why', async (url) => {
    const explanation = await signer.explain(url)
    expect(explanation.plan).toBeNull()
    expect(explanation.reason).toMatch(/https/)
    const signed = await signer.sign({ method: 'GET', url })
    expect(signed.plan).toBeNull()
    expect(signed.request.headers.has('authorization')).toBe(false)
  })

  it('an AppSync ws: handshake is not signed through its https: API host by inference alone', async () => {
    const { signWebSocket } = await import('../../src/realtime/index')
    const all = createSigner({ credentials: CREDENTIALS, awsHosts: 'all' })
    const url = 'ws://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
    await expect(signWebSocket(all, url)).rejects.toMatchObject({ name: 'NoMatchingRuleError' })
    const wss = await signWebSocket(all, url.replace('ws:', 'wss:'))
    expect(wss.plan.service).toBe('appsync')
  })

  it('https and wss are claimed by inference', async () => {
    expect((await signer.resolve('https://ec2.us-east-1.amazonaws.com/'))?.service).toBe('ec2')
    expect((await signer.resolve('wss://ec2.us-east-1.amazonaws.com/'))?.service).toBe('ec2')
  })

  it('http: is signed for a host a rule names (local emulator), and the plan warns it is clear text', async () => {
    const local = createSigner({
      credentials: CREDENTIALS,
      rules: [
        { host: 'localhost:4566', service: 's3', region: 'us-east-1' },
        { host: 'emulator.internal', service: 'sqs', region: 'us-east-1' },
      ],
    })
    expect((await local.resolve('http://localhost:4566/bucket'))?.warnings ?? ['x']).toEqual([])
    const remote = await local.explain('http://emulator.internal/')
    expect(remote.plan?.service).toBe('sqs')
    expect(remote.warnings.join(' ')).toMatch(/clear text/)
    expect(await local.resolve('ftp://emulator.internal/')).toBeNull()
  })
})

describe('malformed hosts', () => {
  it.each(['https://iam.amazonaws.com../', 'https://iam.amazonaws.com.../'])(
    '%s is not signed',
    async (url) => {
      expect(await signer.resolve(url)).toBeNull()
    },
  )
  it('one trailing dot is the same host', async () => {
    expect((await signer.resolve('https://iam.amazonaws.com./'))?.service).toBe('iam')
  })
})

describe('loose rules are refused', () => {
  const ruleError = (host: unknown) => {
    try {
      createSigner({
        credentials: CREDENTIALS,
        rules: [{ host: host as string, service: 'execute-api', region: 'eu-west-1' }],
      })
    } catch (error) {
      return error
    }
    return undefined
  }

  it.each([/api\.example\.com/, /^api\.example\.com/, /api\.example\.com$/])(
    'an unanchored RegExp %s is refused naming host',
    (host) => {
      const error = ruleError(host)
      expect(error).toBeInstanceOf(InvalidRuleError)
      expect((error as InvalidRuleError).field).toBe('host')
      expect(String((error as Error).message)).toMatch(/anchor/)
    },
  )

  it('an anchored RegExp does not match a longer host', async () => {
    const anchored = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: /^api\.example\.com$/, service: 'execute-api', region: 'eu-west-1' }],
    })
    expect((await anchored.resolve('https://api.example.com/'))?.service).toBe('execute-api')
    expect(await anchored.resolve('https://api.example.com.evil.net/')).toBeNull()
    // `^a|b$` is anchored in writing only: each alternative is matched against the whole host.
    const alternatives = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: /^api\.example\.com|api\.example\.net$/, service: 'execute-api', region: 'eu-west-1' }],
    })
    expect((await alternatives.resolve('https://api.example.net/'))?.service).toBe('execute-api')
    expect(await alternatives.resolve('https://api.example.com.evil.net/')).toBeNull()
  })

  it.each(['*.com', '*.net', '*.io', '*.co.uk', '*.com.au', '*.dev', '*.localhost', '*.github.io'])(
    'a wildcard over the public suffix %s is refused',
    (host) => {
      const error = ruleError(host)
      expect(error).toBeInstanceOf(InvalidRuleError)
      expect((error as InvalidRuleError).field).toBe('host')
      expect(String((error as Error).message)).toMatch(/public suffix/)
    },
  )

  it('a wildcard under a registrable domain is fine', () => {
    expect(ruleError('*.example.com')).toBeUndefined()
    expect(ruleError('*.corp.example.co.uk')).toBeUndefined()
  })
})
