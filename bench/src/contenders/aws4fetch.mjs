import { AwsV4Signer } from 'aws4fetch'
import { packageVersion } from '../package-version.mjs'
import { AMZ_DATE, CREDENTIALS } from '../request-shapes.mjs'

/** aws4fetch's AwsV4Signer: Web Crypto (crypto.subtle), one signer object per request. */
export const aws4fetchContender = {
  id: 'aws4fetch',
  label: `aws4fetch ${packageVersion('aws4fetch')} AwsV4Signer`,
  supports: (shape) => shape.algorithm === 'sigv4',
  prepare(shape) {
    // AwsClient shares one key cache across its signers; do the same, as a user of AwsClient gets.
    const cache = new Map()
    return async () => {
      const signer = new AwsV4Signer({
        method: shape.method,
        url: shape.url,
        headers: shape.headers,
        body: shape.body,
        accessKeyId: CREDENTIALS.accessKeyId,
        secretAccessKey: CREDENTIALS.secretAccessKey,
        service: shape.service,
        region: shape.region,
        cache,
        datetime: AMZ_DATE,
      })
      return signer.sign()
    }
  },
  inspect: (signed) => ({
    authorization: signed.headers.get('authorization'),
    headers: Object.fromEntries(signed.headers),
  }),
}
