#!/usr/bin/env node
// pnpm size: the browser bundle cost of signing with awssig, beside the peers.
// esbuild (minify, ESM, browser platform, code splitting) bundles a one-line app per signer; every output
// file is gzipped at level 9 in-process. For awssig the budget covers what the page loads up front (the
// entry chunk plus the chunks it imports statically); SigV4A must sit in a lazily imported chunk, which
// is reported but outside the budget.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parse } from 'acorn'
import { build } from 'esbuild'
import { formatTable } from './cross-check.mjs'
import { packageVersion } from './package-version.mjs'

/** This round's allowance, 12.5 KB with 1 KB = 1024 bytes (12 KB remains the aim, printed beside it). */
export const BUDGET_BYTES = 12.5 * 1024
/** Where the up-front bytes should return to. */
export const AIM_BYTES = 12 * 1024
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))
const CREDENTIALS = "{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }"

const AWSSIG_APP = `
      import { createSignedFetch, createSigner } from '@awssig/fetch'
      const signer = createSigner({ credentials: ${CREDENTIALS}, rules: [{ host: '*.example.com', service: 'execute-api', region: 'us-east-1' }] })
      export const signedFetch = createSignedFetch(signer)`

const APPS = [
  {
    id: 'awssig',
    label: '@awssig/fetch createSignedFetch, SigV4 path (AWS host inference included)',
    budget: true,
    // What Vite and webpack production builds resolve: core's `production` export condition, whose
    // validation errors and explanations keep their facts without the prose (packages/core/src/build-flags.d.ts).
    conditions: ['production'],
    contents: AWSSIG_APP,
  },
  {
    id: 'awssig-development',
    label: '  the same, development build (no production condition: full messages)',
    contents: AWSSIG_APP,
  },
  {
    id: 'aws4fetch',
    label: `aws4fetch ${packageVersion('aws4fetch')} AwsClient`,
    contents: `
      import { AwsClient } from 'aws4fetch'
      export const client = new AwsClient(${CREDENTIALS})`,
  },
  {
    id: 'smithy',
    label: `@smithy/signature-v4 ${packageVersion('@smithy/signature-v4')} + @aws-crypto/sha256-universal`,
    contents: `
      import { SignatureV4 } from '@smithy/signature-v4'
      import { Sha256 } from '@aws-crypto/sha256-universal'
      export const signer = new SignatureV4({ credentials: ${CREDENTIALS}, region: 'us-east-1', service: 'execute-api', sha256: Sha256 })`,
  },
  {
    id: 'smithy-v4a',
    label: `  + @smithy/signature-v4a ${packageVersion('@smithy/signature-v4a')}`,
    contents: `
      import { SignatureV4 } from '@smithy/signature-v4'
      import { SignatureV4a } from '@smithy/signature-v4a'
      import { Sha256 } from '@aws-crypto/sha256-universal'
      const options = { credentials: ${CREDENTIALS}, region: 'us-east-1', service: 'execute-api', sha256: Sha256 }
      export const signer = new SignatureV4(options)
      export const signerA = new SignatureV4a(options)`,
  },
]

/**
 * Bundles one app and splits its output into what loads up front and what loads lazily.
 * @returns {Promise<{ initial: { min: number, gz: number, files: number }, lazy: { min: number, gz: number, files: number }, lazyInputs: string[] }>}
 */
export async function measureApp(app) {
  const result = await build({
    entryPoints: ['app:entry'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    absWorkingDir: BENCH_DIR,
    outdir: join(BENCH_DIR, 'size-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    // Workspace packages carry a tsconfig.json whose `paths` point at their sources; the published
    // packages do not, so ignore tsconfig files and resolve exactly as a user's bundler would.
    tsconfigRaw: '{}',
    ...(app.conditions ? { conditions: app.conditions } : {}),
    plugins: [
      {
        name: 'app-entry',
        setup(b) {
          b.onResolve({ filter: /^app:entry$/ }, () => ({ path: 'entry.js', namespace: 'app' }))
          b.onLoad({ filter: /.*/, namespace: 'app' }, () => ({
            contents: app.contents,
            resolveDir: BENCH_DIR,
            loader: 'js',
          }))
        },
      },
    ],
  })
  const outputs = result.metafile.outputs
  const files = new Map(result.outputFiles.map((f) => [relative(BENCH_DIR, f.path), f.contents]))
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint === 'app:entry.js')
  // Up front: the entry chunk and everything it imports statically, transitively.
  const initial = new Set()
  const visit = (path) => {
    if (initial.has(path)) return
    initial.add(path)
    for (const imp of outputs[path].imports)
      if (imp.kind === 'import-statement' && outputs[imp.path]) visit(imp.path)
  }
  visit(entry)
  const sum = (paths) => {
    let min = 0
    let gz = 0
    for (const p of paths) {
      const bytes = files.get(p)
      min += bytes.length
      gz += gzipSync(bytes, { level: 9 }).length
    }
    return { min, gz, files: paths.length }
  }
  const jsOutputs = Object.keys(outputs).filter((p) => p.endsWith('.js'))
  const lazy = jsOutputs.filter((p) => !initial.has(p))
  const lazyInputs = [...new Set(lazy.flatMap((p) => Object.keys(outputs[p].inputs)))]
  // Which inputs fill the up-front bytes (minified, before gzip), largest first.
  const contributors = new Map()
  for (const p of initial)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[p].inputs)) {
      const name = packagesOf([input])[0]
      contributors.set(name, (contributors.get(name) ?? 0) + bytesInOutput)
    }
  const upFrontBy = [...contributors].sort((a, b) => b[1] - a[1])
  const withoutSentences = [...initial].reduce(
    (total, p) =>
      total + gzipSync(blankSentences(new TextDecoder().decode(files.get(p))), { level: 9 }).length,
    0,
  )
  return { initial: sum([...initial]), lazy: sum(lazy), lazyInputs, upFrontBy, withoutSentences }
}

/** Static text with three words in a row: an error message or an explanation, not a token or a table. */
const SENTENCE = /[A-Za-z]+ [A-Za-z']+ [A-Za-z]+/

/**
 * `code` with every string and template literal that holds a sentence replaced by `""`: what the bundle would
 * weigh if errors and explanations carried no text. Reported (not budgeted) so the share of the messages in
 * the up-front bytes is a measured number.
 */
export function blankSentences(code) {
  const spans = []
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (node.type === 'Literal' && typeof node.value === 'string' && SENTENCE.test(node.value)) {
      spans.push([node.start, node.end])
      return
    }
    if (node.type === 'TemplateLiteral' && node.quasis.some((q) => SENTENCE.test(q.value.cooked ?? ''))) {
      spans.push([node.start, node.end])
      return
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value.type === 'string') visit(value)
    }
  }
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }))
  let out = ''
  let last = 0
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    out += `${code.slice(last, start)}""`
    last = end
  }
  return out + code.slice(last)
}

async function main() {
  const distReady = existsSync(new URL('../node_modules/@awssig/fetch/dist/index.js', import.meta.url))
  const rows = [['bundle', 'up front min', 'up front gz', 'lazy chunks gz', 'budget']]
  let overBudget = false
  let failed = false
  let budgetBreakdown = []
  let sentences
  const measured = {}
  for (const app of APPS) {
    if (app.budget && !distReady) {
      rows.push([app.label, '—', '—', '—', 'not built: run pnpm --filter @awssig/bench... run build'])
      failed = true
      continue
    }
    try {
      const { initial, lazy, lazyInputs, upFrontBy, withoutSentences } = await measureApp(app)
      if (app.budget) {
        budgetBreakdown = upFrontBy
        sentences = { gz: initial.gz - withoutSentences, withoutGz: withoutSentences }
      }
      measured[app.id] = {
        label: app.label,
        upFront: initial,
        lazy,
        ...(app.budget ? { budgetBytes: BUDGET_BYTES, sentences } : {}),
      }
      let budget = ''
      if (app.budget) {
        const within = initial.gz <= BUDGET_BYTES
        overBudget ||= !within
        const hasV4a = lazyInputs.some((p) => /signature-v4a|sigv4a/i.test(p))
        budget = `${within ? 'PASS' : 'FAIL'} ≤ ${kb(BUDGET_BYTES)} (aim ${kb(AIM_BYTES)})${hasV4a ? '; SigV4A lazy' : '; no lazy SigV4A chunk'}`
      }
      const lazyFrom = packagesOf(lazyInputs).join(', ')
      rows.push([
        app.label,
        kb(initial.min),
        kb(initial.gz),
        lazy.files ? `${kb(lazy.gz)} (${lazyFrom})` : '—',
        budget,
      ])
    } catch (error) {
      const detail = error.errors?.[0]?.text ?? error.message.split('\n')[0]
      rows.push([app.label, '—', '—', '—', `bundle failed: ${detail}`])
      if (app.budget) failed = true
    }
  }
  console.log('== browser bundle size (esbuild minify, esm, browser; gzip -9; 1 KB = 1024 B)\n')
  console.log(formatTable(rows))
  if (budgetBreakdown.length > 0) {
    console.log('\nawssig up front, by input (minified bytes before gzip):\n')
    const lines = [['input', 'min']]
    for (const [name, bytes] of budgetBreakdown.slice(0, 12)) lines.push([name, kb(bytes)])
    console.log(formatTable(lines))
    if (sentences) {
      console.log(
        `\nof which the sentences of errors and explanations: ${kb(sentences.gz)} gz (up front without them: ${kb(sentences.withoutGz)} gz)`,
      )
    }
  }
  const out = new URL('../results/size.json', import.meta.url)
  mkdirSync(new URL('.', out), { recursive: true })
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), esbuild: packageVersion('esbuild'), apps: measured }, null, 2)}\n`,
  )
  if (overBudget || failed) process.exit(1)
}

/** `node_modules/.pnpm/x/node_modules/@scope/name/dist/a.js` → `@scope/name`. */
function packagesOf(inputs) {
  const names = inputs.map((p) => {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)
    return match ? match[1] : p.replace(/^(\.\.\/)+/, '')
  })
  return [...new Set(names)]
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

if (import.meta.url === `file://${process.argv[1]}`) await main()
