import type { Answer, OutgoingRequest } from './send-signed'

// Loaded with import() only after a 3xx answer, so it imports nothing at run time: whatever it shared with
// the request path would be split by bundlers into a chunk that loads up front anyway.

/** What the redirect loop needs from the request path, handed in rather than imported. */
export interface RedirectHelpers {
  /** Sends one hop: signed again when a rule or AWS inference claims its host, else without credentials. */
  send(hop: OutgoingRequest): Promise<Answer>
  copyHeaders(headers: Headers): Headers
  isStream(body: unknown): boolean
  discard(response: Response): void
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** The fetch standard's limit. */
const MAX_REDIRECTS = 20
/** Headers that describe the body: dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]

/**
 * Follows the redirects that start with `answer` (the answer to `request`), at most 20, each hop rewritten
 * as the fetch standard does and sent with `helpers.send`. Returns the first answer that is not a redirect.
 */
export async function followRedirects(
  answer: Answer,
  request: OutgoingRequest,
  helpers: RedirectHelpers,
): Promise<Answer> {
  let hop = request
  for (let redirects = 0; ; redirects++) {
    const { response } = answer
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null
    if (location === null) return answer
    helpers.discard(response)
    if (redirects === MAX_REDIRECTS) throw new TypeError(`Too many redirects (more than ${MAX_REDIRECTS}).`)
    hop = nextHop(hop, response.status, new URL(location, hop.url).href, helpers)
    answer = await helpers.send(hop)
    markRedirected(answer.response, hop.url)
  }
}

/** The request for `url` after a redirect with `status`, as the fetch standard rewrites it. */
function nextHop(
  hop: OutgoingRequest,
  status: number,
  url: string,
  helpers: RedirectHelpers,
): OutgoingRequest {
  const becomesGet =
    (status === 303 && hop.method !== 'GET' && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST')
  if (becomesGet) {
    const headers = helpers.copyHeaders(hop.headers)
    for (const name of BODY_HEADERS) headers.delete(name)
    return { method: 'GET', url, headers, body: undefined }
  }
  if (helpers.isStream(hop.body)) {
    // A stream was consumed by the first attempt; the fetch standard fails here too.
    throw new TypeError(
      `Cannot follow a ${status} redirect: the request body was a stream and cannot be sent again.`,
    )
  }
  return { ...hop, url }
}

function markRedirected(response: Response, url: string): void {
  try {
    Object.defineProperty(response, 'url', { value: url, configurable: true })
    Object.defineProperty(response, 'redirected', { value: true, configurable: true })
  } catch {
    // A frozen or exotic Response: the answer itself is still right.
  }
}
