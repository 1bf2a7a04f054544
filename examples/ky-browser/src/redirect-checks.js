// Issue 12, finding 3, in a real browser: script cannot follow a redirect hop by hop here, so a signed
// request must never let the browser follow one (it would carry X-Amz-Security-Token, X-Amz-Date and
// X-Amz-Content-Sha256 to wherever the redirect leads; only Authorization is dropped across origins).
//   - an explicit `redirect: 'follow'` is a typed RedirectError, thrown before anything is sent;
//   - an unset `redirect` becomes 'error': a 307 fails the call instead of being followed.
// Through @awssig/fetch and @awssig/ky, against `api` (a loopback origin other than the page's, claimed by
// a rule, answering every path with 307 to an origin nothing claims). The Node side checks what arrived.
import { createSignedFetch } from '@awssig/fetch'
import { createKyHooks, createSigner } from '@awssig/ky'
import ky from 'ky'

/** A session token: the header the browser would keep on a cross-origin hop. */
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'browser-redirect-session-token',
}

/**
 * Runs the redirect checks against `api` and returns one result per check: `ok` when the call failed the
 * way it must (the error's name is the answer shown).
 * @param {string} api the origin of the claimed station, e.g. http://127.0.0.1:41234
 * @returns {Promise<{ name: string, status: number, ok: boolean, answer: string }[]>}
 */
export async function runRedirectChecks(api) {
  const signer = createSigner({
    credentials: CREDENTIALS,
    rules: [{ host: new URL(api).host, service: 'execute-api', region: 'eu-west-1' }],
  })
  const signedFetch = createSignedFetch(signer)
  const signedKy = ky.create({ hooks: createKyHooks(signer), retry: 0, throwHttpErrors: false })
  const clients = {
    '@awssig/fetch': (url, init) => signedFetch(url, init),
    '@awssig/ky': (url, init) => signedKy(url, init),
  }
  const results = []
  for (const [client, send] of Object.entries(clients)) {
    const path = client.replace('@awssig/', '')
    results.push(
      await expectFailure(
        `Redirect: ${client} with redirect 'follow' is refused before sending`,
        () => send(`${api}/follow-${path}`, { redirect: 'follow' }),
        'RedirectError',
      ),
      await expectFailure(
        `Redirect: ${client} with redirect unset fails on a 307`,
        () => send(`${api}/moved-${path}`, {}),
        'TypeError',
      ),
    )
  }
  return results
}

/** Calls `call` and reports whether it rejected with an error named `expected`. */
async function expectFailure(name, call, expected) {
  try {
    const response = await call()
    return { name, status: response.status, ok: false, answer: `resolved: ${response.status}` }
  } catch (error) {
    return { name, status: 0, ok: error?.name === expected, answer: `${error?.name}: ${error?.message}` }
  }
}
