// Entry for workerd: `workerd test` runs the `test` handler; a throw fails it.
import { runSmoke } from './runtime-smoke.mjs'

export default {
  async test() {
    const { ok, lines } = await runSmoke()
    console.log(lines.join('\n'))
    if (!ok) throw new Error('runtime smoke test failed')
  },
}
