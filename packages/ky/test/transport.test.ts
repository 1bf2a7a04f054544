import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CREDENTIALS } from '@awssig/test-utils/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKyHooks, createSigner, NoMatchingRuleError } from '../src'
import { MAJORS } from './majors'

let slow: Server
let origin: string
const seenAuthorization: Array<string | undefined> = []

beforeAll(async () => {
  const releases: Array<() => void> = []
  slow = createServer((req, res) => {
    seenAuthorization.push(req.headers.authorization)
    if (req.url === '/release') {
      for (const release of releases.splice(0)) release()
      res.end('released')
    } else if (req.url?.startsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first chunk;')
      releases.push(() => res.end('last chunk'))
    }
    // Anything else hangs until the test ends.
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
})
afterAll(async () => {
  slow.closeAllConnections()
  await new Promise((resolve) => slow.close(resolve))
})

const hooks = () =>
  createKyHooks(
    createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '127.0.0.1', service: 'execute-api', region: 'eu-west-1' }],
    }),
  )

describe.each(MAJORS)('$name transport behaviour is unchanged', (major) => {
  it("ky's timeout still applies to signed requests", async () => {
    // Long enough for the signed request to reach the server on a loaded CI machine (at 50 ms it sometimes
    // timed out before it arrived, and there was nothing to check), short against the hang.
    const api = major.create(origin, { hooks: hooks(), retry: 0, timeout: 1_000 })
    await expect(api('hang')).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(seenAuthorization.at(-1)).toMatch(/^AWS4-HMAC-SHA256 /)
  })

  it("the caller's AbortSignal still aborts signed requests", async () => {
    const controller = new AbortController()
    const api = major.create(origin, { hooks: hooks(), retry: 0, timeout: false })
    const pending = api('hang', { signal: controller.signal })
    setTimeout(() => controller.abort(), 30)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('streams the response as it arrives', async () => {
    const api = major.create(origin, { hooks: hooks(), retry: 0, timeout: false })
    const response = await api('stream')
    const reader = response.body!.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first chunk;')
    await fetch(`${origin}/release`)
    let rest = ''
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value)
    expect(rest).toBe('last chunk')
  })

  it("rejects with NoMatchingRuleError under unmatched: 'error', sending nothing", async () => {
    const before = seenAuthorization.length
    const strict = createKyHooks(createSigner({ credentials: CREDENTIALS, unmatched: 'error' }))
    const api = major.create(origin, { hooks: strict, retry: 0 })
    await expect(api('stream')).rejects.toBeInstanceOf(NoMatchingRuleError)
    expect(seenAuthorization.length).toBe(before)
  })
})
