import { describe, expectTypeOf, test } from 'vitest'
import type { SignerOptions, SigningRule } from '../../src/index'

// The shapes compileRule rejects at run time are type errors at compile time, so an editor shows them first.
describe('SigningRule', () => {
  test('accepts the documented shapes', () => {
    const rules: SigningRule[] = [
      { host: 'abc.execute-api.eu-west-1.amazonaws.com' },
      { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' },
      { host: /\.example\.com$/, service: 'execute-api', algorithm: 'sigv4', region: 'eu-west-1' },
      { host: 'mrap.example.com', service: 's3', algorithm: 'sigv4a', regionSet: ['us-*'] },
      { host: 'bucket.example.com', service: 's3', region: 'us-east-1', unsignedPayload: true },
      { host: 'd111111abcdef8.cloudfront.net', payloadHashOnly: true },
      { host: 'bedrock-mantle.us-east-1.api.aws', replaceBearer: true },
    ]
    expectTypeOf(rules).toExtend<NonNullable<SignerOptions['rules']>>()
  })

  test('regionSet only with SigV4A', () => {
    // @ts-expect-error regionSet is only for algorithm: 'sigv4a'
    const implicit: SigningRule = { host: 'a.example.com', service: 'x', regionSet: ['us-*'] }
    // @ts-expect-error regionSet is only for algorithm: 'sigv4a'
    const explicit: SigningRule = {
      host: 'a.example.com',
      service: 'x',
      algorithm: 'sigv4',
      regionSet: ['*'],
    }
    expectTypeOf([implicit, explicit]).toBeArray()
  })

  test('SigV4A signs for a region set, not a region', () => {
    // @ts-expect-error SigV4A takes regionSet, not region
    const rule: SigningRule = {
      host: 'a.example.com',
      service: 'x',
      algorithm: 'sigv4a',
      region: 'us-east-1',
    }
    expectTypeOf(rule).toExtend<SigningRule>()
  })

  test('payloadHashOnly allows no other field but host', () => {
    // @ts-expect-error nothing is signed, so no service
    const withService: SigningRule = { host: 'a.example.com', payloadHashOnly: true, service: 'lambda' }
    // @ts-expect-error nothing is signed, so no credentials
    const withCredentials: SigningRule = {
      host: 'a.example.com',
      payloadHashOnly: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    }
    expectTypeOf([withService, withCredentials]).toBeArray()
  })

  test('host is required', () => {
    // @ts-expect-error a rule needs a host
    const rule: SigningRule = { service: 'execute-api', region: 'eu-west-1' }
    expectTypeOf(rule).toExtend<SigningRule>()
  })
})
