import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { columnsTurned, measureInk, measureInkMarks } from '../../../src/extract/pageAnalysis.js'

/** A white letter-size page at 300 dpi with black rectangles drawn in. */
function pageWith(draw: (fill: (x: number, y: number, w: number, h: number) => void) => void) {
  const width = 2550
  const height = 3300
  const data = Buffer.alloc(width * height, 255)
  draw((x0, y0, w, h) => {
    for (let y = y0; y < y0 + h; y++) data.fill(0, y * width + x0, y * width + x0 + w)
  })
  return { data, width, height }
}

describe('measureInk', () => {
  it('counts each letter-sized mark once, however its strokes join (U, V and comb shapes), and the specks apart', () => {
    const page = pageWith((fill) => {
      for (let row = 0; row < 20; row++) {
        for (let col = 0; col < 30; col++) {
          const x = 100 + col * 70
          const y = 100 + row * 120
          const shape = (row + col) % 4
          if (shape === 0) fill(x, y, 30, 40) // a block
          if (shape === 1) (fill(x, y, 6, 40), fill(x + 24, y, 6, 40), fill(x, y + 34, 30, 6)) // U: two strokes met at the foot
          if (shape === 2) (fill(x, y, 36, 4), [0, 8, 16, 24, 32].forEach((dx) => fill(x + dx, y, 4, 40))) // comb: strokes joined by a bar at the top
          if (shape === 3) for (let k = 0; k < 7; k++) fill(x + k * 4, y + k * 6, 4, 6) // a staircase touching corner to corner
        }
      }
      for (let k = 0; k < 300; k++) fill(50 + ((k * 37) % 2400), 2700 + ((k * 53) % 500), 2, 2) // specks
    })
    const m = measureInk(page)
    expect(m.marks).toBe(600)
    expect(m.specks).toBe(300)
    expect(m.textHeight).toBeGreaterThanOrEqual(38)
    expect(m.textHeight).toBeLessThanOrEqual(44)
    expect(m.columns).toBe(false)
  })
})

/** Lines of word-like marks (letters 30 px tall, words of five, word gaps falling at other places on each line) across one column or two. */
function prose(columns: 1 | 2) {
  return pageWith((fill) => {
    const spans =
      columns === 1
        ? [[150, 2400]]
        : [
            [150, 1150],
            [1400, 2400],
          ]
    for (let line = 0; line < 40; line++) {
      for (const [from, to] of spans) {
        for (let x = from! + ((line * 37) % 90), k = line; x + 20 <= to!; x += k % 5 === 4 ? 60 : 26, k++) fill(x, 200 + line * 70, 20, 30)
      }
    }
  })
}

async function turned(page: { data: Buffer; width: number; height: number }, degrees: number) {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

describe('columnsTurned', () => {
  it('finds the columns a page straightened by a few degrees has, from the marks measured before turning it, as measuring it again does', async () => {
    for (const columns of [1, 2] as const) {
      const straight = prose(columns)
      for (const skew of [-2.5, 1.5]) {
        // A page scanned skewed, then measured, then straightened the way preparation straightens it.
        const skewed = await turned(straight, skew)
        const { marks } = measureInkMarks(skewed)
        const again = measureInk(await turned(skewed, -skew)).columns
        expect(again).toBe(columns === 2)
        expect(columnsTurned(marks, -skew)).toBe(again)
      }
    }
  })
})
