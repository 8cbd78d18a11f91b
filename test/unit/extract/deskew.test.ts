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
    const blank = await sharp({ create: { width: 800, height: 1000, channels: 3, background: 'white' } }).png().toBuffer()
    expect(await estimateSkew(blank)).toBe(0)
  })
})
