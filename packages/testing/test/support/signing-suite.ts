import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { SUITE_DIR } from '@awssig/test-utils/signing-suite'

/** A request as written in the suite's `*.txt` files: request line, raw header lines, body. */
export interface RawRequest {
  method: string
  /** The request target exactly as written (may hold raw spaces and UTF-8). */
  target: string
  path: string
  query: string
  headerLines: string[]
  body: string
}

export interface SuiteContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string }
  expiration_in_seconds: number
  normalize: boolean
  region: string
  service: string
  sign_body: boolean
  timestamp: string
  omit_session_token?: boolean
}

export interface SuiteCase {
  version: 'v4' | 'v4a'
  name: string
  dir: string
  context: SuiteContext
  request: RawRequest
  hasExpected: boolean
  read(file: string): string
  publicKey?: { X: string; Y: string }
}

/** Parses a suite request file. The request line is `METHOD target HTTP/1.1`; the target may hold spaces. */
export function parseRawRequest(text: string): RawRequest {
  const blank = text.indexOf('\n\n')
  const head = blank === -1 ? text.replace(/\n$/, '') : text.slice(0, blank)
  const body = blank === -1 ? '' : text.slice(blank + 2)
  const [requestLine = '', ...headerLines] = head.split('\n')
  const method = requestLine.slice(0, requestLine.indexOf(' '))
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' HTTP/'))
  const question = target.indexOf('?')
  return {
    method,
    target,
    path: question === -1 ? target : target.slice(0, question),
    query: question === -1 ? '' : target.slice(question + 1),
    headerLines,
    body,
  }
}

/** Every case directory of v4 and v4a, in name order. */
export function loadSuite(): SuiteCase[] {
  const cases: SuiteCase[] = []
  for (const version of ['v4', 'v4a'] as const) {
    for (const name of readdirSync(`${SUITE_DIR}${version}`).sort()) {
      const dir = `${SUITE_DIR}${version}/${name}/`
      const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8')
      const suiteCase: SuiteCase = {
        version,
        name,
        dir,
        context: JSON.parse(read('context.json')) as SuiteContext,
        request: parseRawRequest(read('request.txt')),
        hasExpected: existsSync(`${dir}header-canonical-request.txt`),
        read,
      }
      if (existsSync(`${dir}public-key.json`)) suiteCase.publicKey = JSON.parse(read('public-key.json'))
      cases.push(suiteCase)
    }
  }
  return cases
}

/** The value of one raw header line (`Name:value`), by case-insensitive name. */
export function headerValue(lines: readonly string[], name: string): string | undefined {
  const line = lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(line.indexOf(':') + 1)
}

/** Builds a fetch Request from a suite request (https, host from the Host line; other headers as written). */
export function toFetchRequest(raw: RawRequest): Request {
  const host = headerValue(raw.headerLines, 'host')!.trim()
  const headers = new Headers()
  for (const line of raw.headerLines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon)
    if (name.toLowerCase() === 'host') continue
    headers.append(name, line.slice(colon + 1))
  }
  return new Request(`https://${host}${raw.target}`, {
    method: raw.method,
    headers,
    ...(raw.body !== '' ? { body: raw.body } : {}),
  })
}
