import { createSigner, isAwsSigError, NoMatchingRuleError } from '@awssig/core'
import { createAppSyncMessageSigner, signWebSocket } from '@awssig/core/realtime'
import { type EndpointConfig, verifyWebSocketHandshake } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, SESSION_CREDENTIALS } from '../support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW
const APIGW = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const IOT = 'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt'
const GRAPHQL = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
const EVENTS = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
const ENDPOINTS: Record<string, EndpointConfig> = {
  'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
  'a1b2c3-ats.iot.eu-west-1.amazonaws.com': { service: 'iotdevicegateway', region: 'eu-west-1' },
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
}
const RULES = [
  { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true },
  { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true },
]

for (const [label, credentials] of [
  ['long-term keys', CREDENTIALS],
  ['session credentials', SESSION_CREDENTIALS],
] as const) {
  describe(`signWebSocket with ${label}`, () => {
    const signer = createSigner({ credentials, rules: RULES, now })
    const verify = (handshake: { url: string; protocols: string[]; headers?: Record<string, string> }) =>
      verifyWebSocketHandshake(handshake, { credentials: [credentials], endpoints: ENDPOINTS, now })

    it('API Gateway: a presigned URL for execute-api, no subprotocol', async () => {
      const handshake = await signWebSocket(signer, APIGW)
      expect(handshake.protocols).toEqual([])
      expect(handshake.plan).toMatchObject({ service: 'execute-api', region: 'eu-west-1' })
      const { kind, result } = await verify(handshake)
      expect(kind).toBe('apigateway')
      expect(result).toMatchObject({ ok: true, authorization: 'query', service: 'execute-api' })
    })

    it('API Gateway: signed upgrade headers (Node ws)', async () => {
      const handshake = await signWebSocket(signer, APIGW, { headers: true })
      expect(handshake.url).toBe(APIGW)
      expect(handshake.headers?.authorization).toMatch(/^AWS4-HMAC-SHA256 /)
      const { result } = await verify(handshake)
      expect(result).toMatchObject({ ok: true, authorization: 'header' })
    })

    it('IoT: iotdevicegateway, subprotocol mqtt, the token appended after signing', async () => {
      const handshake = await signWebSocket(signer, IOT)
      expect(handshake.protocols).toEqual(['mqtt'])
      expect(handshake.plan.service).toBe('iotdevicegateway')
      const query = new URL(handshake.url).search
      if ('sessionToken' in credentials) {
        expect(query).toMatch(/X-Amz-Signature=[0-9a-f]{64}&X-Amz-Security-Token=session-token-example$/)
      } else {
        expect(query).not.toContain('X-Amz-Security-Token')
      }
      const { kind, result } = await verify(handshake)
      expect(kind).toBe('iot')
      expect(result).toMatchObject({ ok: true, service: 'iotdevicegateway' })
      expect(result.ok && result.canonicalRequest).not.toContain('Security-Token')
    })

    for (const appSyncAuth of ['subprotocol', 'query'] as const) {
      it(`AppSync GraphQL (${appSyncAuth}): POST /graphql/connect with {} for the API host`, async () => {
        const handshake = await signWebSocket(signer, GRAPHQL, { appSyncAuth })
        expect(handshake.protocols[0]).toBe('graphql-ws')
        if (appSyncAuth === 'query') expect(new URL(handshake.url).searchParams.get('payload')).toBe('e30=')
        else expect(handshake.protocols[1]).toMatch(/^header-[A-Za-z0-9_-]+$/)
        const { kind, result } = await verify(handshake)
        expect(kind).toBe('appsync-graphql')
        expect(result).toMatchObject({
          ok: true,
          service: 'appsync',
          path: '/graphql/connect',
          method: 'POST',
        })
      })
    }

    it('AppSync Events: aws-appsync-event-ws and header-<base64url>, POST /event with {}', async () => {
      const handshake = await signWebSocket(signer, EVENTS)
      expect(handshake.protocols).toEqual(['aws-appsync-event-ws', expect.stringMatching(/^header-[\w-]+$/)])
      const { kind, result } = await verify(handshake)
      expect(kind).toBe('appsync-events')
      expect(result).toMatchObject({
        ok: true,
        path: '/event',
        endpoint: 'xyz.appsync-api.eu-west-1.amazonaws.com',
      })
    })
  })
}

describe('plans for wss: URLs', () => {
  it('IoT: https is iotdata, wss + /mqtt is iotdevicegateway (inference and host-only rules alike)', async () => {
    for (const rules of [[], [{ host: '*.iot.eu-west-1.amazonaws.com' }]]) {
      const signer = createSigner({ credentials: CREDENTIALS, rules })
      expect((await signer.resolve('https://a1b2c3-ats.iot.eu-west-1.amazonaws.com/topics/x'))?.service).toBe(
        'iotdata',
      )
      expect((await signer.resolve('wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/other'))?.service).toBe(
        'iotdata',
      )
      const explanation = await signer.explain(IOT)
      expect(explanation.plan?.service).toBe('iotdevicegateway')
      expect(explanation.reason).toContain('iotdevicegateway')
    }
  })

  it('a rule naming the service wins over the /mqtt adjustment', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.iot.eu-west-1.amazonaws.com', service: 'iotdata' }],
    })
    expect((await signer.resolve(IOT))?.service).toBe('iotdata')
  })

  it('customer-code hosts (API Gateway, AppSync) need a rule, as for https', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    for (const url of [APIGW, GRAPHQL, EVENTS]) {
      const error = await signWebSocket(signer, url).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NoMatchingRuleError)
      expect(String((error as Error).message)).toContain('customer code')
    }
  })

  it('a rule for the AppSync HTTP host also opens the realtime socket', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.appsync-api.eu-west-1.amazonaws.com', customerCode: true }],
      now,
    })
    const handshake = await signWebSocket(signer, EVENTS)
    const { result } = await verifyWebSocketHandshake(handshake, {
      credentials: [CREDENTIALS],
      endpoints: ENDPOINTS,
      now,
    })
    expect(result.ok).toBe(true)
  })
})

describe('a wrong rule is refused with the service error', () => {
  const wrong = [
    { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true, region: 'us-east-1' },
    { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true, service: 'execute-api' },
  ]
  const signer = createSigner({ credentials: CREDENTIALS, rules: wrong, now })
  const verify = (h: { url: string; protocols: string[] }) =>
    verifyWebSocketHandshake(h, { credentials: [CREDENTIALS], endpoints: ENDPOINTS, now })

  it('API Gateway, wrong region: InvalidSignatureException naming the region', async () => {
    const { result } = await verify(await signWebSocket(signer, APIGW))
    expect(result).toMatchObject({ ok: false, status: 403, code: 'InvalidSignatureException' })
    expect(!result.ok && result.message).toContain("not 'us-east-1'")
  })

  it('AppSync, wrong service: refused, the scope names execute-api', async () => {
    const { result } = await verify(await signWebSocket(signer, EVENTS))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain('appsync')
  })

  it('IoT, a token inside the signed query (what a plain presign does) fails the signature', async () => {
    const plain = createSigner({
      credentials: SESSION_CREDENTIALS,
      rules: [{ host: '*.iot.eu-west-1.amazonaws.com', service: 'iotdevicegateway', region: 'eu-west-1' }],
      now,
    })
    // A plain presign of the https URL signs the token in the query, as aws-sdk-js-v3#3417 describes.
    const url = (
      await plain.presign({ method: 'GET', url: IOT.replace('wss:', 'https:') }, { expiresIn: 60 })
    ).replace('https:', 'wss:')
    const { result } = await verifyWebSocketHandshake(
      { url, protocols: ['mqtt'] },
      { credentials: [SESSION_CREDENTIALS], endpoints: ENDPOINTS, now },
    )
    expect(result).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' })
  })
})

describe('bad input is refused before signing', () => {
  const signer = createSigner({ credentials: CREDENTIALS, rules: RULES })
  it.each([
    ['https://abc123.execute-api.eu-west-1.amazonaws.com/prod', {}, 'url'],
    [APIGW, { expiresIn: 0 }, 'expiresIn'],
    [IOT, { headers: true }, 'headers'],
    [APIGW, { protocol: 'mqtt' }, 'protocol'],
    [EVENTS, { appSyncAuth: 'cookie' }, 'appSyncAuth'],
  ])('%s %j → field %s', async (url, options, field) => {
    const error = await signWebSocket(signer, url, options as never).catch((e: unknown) => e)
    expect(isAwsSigError(error)).toBe(true)
    expect(error).toMatchObject({ name: 'InvalidRealtimeOptionError', field })
  })

  it('message builders check the id, channel and events', async () => {
    const messages = createAppSyncMessageSigner(signer, EVENTS)
    await expect(messages.subscribe('', '/default/x')).rejects.toMatchObject({ field: 'id' })
    await expect(messages.subscribe('1', 'default')).rejects.toMatchObject({ field: 'channel' })
    await expect(messages.publish('1', '/default/x', [])).rejects.toMatchObject({ field: 'events' })
    await expect(messages.start('1', { query: 'subscription { x }' })).rejects.toMatchObject({
      field: 'protocol',
    })
  })
})

describe('SigV4A, where a rule asks for it', () => {
  // API Gateway custom domains in front of several regions take SigV4A (as in the multi-region example);
  // the handshake's presigned URL and AppSync's header object carry it the same way.
  const endpoints: Record<string, EndpointConfig> = {
    'ws.example.com': { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a', sigv4aOnly: true },
    'events.example.com': { service: 'appsync', region: 'us-east-1', algorithm: 'sigv4a', sigv4aOnly: true },
  }
  const signer = createSigner({
    credentials: SESSION_CREDENTIALS,
    now,
    rules: [
      { host: 'ws.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
      { host: 'events.example.com', service: 'appsync', algorithm: 'sigv4a', regionSet: ['us-*'] },
    ],
  })
  const verify = (h: { url: string; protocols: string[] }) =>
    verifyWebSocketHandshake(h, { credentials: [SESSION_CREDENTIALS], endpoints, now })

  it('API Gateway custom domain: a SigV4A presigned handshake', async () => {
    const { result } = await verify(await signWebSocket(signer, 'wss://ws.example.com/prod'))
    expect(result).toMatchObject({ ok: true, algorithm: 'sigv4a', regionSet: ['us-*'] })
  })

  it('AppSync Events custom domain: a SigV4A header object (x-amz-region-set signed)', async () => {
    const handshake = await signWebSocket(signer, 'wss://events.example.com/event/realtime')
    const { result } = await verify(handshake)
    expect(result).toMatchObject({ ok: true, algorithm: 'sigv4a', path: '/event' })
    expect(result.ok && result.signedHeaders).toContain('x-amz-region-set')
  })

  it('the control: SigV4 is refused where only SigV4A is accepted', async () => {
    const sigv4 = createSigner({
      credentials: SESSION_CREDENTIALS,
      now,
      rules: [{ host: 'ws.example.com', service: 'execute-api', region: 'us-west-2' }],
    })
    const { result } = await verify(await signWebSocket(sigv4, 'wss://ws.example.com/prod'))
    expect(result.ok).toBe(false)
  })
})
