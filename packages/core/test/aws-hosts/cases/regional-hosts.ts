import { type HostCase, sigv4 } from './host-case'

/**
 * Regional endpoints `<prefix>.<region>.<dnsSuffix>` where the signing name is the host label.
 * Source: AWS General Reference, "Service endpoints and quotas" page of each service
 * (https://docs.aws.amazon.com/general/latest/gr/aws-service-information.html), e.g. ec2-service.html,
 * ddb.html, sqs-service.html, lambda-service.html, cw_region.html ("monitoring.<region>.amazonaws.com").
 */
export const commercialRegional: HostCase[] = [
  sigv4('ec2.us-east-1.amazonaws.com', 'ec2', 'us-east-1', 'aws'),
  sigv4('ec2.us-west-2.amazonaws.com', 'ec2', 'us-west-2', 'aws'),
  sigv4('ec2.eu-west-1.amazonaws.com', 'ec2', 'eu-west-1', 'aws'),
  sigv4('ec2.ap-southeast-7.amazonaws.com', 'ec2', 'ap-southeast-7', 'aws'),
  sigv4('ec2.mx-central-1.amazonaws.com', 'ec2', 'mx-central-1', 'aws'),
  sigv4('ec2.il-central-1.amazonaws.com', 'ec2', 'il-central-1', 'aws'),
  sigv4('ec2.af-south-1.amazonaws.com', 'ec2', 'af-south-1', 'aws'),
  sigv4('ec2.ca-west-1.amazonaws.com', 'ec2', 'ca-west-1', 'aws'),
  sigv4('ec2.me-central-1.amazonaws.com', 'ec2', 'me-central-1', 'aws'),
  sigv4('ec2.sa-east-1.amazonaws.com', 'ec2', 'sa-east-1', 'aws'),
  sigv4('dynamodb.us-east-1.amazonaws.com', 'dynamodb', 'us-east-1', 'aws'),
  sigv4('sqs.us-east-2.amazonaws.com', 'sqs', 'us-east-2', 'aws'),
  sigv4('sns.eu-central-1.amazonaws.com', 'sns', 'eu-central-1', 'aws'),
  sigv4('lambda.us-west-2.amazonaws.com', 'lambda', 'us-west-2', 'aws'),
  sigv4('kms.ap-northeast-1.amazonaws.com', 'kms', 'ap-northeast-1', 'aws'),
  sigv4('logs.eu-west-2.amazonaws.com', 'logs', 'eu-west-2', 'aws'),
  sigv4('monitoring.us-east-1.amazonaws.com', 'monitoring', 'us-east-1', 'aws'),
  sigv4('events.us-east-1.amazonaws.com', 'events', 'us-east-1', 'aws'),
  sigv4('states.eu-north-1.amazonaws.com', 'states', 'eu-north-1', 'aws'),
  sigv4('secretsmanager.us-east-1.amazonaws.com', 'secretsmanager', 'us-east-1', 'aws'),
  sigv4('ssm.ap-south-1.amazonaws.com', 'ssm', 'ap-south-1', 'aws'),
  sigv4('sts.us-west-2.amazonaws.com', 'sts', 'us-west-2', 'aws'),
  sigv4('sts.eu-west-1.amazonaws.com', 'sts', 'eu-west-1', 'aws'),
  sigv4('cloudformation.us-east-1.amazonaws.com', 'cloudformation', 'us-east-1', 'aws'),
  sigv4('kinesis.us-east-1.amazonaws.com', 'kinesis', 'us-east-1', 'aws'),
  sigv4('firehose.ap-southeast-2.amazonaws.com', 'firehose', 'ap-southeast-2', 'aws'),
  sigv4('elasticloadbalancing.us-east-1.amazonaws.com', 'elasticloadbalancing', 'us-east-1', 'aws'),
  sigv4('autoscaling.eu-west-3.amazonaws.com', 'autoscaling', 'eu-west-3', 'aws'),
  sigv4('rds.us-east-1.amazonaws.com', 'rds', 'us-east-1', 'aws'),
  sigv4('ecs.us-east-1.amazonaws.com', 'ecs', 'us-east-1', 'aws'),
  sigv4('eks.ca-central-1.amazonaws.com', 'eks', 'ca-central-1', 'aws'),
  sigv4('es.us-east-1.amazonaws.com', 'es', 'us-east-1', 'aws'),
  sigv4('aoss.us-east-1.amazonaws.com', 'aoss', 'us-east-1', 'aws', { contentSha256: true }),
  sigv4('apigateway.us-east-1.amazonaws.com', 'apigateway', 'us-east-1', 'aws'),
  sigv4('glue.us-east-1.amazonaws.com', 'glue', 'us-east-1', 'aws'),
  sigv4('athena.eu-central-1.amazonaws.com', 'athena', 'eu-central-1', 'aws'),
  sigv4('translate.us-east-1.amazonaws.com', 'translate', 'us-east-1', 'aws'),
  sigv4('polly.us-west-2.amazonaws.com', 'polly', 'us-west-2', 'aws'),
  sigv4('rekognition.us-east-1.amazonaws.com', 'rekognition', 'us-east-1', 'aws'),
  sigv4('cognito-idp.us-east-1.amazonaws.com', 'cognito-idp', 'us-east-1', 'aws'),
  sigv4('cognito-identity.eu-west-1.amazonaws.com', 'cognito-identity', 'eu-west-1', 'aws'),
  sigv4('iot.us-east-1.amazonaws.com', 'iot', 'us-east-1', 'aws'),
  // Organizations and Cost Explorer are global services whose endpoint names us-east-1:
  // https://docs.aws.amazon.com/general/latest/gr/ao.html, https://docs.aws.amazon.com/general/latest/gr/billing.html
  sigv4('organizations.us-east-1.amazonaws.com', 'organizations', 'us-east-1', 'aws'),
  sigv4('ce.us-east-1.amazonaws.com', 'ce', 'us-east-1', 'aws'),
]

/**
 * Signing names that differ from the host label. Source: the "signingName" of each service in botocore's
 * service models (botocore/data/<service>/<version>/service-2.json) and the services' API references
 * ("Signature Version 4 signing name"); IoT data: https://docs.aws.amazon.com/iot/latest/developerguide/iot-connect-devices.html,
 * OpenSearch dual-stack `aos`: https://docs.aws.amazon.com/general/latest/gr/opensearch-service.html,
 * Marketplace: https://docs.aws.amazon.com/general/latest/gr/aws-marketplace.html.
 */
export const differentSigningNames: HostCase[] = [
  sigv4('bedrock-runtime.us-east-1.amazonaws.com', 'bedrock', 'us-east-1', 'aws'),
  sigv4('bedrock-agent-runtime.us-west-2.amazonaws.com', 'bedrock', 'us-west-2', 'aws'),
  sigv4('bedrock-agent.eu-central-1.amazonaws.com', 'bedrock', 'eu-central-1', 'aws'),
  sigv4('bedrock.us-east-1.amazonaws.com', 'bedrock', 'us-east-1', 'aws'),
  sigv4('email.us-east-1.amazonaws.com', 'ses', 'us-east-1', 'aws'),
  sigv4('email.eu-west-1.amazonaws.com', 'ses', 'eu-west-1', 'aws'),
  sigv4('runtime.sagemaker.us-east-1.amazonaws.com', 'sagemaker', 'us-east-1', 'aws'),
  sigv4('runtime.sagemaker.eu-west-1.amazonaws.com', 'sagemaker', 'eu-west-1', 'aws'),
  sigv4('api.sagemaker.us-east-1.amazonaws.com', 'sagemaker', 'us-east-1', 'aws'),
  sigv4('featurestore-runtime.sagemaker.us-east-2.amazonaws.com', 'sagemaker', 'us-east-2', 'aws'),
  sigv4('api.ecr.us-east-1.amazonaws.com', 'ecr', 'us-east-1', 'aws'),
  sigv4('api.ecr-public.us-east-1.amazonaws.com', 'ecr-public', 'us-east-1', 'aws'),
  sigv4('data-ats.iot.us-east-1.amazonaws.com', 'iotdata', 'us-east-1', 'aws'),
  sigv4('data.iot.us-west-2.amazonaws.com', 'iotdata', 'us-west-2', 'aws'),
  sigv4('data.jobs.iot.us-east-1.amazonaws.com', 'iot-jobs-data', 'us-east-1', 'aws'),
  sigv4('greengrass-ats.iot.us-east-1.amazonaws.com', 'greengrass', 'us-east-1', 'aws'),
  sigv4('runtime.lex.us-east-1.amazonaws.com', 'lex', 'us-east-1', 'aws'),
  sigv4('models.lex.us-east-1.amazonaws.com', 'lex', 'us-east-1', 'aws'),
  sigv4('appstream2.us-east-1.amazonaws.com', 'appstream', 'us-east-1', 'aws'),
  sigv4('metering.marketplace.us-east-1.amazonaws.com', 'aws-marketplace', 'us-east-1', 'aws'),
  sigv4('entitlement.marketplace.us-east-1.amazonaws.com', 'aws-marketplace', 'us-east-1', 'aws'),
  sigv4('catalog.marketplace.us-east-1.amazonaws.com', 'aws-marketplace', 'us-east-1', 'aws'),
  sigv4('metering-marketplace.us-east-2.api.aws', 'aws-marketplace', 'us-east-2', 'aws'),
  sigv4('data.mediastore.us-east-1.amazonaws.com', 'mediastore', 'us-east-1', 'aws'),
  sigv4('appconfigdata.us-east-1.amazonaws.com', 'appconfig', 'us-east-1', 'aws'),
  sigv4('portal.sso.us-east-1.amazonaws.com', 'awsssoportal', 'us-east-1', 'aws'),
  sigv4('oidc.us-east-1.amazonaws.com', 'sso-oauth', 'us-east-1', 'aws'),
  sigv4('personalize-runtime.us-east-1.amazonaws.com', 'personalize', 'us-east-1', 'aws'),
  sigv4('query.timestream.us-east-1.amazonaws.com', 'timestream', 'us-east-1', 'aws'),
  sigv4('ingest.timestream.us-east-1.amazonaws.com', 'timestream', 'us-east-1', 'aws'),
  sigv4('cloudhsmv2.us-east-1.amazonaws.com', 'cloudhsm', 'us-east-1', 'aws'),
  sigv4('memory-db.us-east-1.amazonaws.com', 'memorydb', 'us-east-1', 'aws'),
  sigv4('streams.dynamodb.us-east-1.amazonaws.com', 'dynamodb', 'us-east-1', 'aws'),
  sigv4('api.pricing.us-east-1.amazonaws.com', 'pricing', 'us-east-1', 'aws'),
  sigv4('aos.us-east-1.api.aws', 'es', 'us-east-1', 'aws'),
  // Amazon Connect participant service signs as execute-api, but AWS runs it (not customer code).
  sigv4('participant.connect.us-east-1.amazonaws.com', 'execute-api', 'us-east-1', 'aws'),
]

/**
 * FIPS endpoints. Source: https://aws.amazon.com/compliance/fips/ (endpoint list) and the General Reference
 * service pages; the credential scope stays the plain signing name and region (botocore endpoints.json
 * `variants` tagged "fips").
 */
export const fipsHosts: HostCase[] = [
  sigv4('ec2-fips.us-east-1.amazonaws.com', 'ec2', 'us-east-1', 'aws'),
  sigv4('ec2-fips.ca-central-1.amazonaws.com', 'ec2', 'ca-central-1', 'aws'),
  sigv4('sts-fips.us-east-2.amazonaws.com', 'sts', 'us-east-2', 'aws'),
  sigv4('kms-fips.us-west-2.amazonaws.com', 'kms', 'us-west-2', 'aws'),
  sigv4('dynamodb-fips.us-gov-west-1.amazonaws.com', 'dynamodb', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('lambda-fips.us-gov-east-1.amazonaws.com', 'lambda', 'us-gov-east-1', 'aws-us-gov'),
  sigv4('fips.batch.us-east-1.amazonaws.com', 'batch', 'us-east-1', 'aws'),
  sigv4('fips.eks.us-west-2.amazonaws.com', 'eks', 'us-west-2', 'aws'),
  sigv4('fips.transcribe.us-east-1.amazonaws.com', 'transcribe', 'us-east-1', 'aws'),
  sigv4('ecr-fips.us-east-1.amazonaws.com', 'ecr', 'us-east-1', 'aws'),
  sigv4('api-fips.sagemaker.us-east-1.amazonaws.com', 'sagemaker', 'us-east-1', 'aws'),
  sigv4('runtime-fips.sagemaker.us-east-1.amazonaws.com', 'sagemaker', 'us-east-1', 'aws'),
  sigv4('models-fips.lex.us-east-1.amazonaws.com', 'lex', 'us-east-1', 'aws'),
  sigv4('runtime-fips.lex.us-east-1.amazonaws.com', 'lex', 'us-east-1', 'aws'),
  sigv4('data.iot-fips.ca-central-1.amazonaws.com', 'iotdata', 'ca-central-1', 'aws'),
  sigv4('kms-fips.us-gov-west-1.amazonaws.com', 'kms', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('ec2-fips.us-east-1.api.aws', 'ec2', 'us-east-1', 'aws'),
  sigv4('globalaccelerator-fips.us-west-2.amazonaws.com', 'globalaccelerator', 'us-west-2', 'aws'),
]

/**
 * Dual-stack endpoints `<prefix>.<region>.<dualStackDnsSuffix>`. Source: "Dual-stack endpoints" in
 * https://docs.aws.amazon.com/general/latest/gr/rande.html and the partitions' `dualStackDnsSuffix`
 * (api.aws; api.amazonwebservices.com.cn; api.aws.ic.gov; api.amazonwebservices.eu).
 */
export const dualStackHosts: HostCase[] = [
  sigv4('ec2.us-east-1.api.aws', 'ec2', 'us-east-1', 'aws'),
  sigv4('ec2.eu-west-1.api.aws', 'ec2', 'eu-west-1', 'aws'),
  sigv4('sqs.us-west-2.api.aws', 'sqs', 'us-west-2', 'aws'),
  sigv4('lambda.us-east-1.api.aws', 'lambda', 'us-east-1', 'aws'),
  sigv4('bedrock-runtime.us-east-1.api.aws', 'bedrock', 'us-east-1', 'aws'),
  sigv4('ec2.us-gov-west-1.api.aws', 'ec2', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('ec2.cn-north-1.api.amazonwebservices.com.cn', 'ec2', 'cn-north-1', 'aws-cn'),
  sigv4('kms.eusc-de-east-1.api.amazonwebservices.eu', 'kms', 'eusc-de-east-1', 'aws-eusc'),
  sigv4('ec2.us-iso-east-1.api.aws.ic.gov', 'ec2', 'us-iso-east-1', 'aws-iso'),
]

/**
 * China. Source: Amazon Web Services in China endpoints,
 * https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html and endpoints-Ningxia.html.
 */
export const chinaHosts: HostCase[] = [
  sigv4('ec2.cn-north-1.amazonaws.com.cn', 'ec2', 'cn-north-1', 'aws-cn'),
  sigv4('ec2.cn-northwest-1.amazonaws.com.cn', 'ec2', 'cn-northwest-1', 'aws-cn'),
  sigv4('sts.cn-north-1.amazonaws.com.cn', 'sts', 'cn-north-1', 'aws-cn'),
  sigv4('lambda.cn-northwest-1.amazonaws.com.cn', 'lambda', 'cn-northwest-1', 'aws-cn'),
  sigv4('dynamodb.cn-north-1.amazonaws.com.cn', 'dynamodb', 'cn-north-1', 'aws-cn'),
  sigv4('iam.cn-north-1.amazonaws.com.cn', 'iam', 'cn-north-1', 'aws-cn'),
  sigv4('organizations.cn-northwest-1.amazonaws.com.cn', 'organizations', 'cn-northwest-1', 'aws-cn'),
  sigv4('cloudfront.cn-northwest-1.amazonaws.com.cn', 'cloudfront', 'cn-northwest-1', 'aws-cn'),
  sigv4('runtime.sagemaker.cn-north-1.amazonaws.com.cn', 'sagemaker', 'cn-north-1', 'aws-cn'),
  sigv4('api.ecr.cn-north-1.amazonaws.com.cn', 'ecr', 'cn-north-1', 'aws-cn'),
  sigv4('monitoring.cn-northwest-1.amazonaws.com.cn', 'monitoring', 'cn-northwest-1', 'aws-cn'),
]

/**
 * AWS GovCloud (US). Source: https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-govcloud-endpoints.html
 */
export const govCloudHosts: HostCase[] = [
  sigv4('ec2.us-gov-west-1.amazonaws.com', 'ec2', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('ec2.us-gov-east-1.amazonaws.com', 'ec2', 'us-gov-east-1', 'aws-us-gov'),
  sigv4('sts.us-gov-west-1.amazonaws.com', 'sts', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('lambda.us-gov-west-1.amazonaws.com', 'lambda', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('organizations.us-gov-west-1.amazonaws.com', 'organizations', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('email.us-gov-west-1.amazonaws.com', 'ses', 'us-gov-west-1', 'aws-us-gov'),
]

/**
 * The isolated and sovereign partitions. Source: AWS partition metadata (dnsSuffix per partition:
 * c2s.ic.gov, sc2s.sgov.gov, cloud.adc-e.uk, csp.hci.ic.gov, amazonaws.eu) and botocore endpoints.json
 * (`iam.us-iso-east-1.c2s.ic.gov` with credential scope us-iso-east-1, etc.).
 */
export const isolatedHosts: HostCase[] = [
  sigv4('ec2.us-iso-east-1.c2s.ic.gov', 'ec2', 'us-iso-east-1', 'aws-iso'),
  sigv4('sts.us-iso-west-1.c2s.ic.gov', 'sts', 'us-iso-west-1', 'aws-iso'),
  sigv4('iam.us-iso-east-1.c2s.ic.gov', 'iam', 'us-iso-east-1', 'aws-iso'),
  sigv4('ec2.us-isob-east-1.sc2s.sgov.gov', 'ec2', 'us-isob-east-1', 'aws-iso-b'),
  sigv4('iam.us-isob-east-1.sc2s.sgov.gov', 'iam', 'us-isob-east-1', 'aws-iso-b'),
  sigv4('ec2.eu-isoe-west-1.cloud.adc-e.uk', 'ec2', 'eu-isoe-west-1', 'aws-iso-e'),
  sigv4('ec2.us-isof-south-1.csp.hci.ic.gov', 'ec2', 'us-isof-south-1', 'aws-iso-f'),
  sigv4('iam.us-isof-south-1.csp.hci.ic.gov', 'iam', 'us-isof-south-1', 'aws-iso-f'),
  sigv4('ec2.eusc-de-east-1.amazonaws.eu', 'ec2', 'eusc-de-east-1', 'aws-eusc'),
  sigv4('sts.eusc-de-east-1.amazonaws.eu', 'sts', 'eusc-de-east-1', 'aws-eusc'),
]

/**
 * VPC interface endpoints (AWS PrivateLink), `vpce-<id>.<service>.<region>.vpce.amazonaws.com`.
 * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
 */
export const interfaceEndpointHosts: HostCase[] = [
  sigv4('vpce-0a1b2c3d4e5f67890-abcdefgh.ec2.us-east-1.vpce.amazonaws.com', 'ec2', 'us-east-1', 'aws'),
  sigv4('vpce-0a1b2c3d4e5f67890-abcdefgh.sqs.eu-west-1.vpce.amazonaws.com', 'sqs', 'eu-west-1', 'aws'),
  sigv4(
    'vpce-0a1b2c3d4e5f67890-abcdefgh-us-east-1a.kms.us-east-1.vpce.amazonaws.com',
    'kms',
    'us-east-1',
    'aws',
  ),
]
