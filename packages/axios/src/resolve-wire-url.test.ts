import axios from 'axios'
import { describe, expect, it } from 'vitest'
import { isPresignedUrl, resolveWireUrl } from './resolve-wire-url'

describe('resolveWireUrl', () => {
  it('folds baseURL and params in, and sends spaces as %20 and a literal plus as %2B', () => {
    const url = resolveWireUrl(
      { baseURL: 'https://h.example/api/', url: 'a b', params: { q: 'x y', p: 'a+b', e: '' } },
      axios,
    )
    expect(url.href).toBe('https://h.example/api/a%20b?q=x%20y&p=a%2Bb&e=')
  })

  it('reads a + already in the url as AWS does: a space', () => {
    expect(resolveWireUrl({ url: 'https://h.example/p+q?a=b+c' }, axios).href).toBe(
      'https://h.example/p+q?a=b%20c',
    )
  })

  it('honours a custom paramsSerializer and drops the fragment', () => {
    const url = resolveWireUrl(
      { url: 'https://h.example/x#frag', params: { k: ['1', '2'] }, paramsSerializer: { indexes: null } },
      axios,
    )
    expect(url.href).toBe('https://h.example/x?k=1&k=2')
  })

  it('is stable when applied to its own output', () => {
    const once = resolveWireUrl(
      { url: 'https://h.example:8443/ü/x?a=ü b&b=:$,', params: { c: "!'()*" } },
      axios,
    )
    expect(resolveWireUrl({ url: once.href }, axios).href).toBe(once.href)
  })
})

describe('isPresignedUrl', () => {
  it('recognizes X-Amz-Signature in any case', () => {
    expect(isPresignedUrl(new URL('https://h.example/?x-amz-signature=abc'))).toBe(true)
    expect(isPresignedUrl(new URL('https://h.example/?X-Amz-Credential=abc'))).toBe(false)
  })
})
