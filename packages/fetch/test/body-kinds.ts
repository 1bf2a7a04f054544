import { BINARY, streamOf } from '@awssig/test-utils/fixtures'

/** One way of handing a body to fetch, and what must arrive. */
export interface FetchBodyCase {
  name: string
  /** The arguments for fetch, given the target URL. */
  args(url: string): [RequestInfo | URL, RequestInit?]
  /** Exact bytes (or text) that must arrive, when the body kind fixes them. */
  sent?: Uint8Array | string
  /** The Content-Type that must arrive (and be signed). */
  contentType?: RegExp
  method: string
}

const json = JSON.stringify({ name: 'wörld', list: [1, 2], nested: { a: ' spaced ' } })
const form = () => {
  const data = new FormData()
  data.append('field', 'välue')
  data.append('file', new File([BINARY], 'data.bin', { type: 'application/octet-stream' }))
  return data
}
const buffer = new Uint8Array([9, 9, ...BINARY, 9]).buffer

export const FETCH_BODY_CASES: FetchBodyCase[] = [
  { name: 'no body (GET)', method: 'GET', args: (url) => [url] },
  {
    name: 'no body (DELETE, URL object)',
    method: 'DELETE',
    args: (url) => [new URL(url), { method: 'delete' }],
  },
  {
    name: 'string',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: 'héllo wörld\n' }],
    sent: 'héllo wörld\n',
    contentType: /^text\/plain;charset=UTF-8$/,
  },
  {
    name: 'JSON string',
    method: 'PUT',
    args: (url) => [url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json }],
    sent: json,
    contentType: /^application\/json$/,
  },
  {
    name: 'URLSearchParams',
    method: 'POST',
    args: (url) => [
      url,
      {
        method: 'POST',
        body: new URLSearchParams([
          ['a', '1'],
          ['a', '2'],
          ['empty', ''],
          ['q', 'x y+z/é'],
        ]),
      },
    ],
    sent: 'a=1&a=2&empty=&q=x+y%2Bz%2F%C3%A9',
    contentType: /^application\/x-www-form-urlencoded;charset=UTF-8$/,
  },
  {
    name: 'FormData with a File',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: form() }],
    contentType: /^multipart\/form-data; boundary=/,
  },
  {
    name: 'Blob',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: new Blob([BINARY], { type: 'application/x-thing' }) }],
    sent: BINARY,
    contentType: /^application\/x-thing$/,
  },
  {
    name: 'File',
    method: 'PUT',
    args: (url) => [url, { method: 'PUT', body: new File([json], 'a.json', { type: 'application/json' }) }],
    sent: json,
    contentType: /^application\/json$/,
  },
  {
    name: 'ArrayBuffer',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: buffer }],
    sent: new Uint8Array(buffer),
  },
  {
    name: 'Uint8Array subarray (offset view)',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: new Uint8Array(buffer).subarray(2, 2 + BINARY.length) }],
    sent: BINARY,
  },
  {
    name: 'DataView with an offset',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: new DataView(buffer, 2, BINARY.length) }],
    sent: BINARY,
  },
  {
    name: 'ReadableStream (buffered)',
    method: 'POST',
    args: (url) => [url, { method: 'POST', body: streamOf(BINARY, 3), duplex: 'half' } as RequestInit],
    sent: BINARY,
  },
  {
    name: 'Request carrying a body',
    method: 'POST',
    args: (url) => [
      new Request(url, { method: 'POST', body: json, headers: { 'content-type': 'application/json' } }),
    ],
    sent: json,
    contentType: /^application\/json$/,
  },
  {
    name: 'Request carrying FormData, with init overriding method',
    method: 'PUT',
    args: (url) => [new Request(url, { method: 'POST', body: form() }), { method: 'PUT' }],
    contentType: /^multipart\/form-data; boundary=/,
  },
]
