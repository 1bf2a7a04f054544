import { describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { run } from './support/run'

const projects = packedProjects()

describe.skipIf(!projects)('browser builds of the packed packages', () => {
  it('Vite and webpack, development and production: no errors, no Node built-in in the output', () => {
    const result = run(process.execPath, ['build.mjs'], { cwd: projects?.bundlers ?? '' })
    expect(result.status, result.output).toBe(0)
    const builds = result.output
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
    expect(builds.map((b) => `${b.bundler} ${b.mode}`)).toEqual([
      'vite development',
      'webpack development',
      'vite production',
      'webpack production',
    ])
    for (const build of builds) {
      expect({
        build: `${build.bundler} ${build.mode}`,
        errors: build.errors,
        nodeBuiltins: build.nodeBuiltins,
      }).toEqual({
        build: `${build.bundler} ${build.mode}`,
        errors: [],
        nodeBuiltins: [],
      })
      expect(build.bytes).toBeGreaterThan(1000)
    }
  })
})
