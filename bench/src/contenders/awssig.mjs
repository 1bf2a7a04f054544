// @awssig/core and @awssig/fetch, loaded from their built dist/ (what users import). They are
// optional here: while core is unbuilt the bench still runs the peers and reports why core is missing.
import { API_HOST, CREDENTIALS, SIGNING_DATE, SIGV4A_HOST } from '../request-shapes.mjs'

/** Rules as a user would write them: a SigV4A API, a corporate wildcard, and an execute-api host. */
export const USER_RULES = [
  { host: SIGV4A_HOST, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
  { host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' },
  // service and region are inferred from the execute-api hostname
  { host: API_HOST },
]

const toHeaderRecord = (headers) => Object.fromEntries(headers)

/**
 * @returns {Promise<{ contenders: object[], unavailable?: string }>}
 */
export async function loadAwssigContenders() {
  let core
  let fetchAdapter
  try {
    core = await import('@awssig/core')
    if (typeof core.createSigner !== 'function') throw new Error('@awssig/core exports no createSigner yet')
  } catch (error) {
    return { contenders: [], unavailable: `@awssig/core: ${error.message.split('\n')[0]}` }
  }
  const contenders = []
  const createSigner = (rules = USER_RULES) => core.createSigner({ credentials: CREDENTIALS, rules })

  contenders.push({
    id: 'core',
    label: '@awssig/core sign',
    supports: () => true,
    prepare(shape) {
      const signer = createSigner()
      const request = { method: shape.method, url: shape.url, headers: shape.headers, body: shape.body }
      return () => signer.sign(request, { signingDate: SIGNING_DATE })
    },
    inspect: (result) => ({
      authorization: result.request.headers.get('authorization'),
      headers: toHeaderRecord(result.request.headers),
    }),
  })

  let fetchUnavailable
  try {
    fetchAdapter = await import('@awssig/fetch')
    if (typeof fetchAdapter.createSignedFetch !== 'function')
      throw new Error('@awssig/fetch exports no createSignedFetch yet')
  } catch (error) {
    fetchUnavailable = `@awssig/fetch: ${error.message.split('\n')[0]}`
  }
  if (fetchAdapter && !fetchUnavailable) {
    contenders.push({
      id: 'core-fetch',
      label: '@awssig/fetch createSignedFetch (in-memory fetch)',
      supports: () => true,
      prepare(shape) {
        // The clock is the signer's: pin it so the adapter signs for the shared date like `sign` above.
        const signer = core.createSigner({
          credentials: CREDENTIALS,
          rules: USER_RULES,
          now: () => SIGNING_DATE,
        })
        const response = new Response(null, { status: 200 })
        let sent
        const inMemoryFetch = async (input, init) => {
          sent = { input, init }
          return response
        }
        const signedFetch = fetchAdapter.createSignedFetch(signer, { fetch: inMemoryFetch })
        const init = { method: shape.method, headers: shape.headers, body: shape.body }
        const run = async () => {
          await signedFetch(shape.url, init)
          return sent
        }
        return run
      },
      inspect: ({ input, init }) => {
        const headers = input instanceof Request ? input.headers : new Headers(init?.headers)
        return { authorization: headers.get('authorization'), headers: toHeaderRecord(headers) }
      },
    })
  }
  return { contenders, unavailable: fetchUnavailable }
}
