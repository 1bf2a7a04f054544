import { sha256Primitives } from '#sha256'
import { canonicalQueryString } from './canonical-query'
import { buildCanonicalRequest } from './canonical-request'
import { CONTENT_SHA256, PRESIGN_QUERY_PARAMS, UNSIGNED_PAYLOAD } from './constants'
import { longDateOf, type QuerySignature, type SigningInput } from './signing-input'
import { payloadHashOf, type SignatureAlgorithm } from './sigv4'
import { uriEscape } from './uri-escape'

/** What presign-query.ts shares with header signing, handed over so that chunk imports nothing. */
export interface PresignHelpers {
  sha256Hex: (data: string) => Promise<string>
  canonicalQueryString: typeof canonicalQueryString
  buildCanonicalRequest: typeof buildCanonicalRequest
  payloadHashOf: typeof payloadHashOf
  longDateOf: typeof longDateOf
  uriEscape: typeof uriEscape
  CONTENT_SHA256: string
  UNSIGNED_PAYLOAD: string
  PRESIGN_QUERY_PARAMS: ReadonlySet<string>
}

/**
 * Query signing (a presigned URL), for both algorithms. The implementation (presign-query.ts) is loaded
 * with `import()` on first use: presigning is rare next to header signing, so apps that only sign headers
 * do not carry it in their up-front bundle.
 */
export async function signQuery(
  signing: SigningInput,
  expiresIn: number,
  algorithm: SignatureAlgorithm,
): Promise<QuerySignature> {
  const { presignQuery } = await import('./presign-query')
  return presignQuery(signing, expiresIn, algorithm, {
    sha256Hex: (data) => sha256Primitives.sha256Hex(data),
    canonicalQueryString,
    buildCanonicalRequest,
    payloadHashOf,
    longDateOf,
    uriEscape,
    CONTENT_SHA256,
    UNSIGNED_PAYLOAD,
    PRESIGN_QUERY_PARAMS,
  })
}
