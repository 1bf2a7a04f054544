// Cold start as serverless functions and CLIs pay it: whole fresh `node` processes (spawn to exit),
// median of N, minus the median of an empty `node` process measured in the same run, interleaved so
// every variant sees the same machine state. `node src/cold-start.mjs [runs=20]` prints a Markdown table.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { median } from './measure.mjs'

const C = `{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }`
const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com'
// A stand-in adapter: the request stops at the signed config (no socket), as the target asks.
const STOP = `async (config) => ({ data: '', status: 200, statusText: 'OK', headers: {}, config })`

/** Each variant is an ES module body; it must sign once and leave nothing running. */
export const VARIANTS = {
  'empty node': '',
  'core: import + first SigV4 sign': `
    const { createSigner } = await import('@awssig/core')
    const signer = createSigner({ credentials: ${C}, rules: [{ host: '${HOST}' }] })
    const r = await signer.sign({ method: 'GET', url: 'https://${HOST}/prod/x', headers: {} })
    if (!r.request.headers.get('authorization')) throw new Error('unsigned')`,
  'aws4: import + first SigV4 sign': `
    const { default: aws4 } = await import('aws4')
    const r = aws4.sign({ host: '${HOST}', path: '/prod/x', service: 'execute-api', region: 'eu-west-1' }, ${C})
    if (!r.headers.Authorization) throw new Error('unsigned')`,
  'core: import + first SigV4A sign': `
    const { createSigner } = await import('@awssig/core')
    const signer = createSigner({ credentials: ${C}, rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }] })
    const r = await signer.sign({ method: 'GET', url: 'https://api.example.com/x', headers: {} })
    if (!r.request.headers.get('authorization')) throw new Error('unsigned')`,
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

const cwd = fileURLToPath(new URL('..', import.meta.url))

/** Wall time of one fresh process running `body`, in ms. */
function once(body) {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', body], { cwd, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`cold-start variant failed:\n${result.stderr}`)
  return ms
}

/** Medians per variant and their increments over the empty process. */
export function measureColdStart(runs = 20) {
  const names = Object.keys(VARIANTS)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) samples[name].push(once(VARIANTS[name]))
  }
  const medians = Object.fromEntries(names.map((n) => [n, median(samples[n].sort((a, b) => a - b))]))
  const empty = medians['empty node']
  return Object.fromEntries(names.map((n) => [n, { medianMs: medians[n], incrementMs: medians[n] - empty }]))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 20)
  const r = measureColdStart(runs)
  console.log(`Cold start, node ${process.version}, median of ${runs} fresh processes\n`)
  console.log('| variant | process (ms) | increment over empty node (ms) |\n|---|---:|---:|')
  for (const [name, { medianMs, incrementMs }] of Object.entries(r)) {
    console.log(
      `| ${name} | ${medianMs.toFixed(1)} | ${name === 'empty node' ? '—' : incrementMs.toFixed(1)} |`,
    )
  }
  const ratio = (a, b) => (r[a].incrementMs / r[b].incrementMs).toFixed(2)
  console.log(
    `\ncore / aws4 increment: ${ratio('core: import + first SigV4 sign', 'aws4: import + first SigV4 sign')}× (target ≤ 1.5×)`,
  )
  console.log(
    `@awssig/axios / aws4-axios increment: ${ratio('axios + @awssig/axios: up to the signed config', 'axios + aws4-axios: up to the signed config')}× (target ≤ 1.5×)`,
  )
  console.log(
    `first SigV4A increment: ${r['core: import + first SigV4A sign'].incrementMs.toFixed(1)} ms (target ≤ 20 ms)`,
  )
}
