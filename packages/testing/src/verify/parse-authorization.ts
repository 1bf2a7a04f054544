import type { QueryParameter } from './canonical-query'

/** The signature parts of a request, from the `Authorization` header or presigned query parameters. */
export interface SignatureParts {
  source: 'header' | 'query'
  algorithm: string
  credential?: string
  signedHeaders?: string
  signature?: string
  /** Presigned only: `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-Security-Token`, `X-Amz-Region-Set`. */
  date?: string
  expires?: string
  securityToken?: string
  regionSet?: string
}

/** Presigned-URL parameters that describe the signature itself rather than the request. */
export const PRESIGN_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  'X-Amz-Region-Set',
]

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` (commas with or without spaces). */
export function parseAuthorizationHeader(value: string): SignatureParts {
  const trimmed = value.trim()
  const space = trimmed.indexOf(' ')
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space)
  const parts: SignatureParts = { source: 'header', algorithm }
  if (space === -1) return parts
  for (const component of trimmed.slice(space + 1).split(',')) {
    const equals = component.indexOf('=')
    if (equals === -1) continue
    const name = component.slice(0, equals).trim()
    const content = component.slice(equals + 1).trim()
    if (name === 'Credential') parts.credential = content
    else if (name === 'SignedHeaders') parts.signedHeaders = content
    else if (name === 'Signature') parts.signature = content
  }
  return parts
}

/** Reads the presigned-URL parameters from the decoded query (first occurrence of each). */
export function parsePresignedQuery(parameters: readonly QueryParameter[]): SignatureParts {
  const get = (name: string) => parameters.find((parameter) => parameter.name === name)?.value
  const parts: SignatureParts = { source: 'query', algorithm: get('X-Amz-Algorithm') ?? '' }
  const fields: Array<[keyof SignatureParts, string]> = [
    ['credential', 'X-Amz-Credential'],
    ['signedHeaders', 'X-Amz-SignedHeaders'],
    ['signature', 'X-Amz-Signature'],
    ['date', 'X-Amz-Date'],
    ['expires', 'X-Amz-Expires'],
    ['securityToken', 'X-Amz-Security-Token'],
    ['regionSet', 'X-Amz-Region-Set'],
  ]
  for (const [field, name] of fields) {
    const value = get(name)
    if (value !== undefined) (parts as unknown as Record<string, string>)[field] = value
  }
  return parts
}
