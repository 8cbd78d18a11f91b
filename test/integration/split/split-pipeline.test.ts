/**
 * Stacks scanned as one file, through the real pipeline (text-layer PDFs where reading is not
 * the point, one image-only stack through real OCR): the parts become documents filed in the
 * right charts, the received file stays as it came, a separator sheet is in no document.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PDFDocument as PdfLib } from 'pdf-lib'
import PDFDocument from 'pdfkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { rematchWaiting } from '../../../src/review/rematch.js'
import { settleDocument } from '../../../src/review/settle.js'
import { BatchesRepo } from '../../../src/split/batches.js'
import { settleSplit } from '../../../src/split/settleSplit.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { sha256, writeFiles } from '../../helpers/documents.js'
import { textPage } from '../../helpers/pages.js'
import {
  consultNote,
  dischargeSummary,
  faxCoverSheet,
  JOHNSON,
  labReport,
  LINDQVIST,
  OKAFOR,
  SEPARATOR_PAGE,
  stackPdf,
} from '../../helpers/stack.js'
import { makeWorkspace, SAMPLES, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(
    importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
  )
})
afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

const ingest = async (name: string, buf: Buffer) => {
  await writeFiles(ws.dir, { [name]: buf })
  return app.runner.ingestFiles([path.join(ws.dir, name)])
}
const pdfPages = async (buf: Buffer) => (await PdfLib.load(buf)).getPageCount()

describe('a stack scanned as one file', () => {
  it('mixed documents for several patients, with and without page numbers and a separator sheet, become filed documents', async () => {
    const buf = await stackPdf([
      labReport(JOHNSON, 1),
      dischargeSummary(LINDQVIST, 2, { marker: true }),
      'separator',
      consultNote(OKAFOR, 3),
      labReport(LINDQVIST, 4),
    ])
    const rs = await ingest('stack.pdf', buf)
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn, r.documentType])).toEqual([
      ['filed', { from: 1, to: 1 }, 'CC-100418', 'lab_report'],
      ['filed', { from: 2, to: 4 }, 'CC-101127', 'discharge_summary'],
      ['filed', { from: 6, to: 7 }, 'CC-100562', 'consult_note'],
      ['filed', { from: 8, to: 8 }, 'CC-101127', 'lab_report'],
    ])
    const batchSha = sha256(buf)
    for (const r of rs) {
      expect(r.batchSha256).toBe(batchSha)
      expect(r.sha256).not.toBe(batchSha)
      // Each part has its own PDF of its own pages.
      const doc = (await app.catalog.documents.get(r.documentId!))!
      expect(doc.pageCount).toBe(r.split!.to - r.split!.from + 1)
      expect(await pdfPages(await app.store.get(originalKey(doc.sha256)))).toBe(doc.pageCount)
    }
    // The separator sheet is in no document; the received file is kept exactly as it came.
    const texts: string[] = []
    for (const r of rs) for (const p of await app.catalog.documents.pages(r.documentId!)) texts.push(p.text)
    expect(texts.join('\n')).not.toMatch(/SEPARATOR/)
    expect(sha256(await app.store.get(originalKey(batchSha)))).toBe(batchSha)
    expect(await new BatchesRepo(app.sql).get(batchSha)).toMatchObject({ pageCount: 8, splitBy: 'chartclerk', plan: { separators: [5] } })
    expect(await app.catalog.documents.bySha(batchSha)).toBeUndefined()

    // The same stack again: a duplicate of each document, nothing filed twice.
    const again = await ingest('stack-again.pdf', buf)
    expect(again.map((r) => [r.status, r.documentId, r.split])).toEqual(rs.map((r) => ['duplicate', r.documentId, r.split]))
    expect(await app.catalog.documents.forPatient('CC-101127')).toHaveLength(2)
  })

  it('two documents of one type for one patient back to back: cut when numbered, proposed for review when not', async () => {
    const numbered = await ingest(
      'two-consults.pdf',
      await stackPdf([consultNote(JOHNSON, 1, { marker: true }), consultNote(JOHNSON, 2, { marker: true })]),
    )
    expect(numbered.map((r) => [r.status, r.split, r.patient?.mrn])).toEqual([
      ['filed', { from: 1, to: 2 }, 'CC-100418'],
      ['filed', { from: 3, to: 4 }, 'CC-100418'],
    ])
    // Without page numbers, weeks apart: the second opens with a new date of service after the first is signed.
    const dated = await ingest('two-consults-dated.pdf', await stackPdf([consultNote(JOHNSON, 5), consultNote(JOHNSON, 6)]))
    expect(dated.map((r) => [r.status, r.split, r.patient?.mrn])).toEqual([
      ['filed', { from: 1, to: 2 }, 'CC-100418'],
      ['filed', { from: 3, to: 4 }, 'CC-100418'],
    ])
    // The same day and no letterhead on the second: nothing makes the cut sure.
    const second = consultNote(JOHNSON, 7)
    const bare = await ingest(
      'two-consults-bare.pdf',
      await stackPdf([consultNote(JOHNSON, 7), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }]),
    )
    expect(bare.map((r) => [r.status, r.split, r.splitProposed, r.patient])).toEqual([
      ['needs_review', { from: 1, to: 2 }, true, null],
      ['needs_review', { from: 3, to: 4 }, true, null],
    ])
    const waiting = (await app.catalog.documents.get(bare[0]!.documentId!))!
    expect(waiting.status).toBe('needs_review')
    expect(waiting.reviewReasons[0]).toMatch(/seems to hold 2 documents/)
    // Never filed whole: not by a person settling it as one document, not by matching again.
    await expect(settleDocument(app, waiting.id, { mrn: 'CC-100418', docType: 'consult_note', by: 'clerk a' })).rejects.toMatchObject({
      code: 'USAGE',
    })
    await rematchWaiting(app.ctx)
    expect(await app.catalog.documents.get(waiting.id)).toMatchObject({ status: 'needs_review', patientMrn: null })
  })

  it('GIVEN a fax stack where a cover sheet announces each document WHEN it is ingested THEN each cover is filed as the first page of its document, never a part of its own', async () => {
    const rs = await ingest(
      'faxed-with-covers.pdf',
      await stackPdf([
        faxCoverSheet('transmittal', 4, 'discharge summary as requested'),
        dischargeSummary(LINDQVIST, 3, { marker: true }),
        faxCoverSheet('telefax', 3),
        consultNote(OKAFOR, 4, { marker: true }),
      ]),
    )
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn, r.documentType])).toEqual([
      ['filed', { from: 1, to: 4 }, 'CC-101127', 'discharge_summary'],
      ['filed', { from: 5, to: 7 }, 'CC-100562', 'consult_note'],
    ])
    // The cover is the part's first page, in its own PDF.
    expect((await app.catalog.documents.pages(rs[0]!.documentId!))[0]!.text).toMatch(/FACSIMILE TRANSMITTAL/)
    expect((await app.catalog.documents.pages(rs[1]!.documentId!))[0]!.text).toMatch(/TELEFAX/)
  })

  it('GIVEN a cover sheet counting the pages of the first of two bare consultations for one patient WHEN ingested THEN the count makes the cut sure and both are filed', async () => {
    const second = consultNote(JOHNSON, 8)
    const rs = await ingest(
      'faxed-counted.pdf',
      await stackPdf([
        faxCoverSheet('transmittal', 3, 'consultation'),
        consultNote(JOHNSON, 8),
        { pages: [second.pages[0]!.slice(1), second.pages[1]!] },
      ]),
    )
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn, r.documentType])).toEqual([
      ['filed', { from: 1, to: 3 }, 'CC-100418', 'consult_note'],
      ['filed', { from: 4, to: 5 }, 'CC-100418', 'consult_note'],
    ])
  })

  it("GIVEN a page naming no patient after the last of one patient's numbered pages WHEN the stack is ingested THEN it is filed into no chart, while the document before it is", async () => {
    const note = {
      pages: [
        [
          'Enclosed are the records you asked for on the release form we received.',
          'Originals follow by mail only if requested. Questions go to the release desk,',
          'weekdays from eight to four. Thank you for your patience with this request.',
        ],
      ],
    }
    const buf = await stackPdf([dischargeSummary(LINDQVIST, 8, { marker: true }), note, labReport(JOHNSON, 8)])
    const rs = await ingest('note-after-numbered.pdf', buf)
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn ?? null])).toEqual([
      ['filed', { from: 1, to: 3 }, 'CC-101127'],
      ['needs_review', { from: 4, to: 5 }, null],
    ])
    // The page naming nobody is in no chart: not the discharge summary's patient's, not the lab report's.
    for (const mrn of ['CC-101127', 'CC-100418'])
      for (const d of (await app.catalog.documents.forPatient(mrn)).filter((x) => x.batchSha256 === sha256(buf)))
        expect(d.pageTo! < 4 || d.pageFrom! > 4, `${mrn} ${d.pageFrom}-${d.pageTo}`).toBe(true)
    expect((await app.catalog.documents.get(rs[1]!.documentId!))!.reviewReasons.join(' ')).toMatch(/page 4 names no patient/)
  })

  it('a single multi-page document is not split, and prints one line covering all its pages', async () => {
    const rs = await ingest('summary.pdf', await stackPdf([dischargeSummary(OKAFOR, 7)]))
    expect(rs).toHaveLength(1)
    expect(rs[0]).toMatchObject({
      status: 'filed',
      split: { from: 1, to: 3 },
      patient: { mrn: 'CC-100562' },
      documentType: 'discharge_summary',
    })
    expect(rs[0]!.batchSha256).toBe(rs[0]!.sha256)
  })

  it('a part whose pages are a document already on file is a repeat receipt of it', async () => {
    const alone = await ingest('lab-alone.pdf', await stackPdf([labReport(OKAFOR, 8)]))
    expect(alone[0]!.status).toBe('filed')
    const rs = await ingest('lab-in-stack.pdf', await stackPdf([consultNote(LINDQVIST, 8), labReport(OKAFOR, 8)]))
    expect(rs.map((r) => [r.status, r.split])).toEqual([
      ['filed', { from: 1, to: 2 }],
      ['duplicate', { from: 3, to: 3 }],
    ])
    expect(rs[1]!.documentId).toBe(alone[0]!.documentId)
    expect((await app.catalog.documents.receipts(alone[0]!.documentId!)).map((r) => r.isRepeat)).toEqual([false, true])
  })

  it('a separator sheet that was scanned (no text layer) is read by OCR and cut at', async () => {
    const sheet = await textPage(['', ...SEPARATOR_PAGE.slice(0, 2), '', 'Do not file - place between documents'], { fontSize: 90 })
    const buf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false, info: { CreationDate: new Date(0) } as any })
      const chunks: Buffer[] = []
      doc.on('data', (c: Buffer) => chunks.push(c))
      doc.on('end', () => resolve(Buffer.concat(chunks)))
      doc.addPage().fontSize(11).text(consultNote(JOHNSON, 9).pages[0]!.join('\n'))
      doc.addPage().image(sheet, 0, 0, { width: 612 })
      doc.addPage().fontSize(11).text(labReport(LINDQVIST, 9).pages[0]!.join('\n'))
      doc.end()
    })
    const rs = await ingest('scanned-separator.pdf', buf)
    expect(rs.map((r) => [r.split, r.patient?.mrn ?? null])).toEqual([
      [{ from: 1, to: 1 }, 'CC-100418'],
      [{ from: 3, to: 3 }, 'CC-101127'],
    ])
    expect((await new BatchesRepo(app.sql).get(rs[0]!.batchSha256!))?.plan.separators).toEqual([2])
  }, 120_000)

  it('GIVEN a stack with one doubtful cut WHEN it is ingested THEN the parts with sure cuts on both sides are filed and only the two touching the doubtful cut wait', async () => {
    // Two consultations for one patient on one day, the second without its letterhead: where they meet is in doubt.
    const second = consultNote(LINDQVIST, 4)
    const buf = await stackPdf([
      labReport(JOHNSON, 4),
      consultNote(LINDQVIST, 4),
      { pages: [second.pages[0]!.slice(1), second.pages[1]!] },
      labReport(OKAFOR, 4),
    ])
    const rs = await ingest('doubt-in-the-middle.pdf', buf)
    expect(rs.map((r) => [r.status, r.split, r.splitProposed ?? false, r.patient?.mrn ?? null])).toEqual([
      ['filed', { from: 1, to: 1 }, false, 'CC-100418'],
      ['needs_review', { from: 2, to: 3 }, true, null],
      ['needs_review', { from: 4, to: 5 }, true, null],
      ['filed', { from: 6, to: 6 }, false, 'CC-100562'],
    ])
    const waitingId = rs[1]!.documentId!
    expect(rs[2]!.documentId).toBe(waitingId)
    const waiting = (await app.catalog.documents.get(waitingId))!
    expect(waiting).toMatchObject({ status: 'needs_review', patientMrn: null, sha256: sha256(buf) })
    expect(waiting.reviewReasons.join(' ')).toMatch(/page 1, page 6 were filed/)
    // The filed parts are documents of their own; nothing of the waiting pages is in a chart.
    expect(await app.catalog.documents.get(rs[0]!.documentId!)).toMatchObject({ status: 'filed', pageFrom: 1, pageTo: 1 })
    expect((await app.catalog.documents.forPatient('CC-101127')).filter((d) => d.batchSha256 === sha256(buf))).toHaveLength(0)
    expect(await new BatchesRepo(app.sql).get(sha256(buf))).toBeUndefined()

    // A person cannot cut inside a part already filed; deciding the doubtful cut files the rest.
    await expect(settleSplit(app.ctx, waitingId, [4, 6], 'clerk b')).resolves.toBeDefined()
    const batch = (await new BatchesRepo(app.sql).get(sha256(buf)))!
    expect(batch.plan.documents.map((d) => [d.from, d.to])).toEqual([
      [1, 1],
      [2, 3],
      [4, 5],
      [6, 6],
    ])
    expect(await app.catalog.documents.get(waitingId)).toBeUndefined()
    const lindqvist = (await app.catalog.documents.forPatient('CC-101127')).filter((d) => d.batchSha256 === sha256(buf))
    expect(lindqvist.map((d) => [d.pageFrom, d.pageTo, d.status])).toEqual(
      expect.arrayContaining([
        [2, 3, 'filed'],
        [4, 5, 'filed'],
      ]),
    )
    expect((await new BatchesRepo(app.sql).decisions(sha256(buf)))[0]).toMatchObject({ decided: [1, 2, 4, 6], decidedBy: 'clerk b' })
  }, 120_000)

  it('a cut inside a part already filed is refused', async () => {
    const second = consultNote(OKAFOR, 5)
    const rs = await ingest(
      'doubt-then-refused.pdf',
      await stackPdf([dischargeSummary(JOHNSON, 5), consultNote(OKAFOR, 5), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }]),
    )
    expect(rs.map((r) => [r.status, r.split])).toEqual([
      ['filed', { from: 1, to: 3 }],
      ['needs_review', { from: 4, to: 5 }],
      ['needs_review', { from: 6, to: 7 }],
    ])
    await expect(settleSplit(app.ctx, rs[1]!.documentId!, [2, 6], 'clerk b')).rejects.toMatchObject({ code: 'USAGE' })
  }, 120_000)

  it("GIVEN a blank faxed page inside a document WHEN the stack is split THEN the page stays in the received file but is not one of the part's pages", async () => {
    const d = dischargeSummary(OKAFOR, 6)
    const buf = await stackPdf([
      labReport(JOHNSON, 6),
      { pages: d.pages.slice(0, 2) },
      { pages: [['FROM: (814) 555-0162   01/18/2025 15:31   P. 5/6']] },
      { pages: d.pages.slice(2) },
    ])
    const rs = await ingest('blank-inside.pdf', buf)
    expect(rs.map((r) => [r.status, r.split, r.blankPages ?? null])).toEqual([
      ['filed', { from: 1, to: 1 }, null],
      ['filed', { from: 2, to: 5 }, [4]],
    ])
    const doc = (await app.catalog.documents.get(rs[1]!.documentId!))!
    expect(doc.pageCount).toBe(3)
    expect(doc.details.blankPagesLeftOut).toEqual([4])
    expect(await pdfPages(await app.store.get(originalKey(doc.sha256)))).toBe(3)
    expect((await app.catalog.documents.pages(doc.id)).map((p) => p.text).join('\n')).not.toMatch(/P\. 5\/6/)
    // The received file keeps every page.
    expect(await pdfPages(await app.store.get(originalKey(sha256(buf))))).toBe(5)
  })
})
