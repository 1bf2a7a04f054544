import { IdentityCallError } from './identity-call-error'

/** An unsigned POST to an identity service; any failure to get an answer is an `IdentityCallError`. */
export async function postToIdentityService(
  fetchImpl: typeof fetch,
  operation: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ status: number; headers: Headers; text: string }> {
  let response: Response
  let text: string
  try {
    response = await fetchImpl(url, { method: 'POST', headers: init.headers, body: init.body })
    text = await response.text()
  } catch (error) {
    // The cause is kept for debugging; the message never repeats it (a proxy error may quote the body).
    throw new IdentityCallError(operation, 'NetworkError', 0, { cause: error })
  }
  return { status: response.status, headers: response.headers, text }
}
