import { createWebCryptoSigV4a } from '../prototypes/sigv4a-webcrypto.mjs'
import { CREDENTIALS, SIGNING_DATE } from '../request-shapes.mjs'
import { toHttpRequest } from '../smithy-http-request.mjs'

/** The bench's prototype of the proposed core SigV4A path (not a published signer). */
export const prototypeV4aContender = {
  id: 'proto-v4a',
  label: 'prototype: smithy canonicalization + cached key + WebCrypto ECDSA',
  supports: (shape) => shape.algorithm === 'sigv4a',
  prepare(shape) {
    const sign = createWebCryptoSigV4a({ service: shape.service, credentials: CREDENTIALS })
    return () => sign(toHttpRequest(shape), { signingDate: SIGNING_DATE, regionSet: shape.regionSet })
  },
  inspect: (signed) => ({ authorization: signed.headers.authorization, headers: signed.headers }),
}
