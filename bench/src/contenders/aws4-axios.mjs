import { aws4Interceptor } from 'aws4-axios'
import axios, { AxiosHeaders } from 'axios'
import { packageVersion } from '../package-version.mjs'
import { AMZ_DATE, CREDENTIALS } from '../request-shapes.mjs'

const CAPTURED = Symbol('captured config')

/**
 * aws4-axios' request interceptor, called directly on the config axios hands to interceptors (captured
 * once from a real `instance.request`), so only the interceptor's own work is timed, not axios' pipeline.
 * Each call gets a fresh copy of that config because the interceptor mutates it.
 */
export const aws4AxiosContender = {
  id: 'aws4-axios',
  label: `aws4-axios ${packageVersion('aws4-axios')}`,
  supports: (shape) => shape.algorithm === 'sigv4',
  async prepare(shape, { exactHeaders = false } = {}) {
    const instance = axios.create({ adapter: () => Promise.reject(new Error('not sent')) })
    // axios adds `Accept` to every request and aws4-axios signs it; drop it to compare like with like.
    if (exactHeaders) delete instance.defaults.headers.common.Accept
    const config = await captureInterceptorConfig(instance, shape)
    const interceptor = aws4Interceptor({
      instance,
      credentials: CREDENTIALS,
      options: { region: shape.region, service: shape.service },
    })
    return () => interceptor({ ...config, headers: new AxiosHeaders(config.headers) })
  },
  inspect: (config) => ({
    authorization: config.headers.get('Authorization'),
    headers: Object.fromEntries(
      Object.entries(config.headers.toJSON()).map(([k, v]) => [k.toLowerCase(), v]),
    ),
  }),
}

async function captureInterceptorConfig(instance, shape) {
  let captured
  const id = instance.interceptors.request.use((config) => {
    captured = config
    throw CAPTURED
  })
  const body =
    shape.body instanceof Uint8Array
      ? Buffer.from(shape.body.buffer, shape.body.byteOffset, shape.body.byteLength)
      : shape.body
  try {
    // X-Amz-Date pins aws4's clock to the shared signing date.
    await instance.request({
      url: shape.url,
      method: shape.method,
      headers: { ...shape.headers, 'X-Amz-Date': AMZ_DATE },
      data: body,
    })
  } catch (error) {
    if (error !== CAPTURED) throw error
  } finally {
    instance.interceptors.request.eject(id)
  }
  return captured
}
