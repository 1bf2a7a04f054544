import { createHash } from 'node:crypto'
import { createSigner, InvalidRuleError } from '@awssig/core'
import { describe, expect, it, vi } from 'vitest'
import { CREDENTIALS } from './support/verify'

const HOST = 'd111111abcdef8.cloudfront.net'
const sha256 = (body: string) => createHash('sha256').update(body).digest('hex')

/**
 * CloudFront Origin Access Control in front of a Lambda function URL signs the origin request itself, but
 * POST and PUT need the client's x-amz-content-sha256:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html
 */
describe('a payloadHashOnly rule', () => {
  it('adds only x-amz-content-sha256 with the SHA-256 of the body, and never asks for credentials', async () => {
    const provider = vi.fn(async () => CREDENTIALS)
    const signer = createSigner({ credentials: provider, rules: [{ host: HOST, payloadHashOnly: true }] })
    const body = '{"name":"Ada"}'
    const { request, plan } = await signer.sign({
      method: 'POST',
      url: `https://${HOST}/api/users`,
      body,
      headers: { 'content-type': 'application/json' },
    })
    expect(request.headers.get('x-amz-content-sha256')).toBe(sha256(body))
    expect(request.headers.get('content-type')).toBe('application/json')
    expect([...request.headers.keys()].sort()).toEqual(['content-type', 'x-amz-content-sha256'])
    expect(request.body).toBe(body)
    expect(plan).toMatchObject({ source: 'rule', ruleIndex: 0, payloadHashOnly: true })
    expect(provider).not.toHaveBeenCalled()
  })

  it('hashes the empty body for GET, and explain says nothing is signed', async () => {
    const signer = createSigner({ rules: [{ host: HOST, payloadHashOnly: true }] })
    const { request } = await signer.sign({ method: 'GET', url: `https://${HOST}/` })
    expect(request.headers.get('x-amz-content-sha256')).toBe(sha256(''))
    expect(request.headers.has('authorization')).toBe(false)
    expect((await signer.explain(`https://${HOST}/`)).reason).toContain('nothing signed')
  })

  it.each(['service', 'region', 'credentials', 'unsignedPayload'])(
    'refuses %s next to it (nothing is signed)',
    (field) => {
      const values: Record<string, unknown> = {
        service: 'lambda',
        region: 'us-east-1',
        credentials: CREDENTIALS,
        unsignedPayload: true,
      }
      const create = () =>
        createSigner({ rules: [{ host: HOST, payloadHashOnly: true, [field]: values[field] }] })
      expect(create).toThrow(InvalidRuleError)
      try {
        create()
      } catch (error) {
        expect(error).toMatchObject({ field, ruleIndex: 0 })
      }
    },
  )

  it('must be a boolean', () => {
    expect(() =>
      createSigner({ rules: [{ host: HOST, payloadHashOnly: 'yes' as unknown as true }] }),
    ).toThrow(InvalidRuleError)
  })
})

describe('unsignedPayload on a host that requires it', () => {
  it('is accepted in a rule for a VPC Lattice service (not only S3)', async () => {
    const host = 'user-02222f67d3a427111.1234abc.vpc-lattice-svcs.us-west-2.on.aws'
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host, unsignedPayload: true }] })
    expect(await signer.resolve(`https://${host}/`)).toMatchObject({
      service: 'vpc-lattice-svcs',
      unsignedPayload: true,
    })
  })
})
