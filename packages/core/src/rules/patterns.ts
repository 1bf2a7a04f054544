/**
 * A signing name as rules may write it (`execute-api`, `s3-object-lambda`, `aoss`). Upper case spelled out
 * rather than `/i`: V8 builds case-folding tables the first time a character class meets `/i`, ≈ 0.2 ms of
 * every cold start that reaches `createSigner`.
 */
export const SERVICE_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/
/** A SigV4A region set entry: a region, a wildcard region prefix (`us-*`) or `*`. */
export const REGION_SET_ENTRY = /^(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*(?:-\*)?)$/
/** An API Gateway API ID: lower-case letters and digits (10 today; any length is accepted). */
export const API_ID = /^[a-z0-9]+$/
