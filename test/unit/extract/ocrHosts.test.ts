/**
 * OCR in host processes (real tesseract.js in real child processes): hosts are replaced after
 * their page cap or past their memory cap and pages are still read; a host that dies under a
 * page costs a retry, not the page; a page that kills every host it meets fails cleanly.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { extractDocument } from '../../../src/extract/extractText.js'
import { decodePage } from '../../../src/extract/images.js'
import { HostedOcr } from '../../../src/extract/ocr/hosted.js'
import { readPage } from '../../../src/extract/readPage.js'
import { readerCount } from '../../../src/extract/sandbox/pool.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

const opts = { deskew: true, maxPixels: 1e8 }
let engine: HostedOcr | null = null
afterEach(async () => {
  await engine?.close()
  engine = null
})

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resident memory of a process (MB), 0 once it has exited. */
const rssMb = (pid: number) => {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

// Real OCR in new processes: slow on a busy machine.
describe('HostedOcr (tesseract.js in host processes)', { timeout: 300_000 }, () => {
  it('a host is replaced after its page cap, its process ends, and every page is still read', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1, maxPages: 2 })
    const png = await textPage(CONSULT_LINES, { skew: 1 })
    const pids: number[] = []
    for (let i = 0; i < 3; i++) {
      // A rendered page (PNG) is decoded in the host; the grey page is the other way in.
      const input = i === 1 ? { grey: await decodePage(png, 'png', 1, { maxPixels: 1e8 }) } : { png }
      const r = await readPage(input, engine, opts)
      expect(r.result.text).toContain('CONSULTATION NOTE')
      expect(r.scan.jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
      expect(r.scan.words.length).toBeGreaterThan(20)
      pids.push(...engine.hostPids())
    }
    // Pages 1-2 on the first host; it was replaced after page 2 (no host alive until the next page), page 3 on a new one.
    expect(pids).toHaveLength(2)
    expect(pids[0]).not.toBe(pids[1])
    expect(engine.recycled).toBe(1)
    await new Promise((r) => setTimeout(r, 300))
    expect(alive(pids[0]!)).toBe(false)
  })

  it('a page of an image file goes to the host by its path: decoded there, read as the page decoded here is', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1 })
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-host-file-'))
    try {
      const png = await textPage(CONSULT_LINES, { skew: 1 })
      const file = path.join(dir, 'scan.png')
      await writeFile(file, png)
      const byPath = await readPage({ file, kind: 'png', page: 1 }, engine, opts)
      const byPixels = await readPage({ grey: await decodePage(png, 'png', 1, { maxPixels: 1e8 }) }, engine, opts)
      expect(byPath.result.text).toContain('CONSULTATION NOTE')
      expect(byPath.result.text).toBe(byPixels.result.text)
      expect([byPath.width, byPath.height, byPath.deskewAngle]).toEqual([byPixels.width, byPixels.height, byPixels.deskewAngle])
      // A whole image file proved at inspect: read by the hosts from its path, no reader process started for it.
      const pages: string[] = []
      let readers = 0
      const watch = setInterval(() => (readers = Math.max(readers, readerCount())), 5)
      const x = await extractDocument(
        file,
        'png',
        engine,
        { deskew: true, renderDpi: 300, maxPixels: 1e8, minTextLayerChars: 20, imagePages: 1 },
        async (p) => void pages.push(p.text.text),
      )
      clearInterval(watch)
      expect(readers).toBe(0)
      expect(x.pages).toHaveLength(1)
      expect(x.fullText).toContain('CONSULTATION NOTE')
      // A file that is not an image fails on the host like a damaged scan, not as a host crash.
      await writeFile(path.join(dir, 'bad.png'), 'not an image')
      await expect(readPage({ file: path.join(dir, 'bad.png'), kind: 'png', page: 1 }, engine, opts)).rejects.toMatchObject({
        code: 'IMAGE_CORRUPT',
      })
      expect(engine.retried).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a page far over the page pixel budget (a poster scanned whole) is scaled down to it as it is decoded: read, and its host stays small', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1, maxRssMb: 100_000 })
    await engine.warm()
    const [pid] = engine.hostPids()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-host-huge-'))
    try {
      // 46 megapixels: read whole, tesseract.js and the page's preparation took a host to 450-520 MB.
      const file = path.join(dir, 'poster.png')
      await writeFile(
        file,
        await textPage(['Harbor Imaging Center', 'WIDE FORMAT PLOT', 'Made-up test record'], { width: 9600, height: 4800, fontSize: 160 }),
      )
      let peakMb = 0
      const watch = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid!))), 25)
      const r = await readPage({ file, kind: 'png', page: 1 }, engine, { ...opts, pageMaxPixels: 16e6 })
      clearInterval(watch)
      expect(r.result.text).toMatch(/Harbor Imaging Center/)
      expect(r.result.text).toMatch(/WIDE FORMAT PLOT/)
      expect(r.width * r.height).toBeLessThanOrEqual(16e6 * 1.02)
      expect(r.width / r.height).toBeCloseTo(2, 1)
      // Measured 2026-12-07: about 270 MB at 16 megapixels.
      expect(peakMb).toBeGreaterThan(100)
      expect(peakMb).toBeLessThan(380)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a host past its memory cap is replaced after the page', async () => {
    // No OCR host stays under 128 MB once tesseract.js has read a page.
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1, maxRssMb: 128 })
    const png = await textPage(['Immunization record', 'Tetanus booster given 03/04/2026'])
    for (let i = 0; i < 2; i++) expect((await readPage({ png }, engine, opts)).result.text).toMatch(/Immunization/)
    expect(engine.recycled).toBe(2)
    expect(engine.started).toBe(2)
  })

  it('a host killed under a page: the page is read again on a fresh host, and other pages go on', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 2 })
    await engine.warm()
    const [victim] = engine.hostPids()
    const png = await textPage(CONSULT_LINES)
    const pages = [readPage({ png }, engine, opts), readPage({ png }, engine, opts)]
    // Killed from outside while it reads (as the kernel's out-of-memory killer would).
    await new Promise((r) => setTimeout(r, 400))
    process.kill(victim!, 'SIGKILL')
    const results = await Promise.all(pages)
    for (const r of results) expect(r.result.text).toContain('CONSULTATION NOTE')
    expect(engine.retried).toBe(1)
    expect(engine.hostPids()).not.toContain(victim)
  })

  it('a host that dies is an OCR_FAILED error, and the next page is read on a fresh host', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1 })
    await expect(engine.crashForTests()).rejects.toMatchObject({ code: 'OCR_FAILED', action: expect.stringMatching(/OCR engine stopped/) })
    const r = await engine.recognize(await textPage(['Immunization record']).then((p) => p))
    expect(r.text).toMatch(/Immunization/)
  })

  it('closing rejects waiting pages as transient (they are read at the next start) and ends every host', async () => {
    engine = new HostedOcr({ engine: 'tesseract.js', workers: 1 })
    await engine.warm()
    const pids = engine.hostPids()
    const png = await textPage(CONSULT_LINES)
    const pending = [readPage({ png }, engine, opts), readPage({ png }, engine, opts)].map((p) => p.catch((e) => e))
    await new Promise((r) => setTimeout(r, 200))
    await engine.close()
    const outcomes = await Promise.all(pending)
    expect(outcomes.some((o) => o?.code === 'OCR_FAILED' && o.transient === true)).toBe(true)
    expect(pids.every((p) => !alive(p))).toBe(true)
  })
})
