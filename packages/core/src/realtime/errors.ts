import { AwsSigError, type AwsSigErrorOptions } from '@awssig/core'

/**
 * A realtime option or URL is invalid (not `wss:`, an unknown protocol, a message without its channel …).
 * Thrown before anything is signed or sent; `field` names the offending option.
 */
export class InvalidRealtimeOptionError extends AwsSigError {
  override name = 'InvalidRealtimeOptionError' as const
  /** The offending option (`url`, `protocol`, `expiresIn`, `channel`, …). */
  declare readonly field: string

  constructor(message: string, field: string, options: AwsSigErrorOptions = {}) {
    super(message, { ...options, field })
  }
}
