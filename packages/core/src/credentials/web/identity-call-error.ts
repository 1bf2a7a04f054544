import { CredentialsError } from '../../errors'

/**
 * An identity service (Cognito Identity or STS) refused a call or answered something unusable. Nothing was
 * signed or sent with these credentials. The message names the operation and AWS's error code only: it never
 * quotes a token, a key or the service's own message text (which may echo the token).
 */
// Its name stays `CredentialsError`, so code that already handles that name handles this too.
export class IdentityCallError extends CredentialsError {
  /** The refused operation, e.g. `GetId`, `GetCredentialsForIdentity`, `AssumeRoleWithWebIdentity`. */
  readonly operation: string
  /** AWS's error code (`NotAuthorizedException`, `InvalidIdentityToken`, …), or `NetworkError`/`InvalidResponse`. */
  readonly code: string
  /** HTTP status of the answer; `0` when no answer arrived. */
  readonly status: number

  constructor(operation: string, code: string, status: number, options: { cause?: unknown } = {}) {
    super(
      `${operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}; no credentials were obtained`,
      options,
    )
    this.operation = operation
    this.code = code
    this.status = status
  }
}
