import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const generator = fileURLToPath(new URL('../../scripts/generate-aws-hosts.mjs', import.meta.url))

describe('aws-hosts.generated.ts', () => {
  it('is exactly what scripts/generate-aws-hosts.mjs makes from its pinned inputs', () => {
    const output = execFileSync(process.execPath, [generator, '--check'], { encoding: 'utf8' })
    expect(output).toContain('is up to date')
  })
})
