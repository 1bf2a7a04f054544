import { createSigner } from '@awssig/core'
import { USER_RULES } from './contenders/awssig.mjs'
import { CREDENTIALS, SHAPES, SIGNING_DATE } from './request-shapes.mjs'

const shape = SHAPES[0]
const a = createSigner({ credentials: CREDENTIALS, rules: USER_RULES })
const req = { method: 'GET', url: shape.url, headers: {} }
const out = []
for (let b = 0; b < 30; b++) {
  const t = performance.now()
  for (let i = 0; i < 500; i++) await a.sign(req, { signingDate: SIGNING_DATE })
  out.push((((performance.now() - t) * 1000) / 500).toFixed(0))
}
console.log(out.join(' '))
