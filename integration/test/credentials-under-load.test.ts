import { CredentialsError, createSigner, isAwsSigError } from '@awssig/core'
import type { VerifierCredentials } from '@awssig/testing'
import { startVerifyingServer, type VerifyingServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADAPTERS, type Call, createClient } from './support/clients'
import { API_HOST, BUCKET_HOST, ENDPOINTS, RULES, sha256Hex } from './support/endpoints'
import { createRotatingCredentials } from './support/rotating-credentials'

const CONCURRENT = 200

let server: VerifyingServer
// The simulated account: providers register the identities they mint here (the server reads it per request).
const account: VerifierCredentials[] = []

beforeAll(async () => {
  server = await startVerifyingServer({ port: 0, endpoints: ENDPOINTS, credentials: account })
})
afterAll(() => server.close())

function callFor(index: number): Call {
  const body = JSON.stringify({ index })
  return index % 2 === 0
    ? {
        method: 'POST',
        url: `https://${API_HOST}/prod/items/${index}`,
        body,
        contentType: 'application/json',
      }
    : { method: 'PUT', url: `https://${BUCKET_HOST}/objects/${index}`, body, contentType: 'application/json' }
}

function postFor(index: number): Call {
  return { ...callFor(index * 2), method: 'POST' }
}

describe('credentials under load', () => {
  it(`${CONCURRENT} concurrent first signs across every adapter share one provider call`, async () => {
    // A provider as slow as an STS call, so all the first signs are waiting on it at the same time.
    const rotating = createRotatingCredentials({ lifetimeMs: 60_000, account, delayMs: 50 })
    const signer = createSigner({ credentials: rotating.provider, rules: RULES })
    const clients = ADAPTERS.map((adapter) => createClient(adapter, signer, server))
    const before = server.requests.length

    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) => clients[index % clients.length]!.send(callFor(index))),
    )
    rotating.stop()

    expect(rotating.calls).toBe(1)
    const failures = answers.filter((answer) => answer.status !== 200)
    expect(failures.slice(0, 3)).toEqual([])
    answers.forEach((answer, index) => {
      expect(answer.echo?.accessKeyId).toBe(rotating.minted[0])
      expect(answer.echo?.bodySha256).toBe(sha256Hex(callFor(index).body!))
    })
    expect(server.requests.length - before).toBe(CONCURRENT)
  })

  describe.each(ADAPTERS)('%s with a provider that fails once', (adapter) => {
    it('rejects with CredentialsError, sends nothing, and the next request calls the provider again', async () => {
      const rotating = createRotatingCredentials({ lifetimeMs: 60_000, account })
      let failNext = true
      const provider = async () => {
        if (failNext) {
          failNext = false
          throw new Error('STS is unavailable (simulated)')
        }
        return rotating.provider()
      }
      const signer = createSigner({ credentials: provider, rules: RULES })
      const client = createClient(adapter, signer, server)
      const before = server.requests.length

      const failed = await client.send(callFor(0)).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failed).toBeInstanceOf(CredentialsError)
      expect(isAwsSigError(failed)).toBe(true)
      expect((failed as CredentialsError).cause).toBeInstanceOf(Error)
      expect(server.requests.length - before).toBe(0)

      const answer = await client.send(callFor(1))
      rotating.stop()
      expect(answer.status, answer.text).toBe(200)
      expect(answer.echo?.accessKeyId).toBe(rotating.minted[0])
      expect(rotating.calls).toBe(1)
      expect(server.requests.length - before).toBe(1)
    })
  })

  // POSTs only: ky 1 retries other methods itself after any error, including one thrown by a hook (below).
  it('concurrent signs that hit a failing provider share its one failure, then recover together', async () => {
    const rotating = createRotatingCredentials({ lifetimeMs: 60_000, account })
    let attempts = 0
    const provider = async () => {
      attempts += 1
      // Slow enough that every one of the 50 requests is waiting on this call before it fails.
      await new Promise((resolve) => setTimeout(resolve, 300))
      if (attempts === 1) throw new Error('throttled (simulated)')
      return rotating.provider()
    }
    const signer = createSigner({ credentials: provider, rules: RULES })
    const clients = ADAPTERS.map((adapter) => createClient(adapter, signer, server))
    const before = server.requests.length

    const first = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => clients[index % clients.length]!.send(postFor(index))),
    )
    expect(attempts).toBe(1)
    expect(
      first.every((result) => result.status === 'rejected' && result.reason instanceof CredentialsError),
    ).toBe(true)
    expect(server.requests.length - before).toBe(0)

    const second = await Promise.all(
      Array.from({ length: 50 }, (_, index) => clients[index % clients.length]!.send(postFor(index))),
    )
    rotating.stop()
    expect(attempts).toBe(2)
    expect(second.map((answer) => answer.status)).toEqual(Array(50).fill(200))
    expect(server.requests.length - before).toBe(50)
  })

  it('ky 1 retries a GET or PUT whose provider failed (its retry covers any error), so the caller sees success', async () => {
    // ky 1 retries every error for its retriable methods, including a CredentialsError thrown by the
    // signing hook; ky 2 retries only network errors. Nothing is sent by the failed attempt either way.
    const rotating = createRotatingCredentials({ lifetimeMs: 60_000, account })
    let attempts = 0
    const provider = async () => {
      attempts += 1
      if (attempts === 1) throw new Error('throttled (simulated)')
      return rotating.provider()
    }
    const signer = createSigner({ credentials: provider, rules: RULES })
    const before = server.requests.length
    const answer = await createClient('ky1', signer, server).send(callFor(1))
    rotating.stop()
    expect(answer.status, answer.text).toBe(200)
    expect(attempts).toBe(2)
    expect(server.requests.length - before).toBe(1)

    const strict = createSigner({
      credentials: async () => {
        throw new Error('always down (simulated)')
      },
      rules: RULES,
    })
    const ky2Result = await createClient('ky2', strict, server)
      .send(callFor(1))
      .then(
        () => undefined,
        (error: unknown) => error,
      )
    expect(ky2Result).toBeInstanceOf(CredentialsError)
    expect(server.requests.length - before).toBe(1)
  })
})
