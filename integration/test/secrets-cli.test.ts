import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWSSIG_BIN as bin, type Run, runAwssig } from '@awssig/test-utils/run-awssig'
import { describeFindings, findSecrets, type KnownSecret } from '@awssig/test-utils/secret-scan'
import type { VerifierCredentials } from '@awssig/testing'
import { startVerifyingServer, type VerifyingServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_HOST, BUCKET_HOST, ENDPOINTS } from './support/endpoints'

// The built binary, as users run it (spawned: `-v` and error output go to the real stdout/stderr).

// Shaped like AWS's (base64 alphabet with `/`, `+`, `=`), so percent- and JSON-encoded copies differ too.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/cli+session/token+Zm9vYmFy=='
const KEY_ID = 'ASIACLISWEEPEXAMPLE'
const SECRET_KEY: KnownSecret = { label: 'secret key', value: SECRET }
const SESSION_TOKEN: KnownSecret = { label: 'session token', value: TOKEN }
const BOTH = [SECRET_KEY, SESSION_TOKEN]

const SIGV4A_HOST = 'api.example.com'
const identity: VerifierCredentials = { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN }
const account: VerifierCredentials[] = [identity]

let server: VerifyingServer
let dir: string

beforeAll(async () => {
  if (!existsSync(bin))
    throw new Error(`${bin} is missing: build it with pnpm --filter @awssig/cli run build`)
  server = await startVerifyingServer({
    port: 0,
    credentials: account,
    endpoints: {
      ...ENDPOINTS,
      [SIGV4A_HOST]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a', sigv4aOnly: true },
    },
  })
  dir = await mkdtemp(join(tmpdir(), 'awssig-secrets-'))
  await writeFile(
    join(dir, 'consent-rules.json'),
    JSON.stringify([{ host: API_HOST }, { host: BUCKET_HOST }]),
  )
})

afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const sessionEnv = {
  AWS_ACCESS_KEY_ID: KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_SESSION_TOKEN: TOKEN,
}

/** Runs the built binary with a clean environment: only what the test passes. */
function awssig(args: string[], env: Record<string, string> = sessionEnv) {
  return runAwssig(dir, args, env)
}

const connectTo = () => ['--connect-to', `::127.0.0.1:${server.port}`]
/**
 * The loopback server speaks no TLS, so these runs send http: to AWS hostnames. Inference never signs clear
 * text: a rules file naming the hosts gives the consent (as for a local emulator).
 */
const local = () => [...connectTo(), '--rules', join(dir, 'consent-rules.json')]

function expectClean(source: string, text: string, secrets: readonly KnownSecret[] = BOTH): void {
  const findings = findSecrets(text, secrets, source)
  expect(findings, describeFindings(findings)).toEqual([])
}

describe('awssig -v with session credentials: stdout and stderr hold neither the secret nor the token', () => {
  const cases: Array<[string, string[]]> = [
    ['GET', ['-v', `http://${API_HOST}/prod/items?b=2&a=1`]],
    [
      'POST JSON',
      ['-v', '-H', 'content-type: application/json', '-d', '{"a":1}', `http://${API_HOST}/prod/items`],
    ],
    ['S3 PUT', ['-v', '-X', 'PUT', '--data-binary', 'bytes', `http://${BUCKET_HOST}/objects/a.txt`]],
    [
      'SigV4A',
      ['-v', '--service', 'execute-api', '--sigv4a', '--region-set', 'us-*', `http://${SIGV4A_HOST}/orders`],
    ],
    ['-i -v', ['-i', '-v', `http://${API_HOST}/prod/items`]],
  ]
  it.each(cases)('%s', async (_name, args) => {
    const run = await awssig([...local(), ...args])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))).ok).toBe(true)
    // The -v block really was printed, including the token header's line (redacted) and the canonical request.
    expect(run.stderr.toLowerCase()).toContain('x-amz-security-token')
    expect(run.stderr).toMatch(/canonical request/i)
    expectClean('stdout', run.stdout)
    expectClean('stderr', run.stderr)
  })

  it('--presign -v: stderr is clean; stdout is the URL, which carries the token (by design) but not the secret', async () => {
    const run = await awssig([
      ...local(),
      '-v',
      '--presign',
      '--expires',
      '600',
      `https://${BUCKET_HOST}/q3.pdf`,
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).not.toBe('')
    expectClean('stderr', run.stderr)
    expectClean('stdout', run.stdout, [SECRET_KEY])
    // Control: the presigned URL must hold the token (percent-encoded), and the scan finds it there.
    expect(findSecrets(run.stdout, [SESSION_TOKEN]).map((f) => f.form)).toEqual(['uri'])
    // And that URL verifies, so the -v output above belongs to a real signature.
    const answer = await server.fetch(run.stdout.trim())
    expect(answer.status).toBe(200)
  })

  it('explain --json and explain for AWS, rule and unclaimed hosts', async () => {
    const rules = join(dir, 'explain-rules.json')
    await writeFile(
      rules,
      JSON.stringify([{ host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' }]),
    )
    const runs: Array<[string, string[]]> = [
      ['json, API Gateway', ['explain', '--json', `https://${API_HOST}/prod`]],
      ['text, S3', ['explain', `https://${BUCKET_HOST}/k`]],
      ['text, rules file', ['explain', '--rules', rules, 'https://orders.corp.example/x']],
      ['json, rules file', ['explain', '--json', '--rules', rules, 'https://orders.corp.example/x']],
      ['text, unclaimed', ['explain', 'https://nobody.example/']],
      [
        'json, SigV4A flags',
        ['explain', '--json', '--service', 'execute-api', '--sigv4a', `https://${SIGV4A_HOST}/`],
      ],
    ]
    for (const [name, args] of runs) {
      const run = await awssig(args)
      expect(run.stdout + run.stderr).not.toBe('')
      expectClean(`explain (${name}): stdout`, run.stdout)
      expectClean(`explain (${name}): stderr`, run.stderr)
    }
  })

  // `explain` once echoed a presigned URL verbatim, token and signature included; it now redacts them as `-v`
  // does.
  it.each(['--json', 'text'])('explain %s of a presigned URL does not echo its token', async (mode) => {
    const url = `https://${BUCKET_HOST}/k?X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=abc`
    const run = await awssig(mode === '--json' ? ['explain', '--json', url] : ['explain', url])
    expect(run.code).toBe(0)
    expectClean(`explain ${mode} (presigned URL): stdout`, run.stdout)
    expectClean(`explain ${mode} (presigned URL): stderr`, run.stderr)
  })
})

describe('awssig failing inputs: one clean sentence on stderr', () => {
  it('a signature AWS refuses (-v): stderr is clean, the AWS body on stdout is what the server sent', async () => {
    identity.secretAccessKey = 'the-server-holds-another-secret'
    let run: Run
    try {
      run = await awssig([...local(), '-v', '-d', 'x=1', `http://${API_HOST}/prod/items`])
    } finally {
      identity.secretAccessKey = SECRET
    }
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/signature we calculated does not match/)
    expectClean('stderr', run.stderr)
    // stdout is the server's answer printed as received (as curl does). Like API Gateway's, it quotes the
    // canonical request, token header included: that is AWS's text, not awssig's. It never holds the secret key.
    expectClean('stdout', run.stdout, [SECRET_KEY])
  })

  const bad: Array<[string, number, () => Promise<Run>]> = [
    [
      'secret without key id',
      3,
      () =>
        awssig([...local(), '-v', `http://${API_HOST}/x`], {
          AWS_SECRET_ACCESS_KEY: SECRET,
          AWS_SESSION_TOKEN: TOKEN,
        }),
    ],
    [
      'key id and token without secret',
      3,
      () =>
        awssig([...local(), '-v', `http://${API_HOST}/x`], {
          AWS_ACCESS_KEY_ID: KEY_ID,
          AWS_SESSION_TOKEN: TOKEN,
        }),
    ],
    ['unclaimed host', 3, () => awssig([...local(), '-v', 'http://nobody.example/x'])],
    ['bad --expires', 2, () => awssig(['--presign', '--expires', '0', `http://${BUCKET_HOST}/k`])],
    [
      'rules file with keys in a rule',
      2,
      async () => {
        const file = join(dir, 'keys-rules.json')
        await writeFile(
          file,
          JSON.stringify([
            { host: 'a.corp.example', service: 'execute-api', region: 'eu-west-1', secretAccessKey: SECRET },
          ]),
        )
        return awssig([...connectTo(), '-v', '--rules', file, 'http://a.corp.example/x'])
      },
    ],
    [
      'rules file with credentials in a rule',
      2,
      async () => {
        const file = join(dir, 'credentials-rules.json')
        await writeFile(
          file,
          JSON.stringify({
            rules: [
              {
                host: 'a.corp.example',
                credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN },
              },
            ],
          }),
        )
        return awssig([...connectTo(), '-v', '--rules', file, 'http://a.corp.example/x'])
      },
    ],
    [
      'rules file that is invalid JSON next to a secret',
      2,
      async () => {
        const file = join(dir, 'broken-rules.json')
        await writeFile(file, `[{"host": "a.corp.example", "note": "${SECRET}" "token": "${TOKEN}"}]`)
        return awssig([...connectTo(), '-v', '--rules', file, 'http://a.corp.example/x'])
      },
    ],
    [
      'credential_process that fails after printing the secret',
      3,
      async () => {
        const script = join(dir, 'failing-process.mjs')
        await writeFile(
          script,
          `process.stdout.write(${JSON.stringify(`partial {"SecretAccessKey":"${SECRET}","SessionToken":"${TOKEN}"`)})\n` +
            `process.stderr.write(${JSON.stringify(`refresh failed for ${SECRET} ${TOKEN}`)})\nprocess.exit(1)\n`,
        )
        await chmod(script, 0o755)
        const config = join(dir, 'process-config')
        await writeFile(config, `[profile broken]\ncredential_process = ${process.execPath} ${script}\n`)
        return awssig([...local(), '-v', '--profile', 'broken', `http://${API_HOST}/x`], {
          AWS_CONFIG_FILE: config,
        })
      },
    ],
    [
      'credential_process that prints garbage holding the secret',
      3,
      async () => {
        const script = join(dir, 'garbage-process.mjs')
        await writeFile(
          script,
          `process.stdout.write(${JSON.stringify(JSON.stringify({ Version: 2, SecretAccessKey: SECRET, SessionToken: TOKEN }))})\n`,
        )
        const config = join(dir, 'garbage-config')
        await writeFile(config, `[profile garbage]\ncredential_process = ${process.execPath} ${script}\n`)
        return awssig([...local(), '-v', '--profile', 'garbage', `http://${API_HOST}/x`], {
          AWS_CONFIG_FILE: config,
        })
      },
    ],
    [
      'credentials file profile without a key id',
      3,
      async () => {
        const file = join(dir, 'partial-credentials')
        await writeFile(file, `[partial]\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`)
        return awssig([...local(), '-v', '--profile', 'partial', `http://${API_HOST}/x`], {
          AWS_SHARED_CREDENTIALS_FILE: file,
        })
      },
    ],
  ]
  it.each(bad)('%s', async (_name, code, run) => {
    const result = await run()
    expect(result.code, result.stderr).toBe(code)
    expect(result.stderr).toMatch(/^awssig: /m)
    expectClean('stdout', result.stdout)
    expectClean('stderr', result.stderr)
  })
})
