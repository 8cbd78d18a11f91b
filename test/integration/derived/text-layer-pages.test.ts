/**
 * Text-layer PDFs through the real pipeline: nothing is drawn on the way in, the page
 * image is drawn on first view (web desk route) and read from the store after; a page
 * that carries a pasted scan has the scan's words in its text, and a text-only page
 * costs no OCR at all.
 */
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { pageImage, pageImageName } from '../../../src/derived/pageImages.js'
import { derivedKey } from '../../../src/storage/objectStore.js'
import { textPage } from '../../helpers/pages.js'
import { makeDesk, type Desk } from '../web/helpers.js'

const LETTER_LINES = [
  'Harborview Family Practice, 40 Quay Street',
  'Patient Name: TESTPERSON, ANA   DOB: 04/12/1958',
  'Dear colleague, thank you for seeing Ms Testperson. Her recent results are below;',
  'the outside pathology page is pasted into this letter as it was received.',
]
/** Words printed only in the pasted scan (never in the text layer). */
const SCAN_LINES = [
  'OUTSIDE PATHOLOGY ADDENDUM',
  'Specimen: left breast core biopsy',
  'Diagnosis: FIBROADENOMA, no atypia',
  'Pathologist: Dr. Imelda Vasquez-Okonkwo',
]

function letterPdf(scan?: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', info: { CreationDate: new Date(0) } as any })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.fontSize(11)
    for (const l of LETTER_LINES) doc.text(l)
    // The scan pasted into the letter, about 6.5 x 2.6 inches, below the text.
    if (scan) doc.image(scan, 60, 220, { width: 470 })
    doc.text('Yours sincerely, Dr. Paul Whitcombe', 72, 640)
    doc.end()
  })
}

let desk: Desk
const files: Record<string, string> = {}

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  // A scanned strip: 200 dpi, slightly skewed grey page, the way a pasted fax or scan looks.
  const strip = await sharp(await textPage(SCAN_LINES, { width: 1300, height: 520, fontSize: 30, skew: 0.8 }))
    .greyscale()
    .png()
    .toBuffer()
  files.pasted = path.join(desk.ws.dir, 'letter-with-pasted-scan.pdf')
  files.plain = path.join(desk.ws.dir, 'letter-text-only.pdf')
  await writeFile(files.pasted, await letterPdf(strip))
  await writeFile(files.plain, await letterPdf())
}, 60_000)

afterAll(async () => {
  await desk?.close()
})

describe('text-layer PDFs', () => {
  it('GIVEN a text-only letter WHEN ingested THEN no page is drawn and no OCR is run; its page image is drawn on first view and read from the store after', async () => {
    const ocr = vi.spyOn(desk.app.ocr, 'recognize')
    const [r] = await desk.app.runner.ingestFiles([files.plain!])
    expect(r!.textSource).toBe('text-layer')
    expect(ocr).not.toHaveBeenCalled()
    ocr.mockRestore()
    const id = r!.documentId!
    const key = derivedKey(id, pageImageName(1))
    expect(await desk.app.store.stat(key)).toBeNull()
    const page = (await desk.app.catalog.documents.pages(id))[0]!
    expect([page.width, page.height]).toEqual([850, 1100]) // letter at 100 dpi, without drawing it

    const c = await desk.login('clerk1')
    const res = await c.get(`/documents/${id}/pages/1`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/png')
    const png = Buffer.from(await res.arrayBuffer())
    const meta = await sharp(png).metadata()
    expect([meta.width, meta.height]).toEqual([850, 1100])
    // Drawn from the original: the letter's text is ink on the image.
    const stats = await sharp(png).greyscale().stats()
    expect(stats.channels[0]!.min).toBeLessThan(80)
    // Kept: the second view is the stored image, byte for byte.
    const stored = await desk.app.store.get(key)
    expect(Buffer.compare(stored, png)).toBe(0)
    expect(Buffer.compare(await pageImage(desk.app, (await desk.app.catalog.documents.get(id))!, 1), png)).toBe(0)
    expect((await c.get(`/documents/${id}/pages/2`)).status).toBe(404)
  })

  it("GIVEN a letter with a scanned page pasted into it WHEN ingested THEN the scan's words are in the document text, after the text layer", async () => {
    const ocr = vi.spyOn(desk.app.ocr, 'recognize')
    const [r] = await desk.app.runner.ingestFiles([files.pasted!])
    expect(ocr).toHaveBeenCalled()
    ocr.mockRestore()
    expect(r!.textSource).toBe('text-layer')
    const text = (await desk.app.catalog.documents.pages(r!.documentId!)).map((p) => p.text).join('\n')
    expect(text).toMatch(/Dear colleague/)
    expect(text).toMatch(/PATHOLOGY ADDENDUM/)
    expect(text).toMatch(/FIBROADENOMA/)
    expect(text).toMatch(/Vasquez-Okonkwo/)
    expect(text.indexOf('FIBROADENOMA')).toBeGreaterThan(text.indexOf('Dear colleague'))
    // The full-text index finds the document by a word only the pasted scan holds.
    expect((await desk.app.catalog.documents.search('fibroadenoma')).map((h) => h.documentId)).toContain(r!.documentId)
    const saved = JSON.parse((await desk.app.store.get(derivedKey(r!.documentId!, 'text.json'))).toString())
    expect(saved.pages[0].imageText).toMatchObject({ regions: 1, read: 1 })
    expect(saved.pages[0].ocrPath).toBe('text layer; 1 of 1 image read by OCR')
  })
})
