import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isAwsSigError } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, toFetchRequest } from './support/verify'

// dist/index.production.js is what bundlers resolve under the `production` export condition (Vite and webpack
// production builds): validation errors and explanations keep their facts, without the prose that
// development builds show. Tests run after the build (turbo's test task depends on it).

const DIST = new URL('../dist/', import.meta.url)
const productionFile = new URL('index.production.js', DIST)
const built = existsSync(productionFile)
type Core = typeof import('@awssig/core')
const production = (built ? await import(productionFile.href) : {}) as Core

const NOW = new Date('2026-11-22T12:00:00Z')

/** A built entry's code with every chunk it imports, statically or with import(), transitively. */
function withChunks(entry: URL): string {
  const seen = new Set<string>()
  const read = (name: string): string => {
    if (seen.has(name)) return ''
    seen.add(name)
    const code = readFileSync(new URL(name, DIST), 'utf8')
    const chunks = [...code.matchAll(/(?:from\s*|import\()"\.\/([^"]+\.js)"/g)].map((m) => m[1] as string)
    return [code, ...chunks.map(read)].join('\n')
  }
  return read(entry.pathname.split('/').pop() as string)
}

describe.skipIf(!built)('the production build (`production` export condition)', () => {
  it('is what the package exports under `production`, before the default import', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    const conditions = Object.keys(pkg.exports['.'])
    expect(conditions.indexOf('production')).toBeGreaterThan(conditions.indexOf('node'))
    expect(conditions.indexOf('production')).toBeLessThan(conditions.indexOf('import'))
    expect(pkg.exports['.'].production.import.default).toBe('./dist/index.production.js')
  })

  it('every published file has __DEV__ replaced (a bundler would otherwise meet an undefined global)', () => {
    const files = readdirSync(DIST).filter((name) => /\.(?:c?js)$/.test(name))
    expect(files.length).toBeGreaterThan(10)
    for (const name of files) expect(readFileSync(new URL(name, DIST), 'utf8'), name).not.toContain('__DEV__')
  })

  it('leaves out the prose that the development build carries', () => {
    // With their chunks: AWS host planning, for one, loads on demand.
    const prod = withChunks(productionFile)
    const dev = withChunks(new URL('index.js', DIST))
    for (const prose of [
      'contradicts the hostname',
      'is an AWS host that runs customer code',
      'is not a region or wildcard like',
      'S3 Express One Zone directory bucket',
      'must be a non-negative number of milliseconds',
    ]) {
      expect(dev, prose).toContain(prose)
      expect(prod, prose).not.toContain(prose)
    }
  })

  it('throws the same typed InvalidRuleError at createSigner, naming the rule index and field', async () => {
    const invalid = (options: unknown) => {
      try {
        production.createSigner(options as never)
      } catch (error) {
        return error as InstanceType<Core['InvalidRuleError']>
      }
      throw new Error('createSigner accepted invalid options')
    }
    // A rule naming an exact AWS hostname is checked against inference, which loads on demand: ready() (and
    // every call) rejects with the same error createSigner throws for the rest.
    const region = (await production
      .createSigner({
        rules: [
          { host: 'a.example.com', service: 'execute-api', region: 'eu-west-1' },
          { host: 'ec2.us-west-2.amazonaws.com', region: 'eu-west-1' },
        ],
      })
      .ready()
      .catch((error: unknown) => error)) as InstanceType<Core['InvalidRuleError']>
    expect(region).toBeInstanceOf(production.InvalidRuleError)
    expect(isAwsSigError(region)).toBe(true)
    expect([region.name, region.ruleIndex, region.field]).toEqual(['InvalidRuleError', 1, 'region'])
    expect(region.message).toBe(
      'rules[1].region is invalid; a development build of @awssig/core says why and how to fix it',
    )
    const host = invalid({ rules: [{ host: 'https://a.example.com/', service: 's', region: 'us-east-1' }] })
    expect([host.ruleIndex, host.field]).toEqual([0, 'host'])
    expect(host.message).toMatch(/^rules\[0\]\.host is invalid;/)
    expect(invalid({ rules: [{ host: 'a.example.com', colour: 'red' }] }).field).toBe('colour')
    expect(invalid({ regionCacheSize: 0 }).message).toMatch(/^options\.regionCacheSize is invalid;/)
    expect(invalid({ retries: 3 }).message).toMatch(/^options\.retries is invalid;/)
    expect(invalid({ rules: 'x' }).message).toMatch(/^options\.rules is invalid;/)
    expect(invalid([]).field).toBe('options')
  })

  it('explains every decision with its facts: the rule or inference, and the scope', async () => {
    const signer = production.createSigner({
      credentials: CREDENTIALS,
      rules: [
        { host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' },
        { host: 'abc.execute-api.us-east-1.amazonaws.com' },
      ],
    })
    expect((await signer.explain('https://api.corp.example/x')).reason).toBe(
      'rules[0] (*.corp.example) matches api.corp.example:443 → SigV4 for service execute-api in eu-west-1.',
    )
    expect((await signer.explain('https://abc.execute-api.us-east-1.amazonaws.com/')).reason).toBe(
      'rules[1] (abc.execute-api.us-east-1.amazonaws.com) matches abc.execute-api.us-east-1.amazonaws.com:443 (+ AWS host inference) → SigV4 for service execute-api in us-east-1.',
    )
    expect((await signer.explain('https://email.eu-west-1.amazonaws.com/')).reason).toBe(
      'AWS host inference → SigV4 for service ses in eu-west-1',
    )
    expect((await signer.explain('https://iam.amazonaws.com/')).plan).toMatchObject({
      service: 'iam',
      region: 'us-east-1',
    })
    expect((await signer.explain('https://example.org/')).reason).toBe(
      'example.org: not an AWS hostname awssig knows',
    )
    expect((await signer.explain('https://x.execute-api.eu-west-1.amazonaws.com/')).reason).toBe(
      'x.execute-api.eu-west-1.amazonaws.com: customer code (execute-api)',
    )
    // The customer-code and VPC endpoint refusals keep their facts: the rule, the host, the missing field.
    const broad = production.createSigner({ rules: [{ host: '*.amazonaws.com' }] })
    expect((await broad.explain('https://x.execute-api.eu-west-1.amazonaws.com/')).reason).toBe(
      'rules[0] (*.amazonaws.com): x.execute-api.eu-west-1.amazonaws.com:443 customerCode x.execute-api.eu-west-1.amazonaws.com: customer code (execute-api)',
    )
    expect(
      (await signer.explain('https://vpce-0a1b-c2d3.execute-api.eu-west-1.vpce.amazonaws.com/')).reason,
    ).toBe('vpce-0a1b-c2d3.execute-api.eu-west-1.vpce.amazonaws.com:443: apiIds')
    expect(
      (await production.createSigner({ awsHosts: false }).explain('https://ec2.us-west-2.amazonaws.com/'))
        .reason,
    ).toBe('ec2.us-west-2.amazonaws.com:443: awsHosts is false')
    const guess = await signer.explain('https://bucket.s3.amazonaws.com/k')
    expect(guess.plan).toMatchObject({ service: 's3', region: 'us-east-1', regionCertain: false })
    expect(guess.warnings).toEqual(['bucket.s3.amazonaws.com:443: region us-east-1 is a guess'])
  })

  it('signs exactly like the development build (checked by the verifier)', async () => {
    const signer = production.createSigner({ credentials: CREDENTIALS, now: () => NOW })
    const { request, plan } = await signer.sign({
      method: 'POST',
      url: 'https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions&Version=2016-11-15',
      body: new Uint8Array([1, 2, 3]),
    })
    expect(plan).toMatchObject({ service: 'ec2', region: 'us-west-2', source: 'aws' })
    const verified = await verifyRequest(toFetchRequest(request), {
      credentials: [CREDENTIALS],
      endpoints: { 'ec2.us-west-2.amazonaws.com': { service: 'ec2', region: 'us-west-2' } },
      now: () => NOW,
    })
    expect(verified.ok, verified.ok ? '' : verified.message).toBe(true)
  })
})
