import type { inferAwsHost, isValidRegion } from '../aws-hosts'

/**
 * The AWS hostname knowledge diagnosis uses, handed in by the caller (the signer, or the public `diagnose`
 * entry point) instead of imported: the lazily loaded diagnosis code then shares no module with the code
 * every app loads up front, so bundlers keep it entirely in its own chunk.
 */
export interface HostKnowledge {
  inferAwsHost: typeof inferAwsHost
  isValidRegion: typeof isValidRegion
}
