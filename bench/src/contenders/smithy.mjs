import { Hash } from '@smithy/hash-node'
import { SignatureV4 } from '@smithy/signature-v4'
import { SignatureV4a } from '@smithy/signature-v4a'
import { packageVersion } from '../package-version.mjs'
import { CREDENTIALS, SIGNING_DATE } from '../request-shapes.mjs'
import { toHttpRequest } from '../smithy-http-request.mjs'

// The AWS SDK's Node runtime config passes exactly this as `sha256`.
const NodeSha256 = Hash.bind(null, 'sha256')

const inspect = (signed) => ({ authorization: signed.headers.authorization, headers: signed.headers })

/**
 * `@smithy/signature-v4` used directly with `@smithy/hash-node` (node:crypto), one long-lived signer
 * (its signing-key cache stays warm). `exactHeaders` turns off the default x-amz-content-sha256 so it
 * signs the same headers as the others in the cross-check.
 */
export const smithyContender = {
  id: 'smithy',
  label: `@smithy/signature-v4 ${packageVersion('@smithy/signature-v4')} + hash-node`,
  supports: (shape) => shape.algorithm === 'sigv4',
  prepare(shape, { exactHeaders = false } = {}) {
    const signer = new SignatureV4({
      credentials: CREDENTIALS,
      region: shape.region,
      service: shape.service,
      sha256: NodeSha256,
      applyChecksum: !exactHeaders,
    })
    return () => signer.sign(toHttpRequest(shape), { signingDate: SIGNING_DATE })
  },
  inspect,
}

/** `@smithy/signature-v4a` constructed directly (pure-JS ECDSA), region set comma-joined as the SDK does. */
export const smithyV4aContender = {
  id: 'smithy-v4a',
  label: `@smithy/signature-v4a ${packageVersion('@smithy/signature-v4a')} + hash-node`,
  supports: (shape) => shape.algorithm === 'sigv4a',
  prepare(shape) {
    const signingRegion = shape.regionSet.join(',')
    const signer = new SignatureV4a({
      credentials: CREDENTIALS,
      region: signingRegion,
      service: shape.service,
      sha256: NodeSha256,
    })
    return () => signer.sign(toHttpRequest(shape), { signingDate: SIGNING_DATE, signingRegion })
  },
  inspect,
}
