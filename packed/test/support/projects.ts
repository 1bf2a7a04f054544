import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run, runOrThrow } from './run'

/**
 * The lowest versions of the adapters' peer ranges (`@awssig/axios`: axios >=1.7.0 <2, `@awssig/ky`: ky >=1.7.0
 * <3): their type definitions differ from the pinned ones (ky before 1.13 types `beforeRetry` hooks as
 * returning nothing), and a user on them type-checks against the published declarations too.
 */
export const LOWEST_PEERS = { axios: '1.7.0', ky: '1.7.0' } as const
/** The lowest ky 2 in `@awssig/ky`'s peer range (a project can hold one ky). */
export const LOWEST_KY2 = { ky: '2.0.0' } as const

/** Third-party versions the fresh projects install (the workspace's pins, so failures are ours). */
export const VERSIONS = {
  axios: '1.21.1',
  ky: '1.14.3',
  typescript: '6.0.3',
  '@types/node': '20.19.43',
  vite: '8.3.8',
  webpack: '5.113.0',
  esbuild: '0.27.7',
} as const

const PUBLISHED = ['core', 'fetch', 'axios', 'ky', 'testing', 'cli', 'websocket'] as const

/** Packs every publishable package with pnpm (as `pnpm publish` would) into `into`; returns name → tarball. */
export function packAll(workspaceRoot: string, into: string): Record<string, string> {
  mkdirSync(into, { recursive: true })
  for (const name of PUBLISHED) {
    runOrThrow('pnpm', ['pack', '--pack-destination', into], { cwd: join(workspaceRoot, 'packages', name) })
  }
  const tarballs: Record<string, string> = {}
  for (const file of readdirSync(into)) {
    const match = /^awssig-([a-z]+)-.*\.tgz$/.exec(file)
    if (match) tarballs[`@awssig/${match[1]}`] = join(into, file)
  }
  return tarballs
}

/**
 * A fresh npm project at `dir`: package.json naming the tarballs (as file: specs) and third-party
 * packages, the fixture files copied in, then `npm install`. The tarballs' own dependencies on each
 * other are met by the same tarballs, so nothing @awssig comes from a registry.
 */
export function createProject(options: {
  dir: string
  fixtures: string[]
  tarballs: Record<string, string>
  packages: string[]
  thirdParty: (keyof typeof VERSIONS)[]
  /** Versions that replace the pinned ones (the lowest of a peer range). */
  versions?: Partial<Record<keyof typeof VERSIONS, string>>
  type?: 'module' | 'commonjs'
}): void {
  const { dir, tarballs } = options
  mkdirSync(dir, { recursive: true })
  for (const fixture of options.fixtures) cpSync(fixture, dir, { recursive: true })
  const dependencies: Record<string, string> = {}
  for (const name of options.packages) dependencies[name] = `file:${tarballs[name]}`
  for (const name of options.thirdParty) dependencies[name] = options.versions?.[name] ?? VERSIONS[name]
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]))
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: 'consumer', private: true, type: options.type ?? 'module', dependencies, overrides },
      null,
      2,
    ),
  )
  // One CI run saw npm install stall for 10 minutes (the same install takes seconds): give each try
  // three minutes and try twice.
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error']
  const first = run('npm', args, { cwd: dir, timeoutMs: 180_000 })
  if (first.status !== 0) {
    console.log(`packed: npm install in ${dir} failed or stalled, trying again:\n${first.output.slice(-500)}`)
    runOrThrow('npm', args, { cwd: dir, timeoutMs: 180_000 })
  }
}
