export type { AwsHostInference } from './aws-hosts/types'
export { type ReadBodyOptions, type ReadBodyResult, readBody } from './body/read-body'
export { getRecent, setRecent } from './bounded-map'
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
export { type DsqlAuthTokenOptions, dsqlAuthToken, InvalidArgumentError } from './dsql/dsql-auth-token'
export {
  AwsSigError,
  type AwsSigErrorOptions,
  BodyTooLargeError,
  CredentialsError,
  InvalidInputError,
  InvalidRuleError,
  isAwsSigError,
  NoMatchingRuleError,
  RedirectError,
  SigV4aUnavailableError,
  UnsignableBodyError,
} from './errors'
export {
  abortable,
  copyOfBytes,
  type FirstAnswer,
  type Hop,
  isBrowserLike,
  isCredentialHeader,
  isSignatureHeader,
  isStream,
  keepsOwnAuthorization,
  type LoopRequest,
  type PreparedBody,
  prepareBody,
  type RedirectHop,
  type RedirectMode,
  type RedirectOrigin,
  redirectModeFor,
  type SendHop,
  type SendSignedOptions,
  sendSigned,
  stripCredentialHeaders,
  stripSignatureHeaders,
  type WireBody,
} from './request-loop'
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
  PayloadHashOnlyRule,
  PresignOptions,
  SignableRequest,
  SignedRequest,
  SignerOptions,
  SigningAlgorithm,
  SigningPlan,
  SigningPlanFields,
  SigningRule,
  SigningRuleFields,
  SignOptions,
  SignResult,
  SigV4aPlan,
  SigV4aRule,
  SigV4Plan,
  SigV4Rule,
} from './types'
