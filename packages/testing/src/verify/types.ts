/** An access key the simulated AWS account knows. */
export interface VerifierCredentials {
  accessKeyId: string
  secretAccessKey: string
  /** When set, requests with this key must carry exactly this `X-Amz-Security-Token`, signed. */
  sessionToken?: string
}

/**
 * How an endpoint checks and answers, modelled on a family of AWS services:
 * - `apigateway`: execute-api. 5-minute clock window, JSON errors, the payload hash is always computed
 *   from the body (so `UNSIGNED-PAYLOAD` fails).
 * - `s3`: S3 and its relatives. 15-minute window, XML `<Error>`, path used as sent (single-encoded),
 *   `x-amz-content-sha256` required, `UNSIGNED-PAYLOAD` allowed.
 * - `query`: EC2/IAM/STS style. 15-minute window, XML `<ErrorResponse>`.
 */
export type Dialect = 'apigateway' | 's3' | 'query'

/** The signing algorithm an endpoint expects. */
export type VerifierAlgorithm = 'sigv4' | 'sigv4a'

/** One simulated AWS endpoint (a hostname). */
export interface EndpointConfig {
  /** Signing name the credential scope must name (`execute-api`, `s3`, `sts`, …). */
  service: string
  /** The endpoint's region, or a function of the request (to imitate latency routing between regions). */
  region: string | ((request: Request) => string)
  /**
   * `sigv4a` endpoints (S3 Multi-Region Access Points, SigV4A APIs) also accept SigV4 for `region` unless
   * `sigv4aOnly` is set. SigV4A is accepted on every endpoint whose region the region set covers.
   * @default 'sigv4'
   */
  algorithm?: VerifierAlgorithm
  /** Refuse SigV4 (only with `algorithm: 'sigv4a'`). @default false */
  sigv4aOnly?: boolean
  /**
   * How the endpoint checks and answers.
   * @default 'apigateway' for execute-api; 's3' for s3, s3-object-lambda and s3-outposts; 'query' otherwise
   */
  dialect?: Dialect
}

/** What `verifyRequest` needs: the account's keys, its endpoints, and a clock. */
export interface VerifierOptions {
  /**
   * The keys the account knows. Read on every request: push to or splice this array to rotate keys while a
   * server runs.
   */
  credentials: VerifierCredentials[]
  /**
   * Endpoints by hostname (`abc.execute-api.eu-west-1.amazonaws.com`, `localhost`, `127.0.0.1`).
   * A key without a port matches any port; a key with a port (`localhost:8080`) only that port.
   */
  endpoints: Record<string, EndpointConfig>
  /** Server clock. @default () => new Date() */
  now?: () => Date
}

/** A request that AWS would have accepted. */
export interface VerifySuccess {
  ok: true
  algorithm: VerifierAlgorithm
  /** Where the signature came from. */
  authorization: 'header' | 'query'
  accessKeyId: string
  /** Credential scope: `date/region/service/aws4_request` (SigV4) or `date/service/aws4_request` (SigV4A). */
  scope: string
  service: string
  /** The endpoint's region for this request (the SigV4 scope region, or the region a SigV4A set covered). */
  region: string
  /** SigV4A only: the signed `X-Amz-Region-Set`. */
  regionSet?: string[]
  /** Names from `SignedHeaders`, in the order the client listed them. */
  signedHeaders: string[]
  canonicalRequest: string
  stringToSign: string
  /** Which endpoint key matched. */
  endpoint: string
  dialect: Dialect
  method: string
  /** The path as received. */
  path: string
  /** Query parameters as the service decoded them, without the presigned-URL auth parameters. */
  query: Array<[string, string]>
  /** Hex SHA-256 of the body bytes received. */
  bodySha256: string
  /** The server time used for the clock checks. */
  date: Date
}

/** A request AWS would have refused, with the answer it would have sent. */
export interface VerifyFailure {
  ok: false
  status: number
  /** AWS error code (`SignatureDoesNotMatch`, `InvalidSignatureException`, …). */
  code: string
  /** The exact AWS message (for signature mismatches: only the first sentence block). */
  message: string
  /** The response body AWS would send (JSON for API Gateway, XML otherwise). */
  body: string
  /** Response headers, including `Date` from the verifier's clock and `Content-Type`. */
  headers: Headers
  /** Present when the verifier got far enough to compute them. */
  canonicalRequest?: string
  stringToSign?: string
}

/** The outcome of `verifyRequest`. */
export type VerifyResult = VerifySuccess | VerifyFailure
