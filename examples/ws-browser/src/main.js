// The page: opens the four kinds of signed WebSocket with the browser's own WebSocket (no headers can be
// set, so every signature travels in the URL or a subprotocol) and records what each service answered.
// The hosts are the real AWS-style names; Chromium maps them to the loopback realtime server.
import { createSigner } from '@awssig/core'
import { openSignedWebSocket, signWebSocket } from '@awssig/websocket'

const credentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const rules = [
  { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true },
  { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true },
]
const signer = createSigner({ credentials, rules })
const wrong = createSigner({
  credentials,
  rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', region: 'us-east-1', customerCode: true }],
})

const APIGW = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const IOT = 'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt'
const GRAPHQL = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
const EVENTS = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'

const firstMessage = (socket) => new Promise((resolve) => socket.onMessage(resolve))

const checks = [
  [
    'API Gateway: presigned URL, echo',
    async () => {
      const socket = await openSignedWebSocket(signer, APIGW)
      const answer = firstMessage(socket)
      socket.send('hello')
      const text = await answer
      socket.close()
      return text
    },
  ],
  [
    'IoT Core: mqtt subprotocol, CONNECT → CONNACK',
    async () => {
      const socket = await openSignedWebSocket(signer, IOT)
      const answer = firstMessage(socket)
      socket.send(Uint8Array.of(0x10, 0x10, 0, 4, 77, 81, 84, 84, 4, 2, 0, 60, 0, 4, 116, 101, 115, 116))
      const bytes = [...new Uint8Array(await answer)]
      socket.close()
      return `${socket.socket.protocol} ${bytes.join(',')}`
    },
  ],
  [
    'AppSync GraphQL: start_ack',
    async () => {
      const socket = await openSignedWebSocket(signer, GRAPHQL)
      const subscription = await socket.subscribeGraphQL(
        { query: 'subscription { onTodo { id } }' },
        () => {},
      )
      socket.close()
      return `${socket.socket.protocol} ${typeof subscription.id}`
    },
  ],
  [
    'AppSync Events: subscribe, publish <b>, data',
    async () => {
      const socket = await openSignedWebSocket(signer, EVENTS)
      const received = new Promise((resolve) => socket.subscribe('/default/*', resolve))
      await socket.publish('/default/chat', [{ html: '<b>hi</b>' }])
      const event = await received
      socket.close()
      return `${socket.socket.protocol} ${JSON.stringify(event)}`
    },
  ],
  [
    'Control: a wrong region is refused',
    async () => {
      try {
        await openSignedWebSocket(wrong, APIGW)
        return 'opened'
      } catch (error) {
        return `${error.name}`
      }
    },
  ],
]

const results = []
for (const [name, run] of checks) {
  try {
    results.push({ name, ok: true, answer: await run() })
  } catch (error) {
    results.push({ name, ok: false, answer: `${error.name}: ${error.message}` })
  }
  const item = document.createElement('li')
  item.textContent = `${name}: ${results.at(-1).answer}`
  document.getElementById('results').append(item)
}
// The URL the page would hand to an MQTT library (its query is a credential: shown here only as a length).
results.push({
  name: 'IoT URL length',
  ok: true,
  answer: String((await signWebSocket(signer, IOT)).url.length),
})
window.awssigResults = results
document.body.dataset.done = 'true'
