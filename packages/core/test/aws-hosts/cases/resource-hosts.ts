import { type HostCase, sigv4 } from './host-case'

const customer = { customerCode: true }

/**
 * Hosts named after a customer resource rather than a service. Sources:
 * - API Gateway `<api-id>.execute-api.<region>.amazonaws.com` (signing name execute-api):
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
 * - private APIs `<api-id>-<vpce-id>.execute-api.<region>.vpce.amazonaws.com`:
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html
 * - Lambda function URLs `<url-id>.lambda-url.<region>.on.aws` (IAM auth signs as lambda):
 *   https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 * - AppSync `<id>.appsync-api.<region>.amazonaws.com` (signing name appsync):
 *   https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
 * - OpenSearch domains `search-<domain>-<id>.<region>.es.amazonaws.com` / `vpc-…` (signing name es):
 *   https://docs.aws.amazon.com/opensearch-service/latest/developerguide/request-signing.html
 * - OpenSearch Serverless `<id>.<region>.aoss.amazonaws.com` (signing name aoss, x-amz-content-sha256
 *   required): https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-clients.html
 * - IoT account endpoints `<prefix>-ats.iot.<region>.amazonaws.com` (signing name iotdata):
 *   https://docs.aws.amazon.com/iot/latest/developerguide/iot-connect-devices.html
 * - EventBridge global endpoints (SigV4A): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-global-endpoints.html
 */
export const resourceHosts: HostCase[] = [
  sigv4('abc123defg.execute-api.eu-west-1.amazonaws.com', 'execute-api', 'eu-west-1', 'aws', customer),
  sigv4(
    'a1b2c3d4e5.execute-api.us-gov-west-1.amazonaws.com',
    'execute-api',
    'us-gov-west-1',
    'aws-us-gov',
    customer,
  ),
  sigv4(
    'abcdefghij.execute-api.cn-north-1.amazonaws.com.cn',
    'execute-api',
    'cn-north-1',
    'aws-cn',
    customer,
  ),
  sigv4(
    'abc123defg-vpce-0123456789abcdef0.execute-api.us-east-1.vpce.amazonaws.com',
    'execute-api',
    'us-east-1',
    'aws',
    customer,
  ),
  sigv4(
    'x2b7abcdefghijklmnopqrstuv0abcde.lambda-url.us-east-1.on.aws',
    'lambda',
    'us-east-1',
    'aws',
    customer,
  ),
  sigv4(
    'x2b7abcdefghijklmnopqrstuv0abcde.lambda-url.eu-central-1.on.aws',
    'lambda',
    'eu-central-1',
    'aws',
    customer,
  ),
  sigv4(
    'abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com',
    'appsync',
    'us-east-1',
    'aws',
    customer,
  ),
  sigv4(
    'abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com',
    'appsync',
    'eu-west-1',
    'aws',
    customer,
  ),
  sigv4('search-movies-abc123xyz.us-west-1.es.amazonaws.com', 'es', 'us-west-1', 'aws'),
  sigv4('vpc-movies-abc123xyz.eu-west-1.es.amazonaws.com', 'es', 'eu-west-1', 'aws'),
  sigv4('search-logs-abc123xyz.us-gov-west-1.es.amazonaws.com', 'es', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('search-logs-abc123xyz.cn-north-1.es.amazonaws.com.cn', 'es', 'cn-north-1', 'aws-cn'),
  sigv4('07tjusf2h91cunochc.us-east-1.aoss.amazonaws.com', 'aoss', 'us-east-1', 'aws', {
    contentSha256: true,
  }),
  sigv4('07tjusf2h91cunochc.eu-west-1.aoss.amazonaws.com', 'aoss', 'eu-west-1', 'aws', {
    contentSha256: true,
  }),
  sigv4('a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com', 'iotdata', 'us-east-1', 'aws'),
  sigv4('a1b2c3d4e5f6g7-ats.iot.cn-north-1.amazonaws.com.cn', 'iotdata', 'cn-north-1', 'aws-cn'),
  sigv4('a1b2c3d4e5f6g7.iot.eu-west-1.amazonaws.com', 'iotdata', 'eu-west-1', 'aws'),
  {
    host: 'abcde.veo.endpoint.events.amazonaws.com',
    expected: {
      service: 'events',
      partition: 'aws',
      algorithm: 'sigv4a',
      regionSet: ['*'],
      customerCode: false,
    },
  },
]
