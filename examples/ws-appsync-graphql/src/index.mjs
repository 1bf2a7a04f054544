// AppSync GraphQL subscriptions with IAM: the connection is authorized by headers signed for
// POST https://<api host>/graphql/connect with {}, carried in the `header-<base64url>` subprotocol; each
// `start` message carries its own authorization, signed over its payload.
//   node src/index.mjs                         → the loopback server plays AppSync
//   AWSSIG_LIVE=1 AWSSIG_WS_URL=wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql \
//     AWSSIG_SUBSCRIPTION='subscription { onCreateTodo { id } }' node src/index.mjs
import { createSigner } from '@awssig/core'
import { startRealtimeServer } from '@awssig/testing/server'
import { openSignedWebSocket } from '@awssig/websocket'

const live = process.env.AWSSIG_LIVE === '1'
const url = process.env.AWSSIG_WS_URL ?? 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
const query = process.env.AWSSIG_SUBSCRIPTION ?? 'subscription OnCreateTodo { onCreateTodo { id name } }'
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

// AppSync hosts run customer code (resolvers see the request): a rule names them.
const signer = createSigner({ credentials: live ? undefined : testCredentials, rules: [{ host }] })
const socket = await openSignedWebSocket(signer, url, server ? { WebSocket: server.WebSocket } : {})
console.log('connection_ack received')
let onData
const received = new Promise((resolve) => {
  onData = resolve
})
const subscription = await socket.subscribeGraphQL({ query }, onData)
console.log('start_ack for', subscription.id)
server?.publishGraphQL({ onCreateTodo: { id: '1', name: 'from the loopback server' } })
if (live) console.log('waiting for a mutation…')
console.log('data:', JSON.stringify(await received))
subscription.unsubscribe()
socket.close()
await server?.close()
