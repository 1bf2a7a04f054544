import type { Signer } from '../create-signer'
import { AwsSigError } from '../errors'

/** Options of {@link dsqlAuthToken}. */
export interface DsqlAuthTokenOptions {
  /** The cluster endpoint, a bare hostname: `<cluster-id>.dsql.<region>.on.aws`. */
  hostname: string
  /** Connect as the `admin` role (`Action=DbConnectAdmin`); other roles use `DbConnect`. @default false */
  admin?: boolean
  /** Seconds the token stays valid for opening a connection (1…604800). @default 900 */
  expiresIn?: number
  /** The signing time. @default now (with the signer's clock offset) */
  signingDate?: Date
}

/** An argument of a helper function is invalid; `field` names it. Thrown before anything is signed. */
export class InvalidArgumentError extends AwsSigError {
  override name = 'InvalidArgumentError' as const
  /** The offending field, e.g. `hostname`. */
  declare readonly field: string

  constructor(message: string, field: string) {
    super(message, { field })
  }
}

const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/

/**
 * An Aurora DSQL IAM authentication token: the password PostgreSQL clients send. It is a SigV4 presigned
 * `GET https://<hostname>/?Action=DbConnect` (or `DbConnectAdmin`) for service `dsql`, without the
 * `https://` prefix, as AWS's DSQL signers make it
 * (https://docs.aws.amazon.com/aurora-dsql/latest/userguide/SECTION_authentication-token.html). The plan
 * comes from the signer as for any request: cluster hosts are recognised, or a rule names the host.
 *
 * @example
 * const password = await dsqlAuthToken(signer, { hostname: 'abc0def1baz2quux3quuux4.dsql.us-east-1.on.aws', admin: true })
 * // new pg.Client({ host, user: 'admin', password, database: 'postgres', ssl: true })
 */
export async function dsqlAuthToken(signer: Signer, options: DsqlAuthTokenOptions): Promise<string> {
  const { hostname, admin = false, expiresIn = 900, signingDate } = options
  if (typeof hostname !== 'string' || !HOSTNAME.test(hostname)) {
    throw new InvalidArgumentError(
      'dsqlAuthToken: hostname must be a bare cluster hostname such as <cluster-id>.dsql.us-east-1.on.aws (no scheme, port or path)',
      'hostname',
    )
  }
  const action = admin ? 'DbConnectAdmin' : 'DbConnect'
  const url = await signer.presign(
    { method: 'GET', url: `https://${hostname}/?Action=${action}` },
    signingDate === undefined ? { expiresIn } : { expiresIn, signingDate },
  )
  return url.slice('https://'.length)
}
