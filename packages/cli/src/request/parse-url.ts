import { UsageError } from '../cli-error'

/** Parses the URL argument; only absolute http(s) URLs can be signed and sent. */
export function parseUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch (error) {
    throw new UsageError(`"${raw}" is not an absolute URL; include the scheme, e.g. https://${raw}.`, {
      cause: error,
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`Only http and https URLs can be signed, not ${url.protocol.slice(0, -1)}.`)
  }
  return url
}
