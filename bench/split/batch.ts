/**
 * Stacks of outside documents as a copier or a fax server hands them over: one PDF of
 * page images holding several documents for several patients, in this benchmark's own
 * house styles (./templates.ts), with the ground truth beside it. A batch may hold a
 * separator sheet (chartclerk's own, printed and scanned, sometimes fed upside down), a
 * blank page between documents, documents with and without "Page x of N", two documents
 * of the same type for the same patient back to back, and multi-page documents that must
 * stay whole. With `covers`, some documents come behind a fax cover sheet (./coverSheets.ts)
 * announcing them, the cover being their first page.
 */
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { Rng } from '../../samples/lib/rng.js'
import { rasterizePdf, scannedPdf, scanStyle, setPngDpi, type ScanStyle } from '../../samples/lib/scan.js'
import { separatorSheetPdf } from '../../src/split/separatorSheet.js'
import { COVER_STYLES, renderCoverSheet, type CoverStyle } from './coverSheets.js'
import { BENCH_PATIENTS, type BenchPatient } from './patients.js'
import { addDays, renderDocument, TEMPLATES, templateById, type BenchDocType, type Template } from './templates.js'

export type BatchLook = 'scan' | 'text'
export type BatchSize = 'quick' | 'full'

export interface TruthPart {
  /** 1-based pages of the batch file, inclusive. */
  from: number
  to: number
  type: BenchDocType
  template: string
  facility: string
  patient: { mrn: string; familyName: string; givenName: string; birthDate: string }
  pageMarkers: boolean
  date: string
  /** Same type and same patient as the part just before it (the hard case). */
  sameAsPrevious: boolean
}

export interface BatchTruth {
  batch: string
  file: string
  seed: string
  look: BatchLook
  scanStyle: ScanStyle | null
  pages: number
  parts: TruthPart[]
  /** Pages that are chartclerk separator sheets, and of those, the ones fed upside down. */
  separators: number[]
  upsideDown: number[]
  /** Blank pages between documents. */
  blanks: number[]
  /** Fax cover sheets (each the first page of the part it announces). */
  covers?: number[]
}

type Item =
  | { kind: 'doc'; template: Template; patient: BenchPatient; pages: number; pageMarkers: boolean; date: string; sameAsPrevious: boolean }
  | { kind: 'separator'; upsideDown: boolean }
  | { kind: 'blank' }
  | {
      kind: 'cover'
      style: CoverStyle
      documentPages: number
      patient: BenchPatient
      namesPatient: boolean
      miscount: boolean
      date: string
    }

const SCAN_DPI = 200
const LOOKS: ScanStyle[] = ['copier', 'fax', 'clean', 'copier']

function randomDate(rng: Rng): string {
  return addDays('2025-01-06', rng.int(0, 320))
}

function docItem(rng: Rng, template: Template, patient: BenchPatient, date = randomDate(rng), sameAsPrevious = false): Item {
  return {
    kind: 'doc',
    template,
    patient,
    pages: rng.int(template.pageRange[0], template.pageRange[1]),
    pageMarkers: rng.chance(0.5),
    date,
    sameAsPrevious,
  }
}

/** What goes in batch `index`: documents, then a separator or a blank page at some of the cuts. */
function plan(rng: Rng, index: number, size: BatchSize, covers = false): Item[] {
  if (size === 'quick') {
    // Three documents for two patients, one cut marked by a separator sheet: about five pages.
    const [a, b] = rng.sample(BENCH_PATIENTS, 2) as [BenchPatient, BenchPatient]
    const lab = templateById('pellham-lab')
    return [
      { ...(docItem(rng, lab, a) as Extract<Item, { kind: 'doc' }>), pages: 1 },
      { kind: 'separator', upsideDown: false },
      { ...(docItem(rng, templateById('bellwether-consult'), b) as Extract<Item, { kind: 'doc' }>), pages: 2 },
      { ...(docItem(rng, templateById('greyfriars-imaging'), b) as Extract<Item, { kind: 'doc' }>), pages: 1 },
    ]
  }
  const n = rng.int(4, 6)
  const docs: Extract<Item, { kind: 'doc' }>[] = []
  let last: BenchPatient | null = null
  for (let i = 0; i < n; i++) {
    // Mostly a new patient at each document; now and then the same patient with another type of document.
    const patient: BenchPatient = last && rng.chance(0.2) ? last : rng.pick(BENCH_PATIENTS.filter((p) => p !== last))
    docs.push(docItem(rng, rng.pick(TEMPLATES), patient) as Extract<Item, { kind: 'doc' }>)
    last = patient
  }
  // A multi-page discharge summary in every batch: a document that must not be split.
  const long = rng.int(0, n - 1)
  docs[long] = { ...docs[long]!, template: templateById('calder-discharge'), pages: rng.int(2, 3) }
  // Two documents of the same type for the same patient back to back, weeks apart.
  const pairAt = [...Array(n - 1).keys()].filter((i) => i !== long && i + 1 !== long)
  const j = pairAt.length ? rng.pick(pairAt) : -1
  if (j >= 0) {
    const first = docs[j]!
    const template = rng.pick(TEMPLATES.filter((t) => t.pageRange[0] === 1))
    docs[j] = { ...first, template, pages: template.pageRange[0] === template.pageRange[1] ? 1 : rng.int(1, 2) }
    docs[j + 1] = {
      ...docs[j + 1]!,
      template,
      patient: first.patient,
      pages: rng.int(template.pageRange[0], template.pageRange[1]),
      date: addDays(first.date, rng.int(14, 90)),
      sameAsPrevious: true,
    }
  }
  // Cuts between documents (before document k); the pair's cut is left bare, it is the hard one.
  const cuts = [...Array(n).keys()].slice(1).filter((k) => k !== j + 1)
  const marks = new Map<number, Item>()
  if (cuts.length && (index % 2 === 0 || rng.chance(0.3))) marks.set(rng.pick(cuts), { kind: 'separator', upsideDown: rng.chance(0.3) })
  const free = cuts.filter((k) => !marks.has(k))
  if (free.length && (index % 2 === 1 || rng.chance(0.3))) marks.set(rng.pick(free), { kind: 'blank' })
  const items: Item[] = []
  // Drawn from a stream of its own: a batch with covers holds the same documents as one without.
  const crng = rng.fork('covers')
  docs.forEach((d, k) => {
    const m = marks.get(k)
    if (m) items.push(m)
    if (covers && crng.chance(0.5))
      items.push({
        kind: 'cover',
        style: crng.pick(COVER_STYLES),
        documentPages: d.pages,
        patient: d.patient,
        namesPatient: crng.chance(0.5),
        miscount: crng.chance(0.15),
        date: d.date,
      })
    items.push(d)
  })
  return items
}

async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.addPage([612, 792])
  return Buffer.from(await doc.save())
}

/** One batch: its PDF (page images, or a text layer for quick runs) and its ground truth. */
export async function makeBatch(opts: {
  seed: string
  index: number
  look: BatchLook
  size: BatchSize
  /** Fax cover sheets before some documents. */
  covers?: boolean
}): Promise<{ pdf: Buffer; truth: BatchTruth }> {
  const batch = `split-${opts.size}-${String(opts.index).padStart(3, '0')}`
  const rng = new Rng(`${opts.seed}:${batch}`)
  const items = plan(rng.fork('plan'), opts.index, opts.size, opts.covers)
  const merged = await PDFDocument.create({ updateMetadata: false })
  const truth: BatchTruth = {
    batch,
    file: `${batch}.pdf`,
    seed: opts.seed,
    look: opts.look,
    scanStyle: null,
    pages: 0,
    parts: [],
    separators: [],
    upsideDown: [],
    blanks: [],
    ...(opts.covers ? { covers: [] } : {}),
  }
  let page = 0
  let d = 0
  let c = 0
  let coverAt: number | null = null
  for (const item of items) {
    const bytes =
      item.kind === 'cover'
        ? await renderCoverSheet({ ...item, rng: rng.fork(`cover-${c++}`) })
        : item.kind === 'doc'
          ? await renderDocument(item.template, {
              patient: item.patient,
              pages: item.pages,
              pageMarkers: item.pageMarkers,
              date: item.date,
              rng: rng.fork(`doc-${d++}`),
            })
          : item.kind === 'separator'
            ? await separatorSheetPdf(1)
            : await blankPdf()
    const src = await PDFDocument.load(bytes)
    const copied = await merged.copyPages(src, src.getPageIndices())
    for (const p of copied) merged.addPage(p)
    const from = page + 1
    page += copied.length
    if (item.kind === 'doc') {
      if (copied.length !== item.pages) throw new Error(`template ${item.template.id} drew ${copied.length} pages, asked for ${item.pages}`)
      const p = item.patient
      truth.parts.push({
        from: coverAt ?? from,
        to: page,
        type: item.template.type,
        template: item.template.id,
        facility: item.template.facility,
        patient: { mrn: p.mrn, familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate },
        pageMarkers: item.pageMarkers,
        date: item.date,
        sameAsPrevious: item.sameAsPrevious,
      })
      coverAt = null
    } else if (item.kind === 'cover') {
      coverAt = from
      truth.covers!.push(from)
    } else if (item.kind === 'separator') {
      truth.separators.push(from)
      if (item.upsideDown) truth.upsideDown.push(from)
    } else truth.blanks.push(from)
  }
  truth.pages = page
  const text = Buffer.from(await merged.save())
  if (opts.look === 'text') return { pdf: text, truth }

  // Through the copier or the fax: every page drawn, skewed a little, given the machine's look.
  const style = rng.pick(LOOKS)
  truth.scanStyle = style
  const renders = await rasterizePdf(text, SCAN_DPI)
  const sent = `${String(rng.int(1, 12)).padStart(2, '0')}/${String(rng.int(1, 28)).padStart(2, '0')}/2025 ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`
  const scans: Buffer[] = []
  for (const [i, render] of renders.entries()) {
    const n = i + 1
    const turned = truth.upsideDown.includes(n) ? setPngDpi(await sharp(render).rotate(180).png().toBuffer(), SCAN_DPI) : render
    scans.push(
      await scanStyle(turned, style, {
        dpi: SCAN_DPI,
        skewDegrees: rng.float(-1.2, 1.2),
        seed: `${batch}:${n}`,
        fax: style === 'fax' ? { from: '(814) 555-0162', dateTime: sent, page: n, pageCount: renders.length } : undefined,
      }),
    )
  }
  return { pdf: await scannedPdf(scans, SCAN_DPI, { producer: 'Copier Scan-to-PDF' }), truth }
}

/** Every page's role in the batch, from the truth: the part it belongs to (index), or what else it is. */
export function pageRoles(truth: BatchTruth): ({ kind: 'document'; part: number } | { kind: 'separator' | 'blank' })[] {
  const roles: ({ kind: 'document'; part: number } | { kind: 'separator' | 'blank' })[] = []
  for (let n = 1; n <= truth.pages; n++) {
    const part = truth.parts.findIndex((p) => p.from <= n && n <= p.to)
    if (part >= 0) roles.push({ kind: 'document', part })
    else if (truth.separators.includes(n)) roles.push({ kind: 'separator' })
    else if (truth.blanks.includes(n)) roles.push({ kind: 'blank' })
    else throw new Error(`${truth.batch}: page ${n} is in no part and is neither a separator nor blank`)
  }
  return roles
}
