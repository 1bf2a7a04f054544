import { createSigner, isAwsSigError, SigV4aUnavailableError } from '@awssig/core'
import { expect, it, vi } from 'vitest'
import { CREDENTIALS } from './support/verify'

vi.mock('@smithy/signature-v4a', () => {
  throw new Error("Cannot find package '@smithy/signature-v4a'")
})

it('a SigV4A plan without the optional peer gives SigV4aUnavailableError; SigV4 still works', async () => {
  const signer = createSigner({
    credentials: CREDENTIALS,
    rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
  })
  const error = (await signer
    .sign({ method: 'GET', url: 'https://api.example.com/' })
    .catch((e: unknown) => e)) as Error
  expect(error).toBeInstanceOf(SigV4aUnavailableError)
  expect(isAwsSigError(error)).toBe(true)
  expect(error.message).toContain('@smithy/signature-v4a')
  expect(error.cause).toBeDefined()
  const { plan } = await signer.sign({ method: 'GET', url: 'https://ec2.us-west-2.amazonaws.com/' })
  expect(plan?.algorithm).toBe('sigv4')
})
