import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@awssig/core'
import type * as Smithy from '@smithy/types'
import { expectTypeOf, it } from 'vitest'

// Core declares its credential types itself (so its declarations need no Node types); they must stay
// interchangeable with smithy's, which every @aws-sdk/credential-providers function returns.
// Checked by `pnpm typecheck` (tsc -p test/tsconfig.json) as well as by vitest.
it('AwsCredentialIdentity and smithy’s are assignable both ways', () => {
  expectTypeOf<Smithy.AwsCredentialIdentity>().toExtend<AwsCredentialIdentity>()
  expectTypeOf<AwsCredentialIdentity>().toExtend<Smithy.AwsCredentialIdentity>()
})

it('AwsCredentialIdentityProvider and smithy’s are assignable both ways', () => {
  expectTypeOf<Smithy.AwsCredentialIdentityProvider>().toExtend<AwsCredentialIdentityProvider>()
  expectTypeOf<AwsCredentialIdentityProvider>().toExtend<Smithy.AwsCredentialIdentityProvider>()
})
