import { inferAwsHost, isValidRegion } from './aws-hosts'
import { type CredentialSource, createCredentialSource } from './credentials/credential-source'
import { createDefaultCredentialProvider } from './credentials/default-credential-provider'
import { AwsSigError, InvalidRuleError, isAwsSigError, NoMatchingRuleError } from './errors'
import { type ResolvedPlan, resolvePlan } from './resolve-plan'
import type { LearningTarget } from './response/learn-from-answer'
import type { LearnOptions, ResponseLesson } from './response/types'
import { type CompiledRule, CREDENTIALS_SHAPE, compileRules, isCredentialsInput } from './rules/compile-rules'
import { normalizeUrlHost } from './rules/host-pattern'
import { isAlreadySigned } from './signing/already-signed'
import { buildCanonicalInput } from './signing/canonical-input'
import { loadSigV4aAlgorithm, signSigV4a, typedCryptoError } from './signing/load-sigv4a'
import { presign } from './signing/sign-query'
import type { SigningInput } from './signing/signing-input'
import { signSigV4, sigV4Algorithm } from './signing/sigv4'
import type {
  AwsHostsMode,
  CredentialsInput,
  Explanation,
  PresignOptions,
  SignableRequest,
  SignerOptions,
  SigningPlan,
  SignOptions,
  SignResult,
} from './types'

/** Options of `createSigner` (kept as a name for compatibility): the same as {@link SignerOptions}. */
export type CreateSignerOptions = SignerOptions

/** Options after validation, with every default filled in. */
export interface ResolvedSignerOptions {
  credentials?: CredentialsInput
  rules: SignerOptions['rules'] & {}
  awsHosts: AwsHostsMode
  unmatched: 'pass' | 'error'
  now: () => Date
  maxBodyBytes: number
  refreshBeforeExpiryMs: number
  signedHeaders: 'default' | 'all' | string[]
  regionCacheSize: number
}

/** Decides how each host is signed and signs requests. Create one with `createSigner`. */
export interface Signer {
  /**
   * How a request to `url` would be signed, or null when no rule or AWS host inference claims its host.
   * @example signer.resolve('https://ec2.us-west-2.amazonaws.com/') // { service: 'ec2', region: 'us-west-2', … }
   */
  resolve(url: string | URL): SigningPlan | null
  /**
   * The plan plus a sentence saying why, including why nothing matched or why a customer-code host was
   * declined. Never contains secrets.
   */
  explain(url: string | URL): Explanation
  /**
   * Signs a request (headers: `authorization`, `x-amz-date`, and where needed `x-amz-content-sha256`,
   * `x-amz-security-token`, `x-amz-region-set`). Unclaimed hosts and already-signed requests pass through
   * with `plan: null`. The input is never mutated.
   * @example const { request } = await signer.sign({ method: 'GET', url: 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15' })
   */
  sign(request: SignableRequest, options?: SignOptions): Promise<SignResult>
  /**
   * A presigned URL (SigV4 or SigV4A) valid for `expiresIn` seconds (1…604800).
   * @example await signer.presign({ method: 'GET', url: 'https://bucket.s3.eu-west-1.amazonaws.com/key' }, { expiresIn: 900 })
   */
  presign(request: SignableRequest, options: PresignOptions): Promise<string>
  /**
   * Learns from AWS's answer to a request signed with `plan` for `url`, so adapters share one response
   * side. On a clock-skew answer it sets `clockOffsetMs` from the server's time (the `Date` header, else
   * the time in the body); on an S3 wrong-region answer that names the bucket's region
   * (`x-amz-bucket-region`, or `<Region>` in an `AuthorizationHeaderMalformed` / `PermanentRedirect` body) it
   * remembers that region for the bucket's host, so `resolve` and `sign` use it from now on. Says `retry`
   * when signing again now would succeed: the caller re-signs and sends once more, never more.
   *
   * Only S3 plans whose region was a guess (the legacy global endpoint `bucket.s3.amazonaws.com`, by
   * inference or a rule without `region`) take a learned region; an explicit rule region wins and
   * `explain` says so. Other services' wrong-region answers are diagnosed, not retried. Resolves at once
   * for 2xx answers without reading anything; otherwise reads only a clone of the body.
   *
   * @example
   * const { request, plan } = await signer.sign(req)
   * let response = await fetch(request.url, request)
   * if (response.status >= 300 && (await signer.learnFromResponse(response, plan, request.url)).retry) {
   *   const again = await signer.sign(req)
   *   response = await fetch(again.request.url, again.request)
   * }
   */
  learnFromResponse(
    response: Response,
    plan: SigningPlan | null,
    url: string | URL,
    options?: LearnOptions,
  ): Promise<ResponseLesson>
  /**
   * Milliseconds added to `now()` when no `signingDate` is given. Adapters set it from the server's `Date`
   * after a clock-skew answer. @default 0
   */
  clockOffsetMs: number
  /** The validated options with defaults applied. */
  readonly options: Readonly<ResolvedSignerOptions>
}

const HOST_KNOWLEDGE = { inferAwsHost, isValidRegion }
const PLAN_CACHE_SIZE = 256

/**
 * Creates a signer. Options and rules are validated and compiled here, once: a bad rule throws
 * `InvalidRuleError` naming the rule index, the field and the fix.
 *
 * @example
 * const signer = createSigner({
 *   credentials: { accessKeyId: 'AKID…', secretAccessKey: '…' },
 *   rules: [{ host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' }],
 * })
 * const { request } = await signer.sign({ method: 'GET', url: 'https://api.corp.example/items' })
 */
export function createSigner(options: CreateSignerOptions = {}): Signer {
  const resolved = validateOptions(options)
  const rules = compileRules(options.rules)
  const planCache = new Map<string, ResolvedPlan>()
  let clockOffsetMs = 0
  const localNowMs = () => {
    const now: unknown = resolved.now()
    const ms = now instanceof Date ? now.getTime() : Number.NaN
    if (Number.isNaN(ms)) throw new AwsSigError(`options.now must return a valid Date, got ${typeof now}`)
    return ms
  }
  const nowMs = () => localNowMs() + clockOffsetMs

  const sourceOptions = { now: nowMs, refreshBeforeExpiryMs: resolved.refreshBeforeExpiryMs }
  let defaultSource: CredentialSource | undefined
  const signerSource = (): CredentialSource => {
    defaultSource ??= createCredentialSource(
      options.credentials ?? createDefaultCredentialProvider(),
      sourceOptions,
    )
    return defaultSource
  }
  const ruleSources = new Map<CompiledRule, CredentialSource>()
  for (const rule of rules) {
    if (rule.credentials !== undefined)
      ruleSources.set(rule, createCredentialSource(rule.credentials, sourceOptions))
  }

  const lookupRules = (url: URL): ResolvedPlan => {
    // Keyed by what the plan depends on (scheme for the default port, host as written): no per-call parsing.
    const key = `${url.protocol}//${url.host}`
    let entry = planCache.get(key)
    if (!entry) {
      entry = resolvePlan(normalizeUrlHost(url), rules, resolved.awsHosts)
      if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value as string)
      planCache.set(key, entry)
    }
    return entry
  }

  // What the response-side code (loaded on the first error answer) may read and change. Its region memory is
  // created there on the first S3 wrong-region answer: until then no region was learned.
  const learning: LearningTarget = {
    hosts: HOST_KNOWLEDGE,
    localNow: localNowMs,
    setClockOffset: (ms) => {
      signer.clockOffsetMs = ms
    },
    regionCacheSize: resolved.regionCacheSize,
    lookupRules,
  }

  /** The plan from rules and inference, then from what S3 said about the bucket's region, if anything. */
  const lookup = (url: URL): ResolvedPlan => {
    const entry = lookupRules(url)
    return learning.memory && entry.explanation.plan?.s3 ? learning.memory.planFor(url, entry) : entry
  }

  const explain = (url: string | URL): Explanation => {
    const { explanation } = lookup(toUrl(url))
    return {
      plan: explanation.plan && clonePlan(explanation.plan),
      reason: explanation.reason,
      warnings: [...explanation.warnings],
    }
  }

  const prepare = async (
    request: SignableRequest,
    url: URL,
    signingDate: Date | undefined,
    presign: boolean,
  ) => {
    const { explanation, rule } = lookup(url)
    const plan = explanation.plan
    if (!plan) return { plan: null, explanation }
    // Body and header problems surface before any credentials provider is called.
    const input = buildCanonicalInput({
      method: request.method,
      url,
      headers: request.headers,
      body: request.body,
      plan,
      signedHeaders: resolved.signedHeaders,
      maxBodyBytes: resolved.maxBodyBytes,
      presign,
    })
    const source = (rule && ruleSources.get(rule)) ?? signerSource()
    const signing: SigningInput = {
      plan,
      credentials: await source.get(),
      signingDate: signingDate ?? new Date(nowMs()),
      input,
    }
    return { plan, explanation, signing }
  }

  const signer: Signer = {
    resolve: (url) => explain(url).plan,
    explain,
    async sign(request, signOptions = {}) {
      const url = toUrl(request.url)
      if (isAlreadySigned(url, request.headers)) return passThrough(request, url)
      let algorithm: SigningPlan['algorithm'] | undefined
      try {
        const prepared = await prepare(request, url, signOptions.signingDate, false)
        const { signing } = prepared
        if (!signing) {
          if (resolved.unmatched === 'error') {
            throw new NoMatchingRuleError(
              `No signing rule claims ${url.host}: ${prepared.explanation.reason}`,
              { method: request.method, url: url.href },
            )
          }
          return passThrough(request, url)
        }
        algorithm = signing.plan.algorithm
        const signed = await (algorithm === 'sigv4a' ? signSigV4a : signSigV4)(signing)
        const result: SignResult = {
          request: {
            method: request.method,
            url: signing.input.url.href,
            headers: signed.headers,
            body: request.body ?? null,
          },
          plan: clonePlan(signing.plan),
        }
        if (signOptions.debug) {
          result.canonicalRequest = signed.canonicalRequest
          result.stringToSign = signed.stringToSign
        }
        return result
      } catch (error) {
        throw withRequestContext(request, typedCryptoError(error, algorithm))
      }
    },
    async presign(request, presignOptions) {
      let algorithm: SigningPlan['algorithm'] | undefined
      try {
        return await presign(request, presignOptions, {
          toUrl,
          prepare: (url, signingDate) => prepare(request, url, signingDate, true),
          algorithmFor: (signing) => {
            algorithm = signing.plan.algorithm
            return algorithm === 'sigv4a' ? loadSigV4aAlgorithm(signing) : sigV4Algorithm(signing)
          },
        })
      } catch (error) {
        throw withRequestContext(request, typedCryptoError(error, algorithm))
      }
    },
    async learnFromResponse(response, plan, url, learnOptions = {}) {
      // The common case costs one comparison; the diagnosis code loads only when an error answer arrives.
      if (response.status < 300 || plan === null) return { retry: false }
      const target = toUrl(url)
      try {
        const { learnFromAnswer } = await import('./response/learn-from-answer')
        return await learnFromAnswer(response, plan, target, learnOptions, learning)
      } catch {
        // Reading an answer never breaks the exchange: the caller still has the response itself.
        return { retry: false }
      }
    },
    get clockOffsetMs() {
      return clockOffsetMs
    },
    set clockOffsetMs(value: number) {
      if (!Number.isFinite(value))
        throw new TypeError('clockOffsetMs must be a finite number of milliseconds')
      clockOffsetMs = value
    },
    options: Object.freeze(resolved),
  }
  return signer
}

function validateOptions(options: CreateSignerOptions): ResolvedSignerOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidRuleError('createSigner(options): options must be an object.', -1, 'options')
  }
  const fail = (field: string, problem: string): never => {
    throw new InvalidRuleError(`options.${field}: ${problem}`, -1, field)
  }
  const known = new Set([
    'credentials',
    'rules',
    'awsHosts',
    'unmatched',
    'now',
    'maxBodyBytes',
    'refreshBeforeExpiryMs',
    'signedHeaders',
    'regionCacheSize',
  ])
  for (const key of Object.keys(options))
    if (!known.has(key)) fail(key, `unknown option; options are ${[...known].join(', ')}`)
  const { awsHosts = true, unmatched = 'pass', now = () => new Date() } = options
  const {
    maxBodyBytes = 64 * 1024 * 1024,
    refreshBeforeExpiryMs = 300_000,
    signedHeaders = 'default',
    regionCacheSize = 256,
  } = options
  if (awsHosts !== true && awsHosts !== false && awsHosts !== 'all')
    fail('awsHosts', "must be true, false or 'all'")
  if (unmatched !== 'pass' && unmatched !== 'error') fail('unmatched', "must be 'pass' or 'error'")
  if (typeof now !== 'function') fail('now', 'must be a function returning a Date')
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0)
    fail('maxBodyBytes', 'must be a non-negative integer')
  if (!Number.isFinite(refreshBeforeExpiryMs) || refreshBeforeExpiryMs < 0) {
    fail('refreshBeforeExpiryMs', 'must be a non-negative number of milliseconds')
  }
  if (!Number.isSafeInteger(regionCacheSize) || regionCacheSize < 1)
    fail('regionCacheSize', 'must be a positive integer (the most buckets whose region is remembered)')
  let headers: 'default' | 'all' | string[] = 'default'
  if (signedHeaders === 'all' || signedHeaders === 'default') headers = signedHeaders
  else if (
    Array.isArray(signedHeaders) &&
    signedHeaders.every((h) => typeof h === 'string' && /^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(h))
  ) {
    headers = signedHeaders.map((h) => h.toLowerCase())
  } else fail('signedHeaders', "must be 'default', 'all' or an array of header names")
  const credentials = options.credentials
  if (credentials !== undefined && !isCredentialsInput(credentials)) {
    fail('credentials', CREDENTIALS_SHAPE)
  }
  const resolved: ResolvedSignerOptions = {
    rules: Array.isArray(options.rules) ? [...options.rules] : [],
    awsHosts,
    unmatched,
    now,
    maxBodyBytes,
    refreshBeforeExpiryMs,
    signedHeaders: headers,
    regionCacheSize,
  }
  if (credentials !== undefined) resolved.credentials = credentials
  return resolved
}

function toUrl(url: string | URL): URL {
  try {
    return new URL(String(url))
  } catch (error) {
    throw new TypeError(`Not an absolute URL: ${String(url).split('?')[0]}`, { cause: error })
  }
}

function passThrough(request: SignableRequest, url: URL): SignResult {
  return {
    request: {
      method: request.method,
      url: url.href,
      headers: new Headers(request.headers),
      body: request.body ?? null,
    },
    plan: null,
  }
}

function clonePlan(plan: SigningPlan): SigningPlan {
  const copy: SigningPlan = { ...plan, warnings: [...plan.warnings] }
  if (plan.regionSet) copy.regionSet = [...plan.regionSet]
  return copy
}

/** Adds the request's method and URL to awssig errors raised without them (credentials, SigV4A loading). */
function withRequestContext(request: SignableRequest, error: unknown): unknown {
  if (isAwsSigError(error) && error.method === undefined) {
    const context = new AwsSigError('', { method: request.method, url: String(request.url) })
    Object.defineProperty(error, 'method', { value: context.method, enumerable: true })
    Object.defineProperty(error, 'url', { value: context.url, enumerable: true })
  }
  return error
}
