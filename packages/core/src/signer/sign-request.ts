import { InvalidInputError, NoMatchingRuleError } from '../errors'
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
import { checkedDate, clonePlan, requestOf, toUrl, withRequestContext } from './request-values'

/** `signer.sign`: see the Signer interface. Bad input fails first, typed and naming the field. */
export async function signRequest(
  parts: SignerParts,
  input: SignableRequest,
  signOptions: SignOptions = {},
): Promise<SignResult> {
  if (typeof signOptions !== 'object' || signOptions === null) {
    throw new InvalidInputError(__DEV__ ? 'options must be an object' : invalidIn('options'), 'options')
  }
  const request = { ...input, headers: checkedRequest(input) }
  const url = toUrl(request.url)
  const signingDate = checkedDate(signOptions.signingDate)
  let algorithm: SigningPlan['algorithm'] | undefined
  try {
    const toSign = isAlreadySigned(url, request.headers) ? await bearerReplaced(parts, request, url) : request
    if (toSign) {
      const only = parts.plans.lookup(url).explanation.plan
      if (only?.payloadHashOnly) {
        const { withPayloadHash } = await import('../signing/payload-hash-only')
        return withPayloadHash(toSign, url, clonePlan(only), parts.resolved, {
          buildCanonicalInput,
          payloadHashOf,
        })
      }
      const { signing, explanation } = await prepareSigning(parts, toSign, url, signingDate, false)
      if (signing) {
        algorithm = signing.plan.algorithm
        const signed = await (algorithm === 'sigv4a' ? signSigV4a : signSigV4)(signing)
        const result: SignResult = {
          request: signedRequestOf(
            request.method,
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
  presignOptions: PresignOptions,
): Promise<string> {
  const request = { ...input, headers: checkedRequest(input) }
  checkedDate(presignOptions?.signingDate)
  let algorithm: SigningPlan['algorithm'] | undefined
  try {
    return await presign(request, presignOptions, {
      toUrl,
      prepare: (url, signingDate) => prepareSigning(parts, request, url, signingDate, true),
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
 * A request with its own Authorization passes through unsigned, except a Bearer on a host whose rule says
 * `replaceBearer`: then it is signed without that header. `undefined` means pass through. The header code
 * loads only for such a rule, so apps without one do not carry it.
 */
async function bearerReplaced(parts: SignerParts, request: SignableRequest, url: URL) {
  if (isAlreadySigned(url) || !parts.plans.lookup(url).explanation.plan?.replaceBearer) return undefined
  const { withoutBearer } = await import('../signing/bearer-authorization')
  return withoutBearer(request)
}
