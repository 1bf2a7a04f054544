export * from '@awssig/core'
export { createKyHooks, type KyHooksOptions } from './create-ky-hooks'
export type { SigningKyHook, SigningKyHooks, SigningKyRetryHook } from './signing-hooks'
export { type HooksWithSigning, withSigning } from './with-signing'
