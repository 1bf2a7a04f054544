import { createSigner, InvalidRuleError } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, toFetchRequest } from './support/verify'

// Issue 16: an SDK's `Authorization: Bearer …` on a host awssig claims. Never dropped on awssig's own
// initiative (it may be a real Bedrock API key): passed through unsigned unless the rule says `replaceBearer`.
const HOST = 'bedrock-mantle.us-east-1.api.aws'
const URL_CHAT = `https://${HOST}/v1/chat/completions`
const ENDPOINTS = { [HOST]: { service: 'bedrock-mantle', region: 'us-east-1' } }
const request = (authorization: string, url = URL_CHAT) => ({
  method: 'POST',
  url,
  headers: { authorization, 'content-type': 'application/json' },
  body: '{"model":"m","messages":[]}',
})

describe('bearer on a claimed host', () => {
  it('is passed through unsigned by default (documented), the header untouched', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const result = await signer.sign(request('Bearer sk-placeholder'))
    expect(result.plan).toBeNull()
    expect(result.request.headers.get('authorization')).toBe('Bearer sk-placeholder')
  })

  it('replaceBearer: signed instead, the signature verifies, the bearer is gone, the caller’s headers unchanged', async () => {
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: HOST, replaceBearer: true }] })
    const input = request('Bearer sk-placeholder')
    const result = await signer.sign(input)
    expect(result.plan).toMatchObject({ service: 'bedrock-mantle', region: 'us-east-1', replaceBearer: true })
    expect(result.request.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 /)
    expect([...result.request.headers.values()].join('\n')).not.toContain('sk-placeholder')
    expect(input.headers.authorization).toBe('Bearer sk-placeholder')
    const verified = await verifyRequest(toFetchRequest(result.request), {
      credentials: [CREDENTIALS],
      endpoints: ENDPOINTS,
      now: () => new Date(),
    })
    expect(verified.ok).toBe(true)
  })

  it('replaceBearer never replaces another scheme or a presigned URL', async () => {
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: HOST, replaceBearer: true }] })
    const aws =
      'AWS4-HMAC-SHA256 Credential=AKIDOTHER/20261203/us-east-1/bedrock-mantle/aws4_request, SignedHeaders=host, Signature=00'
    expect((await signer.sign(request(aws))).request.headers.get('authorization')).toBe(aws)
    expect((await signer.sign(request('Basic dXNlcjpwYXNz'))).plan).toBeNull()
    const mixedCase = await signer.sign({ ...request(''), headers: [['Authorization', 'bearer sk-x']] })
    expect(mixedCase.request.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 /)
    const presigned = `${URL_CHAT}?X-Amz-Signature=abc`
    expect((await signer.sign(request('Bearer sk-placeholder', presigned))).plan).toBeNull()
  })

  it('replaceBearer only on its rule’s host', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'bedrock-mantle.eu-west-1.api.aws', replaceBearer: true }],
    })
    expect((await signer.sign(request('Bearer sk-real-key'))).plan).toBeNull()
  })

  it('explain says the bearer is replaced; a non-boolean replaceBearer is an InvalidRuleError naming it', async () => {
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: HOST, replaceBearer: true }] })
    expect((await signer.explain(URL_CHAT)).reason).toContain(
      'a Bearer Authorization is replaced by the signature',
    )
    expect(() => createSigner({ rules: [{ host: HOST, replaceBearer: 'yes' as never }] })).toThrow(
      expect.objectContaining({ name: 'InvalidRuleError', field: 'replaceBearer', ruleIndex: 0 }),
    )
    expect(() => createSigner({ rules: [{ host: HOST, replaceBearer: 1 as never }] })).toThrow(
      InvalidRuleError,
    )
  })
})
