import axios from 'axios'

// The peer range spans axios 1.7.0 to the latest 1.x, and CI runs these tests on both ends
// (.ci/run, PEER_LANES). A few tests drive axios through options that only later versions have.
const [major = 0, minor = 0] = axios.VERSION.split('.').map(Number)

/**
 * axios' `env.fetch` (a custom fetch for the fetch adapter) arrived in 1.12.0. Before it, the fetch adapter
 * always uses the global fetch: tests that route it to a loopback server or an in-process verifier that way
 * are skipped there (integration's redirect matrix proves that adapter on loopback hosts instead).
 */
export const HAS_ENV_FETCH = major > 1 || minor >= 12
