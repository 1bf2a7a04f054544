/**
 * The message an AWS error body carries, whatever its dialect: API Gateway's JSON `{"message"}`,
 * S3's XML `<Error><Code>…<Message>`, or the query protocol's `<ErrorResponse>`.
 * @param {number} status
 * @param {string} body
 * @returns {string}
 */
export function awsErrorText(status, body) {
  if (status >= 200 && status < 300) return 'OK'
  try {
    const json = JSON.parse(body)
    const message = json.message ?? json.Message
    if (message) return message
  } catch {
    // not JSON: an XML dialect
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1]
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1]
  if (message) return code ? `${code}: ${decodeXml(message)}` : decodeXml(message)
  return body.slice(0, 120) || '(empty body)'
}

function decodeXml(text) {
  return text
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}
