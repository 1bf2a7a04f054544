import type { VerifierCredentials } from '../verify/types'

/** How an identity server mints temporary credentials. */
export interface IssueOptions {
  /**
   * The verifying server's `credentials` array: every issued key is pushed there, so requests signed with
   * it verify (with its session token required, as AWS requires it).
   * @default a private array
   */
  account?: VerifierCredentials[]
  /** Lifetime of issued credentials in seconds. @default 3600 */
  lifetimeSeconds?: number
  /** Server clock. @default () => new Date() */
  now?: () => Date
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function randomText(length: number, alphabet: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')
}

/** Mints one temporary key (`ASIA…`), records it in the account, and returns it with its expiry. */
export function issueCredentials(options: IssueOptions): VerifierCredentials & { expiration: Date } {
  const now = options.now?.() ?? new Date()
  const issued = {
    accessKeyId: `ASIA${randomText(16, ALPHABET)}`,
    secretAccessKey: randomText(40, `${ALPHABET}abcdefghijklmnopqrstuvwxyz01+/`),
    sessionToken: `IQoJ${randomText(120, `${ALPHABET}abcdefghijklmnopqrstuvwxyz01+/`)}`,
  }
  options.account?.push(issued)
  return { ...issued, expiration: new Date(now.getTime() + (options.lifetimeSeconds ?? 3600) * 1000) }
}

/** A request ID in AWS's shape. */
export const requestId = (): string => crypto.randomUUID()
