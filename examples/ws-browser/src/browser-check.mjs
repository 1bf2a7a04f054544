// Runs the page in headless Chromium against @awssig/testing's realtime server (over TLS, with a throwaway
// certificate) and reports what each connection got. Used by `node src/index.mjs` and by the test.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRealtimeServer } from '@awssig/testing/server'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Debian's chromium by default; CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function hasChromium() {
  return existsSync(chromiumPath)
}

const CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const ENDPOINTS = {
  'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
  'a1b2c3-ats.iot.eu-west-1.amazonaws.com': { service: 'iotdevicegateway', region: 'eu-west-1' },
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
}

async function selfSignedCertificate() {
  const dir = await mkdtemp(join(tmpdir(), 'awssig-ws-browser-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=awssig-test',
      ],
      { stdio: 'ignore' },
    )
    return {
      key: await readFile(join(dir, 'key.pem'), 'utf8'),
      cert: await readFile(join(dir, 'cert.pem'), 'utf8'),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Builds the page, serves it on 127.0.0.1 (another origin than the services), starts the realtime server
 * on wss://127.0.0.1, and opens the page in Chromium with every AWS-style host mapped to that server (the
 * Host header and TLS SNI keep the real name; the test certificate is accepted).
 */
export async function runBrowserCheck({ timeoutMs = 60_000 } = {}) {
  await build({ root, logLevel: 'warn', configFile: `${root}/vite.config.mjs` })
  const server = await startRealtimeServer({
    credentials: [CREDENTIALS],
    endpoints: ENDPOINTS,
    tls: await selfSignedCertificate(),
  })
  const site = await preview({
    root,
    configFile: `${root}/vite.config.mjs`,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1' },
  })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.amazonaws.com 127.0.0.1:${server.port}`,
    ],
  })
  const consoleLines = []
  try {
    const page = await browser.newPage()
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`))
    await page.goto(`http://127.0.0.1:${site.httpServer.address().port}/`)
    await page.waitForSelector('body[data-done="true"]', { timeout: timeoutMs })
    const results = await page.evaluate(() => window.awssigResults)
    return {
      results,
      handshakes: [...server.handshakes],
      messages: server.messages.length,
      console: consoleLines,
    }
  } catch (error) {
    const shown = await browser
      .contexts()[0]
      ?.pages()[0]
      ?.textContent('#results')
      .catch(() => '')
    error.message += `\npage: ${shown}\nhandshakes: ${JSON.stringify(server.handshakes)}\nbrowser console:\n${consoleLines.join('\n')}`
    throw error
  } finally {
    await browser.close()
    await new Promise((resolve) => site.httpServer.close(resolve))
    await server.close()
  }
}
