import { signRequest } from 'aws-sigv4-sign'
import { packageVersion } from '../package-version.mjs'
import { CREDENTIALS, SIGNING_DATE } from '../request-shapes.mjs'

/**
 * aws-sigv4-sign: fetch-style signRequest; a new SignatureV4 with pure-JS @aws-crypto/sha256-js per
 * call, and it always signs x-amz-content-sha256 (smithy's default), so it only joins the cross-check
 * rows whose request already carries that header.
 */
export const awsSigv4SignContender = {
  id: 'aws-sigv4-sign',
  label: `aws-sigv4-sign ${packageVersion('aws-sigv4-sign')}`,
  supports: (shape) => shape.algorithm === 'sigv4',
  prepare(shape, { exactHeaders = false } = {}) {
    if (exactHeaders && !('x-amz-content-sha256' in shape.headers)) return null
    const options = { service: shape.service, region: shape.region, credentials: CREDENTIALS }
    const init = { method: shape.method, headers: shape.headers, body: shape.body }
    const sign = () => signRequest(shape.url, init, options)
    if (!exactHeaders) return sign
    // It has no date option: pin the clock for the single cross-check call only.
    return () => withFixedClock(SIGNING_DATE, sign)
  },
  inspect: (request) => ({
    authorization: request.headers.get('authorization'),
    headers: Object.fromEntries(request.headers),
  }),
}

async function withFixedClock(date, fn) {
  const RealDate = globalThis.Date
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(date.getTime())
      else super(...args)
    }
    static now() {
      return date.getTime()
    }
  }
  globalThis.Date = FixedDate
  try {
    return await fn()
  } finally {
    globalThis.Date = RealDate
  }
}
