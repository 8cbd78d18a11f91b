/**
 * The unseen reading set's ground truth is the text written into the HTML; Chromium's own
 * text layer of the printed PDF must hold the very same words, or the benchmark would score
 * readers against words that are not on the page (clipped, hidden, spilled off the sheet).
 * No OCR here: the readers run in `npm run bench -- --only unseen-reading`.
 */
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordAccuracy, words } from '../../../bench/accuracy.js'
import { makeContent } from '../../../bench/unseen-pages/content.js'
import { openPrinter, type Printer } from '../../../bench/unseen-pages/render.js'
import { bagAccuracy } from '../../../bench/unseen-reading.js'

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 })
  try {
    // Page by page: the joined text adds pdf-parse's own "-- 1 of 1 --" page marks.
    return (await parser.getText()).pages.map((p) => p.text).join('\n')
  } finally {
    await parser.destroy()
  }
}

const sorted = (text: string) => words(text).sort()

describe('unseen reading pages: ground truth', () => {
  let printer: Printer
  beforeAll(async () => {
    printer = await openPrinter()
  })
  afterAll(async () => {
    await printer?.close()
  })

  // A lab printout (a results table) and a two-column bulletin (left column before the right).
  for (const house of ['lab', 'two-column'] as const) {
    it(`a ${house} page's truth is the PDF's own text layer, word for word and in order`, async () => {
      const page = makeContent(house, 'test:1', { tilt: 0.8 })
      const pdf = await printer.print(page.html)
      const layer = await pdfText(pdf)
      expect(words(page.truth).length).toBeGreaterThan(80)
      expect(sorted(layer)).toEqual(sorted(page.truth))
      expect(wordAccuracy(page.truth, layer)).toBeGreaterThan(0.97)
    })
  }

  it('makes the same page from the same seed, and another from another', () => {
    expect(makeContent('form', 'a').truth).toBe(makeContent('form', 'a').truth)
    expect(makeContent('form', 'a').truth).not.toBe(makeContent('form', 'b').truth)
  })
})

describe('bagAccuracy', () => {
  it('forgives word order but not missing, extra or misread words', () => {
    expect(bagAccuracy('left column here right column there', 'right column there left column here')).toBe(1)
    expect(bagAccuracy('one two three four', 'one two three')).toBe(0.75)
    expect(bagAccuracy('one two three four', 'one two three four junk')).toBe(0.75)
    expect(bagAccuracy('one two three four', 'one tw0 three four')).toBe(0.75)
    expect(bagAccuracy('one two', '')).toBe(0)
  })
})
