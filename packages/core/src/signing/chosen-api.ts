import { InvalidInputError } from '../errors'
import type { HeaderMap } from './canonical-input'

/** The header that picks the private API behind an API Gateway VPC endpoint. */
export const API_ID_HEADER = 'x-apigw-api-id'

/**
 * For an API Gateway VPC endpoint plan: the API the request reaches must be one its rule allows. The
 * `x-apigw-api-id` header is required and must be one of `apiIds`; a `Host` header other than the URL's
 * (which API Gateway also reads to pick the API) must be `<api-id>.execute-api.…` of an allowed ID.
 * Throws `InvalidInputError` (field `headers`) before anything is signed or sent.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html
 */
export function checkChosenApi(headers: HeaderMap, apiIds: readonly string[], url: URL): void {
  const host = headers.get('host') ?? null
  const allowed = (id: string | null | undefined) => id != null && apiIds.includes(id)
  if (
    !allowed(headers.get(API_ID_HEADER)) ||
    (host !== null && host !== url.host && !allowed(/^([^.]+)\.execute-api\./.exec(host)?.[1]))
  ) {
    throw new InvalidInputError(
      __DEV__
        ? `${url.host} is an API Gateway VPC endpoint: the ${API_ID_HEADER} header (and any Host header) must name one of the rule's apiIds (${apiIds.join(', ')}), got ${headers.get(API_ID_HEADER) ?? 'none'}.`
        : API_ID_HEADER,
      'headers',
      { url: url.href },
    )
  }
}
