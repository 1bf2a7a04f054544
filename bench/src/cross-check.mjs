// Before timing anything: do the signers agree? SigV4 signers configured to sign the same headers on an
// identical request must produce the same signature for the same date. SigV4A signatures are randomised
// per signer, so each must instead verify against the public key AWS derives from the credentials.
// The reference signer is itself first checked against the AWS signing test suite.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { createFloor, floorSignedHeaders } from './floor.mjs'
import {
  deriveSigV4aKeyPair,
  parseAuthorization,
  signSigV4,
  sigV4aStringToSign,
  verifySigV4a,
} from './reference-signer.mjs'
import { AMZ_DATE, API_HOST, CREDENTIALS, SHAPES } from './request-shapes.mjs'

// The workspace's one copy of the suite, kept by the private @awssig/test-utils package.
const SUITE = new URL(
  'vectors/aws-signing-test-suite/',
  pathToFileURL(createRequire(import.meta.url).resolve('@awssig/test-utils/package.json')),
)
/** Signers whose default signed headers are host, content-type and x-amz-* (the floor's set). */
const DEFAULT_HEADER_SIGNERS = new Set(['core', 'core-fetch', 'proto-v4'])
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** Identical GETs; every contender is configured to sign exactly host, x-amz-date and the listed headers. */
export const CHECK_SHAPES = [
  {
    id: 'check-apigw',
    label: 'GET execute-api, 3 query params (host;x-amz-date)',
    algorithm: 'sigv4',
    service: 'execute-api',
    region: 'us-east-1',
    method: 'GET',
    url: `https://${API_HOST}/prod/items?limit=25&sort=created_at&filter=status%3Aactive`,
    headers: {},
    body: undefined,
  },
  {
    id: 'check-s3',
    label: 'GET S3 ListObjectsV2 (host;x-amz-content-sha256;x-amz-date)',
    algorithm: 'sigv4',
    service: 's3',
    region: 'us-east-1',
    method: 'GET',
    url: 'https://examplebucket.s3.us-east-1.amazonaws.com/?list-type=2&prefix=photos%2F2026%2F&max-keys=10',
    headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
    body: undefined,
  },
]

/**
 * @param {object[]} contenders
 * @returns {Promise<{ ok: boolean, rows: object[] }>}
 */
export async function runCrossCheck(contenders) {
  const rows = []
  const add = (row) => rows.push(row)

  for (const row of checkReferenceAgainstSuite()) add(row)

  for (const shape of CHECK_SHAPES) {
    const expected = signSigV4({
      ...shape,
      headers: { ...shape.headers, 'x-amz-date': AMZ_DATE },
      credentials: CREDENTIALS,
      amzDate: AMZ_DATE,
    })
    add({
      shape: shape.id,
      contender: 'reference (node:crypto)',
      signedHeaders: expected.signedHeaders,
      signature: expected.signature,
      status: 'reference',
    })
    const floorSignature = createFloor(shape)()
    add({
      shape: shape.id,
      contender: 'floor',
      signedHeaders: expected.signedHeaders,
      signature: floorSignature,
      status: floorSignature === expected.signature ? 'MATCH' : 'MISMATCH',
    })
    for (const contender of contenders) {
      if (!contender.supports(shape)) continue
      const row = { shape: shape.id, contender: contender.id }
      try {
        const fn = await contender.prepare(shape, { exactHeaders: true })
        if (!fn) {
          add({ ...row, status: 'n/a', note: 'cannot be configured to sign exactly these headers' })
          continue
        }
        const auth = parseAuthorization(contender.inspect(await fn()).authorization)
        if (!auth) {
          add({ ...row, status: 'MISMATCH', note: 'no Authorization header' })
          continue
        }
        const same = auth.signature === expected.signature
        add({
          ...row,
          signedHeaders: auth.signedHeaders,
          signature: auth.signature,
          status: same ? 'MATCH' : 'MISMATCH',
          note: same ? undefined : `expected SignedHeaders=${expected.signedHeaders}`,
        })
      } catch (error) {
        add({ ...row, status: 'MISMATCH', note: `threw: ${error.message}` })
      }
    }
  }

  // The timed SigV4 shapes, for the signers whose default headers are the floor's (host, content-type,
  // x-amz-*): what is timed is checked too, bodies included.
  for (const shape of SHAPES.filter((s) => s.algorithm === 'sigv4')) {
    const expected = signSigV4({
      ...shape,
      headers: floorSignedHeaders(shape),
      credentials: CREDENTIALS,
      amzDate: AMZ_DATE,
    })
    const floorSignature = createFloor(shape)()
    add({
      shape: shape.id,
      contender: 'floor',
      signedHeaders: expected.signedHeaders,
      signature: floorSignature,
      status: floorSignature === expected.signature ? 'MATCH' : 'MISMATCH',
    })
    for (const contender of contenders) {
      if (!DEFAULT_HEADER_SIGNERS.has(contender.id) || !contender.supports(shape)) continue
      const row = { shape: shape.id, contender: contender.id }
      try {
        const auth = parseAuthorization(
          contender.inspect(await (await contender.prepare(shape))()).authorization,
        )
        const same = auth?.signature === expected.signature
        add({
          ...row,
          signedHeaders: auth?.signedHeaders,
          signature: auth?.signature,
          status: same ? 'MATCH' : 'MISMATCH',
          note: same ? undefined : `expected SignedHeaders=${expected.signedHeaders}`,
        })
      } catch (error) {
        add({ ...row, status: 'MISMATCH', note: `threw: ${error.message}` })
      }
    }
  }

  const { publicKey } = deriveSigV4aKeyPair(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey)
  for (const shape of SHAPES.filter((s) => s.algorithm === 'sigv4a')) {
    const floor = createFloor(shape)
    const floorSignature = floor()
    add({
      shape: shape.id,
      contender: 'floor',
      signature: floorSignature,
      status: floor.verify(floorSignature) ? 'VERIFIES' : 'FAILS',
    })
    for (const contender of contenders) {
      if (!contender.supports(shape)) continue
      const row = { shape: shape.id, contender: contender.id }
      try {
        const fn = await contender.prepare(shape, {})
        const { authorization, headers } = contender.inspect(await fn())
        add({ ...row, ...verifySigV4aAuthorization(publicKey, shape, authorization, headers) })
      } catch (error) {
        add({ ...row, status: 'FAILS', note: `threw: ${error.message}` })
      }
    }
  }
  const ok = rows.every((r) => !['MISMATCH', 'FAILS'].includes(r.status))
  return { ok, rows }
}

/** Verifies a SigV4A Authorization against the string to sign rebuilt from the headers it names. */
export function verifySigV4aAuthorization(publicKey, shape, authorization, headers) {
  const auth = parseAuthorization(authorization)
  if (auth?.algorithm !== 'AWS4-ECDSA-P256-SHA256')
    return { status: 'FAILS', note: `not a SigV4A Authorization: ${String(authorization).slice(0, 40)}` }
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const signed = {}
  for (const name of auth.signedHeaders.split(';')) if (name !== 'host') signed[name] = lower[name]
  if (lower['x-amz-region-set'] !== shape.regionSet.join(','))
    return { status: 'FAILS', note: `x-amz-region-set is ${lower['x-amz-region-set']}` }
  const { stringToSign } = sigV4aStringToSign({ ...shape, headers: signed, amzDate: lower['x-amz-date'] })
  const good = verifySigV4a(publicKey, stringToSign, auth.signature)
  return { signedHeaders: auth.signedHeaders, signature: auth.signature, status: good ? 'VERIFIES' : 'FAILS' }
}

function checkReferenceAgainstSuite() {
  const rows = []
  const read = (path) => readFileSync(new URL(path, SUITE), 'utf8')
  const cases = [
    {
      name: 'v4/get-vanilla-query-order-key-case',
      request: {
        method: 'GET',
        url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
        headers: {},
      },
    },
    {
      name: 'v4/post-x-www-form-urlencoded',
      request: {
        method: 'POST',
        url: 'https://example.amazonaws.com/',
        headers: {
          'content-length': '13',
          'content-type': 'application/x-www-form-urlencoded',
          'x-amz-content-sha256': '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e',
        },
        body: 'Param1=value1',
      },
    },
  ]
  for (const { name, request } of cases) {
    let status = 'MISMATCH'
    let signature
    try {
      const context = JSON.parse(read(`${name}/context.json`))
      const amzDate = context.timestamp.replace(/[-:]/g, '')
      const credentials = {
        accessKeyId: context.credentials.access_key_id,
        secretAccessKey: context.credentials.secret_access_key,
      }
      ;({ signature } = signSigV4({
        ...request,
        headers: { ...request.headers, 'x-amz-date': amzDate },
        credentials,
        service: context.service,
        region: context.region,
        amzDate,
      }))
      status = signature === read(`${name}/header-signature.txt`).trim() ? 'MATCH' : 'MISMATCH'
    } catch (error) {
      status = `MISMATCH (${error.message})`
    }
    rows.push({ shape: 'aws-suite', contender: `reference vs ${name}`, signature, status })
  }
  try {
    const expected = JSON.parse(read('v4a/get-vanilla/public-key.json'))
    const context = JSON.parse(read('v4a/get-vanilla/context.json'))
    const { publicKey } = deriveSigV4aKeyPair(
      context.credentials.access_key_id,
      context.credentials.secret_access_key,
    )
    const jwk = publicKey.export({ format: 'jwk' })
    const hex = (b64) => Buffer.from(b64, 'base64url').toString('hex')
    const same = hex(jwk.x) === expected.X.toLowerCase() && hex(jwk.y) === expected.Y.toLowerCase()
    rows.push({
      shape: 'aws-suite',
      contender: 'reference SigV4A key vs v4a/get-vanilla/public-key.json',
      status: same ? 'MATCH' : 'MISMATCH',
    })
  } catch (error) {
    rows.push({
      shape: 'aws-suite',
      contender: 'reference SigV4A key',
      status: 'MISMATCH',
      note: error.message,
    })
  }
  return rows
}

/** Prints the cross-check table. */
export function printCrossCheck({ ok, rows }) {
  const lines = [['shape', 'signer', 'SignedHeaders', 'signature', 'result']]
  for (const r of rows)
    lines.push([
      r.shape,
      r.contender,
      r.signedHeaders ?? '',
      r.signature ? `${r.signature.slice(0, 16)}…` : '',
      r.note ? `${r.status} (${r.note})` : r.status,
    ])
  console.log(formatTable(lines))
  console.log(ok ? '\ncross-check: all signers agree' : '\ncross-check: MISMATCH (see above)')
}

export function formatTable(lines) {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)))
  return lines
    .map((l) =>
      l
        .map((cell, i) => String(cell).padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
