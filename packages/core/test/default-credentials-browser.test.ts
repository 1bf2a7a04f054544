import { CredentialsError, createSigner } from '@awssig/core'
import { expect, it, vi } from 'vitest'

// What a browser bundle resolves #default-credentials to (the package.json "default" condition).
vi.mock('#default-credentials', () => import('../src/credentials/default-credentials.browser'))

it('outside Node, omitted credentials give a clear CredentialsError at sign time', async () => {
  const signer = createSigner()
  expect(await signer.resolve('https://ec2.us-west-2.amazonaws.com/')).not.toBeNull()
  const error = (await signer
    .sign({ method: 'GET', url: 'https://ec2.us-west-2.amazonaws.com/' })
    .catch((e: unknown) => e)) as Error
  expect(error).toBeInstanceOf(CredentialsError)
  expect(error.message).toContain('Pass `credentials` to createSigner')
})

it('unclaimed hosts still pass through without credentials', async () => {
  const { plan } = await createSigner().sign({ method: 'GET', url: 'https://example.com/' })
  expect(plan).toBeNull()
})
