import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { run } from './support/run'

const projects = packedProjects()

describe.skipIf(!projects)('packed packages in a fresh npm project, in Node', () => {
  for (const script of ['esm.mjs', 'cjs.cjs']) {
    it(`${script}: fetch, ky and axios requests pass the loopback verifier`, () => {
      const result = run(process.execPath, [script], { cwd: projects?.node ?? '' })
      expect(result.status, result.output).toBe(0)
      const line = JSON.parse(result.output.trim().split('\n').at(-1) ?? '{}')
      expect(line).toMatchObject({ fetch: 200, ky: 200, axios: 200 })
      expect(line.verified.map((entry: { status: number }) => entry.status)).toEqual([200, 200, 200])
    })
  }

  it('the project has no workspace link: every @awssig package is an installed copy', () => {
    const result = run(process.execPath, ['-p', "require.resolve('@awssig/core')"], {
      cwd: projects?.node ?? '',
    })
    // `require` under the `node` condition: the minified CommonJS build for Node, not the neutral index.cjs.
    expect(result.output.trim()).toBe(
      join(projects?.node ?? '', 'node_modules/@awssig/core/dist/index.node.cjs'),
    )
  })
})
