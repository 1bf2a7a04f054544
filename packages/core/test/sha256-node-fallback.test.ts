import { describe, expect, it, vi } from 'vitest'

// Node releases before 20.12 have no crypto.hash: the node build must fall back to createHash, with the same
// digests. (The one-shot path is what every other test in this package runs.)
vi.mock('node:crypto', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:crypto')>()),
  hash: undefined,
}))

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('sha256.node without crypto.hash', () => {
  it('hashes strings, bytes and views with createHash', async () => {
    const nodeCrypto = await import('node:crypto')
    expect(nodeCrypto.hash).toBeUndefined()
    const { sha256Primitives } = await import('../src/signing/sha256.node')
    const bytes = new TextEncoder().encode('xabcx')
    expect(await sha256Primitives.sha256Hex('abc')).toBe(ABC)
    expect(await sha256Primitives.sha256Hex('')).toBe(EMPTY)
    expect(await sha256Primitives.sha256Hex(bytes.subarray(1, 4))).toBe(ABC)
    expect(await sha256Primitives.sha256Hex(new DataView(bytes.buffer, 1, 3))).toBe(ABC)
    expect(await sha256Primitives.sha256Hex(bytes.slice(1, 4).buffer)).toBe(ABC)
  })
})
