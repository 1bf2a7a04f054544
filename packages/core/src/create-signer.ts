import { inferAwsHost, isValidRegion } from './aws-hosts'
import { createClockOffsets, isClockOffset } from './clock/clock-offsets'
import { type CredentialSource, createCredentialSource } from './credentials/credential-source'
import { createDefaultCredentialProvider } from './credentials/default-credential-provider'
import {
  AwsSigError,
  InvalidInputError,
  InvalidRuleError,
  isAwsSigError,
  NoMatchingRuleError,
} from './errors'
import { type ResolvedPlan, resolvePlan } from './resolve-plan'
import type { LearningTarget } from './response/learn-from-answer'
import type { LearnOptions, ResponseLesson } from './response/types'
import {
  type CompiledRule,
  CREDENTIALS_SHAPE,
  compileRules,
  invalidIn,
  isCredentialsInput,
} from './rules/compile-rules'
import { normalizeUrlHost } from './rules/host-pattern'
import { isAlreadySigned } from './signing/already-signed'
import { buildCanonicalInput } from './signing/canonical-input'
import { checkedRequest, TOKEN } from './signing/checked-request'
import { loadSigV4aAlgorithm, signSigV4a, typedCryptoError } from './signing/load-sigv4a'
import { presign } from './signing/sign-query'
import type { SigningInput } from './signing/signing-input'
import { payloadHashOf, signSigV4, sigV4Algorithm } from './signing/sigv4'
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
import { planForWebSocket } from './websocket-plan'

/** Options of `createSigner` (kept as a name for compatibility): the same as {@link SignerOptions}. */
export type CreateSignerOptions = SignerOptions

/** Options after validation, with every default filled in. */
export interface ResolvedSignerOptions {
  credentials?: CredentialsInput
  rules: SignerOptions['rules'] & {}
  awsHosts: AwsHostsMode
  unmatched: 'pass' | 'error'
  /** The clock signatures are dated by (before the per-origin skew correction). */
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
   * with `plan: null`. The input is never mutated, and the body is not copied: it is hashed during this call
   * (before credentials are awaited), so the signature covers the bytes as they are when `sign` is called.
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
  const clock = createClockOffsets()
  const localNowMs = () => {
    const now: unknown = resolved.now()
    const ms = now instanceof Date ? now.getTime() : Number.NaN
    if (Number.isNaN(ms)) throw new AwsSigError(`options.now must return a valid Date, got ${typeof now}`)
    return ms
  }
  // The clock for signing to one origin: a server's correction applies to that server only (issue 13).
  const nowFor = (url: URL) => localNowMs() + clock.for(url.origin)

  const sourceOptions = {
    now: () => localNowMs() + clock.latest,
    refreshBeforeExpiryMs: resolved.refreshBeforeExpiryMs,
  }
  // One credential source per rule with its own credentials, and one (key undefined) for everything else;
  // each is created on first use.
  const sources = new Map<CompiledRule | undefined, CredentialSource>()
  const sourceFor = (matched: CompiledRule | undefined): CredentialSource => {
    const rule = matched?.credentials ? matched : undefined
    let source = sources.get(rule)
    if (!source) {
      const own = Object.hasOwn(options, 'credentials') ? options.credentials : undefined
      const input = rule ? rule.credentials : (own ?? createDefaultCredentialProvider())
      source = createCredentialSource(input as CredentialsInput, sourceOptions)
      sources.set(rule, source)
    }
    return source
  }

  const lookupRules = (url: URL): ResolvedPlan => {
    // Keyed by what the plan depends on (scheme for the default port, host as written): no per-call parsing.
    const key = `${url.protocol}//${url.host}`
    let entry = planCache.get(key)
    if (!entry) {
      entry = resolvePlan(normalizeUrlHost(url), rules, resolved.awsHosts, url.protocol)
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
    learnClockOffset: (url, ms) => clock.learn(url.origin, ms),
    regionCacheSize: resolved.regionCacheSize,
    lookupRules,
  }

  /** The plan from rules and inference, then from what S3 said about the bucket's region, if anything. */
  const lookup = (url: URL): ResolvedPlan => {
    const entry = planForWebSocket(url, lookupRules(url))
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
    // A payload-hash-only plan signs nothing (sign() adds the hash; presign has nothing to presign).
    if (!plan || plan.payloadHashOnly) return { plan: null, explanation }
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
    // The body is hashed now, before credentials are awaited: the signature covers the bytes as they are at
    // the call, like fetch's own snapshot, without copying them (node:crypto hashes here and now; Web Crypto's
    // digest copies its input when called). A caller changing the buffer afterwards gets a rejected request,
    // never a signature over bytes it did not pass.
    const payloadHash = presign || input.body === undefined ? undefined : payloadHashOf(input.body)
    // Awaited only after the credentials: a failed provider must not leave this rejection unhandled.
    payloadHash?.catch(() => undefined)
    const signing: SigningInput = {
      plan,
      // Expiry is judged by this origin's clock: STS states `expiration` in AWS's time.
      credentials: await sourceFor(rule).get(nowFor(url)),
      signingDate: signingDate ?? new Date(nowFor(url)),
      input,
      payloadHash,
    }
    return { plan, explanation, signing }
  }

  // A request with its own Authorization passes through unsigned, except a Bearer on a host whose rule says
  // `replaceBearer`: then it is signed without that header. `undefined` means pass through. The header code
  // loads only for such a rule, so apps without one do not carry it.
  const bearerReplaced = async (request: SignableRequest, url: URL) => {
    if (isAlreadySigned(url) || !lookup(url).explanation.plan?.replaceBearer) return undefined
    const { withoutBearer } = await import('./signing/bearer-authorization')
    return withoutBearer(request)
  }

  const signer: Signer = {
    resolve: (url) => explain(url).plan,
    explain,
    async sign(input, signOptions = {}) {
      // Bad input fails here, typed and naming the field, before a provider is called or anything is sent.
      if (typeof signOptions !== 'object' || signOptions === null) {
        throw new InvalidInputError(__DEV__ ? 'options must be an object' : invalidIn('options'), 'options')
      }
      const request = { ...input, headers: checkedRequest(input) }
      const url = toUrl(request.url)
      const { debug } = signOptions
      const signingDate = checkedDate(signOptions.signingDate)
      let algorithm: SigningPlan['algorithm'] | undefined
      try {
        const toSign = isAlreadySigned(url, request.headers) ? await bearerReplaced(request, url) : request
        if (toSign) {
          const only = lookup(url).explanation.plan
          if (only?.payloadHashOnly) {
            const { withPayloadHash } = await import('./signing/payload-hash-only')
            return withPayloadHash(toSign, url, clonePlan(only), resolved, {
              buildCanonicalInput,
              payloadHashOf,
            })
          }
          const { signing, explanation } = await prepare(toSign, url, signingDate, false)
          if (signing) {
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
            if (debug) {
              result.canonicalRequest = signed.canonicalRequest
              result.stringToSign = signed.stringToSign
            }
            return result
          }
          if (resolved.unmatched === 'error') {
            throw new NoMatchingRuleError(`No signing rule claims ${url.host}: ${explanation.reason}`, {
              method: request.method,
              url: url.href,
            })
          }
        }
        return { request: requestOf(request, url), plan: null }
      } catch (error) {
        throw withRequestContext(request, typedCryptoError(error, algorithm))
      }
    },
    async presign(input, presignOptions) {
      const request = { ...input, headers: checkedRequest(input) }
      checkedDate(presignOptions?.signingDate)
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
      return clock.latest
    },
    set clockOffsetMs(value: number) {
      if (!isClockOffset(value)) {
        throw new InvalidInputError(
          __DEV__
            ? 'clockOffsetMs must be a number of milliseconds within ±7 days (604800000); for a larger error pass options.now'
            : invalidIn('clockOffsetMs'),
          'clockOffsetMs',
        )
      }
      clock.setAll(value)
    },
    options: Object.freeze(resolved),
  }
  return signer
}

type OptionCheck = readonly [isValid: (value: never) => boolean, mustBe: string]

/**
 * Every option, with its check and what the message says it must be (`rules` are checked by compileRules).
 * Its keys are the option names an unknown-option message lists.
 */
const OPTION_CHECKS: Record<keyof SignerOptions, OptionCheck> = {
  credentials: [isCredentialsInput, __DEV__ ? CREDENTIALS_SHAPE : ''],
  rules: [() => true, ''],
  awsHosts: [
    (v: unknown) => v === true || v === false || v === 'all',
    __DEV__ ? "must be true, false or 'all'" : '',
  ],
  unmatched: [(v: unknown) => v === 'pass' || v === 'error', __DEV__ ? "must be 'pass' or 'error'" : ''],
  now: [(v: unknown) => typeof v === 'function', __DEV__ ? 'must be a function returning a Date' : ''],
  maxBodyBytes: [
    (v: number) => Number.isSafeInteger(v) && v >= 0,
    __DEV__ ? 'must be a non-negative integer' : '',
  ],
  refreshBeforeExpiryMs: [
    (v: number) => Number.isFinite(v) && v >= 0,
    __DEV__ ? 'must be a non-negative number of milliseconds' : '',
  ],
  signedHeaders: [
    (v: unknown) =>
      v === 'all' ||
      v === 'default' ||
      (Array.isArray(v) && v.every((h) => typeof h === 'string' && TOKEN.test(h))),
    __DEV__ ? "must be 'default', 'all' or an array of header names" : '',
  ],
  regionCacheSize: [
    (v: number) => Number.isSafeInteger(v) && v >= 1,
    __DEV__ ? 'must be a positive integer (the most buckets whose region is remembered)' : '',
  ],
}

function validateOptions(options: CreateSignerOptions): ResolvedSignerOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const message = __DEV__ ? 'createSigner(options): options must be an object.' : invalidIn('options')
    throw new InvalidRuleError(message, -1, 'options')
  }
  const resolved: Record<string, unknown> = {
    awsHosts: true,
    unmatched: 'pass',
    now: () => new Date(),
    maxBodyBytes: 64 * 1024 * 1024,
    refreshBeforeExpiryMs: 300_000,
    signedHeaders: 'default',
    regionCacheSize: 256,
  }
  for (const [key, value] of Object.entries(options)) {
    const check: OptionCheck | undefined = Object.hasOwn(OPTION_CHECKS, key)
      ? OPTION_CHECKS[key as keyof SignerOptions]
      : undefined
    const problem = !check
      ? __DEV__
        ? `unknown option; options are ${Object.keys(OPTION_CHECKS).join(', ')}`
        : ''
      : value !== undefined && !check[0](value as never) && check[1]
    // A string (empty in production builds) says what is wrong; false means nothing is.
    if (problem !== false) {
      const message = __DEV__ ? `options.${key}: ${problem}` : invalidIn(`options.${key}`)
      throw new InvalidRuleError(message, -1, key)
    }
    if (value !== undefined) resolved[key] = value
  }
  const { signedHeaders, rules } = resolved
  // Header names are compared in lower case; the rules array is copied (compileRules validates its rules).
  if (Array.isArray(signedHeaders)) resolved.signedHeaders = signedHeaders.map((h: string) => h.toLowerCase())
  // `options` is for reading the configuration: fixed credentials in it (and in its rules) are shown
  // redacted, so logging or serializing the signer never prints a secret. Signing uses the caller's own.
  resolved.credentials = redacted(resolved.credentials)
  resolved.rules = Array.isArray(rules)
    ? rules.map((rule: unknown) =>
        typeof rule === 'object' && rule !== null && 'credentials' in rule
          ? { ...rule, credentials: redacted(rule.credentials) }
          : rule,
      )
    : []
  return resolved as unknown as ResolvedSignerOptions
}

/** Fixed credentials with the secret key and token replaced; providers and anything else as they are. */
function redacted(credentials: unknown): unknown {
  if (typeof credentials !== 'object' || credentials === null) return credentials
  const copy: Record<string, unknown> = { ...credentials, secretAccessKey: '[redacted]' }
  if (copy.sessionToken !== undefined) copy.sessionToken = '[redacted]'
  return copy
}

function toUrl(url: string | URL): URL {
  // Only strings and URLs: String() of anything else runs foreign code (toString) or throws a TypeError.
  if (typeof url === 'string' || url instanceof URL) {
    try {
      return new URL(url)
    } catch {}
  }
  // The value itself is not quoted: a string that fails to parse may be anything, a secret included.
  throw new InvalidInputError(
    __DEV__
      ? `url must be an absolute URL (a string or URL), got a ${typeof url} that is not`
      : invalidIn('url'),
    'url',
  )
}

/** A caller's `signingDate`, checked: a valid Date whose year has four digits (an `X-Amz-Date` can say it). */
function checkedDate(date: unknown): Date | undefined {
  if (date === undefined) return undefined
  const ms = date instanceof Date ? date.getTime() : Number.NaN
  if (!(ms >= 0 && ms < 253402300800000)) {
    throw new InvalidInputError(
      __DEV__ ? 'signingDate must be a valid Date between 1970 and 9999' : invalidIn('signingDate'),
      'signingDate',
    )
  }
  return date as Date
}

/** The request as sent to `url`: the caller's method, headers (copied) and body. */
function requestOf(request: SignableRequest, url: URL): SignResult['request'] {
  return {
    method: request.method,
    url: url.href,
    headers: new Headers(request.headers as Headers),
    body: request.body ?? null,
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
    // A throwaway error applies the same redaction to the URL as every other awssig error.
    const { method, url } = new AwsSigError('', { method: request.method, url: String(request.url) })
    Object.assign(error, { method, url })
  }
  return error
}
