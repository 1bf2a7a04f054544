import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { createSigner } from '@awssig/core'
import { type RealtimeServer, startRealtimeServer } from '@awssig/testing/server'
import {
  openSignedWebSocket,
  WebSocketConnectionError,
  type WebSocketConstructorLike,
} from '@awssig/websocket'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

const KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const ROTATED = { accessKeyId: 'AKIDROTATED', secretAccessKey: 'rotated/K7MDENG+bPxRfiCYROTATEDKEY000' }
const ENDPOINTS = {
  'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
  'a1b2c3-ats.iot.eu-west-1.amazonaws.com': { service: 'iotdevicegateway', region: 'eu-west-1' },
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
}
const RULES = [
  { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true },
  { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true },
]
const APIGW = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const GRAPHQL = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
const EVENTS = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'

let server: RealtimeServer
beforeAll(async () => {
  server = await startRealtimeServer({ credentials: [KEYS, ROTATED], endpoints: ENDPOINTS, keepAliveMs: 20 })
})
afterAll(() => server.close())

/** ws, sent to the loopback server with the signed host in `Host` (what a TLS proxy would forward). */
function loopback(port: () => number): WebSocketConstructorLike {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[], options?: WebSocket.ClientOptions) {
      const target = new URL(url)
      super(`ws://127.0.0.1:${port()}${target.pathname}${target.search}`, protocols, {
        ...options,
        headers: { ...options?.headers, host: target.host },
      })
    }
  } as unknown as WebSocketConstructorLike
}
const options = () => ({ WebSocket: loopback(() => server.port) })
const signer = createSigner({ credentials: KEYS, rules: RULES })

describe('openSignedWebSocket (Node, ws)', () => {
  it('API Gateway: presigned or header-signed, then plain messages', async () => {
    for (const headers of [false, true]) {
      const socket = await openSignedWebSocket(signer, APIGW, { ...options(), headers })
      const echoed = new Promise((resolve) => socket.onMessage(resolve))
      socket.send('hello')
      expect(await echoed).toBe('hello')
      socket.close()
      expect((await socket.closed).code).toBe(1005)
    }
  })

  it('logging or serializing the returned object shows no presigned URL (its token and signature)', async () => {
    const socket = await openSignedWebSocket(signer, APIGW, options())
    for (const text of [inspect(socket, { depth: 6 }), JSON.stringify({ ...socket, closed: undefined })]) {
      expect(text).not.toContain(KEYS.sessionToken)
      expect(text).not.toContain('X-Amz-Signature')
    }
    // The socket itself stays at hand for those who need it.
    expect(socket.socket.readyState).toBe(1)
    socket.close()
    await socket.closed
  })

  it('IoT: subprotocol mqtt over a presigned URL', async () => {
    const socket = await openSignedWebSocket(
      signer,
      'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt',
      options(),
    )
    expect(socket.socket.protocol).toBe('mqtt')
    const connack = new Promise<string | ArrayBuffer>((resolve) => socket.onMessage(resolve))
    socket.send(Uint8Array.of(0x10, 0x10, 0, 4, 77, 81, 84, 84, 4, 2, 0, 60, 0, 4, 116, 101, 115, 116))
    expect([...new Uint8Array((await connack) as ArrayBuffer)]).toEqual([0x20, 2, 0, 0])
    socket.close()
  })

  it('AppSync GraphQL: connection_ack, a signed start, data', async () => {
    const socket = await openSignedWebSocket(signer, GRAPHQL, options())
    const received: unknown[] = []
    const subscription = await socket.subscribeGraphQL({ query: 'subscription { onTodo { id } }' }, (data) =>
      received.push(data),
    )
    server.publishGraphQL({ onTodo: { id: '7' } })
    await expect.poll(() => received).toEqual([{ onTodo: { id: '7' } }])
    subscription.unsubscribe()
    socket.close()
  })

  it('AppSync Events: subscribe and publish (with <angle brackets>) are signed on the way out', async () => {
    const socket = await openSignedWebSocket(signer, EVENTS, options())
    const received: unknown[] = []
    await socket.subscribe('/default/*', (event) => received.push(event))
    await socket.publish('/default/chat', [{ html: '<b>hi</b>' }, 2])
    await expect.poll(() => received).toEqual([{ html: '<b>hi</b>' }, 2])
    socket.close()
  })

  it('AppSync Events: a wrong rule is refused with connection_error', async () => {
    const wrong = createSigner({
      credentials: KEYS,
      rules: [
        { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', region: 'us-east-1', customerCode: true },
      ],
    })
    const error = await openSignedWebSocket(wrong, EVENTS, options()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WebSocketConnectionError)
    expect(error).toMatchObject({ errorType: 'BadRequestException' })
  })

  it('API Gateway: a refused handshake names host and path, never the presigned query', async () => {
    const wrong = createSigner({
      credentials: KEYS,
      rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', region: 'us-east-1', customerCode: true }],
    })
    const error = (await openSignedWebSocket(wrong, APIGW, options()).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(WebSocketConnectionError)
    expect(error.message).toContain('abc123.execute-api.eu-west-1.amazonaws.com/prod')
    expect(error.message).not.toMatch(/X-Amz|session-token/)
  })

  it('keep-alive: ka messages keep the socket open; silence past the timeout closes it (4000)', async () => {
    const alive = await openSignedWebSocket(signer, EVENTS, { ...options(), keepAliveTimeoutMs: 200 })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(alive.socket.readyState).toBe(1)
    alive.close()
    const quiet = await startRealtimeServer({
      credentials: [KEYS],
      endpoints: ENDPOINTS,
      keepAliveMs: 60_000,
    })
    try {
      const socket = await openSignedWebSocket(signer, EVENTS, {
        WebSocket: loopback(() => quiet.port),
        keepAliveTimeoutMs: 100,
      })
      expect(await socket.closed).toMatchObject({ code: 4000, reason: 'keep-alive timeout' })
    } finally {
      await quiet.close()
    }
  })

  it('every open signs again: rotated credentials are used on reconnect', async () => {
    let calls = 0
    const rotating = createSigner({
      rules: RULES,
      refreshBeforeExpiryMs: 0,
      credentials: async () => {
        calls += 1
        return calls === 1 ? { ...KEYS, expiration: new Date(Date.now() + 50) } : ROTATED
      },
    })
    const first = await openSignedWebSocket(rotating, EVENTS, options())
    first.close()
    await new Promise((resolve) => setTimeout(resolve, 80))
    const second = await openSignedWebSocket(rotating, EVENTS, options())
    await second.subscribe('/default/x', () => undefined)
    second.close()
    expect(calls).toBe(2)
  })

  it('never follows a redirect of the handshake', async () => {
    const target = await startRealtimeServer({ credentials: [KEYS], endpoints: ENDPOINTS })
    target.handshakes.length = 0
    const redirecting = createServer((_req, res) => res.end())
    redirecting.on('upgrade', (req, socket) => {
      socket.end(`HTTP/1.1 302 Found\r\nlocation: ws://127.0.0.1:${target.port}${req.url}\r\n\r\n`)
    })
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve))
    try {
      const port = (redirecting.address() as AddressInfo).port
      const error = await openSignedWebSocket(signer, APIGW, { WebSocket: loopback(() => port) }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(WebSocketConnectionError)
      expect(target.handshakes).toHaveLength(0)
    } finally {
      redirecting.close()
      await target.close()
    }
  })
})
