import { describe, expect, it } from 'vitest'
import { RecentResults } from '../../src/recentResults.js'

describe('RecentResults', () => {
  it('computes a key once while it is among the last few, and gives every caller its own copy', () => {
    let computed = 0
    const recent = new RecentResults<{ reasons: string[] }>(2)
    const read = (k: string) => recent.get(k, () => (computed++, { reasons: [k] }))
    const a = read('page text')
    a.reasons.push('added by the caller')
    const again = read('page text')
    expect(computed).toBe(1)
    expect(again).toEqual({ reasons: ['page text'] })
    expect(again).not.toBe(a)
  })

  it('forgets the least recently used past its size', () => {
    let computed = 0
    const recent = new RecentResults<number>(2)
    const read = (k: string) => recent.get(k, () => ++computed)
    read('a')
    read('b')
    read('a') // a is now the most recent
    read('c') // b goes
    expect(computed).toBe(3)
    read('a')
    expect(computed).toBe(3)
    read('b')
    expect(computed).toBe(4)
    recent.clear()
    read('a')
    expect(computed).toBe(5)
  })
})
