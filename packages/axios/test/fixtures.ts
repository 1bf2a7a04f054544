import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { SignerOptions } from '@awssig/core'
import { type EchoBody, type EndpointConfig, echoBody, type VerifierOptions } from '@awssig/testing'
import type { AwsResolverInfo } from '@awssig/testing/msw'

export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
export const SESSION_CREDENTIALS = { ...CREDENTIALS, sessionToken: 'session-token-example' }

export const REGIONAL_HOST = 'abc123.execute-api.eu-west-1.amazonaws.com'
export const GLOBAL_HOST = 'route53.amazonaws.com'
export const SIGV4A_HOST = 'api.example.com'

export const ENDPOINTS: Record<string, EndpointConfig> = {
  [REGIONAL_HOST]: { service: 'execute-api', region: 'eu-west-1' },
  [GLOBAL_HOST]: { service: 'route53', region: 'us-east-1' },
  [SIGV4A_HOST]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a' },
}

/** The rules an application whose home region is eu-west-1 would write. */
export const RULES: NonNullable<SignerOptions['rules']> = [
  { host: SIGV4A_HOST, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
  { host: REGIONAL_HOST },
]

/** One signing situation of the matrix: how the signer is built, which host it calls, what verifies it. */
export interface PlanCase {
  name: string
  host: string
  signer: SignerOptions
  verifier: VerifierOptions
  /** Expected credential scope, without its date. */
  scope: string
}

export const PLAN_CASES: PlanCase[] = [
  {
    name: 'SigV4 regional (execute-api eu-west-1)',
    host: REGIONAL_HOST,
    signer: { credentials: CREDENTIALS, rules: RULES },
    verifier: { credentials: [CREDENTIALS], endpoints: ENDPOINTS },
    scope: 'eu-west-1/execute-api/aws4_request',
  },
  {
    name: 'SigV4 global (Route 53 signs for us-east-1)',
    host: GLOBAL_HOST,
    signer: { credentials: CREDENTIALS, rules: RULES },
    verifier: { credentials: [CREDENTIALS], endpoints: ENDPOINTS },
    scope: 'us-east-1/route53/aws4_request',
  },
  {
    name: 'SigV4A us-* custom domain',
    host: SIGV4A_HOST,
    signer: { credentials: CREDENTIALS, rules: RULES },
    verifier: { credentials: [CREDENTIALS], endpoints: ENDPOINTS },
    scope: 'execute-api/aws4_request',
  },
  {
    name: 'session-token credentials',
    host: REGIONAL_HOST,
    signer: { credentials: SESSION_CREDENTIALS, rules: RULES },
    verifier: { credentials: [SESSION_CREDENTIALS], endpoints: ENDPOINTS },
    scope: 'eu-west-1/execute-api/aws4_request',
  },
]

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

const BINARY = new Uint8Array([0xff, 0x00, 0x80, 0x7b, 0x22, 0xe2, 0x82, 0x0a, 0x20, 0x2b])

/** One body kind: a fresh body per call (streams are consumed), and the bytes expected on the wire. */
export interface BodyCase {
  name: string
  method: 'get' | 'post' | 'put'
  make: () => unknown
  /** Expected bytes on the wire, when they are deterministic (multipart boundaries are not). */
  bytes?: string | Uint8Array
  /** Extra request headers. */
  headers?: Record<string, string>
  /** For multipart bodies: the fields the server must be able to parse out of them. */
  form?: Record<string, string>
}

export const BODY_CASES: BodyCase[] = [
  { name: 'no body', method: 'get', make: () => undefined, bytes: '' },
  {
    name: 'string',
    method: 'post',
    make: () => 'plain text ✓ with  spaces ',
    bytes: 'plain text ✓ with  spaces ',
  },
  {
    name: 'JSON object',
    method: 'post',
    make: () => ({ a: 1, text: 'ünïcödé ✓', nested: { list: [1, 2, 3] } }),
    bytes: JSON.stringify({ a: 1, text: 'ünïcödé ✓', nested: { list: [1, 2, 3] } }),
  },
  {
    name: 'non-JSON string declared application/json',
    method: 'put',
    make: () => 'not json',
    headers: { 'content-type': 'application/json' },
    bytes: '"not json"',
  },
  {
    name: 'URLSearchParams',
    method: 'post',
    make: () =>
      new URLSearchParams([
        ['a', '1'],
        ['a', '2'],
        ['sp ace', 'x+y'],
        ['empty', ''],
      ]),
    bytes: 'a=1&a=2&sp+ace=x%2By&empty=',
  },
  {
    name: 'FormData with a file',
    method: 'post',
    make: () => {
      const form = new FormData()
      form.append('field', 'välue')
      form.append('file', new File(['file content ✓\n'], 'notes.txt', { type: 'text/plain' }))
      return form
    },
    form: { field: 'välue', file: 'file content ✓\n' },
  },
  {
    name: 'Blob',
    method: 'post',
    make: () => new Blob(['blob ✓ ', BINARY], { type: 'application/octet-stream' }),
    bytes: new Uint8Array([...new TextEncoder().encode('blob ✓ '), ...BINARY]),
  },
  {
    name: 'File',
    method: 'put',
    make: () => new File([BINARY], 'data.bin', { type: 'application/x-binary' }),
    bytes: BINARY,
  },
  { name: 'ArrayBuffer', method: 'post', make: () => BINARY.slice().buffer, bytes: BINARY },
  {
    name: 'Uint8Array window of a larger buffer',
    method: 'post',
    make: () => new Uint8Array([9, 9, ...BINARY, 9]).subarray(2, 2 + BINARY.length),
    bytes: BINARY,
  },
  {
    name: 'DataView',
    method: 'post',
    make: () => new DataView(new Uint8Array([7, ...BINARY]).buffer, 1),
    bytes: BINARY,
  },
  { name: 'Node Buffer', method: 'post', make: () => Buffer.from(BINARY), bytes: BINARY },
  {
    name: 'ReadableStream',
    method: 'post',
    make: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('stream part 1, '))
          controller.enqueue(BINARY)
          controller.close()
        },
      }),
    bytes: new Uint8Array([...new TextEncoder().encode('stream part 1, '), ...BINARY]),
  },
  {
    name: 'Node Readable',
    method: 'post',
    make: () => Readable.from([Buffer.from('node '), Buffer.from(BINARY)]),
    bytes: new Uint8Array([...new TextEncoder().encode('node '), ...BINARY]),
  },
]

/** The verifier's echo for an accepted request, plus the multipart fields `echoWithForm` parsed (see below). */
export type Echo = EchoBody & { form?: Record<string, string> }

/**
 * An msw resolver answering the verifier's echo plus the multipart fields the server parsed: proof that
 * the boundary in the signed `Content-Type` is the one the body uses.
 */
export async function echoWithForm({ request, verification }: AwsResolverInfo): Promise<Response> {
  let form: Record<string, string> | undefined
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    form = {}
    for (const [name, value] of await request.formData())
      form[name] = typeof value === 'string' ? value : await value.text()
  }
  return Response.json({ ...echoBody(verification), form })
}
