import { SignatureV4 } from '@smithy/signature-v4'
import type { HeaderBag, HttpRequest } from '@smithy/types'
import { canonicalQueryString, type EncodedQueryParameter, withCanonicalQuery } from './canonical-query'

/** The canonical request and string to sign of the last signature, for `debug: true`. */
export interface SigningTrace {
  canonicalRequest?: string
  stringToSign?: string
}

/**
 * smithy's SigV4 signer, recording the canonical request and string to sign it builds, so `debug`
 * reports exactly what was signed rather than a re-derivation that could disagree.
 */
export class CapturingSignatureV4 extends SignatureV4 {
  readonly trace: SigningTrace = {}
  /** The caller's query, canonically encoded; when set, `request.query` holds only what smithy added. */
  encodedQuery?: readonly EncodedQueryParameter[]

  protected override createCanonicalRequest(
    request: HttpRequest,
    headers: HeaderBag,
    payloadHash: string,
  ): string {
    const canonicalRequest = this.canonicalRequestOf(request, headers, payloadHash)
    this.trace.canonicalRequest = canonicalRequest
    return canonicalRequest
  }

  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string,
  ): Promise<string> {
    const stringToSign = await super.createStringToSign(
      longDate,
      credentialScope,
      canonicalRequest,
      algorithmIdentifier,
    )
    this.trace.stringToSign = stringToSign
    return stringToSign
  }

  /** The canonical request smithy would build, without signing (used for suite cases a URL cannot express). */
  canonicalRequestOf(request: HttpRequest, headers: HeaderBag, payloadHash: string): string {
    if (!this.encodedQuery) return super.createCanonicalRequest(request, headers, payloadHash)
    return withCanonicalQuery(
      super.createCanonicalRequest({ ...request, query: {} }, headers, payloadHash),
      canonicalQueryString(this.encodedQuery, request.query ?? {}),
    )
  }
}
