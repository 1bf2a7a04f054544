import type { VerifyFailure } from '../verify/types'
import type { RealtimeKind } from './realtime-kind'

type AppSyncKind = Extract<RealtimeKind, 'appsync-graphql' | 'appsync-events'>

/** One entry of AppSync's `errors` array. */
export interface AppSyncError {
  errorType: string
  message: string
  errorCode?: number
}

const UNAUTHORIZED = new Set([
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
])

/**
 * A refused signature as AppSync words it: `UnauthorizedException` (401) for missing or unknown credentials,
 * `BadRequestException` (400) otherwise, a mismatch followed by the canonical string AppSync computed (as
 * in aws-amplify/amplify-js#14001).
 */
export function appSyncErrorOf(failure: VerifyFailure): AppSyncError {
  if (UNAUTHORIZED.has(failure.code)) {
    return {
      errorType: 'UnauthorizedException',
      message: 'You are not authorized to make this call.',
      errorCode: 401,
    }
  }
  const computed =
    failure.canonicalRequest === undefined
      ? ''
      : `\n\nThe Canonical String for this request should have been\n'${failure.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${failure.stringToSign}'\n`
  return { errorType: 'BadRequestException', message: `${failure.message}${computed}`, errorCode: 400 }
}

/** `connection_error`: GraphQL nests `errors` in `payload`, Events puts them at the top level. */
export function connectionError(kind: AppSyncKind, error: AppSyncError): Record<string, unknown> {
  return kind === 'appsync-graphql'
    ? { type: 'connection_error', payload: { errors: [error] } }
    : { type: 'connection_error', errors: [{ errorType: error.errorType, message: error.message }] }
}

/** `connection_ack` with the keep-alive timeout the client must watch. */
export function connectionAck(kind: AppSyncKind, connectionTimeoutMs: number): Record<string, unknown> {
  return kind === 'appsync-graphql'
    ? { type: 'connection_ack', payload: { connectionTimeoutMs } }
    : { type: 'connection_ack', connectionTimeoutMs }
}

/** The answer to a refused `start` (GraphQL), `subscribe` or `publish` (Events). */
export function messageError(type: string, id: string, error: AppSyncError): Record<string, unknown> {
  if (type === 'start') return { type: 'error', id, payload: { errors: [error] } }
  return { type: `${type}_error`, id, errors: [{ errorType: error.errorType, message: error.message }] }
}

/** The answer to an accepted `start`, `subscribe` or `publish`. */
export function messageSuccess(type: string, id: string, events = 0): Record<string, unknown> {
  if (type === 'start') return { type: 'start_ack', id }
  if (type === 'publish') {
    const successful = Array.from({ length: events }, (_, index) => ({
      identifier: crypto.randomUUID(),
      index,
    }))
    return { type: 'publish_success', id, successful, failed: [] }
  }
  return { type: 'subscribe_success', id }
}
