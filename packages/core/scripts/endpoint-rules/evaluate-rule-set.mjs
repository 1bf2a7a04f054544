/**
 * A small evaluator for Smithy endpoint rule sets (`endpoint-rule-set-1.json`), enough to ask "which endpoint
 * does this service resolve for these parameters?" at build time. Follows the rules-engine specification:
 * https://smithy.io/2.0/additional-specs/rules-engine/specification.html and its standard library
 * (https://smithy.io/2.0/additional-specs/rules-engine/standard-library.html) plus the AWS functions
 * (https://smithy.io/2.0/aws/rules-engine/library-functions.html). Build-time only: never shipped.
 */

/** One partition as `aws.partition` returns it, from botocore's partitions.json. */
export function partitionFunction(partitions) {
  return (region) => {
    const byName = partitions.find((p) => Object.hasOwn(p.regions ?? {}, region))
    const byRegex = partitions.find((p) => new RegExp(p.regionRegex).test(region))
    // The specification: no match means the `aws` partition's outputs.
    const partition = byName ?? byRegex ?? partitions.find((p) => p.id === 'aws')
    return { ...partition.outputs, name: partition.id }
  }
}

const HOST_LABEL = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/

function isValidHostLabel(value, allowSubDomains) {
  if (typeof value !== 'string') return false
  return (allowSubDomains ? value.split('.') : [value]).every((label) => HOST_LABEL.test(label))
}

function isVirtualHostableS3Bucket(value, allowSubDomains) {
  if (typeof value !== 'string' || value.length < 3 || value.length > 63) return false
  if (value !== value.toLowerCase() || /^\d+\.\d+\.\d+\.\d+$/.test(value)) return false
  if (allowSubDomains && value.includes('..')) return false
  return isValidHostLabel(value, allowSubDomains)
}

function parseArn(value) {
  if (typeof value !== 'string') return null
  const parts = value.split(':')
  if (parts.length < 6 || parts[0] !== 'arn' || !parts[1] || !parts[2]) return null
  const resource = parts.slice(5).join(':')
  if (resource === '') return null
  return {
    partition: parts[1],
    service: parts[2],
    region: parts[3],
    accountId: parts[4],
    resourceId: resource.split(/[:/]/),
  }
}

function parseURL(value) {
  let url
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.search) return null
  const path = url.pathname === '/' && !value.endsWith('/') ? '' : url.pathname
  return {
    scheme: url.protocol.slice(0, -1),
    authority: url.host,
    path,
    normalizedPath: path.endsWith('/') ? path : `${path}/`,
    isIp: /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.startsWith('['),
  }
}

function substring(value, start, stop, reverse) {
  if (typeof value !== 'string' || start >= stop || value.length < stop) return null
  if (!/^[\x20-\x7e]*$/.test(value)) return null
  return reverse ? value.slice(value.length - stop, value.length - start) : value.slice(start, stop)
}

/** `getAttr(value, "a.b[0]")`. */
function getAttr(value, path) {
  let current = value
  for (const part of path.split('.')) {
    const match = /^([^[]*)(?:\[(\d+)\])?$/.exec(part)
    if (match[1]) current = current?.[match[1]]
    if (match[2] !== undefined) current = Array.isArray(current) ? current[Number(match[2])] : undefined
  }
  return current ?? null
}

function evaluateTemplate(template, scope) {
  return template.replace(/\{\{|\}\}|\{([^}]+)\}/g, (whole, name) => {
    if (whole === '{{') return '{'
    if (whole === '}}') return '}'
    const [ref, path] = name.split('#')
    const value = path === undefined ? scope[ref] : getAttr(scope[ref], path)
    return value ?? ''
  })
}

function evaluateExpression(expression, scope, library) {
  if (typeof expression === 'string') return evaluateTemplate(expression, scope)
  if (typeof expression !== 'object' || expression === null) return expression
  if (Array.isArray(expression)) return expression.map((e) => evaluateExpression(e, scope, library))
  if ('ref' in expression) return scope[expression.ref] ?? null
  if ('fn' in expression) {
    const args = expression.argv.map((arg) => evaluateExpression(arg, scope, library))
    const fn = library[expression.fn]
    if (!fn) throw new Error(`rule-set function ${expression.fn} is not implemented`)
    return fn(...args)
  }
  return Object.fromEntries(
    Object.entries(expression).map(([key, value]) => [key, evaluateExpression(value, scope, library)]),
  )
}

function evaluateRules(rules, scope, library) {
  for (const rule of rules) {
    const local = { ...scope }
    let matched = true
    for (const condition of rule.conditions ?? []) {
      const value = evaluateExpression(condition, local, library)
      if (value === null || value === undefined || value === false) {
        matched = false
        break
      }
      if (condition.assign) local[condition.assign] = value
    }
    if (!matched) continue
    if (rule.type === 'endpoint') {
      const { url, properties, headers } = rule.endpoint
      return {
        url: evaluateExpression(url, local, library),
        properties: evaluateExpression(properties ?? {}, local, library),
        headers: evaluateExpression(headers ?? {}, local, library),
      }
    }
    if (rule.type === 'error') return { error: evaluateExpression(rule.error, local, library) }
    const inner = evaluateRules(rule.rules, local, library)
    // A tree whose conditions matched is terminal (the specification makes falling out of it an error).
    return inner ?? { error: 'no rule in a matching tree applied' }
  }
  return undefined
}

/**
 * Resolves one endpoint: `{ url, properties, headers }`, or `{ error }` when the rule set refuses the
 * parameters (e.g. FIPS in a partition without it).
 */
export function resolveEndpoint(ruleSet, params, partitions) {
  const scope = {}
  for (const [name, spec] of Object.entries(ruleSet.parameters)) {
    scope[name] = params[name] ?? spec.default ?? null
  }
  const library = {
    booleanEquals: (a, b) => a === b,
    stringEquals: (a, b) => a === b,
    isSet: (value) => value !== null && value !== undefined,
    not: (value) => !value,
    getAttr,
    substring,
    parseURL,
    isValidHostLabel,
    uriEncode: (value) =>
      encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    'aws.partition': partitionFunction(partitions),
    'aws.parseArn': parseArn,
    'aws.isVirtualHostableS3Bucket': isVirtualHostableS3Bucket,
  }
  return evaluateRules(ruleSet.rules, scope, library) ?? { error: 'no rule applied' }
}

/** Every endpoint URL template the rule set contains (to report the ones no parameter set reached). */
export function endpointTemplates(ruleSet) {
  const out = new Set()
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.type === 'endpoint' && typeof rule.endpoint.url === 'string') out.add(rule.endpoint.url)
      if (rule.type === 'tree') walk(rule.rules)
    }
  }
  walk(ruleSet.rules)
  return out
}
