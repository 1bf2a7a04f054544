// An API Gateway WebSocket API with IAM authorization, in one line: the handshake is presigned
// (a browser's WebSocket cannot send headers), or with { headers: true } signed in headers (Node's ws).
//   node src/index.mjs                                        → the loopback server plays API Gateway (echo)
//   AWSSIG_LIVE=1 AWSSIG_WS_URL=wss://<id>.execute-api.<region>.amazonaws.com/<stage> node src/index.mjs
// Exits non-zero if the connection is refused or nothing comes back.
import { createSigner } from '@awssig/core'
import { startRealtimeServer } from '@awssig/testing/server'
import { openSignedWebSocket } from '@awssig/websocket'

const live = process.env.AWSSIG_LIVE === '1'
const url = process.env.AWSSIG_WS_URL ?? 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const host = new URL(url).hostname
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

const server = live
  ? undefined
  : await startRealtimeServer({
      credentials: [testCredentials],
      endpoints: { [host]: { service: 'execute-api', region: host.split('.')[2] } },
    })

// execute-api hosts run customer code: a rule names the host (service and region come from the hostname).
const signer = createSigner({ credentials: live ? undefined : testCredentials, rules: [{ host }] })

for (const headers of [false, true]) {
  const socket = await openSignedWebSocket(signer, url, {
    headers,
    ...(server ? { WebSocket: server.WebSocket } : {}),
  })
  const answer = new Promise((resolve) => socket.onMessage(resolve))
  socket.send(JSON.stringify({ action: 'sendmessage', data: 'hello' }))
  console.log(`${headers ? 'header-signed' : 'presigned'} handshake accepted; answer:`, await answer)
  socket.close()
}
await server?.close()
