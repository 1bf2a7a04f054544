import { type Hop, isStream } from '@awssig/core'

/** fetch's options for one hop: the caller's other options, and the hop's method, headers, body and redirect mode. */
export function toInit(hop: Hop, rest: RequestInit): RequestInit {
  const init: RequestInit & { duplex?: 'half' } = {
    ...rest,
    method: hop.method,
    headers: hop.headers,
    body: hop.body as BodyInit | undefined,
    redirect: hop.redirect,
  }
  // Node's fetch refuses a stream body without it; browsers that stream uploads need it too.
  if (isStream(hop.body)) init.duplex = 'half'
  return init
}
