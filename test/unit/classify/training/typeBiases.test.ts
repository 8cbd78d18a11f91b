/** The per-type biases fitted on calibration documents: a type that absorbs others loses its pull. */
import { describe, expect, it } from 'vitest'
import { fitTypeBiases } from '../../../../src/classify/training/train.js'

describe('type biases', () => {
  it('GIVEN a type the logits favour for documents of another type THEN its bias goes down and the other goes up', () => {
    // Three types; documents of type 1 score a little higher on type 0 (the "sink").
    const calZ: Float64Array[] = []
    const calY: number[] = []
    for (let i = 0; i < 60; i++) {
      calZ.push(Float64Array.from([2, 0, 0]))
      calY.push(0)
      calZ.push(Float64Array.from([1.2, 1, 0]))
      calY.push(1)
      calZ.push(Float64Array.from([0, 0, 2]))
      calY.push(2)
    }
    const calS = calZ.map(() => new Float64Array(3))
    const group = calZ.map(() => 0)
    const d = fitTypeBiases(calZ, calS, calY, group, 1, 0)
    expect(d[0]!).toBeLessThan(0)
    expect(d[1]!).toBeGreaterThan(0)
    expect(d[0]! + d[1]! + d[2]!).toBeCloseTo(0, 6)
    // With the biases, the type-1 documents are read as type 1.
    expect(1.2 + d[0]!).toBeLessThan(1 + d[1]!)
  })

  it('GIVEN one type far more frequent in a group THEN its count sets no prior: balanced logits keep biases near 0', () => {
    const calZ: Float64Array[] = []
    const calY: number[] = []
    for (let i = 0; i < 200; i++) {
      calZ.push(Float64Array.from([2, 0]))
      calY.push(0)
    }
    for (let i = 0; i < 10; i++) {
      calZ.push(Float64Array.from([0, 2]))
      calY.push(1)
    }
    const d = fitTypeBiases(
      calZ,
      calZ.map(() => new Float64Array(2)),
      calY,
      calZ.map(() => 0),
      1,
      0,
    )
    expect(Math.abs(d[0]!)).toBeLessThan(0.05)
  })
})
