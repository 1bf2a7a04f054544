/** Largest error body read to look for a clock-skew answer; AWS error bodies are far smaller. */
const MAX_ERROR_BODY = 16 * 1024

// API Gateway (JSON), the query protocol (XML) and most JSON services word it this way; the time in
// parentheses is the server's: "… is now earlier than A (SERVER - 5 min.)", "… is still later than A (SERVER + 5 min.)".
const SIGNATURE_WINDOW = /Signature (?:expired|not yet current):[^(]*\((\d{8}T\d{6}Z) [-+]/
// S3: <Code>RequestTimeTooSkewed</Code> … <ServerTime>2026-11-22T12:00:00Z</ServerTime>
const SKEW_CODE = /RequestTimeTooSkewed|RequestExpired|Signature expired|Signature not yet current/
const S3_SERVER_TIME = /<ServerTime>([^<]+)<\/ServerTime>/

/**
 * If `response` is AWS saying the request time is too far from its own clock (S3 `RequestTimeTooSkewed`,
 * "Signature expired", "Signature not yet current", `RequestExpired`), returns the server's time: from the
 * `Date` header, or, where a browser cannot read `Date` cross-origin, from the error body. Otherwise
 * `undefined`. Reads a clone, so `response` stays readable.
 *
 * @example
 * const serverTime = await serverTimeFromSkewError(response)
 * if (serverTime) signer.clockOffsetMs = serverTime.getTime() - Date.now()
 */
export async function serverTimeFromSkewError(response: Response): Promise<Date | undefined> {
  if (response.status !== 403 && response.status !== 400) return undefined
  const length = Number(response.headers.get('content-length') ?? '0')
  if (length > MAX_ERROR_BODY || response.body === null) return undefined
  let text: string
  try {
    text = await response.clone().text()
  } catch {
    return undefined
  }
  if (!SKEW_CODE.test(text)) return undefined
  const fromHeader = parseDate(response.headers.get('date'))
  if (fromHeader) return fromHeader
  const amzDate = SIGNATURE_WINDOW.exec(text)?.[1]
  if (amzDate) return parseAmzDate(amzDate)
  return parseDate(S3_SERVER_TIME.exec(text)?.[1] ?? null)
}

function parseDate(value: string | null): Date | undefined {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time)
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) return undefined
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!))
}
