import type { SignableRequest } from '../types'

// Loaded with import() by create-signer.ts, only for a host whose rule has `replaceBearer`. It imports nothing
// at run time (see lazy-modules.test.ts).

/** `request` without its `Authorization: Bearer …` header, or `undefined` when it has another scheme. */
export function withoutBearer(request: SignableRequest): SignableRequest | undefined {
  const headers = new Headers(request.headers)
  if (!/^\s*bearer\s/i.test(headers.get('authorization') ?? '')) return undefined
  headers.delete('authorization')
  return { ...request, headers }
}
