import { afterEach, describe, expect, it } from 'vitest'
import { createSigner, InvalidRuleError } from '../../src/index'
import { CREDENTIALS } from '../support/verify'

// Issue 13, finding 8: options and rules are read from their own properties only, so code that polluted
// Object.prototype cannot supply credentials, a service or a region.

const proto = Object.prototype as Record<string, unknown>
afterEach(() => {
  for (const key of ['credentials', 'service', 'region', 'rules', 'signingDate', 'debug']) delete proto[key]
})

describe('own properties only', () => {
  it('a polluted Object.prototype.credentials is not used by a rule or the signer', async () => {
    proto.credentials = { accessKeyId: 'AKIDPOLLUTED', secretAccessKey: 'polluted-secret-value' }
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
    })
    const { request } = await signer.sign({ method: 'GET', url: 'https://api.example.com/' })
    expect(request.headers.get('authorization')).toContain(CREDENTIALS.accessKeyId)
    expect(request.headers.get('authorization')).not.toContain('AKIDPOLLUTED')
  })

  it('a polluted service/region does not complete a rule', () => {
    proto.service = 'execute-api'
    proto.region = 'eu-west-1'
    expect(() => createSigner({ credentials: CREDENTIALS, rules: [{ host: 'api.example.com' }] })).toThrow(
      InvalidRuleError,
    )
  })

  it('a polluted Object.prototype.rules claims no host for the signer', async () => {
    proto.rules = [{ host: '*.attacker.example', service: 'execute-api', region: 'eu-west-1' }]
    const signer = createSigner({ credentials: CREDENTIALS })
    const { request, plan } = await signer.sign({ method: 'GET', url: 'https://api.attacker.example/' })
    expect(plan).toBeNull()
    expect(request.headers.get('authorization')).toBeNull()
  })

  it('a polluted signingDate or debug is not read from sign and presign options', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
    })
    proto.signingDate = new Date('2001-02-03T04:05:06Z')
    proto.debug = true
    const result = await signer.sign({ method: 'GET', url: 'https://api.example.com/' })
    expect(result.request.headers.get('x-amz-date')).not.toBe('20010203T040506Z')
    expect(result.canonicalRequest).toBeUndefined()
    const url = await signer.presign({ method: 'GET', url: 'https://api.example.com/' }, { expiresIn: 60 })
    expect(new URL(url).searchParams.get('X-Amz-Date')).not.toBe('20010203T040506Z')
  })
})
