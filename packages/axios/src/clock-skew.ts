/**
 * The phrases AWS uses when a request's `X-Amz-Date` is outside the service's clock window: S3's
 * `RequestTimeTooSkewed` code, and API Gateway / query-protocol services' `Signature expired: …` and
 * `Signature not yet current: …` messages.
 */
const SKEW_MARKERS = ['RequestTimeTooSkewed', 'Signature expired', 'Signature not yet current']

/** Whether an AWS error answer says the request time was too far from the server's clock. */
export function isClockSkewAnswer(status: number, bodyText: string | undefined): boolean {
  if (status !== 403 && status !== 400) return false
  return bodyText !== undefined && SKEW_MARKERS.some((marker) => bodyText.includes(marker))
}

/**
 * The server's clock at the time it answered: its `Date` header, or else the time written in the error
 * body (a browser cannot read `Date` on a cross-origin answer unless the server exposes it). S3 writes
 * `<ServerTime>2026-11-22T12:20:00Z</ServerTime>`; API Gateway writes
 * `Signature expired: <request> is now earlier than <limit> (<server> - 5 min.)`.
 */
export function serverTimeOf(dateHeader: string | undefined, bodyText: string | undefined): Date | undefined {
  if (dateHeader) {
    const fromHeader = Date.parse(dateHeader)
    if (!Number.isNaN(fromHeader)) return new Date(fromHeader)
  }
  if (!bodyText) return undefined
  const serverTime = /<ServerTime>([^<]+)<\/ServerTime>/.exec(bodyText)?.[1]
  if (serverTime !== undefined) {
    const parsed = Date.parse(serverTime)
    if (!Number.isNaN(parsed)) return new Date(parsed)
  }
  const amzDate = /\((\d{8}T\d{6}Z)\s*[-+]\s*\d+\s*min/.exec(bodyText)?.[1]
  return amzDate === undefined ? undefined : parseAmzDate(amzDate)
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[]
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!))
}

/** The text of an axios response body, whatever `responseType` produced (streams are not read). */
export async function responseBodyText(data: unknown): Promise<string | undefined> {
  if (data === undefined || data === null) return undefined
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const view =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    return new TextDecoder().decode(view)
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text()
  if (typeof data === 'object' && typeof (data as { pipe?: unknown }).pipe !== 'function') {
    try {
      return JSON.stringify(data)
    } catch {
      return undefined
    }
  }
  return undefined
}
