import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { LOWEST_KY2, LOWEST_PEERS } from './support/projects'
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

  // Seen failing before the ky adapter typed its beforeRetry hook for ky < 1.13 (TS2322 on `hooks:`).
  const lowest = [
    { label: `axios ${LOWEST_PEERS.axios}, ky ${LOWEST_PEERS.ky}`, dir: () => projects?.lowestPeers },
    { label: `ky ${LOWEST_KY2.ky}`, dir: () => projects?.lowestKy2 },
  ]
  for (const { label, dir } of lowest) {
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      it(`${config} against the lowest peers (${label})`, () => {
        const result = tsc(dir() ?? '', config)
        expect(result.output).toBe('')
        expect(result.status).toBe(0)
      })
    }
  }

  it('tsconfig.browser.json in a project without @types/node', () => {
    const dir = projects?.types ?? ''
    expect(existsSync(join(dir, 'node_modules/@types/node'))).toBe(false)
    const result = tsc(dir, 'tsconfig.browser.json')
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })
})
