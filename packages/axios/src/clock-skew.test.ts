import { describe, expect, it } from 'vitest'
import { isClockSkewAnswer, responseBodyText, serverTimeOf } from './clock-skew'

describe('isClockSkewAnswer', () => {
  it('recognizes the three AWS answers and nothing else', () => {
    expect(isClockSkewAnswer(403, '<Error><Code>RequestTimeTooSkewed</Code></Error>')).toBe(true)
    expect(
      isClockSkewAnswer(403, '{"message":"Signature expired: 20261122T120000Z is now earlier than …"}'),
    ).toBe(true)
    expect(isClockSkewAnswer(403, '{"message":"Signature not yet current: …"}')).toBe(true)
    expect(isClockSkewAnswer(403, '{"message":"The request signature we calculated does not match"}')).toBe(
      false,
    )
    expect(isClockSkewAnswer(500, 'Signature expired')).toBe(false)
  })
})

describe('serverTimeOf', () => {
  it('prefers the Date header', () => {
    expect(serverTimeOf('Sun, 22 Nov 2026 12:20:00 GMT', undefined)?.toISOString()).toBe(
      '2026-11-22T12:20:00.000Z',
    )
  })

  it("reads S3's <ServerTime> when Date is not readable", () => {
    const body =
      '<Error><Code>RequestTimeTooSkewed</Code><ServerTime>2026-11-22T12:20:00Z</ServerTime></Error>'
    expect(serverTimeOf(undefined, body)?.toISOString()).toBe('2026-11-22T12:20:00.000Z')
  })

  it("reads the server time in API Gateway's messages", () => {
    const expired =
      'Signature expired: 20261122T120000Z is now earlier than 20261122T121500Z (20261122T122000Z - 5 min.)'
    const early =
      'Signature not yet current: 20261122T124000Z is still later than 20261122T122500Z (20261122T122000Z + 5 min.)'
    expect(serverTimeOf(undefined, expired)?.toISOString()).toBe('2026-11-22T12:20:00.000Z')
    expect(serverTimeOf('not a date', early)?.toISOString()).toBe('2026-11-22T12:20:00.000Z')
    expect(serverTimeOf(undefined, 'no time here')).toBeUndefined()
  })
})

describe('responseBodyText', () => {
  it('reads every shape axios hands back', async () => {
    expect(await responseBodyText('x')).toBe('x')
    expect(await responseBodyText({ message: 'm' })).toBe('{"message":"m"}')
    expect(await responseBodyText(new TextEncoder().encode('bytes'))).toBe('bytes')
    expect(await responseBodyText(new Blob(['blob']))).toBe('blob')
    expect(await responseBodyText(undefined)).toBeUndefined()
  })
})
