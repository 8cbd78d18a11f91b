/**
 * One blind stack: the documents of several made-up people in one file, with its truth. Each
 * boundary (the first page of every part but the first) is labelled by what sets it apart,
 * the first that applies: a separator sheet before it, a blank back of a sheet before it, a
 * fax cover sheet opening it, a person with no chart, the same person and type again with
 * other dates or accession numbers, the same person and type again on the same day with
 * nothing but a new heading, the same person another type, another person of the same name,
 * another person of a similar name (spouses, Ana Lucia / Ana Luisa), another person.
 *
 * A fax cover sheet is the first page of the document it announces (it is that document's
 * transmission record and is filed with it): a cut between a cover and its document is a cut
 * inside a document.
 */
import type { PageRole } from '../split-unseen/stack.js'
import { rand, type Rand } from '../split-unseen/rand.js'
import { addDays, serviceDate } from '../split-unseen/dates.js'
import { CSS, faxCover, WRITERS, type BlindDoc, type DocType, type WriterName } from './documents.js'
import { BLIND_PATIENTS, LOOK_ALIKES, NOT_IN_INDEX, type BlindPatient } from './patients.js'

export type Look = 'text' | 'scan'
export type ScanLook = 'copier' | 'fax-standard' | 'fax-fine' | 'flatbed-grey'
export type FaxStyle = 'none' | 'top' | 'foot' | 'top-and-foot'
export type BlindKind =
  | 'separator'
  | 'after-blank'
  | 'fax-cover'
  | 'not-in-index'
  | 'same-patient-same-type'
  | 'same-patient-same-type-heading-only'
  | 'same-patient'
  | 'same-name-other-person'
  | 'similar-name-other-person'
  | 'other-patient'

export interface BlindPart {
  from: number
  to: number
  type: DocType
  sender: string
  patient: { mrn: string }
  numbered: boolean
  boundary?: BlindKind
  /** The part opens with a fax cover sheet (its page `from`). */
  cover?: boolean
  /** The long document of the stack that must stay whole. */
  long?: boolean
}

export interface BlindTruth {
  batch: string
  file: string
  seed: string
  look: Look
  scanLook: ScanLook | null
  faxBanner: FaxStyle
  pages: number
  parts: BlindPart[]
  roles: PageRole[]
}

export interface BlindPlan {
  truth: BlindTruth
  html: string
  separatorPages: number[]
}

const SINGLE: WriterName[] = [
  'labCumulative',
  'pathology',
  'radiology',
  'urgentCare',
  'therapy',
  'cardiologyLetter',
  'referral',
  'mar',
  'ecg',
  'immunization',
  'homeHealth',
  'eyeNote',
]
/** Writers a sender sends twice for one person on different days (other date, other accession). */
const DATED_PAIR: WriterName[] = ['labCumulative', 'radiology', 'urgentCare', 'pathology', 'therapy']
/** Same person, same day, same sender, same type: only a new heading (a lab's two department reports under one accession, a PT then an OT daily note). */
const HEADING_PAIR: WriterName[] = ['labCumulative', 'therapy']

interface Planned {
  writer: WriterName
  patient: BlindPatient
  opts: { date?: string; pages?: number; variant?: number; accession?: string }
  pair?: 1 | 2
  heading?: boolean
  long?: boolean
}

const byMrn = (m: string) => BLIND_PATIENTS.find((p) => p.mrn === m)!

function planDocuments(r: Rand, look: Look, index: number): Planned[] {
  const ps = r.shuffle(BLIND_PATIENTS).slice(0, look === 'scan' ? 3 : r.int(3, 4))
  let alike: [BlindPatient, BlindPatient] | null = null
  if (r.chance(0.6)) {
    const [a, b] = r.pick(LOOK_ALIKES)
    alike = [byMrn(a), byMrn(b)]
    for (const x of alike) if (!ps.includes(x)) ps.push(x)
  }
  const docs: Planned[] = []
  const longPages = look === 'text' || index % 2 === 0 ? r.int(6, look === 'text' ? 10 : 8) : r.int(3, 4)
  docs.push({ writer: 'dischargeLong', patient: r.pick(ps), opts: { pages: longPages }, long: true })
  const singles = look === 'scan' ? r.int(2, 3) : r.int(3, 5)
  for (let i = 0; i < singles; i++) docs.push({ writer: r.pick(SINGLE), patient: r.pick(ps), opts: {} })
  if (r.chance(0.5)) {
    // Someone with no chart here; a namesake of a charted person when the stack has one.
    const similar = NOT_IN_INDEX.filter((n) => ps.some((q) => q.family === n.family))
    const who = similar.length && r.chance(0.7) ? r.pick(similar) : r.pick(NOT_IN_INDEX)
    docs.push({ writer: r.pick(SINGLE), patient: who, opts: {} })
  }
  let out = r.shuffle(docs)
  // Look-alikes next to each other at least once.
  if (alike) {
    const at = out.findIndex((d) => d.patient === alike![0])
    const doc: Planned = { writer: r.pick(SINGLE), patient: alike[1], opts: {} }
    if (at >= 0) out.splice(at + 1, 0, doc)
    else out.push({ writer: r.pick(SINGLE), patient: alike[0], opts: {} }, doc)
  }
  // A no-chart person next to the charted namesake.
  const stranger = out.findIndex((d) => !d.patient.indexed)
  if (stranger >= 0) {
    const s = out[stranger]!
    const mate = out.findIndex((d) => d.patient.indexed && d.patient.family === s.patient.family)
    if (mate >= 0 && Math.abs(mate - stranger) > 1) {
      out.splice(stranger, 1)
      const m = out.findIndex((d) => d.patient.indexed && d.patient.family === s.patient.family)
      out.splice(m + 1, 0, s)
    }
  }
  // The hard pair: one person, one type, back to back.
  if (r.chance(0.85)) {
    const heading = r.chance(0.4)
    const w = heading ? r.pick(HEADING_PAIR) : r.pick(DATED_PAIR)
    const p = r.pick(ps)
    const d = serviceDate(r)
    const accession = w === 'labCumulative' ? `PR${d.slice(2, 4)}-${r.int(100000, 999999)}` : undefined
    const first = r.int(0, 1) * 2
    const pair: Planned[] = heading
      ? [0, 1].map((v, i) => ({
          writer: w,
          patient: p,
          opts: { date: d, variant: w === 'labCumulative' ? first + v : v, ...(accession ? { accession } : {}) },
          pair: (i + 1) as 1 | 2,
          heading: true,
        }))
      : [
          { writer: w, patient: p, opts: { date: d }, pair: 1 },
          { writer: w, patient: p, opts: { date: addDays(d, r.int(5, 90)) }, pair: 2 },
        ]
    const at = r.int(1, out.length)
    out = [...out.slice(0, at), ...pair, ...out.slice(at)]
  }
  return out
}

const similarName = (a: BlindPatient, b: BlindPatient) => a.family === b.family || a.given.split(' ')[0] === b.given.split(' ')[0]

function kindOf(prev: BlindDoc, cur: BlindDoc, planned: Planned, sep: boolean, blank: boolean, cover: boolean): BlindKind {
  if (sep) return 'separator'
  if (blank) return 'after-blank'
  if (cover) return 'fax-cover'
  if (!cur.patient.indexed || !prev.patient.indexed) {
    if (!cur.patient.indexed) return 'not-in-index'
  }
  if (prev.patient === cur.patient) {
    if (prev.type === cur.type) return planned.heading ? 'same-patient-same-type-heading-only' : 'same-patient-same-type'
    return 'same-patient'
  }
  if (prev.patient.family === cur.patient.family && prev.patient.given === cur.patient.given) return 'same-name-other-person'
  if (similarName(prev.patient, cur.patient)) return 'similar-name-other-person'
  return 'other-patient'
}

const FAX_IDS: [string, string][] = [
  ['ST BRIGID HIM', '5550163090'],
  ['LAKESHORE REHAB', '5550142231'],
  ['SUMMIT IMAGING', '5550182077'],
  ['MERCY PT ROI', '5550165512'],
]
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function planStack(seed: string, index: number, look: Look): BlindPlan {
  const r = rand(`${seed}:${look}:${index}`)
  const planned = planDocuments(r, look, index)
  const docs: BlindDoc[] = planned.map((d) => WRITERS[d.writer](d.patient, r, d.opts))
  const scanLook: ScanLook | null = look === 'scan' ? (['fax-fine', 'copier', 'fax-standard', 'flatbed-grey'] as const)[index % 4]! : null
  const faxBanner: FaxStyle =
    scanLook?.startsWith('fax') || (look === 'text' && r.chance(0.45)) || (look === 'scan' && r.chance(0.3))
      ? r.pick(['top', 'foot', 'top-and-foot'] as const)
      : 'none'
  const free = (i: number) => i > 0 && planned[i]!.pair !== 2
  const pickIndex = (ok: (i: number) => boolean) => {
    const c = docs.map((_, i) => i).filter(ok)
    return c.length ? r.pick(c) : -1
  }
  const sepBefore = r.chance(0.35) ? pickIndex(free) : -1
  const coverBefore = r.chance(0.4) ? pickIndex((i) => planned[i]!.pair !== 2 && i !== sepBefore) : -1
  let blankBefore = -1
  let blankInside = -1
  if (r.chance(look === 'scan' ? 0.5 : 0.15)) {
    const longAt = planned.findIndex((d) => d.long)
    if (r.chance(0.4) && docs[longAt]!.pages.length >= 4) blankInside = longAt
    else blankBefore = pickIndex((i) => free(i) && i !== sepBefore && i !== coverBefore)
  }

  const roles: PageRole[] = []
  const parts: BlindPart[] = []
  const htmlPages: { body: string; cls: string }[] = []
  const separatorPages: number[] = []
  docs.forEach((doc, i) => {
    if (i === sepBefore) {
      roles.push({ kind: 'separator', upsideDown: r.chance(0.25) })
      separatorPages.push(roles.length)
    }
    if (i === blankBefore) {
      roles.push({ kind: 'blank' })
      htmlPages.push({ body: '', cls: 'blank' })
    }
    const from = roles.length + 1
    if (i === coverBefore) {
      roles.push({ kind: 'document', part: i })
      htmlPages.push({ body: faxCover(doc, r), cls: 'cover' })
    }
    doc.pages.forEach((body, k) => {
      roles.push({ kind: 'document', part: i })
      htmlPages.push({ body, cls: doc.cls })
      if (i === blankInside && k === 1) {
        roles.push({ kind: 'blank' })
        htmlPages.push({ body: '', cls: 'blank' })
      }
    })
    parts.push({
      from,
      to: roles.length,
      type: doc.type,
      sender: doc.sender,
      patient: { mrn: doc.patient.mrn },
      numbered: doc.numbered,
      ...(i > 0 ? { boundary: kindOf(docs[i - 1]!, doc, planned[i]!, i === sepBefore, i === blankBefore, i === coverBefore) } : {}),
      ...(i === coverBefore ? { cover: true } : {}),
      ...(planned[i]!.long ? { long: true } : {}),
    })
  })
  const total = roles.length
  const [faxName, faxNo] = r.pick(FAX_IDS)
  const d = serviceDate(r)
  const [yy, mm, dd] = d.split('-')
  const hh = r.int(8, 17)
  const mi = String(r.int(0, 59)).padStart(2, '0')
  const t3 = String(total).padStart(3, '0')
  const top = (n: number) =>
    `${mm}/${dd}/${yy} ${String(hh).padStart(2, '0')}:${mi} FAX ${faxNo}        ${faxName.padEnd(20)}          @${String(n).padStart(3, '0')}/${t3}`
  const foot = (n: number) =>
    `Received ${MON[Number(mm) - 1]} ${Number(dd)} ${yy} ${hh > 12 ? hh - 12 : hh}:${mi}${hh >= 12 ? 'PM' : 'AM'} via RightFax   From: ${faxNo}   To: 5550104477   Pg ${n} / ${total}`
  let h = 0
  const pagesHtml: string[] = []
  for (let n = 1; n <= total; n++) {
    const role = roles[n - 1]!
    if (role.kind === 'separator') continue
    const pg = htmlPages[h++]!
    const banners =
      role.kind === 'blank'
        ? ''
        : (faxBanner === 'top' || faxBanner === 'top-and-foot' ? `<div class="fax-top">${top(n)}</div>` : '') +
          (faxBanner === 'foot' || faxBanner === 'top-and-foot' ? `<div class="fax-foot">${foot(n)}</div>` : '')
    pagesHtml.push(`<div class="page ${pg.cls}">${banners}${pg.body}</div>`)
  }
  const batch = `blind-${look}-${String(index + 1).padStart(2, '0')}`
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${pagesHtml.join('\n')}</body></html>`
  return {
    truth: { batch, file: `${batch}.pdf`, seed, look, scanLook, faxBanner, pages: total, parts, roles },
    html,
    separatorPages,
  }
}
