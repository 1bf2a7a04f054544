import { AxiosHeaders, type AxiosResponse } from 'axios'
import { describe, expect, it } from 'vitest'
import { responseBodyText, responseToFetch } from './response-to-fetch'

function axiosAnswer(
  status: number,
  data: unknown,
  headers: Record<string, string | string[]>,
): AxiosResponse {
  return {
    status,
    statusText: '',
    data,
    headers: new AxiosHeaders(headers),
    config: { headers: new AxiosHeaders() },
  } as AxiosResponse
}

describe('responseToFetch', () => {
  it('keeps status, headers and the body text of an AWS error answer', async () => {
    const xml = '<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-central-1</Region></Error>'
    const response = await responseToFetch(
      axiosAnswer(400, xml, { 'x-amz-bucket-region': 'eu-central-1', date: 'Sun, 22 Nov 2026 12:20:00 GMT' }),
    )
    expect(response?.status).toBe(400)
    expect(response?.headers.get('x-amz-bucket-region')).toBe('eu-central-1')
    expect(response?.headers.get('date')).toBe('Sun, 22 Nov 2026 12:20:00 GMT')
    expect(await response?.text()).toBe(xml)
  })

  it('serializes a parsed JSON body, and gives null-body statuses no body', async () => {
    const json = await responseToFetch(axiosAnswer(403, { message: 'Signature expired: …' }, {}))
    expect(await json?.text()).toBe('{"message":"Signature expired: …"}')
    expect((await responseToFetch(axiosAnswer(304, 'ignored', {})))?.body).toBeNull()
    expect(await responseToFetch(axiosAnswer(0, '', {}))).toBeUndefined()
  })

  it('appends repeated header values and skips values fetch refuses', async () => {
    const response = await responseToFetch(
      axiosAnswer(400, '', { 'set-cookie': ['a=1', 'b=2'], 'x-bad': 'euro €' }),
    )
    expect(response?.headers.get('set-cookie')).toBe('a=1, b=2')
    expect(response?.headers.has('x-bad')).toBe(false)
  })
})

describe('responseBodyText', () => {
  it('reads every shape axios hands back', async () => {
    expect(await responseBodyText('x')).toBe('x')
    expect(await responseBodyText({ message: 'm' })).toBe('{"message":"m"}')
    expect(await responseBodyText(new TextEncoder().encode('bytes'))).toBe('bytes')
    expect(await responseBodyText(new TextEncoder().encode('buffer').buffer)).toBe('buffer')
    expect(await responseBodyText(new Blob(['blob']))).toBe('blob')
    expect(await responseBodyText(undefined)).toBeUndefined()
    expect(await responseBodyText(new ReadableStream())).toBeUndefined()
  })
})
