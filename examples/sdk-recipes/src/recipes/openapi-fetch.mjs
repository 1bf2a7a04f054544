// openapi-fetch → an API Gateway REST API with IAM authorization.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials, rules: [{ host: apiHost }] }))
//   const api = createClient({ baseUrl: `https://${apiHost}/prod`, fetch: signedFetch })
//   const { data, error } = await api.GET('/pets/{id}', { params: { path: { id: 7 } } })
import createClient from 'openapi-fetch'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'openapi-fetch (API Gateway REST API)',
  host: HOSTS.apigateway,
  service: 'execute-api',
  rules: [{ host: HOSTS.apigateway }],
  expected: 'Rex',
  async run(signedFetch) {
    const api = createClient({ baseUrl: `https://${HOSTS.apigateway}/prod`, fetch: signedFetch })
    const { data, error, response } = await api.GET('/pets/{id}', { params: { path: { id: 7 } } })
    if (error) throw new Error(`HTTP ${response.status}: ${JSON.stringify(error)}`)
    return data.name
  },
}
