import { runInNewContext } from 'node:vm'
import {
  AwsSigError,
  BodyTooLargeError,
  CredentialsError,
  InvalidRuleError,
  isAwsSigError,
  NoMatchingRuleError,
  SigV4aUnavailableError,
  UnsignableBodyError,
} from '@awssig/core'
import { describe, expect, it } from 'vitest'

describe('errors', () => {
  it('every error extends AwsSigError with a literal name, cause, method and url', () => {
    const cause = new Error('root')
    const errors = [
      new InvalidRuleError('m', 2, 'region', { cause }),
      new NoMatchingRuleError('m', { cause, method: 'GET', url: 'https://example.com/' }),
      new CredentialsError('m', { cause }),
      new SigV4aUnavailableError('m', { cause }),
      new UnsignableBodyError('m', { cause }),
      new BodyTooLargeError('m', 10, { cause }),
    ]
    expect(errors.map((e) => e.name)).toEqual([
      'InvalidRuleError',
      'NoMatchingRuleError',
      'CredentialsError',
      'SigV4aUnavailableError',
      'UnsignableBodyError',
      'BodyTooLargeError',
    ])
    for (const error of errors) {
      expect(error).toBeInstanceOf(AwsSigError)
      expect(error).toBeInstanceOf(Error)
      expect(error.cause).toBe(cause)
      expect(isAwsSigError(error)).toBe(true)
    }
    expect(errors[1]).toMatchObject({ method: 'GET', url: 'https://example.com/' })
    expect(errors[0]).toMatchObject({ ruleIndex: 2, field: 'region' })
    expect((errors[5] as BodyTooLargeError).limit).toBe(10)
  })

  it('isAwsSigError works across realms and copies (Symbol.for brand), and rejects look-alikes', () => {
    const foreign = runInNewContext(
      "const e = new Error('from another realm'); Object.defineProperty(e, Symbol.for('awssig.error'), { value: true }); e",
    )
    expect(foreign instanceof AwsSigError).toBe(false)
    expect(isAwsSigError(foreign)).toBe(true)
    expect(isAwsSigError(new Error('x'))).toBe(false)
    expect(isAwsSigError({ name: 'AwsSigError' })).toBe(false)
    expect(isAwsSigError(null)).toBe(false)
    expect(isAwsSigError('AwsSigError')).toBe(false)
  })

  it('redacts presigned-URL credentials from url', () => {
    const error = new NoMatchingRuleError('m', {
      url: 'https://u:p@b.s3.amazonaws.com/k?X-Amz-Signature=abcdef&X-Amz-Security-Token=tok&a=1',
    })
    expect(error.url).not.toContain('abcdef')
    expect(error.url).not.toContain('tok')
    expect(error.url).not.toContain('u:p')
    expect(error.url).toContain('a=1')
  })
})
