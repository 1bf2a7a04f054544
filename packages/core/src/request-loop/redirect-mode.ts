import { RedirectError } from '../errors'
import { isBrowserLike } from './environment'

/** How redirects of a signed request are handled. */
export interface RedirectMode {
  /** The `redirect` the transport is given. */
  transport: RequestRedirect
  /** True when awssig follows redirects itself, hop by hop, under its credential policy. */
  follow: boolean
}

/**
 * The redirect handling of a signed request, from the mode the caller chose (`undefined`: none). Where script
 * can see redirects (Node, Deno, Bun) awssig follows them itself — also for an explicit `'follow'`, because a
 * runtime that follows strips only `Authorization` and sends `X-Amz-Security-Token` to wherever the redirect
 * leads. In browsers, where script cannot, none becomes `'error'` and `'follow'` is a `RedirectError`,
 * thrown before anything is sent. `'manual'` and `'error'` are the caller's to keep.
 *
 * @example redirectModeFor(undefined, 'GET', url) // Node: { transport: 'manual', follow: true }
 */
export function redirectModeFor(
  chosen: RequestRedirect | undefined,
  method: string,
  url: string,
): RedirectMode {
  if (chosen === 'manual' || chosen === 'error') return { transport: chosen, follow: false }
  if (!isBrowserLike()) return { transport: 'manual', follow: true }
  if (chosen === 'follow') {
    throw new RedirectError(
      __DEV__
        ? "redirect: 'follow' cannot be honoured for a signed request in a browser: the browser would follow the redirect itself and send the X-Amz-* headers, the session token included, to wherever it leads. Leave redirect unset (signed requests then use 'error') or set 'manual'."
        : "redirect: 'follow' is refused for a signed request in a browser",
      { method, url },
    )
  }
  return { transport: 'error', follow: false }
}
