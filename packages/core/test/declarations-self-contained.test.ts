import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The published declarations import nothing but each other: a package they named (such as
// @smithy/types, whose files need Node's types) would make a browser project without @types/node fail
// to type-check. packed/test/types.test.ts proves the same from the packed tarball.
const DIST = new URL('../dist/', import.meta.url)
const built = existsSync(DIST)

describe.skipIf(!built)('core’s published declarations', () => {
  it('import only their own files', () => {
    const files = readdirSync(DIST).filter((name) => /\.d\.c?ts$/.test(name))
    expect(files.length).toBeGreaterThan(2)
    const external: string[] = []
    for (const file of files) {
      const text = readFileSync(new URL(file, DIST), 'utf8')
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] ?? ''
        // The package itself (`@awssig/core`, `@awssig/core/credentials`): the realtime entry imports the main
        // one by name so both share one copy of the error classes; JSDoc examples name the subpaths.
        const own = specifier === '@awssig/core' || specifier.startsWith('@awssig/core/')
        if (!specifier.startsWith('.') && !own) external.push(`${file}: ${specifier}`)
      }
      for (const match of text.matchAll(/\/\/\/\s*<reference\s+types="([^"]+)"/g)) {
        external.push(`${file}: reference ${match[1]}`)
      }
    }
    expect(external).toEqual([])
  })
})
