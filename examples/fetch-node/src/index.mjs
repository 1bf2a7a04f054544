// fetch in Node, signed per host by awssig.
//   node src/index.mjs                 → against a local server that verifies signatures as AWS does
//   AWSSIG_LIVE=1 node src/index.mjs   → against real AWS (STS GetCallerIdentity; credentials from the
//                                        default chain; set AWSSIG_API_URL to also call your own API)
// Exits non-zero if any request is not accepted.
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { startVerifyingServer } from '@awssig/testing/server'

const live = process.env.AWSSIG_LIVE === '1'
const region = process.env.AWS_REGION ?? 'eu-west-1'
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const apiUrl = process.env.AWSSIG_API_URL ?? 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'

let server
if (!live) {
  server = await startVerifyingServer({
    port: 0,
    credentials: [testCredentials],
    endpoints: {
      [new URL(apiUrl).hostname]: { service: 'execute-api', region: 'eu-west-1' },
      [`sts.${region}.amazonaws.com`]: { service: 'sts', region },
    },
  })
} else if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
  console.error(
    'AWSSIG_LIVE=1 needs credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE.',
  )
  process.exit(2)
}

const signer = createSigner({
  // Live: omit credentials and awssig uses the AWS SDK's default Node chain.
  credentials: live ? undefined : testCredentials,
  // API Gateway hosts run your code, so awssig signs them only when a rule names them; service and
  // region are read from the hostname. STS is an AWS endpoint: no rule needed.
  rules: [{ host: new URL(apiUrl).hostname }],
})
// Locally, `server.fetch` carries each request to the loopback server with its original Host header.
const signedFetch = createSignedFetch(signer, live ? {} : { fetch: server.fetch })

const checks = [
  {
    name: 'STS GetCallerIdentity (POST, form body)',
    url: `https://sts.${region}.amazonaws.com/`,
    init: () => ({
      method: 'POST',
      body: new URLSearchParams({ Action: 'GetCallerIdentity', Version: '2011-06-15' }),
    }),
  },
]
if (!live || process.env.AWSSIG_API_URL) {
  checks.push(
    {
      name: 'API GET with a repeated query key',
      url: `${apiUrl}/items?limit=10&tag=a&tag=b`,
      init: () => ({}),
    },
    {
      name: 'API POST with JSON',
      url: `${apiUrl}/items`,
      init: () => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'widget', price: 9.5 }),
      }),
    },
    {
      name: 'API POST with a FormData file upload',
      url: `${apiUrl}/upload`,
      init: () => {
        const form = new FormData()
        form.append('title', 'Q3 report')
        form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'q3.csv')
        return { method: 'POST', body: form }
      },
    },
  )
}

let failed = 0
for (const check of checks) {
  const response = await signedFetch(check.url, check.init())
  const text = await response.text()
  const plan = await signer.resolve(check.url)
  console.log(`${response.ok ? 'ok  ' : 'FAIL'} ${response.status} ${check.name}`)
  if (!response.ok) {
    failed++
    console.log(`     ${text.slice(0, 300)}`)
  } else if (plan) {
    console.log(
      `     signed for ${plan.service} in ${plan.region ?? plan.regionSet} (${plan.source === 'rule' ? 'by a rule' : 'from the hostname'})`,
    )
  }
}
await server?.close()
console.log(failed ? `${failed} of ${checks.length} failed` : `all ${checks.length} accepted`)
process.exitCode = failed ? 1 : 0
