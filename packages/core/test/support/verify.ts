import type { SignedRequest } from '@awssig/core'

/** Test credentials every package uses. */
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const

export const SESSION_CREDENTIALS = { ...CREDENTIALS, sessionToken: 'session-token-example' } as const

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
