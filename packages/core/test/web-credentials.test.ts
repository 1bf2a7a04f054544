import { CredentialsError, createSigner, InvalidRuleError, isAwsSigError } from '@awssig/core'
import { fromCognitoIdentityPool, fromWebToken, IdentityCallError } from '@awssig/core/credentials'
import { type VerifierCredentials, verifyRequest } from '@awssig/testing'
import { type IdentityServer, startIdentityServer } from '@awssig/testing/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toFetchRequest } from './support/verify'

const REGION = 'eu-west-1'
const POOL = `${REGION}:0f2c9a3e-5b1d-4c8e-9a7f-3d2e1b0c9a8f`
const USER_POOL_PROVIDER = `cognito-idp.${REGION}.amazonaws.com/${REGION}_AbCdEf123`
const LOGIN_TOKEN = 'eyJraWQiOiJsb2dpbi10b2tlbi1mb3ItdGVzdHMifQ.payload-of-the-login-token.signature'
const WEB_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.web-identity-token-for-tests.signature-part'
const ROLE = 'arn:aws:iam::123456789012:role/web-app'
const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items'
const ENDPOINTS = { 'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: REGION } }

let t = Date.parse('2026-12-03T12:00:00Z')
const now = () => new Date(t)
let account: VerifierCredentials[]
let ids: IdentityServer
const memoryStorage = () => {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k),
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

beforeEach(async () => {
  t = Date.parse('2026-12-03T12:00:00Z')
  account = []
  // The test's own tokens join the secret scan: no error or log line may quote them.
  const scan = globalThis as { __AWSSIG_TEST_SECRETS__?: string[] }
  scan.__AWSSIG_TEST_SECRETS__ ??= []
  scan.__AWSSIG_TEST_SECRETS__.push(LOGIN_TOKEN, WEB_TOKEN)
  ids = await startIdentityServer({
    region: REGION,
    cognito: { identityPools: [POOL], logins: { [USER_POOL_PROVIDER]: [LOGIN_TOKEN] }, account, now },
    sts: { roles: [ROLE], tokens: [WEB_TOKEN], account, now },
  })
})
afterEach(() => ids.close())

function signerWith(credentials: () => Promise<unknown>) {
  return createSigner({
    credentials: credentials as never,
    now,
    refreshBeforeExpiryMs: 300_000,
    rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
  })
}

async function signAndVerify(signer: ReturnType<typeof signerWith>) {
  const { request } = await signer.sign({ method: 'GET', url: API })
  return verifyRequest(toFetchRequest(request), { credentials: account, endpoints: ENDPOINTS, now })
}

const operations = () => ids.cognito?.calls.map((c) => `${c.operation}:${c.status}`)

describe('fromCognitoIdentityPool', () => {
  it('unauthenticated: GetId then GetCredentialsForIdentity; the signature verifies with the issued key', async () => {
    const cache = memoryStorage()
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache })
    const result = await signAndVerify(signerWith(provider))
    expect(result.ok).toBe(true)
    expect(operations()).toEqual(['GetId:200', 'GetCredentialsForIdentity:200'])
    const [identityId] = [...(ids.cognito?.identities.keys() ?? [])]
    expect(cache.map.get(`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`)).toBe(identityId)
  })

  it('a new page load (new provider, same cache) reuses the identity: no second GetId', async () => {
    const cache = memoryStorage()
    await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache })()
    const again = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache })()
    expect(operations()).toEqual([
      'GetId:200',
      'GetCredentialsForIdentity:200',
      'GetCredentialsForIdentity:200',
    ])
    expect((again as { identityId?: string }).identityId).toBe([...(ids.cognito?.identities.keys() ?? [])][0])
  })

  it('with a login token: Logins go to both calls, and the identity is not cached without userIdentifier', async () => {
    const cache = memoryStorage()
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      logins: { [USER_POOL_PROVIDER]: async () => LOGIN_TOKEN },
      fetch: ids.fetch,
      cache,
    })
    expect((await signAndVerify(signerWith(provider))).ok).toBe(true)
    expect(ids.cognito?.calls.map((c) => c.input.Logins)).toEqual([
      { [USER_POOL_PROVIDER]: LOGIN_TOKEN },
      { [USER_POOL_PROVIDER]: LOGIN_TOKEN },
    ])
    expect(cache.map.size).toBe(0)
  })

  it('concurrent first use through one signer: one GetId, one GetCredentialsForIdentity', async () => {
    const signer = signerWith(
      fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache: memoryStorage() }),
    )
    const results = await Promise.all(Array.from({ length: 20 }, () => signAndVerify(signer)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(operations()).toEqual(['GetId:200', 'GetCredentialsForIdentity:200'])
  })

  it('called directly and concurrently, the provider still mints one identity (one GetId)', async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch: ids.fetch,
      cache: memoryStorage(),
    })
    const all = await Promise.all([provider(), provider(), provider()])
    expect(ids.cognito?.calls.filter((c) => c.operation === 'GetId')).toHaveLength(1)
    expect(new Set(all.map((c) => (c as { identityId?: string }).identityId)).size).toBe(1)
  })

  it('keeps the identity ID in localStorage by default, under the AWS SDK key', async () => {
    const map = new Map<string, string>()
    const localStorage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    }
    const holder = globalThis as { localStorage?: unknown }
    holder.localStorage = localStorage
    try {
      await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch })()
      expect([...map.keys()]).toEqual([`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`])
    } finally {
      delete holder.localStorage
    }
  })

  it('refreshes before expiry (GetCredentialsForIdentity only), not earlier', async () => {
    const signer = signerWith(
      fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache: memoryStorage() }),
    )
    await signAndVerify(signer)
    t += 3_600_000 - 300_001
    expect((await signAndVerify(signer)).ok).toBe(true)
    expect(operations()).toHaveLength(2)
    t += 2
    const result = await signAndVerify(signer)
    expect(result.ok).toBe(true)
    expect(operations()).toEqual([
      'GetId:200',
      'GetCredentialsForIdentity:200',
      'GetCredentialsForIdentity:200',
    ])
    expect(result.ok && result.accessKeyId).toBe(account[1]?.accessKeyId)
  })

  it('a refused identity call: typed error with the code, nothing signed, cached identity dropped', async () => {
    const cache = memoryStorage()
    const signer = signerWith(fromCognitoIdentityPool({ identityPoolId: POOL, fetch: ids.fetch, cache }))
    ids.cognito?.failNext('GetCredentialsForIdentity', 'NotAuthorizedException')
    const error = await signer.sign({ method: 'GET', url: API }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialsError)
    expect(isAwsSigError(error)).toBe(true)
    expect((error as Error).message).toContain('GetCredentialsForIdentity failed: NotAuthorizedException')
    const cause = (error as Error).cause
    expect(cause).toBeInstanceOf(IdentityCallError)
    expect(cause).toMatchObject({
      operation: 'GetCredentialsForIdentity',
      code: 'NotAuthorizedException',
      status: 400,
    })
    expect(account).toHaveLength(0)
    expect(cache.map.size).toBe(0)
    // The next request tries again, with a new identity.
    expect((await signAndVerify(signer)).ok).toBe(true)
    expect(operations()).toEqual([
      'GetId:200',
      'GetCredentialsForIdentity:400',
      'GetId:200',
      'GetCredentialsForIdentity:200',
    ])
  })

  it('an unknown pool, a bad login token, an unreachable service: typed errors that quote no token', async () => {
    const unknown = fromCognitoIdentityPool({ identityPoolId: `${REGION}:not-a-pool`, fetch: ids.fetch })
    await expect(unknown()).rejects.toMatchObject({ code: 'ResourceNotFoundException', operation: 'GetId' })
    const badLogin = fromCognitoIdentityPool({
      identityPoolId: POOL,
      logins: { [USER_POOL_PROVIDER]: `${LOGIN_TOKEN}x` },
      fetch: ids.fetch,
    })
    const refused = (await badLogin().catch((e: unknown) => e)) as IdentityCallError
    expect(refused.code).toBe('NotAuthorizedException')
    expect(JSON.stringify({ ...refused, message: refused.message })).not.toContain(LOGIN_TOKEN)
    const offline = fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expect(offline()).rejects.toMatchObject({
      name: 'CredentialsError',
      code: 'NetworkError',
      status: 0,
    })
  })

  it('bad options are typed errors naming the field, before any call', () => {
    expect(() => fromCognitoIdentityPool({ identityPoolId: '' })).toThrow(InvalidRuleError)
    expect(() => fromCognitoIdentityPool({ identityPoolId: '' })).toThrow(
      expect.objectContaining({ field: 'identityPoolId' }),
    )
    expect(ids.cognito?.calls).toHaveLength(0)
  })
})

describe('fromWebToken', () => {
  it('AssumeRoleWithWebIdentity at the regional endpoint; the signature verifies with the issued key', async () => {
    const provider = fromWebToken({
      roleArn: ROLE,
      webIdentityToken: WEB_TOKEN,
      roleSessionName: 'ci',
      clientConfig: { region: REGION },
      fetch: ids.fetch,
    })
    expect((await signAndVerify(signerWith(provider))).ok).toBe(true)
    expect(ids.sts?.calls.map((c) => [c.input.RoleArn, c.input.RoleSessionName, c.status])).toEqual([
      [ROLE, 'ci', 200],
    ])
  })

  it('a token function is called on each refresh; refresh happens before expiry', async () => {
    let tokenCalls = 0
    const signer = signerWith(
      fromWebToken({
        roleArn: ROLE,
        webIdentityToken: () => {
          tokenCalls += 1
          return WEB_TOKEN
        },
        durationSeconds: 900,
        clientConfig: { region: REGION },
        fetch: ids.fetch,
      }),
    )
    await Promise.all([signAndVerify(signer), signAndVerify(signer), signAndVerify(signer)])
    expect(tokenCalls).toBe(1)
    t += 900_000 - 300_001
    await signAndVerify(signer)
    expect(tokenCalls).toBe(1)
    t += 2
    expect((await signAndVerify(signer)).ok).toBe(true)
    expect(tokenCalls).toBe(2)
    expect(ids.sts?.calls.map((c) => c.input.DurationSeconds)).toEqual(['900', '900'])
  })

  it('STS errors are typed (code, status) and never quote the token', async () => {
    const wrong = fromWebToken({
      roleArn: ROLE,
      webIdentityToken: `${WEB_TOKEN}x`,
      clientConfig: { region: REGION },
      fetch: ids.fetch,
    })
    await expect(wrong()).rejects.toMatchObject({ code: 'InvalidIdentityToken', status: 400 })
    const otherRole = fromWebToken({
      roleArn: `${ROLE}2`,
      webIdentityToken: WEB_TOKEN,
      clientConfig: { region: REGION },
      fetch: ids.fetch,
    })
    await expect(otherRole()).rejects.toMatchObject({ code: 'AccessDenied', status: 403 })
    ids.sts?.failNext('ExpiredTokenException')
    const signer = signerWith(
      fromWebToken({
        roleArn: ROLE,
        webIdentityToken: WEB_TOKEN,
        clientConfig: { region: REGION },
        fetch: ids.fetch,
      }),
    )
    const error = (await signer.sign({ method: 'GET', url: API }).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(CredentialsError)
    expect(error.message).toContain('AssumeRoleWithWebIdentity failed: ExpiredTokenException')
    expect(account).toHaveLength(0)
  })

  it('bad options are typed errors naming the field', () => {
    expect(() => fromWebToken({ roleArn: '', webIdentityToken: WEB_TOKEN })).toThrow(
      expect.objectContaining({ field: 'roleArn' }),
    )
    expect(() => fromWebToken({ roleArn: ROLE, webIdentityToken: '' })).toThrow(
      expect.objectContaining({ field: 'webIdentityToken' }),
    )
  })
})
