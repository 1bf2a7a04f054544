import { isClockOffset } from './clock/clock-offsets'
import { InvalidInputError } from './errors'
import type { LearnOptions, ResponseLesson } from './response/types'
import { compileRules, invalidIn } from './rules/compile-rules'
import { createCredentialSources } from './signer/credential-sources'
import { createPlanLookup } from './signer/plan-lookup'
import type { SignerParts } from './signer/prepare-signing'
import { clonePlan, toUrl } from './signer/request-values'
import { presignRequest, signRequest } from './signer/sign-request'
import { createSignerClock } from './signer/signer-clock'
import { validateOptions } from './signer/validate-options'
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
   * Async because AWS host inference loads on first need (see {@link Signer.ready}).
   * @example await signer.resolve('https://ec2.us-west-2.amazonaws.com/') // { service: 'ec2', region: 'us-west-2', … }
   */
  resolve(url: string | URL): Promise<SigningPlan | null>
  /**
   * The plan `resolve` gives, decided without waiting, or `undefined` while it needs AWS host inference that
   * has not loaded yet (until then `resolve` loads it). Adapters use it to stay synchronous on the path
   * every request takes.
   * @example const plan = signer.resolveLoaded(url) ?? (await signer.resolve(url))
   */
  resolveLoaded(url: string | URL): SigningPlan | null | undefined
  /**
   * The plan plus a sentence saying why, including why nothing matched or why a customer-code host was
   * declined. Never contains secrets.
   * @example const { plan, reason } = await signer.explain('https://bedrock-runtime.us-east-1.amazonaws.com/')
   */
  explain(url: string | URL): Promise<Explanation>
  /**
   * Loads AWS host inference now and checks the rules that name an exact AWS hostname against it (a rule
   * whose region contradicts its hostname rejects with `InvalidRuleError`). Optional: `sign`, `presign`,
   * `resolve` and `explain` do it first when they need it. Inference is the largest part of the signer, so
   * it is a chunk of its own, fetched the first time a host under an AWS domain is planned; call `ready()`
   * to fetch it ahead of the first request, or to fail at startup on a contradicted rule.
   * @example await createSigner({ rules: [{ host: 'sts.amazonaws.com', region: 'eu-west-1' }] }).ready() // rejects: rules[0].region
   */
  ready(): Promise<void>
  /**
   * Signs a request (headers: `authorization`, `x-amz-date`, and where needed `x-amz-content-sha256`,
   * `x-amz-security-token`, `x-amz-region-set`). Unclaimed hosts and already-signed requests pass through
   * with `plan: null`. The input is never mutated, and the body is not copied: it is hashed during this call
   * (before credentials are awaited), so the signature covers the bytes as they are when `sign` is called.
   * (The one exception: a call that must first load AWS host inference copies a byte body, for the same
   * guarantee.)
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

/**
 * Creates a signer. Options and rules are validated and compiled here, once: a bad rule throws
 * `InvalidRuleError` naming the rule index, the field and the fix. A rule naming an exact AWS hostname is
 * also checked against what AWS host inference says of that host; inference loads on demand, so that check
 * settles at the first call (or `await signer.ready()`), before anything is signed.
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
  // Own properties only (validateOptions reads them so): a polluted Object.prototype.rules claims nothing.
  const rules = compileRules(Object.hasOwn(options, 'rules') ? options.rules : undefined)
  const clock = createSignerClock(resolved.now)
  const plans = createPlanLookup(rules, resolved, clock)
  const parts: SignerParts = {
    resolved,
    plans,
    clock,
    sourceFor: createCredentialSources(options, resolved.refreshBeforeExpiryMs, clock),
  }

  const explain = async (url: string | URL): Promise<Explanation> => {
    const { explanation } = await plans.resolve(toUrl(url))
    return {
      plan: explanation.plan && clonePlan(explanation.plan),
      reason: explanation.reason,
      warnings: [...explanation.warnings],
    }
  }

  return {
    resolve: async (url) => (await explain(url)).plan,
    resolveLoaded(url) {
      const plan = plans.lookup(toUrl(url))?.explanation.plan
      return plan && clonePlan(plan)
    },
    explain,
    ready: plans.ready,
    sign: (input, signOptions) => signRequest(parts, input, signOptions),
    presign: (input, presignOptions) => presignRequest(parts, input, presignOptions),
    async learnFromResponse(response, plan, url, learnOptions = {}) {
      // The common case costs one comparison; the diagnosis code loads only when an error answer arrives.
      if (response.status < 300 || plan === null) return { retry: false }
      const target = toUrl(url)
      try {
        // What the response side reads of AWS's hostnames (and the plans it compares) needs inference.
        await plans.ready()
        const { learnFromAnswer } = await import('./response/learn-from-answer')
        return await learnFromAnswer(response, plan, target, learnOptions, plans.learning)
      } catch {
        // Reading an answer never breaks the exchange: the caller still has the response itself.
        return { retry: false }
      }
    },
    get clockOffsetMs() {
      return clock.offsets.latest
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
      clock.offsets.setAll(value)
    },
    options: Object.freeze(resolved),
  }
}
