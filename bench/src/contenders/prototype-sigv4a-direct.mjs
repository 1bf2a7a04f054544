import { createDirectSigV4a } from '../prototypes/sigv4a-direct.mjs'
import { CREDENTIALS, SIGNING_DATE } from '../request-shapes.mjs'

/** The bench's prototype of a smithy-free SigV4A path (not a published signer). */
export const prototypeV4aDirectContender = {
  id: 'proto-v4a-direct',
  label: 'prototype: direct canonical request + cached key + WebCrypto ECDSA',
  supports: (shape) => shape.algorithm === 'sigv4a',
  prepare(shape) {
    const sign = createDirectSigV4a({ credentials: CREDENTIALS, service: shape.service })
    const request = { method: shape.method, url: shape.url, headers: shape.headers, body: shape.body }
    return () => sign(request, SIGNING_DATE, shape.regionSet)
  },
  inspect: (result) => ({
    authorization: result.headers.get('authorization'),
    headers: Object.fromEntries(result.headers),
  }),
}
