/**
 * The page pixel budget (real sharp): a page with more pixels is scaled down to it as it is
 * decoded, a page within it is left as it came, and small type is not scaled up past it.
 */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodePage, fitToPixels, fitWithin, prepareForOcr } from '../../../src/extract/images.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

describe('page pixel budget', () => {
  it('a page over the budget is decoded at the budget, its shape kept; PNG and JPEG alike', async () => {
    const png = await textPage(['WIDE FORMAT PLOT'], { width: 4000, height: 3000, fontSize: 90 })
    const jpeg = await sharp(png).jpeg().toBuffer()
    for (const [data, kind] of [
      [png, 'png'],
      [jpeg, 'jpeg'],
    ] as const) {
      const g = await decodePage(data, kind, 1, { maxPixels: 1e8, fitPixels: 3e6 })
      expect(g.width * g.height).toBeLessThanOrEqual(3e6)
      expect(g.width * g.height).toBeGreaterThan(2.9e6)
      expect(g.width / g.height).toBeCloseTo(4 / 3, 2)
      expect(g.data.length).toBe(g.width * g.height)
    }
  })

  it('a page within the budget is decoded exactly as without one', async () => {
    const png = await textPage(['Immunization record'], { width: 1700, height: 2200 })
    const plain = await decodePage(png, 'png', 1, { maxPixels: 1e8 })
    const fitted = await decodePage(png, 'png', 1, { maxPixels: 1e8, fitPixels: 16e6 })
    expect([fitted.width, fitted.height]).toEqual([1700, 2200])
    expect(fitted.data.equals(plain.data)).toBe(true)
    expect(fitWithin(1700, 2200, 16e6)).toBeNull()
    expect(await fitToPixels(plain, 16e6)).toBe(plain)
  })

  it('an already decoded page is scaled down to the budget', async () => {
    const g = await decodePage(await textPage(['x'], { width: 3000, height: 2000 }), 'png', 1, { maxPixels: 1e8 })
    const f = await fitToPixels(g, 1.5e6)
    expect(f.width * f.height).toBeLessThanOrEqual(1.5e6)
    expect(f.width / f.height).toBeCloseTo(1.5, 2)
  })

  it('small type is scaled up as before, but not past the budget', async () => {
    // Grey paper (a scan, not a 1-bit page, which is never scaled), type about 8 px high.
    const png = await sharp(await textPage([...CONSULT_LINES, ...CONSULT_LINES], { width: 1700, height: 2200, fontSize: 12 }))
      .linear(0.8, 20)
      .png()
      .toBuffer()
    const grey = await decodePage(png, 'png', 1, { maxPixels: 1e8 })
    const free = await prepareForOcr(grey, { deskew: false })
    expect(free.scale).toBeGreaterThan(1.3)
    const budget = 1700 * 2200 * 1.2
    const bounded = await prepareForOcr(grey, { deskew: false, maxPixels: budget })
    expect(bounded.scale).toBeGreaterThan(1)
    expect(bounded.scale).toBeLessThanOrEqual(Math.sqrt(1.2) + 1e-9)
    expect(bounded.width * bounded.height).toBeLessThanOrEqual(budget * 1.01)
  })
})
