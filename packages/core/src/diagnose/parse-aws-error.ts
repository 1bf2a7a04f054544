import { readClone } from '../response/read-clone'
/** Which of AWS's error formats a response used. */
export type AwsErrorShape =
  /** API Gateway and REST-JSON services: `{"message": "…"}`, the code in `x-amzn-ErrorType`. */
  | 'rest-json'
  /** JSON protocol (`application/x-amz-json-1.x`): `{"__type": "…#Code", "message": "…"}`. */
  | 'json'
  /** S3: `<Error><Code>…</Code><Message>…</Message>…</Error>`. */
  | 's3-xml'
  /** Query protocol (EC2, IAM, STS): `<ErrorResponse><Error><Code>…</Code>…</Error></ErrorResponse>`. */
  | 'query-xml'
  /** No readable body (a HEAD request, or a body already consumed): only status and headers. */
  | 'headers'

/** The parts of an AWS error answer that diagnosis needs. Never holds signatures or canonical requests. */
export interface AwsErrorBody {
  shape: AwsErrorShape
  /** Error code without namespace or URL decorations (`InvalidSignatureException`). */
  code?: string
  /** The message, cut before any canonical request or string to sign the service appended. */
  message?: string
  /** S3 `<Error>` children by name (`Region`, `ServerTime`, `RequestTime`, `Endpoint`). */
  elements: Record<string, string>
}

// AWS error bodies are a few hundred bytes; a large body is not an AWS auth error, so stop reading early.
const MAX_ERROR_BODY_BYTES = 64 * 1024
/** How long a body may take to arrive before it is not diagnosed. */
const READ_WINDOW_MS = 2_000

// Only these S3 elements are kept: the others (`SignatureProvided`, `StringToSign`, `CanonicalRequest`)
// carry the signature or, through the canonical headers, the session token.
const KEPT_S3_ELEMENTS = new Set([
  'Region',
  'ServerTime',
  'RequestTime',
  'Endpoint',
  'Bucket',
  'MaxAllowedSkewMilliseconds',
])

/**
 * Reads an AWS error answer from a clone of `response` (the caller's response stays unread) and returns
 * its code, message and S3 elements, or null when the body is none of AWS's error formats.
 */
export async function parseAwsError(response: Response): Promise<AwsErrorBody | null> {
  const headerCode = cleanCode(response.headers.get('x-amzn-errortype') ?? undefined)
  const text = await readCloneText(response)
  const trimmed = text?.trimStart() ?? ''
  if (trimmed.startsWith('{')) return parseJsonError(trimmed, headerCode)
  if (trimmed.startsWith('<')) return parseXmlError(trimmed)
  if (trimmed === '' && (headerCode !== undefined || response.headers.has('x-amz-bucket-region'))) {
    return { shape: 'headers', ...(headerCode === undefined ? {} : { code: headerCode }), elements: {} }
  }
  return null
}

/**
 * The text of a clone of `response` (the caller's copy stays unread): at most 64 KiB, and within 2 s, so a
 * trickling body cannot hold a diagnosis forever.
 */
async function readCloneText(response: Response): Promise<string | undefined> {
  const bytes = await readClone(response, {
    maxBytes: MAX_ERROR_BODY_BYTES,
    overflow: 'truncate',
    windowMs: READ_WINDOW_MS,
  })
  return bytes && new TextDecoder().decode(bytes)
}

/**
 * `x-amzn-ErrorType: UnrecognizedClientException:http://internal.amazon.com/coral/…` and
 * `__type: com.amazon.coral.service#UnrecognizedClientException` both name the bare code.
 */
function cleanCode(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const code = (raw.split('#').pop() ?? '').split(':')[0]?.trim()
  return code === '' ? undefined : code
}

function parseJsonError(text: string, headerCode: string | undefined): AwsErrorBody | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const record = parsed as Record<string, unknown>
  const rawMessage = record.message ?? record.Message ?? record.errorMessage
  const message = typeof rawMessage === 'string' ? cutAppendedDetails(rawMessage) : undefined
  const typeCode = typeof record.__type === 'string' ? cleanCode(record.__type) : undefined
  const bodyCode = typeof record.code === 'string' ? cleanCode(record.code) : undefined
  const code = typeCode ?? headerCode ?? bodyCode
  if (code === undefined && message === undefined) return null
  return {
    shape: typeCode !== undefined ? 'json' : 'rest-json',
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
    elements: {},
  }
}

function parseXmlError(text: string): AwsErrorBody | null {
  // The first <Error> element: S3's root, or the one inside <ErrorResponse> / EC2's <Response><Errors>.
  const error = /<Error>([\s\S]*?)<\/Error>/.exec(text)?.[1]
  if (error === undefined) return null
  const elements: Record<string, string> = {}
  for (const match of error.matchAll(/<([A-Za-z][\w-]*)>([^<]*)<\/\1>/g)) {
    const name = match[1]!
    if (KEPT_S3_ELEMENTS.has(name)) elements[name] = decodeXml(match[2]!).trim()
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(error)?.[1]
  const message = /<Message>([^<]*)<\/Message>/.exec(error)?.[1]
  if (code === undefined && message === undefined) return null
  const shape = /<ErrorResponse[\s>]|<Response[\s>]/.test(text) ? 'query-xml' : 's3-xml'
  return {
    shape,
    ...(code === undefined ? {} : { code: decodeXml(code).trim() }),
    ...(message === undefined ? {} : { message: cutAppendedDetails(decodeXml(message)) }),
    elements,
  }
}

/**
 * API Gateway appends the canonical request and string to sign it computed to a signature mismatch
 * message; the canonical headers can include the session token, so only the first block is kept.
 */
function cutAppendedDetails(message: string): string {
  const cut = message.search(/\n\s*\n|The Canonical String for this request/)
  return (cut === -1 ? message : message.slice(0, cut)).trim()
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const lower = name.toLowerCase()
    if (lower === 'lt') return '<'
    if (lower === 'gt') return '>'
    if (lower === 'amp') return '&'
    if (lower === 'quot') return '"'
    if (lower === 'apos') return "'"
    const codePoint = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10)
    return Number.isFinite(codePoint) && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
  })
}
