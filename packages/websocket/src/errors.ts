import { AwsSigError } from '@awssig/core'

/**
 * The socket did not open, closed, or the service refused the connection or a message. `code` is the
 * WebSocket close code or HTTP status; `errorType` AppSync's error type (`UnauthorizedException`, …). The
 * message names the host and path, never the presigned query.
 */
export class WebSocketConnectionError extends AwsSigError {
  override name = 'WebSocketConnectionError' as const
  readonly code?: number
  readonly errorType?: string

  constructor(message: string, details: { code?: number; errorType?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? {} : { cause: details.cause })
    if (details.code !== undefined) this.code = details.code
    if (details.errorType !== undefined) this.errorType = details.errorType
  }
}
