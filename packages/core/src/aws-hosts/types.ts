import type { SigningAlgorithm } from '../types'

/** What the built-in AWS hostname knowledge concluded about one host. */
export interface AwsHostInference {
  /** Signing name (`bedrock` for `bedrock-runtime`, `iotdata` for IoT data, `ses` for `email`). */
  service: string
  /** SigV4 signing region (the credential scope), e.g. `us-east-1` for IAM in the aws partition. */
  region?: string
  /** SigV4A region set (S3 Multi-Region Access Points: `['*']`). */
  regionSet?: string[]
  algorithm: SigningAlgorithm
  /** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f`, `aws-eusc`. */
  partition: string
  /** The region written in the hostname, if any (used to reject contradicting rules). */
  hostRegion?: string
  /** True for hosts that hand request headers to customer code (execute-api, lambda-url, AppSync, VPC Lattice). */
  customerCode: boolean
  /**
   * An API Gateway VPC endpoint (`vpce-<id>[-<zone>].execute-api.<region>.vpce.amazonaws.com`): the
   * `x-apigw-api-id` header, not the host, picks the (customer's) API, so only a rule naming API IDs claims it.
   */
  apiChosenByHeader?: boolean
  /** False when AWS may answer with another region (legacy global S3 hosts). */
  regionCertain: boolean
  /** S3-family endpoint: single-encoded paths, `x-amz-content-sha256` always, UNSIGNED-PAYLOAD allowed. */
  s3: boolean
  /** The service requires `x-amz-content-sha256` (S3, OpenSearch Serverless). */
  contentSha256: boolean
  /** The service takes no payload hash: sign with `UNSIGNED-PAYLOAD` (VPC Lattice services). */
  unsignedPayload: boolean
  /**
   * Set when the host is AWS's but awssig cannot sign for it correctly, with the reason (S3 Express One Zone
   * directory buckets need `CreateSession` credentials): no plan is made from this inference.
   */
  declined?: string
  /**
   * One sentence naming the pattern that matched, e.g. "regional endpoint ec2.us-west-2.amazonaws.com"
   * (empty in production builds, whose explanations give the scope without it).
   */
  reason: string
}
