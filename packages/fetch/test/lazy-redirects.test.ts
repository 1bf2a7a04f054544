import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Redirect following loads with import() after a 3xx answer. If it imported anything at run time from the
// request path, bundlers would split that into a chunk loaded up front, and the browser bundle would grow.
describe('the lazily loaded redirect code', () => {
  const source = (file: string) => readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8')

  it('imports only types', () => {
    const imports = source('follow-redirects.ts').match(/^import\s[^']*'[^']+'/gm) ?? []
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((line) => !line.startsWith('import type '))).toEqual([])
  })

  it('is reached from the request path only through import()', () => {
    for (const file of ['send-signed.ts', 'create-signed-fetch.ts', 'credential-headers.ts', 'index.ts']) {
      expect(source(file), file).not.toMatch(/from '\.\/follow-redirects'/)
    }
    expect(source('send-signed.ts')).toMatch(/import\('\.\/follow-redirects'\)/)
  })
})
