// Global endpoints called from an application configured for another region.
// The app's region is eu-west-1, but IAM, Route 53 and the global STS endpoint only accept signatures
// scoped to us-east-1. awssig knows this from AWS's endpoint metadata; no rule is needed.
//   node src/index.mjs                 → against a local server that verifies signatures as AWS does
//   AWSSIG_LIVE=1 node src/index.mjs   → against real AWS, credentials from the default chain
// Exits non-zero if any request is not accepted, or if the fixed-region control is not rejected.
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { startVerifyingServer } from '@awssig/testing/server'

const live = process.env.AWSSIG_LIVE === '1'
const appRegion = process.env.AWS_REGION ?? 'eu-west-1'
const testCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

const calls = [
  {
    name: 'IAM ListUsers',
    service: 'iam',
    url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
  },
  {
    name: 'Route 53 ListHostedZones',
    service: 'route53',
    url: 'https://route53.amazonaws.com/2013-04-01/hostedzone',
  },
  {
    name: 'STS (global) GetCallerIdentity',
    service: 'sts',
    url: 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15',
  },
  {
    name: `STS (${appRegion}) GetCallerIdentity`,
    service: 'sts',
    url: `https://sts.${appRegion}.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15`,
    region: appRegion,
  },
]

let server
if (!live) {
  server = await startVerifyingServer({
    port: 0,
    credentials: [testCredentials],
    endpoints: Object.fromEntries(
      calls.map((call) => [
        new URL(call.url).hostname,
        { service: call.service, region: call.region ?? 'us-east-1' },
      ]),
    ),
  })
} else if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
  console.error(
    'AWSSIG_LIVE=1 needs credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE.',
  )
  process.exit(2)
}
const transport = live ? {} : { fetch: server.fetch }
const credentials = live ? undefined : testCredentials

const awssigFetch = createSignedFetch(createSigner({ credentials }), transport)

/** The control: what an app does when it signs everything for its own region. */
function fixedRegionFetch(service) {
  const signer = createSigner({
    credentials,
    rules: [{ host: /^.*$/, service, region: appRegion, customerCode: true }],
    awsHosts: false,
  })
  return createSignedFetch(signer, transport)
}

/** AWS checks the signature before permissions: AccessDenied means the signature was accepted. */
function signatureAccepted(status, body) {
  return (status >= 200 && status < 300) || (status === 403 && /AccessDenied|not authorized/i.test(body))
}

let failed = 0
for (const call of calls) {
  const response = await awssigFetch(call.url)
  const body = await response.text()
  const ok = signatureAccepted(response.status, body)
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${response.status} ${call.name}`)
  if (!ok) console.log(`     ${body.slice(0, 300)}`)

  if (!live && !call.region) {
    const control = await fixedRegionFetch(call.service)(call.url)
    const controlBody = await control.text()
    const rejected =
      control.status === 403 && controlBody.includes('Credential should be scoped to a valid region')
    if (!rejected) failed++
    console.log(
      `${rejected ? 'ok  ' : 'FAIL'} ${control.status} ${call.name} signed for ${appRegion} is rejected`,
    )
  }
}
await server?.close()
console.log(failed ? `${failed} check(s) failed` : 'all checks passed')
process.exitCode = failed ? 1 : 0
