import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, isAwsSigError, UnsignableBodyError } from '../errors'
import { readBody } from './read-body'

const LIMIT = { maxBodyBytes: 1024 }
const hex = (bytes: Uint8Array | string | undefined) =>
  bytes instanceof Uint8Array ? [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') : bytes

function streamOf(...chunks: unknown[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array)
      controller.close()
    },
  })
}

describe('readBody', () => {
  it('returns no body for null and undefined', async () => {
    expect(await readBody(null, LIMIT)).toEqual({ body: undefined })
    expect(await readBody(undefined, LIMIT)).toEqual({ body: undefined })
  })

  it('keeps strings as strings with the Content-Type fetch would set', async () => {
    expect(await readBody('héllo', LIMIT)).toEqual({ body: 'héllo', contentType: 'text/plain;charset=UTF-8' })
  })

  it('serializes URLSearchParams like fetch, keeping repeated keys and empty values', async () => {
    const params = new URLSearchParams([
      ['a', '1'],
      ['a', '2'],
      ['empty', ''],
      ['sp ace', 'x+y/é'],
    ])
    const result = await readBody(params, LIMIT)
    expect(result).toEqual({
      body: 'a=1&a=2&empty=&sp+ace=x%2By%2F%C3%A9',
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
    })
    expect(result.body).toBe(await new Request('http://x/', { method: 'POST', body: params }).text())
  })

  it('copies only the window of a typed-array view and of a DataView', async () => {
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).buffer
    expect(hex((await readBody(new Uint8Array(buffer).subarray(2, 5), LIMIT)).body)).toBe('020304')
    expect(hex((await readBody(new DataView(buffer, 6, 2), LIMIT)).body)).toBe('0607')
    expect(hex((await readBody(new Uint16Array([0x0102]), LIMIT)).body)).toMatch(/^(0201|0102)$/)
    expect(hex((await readBody(buffer, LIMIT)).body)).toBe('0001020304050607')
  })

  it('copies binary input, so a later change by the caller cannot alter the signed bytes', async () => {
    const input = new Uint8Array([1, 2, 3])
    const { body } = await readBody(input, LIMIT)
    input[0] = 9
    expect(hex(body)).toBe('010203')
  })

  it('reads a Blob with its type, and a typeless Blob without one', async () => {
    expect(await readBody(new Blob(['{"a":1}'], { type: 'application/json' }), LIMIT)).toEqual({
      body: new TextEncoder().encode('{"a":1}'),
      contentType: 'application/json',
    })
    expect((await readBody(new Blob([new Uint8Array([0xff, 0])]), LIMIT)).contentType).toBeUndefined()
  })

  it('serializes FormData once: the boundary in contentType is the one in the bytes', async () => {
    const form = new FormData()
    form.append('name', 'value')
    form.append(
      'file',
      new File([new Uint8Array([0xff, 0x00, 0x41])], 'a.bin', { type: 'application/x-bin' }),
    )
    const { body, contentType } = await readBody(form, LIMIT)
    const boundary = /boundary=(.+)$/.exec(contentType ?? '')?.[1]
    expect(boundary).toBeTruthy()
    const text = new TextDecoder('latin1').decode(body as Uint8Array)
    expect(text.startsWith(`--${boundary}\r\n`)).toBe(true)
    expect(text).toContain('filename="a.bin"')
    expect(text.trimEnd().endsWith(`--${boundary}--`)).toBe(true)
    // The server side parses it back with that Content-Type.
    const parsed = await new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType! },
    }).formData()
    expect(parsed.get('name')).toBe('value')
    expect(new Uint8Array(await (parsed.get('file') as File).arrayBuffer())).toEqual(
      new Uint8Array([0xff, 0, 0x41]),
    )
  })

  it('buffers a ReadableStream of mixed chunk views', async () => {
    const stream = streamOf(
      new Uint8Array([1, 2]),
      new Uint8Array([9, 3, 4]).subarray(1),
      new Uint8Array([5]).buffer,
    )
    expect(hex((await readBody(stream, LIMIT)).body)).toBe('0102030405')
  })

  it('rejects a stream over maxBodyBytes with BodyTooLargeError and cancels it', async () => {
    let cancelled = false
    let pulls = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        controller.enqueue(new Uint8Array(400))
      },
      cancel() {
        cancelled = true
      },
    })
    const error = await readBody(stream, { ...LIMIT, method: 'PUT', url: 'https://h.example/x' }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(BodyTooLargeError)
    expect(isAwsSigError(error)).toBe(true)
    expect(error.limit).toBe(1024)
    expect(error.method).toBe('PUT')
    expect(error.url).toBe('https://h.example/x')
    expect(cancelled).toBe(true)
    expect(pulls).toBeLessThan(6)
  })

  it('rejects every other kind over the limit before reading it', async () => {
    const big = new Uint8Array(1025)
    for (const body of [big, big.buffer, new Blob([big]), 'é'.repeat(513)]) {
      await expect(readBody(body, LIMIT)).rejects.toBeInstanceOf(BodyTooLargeError)
    }
    expect((await readBody('é'.repeat(512), LIMIT)).body).toHaveLength(512)
  })

  it('rejects unsupported bodies with UnsignableBodyError', async () => {
    await expect(readBody({ a: 1 } as unknown as BodyInit, LIMIT)).rejects.toBeInstanceOf(UnsignableBodyError)
    await expect(readBody(streamOf('text chunk'), LIMIT)).rejects.toBeInstanceOf(UnsignableBodyError)
    const locked = streamOf(new Uint8Array([1]))
    locked.getReader()
    await expect(readBody(locked, LIMIT)).rejects.toThrow(/locked/)
  })
})
