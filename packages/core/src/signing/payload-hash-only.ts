import type { SignableRequest, SigningPlan, SignResult } from '../types'
import type { buildCanonicalInput, CanonicalInputOptions } from './canonical-input'
import type { payloadHashOf } from './sigv4'

/** What the signer hands over, so this lazily loaded chunk imports nothing it shares with the entry. */
export interface PayloadHashHelpers {
  buildCanonicalInput: typeof buildCanonicalInput
  payloadHashOf: typeof payloadHashOf
}

/**
 * The request of a `payloadHashOnly` rule: the caller's headers plus `x-amz-content-sha256` (the SHA-256 of
 * the body), no signature and no credentials. CloudFront with Origin Access Control signs the request to a
 * Lambda function URL origin itself, but the function URL needs the client's payload hash for POST and PUT
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html).
 * Loaded on first use: most apps never need it.
 */
export async function withPayloadHash(
  request: SignableRequest,
  url: URL,
  plan: SigningPlan,
  options: Pick<CanonicalInputOptions, 'maxBodyBytes' | 'signedHeaders'>,
  helpers: PayloadHashHelpers,
): Promise<SignResult> {
  // The same body checks as signing (types, size), with every header the caller set kept as it is.
  const input = helpers.buildCanonicalInput({
    method: request.method,
    url,
    headers: request.headers,
    body: request.body,
    plan: { ...plan, contentSha256: true },
    ...options,
    presign: false,
  })
  input.outgoing.set('x-amz-content-sha256', await helpers.payloadHashOf(input.body))
  // The shape signed-request.ts gives (written out here: this chunk shares no module with the entry).
  const headerPairs = [...input.outgoing]
  let built: Headers | undefined
  return {
    request: {
      method: request.method,
      url: input.url.href,
      headerPairs,
      get headers() {
        built ??= new Headers(headerPairs)
        return built
      },
      set headers(value) {
        built = value
      },
      body: request.body ?? null,
    },
    plan,
  }
}
