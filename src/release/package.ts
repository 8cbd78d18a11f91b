/**
 * The release package: one PDF, a cover letter and then the released documents' pages
 * (the original PDF's pages, or the page images kept for scans), every page footed
 * with the patient, the release number and "page x of N". Stored under
 * releases/<releaseNumber>.pdf.
 */
import type { PDFFont, PDFPage } from 'pdf-lib'
import type { Catalog } from '../catalog/db.js'
import type { Config } from '../config/config.js'
import { ChartclerkError } from '../errors.js'
import { pageImage } from '../derived/pageImages.js'
import { originalKey, type ObjectStore } from '../storage/objectStore.js'
import type { ReleaseCheck } from './check.js'
import type { ReleaseRequest } from './repo.js'
import { pdfLib } from '../pdfLib.js'

/** What building a package needs: the catalog, the store that reaches inactive charts' archive too, and the clinic's settings. */
export interface PackageDeps {
  catalog: Catalog
  storeWithArchive: ObjectStore
  config: Readonly<Config>
}

export const releaseKey = (releaseNumber: string): string => `releases/${releaseNumber}.pdf`

/** 42 CFR 2.32(a)(1): the notice that goes with every disclosure of Part 2 records. */
export const PART2_NOTICE =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or ' +
  'disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative ' +
  'proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at ' +
  '42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any ' +
  'other use or disclosure of this record unless at least one of the following applies: (A) Further use or disclosure is expressly permitted by the ' +
  'written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (B) You are a ' +
  'covered entity or business associate and have received the record for treatment, payment, or health care operations, or (C) You have received the ' +
  'record from an individual or entity who is a covered entity or business associate and the record is for the purposes of treatment, payment, or ' +
  'health care operations. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of ' +
  'written consent to further use or redisclose the record (see 42 CFR 2.31).'

const REDISCLOSURE_NOTICE =
  'This information has been disclosed to you from confidential records. It is for the stated purpose only; information disclosed may be ' +
  "protected by federal and state law, and further disclosure without the patient's authorization may be prohibited."

const LETTER = { width: 612, height: 792 }
const MARGIN = 54
const FOOTER_SPACE = 28

/** Standard fonts speak WinAnsi only: accents are folded, anything else becomes "?". */
function safe(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e\n]/g, '?')
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = []
  for (const para of safe(text).split('\n')) {
    let line = ''
    for (const w of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${w}` : w
      if (font.widthOfTextAtSize(next, size) > width && line) {
        out.push(line)
        line = w
      } else line = next
    }
    out.push(line)
  }
  return out
}

export interface BuiltPackage {
  key: string
  pages: number
  coverPages: number
  documentIds: number[]
  bytes: number
}

export const docTypeLabel = (t: string | null): string => (t ?? 'document').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

export async function buildReleasePackage(
  deps: PackageDeps,
  req: ReleaseRequest,
  check: ReleaseCheck,
  opts: { on: string },
): Promise<BuiltPackage> {
  if (!check.allowed) throw new ChartclerkError('REFUSED', `Release ${req.releaseNumber} is refused: ${check.reasons.join('; ')}.`)
  const patient = await deps.catalog.patients.get(req.patientMrn)
  if (!patient) throw new ChartclerkError('NOT_FOUND', `There is no patient ${req.patientMrn} in the patient index.`)
  const { PDFDocument, StandardFonts, rgb } = await pdfLib()
  const out = await PDFDocument.create()
  out.setTitle(`Release ${req.releaseNumber}`)
  out.setProducer('chartclerk')
  const font = await out.embedFont(StandardFonts.Helvetica)
  const bold = await out.embedFont(StandardFonts.HelveticaBold)

  // Cover letter.
  const clinic = deps.config.clinic
  const lines: { text: string; font?: PDFFont; size?: number; gap?: number }[] = []
  const add = (text: string, o: { font?: PDFFont; size?: number; gap?: number } = {}): void => void lines.push({ text, ...o })
  if (clinic.name) add(clinic.name, { font: bold, size: 13 })
  if (clinic.address) add(clinic.address)
  if (clinic.phone || clinic.fax)
    add([clinic.phone && `Phone ${clinic.phone}`, clinic.fax && `Fax ${clinic.fax}`].filter(Boolean).join('   '))
  add('', { gap: 8 })
  add(opts.on)
  add('', { gap: 4 })
  add(req.recipientName)
  if (req.recipientAddress) add(req.recipientAddress)
  add('', { gap: 8 })
  add(`Release of information ${req.releaseNumber}`, { font: bold, size: 12 })
  add(`Patient: ${patient.givenName} ${patient.familyName}   Date of birth: ${patient.birthDate}   MRN: ${patient.mrn}`)
  add(`Requested by: ${req.requester} (${req.requesterType.replace(/_/g, ' ')}) on ${req.requestDate}`)
  add(`Purpose: ${req.purpose}`)
  const basis =
    check.authorizationId !== null
      ? `Disclosed under the patient's written authorization (document ${check.authorizationId}).`
      : req.requesterType === 'patient'
        ? "Disclosed at the patient's request (right of access, 45 CFR 164.524)."
        : req.requesterType === 'treatment'
          ? 'Disclosed for treatment (45 CFR 164.506).'
          : 'Disclosed as required by law (45 CFR 164.512).'
  add(basis)
  add('', { gap: 6 })
  add('Enclosed:', { font: bold })
  const docs = await deps.catalog.documents.getMany(check.documents.map((d) => d.id))
  if (docs.length !== check.documents.length)
    throw new ChartclerkError('NOT_FOUND', `A document of release ${req.releaseNumber} is no longer on file; check the release again.`)
  for (const d of check.documents)
    add(`- ${docTypeLabel(d.docType)}${d.date ? `, ${d.date}` : ''} (${d.pages} page${d.pages === 1 ? '' : 's'})`)
  add('', { gap: 6 })
  if (req.requesterType !== 'treatment' && req.requesterType !== 'patient') add(REDISCLOSURE_NOTICE, { size: 9 })
  if (check.part2) {
    add('', { gap: 6 })
    add('Notice of 42 CFR Part 2 confidentiality (42 CFR 2.32)', { font: bold, size: 10 })
    add(PART2_NOTICE, { size: 9 })
  }
  let page = out.addPage([LETTER.width, LETTER.height])
  let y = LETTER.height - MARGIN
  for (const l of lines) {
    const size = l.size ?? 10.5
    const f = l.font ?? font
    y -= l.gap ?? 0
    for (const text of l.text ? wrap(l.text, f, size, LETTER.width - 2 * MARGIN) : ['']) {
      if (y - size < MARGIN + FOOTER_SPACE) {
        page = out.addPage([LETTER.width, LETTER.height])
        y = LETTER.height - MARGIN
      }
      y -= size * 1.35
      if (text) page.drawText(text, { x: MARGIN, y, size, font: f })
    }
  }
  const coverPages = out.getPageCount()

  // The documents' pages.
  for (const d of docs) {
    let copied = false
    if (d.contentType === 'application/pdf') {
      try {
        const src = await PDFDocument.load(await deps.storeWithArchive.get(originalKey(d.sha256)), { ignoreEncryption: false })
        for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p)
        copied = true
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('STORAGE_')) throw err
        // A PDF pdf-lib cannot copy: fall back to the page images (drawn now if never viewed).
      }
    }
    if (!copied) {
      const n = d.pageCount ?? 0
      if (n === 0) throw new ChartclerkError('STORAGE_NOT_FOUND', `Document ${d.id} has no pages to release.`)
      for (let i = 1; i <= n; i++) {
        const png = await out.embedPng(await pageImage(deps, d, i))
        const p = out.addPage([LETTER.width, LETTER.height])
        const scale = Math.min((LETTER.width - 36) / png.width, (LETTER.height - 18 - FOOTER_SPACE) / png.height)
        const w = png.width * scale
        const h = png.height * scale
        p.drawImage(png, { x: (LETTER.width - w) / 2, y: FOOTER_SPACE + (LETTER.height - FOOTER_SPACE - h) / 2, width: w, height: h })
      }
    }
  }

  // Footers.
  const pages = out.getPages()
  const total = pages.length
  pages.forEach((p, i) =>
    footer(
      p,
      font,
      safe(`${patient.familyName}, ${patient.givenName} (MRN ${patient.mrn}) - Release ${req.releaseNumber} - page ${i + 1} of ${total}`),
      rgb,
    ),
  )

  const bytes = Buffer.from(await out.save())
  const key = releaseKey(req.releaseNumber)
  await deps.storeWithArchive.put(
    key,
    { buffer: bytes },
    { contentType: 'application/pdf', metadata: { 'release-number': req.releaseNumber } },
  )
  return { key, pages: total, coverPages, documentIds: check.documents.map((d) => d.id), bytes: bytes.length }
}

function footer(p: PDFPage, font: PDFFont, text: string, rgb: typeof import('pdf-lib').rgb): void {
  const { width } = p.getSize()
  const size = 8
  const w = font.widthOfTextAtSize(text, size)
  const x = Math.max(12, (width - w) / 2)
  p.drawRectangle({ x: x - 4, y: 6, width: w + 8, height: size + 6, color: rgb(1, 1, 1) })
  p.drawText(text, { x, y: 10, size, font, color: rgb(0, 0, 0) })
}
