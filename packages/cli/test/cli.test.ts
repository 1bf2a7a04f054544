import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWSSIG_BIN as bin, runAwssig } from '@awssig/test-utils/run-awssig'
import { startVerifyingServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const sessionCredentials = {
  ...credentials,
  accessKeyId: 'ASIAEXAMPLETOKEN',
  sessionToken: 'session-token-example',
}

const apiHost = 'abc123.execute-api.eu-west-1.amazonaws.com'
const customDomain = 'api.example.com'
const rulesHost = 'orders.internal.test'
const bucketHost = 'my-bucket.s3.eu-central-1.amazonaws.com'

let server: Awaited<ReturnType<typeof startVerifyingServer>>
let dir: string

beforeAll(async () => {
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build it first with pnpm --filter @awssig/cli... run build`)
  }
  server = await startVerifyingServer({
    port: 0,
    credentials: [credentials, sessionCredentials],
    endpoints: {
      [apiHost]: { service: 'execute-api', region: 'eu-west-1' },
      [customDomain]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a', sigv4aOnly: true },
      [rulesHost]: { service: 'execute-api', region: 'eu-west-1' },
      [bucketHost]: { service: 's3', region: 'eu-central-1' },
    },
  })
  dir = await mkdtemp(join(tmpdir(), 'awssig-cli-'))
  await writeFile(join(dir, 'api-host-rules.json'), JSON.stringify([{ host: apiHost }]))
})

afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Runs the built binary with a clean environment: only the credentials a test passes. */
function awssig(args: string[], env: Record<string, string> = envCredentials(credentials), stdin?: string) {
  return runAwssig(dir, args, env, stdin)
}

function envCredentials(creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
  }
  if (creds.sessionToken) env.AWS_SESSION_TOKEN = creds.sessionToken
  return env
}

const local = () => ['--connect-to', `::127.0.0.1:${server.port}`]
/**
 * These tests send http: to an AWS hostname (the loopback server speaks no TLS). Inference never signs
 * clear text, so a rules file naming the host gives the consent, as it would for a local emulator.
 */
const localApi = () => [...local(), '--rules', join(dir, 'api-host-rules.json')]
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

function expectOneSentence(stderr: string) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(/^awssig: /)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('requests against the loopback verifying server', () => {
  it('signs a GET for an API Gateway host from a rule naming only the host', async () => {
    const run = await awssig([...localApi(), `http://${apiHost}/prod/items?b=2&a=1`])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const echo = JSON.parse(run.stdout)
    expect(echo).toMatchObject({ ok: true, method: 'GET', path: '/prod/items' })
    expect(JSON.stringify(echo.scope)).toContain('eu-west-1/execute-api')
  })

  it('POSTs -d data with a header, and the body the server hashed is the one given', async () => {
    const data = '{"name":"widget", "count": 2}'
    const run = await awssig([
      ...localApi(),
      '-H',
      'content-type: application/json',
      '-d',
      data,
      `http://${apiHost}/prod/items`,
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, method: 'POST', bodySha256: sha256(data) })
  })

  it('sends --data-binary @file byte for byte, and -d @file without newlines', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0x0a, 0x7b, 0x0d, 0x0a, 0xe2, 0x82])
    const file = join(dir, 'blob.bin')
    await writeFile(file, bytes)
    const binary = await awssig([
      ...localApi(),
      '-X',
      'PUT',
      '--data-binary',
      `@${file}`,
      `http://${apiHost}/prod/blob`,
    ])
    expect(binary.code).toBe(0)
    expect(JSON.parse(binary.stdout)).toMatchObject({ method: 'PUT', bodySha256: sha256(bytes) })

    const text = await awssig([...localApi(), '-d', `@${file}`, `http://${apiHost}/prod/blob`])
    expect(text.code).toBe(0)
    expect(JSON.parse(text.stdout).bodySha256).toBe(sha256(bytes.filter((b) => b !== 0x0a && b !== 0x0d)))
  })

  it('reads -d @- from stdin', async () => {
    const data = 'Action=ListThings&Version=1'
    const run = await awssig(
      [...localApi(), '-d', '@-', `http://${apiHost}/prod/stdin`],
      envCredentials(credentials),
      data,
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'POST', bodySha256: sha256(data) })
  })

  it('uploads a file as multipart form data (-F), signing the boundary that is sent', async () => {
    const file = join(dir, 'report.csv')
    await writeFile(file, 'a,b\n1,2\n')
    const run = await awssig([
      ...localApi(),
      '-F',
      'title=Q3 report',
      '-F',
      `file=@${file};type=text/csv`,
      `http://${apiHost}/prod/upload`,
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, method: 'POST' })
  })

  it('signs with session-token credentials from the environment', async () => {
    const run = await awssig(
      [...localApi(), `http://${apiHost}/prod/items`],
      envCredentials(sessionCredentials),
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).ok).toBe(true)
  })

  it('takes credentials from --profile, and a profile named per rule in the rules file', async () => {
    const credentialsFile = join(dir, 'credentials')
    await writeFile(
      credentialsFile,
      [
        '[dev]',
        `aws_access_key_id = ${credentials.accessKeyId}`,
        `aws_secret_access_key = ${credentials.secretAccessKey}`,
        '[ops]',
        `aws_access_key_id = ${sessionCredentials.accessKeyId}`,
        `aws_secret_access_key = ${sessionCredentials.secretAccessKey}`,
        `aws_session_token = ${sessionCredentials.sessionToken}`,
        '',
      ].join('\n'),
    )
    const env = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile }
    const byFlag = await awssig([...localApi(), '--profile', 'dev', `http://${apiHost}/prod/items`], env)
    expect(byFlag.stderr).toBe('')
    expect(JSON.parse(byFlag.stdout)).toMatchObject({ ok: true, accessKeyId: credentials.accessKeyId })

    const rules = join(dir, 'profile-rules.json')
    await writeFile(
      rules,
      JSON.stringify([{ host: rulesHost, service: 'execute-api', region: 'eu-west-1', profile: 'ops' }]),
    )
    const byRule = await awssig(
      [...local(), '--profile', 'dev', '--rules', rules, `http://${rulesHost}/x`],
      env,
    )
    expect(JSON.parse(byRule.stdout)).toMatchObject({ ok: true, accessKeyId: sessionCredentials.accessKeyId })

    const missing = await awssig([...localApi(), '--profile', 'nope', `http://${apiHost}/prod/items`], env)
    expect(missing.code).toBe(3)
    expectOneSentence(missing.stderr)
    expect(missing.stderr).toContain('Could not load credentials for profile "nope"')
  })

  it('signs a custom host by a --rules file', async () => {
    const rules = join(dir, 'rules.json')
    await writeFile(
      rules,
      JSON.stringify({ rules: [{ host: '*.internal.test', service: 'execute-api', region: 'eu-west-1' }] }),
    )
    const run = await awssig([...local(), '--rules', rules, `http://${rulesHost}/orders`])
    expect(run.code).toBe(0)
    expect(JSON.stringify(JSON.parse(run.stdout).scope)).toContain('eu-west-1/execute-api')
  })

  it('exits 1 with the AWS error when a rule names the wrong region', async () => {
    const run = await awssig([
      ...local(),
      '--service',
      'execute-api',
      '--region',
      'us-east-1',
      `http://${rulesHost}/x`,
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("Credential should be scoped to a valid region, not 'us-east-1'.")
    expectOneSentence(run.stderr)
    expect(run.stderr).toContain('403')
  })

  it("signs a custom domain with --sigv4a --region-set 'us-*'", async () => {
    const run = await awssig([
      ...local(),
      '--service',
      'execute-api',
      '--sigv4a',
      '--region-set',
      'us-*',
      `http://${customDomain}/orders`,
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).ok).toBe(true)
  })

  it('fails SigV4 on an endpoint that only accepts SigV4A (the control for the test above)', async () => {
    const run = await awssig([
      ...local(),
      '--service',
      'execute-api',
      '--region',
      'us-west-2',
      `http://${customDomain}/o`,
    ])
    expect(run.code).toBe(1)
  })

  it('prints a presigned URL that verifies when fetched without any headers', async () => {
    const run = await awssig(['--presign', '--expires', '600', `https://${bucketHost}/reports/q3.pdf`])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const url = run.stdout.trim()
    expect(url).toMatch(/X-Amz-Signature=[0-9a-f]{64}/)
    expect(url).toContain('X-Amz-Expires=600')
    const response = await server.fetch(url)
    expect(response.status).toBe(200)
    const tampered = await server.fetch(url.replace('q3.pdf', 'q4.pdf'))
    expect(tampered.status).toBe(403)
  })

  it('-i prints the status line and headers, -o writes the body to a file', async () => {
    const out = join(dir, 'out.json')
    const run = await awssig([...localApi(), '-i', '-o', out, `http://${apiHost}/prod/items`])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(JSON.parse(await readFile(out, 'utf8')).ok).toBe(true)
  })

  it('-v redacts a typed X-Amz-Security-Token that is the only query parameter (canonical query line)', async () => {
    const typed = 'typed-token-IQoJb3JpZ2luX2VjEJr'
    const run = await awssig(
      ['-v', ...localApi(), `http://${apiHost}/prod/items?X-Amz-Security-Token=${typed}`],
      envCredentials(credentials),
    )
    expect(run.stderr).toContain('* canonical request:')
    expect(run.stderr).not.toContain(typed)
  })

  it('-v prints the plan, canonical request and string to sign with secrets redacted', async () => {
    const run = await awssig(
      ['-v', ...localApi(), `http://${apiHost}/prod/items`],
      envCredentials(sessionCredentials),
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('* plan: execute-api in eu-west-1 with SigV4')
    expect(run.stderr).toContain('* canonical request:')
    expect(run.stderr).toContain('AWS4-HMAC-SHA256')
    expect(run.stderr).toContain('Signature=<redacted>')
    expect(run.stderr).not.toContain('session-token-example')
    expect(run.stderr).not.toContain(sessionCredentials.secretAccessKey)
    expect(run.stderr).not.toMatch(/Signature=[0-9a-f]{64}/)
  })
})

describe('explain', () => {
  it('names the signing name that differs from the host label', async () => {
    const run = await awssig(
      ['explain', 'https://bedrock-runtime.us-west-2.amazonaws.com/model/m/invoke'],
      {},
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Service:\s+bedrock\n/)
    expect(run.stdout).toMatch(/Region:\s+us-west-2/)
    expect(run.stdout).toMatch(/Matched:\s+an AWS hostname pattern/)
  })

  it('signs a global endpoint for its credential-scope region', async () => {
    const run = await awssig(['explain', '--json', 'https://route53.amazonaws.com/2013-04-01/hostedzone'], {})
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).plan).toMatchObject({ service: 'route53', region: 'us-east-1' })
  })

  it('says which rule of a rules file matched', async () => {
    const rules = join(dir, 'explain-rules.json')
    await writeFile(
      rules,
      JSON.stringify([
        { host: 'other.example', service: 'execute-api', region: 'eu-west-1' },
        { host: '/^api\\.example\\.com$/', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
      ]),
    )
    const run = await awssig(['explain', '--rules', rules, 'https://api.example.com/x'], {})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`rules[1] of ${rules}`)
    expect(run.stdout).toMatch(/Region set:\s+us-\*/)
    expect(run.stdout).toContain('SigV4A')
  })
})

describe('explain warnings', () => {
  it('warns when a wildcard rule signs a host for a region its name contradicts', async () => {
    const rules = join(dir, 'wildcard-rules.json')
    await writeFile(
      rules,
      JSON.stringify([{ host: '*.us-west-2.amazonaws.com', service: 'ec2', region: 'eu-west-1' }]),
    )
    const run = await awssig(['explain', '--rules', rules, 'https://ec2.us-west-2.amazonaws.com/'], {})
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Region:\s+eu-west-1/)
    expect(run.stdout).toMatch(/Warning:.*Credential should be scoped to a valid region, not 'eu-west-1'/)
  })

  it('says the library would not sign an API Gateway host without a rule', async () => {
    const run = await awssig(['explain', `https://${apiHost}/prod`], {})
    expect(run.stdout).toMatch(/Warning:\s+The awssig library signs this host only when a rule names it/)
  })
})

describe('errors', () => {
  it('a bad rules file exits 2 with one sentence naming the rule', async () => {
    const rules = join(dir, 'bad-rules.json')
    await writeFile(
      rules,
      JSON.stringify([
        { host: 'a.example', service: 'execute-api', region: 'eu-west-1', algorithm: 'sigv5' },
      ]),
    )
    const run = await awssig(['--rules', rules, 'https://a.example/'])
    expect(run.code).toBe(2)
    expectOneSentence(run.stderr)
    expect(run.stderr).toContain('rules[0]')
    expect(run.stderr).toContain('algorithm')
  })

  it('a misspelt field or invalid JSON in the rules file exits 2', async () => {
    const misspelt = join(dir, 'misspelt.json')
    await writeFile(
      misspelt,
      JSON.stringify([{ host: 'a.example', service: 'execute-api', regoin: 'eu-west-1' }]),
    )
    const first = await awssig(['--rules', misspelt, 'https://a.example/'])
    expect(first.code).toBe(2)
    expectOneSentence(first.stderr)
    expect(first.stderr).toContain('did you mean "region"?')

    const broken = join(dir, 'broken.json')
    await writeFile(broken, '[{ "host": ')
    const second = await awssig(['--rules', broken, 'https://a.example/'])
    expect(second.code).toBe(2)
    expectOneSentence(second.stderr)
    expect(second.stderr).toContain('is not valid JSON')
  })

  it('http: to an AWS hostname no rule or flag names exits 3 and sends nothing (clear text)', async () => {
    const before = server.requests.length
    const run = await awssig([...local(), `http://${apiHost}/prod/items`])
    expect(run.code).toBe(3)
    expectOneSentence(run.stderr)
    expect(run.stderr).toContain('only for a host a rule names')
    expect(server.requests.length).toBe(before)
    const named = await awssig([...local(), '--service', 'execute-api', `http://${apiHost}/prod/items`])
    expect(named.code).toBe(0)
  })

  it('a failing credential_process whose command line holds the secret: the sentence quotes neither', async () => {
    const config = join(dir, 'process-secret-config')
    await writeFile(
      config,
      `[profile leaky]\ncredential_process = ${process.execPath} -e "process.exit(1)" ${sessionCredentials.secretAccessKey} ${sessionCredentials.sessionToken}\n`,
    )
    const run = await awssig([...localApi(), '--profile', 'leaky', `http://${apiHost}/prod/items`], {
      AWS_CONFIG_FILE: config,
    })
    expect(run.code).toBe(3)
    expectOneSentence(run.stderr)
    expect(run.stderr).toMatch(/^awssig: Could not load credentials for profile "leaky"/)
    expect(run.stderr).toContain('credential_process')
    for (const secret of [sessionCredentials.secretAccessKey, sessionCredentials.sessionToken]) {
      expect(run.stderr).not.toContain(secret)
      expect(run.stdout).not.toContain(secret)
    }
  })

  it('a missing credential exits 3 with one sentence saying what to set', async () => {
    const before = server.requests.length
    const run = await awssig([...localApi(), `http://${apiHost}/prod/items`], {})
    expect(run.code).toBe(3)
    expectOneSentence(run.stderr)
    expect(run.stderr).toContain('AWS_ACCESS_KEY_ID')
    expect(server.requests.length).toBe(before)
  })

  it('an unknown flag exits 2; --help exits 0 with examples', async () => {
    const bad = await awssig(['--regoin', 'x', 'https://a.example/'])
    expect(bad.code).toBe(2)
    expectOneSentence(bad.stderr)
    expect(bad.stderr).toContain("unknown option '--regoin'")

    const help = await awssig(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Examples:')
    expect(help.stdout).toContain("--region-set 'us-*'")
  })

  it('a host no rule or AWS pattern claims exits 3', async () => {
    const run = await awssig(['https://example.org/'])
    expect(run.code).toBe(3)
    expectOneSentence(run.stderr)
  })
})
