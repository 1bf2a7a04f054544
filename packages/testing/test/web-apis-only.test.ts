import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const VERIFY_DIR = fileURLToPath(new URL('../src/verify/', import.meta.url))

describe('src/verify uses Web APIs only (it runs in browsers and workers)', () => {
  it.each(readdirSync(VERIFY_DIR).filter((f) => f.endsWith('.ts')))(
    '%s imports no Node built-in and no signer',
    (file) => {
      const source = readFileSync(`${VERIFY_DIR}${file}`, 'utf8')
      expect(source).not.toMatch(/from ['"](node:|fs|http|crypto|buffer)['"/]/)
      expect(source).not.toMatch(/\b(Buffer|process)\./)
      expect(source).not.toMatch(/@awssig\/core|@smithy\//)
    },
  )
})
