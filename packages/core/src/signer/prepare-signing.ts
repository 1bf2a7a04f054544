import type { ResolvedSignerOptions } from '../create-signer'
import type { CredentialSource } from '../credentials/credential-source'
import type { ResolvedPlan } from '../resolve-plan'
import type { CompiledRule } from '../rules/compile-rules'
import { buildCanonicalInput } from '../signing/canonical-input'
import type { SigningInput } from '../signing/signing-input'
import { payloadHashOf } from '../signing/sigv4'
import type { Explanation, SignableRequest, SigningPlan } from '../types'
import type { PlanLookup } from './plan-lookup'
import type { SignerClock } from './signer-clock'

/** The parts of one signer that signing and presigning share. */
export interface SignerParts {
  resolved: ResolvedSignerOptions
  plans: PlanLookup
  clock: SignerClock
  sourceFor(rule: CompiledRule | undefined): CredentialSource
}

/** What signing a request needs, or only the plan and why when nothing is signed. */
export type Prepared =
  | { plan: SigningPlan; explanation: Explanation; signing: SigningInput }
  | { plan: null; explanation: Explanation; signing?: undefined }

/**
 * The plan for `url` and, when it signs, the canonical input, the payload hash (started now) and the
 * credentials. Body and header problems surface before any credentials provider is called.
 */
export async function prepareSigning(
  parts: SignerParts,
  request: SignableRequest,
  url: URL,
  { explanation, rule }: ResolvedPlan,
  signingDate: Date | undefined,
  presign: boolean,
): Promise<Prepared> {
  const plan = explanation.plan
  // A payload-hash-only plan signs nothing (sign() adds the hash; presign has nothing to presign).
  if (!plan || plan.payloadHashOnly) return { plan: null, explanation }
  const input = buildCanonicalInput({
    method: request.method,
    url,
    headers: request.headers,
    body: request.body,
    plan,
    signedHeaders: parts.resolved.signedHeaders,
    maxBodyBytes: parts.resolved.maxBodyBytes,
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
    credentials: await parts.sourceFor(rule).get(parts.clock.nowFor(url)),
    signingDate: signingDate ?? new Date(parts.clock.nowFor(url)),
    input,
    payloadHash,
  }
  return { plan, explanation, signing }
}
