// `pnpm demo`: what a signer hard-wired to one region gets from AWS, and what awssig gets, in the
// situations where they differ. Everything runs against @awssig/testing's local verifying server,
// which checks signatures the way AWS does and answers with AWS's error texts. No AWS account needed.
import { createSigner } from '@awssig/core'
import { createSignedFetch } from '@awssig/fetch'
import { startVerifyingServer } from '@awssig/testing/server'
import { awsErrorText } from './aws-error-text.mjs'
import { renderTable } from './print-table.mjs'
import { multiRegion, scenarios } from './scenarios.mjs'
import { seededRandom } from './seeded-random.mjs'

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
// A fixed clock for the server and both signers, so that nothing in the output depends on the time.
const now = () => new Date('2026-11-22T12:00:00Z')

const random = seededRandom(multiRegion.seed)
const routedRegions = Array.from({ length: multiRegion.attempts }, () =>
  random() < 0.5 ? multiRegion.regions[0] : multiRegion.regions[1],
)

const endpoints = Object.fromEntries(scenarios.map((s) => [new URL(s.url).hostname, s.endpoint]))
endpoints[multiRegion.host] = {
  service: 'execute-api',
  algorithm: 'sigv4a',
  // Latency routing: the region that answers is a function of the request (here its ?attempt=N).
  region: (request) =>
    routedRegions[Number(new URL(request.url).searchParams.get('attempt') ?? 0)] ?? 'us-east-1',
}

const server = await startVerifyingServer({ port: 0, endpoints, credentials: [credentials], now })

// awssig: rules only for the hosts that are our own code (API Gateway); AWS's own endpoints need none.
const awssig = createSigner({
  credentials,
  now,
  rules: [
    { host: multiRegion.host, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
    { host: 'a1b2c3.execute-api.us-west-2.amazonaws.com' }, // service and region read from the hostname
  ],
})
const awssigFetch = createSignedFetch(awssig, { fetch: server.fetch })

/** What people do today: one service and one region for every request. */
function fixedRegionFetch({ service, region }) {
  const signer = createSigner({
    credentials,
    now,
    // customerCode: a catch-all signs API Gateway hosts too, which is exactly what this naive signer does.
    rules: [{ host: /^.*$/, service, region, customerCode: true }],
    awsHosts: false,
  })
  return createSignedFetch(signer, { fetch: server.fetch })
}

async function call(fetchImpl, scenario, url = scenario.url) {
  const response = await fetchImpl(url, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  })
  return { status: response.status, text: awsErrorText(response.status, await response.text()) }
}

function describePlan(plan) {
  if (!plan) return 'no plan (sent unsigned)'
  const where = plan.algorithm === 'sigv4a' ? `region set ${plan.regionSet.join(',')}` : plan.region
  const source = plan.source === 'rule' ? `rule #${plan.ruleIndex}` : 'AWS hostname knowledge'
  return `${plan.service} · ${where} · ${plan.algorithm === 'sigv4a' ? 'SigV4A' : 'SigV4'} (from ${source})`
}

let failures = 0
const out = []
const header = ['signer', 'status', 'what the server answered']

for (const [index, scenario] of scenarios.entries()) {
  const fixed = await call(fixedRegionFetch(scenario.fixed), scenario)
  const ours = await call(awssigFetch, scenario)
  if (ours.status !== 200 || fixed.status === 200) failures++
  out.push(`\n${index + 1}. ${scenario.title}\n   ${scenario.story}\n   ${scenario.method} ${scenario.url}`)
  out.push(
    renderTable(header, [
      [`fixed: ${scenario.fixed.service} / ${scenario.fixed.region}`, String(fixed.status), fixed.text],
      ['awssig', String(ours.status), ours.text],
    ]),
  )
  out.push(`   awssig's plan: ${describePlan(await awssig.resolve(scenario.url))}`)
}

{
  const scenario = { method: 'GET', headers: {}, body: undefined }
  const fixedFetch = fixedRegionFetch(multiRegion.fixed)
  const tally = { fixed: { passed: 0, errors: new Set() }, ours: { passed: 0, errors: new Set() } }
  for (let attempt = 0; attempt < multiRegion.attempts; attempt++) {
    const url = `https://${multiRegion.host}/orders?attempt=${attempt}`
    for (const [name, fetchImpl] of [
      ['fixed', fixedFetch],
      ['ours', awssigFetch],
    ]) {
      const result = await call(fetchImpl, scenario, url)
      if (result.status === 200) tally[name].passed++
      else tally[name].errors.add(`${result.status} ${result.text}`)
    }
  }
  if (tally.ours.passed !== multiRegion.attempts || tally.fixed.passed === multiRegion.attempts) failures++
  const summary = (t) => (t.errors.size ? [...t.errors].join('; ') : 'OK every time')
  out.push(
    `\n${scenarios.length + 1}. ${multiRegion.title}\n   ${multiRegion.story}\n` +
      `   ${multiRegion.attempts} × GET https://${multiRegion.host}/orders, routed to: ` +
      routedRegions.map((r) => (r === 'us-east-1' ? 'E' : 'W')).join(' ') +
      ' (E = us-east-1, W = us-west-2)',
  )
  out.push(
    renderTable(
      ['signer', `200s / ${multiRegion.attempts}`, 'what the server answered otherwise'],
      [
        [`fixed: SigV4 ${multiRegion.fixed.region}`, String(tally.fixed.passed), summary(tally.fixed)],
        ["awssig: SigV4A 'us-*'", String(tally.ours.passed), summary(tally.ours)],
      ],
    ),
  )
  out.push(`   awssig's plan: ${describePlan(await awssig.resolve(`https://${multiRegion.host}/orders`))}`)
}

await server.close()
console.log(
  'awssig demo: a signer fixed to one service and region vs. awssig, against a local server that\n' +
    'verifies signatures as AWS does (@awssig/testing). No AWS account or network needed.',
)
console.log(out.join('\n'))
if (failures > 0) {
  console.error(`\n${failures} scenario(s) did not turn out as the demo claims (see above).`)
  process.exitCode = 1
} else {
  console.log('\nEvery awssig request got 200; the fixed-region signer failed where AWS would fail it.')
}
