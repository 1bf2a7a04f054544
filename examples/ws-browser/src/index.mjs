// Opens API Gateway, IoT Core, AppSync GraphQL and AppSync Events WebSockets from a page in headless
// Chromium with the browser's native WebSocket, against the loopback realtime server. Needs Chromium
// (Debian: apt-get install chromium; or CHROMIUM_PATH).
import { chromiumPath, hasChromium, runBrowserCheck } from './browser-check.mjs'

if (!hasChromium()) {
  console.error(`Chromium not found at ${chromiumPath} (set CHROMIUM_PATH).`)
  process.exit(2)
}
const { results } = await runBrowserCheck()
for (const { name, ok, answer } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${answer}`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
