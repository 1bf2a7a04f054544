import { createSigner } from '@awssig/core'
import { createAppSyncMessageSigner, signWebSocket, type WebSocketHandshake } from '@awssig/core/realtime'
import { type RealtimeServer, startRealtimeServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { SESSION_CREDENTIALS } from '../support/verify'

// Node's `ws` against the loopback server playing the four services: it connects to 127.0.0.1 with the
// signed host in `Host`, as a TLS-terminating proxy would forward it.
const ENDPOINTS = {
  'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
  'a1b2c3-ats.iot.eu-west-1.amazonaws.com': { service: 'iotdevicegateway', region: 'eu-west-1' },
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
}
const RULES = [
  { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true },
  { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true },
]

let server: RealtimeServer
beforeAll(async () => {
  server = await startRealtimeServer({
    credentials: [SESSION_CREDENTIALS],
    endpoints: ENDPOINTS,
    keepAliveMs: 50,
  })
})
afterAll(() => server.close())

function open(handshake: WebSocketHandshake): Promise<WebSocket> {
  const url = new URL(handshake.url)
  const socket = new WebSocket(`${server.url}${url.pathname}${url.search}`, handshake.protocols, {
    headers: { host: url.host, ...handshake.headers },
  })
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      listen(socket)
      resolve(socket)
    })
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    socket.once('error', reject)
  })
}

// Every message is queued from the moment the socket opens, so none is lost between two awaits.
const inboxes = new WeakMap<WebSocket, { queue: string[]; waiting?: () => void }>()

function listen(socket: WebSocket): void {
  const inbox: { queue: string[]; waiting?: () => void } = { queue: [] }
  inboxes.set(socket, inbox)
  socket.on('message', (data: WebSocket.RawData) => {
    inbox.queue.push(data.toString())
    inbox.waiting?.()
  })
}

async function next(socket: WebSocket, accept: (text: string) => boolean = () => true): Promise<string> {
  const inbox = inboxes.get(socket)
  if (!inbox) throw new Error('socket not listened to')
  for (;;) {
    const index = inbox.queue.findIndex(accept)
    if (index >= 0) return inbox.queue.splice(index, 1)[0] as string
    await new Promise<void>((resolve) => {
      inbox.waiting = resolve
    })
  }
}
const notKa = (text: string) => !text.includes('"ka"')

describe('Node ws against the loopback services (session credentials)', () => {
  const signer = createSigner({ credentials: SESSION_CREDENTIALS, rules: RULES })

  it('API Gateway: presigned and header-signed handshakes open; messages echo', async () => {
    for (const headers of [false, true]) {
      const socket = await open(
        await signWebSocket(signer, 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod', { headers }),
      )
      socket.send('ping')
      expect(await next(socket)).toBe('ping')
      socket.close()
    }
  })

  it('API Gateway: a wrong region is refused with HTTP 403', async () => {
    const wrong = createSigner({
      credentials: SESSION_CREDENTIALS,
      rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true, region: 'us-east-1' }],
    })
    await expect(
      open(await signWebSocket(wrong, 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod')),
    ).rejects.toThrow('HTTP 403')
  })

  it('IoT: mqtt subprotocol, CONNECT → CONNACK', async () => {
    const socket = await open(
      await signWebSocket(signer, 'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt'),
    )
    expect(socket.protocol).toBe('mqtt')
    const connect = Uint8Array.of(0x10, 0x10, 0, 4, 77, 81, 84, 84, 4, 2, 0, 60, 0, 4, 116, 101, 115, 116)
    const connack = new Promise<Buffer>((resolve) => socket.once('message', resolve))
    socket.send(connect)
    expect([...(await connack)]).toEqual([0x20, 2, 0, 0])
    socket.close()
  })

  it('AppSync GraphQL: connection_ack, keep-alive, start_ack, data', async () => {
    const url = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
    const socket = await open(await signWebSocket(signer, url))
    expect(socket.protocol).toBe('graphql-ws')
    socket.send(JSON.stringify({ type: 'connection_init' }))
    expect(JSON.parse(await next(socket, notKa))).toMatchObject({
      type: 'connection_ack',
      payload: { connectionTimeoutMs: 300000 },
    })
    expect(JSON.parse(await next(socket))).toEqual({ type: 'ka' })
    const start = await createAppSyncMessageSigner(signer, url).start('s1', {
      query: 'subscription { onTodo { id } }',
    })
    socket.send(JSON.stringify(start))
    expect(JSON.parse(await next(socket, notKa))).toEqual({ type: 'start_ack', id: 's1' })
    server.publishGraphQL({ onTodo: { id: '1' } })
    expect(JSON.parse(await next(socket, notKa))).toEqual({
      type: 'data',
      id: 's1',
      payload: { data: { onTodo: { id: '1' } } },
    })
    socket.close()
  })

  it('AppSync Events: subscribe, publish with <angle brackets>, data back', async () => {
    const url = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
    const socket = await open(await signWebSocket(signer, url))
    expect(socket.protocol).toBe('aws-appsync-event-ws')
    socket.send(JSON.stringify({ type: 'connection_init' }))
    expect(JSON.parse(await next(socket, notKa))).toMatchObject({ type: 'connection_ack' })
    const messages = createAppSyncMessageSigner(signer, url)
    socket.send(JSON.stringify(await messages.subscribe('s1', '/default/*')))
    expect(JSON.parse(await next(socket, notKa))).toEqual({ type: 'subscribe_success', id: 's1' })
    socket.send(JSON.stringify(await messages.publish('p1', '/default/chat', [{ text: '<b>hi</b>' }])))
    const answers = [JSON.parse(await next(socket, notKa)), JSON.parse(await next(socket, notKa))]
    const data = answers.find((a) => a.type === 'data')
    expect(answers.map((a) => a.type).sort()).toEqual(['data', 'publish_success'])
    expect(JSON.parse(data.event)).toEqual({ text: '<b>hi</b>' })
    socket.close()
  })

  it('AppSync: a wrong rule gets connection_error', async () => {
    const wrong = createSigner({
      credentials: SESSION_CREDENTIALS,
      rules: [
        {
          host: '*.appsync-realtime-api.eu-west-1.amazonaws.com',
          customerCode: true,
          service: 'execute-api',
        },
      ],
    })
    const socket = await open(
      await signWebSocket(wrong, 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'),
    )
    socket.send(JSON.stringify({ type: 'connection_init' }))
    expect(JSON.parse(await next(socket, notKa))).toMatchObject({
      type: 'connection_error',
      errors: [{ errorType: 'BadRequestException' }],
    })
    socket.close()
  })
})
