// axios in Node (its http adapter), signed per host by awssig.
//   node src/index.mjs                 → against a local server that verifies signatures as AWS does;
//                                        axios reaches it as an HTTP proxy, so the Host header (and the
//                                        signature) stay those of the real API hostname
//   AWSSIG_LIVE=1 node src/index.mjs   → real AWS: STS GetCallerIdentity, plus AWSSIG_API_URL if set
// Exits non-zero if any request is not accepted.
import { attachSigner, createSigner } from '@awssig/axios'
import { startVerifyingServer } from '@awssig/testing/server'
import axios from 'axios'

const live = process.env.AWSSIG_LIVE === '1'
const region = process.env.AWS_REGION ?? 'eu-west-1'
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
// Locally the API is addressed over http:// so the loopback proxy can see it; live, use your https URL.
const apiUrl = process.env.AWSSIG_API_URL ?? 'http://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const stsUrl = `${live ? 'https' : 'http'}://sts.${region}.amazonaws.com/`

let server
if (!live) {
  server = await startVerifyingServer({
    port: 0,
    credentials: [testCredentials],
    endpoints: {
      [new URL(apiUrl).hostname]: { service: 'execute-api', region: 'eu-west-1' },
      [new URL(stsUrl).hostname]: { service: 'sts', region },
    },
  })
} else if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
  console.error(
    'AWSSIG_LIVE=1 needs credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE.',
  )
  process.exit(2)
}

const signer = createSigner({
  credentials: live ? undefined : testCredentials, // live: the AWS SDK's default Node chain
  rules: [
    { host: new URL(apiUrl).hostname }, // API Gateway: signed only when a rule names it
    // Locally STS is reached over http: (the loopback proxy). AWS host inference signs https: only, so a
    // rule naming the host consents to clear text; live, STS needs no rule.
    ...(live ? [] : [{ host: new URL(stsUrl).hostname }]),
  ],
})

const client = axios.create({
  adapter: 'http',
  validateStatus: () => true,
  ...(live ? {} : { proxy: { protocol: 'http', host: '127.0.0.1', port: server.port } }),
})
// Attach the signer before any interceptor that adds headers: axios runs request interceptors last-in
// first-out, so the signer then runs last and signs the final request.
attachSigner(client, signer)

const checks = [
  {
    name: 'STS GetCallerIdentity (form body)',
    request: () =>
      client.post(
        stsUrl,
        new URLSearchParams({ Action: 'GetCallerIdentity', Version: '2011-06-15' }).toString(),
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ),
  },
]
if (!live || process.env.AWSSIG_API_URL) {
  checks.push(
    {
      name: 'API GET with params',
      request: () => client.get(`${apiUrl}/items`, { params: { q: 'blue shoes', tag: ['a', 'b'] } }),
    },
    {
      name: 'API POST with a JSON object',
      request: () => client.post(`${apiUrl}/items`, { name: 'widget' }),
    },
    {
      name: 'API PUT with a FormData file upload',
      request: () => {
        const form = new FormData()
        form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'q3.csv')
        return client.put(`${apiUrl}/upload`, form)
      },
    },
  )
}

let failed = 0
for (const check of checks) {
  const response = await check.request()
  const ok = response.status >= 200 && response.status < 300
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${response.status} ${check.name}`)
  if (!ok) console.log(`     ${JSON.stringify(response.data).slice(0, 300)}`)
}
await server?.close()
console.log(failed ? `${failed} of ${checks.length} failed` : `all ${checks.length} accepted`)
process.exitCode = failed ? 1 : 0
