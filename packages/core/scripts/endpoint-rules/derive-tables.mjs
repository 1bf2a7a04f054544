/**
 * Derives what inference needs from the snapshot's enumerated endpoints: signing names per endpoint prefix,
 * the signing region of each region-less global endpoint, and the services that cannot take SigV4.
 * Rows reached only with resource parameters (account IDs, ARNs, buckets) are left to the documented
 * patterns of src/aws-hosts; only the service-wide endpoints feed the tables.
 */

/** The example values parameter-sets.mjs fills resource parameters with. */
const EXAMPLE_VALUES = /111122223333|abcde|amzn-s3-demo|mfzwi23gnjvgw|reports|redactor|op-01ac5d28a6a232904/

const REGIONAL = /^([a-z0-9.-]+)\.\{Region\}\.\{(?:dnsSuffix|dualStackDnsSuffix)\}$/
const GLOBAL = /^([a-z0-9.-]+?)(?:\.(global|us-gov))?\.\{(dnsSuffix|dualStackDnsSuffix)\}$/

/** The same FIPS/dual-stack marker removal as src/aws-hosts/infer-aws-host.ts `withoutVariantMarkers`. */
export function withoutVariantMarkers(prefix) {
  const labels = prefix.split('.')
  return labels
    .filter((label, i) => !(label === 'fips' && i === 0 && labels.length > 1))
    .filter((label, i, rest) => !(label === 'dualstack' && i === rest.length - 1 && i > 0))
    .map((label) => (label.endsWith('-fips') ? label.slice(0, -5) : label))
    .join('.')
}

/** Standard hosts before FIPS and dual-stack ones, so the plain form decides when variants disagree. */
const variantRank = (host) => (host.includes('fips') ? 2 : 0) + (host.includes('dualStack') ? 1 : 0)

export function deriveTables(input, { aliases, globalsFromDocs }) {
  const partitions = input.partitions.map((p) => [
    p.id,
    p.outputs.dnsSuffix,
    p.outputs.dualStackDnsSuffix,
    // `\w` also admits upper case and `_`, which no region name uses and AWS rejects in a credential scope.
    p.regionRegex.replaceAll('\\-', '-').replaceAll('\\w', '[a-z0-9]'),
  ])
  const signingNames = new Map()
  const globals = new Map()
  const unsignable = new Set()
  const conflicts = []
  const rows = []
  // SimpleDB and Import/Export only take SigV2, CodeCatalyst only bearer tokens: never sign them with SigV4.
  // (SimpleDB's export API, `simpledbv2`, shares the `sdb` host and takes SigV4, but the classic API on
  // the same host does not, so the host stays declined.)
  for (const entry of Object.values(input.services))
    if (!['v4', 's3', 's3v4'].includes(entry.signatureVersion)) unsignable.add(entry.endpointPrefix)
  for (const [service, entry] of Object.entries(input.services)) {
    if (unsignable.has(entry.endpointPrefix)) continue
    for (const row of entry.endpoints) rows.push([service, ...row])
  }
  rows.sort((a, b) => variantRank(a[1]) - variantRank(b[1]))
  const regionPatterns = partitions.map(([, , , regex]) => new RegExp(regex))
  const isRegion = (label) => regionPatterns.some((regex) => regex.test(label))
  for (const [service, host, scheme, name, region, where, set] of rows) {
    // STS's region-less host is one the rule set gives only when asked for it (`UseGlobalEndpoint`).
    // Account-based endpoints `<account-id>.<prefix>.<region>` (DynamoDB, Kinesis): written as `#<prefix>`.
    const account = /^111122223333\.([a-z0-9-]+)\.\{Region\}\.\{(?:dnsSuffix|dualStackDnsSuffix)\}$/.exec(
      host,
    )
    if (account && scheme === 'sigv4' && service !== 's3control') {
      const key = `#${withoutVariantMarkers(account[1])}`
      if (!signingNames.has(key)) signingNames.set(key, name)
      continue
    }
    // Other rows reached with resource parameters feed the tables only when the host holds none of their
    // values (a control-plane host such as `arc-region-switch-control-plane.<region>`).
    if (set !== '' && EXAMPLE_VALUES.test(host)) continue
    if (set === 'global endpoint' && service !== 'sts') continue
    if (scheme !== 'sigv4') continue
    // A host naming a fixed region (`ce.us-east-1.amazonaws.com`) is an ordinary regional host.
    const fixed = /^(.+)\.([a-z0-9-]+)\.\{(?:dnsSuffix|dualStackDnsSuffix)\}$/.exec(host)
    const regional = REGIONAL.exec(host) ?? (fixed && isRegion(fixed[2]) ? fixed : null)
    if (regional) {
      const prefix = withoutVariantMarkers(regional[1])
      // S3's own forms (directory buckets and their control plane included) live in infer-s3-host.ts.
      if (prefix.startsWith('s3express')) continue
      const known = signingNames.get(prefix)
      if (known === undefined) signingNames.set(prefix, name)
      else if (known !== name) conflicts.push(`${prefix}: ${known} and ${name} (${service})`)
      continue
    }
    const global = GLOBAL.exec(host)
    if (!global || host.includes('{Region}')) continue
    const prefix = withoutVariantMarkers(global[1])
    // S3's global endpoint is inferred with S3's other legacy forms (src/aws-hosts/infer-s3-host.ts).
    if (prefix === 's3') continue
    for (const partition of new Set(where.map((place) => place.split(':')[0]))) {
      // Region-less hosts under a suffix two partitions share belong to the first; GovCloud's carry `us-gov`.
      if (partition === 'aws-us-gov' && global[2] !== 'us-gov') continue
      const key = `${prefix}/${partition}`
      if (!globals.has(key)) globals.set(key, region)
    }
    if (!signingNames.has(prefix)) signingNames.set(prefix, name)
  }
  for (const [alias, prefix] of aliases) {
    const name = signingNames.get(prefix)
    if (name === undefined) throw new Error(`${alias}: ${prefix} is not in the snapshot`)
    signingNames.set(alias, name)
  }
  for (const [service, partition, region] of globalsFromDocs) globals.set(`${service}/${partition}`, region)
  if (conflicts.length > 0)
    console.warn(`signing names that differ by service (first kept):\n  ${conflicts.join('\n  ')}`)
  return { partitions, signingNames, globals, unsignable }
}
