import { writeFile } from 'node:fs/promises'
import type { SignResult } from '@awssig/core'
import { ExitCode, type ExitCodeValue, UsageError } from '../cli-error'
import type { CliIo } from '../cli-io'
import { redactHeader, redactSecrets } from '../output/redact'
import { type BodyFlags, buildBody } from '../request/build-body'
import { parseUrl } from '../request/parse-url'
import { buildSigner, describePlan, type SigningFlags } from '../signing/build-signer'
import { type ConnectOverride, parseConnectTo, parseResolve } from '../transport/connect-override'
import { sendRequest } from '../transport/send-request'

/** Flags of `awssig [options] URL`. */
export interface RequestFlags extends SigningFlags, BodyFlags {
  /** `-X`: the method. @default GET, or POST when a body is given */
  request?: string
  /** `-H "Name: value"`, repeatable. */
  header?: string[]
  /** `-i`: print the status line and response headers before the body. */
  include?: boolean
  /** `-o FILE`: write the body to a file instead of stdout. */
  output?: string
  /** Print a presigned URL instead of sending. */
  presign?: boolean
  /** Lifetime of a presigned URL in seconds. @default '900' */
  expires?: string
  connectTo?: string[]
  resolve?: string[]
  /** `-m`: give up after this many seconds. */
  maxTime?: string
  /** `-k`: accept any TLS certificate. */
  insecure?: boolean
  /** `-v`: print the plan, canonical request, string to sign and both header blocks to stderr. */
  verbose?: boolean
}

/**
 * `awssig [options] URL`: signs the request with the plan awssig resolves for the URL's host, sends it,
 * and writes the response body to stdout. Returns the exit code: 0 for a 2xx, 1 otherwise.
 * Signing and usage failures are thrown as `CliError`s.
 *
 * @example
 * await requestCommand('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08', {}, io)
 */
export async function requestCommand(rawUrl: string, flags: RequestFlags, io: CliIo): Promise<ExitCodeValue> {
  const url = parseUrl(rawUrl)
  const connectTo: ConnectOverride[] = [
    ...(flags.connectTo ?? []).map(parseConnectTo),
    ...(flags.resolve ?? []).map(parseResolve),
  ]
  const headers = parseHeaders(flags.header ?? [])
  const { body, contentType } = await buildBody(flags, io.readStdin)
  if (contentType && !headers.has('content-type')) headers.set('content-type', contentType)
  const method = (flags.request ?? (body === undefined ? 'GET' : 'POST')).toUpperCase()
  const timeoutMs =
    flags.maxTime === undefined ? undefined : parsePositive(flags.maxTime, '--max-time') * 1000
  const { signer, describeRule } = await buildSigner(url, flags)

  if (flags.presign) {
    if (body !== undefined) throw new UsageError('--presign cannot send a body; drop -d/--data-binary/-F.')
    const expiresIn = parseExpires(flags.expires ?? '900')
    const presigned = await signer.presign({ method, url: url.href, headers }, { expiresIn })
    if (flags.verbose) {
      const plan = await signer.resolve(url.href)
      if (plan) io.stderr.write(`* plan: ${describePlan(plan)}, from ${describeRule(plan.ruleIndex)}\n`)
    }
    io.stdout.write(`${presigned}\n`)
    return ExitCode.ok
  }

  const signed = await signer.sign({ method, url: url.href, headers, body }, { debug: flags.verbose })
  if (flags.verbose) printSigningDetails(signed, describeRule, io)
  const outgoingBody = toBytes(signed.request.body)
  if (flags.verbose) printRequestHead(signed, io)
  const response = await sendRequest(
    {
      method: signed.request.method,
      url: signed.request.url,
      headers: signed.request.headers,
      body: outgoingBody,
    },
    { connectTo, timeoutMs, insecure: flags.insecure },
  )
  const head = [
    `HTTP/${response.httpVersion} ${response.status} ${response.statusText}`,
    ...response.headers.map(([name, value]) => `${name}: ${value}`),
  ]
  if (flags.verbose) io.stderr.write(`${head.map((line) => `< ${line}`).join('\n')}\n<\n`)
  if (flags.include) io.stdout.write(`${head.join('\r\n')}\r\n\r\n`)
  if (flags.output) {
    await writeFile(flags.output, response.body)
  } else {
    io.stdout.write(response.body)
  }
  const ok = response.status >= 200 && response.status < 300
  if (!ok) io.stderr.write(`awssig: the server answered ${response.status} ${response.statusText}.\n`)
  return ok ? ExitCode.ok : ExitCode.httpError
}

function parseHeaders(lines: string[]): Headers {
  const headers = new Headers()
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon <= 0) throw new UsageError(`-H "${line}" must look like "Name: value".`)
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
    } catch (error) {
      throw new UsageError(`-H "${line}" is not a valid header.`, { cause: error })
    }
  }
  return headers
}

function parseExpires(value: string): number {
  const seconds = Number(value)
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 604800) {
    throw new UsageError(
      `--expires must be a whole number of seconds from 1 to 604800 (7 days), not "${value}".`,
    )
  }
  return seconds
}

function parsePositive(value: string, flag: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`${flag} must be a positive number of seconds.`)
  return number
}

function toBytes(body: SignResult['request']['body']): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  return new Uint8Array(body)
}

function printSigningDetails(signed: SignResult, describeRule: (index?: number) => string, io: CliIo): void {
  const { plan } = signed
  if (!plan) {
    io.stderr.write('* not signed: the request already carries a signature\n')
    return
  }
  io.stderr.write(`* plan: ${describePlan(plan)}, from ${describeRule(plan.ruleIndex)}\n`)
  io.stderr.write(`* reason: ${plan.reason}\n`)
  for (const warning of plan.warnings) io.stderr.write(`* warning: ${warning}\n`)
  if (signed.canonicalRequest !== undefined) {
    io.stderr.write(`* canonical request:\n${indent(redactSecrets(signed.canonicalRequest))}\n`)
  }
  if (signed.stringToSign !== undefined) {
    io.stderr.write(`* string to sign:\n${indent(redactSecrets(signed.stringToSign))}\n`)
  }
}

function printRequestHead(signed: SignResult, io: CliIo): void {
  const url = new URL(signed.request.url)
  const lines = [
    `${signed.request.method} ${url.pathname}${redactSecrets(url.search)} HTTP/1.1`,
    `host: ${url.host}`,
  ]
  signed.request.headers.forEach((value, name) => {
    lines.push(`${name}: ${redactHeader(name, value)}`)
  })
  io.stderr.write(`${lines.map((line) => `> ${line}`).join('\n')}\n>\n`)
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
