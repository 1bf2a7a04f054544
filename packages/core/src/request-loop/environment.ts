/**
 * True in a browser page or a worker: there `fetch` cannot hand a redirect to script (`redirect: 'manual'`
 * yields an opaque response), and it keeps custom headers, `X-Amz-Security-Token` included, across
 * redirects. Signed requests therefore default to `redirect: 'error'` there.
 */
export function isBrowserLike(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown }
  return (
    scope.window !== undefined || scope.document !== undefined || typeof scope.importScripts === 'function'
  )
}
