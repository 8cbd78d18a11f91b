import { describe, expect, it } from 'vitest'
import { backoffMs } from '../../../src/queue/backoff.js'

describe('backoff between failed runs', () => {
  it('doubles with each failed run, between the step and twice the step', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(30, n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect([1, 2, 3].map((n) => backoffMs(30, n, () => 1))).toEqual([60_000, 120_000, 240_000])
    expect(backoffMs(1, 2, () => 0.5)).toBe(3_000)
  })

  it('stops growing after sixteen doublings', () => {
    expect(backoffMs(1, 40, () => 0)).toBe(backoffMs(1, 17, () => 0))
  })
})
