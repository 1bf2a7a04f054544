#!/usr/bin/env node
/**
 * Writes src/aws-hosts/aws-hosts.generated.ts from AWS's own published endpoint metadata.
 *
 * Inputs (exact versions, pinned as devDependencies of @awssig/core; the script refuses other versions so
 * the committed table can be reproduced byte for byte):
 *   - aws-sdk@2.1693.0
 *       apis/*.min.json           `metadata.endpointPrefix`, `signingName`, `signatureVersion`, `globalEndpoint`
 *       lib/region_config_data.json  global endpoints and the region they sign with, per partition
 *                                    (`rules`, `fipsRules`, `patterns`: `globalEndpoint`, `signingRegion`)
 *   - @aws-sdk/core@3.981.0 (the partition data behind @aws-sdk/util-endpoints)
 *       dist-es/submodules/client/util-endpoints/lib/aws/partitions.js
 *                                    partitions: id, regionRegex, dnsSuffix, dualStackDnsSuffix
 *   - GLOBAL_ENDPOINTS_FROM_DOCS and PREFIX_ALIASES below: global endpoints and endpoint prefixes the SDK
 *     metadata does not carry, each with the AWS documentation page that lists it.
 *
 * Only what the default `<prefix>.<region>.<dnsSuffix>` → service `<prefix>` convention cannot express is
 * written out: signing names that differ from the endpoint prefix (or prefixes of several labels), the
 * signing region of each region-less global endpoint, and the prefixes that cannot be signed with SigV4.
 *
 * Run from the repository root: `node packages/core/scripts/generate-aws-hosts.mjs`. The output is written
 * in the repository's style already (biome ignores *.generated.ts); commit it with the script. With
 * `--check` it writes nothing and exits 1 when the committed table differs from what the inputs give.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const EXPECTED = { 'aws-sdk': '2.1693.0', '@aws-sdk/core': '3.981.0' }

/**
 * Global endpoints missing from aws-sdk v2's metadata, as `[service, partition, signing region]`.
 * - globalaccelerator: https://docs.aws.amazon.com/general/latest/gr/global_accelerator.html
 *   ("globalaccelerator.amazonaws.com", Region us-west-2; all API calls go to US West (Oregon)).
 */
const GLOBAL_ENDPOINTS_FROM_DOCS = [['globalaccelerator', 'aws', 'us-west-2']]

/**
 * Endpoint prefixes the metadata does not name, as `[prefix, prefix in the metadata whose signing name it
 * shares]`, each listed on the AWS documentation page cited:
 * - data.iot: the legacy (VeriSign-signed) IoT data endpoint next to `data-ats.iot`;
 *   https://docs.aws.amazon.com/iot/latest/developerguide/iot-connect-devices.html#iot-connect-device-endpoints
 * - greengrass-ats.iot: Greengrass data plane; https://docs.aws.amazon.com/general/latest/gr/greengrass.html
 * - aos: OpenSearch Service API dual-stack (`aos.<region>.api.aws`);
 *   https://docs.aws.amazon.com/general/latest/gr/opensearch-service.html
 * - metering-marketplace, entitlement-marketplace: AWS Marketplace dual-stack (`….<region>.api.aws`);
 *   https://docs.aws.amazon.com/general/latest/gr/aws-marketplace.html
 */
const PREFIX_ALIASES = [
  ['data.iot', 'data-ats.iot'],
  ['greengrass-ats.iot', 'greengrass'],
  ['aos', 'es'],
  ['metering-marketplace', 'metering.marketplace'],
  ['entitlement-marketplace', 'entitlement.marketplace'],
]

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(join(here, '..', 'package.json'))

function packageDir(name) {
  const dir = dirname(require.resolve(`${name}/package.json`))
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (version !== EXPECTED[name])
    throw new Error(`${name}@${version} installed, the table is built from ${EXPECTED[name]}`)
  return dir
}

const sdkV2 = packageDir('aws-sdk')
const sdkCore = packageDir('@aws-sdk/core')

// Partitions. `\w` in AWS's regexes also admits upper case and `_`, which no region name uses and AWS
// rejects in a credential scope, so the generated regexes use [a-z0-9] instead.
const { partitionsInfo } = await import(
  pathToFileURL(join(sdkCore, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js')).href
)
const partitions = partitionsInfo.partitions.map((p) => [
  p.id,
  p.outputs.dnsSuffix,
  p.outputs.dualStackDnsSuffix,
  p.regionRegex.replaceAll('\\-', '-').replaceAll('\\w', '[a-z0-9]'),
])

// Signing names.
const signingNames = new Map()
const unsignable = new Set()
const apiGlobalHosts = new Map()
const apis = join(sdkV2, 'apis')
for (const file of readdirSync(apis).sort()) {
  if (!file.endsWith('.min.json')) continue
  const { metadata } = JSON.parse(readFileSync(join(apis, file), 'utf8'))
  const prefix = metadata.endpointPrefix
  const name = metadata.signingName ?? prefix
  const known = signingNames.get(prefix)
  if (known !== undefined && known !== name) throw new Error(`${prefix}: signing names ${known} and ${name}`)
  signingNames.set(prefix, name)
  // SimpleDB and Import/Export only take SigV2, CodeCatalyst only bearer tokens: never sign them with SigV4.
  if (!['v4', 's3', 's3v4'].includes(metadata.signatureVersion)) unsignable.add(prefix)
  if (metadata.globalEndpoint) apiGlobalHosts.set(metadata.globalEndpoint, prefix)
}
for (const [alias, prefix] of PREFIX_ALIASES) {
  const name = signingNames.get(prefix)
  if (name === undefined) throw new Error(`${alias}: ${prefix} is not in the metadata`)
  signingNames.set(alias, name)
}

// Global endpoints: `service/partition` → signing region.
const regionConfig = JSON.parse(readFileSync(join(sdkV2, 'lib/region_config_data.json'), 'utf8'))
const partitionOf = (region) => partitions.find(([, , , regex]) => new RegExp(regex).test(region))?.[0]
const partitionOfRulePrefix = (regionGlob) => {
  if (regionGlob === '*') return 'aws'
  return partitionOf(`${regionGlob.replace('*', 'x')}-1`) ?? partitionOf(regionGlob)
}
const globals = new Map()
for (const rules of [regionConfig.rules, regionConfig.fipsRules]) {
  for (const [key, value] of Object.entries(rules)) {
    const config = typeof value === 'string' ? regionConfig.patterns[value] : value
    const [regionGlob, service] = key.split('/')
    if (service === '*' || !config.globalEndpoint || unsignable.has(service)) continue
    const partition = partitionOfRulePrefix(regionGlob)
    // aws-sdk v2 signs a global endpoint without an explicit signingRegion with us-east-1 (lib/request.js).
    globals.set(`${service}/${partition}`, config.signingRegion ?? 'us-east-1')
  }
}
for (const [host, prefix] of apiGlobalHosts) {
  // S3's global endpoint is inferred with S3's other legacy forms (src/aws-hosts/infer-s3-host.ts).
  if (prefix === 's3') continue
  const key = `${prefix}/aws`
  if (!globals.has(key) && !unsignable.has(prefix) && host === `${prefix}.amazonaws.com`)
    globals.set(key, 'us-east-1')
}
for (const [service, partition, region] of GLOBAL_ENDPOINTS_FROM_DOCS)
  globals.set(`${service}/${partition}`, region)

const differing = [...signingNames]
  .filter(([prefix, name]) => prefix.includes('.') || prefix !== name)
  .sort(([a], [b]) => (a < b ? -1 : 1))

const q = (s) => `'${s.replaceAll('\\', '\\\\')}'`
const lines = [
  '// Generated by scripts/generate-aws-hosts.mjs from aws-sdk@2.1693.0 (apis/*.min.json,',
  '// lib/region_config_data.json) and @aws-sdk/core@3.981.0 (partitions.js). Do not edit by hand.',
  '',
  '/** AWS partitions: `[id, dnsSuffix, dualStackDnsSuffix, regionRegex]`. */',
  'export const PARTITIONS: readonly (readonly [id: string, dnsSuffix: string, dualStackDnsSuffix: string, regionRegex: string])[] = [',
  ...partitions.map((p) => `  [${p.map(q).join(', ')}],`),
  ']',
  '',
  '/** Endpoint prefix → signing name, where they differ or the prefix has several labels. */',
  'export const SIGNING_NAMES: Readonly<Record<string, string>> = {',
  ...differing.map(([prefix, name]) => `  ${q(prefix)}: ${q(name)},`),
  '}',
  '',
  '/** `service/partition` → the region its region-less global endpoint signs with. */',
  'export const GLOBAL_SIGNING_REGIONS: Readonly<Record<string, string>> = {',
  ...[...globals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, region]) => `  ${q(key)}: ${q(region)},`),
  '}',
  '',
  '/** Endpoint prefixes that do not accept SigV4 (SigV2-only or bearer-token services). */',
  `export const NOT_SIGV4: readonly string[] = [${[...unsignable].sort().map(q).join(', ')}]`,
  '',
]
const out = join(here, '..', 'src/aws-hosts/aws-hosts.generated.ts')
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== lines.join('\n')) {
    console.error(`${out} is not what the generator makes from its inputs; run the generator and commit.`)
    process.exit(1)
  }
  console.log(`${out} is up to date`)
  process.exit(0)
}
writeFileSync(out, lines.join('\n'))
console.log(
  `wrote ${out}: ${partitions.length} partitions, ${differing.length} signing names, ${globals.size} globals`,
)
