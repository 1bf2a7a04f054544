import { sha256Primitives } from '#sha256'
import { setRecent } from '../bounded-map'
import type { AwsCredentialIdentity } from '../credentials/credential-identity'
import type { HmacKey } from './sha256-primitives'

/** Derived keys kept per credentials object: one per day × region × service in use. */
const MAX_KEYS_PER_CREDENTIALS = 32

interface KeyEntry {
  /** The secret the key was derived from: an identity mutated in place (rotated) gets a new key. */
  secret: string
  key: Promise<HmacKey>
}

// Keyed by the credentials object, so keys live exactly as long as the credentials they derive from and no
// secret (or hash of one) is ever used as a map key.
const cache = new WeakMap<AwsCredentialIdentity, Map<string, KeyEntry>>()

/**
 * The SigV4 signing key `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`,
 * cached (bounded, least recently derived dropped first) so a signature costs one HMAC, as AWS intends.
 */
export function sigV4SigningKey(
  credentials: AwsCredentialIdentity,
  shortDate: string,
  region: string,
  service: string,
): Promise<HmacKey> {
  let keys = cache.get(credentials)
  if (!keys) {
    keys = new Map()
    cache.set(credentials, keys)
  }
  const id = `${shortDate}/${region}/${service}`
  const entry = keys.get(id)
  if (entry && entry.secret === credentials.secretAccessKey) return entry.key
  const key = deriveSigV4Key(credentials.secretAccessKey, shortDate, region, service)
  const created: KeyEntry = { secret: credentials.secretAccessKey, key }
  setRecent(keys, id, created, MAX_KEYS_PER_CREDENTIALS)
  key.catch(() => {
    if (keys.get(id) === created) keys.delete(id)
  })
  return key
}

async function deriveSigV4Key(
  secret: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<HmacKey> {
  const { hmac, importHmacKey } = sha256Primitives
  const kDate = await hmac(`AWS4${secret}`, shortDate)
  const kRegion = await hmac(kDate, region)
  const kService = await hmac(kRegion, service)
  return importHmacKey(await hmac(kService, 'aws4_request'))
}
