/**
 * The reader processes (src/extract/sandbox): a reader that dies fails only its file, with a clear
 * code, and the next file gets a fresh reader; JPEG 2000 pages render (OpenJPEG wired); the
 * truncation and header checks; review reasons for blank and unreadable pages.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { hasPdfHeader, looksTruncated, openPdf } from '../../../src/extract/pdf.js'
import { openImage } from '../../../src/extract/sandbox/image.js'
import {
  closeSandbox,
  configureSandbox,
  expectImageFiles,
  leaseReader,
  readerCount,
  releaseReader,
} from '../../../src/extract/sandbox/pool.js'
import { pageQualityReasons } from '../../../src/ingest/pageQuality.js'
import { textPdf } from '../../helpers/documents.js'
import { textPage } from '../../helpers/pages.js'
import { ROOT } from '../../helpers/workspace.js'

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile')
configureSandbox({ openSeconds: 60, pageSeconds: 60 })
afterAll(() => closeSandbox())

async function darkPixels(png: Buffer): Promise<number> {
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  let n = 0
  for (const v of data) if (v < 128) n++
  return n
}

describe('reader processes', () => {
  it('GIVEN a reader that dies WHEN a call is in hand THEN only that call fails, with FILE_READER_CRASHED, and the next file gets a working reader', async () => {
    const r = await leaseReader('pdf')
    const err = await r.call({ op: 'test-crash' }, 60_000).catch((e) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect(err.code).toBe('FILE_READER_CRASHED')
    expect(r.alive).toBe(false)
    releaseReader(r)
    const pdf = await openPdf(await readFile(path.join(HOSTILE, 'trailing-junk.pdf')), { maxPixels: 150_000_000 })
    expect(pdf.pageTexts[0]).toMatch(/Lakeside Medical Laboratory/)
    await pdf.close()
  }, 120_000)

  it('GIVEN a JPEG 2000 scan WHEN its page is rendered THEN the text is drawn (OpenJPEG wired), not a white page', async () => {
    const pdf = await openPdf(await readFile(path.join(HOSTILE, 'jpx-scan.pdf')), { maxPixels: 150_000_000 })
    const png = await pdf.renderPage(1, 100)
    await pdf.close()
    expect(await darkPixels(png)).toBeGreaterThan(2000)
  }, 120_000)

  it('GIVEN a PDF whose second page is damaged WHEN opened THEN pages 1 and 3 keep their text and page 2 is named', async () => {
    const pdf = await openPdf(await readFile(path.join(HOSTILE, 'broken-page.pdf')), { maxPixels: 150_000_000 })
    expect(pdf.pageCount).toBe(3)
    expect([...pdf.badPages.keys()]).toEqual([2])
    expect(pdf.badPages.get(2)).toMatch(/^its data in the file is damaged \(.*flate/)
    expect(pdf.pageTexts[2]).toMatch(/Discharged home/)
    await pdf.close()
  }, 120_000)
})

describe('garbage a file leaves', () => {
  it('GIVEN many small text-layer PDFs WHEN read one after another THEN one reader serves them all, its growth kept under the limit at which it is replaced', async () => {
    configureSandbox({ openSeconds: 60, pageSeconds: 60 }, { readers: 1 })
    try {
      const pids = new Set<number>()
      for (let i = 0; i < 30; i++) {
        const pdf = await openPdf(await textPdf(i), { maxPixels: 150_000_000 })
        expect(pdf.pageTexts.join('')).toMatch(/\w{3,}/)
        await pdf.close()
        const r = await leaseReader('pdf')
        pids.add(r.child.pid!)
        // What pool.ts allows a kept reader to have grown by after a file (else it is replaced).
        expect(r.grownMb(r.rssMb()!)).toBeLessThan(64)
        releaseReader(r)
      }
      expect(pids.size).toBe(1)
    } finally {
      configureSandbox({ openSeconds: 60, pageSeconds: 60 })
    }
  }, 120_000)
})

describe('reader count', () => {
  it('GIVEN room for one reader WHEN a second file asks for one THEN it waits until the first is given back, and gets a reader of its own kind', async () => {
    configureSandbox({ openSeconds: 60, pageSeconds: 60 }, { readers: 1 })
    try {
      const first = await leaseReader('pdf')
      expect(readerCount()).toBe(1)
      let second: Awaited<ReturnType<typeof leaseReader>> | null = null
      const waiting = leaseReader('image').then((r) => (second = r))
      await new Promise((r) => setTimeout(r, 300))
      expect(second, 'still waiting while the only reader is in use').toBeNull()
      releaseReader(first)
      await waiting
      expect(second!.what).toBe('image')
      expect(readerCount()).toBe(1)
      releaseReader(second!)
    } finally {
      configureSandbox({ openSeconds: 60, pageSeconds: 60 })
    }
  }, 60_000)
})

describe('image readers', () => {
  it('GIVEN an image reader WHEN it is given back THEN it ends rather than wait idle holding its memory', async () => {
    const r = await leaseReader('image')
    const exited = new Promise((resolve) => r.child.once('exit', resolve))
    releaseReader(r)
    expect(readerCount()).toBe(0)
    await exited
    expect(r.alive).toBe(false)
  }, 60_000)

  it('GIVEN more image files expected WHEN an image reader is given back THEN it waits for the next one (not a new process), and ends once none are expected', async () => {
    expectImageFiles(2)
    try {
      const first = await leaseReader('image')
      releaseReader(first)
      expect(first.alive).toBe(true)
      expect(readerCount()).toBe(1)
      expectImageFiles(-1)
      const second = await leaseReader('image')
      expect(second.child.pid, 'the same reader serves the next image file').toBe(first.child.pid)
      const exited = new Promise((resolve) => second.child.once('exit', resolve))
      releaseReader(second)
      expect(readerCount(), 'still one expected: kept').toBe(1)
      expectImageFiles(-1)
      expect(readerCount(), 'none expected: the kept reader ends').toBe(0)
      await exited
    } finally {
      expectImageFiles(-Infinity)
    }
  }, 60_000)

  it('GIVEN an image far over the page pixel budget WHEN its reader proves it reads and decodes it THEN the page comes at the budget, its shape kept', async () => {
    configureSandbox({ openSeconds: 60, pageSeconds: 60, renderMaxPixels: 4_000_000 })
    try {
      // 32 megapixels, eight times the budget.
      const png = await textPage(['WIDE FORMAT PLOT'], { width: 8000, height: 4000, fontSize: 120 })
      const img = await openImage(png, 'png', { maxPixels: 150_000_000 }, { decodeAll: true })
      const g = await img.decodePage(1)
      await img.close()
      expect(g.width * g.height).toBeLessThanOrEqual(4_000_000)
      expect(g.width * g.height).toBeGreaterThan(3_900_000)
      expect(g.width / g.height).toBeCloseTo(2, 1)
      expect(g.data.length).toBe(g.width * g.height)
    } finally {
      configureSandbox({ openSeconds: 60, pageSeconds: 60 })
    }
  }, 120_000)
})

describe('decompression bombs', () => {
  it('GIVEN the stream bomb WHEN opened THEN the reader refuses it as PDF_BOMB, naming what it is and what to do', async () => {
    const err = await openPdf(await readFile(path.join(HOSTILE, 'stream-bomb.pdf')), { maxPixels: 150_000_000 }).catch((e) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect(err.code).toBe('PDF_BOMB')
    expect(err.action).toMatch(/decompression bomb.*unpacks to more than 768 MB.*print the document to a new PDF or rescan it/)
  }, 120_000)

  it('GIVEN a bomb check that outlasts its allowance WHEN the reader is still inflating THEN it is killed and the file called a bomb', async () => {
    const r = await leaseReader('pdf')
    const data = await readFile(path.join(HOSTILE, 'stream-bomb.pdf'))
    const err = await r
      .call(
        {
          op: 'pdf-open',
          data: new Uint8Array(data),
          maxPixels: 1e8,
          renderMaxPixels: 1e7,
          maxPages: 10,
          inflateCapMb: 1_000_000,
          readText: true,
          findImages: false,
          minTextLayerChars: 1,
        },
        60_000,
        { checkMs: 50 },
      )
      .catch((e) => e)
    releaseReader(r)
    expect(err.code).toBe('PDF_BOMB')
    expect(err.action).toMatch(/still unpacking after 0 seconds/)
    expect(r.alive).toBe(false)
  }, 120_000)
})

describe('PDF checks before a reader is used', () => {
  it('finds %%EOF anywhere, so trailing junk passes and a cut-off file does not', async () => {
    const whole = await readFile(path.join(HOSTILE, 'trailing-junk.pdf'))
    expect(looksTruncated(whole)).toBe(false)
    const pdf = await readFile(path.join(HOSTILE, 'leading-junk.pdf'))
    expect(looksTruncated(pdf.subarray(0, Math.floor(pdf.length / 2)))).toBe(true)
  })
  it('accepts a few stray bytes before %PDF-', async () => {
    expect(hasPdfHeader(await readFile(path.join(HOSTILE, 'leading-junk.pdf')))).toBe(true)
    expect(hasPdfHeader(Buffer.from('PK\u0003\u0004 not a pdf'))).toBe(false)
  })
})

describe('page quality review reasons', () => {
  const page = (n: number, text: string, source: 'ocr' | 'text-layer' = 'ocr', ocrConfidence: number | null = 90) =>
    ({ page: n, text, source, ocrConfidence, deskewAngle: 0, width: 1, height: 1, words: [] }) as never
  it('names blank, nearly blank and hard-to-read pages, and says nothing about good ones', () => {
    const reasons = pageQualityReasons({
      pages: [
        page(1, 'A full page of readable consultation text here.'),
        page(2, '  \n '),
        page(3, 'x y'),
        page(4, 'Readable words but a faint scan overall today.', 'ocr', 31),
      ],
      fullText: '',
      ocrConfidence: 60,
      source: 'ocr',
    })
    expect(reasons).toHaveLength(3)
    expect(reasons[0]).toMatch(/^Page 2 came out blank/)
    expect(reasons[1]).toMatch(/^Page 3 came out nearly blank/)
    expect(reasons[2]).toMatch(/^Page 4 is hard to read \(OCR confidence 31%\)/)
  })
  it('names a page the file could not give, with why, instead of calling it blank', () => {
    const damaged = { ...(page(2, '') as object), unreadable: 'its data in the file is damaged (bad block)' } as never
    const reasons = pageQualityReasons({
      pages: [page(1, 'A full page of readable consultation text here.'), damaged, page(3, '')],
      fullText: '',
      ocrConfidence: 90,
      source: 'ocr',
    })
    expect(reasons).toEqual([
      'Page 2 could not be read: its data in the file is damaged (bad block). Check the original; if the page has writing on it, ask the sender for a new copy or rescan it.',
      'Page 3 came out blank: check the scan, and rescan the page if it has writing on it.',
    ])
  })
})

describe('time budget on a busy machine', () => {
  it('GIVEN a reader starved of the processor (stopped) past its budget WHEN it gets the processor back THEN the call finishes: the budget counts its CPU time', async () => {
    const r = await leaseReader('pdf')
    try {
      await r.call({ op: 'test-spin', ms: 0 }, 60_000) // loaded: the budget counts from here
      const call = r.call({ op: 'test-spin', ms: 200 }, 1000)
      // Like a machine at load 30: the reader gets no processor time for 2.5 budgets.
      r.child.kill('SIGSTOP')
      await new Promise((res) => setTimeout(res, 2500))
      r.child.kill('SIGCONT')
      await expect(call).resolves.toBeNull()
      expect(r.alive).toBe(true)
    } finally {
      r.child.kill('SIGCONT')
      releaseReader(r)
    }
  }, 60_000)

  it('GIVEN a file that keeps the reader computing WHEN its CPU time passes the budget THEN it is FILE_TOO_COMPLEX', async () => {
    const r = await leaseReader('pdf')
    const t0 = Date.now()
    const err = await r.call({ op: 'test-spin', ms: 20_000 }, 1000).catch((e) => e)
    releaseReader(r)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect(err.code).toBe('FILE_TOO_COMPLEX')
    expect(Date.now() - t0).toBeLessThan(15_000)
  }, 60_000)

  it('GIVEN a reader that never gets the processor WHEN six budgets pass THEN the file goes back as transient, not called complex', async () => {
    const r = await leaseReader('pdf')
    await r.call({ op: 'test-spin', ms: 0 }, 60_000) // loaded: the budget counts from here
    const call = r.call({ op: 'test-spin', ms: 200 }, 500).catch((e) => e)
    r.child.kill('SIGSTOP')
    const err = await call
    r.child.kill('SIGCONT')
    releaseReader(r)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect(err.code).toBe('FILE_READER_CRASHED')
    expect(err.transient).toBe(true)
    expect(err.action).toMatch(/too busy/)
  }, 60_000)
})
