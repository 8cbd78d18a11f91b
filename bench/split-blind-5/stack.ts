/**
 * Plans one stack of the fifth blind set: which documents, for whom, in what order, what lies
 * between them (separator sheets from `chartclerk separator`, blank backs of sheets, fax cover
 * sheets), the fax banners the pages carry, and the answer key. Four ways a stack reaches the
 * desk: a critical-access hospital's records department faxing several patients' records in one
 * transmission, a copier pile of a day's mail (some of it faxes printed on arrival, still
 * bearing their banners), replies to records requests (a release letter, sometimes the signed
 * authorization, then one person's documents back to back, same-type documents of one day among
 * them), and a partner hospital's record system printing a batch of several patients'
 * documents under one letterhead. Every stack holds one long document that must stay whole.
 * Deterministic for a seed.
 */
import type { DocumentType } from '../../src/model/types.js'
import type { PageRole } from '../split-unseen/stack.js'
import { rand, type Rand } from '../split-unseen/rand.js'
import { COVER_CSS, coverSheet, documentBanner, transmissionBanner, type CoverStyle, type FaxBanner5 } from './covers.js'
import { HOSPITAL_CSS, kawarthaConsult, murrayDischarge, ridgelineClinic, ridgelineDischarge, ridgelineEd } from './hospitals.js'
import { addDays, BASE_CSS, clock, mdy, type Naming, type Sheet, type WriteCtx, type Written } from './kit.js'
import {
  continentalCumulative,
  continentalReport,
  EXAMS,
  LABS_CSS,
  prairieImaging,
  RELEASERS,
  releaseLetter,
  returnedAuthorization,
} from './labs.js'
import { keyName, NO_CHART, PEOPLE, type Person } from './people.js'
import { bluestemPlanOfCare, brightpathVisit, cedarHollowUpdate, coyoteRelease, SERVICES_CSS, tidewaterFlowsheet } from './services.js'

export type Look = 'text' | 'scan'
export type ScanLook5 = 'copier' | 'fax-standard' | 'fax-fine' | 'flatbed-grey'
export type Scenario = 'hospital-fax' | 'copier-day' | 'records-reply' | 'ehr-print'

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
export type Boundary5 = 'separator' | 'blank-page' | 'fax-cover' | Relation
export const BOUNDARIES: readonly Boundary5[] = [
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

export interface Part5 {
  from: number
  to: number
  type: DocumentType
  sender: string
  writer: string
  title: string
  date: string
  patient: { mrn: string }
  /** "Given M. Family Suffix, born YYYY-MM-DD" */
  person: string
  /** How each page of the part names its person (the cover sheet first when there is one). */
  naming: Naming[]
  numbered: boolean
  runningTitle: boolean
  /** Four document pages or more (a cover sheet not counted). */
  long: boolean
  landscape: boolean
  cover: CoverStyle | null
  /** Its pages carry the banner of the fax it came by (in a day's mail: a fax printed on arrival). */
  faxed: boolean
  relation?: Relation
  boundary?: Boundary5
}

export interface Truth5 {
  set: 'split-blind-5'
  batch: string
  file: string
  scenario: Scenario
  look: Look
  scanLook: ScanLook5 | null
  faxBanner: FaxBanner5
  pages: number
  parts: Part5[]
  roles: PageRole[]
}

export interface Plan5 {
  truth: Truth5
  html: string
  separatorPages: number[]
}

type Extra = { releaser?: number; enclosed?: number; requested?: string }
type WriterFn = (c: WriteCtx & Extra) => Written
export const WRITERS: Record<string, WriterFn> = {
  'ridgeline-discharge': ridgelineDischarge,
  'ridgeline-ed': ridgelineEd,
  'ridgeline-clinic': ridgelineClinic,
  'kawartha-consult': kawarthaConsult,
  'murray-discharge': murrayDischarge,
  'tidewater-flowsheet': tidewaterFlowsheet,
  'cedarhollow-update': cedarHollowUpdate,
  'coyote-release': coyoteRelease,
  'brightpath-visit': brightpathVisit,
  'bluestem-poc': bluestemPlanOfCare,
  'continental-report': continentalReport,
  'continental-cumulative': continentalCumulative,
  'prairie-imaging': prairieImaging,
  'release-letter': (c) => releaseLetter({ ...c, releaser: c.releaser ?? 0, enclosed: c.enclosed ?? 1, requested: c.requested ?? c.date }),
  'returned-authorization': (c) => returnedAuthorization({ ...c, releaser: c.releaser ?? 0 }),
}
type WriterId = keyof typeof WRITERS

/** Writers whose documents can run to four pages or more (the plan sets their length). */
const LONG_WRITERS: WriterId[] = ['ridgeline-discharge', 'continental-report', 'tidewater-flowsheet']
/** Writers that write two documents for one person on one day (two exams, two accessions, two complaints). */
const SAME_DAY_TWICE: WriterId[] = ['prairie-imaging', 'continental-report', 'brightpath-visit']
/** Same type from another sender. */
const SAME_TYPE_OTHER_SENDER: [WriterId, WriterId][] = [
  ['ridgeline-discharge', 'murray-discharge'],
  ['murray-discharge', 'ridgeline-discharge'],
  ['ridgeline-clinic', 'brightpath-visit'],
  ['brightpath-visit', 'cedarhollow-update'],
  ['cedarhollow-update', 'tidewater-flowsheet'],
  ['tidewater-flowsheet', 'ridgeline-clinic'],
]

const RIDGELINE_WRITERS: WriterId[] = ['ridgeline-discharge', 'ridgeline-ed', 'ridgeline-clinic']
const HOSPITAL_FAX_WRITERS: WriterId[] = [...RIDGELINE_WRITERS, 'prairie-imaging', 'continental-report', 'continental-cumulative']
const MAIL_WRITERS: WriterId[] = [
  'ridgeline-discharge',
  'ridgeline-ed',
  'kawartha-consult',
  'murray-discharge',
  'tidewater-flowsheet',
  'cedarhollow-update',
  'coyote-release',
  'brightpath-visit',
  'bluestem-poc',
  'continental-report',
  'continental-cumulative',
  'prairie-imaging',
]
/** What each records office sends back (RELEASERS order). */
const RELEASED: WriterId[][] = [
  ['ridgeline-discharge', 'ridgeline-ed', 'ridgeline-clinic', 'prairie-imaging', 'continental-report'],
  ['bluestem-poc', 'continental-report', 'ridgeline-discharge'],
  ['tidewater-flowsheet', 'continental-report', 'continental-cumulative'],
  ['coyote-release', 'continental-report', 'prairie-imaging'],
]

const COVER_OF: Record<string, CoverStyle> = {
  'Cedar Hollow Hospice & Palliative Care': 'hospice-form',
  'Oregon Department of Corrections — Health Services': 'doc-transmittal',
  'Ridgeline Valley Hospital': 'him-transmittal',
}

const CSS = [BASE_CSS, HOSPITAL_CSS, SERVICES_CSS, LABS_CSS, COVER_CSS].join('\n')

const NAMESAKES: [string, string][] = [
  ['vantongeren-sr', 'vantongeren-jr'],
  ['whitfeather-l', 'whitfeather-lo'],
]
export const isNamesake = (a: Person, b: Person) => NAMESAKES.some(([x, y]) => (a.id === x && b.id === y) || (a.id === y && b.id === x))
export const isHousehold = (a: Person, b: Person) => a !== b && !!a.household && a.household === b.household

export function relationOf(a: { person: Person; type: DocumentType; sender: string; date: string }, b: typeof a): Relation {
  if (a.person === b.person) {
    if (a.type !== b.type) return 'same-person-other-type'
    if (a.sender !== b.sender) return 'same-person-same-type-other-sender'
    return a.date === b.date ? 'same-person-same-type-same-day' : 'same-person-same-type-other-day'
  }
  if (isNamesake(a.person, b.person)) return 'namesake'
  if (isHousehold(a.person, b.person)) return 'household'
  if (!a.person.mrn || !b.person.mrn) return 'no-chart'
  return 'other-person'
}

function weighted<T>(r: Rand, w: [T, number][]): T {
  let x = r.next() * w.reduce((a, [, n]) => a + n, 0)
  for (const [k, n] of w) if ((x -= n) < 0) return k
  return w[0]![0]
}

/** The relation the next document should have to the one before, by scenario. */
function nextRelation(r: Rand, s: Scenario): Relation {
  if (s === 'records-reply')
    return weighted(r, [
      ['same-person-other-type', 4],
      ['same-person-same-type-same-day', 2.5],
      ['same-person-same-type-other-day', 2],
    ])
  if (s === 'ehr-print')
    return weighted(r, [
      ['other-person', 3],
      ['same-person-other-type', 2.5],
      ['same-person-same-type-other-day', 1.2],
      ['namesake', 1.5],
      ['household', 1.5],
      ['no-chart', 1],
    ])
  return weighted(r, [
    ['other-person', 4],
    ['namesake', 2],
    ['household', 3],
    ['no-chart', 1.2],
    ['same-person-other-type', 1],
    ['same-person-same-type-same-day', 1],
    ['same-person-same-type-other-day', 0.8],
    ['same-person-same-type-other-sender', 0.8],
  ])
}

function personFor(r: Rand, rel: Relation, prev: Person | null): Person {
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
  const near = (p: Person) => !!prev && (isNamesake(prev, p) || isHousehold(prev, p))
  if (rel === 'no-chart') {
    const xs = others.filter((p) => (prev?.mrn ? !p.mrn : !!p.mrn) && !near(p))
    if (xs.length) return r.pick(xs)
  }
  // People with a namesake or a household member come up twice as often, so the hard pairs meet.
  const paired = (p: Person) => PEOPLE.some((q) => isNamesake(p, q) || isHousehold(p, q))
  const xs = others.filter((p) => p.mrn && !near(p))
  return r.pick(xs.length ? [...xs, ...xs.filter(paired)] : others)
}

interface Planned {
  person: Person
  writer: WriterId
  date: string
  variant?: number
}

function writerFor(r: Rand, rel: Relation, prev: Planned | null, pool: WriterId[]): { writer: WriterId; sameDay: boolean } {
  if (prev && rel === 'same-person-same-type-same-day') {
    const xs = SAME_DAY_TWICE.filter((w) => pool.includes(w))
    if (SAME_DAY_TWICE.includes(prev.writer)) return { writer: prev.writer, sameDay: true }
    if (xs.length) return { writer: r.pick(xs), sameDay: false }
  }
  if (prev && rel === 'same-person-same-type-other-day') {
    if (pool.includes(prev.writer) && prev.writer !== 'release-letter' && prev.writer !== 'returned-authorization')
      return { writer: prev.writer, sameDay: false }
  }
  if (prev && rel === 'same-person-same-type-other-sender') {
    const pair = SAME_TYPE_OTHER_SENDER.find(([a, b]) => a === prev.writer && pool.includes(b))
    if (pair) return { writer: pair[1], sameDay: false }
  }
  const xs = prev ? pool.filter((w) => w !== prev.writer) : pool
  return { writer: r.pick(xs.length ? xs : pool), sameDay: false }
}

const SCENARIOS: Record<Look, [Scenario, ScanLook5 | null][]> = {
  text: [
    ['hospital-fax', null],
    ['copier-day', null],
    ['records-reply', null],
    ['ehr-print', null],
    ['copier-day', null],
    ['records-reply', null],
    ['hospital-fax', null],
    ['ehr-print', null],
  ],
  scan: [
    ['copier-day', 'copier'],
    ['hospital-fax', 'fax-standard'],
    ['records-reply', 'flatbed-grey'],
    ['hospital-fax', 'fax-fine'],
    ['copier-day', 'copier'],
    ['records-reply', 'fax-fine'],
  ],
}

interface Built {
  w: Written
  person: Person
  writer: WriterId
  cover: CoverStyle | null
  coverNaming: Naming | null
  faxed: boolean
  relation?: Relation
}

type Gap = 'separator' | 'separator-upside-down' | 'blank' | null

/** The documents of a stack, each in a chosen relation to the one before. */
function planDocuments(r: Rand, scenario: Scenario, base: string): Planned[] {
  const out: Planned[] = []
  const target = r.int(12, 19)
  let pages = 0
  const est = (w: WriterId) => (LONG_WRITERS.includes(w) ? 3 : w === 'tidewater-flowsheet' || w === 'bluestem-poc' ? 2.5 : 1.4)
  if (scenario === 'records-reply') {
    // One or two reply packets, each a release letter, sometimes the authorization, then one person's records.
    const packets = r.chance(0.5) ? 2 : 1
    let last: Person | null = null
    for (let k = 0; k < packets; k++) {
      const person: Person = r.pick(PEOPLE.filter((p) => p.mrn && p !== last && !(last && (isNamesake(last, p) || isHousehold(last, p)))))
      last = person
      const releaser = r.int(0, RELEASERS.length - 1)
      const pool = RELEASED[releaser]!
      const requested = addDays(base, -r.int(20, 45))
      out.push({ person, writer: 'release-letter', date: addDays(base, -r.int(1, 8)), variant: releaser * 1000 })
      if (r.chance(0.5)) out.push({ person, writer: 'returned-authorization', date: requested, variant: releaser })
      const n = packets === 2 ? r.int(3, 4) : r.int(5, 7)
      let prev: Planned | null = null
      let sameDayPair = false
      for (let i = 0; i < n; i++) {
        let rel: Relation = prev ? nextRelation(r, scenario) : 'same-person-other-type'
        if (prev && i === n - 1 && !sameDayPair) rel = 'same-person-same-type-same-day'
        const { writer, sameDay } = writerFor(r, rel, prev, pool)
        const date = sameDay && prev ? prev.date : addDays(base, -r.int(30, 400))
        const d: Planned = { person, writer, date }
        if (sameDay) sameDayPair = true
        out.push(d)
        prev = d
      }
    }
    return out
  }
  const pool = scenario === 'hospital-fax' ? HOSPITAL_FAX_WRITERS : scenario === 'ehr-print' ? RIDGELINE_WRITERS : MAIL_WRITERS
  let prev: Planned | null = null
  for (let guard = 0; guard < 40 && (pages < target || out.length < 5); guard++) {
    const rel: Relation = prev ? nextRelation(r, scenario) : 'other-person'
    const person = personFor(r, rel, prev?.person ?? null)
    const { writer, sameDay } = writerFor(r, rel, prev, pool)
    const date = sameDay && prev ? prev.date : addDays(base, -r.int(1, 60))
    const d: Planned = { person, writer, date }
    out.push(d)
    pages += est(writer)
    prev = d
    if (out.length >= 9) break
  }
  // One namesake or household pair back to back in every stack of several people.
  if (!out.some((d, i) => i > 0 && (isNamesake(out[i - 1]!.person, d.person) || isHousehold(out[i - 1]!.person, d.person)))) {
    const pairs = PEOPLE.flatMap((a) => PEOPLE.filter((b) => isNamesake(a, b) || isHousehold(a, b)).map((b) => [a, b] as const))
    const [a, b] = r.pick(pairs)
    const i = r.int(0, out.length - 2)
    out[i] = { ...out[i]!, person: a }
    out[i + 1] = { ...out[i + 1]!, person: b }
  }
  return out
}

export function planStack(seed: string, index: number, look: Look): Plan5 {
  const r = rand(`${seed}:blind5:${look}:${index}`)
  const [scenario, scanLook] = SCENARIOS[look][index % SCENARIOS[look].length]!
  const transmission = scenario === 'hospital-fax' || (scenario === 'records-reply' && !!scanLook?.startsWith('fax'))
  const faxBanner: FaxBanner5 = transmission ? 'transmission' : scenario === 'copier-day' ? 'some-documents' : 'none'
  const base = addDays('2026-11-16', r.int(0, 14))
  const planned = planDocuments(r, scenario, base)
  // The one long document: the first writer that can run long, else one put in the middle.
  const canRunLong = planned.flatMap((d, i) => (LONG_WRITERS.includes(d.writer) ? [i] : []))
  let longAt = canRunLong.length ? r.pick(canRunLong) : -1
  if (longAt < 0) {
    const open = planned.flatMap((d, i) => (d.writer === 'release-letter' || d.writer === 'returned-authorization' ? [] : [i]))
    longAt = open[Math.min(open.length - 1, r.int(1, 3))]!
    const at = planned[longAt]!
    const pool = scenario === 'ehr-print' ? ['ridgeline-discharge'] : LONG_WRITERS
    planned.splice(longAt, 1, { ...at, writer: r.pick(pool) })
  }

  // Variants keep two documents of one writer for one person on one day apart (two exams, two accessions).
  const built: Built[] = []
  let exams: number[] = []
  let prev: Planned | null = null
  planned.forEach((d, i) => {
    const sameDayTwin = prev !== null && prev.person === d.person && prev.writer === d.writer && prev.date === d.date
    if (!sameDayTwin) exams = []
    const count = d.writer === 'prairie-imaging' ? EXAMS.length : 5
    const left = Array.from({ length: count }, (_, k) => k).filter((k) => !exams.includes(k))
    const variant = d.writer === 'release-letter' || d.writer === 'returned-authorization' ? d.variant : r.pick(left)
    if (variant !== undefined && d.writer !== 'release-letter' && d.writer !== 'returned-authorization') exams.push(variant)
    const pages = i === longAt ? r.int(4, 5) : d.writer === 'continental-report' ? r.int(1, 3) : undefined
    const w = WRITERS[d.writer]!({
      r,
      p: d.person,
      date: d.date,
      pages,
      variant,
      releaser: d.writer === 'release-letter' ? Math.floor((d.variant ?? 0) / 1000) : d.variant,
      enclosed: 1,
      requested: addDays(d.date, -r.int(14, 40)),
    })
    // A cover sheet before a document that came by fax; rarely before the second of a same-day pair.
    const faxable = d.writer !== 'release-letter' && d.writer !== 'returned-authorization' && scenario !== 'ehr-print'
    const coverP = !faxable ? 0 : scenario === 'hospital-fax' ? 0.3 : scenario === 'copier-day' ? 0.3 : 0
    const cover: CoverStyle | null = r.chance(coverP * (sameDayTwin ? 0.3 : 1))
      ? scenario === 'hospital-fax'
        ? 'him-transmittal'
        : (COVER_OF[w.sender] ?? 'faxbridge')
      : null
    const faxed = scenario === 'copier-day' && faxable && (cover !== null || r.chance(0.25))
    const before = built.at(-1)
    const relation = before ? relationOf({ ...before.w, person: before.person }, { ...w, person: d.person }) : undefined
    built.push({
      w,
      person: d.person,
      writer: d.writer,
      cover,
      coverNaming: cover ? r.pick(['full', 'name', 'none'] as const) : null,
      faxed,
      relation,
    })
    prev = d
  })
  // A release letter counts the pages it comes with: rewrite it now the packet's pages are known.
  built.forEach((b, i) => {
    if (b.writer !== 'release-letter') return
    let enclosed = 0
    for (let k = i + 1; k < built.length && built[k]!.writer !== 'release-letter'; k++) enclosed += built[k]!.w.sheets.length
    const d = planned[i]!
    b.w = WRITERS['release-letter']!({
      r: rand(`${seed}:blind5:${look}:${index}:letter:${i}`),
      p: b.person,
      date: d.date,
      releaser: Math.floor((d.variant ?? 0) / 1000),
      enclosed,
      requested: addDays(d.date, -21),
    })
  })

  // Separator sheets and blank backs between documents (not inside a fax transmission).
  let room = 26 - built.reduce((n, b) => n + b.w.sheets.length + (b.cover ? 1 : 0), 0)
  const between: Gap[] = built.map((b, i) => {
    if (i === 0 || transmission || room <= 0) return null
    const before = built[i - 1]!
    const packetStart = b.writer === 'release-letter'
    const sepP = scenario === 'records-reply' ? (packetStart ? 0.7 : 0.15) : scenario === 'copier-day' ? 0.25 : 0
    const blankP = scenario === 'ehr-print' ? 0 : before.w.sheets.length % 2 === 1 ? 0.25 : 0
    const x = r.next()
    const gap: Gap = x < sepP ? (r.chance(0.3) ? 'separator-upside-down' : 'separator') : x < sepP + blankP ? 'blank' : null
    if (gap) room--
    return gap
  })

  const roles: PageRole[] = []
  const parts: Part5[] = []
  const sheets: string[] = []
  const separatorPages: number[] = []
  const txTime = clock(r)
  const total = built.reduce((n, b, i) => n + b.w.sheets.length + (b.cover ? 1 : 0) + (between[i] ? 1 : 0), 0)
  const txFrom = scenario === 'hospital-fax' ? ['5415550712', 'RIDGELINE VLY HIM'] : ['5415550712', 'ROI DEPT']
  built.forEach((b, i) => {
    const gap = between[i]
    if (gap === 'blank') {
      roles.push({ kind: 'blank' })
      sheets.push('<section class="sheet"></section>')
    } else if (gap) {
      roles.push({ kind: 'separator', upsideDown: gap === 'separator-upside-down' })
      separatorPages.push(roles.length)
    }
    const coverDate = addDays(b.w.date, r.int(1, 5))
    const own: Sheet[] = [
      ...(b.cover
        ? [
            coverSheet({
              style: b.cover,
              naming: b.coverNaming!,
              from:
                b.cover === 'him-transmittal'
                  ? { name: 'Ridgeline Valley Hospital', fax: '541-555-0712' }
                  : { name: b.w.sender, fax: b.w.fax },
              p: b.person,
              date: coverDate,
              pages: b.w.sheets.length + 1,
              r,
            }),
          ]
        : []),
      ...b.w.sheets,
    ]
    const from = roles.length + 1
    const docTime = clock(r)
    own.forEach((s, k) => {
      roles.push({ kind: 'document', part: i })
      const banner =
        faxBanner === 'transmission'
          ? transmissionBanner({ date: mdy(base), time: txTime, from: txFrom[0]!, name: txFrom[1]!, page: roles.length, of: total })
          : b.faxed
            ? documentBanner({ date: mdy(coverDate), time: docTime, fax: b.w.fax, name: b.w.sender, page: k + 1, of: own.length })
            : ''
      if (s.landscape && look === 'scan') sheets.push(`<section class="sheet">${banner}<div class="turn">${s.html}</div></section>`)
      else if (s.landscape) sheets.push(`<section class="sheet wide">${banner}${s.html}</section>`)
      else sheets.push(`<section class="sheet">${banner}${s.html}</section>`)
    })
    const part: Part5 = {
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
      long: b.w.sheets.length >= 4,
      landscape: b.w.sheets.some((s) => s.landscape),
      cover: b.cover,
      faxed: b.faxed || faxBanner === 'transmission',
    }
    if (i > 0) {
      part.relation = b.relation!
      part.boundary = gap === 'blank' ? 'blank-page' : gap ? 'separator' : b.cover ? 'fax-cover' : b.relation!
    }
    parts.push(part)
  })
  const file = `blind5-${look}-${String(index + 1).padStart(2, '0')}.pdf`
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>\n${sheets.join('\n')}\n</body></html>`
  return {
    truth: {
      set: 'split-blind-5',
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
