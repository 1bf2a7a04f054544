import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from './credentials/credential-identity'

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider }

/** The signing algorithm. `sigv4a` signs for a region *set* with ECDSA P-256. */
export type SigningAlgorithm = 'sigv4' | 'sigv4a'

/** Static credentials or a provider (for example from `@aws-sdk/credential-providers`). */
export type CredentialsInput = AwsCredentialIdentity | AwsCredentialIdentityProvider

/**
 * Which hosts the built-in AWS hostname knowledge may claim.
 * - `true`: endpoints AWS itself operates (EC2, S3, IAM, …).
 * - `'all'`: also hosts that hand request headers to customer code (API Gateway `execute-api`,
 *   Lambda function URLs, AppSync). Only enable this if every such host you call is yours.
 * - `false`: only rules claim hosts.
 */
export type AwsHostsMode = boolean | 'all'

export type {
  HostPattern,
  PayloadHashOnlyRule,
  SigningRule,
  SigningRuleFields,
  SigV4aRule,
  SigV4Rule,
} from './rule-types'

import type { SigningRule } from './rule-types'

/** What every {@link SigningPlan} says, whatever its algorithm. */
export interface SigningPlanFields {
  service: string
  /** Whether a user rule or the built-in AWS host knowledge chose this plan. */
  source: 'rule' | 'aws'
  /** Index of the matching rule in `options.rules`, when `source` is `'rule'`. */
  ruleIndex?: number
  /** One sentence: why this plan. Never contains secrets. */
  reason: string
  /** Things that may go wrong (e.g. a wildcard rule whose region contradicts the hostname). */
  warnings: string[]
  /** False when the region is a best guess AWS may correct (legacy global S3 hosts). @default true */
  regionCertain?: boolean
  /** S3-family rules: paths are single-encoded and `x-amz-content-sha256` is always sent. */
  s3?: boolean
  /** Send `UNSIGNED-PAYLOAD`. */
  unsignedPayload?: boolean
  /** Always send `x-amz-content-sha256` (S3, OpenSearch Serverless). */
  contentSha256?: boolean
  /** A `payloadHashOnly` rule: only `x-amz-content-sha256` is added; nothing is signed. */
  payloadHashOnly?: boolean
  /** The rule's `replaceBearer`: an `Authorization: Bearer …` is replaced by the signature. */
  replaceBearer?: boolean
  /**
   * An API Gateway VPC endpoint: the API IDs the rule allows. `x-apigw-api-id` must be one of them and is
   * signed (read-only).
   */
  apiIds?: readonly string[]
}

/** A SigV4 plan: one region (absent only on a payload-hash-only plan, which signs nothing). */
export interface SigV4Plan extends SigningPlanFields {
  algorithm: 'sigv4'
  /** SigV4 region. */
  region?: string
  regionSet?: undefined
}

/** A SigV4A plan: a region set, no region. */
export interface SigV4aPlan extends SigningPlanFields {
  algorithm: 'sigv4a'
  /** SigV4A region set. */
  regionSet: string[]
  region?: undefined
}

/** How a request to one host will be signed; `plan.algorithm` narrows it to {@link SigV4Plan} or {@link SigV4aPlan}. */
export type SigningPlan = SigV4Plan | SigV4aPlan

/**
 * Internal (not exported by the package): a plan while resolve-plan.ts assembles it, region or region set
 * still to be set; each builder there sets the one its algorithm needs before returning it as a SigningPlan.
 */
export type PlanDraft = SigningPlanFields & {
  algorithm: SigningAlgorithm
  region?: string
  regionSet?: string[]
}

/** The result of `signer.explain(url)`. */
export interface Explanation {
  plan: SigningPlan | null
  reason: string
  warnings: string[]
}

/** A request in the adapter-neutral shape that `sign` takes. */
export interface SignableRequest {
  method: string
  url: string | URL
  headers?: HeadersInit
  /**
   * Read (hashed) when `sign` is called, never copied: the signature covers the bytes as they are at the
   * call.
   */
  body?: string | ArrayBuffer | ArrayBufferView | null
}

/** A signed (or passed-through) request. */
export interface SignedRequest {
  method: string
  url: string
  /**
   * The request's headers, generated ones included, as a `Headers`. Built on first read and kept (changes made
   * through it stay): in Node the first `Headers` of a process loads undici (15–25 ms of a cold start), so a
   * caller that only copies the headers into another client should read `headerPairs` instead.
   */
  headers: Headers
  /**
   * The same headers as `[name, value]` pairs (lowercase names; the caller's headers in their order, then the
   * generated ones), without building a `Headers`. A snapshot taken when the request was signed: later changes through
   * `headers` do not show here.
   * @example for (const [name, value] of result.request.headerPairs) config.headers.set(name, value)
   */
  headerPairs: [string, string][]
  body?: string | ArrayBuffer | ArrayBufferView | null
}

/** Options of `signer.sign`. */
export interface SignOptions {
  /** @default signer's `now()` (corrected for known clock skew) */
  signingDate?: Date
  /** Add `canonicalRequest` and `stringToSign` to the result. @default false */
  debug?: boolean
}

/** Options of `signer.presign`. */
export interface PresignOptions {
  /** Seconds the URL stays valid, 1…604800. */
  expiresIn: number
  signingDate?: Date
}

/** What `signer.sign` returns: the signed request, the plan it was signed with, and, with `debug`, the inputs of the signature. */
export interface SignResult {
  request: SignedRequest
  plan: SigningPlan | null
  canonicalRequest?: string
  stringToSign?: string
}

/** Options of `createSigner`. */
export interface SignerOptions {
  /**
   * Credentials or a provider. Omitted: in Node the default chain of `@aws-sdk/credential-providers`
   * (an optional peer dependency); elsewhere `sign` throws `CredentialsError`.
   */
  credentials?: CredentialsInput
  /** Rules, checked in order before AWS host inference. @default [] */
  rules?: SigningRule[]
  /** @default true */
  awsHosts?: AwsHostsMode
  /** What to do with a request no rule or inference claims. @default 'pass' */
  unmatched?: 'pass' | 'error'
  /** Clock. @default () => new Date() */
  now?: () => Date
  /** Largest body buffered to hash it. @default 67108864 (64 MiB) */
  maxBodyBytes?: number
  /** Refresh provider credentials this long before they expire. @default 300000 */
  refreshBeforeExpiryMs?: number
  /**
   * Which headers to sign besides `host`, `content-type`, `content-md5` and `x-amz-*`:
   * `'all'` signs every header present; an array adds those names.
   * @default 'default'
   */
  signedHeaders?: 'default' | 'all' | string[]
  /** How many buckets whose region S3 named are remembered (LRU). @default 256 */
  regionCacheSize?: number
}
