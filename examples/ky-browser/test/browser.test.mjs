import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findChromium, runBrowserCheck } from '../src/browser-check.mjs'

const screenshotPath = fileURLToPath(new URL('../test-results/screenshot.png', import.meta.url))
const found = await findChromium()
const available = !('missing' in found)

if (available) console.log(`browser test: Chromium from ${found.source}`)
else {
  // Skipped on a developer machine where no Chromium runs; under CI a missing browser is a failure.
  console.warn(
    process.env.CI
      ? `browser test: CI requires Chromium, none found (${found.missing}).`
      : `browser test: skipped, no Chromium (${found.missing}). Set CHROMIUM_PATH to enable it.`,
  )
}

/** One page run serves every test below. */
let run
function runOnce() {
  run ??= runBrowserCheck({ screenshotPath })
  return run
}

const REDIRECT_CHECKS = [
  "Redirect: @awssig/fetch with redirect 'follow' is refused before sending",
  'Redirect: @awssig/fetch with redirect unset fails on a 307',
  "Redirect: @awssig/ky with redirect 'follow' is refused before sending",
  'Redirect: @awssig/ky with redirect unset fails on a 307',
]

describe('ky in a real browser', () => {
  it.skipIf(!available && !process.env.CI)(
    'signs SigV4 and SigV4A requests in the page, including FormData uploads',
    async () => {
      if (!available) expect.fail(`Chromium is required under CI: ${found.missing}`)
      const { results: all, verified, identityCalls } = await runOnce()
      const results = all.filter((r) => !REDIRECT_CHECKS.includes(r.name))
      // The page got its credentials from the (loopback) Cognito identity pool: one identity, one call for
      // credentials, shared by every request.
      expect(identityCalls).toEqual(['GetId:200', 'GetCredentialsForIdentity:200'])
      expect(results.map((r) => r.name)).toEqual([
        'SigV4 GET with a query',
        'SigV4 POST json',
        'SigV4 FormData upload',
        'Control: SigV4 for the wrong region is refused',
        "SigV4A 'us-*' POST json",
        "SigV4A 'us-*' FormData upload",
      ])
      for (const result of results) {
        const status = result.name.startsWith('Control') ? 403 : 200
        expect(result, result.name).toMatchObject({ ok: true, status })
      }
      const control = results.find((r) => r.name.startsWith('Control'))
      expect(control.answer).toBe("Credential should be scoped to a valid region, not 'us-east-1'.")
      // The answers came from the verifying server, not from anything else on the way. (Chromium's own
      // background requests, such as its updater, also reach the proxy: only the example's hosts count.)
      const apiHosts = ['abc123.execute-api.eu-west-1.amazonaws.com', 'api.example.com']
      const signed = verified.filter(
        (r) => r.method !== 'OPTIONS' && apiHosts.includes(new URL(r.url).hostname),
      )
      expect(signed.map((r) => r.status)).toEqual([200, 200, 200, 403, 200, 200])
    },
    90_000,
  )

  // Issue 12, finding 3: in a browser a signed request never lets the browser follow a redirect, which would
  // carry the X-Amz-* headers (the session token included) to wherever it leads.
  it.skipIf(!available && !process.env.CI)(
    "refuses redirect: 'follow' before sending, and fails on a 307 when redirect is unset (fetch and ky)",
    async () => {
      if (!available) expect.fail(`Chromium is required under CI: ${found.missing}`)
      const { results, redirectArrivals } = await runOnce()
      const checks = results.filter((r) => REDIRECT_CHECKS.includes(r.name))
      expect(checks.map((r) => r.name)).toEqual(REDIRECT_CHECKS)
      for (const check of checks) expect(check, check.name).toMatchObject({ ok: true, status: 0 })
      expect(checks[0].answer).toMatch(/^RedirectError: redirect: 'follow' cannot be honoured/)
      expect(checks[2].answer).toMatch(/^RedirectError: redirect: 'follow' cannot be honoured/)
      const { api, elsewhere } = redirectArrivals
      // 'follow': nothing reached the claimed origin, not even a preflight.
      expect(api.filter((a) => a.path.startsWith('/follow-'))).toEqual([])
      // Unset: the signed request went out (preflight, then the GET with the session token) and got its 307…
      for (const path of ['/moved-fetch', '/moved-ky']) {
        const arrived = api.filter((a) => a.path === path)
        expect(
          arrived.map((a) => a.method),
          path,
        ).toEqual(['OPTIONS', 'GET'])
        expect(arrived[1].headers['x-amz-security-token']).toBe('browser-redirect-session-token')
      }
      // …which no browser followed: nothing at all reached the origin the redirects pointed to.
      expect(elsewhere).toEqual([])
    },
    90_000,
  )
})
