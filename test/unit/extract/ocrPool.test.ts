import { describe, expect, it } from 'vitest'
import { decodePage, prepareForOcr, toPgm } from '../../../src/extract/images.js'
import { OcrPool, parseTsvWords } from '../../../src/extract/ocr/pool.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

describe('parseTsvWords', () => {
  it('keeps word rows with their boxes and confidence, skips structure rows', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
      '5\t1\t1\t1\t1\t1\t120\t130\t210\t35\t95.5\tHemoglobin',
      '5\t1\t1\t1\t1\t2\t345\t130\t65\t35\t91\tA1c',
      '5\t1\t1\t1\t1\t3\t420\t130\t10\t35\t-1\t ',
    ].join('\n')
    expect(parseTsvWords(tsv)).toEqual([
      { text: 'Hemoglobin', confidence: 95.5, bbox: { x0: 120, y0: 130, x1: 330, y1: 165 } },
      { text: 'A1c', confidence: 91, bbox: { x0: 345, y0: 130, x1: 410, y1: 165 } },
    ])
  })
})

describe('OcrPool (real tesseract.js, offline model)', () => {
  it('reads a straightened page: text, confidence and word boxes', async () => {
    const pool = new OcrPool({ workers: 1 })
    try {
      const grey = await decodePage(await textPage(CONSULT_LINES, { skew: 1.5 }), 'png', 1, { maxPixels: 1e8 })
      const prepared = await prepareForOcr(grey, { deskew: true })
      expect(prepared.deskewAngle).toBeCloseTo(1.5, 0)
      const r = await pool.recognize(toPgm(prepared))
      expect(r.text).toContain('CONSULTATION NOTE')
      expect(r.text).toMatch(/stress echocardiogram/)
      expect(r.confidence).toBeGreaterThan(80)
      const word = r.words.find((w) => w.text === 'CONSULTATION')
      expect(word).toBeDefined()
      expect(word!.bbox.x1).toBeGreaterThan(word!.bbox.x0)
    } finally {
      await pool.close()
    }
  })

  it('a page that is not an image fails as OCR_FAILED and the pool keeps working', async () => {
    const pool = new OcrPool({ workers: 1 })
    try {
      await expect(pool.recognize(Buffer.from('definitely not an image'))).rejects.toMatchObject({ code: 'OCR_FAILED' })
      const grey = await decodePage(await textPage(['Immunization record']), 'png', 1, { maxPixels: 1e8 })
      expect((await pool.recognize(toPgm(grey))).text).toMatch(/Immunization/)
    } finally {
      await pool.close()
    }
  })

  it('a page that takes too long fails as OCR_TIMEOUT and its worker is replaced', async () => {
    const pool = new OcrPool({ workers: 1, pageTimeoutMs: 1 })
    try {
      const grey = await decodePage(await textPage(CONSULT_LINES), 'png', 1, { maxPixels: 1e8 })
      await expect(pool.recognize(toPgm(grey))).rejects.toMatchObject({ code: 'OCR_TIMEOUT' })
    } finally {
      await pool.close()
    }
  })
})
