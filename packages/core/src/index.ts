export type { AwsHostInference } from './aws-hosts/types'
export { type ReadBodyOptions, type ReadBodyResult, readBody } from './body/read-body'
export {
  type CreateSignerOptions,
  createSigner,
  type ResolvedSignerOptions,
  type Signer,
} from './create-signer'
export {
  createRegionCache,
  type DiagnoseContext,
  diagnose,
  type RegionCache,
  type RegionCacheOptions,
  type ScopeDiagnosis,
  type ScopeDiagnosisKind,
  s3RegionFromResponse,
} from './diagnose'
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
export type { LearnOptions, ResponseLesson } from './response/types'
export { isAlreadySigned } from './signing/already-signed'
export { SIGNATURE_HEADERS } from './signing/signed-headers'
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
