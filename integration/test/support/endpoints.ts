import { createHash } from 'node:crypto'
import type { SigningRule } from '@awssig/core'
import type { EndpointConfig, VerifierCredentials } from '@awssig/testing'

/** An API Gateway API: the `apigateway` dialect (5-minute clock window, JSON errors). */
export const API_HOST = 'abc123.execute-api.eu-west-1.amazonaws.com'
/** An S3 bucket: the `s3` dialect (15-minute window, XML errors, `x-amz-content-sha256` required). */
export const BUCKET_HOST = 'bucket.s3.eu-central-1.amazonaws.com'

/** The simulated account's endpoints, as the verifying server knows them. */
export const ENDPOINTS: Record<string, EndpointConfig> = {
  [API_HOST]: { service: 'execute-api', region: 'eu-west-1' },
  [BUCKET_HOST]: { service: 's3', region: 'eu-central-1' },
}

/**
 * The signer's rules. execute-api hosts run customer code, so core claims them only through a rule (service
 * and region are inferred from the hostname); the S3 host is claimed by AWS host inference alone.
 */
export const RULES: SigningRule[] = [{ host: API_HOST }]

/** The shared test credentials every package uses. */
export const TEST_CREDENTIALS: VerifierCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

/** Hex SHA-256, computed with node:crypto: independent of the signer's and the verifier's hashing. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
