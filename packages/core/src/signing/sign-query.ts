import { sha256Primitives } from '#sha256'
import { InvalidInputError, NoMatchingRuleError } from '../errors'
import type { PresignOptions, SignableRequest } from '../types'
import { isAlreadySigned } from './already-signed'
import { canonicalQueryString } from './canonical-query'
import { buildCanonicalRequest } from './canonical-request'
import { CONTENT_SHA256, PRESIGN_QUERY_PARAMS, UNSIGNED_PAYLOAD } from './constants'
import { longDateOf, type QuerySignature, type SigningInput } from './signing-input'
import { payloadHashOf, type SignatureAlgorithm } from './sigv4'
import { uriEscape } from './uri-escape'

/** What presign-query.ts shares with header signing, handed over so that chunk imports nothing. */
export interface QuerySigningHelpers {
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

/** Everything presign-query.ts needs: the signer's steps, shared checks and the query-signing helpers. */
export interface PresignHelpers extends PresignSteps, QuerySigningHelpers {
  isAlreadySigned: typeof isAlreadySigned
  noRule(message: string, context: { method: string; url: string }): Error
  /** An `InvalidInputError` naming `field`. */
  invalid(field: string, message: string): Error
}

/** What presigning needs from the signer that created it. */
export interface PresignSteps {
  toUrl(url: string | URL): URL
  /** The plan and canonical input for `url` (no `signing` when nothing claims the host). */
  prepare(url: URL, signingDate: Date | undefined): Promise<PreparedPresign>
  /** The signature algorithm of the prepared plan. */
  algorithmFor(signing: SigningInput): SignatureAlgorithm | Promise<SignatureAlgorithm>
}

/** What `PresignSteps.prepare` gives back. */
export interface PreparedPresign {
  explanation: { reason: string }
  signing?: SigningInput
}

/**
 * `signer.presign`: a presigned URL (SigV4 or SigV4A). The implementation (presign-query.ts) is loaded
 * with `import()` on first use: presigning is rare next to header signing, so apps that only sign headers
 * do not carry it in their up-front bundle.
 */
export async function presign(
  request: SignableRequest,
  options: PresignOptions,
  steps: PresignSteps,
): Promise<string> {
  const { presignRequest } = await import('./presign-query')
  return presignRequest(request, options, {
    ...steps,
    ...querySigningHelpers(),
    isAlreadySigned,
    noRule: (message, context) => new NoMatchingRuleError(message, context),
    invalid: (field, message) => new InvalidInputError(message, field),
  })
}

/** Query signing of a prepared request (what `presign` does once the plan and credentials are known). */
export async function signQuery(
  signing: SigningInput,
  expiresIn: number,
  algorithm: SignatureAlgorithm,
): Promise<QuerySignature> {
  const { presignQuery } = await import('./presign-query')
  return presignQuery(signing, expiresIn, algorithm, querySigningHelpers())
}

function querySigningHelpers(): QuerySigningHelpers {
  return {
    sha256Hex: (data) => sha256Primitives.sha256Hex(data),
    canonicalQueryString,
    buildCanonicalRequest,
    payloadHashOf,
    longDateOf,
    uriEscape,
    CONTENT_SHA256,
    UNSIGNED_PAYLOAD,
    PRESIGN_QUERY_PARAMS,
  }
}
