// ky in the browser, signed by awssig: builds the page with Vite and runs it in headless Chromium
// against the local verifying server, then prints what each request got.
//   node src/index.mjs        (CHROMIUM_PATH, else /usr/bin/chromium, else @sparticuz/chromium's binary)
//   AWSSIG_LIVE=1 AWSSIG_IDENTITY_POOL_ID=… AWS_REGION=… AWSSIG_API_URL=https://…/prod \
//     [AWSSIG_MULTI_REGION_API_URL=https://…/prod] node src/index.mjs
//                             → the page takes credentials from a Cognito identity pool and calls your APIs
// Exits non-zero if any request is not accepted.
import { findChromium, runBrowserCheck } from './browser-check.mjs'

const found = await findChromium()
if ('missing' in found) {
  console.error(`Chromium not found (${found.missing}): set CHROMIUM_PATH.`)
  process.exit(2)
}
let live
if (process.env.AWSSIG_LIVE === '1') {
  const { AWSSIG_IDENTITY_POOL_ID, AWS_REGION, AWSSIG_API_URL, AWSSIG_MULTI_REGION_API_URL } = process.env
  if (!AWSSIG_IDENTITY_POOL_ID || !AWS_REGION || !AWSSIG_API_URL) {
    console.error('AWSSIG_LIVE=1 needs AWSSIG_IDENTITY_POOL_ID, AWS_REGION and AWSSIG_API_URL.')
    process.exit(2)
  }
  live = { identityPoolId: AWSSIG_IDENTITY_POOL_ID, region: AWS_REGION, api: AWSSIG_API_URL }
  if (AWSSIG_MULTI_REGION_API_URL) live.multiRegionApi = AWSSIG_MULTI_REGION_API_URL
}
const { results } = await runBrowserCheck({
  screenshotPath: new URL('../test-results/screenshot.png', import.meta.url).pathname,
  live,
})
for (const result of results) {
  console.log(
    `${result.ok ? 'ok  ' : 'FAIL'} ${result.status} ${result.name}${result.ok ? '' : `: ${result.answer}`}`,
  )
}
const failed = results.filter((result) => !result.ok).length
console.log(
  failed ? `${failed} of ${results.length} failed` : `all ${results.length} checks passed in Chromium`,
)
process.exitCode = failed || results.length === 0 ? 1 : 0
