/**
 * True when `headers` carry `Authorization: Bearer …`, the scheme SDKs send API keys in (OpenAI, Anthropic).
 * Such a request is passed through unsigned unless its host's rule has `replaceBearer: true`.
 * @example hasBearerAuthorization({ Authorization: 'Bearer sk-placeholder' }) // true
 */
export function hasBearerAuthorization(headers?: HeadersInit): boolean {
  if (headers === undefined) return false
  const value = new Headers(headers).get('authorization')
  return value !== null && /^bearer\s/i.test(value.trimStart())
}

/** A copy of `headers` without `Authorization` (the caller's headers are left as they are). */
export function withoutAuthorization(headers: HeadersInit): Headers {
  const copy = new Headers(headers)
  copy.delete('authorization')
  return copy
}
