import type { Dialect, VerifyFailure } from './types'

/** An AWS error before it is rendered in a dialect's body format. */
export interface AwsError {
  status: number
  code: string
  message: string
  /** S3: extra `<Error>` elements, in order (`<Region>`, `<ServerTime>`, …). */
  elements?: Array<[string, string]>
  /** Extra response headers (`x-amz-bucket-region`). */
  headers?: Record<string, string>
  canonicalRequest?: string
  stringToSign?: string
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function requestId(): string {
  return crypto.randomUUID()
}

/**
 * Renders an error the way the dialect's services answer: API Gateway JSON `{"message": …}` with
 * `x-amzn-ErrorType`; S3 XML `<Error>`; query-protocol XML `<ErrorResponse>`. Every answer carries a `Date`
 * header from the verifier's clock, because clients (and our skew correction) read the server time there.
 */
export function renderAwsError(dialect: Dialect, error: AwsError, now: Date): VerifyFailure {
  const headers = new Headers({ date: now.toUTCString() })
  for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value)
  const id = requestId()
  let body: string
  if (dialect === 'apigateway') {
    // API Gateway appends what it computed to the message of a signature mismatch.
    const message =
      error.canonicalRequest !== undefined && error.stringToSign !== undefined
        ? `${error.message}\n\nThe Canonical String for this request should have been\n'${error.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${error.stringToSign}'\n`
        : error.message
    body = JSON.stringify({ message })
    headers.set('content-type', 'application/json')
    headers.set('x-amzn-errortype', error.code)
    headers.set('x-amzn-requestid', id)
  } else if (dialect === 's3') {
    const elements = [...(error.elements ?? [])]
    if (error.stringToSign !== undefined) elements.push(['StringToSign', error.stringToSign])
    if (error.canonicalRequest !== undefined) elements.push(['CanonicalRequest', error.canonicalRequest])
    const inner = elements.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('')
    body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${inner}<RequestId>${id}</RequestId><HostId>${id}</HostId></Error>`
    headers.set('content-type', 'application/xml')
    headers.set('x-amz-request-id', id)
  } else {
    body = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`
    headers.set('content-type', 'text/xml')
    headers.set('x-amzn-requestid', id)
  }
  const failure: VerifyFailure = {
    ok: false,
    status: error.status,
    code: error.code,
    message: error.message,
    body,
    headers,
  }
  if (error.canonicalRequest !== undefined) failure.canonicalRequest = error.canonicalRequest
  if (error.stringToSign !== undefined) failure.stringToSign = error.stringToSign
  return failure
}
