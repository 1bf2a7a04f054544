import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAwssig } from '@awssig/test-utils/run-awssig'
import { verifyAppSyncAuthorization, verifyWebSocketHandshake } from '@awssig/testing'
import { type RealtimeServer, startRealtimeServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const KEYS = {
  accessKeyId: 'ASIAEXAMPLETOKEN',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const ENV = {
  AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
  AWS_SESSION_TOKEN: KEYS.sessionToken,
}
const ENDPOINTS = {
  'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
  'a1b2c3-ats.iot.eu-west-1.amazonaws.com': { service: 'iotdevicegateway', region: 'eu-west-1' },
  'xyz.appsync-api.eu-west-1.amazonaws.com': { service: 'appsync', region: 'eu-west-1' },
}
const IOT = 'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt'
const EVENTS = 'wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime'
const VERIFIER = { credentials: [KEYS], endpoints: ENDPOINTS }
const SECRETS = [KEYS.sessionToken, KEYS.secretAccessKey]

let server: RealtimeServer
let dir: string
beforeAll(async () => {
  server = await startRealtimeServer({ ...VERIFIER, keepAliveMs: 60_000 })
  dir = await mkdtemp(join(tmpdir(), 'awssig-ws-'))
})
afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})
const awssig = (args: string[], stdin?: string) => runAwssig(dir, args, ENV, stdin)
// The loopback services speak ws: (no TLS). Inference never signs clear text, so each relay test names the
// host with --service (a rule for the URL's host: the consent a local emulator needs).
const local = () => ['--connect-to', `::127.0.0.1:${server.port}`]

describe('awssig ws --print', () => {
  it('prints the IoT handshake as JSON; it verifies, the token after the signature', async () => {
    const { code, stdout, stderr } = await awssig(['ws', '--print', '--json', IOT])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const printed = JSON.parse(stdout)
    expect(printed).toMatchObject({
      protocol: 'iot',
      protocols: ['mqtt'],
      plan: { service: 'iotdevicegateway' },
    })
    expect(printed.url).toMatch(/&X-Amz-Security-Token=session-token-example$/)
    const { result } = await verifyWebSocketHandshake(printed, VERIFIER)
    expect(result.ok).toBe(true)
  })

  it('-v shows the handshake with the signature, token and AppSync header redacted; stdout keeps them', async () => {
    const { code, stdout, stderr } = await awssig(['ws', '--print', '--json', '-v', EVENTS])
    expect(code).toBe(0)
    expect(stderr).toContain('header-<redacted>')
    for (const secret of SECRETS) expect(stderr).not.toContain(secret)
    const printed = JSON.parse(stdout)
    expect(printed.protocols[1]).toMatch(/^header-/)
    // The subprotocol is base64 of the signature and the token: none of it may reach stderr.
    expect(stderr).not.toContain(printed.protocols[1].slice('header-'.length, 40))
    expect((await verifyWebSocketHandshake(printed, VERIFIER)).result.ok).toBe(true)
  })

  it('--message prints the authorization of an AppSync payload', async () => {
    const body = '{"channel":"/default/x"}'
    const { code, stdout } = await awssig(['ws', '--print', '--message', body, EVENTS])
    expect(code).toBe(0)
    const authorization = JSON.parse(stdout)
    const result = await verifyAppSyncAuthorization(authorization, '/event', body, new URL(EVENTS), VERIFIER)
    expect(result.ok).toBe(true)
  })

  it('a non-wss URL is a usage error (2)', async () => {
    const { code, stderr } = await awssig(['ws', 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'])
    expect(code).toBe(2)
    expect(stderr).toContain('wss://')
  })
})

describe('awssig ws relay (loopback services)', () => {
  it('API Gateway: lines go out, answers come back', async () => {
    const { code, stdout } = await awssig(
      ['ws', ...local(), '--service', 'execute-api', 'ws://abc123.execute-api.eu-west-1.amazonaws.com/prod'],
      'hello\nworld\n',
    )
    expect(code).toBe(0)
    expect(stdout).toBe('hello\nworld\n')
  })

  it('AppSync Events: subscribe and publish lines are signed on the way out', async () => {
    const lines = [
      '{"type":"subscribe","id":"s1","channel":"/default/*"}',
      '{"type":"publish","id":"p1","channel":"/default/chat","events":[{"text":"<hi>"}]}',
    ]
    const { code, stdout, stderr } = await awssig(
      ['ws', ...local(), '--service', 'appsync', EVENTS.replace('wss:', 'ws:')],
      `${lines.join('\n')}\n`,
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(answers.map((a) => a.type).sort()).toEqual(['data', 'publish_success', 'subscribe_success'])
    expect(JSON.parse(answers.find((a) => a.type === 'data').event)).toEqual({ text: '<hi>' })
  })

  it('a refused handshake exits 1 with one sentence and no secret', async () => {
    const { code, stderr } = await awssig(
      ['ws', ...local(), '--service', 'appsync', 'ws://abc123.execute-api.eu-west-1.amazonaws.com/prod'],
      '',
    )
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('abc123.execute-api.eu-west-1.amazonaws.com/prod')
    for (const secret of [...SECRETS, 'X-Amz-Signature']) expect(stderr).not.toContain(secret)
  })
})

describe('awssig explain wss://', () => {
  it('IoT: /mqtt over wss signs as iotdevicegateway, https on the same host as iotdata', async () => {
    const ws = await awssig(['explain', '--json', IOT])
    expect(ws.code).toBe(0)
    expect(JSON.parse(ws.stdout).plan.service).toBe('iotdevicegateway')
    const https = await awssig(['explain', '--json', IOT.replace('wss:', 'https:')])
    expect(JSON.parse(https.stdout).plan.service).toBe('iotdata')
  })
})
