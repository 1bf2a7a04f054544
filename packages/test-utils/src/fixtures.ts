import { createSigner, type Signer, type SignerOptions } from '@awssig/core'
import type { EndpointConfig, VerifierCredentials } from '@awssig/testing'

/** The test credentials every package uses. */
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const

export const SESSION_CREDENTIALS = { ...CREDENTIALS, sessionToken: 'session-token-example' } as const

/** Hosts of the matrix, with the verifier's view of each. */
export const HOSTS = {
  regional: 'abc123.execute-api.eu-west-1.amazonaws.com',
  regionalApi: 'ec2.us-west-2.amazonaws.com',
  global: 'route53.amazonaws.com',
  sigv4a: 'api.example.com',
  s3: 'bucket.s3.eu-central-1.amazonaws.com',
  wrongRegion: 'wrong-region.example.com',
  wrongService: 'wrong-service.example.com',
  wrongRegionSet: 'wrong-set.example.com',
  unclaimed: 'not-aws.example.org',
} as const

export const ENDPOINTS: Record<string, EndpointConfig> = {
  [HOSTS.regional]: { service: 'execute-api', region: 'eu-west-1' },
  [HOSTS.regionalApi]: { service: 'ec2', region: 'us-west-2' },
  // Route 53 is a global endpoint whose credential scope is us-east-1, whatever region the app runs in.
  [HOSTS.global]: { service: 'route53', region: 'us-east-1' },
  [HOSTS.sigv4a]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a' },
  [HOSTS.s3]: { service: 's3', region: 'eu-central-1' },
  [HOSTS.wrongRegion]: { service: 'execute-api', region: 'eu-west-1' },
  [HOSTS.wrongService]: { service: 'execute-api', region: 'eu-west-1' },
  [HOSTS.wrongRegionSet]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a' },
}

/**
 * The rules of an application whose own region is eu-west-1: its API Gateway API, a SigV4A custom domain,
 * an S3 bucket it streams to, and three deliberately wrong rules. EC2 and Route 53 are claimed by AWS host
 * inference (Route 53 signed for us-east-1 although nothing here says so).
 */
export const RULES: NonNullable<SignerOptions['rules']> = [
  { host: HOSTS.regional },
  { host: HOSTS.sigv4a, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
  { host: HOSTS.s3, unsignedPayload: true },
  { host: HOSTS.wrongRegion, service: 'execute-api', region: 'us-east-1' },
  { host: HOSTS.wrongService, service: 'lambda', region: 'eu-west-1' },
  { host: HOSTS.wrongRegionSet, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['eu-*'] },
]

export function makeSigner(options: Partial<SignerOptions> = {}): Signer {
  return createSigner({ credentials: CREDENTIALS, rules: RULES, ...options })
}

export function verifierCredentials(session: boolean): VerifierCredentials[] {
  return [session ? SESSION_CREDENTIALS : CREDENTIALS]
}

/** The success cases of the matrix: a base URL and the scope the verifier must report. */
export const TARGETS = [
  {
    name: 'SigV4 regional (API Gateway rule)',
    base: `https://${HOSTS.regional}/prod`,
    scope: /eu-west-1\/execute-api/,
  },
  {
    name: 'SigV4 regional AWS API (inferred)',
    base: `https://${HOSTS.regionalApi}`,
    scope: /us-west-2\/ec2/,
  },
  {
    name: 'SigV4 global (Route 53 → us-east-1)',
    base: `https://${HOSTS.global}/2013-04-01`,
    scope: /us-east-1\/route53/,
  },
  {
    name: 'SigV4A us-* custom domain',
    base: `https://${HOSTS.sigv4a}`,
    scope: /^\d{8}\/execute-api\/aws4_request$/,
  },
] as const

/** Deliberately wrong rules and the exact AWS answer each gets. */
export const WRONG_TARGETS = [
  {
    name: 'wrong region',
    base: `https://${HOSTS.wrongRegion}`,
    status: 403,
    message: "Credential should be scoped to a valid region, not 'us-east-1'.",
  },
  {
    name: 'wrong service',
    base: `https://${HOSTS.wrongService}`,
    status: 403,
    message: "Credential should be scoped to correct service: 'execute-api'.",
  },
  {
    name: 'wrong SigV4A region set',
    base: `https://${HOSTS.wrongRegionSet}`,
    status: 403,
    message: "The region set 'eu-*' does not cover the region 'us-west-2' of this endpoint.",
  },
] as const

export async function sha256Hex(data: string | Uint8Array | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A fresh stream of `bytes`, in chunks of `chunk` bytes. */
export function streamOf(bytes: Uint8Array, chunk = 7): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunk))
      offset += chunk
    },
  })
}

export const BINARY = new Uint8Array([0xff, 0x00, 0x80, 0x7b, 0x22, 0xe2, 0x82, 0x0d, 0x0a, 0x20])
