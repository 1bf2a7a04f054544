import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { packedSkipReason } from './lane'
import { createProject, LOWEST_KY2, LOWEST_PEERS, packAll } from './projects'

declare module 'vitest' {
  export interface ProvidedContext {
    packed:
      | { skip: string }
      | {
          projects: { node: string; types: string; bundlers: string; lowestPeers: string; lowestKy2: string }
        }
  }
}

const workspaceRoot = fileURLToPath(new URL('../../..', import.meta.url))
const fixtures = fileURLToPath(new URL('../../fixtures', import.meta.url))

/**
 * Packs the packages once and installs five fresh projects outside the workspace:
 * node (ESM/CJS scripts, tsc with @types/node, the CLI, the runtime smoke test for Bun, Deno and workerd), types (tsc for a browser: no @types/node
 * installed at all), bundlers (Vite and webpack), and lowestPeers and lowestKy2 (tsc against the lowest axios, ky 1 and
 * ky 2 of the adapters' peer ranges).
 */
export default function setup(project: TestProject) {
  const skip = packedSkipReason()
  if (skip) {
    console.log(`packed: skipped (${skip})`)
    project.provide('packed', { skip })
    return
  }
  const base = mkdtempSync(join(tmpdir(), 'awssig-packed-'))
  const tarballs = packAll(workspaceRoot, join(base, 'tarballs'))
  const all = Object.keys(tarballs)
  const adapters = ['@awssig/core', '@awssig/fetch', '@awssig/axios', '@awssig/ky']
  const projects = {
    node: join(base, 'node'),
    types: join(base, 'types'),
    bundlers: join(base, 'bundlers'),
    lowestPeers: join(base, 'lowest-peers'),
    lowestKy2: join(base, 'lowest-ky2'),
  }
  try {
    createProject({
      dir: projects.node,
      fixtures: [join(fixtures, 'node'), join(fixtures, 'types'), join(fixtures, 'runtimes')],
      tarballs,
      packages: all,
      // esbuild bundles the runtime smoke test for workerd, as wrangler would.
      thirdParty: ['axios', 'ky', 'typescript', '@types/node', 'esbuild'],
    })
    createProject({
      dir: projects.types,
      fixtures: [join(fixtures, 'types')],
      tarballs,
      packages: adapters,
      thirdParty: ['axios', 'ky', 'typescript'],
    })
    // ky 1.7's own declarations name the NodeJS namespace, so these projects have @types/node (a browser project
    // on ky 1.7 needs it whatever awssig does).
    for (const [dir, versions] of [
      [projects.lowestPeers, LOWEST_PEERS],
      [projects.lowestKy2, LOWEST_KY2],
    ] as const) {
      createProject({
        dir,
        fixtures: [join(fixtures, 'types')],
        tarballs,
        packages: adapters,
        thirdParty: ['axios', 'ky', 'typescript', '@types/node'],
        versions,
      })
    }
    createProject({
      dir: projects.bundlers,
      fixtures: [join(fixtures, 'bundlers')],
      tarballs,
      packages: adapters,
      thirdParty: ['ky', 'vite', 'webpack'],
    })
  } catch (error) {
    // A stalled npm install (spawnSync ETIMEDOUT) used to be a printed skip. Its cause was found (.ci/run's
    // keep_global_npmrc: npm under the registry's Node lost the machine's CA) and fixed, so a stall is now a
    // failure like any other install error: packaging tests that silently did not run prove nothing.
    if (process.env.AWSSIG_PACKED_KEEP !== '1') rmSync(base, { recursive: true, force: true })
    throw error
  }
  project.provide('packed', { projects })
  // AWSSIG_PACKED_KEEP=1 keeps the projects for a look after a failure.
  if (process.env.AWSSIG_PACKED_KEEP === '1') console.log(`packed: projects kept in ${base}`)
  else return () => rmSync(base, { recursive: true, force: true })
}
