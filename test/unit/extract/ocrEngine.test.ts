/** The OCR engine choice: tesseract.js (embedded) or the native tesseract CLI, same results shape. */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readScannedPage } from '../../../src/extract/extractText.js'
import { decodePage, toPgm } from '../../../src/extract/images.js'
import { createOcrEngine } from '../../../src/extract/ocr/engine.js'
import { nativeTesseractVersion } from '../../../src/extract/ocr/native.js'
import { textFromTsv } from '../../../src/extract/ocr/pool.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

const haveNative = (() => {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('textFromTsv', () => {
  it('joins words by line and paragraphs by a blank line', () => {
    const row = (b: number, p: number, l: number, w: number, text: string) => `5\t1\t${b}\t${p}\t${l}\t${w}\t0\t0\t1\t1\t90\t${text}`
    expect(
      textFromTsv([row(1, 1, 1, 1, 'Dear'), row(1, 1, 1, 2, 'Dr.'), row(1, 1, 2, 1, 'Webb,'), row(1, 2, 1, 1, 'Thanks')].join('\n')),
    ).toBe('Dear Dr.\nWebb,\n\nThanks\n')
  })
})

describe('OCR engines', () => {
  it.skipIf(!haveNative)('the native tesseract CLI reads the same page with words, boxes and confidences', async () => {
    const native = createOcrEngine({ engine: 'tesseract', workers: 1 })
    expect(native.kind).toBe('tesseract')
    try {
      const grey = await decodePage(await textPage(CONSULT_LINES, { skew: 1.2 }), 'png', 1, { maxPixels: 1e8 })
      const r = await readScannedPage(grey, native, { deskew: true })
      expect(r.result.text).toContain('CONSULTATION NOTE')
      expect(r.result.confidence).toBeGreaterThan(80)
      const word = r.result.words.find((w) => w.text === 'CONSULTATION')
      expect(word!.bbox.x1).toBeGreaterThan(word!.bbox.x0)
      expect(await nativeTesseractVersion()).toMatch(/^tesseract \d/)
    } finally {
      await native.close()
    }
  })

  it('a missing tesseract binary is reported cleanly, saying what to do', async () => {
    const missing = createOcrEngine({ engine: 'tesseract', workers: 1, tesseractPath: '/nonexistent/bin/tesseract' })
    const grey = await decodePage(await textPage(['A line of text'], {}), 'png', 1, { maxPixels: 1e8 })
    await expect(readScannedPage(grey, missing, { deskew: false })).rejects.toMatchObject({
      code: 'OCR_ENGINE_MISSING',
      action: expect.stringMatching(/apt-get install tesseract-ocr.*ocr\.engine/),
    })
    await expect(nativeTesseractVersion('/nonexistent/bin/tesseract')).rejects.toMatchObject({ code: 'OCR_ENGINE_MISSING' })
    await missing.close()
  })

  it('tesseract.js is the default engine', () => {
    const e = createOcrEngine({ workers: 1 })
    expect(e.kind).toBe('tesseract.js')
    return e.close()
  })
})

describe('the native engine hands the page over in a file', () => {
  const tmp = process.env.TMPDIR
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmp
  })

  it.skipIf(!haveNative)('through a private folder that holds no page after it is read and is gone once the engine closes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-native-tmp-'))
    process.env.TMPDIR = dir
    const native = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true })
    try {
      const grey = await decodePage(await textPage(CONSULT_LINES, {}), 'png', 1, { maxPixels: 1e8 })
      const r = await native.recognize(toPgm(grey))
      expect(r.text).toContain('CONSULTATION NOTE')
      const folders = await readdir(dir)
      expect(folders).toHaveLength(1)
      expect(folders[0]).toMatch(/^chartclerk-ocr-/)
      expect((await stat(path.join(dir, folders[0]!))).mode & 0o777).toBe(0o700)
      expect(await readdir(path.join(dir, folders[0]!))).toEqual([])
      await native.close()
      expect(await readdir(dir)).toEqual([])
    } finally {
      await native.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it.skipIf(!haveNative)('on stdin when no file can be written there, with the same reading', async () => {
    const grey = await decodePage(await textPage(CONSULT_LINES, {}), 'png', 1, { maxPixels: 1e8 })
    const viaFile = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true })
    const a = await viaFile.recognize(toPgm(grey)).finally(() => viaFile.close())
    process.env.TMPDIR = '/nonexistent/chartclerk-tmp'
    const viaStdin = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true })
    const b = await viaStdin.recognize(toPgm(grey)).finally(() => viaStdin.close())
    expect(b.text).toContain('CONSULTATION NOTE')
    expect(b).toEqual(a)
  })
})
