/**
 * Enumerates the endpoints a service's rule set resolves for every region of every partition, with and
 * without FIPS and dual-stack, and with the realistic resource parameters of parameter-sets.mjs; then folds
 * them into host templates (`{Region}`, `{dnsSuffix}`, `{dualStackDnsSuffix}`) so the snapshot stays small.
 */
import { endpointTemplates, resolveEndpoint } from './evaluate-rule-set.mjs'
import { parameterSets } from './parameter-sets.mjs'

const VARIANTS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
]

/** Replaces the region label and the partition's DNS suffix in `host` by placeholders. */
function hostTemplate(host, region, outputs) {
  let out = host
  if (outputs.dualStackDnsSuffix && out.endsWith(`.${outputs.dualStackDnsSuffix}`))
    out = `${out.slice(0, -outputs.dualStackDnsSuffix.length)}{dualStackDnsSuffix}`
  else if (out.endsWith(`.${outputs.dnsSuffix}`))
    out = `${out.slice(0, -outputs.dnsSuffix.length)}{dnsSuffix}`
  return out
    .split('.')
    .map((label) => (label === region ? '{Region}' : label))
    .join('.')
}

/** The auth scheme a client would use first: `[name, signingName, signingRegion or regionSet]`. */
function authOf(endpoint, metadata, region) {
  const scheme = endpoint.properties?.authSchemes?.[0]
  const name = scheme?.name ?? 'sigv4'
  const signingName = scheme?.signingName ?? metadata.signingName ?? metadata.endpointPrefix
  if (name === 'sigv4a') return [name, signingName, (scheme.signingRegionSet ?? ['*']).join(',')]
  const signingRegion = scheme?.signingRegion ?? region
  return [name, signingName, signingRegion === region ? '{Region}' : signingRegion]
}

/**
 * `{ endpoints, unreached }`: endpoints as `[hostTemplate, scheme, signingName, signingRegion, where, set]`
 * (`where` = partitions whose every region resolves it, or single regions as `partition:region`; `set` =
 * the parameter set), and the URL templates of the rule set that no enumerated parameter set reached.
 */
export function enumerateService({ service, metadata, ruleSet }, partitions) {
  const found = new Map()
  const reachedUrls = new Set()
  for (const partition of partitions) {
    for (const region of realRegions(partition)) {
      const sets = [['', {}], ...parameterSets(service, partition.id, region)]
      for (const [fips, dualStack] of VARIANTS) {
        for (const [label, extra] of sets) {
          const params = { Region: region, UseFIPS: fips, UseDualStack: dualStack, ...extra }
          const endpoint = resolveEndpoint(ruleSet, params, partitions)
          if (endpoint.error !== undefined) continue
          reachedUrls.add(endpoint.url)
          const url = new URL(endpoint.url)
          const host = hostTemplate(url.hostname, region, partition.outputs)
          const [scheme, signingName, signingRegion] = authOf(endpoint, metadata, region)
          // A region-less host signs with a fixed region, even where it equals the one asked for.
          const fixed = signingRegion === '{Region}' && !host.includes('{Region}') ? region : signingRegion
          const key = JSON.stringify([host, scheme, signingName, fixed, label])
          if (!found.has(key)) found.set(key, new Set())
          found.get(key).add(`${partition.id}:${region}`)
        }
      }
    }
  }
  const endpoints = [...found].map(([key, places]) => {
    const [host, scheme, signingName, signingRegion, label] = JSON.parse(key)
    return [host, scheme, signingName, signingRegion, compactPlaces(places, partitions), label]
  })
  return { endpoints: endpoints.sort(byJson), unreached: unreachedTemplates(ruleSet, reachedUrls) }
}

/** The partition's regions, without the pseudo-regions (`aws-global`) that name no credential scope. */
export const realRegions = (partition) =>
  Object.keys(partition.regions).filter((region) => new RegExp(partition.regionRegex).test(region))

const byJson = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)

function compactPlaces(places, partitions) {
  const out = []
  for (const partition of partitions) {
    const regions = realRegions(partition)
    const here = regions.filter((region) => places.has(`${partition.id}:${region}`))
    if (here.length === regions.length) out.push(partition.id)
    else out.push(...here.map((region) => `${partition.id}:${region}`))
  }
  return out
}

/** Rule-set URL templates whose host matches none of the hostnames the enumeration reached. */
function unreachedTemplates(ruleSet, reachedUrls) {
  const hosts = [...reachedUrls].map((url) => new URL(url).hostname)
  const out = []
  for (const template of endpointTemplates(ruleSet)) {
    const host = /^[a-z]+:\/\/([^/]*)/.exec(template)?.[1] ?? template
    const source = host
      .split(/(\{[^}]*\})/)
      .map((part) => (part.startsWith('{') ? '.+' : part.replace(/[.+?^$()|[\]\\*]/g, '\\$&')))
      .join('')
    const pattern = new RegExp(`^${source}$`)
    if (!hosts.some((reached) => pattern.test(reached))) out.push(template)
  }
  return out.sort()
}
