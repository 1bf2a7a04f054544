import type { AwsHostInference } from './types'

/** Builds an inference with the defaults of an ordinary AWS-operated SigV4 endpoint. */
export function awsHostInference(
  service: string,
  partition: string,
  region: string | undefined,
  reason: string,
  overrides?: Partial<AwsHostInference>,
): AwsHostInference {
  const inference: AwsHostInference = {
    service,
    region,
    algorithm: 'sigv4',
    partition,
    hostRegion: region,
    customerCode: false,
    regionCertain: true,
    s3: false,
    // OpenSearch Serverless rejects requests without x-amz-content-sha256:
    // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-clients.html
    contentSha256: service === 'aoss',
    unsignedPayload: false,
    reason,
    ...overrides,
  }
  // Overrides may clear `region`/`hostRegion`; leave such keys out rather than present and undefined.
  for (const key of ['region', 'hostRegion'] as const) if (inference[key] === undefined) delete inference[key]
  return inference
}
