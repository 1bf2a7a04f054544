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

describe('ky in a real browser', () => {
  it.skipIf(!available && !process.env.CI)(
    'signs SigV4 and SigV4A requests in the page, including FormData uploads',
    async () => {
      if (!available) expect.fail(`Chromium is required under CI: ${found.missing}`)
      const { results, verified, identityCalls } = await runBrowserCheck({ screenshotPath })
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
})
