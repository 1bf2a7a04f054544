import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/cli-error'
import { parseRules } from '../src/rules/load-rules-file'

// Issue 13, finding 8: keys a JSON rules file can hold that are Object.prototype's names get a clear message.
describe('rules file keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a rule with the key %s is refused as an unknown field',
    (key) => {
      const json = JSON.parse(`[{ "host": "a.example.com", "${key}": { "x": 1 } }]`)
      expect(() => parseRules(json, 'rules.json')).toThrow(UsageError)
      expect(() => parseRules(json, 'rules.json')).toThrow(`unknown field "${key}"`)
      expect(() => parseRules(json, 'rules.json')).not.toThrow(/object Object|native code/)
    },
  )

  it('customerCode and apiIds are rule fields a file may hold', () => {
    const { rules } = parseRules(
      [{ host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true, apiIds: ['a1b2c3d4e5'] }],
      'rules.json',
    )
    expect(rules[0]).toMatchObject({ customerCode: true, apiIds: ['a1b2c3d4e5'] })
  })
})
