import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CREDENTIALS, sha256Hex } from '@awssig/test-utils/fixtures'
import { type Loopback, startLoopback } from '@awssig/test-utils/loopback'
import { toResponse, verifyRequest } from '@awssig/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BodyTooLargeError, createSignedFetch, createSigner, NoMatchingRuleError } from '../src'

let api: Loopback
let slow: Server
let slowOrigin: string

beforeAll(async () => {
  api = await startLoopback(async (request) =>
    toResponse(
      await verifyRequest(request, {
        credentials: [CREDENTIALS],
        endpoints: { '127.0.0.1': { service: 's3', region: 'eu-central-1' } },
      }),
    ),
  )
  // Answers /stream with one chunk, then waits for /release before finishing; /hang never answers.
  let release: (() => void) | undefined
  slow = createServer((req, res) => {
    if (req.url === '/release') {
      release?.()
      res.end('released')
    } else if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first chunk;')
      release = () => res.end('last chunk')
    }
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  slowOrigin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
})
afterAll(async () => {
  await api.close()
  slow.closeAllConnections()
  await new Promise((resolve) => slow.close(resolve))
})

function recordingFetch() {
  const calls: Array<{ input: RequestInfo | URL; init: RequestInit | undefined }> = []
  const spy: typeof fetch = async (input, init) => {
    calls.push({ input, init })
    return new Response('spied')
  }
  return { calls, spy }
}

const s3Signer = (options: { maxBodyBytes?: number; unsignedPayload?: boolean } = {}) =>
  createSigner({
    credentials: CREDENTIALS,
    rules: [
      {
        host: '127.0.0.1',
        service: 's3',
        region: 'eu-central-1',
        unsignedPayload: options.unsignedPayload ?? false,
      },
    ],
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  })

describe('pass-through', () => {
  it('hands requests for unclaimed hosts to fetch with the very same arguments', async () => {
    const { calls, spy } = recordingFetch()
    const signedFetch = createSignedFetch(createSigner({ credentials: CREDENTIALS }), { fetch: spy })
    const init = { method: 'POST', body: 'x', headers: { a: 'b' } }
    await signedFetch('https://not-aws.example.org/x', init)
    const request = new Request('https://example.org/y')
    await signedFetch(request)
    expect(calls[0]?.input).toBe('https://not-aws.example.org/x')
    expect(calls[0]?.init).toBe(init)
    expect(calls[1]?.input).toBe(request)
    expect(calls[1]?.init).toBeUndefined()
  })

  it('leaves presigned URLs and requests with their own Authorization alone', async () => {
    const { calls, spy } = recordingFetch()
    const signer = createSigner({ credentials: CREDENTIALS })
    const signedFetch = createSignedFetch(signer, { fetch: spy })
    const presigned = await signer.presign(
      { method: 'GET', url: 'https://ec2.us-west-2.amazonaws.com/?Action=X' },
      { expiresIn: 60 },
    )
    await signedFetch(presigned)
    const own = { headers: { Authorization: 'Bearer abc' } }
    await signedFetch('https://ec2.us-west-2.amazonaws.com/', own)
    expect(calls[0]?.input).toBe(presigned)
    expect(calls[1]?.init).toBe(own)
  })

  it("rejects with NoMatchingRuleError for unclaimed hosts under unmatched: 'error', sending nothing", async () => {
    const { calls, spy } = recordingFetch()
    const signedFetch = createSignedFetch(createSigner({ credentials: CREDENTIALS, unmatched: 'error' }), {
      fetch: spy,
    })
    await expect(signedFetch('https://not-aws.example.org/x')).rejects.toBeInstanceOf(NoMatchingRuleError)
    expect(calls).toHaveLength(0)
  })
})

describe('bodies', () => {
  it("keeps the caller's Request usable", async () => {
    const request = new Request(`${api.origin}/bucket/key`, { method: 'PUT', body: 'keep me' })
    const response = await createSignedFetch(s3Signer())(request)
    expect(response.status, await response.clone().text()).toBe(200)
    expect(request.bodyUsed).toBe(false)
    expect(await request.text()).toBe('keep me')
  })

  it('hands binary bodies to fetch as given, never copied (fetch takes its own snapshot)', async () => {
    const { calls, spy } = recordingFetch()
    const signedFetch = createSignedFetch(s3Signer(), { fetch: spy })
    const backing = new Uint8Array([9, 1, 2, 3, 9])
    const bodies = [backing.subarray(1, 4), new DataView(backing.buffer, 1, 3), backing.buffer]
    for (const body of bodies) await signedFetch(`${api.origin}/bucket/key`, { method: 'PUT', body })
    expect(calls).toHaveLength(bodies.length)
    for (const [i, call] of calls.entries()) expect(call.init?.body).toBe(bodies[i])
  })

  it('signs the bytes as they are at the call: a buffer changed before the answer is rejected, never re-signed', async () => {
    // Credentials that take a while: the request is sent after the caller has changed its buffer.
    const slowCredentials = () => new Promise<typeof CREDENTIALS>((r) => setTimeout(() => r(CREDENTIALS), 20))
    const signer = createSigner({
      credentials: slowCredentials,
      rules: [{ host: '127.0.0.1', service: 's3', region: 'eu-central-1' }],
    })
    const signedFetch = createSignedFetch(signer)
    const untouched = new Uint8Array(64).fill(7)
    const ok = await signedFetch(`${api.origin}/bucket/key`, { method: 'PUT', body: untouched })
    expect(ok.status, await ok.clone().text()).toBe(200)

    const changed = new Uint8Array(64).fill(7)
    const pending = signedFetch(`${api.origin}/bucket/key`, { method: 'PUT', body: changed })
    changed.fill(8)
    const rejected = await pending
    expect(rejected.status).toBe(400)
    expect(await rejected.text()).toContain('XAmzContentSHA256Mismatch')
    // What was signed is the payload at the call, and what arrived is the changed one.
    expect(api.received.at(-1)?.headers['x-amz-content-sha256']).toBe(await sha256Hex(untouched))
  })

  it('refuses a stream over maxBodyBytes with BodyTooLargeError before a byte is sent', async () => {
    const { calls, spy } = recordingFetch()
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1000))
      },
    })
    const error = await createSignedFetch(s3Signer({ maxBodyBytes: 4000 }), { fetch: spy })(
      `${api.origin}/bucket/key`,
      {
        method: 'PUT',
        body: endless,
        duplex: 'half',
      } as RequestInit,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BodyTooLargeError)
    expect((error as BodyTooLargeError).limit).toBe(4000)
    expect(calls).toHaveLength(0)
    expect(pulled).toBeLessThan(10)
  })

  it('streams a body with UNSIGNED-PAYLOAD when the S3 rule allows it (verified by the S3 dialect)', async () => {
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk)
        controller.close()
      },
    })
    // Larger than maxBodyBytes: it is never buffered.
    const response = await createSignedFetch(s3Signer({ unsignedPayload: true, maxBodyBytes: 2 }))(
      `${api.origin}/bucket/streamed`,
      { method: 'PUT', body: stream, duplex: 'half' } as RequestInit,
    )
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo.bodySha256).toBe(await sha256Hex(new Uint8Array([1, 2, 3, 4, 5])))
    expect(api.received.at(-1)?.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD')
  })
})

describe('methods', () => {
  // fetch itself upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT and sends `patch` as written; the
  // signer signs the method upper-cased. Signed requests go out upper-cased (as axios and ky send them), so
  // the method sent is the method signed. (Node's HTTP server refuses a lower-case method with 400, so the
  // request fetch would send is verified directly.)
  it.each(['get', 'patch', 'Patch', 'PATCH'])('sends %s as the method it signed', async (method) => {
    const { calls, spy } = recordingFetch()
    const signedFetch = createSignedFetch(s3Signer(), { fetch: spy })
    for (const input of [undefined, new Request('http://127.0.0.1/bucket/key', { method })]) {
      calls.length = 0
      await signedFetch(input ?? 'http://127.0.0.1/bucket/key', input ? undefined : { method })
      const sent = new Request(calls[0]?.input as string, calls[0]?.init)
      expect(sent.method).toBe(method.toUpperCase())
      const verdict = await verifyRequest(sent, {
        credentials: [CREDENTIALS],
        endpoints: { '127.0.0.1': { service: 's3', region: 'eu-central-1' } },
      })
      expect(verdict.ok, JSON.stringify(verdict)).toBe(true)
    }
  })
})

describe('transport behaviour is unchanged', () => {
  const signer = () =>
    createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '127.0.0.1', service: 'execute-api', region: 'eu-west-1' }],
    })

  it('passes the AbortSignal through', async () => {
    const controller = new AbortController()
    const pending = createSignedFetch(signer())(`${slowOrigin}/hang`, { signal: controller.signal })
    setTimeout(() => controller.abort(), 30)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('passes a timeout signal on a Request through', async () => {
    const request = new Request(`${slowOrigin}/hang`, { signal: AbortSignal.timeout(30) })
    await expect(createSignedFetch(signer())(request)).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('returns a streaming response as it arrives, never buffered', async () => {
    const response = await createSignedFetch(signer())(`${slowOrigin}/stream`)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('first chunk;')
    // The server has not finished the response: it only does once asked to.
    await fetch(`${slowOrigin}/release`)
    let rest = ''
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value)
    expect(rest).toBe('last chunk')
  })
})
