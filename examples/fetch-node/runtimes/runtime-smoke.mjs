// A runtime-neutral smoke test of @awssig/fetch: it signs requests and hands them to @awssig/testing's
// verifier through a fetch double (no network), so it runs unchanged in Node, Bun, Deno and workerd.
// Bundled by runtimes/run-smoke.mjs into one file per run.
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { toResponse, verifyRequest } from '@awssig/testing'

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const regional = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'
const multiRegion = 'https://api.example.com/prod'
const verifier = {
  credentials: [credentials],
  endpoints: {
    'abc123.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' },
    'api.example.com': { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a', sigv4aOnly: true },
    'iam.amazonaws.com': { service: 'iam', region: 'us-east-1' },
  },
}
const verifyingFetch = async (input, init) =>
  toResponse(await verifyRequest(new Request(input, init), verifier))

/** Runs the cases and returns one line per case; `ok` is false if any case did not get what it expects. */
export async function runSmoke() {
  const signer = createSigner({
    credentials,
    rules: [
      { host: new URL(regional).hostname },
      {
        host: new URL(multiRegion).hostname,
        service: 'execute-api',
        algorithm: 'sigv4a',
        regionSet: ['us-*'],
      },
    ],
  })
  const signed = createSignedFetch(signer, { fetch: verifyingFetch })
  const wrongRegion = createSignedFetch(
    createSigner({
      credentials,
      rules: [{ host: /^abc123\..*$/, service: 'execute-api', region: 'us-east-1' }],
    }),
    { fetch: verifyingFetch },
  )
  const form = new FormData()
  form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'q3.csv')
  const cases = [
    ['SigV4 GET with a query', 200, () => signed(`${regional}/items?tag=a&tag=b&q=x%20y`)],
    [
      'SigV4 POST JSON',
      200,
      () =>
        signed(`${regional}/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":1}',
        }),
    ],
    ['SigV4 FormData upload', 200, () => signed(`${regional}/upload`, { method: 'POST', body: form })],
    [
      'SigV4 global endpoint (IAM, us-east-1)',
      200,
      () => signed('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'),
    ],
    ["SigV4A 'us-*'", 200, () => signed(`${multiRegion}/orders`, { method: 'POST', body: 'x' })],
    ['control: wrong region refused', 403, () => wrongRegion(`${regional}/items`)],
  ]
  const lines = []
  let ok = true
  for (const [name, expected, run] of cases) {
    let status
    try {
      const response = await run()
      status = response.status
      await response.arrayBuffer()
    } catch (error) {
      status = `${error?.name}: ${error?.message}`
    }
    const passed = status === expected
    ok &&= passed
    lines.push(`${passed ? 'ok  ' : 'FAIL'} ${name} (${status})`)
  }
  return { ok, lines }
}
