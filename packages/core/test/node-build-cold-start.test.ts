import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The `node` build's cold-start shape (bench/src/cold-start.mjs measures the time): a fresh process that
// imports it and signs with SigV4A loads node:crypto without Node's Web Crypto (the ES module facade of
// node:crypto would load it), and loads no chunk of core's but the entry (SigV4A inline, the response side not).
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const ENTRY = `${DIST}index.node.js`

const SIGN_SIGV4A = `
  const before = new Set(process.moduleLoadList)
  const { createSigner } = await import(${JSON.stringify(ENTRY)})
  const signer = createSigner({
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
  })
  const { request } = await signer.sign({ method: 'GET', url: 'https://api.example.com/x' })
  if (!request.headerPairs.some(([name]) => name === 'x-amz-region-set')) throw new Error('not SigV4A')
  const loaded = process.moduleLoadList.filter((m) => !before.has(m))
  process.stdout.write(JSON.stringify(loaded))`

function freshProcess(body: string): string[] {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', body], { encoding: 'utf8' })
  expect(child.stderr).toBe('')
  expect(child.status).toBe(0)
  return JSON.parse(child.stdout)
}

describe('node build at a cold start', () => {
  it('signs SigV4A with node:crypto but without loading Web Crypto', () => {
    const loaded = freshProcess(SIGN_SIGV4A)
    expect(loaded).toContain('NativeModule crypto')
    expect(loaded.filter((m) => m.includes('webcrypto'))).toEqual([])
  })

  it('reaches node:crypto through createRequire where process.getBuiltinModule is missing (Node < 20.16)', () => {
    const loaded = freshProcess(`delete process.getBuiltinModule;${SIGN_SIGV4A}`)
    expect(loaded).toContain('NativeModule crypto')
  })

  // A process's first Date#toISOString costs ≈ 0.7 ms (Node 20): the signing date is formatted without it.
  // Seen failing while longDateOf used toISOString.
  it('formats the signing date without Date#toISOString', () => {
    const loaded = freshProcess(
      `Date.prototype.toISOString = () => { throw new Error('toISOString called') };${SIGN_SIGV4A}`,
    )
    expect(loaded).toContain('NativeModule crypto')
  })

  it('SigV4A and AWS host inference inline; only what an error answer, a redirect or a presign needs in chunks', () => {
    const entry = readFileSync(ENTRY, 'utf8')
    // Static imports only of the chunks it shares with those (AWS host inference is one, read by diagnosis).
    expect(entry).not.toMatch(/from\s*"\.\/(?!chunk-)/)
    expect(entry).not.toMatch(/import\("\.\/aws-host-planning/)
    const chunks = [...entry.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]?.replace(/-\w+\.js$/, ''))
    expect(chunks).not.toContain('sigv4a')
    expect(chunks).toEqual(
      expect.arrayContaining(['continue-exchange', 'learn-from-answer', 'presign-query']),
    )
    for (const chunk of readdirSync(DIST).filter((f) =>
      /^(continue-exchange|presign-query)-\w+\.js$/.test(f),
    ))
      expect(readFileSync(`${DIST}${chunk}`, 'utf8')).not.toMatch(/from\s*"\.\/index/)
  })
})
