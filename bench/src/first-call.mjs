// The first SigV4A signature in a fresh process, import included: child processes, alternating
// core and smithy so both see the same machine state. Each child's signature is verified too.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { verifySigV4aAuthorization } from './cross-check.mjs'
import { median } from './measure.mjs'
import { deriveSigV4aKeyPair } from './reference-signer.mjs'
import { CREDENTIALS, SHAPES } from './request-shapes.mjs'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./first-call-child.mjs', import.meta.url))

/**
 * @param {string[]} which  contenders to run ('core', 'smithy')
 * @param {number} runs     children per contender
 */
export async function measureFirstCall(which, runs) {
  const shape = SHAPES.find((s) => s.algorithm === 'sigv4a')
  const { publicKey } = deriveSigV4aKeyPair(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey)
  const samples = Object.fromEntries(which.map((w) => [w, []]))
  const errors = {}
  for (let i = 0; i < runs; i++) {
    for (const w of i % 2 ? [...which].reverse() : which) {
      if (errors[w]) continue
      try {
        const { stdout } = await run(process.execPath, [CHILD, w], {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
        })
        const sample = JSON.parse(stdout.trim().split('\n').pop())
        const check = verifySigV4aAuthorization(
          publicKey,
          shape,
          sample.headers.authorization,
          sample.headers,
        )
        if (check.status !== 'VERIFIES')
          throw new Error(`first signature does not verify: ${check.note ?? ''}`)
        delete sample.headers
        samples[w].push(sample)
      } catch (error) {
        errors[w] = (error.stderr || error.message).toString().trim().split('\n').slice(-3).join(' ')
      }
    }
  }
  const out = {}
  for (const w of which) {
    if (errors[w]) {
      out[w] = { error: errors[w] }
      continue
    }
    const pick = (key) => median(samples[w].map((s) => s[key]).sort((a, b) => a - b))
    out[w] = {
      runs: samples[w].length,
      importMs: pick('importMs'),
      firstSignMs: pick('firstSignMs'),
      totalMs: pick('totalMs'),
      secondSignMs: pick('secondSignMs'),
    }
  }
  return out
}
