import { createSigner, type SignerOptions } from '@awssig/core'
import { type EndpointConfig, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, toFetchRequest } from '../support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW

async function signAndVerify(
  url: string,
  endpoint: EndpointConfig,
  options: SignerOptions = {},
  body?: string,
) {
  const signer = createSigner({ credentials: CREDENTIALS, now, ...options })
  const { request, plan } = await signer.sign({ method: body ? 'POST' : 'GET', url, body })
  const result = await verifyRequest(toFetchRequest(request), {
    credentials: [CREDENTIALS],
    endpoints: { [new URL(url).hostname]: endpoint },
    now,
  })
  return { result, plan, request }
}

describe('plans for the hosts of issue 14, accepted by the independent verifier', () => {
  it('Aurora DSQL cluster: SigV4 for dsql in the cluster region', async () => {
    const url = 'https://abc0def1baz2quux3quuux4.dsql.us-east-1.on.aws/?Action=DbConnect'
    const { result, plan } = await signAndVerify(url, { service: 'dsql', region: 'us-east-1' })
    expect(plan).toMatchObject({ service: 'dsql', region: 'us-east-1', source: 'aws' })
    expect(result).toMatchObject({ ok: true })
  })

  it('CloudFront KeyValueStore: SigV4A, region set *, and SigV4 is refused there', async () => {
    const url = 'https://111122223333.cloudfront-kvs.global.api.aws/key-value-stores/arn/keys'
    const { result, plan, request } = await signAndVerify(url, {
      service: 'cloudfront-keyvaluestore',
      region: 'us-east-1',
      algorithm: 'sigv4a',
      sigv4aOnly: true,
    })
    expect(plan).toMatchObject({ service: 'cloudfront-keyvaluestore', algorithm: 'sigv4a', regionSet: ['*'] })
    expect(request.headers.get('x-amz-region-set')).toBe('*')
    expect(result).toMatchObject({ ok: true, algorithm: 'sigv4a' })
  })

  const lattice = 'https://user-02222f67d3a427111.1234abc.vpc-lattice-svcs.us-west-2.on.aws/create'
  it('VPC Lattice service: customer code, so no plan without a rule', async () => {
    const explanation = await createSigner({ credentials: CREDENTIALS }).explain(lattice)
    expect(explanation.plan).toBeNull()
    expect(explanation.reason).toContain('customer code')
  })

  it('VPC Lattice service: a rule naming only the host gets service, region and UNSIGNED-PAYLOAD from it', async () => {
    const host = new URL(lattice).hostname
    const { result, plan, request } = await signAndVerify(
      lattice,
      // The verifier's `s3` dialect is the one that takes UNSIGNED-PAYLOAD (the path needs no encoding).
      { service: 'vpc-lattice-svcs', region: 'us-west-2', dialect: 's3' },
      { rules: [{ host }] },
      '{"order":1}',
    )
    expect(plan).toMatchObject({ service: 'vpc-lattice-svcs', region: 'us-west-2', unsignedPayload: true })
    expect(plan?.warnings).toEqual([])
    expect(request.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD')
    expect(result).toMatchObject({ ok: true })
  })

  it('S3 Express One Zone directory bucket: declined, and explain says why', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const explanation = await signer.explain(
      'https://amzn-s3-demo-bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/key',
    )
    expect(explanation.plan).toBeNull()
    expect(explanation.reason).toContain('CreateSession')
  })

  it('S3 on Outposts control plane signs as s3-outposts with ordinary (double-encoding) rules', async () => {
    const url = 'https://s3-outposts.us-west-2.amazonaws.com/S3Outposts/ListEndpoints'
    const { result, plan } = await signAndVerify(url, {
      service: 's3-outposts',
      region: 'us-west-2',
      dialect: 'query',
    })
    expect(plan).toMatchObject({ service: 's3-outposts', region: 'us-west-2' })
    expect(plan).not.toHaveProperty('s3')
    expect(result).toMatchObject({ ok: true })
  })
})
