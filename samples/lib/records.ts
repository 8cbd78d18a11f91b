/**
 * Synthetic outside medical records for tests, demos and benchmarks.
 *
 * A {@link RecordSpec} describes one outside document (who sent it, whose it is, what it
 * says, how its header is laid out, whether it is signed). {@link renderRecordPdf} draws
 * it as a letter-size text-layer PDF with pdfkit; the scan helpers re-exported below turn
 * that into scanned-looking page images, image-only PDFs, multi-page TIFFs, PNGs and JPEGs.
 * Every patient, provider and facility is made up; phone numbers use the 555-01xx range.
 *
 * @example
 *   import { makeRecordSpec, renderRecordPdf, rasterizePdf, scanStyle, Rng } from './lib/records.js'
 *   const spec = makeRecordSpec(new Rng('demo'), { docType: 'lab_report' })
 *   const pdf = await renderRecordPdf(spec)                    // text layer
 *   const [page] = await rasterizePdf(pdf, 200)                // PNG per page
 *   const scan = await scanStyle(page!, 'fax', { dpi: 200, skewDegrees: 1.2, seed: 'p1' })
 */
import PDFDocument from 'pdfkit'
import { Rng, hashString } from './rng.js'
import { rasterizePdf, scanStyle, type ScanStyle } from './scan.js'

export { Rng, hashString } from './rng.js'
export * from './scan.js'
export * from './content.js'
export * from './patients.js'

export const DOC_TYPES = [
  'lab_report',
  'radiology_report',
  'discharge_summary',
  'history_and_physical',
  'consult_note',
  'operative_report',
  'progress_note',
  'referral_letter',
  'emergency_report',
  'immunization_record',
  'consent_form',
  'roi_authorization',
] as const
export type DocType = (typeof DOC_TYPES)[number]

/** How the patient identifiers sit on the page. */
export type Layout =
  /** "Patient Name: DOE, JANE" / "DOB: 01/02/1960" lines, visit details in a second column. */
  | 'labelled'
  /** A ruled header grid: small caps labels above values (typical of lab reports). */
  | 'grid'
  /** A boxed hospital sticker (NAME / DOB / MRN / ACCT lines), slightly crooked, beside the visit details. */
  | 'addressograph'

export interface Facility {
  name: string
  /** One line: street, city, state ZIP. */
  address: string
  phone: string
  fax: string
  /** Printed under the name, e.g. "Department of Radiology". */
  department?: string
  /** Lab reports: CLIA number printed in the letterhead. */
  clia?: string
  /** Lab reports: laboratory director printed in the letterhead. */
  director?: string
  /** Letterhead look; by default chosen from the facility name, so one sender always looks the same. */
  letterhead?: 'centered' | 'logo-left' | 'banner'
  font?: FontFamily
}

export interface RecordPatient {
  familyName: string
  givenName: string
  middleName?: string
  /** YYYY-MM-DD */
  birthDate: string
  sex?: 'F' | 'M' | 'X' | 'U'
  /** Our health center's MRN (CC-nnnnnn), printed only when the sender knows it. */
  mrn?: string
  /** The sender's own MRN (printed as "MRN" when ours is absent, as "Hosp MRN" otherwise). */
  facilityMrn?: string
  /** The sender's account / visit / accession number. */
  facilityAccount?: string
}

export interface Person {
  name: string
  /** "MD", "DO", "FNP-C", "MD, PhD" ... */
  credentials?: string
  /** "Attending Physician", "Laboratory Director" ... */
  role?: string
}

/** Dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM where a time is printed. */
export interface RecordDates {
  service?: string
  collection?: string
  received?: string
  report?: string
  admission?: string
  discharge?: string
  exam?: string
  procedure?: string
  /** Letters: the date line at the top. */
  letter?: string
  /** Consent / authorization: when the patient signed. */
  signed?: string
  /** Authorization expiry. */
  expiration?: string
}

export type LabFlag = '' | 'H' | 'L' | 'HH' | 'LL' | 'A' | 'C'

export interface LabRow {
  test: string
  result: string
  units?: string
  range?: string
  flag?: LabFlag
}

export interface LabTable {
  panel?: string
  specimen?: string
  rows: LabRow[]
  /** Immunization records and the like: free column headings and cells instead of lab columns. */
  columns?: string[]
  cells?: string[][]
}

export interface Section {
  heading?: string
  paragraphs?: string[]
  bullets?: string[]
  /** "Label: value" lines (vital signs, medication lists ...). */
  fields?: Array<[string, string]>
  table?: LabTable
  /** Start this section on a new page. */
  pageBreakBefore?: boolean
  /** Blank lines left for a handwritten entry, e.g. patient initials on a consent form. */
  checkboxes?: Array<{ label: string; checked: boolean }>
}

export type SignatureStyle =
  /** "Electronically signed by Anita Rao, MD on 04/18/2025 16:05" */
  | 'electronic'
  /** A pen squiggle over a rule, printed name and "Date: 04/18/2025" beside it. */
  | 'handwritten'
  /** A rubber stamp "SIGNATURE ON FILE" (not a valid authentication, CMS guidance). */
  | 'stamp'

export type Signed =
  | false
  | {
      style: SignatureStyle
      /** Signer; defaults to the record's author. */
      by?: Person
      /** YYYY-MM-DD or YYYY-MM-DDTHH:MM; defaults to the report/letter/service date. */
      date?: string
    }

/** Elements a test can leave out to make an incomplete record. */
export type OmitElement =
  | 'referenceRanges'
  | 'units'
  | 'birthDate'
  | 'patientName'
  | 'facilityAddress'
  | 'collectionDate'
  | 'reportDate'
  | 'serviceDate'
  | 'signatureDate'
  | 'author'
  | 'orderingProvider'
  | 'pageFooters'
  | 'letterhead'
  | `section:${string}`

export type FontFamily = 'Helvetica' | 'Times' | 'Courier'
export type DateFormat = 'MM/DD/YYYY' | 'M/D/YYYY' | 'YYYY-MM-DD' | 'DD-Mon-YYYY' | 'Month D, YYYY'

export interface RecordSpec {
  docType: DocType
  facility: Facility
  patient: RecordPatient
  layout: Layout
  /** Printed title; null or absent = no title line (letters, some faxed notes). */
  title?: string | null
  dates: RecordDates
  /** Who wrote the record (and signs it unless `signed.by` says otherwise). */
  author?: Person
  /** Ordering / referring provider printed in the header. */
  orderingProvider?: Person
  /** Letters: addressee. */
  recipient?: { name: string; practice?: string; address?: string }
  /** Letters: "Dear Dr. Webb," before the body and "Sincerely," after it. */
  letter?: { salutation: string; closing?: string }
  sections: Section[]
  signed: Signed
  /** Printed where the signature would be when unsigned, e.g. "Dictated but not read". */
  signatureNote?: string
  /** Number of pages the body is spread over; rendering throws if the content does not fit exactly. */
  pageCount?: number
  /** Footer page numbers (default 'Page x of N'); false = none. */
  pageNumbers?: 'Page x of N' | 'x/N' | 'Page x' | false
  /** "Printed: ..." in the footer (a release-of-information print). */
  printedAt?: string
  status?: 'final' | 'preliminary' | 'amended' | 'corrected'
  dateFormat?: DateFormat
  font?: FontFamily
  omit?: OmitElement[]
  /** Seeds the small random choices (sticker tilt, signature squiggle); default derived from the spec. */
  seed?: number | string
}

// ---------------------------------------------------------------------------------------
// Dates and names

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

interface DateParts {
  y: number
  m: number
  d: number
  time: string | null
}

function parseDate(s: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(s)
  if (!m) throw new Error(`bad date "${s}" (want YYYY-MM-DD or YYYY-MM-DDTHH:MM)`)
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), time: m[4] ? `${m[4]}:${m[5]}` : null }
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Format a YYYY-MM-DD[THH:MM] date the way the record prints it; `withTime` appends HH:MM when present. */
export function formatDate(s: string, format: DateFormat = 'MM/DD/YYYY', withTime = false): string {
  const p = parseDate(s)
  let out: string
  switch (format) {
    case 'MM/DD/YYYY':
      out = `${pad2(p.m)}/${pad2(p.d)}/${p.y}`
      break
    case 'M/D/YYYY':
      out = `${p.m}/${p.d}/${p.y}`
      break
    case 'YYYY-MM-DD':
      out = `${p.y}-${pad2(p.m)}-${pad2(p.d)}`
      break
    case 'DD-Mon-YYYY':
      out = `${pad2(p.d)}-${(MONTHS[p.m - 1] ?? '').slice(0, 3)}-${p.y}`
      break
    case 'Month D, YYYY':
      out = `${MONTHS[p.m - 1]} ${p.d}, ${p.y}`
      break
  }
  return withTime && p.time ? `${out} ${p.time}` : out
}

export function ageOn(birthDate: string, onDate: string): number {
  const b = parseDate(birthDate)
  const d = parseDate(onDate)
  let age = d.y - b.y
  if (d.m < b.m || (d.m === b.m && d.d < b.d)) age--
  return age
}

/** "JOHNSON, MICHAEL A" as most outside systems print it. */
export function printedName(p: RecordPatient): string {
  const mid = p.middleName ? ` ${p.middleName.slice(0, 1).toUpperCase()}` : ''
  return `${p.familyName.toUpperCase()}, ${p.givenName.toUpperCase()}${mid}`
}

/** "Anita Rao, MD" */
export function personName(p: Person): string {
  return p.credentials ? `${p.name}, ${p.credentials}` : p.name
}

/**
 * The date a records clerk files the document under (its date of service):
 * lab collection, exam, discharge, procedure, letter or signing date by type, else the service date.
 */
export function primaryDate(spec: RecordSpec): string | undefined {
  const d = spec.dates
  const byType: Partial<Record<DocType, string | undefined>> = {
    lab_report: d.collection ?? d.service,
    radiology_report: d.exam ?? d.service,
    discharge_summary: d.discharge ?? d.service,
    history_and_physical: d.service ?? d.admission,
    operative_report: d.procedure ?? d.service,
    referral_letter: d.letter ?? d.service,
    consent_form: d.signed ?? d.service,
    roi_authorization: d.signed ?? d.service,
    emergency_report: d.service ?? d.admission,
  }
  const v = byType[spec.docType] ?? d.service ?? d.report ?? d.letter
  return v ? v.slice(0, 10) : undefined
}

/** The date printed beside the signature. */
export function signatureDate(spec: RecordSpec): string | undefined {
  if (!spec.signed) return undefined
  return spec.signed.date ?? spec.dates.report ?? spec.dates.letter ?? spec.dates.discharge ?? spec.dates.signed ?? spec.dates.service
}

export function signer(spec: RecordSpec): Person | undefined {
  if (!spec.signed) return undefined
  return spec.signed.by ?? spec.author
}

// ---------------------------------------------------------------------------------------
// Rendering

const PAGE_W = 612
const PAGE_H = 792
const MARGIN_L = 58
const MARGIN_R = 58
const CONTENT_W = PAGE_W - MARGIN_L - MARGIN_R
/** Pages 2+ keep the top band for the repeated patient line; page 1 draws its letterhead there. */
const MARGIN_TOP = 82
const MARGIN_BOTTOM = 62

interface Fonts {
  regular: string
  bold: string
  italic: string
  mono: string
  monoBold: string
}

function fontsFor(family: FontFamily): Fonts {
  switch (family) {
    case 'Helvetica':
      return { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier', monoBold: 'Courier-Bold' }
    case 'Times':
      return { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic', mono: 'Courier', monoBold: 'Courier-Bold' }
    case 'Courier':
      return { regular: 'Courier', bold: 'Courier-Bold', italic: 'Courier-Oblique', mono: 'Courier', monoBold: 'Courier-Bold' }
  }
}

type Doc = PDFKit.PDFDocument

class Renderer {
  readonly doc: Doc
  readonly f: Fonts
  readonly rng: Rng
  readonly omit: Set<string>
  readonly df: DateFormat
  /** Smaller body text for Courier, which runs wide. */
  readonly bodySize: number

  constructor(
    readonly spec: RecordSpec,
    doc: Doc,
  ) {
    this.doc = doc
    this.f = fontsFor(spec.font ?? spec.facility.font ?? 'Helvetica')
    this.rng = new Rng(spec.seed ?? hashString(JSON.stringify([spec.docType, spec.patient, spec.facility.name, spec.dates])))
    this.omit = new Set(spec.omit ?? [])
    this.df = spec.dateFormat ?? 'MM/DD/YYYY'
    this.bodySize = this.f.regular === 'Courier' ? 9.5 : 10
  }

  date(s: string | undefined, withTime = false): string | undefined {
    return s === undefined ? undefined : formatDate(s, this.df, withTime)
  }

  ensureSpace(h: number): void {
    if (this.doc.y + h > PAGE_H - MARGIN_BOTTOM) this.doc.addPage()
  }

  // --- letterhead ------------------------------------------------------------------------

  letterhead(): void {
    const { doc, f, spec } = this
    const fac = spec.facility
    if (this.omit.has('letterhead')) {
      doc.y = 48
      return
    }
    const style = fac.letterhead ?? (['centered', 'logo-left', 'banner'] as const)[hashString(fac.name) % 3]!
    const contact = [this.omit.has('facilityAddress') ? null : fac.address, `Tel ${fac.phone}`, `Fax ${fac.fax}`].filter(
      (x): x is string => x !== null,
    )
    const labLine = [fac.clia ? `CLIA # ${fac.clia}` : null, fac.director ? `Laboratory Director: ${fac.director}` : null]
      .filter((x): x is string => x !== null)
      .join('     ')
    let y = 36
    doc.fillColor('black').strokeColor('black')
    if (style === 'banner') {
      doc.rect(MARGIN_L - 8, y - 4, CONTENT_W + 16, 28).fill('#1f1f1f')
      doc
        .fillColor('white')
        .font(f.bold)
        .fontSize(15)
        .text(fac.name.toUpperCase(), MARGIN_L, y + 3, { width: CONTENT_W, align: 'left', lineBreak: false })
      doc.fillColor('black')
      y += 30
      if (fac.department) {
        doc.font(f.bold).fontSize(9.5).text(fac.department, MARGIN_L, y, { width: CONTENT_W })
        y += 12
      }
      doc.font(f.regular).fontSize(8.5).text(contact.join('   |   '), MARGIN_L, y, { width: CONTENT_W })
      y += 11
      if (labLine) {
        doc.fontSize(8).text(labLine, MARGIN_L, y, { width: CONTENT_W })
        y += 11
      }
      y += 4
    } else if (style === 'logo-left') {
      this.logo(MARGIN_L + 17, y + 17, 17)
      const x = MARGIN_L + 44
      doc
        .font(f.bold)
        .fontSize(14.5)
        .text(fac.name, x, y + 2, { width: 300, lineBreak: false })
      if (fac.department)
        doc
          .font(f.italic)
          .fontSize(9.5)
          .text(fac.department, x, y + 20, { width: 300, lineBreak: false })
      doc.font(f.regular).fontSize(8)
      let cy = y + 1
      const rightW = 170
      const rx = PAGE_W - MARGIN_R - rightW
      const addrParts = this.omit.has('facilityAddress') ? [] : splitAddress(fac.address)
      for (const line of [...addrParts, `Tel ${fac.phone}`, `Fax ${fac.fax}`]) {
        doc.text(line, rx, cy, { width: rightW, align: 'right', lineBreak: false })
        cy += 9.5
      }
      y = Math.max(y + 36, cy + 2)
      if (labLine) {
        doc.fontSize(8).text(labLine, MARGIN_L, y, { width: CONTENT_W })
        y += 11
      }
      doc
        .moveTo(MARGIN_L, y)
        .lineTo(PAGE_W - MARGIN_R, y)
        .lineWidth(1.6)
        .stroke()
      y += 10
    } else {
      doc.font(f.bold).fontSize(15).text(fac.name.toUpperCase(), MARGIN_L, y, { width: CONTENT_W, align: 'center' })
      y += 18
      if (fac.department) {
        doc.font(f.regular).fontSize(9.5).text(fac.department, MARGIN_L, y, { width: CONTENT_W, align: 'center' })
        y += 12
      }
      doc.font(f.regular).fontSize(8.5).text(contact.join('  \u2022  '), MARGIN_L, y, { width: CONTENT_W, align: 'center' })
      y += 11
      if (labLine) {
        doc.fontSize(8).text(labLine, MARGIN_L, y, { width: CONTENT_W, align: 'center' })
        y += 11
      }
      y += 2
      doc
        .moveTo(MARGIN_L, y)
        .lineTo(PAGE_W - MARGIN_R, y)
        .lineWidth(1.2)
        .stroke()
      doc
        .moveTo(MARGIN_L, y + 2.5)
        .lineTo(PAGE_W - MARGIN_R, y + 2.5)
        .lineWidth(0.5)
        .stroke()
      y += 10
    }
    doc.lineWidth(1)
    doc.x = MARGIN_L
    doc.y = y
  }

  /** A plain made-up mark: a ring with a cross or a leaf, chosen from the facility name. */
  logo(cx: number, cy: number, r: number): void {
    const { doc } = this
    doc.save()
    doc.circle(cx, cy, r).lineWidth(2.2).stroke()
    if (hashString(this.spec.facility.name + 'logo') % 2 === 0) {
      const a = r * 0.55
      const b = r * 0.2
      doc.rect(cx - b, cy - a, 2 * b, 2 * a).fill('black')
      doc.rect(cx - a, cy - b, 2 * a, 2 * b).fill('black')
    } else {
      doc
        .moveTo(cx - r * 0.5, cy + r * 0.45)
        .bezierCurveTo(cx - r * 0.6, cy - r * 0.4, cx + r * 0.2, cy - r * 0.7, cx + r * 0.55, cy - r * 0.55)
        .bezierCurveTo(cx + r * 0.5, cy + r * 0.1, cx, cy + r * 0.5, cx - r * 0.5, cy + r * 0.45)
        .fill('black')
    }
    doc.restore()
  }

  // --- title -----------------------------------------------------------------------------

  title(): void {
    const { doc, f, spec } = this
    if (!spec.title) return
    doc.moveDown(0.2)
    doc
      .font(f.bold)
      .fontSize(13)
      .fillColor('black')
      .text(spec.title.toUpperCase(), MARGIN_L, doc.y, { width: CONTENT_W, align: 'center', characterSpacing: 0.4 })
    if (spec.status && spec.status !== 'final') {
      doc
        .font(f.bold)
        .fontSize(9.5)
        .text(`*** ${spec.status.toUpperCase()} REPORT ***`, MARGIN_L, doc.y + 1, { width: CONTENT_W, align: 'center' })
    }
    doc.moveDown(0.5)
  }

  // --- patient block ---------------------------------------------------------------------

  /** Patient identifier pairs in print order, honouring omissions. */
  patientFields(): Array<[string, string]> {
    const { spec } = this
    const p = spec.patient
    const out: Array<[string, string]> = []
    if (!this.omit.has('patientName')) out.push(['Patient Name', printedName(p)])
    if (!this.omit.has('birthDate')) {
      const on = primaryDate(spec)
      const age = on ? ` (${ageOn(p.birthDate, on)}Y)` : ''
      out.push(['DOB', `${this.date(p.birthDate)}${age}`])
    }
    if (p.sex) out.push(['Sex', p.sex])
    if (p.mrn) out.push([p.facilityMrn ? 'Clinic MRN' : 'MRN', p.mrn])
    if (p.facilityMrn) out.push([p.mrn ? 'Hosp MRN' : 'MRN', p.facilityMrn])
    if (p.facilityAccount) out.push([accountLabel(spec.docType), p.facilityAccount])
    return out
  }

  /** Visit details (dates, providers) in print order. */
  visitFields(): Array<[string, string]> {
    const { spec } = this
    const d = spec.dates
    const out: Array<[string, string]> = []
    const put = (label: string, v: string | undefined, withTime = false): void => {
      if (v) out.push([label, this.date(v, withTime)!])
    }
    const svc = this.omit.has('serviceDate') ? undefined : d.service
    switch (spec.docType) {
      case 'lab_report':
        if (!this.omit.has('collectionDate')) put('Collected', d.collection, true)
        put('Received', d.received, true)
        if (!this.omit.has('reportDate')) put('Reported', d.report, true)
        break
      case 'radiology_report':
        put('Exam Date', this.omit.has('serviceDate') ? undefined : d.exam, true)
        if (!this.omit.has('reportDate')) put('Report Date', d.report)
        break
      case 'discharge_summary':
        put('Admission Date', d.admission)
        put('Discharge Date', d.discharge)
        break
      case 'history_and_physical':
        put('Admission Date', d.admission)
        put('Date of Exam', svc)
        break
      case 'operative_report':
        put('Date of Surgery', this.omit.has('serviceDate') ? undefined : (d.procedure ?? d.service))
        break
      case 'emergency_report':
        put('Arrival', svc, true)
        put('Departure', d.discharge, true)
        break
      case 'consent_form':
      case 'roi_authorization':
        put('Date', svc)
        break
      case 'referral_letter':
        break
      default:
        put('Date of Service', svc)
    }
    if (spec.orderingProvider && !this.omit.has('orderingProvider')) {
      out.push([orderingLabel(spec.docType), personName(spec.orderingProvider)])
    }
    if (spec.author && !this.omit.has('author') && !AUTHOR_NOT_IN_HEADER.has(spec.docType)) {
      out.push([authorLabel(spec.docType), personName(spec.author)])
    }
    return out
  }

  patientBlock(): void {
    switch (this.spec.layout) {
      case 'labelled':
        return this.labelledBlock()
      case 'grid':
        return this.gridBlock()
      case 'addressograph':
        return this.stickerBlock()
    }
  }

  labelledBlock(): void {
    const { doc, f } = this
    const left = this.patientFields()
    const right = this.visitFields()
    const y0 = doc.y
    const colW = CONTENT_W / 2 - 6
    const size = 9.5
    const lineH = 13
    const writeCol = (pairs: Array<[string, string]>, x: number): number => {
      let y = y0
      for (const [label, value] of pairs) {
        doc.font(f.bold).fontSize(size).text(`${label}: `, x, y, { continued: true, lineBreak: false })
        doc.font(f.regular).text(value, { lineBreak: false })
        y += lineH
      }
      return y
    }
    const yl = writeCol(left, MARGIN_L)
    const yr = writeCol(right, MARGIN_L + colW + 12)
    doc.x = MARGIN_L
    doc.y = Math.max(yl, yr) + 4
    doc
      .moveTo(MARGIN_L, doc.y)
      .lineTo(PAGE_W - MARGIN_R, doc.y)
      .lineWidth(0.6)
      .stroke()
    doc.y += 10
  }

  gridBlock(): void {
    const { doc, f } = this
    const cells = [...this.patientFields(), ...this.visitFields()].map(
      ([l, v]) => [l === 'Patient Name' ? 'Patient' : l, v] as [string, string],
    )
    // Wide cells for names; four columns per row.
    const cols = 4
    const cellW = CONTENT_W / cols
    const cellH = 25
    const rows: Array<Array<{ label: string; value: string; span: number }>> = []
    let row: Array<{ label: string; value: string; span: number }> = []
    let used = 0
    for (const [label, value] of cells) {
      const span = value.length > 22 ? 2 : 1
      if (used + span > cols) {
        rows.push(row)
        row = []
        used = 0
      }
      row.push({ label, value, span })
      used += span
    }
    if (row.length) rows.push(row)
    let y = doc.y
    doc.lineWidth(0.7)
    for (const r of rows) {
      let x = MARGIN_L
      for (const cell of r) {
        const w = cellW * cell.span
        doc.rect(x, y, w, cellH).stroke()
        doc
          .font(f.bold)
          .fontSize(6.5)
          .fillColor('#333333')
          .text(cell.label.toUpperCase(), x + 3, y + 2.5, { width: w - 6, lineBreak: false })
        doc
          .font(f.regular)
          .fontSize(9.5)
          .fillColor('black')
          .text(cell.value, x + 3, y + 12, { width: w - 6, lineBreak: false, ellipsis: true })
        x += w
      }
      // Close the row with an empty cell so the grid reaches the right margin.
      if (x < PAGE_W - MARGIN_R - 1) doc.rect(x, y, PAGE_W - MARGIN_R - x, cellH).stroke()
      y += cellH
    }
    doc.x = MARGIN_L
    doc.y = y + 12
  }

  stickerBlock(): void {
    const { doc, f, spec, rng } = this
    const p = spec.patient
    const lines: string[] = []
    if (!this.omit.has('patientName')) lines.push(`NAME: ${printedName(p)}`)
    if (!this.omit.has('birthDate')) lines.push(`DOB: ${formatDate(p.birthDate, 'MM/DD/YYYY')}${p.sex ? `   SEX: ${p.sex}` : ''}`)
    const mrn = p.facilityMrn ?? p.mrn
    if (mrn) lines.push(`MRN: ${mrn}`)
    if (p.facilityAccount) lines.push(`ACCT: ${p.facilityAccount}`)
    const adm = spec.dates.admission ?? spec.dates.service
    const doctor =
      spec.author && !AUTHOR_NOT_IN_HEADER.has(spec.docType) ? `  ${spec.author.name.split(' ').slice(-1)[0]!.toUpperCase()}` : ''
    if (adm && !this.omit.has('serviceDate'))
      lines.push(`${spec.dates.admission ? 'ADM' : 'DOS'}: ${formatDate(adm, 'MM/DD/YYYY')}${doctor}`)
    const w = 214
    const h = 14 + lines.length * 12
    const x = PAGE_W - MARGIN_R - w + 4
    const y = doc.y + 2
    const angle = rng.float(-2.2, 2.2)
    doc.save()
    doc.rotate(angle, { origin: [x + w / 2, y + h / 2] })
    doc.roundedRect(x, y, w, h, 6).lineWidth(0.9).stroke()
    doc.font(f.monoBold).fontSize(9.5).fillColor('black')
    let ly = y + 7
    for (const line of lines) {
      doc.text(line, x + 8, ly, { width: w - 14, lineBreak: false })
      ly += 12
    }
    doc.restore()
    // Visit details to the left of the sticker.
    const visit = this.visitFields()
    let vy = y + 2
    for (const [label, value] of visit) {
      doc.font(f.bold).fontSize(9.5).text(`${label}: `, MARGIN_L, vy, { continued: true, lineBreak: false })
      doc.font(f.regular).text(value, { lineBreak: false })
      vy += 13
    }
    doc.x = MARGIN_L
    doc.y = Math.max(y + h, vy) + 14
  }

  // --- letters ---------------------------------------------------------------------------

  letterHead(): void {
    const { doc, f, spec } = this
    const d = spec.dates.letter ?? spec.dates.service
    doc.font(f.regular).fontSize(this.bodySize)
    if (d && !this.omit.has('serviceDate')) {
      doc.text(this.date(d)!, MARGIN_L, doc.y + 4)
      doc.moveDown(0.8)
    }
    if (spec.recipient) {
      const r = spec.recipient
      for (const line of [r.name, r.practice, ...(r.address ? splitAddress(r.address) : [])]) {
        if (line) doc.text(line, MARGIN_L)
      }
      doc.moveDown(0.8)
    }
    // RE: line(s) in the chosen layout.
    if (spec.layout === 'labelled') {
      const pf = this.patientFields()
      doc.font(f.bold).text('RE: ', MARGIN_L, doc.y, { continued: true })
      doc.font(f.regular).text(pf.map(([l, v]) => `${l}: ${v}`).join('    '), { width: CONTENT_W - 30 })
      doc.moveDown(0.8)
    } else {
      this.patientBlock()
    }
    if (spec.letter) {
      doc.font(f.regular).fontSize(this.bodySize).text(spec.letter.salutation, MARGIN_L)
      doc.moveDown(0.6)
    }
  }

  // --- body ------------------------------------------------------------------------------

  /** Body sections; `spreadOver` > 1 puts page breaks between sections to fill that many pages. */
  sections(spreadOver = 1): void {
    const { spec } = this
    const sections = spec.sections.filter((s) => !(s.heading && this.omit.has(`section:${s.heading}`)))
    const breaks = new Set<number>()
    if (spreadOver > 1 && !sections.some((s) => s.pageBreakBefore)) {
      if (sections.length < spreadOver) throw new Error(`pageCount ${spreadOver} needs at least as many sections (have ${sections.length})`)
      for (let k = 1; k < spreadOver; k++) breaks.add(Math.round((k * sections.length) / spreadOver))
    }
    sections.forEach((s, i) => {
      if (s.pageBreakBefore || breaks.has(i)) this.doc.addPage()
      this.section(s)
    })
  }

  section(s: Section): void {
    const { doc, f } = this
    const size = this.bodySize
    if (s.heading) {
      this.ensureSpace(46)
      doc
        .font(f.bold)
        .fontSize(size + 0.5)
        .text(s.heading.toUpperCase() + ':', MARGIN_L, doc.y, { width: CONTENT_W })
      doc.moveDown(0.15)
    }
    doc.font(f.regular).fontSize(size)
    for (const p of s.paragraphs ?? []) {
      this.ensureSpace(14)
      doc.text(p, MARGIN_L, doc.y, { width: CONTENT_W, lineGap: 1.5 })
      doc.moveDown(0.35)
    }
    for (const b of s.bullets ?? []) {
      this.ensureSpace(14)
      doc.text(`-  ${b}`, MARGIN_L + 10, doc.y, { width: CONTENT_W - 10, lineGap: 1.2 })
    }
    if (s.bullets?.length) doc.moveDown(0.35)
    if (s.fields?.length) {
      const labelW = Math.min(170, Math.max(...s.fields.map(([l]) => doc.font(f.bold).fontSize(size).widthOfString(`${l}:`))) + 10)
      const valueW = CONTENT_W - labelW - 6
      for (const [label, value] of s.fields) {
        const hl = doc
          .font(f.bold)
          .fontSize(size)
          .heightOfString(`${label}:`, { width: labelW - 8 })
        const hv = doc.font(f.regular).fontSize(size).heightOfString(value, { width: valueW, lineGap: 1.2 })
        this.ensureSpace(Math.max(hl, hv))
        const y = doc.y
        doc
          .font(f.bold)
          .fontSize(size)
          .text(`${label}:`, MARGIN_L + 6, y, { width: labelW - 8 })
        doc
          .font(f.regular)
          .fontSize(size)
          .text(value, MARGIN_L + 6 + labelW, y, { width: valueW, lineGap: 1.2 })
        doc.y = y + Math.max(hl, hv) + 1
      }
      doc.moveDown(0.35)
    }
    for (const c of s.checkboxes ?? []) {
      this.ensureSpace(16)
      const y = doc.y
      doc
        .rect(MARGIN_L + 6, y + 1, 8, 8)
        .lineWidth(0.7)
        .stroke()
      if (c.checked) {
        doc
          .moveTo(MARGIN_L + 6, y + 1)
          .lineTo(MARGIN_L + 14, y + 9)
          .moveTo(MARGIN_L + 14, y + 1)
          .lineTo(MARGIN_L + 6, y + 9)
          .lineWidth(1.1)
          .stroke()
      }
      doc
        .font(f.regular)
        .fontSize(size)
        .text(c.label, MARGIN_L + 20, y, { width: CONTENT_W - 20 })
      doc.moveDown(0.2)
    }
    if (s.checkboxes?.length) doc.moveDown(0.3)
    if (s.table) this.table(s.table)
    doc.moveDown(0.45)
  }

  table(t: LabTable): void {
    const { doc, f } = this
    const showRange = !this.omit.has('referenceRanges')
    const showUnits = !this.omit.has('units')
    if (t.panel || t.specimen) {
      this.ensureSpace(40)
      const label = [t.panel, t.specimen ? `Specimen: ${t.specimen}` : null].filter(Boolean).join('     ')
      doc.font(f.bold).fontSize(9.5).text(label, MARGIN_L, doc.y, { width: CONTENT_W })
      doc.moveDown(0.2)
    }
    let columns: Array<{ title: string; w: number; align: 'left' | 'center' | 'right' }>
    let rows: string[][]
    if (t.columns && t.cells) {
      // Free columns: widths follow the widest cell, scaled to the line.
      doc.font(f.regular).fontSize(9)
      const natural = t.columns.map(
        (title, i) => Math.max(doc.widthOfString(title), ...(t.cells ?? []).map((r) => doc.widthOfString(r[i] ?? ''))) + 10,
      )
      const total = natural.reduce((a, b) => a + b, 0)
      const k = CONTENT_W / total
      columns = t.columns.map((title, i) => ({ title, w: natural[i]! * k, align: 'left' as const }))
      rows = t.cells
    } else {
      columns = [
        { title: 'Test', w: 180, align: 'left' },
        { title: 'Result', w: 70, align: 'right' },
        { title: 'Flag', w: 40, align: 'center' },
      ]
      if (showUnits) columns.push({ title: 'Units', w: 70, align: 'left' })
      if (showRange) columns.push({ title: 'Reference Range', w: 110, align: 'left' })
      const used = columns.reduce((a, c) => a + c.w, 0)
      columns[0]!.w += CONTENT_W - used
      rows = t.rows.map((r) => {
        const cells = [r.test, r.result, r.flag ?? '']
        if (showUnits) cells.push(r.units ?? '')
        if (showRange) cells.push(r.range ?? '')
        return cells
      })
    }
    const size = t.columns ? 9 : 9.5
    const header = (): void => {
      const y = doc.y
      let x = MARGIN_L
      doc.font(f.bold).fontSize(9)
      for (const c of columns) {
        doc.text(c.title, x + 2, y, { width: c.w - 6, align: c.align, lineBreak: false })
        x += c.w
      }
      doc
        .moveTo(MARGIN_L, y + 11.5)
        .lineTo(PAGE_W - MARGIN_R, y + 11.5)
        .lineWidth(0.6)
        .stroke()
      doc.y = y + 15
    }
    this.ensureSpace(14 * 3)
    header()
    for (const cells of rows) {
      const flagged = !t.columns && (cells[2] ?? '') !== ''
      const fontOf = (i: number): string => (flagged && i > 0 && i <= 2 ? f.bold : f.regular)
      const rowH =
        Math.max(
          ...cells.map((cell, i) =>
            doc
              .font(fontOf(i))
              .fontSize(size)
              .heightOfString(cell || ' ', { width: columns[i]!.w - 6 }),
          ),
        ) + 3
      if (doc.y + rowH > PAGE_H - MARGIN_BOTTOM) {
        doc.addPage()
        header()
      }
      const y = doc.y
      let x = MARGIN_L
      cells.forEach((cell, i) => {
        const c = columns[i]!
        doc
          .font(fontOf(i))
          .fontSize(size)
          .text(cell, x + 2, y, { width: c.w - 6, align: c.align })
        x += c.w
      })
      doc.y = y + rowH
    }
    doc.x = MARGIN_L
    doc.moveDown(0.3)
  }

  // --- signature -------------------------------------------------------------------------

  signature(): void {
    const { doc, f, spec } = this
    if (spec.letter?.closing) {
      this.ensureSpace(90)
      doc
        .font(f.regular)
        .fontSize(this.bodySize)
        .text(spec.letter.closing, MARGIN_L, doc.y + 4)
      doc.moveDown(0.3)
    }
    const s = spec.signed
    if (!s) {
      if (spec.signatureNote) {
        this.ensureSpace(30)
        doc.moveDown(0.6)
        doc.font(f.italic).fontSize(9.5).text(spec.signatureNote, MARGIN_L, doc.y, { width: CONTENT_W })
      }
      return
    }
    const who = signer(spec)
    const when = this.omit.has('signatureDate') ? undefined : signatureDate(spec)
    const name = who ? personName(who) : ''
    if (s.style === 'electronic') {
      this.ensureSpace(44)
      doc.moveDown(0.8)
      const dr = who && /\b(MD|DO)\b/.test(who.credentials ?? '') && this.rng.chance(0.5) ? 'Dr. ' : ''
      const onDate = when ? ` on ${this.date(when, true)}` : ''
      doc.font(f.regular).fontSize(9.5).text(`Electronically signed by ${dr}${name}${onDate}`, MARGIN_L, doc.y, { width: CONTENT_W })
      if (who?.role) doc.font(f.italic).fontSize(9).text(who.role, MARGIN_L, doc.y, { width: CONTENT_W })
      return
    }
    if (s.style === 'stamp') {
      this.ensureSpace(60)
      doc.moveDown(0.8)
      const y = doc.y
      const w = 190
      doc.save()
      doc.rotate(this.rng.float(-4, 4), { origin: [MARGIN_L + w / 2, y + 20] })
      doc.rect(MARGIN_L, y, w, 40).lineWidth(1.6).stroke()
      doc
        .font('Courier-Bold')
        .fontSize(12)
        .text('SIGNATURE ON FILE', MARGIN_L, y + 7, { width: w, align: 'center', lineBreak: false })
      doc
        .font('Courier')
        .fontSize(8.5)
        .text(name.toUpperCase(), MARGIN_L, y + 23, { width: w, align: 'center', lineBreak: false })
      doc.restore()
      doc.x = MARGIN_L
      doc.y = y + 48
      return
    }
    // handwritten
    this.ensureSpace(76)
    doc.moveDown(1.2)
    const y = doc.y + 22
    const x = MARGIN_L
    this.squiggle(x + 6, y - 4, 150)
    doc
      .moveTo(x, y + 2)
      .lineTo(x + 210, y + 2)
      .lineWidth(0.6)
      .stroke()
    doc
      .moveTo(x + 290, y + 2)
      .lineTo(x + 400, y + 2)
      .lineWidth(0.6)
      .stroke()
    if (when) {
      // The date is written by hand too: an italic face, sitting on the rule.
      doc
        .font('Times-Italic')
        .fontSize(12)
        .text(formatDate(when, 'M/D/YYYY'), x + 300, y - 12, { lineBreak: false })
    }
    doc
      .font(f.regular)
      .fontSize(8.5)
      .text('Signature', x, y + 5, { lineBreak: false })
    doc.text('Date', x + 290, y + 5, { lineBreak: false })
    doc
      .font(f.regular)
      .fontSize(9.5)
      .text(name, x, y + 17, { width: 260 })
    if (who?.role) doc.font(f.italic).fontSize(9).text(who.role, x, doc.y, { width: 260 })
    doc.x = MARGIN_L
  }

  /** A pen-like scribble: a tall first loop, then smaller waves and a trailing stroke, different for every seed. */
  squiggle(x: number, y: number, width: number): void {
    const { doc, rng } = this
    doc.save()
    doc.lineWidth(rng.float(1.0, 1.5)).lineCap('round').lineJoin('round')
    // Capital letter: an upstroke, a loop over the top, back down through the baseline.
    const capH = rng.float(16, 24)
    const capW = rng.float(14, 22)
    doc.moveTo(x, y + 2)
    doc.bezierCurveTo(x + capW * 0.2, y - capH, x + capW * 1.1, y - capH * 1.05, x + capW * 0.7, y - capH * 0.4)
    doc.bezierCurveTo(x + capW * 0.4, y + 2, x - 4, y + 4, x + capW * 0.9, y - 2)
    let cx = x + capW * 0.9
    let cy = y - 2
    const end = x + width * rng.float(0.75, 0.95)
    let up = true
    while (cx < end) {
      const step = rng.float(4, 11)
      const h = up ? -rng.float(2, capH * 0.5) : rng.float(0, 3)
      const nx = cx + step
      const ny = y + h * 0.4
      doc.bezierCurveTo(cx + step * 0.3, cy + h, nx - step * 0.3, ny + h, nx, ny)
      if (up && rng.chance(0.15)) {
        // A looped ascender.
        doc.bezierCurveTo(nx + 6, ny - 14, nx - 5, ny - 16, nx + 1, ny)
      }
      cx = nx
      cy = ny
      up = !up
    }
    // Trailing stroke, sometimes crossing back under the name.
    if (rng.chance(0.5)) doc.bezierCurveTo(cx + 12, cy + 6, x + width * 0.5, y + 8, x + width * rng.float(0.15, 0.35), y + 5)
    else doc.bezierCurveTo(cx + 8, cy - 2, cx + 14, cy - 8, cx + 22, cy - 12)
    doc.stroke()
    doc.restore()
  }

  // --- per-page furniture ----------------------------------------------------------------

  furniture(): void {
    const { doc, f, spec } = this
    const range = doc.bufferedPageRange()
    const n = range.count
    const p = spec.patient
    const idParts = [
      this.omit.has('patientName') ? null : printedName(p),
      this.omit.has('birthDate') ? null : `DOB: ${this.date(p.birthDate)}`,
      p.facilityMrn ? `MRN: ${p.facilityMrn}` : p.mrn ? `MRN: ${p.mrn}` : null,
      p.facilityAccount ? `${accountLabel(spec.docType)}: ${p.facilityAccount}` : null,
    ].filter((x): x is string => x !== null)
    const numbers = this.omit.has('pageFooters') ? false : (spec.pageNumbers ?? 'Page x of N')
    for (let i = 0; i < n; i++) {
      doc.switchToPage(range.start + i)
      const savedBottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      if (i > 0) {
        doc
          .font(f.bold)
          .fontSize(9)
          .fillColor('black')
          .text(idParts.join('    '), MARGIN_L, 44, { width: CONTENT_W, lineBreak: false, ellipsis: true })
        doc
          .font(f.regular)
          .fontSize(8.5)
          .text(`${spec.title ?? spec.facility.name} (continued)`, MARGIN_L, 56, { width: CONTENT_W, lineBreak: false })
        doc
          .moveTo(MARGIN_L, 69)
          .lineTo(PAGE_W - MARGIN_R, 69)
          .lineWidth(0.6)
          .stroke()
      }
      if (numbers !== false) {
        const label = numbers === 'Page x of N' ? `Page ${i + 1} of ${n}` : numbers === 'x/N' ? `${i + 1}/${n}` : `Page ${i + 1}`
        const fy = PAGE_H - 40
        doc
          .moveTo(MARGIN_L, fy - 6)
          .lineTo(PAGE_W - MARGIN_R, fy - 6)
          .lineWidth(0.4)
          .stroke()
        doc.font(f.regular).fontSize(8).fillColor('black')
        doc.text(spec.printedAt ? `Printed: ${this.date(spec.printedAt, true)}` : spec.facility.name, MARGIN_L, fy, {
          width: 200,
          lineBreak: false,
        })
        doc.text(label, MARGIN_L, fy, { width: CONTENT_W, align: 'center', lineBreak: false })
        doc.text('CONFIDENTIAL', PAGE_W - MARGIN_R - 150, fy, { width: 150, align: 'right', lineBreak: false })
      }
      doc.page.margins.bottom = savedBottom
    }
  }
}

/** Types whose author is not a clinician to print in the header (the lab director signs; a letter's writer signs; a patient signs a form). */
const AUTHOR_NOT_IN_HEADER = new Set<DocType>(['lab_report', 'referral_letter', 'consent_form', 'roi_authorization'])

function splitAddress(address: string): string[] {
  // "1400 Riverbend Pkwy, Suite 200, Millbrook, OH 43950" -> street lines + "City, ST ZIP"
  const parts = address.split(',').map((s) => s.trim())
  if (parts.length < 3) return [address]
  const cityLine = parts.slice(-2).join(', ')
  return [...parts.slice(0, -2), cityLine]
}

function accountLabel(t: DocType): string {
  switch (t) {
    case 'lab_report':
      return 'Accession #'
    case 'radiology_report':
      return 'Exam Acc #'
    case 'discharge_summary':
    case 'history_and_physical':
    case 'operative_report':
    case 'emergency_report':
      return 'Acct #'
    default:
      return 'Account #'
  }
}

function orderingLabel(t: DocType): string {
  switch (t) {
    case 'lab_report':
      return 'Ordering Provider'
    case 'radiology_report':
      return 'Referring Physician'
    case 'consult_note':
      return 'Referred By'
    case 'discharge_summary':
    case 'history_and_physical':
    case 'emergency_report':
      return 'PCP'
    default:
      return 'Ordering Provider'
  }
}

function authorLabel(t: DocType): string {
  switch (t) {
    case 'radiology_report':
      return 'Radiologist'
    case 'discharge_summary':
    case 'history_and_physical':
      return 'Attending'
    case 'consult_note':
      return 'Consultant'
    case 'operative_report':
      return 'Surgeon'
    case 'emergency_report':
      return 'ED Physician'
    case 'immunization_record':
      return 'Administered By'
    default:
      return 'Provider'
  }
}

/** Fixed document dates keep pdfkit's output byte-for-byte reproducible. */
function creationDate(spec: RecordSpec): Date {
  const d = spec.dates.report ?? spec.dates.letter ?? spec.dates.discharge ?? primaryDate(spec) ?? '2025-01-01'
  const p = parseDate(d)
  return new Date(Date.UTC(p.y, p.m - 1, p.d, 12, 0, 0))
}

export interface RenderOptions {
  /** pdfkit encryption: user password needed to open the file. */
  userPassword?: string
  ownerPassword?: string
}

/**
 * Draw a record as a letter-size PDF with a text layer.
 * Throws when `spec.pageCount` is set and the content does not come out on exactly that many pages.
 */
export async function renderRecordPdf(spec: RecordSpec, opts: RenderOptions = {}): Promise<Buffer> {
  // Content flows naturally first; when it comes out short of spec.pageCount, the sections
  // are spread over the pages with page breaks, as a short multi-page printout would be.
  let out = await renderOnce(spec, opts, false)
  if (spec.pageCount !== undefined && out.pages < spec.pageCount) out = await renderOnce(spec, opts, true)
  if (spec.pageCount !== undefined && out.pages !== spec.pageCount) {
    throw new Error(`record came out on ${out.pages} page(s), spec.pageCount is ${spec.pageCount}: shorten, lengthen or split the sections`)
  }
  return out.pdf
}

async function renderOnce(spec: RecordSpec, opts: RenderOptions, spread: boolean): Promise<{ pdf: Buffer; pages: number }> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_L, right: MARGIN_R },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: spec.title ?? '',
      Author: spec.facility.name,
      Creator: 'chartclerk samples',
      Producer: 'chartclerk samples (pdfkit)',
      CreationDate: creationDate(spec),
    },
    ...(opts.userPassword
      ? { userPassword: opts.userPassword, ownerPassword: opts.ownerPassword ?? `${opts.userPassword}-owner`, pdfVersion: '1.4' as const }
      : {}),
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const r = new Renderer(spec, doc)
  r.letterhead()
  r.title()
  if (spec.docType === 'referral_letter' || spec.letter) r.letterHead()
  else r.patientBlock()
  r.sections(spread ? (spec.pageCount ?? 1) : 1)
  r.signature()
  const pages = doc.bufferedPageRange().count
  r.furniture()
  doc.end()
  return { pdf: await done, pages }
}

export interface ScanRecordOptions {
  style: ScanStyle
  /** Render resolution (fax pages come back at 200 dpi whatever this is). */
  dpi: number
  /** One angle for every page, or one per page (missing pages get 0). */
  skewDegrees?: number | number[]
  seed?: number | string
  /** Fax header time; default the record's main date at 16:41. */
  faxDateTime?: string
}

/**
 * Render a record and scan every page: the one call benches and tests need for "a scanned
 * outside record". Returns one greyscale PNG per page.
 *
 * @example
 *   const pages = await scanRecord(makeRecordSpec(new Rng(7)), { style: 'copier', dpi: 200, skewDegrees: 0.8 })
 *   const pdf = await scannedPdf(pages, 200)
 */
export async function scanRecord(spec: RecordSpec, opts: ScanRecordOptions): Promise<Buffer[]> {
  const pages = await rasterizePdf(await renderRecordPdf(spec), opts.dpi)
  const d = primaryDate(spec) ?? '2025-01-01'
  const dateTime = opts.faxDateTime ?? `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)} 16:41`
  const out: Buffer[] = []
  for (let i = 0; i < pages.length; i++) {
    const skew = Array.isArray(opts.skewDegrees) ? (opts.skewDegrees[i] ?? 0) : (opts.skewDegrees ?? 0)
    out.push(
      await scanStyle(pages[i]!, opts.style, {
        dpi: opts.dpi,
        skewDegrees: skew,
        seed: `${opts.seed ?? spec.seed ?? 'scan'}:${i + 1}`,
        fax: { from: spec.facility.fax, name: spec.facility.name, dateTime, page: i + 1, pageCount: pages.length },
      }),
    )
  }
  return out
}
