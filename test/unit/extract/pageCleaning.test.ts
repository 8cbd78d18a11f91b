/** Speck and edge-shadow removal on drawn pages: what is taken away and what stays. */
import { describe, expect, it } from 'vitest'
import type { GreyPage } from '../../../src/extract/images.js'
import { removeEdgeShadow, removeSpecks } from '../../../src/extract/pageAnalysis.js'

function blank(w: number, h: number): GreyPage {
  return { data: Buffer.alloc(w * h, 245), width: w, height: h }
}
function fill(p: GreyPage, x0: number, y0: number, x1: number, y1: number, v = 10): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) p.data[y * p.width + x] = v
}
const inkIn = (p: GreyPage, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (p.data[y * p.width + x]! < 128) n++
  return n
}

describe('removeSpecks', () => {
  it('takes away marks of a pixel or two and keeps letter-sized marks and stops', () => {
    const p = blank(400, 300)
    // "Letters" 20 px tall, a stop 5 px across, and single-pixel and 2x2 specks between them.
    for (let i = 0; i < 10; i++) fill(p, 20 + i * 30, 50, 32 + i * 30, 70)
    fill(p, 340, 65, 345, 70)
    for (let i = 0; i < 40; i++) fill(p, 13 + i * 9, 150 + (i % 7) * 11, 14 + (i % 2) + i * 9, 151 + (i % 2) + (i % 7) * 11)
    const r = removeSpecks(p, 3)
    expect(r.removed).toBe(40)
    expect(inkIn(r.page, 0, 140, 400, 300)).toBe(0)
    expect(inkIn(r.page, 0, 40, 400, 80)).toBe(inkIn(p, 0, 40, 400, 80))
  })
})

describe('removeEdgeShadow', () => {
  it('whitens an ink band along the top edge and keeps the text below it', () => {
    const p = blank(600, 800)
    fill(p, 0, 0, 600, 40)
    // A ragged inner edge.
    for (let x = 0; x < 600; x += 7) fill(p, x, 40, x + 4, 40 + (x % 5) * 2)
    for (let i = 0; i < 12; i++) fill(p, 40 + i * 40, 120, 60 + i * 40, 140)
    const r = removeEdgeShadow(p, 20)
    expect(r.edges).toBe(1)
    expect(inkIn(r.page, 0, 0, 600, 60)).toBe(0)
    expect(inkIn(r.page, 0, 100, 600, 160)).toBe(inkIn(p, 0, 100, 600, 160))
  })

  it('leaves a page alone whose text merely comes near an edge', () => {
    const p = blank(600, 800)
    for (let i = 0; i < 5; i++) fill(p, 40 + i * 40, 2, 60 + i * 40, 22)
    const r = removeEdgeShadow(p, 20)
    expect(r.edges).toBe(0)
    expect(r.page).toBe(p)
  })
})
