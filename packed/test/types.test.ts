import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { run } from './support/run'

const projects = packedProjects()

// tsc with TypeScript's defaults otherwise: no skipLibCheck, so the packages' declarations are checked.
describe.skipIf(!projects)('packed declarations under tsc --noEmit, strict', () => {
  const tsc = (dir: string, config: string) =>
    run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: dir })

  for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
    it(`${config} (Node project with @types/node)`, () => {
      const result = tsc(projects?.node ?? '', config)
      expect(result.output).toBe('')
      expect(result.status).toBe(0)
    })
  }

  it('tsconfig.browser.json in a project without @types/node', () => {
    const dir = projects?.types ?? ''
    expect(existsSync(join(dir, 'node_modules/@types/node'))).toBe(false)
    const result = tsc(dir, 'tsconfig.browser.json')
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })
})
