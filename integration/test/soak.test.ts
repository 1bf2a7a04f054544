import { createSigner } from '@awssig/core'
import { echoBody, type VerifierCredentials } from '@awssig/testing'
import { startVerifyingServer, type VerifyingServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADAPTERS, type AdapterName, type Call, type Client, createClient } from './support/clients'
import { API_HOST, BUCKET_HOST, ENDPOINTS, RULES, sha256Hex } from './support/endpoints'
import { onNode20Lane } from './support/lanes'
import { measureHeap } from './support/measure-heap'
import { createRotatingCredentials, type RotatingCredentials } from './support/rotating-credentials'

const TOTAL = 10_000
const IN_FLIGHT = 200
const WARM_UP = 1_000
/** Long enough to outlive one 10-second credential set: the server paces its answers to last this long. */
const MIN_DURATION_MS = 14_000
const LIFETIME_MS = 10_000
const REFRESH_BEFORE_EXPIRY_MS = 2_000
/** A credential set is used for LIFETIME - REFRESH_BEFORE_EXPIRY before the signer asks for the next. */
const USABLE_LIFETIME_MS = LIFETIME_MS - REFRESH_BEFORE_EXPIRY_MS
/** Timing tolerance for refresh checks: a signed request's trip to the server on a loaded 2-core machine. */
const REFRESH_SLACK_MS = 750
const MAX_HEAP_GROWTH_BYTES = 20 * 1024 * 1024

/** Three request shapes, over both dialects: a GET with a query, a JSON POST, an S3 PUT. */
function callFor(index: number): Call {
  switch (index % 3) {
    case 0:
      return { method: 'GET', url: `https://${API_HOST}/prod/items?page=${index}&tag=a&tag=b&empty=` }
    case 1:
      return {
        method: 'POST',
        url: `https://${API_HOST}/prod/items`,
        body: JSON.stringify({ index, name: `item ${index}`, unicode: 'é✓' }),
        contentType: 'application/json',
      }
    default:
      return {
        method: 'PUT',
        url: `https://${BUCKET_HOST}/soak/${index}.txt`,
        body: `object ${index} `.repeat(8),
        contentType: 'text/plain',
      }
  }
}

interface Failure {
  index: number
  adapter: AdapterName
  detail: string
  /** From the call to the answer. */
  tookMs?: number
  /** AWS's answer to an identity it does not (or no longer) know. */
  tokenInvalid?: boolean
}

/**
 * Warm-up failures that say nothing about the signer: an answer "security token invalid" that came more
 * than `refreshBeforeExpiryMs` after its call. The signer hands out an identity with at least that much
 * life left, so only a request that waited longer than that between signing and verification can find it
 * expired. At a cold start with 200 requests in flight the first requests with a body are answered last
 * (≈ 2.5 s into the warm-up on a quiet machine); under a loaded test run the warm-up stretched past the
 * first identity's 10 s and those answers were refused. A signer that used stale identities fails at any
 * latency, and most answers take ≈ 0.2 s: it would still be caught. The soak itself stays strict.
 */
function lateDeliveries(failures: Failure[]): Failure[] {
  return failures.filter((f) => f.tokenInvalid && (f.tookMs ?? 0) >= REFRESH_BEFORE_EXPIRY_MS)
}

interface RunResult {
  durationMs: number
  failures: Failure[]
  keysUsed: Map<string, number>
  /** Per access key, when the last request that was signed with it was sent (epoch ms, taken at the call). */
  lastSentWith: Map<string, number>
  perAdapter: Record<string, number>
  maxInFlight: number
}

/**
 * Sends `total` requests with `inFlight` workers (each starts its next request as soon as one is answered),
 * round-robin over the clients. Every answer must be the server's verified echo, with the body hash of what
 * was sent.
 */
async function run(clients: Client[], total: number, inFlight: number): Promise<RunResult> {
  const failures: Failure[] = []
  const keysUsed = new Map<string, number>()
  const lastSentWith = new Map<string, number>()
  const perAdapter: Record<string, number> = {}
  let next = 0
  let active = 0
  let maxInFlight = 0
  const started = performance.now()

  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      const client = clients[index % clients.length]!
      const call = callFor(index)
      active += 1
      maxInFlight = Math.max(maxInFlight, active)
      try {
        // The signer picks the credentials within this call (cached credentials resolve in microtasks), so
        // this is when the key was used, whatever time the request then spends queued on a loaded machine.
        const sentAt = Date.now()
        const answer = await client.send(call)
        const wantHash = sha256Hex(call.body ?? '')
        if (answer.status !== 200 || !answer.echo) {
          // How long the call took says whether a "token invalid" came from a stale signature or from a
          // request that waited past its identity's expiry on a loaded machine (seen once, not reproduced).
          const tookMs = Date.now() - sentAt
          failures.push({
            index,
            adapter: client.name,
            detail: `${answer.status} ${answer.text?.slice(0, 200)} (answered ${tookMs} ms after the call)`,
            tookMs,
            tokenInvalid:
              answer.status === 403 &&
              /security token included in the request is invalid/.test(answer.text ?? ''),
          })
        } else if (answer.echo.bodySha256 !== wantHash) {
          failures.push({ index, adapter: client.name, detail: 'body hash differs from the bytes sent' })
        } else {
          keysUsed.set(answer.echo.accessKeyId, (keysUsed.get(answer.echo.accessKeyId) ?? 0) + 1)
          lastSentWith.set(
            answer.echo.accessKeyId,
            Math.max(lastSentWith.get(answer.echo.accessKeyId) ?? 0, sentAt),
          )
          perAdapter[client.name] = (perAdapter[client.name] ?? 0) + 1
        }
      } catch (error) {
        failures.push({ index, adapter: client.name, detail: `threw ${String(error)}` })
      } finally {
        active -= 1
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  return {
    durationMs: performance.now() - started,
    failures,
    keysUsed,
    lastSentWith,
    perAdapter,
    maxInFlight,
  }
}

describe.runIf(onNode20Lane)(
  'soak: 10,000 requests, 200 in flight, fetch + axios + ky 1 + ky 2, 10-second credentials',
  () => {
    let server: VerifyingServer
    let rotating: RotatingCredentials
    // The simulated account: the provider registers every identity it mints for exactly its lifetime.
    const account: VerifierCredentials[] = []

    // Answers are released no faster than one per `slotMs` once the soak starts (0 during the warm-up), so the
    // run lasts long enough to cross a credential expiry while the clients keep all 200 requests in flight:
    // a server with latency, not a client that waits.
    const pace = { start: 0, slotMs: 0, released: 0 }

    beforeAll(async () => {
      server = await startVerifyingServer({
        port: 0,
        endpoints: ENDPOINTS,
        credentials: account,
        resolver: async ({ verification }) => {
          const due = pace.start + pace.released++ * pace.slotMs - performance.now()
          if (due > 0) await new Promise((resolve) => setTimeout(resolve, due))
          return Response.json(echoBody(verification))
        },
      })
      rotating = createRotatingCredentials({ lifetimeMs: LIFETIME_MS, account })
    })
    afterAll(async () => {
      rotating.stop()
      await server.close()
    })

    it('has no failures, one provider call per credential lifetime, and bounded heap growth', async () => {
      const signerCreated = performance.now()
      const signer = createSigner({
        credentials: rotating.provider,
        rules: RULES,
        refreshBeforeExpiryMs: REFRESH_BEFORE_EXPIRY_MS,
      })
      const clients = ADAPTERS.map((adapter) => createClient(adapter, signer, server))

      // Warm-up at full concurrency: JIT, module loading and one keep-alive socket pool per transport exist
      // before the baseline, so the measured growth is what the soak itself retains.
      const warmUp = await run(clients, WARM_UP, IN_FLIGHT)
      const late = lateDeliveries(warmUp.failures)
      if (late.length > 0)
        console.log(`[soak] warm-up: ${late.length} answers refused after waiting past expiry`)
      const warmUpFailures = warmUp.failures.filter((f) => !late.includes(f))
      expect(warmUpFailures.slice(0, 5), JSON.stringify(warmUpFailures.slice(0, 5))).toEqual([])
      const servedBefore = server.requests.length
      const heapBefore = await measureHeap()

      Object.assign(pace, { start: performance.now(), slotMs: MIN_DURATION_MS / TOTAL, released: 0 })
      const soak = await run(clients, TOTAL, IN_FLIGHT)
      const soakEnded = performance.now()
      const heapAfter = await measureHeap()

      const served = server.requests.slice(servedBefore)
      const lastSent = (key: string) => {
        const times = [warmUp.lastSentWith.get(key), soak.lastSentWith.get(key)].filter(
          (t) => t !== undefined,
        )
        return times.length > 0 ? Math.max(...times) : undefined
      }
      const lifetimeMs = soakEnded - signerCreated
      const allowedCalls = Math.ceil(lifetimeMs / USABLE_LIFETIME_MS) + 1
      const growth = heapAfter.bytes - heapBefore.bytes
      const report = {
        requests: TOTAL,
        inFlight: soak.maxInFlight,
        durationMs: Math.round(soak.durationMs),
        requestsPerSecond: Math.round(TOTAL / (soak.durationMs / 1000)),
        providerCalls: rotating.calls,
        allowedProviderCalls: allowedCalls,
        signerLifetimeMs: Math.round(lifetimeMs),
        accessKeysUsed: soak.keysUsed.size,
        providerCallGapsMs: rotating.calledAt.slice(1).map((at, index) => at - rotating.calledAt[index]!),
        lastUseBeforeExpiryMs: rotating.minted
          .slice(0, -1)
          .map((key) => rotating.expirations.get(key)! - (lastSent(key) ?? Number.NaN)),
        perAdapter: soak.perAdapter,
        heapBeforeMB: mb(heapBefore.bytes),
        heapAfterMB: mb(heapAfter.bytes),
        heapGrowthMB: mb(growth),
        heapMethod: heapAfter.method,
        failures: soak.failures.length,
      }
      console.log(`[soak] ${JSON.stringify(report)}`)

      expect(soak.failures.slice(0, 5), JSON.stringify(soak.failures.slice(0, 5))).toEqual([])
      expect(served).toHaveLength(TOTAL)
      expect(served.every((request) => request.status === 200)).toBe(true)
      expect(soak.maxInFlight).toBe(IN_FLIGHT)
      // It crossed at least one expiry: more than one identity signed, and the run outlived a credential set.
      expect(soak.durationMs).toBeGreaterThanOrEqual(12_000)
      expect(soak.keysUsed.size).toBeGreaterThanOrEqual(2)
      expect([...soak.keysUsed.keys()].every((key) => rotating.minted.includes(key))).toBe(true)
      expect(rotating.calls).toBeGreaterThanOrEqual(2)
      expect(rotating.calls).toBeLessThanOrEqual(allowedCalls)
      // One call per lifetime, not a burst: successive calls are a usable lifetime apart.
      rotating.calledAt.slice(1).forEach((at, index) => {
        expect(at - rotating.calledAt[index]!).toBeGreaterThanOrEqual(USABLE_LIFETIME_MS - REFRESH_SLACK_MS)
      })
      // Each superseded identity stopped being used refreshBeforeExpiryMs ahead of its expiry (give or take
      // the time between a call and its signature on a loaded machine), not at the last moment. Measured at
      // the call, not on arrival: a request queued behind 200 others on two busy cores is no later use.
      for (const key of rotating.minted.slice(0, -1)) {
        const margin = rotating.expirations.get(key)! - lastSent(key)!
        expect(margin, `${key} was used until ${margin} ms before it expired`).toBeGreaterThanOrEqual(
          REFRESH_BEFORE_EXPIRY_MS - REFRESH_SLACK_MS,
        )
      }
      for (const adapter of ADAPTERS) expect(soak.perAdapter[adapter]).toBe(TOTAL / ADAPTERS.length)
      expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES)
    })
  },
)

function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10
}
