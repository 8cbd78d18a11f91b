import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { buildSearchablePdf } from '../../../src/extract/searchablePdf.js'
import { decodePage, pdfPageImage } from '../../../src/extract/images.js'
import { textPage } from '../../helpers/pages.js'

describe('buildSearchablePdf', () => {
  it('lays the OCR words over the scan as text a PDF reader can search', async () => {
    const png = await textPage(['Hemoglobin A1c 6.1 %'])
    const img = await pdfPageImage(await decodePage(png, 'png', 1, { maxPixels: 1e8 }))
    const words = [
      { text: 'Hemoglobin', confidence: 95, bbox: { x0: 120, y0: 130, x1: 330, y1: 165 } },
      { text: 'A1c', confidence: 93, bbox: { x0: 345, y0: 130, x1: 410, y1: 165 } },
      { text: 'naïve', confidence: 90, bbox: { x0: 420, y0: 130, x1: 520, y1: 165 } },
      { text: 'π≈3', confidence: 40, bbox: { x0: 530, y0: 130, x1: 600, y1: 165 } },
    ]
    const pdf = await buildSearchablePdf(
      [
        { ...img, words },
        { ...img, words: [] },
      ],
      'test',
    )
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    const text = await parser.getText()
    await parser.destroy()
    expect(text.total).toBe(2)
    expect(text.pages[0]!.text).toContain('Hemoglobin')
    expect(text.pages[0]!.text).toContain('A1c')
    expect(text.pages[0]!.text).toContain('naïve')
  })

  it('keeps the scan as a one-component (grey) JPEG, drawn at its size', async () => {
    const img = await pdfPageImage(await decodePage(await textPage(['Hemoglobin A1c 6.1 %']), 'png', 1, { maxPixels: 1e8 }))
    const meta = await sharp(img.jpeg).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.channels).toBe(1)
    expect([meta.width, meta.height]).toEqual([img.width, img.height])
    const pdf = await buildSearchablePdf([{ ...img, words: [] }], 'grey')
    expect(pdf.includes(Buffer.from('/DeviceGray'))).toBe(true)
  })
})
