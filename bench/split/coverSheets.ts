/**
 * Fax cover sheets of the split benchmark, in three made-up senders' styles of its own (not the
 * test fixtures' wording): a hospital's release-of-information desk, a small practice's front
 * desk, a fax server's generated page. Each announces the document after it; some count
 * themselves in the pages, some count only what follows, one does not say, and now and then
 * a sender miscounts. In the truth a cover sheet is the first page of the document it announces.
 */
import PDFDocument from 'pdfkit'
import type { Rng } from '../../samples/lib/rng.js'
import type { BenchPatient } from './patients.js'

export type CoverStyle = 'roi-desk' | 'front-desk' | 'fax-server'
export const COVER_STYLES: readonly CoverStyle[] = ['roi-desk', 'front-desk', 'fax-server']

export interface CoverRequest {
  style: CoverStyle
  /** Pages of the document the cover announces (not counting the cover). */
  documentPages: number
  patient: BenchPatient
  /** Whether the sender names the patient on the cover. */
  namesPatient: boolean
  /** The sender forgot to count the cover in a count that says it does. */
  miscount: boolean
  date: string
  rng: Rng
}

const W = 612

const mdy = (iso: string) => {
  const [y, m, d] = iso.split('-')
  return `${m}/${d}/${y}`
}

function line(
  doc: PDFKit.PDFDocument,
  s: string,
  y: number,
  o: { size?: number; bold?: boolean; x?: number; align?: 'left' | 'center' } = {},
) {
  doc.font(o.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(o.size ?? 11)
  const x = o.x ?? 60
  doc.text(s, x, y, { width: W - x - 60, align: o.align ?? 'left', lineGap: 2 })
  return doc.y
}

function draw(doc: PDFKit.PDFDocument, r: CoverRequest): void {
  doc.addPage()
  const who = `${r.patient.familyName}, ${r.patient.givenName}`
  const total = r.documentPages + (r.miscount ? 0 : 1)
  if (r.style === 'roi-desk') {
    let y = line(doc, 'ST. ALDRIC REGIONAL MEDICAL CENTER', 60, { size: 14, bold: true, align: 'center' })
    y = line(doc, 'Health Information Management - Release of Information', y + 2, { align: 'center' })
    y = line(doc, 'FAX TRANSMISSION', y + 22, { size: 22, bold: true, align: 'center' })
    y += 22
    for (const l of [
      `To: Medical Records Department        Fax: (814) 555-0139`,
      `From: Release of Information Desk     Phone: (814) 555-0120`,
      `Date: ${mdy(r.date)}`,
      `Total pages (including cover): ${total}`,
      `Re: ${r.namesPatient ? `records for ${who}` : 'records you requested'}`,
    ])
      y = line(doc, l, y + 8)
    line(
      doc,
      'CONFIDENTIALITY NOTICE: The documents accompanying this transmission contain confidential health information ' +
        'that is legally privileged. If you have received this fax in error, please notify the sender immediately ' +
        'and destroy the documents.',
      y + 40,
      { size: 9 },
    )
  } else if (r.style === 'front-desk') {
    let y = line(doc, 'fax', 70, { size: 30, bold: true })
    y = line(doc, 'Kestrel Family Practice - 77 Quarry Road, Altoona PA', y + 4, { size: 10 })
    y += 20
    for (const l of [
      'TO: Chart room',
      `ATTN: ${r.namesPatient ? `re ${who}` : 'records'}`,
      'FROM: Front desk',
      `PAGES TO FOLLOW: ${r.documentPages}`,
      'COMMENTS: as requested by phone',
    ])
      y = line(doc, l, y + 10, { size: 12 })
    line(doc, 'Confidential patient information. If received in error please call (814) 555-0177 and shred.', y + 50, { size: 9 })
  } else {
    let y = line(doc, 'Facsimile Cover Page', 54, { size: 18, bold: true })
    y = line(doc, 'Sent via MedRelay fax server', y + 2, { size: 9 })
    y += 18
    for (const l of [
      'Recipient: Records',
      'Sender: Harrow Valley Hospital',
      `Sent: ${mdy(r.date)} ${String(r.rng.int(8, 17)).padStart(2, '0')}:${String(r.rng.int(0, 59)).padStart(2, '0')}`,
      `Number of pages: ${total}`,
      `Subject: ${r.namesPatient ? `patient documents (${who})` : 'patient documents'}`,
    ])
      y = line(doc, l, y + 6, { size: 11 })
    line(
      doc,
      'This message is intended only for the use of the individual or entity to which it is addressed and may contain ' +
        'information that is privileged and confidential.',
      y + 30,
      { size: 9 },
    )
  }
}

/** One cover sheet as a one-page text-layer PDF (Letter), fixed metadata so the bytes repeat. */
export async function renderCoverSheet(r: CoverRequest): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    info: { Producer: 'bench', Creator: 'bench', CreationDate: new Date(Date.UTC(2025, 0, 1)) },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  draw(doc, r)
  doc.end()
  return done
}
