import { readFileSync } from 'node:fs'

/** The installed version of a bench dependency (read from disk: not every package exports package.json). */
export function packageVersion(name) {
  try {
    const file = new URL(`../node_modules/${name}/package.json`, import.meta.url)
    return JSON.parse(readFileSync(file, 'utf8')).version
  } catch {
    return 'unknown'
  }
}
