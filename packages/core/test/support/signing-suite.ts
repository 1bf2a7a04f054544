import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { SUITE_DIR } from '@awssig/test-utils/signing-suite'

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

/** A request as written in `request.txt`: raw path, headers in order (folded lines kept), body. */
export interface SuiteRequest {
  method: string
  target: string
  headers: [name: string, value: string][]
  body: string
}

export interface SuiteCase {
  algorithm: 'v4' | 'v4a'
  name: string
  context: SuiteContext
  request: SuiteRequest
  /** Expected output files (no trailing newline), undefined when the suite has only inputs. */
  expected(file: string): string | undefined
}

export function loadSuite(algorithm: 'v4' | 'v4a'): SuiteCase[] {
  const root = `${SUITE_DIR}${algorithm}/`
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = `${root}${name}/`
      return {
        algorithm,
        name,
        context: JSON.parse(readFileSync(`${dir}context.json`, 'utf8')) as SuiteContext,
        request: parseRequest(readFileSync(`${dir}request.txt`, 'utf8')),
        expected: (file: string) =>
          existsSync(`${dir}${file}`) ? readFileSync(`${dir}${file}`, 'utf8') : undefined,
      }
    })
}

/** Parses `request.txt`; a line starting with whitespace continues the previous header (obsolete folding). */
export function parseRequest(text: string): SuiteRequest {
  const normalized = text.replace(/\r\n/g, '\n')
  const split = normalized.indexOf('\n\n')
  const head = split === -1 ? normalized.replace(/\n$/, '') : normalized.slice(0, split)
  const body = split === -1 ? '' : normalized.slice(split + 2).replace(/\n$/, '')
  const [requestLine = '', ...lines] = head.split('\n')
  const match = /^(\S+) (.*) HTTP\/1\.1$/.exec(requestLine)
  if (!match) throw new Error(`bad request line: ${requestLine}`)
  const headers: [string, string][] = []
  for (const line of lines) {
    if (/^\s/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!
      last[1] = `${last[1]}\n${line}`
      continue
    }
    const colon = line.indexOf(':')
    headers.push([line.slice(0, colon), line.slice(colon + 1)])
  }
  return { method: match[1]!, target: match[2]!, headers, body }
}
