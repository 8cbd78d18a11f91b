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

/**
 * The removal as first written: every pixel of every row and column walked. The module looks
 * for runs only at every minRun-th pixel along a line; it must take away exactly what this does.
 */
function removeRulesByFullScan(page: { data: Buffer; width: number; height: number }, th: number): { data: Buffer; removed: number } {
  const { width: w, height: h, data: src } = page
  const ink = 170
  const minRun = Math.max(40, Math.round(w * 0.04), Math.round(th * 6))
  const maxT = th > 0 ? Math.max(2, Math.min(Math.round(w / 300), Math.round(th * 0.2))) : Math.max(3, Math.round(w / 300))
  const maxCross = th > 0 ? Math.max(maxT, Math.round(th * 0.35)) : maxT
  const out = Buffer.from(src)
  let removed = 0
  const dark = (i: number) => src[i]! < ink
  const mostlyThin = (from: number, to: number, at: (k: number) => number, across: number) => {
    let darkN = 0
    let thin = 0
    for (let k = from; k < to; k++) {
      const i = at(k)
      if (!dark(i)) continue
      darkN++
      let t = 1
      for (let d = 1; t <= maxT && i - d * across >= 0 && dark(i - d * across); d++) t++
      for (let d = 1; t <= maxT && i + d * across < src.length && dark(i + d * across); d++) t++
      if (t <= maxT) thin++
    }
    return thin >= darkN * 0.6
  }
  const darkRow = (y: number, x: number) => dark(y * w + x) || (y > 0 && dark((y - 1) * w + x)) || (y + 1 < h && dark((y + 1) * w + x))
  const darkCol = (y: number, x: number) => dark(y * w + x) || (x > 0 && dark(y * w + x - 1)) || (x + 1 < w && dark(y * w + x + 1))
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w;) {
      if (!dark(y * w + x)) {
        x++
        continue
      }
      let end = x
      while (end < w && darkRow(y, end)) end++
      if (end - x >= minRun && mostlyThin(x, end, (xx) => y * w + xx, w))
        for (let xx = x; xx < end; xx++) {
          if (!dark(y * w + xx)) continue
          let up = 0
          while (up <= maxCross && y - up - 1 >= 0 && dark((y - up - 1) * w + xx)) up++
          let down = 0
          while (down <= maxCross && y + down + 1 < h && dark((y + down + 1) * w + xx)) down++
          if (up + down + 1 <= maxCross) ((out[y * w + xx] = 255), removed++)
        }
      x = end
    }
  }
  const minRunV = Math.max(40, Math.round(h * 0.02), Math.round(th * 3))
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h;) {
      if (!dark(y * w + x)) {
        y++
        continue
      }
      let end = y
      while (end < h && darkCol(end, x)) end++
      if (end - y >= minRunV && mostlyThin(y, end, (yy) => yy * w + x, 1))
        for (let yy = y; yy < end; yy++) {
          const i = yy * w + x
          if (!dark(i)) continue
          let left = 0
          while (left <= maxCross && x - left - 1 >= 0 && dark(i - left - 1)) left++
          let right = 0
          while (right <= maxCross && x + right + 1 < w && dark(i + right + 1)) right++
          if (left + right + 1 <= maxCross) ((out[i] = 255), removed++)
        }
      y = end
    }
  }
  return { data: out, removed }
}

describe('removeRules looks for runs only where a rule must pass', () => {
  it('takes away exactly what walking every pixel takes away, on a noisy form with rules of every length', async () => {
    // Boxes, rules just longer and just shorter than a rule's least length, slanted rules, text and speckle.
    let body = ''
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648)
    for (let k = 0; k < 40; k++) {
      const x = Math.round(rnd() * 1100)
      const y = Math.round(rnd() * 760)
      const len = Math.round(20 + rnd() * 400)
      const sw = 1 + Math.round(rnd() * 4)
      const slope = Math.round((rnd() - 0.5) * 6)
      body +=
        k % 2
          ? `<line x1="${x}" y1="${y}" x2="${x + len}" y2="${y + slope}" stroke="black" stroke-width="${sw}"/>`
          : `<line x1="${x}" y1="${y}" x2="${x + slope}" y2="${y + len}" stroke="black" stroke-width="${sw}"/>`
    }
    for (let k = 0; k < 12; k++)
      body += `<text x="${Math.round(rnd() * 900)}" y="${Math.round(40 + rnd() * 740)}" font-size="${14 + Math.round(rnd() * 30)}" font-family="DejaVu Sans">lkdH Il1 |||| ___ MRN 123</text>`
    for (let k = 0; k < 600; k++)
      body += `<rect x="${Math.round(rnd() * 1199)}" y="${Math.round(rnd() * 799)}" width="1" height="1" fill="black"/>`
    const p = await page(body)
    for (const th of [0, 12, 30]) {
      const fast = removeRules(p, th ? { textHeight: th } : {})
      const slow = removeRulesByFullScan(p, th)
      expect(fast.removed).toBe(slow.removed)
      expect(fast.removed).toBeGreaterThan(0)
      expect(Buffer.compare(fast.page.data, slow.data)).toBe(0)
    }
  })
})
