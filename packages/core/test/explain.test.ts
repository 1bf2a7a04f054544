import { createSigner } from '@awssig/core'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS } from './support/verify'

describe('explain()', () => {
  it('says which rule matched and the scope', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' }],
    })
    const { plan, reason } = await signer.explain('https://api.corp.example/x')
    expect(plan).toMatchObject({ source: 'rule', ruleIndex: 0 })
    expect(reason).toBe(
      'rules[0] (*.corp.example) matches api.corp.example:443 → SigV4 for service execute-api in eu-west-1.',
    )
  })

  it('names AWS inference for AWS hosts', async () => {
    const { plan, reason } = await createSigner({ credentials: CREDENTIALS }).explain(
      'https://ec2.us-west-2.amazonaws.com/',
    )
    expect(plan).toMatchObject({ source: 'aws', service: 'ec2', region: 'us-west-2' })
    expect(reason).toMatch(
      /^AWS host inference: .*ec2\.us-west-2\.amazonaws\.com → SigV4 for service ec2 in us-west-2\.$/,
    )
  })

  it('declines customer-code hosts unless a rule or awsHosts: "all" claims them, and says why', async () => {
    const url = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'
    const declined = await createSigner({ credentials: CREDENTIALS }).explain(url)
    expect(declined.plan).toBeNull()
    expect(declined.reason).toContain('runs customer code')
    expect(declined.reason).toContain("awsHosts is 'all'")
    expect(await createSigner({ credentials: CREDENTIALS, awsHosts: 'all' }).resolve(url)).toMatchObject({
      service: 'execute-api',
      region: 'eu-west-1',
    })
  })

  it('explains hosts nothing claims', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    expect((await signer.explain('https://example.com/')).reason).toBe('example.com is not an AWS hostname.')
    expect((await signer.explain('https://nonsense.thing.amazonaws.com/')).reason).toContain(
      'not a hostname awssig recognises',
    )
    expect(
      (await createSigner({ awsHosts: false }).explain('https://ec2.us-west-2.amazonaws.com/')).reason,
    ).toContain('awsHosts: false')
  })

  it('never guesses us-east-1 for an unknown host', async () => {
    expect(
      await createSigner({ credentials: CREDENTIALS }).resolve('https://foo.bar.amazonaws.com/'),
    ).toBeNull()
  })

  it('returns copies: mutating a plan does not change the next answer', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const plan = (await signer.resolve('https://ec2.us-west-2.amazonaws.com/'))!
    plan.region = 'xx'
    plan.warnings.push('x')
    expect(await signer.resolve('https://ec2.us-west-2.amazonaws.com/')).toMatchObject({
      region: 'us-west-2',
      warnings: [],
    })
  })
})
