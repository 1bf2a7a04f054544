import { randomBytes } from 'node:crypto'
import type { AwsCredentialIdentity } from '@awssig/core'
import type { VerifierCredentials } from '@awssig/testing'

/** Options of {@link createRotatingCredentials}. */
export interface RotatingCredentialsOptions {
  /** How long each minted set lives. */
  lifetimeMs: number
  /**
   * The verifying server's credentials array. Each minted set is pushed here and removed again when it
   * expires, as STS credentials stop working at their expiration.
   */
  account: VerifierCredentials[]
  /** Extra latency of each provider call (an STS round trip). @default 0 */
  delayMs?: number
}

/** A provider that mints a new access key, secret and session token on every call, like STS does. */
export interface RotatingCredentials {
  provider: () => Promise<AwsCredentialIdentity>
  /** Provider calls so far. */
  readonly calls: number
  /** Access key ids minted so far, in order. */
  readonly minted: readonly string[]
  /** When each minted access key expires (epoch ms). */
  readonly expirations: ReadonlyMap<string, number>
  /** When each provider call was made (epoch ms), in order. */
  readonly calledAt: readonly number[]
  /** Removes the expiry timers (the account keeps whatever is still registered). */
  stop(): void
}

/**
 * Short-lived credentials for the soak: every call returns a brand new identity valid for `lifetimeMs`,
 * registered with the verifying server for exactly that long. A signer that kept using an identity past its
 * expiration gets AWS's "security token invalid" answer, so "no failures" proves refreshes happen in time.
 */
export function createRotatingCredentials(options: RotatingCredentialsOptions): RotatingCredentials {
  const minted: string[] = []
  const expirations = new Map<string, number>()
  const calledAt: number[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let calls = 0

  const provider = async (): Promise<AwsCredentialIdentity> => {
    calls += 1
    calledAt.push(Date.now())
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs))
    const identity: VerifierCredentials = {
      accessKeyId: `ASIASOAK${String(calls).padStart(4, '0')}${randomBytes(4).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(48).toString('base64'),
    }
    const expiration = Date.now() + options.lifetimeMs
    options.account.push(identity)
    minted.push(identity.accessKeyId)
    expirations.set(identity.accessKeyId, expiration)
    const timer = setTimeout(() => {
      timers.delete(timer)
      const index = options.account.indexOf(identity)
      if (index >= 0) options.account.splice(index, 1)
    }, options.lifetimeMs)
    timers.add(timer)
    return { ...identity, expiration: new Date(expiration) }
  }

  return {
    provider,
    get calls() {
      return calls
    },
    minted,
    expirations,
    calledAt,
    stop() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
