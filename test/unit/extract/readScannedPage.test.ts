/**
 * The reading stages around the OCR engine: what is prepared for it and how often it is asked.
 * A fake engine stands in for tesseract here (it records what it was given); the real OCR of
 * these pages is tested in reading.test.ts.
 */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readScannedPage } from '../../../src/extract/extractText.js'
import { decodePage } from '../../../src/extract/images.js'
import type { OcrEngine, OcrPageResult } from '../../../src/extract/ocr/types.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

/** Answers every page with the same confidence and counts the pages it was handed. */
function fakeEngine(confidence: number): OcrEngine & { pages: Buffer[] } {
  const pages: Buffer[] = []
  return {
    kind: 'tesseract.js',
    size: 1,
    pages,
    async recognize(image: Buffer): Promise<OcrPageResult> {
      pages.push(image)
      const words = CONSULT_LINES.join(' ')
        .split(' ')
        .map((text, i) => ({ text, confidence, bbox: { x0: i, y0: 0, x1: i + 1, y1: 1 } }))
      return { text: CONSULT_LINES.join('\n'), confidence, words }
    },
    async warm() {},
    async close() {},
  }
}

const greyOf = async (png: Buffer) => decodePage(png, 'png', 1, { maxPixels: 1e8 })
/** The PGM's pixels: count the grey levels in it. */
const greyLevels = (pgm: Buffer) => {
  const body = pgm.subarray(pgm.length - (pgm.length - pgm.indexOf('255\n') - 4))
  let grey = 0
  for (const v of body) if (v > 8 && v < 247) grey++
  return grey / body.length
}

describe('readScannedPage', () => {
  it('does not read a doubtful page twice when the plain page is the very page it read', async () => {
    // A clean page: nothing flattened, no rules to take away. A second reading would be the same reading.
    const engine = fakeEngine(75)
    const r = await readScannedPage(await greyOf(await textPage(CONSULT_LINES)), engine, { deskew: true })
    expect(engine.pages).toHaveLength(1)
    expect(r.path).not.toMatch(/plain grey/)
  })

  it('reads a doubtful page again as plain grey when its form rules were taken away', async () => {
    const png = await textPage(CONSULT_LINES)
    const boxed = await sharp(png)
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="2200"><rect x="100" y="120" width="1400" height="300" fill="none" stroke="black" stroke-width="3"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer()
    const engine = fakeEngine(75)
    const r = await readScannedPage(await greyOf(boxed), engine, { deskew: true })
    expect(r.prepared.rulesRemoved).toBeGreaterThan(1000)
    expect(engine.pages).toHaveLength(2)
  })

  it('smooths the stair-stepped edges of a black-and-white page, and leaves a grey page as it is', async () => {
    const png = await textPage(CONSULT_LINES)
    const oneBit = await sharp(png).greyscale().threshold(160).png().toBuffer()
    const engine = fakeEngine(90)
    const bw = await readScannedPage(await greyOf(oneBit), engine, { deskew: false })
    expect(bw.prepared.smoothed).toBe(true)
    expect(bw.path).toMatch(/^1-bit smoothed/)
    expect(greyLevels(engine.pages[0]!)).toBeGreaterThan(0.005) // letter edges are grey now

    const grey = await readScannedPage(await greyOf(png), engine, { deskew: false })
    expect(grey.prepared.smoothed).toBe(false)
  })
})
