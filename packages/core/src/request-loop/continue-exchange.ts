// Loaded after a first answer that is not a success, so the redirect policy and the response side cost a
// page nothing until a redirect or an error arrives. It reaches core's up-front code only through the
// package's own entry (like @awssig/core/realtime): a relative import of a module the entry also loads would
// make bundlers split that module into a chunk of its own, loaded up front after all.
import { abortable, isStream, type Signer } from '@awssig/core'
import type { Answer, Exchange } from './exchange'
import { BODY_HEADERS, nextRedirectHop, type RedirectOrigin, redirectLocation } from './redirect-policy'

/** The fetch standard's limit. */
const MAX_REDIRECTS = 20

/**
 * The loop after a first answer that is not a success: follows its redirects under the credential policy,
 * learns from AWS's error answer, and signs and sends once more when that would now succeed.
 */
export async function continueExchange(signer: Signer, exchange: Exchange, first: Answer): Promise<Response> {
  const { attempt, retries, signal } = exchange
  const answer = await followRedirects(exchange, first)
  if (answer.response.status < 300 || answer.plan === null || !(retries.clockSkew || retries.wrongRegion)) {
    return answer.response
  }
  const { readErrorAnswer } = await import('./read-error-answer')
  const copy = await readErrorAnswer(answer.response, signal)
  if (copy === undefined) return answer.response
  const lesson = await abortable(signer.learnFromResponse(copy, answer.plan, answer.url, retries), signal)
  if (!lesson.retry || isStream(attempt.body)) return answer.response
  discard(answer.response)
  return (await followRedirects(exchange, await exchange.sendHop(attempt, 'first'))).response
}

/** Follows the redirects of `answer` hop by hop, under the one credential policy. */
async function followRedirects(exchange: Exchange, answer: Answer): Promise<Answer> {
  let hop = exchange.attempt
  let origin: RedirectOrigin = { first: new URL(hop.url), plan: answer.plan, left: false }
  for (let redirects = 0; exchange.mode.follow; redirects++) {
    const { response } = answer
    const location = redirectLocation(response.status, response.headers.get('location'))
    if (location === null) break
    discard(response)
    if (redirects === MAX_REDIRECTS) throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`)
    const next = nextRedirectHop(response.status, location, hop.method, hop.url, origin)
    if (!next.dropBody && isStream(hop.body)) {
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
