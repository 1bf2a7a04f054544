// The page: signs requests with ky + awssig and shows what the server answered.
// Credentials come from a Cognito identity pool through @awssig/core/credentials (no AWS SDK in the page).
// Local mode (the default): a loopback server answers as Cognito Identity (?identityEndpoint=…), and http://
// URLs with the real AWS-style hostnames go through the local verifying server acting as the browser's proxy.
// Live mode (?live=1&identityPoolId=…&region=…&api=…): your identity pool and your APIs.
import { fromCognitoIdentityPool } from '@awssig/core/credentials'
import { createKyHooks, createSigner } from '@awssig/ky'
import ky from 'ky'
import { runRedirectChecks } from './redirect-checks.js'

const params = new URLSearchParams(location.search)
const live = params.get('live') === '1'

const local = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  regionalApi: 'http://abc123.execute-api.eu-west-1.amazonaws.com/prod',
  multiRegionApi: 'http://api.example.com/prod',
}

const identityEndpoint = params.get('identityEndpoint')
const cognitoCredentials = fromCognitoIdentityPool({
  identityPoolId: params.get('identityPoolId'),
  clientConfig: { region: params.get('region') ?? 'us-east-1' },
  // Local mode only: the Cognito calls go to the loopback identity server instead of AWS.
  ...(identityEndpoint && !live
    ? { fetch: (url, init) => fetch(`${identityEndpoint}${new URL(url).pathname}`, init) }
    : {}),
})

const regionalApi = live ? params.get('api') : local.regionalApi
const multiRegionApi = live ? params.get('multiRegionApi') : local.multiRegionApi

const signer = createSigner({
  credentials: cognitoCredentials,
  rules: [
    // API Gateway runs your code: awssig signs it only when a rule names the host. Service and region
    // are read from the hostname.
    ...(regionalApi ? [{ host: new URL(regionalApi).hostname }] : []),
    // A multi-region custom domain: SigV4A for every US region.
    ...(multiRegionApi
      ? [
          {
            host: new URL(multiRegionApi).hostname,
            service: 'execute-api',
            algorithm: 'sigv4a',
            regionSet: ['us-*'],
          },
        ]
      : []),
  ],
})
const api = ky.create({ hooks: createKyHooks(signer), retry: 0, throwHttpErrors: false })

function upload(name) {
  const form = new FormData()
  form.append('title', `${name} report`)
  form.append('file', new File(['a,b\n1,2\n'], 'report.csv', { type: 'text/csv' }))
  return form
}

const checks = []
if (regionalApi) {
  checks.push(
    { name: 'SigV4 GET with a query', url: `${regionalApi}/items?tag=a&tag=b&q=blue%20shoes`, options: {} },
    {
      name: 'SigV4 POST json',
      url: `${regionalApi}/items`,
      options: { method: 'post', json: { name: 'widget' } },
    },
    {
      name: 'SigV4 FormData upload',
      url: `${regionalApi}/upload`,
      options: { method: 'post', body: upload('SigV4') },
    },
  )
}
if (regionalApi && !live) {
  // The control: a request signed for the wrong region must be refused, or these checks prove nothing.
  const wrongRegion = createSigner({
    credentials: local.credentials,
    rules: [{ host: /^abc123\..*$/, service: 'execute-api', region: 'us-east-1', customerCode: true }],
  })
  checks.push({
    name: 'Control: SigV4 for the wrong region is refused',
    url: `${regionalApi}/items`,
    options: {},
    client: ky.create({ hooks: createKyHooks(wrongRegion), retry: 0, throwHttpErrors: false }),
    signer: wrongRegion,
    expectStatus: 403,
  })
}
if (multiRegionApi) {
  checks.push(
    {
      name: "SigV4A 'us-*' POST json",
      url: `${multiRegionApi}/orders`,
      options: { method: 'post', json: { n: 1 } },
    },
    {
      name: "SigV4A 'us-*' FormData upload",
      url: `${multiRegionApi}/upload`,
      options: { method: 'post', body: upload('SigV4A') },
    },
  )
}

document.querySelector('#mode').textContent = live
  ? 'Live mode: credentials from a Cognito identity pool.'
  : 'Local mode: Cognito credentials from a loopback identity server, answered by @awssig/testing’s verifying server.'

function describePlan(plan) {
  if (!plan) return 'not signed'
  const where = plan.algorithm === 'sigv4a' ? plan.regionSet.join(',') : plan.region
  return `${plan.algorithm === 'sigv4a' ? 'SigV4A' : 'SigV4'} · ${plan.service} · ${where}`
}

/** The verifier's JSON echo in a few words; an AWS error message as it came. */
function summarize(text) {
  try {
    const echo = JSON.parse(text)
    if (echo.ok) return `verified: ${echo.scope} · signed ${echo.signedHeaders.join(';')}`
    return echo.message ?? text
  } catch {
    return text.slice(0, 200)
  }
}

const results = []
const tbody = document.querySelector('#results')

/** Adds a row: request, plan, status, answer. */
function addRow(name, plan, status, ok, answer) {
  const row = document.createElement('tr')
  for (const [index, text] of [name, plan, String(status || '—'), answer].entries()) {
    const cell = document.createElement('td')
    cell.textContent = text
    if (index === 2) {
      cell.className = 'status'
      cell.dataset.ok = String(ok)
    }
    if (index === 3) cell.className = 'answer'
    row.append(cell)
  }
  tbody.append(row)
}

for (const check of checks) {
  let status = 0
  let answer = ''
  try {
    const response = await (check.client ?? api)(check.url, check.options)
    status = response.status
    answer = summarize(await response.text())
  } catch (error) {
    answer = `${error.name}: ${error.message}`
  }
  const ok = check.expectStatus ? status === check.expectStatus : status >= 200 && status < 300
  results.push({ name: check.name, status, ok, answer })
  addRow(check.name, describePlan((check.signer ?? signer).resolve(check.url)), status, ok, answer)
}

// Local mode: the browser's redirect handling of signed requests (?redirectApi=<a claimed loopback origin>).
const redirectApi = params.get('redirectApi')
if (redirectApi && !live) {
  for (const result of await runRedirectChecks(redirectApi)) {
    results.push(result)
    addRow(result.name, 'SigV4 · execute-api · eu-west-1', result.status, result.ok, result.answer)
  }
}

const passed = results.filter((r) => r.ok).length
document.querySelector('#summary').textContent = `${passed} of ${results.length} checks passed`
window.awssigResults = results
document.body.dataset.done = 'true'
