export * from '@awssig/core'
export {
  createKyHooks,
  type KyHooksOptions,
  type SigningKyHook,
  type SigningKyHooks,
  type SigningKyRetryHook,
} from './create-ky-hooks'
export { type HooksWithSigning, withSigning } from './with-signing'
