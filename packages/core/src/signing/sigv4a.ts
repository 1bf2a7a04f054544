import { getCanonicalHeaders, moveHeadersToQuery, prepareRequest } from '@smithy/signature-v4'
import type { SignatureV4a } from '@smithy/signature-v4a'
import type { HeaderBag, HttpRequest as SmithyHttpRequest } from '@smithy/types'
import { SigV4aUnavailableError } from '../errors'
import { canonicalQueryString, type EncodedQueryParameter, withCanonicalQuery } from './canonical-query'
import { PRESIGN_QUERY_PARAMS } from './constants'
import { preparePresignRequest } from './presign-params'
import { Sha256Constructor } from './sha256'
import {
  type HeaderSignature,
  longDateOf,
  mergeSignedHeaders,
  presignedUrl,
  type QuerySignature,
  type SigningInput,
} from './signing-input'
import { signableNames } from './sigv4'

const ALGORITHM = 'AWS4-ECDSA-P256-SHA256'

interface CapturingSigV4a extends SignatureV4a {
  trace: { canonicalRequest?: string; stringToSign?: string }
  /** When set, signed instead of the canonical request smithy derives (used to presign). */
  presetCanonicalRequest?: string
  /** The caller's query, canonically encoded; when set, `request.query` holds only what smithy added. */
  encodedQuery?: readonly EncodedQueryParameter[]
  canonicalRequestOf(request: SmithyHttpRequest, headers: HeaderBag, payloadHash: string): string
}
type CapturingSigV4aClass = new (init: ConstructorParameters<typeof SignatureV4a>[0]) => CapturingSigV4a

let loading: Promise<CapturingSigV4aClass> | undefined

/**
 * Loads `@smithy/signature-v4a` on first SigV4A use, so SigV4-only apps never load (or bundle) its
 * pure-JS ECDSA. Only the `SignatureV4a` class is used: never smithy's container registration, which
 * breaks when two copies of `@smithy/signature-v4` share a bundle.
 */
export function loadSigV4a(): Promise<CapturingSigV4aClass> {
  loading ??= import('@smithy/signature-v4a').then(
    (module) => {
      class Capturing extends module.SignatureV4a {
        trace: { canonicalRequest?: string; stringToSign?: string } = {}
        presetCanonicalRequest?: string
        encodedQuery?: readonly EncodedQueryParameter[]

        protected override createCanonicalRequest(
          request: SmithyHttpRequest,
          headers: HeaderBag,
          hash: string,
        ): string {
          const canonicalRequest =
            this.presetCanonicalRequest ?? this.canonicalRequestOf(request, headers, hash)
          this.trace.canonicalRequest = canonicalRequest
          return canonicalRequest
        }

        protected override async createStringToSign(
          longDate: string,
          scope: string,
          canonicalRequest: string,
          algorithm: string,
        ): Promise<string> {
          const stringToSign = await super.createStringToSign(longDate, scope, canonicalRequest, algorithm)
          this.trace.stringToSign = stringToSign
          return stringToSign
        }

        canonicalRequestOf(request: SmithyHttpRequest, headers: HeaderBag, payloadHash: string): string {
          if (!this.encodedQuery) return super.createCanonicalRequest(request, headers, payloadHash)
          return withCanonicalQuery(
            super.createCanonicalRequest({ ...request, query: {} }, headers, payloadHash),
            canonicalQueryString(this.encodedQuery, request.query ?? {}),
          )
        }
      }
      return Capturing as unknown as CapturingSigV4aClass
    },
    (error: unknown) => {
      loading = undefined
      throw new SigV4aUnavailableError(
        'This request needs SigV4A, but the optional peer dependency @smithy/signature-v4a could not be loaded; install it (npm i @smithy/signature-v4a).',
        { cause: error },
      )
    },
  )
  return loading
}

async function createSigner(signing: SigningInput, applyChecksum: boolean): Promise<CapturingSigV4a> {
  const Signer = await loadSigV4a()
  const signer = new Signer({
    service: signing.plan.service,
    // smithy's SigV4A takes the region set as one comma-joined string, as AWS sends it in X-Amz-Region-Set.
    region: regionSetOf(signing),
    credentials: signing.credentials,
    sha256: Sha256Constructor,
    uriEscapePath: !signing.plan.s3,
    applyChecksum,
  })
  signer.encodedQuery = signing.input.encodedQuery
  return signer
}

function regionSetOf(signing: SigningInput): string {
  return (signing.plan.regionSet ?? ['*']).join(',')
}

/** SigV4A header signing through smithy's `SignatureV4a`. */
export async function signSigV4a(signing: SigningInput): Promise<HeaderSignature> {
  const { smithyRequest, outgoing, applyChecksum } = signing.input
  const signer = await createSigner(signing, applyChecksum)
  const signed = (await signer.sign(smithyRequest, {
    signingDate: signing.signingDate,
    signingRegion: regionSetOf(signing),
    signableHeaders: signableNames(smithyRequest),
  })) as SmithyHttpRequest
  return {
    headers: mergeSignedHeaders(outgoing, signed.headers),
    canonicalRequest: signer.trace.canonicalRequest ?? '',
    stringToSign: signer.trace.stringToSign ?? '',
  }
}

/**
 * SigV4A query signing, which smithy lacks: the SigV4 presign canonical request with the SigV4A algorithm,
 * a region-less scope and `X-Amz-Region-Set` in the query. smithy's `SignatureV4a` then derives the key and
 * signs that canonical request (ECDSA P-256, DER, hex) exactly as it signs header requests.
 */
export async function presignSigV4a(signing: SigningInput, expiresIn: number): Promise<QuerySignature> {
  const { request: unsigned, keepOut } = preparePresignRequest(
    signing.input.smithyRequest,
    signing.plan.s3 === true,
  )
  const signer = await createSigner(signing, false)
  const { credentials, plan, signingDate } = signing
  const longDate = longDateOf(signingDate)
  const scope = `${longDate.slice(0, 8)}/${plan.service}/aws4_request`

  const payloadHash = await payloadHashOf(unsigned)
  const request = moveHeadersToQuery(prepareRequest(unsigned), { unhoistableHeaders: keepOut })
  const query = request.query
  query['X-Amz-Algorithm'] = ALGORITHM
  query['X-Amz-Credential'] = `${credentials.accessKeyId}/${scope}`
  query['X-Amz-Date'] = longDate
  query['X-Amz-Expires'] = String(expiresIn)
  query['X-Amz-Region-Set'] = regionSetOf(signing)
  if (credentials.sessionToken) query['X-Amz-Security-Token'] = credentials.sessionToken
  const canonicalHeaders = getCanonicalHeaders(request, keepOut, signableNames(request, keepOut))
  query['X-Amz-SignedHeaders'] = Object.keys(canonicalHeaders).sort().join(';')
  signer.presetCanonicalRequest = signer.canonicalRequestOf(request, canonicalHeaders, payloadHash)

  // Signing a host-only request runs smithy's string-to-sign and ECDSA over the preset canonical request.
  const carrier: SmithyHttpRequest = { ...request, headers: { host: request.headers.host ?? '' }, query: {} }
  const signed = (await signer.sign(carrier, {
    signingDate,
    signingRegion: regionSetOf(signing),
  })) as SmithyHttpRequest
  const signature = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1]
  if (!signature) throw new Error('smithy SignatureV4a returned no signature')
  query['X-Amz-Signature'] = signature
  return {
    url: presignedUrl(signing.input.url, query, PRESIGN_QUERY_PARAMS),
    canonicalRequest: signer.trace.canonicalRequest ?? '',
    stringToSign: signer.trace.stringToSign ?? '',
  }
}

async function payloadHashOf(request: SmithyHttpRequest): Promise<string> {
  const preset = request.headers['x-amz-content-sha256']
  if (preset) return preset
  const hash = new Sha256Constructor()
  const body = request.body as string | Uint8Array | ArrayBuffer | undefined
  if (body !== undefined)
    hash.update(typeof body === 'string' ? new TextEncoder().encode(body) : toBytes(body))
  return [...(await hash.digest())].map((b) => b.toString(16).padStart(2, '0')).join('')
}

function toBytes(body: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (body instanceof Uint8Array) return body
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  return new Uint8Array(body)
}
