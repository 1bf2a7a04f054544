// Issue 12, findings 6 and 7: the caller's AbortSignal stops a signed call at every await (a body stream that
// never ends, a credential provider that never settles), and an error answer whose body trickles does not
// hold the caller's response hostage (plain fetch resolves at the headers). Through every adapter path.
import { Readable } from 'node:stream'
import { createSigner } from '@awssig/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type AdapterPath, type FetchPath, openThrough, PATHS, sendThrough } from './support/redirect-clients'
import { type Station, startStation } from './support/stations'

const CREDENTIALS = {
  accessKeyId: 'AKIDABORTANDTRICKLE1',
  secretAccessKey: 'abort/and+trickle/secret/key/000000000000',
}

let api: Station
let trickle: ReturnType<typeof createTrickle>

beforeAll(async () => {
  trickle = createTrickle()
  api = await startStation('http', '127.0.0.1', () => trickle.response())
})
afterAll(async () => {
  trickle.finish()
  await api.close()
})
afterEach(() => {
  trickle.finish()
  trickle = createTrickle()
  api.received.length = 0
})

/** A 403 JSON error whose body sends its first bytes at once and the rest only when `finish()` is called. */
function createTrickle() {
  let finish = () => {}
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })
  const encoder = new TextEncoder()
  return {
    finish,
    response: () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(encoder.encode('{"message":"Signature expired: 20260101T000000Z is now '))
            await finished
            controller.enqueue(encoder.encode('earlier than 20260101T001500Z"}'))
            controller.close()
          },
        }),
        { status: 403, headers: { 'content-type': 'application/json', date: new Date().toUTCString() } },
      ),
  }
}

const rule = { host: '127.0.0.1', service: 'execute-api', region: 'eu-west-1' }

describe.each(PATHS)('%s', (path: AdapterPath) => {
  it('a credential provider that never settles: the signal rejects the call promptly, nothing is sent', async () => {
    const signer = createSigner({ credentials: () => new Promise(() => {}), rules: [rule] })
    const started = Date.now()
    const error = await sendThrough(path, signer, {
      method: 'GET',
      url: `${api.origin}/x`,
      headers: {},
      signal: AbortSignal.timeout(150),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(api.received).toHaveLength(0)
  })

  it('a body stream that never ends: the signal rejects the call promptly, nothing is sent', async () => {
    const signer = createSigner({ credentials: CREDENTIALS, rules: [rule] })
    // axios takes a Node stream; the others a web ReadableStream.
    const endless = path.startsWith('axios')
      ? new Readable({ read() {} }).on('resume', function (this: Readable) {
          this.push(new Uint8Array([1, 2, 3]))
        })
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array([1, 2, 3]))
          },
        })
    const started = Date.now()
    const error = await sendThrough(path, signer, {
      method: 'POST',
      url: `${api.origin}/x`,
      headers: {},
      body: endless as unknown as string,
      signal: AbortSignal.timeout(150),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(api.received).toHaveLength(0)
  })

  // axios reads every answer to its end before resolving, signed or not: nothing for awssig to give back.
  it.runIf(!path.startsWith('axios'))(
    'an error answer whose body trickles is returned within the 2 s reading window, unread and whole',
    async () => {
      const signer = createSigner({ credentials: CREDENTIALS, rules: [rule] })
      const started = Date.now()
      const outcome = openThrough(path as FetchPath, signer, {
        method: 'GET',
        url: `${api.origin}/x`,
        headers: {},
      })
      // The body completes only after the call resolved (or after 8 s, which fails the timing below).
      const late = setTimeout(() => trickle.finish(), 8_000)
      const resolvedAfter = await Promise.race([
        outcome.then(() => Date.now() - started),
        new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), 6_000)),
      ])
      trickle.finish()
      clearTimeout(late)
      expect(resolvedAfter).toBeLessThan(4_000)
      const response = await outcome
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('earlier than 20260101T001500Z')
      // Not retried: the lesson could not be read in time.
      expect(api.received).toHaveLength(1)
    },
    15_000,
  )
})
