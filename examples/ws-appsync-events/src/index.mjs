// AppSync Events with IAM credentials (what aws-amplify/amplify-js#14211 asks for in Node): the connection
// is authorized for POST https://<api host>/event with {}, in the `header-<base64url>` subprotocol beside
// `aws-appsync-event-ws`; every subscribe and publish is signed. Events containing < or > are written
// \u003c / \u003e, the same JSON, so their signature survives AppSync (aws-appsync-community#400).
//   node src/index.mjs                      → the loopback server plays AppSync Events
//   AWSSIG_LIVE=1 AWSSIG_WS_URL=wss://<id>.appsync-realtime-api.<region>.amazonaws.com/event/realtime node src/index.mjs
import { createSigner } from '@awssig/core'
import { startRealtimeServer } from '@awssig/testing/server'
import { openSignedWebSocket } from '@awssig/websocket'

const live = process.env.AWSSIG_LIVE === '1'
const url =
  process.env.AWSSIG_WS_URL ?? 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
const host = new URL(url).hostname
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const server = live
  ? undefined
  : await startRealtimeServer({
      credentials: [testCredentials],
      endpoints: {
        [host.replace('appsync-realtime-api', 'appsync-api')]: {
          service: 'appsync',
          region: host.split('.')[2],
        },
      },
    })

const signer = createSigner({ credentials: live ? undefined : testCredentials, rules: [{ host }] })
const socket = await openSignedWebSocket(signer, url, server ? { WebSocket: server.WebSocket } : {})
const received = []
await socket.subscribe('/default/*', (event) => received.push(event))
console.log('subscribed to /default/*')
await socket.publish('/default/chat', [{ text: 'hello <world>' }, { n: 42 }])
console.log('published 2 events')
const deadline = Date.now() + 5000
while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
console.log('received:', JSON.stringify(received))
socket.close()
await server?.close()
if (received.length < 2) process.exit(1)
