// graphql-request → AppSync over HTTP (IAM authorization).
//
//   const signedFetch = createSignedFetch(createSigner({ credentials, rules: [{ host: appsyncHost }] }))
//   const client = new GraphQLClient(`https://${appsyncHost}/graphql`, { fetch: signedFetch })
import { GraphQLClient, gql } from 'graphql-request'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'graphql-request (AppSync)',
  host: HOSTS.appsync,
  service: 'appsync',
  rules: [{ host: HOSTS.appsync }],
  expected: 'Sign at the fetch layer',
  async run(signedFetch) {
    const client = new GraphQLClient(`https://${HOSTS.appsync}/graphql`, { fetch: signedFetch })
    const data = await client.request(gql`query Todos { todos { id title } }`)
    return data.todos[0].title
  },
}
