import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The `node` build's cold-start shape (bench/src/cold-start.mjs measures the time): a fresh process that
// imports it and signs with SigV4A loads node:crypto without Node's Web Crypto (the ES module facade of
// node:crypto would load it), and loads no chunk of core's but the entry.
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

  // Every module more is one more resolve, read and link at a cold start, and every kilobyte more one more to
  // compile: with the response side in split chunks, esbuild moved AWS host knowledge (which it reads too)
  // into shared chunks the entry imported statically (+2.4 ms of import, paired over 60 fresh processes), and
  // with it inline the entry grew by 31 KB (+1.7 ms of compiling, profiled). Seen failing on both builds.
  it('is one module with SigV4A and AWS host inference inline; what an error answer, a redirect or a presign needs loads on first use', () => {
    const entry = readFileSync(ENTRY, 'utf8')
    expect(entry).not.toMatch(/from\s*"\.\//)
    const chunks = [...entry.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1])
    expect(chunks.sort()).toEqual(
      [
        'bearer-authorization',
        'continue-exchange',
        'diagnose',
        'learn-from-answer',
        'payload-hash-only',
        'presign-query',
        'provider-source',
        'read-async-body',
        's3-region-from-response',
      ].map((name) => `${name}.node.js`),
    )
    // Each is whole: it imports nothing (no second copy of a module with state or classes can load).
    for (const chunk of chunks)
      expect(readFileSync(`${DIST}${chunk}`, 'utf8')).not.toMatch(/from\s*"|import\(/)
  })

  // The chunks are whole files of their own: each path that loads one, through the built entry.
  it('loads each chunk on first use: learning from an answer, diagnosis, presign, a redirect', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHUNK_PATHS], {
      encoding: 'utf8',
    })
    expect(child.stderr).toBe('')
    expect(JSON.parse(child.stdout)).toEqual({
      lesson: expect.objectContaining({ region: 'eu-west-1' }),
      region: 'eu-west-1',
      diagnosis: 'wrong-region',
      presigned: true,
      redirect: ['ok', ['https://api.example.com/a', 'https://api.example.com/b']],
    })
  })
})

const CHUNK_PATHS = `
  const core = await import(${JSON.stringify(ENTRY)})
  const signer = core.createSigner({
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
  })
  const url = 'https://bucket.s3.us-east-1.amazonaws.com/k'
  const { plan } = await signer.sign({ method: 'GET', url })
  const wrongRegion = () => new Response('<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-west-1</Region></Error>', {
    status: 400,
    headers: { 'content-type': 'application/xml', 'x-amz-bucket-region': 'eu-west-1' },
  })
  const signedHops = []
  const send = async (hop) => {
    if (hop.headers.some(([name]) => name === 'authorization')) signedHops.push(hop.url)
    return hop.url.endsWith('/a') ? new Response(null, { status: 307, headers: { location: '/b' } }) : new Response('ok')
  }
  const response = await core.sendSigned(signer, { method: 'GET', url: 'https://api.example.com/a', headers: [] }, send, {
    redirect: 'follow',
  })
  process.stdout.write(JSON.stringify({
    lesson: await signer.learnFromResponse(wrongRegion(), plan, url),
    region: await core.s3RegionFromResponse(wrongRegion()),
    diagnosis: (await core.diagnose(wrongRegion(), { plan, method: 'GET', url }))?.kind,
    presigned: (await signer.presign({ method: 'GET', url: 'https://api.example.com/x' }, { expiresIn: 60 })).includes('X-Amz-Signature='),
    redirect: [await response.text(), signedHops],
  }))`
