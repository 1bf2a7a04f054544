// @awssig/core/credentials: credential providers that need no AWS SDK (Web APIs only). A separate entry, so
// apps that do not use them never load them, and the fetch path's bundle does not grow.
export { type FromCognitoIdentityPoolParameters, fromCognitoIdentityPool } from './from-cognito-identity-pool'
export { type FromWebTokenInit, fromWebToken } from './from-web-token'
export { IdentityCallError } from './identity-call-error'
export type {
  IdentityIdStorage,
  TemporaryCredentials,
  TemporaryCredentialsProvider,
  TokenInput,
  WebProviderOptions,
} from './types'
