// Loaded after a first answer that is not a success, so the redirect policy and the response side cost a
// page nothing until a redirect or an error arrives. It imports only what loads with it (see Exchange).
import type { Signer } from '../create-signer'
import type { Answer, Exchange } from './exchange'
import { BODY_HEADERS, type RedirectOrigin, redirectLocation, redirectPolicyWith } from './redirect-policy'
import { sameS3BucketWith } from './s3-bucket'

/** The fetch standard's limit. */
const MAX_REDIRECTS = 20

/**
 * The loop after a first answer that is not a success: follows its redirects under the credential policy,
 * learns from AWS's error answer, and signs and sends once more when that would now succeed.
 */
export async function continueExchange(signer: Signer, exchange: Exchange, first: Answer): Promise<Response> {
  const { retries, signal } = exchange
  const answer = await followRedirects(exchange, first)
  if (answer.response.status < 300 || answer.plan === null || !(retries.clockSkew || retries.wrongRegion)) {
    return answer.response
  }
  const { readErrorAnswer } = await import('./read-error-answer')
  const copy = await readErrorAnswer(answer.response, signal)
  if (copy === undefined) return answer.response
  const lesson = await exchange.untilAborted(signer.learnFromResponse(copy, answer.plan, answer.url, retries))
  if (!lesson.retry || exchange.streamBody) return answer.response
  discard(answer.response)
  return (await followRedirects(exchange, await exchange.sendHop(exchange.attempt, 'first'))).response
}

/** Follows the redirects of `answer` hop by hop, under the one credential policy. */
async function followRedirects(exchange: Exchange, answer: Answer): Promise<Answer> {
  const nextRedirectHop = redirectPolicyWith(sameS3BucketWith(exchange.findAwsDnsSuffix))
  let hop = exchange.attempt
  let origin: RedirectOrigin = { first: new URL(hop.url), plan: answer.plan, left: false }
  for (let redirects = 0; exchange.mode.follow; redirects++) {
    const { response } = answer
    const location = redirectLocation(response.status, response.headers.get('location'))
    if (location === null) break
    discard(response)
    if (redirects === MAX_REDIRECTS) throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`)
    const next = nextRedirectHop(response.status, location, hop.method, hop.url, origin)
    if (!next.dropBody && exchange.streamBody && hop.body !== undefined) {
      // A stream was consumed by the first attempt; the fetch standard fails here too.
      throw new TypeError(`fetch failed: cannot follow a ${response.status} redirect with a stream body`)
    }
    hop = next.dropBody
      ? {
          method: next.method,
          url: next.url,
          headers: hop.headers.filter(([name]) => !BODY_HEADERS.includes(name.toLowerCase())),
          body: undefined,
        }
      : { ...hop, method: next.method, url: next.url }
    origin = next.origin
    answer = await exchange.sendHop(hop, next.credentials)
    markRedirected(answer.response, hop.url)
  }
  return answer
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined)
}

function markRedirected(response: Response, url: string): void {
  try {
    Object.defineProperty(response, 'url', { value: url, configurable: true })
    Object.defineProperty(response, 'redirected', { value: true, configurable: true })
  } catch {
    // A frozen or exotic Response: the answer itself is still right.
  }
}
