// A prototype of the SigV4 path proposed for @awssig/core: no smithy signer object per call, no request
// clone, the canonical request built in one pass, the signing key cached per day/region/service, and a
// synchronous hash primitive (what a `node` export condition would select: node:crypto; a browser build
// would pass Web Crypto or a JS SHA-256 instead). It returns a `Headers` like core's sign must, and is
// limited to what the bench needs (non-S3 services: double-encoded paths).
import { createHash, createHmac } from 'node:crypto'

/** The hash primitives a signer needs, injected so the same code runs on node:crypto or Web APIs. */
export const nodeCryptoPrimitives = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmac: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacHex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** RFC 3986 encoding as SigV4 requires (encodeURIComponent leaves !'()* alone). */
function uriEscape(value) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function canonicalQuery(search) {
  if (search.length <= 1) return ''
  const pairs = []
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    // Form decoding, as AWS reads the query: '+' is a space.
    const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' '))
    const key = uriEscape(decode(eq < 0 ? part : part.slice(0, eq)))
    const value = eq < 0 ? '' : uriEscape(decode(part.slice(eq + 1)))
    pairs.push([key, value])
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  let out = ''
  for (const [k, v] of pairs) out += `${out ? '&' : ''}${k}=${v}`
  return out
}

/** Non-S3 paths are encoded again segment by segment ("double encoding"); URL already removed dot segments. */
function canonicalPath(pathname) {
  return pathname.split('/').map(uriEscape).join('/')
}

/**
 * One pass over the request: the signing headers set on a fresh `Headers`, then the canonical request.
 * Signed: host, content-type, content-md5 and x-amz-* (core's default); Headers iterates sorted, lower-case.
 */
export function canonicalize(request, { longDate, credentials, extraHeaders, sha256Hex }) {
  const url = new URL(request.url)
  const headers = new Headers(request.headers)
  headers.set('x-amz-date', longDate)
  if (credentials.sessionToken) headers.set('x-amz-security-token', credentials.sessionToken)
  for (const [name, value] of extraHeaders ?? []) headers.set(name, value)
  let canonicalHeaders = ''
  let signedHeaders = ''
  let hostDone = false
  const addHost = () => {
    canonicalHeaders += `host:${url.host}\n`
    signedHeaders += signedHeaders ? ';host' : 'host'
    hostDone = true
  }
  for (const [name, value] of headers) {
    if (name !== 'content-type' && name !== 'content-md5' && !name.startsWith('x-amz-')) continue
    if (!hostDone && name > 'host') addHost()
    canonicalHeaders += `${name}:${value.trim().replace(/\s+/g, ' ')}\n`
    signedHeaders += signedHeaders ? `;${name}` : name
  }
  if (!hostDone) addHost()
  const body = request.body
  const payloadHash =
    body === undefined || body === null || body.length === 0 ? EMPTY_SHA256 : sha256Hex(body)
  const canonicalRequest = `${request.method}\n${canonicalPath(url.pathname)}\n${canonicalQuery(url.search)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`
  return { headers, signedHeaders, canonicalRequest }
}

/** `2026-11-22T12:00:00.000Z` → `20261122T120000Z`. */
export const longDateOf = (date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '')

/**
 * @param {{ credentials: { accessKeyId: string, secretAccessKey: string, sessionToken?: string },
 *   service: string, region: string, primitives?: typeof nodeCryptoPrimitives }} options
 */
export function createDirectSigV4({ credentials, service, region, primitives = nodeCryptoPrimitives }) {
  const { sha256Hex, hmac, hmacHex } = primitives
  let cachedDay = ''
  let cachedKey
  return async (request, signingDate) => {
    const longDate = longDateOf(signingDate)
    const shortDate = longDate.slice(0, 8)
    const { headers, signedHeaders, canonicalRequest } = canonicalize(request, {
      longDate,
      credentials,
      sha256Hex,
    })
    const scope = `${shortDate}/${region}/${service}/aws4_request`
    const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`
    if (cachedDay !== shortDate) {
      const kDate = hmac(`AWS4${credentials.secretAccessKey}`, shortDate)
      cachedKey = hmac(hmac(hmac(kDate, region), service), 'aws4_request')
      cachedDay = shortDate
    }
    headers.set(
      'authorization',
      `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${hmacHex(cachedKey, stringToSign)}`,
    )
    return { headers }
  }
}
