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

/** A host pattern: exact host (`api.example.com`, `api.example.com:8443`), `*.suffix`, or a RegExp. */
export type HostPattern = string | RegExp

/** The fields every signing rule (except a {@link PayloadHashOnlyRule}) may have. */
export interface SigningRuleFields {
  /** Exact host, `*.suffix` (one or more labels, not `suffix` itself), or RegExp tested against the host. */
  host: HostPattern
  /** Signing name (`execute-api`, `s3`, …). Optional when the host is an AWS hostname inference understands. */
  service?: string
  /** Credentials for this host only (e.g. a different role). */
  credentials?: CredentialsInput
  /**
   * Send `UNSIGNED-PAYLOAD` instead of hashing the body. S3-family services, and services whose hosts
   * require it (VPC Lattice), only. @default false
   */
  unsignedPayload?: boolean
  /**
   * Replace an `Authorization: Bearer …` header with the SigV4 signature on this host. Without it, a request
   * that already carries `Authorization` (an SDK's API key, even a placeholder) is passed through unsigned,
   * because a bearer can be a real key (Bedrock accepts API keys) that awssig must not drop on its own. Other
   * schemes (an AWS signature, Basic) are never replaced.
   * @default false
   * @example { host: 'bedrock-mantle.us-east-1.api.aws', replaceBearer: true } // OpenAI SDK with a placeholder apiKey
   */
  replaceBearer?: boolean
  /**
   * Let a wildcard or RegExp `host` claim hosts that run customer code (API Gateway, AppSync, Lambda
   * function URLs, VPC Lattice services, API Gateway VPC endpoints). Without it such a rule skips them: a
   * pattern like `*.execute-api.eu-west-1.amazonaws.com` spans every customer's API in the region, so
   * credentials would reach APIs that are not yours. Exact hosts claim them without it.
   * @default false
   * @example { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true } // every API there is yours
   */
  customerCode?: boolean
  /**
   * For API Gateway private APIs reached through a VPC endpoint host
   * (`vpce-<id>.execute-api.<region>.vpce.amazonaws.com`, or its zonal form): the API IDs requests may
   * reach. The `x-apigw-api-id` header picks the API there, so it is required, must be one of these, and is
   * signed. Required for such hosts; refused for others.
   * @example { host: 'vpce-0b7a22d021cc42f88-gectb2xb.execute-api.eu-west-1.vpce.amazonaws.com', apiIds: ['a1b2c3d4e5'] }
   */
  apiIds?: string[]
  /** Only `true` makes a {@link PayloadHashOnlyRule}. @default false */
  payloadHashOnly?: false
}

/**
 * A SigV4 rule: signs for one region.
 * @example { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }
 */
export interface SigV4Rule extends SigningRuleFields {
  /** @default 'sigv4' */
  algorithm?: 'sigv4'
  /** SigV4 signing region. Optional when the host names its region. */
  region?: string
  /** Only SigV4A rules have a region set. */
  regionSet?: never
}

/**
 * A SigV4A rule: signs for a region set with ECDSA P-256.
 * @example { host: 'mrap.example.com', service: 's3', algorithm: 'sigv4a', regionSet: ['us-*'] }
 */
export interface SigV4aRule extends SigningRuleFields {
  algorithm: 'sigv4a'
  /** SigV4A region set, e.g. `['us-*']`. @default ['*'] */
  regionSet?: string[]
  /** SigV4A signs for a region set, never for one region. */
  region?: never
}

/**
 * Add only `x-amz-content-sha256` (the SHA-256 of the body): no signature, no credentials needed or
 * sent. For CloudFront with Origin Access Control in front of a Lambda function URL, which signs the
 * origin request itself but needs the client's payload hash on POST and PUT. No other field but `host`.
 * @example { host: 'd111111abcdef8.cloudfront.net', payloadHashOnly: true }
 */
export interface PayloadHashOnlyRule {
  /** Exact host, `*.suffix`, or RegExp tested against the host. */
  host: HostPattern
  payloadHashOnly: true
  service?: never
  region?: never
  algorithm?: never
  regionSet?: never
  credentials?: never
  unsignedPayload?: never
  replaceBearer?: never
  customerCode?: never
  apiIds?: never
}

/**
 * One signing rule. Rules are checked in order; the first whose `host` matches wins. The shapes that
 * `createSigner` rejects (a region set without SigV4A, a region with SigV4A, signing fields on a
 * payload-hash-only rule) are type errors too.
 */
export type SigningRule = SigV4Rule | SigV4aRule | PayloadHashOnlyRule

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
