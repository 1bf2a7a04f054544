import { copyOfBytes } from '../body/copy-of-bytes'
import { InvalidInputError, NoMatchingRuleError } from '../errors'
import type { ResolvedPlan } from '../resolve-plan'
import { invalidIn } from '../rules/compile-rules'
import { isAlreadySigned } from '../signing/already-signed'
import { buildCanonicalInput } from '../signing/canonical-input'
import { checkedRequest } from '../signing/checked-request'
import { loadSigV4aAlgorithm, signSigV4a, typedCryptoError } from '../signing/load-sigv4a'
import { presign } from '../signing/sign-query'
import { signedRequestOf } from '../signing/signed-request'
import { payloadHashOf, signSigV4, sigV4Algorithm } from '../signing/sigv4'
import type { PresignOptions, SignableRequest, SigningPlan, SignOptions, SignResult } from '../types'
import { prepareSigning, type SignerParts } from './prepare-signing'
import { checkedDate, clonePlan, ownOptions, requestOf, toUrl, withRequestContext } from './request-values'

/** `signer.sign`: see the Signer interface. Bad input fails first, typed and naming the field. */
export async function signRequest(
  parts: SignerParts,
  input: SignableRequest,
  options: SignOptions = {},
): Promise<SignResult> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError(__DEV__ ? 'options must be an object' : invalidIn('options'), 'options')
  }
  const signOptions = ownOptions(options)
  const request = { ...input, headers: checkedRequest(input) }
  const url = toUrl(request.url)
  const signingDate = checkedDate(signOptions.signingDate)
  let algorithm: SigningPlan['algorithm'] | undefined
  try {
    // The plan needs AWS host inference loaded for a host under an AWS domain (the first time only).
    const planned = parts.plans.lookup(url) ?? (await planLater(parts, request, url))
    const toSign = isAlreadySigned(url, request.headers)
      ? await bearerReplaced(request, url, planned.explanation.plan)
      : request
    if (toSign) {
      const only = planned.explanation.plan
      if (only?.payloadHashOnly) {
        const { withPayloadHash } = await import('../signing/payload-hash-only')
        return withPayloadHash(toSign, url, clonePlan(only), parts.resolved, {
          buildCanonicalInput,
          payloadHashOf,
        })
      }
      const { signing, explanation } = await prepareSigning(parts, toSign, url, planned, signingDate, false)
      if (signing) {
        algorithm = signing.plan.algorithm
        const signed = await (algorithm === 'sigv4a' ? signSigV4a : signSigV4)(signing)
        const result: SignResult = {
          request: signedRequestOf(
            signing.input.method,
            signing.input.url.href,
            signed.headers,
            request.body ?? null,
          ),
          plan: clonePlan(signing.plan),
        }
        if (signOptions.debug) {
          result.canonicalRequest = signed.canonicalRequest
          result.stringToSign = signed.stringToSign
        }
        return result
      }
      if (parts.resolved.unmatched === 'error') {
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
}

/** `signer.presign`: see the Signer interface. */
export async function presignRequest(
  parts: SignerParts,
  input: SignableRequest,
  options: PresignOptions,
): Promise<string> {
  const presignOptions = ownOptions(options)
  const request = { ...input, headers: checkedRequest(input) }
  checkedDate(presignOptions.signingDate)
  let algorithm: SigningPlan['algorithm'] | undefined
  try {
    return await presign(request, presignOptions, {
      toUrl,
      prepare: async (url, signingDate) =>
        prepareSigning(parts, request, url, await parts.plans.resolve(url), signingDate, true),
      algorithmFor: (signing) => {
        algorithm = signing.plan.algorithm
        return algorithm === 'sigv4a' ? loadSigV4aAlgorithm(signing) : sigV4Algorithm(signing)
      },
    })
  } catch (error) {
    throw withRequestContext(request, typedCryptoError(error, algorithm))
  }
}

/**
 * The plan once what it needs has loaded. The body is hashed only afterwards, so a byte body is copied
 * first: the signature covers the bytes as they were at the call, as it does when the plan is at hand.
 */
async function planLater(parts: SignerParts, request: SignableRequest, url: URL): Promise<ResolvedPlan> {
  request.body = copyOfBytes(request.body)
  return parts.plans.resolve(url)
}

/**
 * A request with its own Authorization passes through unsigned, except a Bearer on a host whose rule says
 * `replaceBearer`: then it is signed without that header. `undefined` means pass through. The header code
 * loads only for such a rule, so apps without one do not carry it.
 */
async function bearerReplaced(request: SignableRequest, url: URL, plan: SigningPlan | null) {
  if (isAlreadySigned(url) || !plan?.replaceBearer) return undefined
  const { withoutBearer } = await import('../signing/bearer-authorization')
  return withoutBearer(request)
}
