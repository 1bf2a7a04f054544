// Run in a fresh `node` process: the time to the first SigV4A signature, module import included.
// argv[2] is 'core', 'smithy' or 'proto' (the bench's WebCrypto prototypes: 'proto', 'proto-direct'), optionally with ':fetch-loaded'. Prints one JSON line: timings plus the signed headers to verify.
import { performance } from 'node:perf_hooks'
import { CREDENTIALS, SHAPES, SIGNING_DATE } from './request-shapes.mjs'

const [which, mode] = process.argv[2].split(':')
// 'fetch-loaded': the app already used fetch, so Node's lazily loaded undici (Headers, Request) is in memory.
if (mode === 'fetch-loaded') new Request('https://example.com', { headers: new Headers({ a: '1' }) })
const shape = SHAPES.find((s) => s.algorithm === 'sigv4a')

const start = performance.now()
let sign
if (which === 'core') {
  const { createSigner } = await import('@awssig/core')
  const { USER_RULES } = await import('./contenders/awssig.mjs')
  const signer = createSigner({ credentials: CREDENTIALS, rules: USER_RULES })
  const request = { method: shape.method, url: shape.url, headers: shape.headers }
  sign = async () => {
    const result = await signer.sign(request, { signingDate: SIGNING_DATE })
    return Object.fromEntries(result.request.headerPairs)
  }
} else if (which === 'smithy') {
  const [{ SignatureV4a }, { Hash }, { toHttpRequest }] = await Promise.all([
    import('@smithy/signature-v4a'),
    import('@smithy/hash-node'),
    import('./smithy-http-request.mjs'),
  ])
  const signingRegion = shape.regionSet.join(',')
  const signer = new SignatureV4a({
    credentials: CREDENTIALS,
    region: signingRegion,
    service: shape.service,
    sha256: Hash.bind(null, 'sha256'),
  })
  sign = async () => {
    const signed = await signer.sign(toHttpRequest(shape), { signingDate: SIGNING_DATE, signingRegion })
    return signed.headers
  }
} else if (which === 'proto') {
  const [{ createWebCryptoSigV4a }, { toHttpRequest }] = await Promise.all([
    import('./prototypes/sigv4a-webcrypto.mjs'),
    import('./smithy-http-request.mjs'),
  ])
  const signWebCrypto = createWebCryptoSigV4a({ service: shape.service, credentials: CREDENTIALS })
  sign = async () => {
    const signed = await signWebCrypto(toHttpRequest(shape), {
      signingDate: SIGNING_DATE,
      regionSet: shape.regionSet,
    })
    return signed.headers
  }
} else if (which === 'proto-direct') {
  const { createDirectSigV4a } = await import('./prototypes/sigv4a-direct.mjs')
  const signDirect = createDirectSigV4a({ credentials: CREDENTIALS, service: shape.service })
  const request = { method: shape.method, url: shape.url, headers: shape.headers }
  sign = async () => Object.fromEntries((await signDirect(request, SIGNING_DATE, shape.regionSet)).headers)
} else {
  throw new Error(`unknown contender ${which}`)
}
const imported = performance.now()
const headers = await sign()
const first = performance.now()
await sign()
const second = performance.now()
console.log(
  JSON.stringify({
    which: process.argv[2],
    importMs: imported - start,
    firstSignMs: first - imported,
    totalMs: first - start,
    secondSignMs: second - first,
    headers,
  }),
)
