// Runs the example page in headless Chromium against the local verifying server and reports what each
// request got. Used by `node src/index.mjs` and by the end-to-end test.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startIdentityServer, startVerifyingServer } from '@awssig/testing/server'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import { startRedirectStations } from './redirect-stations.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
/** The identity pool the local identity server knows. */
const LOCAL_POOL = 'eu-west-1:7c0f3b52-1d2e-4f5a-9b8c-6d7e8f9a0b1c'

/** Debian's chromium by default; CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Whether a Chromium binary is present at chromiumPath. */
export function hasChromium() {
  return existsSync(chromiumPath)
}

/**
 * The Chromium to run: CHROMIUM_PATH or Debian's when present, else the binary that the npm package
 * @sparticuz/chromium ships (unpacked into the temp directory on first use), so the test needs no root.
 * @returns {Promise<{ path: string, source: string } | { missing: string }>}
 */
export async function findChromium() {
  if (hasChromium()) return { path: chromiumPath, source: chromiumPath }
  if (process.env.CHROMIUM_PATH) return { missing: `CHROMIUM_PATH=${chromiumPath} does not exist` }
  try {
    const { default: packaged } = await import('@sparticuz/chromium')
    return { path: await packaged.executablePath(), source: '@sparticuz/chromium' }
  } catch (error) {
    return { missing: `no Chromium at ${chromiumPath} and @sparticuz/chromium failed: ${error?.message}` }
  }
}

/**
 * Builds the page with Vite, serves it on 127.0.0.1, starts the verifying server (with CORS, since the
 * page's origin differs from the API hosts), and opens the page in Chromium with the verifying server as
 * its HTTP proxy: the page's http:// requests to AWS-style hostnames reach it with their real Host header,
 * while the page itself (on loopback) is loaded directly.
 * With `live` (query parameters for the page: identityPoolId, region, api, multiRegionApi) no verifying
 * server or proxy is used: the page signs with Cognito credentials and calls your real APIs.
 * @param {{ screenshotPath?: string, timeoutMs?: number, live?: Record<string, string> }} [options]
 * Local mode also starts the redirect stations (./redirect-stations.mjs) and returns what reached them.
 * @returns {Promise<{ results: { name: string, status: number, ok: boolean, answer: string }[], verified: { method: string, url: string, status: number }[], identityCalls: string[], redirectArrivals?: { api: import('./redirect-stations.mjs').Arrival[], elsewhere: import('./redirect-stations.mjs').Arrival[] }, console: string[] }>}
 */
export async function runBrowserCheck({ screenshotPath, timeoutMs = 30_000, live } = {}) {
  const found = await findChromium()
  if ('missing' in found) throw new Error(found.missing)
  await build({ root, logLevel: 'warn', configFile: `${root}/vite.config.mjs` })
  // One account for both servers: the keys the identity server issues are the keys the verifier accepts.
  // The fixed test key stays for the wrong-region control.
  const account = [
    { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  ]
  const identities = live
    ? undefined
    : await startIdentityServer({
        region: LOCAL_POOL.split(':')[0],
        cors: true,
        cognito: { identityPools: [LOCAL_POOL], account },
      })
  const verifier = live
    ? undefined
    : await startVerifyingServer({
        port: 0,
        cors: true,
        credentials: account,
        endpoints: {
          'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
          'api.example.com': {
            service: 'execute-api',
            region: 'us-west-2',
            algorithm: 'sigv4a',
            sigv4aOnly: true,
          },
        },
      })
  const stations = live ? undefined : await startRedirectStations()
  const site = await preview({
    root,
    configFile: `${root}/vite.config.mjs`,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  })
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(verifier ? [`--proxy-server=http://127.0.0.1:${verifier.port}`] : []),
    ],
  })
  const consoleLines = []
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } })
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`))
    const address = site.httpServer.address()
    const query = `?${new URLSearchParams(
      live
        ? { live: '1', ...live }
        : {
            identityPoolId: LOCAL_POOL,
            region: 'eu-west-1',
            identityEndpoint: identities.url,
            redirectApi: stations.api.origin,
          },
    )}`
    await page.goto(`http://127.0.0.1:${address.port}/${query}`)
    await page.waitForSelector('body[data-done="true"]', { timeout: timeoutMs })
    const results = await page.evaluate(() => window.awssigResults)
    if (screenshotPath) {
      await mkdir(dirname(screenshotPath), { recursive: true })
      await page.screenshot({ path: screenshotPath, fullPage: true })
    }
    return {
      results,
      verified: [...(verifier?.requests ?? [])],
      identityCalls: [...(identities?.cognito?.calls ?? [])].map((c) => `${c.operation}:${c.status}`),
      redirectArrivals: stations && { api: stations.api.arrivals, elsewhere: stations.elsewhere.arrivals },
      console: consoleLines,
    }
  } catch (error) {
    error.message += `\nbrowser console:\n${consoleLines.join('\n')}`
    throw error
  } finally {
    await browser.close()
    await new Promise((resolve) => site.httpServer.close(resolve))
    await verifier?.close()
    await identities?.close()
    await stations?.close()
  }
}
