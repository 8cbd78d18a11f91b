/**
 * One stack of the third blind split set and its truth: documents of this set's senders for a
 * mix of people (charted, namesakes, people with no chart), laid out as a clerk's feeder or a
 * fax server would deliver them, with the hard cases drawn on purpose: a long document that
 * must stay whole, two documents of one type for one person back to back (same day or another
 * day), namesakes next to each other, separator sheets, blank backs of sheets, fax cover
 * sheets (the first page of the document they announce), landscape lab flowsheets turned on the
 * portrait sheet, fax banners counting a whole transmission or restarting per transmission. Seeded: the same seed gives the same stack.
 */
import { rand, type Rand } from '../split-unseen/rand.js'
import type { Look, ScanLook } from '../split-unseen/stack.js'
import { addDays, CSS, faxBannerHtml, serviceDate, type Doc, type DocType, type Writer } from './common.js'
import { COVER_STYLES, coverPage, type CoverStyle } from './cover.js'
import { cbHp, cbOperative, phAdmitNotice, phDischarge, phEdRecord, phPathology, phRadiology, tfColonoscopy } from './docs-hospital.js'
import { vaConsult, vaDischarge, vaImaging, vaProgress } from './docs-va.js'
import {
  auDischargeReferral,
  auGpReferral,
  auPathologyCumulative,
  auSpecialistLetter,
  lkEdRecord,
  lkImmunization,
  lkRheumLetter,
} from './docs-abroad.js'
import { crPlan, crSession, dxAnnualHp, dxConsent, dxMonthly, slPsg, wcDebridement, wcVisit } from './docs-clinics.js'
import { echoReport, gbCumulative, gbMicro, roiForm, tribalReferral } from './docs-labs-forms.js'
import { swFlowsheet } from './docs-landscape.js'
import { INDEXED, NOT_INDEXED, PEOPLE, samePerson, type Person } from './patients.js'

export type { Look, ScanLook }

export const WRITERS = {
  phDischarge,
  phEdRecord,
  phRadiology,
  phPathology,
  phAdmitNotice,
  cbOperative,
  cbHp,
  tfColonoscopy,
  vaProgress,
  vaConsult,
  vaImaging,
  vaDischarge,
  lkRheumLetter,
  lkImmunization,
  lkEdRecord,
  auSpecialistLetter,
  auGpReferral,
  auDischargeReferral,
  auPathologyCumulative,
  dxMonthly,
  dxConsent,
  dxAnnualHp,
  wcVisit,
  wcDebridement,
  slPsg,
  crSession,
  crPlan,
  gbCumulative,
  gbMicro,
  roiForm,
  tribalReferral,
  echoReport,
  swFlowsheet,
} satisfies Record<string, Writer>
export type WriterName = keyof typeof WRITERS

/** Writers whose documents can run to four pages or more. */
const LONG: WriterName[] = ['phDischarge', 'cbOperative', 'vaDischarge', 'gbCumulative', 'auDischargeReferral']
/** Writers a sender sends twice for one person on one day, a new heading the only sign. */
const SAME_DAY: WriterName[] = ['phRadiology', 'gbMicro', 'vaProgress', 'vaImaging', 'swFlowsheet']
/** Writers a sender sends for one person on different days, in one envelope. */
const OTHER_DATE: WriterName[] = [
  'wcVisit',
  'crSession',
  'dxMonthly',
  'vaProgress',
  'phRadiology',
  'gbMicro',
  'phEdRecord',
  'echoReport',
  'swFlowsheet',
]
const ALL = Object.keys(WRITERS) as WriterName[]

/**
 * What the truth says about a boundary (the cut before a part's first page), most telling
 * first: a separator sheet or a blank page lies before it, the part opens with a fax cover
 * sheet, or else how its person and type differ from the part before.
 */
export type Kind3 =
  | 'separator'
  | 'blank-page'
  | 'fax-cover'
  | 'namesake'
  | 'not-in-index'
  | 'other-patient'
  | 'same-patient-other-type'
  | 'same-patient-same-type-other-sender'
  | 'same-patient-same-type-other-date'
  | 'same-patient-same-type-same-day'

/** How a part's person and type differ from the part before it, whatever lies between them. */
export type Relation = Exclude<Kind3, 'separator' | 'blank-page' | 'fax-cover'>

export const KINDS: readonly Kind3[] = [
  'separator',
  'blank-page',
  'fax-cover',
  'namesake',
  'not-in-index',
  'other-patient',
  'same-patient-other-type',
  'same-patient-same-type-other-sender',
  'same-patient-same-type-other-date',
  'same-patient-same-type-same-day',
]

export type FaxBanner3 = 'none' | 'whole-transmission' | 'per-transmission'

export interface Part3 {
  from: number
  to: number
  type: DocType
  sender: string
  writer: WriterName
  title: string
  patient: { mrn: string }
  /** Who the pages name (for reading the truth; made up). */
  person: string
  date: string
  /** The part opens with a fax cover sheet announcing it (this set's policy: the cover belongs to the part). */
  cover: CoverStyle | null
  /** Four pages or more, cover not counted. */
  long: boolean
  numbered: boolean
  runningTitle: boolean
  midSentence: boolean
  /** Printed landscape, its text turned a quarter on the sheet. */
  landscape: boolean
  boundary?: Kind3
  relation?: Relation
}

export type PageRole = { kind: 'document'; part: number } | { kind: 'separator'; upsideDown: boolean } | { kind: 'blank' }

export interface Truth3 {
  set: 'split-blind-3'
  seed: string
  batch: string
  file: string
  look: Look
  scanLook: ScanLook | null
  faxBanner: FaxBanner3
  pages: number
  parts: Part3[]
  roles: PageRole[]
}

export interface Plan3 {
  truth: Truth3
  html: string
  separatorPages: number[]
}

interface Item {
  doc: Doc
  writer: WriterName
  person: Person
  cover: CoverStyle | null
  /** What lies before the item: nothing, a separator sheet or a blank page. */
  before: 'none' | 'separator' | 'blank'
  /** Kept next to the item before it without anything between (the hard pairs). */
  glued: boolean
}

const namesakes = (a: Person, b: Person) =>
  !samePerson(a, b) &&
  ((a.lookAlike != null && a.lookAlike === b.lookAlike) || a.family.replace(/[- ]/g, '') === b.family.replace(/[- ]/g, ''))

export function relationOf(prev: { person: Person; doc: Doc }, cur: { person: Person; doc: Doc }): Relation {
  const pa = prev.person
  const pb = cur.person
  if (!samePerson(pa, pb)) {
    if (namesakes(pa, pb)) return 'namesake'
    if (!pb.indexed || !pa.indexed) return 'not-in-index'
    return 'other-patient'
  }
  const da = prev.doc
  const db = cur.doc
  if (da.type !== db.type) return 'same-patient-other-type'
  if (da.sender !== db.sender) return 'same-patient-same-type-other-sender'
  return da.date === db.date ? 'same-patient-same-type-same-day' : 'same-patient-same-type-other-date'
}

function pickPeople(r: Rand): Person[] {
  const out: Person[] = []
  if (r.chance(0.65)) {
    const group = r.pick(['okonkwo', 'featherstone', 'macphail', 'villanueva'])
    out.push(...r.shuffle(PEOPLE.filter((x) => x.lookAlike === group)).slice(0, 2))
  }
  for (const x of r.shuffle(INDEXED)) if (out.length < r.int(3, 4) && !out.includes(x)) out.push(x)
  if (r.chance(0.4)) {
    const x = r.pick(NOT_INDEXED)
    if (!out.includes(x)) out.push(x)
  }
  return out
}

export function planStack(seed: string, index: number, look: Look): Plan3 {
  const r = rand(`${seed}:${look}:${index}`)
  const fax = r.chance(0.4)
  const faxBanner: FaxBanner3 = fax ? (r.chance(0.5) ? 'whole-transmission' : 'per-transmission') : 'none'
  const bannerBottom = r.chance(0.3)
  const scanLook: ScanLook | null =
    look === 'scan' ? (fax ? r.pick(['fax-standard', 'fax-fine'] as const) : r.pick(['copier', 'flatbed-grey'] as const)) : null
  const target = r.int(8, 25)
  const people = pickPeople(r)
  const baseDate = new Map(people.map((x) => [x, serviceDate(r)] as const))
  const dateFor = (x: Person) => addDays(baseDate.get(x)!, -r.int(0, 40))
  const write = (w: WriterName, x: Person, date = dateFor(x), variant?: number) =>
    WRITERS[w](x, rand(`${seed}:${look}:${index}:${w}:${r.int(0, 1e9)}`), { date, ...(variant == null ? {} : { variant }) })
  const item = (w: WriterName, x: Person, glued = false, date?: string, variant?: number): Item => ({
    doc: write(w, x, date, variant),
    writer: w,
    person: x,
    cover: null,
    before: 'none',
    glued,
  })

  // Blocks that stay together; the first item of each may get a cover, a separator or a blank before it.
  const blocks: Item[][] = []
  if (r.chance(0.85)) blocks.push([item(r.pick(LONG), r.pick(people))])
  {
    const sameDay = r.chance(0.5)
    const w = r.pick(sameDay ? SAME_DAY : OTHER_DATE)
    const x = r.pick(people)
    const d1 = dateFor(x)
    const d2 = sameDay ? d1 : addDays(d1, r.chance(0.5) ? r.int(5, 45) : -r.int(5, 45))
    // On one day the sender's two documents are of its two kinds (writers with one kind ignore it).
    const v = sameDay ? r.int(0, 1) : undefined
    blocks.push([item(w, x, false, d1, v), item(w, x, true, d2, v == null ? undefined : 1 - v)])
  }
  // A landscape flowsheet now and then, besides those drawn among the rest.
  if (r.chance(0.35)) blocks.push([item('swFlowsheet', r.pick(people))])
  const pair = people.filter((a) => people.some((b) => namesakes(a, b)))
  if (pair.length >= 2) {
    const [a, b] = r.shuffle(pair)
    blocks.push([item(r.pick(ALL), a!), item(r.pick(ALL), b!, true)])
  }
  const pagesOf = (bs: Item[][]) => bs.flat().reduce((n, it) => n + it.doc.pages.length, 0)
  // Covers, separators and blanks are drawn after; leave room for them.
  for (let tries = 0; pagesOf(blocks) < target - 2 && tries < 40; tries++) {
    const b = [item(r.pick(ALL), r.pick(people))]
    if (pagesOf(blocks) + b[0]!.doc.pages.length <= 21) blocks.push(b)
  }
  const items = r.shuffle(blocks).flat()
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!
    if (it.glued) continue
    if (r.chance(fax ? 0.5 : 0.15)) it.cover = r.pick(COVER_STYLES)
    if (i > 0 && !fax) it.before = r.chance(0.22) ? 'separator' : r.chance(0.14) ? 'blank' : 'none'
    else if (i > 0 && fax && r.chance(0.08)) it.before = 'blank'
  }
  // Keep within 25 pages: drop trailing unglued singles, then covers, separators and blanks.
  const count = () => items.reduce((n, it) => n + it.doc.pages.length + (it.cover ? 1 : 0) + (it.before === 'none' ? 0 : 1), 0)
  while (count() > 25) {
    const k = items.findLastIndex((it, i) => i > 0 && !it.glued && !(items[i + 1]?.glued ?? false))
    const withExtras = items.findLastIndex((it) => it.cover || it.before !== 'none')
    const strip = () => {
      const it = items[withExtras]!
      if (it.before !== 'none') it.before = 'none'
      else it.cover = null
    }
    if (count() - 25 <= 2 && withExtras >= 0) strip()
    else if (k > 0) items.splice(k, 1)
    else if (withExtras >= 0) strip()
    else items.pop()
  }
  while (count() < 8) items.push(item(r.pick(['phRadiology', 'gbMicro', 'crSession', 'lkImmunization']), r.pick(people)))

  const file = `${look}-${String(index + 1).padStart(2, '0')}.pdf`
  const batch = `split-blind-3/${seed}/${file}`
  const roles: PageRole[] = []
  const parts: Part3[] = []
  const html: string[] = []
  const separatorPages: number[] = []
  const total = count()
  const bannerAt = `${r.pick(['11/', '12/'])}${String(r.int(1, 28)).padStart(2, '0')}/2026 ${String(r.int(7, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
  const relayFrom = r.pick(['REGIONAL CARE COORD 406 555 0199', 'HIM DEPT RELAY', 'FAXGW-07'])
  const bannerStyle = r.chance(0.5) ? 'pslash' : 'pgof'
  let txPage = 0
  let txTotal = 0
  const docPage = (body: string, style: string, tx: { from: string }) => {
    txPage++
    const banner =
      faxBanner === 'none'
        ? ''
        : faxBannerHtml({
            at: bannerAt,
            from: tx.from,
            to: '4065550187',
            page: faxBanner === 'whole-transmission' ? roles.length : txPage,
            of: faxBanner === 'whole-transmission' ? total : txTotal,
            bottom: bannerBottom,
            style: bannerStyle,
          })
    html.push(`<div class="pg ${style}">${banner}${body}</div>`)
  }
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!
    if (it.before === 'separator') {
      roles.push({ kind: 'separator', upsideDown: r.chance(0.2) })
      separatorPages.push(roles.length)
    } else if (it.before === 'blank') {
      roles.push({ kind: 'blank' })
      html.push(`<div class="pg"></div>`)
    }
    const partNo = parts.length
    const from = roles.length + 1
    txPage = 0
    txTotal = it.doc.pages.length + (it.cover ? 1 : 0)
    const tx = { from: faxBanner === 'whole-transmission' ? relayFrom : `${it.doc.senderFax} ${it.doc.sender.toUpperCase().slice(0, 22)}` }
    if (it.cover) {
      roles.push({ kind: 'document', part: partNo })
      docPage(coverPage(it.doc, it.person, r, it.cover, addDays(it.doc.date, r.int(0, 3))), 'cv', tx)
    }
    for (const body of it.doc.pages) {
      roles.push({ kind: 'document', part: partNo })
      docPage(body, it.doc.style, tx)
    }
    const part: Part3 = {
      from,
      to: roles.length,
      type: it.doc.type,
      sender: it.doc.sender,
      writer: it.writer,
      title: it.doc.title,
      patient: { mrn: it.person.mrn },
      person: `${it.person.given} ${it.person.middle}. ${it.person.family}, born ${it.person.birthDate}`,
      date: it.doc.date,
      cover: it.cover,
      long: it.doc.pages.length >= 4,
      numbered: it.doc.numbered,
      runningTitle: it.doc.runningTitle,
      midSentence: it.doc.midSentence,
      landscape: it.doc.landscape ?? false,
    }
    if (i > 0) {
      part.relation = relationOf(items[i - 1]!, it)
      part.boundary =
        it.before === 'separator' ? 'separator' : it.before === 'blank' ? 'blank-page' : it.cover ? 'fax-cover' : part.relation
    }
    parts.push(part)
  }
  const truth: Truth3 = { set: 'split-blind-3', seed, batch, file, look, scanLook, faxBanner, pages: roles.length, parts, roles }
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${batch}</title><style>${CSS}</style></head><body>${html.join('\n')}</body></html>`
  return { truth, html: page, separatorPages }
}
