// Two loopback servers on origins other than the page's, recording every request that reaches them
// (preflights included), for the browser redirect checks (issue 12, finding 3):
//   api        claimed by the page's rule; every path answers 307 to `elsewhere`
//   elsewhere  claimed by nothing: a signed request's headers must never arrive here
// Both answer CORS permissively, preflights and redirects included, so that whatever the browser is allowed
// to send does arrive: if awssig let Chromium follow, the X-Amz-* headers would be recorded at `elsewhere`.
import { createServer } from 'node:http'

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string | string[] | undefined> }} Arrival
 * @typedef {{ origin: string, arrivals: Arrival[], close: () => Promise<void> }} Station
 */

/** @returns {Promise<{ api: Station, elsewhere: Station, close: () => Promise<void> }>} */
export async function startRedirectStations() {
  const elsewhere = await startStation(() => ({ status: 200, headers: {}, body: 'landed elsewhere' }))
  const api = await startStation((path) => ({
    status: 307,
    headers: { location: `${elsewhere.origin}/landed${path}` },
    body: '',
  }))
  return { api, elsewhere, close: () => Promise.all([api.close(), elsewhere.close()]).then(() => {}) }
}

/**
 * @param {(path: string) => { status: number, headers: Record<string, string>, body: string }} answer
 * @returns {Promise<Station>}
 */
async function startStation(answer) {
  /** @type {Arrival[]} */
  const arrivals = []
  const server = createServer((request, response) => {
    arrivals.push({ method: request.method ?? '', path: request.url ?? '', headers: { ...request.headers } })
    request.resume()
    const cors = corsHeaders(request)
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end()
      return
    }
    const { status, headers, body } = answer(request.url ?? '/')
    response.writeHead(status, { ...cors, ...headers, 'content-type': 'text/plain' }).end(body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    origin: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve(undefined))
      }),
  }
}

/** Allows the page's origin and whatever headers its preflight asks for (`*` would not cover Authorization). */
function corsHeaders(request) {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
    'access-control-expose-headers': 'location',
  }
}
