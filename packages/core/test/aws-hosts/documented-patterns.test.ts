import { describe, expect, it } from 'vitest'
import { inferAwsHost } from '../../src/aws-hosts'

/**
 * Hosts no endpoint rule set describes, each pattern with hosts it must claim and hosts it must not, written
 * by hand from the page cited (never read back from the generated table).
 */
const patterns = [
  {
    // https://docs.aws.amazon.com/aurora-dsql/latest/userguide/SECTION_authentication-token.html
    name: 'Aurora DSQL clusters <cluster-id>.dsql.<region>.on.aws',
    claims: [
      ['abc0def1baz2quux3quuux4.dsql.us-east-1.on.aws', 'dsql', 'us-east-1'],
      ['abc0def1baz2quux3quuux4.dsql.us-west-2.on.aws', 'dsql', 'us-west-2'],
      ['foabuvuj3blt6fdkapjwnprjoe.dsql.eu-west-1.on.aws', 'dsql', 'eu-west-1'],
      ['iiabuvuj3blt6fdkapjwnprjoe.dsql.ap-northeast-1.on.aws', 'dsql', 'ap-northeast-1'],
    ],
    rejects: [
      'dsql.us-east-1.on.aws',
      'a.b.dsql.us-east-1.on.aws',
      'abc0def1baz2quux3quuux4.dsql.cn-north-1.on.aws',
      'abc0def1baz2quux3quuux4.dsql.global.on.aws',
    ],
    extra: { customerCode: false, unsignedPayload: false, algorithm: 'sigv4' },
  },
  {
    // https://docs.aws.amazon.com/vpc-lattice/latest/ug/sigv4-authenticated-requests.html
    name: 'VPC Lattice services <service>-<id>.<hash>.vpc-lattice-svcs.<region>.on.aws',
    claims: [
      ['user-02222f67d3a427111.1234abc.vpc-lattice-svcs.us-west-2.on.aws', 'vpc-lattice-svcs', 'us-west-2'],
      [
        'orders-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.eu-central-1.on.aws',
        'vpc-lattice-svcs',
        'eu-central-1',
      ],
      [
        'billing-0fedcba9876543210.9ab12cd.vpc-lattice-svcs.us-gov-west-1.on.aws',
        'vpc-lattice-svcs',
        'us-gov-west-1',
      ],
    ],
    rejects: [
      'vpc-lattice-svcs.us-west-2.on.aws',
      'user-02222f67d3a427111.vpc-lattice-svcs.us-west-2.on.aws',
      'user-02222f67d3a427111.1234abc.vpc-lattice-svcs.us-west-2.amazonaws.com',
    ],
    extra: { customerCode: true, unsignedPayload: true, algorithm: 'sigv4' },
  },
  {
    // https://docs.aws.amazon.com/neptune-analytics/latest/userguide/gettingStarted-connecting.html
    name: 'Neptune Analytics graphs <graph-id>.<region>.neptune-graph.amazonaws.com',
    claims: [
      ['g-abcdef1234.us-east-1.neptune-graph.amazonaws.com', 'neptune-graph', 'us-east-1'],
      ['g-0123456789.eu-west-2.neptune-graph.amazonaws.com', 'neptune-graph', 'eu-west-2'],
      ['g-9z8y7x6w5v.ap-southeast-1.neptune-graph.amazonaws.com', 'neptune-graph', 'ap-southeast-1'],
      ['neptune-graph.us-west-2.on.aws', 'neptune-graph', 'us-west-2'],
    ],
    rejects: [
      'g-abcdef1234.neptune-graph.amazonaws.com',
      'a.g-abcdef1234.us-east-1.neptune-graph.amazonaws.com',
    ],
    extra: { customerCode: false, algorithm: 'sigv4' },
  },
  {
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-account-endpoints.html (DynamoDB), and the
    // Kinesis endpoint rule set (StreamARN + OperationType control/data)
    name: 'account-based endpoints <account-id>.(ddb|control-kinesis|data-kinesis).<region>',
    claims: [
      ['111122223333.ddb.us-east-1.amazonaws.com', 'dynamodb', 'us-east-1'],
      ['123456789012.ddb-fips.us-gov-west-1.amazonaws.com', 'dynamodb', 'us-gov-west-1'],
      ['111122223333.ddb.eu-west-1.api.aws', 'dynamodb', 'eu-west-1'],
      ['111122223333.control-kinesis.us-west-2.amazonaws.com', 'kinesis', 'us-west-2'],
      ['111122223333.data-kinesis.ap-south-1.amazonaws.com', 'kinesis', 'ap-south-1'],
    ],
    rejects: ['1111.ddb.us-east-1.amazonaws.com', '111122223333.newthing.us-east-1.amazonaws.com'],
    extra: { customerCode: false, algorithm: 'sigv4' },
  },
  {
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-global-endpoints.html
    // https://docs.aws.amazon.com/ses/latest/dg/global-endpoints.html
    name: 'EventBridge and SES global endpoints (SigV4A *)',
    claims: [
      ['abcde.veo.endpoint.events.amazonaws.com', 'events', undefined],
      ['abcde.veo.endpoint.events.api.aws', 'events', undefined],
      ['orders.a1b2c.endpoints.email.amazonaws.com', 'ses', undefined],
      ['orders.a1b2c.endpoints.email.global.api.aws', 'ses', undefined],
    ],
    rejects: ['endpoint.events.amazonaws.com', 'a.endpoints.email.amazonaws.com'],
    extra: { algorithm: 'sigv4a', regionSet: ['*'], customerCode: false },
  },
  {
    // https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
    name: 'Lambda function URLs <url-id>.lambda-url.<region>.on.aws',
    claims: [
      ['abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws', 'lambda', 'us-east-1'],
      ['a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.eu-west-3.on.aws', 'lambda', 'eu-west-3'],
      ['zyxwvutsrqponmlkjihgfedcba987654.lambda-url.us-gov-east-1.on.aws', 'lambda', 'us-gov-east-1'],
    ],
    rejects: ['lambda-url.us-east-1.on.aws', 'a.b.lambda-url.us-east-1.on.aws'],
    extra: { customerCode: true, unsignedPayload: false },
  },
  {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/kvs-with-functions-kvp.html
    // (SigV4A only: the cloudfront-keyvaluestore endpoint rule set's authSchemes)
    name: 'CloudFront KeyValueStore <account-id>.cloudfront-kvs.global.api.aws',
    claims: [
      ['111122223333.cloudfront-kvs.global.api.aws', 'cloudfront-keyvaluestore', undefined],
      ['123456789012.cloudfront-kvs.global.api.aws', 'cloudfront-keyvaluestore', undefined],
      ['444455556666.cloudfront-kvs.global.api.aws', 'cloudfront-keyvaluestore', undefined],
    ],
    rejects: [
      'cloudfront-kvs.global.api.aws',
      '12345.cloudfront-kvs.global.api.aws',
      '111122223333.cloudfront-kvs.us-east-1.api.aws',
    ],
    extra: { algorithm: 'sigv4a', regionSet: ['*'], customerCode: false },
  },
] as const

describe('documentation-sourced host patterns', () => {
  for (const pattern of patterns) {
    describe(pattern.name, () => {
      it.each(pattern.claims.map((c) => [...c]))('claims %s', (host, service, region) => {
        const inferred = inferAwsHost(host as string)
        expect(inferred).toMatchObject({ service, ...pattern.extra })
        if (region === undefined) expect(inferred).not.toHaveProperty('region')
        else expect(inferred?.region).toBe(region)
        expect(inferred?.reason).toContain(host)
      })
      it.each([...pattern.rejects])('does not claim %s', (host) => {
        expect(inferAwsHost(host)).toBeNull()
      })
    })
  }
})

describe('explanations', () => {
  it('say when the signing name is read from the host label rather than the table', () => {
    expect(inferAwsHost('newservice.us-east-1.amazonaws.com')?.reason).toContain('read from the host label')
    expect(inferAwsHost('bedrock-runtime.us-east-1.amazonaws.com')?.reason).not.toContain('host label')
  })
})
