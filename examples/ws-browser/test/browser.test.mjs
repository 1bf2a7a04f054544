import { describe, expect, it } from 'vitest'
import { chromiumPath, hasChromium, runBrowserCheck } from '../src/browser-check.mjs'

const available = hasChromium()
if (!available) {
  console.warn(
    process.env.CI
      ? `Chromium not found at ${chromiumPath}: CI requires it (apt-get install chromium, or set CHROMIUM_PATH).`
      : `Chromium not found at ${chromiumPath}: the browser test is skipped (set CHROMIUM_PATH).`,
  )
}

describe('signed WebSockets in a real browser (native WebSocket, page on another origin)', () => {
  it.skipIf(!available && !process.env.CI)('opens all four protocols with session credentials', async () => {
    if (!available) expect.fail(`Chromium is required under CI but was not found at ${chromiumPath}`)
    const { results, handshakes } = await runBrowserCheck()
    const answers = Object.fromEntries(results.map((r) => [r.name, r.answer]))
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(answers['API Gateway: presigned URL, echo']).toBe('hello')
    expect(answers['IoT Core: mqtt subprotocol, CONNECT → CONNACK']).toBe('mqtt 32,2,0,0')
    expect(answers['AppSync GraphQL: start_ack']).toBe('graphql-ws string')
    expect(answers['AppSync Events: subscribe, publish <b>, data']).toBe(
      'aws-appsync-event-ws {"html":"<b>hi</b>"}',
    )
    expect(answers['Control: a wrong region is refused']).toBe('WebSocketConnectionError')
    // Every handshake reached the verifying server; only the control was refused (403).
    expect(handshakes.map((h) => [h.kind, h.ok])).toEqual([
      ['apigateway', true],
      ['iot', true],
      ['appsync-graphql', true],
      ['appsync-events', true],
      ['apigateway', false],
    ])
  })
})
