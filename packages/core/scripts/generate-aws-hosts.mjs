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
 *   - GLOBAL_ENDPOINTS_FROM_DOCS, SUFFIXES_FROM_DOCS and PREFIX_ALIASES below: global endpoints, DNS suffixes
 *     and endpoint prefixes the SDK metadata does not carry, each with the AWS documentation page that lists it.
 *
 * Only what the default `<prefix>.<region>.<dnsSuffix>` → service `<prefix>` convention cannot express is
 * written out: each partition's region naming rule and DNS suffixes, signing names that differ from the
 * endpoint prefix (or prefixes of several labels), the signing region of each region-less global endpoint,
 * and the prefixes that cannot be signed with SigV4. The output is packed strings (it ships in every browser
 * bundle), read in place by src/aws-hosts/aws-host-tables.ts; the formats are documented in the output.
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
 * DNS suffixes outside the partition metadata, as `[suffix, partition]`:
 * - on.aws: Lambda function URLs `<url-id>.lambda-url.<region>.on.aws`, commercial and GovCloud regions;
 *   https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
const SUFFIXES_FROM_DOCS = [
  ['on.aws', 'aws'],
  ['on.aws', 'aws-us-gov'],
]

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

// The table ships in every browser bundle, so it is written as plain strings that aws-host-tables.ts reads
// with split/indexOf: no object literals with repeated quotes and keys, and no decoding logic shipped for
// what this script can work out once (the DNS suffix list, the shape of the region regexes).

// Every regionRegex has the shape `^<head>-[a-z0-9]+-\d+$`; only the heads are written.
const REGION_TAIL = '-[a-z0-9]+-\\d+$'
const packedRegions = partitions
  .map(([id, , , regex]) => {
    if (!regex.startsWith('^') || !regex.endsWith(REGION_TAIL) || /[ ;]/.test(regex))
      throw new Error(`${id}: regionRegex ${regex} does not have the shape ^<head>${REGION_TAIL}`)
    return `${id} ${regex.slice(1, -REGION_TAIL.length)}`
  })
  .join(';')

// DNS suffixes (standard and dual-stack) → the partitions that use them, longest suffix first so that should
// one suffix ever end another, the more specific one wins; the first partition owns region-less endpoints.
const suffixOwners = new Map()
const addSuffix = (suffix, partition) => {
  const owners = suffixOwners.get(suffix) ?? []
  if (!owners.includes(partition)) suffixOwners.set(suffix, [...owners, partition])
}
for (const [id, dnsSuffix, dualStackDnsSuffix] of partitions) {
  addSuffix(dnsSuffix, id)
  addSuffix(dualStackDnsSuffix, id)
}
for (const [suffix, partition] of SUFFIXES_FROM_DOCS) addSuffix(suffix, partition)
const packedSuffixes = [...suffixOwners]
  .sort(([a], [b]) => b.length - a.length)
  .map(([suffix, owners]) => [suffix, ...owners].join(' '))
  .join(';')

// Lookup tables `;key=value;key=value;`, read with indexOf (aws-host-tables.ts) without decoding anything.
const lookupTable = (entries) => {
  for (const [key, value] of entries)
    if (/[;=]/.test(key) || /[;=]/.test(value)) throw new Error(`${key}: a character the packed table uses`)
  return `;${entries.map(([key, value]) => `${key}=${value}`).join(';')};`
}
const packedNames = lookupTable(differing)
const packedGlobals = lookupTable([...globals].sort(([a], [b]) => (a < b ? -1 : 1)))

const q = (s) => `'${s.replaceAll('\\', '\\\\')}'`
const lines = [
  '// Generated by scripts/generate-aws-hosts.mjs from aws-sdk@2.1693.0 (apis/*.min.json,',
  '// lib/region_config_data.json) and @aws-sdk/core@3.981.0 (partitions.js). Do not edit by hand.',
  '// Packed strings, read by aws-host-tables.ts.',
  '',
  `/** Partitions and their region names, \`id head;…\`: a region of the partition matches \`^<head>${REGION_TAIL}\`. */`,
  `export const PARTITION_REGIONS = ${q(packedRegions)}`,
  '',
  '/** DNS suffixes, longest first, with the partitions using them (the first owns global endpoints): `suffix id id;…`. */',
  `export const DNS_SUFFIXES = ${q(packedSuffixes)}`,
  '',
  '/** Endpoint prefix → signing name, where they differ or the prefix has several labels: `;prefix=name;…;`. */',
  `export const SIGNING_NAMES = ${q(packedNames)}`,
  '',
  '/** `service/partition` → the region its region-less global endpoint signs with: `;service/partition=region;…;`. */',
  `export const GLOBAL_SIGNING_REGIONS = ${q(packedGlobals)}`,
  '',
  '/** Endpoint prefixes that do not accept SigV4 (SigV2-only or bearer-token services), space-separated. */',
  `export const NOT_SIGV4 = ${q([...unsignable].sort().join(' '))}`,
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
