import type { AwsErrorBody } from './parse-aws-error'

const AMZ_DATE = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/

/** `20261122T120000Z` → Date, or undefined when malformed. */
export function parseAmzDate(text: string): Date | undefined {
  const match = AMZ_DATE.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 20261340 over into another month; a real timestamp round-trips.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined
}

function parseTimestamp(text: string | undefined): Date | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const amz = parseAmzDate(text)
  if (amz) return amz
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : new Date(ms)
}

/**
 * The server's clock at the time of a clock-skew answer: the `Date` header when readable, otherwise the
 * time in the body, because browsers hide `Date` from cross-origin scripts unless CORS exposes it.
 *
 * - S3 `RequestTimeTooSkewed`: `<ServerTime>2026-11-22T12:00:00Z</ServerTime>`.
 * - `Signature expired: <request> is now earlier than <now - window> (<now> - 5 min.)` and
 *   `Signature not yet current: <request> is still later than <now + window> (<now> + 5 min.)`: the
 *   parenthesised time is the server's own; the bound before it is used with the window when it is missing.
 */
export function serverTimeOf(response: Response, error: AwsErrorBody): Date | undefined {
  const fromHeader = parseTimestamp(response.headers.get('date') ?? undefined)
  if (fromHeader) return fromHeader
  const fromElement = parseTimestamp(error.elements.ServerTime)
  if (fromElement) return fromElement
  return serverTimeFromMessage(error.message ?? '')
}

/** The request time AWS quotes in a skew answer (`<RequestTime>`, or the first time in the message). */
export function requestTimeOf(error: AwsErrorBody): Date | undefined {
  const fromElement = parseTimestamp(error.elements.RequestTime)
  if (fromElement) return fromElement
  const match = /Signature (?:expired|not yet current): (\d{8}T\d{6}Z)/.exec(error.message ?? '')
  return match ? parseAmzDate(match[1]!) : undefined
}

function serverTimeFromMessage(message: string): Date | undefined {
  const own = /\((\d{8}T\d{6}Z) [-+] \d+ min\.\)/.exec(message)
  if (own) return parseAmzDate(own[1]!)
  const bound = /(?:earlier|later) than (\d{8}T\d{6}Z)/.exec(message)
  if (!bound) return undefined
  const date = parseAmzDate(bound[1]!)
  if (!date) return undefined
  // Without the parenthesised time the window is unknown (5 min. at API Gateway, 15 elsewhere). Assuming 5
  // is never off by more than 10 minutes, which still lands inside a 15-minute window.
  const windowMs = 5 * 60_000
  return new Date(date.getTime() + (message.includes('expired') ? windowMs : -windowMs))
}
