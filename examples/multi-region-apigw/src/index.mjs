// A multi-region API Gateway custom domain, signed with SigV4A for the region set 'us-*'.
// The API is deployed in us-east-1 and us-west-2 behind one custom domain with latency-based routing:
// which region answers is not known when the request is signed. SigV4 names one region and fails
// whenever the other one answers; SigV4A signs for a region set that covers both.
//   node src/index.mjs                                  → local verifying server, routing imitated
//   AWSSIG_LIVE=1 AWSSIG_API_URL=https://api.example.com/prod node src/index.mjs → your real API
// Exits non-zero if any SigV4A request is not accepted (or, locally, if the SigV4 control never fails).
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { startVerifyingServer } from '@awssig/testing/server'

const live = process.env.AWSSIG_LIVE === '1'
const apiUrl = process.env.AWSSIG_API_URL ?? 'https://api.example.com/prod'
const host = new URL(apiUrl).hostname
const attempts = 10
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

if (live && !process.env.AWSSIG_API_URL) {
  console.error('AWSSIG_LIVE=1 needs AWSSIG_API_URL: the base URL of your multi-region custom domain.')
  process.exit(2)
}

let server
const routedTo = []
if (!live) {
  // Latency routing, imitated with a seeded random choice so every run routes the same way.
  let state = 7 // mulberry32
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  server = await startVerifyingServer({
    port: 0,
    credentials: [testCredentials],
    endpoints: {
      [host]: {
        service: 'execute-api',
        algorithm: 'sigv4a',
        region: (request) => {
          const attempt = Number(new URL(request.url).searchParams.get('attempt'))
          routedTo[attempt] ??= random() < 0.5 ? 'us-east-1' : 'us-west-2'
          return routedTo[attempt]
        },
      },
    },
  })
}
const credentials = live ? undefined : testCredentials
const transport = live ? {} : { fetch: server.fetch }

// A custom domain says nothing about AWS in its name, so a rule says how to sign it.
const sigv4a = createSigner({
  credentials,
  rules: [{ host, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
})
const sigv4aFetch = createSignedFetch(sigv4a, transport)
const sigv4Fetch = createSignedFetch(
  createSigner({ credentials, rules: [{ host, service: 'execute-api', region: 'us-east-1' }] }),
  transport,
)

let sigv4aPassed = 0
let sigv4Passed = 0
for (let attempt = 0; attempt < attempts; attempt++) {
  const url = `${apiUrl}/orders?attempt=${attempt}`
  const a = await sigv4aFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ attempt }),
  })
  const answer = await a.text()
  if (a.ok) sigv4aPassed++
  else console.log(`FAIL SigV4A attempt ${attempt}: ${a.status} ${answer.slice(0, 200)}`)
  if (!live) {
    const b = await sigv4Fetch(url)
    await b.text()
    if (b.ok) sigv4Passed++
  }
}
await server?.close()

console.log(`SigV4A 'us-*':      ${sigv4aPassed}/${attempts} accepted`)
if (!live) {
  console.log(`routed to:          ${routedTo.join(' ')}`)
  console.log(`SigV4 us-east-1:    ${sigv4Passed}/${attempts} accepted (only where us-east-1 answered)`)
}
const ok = sigv4aPassed === attempts && (live || sigv4Passed < attempts)
console.log(ok ? 'all checks passed' : 'checks failed')
process.exitCode = ok ? 0 : 1
