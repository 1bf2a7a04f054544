import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWSSIG_BIN as bin, runAwssig } from '@awssig/test-utils/run-awssig'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// What `awssig` loads before it can answer: every start pays for it (`explain` took ≈ 118 ms over an empty
// `node` process as an ES module bin with every command's modules loaded up front, ≈ 48 ms now; Node 20).

const credentials = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const apiUrl = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items'

let dir: string
let hook: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'awssig-start-up-'))
  hook = join(dir, 'record-loads.cjs')
  // Preloaded with --require: writes every module id `require` was asked for to LOADS_FILE at exit.
  await writeFile(
    hook,
    `const Module = require('node:module')
const ids = new Set()
const load = Module._load
Module._load = function (request, ...rest) { ids.add(request); return load.call(this, request, ...rest) }
process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADS_FILE, JSON.stringify([...ids])))
`,
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The module ids `awssig args…` required, with its exit code. */
async function loadsOf(args: string[]): Promise<{ code: number; ids: string[] }> {
  const file = join(dir, `loads-${Math.random().toString(36).slice(2)}.json`)
  const run = await runAwssig(dir, args, {
    ...credentials,
    NODE_OPTIONS: `--require ${hook}`,
    LOADS_FILE: file,
  })
  return { code: run.code, ids: JSON.parse(await readFile(file, 'utf8')) as string[] }
}

const HTTP_CLIENT = ['http', 'https', 'node:http', 'node:https']
const WEBSOCKET_CLIENT = ['ws', '@awssig/websocket', 'tls', 'node:tls', 'zlib', 'node:zlib']

describe('start-up', () => {
  it('the bin is a CommonJS file (no ES module loader for it or its CommonJS dependencies)', () => {
    const manifest = createRequire(import.meta.url)('@awssig/cli/package.json') as {
      bin: Record<string, string>
    }
    expect(manifest.bin.awssig).toBe('./dist/bin.cjs')
    expect(bin.endsWith('bin.cjs')).toBe(true)
  })

  it('explain loads neither the HTTP transport nor the WebSocket client', async () => {
    const { code, ids } = await loadsOf(['explain', apiUrl])
    expect(code).toBe(0)
    expect(ids).toContain('@awssig/core')
    expect(ids.filter((id) => HTTP_CLIENT.includes(id) || WEBSOCKET_CLIENT.includes(id))).toEqual([])
  })

  it('a request loads the HTTP transport, and still not the WebSocket client (the control)', async () => {
    const { code, ids } = await loadsOf(['--presign', apiUrl])
    expect(code).toBe(0)
    expect(ids.some((id) => HTTP_CLIENT.includes(id))).toBe(true)
    expect(ids.filter((id) => WEBSOCKET_CLIENT.includes(id))).toEqual([])
  })

  it('ws loads the WebSocket client', async () => {
    const { code, ids } = await loadsOf([
      'ws',
      '--print',
      'wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt',
    ])
    expect(code).toBe(0)
    expect(ids).toContain('ws')
  })
})
