import { type IdentityServer, startIdentityServer, type VerifierCredentials } from '@awssig/testing/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// The loopback identity services answer in the documented wire shapes: Cognito Identity is awsJson1_1
// (errors as `__type` + `x-amzn-ErrorType`, `Expiration` in epoch seconds), STS is awsQuery (XML, errors as
// `<ErrorResponse><Error><Code>`).
const POOL = 'eu-west-1:0f2c9a3e-5b1d-4c8e-9a7f-3d2e1b0c9a8f'
const ROLE = 'arn:aws:iam::123456789012:role/web'
const TOKEN = 'header.payload-of-a-web-identity-token.signature'
let account: VerifierCredentials[]
let server: IdentityServer

beforeEach(async () => {
  account = []
  server = await startIdentityServer({
    region: 'eu-west-1',
    cognito: { identityPools: [POOL], account },
    sts: { roles: [ROLE], tokens: [TOKEN], account, lifetimeSeconds: 900 },
  })
})
afterEach(() => server.close())

const cognito = (operation: string, body: unknown) =>
  server.fetch('https://cognito-identity.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityService.${operation}`,
    },
    body: JSON.stringify(body),
  })
const sts = (params: Record<string, string>) =>
  server.fetch('https://sts.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', ...params }),
  })

describe('startIdentityServer', () => {
  it('Cognito: GetId then GetCredentialsForIdentity; the issued key joins the account', async () => {
    const id = (await (await cognito('GetId', { IdentityPoolId: POOL })).json()) as { IdentityId: string }
    expect(id.IdentityId).toMatch(/^eu-west-1:[0-9a-f-]{36}$/)
    const answer = await cognito('GetCredentialsForIdentity', { IdentityId: id.IdentityId })
    const body = (await answer.json()) as { Credentials: Record<string, unknown> }
    expect(body.Credentials).toMatchObject({
      AccessKeyId: expect.stringMatching(/^ASIA/),
      Expiration: expect.any(Number),
    })
    expect(account).toEqual([
      {
        accessKeyId: body.Credentials.AccessKeyId,
        secretAccessKey: body.Credentials.SecretKey,
        sessionToken: body.Credentials.SessionToken,
      },
    ])
  })

  it('Cognito errors: JSON __type and x-amzn-ErrorType, status 400', async () => {
    const unknown = await cognito('GetId', { IdentityPoolId: 'eu-west-1:nope' })
    expect(unknown.status).toBe(400)
    expect(unknown.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException')
    expect(await unknown.json()).toMatchObject({ __type: 'ResourceNotFoundException' })
    server.cognito?.failNext('GetId', 'TooManyRequestsException')
    expect((await cognito('GetId', { IdentityPoolId: POOL })).status).toBe(429)
  })

  it('STS: XML credentials with an ISO expiry, and XML ErrorResponse errors', async () => {
    const ok = await sts({ RoleArn: ROLE, RoleSessionName: 's', WebIdentityToken: TOKEN })
    const xml = await ok.text()
    expect(xml).toContain(
      '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    )
    expect(xml).toMatch(/<Expiration>\d{4}-\d\d-\d\dT[\d:.]+Z<\/Expiration>/)
    expect(account).toHaveLength(1)
    const bad = await sts({ RoleArn: ROLE, RoleSessionName: 's', WebIdentityToken: 'other' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(
      /<ErrorResponse[^>]*>\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>InvalidIdentityToken<\/Code>/,
    )
  })
})
