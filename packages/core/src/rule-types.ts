import type { CredentialsInput } from './types'

// The shapes of a signing rule (`createSigner({ rules })`), re-exported from types.ts.

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
