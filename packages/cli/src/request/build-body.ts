import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { UsageError } from '../cli-error'

/** Body flags as given on the command line, in order. */
export interface BodyFlags {
  /** `-d/--data`: `@file` has CR/LF removed, as curl does. */
  data?: string[]
  /** `--data-binary`: `@file` is sent byte for byte. */
  dataBinary?: string[]
  /** `-F/--form name=value` or `name=@file[;type=mime]`. */
  form?: string[]
}

/** The exact bytes to sign and send, and the content type they imply (unless `-H` overrides it). */
export interface BuiltBody {
  body: Uint8Array | undefined
  contentType?: string
}

/**
 * Builds the request body the way curl does: `-d` and `--data-binary` values are joined with `&`
 * (default type `application/x-www-form-urlencoded`); `-F` builds multipart/form-data, serialized once
 * here so the boundary that is signed is the one sent.
 */
export async function buildBody(flags: BodyFlags, readStdin: () => Promise<Uint8Array>): Promise<BuiltBody> {
  const data = flags.data ?? []
  const binary = flags.dataBinary ?? []
  const form = flags.form ?? []
  if (form.length > 0 && data.length + binary.length > 0) {
    throw new UsageError('-F/--form cannot be combined with -d/--data or --data-binary.')
  }
  if (form.length > 0) return buildMultipart(form)
  if (data.length + binary.length === 0) return { body: undefined }
  const parts: Uint8Array[] = []
  for (const value of data) parts.push(stripNewlines(await readValue(value, readStdin)))
  for (const value of binary) parts.push(await readValue(value, readStdin))
  return { body: joinWithAmpersand(parts), contentType: 'application/x-www-form-urlencoded' }
}

async function readValue(value: string, readStdin: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (!value.startsWith('@')) return new TextEncoder().encode(value)
  const path = value.slice(1)
  if (path === '-') return readStdin()
  return readDataFile(path)
}

async function readDataFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UsageError(`Cannot read data file ${path}: ${code === 'ENOENT' ? 'no such file' : code}.`, {
      cause: error,
    })
  }
}

async function buildMultipart(fields: string[]): Promise<BuiltBody> {
  const form = new FormData()
  for (const field of fields) {
    const eq = field.indexOf('=')
    if (eq <= 0) throw new UsageError(`-F "${field}" must look like name=value or name=@file.`)
    const name = field.slice(0, eq)
    const value = field.slice(eq + 1)
    if (value.startsWith('@')) {
      const [path = '', ...options] = value.slice(1).split(';')
      const type =
        options.find((option) => option.startsWith('type='))?.slice(5) ?? 'application/octet-stream'
      const bytes = await readDataFile(path)
      form.append(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), basename(path))
    } else {
      form.append(name, value)
    }
  }
  // Response serializes FormData exactly as fetch would, and reports the boundary it chose.
  const serialized = new Response(form)
  const body = new Uint8Array(await serialized.arrayBuffer())
  return { body, contentType: serialized.headers.get('content-type') ?? undefined }
}

function stripNewlines(bytes: Uint8Array): Uint8Array {
  return bytes.filter((byte) => byte !== 0x0a && byte !== 0x0d)
}

function joinWithAmpersand(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0) + Math.max(parts.length - 1, 0)
  const out = new Uint8Array(total)
  let offset = 0
  parts.forEach((part, index) => {
    if (index > 0) out[offset++] = 0x26
    out.set(part, offset)
    offset += part.byteLength
  })
  return out
}
