// The request shapes every contender signs. All contenders start from the same URL string, method,
// headers and body bytes, and sign for the same fixed date, so the work they do is comparable.

/** Fixed signing date: signatures are reproducible, and signing-key caches stay warm for one day. */
export const SIGNING_DATE = new Date('2026-11-22T12:00:00Z')
export const AMZ_DATE = '20261122T120000Z'

/** The credentials every engineer's tests use (see the shared contracts). */
export const CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
})

export const API_HOST = 'abc123.execute-api.us-east-1.amazonaws.com'
export const SIGV4A_HOST = 'api.example.com'
export const SERVICE = 'execute-api'
export const REGION = 'us-east-1'
export const REGION_SET = ['us-*']

const jsonBody = makeJsonBody(1024)
const binaryBody = makeBinaryBody(1024 * 1024)

/**
 * @typedef {object} RequestShape
 * @property {string} id
 * @property {string} label
 * @property {'sigv4' | 'sigv4a'} algorithm
 * @property {string} service
 * @property {string} [region]  SigV4
 * @property {string[]} [regionSet]  SigV4A
 * @property {string} method
 * @property {string} url
 * @property {Record<string, string>} headers  lower-case names
 * @property {string | Uint8Array | undefined} body
 */

/** @type {RequestShape[]} */
export const SHAPES = [
  {
    id: 'get',
    label: 'SigV4 GET, 3 query params',
    algorithm: 'sigv4',
    service: SERVICE,
    region: REGION,
    method: 'GET',
    url: `https://${API_HOST}/prod/items?limit=25&sort=created_at&filter=status%3Aactive`,
    headers: {},
    body: undefined,
  },
  {
    id: 'post1k',
    label: 'SigV4 POST, 1 KiB JSON',
    algorithm: 'sigv4',
    service: SERVICE,
    region: REGION,
    method: 'POST',
    url: `https://${API_HOST}/prod/items`,
    headers: { 'content-type': 'application/json' },
    body: jsonBody,
  },
  {
    id: 'post1m',
    label: 'SigV4 POST, 1 MiB binary',
    algorithm: 'sigv4',
    service: SERVICE,
    region: REGION,
    method: 'POST',
    url: `https://${API_HOST}/prod/upload`,
    headers: { 'content-type': 'application/octet-stream' },
    body: binaryBody,
  },
  {
    id: 'sigv4a',
    label: 'SigV4A GET, region set us-*',
    algorithm: 'sigv4a',
    service: SERVICE,
    regionSet: REGION_SET,
    method: 'GET',
    url: `https://${SIGV4A_HOST}/prod/items?limit=25&sort=created_at&filter=status%3Aactive`,
    headers: {},
    body: undefined,
  },
]

/** A JSON document of exactly `size` bytes (ASCII, so characters = bytes). */
function makeJsonBody(size) {
  const head = '{"items":['
  const tail = '],"pad":""}'
  const items = []
  let length = head.length + tail.length
  for (let i = 0; ; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, tags: ['a', 'b'] })
    const extra = item.length + (items.length > 0 ? 1 : 0)
    if (length + extra > size) break
    items.push(item)
    length += extra
  }
  const pad = 'x'.repeat(size - length)
  const body = `${head}${items.join(',')}],"pad":"${pad}"}`
  if (body.length !== size) throw new Error(`JSON body is ${body.length} bytes, wanted ${size}`)
  JSON.parse(body)
  return body
}

/** Deterministic pseudo-random bytes (xorshift), so every run hashes the same payload. */
function makeBinaryBody(size) {
  const bytes = new Uint8Array(size)
  let x = 0x2545f491
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes[i] = x & 0xff
  }
  return bytes
}
