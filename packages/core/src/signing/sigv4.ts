import type { HttpRequest as SmithyHttpRequest } from '@smithy/types'
import { CapturingSignatureV4 } from './capturing-signature-v4'
import { PRESIGN_QUERY_PARAMS } from './constants'
import { preparePresignRequest } from './presign-params'
import { Sha256Constructor } from './sha256'
import {
  type HeaderSignature,
  mergeSignedHeaders,
  presignedUrl,
  type QuerySignature,
  type SigningInput,
} from './signing-input'

function createSigner(signing: SigningInput, applyChecksum: boolean): CapturingSignatureV4 {
  const signer = new CapturingSignatureV4({
    service: signing.plan.service,
    region: signing.plan.region ?? '',
    credentials: signing.credentials,
    sha256: Sha256Constructor,
    // S3 paths arrive canonicalized once (see canonical-input); everything else is double-encoded by smithy.
    uriEscapePath: !signing.plan.s3,
    applyChecksum,
  })
  signer.encodedQuery = signing.input.encodedQuery
  return signer
}

/** Names in the header bag, so smithy signs exactly the headers the policy chose (even `user-agent` for 'all'). */
export function signableNames(request: SmithyHttpRequest, except?: ReadonlySet<string>): Set<string> {
  return new Set(Object.keys(request.headers).filter((name) => !except?.has(name)))
}

/** SigV4 header signing through smithy's `SignatureV4`. */
export async function signSigV4(signing: SigningInput): Promise<HeaderSignature> {
  const { smithyRequest, outgoing, applyChecksum } = signing.input
  const signer = createSigner(signing, applyChecksum)
  const signed = await signer.sign(smithyRequest, {
    signingDate: signing.signingDate,
    signableHeaders: signableNames(smithyRequest),
  })
  return {
    headers: mergeSignedHeaders(outgoing, signed.headers),
    canonicalRequest: signer.trace.canonicalRequest ?? '',
    stringToSign: signer.trace.stringToSign ?? '',
  }
}

/** SigV4 query signing (a presigned URL) through smithy's `SignatureV4.presign`. */
export async function presignSigV4(signing: SigningInput, expiresIn: number): Promise<QuerySignature> {
  const { request, keepOut } = preparePresignRequest(signing.input.smithyRequest, signing.plan.s3 === true)
  const signer = createSigner(signing, false)
  const presigned = await signer.presign(request, {
    signingDate: signing.signingDate,
    expiresIn,
    signableHeaders: signableNames(request, keepOut),
    unsignableHeaders: keepOut,
    unhoistableHeaders: keepOut,
  })
  return {
    url: presignedUrl(signing.input.url, presigned.query ?? {}, PRESIGN_QUERY_PARAMS),
    canonicalRequest: signer.trace.canonicalRequest ?? '',
    stringToSign: signer.trace.stringToSign ?? '',
  }
}
