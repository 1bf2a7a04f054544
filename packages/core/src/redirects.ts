// @awssig/core/redirects: the one redirect policy, for adapters whose transport drives the exchange (axios).
// The fetch path's loop loads the same module only when a redirect arrives.
export {
  BODY_HEADERS,
  nextRedirectHop,
  type RedirectHop,
  type RedirectOrigin,
  redirectLocation,
} from './request-loop/redirect-policy'
