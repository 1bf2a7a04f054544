import aws4 from 'aws4'
import { packageVersion } from '../package-version.mjs'
import { AMZ_DATE, CREDENTIALS } from '../request-shapes.mjs'

const bodyFor = (body) =>
  body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : body

/** aws4 (mhart): synchronous, node:crypto, caches signing keys per date/region/service. */
export const aws4Contender = {
  id: 'aws4',
  label: `aws4 ${packageVersion('aws4')}`,
  supports: (shape) => shape.algorithm === 'sigv4',
  prepare(shape) {
    const body = bodyFor(shape.body)
    return () => {
      const url = new URL(shape.url)
      // aws4 takes the date from X-Amz-Date when present, so every contender signs for the same instant.
      const options = {
        method: shape.method,
        host: url.host,
        path: url.pathname + url.search,
        service: shape.service,
        region: shape.region,
        headers: { ...shape.headers, 'X-Amz-Date': AMZ_DATE },
        body,
      }
      aws4.sign(options, CREDENTIALS)
      return options
    }
  },
  inspect: (options) => ({ authorization: options.headers.Authorization, headers: options.headers }),
}
