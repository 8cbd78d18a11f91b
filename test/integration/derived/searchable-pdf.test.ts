/**
 * The searchable PDF of a scan is built after the document is settled, off the filing path,
 * and it is owed in the catalog until it is stored: a process that stops first leaves the
 * debt for the next start, which pays it. `chartclerk ingest` builds it before it exits.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp } from '../../../src/app.js'
import { pageImage } from '../../../src/derived/pageImages.js'
import { scanImageName } from '../../../src/derived/searchablePdfs.js'
import { silentLogger } from '../../../src/log.js'
import { derivedKey } from '../../../src/storage/objectStore.js'
import { textPage } from '../../helpers/pages.js'
import { BIN, makeWorkspace, runCli, type Workspace } from '../../helpers/workspace.js'

const LINES = [
  'Northgate Imaging Center',
  'RADIOLOGY REPORT',
  'Patient: Testperson, Ana   DOB: 04/12/1958',
  'IMPRESSION: no acute cardiopulmonary process.',
]

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.cleanup()
  ws = undefined
})

async function scanFile(dir: string): Promise<string> {
  const file = path.join(dir, 'radiology-scan.png')
  await writeFile(file, await textPage(LINES, { width: 1275, height: 1650, fontSize: 28, skew: 1 }))
  return file
}

async function pdfText(pdf: Buffer): Promise<{ total: number; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    return await parser.getText()
  } finally {
    await parser.destroy()
  }
}

describe('searchable PDFs of scans', () => {
  it('GIVEN a scan filed and the process stopped before its searchable PDF was made WHEN chartclerk starts again THEN the PDF is built in the background; the page image is drawn from the scan as read', async () => {
    ws = makeWorkspace()
    const file = await scanFile(ws.dir)
    const first = await openApp(ws.config(), { log: silentLogger() })
    const [r] = await first.runner.ingestFiles([file])
    const id = r!.documentId!
    expect(r!.status).toBe('needs_review')
    // Settled without waiting for the PDF: what was read is kept, the PDF is owed.
    expect(await first.store.stat(derivedKey(id, scanImageName(1)))).not.toBeNull()
    expect(await first.store.stat(derivedKey(id, 'searchable.pdf'))).toBeNull()
    expect(await first.searchablePdfs.pending.count()).toBe(1)
    await first.close()
    // `status` says what is owed.
    const owed = await runCli(ws, ['status'])
    expect(owed.stdout).toMatch(/searchable {4}1 scanned document\(s\) still owe a searchable PDF/)
    expect(JSON.parse((await runCli(ws, ['status', '--json'])).stdout).searchablePdfs).toEqual({ owed: 1, givenUp: 0 })

    const second = await openApp(ws.config(), { log: silentLogger() })
    try {
      second.searchablePdfs.start(200)
      const t0 = Date.now()
      while (!(await second.store.stat(derivedKey(id, 'searchable.pdf'))) && Date.now() - t0 < 30_000)
        await new Promise((r) => setTimeout(r, 100))
      const parsed = await pdfText(await second.store.get(derivedKey(id, 'searchable.pdf')))
      expect(parsed.total).toBe(1)
      expect(parsed.text).toMatch(/RADIOLOGY REPORT/)
      expect(parsed.text).toMatch(/IMPRESSION/)
      expect(await second.searchablePdfs.pending.count()).toBe(0)
      // The viewer's image of an OCRed page is the page as it was read: straightened, letter-width.
      const png = await pageImage(second, (await second.catalog.documents.get(id))!, 1)
      const meta = await sharp(png).metadata()
      expect(meta.format).toBe('png')
      expect(meta.width).toBe(1275)
      expect(await second.store.stat(derivedKey(id, 'page-0001.png'))).not.toBeNull()
    } finally {
      await second.close()
    }
  }, 120_000)

  it('chartclerk ingest builds the searchable PDF before it exits', async () => {
    ws = makeWorkspace()
    const file = await scanFile(ws.dir)
    await promisify(execFile)(process.execPath, [BIN, '--data', ws.data, '--json', 'ingest', file], { env: { ...process.env, ...ws.env } })
    expect(existsSync(path.join(ws.data, 'objects', 'derived', '1', 'searchable.pdf'))).toBe(true)
  }, 120_000)
})
