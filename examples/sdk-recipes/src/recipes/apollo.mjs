// Apollo Client → AppSync over HTTP (IAM authorization): HttpLink({ fetch }) with a signing fetch. The
// signature covers the bytes Apollo finally sends, so nothing can change the body after signing.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials, rules: [{ host: appsyncHost }] }))
//   const client = new ApolloClient({
//     link: new HttpLink({ uri: `https://${appsyncHost}/graphql`, fetch: signedFetch }),
//     cache: new InMemoryCache(),
//   })
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'Apollo Client (HttpLink, AppSync)',
  host: HOSTS.appsync,
  service: 'appsync',
  // AppSync hosts run your resolvers: awssig signs them only when a rule names them.
  rules: [{ host: HOSTS.appsync }],
  expected: 'Sign at the fetch layer',
  async run(signedFetch) {
    const client = new ApolloClient({
      link: new HttpLink({ uri: `https://${HOSTS.appsync}/graphql`, fetch: signedFetch }),
      cache: new InMemoryCache(),
    })
    const { data, error } = await client.query({ query: gql`query Todos { todos { id title } }` })
    if (error) throw error
    return data.todos[0].title
  },
}
