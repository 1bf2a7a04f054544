import { UsageError } from '../cli-error'

/**
 * Parses the URL argument; only absolute http(s) URLs can be signed and sent (`schemes` widens that, e.g.
 * `explain` also takes ws(s) URLs, whose plan can differ from https on the same host).
 */
export function parseUrl(raw: string, schemes: readonly string[] = ['https:', 'http:']): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch (error) {
    throw new UsageError(`"${raw}" is not an absolute URL; include the scheme, e.g. https://${raw}.`, {
      cause: error,
    })
  }
  if (!schemes.includes(url.protocol)) {
    const names = schemes.map((scheme) => scheme.slice(0, -1)).join(', ')
    throw new UsageError(`Only ${names} URLs can be signed here, not ${url.protocol.slice(0, -1)}.`)
  }
  return url
}
