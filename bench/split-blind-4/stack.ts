/**
 * Plans one stack of the fourth blind set: which documents, for whom, in what order, what lies
 * between them (separator sheets, blank backs of sheets, fax cover sheets), the fax banner the
 * pages carry, and the answer key. Four ways a stack reaches the desk: a clerk's pile of mail,
 * a hospital records department faxing several patients' records at once, a fax server's inbox
 * merged into one file, and the reply to a records request (one or two people, many documents,
 * same-type documents back to back). Deterministic for a seed.
 */
import type { DocumentType } from '../../src/model/types.js'
import type { PageRole } from '../split-unseen/stack.js'
import { rand, type Rand } from '../split-unseen/rand.js'
import { COVER_CSS, coverSheet, senderBanner, transmissionBanner, type CoverStyle, type FaxBanner4 } from './covers.js'
import { DIAG_CSS, EXAM_COUNT, halvorsenRadiology, kestrelPathology, meridianFlowsheet, meridianLab } from './diagnostics.js'
import { aldhelmDischarge, aldhelmEd, aldhelmHp, HOSPITAL_CSS, tamarackEd } from './hospital.js'
import { addDays, BASE_CSS, mdy, type Naming, type Sheet, type WriteCtx, type Written } from './kit.js'
import { cedarReferral, ironwoodOperative, LETTER_CSS, ponderosaConsult, quickcareVisit } from './letters.js'
import { LIST_CSS, pharmacyProfile, registryImmunizations, willowbrookMeds } from './lists.js'
import { keyName, NO_CHART, PEOPLE, type Person } from './people.js'

export type Look = 'text' | 'scan'
export type ScanLook4 = 'copier' | 'fax-standard' | 'fax-fine' | 'flatbed-grey'
export type Scenario = 'mail' | 'hospital-fax' | 'efax-inbox' | 'records-reply'

/** How a part's person and document stand to the part before it. */
export type Relation =
  | 'same-person-same-type-same-day'
  | 'same-person-same-type-other-day'
  | 'same-person-same-type-other-sender'
  | 'same-person-other-type'
  | 'namesake'
  | 'household'
  | 'no-chart'
  | 'other-person'
/** What sets a boundary apart, most telling first. */
export type Boundary4 = 'separator' | 'blank-page' | 'fax-cover' | Relation
export const BOUNDARIES: readonly Boundary4[] = [
  'separator',
  'blank-page',
  'fax-cover',
  'same-person-same-type-same-day',
  'same-person-same-type-other-day',
  'same-person-same-type-other-sender',
  'same-person-other-type',
  'namesake',
  'household',
  'no-chart',
  'other-person',
]

export interface Part4 {
  from: number
  to: number
  type: DocumentType
  sender: string
  writer: string
  title: string
  date: string
  patient: { mrn: string }
  /** "Given M. Family, born YYYY-MM-DD" */
  person: string
  /** How each page of the part names its person (the cover sheet first when there is one). */
  naming: Naming[]
  numbered: boolean
  runningTitle: boolean
  /** Four document pages or more (a cover sheet not counted). */
  long: boolean
  landscape: boolean
  cover: CoverStyle | null
  relation?: Relation
  boundary?: Boundary4
}

export interface Truth4 {
  set: 'split-blind-4'
  batch: string
  file: string
  scenario: Scenario
  look: Look
  scanLook: ScanLook4 | null
  faxBanner: FaxBanner4
  pages: number
  parts: Part4[]
  roles: PageRole[]
}

export interface Plan4 {
  truth: Truth4
  html: string
  separatorPages: number[]
}

type WriterFn = (c: WriteCtx & { exam?: number; pages?: number }) => Written
export const WRITERS: Record<string, WriterFn> = {
  'aldhelm-discharge': aldhelmDischarge,
  'aldhelm-ed': aldhelmEd,
  'aldhelm-hp': aldhelmHp,
  'tamarack-ed': tamarackEd,
  'halvorsen-radiology': halvorsenRadiology,
  'meridian-lab': meridianLab,
  'meridian-flowsheet': meridianFlowsheet,
  'kestrel-pathology': kestrelPathology,
  'ponderosa-consult': ponderosaConsult,
  'cedar-referral': cedarReferral,
  'ironwood-operative': ironwoodOperative,
  'quickcare-visit': quickcareVisit,
  'willowbrook-meds': willowbrookMeds,
  'registry-immunizations': registryImmunizations,
  'pharmacy-profile': pharmacyProfile,
}
type WriterId = keyof typeof WRITERS

/** Same-type pairs from two senders. */
const SAME_TYPE_OTHER_SENDER: [WriterId, WriterId][] = [
  ['aldhelm-ed', 'tamarack-ed'],
  ['tamarack-ed', 'aldhelm-ed'],
  ['meridian-lab', 'kestrel-pathology'],
  ['kestrel-pathology', 'meridian-lab'],
  ['willowbrook-meds', 'pharmacy-profile'],
  ['pharmacy-profile', 'willowbrook-meds'],
]
/** Writers that can write two documents for one person on one day (two exams, two specimens, two panels). */
const SAME_DAY_TWICE: WriterId[] = ['halvorsen-radiology', 'meridian-lab', 'kestrel-pathology']
/** Writers seen twice for one person on different days. */
const OTHER_DAY_TWICE: WriterId[] = [
  'meridian-lab',
  'ponderosa-consult',
  'aldhelm-ed',
  'quickcare-visit',
  'halvorsen-radiology',
  'meridian-flowsheet',
]

const HOSPITAL_WRITERS: WriterId[] = [
  'aldhelm-discharge',
  'aldhelm-ed',
  'aldhelm-hp',
  'halvorsen-radiology',
  'kestrel-pathology',
  'meridian-lab',
]

const ALDHELM_HIM = { name: 'Saint Aldhelm Regional Medical Center', fax: '208-555-0600' }

const CSS = [BASE_CSS, HOSPITAL_CSS, DIAG_CSS, LETTER_CSS, LIST_CSS, COVER_CSS].join('\n')

const isNamesake = (a: Person, b: Person) => a !== b && a.family === b.family && a.given.slice(0, 4) === b.given.slice(0, 4)
const isHousehold = (a: Person, b: Person) => a !== b && !!a.household && a.household === b.household

export function relationOf(a: { person: Person; type: DocumentType; writer: string; date: string }, b: typeof a): Relation {
  if (a.person === b.person) {
    if (a.type !== b.type) return 'same-person-other-type'
    if (a.writer !== b.writer) return 'same-person-same-type-other-sender'
    return a.date === b.date ? 'same-person-same-type-same-day' : 'same-person-same-type-other-day'
  }
  if (isNamesake(a.person, b.person)) return 'namesake'
  if (isHousehold(a.person, b.person)) return 'household'
  if (!a.person.mrn || !b.person.mrn) return 'no-chart'
  return 'other-person'
}

interface Planned {
  person: Person
  writer: WriterId
  date: string
  exam?: number
  pages?: number
}

/** The relation the next document should have to the one before, by scenario. */
function nextRelation(r: Rand, s: Scenario): Relation {
  const w: [Relation, number][] =
    s === 'records-reply'
      ? [
          ['same-person-other-type', 4],
          ['same-person-same-type-same-day', 2],
          ['same-person-same-type-other-day', 2],
          ['same-person-same-type-other-sender', 1],
          ['other-person', 1],
        ]
      : [
          ['other-person', 4],
          ['namesake', 2.5],
          ['household', 2],
          ['no-chart', 1],
          ['same-person-other-type', 1],
          ['same-person-same-type-same-day', 1],
          ['same-person-same-type-other-day', 0.8],
          ['same-person-same-type-other-sender', 0.6],
        ]
  let x = r.next() * w.reduce((a, [, n]) => a + n, 0)
  for (const [k, n] of w) if ((x -= n) < 0) return k
  return 'other-person'
}

function personFor(r: Rand, rel: Relation, prev: Person | null, avoid: Set<Person>): Person {
  const others = PEOPLE.filter((p) => p !== prev)
  if (prev && rel.startsWith('same-person')) return prev
  if (prev && rel === 'namesake') {
    const xs = others.filter((p) => isNamesake(prev, p))
    if (xs.length) return r.pick(xs)
  }
  if (prev && rel === 'household') {
    const xs = others.filter((p) => isHousehold(prev, p))
    if (xs.length) return r.pick(xs)
  }
  if (rel === 'no-chart') {
    const xs = others.filter((p) => (prev?.mrn ? !p.mrn : !!p.mrn) && !(prev && (isNamesake(prev, p) || isHousehold(prev, p))))
    if (xs.length) return r.pick(xs)
  }
  const xs = others.filter((p) => p.mrn && !avoid.has(p) && !(prev && (isNamesake(prev, p) || isHousehold(prev, p) || !prev.mrn)))
  return r.pick(xs.length ? xs : others.filter((p) => p.mrn))
}

function writerFor(r: Rand, rel: Relation, prev: Planned | null, pool: WriterId[]): { writer: WriterId; sameDay?: boolean } {
  if (prev && rel === 'same-person-same-type-same-day') {
    if (SAME_DAY_TWICE.includes(prev.writer)) return { writer: prev.writer, sameDay: true }
    return { writer: r.pick(SAME_DAY_TWICE), sameDay: false }
  }
  if (prev && rel === 'same-person-same-type-other-day') {
    if (OTHER_DAY_TWICE.includes(prev.writer)) return { writer: prev.writer }
    return { writer: r.pick(OTHER_DAY_TWICE) }
  }
  if (prev && rel === 'same-person-same-type-other-sender') {
    const pair = SAME_TYPE_OTHER_SENDER.find(([a]) => a === prev.writer)
    if (pair) return { writer: pair[1] }
    return { writer: r.pick(SAME_TYPE_OTHER_SENDER)[0] }
  }
  const xs = prev ? pool.filter((w) => w !== prev.writer) : pool
  return { writer: r.pick(xs) }
}

const SCENARIOS: Record<Look, [Scenario, ScanLook4 | null][]> = {
  text: [
    ['mail', null],
    ['hospital-fax', null],
    ['efax-inbox', null],
    ['records-reply', null],
    ['mail', null],
    ['efax-inbox', null],
    ['records-reply', null],
    ['hospital-fax', null],
  ],
  scan: [
    ['mail', 'copier'],
    ['hospital-fax', 'fax-fine'],
    ['records-reply', 'flatbed-grey'],
    ['efax-inbox', 'fax-standard'],
    ['mail', 'copier'],
    ['records-reply', 'fax-fine'],
  ],
}

interface Built {
  w: Written
  person: Person
  cover: CoverStyle | null
  coverNaming: Naming | null
  relation?: Relation
  /** The same person and writer as the document before: two such documents usually travel together. */
  twin: boolean
}

export function planStack(seed: string, index: number, look: Look): Plan4 {
  const r = rand(`${seed}:blind4:${look}:${index}`)
  const [scenario, scanLook] = SCENARIOS[look][index % SCENARIOS[look].length]!
  const faxed = scenario === 'hospital-fax' || scenario === 'efax-inbox' || (scenario === 'records-reply' && scanLook?.startsWith('fax'))
  const faxBanner: FaxBanner4 = !faxed ? 'none' : scenario === 'efax-inbox' ? 'per-document' : 'transmission'
  const base = addDays('2026-11-20', r.int(0, 12))
  const pool: WriterId[] = scenario === 'hospital-fax' ? HOSPITAL_WRITERS : (Object.keys(WRITERS) as WriterId[])
  const target = r.int(11, 18)

  // The documents, one after another, each standing to the one before in a chosen relation.
  const built: Built[] = []
  let pages = 0
  let prev: Planned | null = null
  const used = new Set<Person>()
  const replyPeople = scenario === 'records-reply' ? [r.pick(PEOPLE.filter((p) => p.mrn))] : []
  let examsUsed: number[] = []
  for (let guard = 0; guard < 40 && (pages < target || built.length < 4); guard++) {
    let rel: Relation = prev ? nextRelation(r, scenario) : 'other-person'
    if (scenario === 'hospital-fax' && rel === 'same-person-same-type-other-sender') rel = 'same-person-other-type'
    const person = !prev && replyPeople.length ? replyPeople[0]! : personFor(r, rel, prev?.person ?? null, used)
    let { writer, sameDay } = writerFor(r, rel, prev, pool)
    if (scenario === 'hospital-fax' && !HOSPITAL_WRITERS.includes(writer)) writer = r.pick(HOSPITAL_WRITERS)
    const date = sameDay && prev ? prev.date : addDays(base, -r.int(1, 75))
    const planned: Planned = { person, writer, date }
    if (writer === 'halvorsen-radiology') {
      const left = Array.from({ length: EXAM_COUNT }, (_, i) => i).filter((i) => !(sameDay && examsUsed.includes(i)))
      planned.exam = r.pick(left)
      examsUsed = sameDay ? [...examsUsed, planned.exam] : [planned.exam]
    }
    if (writer === 'meridian-lab') planned.pages = r.chance(0.25) ? 4 : r.int(1, 3)
    const w = WRITERS[writer]!({ r, p: person, date, exam: planned.exam, pages: planned.pages })
    // A cover sheet before the document: always on the fax server's inbox but now and then, sometimes in other stacks.
    const twin = prev !== null && prev.person === person && WRITERS[writer] === WRITERS[prev.writer]
    const coverP =
      (scenario === 'efax-inbox' ? 0.6 : scenario === 'hospital-fax' ? 0.25 : scenario === 'mail' ? 0.15 : 0.1) * (twin ? 0.3 : 1)
    const cover: CoverStyle | null = r.chance(coverP)
      ? scenario === 'hospital-fax'
        ? 'him'
        : r.pick(['him', 'office', 'efax'] as const)
      : null
    const coverNaming: Naming | null = cover ? r.pick(['full', 'name', 'none'] as const) : null
    const size = w.sheets.length + (cover ? 1 : 0)
    if (pages + size > 21 && built.length >= 4) break
    const actual = prev ? relationOf({ ...prev, type: built.at(-1)!.w.type }, { person, type: w.type, writer, date }) : undefined
    built.push({ w, person, cover, coverNaming, relation: actual, twin })
    used.add(person)
    pages += size
    prev = planned
  }

  // Separator sheets and blank backs between documents (not in fax transmissions).
  let room = 25 - pages
  const between: ('separator' | 'separator-upside-down' | 'blank' | null)[] = built.map((b, i) => {
    if (i === 0 || faxBanner !== 'none' || room <= 0) return null
    const x = r.next()
    const sepP = (scenario === 'records-reply' ? 0.3 : 0.2) * (b.twin ? 0.3 : 1)
    const gap =
      x < sepP
        ? r.chance(0.25)
          ? 'separator-upside-down'
          : 'separator'
        : x < sepP + 0.2 && built[i - 1]!.w.sheets.length % 2 === 1
          ? 'blank'
          : null
    if (gap) room--
    return gap
  })

  const roles: PageRole[] = []
  const parts: Part4[] = []
  const sheets: string[] = []
  const separatorPages: number[] = []
  const time = () => `${String(r.int(7, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
  const transmissionFrom = scenario === 'hospital-fax' ? '2085550600' : r.pick(['2085550744', '2085550600', '2085550820'])
  const txTime = time()
  // Total pages first, for a banner numbering the whole transmission.
  const total = built.reduce((n, b, i) => n + b.w.sheets.length + (b.cover ? 1 : 0) + (between[i] ? 1 : 0), 0)
  built.forEach((b, i) => {
    const gap = between[i]
    if (gap === 'blank') {
      roles.push({ kind: 'blank' })
      sheets.push('<section class="sheet"></section>')
    } else if (gap) {
      roles.push({ kind: 'separator', upsideDown: gap === 'separator-upside-down' })
      separatorPages.push(roles.length)
    }
    const own: Sheet[] = [
      ...(b.cover
        ? [
            coverSheet({
              style: b.cover,
              naming: b.coverNaming!,
              from: scenario === 'hospital-fax' ? ALDHELM_HIM : { name: b.w.sender, fax: b.w.fax },
              p: b.person,
              date: addDays(b.w.date, r.int(1, 6)),
              pages: b.w.sheets.length + 1,
              r,
            }),
          ]
        : []),
      ...b.w.sheets,
    ]
    const from = roles.length + 1
    const docTime = time()
    own.forEach((s, k) => {
      roles.push({ kind: 'document', part: i })
      const banner =
        faxBanner === 'transmission'
          ? transmissionBanner({ from: transmissionFrom, date: mdy(base), time: txTime, page: roles.length, of: total })
          : faxBanner === 'per-document'
            ? senderBanner({ name: b.w.sender, fax: b.w.fax, date: mdy(addDays(b.w.date, 2)), time: docTime, page: k + 1, of: own.length })
            : ''
      if (s.landscape && look === 'scan') sheets.push(`<section class="sheet">${banner}<div class="turn">${s.html}</div></section>`)
      else if (s.landscape) sheets.push(`<section class="sheet wide">${banner}${s.html}</section>`)
      else sheets.push(`<section class="sheet">${banner}${s.html}</section>`)
    })
    const docPages = b.w.sheets.length
    const part: Part4 = {
      from,
      to: roles.length,
      type: b.w.type,
      sender: b.w.sender,
      writer: b.w.writer,
      title: b.w.title,
      date: b.w.date,
      patient: { mrn: b.person.mrn ?? NO_CHART },
      person: keyName(b.person),
      naming: own.map((s) => s.naming),
      numbered: b.w.numbered,
      runningTitle: b.w.runningTitle,
      long: docPages >= 4,
      landscape: b.w.sheets.some((s) => s.landscape),
      cover: b.cover,
    }
    if (i > 0) {
      part.relation = b.relation!
      part.boundary = gap === 'blank' ? 'blank-page' : gap ? 'separator' : b.cover ? 'fax-cover' : b.relation!
    }
    parts.push(part)
  })
  const file = `blind4-${look}-${String(index + 1).padStart(2, '0')}.pdf`
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>\n${sheets.join('\n')}\n</body></html>`
  return {
    truth: {
      set: 'split-blind-4',
      batch: file.replace(/\.pdf$/, ''),
      file,
      scenario,
      look,
      scanLook,
      faxBanner,
      pages: roles.length,
      parts,
      roles,
    },
    html,
    separatorPages,
  }
}
