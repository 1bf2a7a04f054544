#!/usr/bin/env node
/**
 * Refreshes scripts/aws-endpoint-input.json (the pinned input of generate-aws-hosts.mjs) from the botocore
 * installed for `python3` (or the data directory in $BOTOCORE_DATA), prints what changed, and regenerates
 * src/aws-hosts/aws-hosts.generated.ts. Run with `pnpm hosts:update`; commit both files.
 *
 * The snapshot holds, per service, the model metadata the generator reads (`endpointPrefix`, `signingName`,
 * `signatureVersion`, `auth`) and the endpoints its rule set resolves for every region of every partition
 * (standard, FIPS, dual-stack, and resource parameter sets), folded into host templates.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { enumerateService } from './endpoint-rules/enumerate-endpoints.mjs'
import { botocoreDataDir, readPartitions, readServices } from './endpoint-rules/read-botocore.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const snapshotPath = join(here, 'aws-endpoint-input.json')

const { dir, version } = botocoreDataDir()
const partitions = readPartitions(dir)
const services = {}
for (const entry of readServices(dir)) {
  const { endpointPrefix, signingName, signatureVersion, auth } = entry.metadata
  const { endpoints, unreached } = enumerateService(entry, partitions)
  services[entry.service] = {
    endpointPrefix,
    ...(signingName && signingName !== endpointPrefix ? { signingName } : {}),
    signatureVersion,
    ...(auth ? { auth } : {}),
    endpoints,
    ...(unreached.length > 0 ? { unreached } : {}),
  }
}
const snapshot = {
  source: version,
  partitions: partitions.map((p) => ({
    id: p.id,
    regionRegex: p.regionRegex,
    outputs: p.outputs,
    regions: Object.keys(p.regions),
  })),
  services,
}

const previous = existsSync(snapshotPath) ? JSON.parse(readFileSync(snapshotPath, 'utf8')) : undefined
writeFileSync(snapshotPath, `${compactJson(snapshot)}\n`)
printChanges(previous, snapshot)
if (!process.argv.includes('--no-generate'))
  execFileSync(process.execPath, [join(here, 'generate-aws-hosts.mjs')], { stdio: 'inherit' })

/** JSON with every array of plain values on one line: reviewable in a diff without doubling its size. */
function compactJson(value) {
  return JSON.stringify(value, null, 1).replace(/\[\n[^[\]{}]*?\]/g, (array) =>
    JSON.stringify(JSON.parse(array)),
  )
}

function hostsOf(data) {
  const out = new Map()
  for (const [service, entry] of Object.entries(data?.services ?? {}))
    for (const row of entry.endpoints) {
      const [host, scheme, name, region] = row
      out.set(`${service} ${host}`, `${scheme} ${name} ${region}`)
    }
  return out
}

function printChanges(before, after) {
  console.log(`snapshot from ${after.source} (was ${before?.source ?? 'absent'})`)
  const old = hostsOf(before)
  const now = hostsOf(after)
  const added = [...now.keys()].filter((k) => !old.has(k))
  const removed = [...old.keys()].filter((k) => !now.has(k))
  const changed = [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k))
  for (const k of added) console.log(`+ ${k} (${now.get(k)})`)
  for (const k of removed) console.log(`- ${k}`)
  for (const k of changed) console.log(`~ ${k}: ${old.get(k)} → ${now.get(k)}`)
  console.log(`${added.length} host templates added, ${removed.length} removed, ${changed.length} re-signed`)
}
