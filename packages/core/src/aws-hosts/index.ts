export { inferAwsHost } from './infer-aws-host'
export { looksLikeAwsHost } from './looks-like-aws-host'
export { isValidRegion, partitionOfRegion } from './regions'
