import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? sources(path)
      : path.endsWith('.ts') && !path.endsWith('.test.ts')
        ? [path]
        : []
  })
}

it('#default-credentials: node → the AWS SDK chain, default (browsers) → a stub', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const entry = pkg.imports['#default-credentials']
  expect(Object.keys(entry)).toEqual(['types', 'node', 'default'])
  expect(entry.node.import).toBe('./dist/default-credentials.node.js')
  expect(entry.default.import).toBe('./dist/default-credentials.browser.js')
  expect(pkg.peerDependenciesMeta['@aws-sdk/credential-providers'].optional).toBe(true)
  expect(pkg.dependencies?.['@aws-sdk/credential-providers']).toBeUndefined()
})

it('only the node implementation names @aws-sdk/credential-providers in an import', () => {
  const importing = sources(join(root, 'src')).filter((file) =>
    /import\(\s*['"]@aws-sdk\/credential-providers['"]|from\s+['"]@aws-sdk\/credential-providers['"]/.test(
      readFileSync(file, 'utf8'),
    ),
  )
  expect(importing.map((f) => f.slice(root.length))).toEqual(['src/credentials/default-credentials.node.ts'])
})
