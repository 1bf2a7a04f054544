import { Sha256 } from '@aws-crypto/sha256-universal'

/** SHA-256 for smithy's signers: WebCrypto in browsers, node:crypto in Node (chosen by the package). */
export const Sha256Constructor = Sha256
