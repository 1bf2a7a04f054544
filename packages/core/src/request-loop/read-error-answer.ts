// Loaded with import() after a non-2xx answer to a signed request: success paths never carry it.
import { readClone } from '../response/read-clone'

/** AWS error bodies are a few hundred bytes: more is not an AWS authentication error. */
const MAX_ERROR_BODY_BYTES = 64 * 1024
/** How long an error body may take to arrive before the answer goes to the caller unread. */
const READ_WINDOW_MS = 2_000

/**
 * A fully buffered copy of an error answer, for the signer to learn from, read from a clone so the caller's
 * response stays unread. Only XML, JSON or plain-text bodies are read, at most 64 KiB, within two seconds or
 * until `signal` aborts; otherwise undefined, and the caller gets its response as it arrives — a trickling
 * body must not hold the signed call hostage when plain fetch would have resolved at the headers.
 */
export async function readErrorAnswer(
  response: Response,
  signal: AbortSignal | null | undefined,
): Promise<Response | undefined> {
  if (response.body === null || response.bodyUsed) return response
  const type = response.headers.get('content-type')
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  // Not an AWS error format: the headers (`Date`, `x-amz-bucket-region`, `x-amzn-ErrorType`) still teach.
  if (type !== null && !/xml|json|text\/plain/i.test(type)) return new Response(null, init)
  const bytes = await readClone(response, {
    maxBytes: MAX_ERROR_BODY_BYTES,
    overflow: 'give-up',
    windowMs: READ_WINDOW_MS,
    signal,
  })
  return bytes && new Response(bytes, init)
}
