import type { SignedRequest } from '@awssig/core'

// The test credentials every package uses, defined once in @awssig/test-utils.
export { CREDENTIALS, SESSION_CREDENTIALS } from '@awssig/test-utils/fixtures'

/** A second principal, for per-rule credentials. */
export const OTHER_CREDENTIALS = {
  accessKeyId: 'AKIDOTHERROLE',
  secretAccessKey: 'other/K7MDENG+bPxRfiCYOTHERSECRETKEY00',
} as const

/** The fetch `Request` a signed request becomes on the wire. */
export function toFetchRequest(signed: SignedRequest): Request {
  const body = signed.method === 'GET' || signed.method === 'HEAD' ? undefined : (signed.body ?? undefined)
  return new Request(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: body as BodyInit | undefined,
  })
}
