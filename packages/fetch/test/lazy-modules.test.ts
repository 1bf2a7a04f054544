import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Redirect following loads with import() after a 3xx answer, and reading a `Request` input the first time
// one is passed. If either imported anything at run time from the request path, bundlers would split that
// into a chunk loaded up front, and the browser bundle would grow.
const LAZY_MODULES = [
  { file: 'follow-redirects.ts', loader: 'send-signed.ts' },
  { file: 'request-input.ts', loader: 'create-signed-fetch.ts' },
]
const UP_FRONT = [
  'send-signed.ts',
  'create-signed-fetch.ts',
  'credential-headers.ts',
  'environment.ts',
  'index.ts',
]

describe.each(LAZY_MODULES)('the lazily loaded $file', ({ file, loader }) => {
  const source = (name: string) => readFileSync(new URL(`../src/${name}`, import.meta.url), 'utf8')
  const name = file.replace(/\.ts$/, '')

  it('imports only types', () => {
    const imports = source(file).match(/^import\s[^']*'[^']+'/gm) ?? []
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((line) => !line.startsWith('import type '))).toEqual([])
  })

  it('is reached from the request path only through import()', () => {
    for (const upFront of UP_FRONT) {
      expect(source(upFront), upFront).not.toMatch(new RegExp(`from '\\./${name}'`))
    }
    expect(source(loader)).toMatch(new RegExp(`import\\('\\./${name}'\\)`))
  })
})
