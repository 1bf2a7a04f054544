import { type HostCase, sigv4 } from './host-case'

/**
 * Hosts the endpoint rule sets describe (botocore 1.43 `data/<service>/<version>/endpoint-rule-set-1.json`,
 * written out by hand here, never read back from the snapshot or the generated table) and the matching AWS
 * General Reference pages (https://docs.aws.amazon.com/general/latest/gr/aws-service-information.html).
 */

/** Newer services whose signing name differs from the host label. */
export const newerSigningNames: HostCase[] = [
  // https://docs.aws.amazon.com/general/latest/gr/bedrock.html
  sigv4('bedrock-runtime.us-east-1.amazonaws.com', 'bedrock', 'us-east-1', 'aws'),
  sigv4('bedrock-runtime-fips.us-east-1.amazonaws.com', 'bedrock', 'us-east-1', 'aws'),
  sigv4('bedrock-agent-runtime.eu-central-1.amazonaws.com', 'bedrock', 'eu-central-1', 'aws'),
  sigv4('bedrock-data-automation.us-west-2.amazonaws.com', 'bedrock', 'us-west-2', 'aws'),
  sigv4('bedrock-data-automation-runtime.us-east-1.amazonaws.com', 'bedrock', 'us-east-1', 'aws'),
  sigv4('bedrock-agentcore-control.us-east-1.amazonaws.com', 'bedrock-agentcore', 'us-east-1', 'aws'),
  sigv4('bedrock-runtime.us-gov-west-1.amazonaws.com', 'bedrock', 'us-gov-west-1', 'aws-us-gov'),
  // https://docs.aws.amazon.com/general/latest/gr/timestream.html
  sigv4('timestream-query.us-east-1.amazonaws.com', 'timestream', 'us-east-1', 'aws'),
  sigv4('timestream-ingest.eu-west-1.amazonaws.com', 'timestream', 'eu-west-1', 'aws'),
  sigv4('ingest.timestream.us-east-2.amazonaws.com', 'timestream', 'us-east-2', 'aws'),
  sigv4('query.timestream.us-west-2.amazonaws.com', 'timestream', 'us-west-2', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/elasticfilesystem.html
  sigv4('efs.us-east-1.api.aws', 'elasticfilesystem', 'us-east-1', 'aws'),
  sigv4('elasticfilesystem.us-east-1.amazonaws.com', 'elasticfilesystem', 'us-east-1', 'aws'),
  sigv4(
    'elasticfilesystem-fips.us-gov-west-1.amazonaws.com',
    'elasticfilesystem',
    'us-gov-west-1',
    'aws-us-gov',
  ),
  // https://docs.aws.amazon.com/general/latest/gr/location.html (Amazon Location Service, standalone APIs)
  sigv4('places.geo.us-east-1.amazonaws.com', 'geo-places', 'us-east-1', 'aws'),
  sigv4('maps.geo.eu-central-1.amazonaws.com', 'geo-maps', 'eu-central-1', 'aws'),
  sigv4('routes.geo.ap-northeast-1.amazonaws.com', 'geo-routes', 'ap-northeast-1', 'aws'),
  sigv4('places.geo-fips.us-east-1.amazonaws.com', 'geo-places', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/keyspaces.html (Keyspaces CDC streams)
  sigv4('cassandra-streams.us-east-1.amazonaws.com', 'cassandra', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/ddb.html (DynamoDB Streams)
  sigv4('streams-dynamodb.us-east-1.api.aws', 'dynamodb', 'us-east-1', 'aws'),
  sigv4('streams.dynamodb.eu-west-1.amazonaws.com', 'dynamodb', 'eu-west-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/msk.html
  sigv4('kafka-api.us-east-1.api.aws', 'kafka', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/marketplace.html
  sigv4('catalog-marketplace.us-east-1.api.aws', 'aws-marketplace', 'us-east-1', 'aws'),
  sigv4('discovery-marketplace.us-east-1.api.aws', 'aws-marketplace', 'us-east-1', 'aws'),
  sigv4('reporting-marketplace.us-east-1.api.aws', 'aws-marketplace', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/signer.html
  sigv4('data-signer.us-west-2.api.aws', 'signer', 'us-west-2', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/transcribe.html (China)
  sigv4('cn.transcribe.cn-north-1.amazonaws.com.cn', 'transcribe', 'cn-north-1', 'aws-cn'),
  // https://docs.aws.amazon.com/general/latest/gr/iot_device_management.html (secure tunneling)
  sigv4('api.tunneling.iot.us-east-1.amazonaws.com', 'IoTSecuredTunneling', 'us-east-1', 'aws'),
  sigv4('api.iot-tunneling.us-east-1.api.aws', 'IoTSecuredTunneling', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/r53arc.html (Region switch control plane)
  sigv4('arc-region-switch-control-plane.us-east-1.api.aws', 'arc-region-switch', 'us-east-1', 'aws'),
  sigv4('arc-region-switch.eu-west-1.api.aws', 'arc-region-switch', 'eu-west-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/wickr.html
  sigv4('admin.wickr.us-east-1.amazonaws.com', 'wickr', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/mediaconvert.html
  sigv4('subscribe.mediaconvert.us-west-2.amazonaws.com', 'mediaconvert', 'us-west-2', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/ses.html
  sigv4('email.us-east-1.amazonaws.com', 'ses', 'us-east-1', 'aws'),
  sigv4('email-fips.us-gov-west-1.amazonaws.com', 'ses', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('mail-manager.eu-west-1.amazonaws.com', 'ses', 'eu-west-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/sso.html
  sigv4('portal.sso.eu-west-1.amazonaws.com', 'awsssoportal', 'eu-west-1', 'aws'),
  sigv4('oidc.us-east-1.amazonaws.com', 'sso-oauth', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/appconfig.html
  sigv4('appconfigdata.us-east-1.amazonaws.com', 'appconfig', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/pinpoint.html
  sigv4('pinpoint.us-east-1.amazonaws.com', 'mobiletargeting', 'us-east-1', 'aws'),
]

/** Services whose signing name is the host label, in services launched since 2024 and in every partition. */
export const newerServices: HostCase[] = [
  // https://docs.aws.amazon.com/general/latest/gr/dsql.html (control plane)
  sigv4('dsql.us-east-1.amazonaws.com', 'dsql', 'us-east-1', 'aws'),
  sigv4('dsql.eu-west-1.api.aws', 'dsql', 'eu-west-1', 'aws'),
  sigv4('dsql-fips.us-east-2.amazonaws.com', 'dsql', 'us-east-2', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/vpc-lattice.html (control plane)
  sigv4('vpc-lattice.us-west-2.amazonaws.com', 'vpc-lattice', 'us-west-2', 'aws'),
  sigv4('vpc-lattice.eu-central-1.api.aws', 'vpc-lattice', 'eu-central-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/neptune-analytics.html (control plane)
  sigv4('neptune-graph.us-east-1.amazonaws.com', 'neptune-graph', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/s3vectors.html
  sigv4('s3vectors.us-east-1.api.aws', 's3vectors', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/aws-ec2-instance-connect-endpoints.html and others, by partition
  sigv4('sqs.cn-northwest-1.amazonaws.com.cn', 'sqs', 'cn-northwest-1', 'aws-cn'),
  sigv4('sqs.cn-north-1.api.amazonwebservices.com.cn', 'sqs', 'cn-north-1', 'aws-cn'),
  sigv4('lambda.eusc-de-east-1.amazonaws.eu', 'lambda', 'eusc-de-east-1', 'aws-eusc'),
  sigv4('dynamodb.eusc-de-east-1.api.amazonwebservices.eu', 'dynamodb', 'eusc-de-east-1', 'aws-eusc'),
  sigv4('kms.us-iso-east-1.c2s.ic.gov', 'kms', 'us-iso-east-1', 'aws-iso'),
  sigv4('kms.us-iso-west-1.api.aws.ic.gov', 'kms', 'us-iso-west-1', 'aws-iso'),
  sigv4('sts.us-isob-east-1.sc2s.sgov.gov', 'sts', 'us-isob-east-1', 'aws-iso-b'),
  sigv4('sts.us-isob-east-1.api.aws.scloud', 'sts', 'us-isob-east-1', 'aws-iso-b'),
  sigv4('ec2.eu-isoe-west-1.cloud.adc-e.uk', 'ec2', 'eu-isoe-west-1', 'aws-iso-e'),
  sigv4('ec2.eu-isoe-west-1.api.cloud-aws.adc-e.uk', 'ec2', 'eu-isoe-west-1', 'aws-iso-e'),
  sigv4('s3.us-isof-south-1.csp.hci.ic.gov', 's3', 'us-isof-south-1', 'aws-iso-f', { s3: true }),
  sigv4('logs.us-isof-east-1.api.aws.hci.ic.gov', 'logs', 'us-isof-east-1', 'aws-iso-f'),
  sigv4('states.us-gov-east-1.api.aws', 'states', 'us-gov-east-1', 'aws-us-gov'),
]

/** Region-less global endpoints of the isolated and sovereign partitions (their rule sets). */
export const partitionGlobals: HostCase[] = [
  // https://docs.aws.amazon.com/general/latest/gr/iam-service.html
  sigv4('iam.us-gov.amazonaws.com', 'iam', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('iam.global.api.aws', 'iam', 'us-east-1', 'aws'),
  sigv4('iam.cn-north-1.amazonaws.com.cn', 'iam', 'cn-north-1', 'aws-cn'),
  sigv4('iam.c2s.ic.gov', 'iam', 'us-iso-east-1', 'aws-iso'),
  sigv4('iam.sc2s.sgov.gov', 'iam', 'us-isob-east-1', 'aws-iso-b'),
  sigv4('iam.cloud.adc-e.uk', 'iam', 'eu-isoe-west-1', 'aws-iso-e'),
  sigv4('iam.csp.hci.ic.gov', 'iam', 'us-isof-south-1', 'aws-iso-f'),
  sigv4('iam.amazonaws.eu', 'iam', 'eusc-de-east-1', 'aws-eusc'),
  // https://docs.aws.amazon.com/general/latest/gr/r53.html
  sigv4('route53.amazonaws.com.cn', 'route53', 'cn-northwest-1', 'aws-cn'),
  sigv4('route53.amazonaws.eu', 'route53', 'eusc-de-east-1', 'aws-eusc'),
  sigv4('route53.c2s.ic.gov', 'route53', 'us-iso-east-1', 'aws-iso'),
  // https://docs.aws.amazon.com/general/latest/gr/cf_region.html
  sigv4('cloudfront.amazonaws.com', 'cloudfront', 'us-east-1', 'aws'),
  sigv4('cloudfront.amazonaws.com.cn', 'cloudfront', 'cn-northwest-1', 'aws-cn'),
  sigv4('cloudfront.sc2s.sgov.gov', 'cloudfront', 'us-isob-east-1', 'aws-iso-b'),
  // https://docs.aws.amazon.com/general/latest/gr/billing.html
  sigv4('budgets.amazonaws.com', 'budgets', 'us-east-1', 'aws'),
  sigv4('budgets.amazonaws.com.cn', 'budgets', 'cn-northwest-1', 'aws-cn'),
  sigv4('budgets.csp.hci.ic.gov', 'budgets', 'us-isof-south-1', 'aws-iso-f'),
  sigv4('ce.us-east-1.amazonaws.com', 'ce', 'us-east-1', 'aws'),
  sigv4('ce.cn-northwest-1.amazonaws.com.cn', 'ce', 'cn-northwest-1', 'aws-cn'),
  // https://docs.aws.amazon.com/general/latest/gr/sts.html
  sigv4('sts.amazonaws.com', 'sts', 'us-east-1', 'aws'),
  // https://docs.aws.amazon.com/general/latest/gr/organizations.html
  sigv4('organizations.us-east-1.amazonaws.com', 'organizations', 'us-east-1', 'aws'),
  sigv4('organizations.us-gov-west-1.amazonaws.com', 'organizations', 'us-gov-west-1', 'aws-us-gov'),
]

/**
 * FIPS and dual-stack variants as the rule sets write them (`<prefix>-fips.<region>.<dnsSuffix>`,
 * `<prefix>.<region>.<dualStackDnsSuffix>`, `<prefix>-fips.<region>.<dualStackDnsSuffix>`), and the FIPS
 * endpoints pages: https://aws.amazon.com/compliance/fips/ and https://docs.aws.amazon.com/general/latest/gr/rande.html#dual-stack-endpoints
 */
export const ruleSetVariants: HostCase[] = [
  sigv4('sqs-fips.us-east-1.amazonaws.com', 'sqs', 'us-east-1', 'aws'),
  sigv4('sqs.us-east-1.api.aws', 'sqs', 'us-east-1', 'aws'),
  sigv4('sqs-fips.us-east-1.api.aws', 'sqs', 'us-east-1', 'aws'),
  sigv4('sns-fips.us-west-2.amazonaws.com', 'sns', 'us-west-2', 'aws'),
  sigv4('sns.ap-south-1.api.aws', 'sns', 'ap-south-1', 'aws'),
  sigv4('kms-fips.ca-central-1.amazonaws.com', 'kms', 'ca-central-1', 'aws'),
  sigv4('kms.ca-central-1.api.aws', 'kms', 'ca-central-1', 'aws'),
  sigv4('lambda-fips.us-gov-east-1.amazonaws.com', 'lambda', 'us-gov-east-1', 'aws-us-gov'),
  sigv4('lambda.us-gov-east-1.api.aws', 'lambda', 'us-gov-east-1', 'aws-us-gov'),
  sigv4('dynamodb-fips.us-gov-west-1.amazonaws.com', 'dynamodb', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('dynamodb.us-east-2.api.aws', 'dynamodb', 'us-east-2', 'aws'),
  sigv4('logs-fips.us-east-2.amazonaws.com', 'logs', 'us-east-2', 'aws'),
  sigv4('logs.eu-south-2.api.aws', 'logs', 'eu-south-2', 'aws'),
  sigv4('monitoring-fips.us-west-1.amazonaws.com', 'monitoring', 'us-west-1', 'aws'),
  sigv4('monitoring.ap-east-2.api.aws', 'monitoring', 'ap-east-2', 'aws'),
  sigv4('secretsmanager-fips.us-east-1.amazonaws.com', 'secretsmanager', 'us-east-1', 'aws'),
  sigv4('secretsmanager.eu-central-2.api.aws', 'secretsmanager', 'eu-central-2', 'aws'),
  sigv4('ssm-fips.us-gov-west-1.amazonaws.com', 'ssm', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('ssm.cn-north-1.api.amazonwebservices.com.cn', 'ssm', 'cn-north-1', 'aws-cn'),
  sigv4('ecs-fips.us-east-1.amazonaws.com', 'ecs', 'us-east-1', 'aws'),
  sigv4('ecs.me-south-1.api.aws', 'ecs', 'me-south-1', 'aws'),
  sigv4('states-fips.us-west-2.amazonaws.com', 'states', 'us-west-2', 'aws'),
  sigv4('kinesis-fips.us-east-1.amazonaws.com', 'kinesis', 'us-east-1', 'aws'),
  sigv4('kinesis.eu-west-3.api.aws', 'kinesis', 'eu-west-3', 'aws'),
  sigv4('firehose-fips.us-gov-east-1.amazonaws.com', 'firehose', 'us-gov-east-1', 'aws-us-gov'),
  sigv4('athena-fips.us-east-1.amazonaws.com', 'athena', 'us-east-1', 'aws'),
  sigv4('athena.ap-southeast-5.api.aws', 'athena', 'ap-southeast-5', 'aws'),
  sigv4('glue-fips.us-east-2.amazonaws.com', 'glue', 'us-east-2', 'aws'),
  sigv4('glue.eu-north-1.api.aws', 'glue', 'eu-north-1', 'aws'),
  sigv4('cognito-idp-fips.us-east-1.amazonaws.com', 'cognito-idp', 'us-east-1', 'aws'),
  sigv4('cognito-idp.eu-west-1.amazonaws.com', 'cognito-idp', 'eu-west-1', 'aws'),
  sigv4('ecr-fips.us-gov-west-1.amazonaws.com', 'ecr', 'us-gov-west-1', 'aws-us-gov'),
  sigv4('api.ecr.ap-northeast-3.amazonaws.com', 'ecr', 'ap-northeast-3', 'aws'),
  sigv4('ecr.eu-west-2.api.aws', 'ecr', 'eu-west-2', 'aws'),
  sigv4('eks-fips.us-east-1.amazonaws.com', 'eks', 'us-east-1', 'aws'),
  sigv4('fips.eks.us-west-2.amazonaws.com', 'eks', 'us-west-2', 'aws'),
  sigv4('eks.ap-southeast-6.api.aws', 'eks', 'ap-southeast-6', 'aws'),
  sigv4('sts-fips.us-east-2.amazonaws.com', 'sts', 'us-east-2', 'aws'),
  sigv4('sts.mx-central-1.api.aws', 'sts', 'mx-central-1', 'aws'),
  sigv4('sts.us-gov-west-1.api.aws', 'sts', 'us-gov-west-1', 'aws-us-gov'),
]
