#!/usr/bin/env node
/**
 * Writes src/aws-hosts/aws-partitions.generated.ts and aws-hosts.generated.ts from AWS's own endpoint rule sets.
 *
 * Input: scripts/aws-endpoint-input.json, a pinned snapshot extracted from botocore's data directory by
 * scripts/update-aws-endpoint-input.mjs (`pnpm hosts:update`): botocore's partitions.json, and per service
 * its model metadata (`endpointPrefix`, `signingName`, `signatureVersion`) and the endpoints its
 * `endpoint-rule-set-1.json` resolves for every region of every partition, standard, FIPS and dual-stack,
 * as host templates with the signing name and region of each endpoint's `authSchemes`. A newer botocore on a
 * machine changes nothing until the snapshot is refreshed and committed.
 * Plus GLOBAL_ENDPOINTS_FROM_DOCS, SUFFIXES_FROM_DOCS and PREFIX_ALIASES below: global endpoints, DNS
 * suffixes and endpoint prefixes the rule sets do not carry, each with the AWS documentation page that lists it.
 *
 * Only what the default `<prefix>.<region>.<dnsSuffix>` → service `<prefix>` convention cannot express is
 * written out: each partition's region naming rule and DNS suffixes, signing names that differ from the
 * endpoint prefix (or prefixes of several labels), the signing region of each region-less global endpoint,
 * and the prefixes that cannot be signed with SigV4. The output is packed strings (it ships in every browser
 * bundle), read in place by src/aws-hosts/aws-host-tables.ts; the formats are documented in the output.
 *
 * Run from anywhere: `node packages/core/scripts/generate-aws-hosts.mjs`. The output is written in the
 * repository's style already (biome ignores *.generated.ts); commit it with the snapshot. With `--check` it
 * writes nothing and exits 1 when the committed table differs from what the snapshot gives.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deriveTables } from './endpoint-rules/derive-tables.mjs'

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
const input = JSON.parse(readFileSync(join(here, 'aws-endpoint-input.json'), 'utf8'))
const { partitions, signingNames, globals, unsignable } = deriveTables(input, {
  aliases: PREFIX_ALIASES,
  globalsFromDocs: GLOBAL_ENDPOINTS_FROM_DOCS,
})
const differing = [...signingNames]
  .filter(([prefix, name]) => prefix.includes('.') || prefix !== name)
  .sort(([a], [b]) => (a < b ? -1 : 1))

const sameNameLabels = [...signingNames]
  .filter(([prefix, name]) => !prefix.includes('.') && !prefix.startsWith('#') && prefix === name)
  .map(([prefix]) => prefix)
  .sort()
  .join(' ')

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
// Two files: what every signer needs up front (validating a rule's region, recognising an AWS domain), and
// the tables only AWS host inference reads, which browser builds load on demand. A bundler puts a module
// shared by up-front and lazy code up front as a whole, so the two must not share a file.
const partitionLines = [
  `// Generated by scripts/generate-aws-hosts.mjs from scripts/aws-endpoint-input.json (${input.source}`,
  '// partitions metadata). Do not edit by hand. Packed strings, read by regions.ts and dns-suffixes.ts.',
  '',
  `/** Partitions and their region names, \`id head;…\`: a region of the partition matches \`^<head>${REGION_TAIL}\`. */`,
  `export const PARTITION_REGIONS = ${q(packedRegions)}`,
  '',
  '/** DNS suffixes, longest first, with the partitions using them (the first owns global endpoints): `suffix id id;…`. */',
  `export const DNS_SUFFIXES = ${q(packedSuffixes)}`,
  '',
]
const lines = [
  `// Generated by scripts/generate-aws-hosts.mjs from scripts/aws-endpoint-input.json (${input.source}`,
  '// endpoint rule sets and model metadata). Do not edit by hand. Packed strings, read by aws-host-tables.ts,',
  '// which only AWS host inference imports (loaded on demand in browser builds).',
  '',
  '/**',
  ' * Endpoint prefix → signing name, where they differ or the prefix has several labels: `;prefix=name;…;`.',
  ' * `#prefix` keys: account-based endpoints `<account-id>.<prefix>.<region>`.',
  ' */',
  `export const SIGNING_NAMES = ${q(packedNames)}`,
  '',
  '/** `service/partition` → the region its region-less global endpoint signs with: `;service/partition=region;…;`. */',
  `export const GLOBAL_SIGNING_REGIONS = ${q(packedGlobals)}`,
  '',
  '/**',
  ' * Single-label endpoint prefixes the rule sets name whose signing name is the label itself, space-separated.',
  ' * Read only in development builds (explanations say when a signing name is read from an unknown label).',
  ' */',
  `export const SAME_NAME_LABELS = ${q(sameNameLabels)}`,
  '',
  '/** Endpoint prefixes that do not accept SigV4 (SigV2-only or bearer-token services), space-separated. */',
  `export const NOT_SIGV4 = ${q([...unsignable].sort().join(' '))}`,
  '',
]
// The regions each partition has launched (the partitions metadata), for the lazily loaded response side:
// an S3 answer may teach a bucket's region only if it is one of these, in the host's partition.
const REGION_NAME = /^[a-z]+(?:-[a-z]+)+-\d+$/
const knownRegions = input.partitions
  .map(({ id, regions }) => [id, ...regions.filter((region) => REGION_NAME.test(region)).sort()].join(' '))
  .join(';')
const regionLines = [
  `// Generated by scripts/generate-aws-hosts.mjs from scripts/aws-endpoint-input.json (${input.source}`,
  '// partitions metadata). Do not edit by hand. Imported only by lazily loaded code (the response side).',
  '',
  '/** The regions each partition has launched, `partition region region …;…`. */',
  `export const KNOWN_REGIONS = ${q(knownRegions)}`,
  '',
]

const outputs = [
  [join(here, '..', 'src/aws-hosts/aws-partitions.generated.ts'), partitionLines.join('\n')],
  [join(here, '..', 'src/aws-hosts/aws-hosts.generated.ts'), lines.join('\n')],
  [join(here, '..', 'src/diagnose/known-regions.generated.ts'), regionLines.join('\n')],
]
if (process.argv.includes('--check')) {
  for (const [out, text] of outputs) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error(`${out} is not what the generator makes from its inputs; run the generator and commit.`)
      process.exit(1)
    }
    console.log(`${out} is up to date`)
  }
  process.exit(0)
}
for (const [out, text] of outputs) writeFileSync(out, text)
console.log(
  `wrote ${outputs.map(([out]) => out).join(', ')}: ${partitions.length} partitions, ${differing.length} signing names, ${globals.size} globals`,
)
