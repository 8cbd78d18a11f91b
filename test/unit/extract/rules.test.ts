import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodePage } from '../../../src/extract/images.js'
import { removeRules } from '../../../src/extract/rules.js'

async function page(svgBody: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="white"/>${svgBody}</svg>`
  return decodePage(await sharp(Buffer.from(svg)).png().toBuffer(), 'png', 1, { maxPixels: 1e8 })
}
const inkAt = (p: { data: Buffer; width: number }, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (p.data[y * p.width + x]! < 128) n++
  return n
}

describe('removeRules', () => {
  it('whitens the thin rules of a form box and keeps the text inside it and a thick band', async () => {
    const p = await page(
      `<rect x="100" y="100" width="800" height="120" fill="none" stroke="black" stroke-width="3"/>` +
        `<line x1="500" y1="100" x2="500" y2="220" stroke="black" stroke-width="2"/>` +
        `<text x="120" y="180" font-size="30" font-family="DejaVu Sans">PETROSYAN, ARMEN</text>` +
        `<rect x="100" y="400" width="900" height="80" fill="black"/>`,
    )
    const { page: clean, removed } = removeRules(p)
    expect(removed).toBeGreaterThan(2000)
    expect(inkAt(clean, 100, 95, 900, 106)).toBeLessThan(50) // top rule gone
    expect(inkAt(clean, 495, 110, 505, 210)).toBeLessThan(20) // divider gone
    expect(inkAt(clean, 110, 140, 470, 190)).toBe(inkAt(p, 110, 140, 470, 190)) // text untouched
    expect(inkAt(clean, 100, 400, 1000, 480)).toBe(inkAt(p, 100, 400, 1000, 480)) // band untouched
  })

  it('takes a slightly slanted rule away whole or leaves it whole, never as a dashed trail, and keeps a letter stem that crosses it', async () => {
    // A rule at a quarter of a degree steps from one pixel row to the next every ~250 px, as a scanned
    // box edge does; where it steps, the two rows overlap and the line looks thicker.
    const slanted = (width: number) =>
      page(
        `<line x1="100" y1="300" x2="1100" y2="304" stroke="black" stroke-width="${width}"/><text x="600" y="322" font-size="40" font-family="DejaVu Sans">lk</text>`,
      )
    // Away from the letters (and from the line's far end, where the last pixel row's run is too short to be a rule).
    const ruleInk = (q: { data: Buffer; width: number }) => inkAt(q, 100, 290, 580, 320) + inkAt(q, 680, 290, 1000, 320)

    const thin = await slanted(3)
    const { page: clean } = removeRules(thin, { textHeight: 28 })
    expect(ruleInk(clean)).toBe(0)
    // The stem of the l runs a letter's height through the rule and stays, where it crosses the rule too.
    const stem = [...Array(20).keys()].map((i) => 595 + i).filter((x) => thin.data[292 * thin.width + x]! < 128)
    expect(stem.length).toBeGreaterThan(1)
    for (const x of stem) expect(inkAt(clean, x, 296, x + 1, 308)).toBe(12)

    // A rule about as thick as the thin limit: taken away (a speck or two may stay) or left whole,
    // not cut into a dashed trail, which tesseract reads as junk (before: a third of it stayed, in dashes).
    for (const width of [4, 4.5, 5]) {
      const p = await slanted(width)
      const left = ruleInk(removeRules(p, { textHeight: 28 }).page)
      expect(left <= ruleInk(p) * 0.05 || left >= ruleInk(p) * 0.95, `stroke ${width}: ${left} of ${ruleInk(p)} rule pixels left`).toBe(
        true,
      )
    }
  })
})
