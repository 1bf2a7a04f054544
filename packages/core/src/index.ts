export type { AwsHostInference } from './aws-hosts/types'
export { type ReadBodyResult, readBody } from './body/read-body'
export { createSigner, type ResolvedSignerOptions, type Signer } from './create-signer'
export {
  AwsSigError,
  type AwsSigErrorOptions,
  BodyTooLargeError,
  CredentialsError,
  InvalidRuleError,
  isAwsSigError,
  NoMatchingRuleError,
  SigV4aUnavailableError,
  UnsignableBodyError,
} from './errors'
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  AwsHostsMode,
  CredentialsInput,
  Explanation,
  HostPattern,
  PresignOptions,
  SignableRequest,
  SignedRequest,
  SignerOptions,
  SigningAlgorithm,
  SigningPlan,
  SigningRule,
  SignOptions,
  SignResult,
} from './types'
