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

  // The lowest peers: seen failing before the ky adapter typed its beforeRetry hook for ky < 1.13 (TS2322 on
  // `hooks:`).
  const nodeProjects = [
    { dir: projects?.node, title: '(Node project with @types/node)' },
    {
      dir: projects?.lowestPeers,
      title: `against the lowest peers (axios ${LOWEST_PEERS.axios}, ky ${LOWEST_PEERS.ky})`,
    },
    { dir: projects?.lowestKy2, title: `against the lowest peers (ky ${LOWEST_KY2.ky})` },
  ]
  for (const { dir, title } of nodeProjects) {
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      it(`${config} ${title}`, () => {
        const result = tsc(dir ?? '', config)
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
