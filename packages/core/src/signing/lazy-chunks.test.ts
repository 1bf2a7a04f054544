import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The modules loaded with import() must import nothing at run time: anything they shared with the main
// bundle would be split by bundlers into a chunk of its own, loaded up front, which costs more gzip bytes
// than the lazy module saves. Their helpers (hash primitives, canonicalization) are passed in instead.
const LAZY_MODULES = ['presign-query.ts', 'sigv4a.ts', 'sigv4a-key.ts']

describe('lazily loaded signing modules', () => {
  it.each(LAZY_MODULES)('%s imports at run time only other lazy modules', (file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8')
    const imports = source.match(/^import\s.*$/gm) ?? []
    expect(imports.length).toBeGreaterThan(0)
    const runtime = imports.filter((line) => !line.startsWith('import type '))
    const outside = runtime.filter(
      (line) => !LAZY_MODULES.some((lazy) => line.endsWith(`'./${lazy.slice(0, -3)}'`)),
    )
    expect(outside).toEqual([])
  })
})
