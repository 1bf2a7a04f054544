import { sha256Primitives } from '#sha256'
import { AwsSigError, SigV4aUnavailableError } from '../errors'
import { isCryptoUnavailable } from './crypto-unavailable'
import { importSigV4a, type SigV4aModule } from './import-sigv4a'
import type { HeaderSignature, SigningInput } from './signing-input'
import { type SignatureAlgorithm, signHeaders } from './sigv4'

/**
 * SigV4A's ECDSA half, loaded with `import()` on first use so SigV4-only apps never load (or bundle) it.
 */
export async function loadSigV4aAlgorithm(signing: SigningInput): Promise<SignatureAlgorithm> {
  let module: SigV4aModule
  try {
    module = await importSigV4a()
  } catch (error) {
    throw new SigV4aUnavailableError('This request needs SigV4A, but its module could not be loaded.', {
      cause: error,
    })
  }
  return module.sigV4aAlgorithm(signing, sha256Primitives)
}

/** SigV4A header signing. */
export async function signSigV4a(signing: SigningInput): Promise<HeaderSignature> {
  return signHeaders(signing, await loadSigV4aAlgorithm(signing))
}

/**
 * "This runtime has no (ECDSA-capable) Web Crypto" failures as typed errors: `SigV4aUnavailableError` for
 * SigV4A, the `AwsSigError` base for SigV4 (a page served over plain http has no `crypto.subtle`).
 */
export function typedCryptoError(error: unknown, algorithm: 'sigv4' | 'sigv4a' | undefined): unknown {
  if (!isCryptoUnavailable(error)) return error
  const { message, cause } = error
  const options = { cause: cause ?? error }
  return algorithm === 'sigv4a'
    ? new SigV4aUnavailableError(message, options)
    : new AwsSigError(message, options)
}
