import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getRecent, setRecent } from '../src/bounded-map'

describe('bounded map (setRecent / getRecent)', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const map = new Map<string, number>()
    setRecent(map, 'a', 1, 2)
    setRecent(map, 'b', 2, 2)
    expect(getRecent(map, 'a')).toBe(1) // a is now the most recent
    setRecent(map, 'c', 3, 2)
    expect([...map.keys()]).toEqual(['a', 'c'])
  })

  it('setting an existing key refreshes it without growing', () => {
    const map = new Map<string, number>()
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['a', 10],
      ['c', 3],
    ] as const)
      setRecent(map, key, value, 2)
    expect([...map.entries()]).toEqual([
      ['a', 10],
      ['c', 3],
    ])
  })

  it('never holds more than its size, and keeps the most recently used keys (model check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.boolean(), fc.nat(8))), (max, ops) => {
        const map = new Map<number, number>()
        const order: number[] = [] // the model: keys, least recent first
        for (const [isSet, key] of ops) {
          if (isSet) setRecent(map, key, key, max)
          else expect(getRecent(map, key)).toBe(order.includes(key) ? key : undefined)
          if (!isSet && !order.includes(key)) continue
          const at = order.indexOf(key)
          if (at !== -1) order.splice(at, 1)
          order.push(key)
          if (order.length > max) order.shift()
        }
        expect([...map.keys()]).toEqual(order)
      }),
    )
  })
})
