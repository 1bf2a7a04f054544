// Cold start as serverless functions and CLIs pay it (issue 17): whole fresh `node` processes (spawn to
// exit), N rounds, each variant's increment the median over rounds of its time minus the empty `node`
// process of the same round; variants interleaved so every one sees the same machine state. Part of
// `pnpm bench` (60 rounds: with 20, spawn-to-exit noise of ±15 ms on a shared 2-core machine still moved
// the result by ±4 ms between runs); alone: `node src/cold-start.mjs [runs=60]`. The ES module variants run as
// `node --input-type=module -e`, the CommonJS ones (COMMONJS_VARIANTS) and the ES module handler files
// (MODULE_FILE_VARIANTS) as script files, each group over an empty process of its own kind; the CLI
// (CLI_VARIANTS) as its bin.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './measure.mjs'

const C = `{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }`
const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com'
// A stand-in adapter: the request stops at the signed config (no socket), as the target asks.
const STOP = `async (config) => ({ data: '', status: 200, statusText: 'OK', headers: {}, config })`

export const FLOOR = 'floor: the least a first SigV4A costs (fixture package)'

// What each signer does once imported (`createSigner` or `aws4` in scope), shared by the `-e` variants and the
// ES module handler files, which differ only in how they import it.
const CORE_SIGV4 = `
    const signer = createSigner({ credentials: ${C}, rules: [{ host: '${HOST}' }] })
    const r = await signer.sign({ method: 'GET', url: 'https://${HOST}/prod/x', headers: {} })`
const CORE_SIGV4A = `
    const signer = createSigner({ credentials: ${C}, rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }] })
    const r = await signer.sign({ method: 'GET', url: 'https://api.example.com/x', headers: {} })`
const CORE_SIGNED = `
    if (!r.request.headerPairs.some(([name]) => name === 'authorization')) throw new Error('unsigned')`
const AWS4_SIGN = `
    const r = aws4.sign({ host: '${HOST}', path: '/prod/x', service: 'execute-api', region: 'eu-west-1' }, ${C})
    if (!r.headers.Authorization) throw new Error('unsigned')`
const IMPORT_CORE = `
    const { createSigner } = await import('@awssig/core')`

/** Each variant is an ES module body; it must sign once and leave nothing running. */
export const VARIANTS = {
  'empty node': '',
  'core: import + first SigV4 sign': IMPORT_CORE + CORE_SIGV4 + CORE_SIGNED,
  'aws4: import + first SigV4 sign': `
    const { default: aws4 } = await import('aws4')${AWS4_SIGN}`,
  'core: the same, then reading request.headers (a Headers)': `${IMPORT_CORE + CORE_SIGV4}
    if (!r.request.headers.get('authorization')) throw new Error('unsigned')`,
  'core: import + first SigV4A sign': IMPORT_CORE + CORE_SIGV4A + CORE_SIGNED,
  // Not a signer: the least any first SigV4A costs in Node (fixtures/sigv4a-floor), run where it can import
  // itself by name (VARIANT_CWD), so its exports map is resolved as core's is.
  [FLOOR]: `
    const { firstSignature } = await import('sigv4a-floor')
    if (firstSignature('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'GET\\n/x\\n\\nhost:api.example.com\\n\\nhost\\nUNSIGNED-PAYLOAD').length < 64) throw new Error('unsigned')`,
  'axios + @awssig/axios: up to the signed config': `
    const [{ default: axios }, { attachSigner, createSigner }] = await Promise.all([import('axios'), import('@awssig/axios')])
    const api = axios.create({ adapter: ${STOP} })
    attachSigner(api, createSigner({ credentials: ${C}, rules: [{ host: '${HOST}' }] }))
    const r = await api.get('https://${HOST}/prod/x')
    if (!r.config.headers.get('authorization')) throw new Error('unsigned')`,
  'axios + aws4-axios: up to the signed config': `
    const [{ default: axios }, { aws4Interceptor }] = await Promise.all([import('axios'), import('aws4-axios')])
    const api = axios.create({ adapter: ${STOP} })
    api.interceptors.request.use(aws4Interceptor({ options: { service: 'execute-api', region: 'eu-west-1' }, credentials: ${C} }))
    const r = await api.get('https://${HOST}/prod/x')
    if (!r.config.headers.get('authorization')) throw new Error('unsigned')`,
  'fetch: @awssig/fetch end to end (loopback)': `
    const { createServer } = await import('node:http')
    const server = createServer((req, res) => res.end(req.headers.authorization ? 'ok' : 'no'))
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    const host = '127.0.0.1:' + server.address().port
    const { createSignedFetch, createSigner } = await import('@awssig/fetch')
    const signed = createSignedFetch(createSigner({ credentials: ${C}, rules: [{ host, service: 'execute-api', region: 'eu-west-1' }] }))
    const text = await (await signed('http://' + host + '/prod/x')).text()
    server.close()
    if (text !== 'ok') throw new Error('unsigned')`,
}

/**
 * The same starts as a CommonJS handler makes them: `require` in a script file, each compared with an empty
 * CommonJS script of the same round (a script, not `-e`: Node's CommonJS `-e` loads node:crypto before the
 * code runs, which would hide what loading it costs).
 */
export const COMMONJS_VARIANTS = {
  'empty node (CommonJS script)': '',
  'core (require): first SigV4 sign': `
    const { createSigner } = require('@awssig/core')
    const signer = createSigner({ credentials: ${C}, rules: [{ host: '${HOST}' }] })
    signer.sign({ method: 'GET', url: 'https://${HOST}/prod/x', headers: {} }).then((r) => {
      if (!r.request.headerPairs.some(([name]) => name === 'authorization')) throw new Error('unsigned')
    })`,
  'aws4 (require): first SigV4 sign': `
    const aws4 = require('aws4')
    const r = aws4.sign({ host: '${HOST}', path: '/prod/x', service: 'execute-api', region: 'eu-west-1' }, ${C})
    if (!r.headers.Authorization) throw new Error('unsigned')`,
  'core (require): first SigV4A sign': `
    const { createSigner } = require('@awssig/core')
    const signer = createSigner({ credentials: ${C}, rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }] })
    signer.sign({ method: 'GET', url: 'https://api.example.com/x', headers: {} }).then((r) => {
      if (!r.request.headerPairs.some(([name]) => name === 'authorization')) throw new Error('unsigned')
    })`,
}

/**
 * The same starts as an ES module handler makes them: a module file with static imports (as a Lambda handler
 * `index.mjs` is, which the runtime loads by `import()` of its file), each compared with an empty module file
 * of the same round. A process's first `import()` of a module file costs Node ≈ 6 ms (its asynchronous file
 * reading and the loader's first module job) whatever the file holds: the `-e` variants above charge that to
 * the package they import first; a handler pays it for its own file, with or without awssig.
 */
export const MODULE_FILE_VARIANTS = {
  'empty node (ES module file)': '',
  'core (ES module file): import + first SigV4 sign': `
    import { createSigner } from '@awssig/core'${CORE_SIGV4 + CORE_SIGNED}`,
  'aws4 (ES module file): import + first SigV4 sign': `
    import aws4 from 'aws4'${AWS4_SIGN}`,
  'core (ES module file): import + first SigV4A sign': `
    import { createSigner } from '@awssig/core'${CORE_SIGV4A + CORE_SIGNED}`,
}

/**
 * The CLI as its users start it (`npx awssig …`): the file `bin` names in @awssig/cli's package.json, run with
 * these arguments and compared with the empty `node` process. No target and no CPU figure (the bin reports
 * none); `explain` needs no credentials and opens no socket.
 */
export const CLI_VARIANTS = {
  'cli: awssig explain (an API Gateway URL)': ['explain', `https://${HOST}/prod/x`],
}

function cliBin() {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('@awssig/cli/package.json')
  return join(dirname(manifest), require(manifest).bin.awssig)
}

/** Where every cold-start child runs (bench/, whose node_modules the variants import from). */
export const cwd = fileURLToPath(new URL('..', import.meta.url))

/** Where a variant runs when not in `cwd`: the floor runs inside its package, so `import('sigv4a-floor')` is a self-reference. */
const VARIANT_CWD = { [FLOOR]: fileURLToPath(new URL('../fixtures/sigv4a-floor/', import.meta.url)) }

/** The directory the child of variant `name` runs in. */
export function cwdFor(name) {
  return VARIANT_CWD[name] ?? cwd
}

// Each child reports the CPU time it used (user + system), a figure that other load on a shared machine
// moves less than wall time; written to stderr when it exits, after the variant ran.
const REPORT_CPU = `;process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-ms ' + (u.user + u.system) / 1000) })`

// Node 20 reads the NODE_EXTRA_CA_CERTS bundle when a process starts (≈ 50 ms on these machines, where it is
// set for a proxy): the same for every variant and the empty process, so it leaves the increments alone but
// doubles each process's time and its noise. No variant opens a TLS connection, so the children (here and in
// cold-instructions.mjs) go without it.
const { NODE_EXTRA_CA_CERTS: _extraCaCerts, ...childEnv } = process.env
export const CHILD_ENV = childEnv

// The script files live under bench/node_modules, so `require` and `import` find the bench's dependencies.
const scriptDir = fileURLToPath(new URL('../node_modules/.cache/cold-start/', import.meta.url))

const EMPTY = 'empty node'
const COMMONJS_EMPTY = 'empty node (CommonJS script)'
const MODULE_FILE_EMPTY = 'empty node (ES module file)'

/** The variants run as script files, by kind: each kind's file extension and its own empty process. */
const SCRIPT_KINDS = [
  { variants: COMMONJS_VARIANTS, extension: 'cjs', empty: COMMONJS_EMPTY },
  { variants: MODULE_FILE_VARIANTS, extension: 'mjs', empty: MODULE_FILE_EMPTY },
]
const scriptKindOf = (name) => SCRIPT_KINDS.find(({ variants }) => name in variants)
const EMPTY_VARIANTS = new Set([EMPTY, ...SCRIPT_KINDS.map(({ empty }) => empty)])

/**
 * The node arguments that run one variant: an ES module body with `-e`, a script file (written here, once
 * per measurement, before any process is timed) or the CLI's bin.
 */
function argsFor(name) {
  if (name in CLI_VARIANTS) return [cliBin(), ...CLI_VARIANTS[name]]
  const kind = scriptKindOf(name)
  if (!kind) return ['--input-type=module', '-e', VARIANTS[name] + REPORT_CPU]
  mkdirSync(scriptDir, { recursive: true })
  const file = `${scriptDir}${name.replace(/[^a-z0-9]+/gi, '-')}.${kind.extension}`
  writeFileSync(file, kind.variants[name] + REPORT_CPU)
  return [file]
}

/** Wall time (spawn to exit) and CPU time of one fresh process started with `args` in `dir`, in ms. */
function once(args, dir) {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: CHILD_ENV })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`cold-start variant failed:\n${result.stderr}`)
  return { ms, cpuMs: Number(/cpu-ms (\S+)$/.exec(result.stderr)?.[1]) }
}

/**
 * Medians per variant (wall and CPU) and their increments over the empty process. An increment is the median
 * of paired differences: each run minus the empty process of the same round, measured next to it. A shared
 * machine drifts between slower and faster phases over seconds; a difference of two medians taken over the
 * whole run carries that drift (three runs of the same build moved a ratio from 0.74× to 1.65×), a paired
 * difference mostly cancels it.
 */
export function measureColdStart(runs = 60) {
  const names = [
    ...Object.keys(VARIANTS),
    ...SCRIPT_KINDS.flatMap(({ variants }) => Object.keys(variants)),
    ...Object.keys(CLI_VARIANTS),
  ]
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  const args = Object.fromEntries(names.map((n) => [n, argsFor(n)]))
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? [...names].reverse() : names)
      samples[name].push(once(args[name], cwdFor(name)))
  }
  const sorted = (values) => values.sort((a, b) => a - b)
  const medianOf = (name, field) => median(sorted(samples[name].map((s) => s[field])))
  const emptyFor = (name) => scriptKindOf(name)?.empty ?? EMPTY
  const pairedIncrement = (name, field) =>
    median(sorted(samples[name].map((s, i) => s[field] - samples[emptyFor(name)][i][field])))
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        medianMs: medianOf(n, 'ms'),
        incrementMs: pairedIncrement(n, 'ms'),
        cpuMs: medianOf(n, 'cpuMs'),
        cpuIncrementMs: pairedIncrement(n, 'cpuMs'),
      },
    ]),
  )
}

// The variants the targets compare (and cold-instructions.mjs counts).
export const CORE = 'core: import + first SigV4 sign'
export const AWS4 = 'aws4: import + first SigV4 sign'
export const V4A = 'core: import + first SigV4A sign'
export const AXIOS = 'axios + @awssig/axios: up to the signed config'
export const AWS4_AXIOS = 'axios + aws4-axios: up to the signed config'
const CORE_REQUIRE = 'core (require): first SigV4 sign'
const AWS4_REQUIRE = 'aws4 (require): first SigV4 sign'
const V4A_REQUIRE = 'core (require): first SigV4A sign'
const CORE_MODULE_FILE = 'core (ES module file): import + first SigV4 sign'
const AWS4_MODULE_FILE = 'aws4 (ES module file): import + first SigV4 sign'
const V4A_MODULE_FILE = 'core (ES module file): import + first SigV4A sign'

/** The cold-start targets of issue 17, as { id, label, value, limit, unit } (judged by targets.mjs). */
export function coldStartTargets(r) {
  const ratio = (a, b) => r[a].incrementMs / r[b].incrementMs
  return [
    {
      id: 'cold-core-vs-aws4',
      label: 'cold start: core import + first SigV4 sign ≤ 1.5× aws4',
      value: ratio(CORE, AWS4),
      limit: 1.5,
      unit: '×',
    },
    {
      id: 'cold-axios-vs-aws4-axios',
      label: 'cold start: axios + @awssig/axios up to the signed config ≤ 1.5× aws4-axios',
      value: ratio(AXIOS, AWS4_AXIOS),
      limit: 1.5,
      unit: '×',
    },
    {
      // Informational: aws4 has no `exports` map, and the first package resolved through one makes Node's
      // CommonJS loader load its ES module resolver (≈ 3–5 ms here), which any app with one such dependency
      // pays once; the ratio is written for the ES module variants above.
      id: 'cold-core-vs-aws4-require',
      label: '(info) cold start, CommonJS: core require + first SigV4 sign ≤ 1.5× aws4',
      value: ratio(CORE_REQUIRE, AWS4_REQUIRE),
      limit: 1.5,
      unit: '×',
      informational: true,
    },
    {
      id: 'cold-first-sigv4a',
      label: 'cold start: core import + first SigV4A sign ≤ 20 ms',
      value: r[V4A].incrementMs,
      limit: 20,
      unit: 'ms',
    },
    {
      // Informational: the SigV4A limit for the handler shapes users deploy, each over its own empty
      // file (the `-e` row above charges Node's first module-file load to core; see MODULE_FILE_VARIANTS).
      id: 'cold-first-sigv4a-module-file',
      label: '(info) cold start, ES module handler file: core import + first SigV4A sign ≤ 20 ms',
      value: r[V4A_MODULE_FILE].incrementMs,
      limit: 20,
      unit: 'ms',
      informational: true,
    },
    {
      id: 'cold-first-sigv4a-require',
      label: '(info) cold start, CommonJS: core require + first SigV4A sign ≤ 20 ms',
      value: r[V4A_REQUIRE].incrementMs,
      limit: 20,
      unit: 'ms',
      informational: true,
    },
    {
      id: 'cold-core-vs-aws4-module-file',
      label: '(info) cold start, ES module handler file: core import + first SigV4 sign ≤ 1.5× aws4',
      value: ratio(CORE_MODULE_FILE, AWS4_MODULE_FILE),
      limit: 1.5,
      unit: '×',
      informational: true,
    },
    {
      // Informational: the same limit for the floor, measured in the same rounds. When the floor misses it,
      // no SigV4A signer shipped as a package could meet it on this machine in this run.
      id: 'cold-first-sigv4a-floor',
      label: '(info) cold start: the floor of a first SigV4A (fixtures/sigv4a-floor) ≤ 20 ms',
      value: r[FLOOR].incrementMs,
      limit: 20,
      unit: 'ms',
      informational: true,
    },
  ]
}

/** The Markdown table of one measurement. */
export function coldStartTable(r, runs) {
  const lines = [
    `Cold start, node ${process.version}, ${runs} rounds of fresh processes, interleaved; increments are medians of per-round differences`,
    '',
    '| variant | process (ms) | increment over empty node (ms) | CPU increment (ms) |',
    '|---|--:|--:|--:|',
  ]
  for (const [name, { medianMs, incrementMs, cpuIncrementMs }] of Object.entries(r)) {
    const empty = EMPTY_VARIANTS.has(name)
    lines.push(
      `| ${name} | ${medianMs.toFixed(1)} | ${empty ? '—' : incrementMs.toFixed(1)} | ${empty || Number.isNaN(cpuIncrementMs) ? '—' : cpuIncrementMs.toFixed(1)} |`,
    )
  }
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 60)
  const r = measureColdStart(runs)
  console.log(`${coldStartTable(r, runs)}\n`)
  for (const t of coldStartTargets(r)) {
    const status = t.value <= t.limit ? 'PASS' : 'FAIL'
    console.log(`${status} ${t.label}: ${t.value.toFixed(2)} ${t.unit}`)
  }
}
