import { describe, expect, it } from 'vitest'
import { inferAwsHost, looksLikeAwsHost } from '../../src/aws-hosts'

describe('inferAwsHost on hosts it must not claim', () => {
  // Lookalikes: an AWS suffix that is not the end of the name, or a name that merely contains it.
  it.each([
    'amazonaws.com.evil.com',
    'notamazonaws.com',
    's3.amazonaws.com.example',
    'ec2.us-east-1.amazonaws.com.attacker.net',
    'ec2.us-east-1.api.aws.evil',
    'iam.amazonaws.co',
    'iam-amazonaws.com',
    'xn--amazonaws-9db.com',
  ])('lookalike %s', (host) => {
    expect(inferAwsHost(host)).toBeNull()
    expect(looksLikeAwsHost(host)).toBe(false)
  })

  // Under an AWS suffix, but nothing AWS documents tells how to sign: never guessed (never us-east-1).
  it.each([
    'amazonaws.com',
    'api.aws',
    'on.aws',
    'us-east-1.amazonaws.com',
    'foo.bar.amazonaws.com',
    'ec2.amazonaws.com',
    'unknownservice.amazonaws.com',
    'lambda.amazonaws.com',
    'ec2.global.amazonaws.com',
    'sts.us-gov.amazonaws.com',
    'ec2.us-west2.amazonaws.com',
    'ec2.global.us-east-1.amazonaws.com',
    'a.b.c.execute-api.us-east-1.amazonaws.com',
    'abc.lambda-url.us-east-1.amazonaws.com',
    'abc.execute-api.us-east-1.on.aws',
    'my-lb-1234567890.us-east-1.elb.amazonaws.com',
    'ec2-54-1-2-3.compute-1.amazonaws.com',
    'bucket.s3-website-us-east-1.amazonaws.com',
    'bucket.s3-website.us-east-1.amazonaws.com',
    'mrap.accesspoint.s3-global.amazonaws.com',
    'mydb.abc123xyz.us-east-1.rds.amazonaws.com',
    's3-accesspoint.us-east-1.amazonaws.com',
    'a.b.s3-accesspoint.us-east-1.amazonaws.com',
    's3-object-lambda.us-east-1.amazonaws.com',
    'a.b.s3-control.us-east-1.amazonaws.com',
    // Names of Object.prototype members must not be read as table entries.
    'constructor.amazonaws.com',
    'x.constructor.us-east-1.amazonaws.com',
  ])('unrecognised AWS host %s', (host) => {
    expect(inferAwsHost(host)).toBeNull()
  })

  // A region of one partition under another partition's DNS suffix does not exist.
  it.each([
    'ec2.cn-north-1.amazonaws.com',
    'ec2.us-east-1.amazonaws.com.cn',
    'ec2.us-gov-west-1.c2s.ic.gov',
    'ec2.us-iso-east-1.amazonaws.com',
    'ec2.eu-west-1.cloud.adc-e.uk',
    'ec2.cn-north-1.api.aws',
    'search-x-abc.cn-north-1.es.amazonaws.com',
  ])('region of the wrong partition %s', (host) => {
    expect(inferAwsHost(host)).toBeNull()
  })

  // SimpleDB and Import/Export accept only SigV2, CodeCatalyst only bearer tokens (service models'
  // signatureVersion): SigV4 would always be rejected.
  it.each([
    'sdb.amazonaws.com',
    'sdb.us-west-2.amazonaws.com',
    'importexport.amazonaws.com',
    'codecatalyst.global.api.aws',
  ])('non-SigV4 service %s', (host) => {
    expect(inferAwsHost(host)).toBeNull()
  })

  it.each([
    '',
    '.amazonaws.com',
    'ec2..us-east-1.amazonaws.com',
    'ec2_bad.us-east-1.amazonaws.com',
    '*.s3.us-east-1.amazonaws.com',
    'ec2.us-east-1.amazonaws.com:443',
    '-ec2.us-east-1.amazonaws.com',
    `${'a'.repeat(250)}.ec2.us-east-1.amazonaws.com`,
  ])('malformed host %j', (host) => {
    expect(inferAwsHost(host)).toBeNull()
  })

  it.each([
    'example.com',
    'localhost',
    '127.0.0.1',
    'api.example.com',
    'cloudfront.net',
    'd111111abcdef8.cloudfront.net',
  ])('non-AWS host %s', (host) => {
    expect(inferAwsHost(host)).toBeNull()
    expect(looksLikeAwsHost(host)).toBe(false)
  })
})

describe('inferAwsHost table lookups', () => {
  it('reads no Object.prototype member as a signing name or S3 form', () => {
    // The plain `<label>.<region>` convention applies, as for any label without a table entry.
    expect(inferAwsHost('constructor.us-east-1.amazonaws.com')).toMatchObject({
      service: 'constructor',
      s3: false,
    })
    expect(inferAwsHost('x.hasownproperty.us-east-1.amazonaws.com')).toBeNull()
  })
})

describe('looksLikeAwsHost', () => {
  it.each([
    'foo.bar.amazonaws.com',
    'ec2.us-east-1.amazonaws.com',
    'anything.on.aws',
    'whatever.api.aws',
    'x.amazonaws.com.cn',
    'x.api.amazonwebservices.com.cn',
    'x.c2s.ic.gov',
    'x.sc2s.sgov.gov',
    'x.cloud.adc-e.uk',
    'x.csp.hci.ic.gov',
    'x.amazonaws.eu',
    'x.api.amazonwebservices.eu',
    'mydb.abc123xyz.us-east-1.rds.amazonaws.com',
  ])('recognises %s as under an AWS DNS suffix', (host) => {
    expect(looksLikeAwsHost(host)).toBe(true)
  })

  it('does not count a bare suffix as a host', () => {
    expect(looksLikeAwsHost('amazonaws.com')).toBe(false)
  })
})
