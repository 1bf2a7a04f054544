import { createSigner, InvalidInputError } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { CREDENTIALS } from './support/verify'

// In Node the first read of the global Headers, Request, Response or FormData loads undici (15–25 ms of a
// cold start): signing must not read them. `request.headers` builds its Headers only when read.
const FETCH_GLOBALS = ['Headers', 'Request', 'Response', 'FormData'] as const
const REGIONAL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?tag=a&tag=b'
const MULTI = 'https://api.example.com/orders'

let restore: (() => void) | undefined
afterEach(() => restore?.())

/** Counts reads of the fetch globals (the values themselves still work) until `restore`. */
function watchFetchGlobals(): string[] {
  const reads: string[] = []
  const saved = FETCH_GLOBALS.map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  )
  for (const [name, descriptor] of saved) {
    const value = descriptor?.get ? descriptor.get.call(globalThis) : descriptor?.value
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push(name)
        return value
      },
    })
  }
  restore = () => {
    for (const [name, descriptor] of saved)
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
    restore = undefined
  }
  return reads
}

const signer = createSigner({
  credentials: CREDENTIALS,
  rules: [
    { host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    { host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
  ],
})

describe('signing reads no fetch global (cold start)', () => {
  it('SigV4, SigV4A, a pass-through and every header form sign without Headers', async () => {
    const reads = watchFetchGlobals()
    await signer.sign({ method: 'GET', url: REGIONAL, headers: { 'X-Trace': 'a' } })
    await signer.sign({ method: 'POST', url: MULTI, headers: [['content-type', 'text/plain']], body: 'x' })
    await signer.sign({
      method: 'GET',
      url: 'https://example.com/',
      headers: new Map([['a', 'b']]) as unknown as HeadersInit,
    })
    await signer.sign({ method: 'GET', url: REGIONAL, headers: [['authorization', 'Basic x']] })
    const result = await signer.sign({ method: 'GET', url: REGIONAL })
    expect(result.request.headerPairs.map(([name]) => name).sort()).toEqual(['authorization', 'x-amz-date'])
    expect(reads).toEqual([])
  })

  it('request.headers is a Headers built on first read, listing headerPairs, and keeps changes', async () => {
    const { request } = await signer.sign({
      method: 'POST',
      url: REGIONAL,
      headers: { 'Content-Type': ' application/json ', 'X-Many': 'a' },
      body: '{}',
    })
    const reads = watchFetchGlobals()
    const headers = request.headers
    expect(reads).toEqual(['Headers'])
    expect(headers).toBeInstanceOf(Headers)
    expect([...headers]).toEqual([...request.headerPairs].sort(([a], [b]) => a.localeCompare(b)))
    expect(request.headers.get('content-type')).toBe('application/json')
    request.headers.set('x-later', '1')
    expect(request.headers.get('x-later')).toBe('1')
    expect(request.headerPairs.some(([name]) => name === 'x-later')).toBe(false)
  })

  it('the pairs a caller sends verify, repeated names joined as Headers joins them', async () => {
    const { request } = await signer.sign({
      method: 'GET',
      url: REGIONAL,
      headers: [
        ['X-Amz-Meta-A', 'one'],
        ['x-amz-meta-a', 'two'],
      ],
    })
    expect(request.headerPairs).toContainEqual(['x-amz-meta-a', 'one, two'])
    const verified = await verifyRequest(new Request(request.url, { headers: request.headerPairs }), {
      credentials: [CREDENTIALS],
      endpoints: {
        'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
      },
    })
    expect(verified.ok).toBe(true)
  })

  it.each([
    ['a value outside Latin-1', { 'x-name': 'caf\u0151' }],
    ['a name that is not a token', { 'x name': 'a' }],
    ['a pair of three', [['a', 'b', 'c']]],
    ['a line break', { 'x-a': 'a\r\nb' }],
  ])('refuses %s as Headers would, naming headers', async (_, headers) => {
    const promise = signer.sign({ method: 'GET', url: REGIONAL, headers: headers as HeadersInit })
    await expect(promise).rejects.toBeInstanceOf(InvalidInputError)
    await expect(promise).rejects.toMatchObject({ field: 'headers' })
  })
})
