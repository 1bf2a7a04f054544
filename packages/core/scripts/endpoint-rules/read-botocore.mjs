/**
 * Reads what the generator needs from an installed botocore's data directory: partitions.json, and per
 * service the newest `service-2.json` metadata and `endpoint-rule-set-1.json` (either may be gzipped).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** botocore's data directory: `$BOTOCORE_DATA`, or the one of the `python3` on PATH. */
export function botocoreDataDir() {
  if (process.env.BOTOCORE_DATA)
    return { dir: process.env.BOTOCORE_DATA, version: 'botocore data from $BOTOCORE_DATA' }
  const script = 'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)'
  const [dir, version] = execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim().split('\n')
  return { dir: join(dir, 'data'), version: `botocore ${version}` }
}

function readJson(path) {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'))
  if (existsSync(`${path}.gz`)) return JSON.parse(gunzipSync(readFileSync(`${path}.gz`)).toString('utf8'))
  return undefined
}

/** `[{ service, metadata, ruleSet }]`, one per service directory that has a rule set, sorted by name. */
export function readServices(dataDir) {
  const services = []
  for (const service of readdirSync(dataDir).sort()) {
    const dir = join(dataDir, service)
    if (service.startsWith('_') || !existsSync(dir) || service.endsWith('.json')) continue
    // API versions are dates: the newest sorts last.
    const versions = readdirSync(dir)
      .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
      .sort()
      .reverse()
    const version = versions.find((v) => readJson(join(dir, v, 'endpoint-rule-set-1.json')) !== undefined)
    if (version === undefined) continue
    const model = readJson(join(dir, version, 'service-2.json'))
    services.push({
      service,
      metadata: model?.metadata ?? {},
      ruleSet: readJson(join(dir, version, 'endpoint-rule-set-1.json')),
    })
  }
  return services
}

/** botocore's partitions.json (`partitions[]`: id, regionRegex, regions, outputs). */
export const readPartitions = (dataDir) => readJson(join(dataDir, 'partitions.json')).partitions
