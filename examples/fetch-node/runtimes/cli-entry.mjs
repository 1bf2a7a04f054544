// Entry for Node, Bun and Deno: prints the results and sets the exit code.
import { runSmoke } from './runtime-smoke.mjs'

const { ok, lines } = await runSmoke()
console.log(lines.join('\n'))
if (!ok) throw new Error('runtime smoke test failed')
