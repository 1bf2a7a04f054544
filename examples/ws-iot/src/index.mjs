// AWS IoT Core MQTT over WebSockets with IAM credentials: the URL is presigned for `iotdevicegateway`
// (https on the same host is `iotdata`) and the session token is appended after signing, as IoT requires.
//   node src/index.mjs                       → the loopback server plays IoT Core (a minimal MQTT broker)
//   AWSSIG_LIVE=1 AWSSIG_WS_URL=wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt node src/index.mjs
// With an MQTT library, give it the URL: `const { url } = await signWebSocket(signer, wssUrl)` and
// `mqtt.connect(url, { protocolVersion: 4 })` (re-sign on every reconnect).
import { createSigner } from '@awssig/core'
import { startRealtimeServer } from '@awssig/testing/server'
import { openSignedWebSocket } from '@awssig/websocket'

const live = process.env.AWSSIG_LIVE === '1'
const url = process.env.AWSSIG_WS_URL ?? 'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt'
const host = new URL(url).hostname
const testCredentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const server = live
  ? undefined
  : await startRealtimeServer({
      credentials: [testCredentials],
      endpoints: { [host]: { service: 'iotdevicegateway', region: host.split('.')[2] } },
    })

// IoT data hosts are AWS's own: inference signs them without a rule.
const signer = createSigner({ credentials: live ? undefined : testCredentials })
console.log((await signer.explain(url)).reason)

const socket = await openSignedWebSocket(signer, url, server ? { WebSocket: server.WebSocket } : {})
const frames = []
socket.onMessage((data) => frames.push(new Uint8Array(data)))
const text = (s) => [...new TextEncoder().encode(s)]
const string = (s) => [0, text(s).length, ...text(s)]
const packet = (type, body) => Uint8Array.from([type, body.length, ...body])
const topic = 'awssig/example'
socket.send(packet(0x10, [...string('MQTT'), 4, 2, 0, 60, ...string(`awssig-${Date.now()}`)])) // CONNECT
socket.send(packet(0x82, [0, 1, ...string(topic), 0])) // SUBSCRIBE, packet id 1, QoS 0
socket.send(packet(0x30, [...string(topic), ...text('hello from awssig')])) // PUBLISH QoS 0
const deadline = Date.now() + 5000
while (!frames.some((f) => f[0] === 0x30) && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 20))
const types = frames.map((f) => ({ 32: 'CONNACK', 144: 'SUBACK', 48: 'PUBLISH' })[f[0]] ?? f[0])
console.log('received:', types.join(', '))
socket.close()
await server?.close()
if (!types.includes('CONNACK') || !types.includes('PUBLISH')) process.exit(1)
