import { createSigner } from '@awssig/core'
import { createAppSyncMessageSigner, serializeEvent } from '@awssig/core/realtime'
import { verifyAppSyncMessage } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, SESSION_CREDENTIALS } from '../support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW
const GRAPHQL = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql'
const EVENTS = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
const CUSTOM_EVENTS = 'wss://events.example.com/event/realtime'
const RULES = [
  { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true },
  { host: 'events.example.com', service: 'appsync', region: 'eu-west-1' },
]
const ENDPOINTS = {
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
  'events.example.com': { service: 'appsync', region: 'eu-west-1' },
}

for (const credentials of [CREDENTIALS, SESSION_CREDENTIALS]) {
  const verifier = { credentials: [credentials], endpoints: ENDPOINTS, now }
  const signer = createSigner({ credentials, rules: RULES, now })
  const token = 'sessionToken' in credentials ? 'with a session token' : 'with long-term keys'

  describe(`AppSync messages ${token}`, () => {
    it('GraphQL start: authorization over the payload data, for POST /graphql', async () => {
      const messages = createAppSyncMessageSigner(signer, GRAPHQL)
      const message = await messages.start('sub-1', {
        query: 'subscription OnCreate { onCreateTodo { id } }',
        variables: { owner: 'me' },
      })
      const verdict = await verifyAppSyncMessage('appsync-graphql', message, new URL(GRAPHQL), verifier)
      expect(verdict).toMatchObject({ ok: true, answer: { type: 'start_ack', id: 'sub-1' } })
      expect(verdict.result).toMatchObject({ path: '/graphql', service: 'appsync' })
      const auth = (message.payload as { extensions: { authorization: Record<string, string> } }).extensions
        .authorization
      expect(auth.host).toBe('xyz.appsync-api.eu-west-1.amazonaws.com')
      expect('x-amz-security-token' in auth).toBe('sessionToken' in credentials)
    })

    for (const url of [EVENTS, CUSTOM_EVENTS]) {
      it(`Events subscribe and publish on ${new URL(url).host}`, async () => {
        const messages = createAppSyncMessageSigner(signer, url)
        const subscribe = await messages.subscribe('s1', '/default/*')
        const sub = await verifyAppSyncMessage('appsync-events', subscribe, new URL(url), verifier)
        expect(sub.answer).toEqual({ type: 'subscribe_success', id: 's1' })
        const publish = await messages.publish('p1', '/default/chat', [{ text: 'hi' }, 42])
        expect(publish.events).toEqual(['{"text":"hi"}', '42'])
        const pub = await verifyAppSyncMessage('appsync-events', publish, new URL(url), verifier)
        expect(pub).toMatchObject({ ok: true, answer: { type: 'publish_success', id: 'p1' } })
      })
    }
  })
}

describe('aws-appsync-community#400: publish payloads with < and >', () => {
  const verifier = { credentials: [CREDENTIALS], endpoints: ENDPOINTS, now }
  const signer = createSigner({ credentials: CREDENTIALS, rules: RULES, now })

  it('signs what AppSync rebuilds: < and > written \\u003c and \\u003e, the same JSON value', async () => {
    const messages = createAppSyncMessageSigner(signer, EVENTS)
    const publish = await messages.publish('p2', '/default/chat', [{ event_1: '<test>' }])
    expect(publish.events).toEqual(['{"event_1":"\\u003ctest\\u003e"}'])
    expect(JSON.parse((publish.events as string[])[0] ?? '')).toEqual({ event_1: '<test>' })
    const verdict = await verifyAppSyncMessage('appsync-events', publish, new URL(EVENTS), verifier)
    expect(verdict.ok).toBe(true)
  })

  it('raw angle brackets, signed as sent, are refused with the service error', async () => {
    const messages = createAppSyncMessageSigner(signer, EVENTS)
    const events = [JSON.stringify({ event_1: '<test>' })]
    const authorization = await messages.authorize(JSON.stringify({ channel: '/default/chat', events }))
    const message = { type: 'publish', id: 'p3', channel: '/default/chat', events, authorization }
    const verdict = await verifyAppSyncMessage('appsync-events', message, new URL(EVENTS), verifier)
    expect(verdict.ok).toBe(false)
    expect(verdict.answer).toMatchObject({
      type: 'publish_error',
      errors: [{ errorType: 'BadRequestException' }],
    })
  })

  it('serializeEvent refuses values JSON cannot carry', () => {
    expect(() => serializeEvent(undefined)).toThrow(/not JSON-serializable/)
  })
})

describe('a wrong rule is refused with AppSync error', () => {
  it('wrong region: subscribe_error', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [
        { host: '*.appsync-realtime-api.eu-west-1.amazonaws.com', customerCode: true, region: 'us-east-1' },
      ],
      now,
    })
    const messages = createAppSyncMessageSigner(signer, EVENTS)
    const verdict = await verifyAppSyncMessage(
      'appsync-events',
      await messages.subscribe('s', '/default/x'),
      new URL(EVENTS),
      {
        credentials: [CREDENTIALS],
        endpoints: ENDPOINTS,
        now,
      },
    )
    expect(verdict.answer).toMatchObject({ type: 'subscribe_error', id: 's' })
  })
})
