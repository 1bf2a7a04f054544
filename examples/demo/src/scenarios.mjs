/**
 * The situations where a signer hard-wired to one service and region breaks, each imitated by an
 * endpoint of the local verifying server. `fixed` is what a typical application does today: the
 * service name it guessed from the hostname and the region from its own configuration.
 */
export const scenarios = [
  {
    title: 'A regional endpoint in another region',
    story: 'The app is configured for eu-west-1 and calls an API deployed in us-west-2.',
    method: 'GET',
    url: 'https://a1b2c3.execute-api.us-west-2.amazonaws.com/prod/orders',
    endpoint: { service: 'execute-api', region: 'us-west-2' },
    fixed: { service: 'execute-api', region: 'eu-west-1' },
  },
  {
    title: 'A global endpoint (Route 53)',
    story: 'Route 53 has one endpoint for the world; AWS wants it signed for us-east-1.',
    method: 'GET',
    url: 'https://route53.amazonaws.com/2013-04-01/hostedzone',
    endpoint: { service: 'route53', region: 'us-east-1', dialect: 'query' },
    fixed: { service: 'route53', region: 'eu-west-1' },
  },
  {
    title: 'A global endpoint (IAM)',
    story: 'IAM is global too, also signed for us-east-1.',
    method: 'GET',
    url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
    endpoint: { service: 'iam', region: 'us-east-1', dialect: 'query' },
    fixed: { service: 'iam', region: 'eu-west-1' },
  },
  {
    title: 'A signing name that differs from the host label',
    story: 'bedrock-runtime.<region>.amazonaws.com must be signed for the service "bedrock".',
    method: 'POST',
    url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-text-lite-v1/invoke',
    body: '{"inputText":"Hello"}',
    headers: { 'content-type': 'application/json' },
    endpoint: { service: 'bedrock', region: 'us-east-1' },
    fixed: { service: 'bedrock-runtime', region: 'us-east-1' },
  },
  {
    title: 'S3 in the wrong region',
    story: 'The bucket lives in eu-central-1; the app signs everything for eu-west-1.',
    method: 'GET',
    url: 'https://reports-bucket.s3.eu-central-1.amazonaws.com/2026/q3.csv',
    endpoint: { service: 's3', region: 'eu-central-1' },
    fixed: { service: 's3', region: 'eu-west-1' },
  },
]

/**
 * A multi-region API Gateway custom domain behind latency routing: each request lands in us-east-1 or
 * us-west-2. SigV4 names one region, so it fails whenever the other one answers; SigV4A signs for the
 * region set `us-*`, which both regions accept.
 */
export const multiRegion = {
  title: 'A multi-region API behind latency routing',
  story: 'api.example.com is served from us-east-1 and us-west-2; each request goes to either.',
  host: 'api.example.com',
  attempts: 12,
  seed: 20261131,
  regions: ['us-east-1', 'us-west-2'],
  fixed: { service: 'execute-api', region: 'us-east-1' },
}
