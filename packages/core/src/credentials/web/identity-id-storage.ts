import type { IdentityIdStorage } from './types'

const memory = new Map<string, string>()

/** Process-wide fallback, as the AWS SDK's in-memory storage: one identity per pool per page/process. */
const inMemoryStorage: IdentityIdStorage = {
  getItem: (key) => memory.get(key),
  setItem: (key, value) => {
    memory.set(key, value)
  },
  removeItem: (key) => {
    memory.delete(key)
  },
}

/**
 * The default identity-ID cache: `localStorage` where the runtime has one (browsers; a new page load reuses
 * the identity instead of minting another), otherwise memory. The AWS SDK prefers IndexedDB; localStorage
 * is synchronous and enough for one short string per pool.
 */
export function defaultIdentityIdStorage(): IdentityIdStorage {
  try {
    const storage = (globalThis as { localStorage?: IdentityIdStorage }).localStorage
    if (storage && typeof storage.getItem === 'function') return storage
  } catch {
    // Reading localStorage throws in some sandboxed iframes and with storage disabled.
  }
  return inMemoryStorage
}

/** Storage calls never fail a credentials fetch: a broken cache only costs a new identity. */
export async function readQuietly(storage: IdentityIdStorage, key: string): Promise<string | undefined> {
  try {
    return (await storage.getItem(key)) ?? undefined
  } catch {
    return undefined
  }
}

export function writeQuietly(storage: IdentityIdStorage, key: string, value: string | undefined): void {
  try {
    const done = value === undefined ? storage.removeItem(key) : storage.setItem(key, value)
    Promise.resolve(done).catch(() => undefined)
  } catch {
    // see readQuietly
  }
}
