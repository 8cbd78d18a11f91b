/** The OCR engine choice: tesseract.js (embedded) or the native tesseract CLI, same results shape. */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readScannedPage } from '../../../src/extract/extractText.js'
import { decodePage, toPgm } from '../../../src/extract/images.js'
import { createOcrEngine } from '../../../src/extract/ocr/engine.js'
import { readPage } from '../../../src/extract/readPage.js'
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
  let dir = ''
  let log = ''
  let wrapper = ''
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cc-native-tmp-'))
    // The real tesseract, behind a script noting what it was given to read and that file's mode.
    log = path.join(dir, 'args.log')
    wrapper = path.join(dir, 'tesseract')
    await writeFile(wrapper, `#!/bin/sh\necho "$1" >> "${log}"\n[ -f "$1" ] && stat -c %a "$1" >> "${log}"\nexec tesseract "$@"\n`, {
      mode: 0o755,
    })
  })
  afterEach(async () => {
    if (tmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmp
    await rm(dir, { recursive: true, force: true })
  })

  it.skipIf(!haveNative)('as a file readable by this user only, in the temporary folder, gone once read', async () => {
    const pages = path.join(dir, 'tmp')
    await mkdir(pages)
    process.env.TMPDIR = pages
    const native = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true, tesseractPath: wrapper })
    try {
      const grey = await decodePage(await textPage(CONSULT_LINES, {}), 'png', 1, { maxPixels: 1e8 })
      const r = await native.recognize(toPgm(grey))
      expect(r.text).toContain('CONSULTATION NOTE')
      const [arg, mode] = (await readFile(log, 'utf8')).trim().split('\n')
      expect(path.dirname(arg!)).toBe(pages)
      expect(path.basename(arg!)).toMatch(/^chartclerk-ocr-[0-9a-f]{24}\.pgm$/)
      expect(mode).toBe('600')
      expect(await readdir(pages)).toEqual([])
    } finally {
      await native.close()
    }
  })

  it.skipIf(!haveNative)('read in an OCR host process, which is ended by a signal: nothing is left in the temporary folder', async () => {
    const pages = path.join(dir, 'tmp')
    await mkdir(pages)
    process.env.TMPDIR = pages
    const hosted = createOcrEngine({ engine: 'tesseract', workers: 1, tesseractPath: wrapper })
    try {
      const r = await readPage({ png: await textPage(CONSULT_LINES, {}) }, hosted, { deskew: true, maxPixels: 1e8 })
      expect(r.result.text).toContain('CONSULTATION NOTE')
      // The host checks the binary first (`--version`), then reads the page from a file.
      const read = (await readFile(log, 'utf8')).split('\n').find((l) => l.endsWith('.pgm'))
      expect(path.dirname(read!)).toBe(pages)
    } finally {
      await hosted.close()
    }
    // (Under the tests the host runs through tsx, which keeps its cache there too.)
    expect((await readdir(pages)).filter((f) => f.startsWith('chartclerk'))).toEqual([])
  })

  it.skipIf(!haveNative)('on stdin when no file can be written there, with the same reading', async () => {
    const grey = await decodePage(await textPage(CONSULT_LINES, {}), 'png', 1, { maxPixels: 1e8 })
    const viaFile = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true })
    const a = await viaFile.recognize(toPgm(grey)).finally(() => viaFile.close())
    process.env.TMPDIR = '/nonexistent/chartclerk-tmp'
    const viaStdin = createOcrEngine({ engine: 'tesseract', workers: 1, inProcess: true, tesseractPath: wrapper })
    const b = await viaStdin.recognize(toPgm(grey)).finally(() => viaStdin.close())
    expect((await readFile(log, 'utf8')).trim()).toBe('stdin')
    expect(b.text).toContain('CONSULTATION NOTE')
    expect(b).toEqual(a)
  })
})
