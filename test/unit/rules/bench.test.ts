import { describe, expect, it } from 'vitest'
import { generateChart, runRulesBench } from '../../../bench/rules.js'

describe('rules benchmark (smoke)', () => {
  it('runs a small batch and reports throughput and the share of time outside Ajv', () => {
    const r = runRulesBench({ charts: 300 })
    expect(r.charts).toBe(300)
    expect(r.rules).toBe(16)
    expect(r.chartsPerSecond).toBeGreaterThan(0)
    expect(r.ajvShare + r.outsideAjvShare).toBeCloseTo(1, 2)
    expect(r.findingsPerChart).toBeGreaterThan(0)
  })

  it('generates the same charts every run', () => {
    expect(JSON.stringify(generateChart(7))).toBe(JSON.stringify(generateChart(7)))
    expect(generateChart(7).documents).toHaveLength(20)
  })
})
