// `#sha256` is a package.json subpath import (node → sha256.node, default → sha256.browser); both export this.
declare module '#sha256' {
  export const sha256Primitives: import('./sha256-primitives').Sha256Primitives
}

// core compiles without Node's types (it must run on Web APIs); sha256.node.ts, the one file built for the
// `node` condition only, needs these node:crypto functions.
declare module 'node:crypto' {
  interface NodeHash {
    update(data: string | Uint8Array): NodeHash
    digest(): Uint8Array
    digest(encoding: 'hex'): string
  }
  export function createHash(algorithm: 'sha256'): NodeHash
  /** Node ≥ 21.7 / 20.12 only: read it from the namespace and check it exists. */
  export const hash: ((algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex') => string) | undefined
  export function createHmac(algorithm: 'sha256', key: string | Uint8Array): NodeHash
  export function createPrivateKey(key: { key: Uint8Array; format: 'der'; type: 'sec1' | 'pkcs8' }): unknown
  export function sign(
    algorithm: 'sha256',
    data: string | Uint8Array,
    key: { key: unknown; dsaEncoding: 'der' },
  ): Uint8Array
}

// sha256.node.ts reaches node:crypto through createRequire where process.getBuiltinModule is missing.
declare module 'node:module' {
  export function createRequire(from: string): (id: string) => unknown
}
