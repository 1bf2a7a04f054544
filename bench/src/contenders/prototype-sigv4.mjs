import { createDirectSigV4 } from '../prototypes/sigv4-direct.mjs'
import { CREDENTIALS, SIGNING_DATE } from '../request-shapes.mjs'

/** The bench's prototype of the proposed core SigV4 path (not a published signer); non-S3 services only. */
export const prototypeV4Contender = {
  id: 'proto-v4',
  label: 'prototype: direct canonical request + cached key',
  supports: (shape) => shape.algorithm === 'sigv4' && shape.service !== 's3',
  prepare(shape) {
    const sign = createDirectSigV4({ credentials: CREDENTIALS, service: shape.service, region: shape.region })
    const request = { method: shape.method, url: shape.url, headers: shape.headers, body: shape.body }
    return () => sign(request, SIGNING_DATE)
  },
  inspect: (result) => ({
    authorization: result.headers.get('authorization'),
    headers: Object.fromEntries(result.headers),
  }),
}
