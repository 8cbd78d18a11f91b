/**
 * One stack: several documents for several made-up patients in one file, as a clerk's feeder
 * or a fax server would make it, with its ground truth (page ranges, type, patient, and what
 * kind of cut each boundary is). The hard cases are drawn on purpose: two documents of one
 * type for one patient back to back, two people of the same name, a long document that must
 * stay whole, a separator sheet, a blank back of a sheet, a fax banner counting the whole
 * transmission (sometimes as "Page 3 of 11").
 */
import { WRITERS, CSS, SENDER_CLASS, type Doc, type DocType } from './documents.js'
import { UNSEEN_PATIENTS, type UnseenPatient } from './patients.js'
import { rand, type Rand } from './rand.js'
import { addDays, serviceDate } from './dates.js'

export type Look = 'text' | 'scan'
export type ScanLook = 'copier' | 'fax-standard' | 'fax-fine' | 'flatbed-grey'
export type FaxBanner = 'none' | 'slash' | 'pageof' | 'counter'
export type BoundaryKind = 'separator' | 'same-patient-same-type' | 'same-patient' | 'same-name-other-person' | 'other-patient'

export interface TruthPart {
  from: number
  to: number
  type: DocType
  sender: string
  patient: { mrn: string }
  numbered: boolean
  /** How this part's first page differs from the part before it (absent for the first part). */
  boundary?: BoundaryKind
}

export type PageRole = { kind: 'document'; part: number } | { kind: 'separator'; upsideDown: boolean } | { kind: 'blank' }

export interface StackTruth {
  batch: string
  file: string
  look: Look
  scanLook: ScanLook | null
  faxBanner: FaxBanner
  pages: number
  parts: TruthPart[]
  roles: PageRole[]
}

/** What the renderer needs: one HTML page per non-separator page, and where the separator sheets go. */
export interface StackPlan {
  truth: StackTruth
  html: string
  /** 1-based page numbers of the final file that are separator sheets (rendered apart). */
  separatorPages: number[]
}

type WriterName = keyof typeof WRITERS

const MULTI: WriterName[] = ['dischargeKestrel', 'hpBrendan', 'operativeGranite', 'dischargeKestrel']
const SINGLE: WriterName[] = [
  'labBluewater',
  'labKestrelMicro',
  'imagingIronwood',
  'imagingTamarack',
  'dischargeLarchmont',
  'consultLetter',
  'referralEastbrook',
  'referralLetterPlain',
  'progressSoap',
  'progressTwoColumn',
  'edMesa',
  'immunizationRegistry',
]
/** Writers whose documents a sender sends twice for one patient (two dates) without page numbers. */
const REPEATABLE: WriterName[] = ['labBluewater', 'progressSoap', 'imagingIronwood', 'dischargeLarchmont', 'labKestrelMicro', 'edMesa']

function patientsFor(r: Rand): UnseenPatient[] {
  const ps = r.shuffle(UNSEEN_PATIENTS).slice(0, r.int(3, 4))
  // Half the stacks hold both people named Josephine Fairweather, or both Brandt brothers.
  if (r.chance(0.5)) {
    const pair = r.chance(0.5) ? ['CC-316439', 'CC-317082'] : ['CC-313590', 'CC-314025']
    for (const mrn of pair) if (!ps.some((p) => p.mrn === mrn)) ps.push(UNSEEN_PATIENTS.find((p) => p.mrn === mrn)!)
  }
  return ps
}

interface Planned {
  writer: WriterName
  patient: UnseenPatient
  date?: string
  pages?: number
}

/** The documents of one stack, in order. */
function planDocuments(r: Rand): Planned[] {
  const ps = patientsFor(r)
  const docs: Planned[] = []
  // One long document that must not be cut.
  docs.push({ writer: r.pick(MULTI), patient: r.pick(ps), pages: r.int(2, 4) })
  const n = r.int(3, 5)
  for (let i = 0; i < n; i++) docs.push({ writer: r.pick(SINGLE), patient: r.pick(ps) })
  // Two of one kind for one patient back to back, dates apart.
  if (r.chance(0.75)) {
    const w = r.pick(REPEATABLE)
    const p = r.pick(ps)
    const d = serviceDate(r)
    docs.push({ writer: w, patient: p, date: d }, { writer: w, patient: p, date: addDays(d, r.int(7, 60)) })
  }
  // Any two people of one name in the stack go next to each other at least once.
  const out = r.shuffle(docs)
  const twins = ps.filter((p) => ps.some((q) => q !== p && q.family === p.family))
  if (twins.length === 2 && r.chance(0.7)) {
    const a = out.findIndex((d) => d.patient === twins[0])
    if (a >= 0) out.splice(a + 1, 0, { writer: r.pick(SINGLE), patient: twins[1]! })
  }
  // The repeated pair must stay adjacent after the shuffle: put them back together.
  return keepPairsTogether(out)
}

function keepPairsTogether(docs: Planned[]): Planned[] {
  const dated = docs.filter((d) => d.date)
  if (dated.length !== 2) return docs
  const rest = docs.filter((d) => !d.date)
  const at = Math.min(rest.length, Math.max(1, Math.floor(rest.length / 2)))
  return [...rest.slice(0, at), dated[0]!, dated[1]!, ...rest.slice(at)]
}

function boundaryKind(prev: Doc, cur: Doc, separator: boolean): BoundaryKind {
  if (separator) return 'separator'
  if (prev.patient.mrn === cur.patient.mrn) return prev.type === cur.type ? 'same-patient-same-type' : 'same-patient'
  if (prev.patient.family === cur.patient.family && prev.patient.given === cur.patient.given) return 'same-name-other-person'
  return 'other-patient'
}

const FAX_FROM = ['KESTREL VLY HIM', 'Tamarack Gen HIM Dept', '2085550140', 'BLUEWATER LAB CS', 'MESA VERDE EP BILLING']

function faxLine(kind: FaxBanner, r: Rand, page: number, total: number, when: string, from: string): string {
  const p3 = String(page).padStart(3, '0')
  switch (kind) {
    case 'none':
      return ''
    case 'slash':
      return `${when}   FROM: ${from}          TO: 5555550199          P.${page}/${total}`
    case 'pageof':
      return `Received ${when}  |  ${from}  |  Fax Server  |  Page ${page} of ${total}`
    case 'counter':
      return `${from}    ${when}    #${r.int(1000, 9999)} P${p3}`
  }
}

export function planStack(seed: string, index: number, look: Look): StackPlan {
  const r = rand(`${seed}:${look}:${index}`)
  const planned = planDocuments(r)
  const docs: Doc[] = planned.map((d) => WRITERS[d.writer]!(d.patient, r, { date: d.date, pages: d.pages }))
  const scanLook: ScanLook | null = look === 'scan' ? r.pick(['copier', 'fax-standard', 'fax-fine', 'flatbed-grey'] as const) : null
  const faxBanner: FaxBanner =
    scanLook?.startsWith('fax') || (look === 'text' && r.chance(0.4)) ? r.pick(['slash', 'pageof', 'counter'] as const) : 'none'
  // A separator sheet before one document (not the first) in some stacks; a blank back of a sheet after one in some scans.
  const sepBefore = r.chance(0.4) ? r.int(1, docs.length - 1) : -1
  const blankAfter = look === 'scan' && r.chance(0.4) ? r.int(0, docs.length - 2) : -1

  const roles: PageRole[] = []
  const parts: TruthPart[] = []
  const htmlPages: { body: string; cls: string }[] = []
  const separatorPages: number[] = []
  docs.forEach((doc, i) => {
    if (i === sepBefore) {
      roles.push({ kind: 'separator', upsideDown: r.chance(0.3) })
      separatorPages.push(roles.length)
    }
    const from = roles.length + 1
    for (const body of doc.pages) {
      roles.push({ kind: 'document', part: i })
      htmlPages.push({ body, cls: SENDER_CLASS[doc.sender] ?? '' })
    }
    parts.push({
      from,
      to: roles.length,
      type: doc.type,
      sender: doc.sender,
      patient: { mrn: doc.patient.mrn },
      numbered: doc.numbered,
      ...(i > 0 ? { boundary: boundaryKind(docs[i - 1]!, doc, i === sepBefore) } : {}),
    })
    if (i === blankAfter) {
      roles.push({ kind: 'blank' })
      htmlPages.push({ body: '', cls: 'blank' })
    }
  })
  const total = roles.length
  const when = `${r.pick(['OCT', 'NOV', 'DEC'])}-${String(r.int(1, 28)).padStart(2, '0')}-2025 ${String(r.int(8, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
  const from = r.pick(FAX_FROM)
  // Fax banners count every page of the transmission; the separator sheet is printed apart and gets none.
  let htmlIndex = 0
  const pagesHtml: string[] = []
  for (let n = 1; n <= total; n++) {
    const role = roles[n - 1]!
    if (role.kind === 'separator') continue
    const pg = htmlPages[htmlIndex++]!
    const banner =
      faxBanner === 'none' || role.kind === 'blank' ? '' : `<div class="fax">${faxLine(faxBanner, r, n, total, when, from)}</div>`
    pagesHtml.push(`<div class="page ${pg.cls}">${banner}${pg.body}</div>`)
  }
  const batch = `unseen-${look}-${String(index + 1).padStart(2, '0')}`
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${pagesHtml.join('\n')}</body></html>`
  return {
    truth: { batch, file: `${batch}.pdf`, look, scanLook, faxBanner, pages: total, parts, roles },
    html,
    separatorPages,
  }
}
