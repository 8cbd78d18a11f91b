import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { estimateSkew } from '../../../src/extract/deskew.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

const lines = Array.from({ length: 4 }, () => CONSULT_LINES).flat()

describe('estimateSkew', () => {
  it.each([1.5, -2, 0.7, -1.2])('GIVEN a page rotated %s degrees THEN it finds that angle within 0.2', async (angle) => {
    const page = await textPage(lines, { skew: angle })
    const found = await estimateSkew(page)
    expect(Math.abs(found - angle)).toBeLessThan(0.2)
    const fixed = await sharp(page).rotate(-found, { background: 'white' }).png().toBuffer()
    expect(Math.abs(await estimateSkew(fixed))).toBeLessThan(0.2)
  })

  it('a straight page stays straight, and a blank page is left alone', async () => {
    expect(Math.abs(await estimateSkew(await textPage(lines)))).toBeLessThan(0.15)
    const blank = await sharp({ create: { width: 800, height: 1000, channels: 3, background: 'white' } })
      .png()
      .toBuffer()
    expect(await estimateSkew(blank)).toBe(0)
  })
})

describe('skewEstimate knows when it does not know', () => {
  it('a page of many lines gives a reliable estimate; a page of two lines is left alone', async () => {
    const { decodePage } = await import('../../../src/extract/images.js')
    const { skewEstimate } = await import('../../../src/extract/deskew.js')
    const full = await skewEstimate(await decodePage(await textPage(lines, { skew: 1.3 }), 'png', 1, { maxPixels: 1e8 }))
    expect(full.reliable).toBe(true)
    expect(Math.abs(full.angle - 1.3)).toBeLessThan(0.2)
    const sparse = await skewEstimate(
      await decodePage(await textPage(CONSULT_LINES.slice(0, 2), { skew: 1.3 }), 'png', 1, { maxPixels: 1e8 }),
    )
    expect(sparse.lines).toBeLessThan(6)
    expect(sparse.reliable).toBe(false)
  })
})
