import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The `node` build's cold-start shape (bench/src/cold-start.mjs measures the time): a fresh process that
// loads it and signs with SigV4A loads node:crypto without Node's Web Crypto (the ES module facade of
// node:crypto would load it), and loads no chunk of core's but the entry. The `node` condition has an ES
// module build for `import` and a CommonJS one for `require`, built alike; every case runs on both.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

const BUILDS = [
  {
    kind: 'ES module',
    entry: `${DIST}index.node.js`,
    extension: 'js',
    load: (path: string) => `await import(${JSON.stringify(path)})`,
  },
  {
    kind: 'CommonJS',
    entry: `${DIST}index.node.cjs`,
    extension: 'cjs',
    // require, as a CommonJS handler does; from an ES module body, because Node's CommonJS `-e` loads
    // node:crypto before the code runs.
    load: (path: string) =>
      `(await import('node:module')).createRequire('file:///')(${JSON.stringify(path)})`,
  },
] as const
type Build = (typeof BUILDS)[number]

const signSigV4a = (build: Build) => `
  const before = new Set(process.moduleLoadList)
  const { createSigner } = ${build.load(build.entry)}
  const signer = createSigner({
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
  })
  const { request } = await signer.sign({ method: 'GET', url: 'https://api.example.com/x' })
  if (!request.headerPairs.some(([name]) => name === 'x-amz-region-set')) throw new Error('not SigV4A')
  const loaded = process.moduleLoadList.filter((m) => !before.has(m))
  process.stdout.write(JSON.stringify(loaded))`

/** What a fresh process running `body` printed, as JSON: the modules it loaded, or the chunk paths' results. */
function freshProcess<T = string[]>(body: string): T {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', body], { encoding: 'utf8' })
  expect(child.stderr).toBe('')
  expect(child.status).toBe(0)
  return JSON.parse(child.stdout)
}

describe.each(BUILDS)('node build ($kind) at a cold start', (build) => {
  it('signs SigV4A with node:crypto but without loading Web Crypto', () => {
    const loaded = freshProcess(signSigV4a(build))
    expect(loaded).toContain('NativeModule crypto')
    expect(loaded.filter((m) => m.includes('webcrypto'))).toEqual([])
  })

  it('reaches node:crypto through createRequire where process.getBuiltinModule is missing (Node < 20.16)', () => {
    const loaded = freshProcess(`delete process.getBuiltinModule;${signSigV4a(build)}`)
    expect(loaded).toContain('NativeModule crypto')
  })

  // A process's first Date#toISOString costs ≈ 0.7 ms (Node 20): the signing date is formatted without it.
  // Seen failing while longDateOf used toISOString.
  it('formats the signing date without Date#toISOString', () => {
    const loaded = freshProcess(
      `Date.prototype.toISOString = () => { throw new Error('toISOString called') };${signSigV4a(build)}`,
    )
    expect(loaded).toContain('NativeModule crypto')
  })

  // Every module more is one more resolve, read and link at a cold start, and every kilobyte more one more to
  // compile: with the response side in split chunks, esbuild moved AWS host knowledge (which it reads too)
  // into shared chunks the entry imported statically (+2.4 ms of import, paired over 60 fresh processes), and
  // with it inline the entry grew by 31 KB (+1.7 ms of compiling, profiled). Seen failing on both builds.
  it('is one module with SigV4A and AWS host inference inline; what an error answer, a redirect or a presign needs loads on first use', () => {
    const entry = readFileSync(build.entry, 'utf8')
    expect(entry).not.toMatch(/from\s*"\.\//)
    // The CommonJS build requires each chunk when first needed: an import() of a minified CommonJS file
    // would give only its `default` (seen failing: readBody of a Blob threw "readAsyncBody is not a function").
    const lazyLoad = build.extension === 'cjs' ? /require\("\.\/([^"]+)"\)/g : /import\("\.\/([^"]+)"\)/g
    const chunks = [...entry.matchAll(lazyLoad)].map((m) => m[1])
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
      ].map((name) => `${name}.node.${build.extension}`),
    )
    // Each is whole: it imports nothing (no second copy of a module with state or classes can load).
    for (const chunk of chunks)
      expect(readFileSync(`${DIST}${chunk}`, 'utf8')).not.toMatch(/from\s*"|import\(|require\(/)
  })

  // The chunks are whole files of their own: each path that loads one, through the built entry.
  it('loads each chunk on first use: learning from an answer, diagnosis, presign, a redirect, a Blob body', () => {
    expect(freshProcess<Record<string, unknown>>(chunkPaths(build))).toEqual({
      lesson: expect.objectContaining({ region: 'eu-west-1' }),
      region: 'eu-west-1',
      diagnosis: 'wrong-region',
      presigned: true,
      redirect: ['ok', ['https://api.example.com/a', 'https://api.example.com/b']],
      blob: [104, 105],
    })
  })
})

const chunkPaths = (build: Build) => `
  const core = ${build.load(build.entry)}
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
    blob: [...(await core.readBody(new Blob(['hi']), {})).body],
  }))`
