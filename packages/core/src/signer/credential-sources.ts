import { type CredentialSource, createCredentialSource } from '../credentials/credential-source'
import { createDefaultCredentialProvider } from '../credentials/default-credential-provider'
import type { CompiledRule } from '../rules/compile-rules'
import type { CredentialsInput, SignerOptions } from '../types'
import type { SignerClock } from './signer-clock'

/**
 * The credential source for requests a rule matched: one per rule with its own credentials, and one for
 * everything else (the signer's `credentials`, else the default chain); each is created on first use.
 */
export function createCredentialSources(
  options: SignerOptions,
  refreshBeforeExpiryMs: number,
  clock: SignerClock,
): (matched: CompiledRule | undefined) => CredentialSource {
  const sourceOptions = {
    now: () => clock.localNow() + clock.offsets.latest,
    localNow: clock.localNow,
    refreshBeforeExpiryMs,
  }
  const sources = new Map<CompiledRule | undefined, CredentialSource>()
  return (matched) => {
    const rule = matched?.credentials ? matched : undefined
    let source = sources.get(rule)
    if (!source) {
      // Own property only: a polluted Object.prototype.credentials must not sign anything.
      const own = Object.hasOwn(options, 'credentials') ? options.credentials : undefined
      const input = rule ? rule.credentials : (own ?? createDefaultCredentialProvider())
      source = createCredentialSource(input as CredentialsInput, sourceOptions)
      sources.set(rule, source)
    }
    return source
  }
}
