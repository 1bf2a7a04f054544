import type { AwsCredentialIdentity } from '../credential-identity'

/** A value, or a function that returns it (called on every credentials fetch, so a fresh token is used). */
export type TokenInput = string | (() => string | Promise<string>)

/** Credentials from an identity provider: always temporary, so they always carry `expiration`. */
export type TemporaryCredentials = AwsCredentialIdentity & { sessionToken: string; expiration: Date }

/** A provider as `createSigner({ credentials })` takes it: called again shortly before `expiration`. */
export type TemporaryCredentialsProvider = () => Promise<TemporaryCredentials>

/** What every web provider accepts besides the service's own parameters. */
export interface WebProviderOptions {
  /**
   * The fetch used for the identity calls (tests, proxies, a loopback server). These calls are unsigned:
   * never pass a signing fetch here.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
}

/**
 * Where the Cognito identity ID is kept between page loads, as the AWS SDK's `cache` option: the Web Storage
 * API subset. `localStorage` satisfies it.
 */
export interface IdentityIdStorage {
  /** The stored identity ID, if any (may be async). */
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>
  /** Stores the identity ID (may be async). */
  setItem(key: string, value: string): void | Promise<void>
  /** Forgets the identity ID (may be async). */
  removeItem(key: string): void | Promise<void>
}
