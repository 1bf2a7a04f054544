import { SESSION_CREDENTIALS } from '@awssig/test-utils/fixtures'
import { describe, expect, it } from 'vitest'
import {
  BodyTooLargeError,
  CredentialsError,
  createSignedFetch,
  createSigner,
  InvalidRuleError,
  isAwsSigError,
  NoMatchingRuleError,
  UnsignableBodyError,
} from '../src'

const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?X-Amz-Credential-like=1'
const rules = [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }]
const CONTRADICTED = [
  { host: 'api.example.org', service: 'execute-api', region: 'eu-west-1' },
  { host: 'ec2.us-west-2.amazonaws.com', region: 'eu-west-1' },
]

function countingFetch() {
  const state = { calls: 0 }
  const spy: typeof fetch = async () => {
    state.calls++
    return new Response('ok')
  }
  return { state, spy }
}

describe('adapter errors are typed, send nothing, and never contain a secret', () => {
  const cases: Array<{
    name: string
    type: new (...args: never[]) => Error
    run: (f: typeof fetch) => Promise<unknown>
  }> = [
    {
      name: 'BodyTooLargeError for a body over maxBodyBytes',
      type: BodyTooLargeError,
      run: (f) =>
        createSignedFetch(createSigner({ credentials: SESSION_CREDENTIALS, rules, maxBodyBytes: 3 }), {
          fetch: f,
        })(API, {
          method: 'POST',
          body: 'four',
        }),
    },
    {
      name: 'UnsignableBodyError for a body fetch cannot send',
      type: UnsignableBodyError,
      run: (f) =>
        createSignedFetch(createSigner({ credentials: SESSION_CREDENTIALS, rules }), { fetch: f })(API, {
          method: 'POST',
          body: { not: 'a body' } as unknown as BodyInit,
        }),
    },
    {
      // Checked against AWS host knowledge, which loads on demand: the first request fails instead of createSigner.
      name: 'InvalidRuleError for a rule its AWS hostname contradicts, on a request to that host',
      type: InvalidRuleError,
      run: (f) =>
        createSignedFetch(createSigner({ credentials: SESSION_CREDENTIALS, rules: CONTRADICTED }), {
          fetch: f,
        })('https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions'),
    },
    {
      name: 'InvalidRuleError for a rule its AWS hostname contradicts, on a request to any other host',
      type: InvalidRuleError,
      run: (f) =>
        createSignedFetch(createSigner({ credentials: SESSION_CREDENTIALS, rules: CONTRADICTED }), {
          fetch: f,
        })('https://api.example.org/x'),
    },
    {
      name: "NoMatchingRuleError under unmatched: 'error'",
      type: NoMatchingRuleError,
      run: (f) =>
        createSignedFetch(createSigner({ credentials: SESSION_CREDENTIALS, unmatched: 'error' }), {
          fetch: f,
        })('https://not-aws.example.org/x'),
    },
    {
      name: 'CredentialsError when the provider fails',
      type: CredentialsError,
      run: (f) =>
        createSignedFetch(
          createSigner({
            rules,
            credentials: async () => {
              throw new Error('provider down')
            },
          }),
          { fetch: f },
        )(API),
    },
  ]

  it.each(cases)('$name', async ({ type, run }) => {
    const { state, spy } = countingFetch()
    const error = await run(spy).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(type)
    expect(isAwsSigError(error)).toBe(true)
    expect(state.calls).toBe(0)
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as { url?: string }).url)}`
    expect(text).not.toContain(SESSION_CREDENTIALS.secretAccessKey)
    expect(text).not.toContain(SESSION_CREDENTIALS.sessionToken)
  })

  it('a failing provider is tried again on the next request', async () => {
    let calls = 0
    const signer = createSigner({
      rules,
      credentials: async () => {
        calls++
        if (calls === 1) throw new Error('temporarily down')
        return SESSION_CREDENTIALS
      },
    })
    const { state, spy } = countingFetch()
    const signedFetch = createSignedFetch(signer, { fetch: spy })
    await expect(signedFetch(API)).rejects.toBeInstanceOf(CredentialsError)
    expect((await signedFetch(API)).status).toBe(200)
    expect(state.calls).toBe(1)
  })
})
