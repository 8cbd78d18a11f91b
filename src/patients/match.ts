/**
 * Which chart a document belongs in, by the two-identifier rule (The Joint Commission
 * NPSG.01.01.01):
 *
 * - `matched` only when two identifiers agree with one chart — our MRN plus the name or the birth
 *   date, or, when no MRN of ours is printed, the name plus the birth date — and nothing on the
 *   document disagrees with that chart, the chart is not a deceased patient's, and no other chart
 *   is a look-alike (a chart the document would fit after one slip of the pen or the scanner: one
 *   identifier agrees with it, another is a near miss, none is plainly different);
 * - `needs_review` when there are candidates but that bar is not met: same name with another birth
 *   date, twins, transposed or swapped birth-date digits, sound-alike names, an MRN whose chart's
 *   name and birth date disagree, two patients' identifiers on one document, one identifier only;
 * - `no_candidates` when the document carries no identifiers or no chart fits any of them.
 *
 * Both non-matched decisions send the document to the unfiled queue; candidates and reasons are
 * shown there. Reasons quote names and dates: show them to the records desk, never log them.
 */
import type { Patient } from '../model/types.js'
import { compareBirthDates, isRealDate, toIso, type BirthDateComparison } from './dates.js'
import type { ExtractedIdentifiers, NameCandidate } from './extractIdentifiers.js'
import { mrnKey, normalizeMrn } from './mrn.js'
import { compareNames, displayName, lookupKeys, normalizeNamePart, type NameComparison } from './names.js'

export type Awaitable<T> = T | Promise<T>

/**
 * The patient index the matcher searches. The catalog implements it over SQLite; a PostgreSQL
 * catalog implements it the same way (hence the Awaitable results).
 */
export interface PatientIndex {
  /**
   * Patients whose MRN has the same `mrnKey` as `mrn` (letters and digits only, upper case): the
   * document may print CC-100418 as CC100418. Normally zero or one.
   */
  findByMrn(mrn: string): Awaitable<Patient[]>
  /** Patients born on this ISO date. */
  findByBirthDate(isoDate: string): Awaitable<Patient[]>
  /** Patients that have `key` among `patientNameKeys(patient)` (phonetic keys of the family name and its parts). */
  findByNameKey(key: string): Awaitable<Patient[]>
}

/** What the matcher reads from a document; `extractIdentifiers` returns it. */
export type DocumentIdentifiers = Pick<ExtractedIdentifiers, 'names' | 'birthDates' | 'mrns'> &
  Partial<Pick<ExtractedIdentifiers, 'unreadableBirthDates' | 'foreignIds'>>

export type IdentifierKind = 'mrn' | 'name' | 'birthDate'
/** `near`: a look-alike (one slip away), never agreement. */
export type IdentifierStatus = 'agree' | 'near' | 'disagree' | 'absent'

export interface MatchCandidate {
  patient: Patient
  /** 0..1, for ordering the review list; decisions never rest on it. */
  score: number
  agreeing: IdentifierKind[]
  /** Identifiers that differ, look-alikes included. */
  disagreeing: IdentifierKind[]
  status: Record<IdentifierKind, IdentifierStatus>
  /** Human-readable, e.g. "MRN matches", "birth date differs: document 1962-03-14, chart 1962-03-41". */
  reasons: string[]
}

export interface MatchResult {
  decision: 'matched' | 'needs_review' | 'no_candidates'
  /** The chart to file in; only when `matched`. */
  patient?: Patient
  /** Best first. */
  candidates: MatchCandidate[]
  reasons: string[]
}

export interface MatchOptions {
  /** How many candidates to return for review. Default 10. */
  maxCandidates?: number
  /** File into a deceased patient's chart without review. Default false. */
  allowDeceased?: boolean
  /**
   * Identifiers read with less confidence than this (unlabelled names beside a sticker) support a
   * match but do not block one when they disagree. Default 0.5.
   */
  softBelow?: number
}

const KINDS: IdentifierKind[] = ['mrn', 'name', 'birthDate']
const KIND_TEXT: Record<IdentifierKind, string> = { mrn: 'MRN', name: 'name', birthDate: 'birth date' }
/** Reasons that only say something agrees; the others explain a review. */
const AGREEMENT = /^(?:MRN matches|name matches|birth date matches|unlabelled name .* matches$)/
const problems = (reasons: string[]): string[] => reasons.filter((r) => !AGREEMENT.test(r))

interface Evaluation {
  candidate: MatchCandidate
  qualifies: boolean
  /** Fits the document after at most look-alike differences: two identifiers agree or are near, none disagrees outright. */
  lookAlike: boolean
  /** Some of the document's identifiers are this chart's and others are not. */
  mixed: boolean
  /** The document's one MRN is this chart's after a scanner's slip (extra, dropped, look-alike digit). */
  ocrSlip: MrnSlip | null
}

function agreeingCount(status: Record<IdentifierKind, IdentifierStatus>): number {
  return KINDS.filter((k) => status[k] === 'agree').length
}

/** How a document's MRN differs from a chart's by one slip: a scanner's (extra, dropped, look-alike digit) or a pen's. */
export type MrnSlip = 'extra-digit' | 'dropped-digit' | 'look-alike-digit' | 'one-digit' | 'transposed'
/** Slips a scanner makes; only these may stand in for our MRN, and only with name and birth date agreeing. */
const OCR_SLIPS = new Set<MrnSlip>(['extra-digit', 'dropped-digit', 'look-alike-digit'])
/** Digits OCR confuses with each other (shapes that differ by a stroke or a gap). */
const LOOK_ALIKE_DIGITS: Record<string, string> = {
  '0': '869',
  '1': '74',
  '2': '7',
  '3': '85',
  '4': '91',
  '5': '63',
  '6': '085',
  '7': '12',
  '8': '03569',
  '9': '084',
}
const SLIP_TEXT: Record<MrnSlip, string> = {
  'extra-digit': 'one extra digit, as a scan may add',
  'dropped-digit': 'one digit missing, as a scan may drop',
  'look-alike-digit': 'one look-alike digit, as a scan may misread',
  'one-digit': 'one digit differs',
  transposed: 'two digits transposed',
}

/** `doc` is one slip from `chart` (both MRN keys), or null. Only digits slip; letters of a prefix must agree. */
export function mrnSlip(doc: string, chart: string): MrnSlip | null {
  if (doc === chart) return null
  if (doc.length === chart.length) {
    const diff: number[] = []
    for (let i = 0; i < doc.length; i++) if (doc[i] !== chart[i]) diff.push(i)
    if (diff.some((i) => !/\d/.test(doc[i]!) || !/\d/.test(chart[i]!))) return null
    if (diff.length === 1) return LOOK_ALIKE_DIGITS[doc[diff[0]!]!]?.includes(chart[diff[0]!]!) ? 'look-alike-digit' : 'one-digit'
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && doc[diff[0]!] === chart[diff[1]!] && doc[diff[1]!] === chart[diff[0]!])
      return 'transposed'
    return null
  }
  const [longer, shorter] = doc.length > chart.length ? [doc, chart] : [chart, doc]
  if (longer.length !== shorter.length + 1) return null
  for (let i = 0; i < longer.length; i++) {
    if (/\d/.test(longer[i]!) && longer.slice(0, i) + longer.slice(i + 1) === shorter)
      return doc.length > chart.length ? 'extra-digit' : 'dropped-digit'
  }
  return null
}

/** Every key one slip from `key`, for finding charts a damaged MRN may have been meant as. */
function slipVariants(key: string): string[] {
  const out = new Set<string>()
  const digits = '0123456789'
  for (let i = 0; i < key.length; i++) {
    if (!/\d/.test(key[i]!)) continue
    out.add(key.slice(0, i) + key.slice(i + 1))
    for (const d of digits) if (d !== key[i]) out.add(key.slice(0, i) + d + key.slice(i + 1))
    if (i + 1 < key.length && /\d/.test(key[i + 1]!) && key[i] !== key[i + 1])
      out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))
  }
  for (let i = 0; i <= key.length; i++) {
    // Insert a digit only beside digits (a letter prefix does not grow digits).
    if (!(/\d/.test(key[i] ?? '') || /\d/.test(key[i - 1] ?? ''))) continue
    for (const d of digits) out.add(key.slice(0, i) + d + key.slice(i))
  }
  out.delete(key)
  return [...out]
}

function docName(n: NameCandidate): string {
  return displayName({ familyName: n.familyName, givenName: n.givenName, middleName: n.middleName })
}

function chartName(p: Patient): string {
  return displayName({ familyName: p.familyName, givenName: p.givenName, middleName: p.middleName ?? null })
}

const DOB_KIND_TEXT: Record<BirthDateComparison['kind'], string> = {
  same: '',
  'other-century-reading': ' (two-digit year read in the other century)',
  'day-month-swapped': ' (day and month swapped)',
  'digits-transposed': ' (two digits transposed)',
  'one-digit': ' (one digit differs)',
  century: ' (other century)',
  different: '',
}

function evaluate(p: Patient, ids: DocumentIdentifiers, softBelow: number, allowDeceased: boolean): Evaluation {
  const reasons: string[] = []
  const status: Record<IdentifierKind, IdentifierStatus> = { mrn: 'absent', name: 'absent', birthDate: 'absent' }
  /** Some, not all, of the document's values of this kind agree (the document carries someone else's too). */
  const partly: Record<IdentifierKind, boolean> = { mrn: false, name: false, birthDate: false }
  let lookAlikeBlocked = false
  let letterMisreadName = false
  /** The name is near only because it gives the chart's initials for the given name ("QUIGLEY-AMATO, R J"). */
  let nameByInitial = false
  let ocrSlip: MrnSlip | null = null

  // MRN
  // Compared by key: CC-100418 and CC100418 are one MRN.
  const byKey = new Map<string, string>()
  for (const m of ids.mrns) if (!byKey.has(mrnKey(m.value))) byKey.set(mrnKey(m.value), normalizeMrn(m.value))
  const mrnKeys = [...byKey.keys()]
  const chartKey = mrnKey(p.mrn)
  const chartMrn = p.mrn
  if (mrnKeys.length) {
    const docText = [...byKey.values()].join(', ')
    if (mrnKeys.length === 1 && mrnKeys[0] === chartKey) {
      status.mrn = 'agree'
      reasons.push(ids.mrns.some((m) => m.repaired) ? 'MRN matches (read through scanning damage)' : 'MRN matches')
    } else if (mrnKeys.includes(chartKey)) {
      status.mrn = 'disagree'
      reasons.push(
        `MRN matches, but the document also carries MRN ${[...byKey]
          .filter(([k]) => k !== chartKey)
          .map(([, v]) => v)
          .join(', ')}`,
      )
      lookAlikeBlocked = true
      partly.mrn = true
    } else {
      const near = mrnKeys.map((k) => mrnSlip(k, chartKey)).find((k) => k)
      status.mrn = near ? 'near' : 'disagree'
      if (near && mrnKeys.length === 1 && OCR_SLIPS.has(near)) ocrSlip = near
      reasons.push(`MRN differs: document ${docText}, chart ${chartMrn}${near ? ` (${SLIP_TEXT[near]})` : ''}`)
    }
  }

  // Name
  const hardNames = ids.names.filter((n) => n.confidence >= softBelow)
  const softNames = ids.names.filter((n) => n.confidence < softBelow)
  const cmp = (n: NameCandidate): NameComparison => compareNames(n, p)
  if (hardNames.length) {
    const results = hardNames.map((n) => ({ n, c: cmp(n) }))
    const notAgree = results.filter((r) => r.c.status !== 'agree')
    if (notAgree.length === 0) {
      status.name = 'agree'
      const notes = [...new Set(results.flatMap((r) => r.c.notes))]
      reasons.push(notes.length ? `name matches (${notes.join('; ')})` : 'name matches')
      if (results.every((r) => r.c.needsThirdIdentifier)) letterMisreadName = true
    } else {
      const anyAgree = results.some((r) => r.c.status === 'agree')
      const worstNear = notAgree.every((r) => r.c.status === 'near')
      status.name = worstNear ? 'near' : 'disagree'
      nameByInitial = !anyAgree && notAgree.every((r) => r.c.initialOnly === true)
      for (const r of notAgree) {
        const what =
          r.c.status === 'near'
            ? "name looks like the chart's but is not the same"
            : r.c.status === 'family-only'
              ? 'same family name, different given name'
              : 'name differs'
        reasons.push(`${what}: document ${docName(r.n)}, chart ${chartName(p)}${r.c.notes.length ? ` (${r.c.notes.join('; ')})` : ''}`)
      }
      if (anyAgree) {
        reasons.push('the document names more than one person as the patient')
        lookAlikeBlocked = true
        partly.name = true
      }
    }
  } else if (softNames.length) {
    const results = softNames.map((n) => ({ n, c: cmp(n) }))
    const agree = results.find((r) => r.c.status === 'agree')
    const near = results.find((r) => r.c.status === 'near')
    if (agree) {
      status.name = 'agree'
      reasons.push(`unlabelled name ${docName(agree.n)} matches`)
      if (results.filter((r) => r.c.status === 'agree').every((r) => r.c.needsThirdIdentifier)) letterMisreadName = true
    } else if (near) {
      status.name = 'near'
      nameByInitial = results.every((r) => r.c.status !== 'near' || r.c.initialOnly === true)
      reasons.push(`unlabelled name looks like the chart's but is not the same: document ${docName(near.n)}, chart ${chartName(p)}`)
    }
  }

  // Birth date
  const hardDates = ids.birthDates.filter((d) => d.confidence >= softBelow)
  const softDates = ids.birthDates.filter((d) => d.confidence < softBelow)
  const dcmp = (d: { year: number; month: number; day: number; alternatives?: string[] }): BirthDateComparison =>
    compareBirthDates(d, p.birthDate)
  const unreadable = ids.unreadableBirthDates ?? []
  const dateResults: Array<{ raw: string; iso: string; c: BirthDateComparison; hard: boolean }> = [
    ...hardDates.map((d) => ({ raw: d.raw, iso: d.date, c: dcmp(d), hard: true })),
    ...unreadable.map((u) => {
      const c = dcmp(u)
      // An impossible date never agrees, even if its digits do.
      const cc: BirthDateComparison = c.status === 'agree' ? { status: 'near', kind: 'one-digit' } : c
      return { raw: u.raw, iso: toIso(u.year, u.month, u.day), c: cc, hard: true }
    }),
  ]
  if (dateResults.length) {
    const notAgree = dateResults.filter((r) => r.c.status !== 'agree')
    if (notAgree.length === 0) {
      status.birthDate = 'agree'
      reasons.push(
        dateResults.some((r) => r.c.kind === 'other-century-reading') ? 'birth date matches (two-digit year)' : 'birth date matches',
      )
    } else {
      status.birthDate = notAgree.every((r) => r.c.status === 'near') ? 'near' : 'disagree'
      for (const r of notAgree) {
        const impossible = unreadable.some((u) => u.raw === r.raw)
        reasons.push(
          `birth date differs: document ${impossible ? `${r.raw} (not a possible date)` : r.iso}, chart ${p.birthDate}${DOB_KIND_TEXT[r.c.kind]}`,
        )
      }
      if (dateResults.some((r) => r.c.status === 'agree')) {
        reasons.push('the document carries more than one birth date')
        lookAlikeBlocked = true
        partly.birthDate = true
      }
    }
  } else if (softDates.length) {
    const r = softDates.map((d) => ({ d, c: dcmp(d) }))
    const agree = r.find((x) => x.c.status === 'agree')
    const near = r.find((x) => x.c.status === 'near')
    if (agree) {
      status.birthDate = 'agree'
      reasons.push('birth date matches (read without a label)')
    } else if (near) {
      status.birthDate = 'near'
      reasons.push(`birth date differs: document ${near.d.date}, chart ${p.birthDate}${DOB_KIND_TEXT[near.c.kind]}`)
    }
  }

  // A name that agrees only through a letter misread as another letter (CARL/EARL) may be another real name: with our MRN it may file, without it it is a look-alike.
  if (letterMisreadName && status.name === 'agree' && status.mrn !== 'agree') {
    status.name = 'near'
    reasons.push('without our MRN on the document, a name that matches only through a misread letter is not enough to file')
  }

  // Initials that are the chart's do not disagree with it: with our MRN and the birth date agreeing, the name is left
  // out of the comparison (a sibling with the same initials has another MRN, so the MRN tells them apart).
  if (nameByInitial && status.name === 'near' && status.mrn === 'agree' && status.birthDate === 'agree') {
    status.name = 'absent'
    reasons.push('the name gives only initials for the given name, and they are the chart’s; MRN and birth date decide')
  }

  if (p.deceased) reasons.push(`chart is of a deceased patient${p.deceasedDate ? ` (died ${p.deceasedDate})` : ''}`)

  const agreeing = KINDS.filter((k) => status[k] === 'agree')
  const disagreeing = KINDS.filter((k) => status[k] === 'near' || status[k] === 'disagree')
  const noBad = disagreeing.length === 0
  const byMrn = status.mrn === 'agree' && (status.name === 'agree' || status.birthDate === 'agree')
  const byNameAndDob = status.mrn === 'absent' && status.name === 'agree' && status.birthDate === 'agree'
  // A scanner's slip in our MRN files only when name and birth date both agree (the decision also checks no other chart is as close).
  const byOcrMrn = ocrSlip !== null && status.name === 'agree' && status.birthDate === 'agree'
  const qualifies = ((noBad && (byMrn || byNameAndDob)) || byOcrMrn) && (allowDeceased || !p.deceased)
  // A look-alike is one slip away from fitting: one identifier agrees, another is near, none disagrees.
  const closeCount = KINDS.filter((k) => status[k] === 'agree' || status[k] === 'near').length
  const lookAlike = !lookAlikeBlocked && agreeingCount(status) >= 1 && closeCount >= 2 && !KINDS.some((k) => status[k] === 'disagree')

  const weights: Record<IdentifierKind, number> = { mrn: 0.45, name: 0.3, birthDate: 0.3 }
  const factor: Record<IdentifierStatus, number> = { agree: 1, near: 0.4, disagree: -0.6, absent: 0 }
  let score = KINDS.reduce((sum, k) => sum + weights[k] * (partly[k] ? 0.5 : factor[status[k]]), 0)
  if (status.name === 'disagree' && reasons.some((r) => r.startsWith('same family name'))) score += 0.25
  if (p.deceased) score -= 0.05
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100

  return {
    candidate: { patient: p, score, agreeing, disagreeing, status, reasons },
    qualifies,
    lookAlike,
    mixed: KINDS.some((k) => partly[k]),
    ocrSlip: byOcrMrn ? ocrSlip : null,
  }
}

/** Birth dates an unreadable one may have been meant as (03/41 -> 03/14, swapped day and month). */
function correctionsOf(u: { year: number; month: number; day: number }): string[] {
  const digits = toIso(u.year, u.month, u.day).replace(/-/g, '')
  const out = new Set<string>()
  const add = (s: string): void => {
    const y = +s.slice(0, 4)
    const m = +s.slice(4, 6)
    const d = +s.slice(6, 8)
    if (isRealDate(y, m, d)) out.add(toIso(y, m, d))
  }
  add(digits.slice(0, 4) + digits.slice(6, 8) + digits.slice(4, 6))
  for (let i = 0; i + 1 < digits.length; i++) add(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2))
  return [...out]
}

/** Each MRN of our format on the document: the charts that hold it, and the charts one slip from it. */
interface DocumentMrn {
  value: string
  owners: Patient[]
  oneSlipAway: Patient[]
}

async function lookUpMrns(ids: DocumentIdentifiers, index: PatientIndex): Promise<Map<string, DocumentMrn>> {
  const out = new Map<string, DocumentMrn>()
  for (const m of ids.mrns) {
    const key = mrnKey(m.value)
    if (out.has(key)) continue
    const owners = await index.findByMrn(normalizeMrn(m.value))
    const near = new Map<string, Patient>()
    for (const v of slipVariants(key)) for (const p of await index.findByMrn(v)) near.set(mrnKey(p.mrn), p)
    out.set(key, { value: normalizeMrn(m.value), owners, oneSlipAway: [...near.values()] })
  }
  return out
}

async function gatherCandidates(ids: DocumentIdentifiers, index: PatientIndex, mrns: Map<string, DocumentMrn>): Promise<Patient[]> {
  const found = new Map<string, Patient>()
  const add = (ps: Patient[]): void => {
    for (const p of ps) if (!found.has(mrnKey(p.mrn))) found.set(mrnKey(p.mrn), p)
  }
  for (const m of mrns.values()) add([...m.owners, ...m.oneSlipAway])
  const dates = new Set<string>()
  for (const d of ids.birthDates) {
    dates.add(d.date)
    for (const a of d.alternatives) dates.add(a)
  }
  for (const u of ids.unreadableBirthDates ?? []) for (const c of correctionsOf(u)) dates.add(c)
  for (const d of dates) add(await index.findByBirthDate(d))
  const keys = new Set<string>()
  for (const n of ids.names) {
    for (const part of [...normalizeNamePart(n.familyName).split(/[\s-]+/), n.familyName, n.givenName]) {
      for (const k of lookupKeys(part)) keys.add(k)
    }
  }
  for (const k of keys) add(await index.findByNameKey(k))
  return [...found.values()]
}

function hasAnyIdentifier(ids: DocumentIdentifiers): boolean {
  return ids.mrns.length > 0 || ids.names.length > 0 || ids.birthDates.length > 0 || (ids.unreadableBirthDates?.length ?? 0) > 0
}

/**
 * Decides whose chart a document belongs in.
 *
 * @example
 *   const ids = extractIdentifiers(text, { mrnPattern })
 *   const r = await matchPatient(ids, index)
 *   if (r.decision === 'matched') file(r.patient) else sendToReview(r.candidates, r.reasons)
 */
export async function matchPatient(ids: DocumentIdentifiers, index: PatientIndex, opts: MatchOptions = {}): Promise<MatchResult> {
  const maxCandidates = opts.maxCandidates ?? 10
  const softBelow = opts.softBelow ?? 0.5
  const allowDeceased = opts.allowDeceased ?? false
  const foreignNote: string[] =
    ids.foreignIds && ids.foreignIds.length
      ? [
          `${ids.foreignIds.length} number${ids.foreignIds.length === 1 ? '' : 's'} of other facilities (account, visit, outside MRN...) shown for reference, never used to match`,
        ]
      : []

  if (!hasAnyIdentifier(ids)) {
    return {
      decision: 'no_candidates',
      candidates: [],
      reasons: ['no patient name, birth date or MRN of ours was found on the document', ...foreignNote],
    }
  }

  // A number of our format that no chart holds, and no chart is one slip from, is no patient of ours:
  // the sender's own MRN or account number. It neither counts against a chart nor makes a second patient.
  const mrns = await lookUpMrns(ids, index)
  const unowned = [...mrns].filter(([, m]) => m.owners.length === 0 && m.oneSlipAway.length === 0)
  for (const [key] of unowned) mrns.delete(key)
  const ours: DocumentIdentifiers = { ...ids, mrns: ids.mrns.filter((m) => mrns.has(mrnKey(m.value))) }
  if (unowned.length) {
    foreignNote.push(
      `${unowned.length === 1 ? `number ${unowned[0]![1].value} is` : `numbers ${unowned.map(([, m]) => m.value).join(', ')} are`} in our MRN format but no chart's MRN, nor one slip from one: read as another facility's number, not used to match`,
    )
  }

  const patients = await gatherCandidates(ours, index, mrns)
  const evals = patients.map((p) => evaluate(p, ours, softBelow, allowDeceased))
  // Strangers who only share a birthday are not worth showing.
  const shown = evals.filter((e) => {
    const s = e.candidate.status
    const close = KINDS.filter((k) => s[k] === 'agree' || s[k] === 'near').length
    if (e.mixed) return true
    if (close === 0) return e.candidate.reasons.some((r) => r.startsWith('same family name'))
    if (
      close === 1 &&
      s.birthDate === 'agree' &&
      s.name === 'disagree' &&
      !e.candidate.reasons.some((r) => r.startsWith('same family name'))
    )
      return false
    // A chart found only because its MRN is one digit from the document's, with name and birth date both other, is noise.
    if (close === 1 && s.mrn === 'near' && s.name === 'disagree' && s.birthDate === 'disagree') return false
    return true
  })
  shown.sort((a, b) => b.candidate.score - a.candidate.score || a.candidate.patient.mrn.localeCompare(b.candidate.patient.mrn))
  const candidates = shown.slice(0, maxCandidates).map((e) => e.candidate)

  if (shown.length === 0) {
    return {
      decision: 'no_candidates',
      candidates: [],
      reasons: ['no chart in the patient index fits the identifiers on the document', ...foreignNote],
    }
  }

  const qualifying = evals.filter((e) => e.qualifies)
  const reasons: string[] = []
  if (qualifying.length === 1) {
    const winner = qualifying[0]!
    const rivals = evals.filter((e) => e !== winner && e.lookAlike)
    if (winner.ocrSlip && rivals.length === 0) {
      // Our MRN with a scanner's slip stands in only when nothing else could be meant: no other chart holds the number
      // or is one slip from it, and no other chart shares the name and birth date (the MRN would be the tie-breaker).
      const m = [...mrns.values()][0]!
      const mrnRivals = [...m.owners, ...m.oneSlipAway].filter((p) => mrnKey(p.mrn) !== mrnKey(winner.candidate.patient.mrn))
      const twins = evals.filter((e) => e !== winner && e.candidate.status.name === 'agree' && e.candidate.status.birthDate === 'agree')
      if (mrnRivals.length === 0 && twins.length === 0) {
        return {
          decision: 'matched',
          patient: winner.candidate.patient,
          candidates,
          reasons: [
            `name and birth date agree with the chart, and the MRN is the chart's read with ${SLIP_TEXT[winner.ocrSlip]}`,
            'no other chart is as close',
            ...foreignNote,
          ],
        }
      }
      reasons.push(
        `name and birth date agree with one chart, but the MRN is read with a slip and ${mrnRivals.length ? `another chart's MRN is as close (${mrnRivals.map((p) => p.mrn).join(', ')})` : 'another chart has the same name and birth date'}`,
      )
      reasons.push(...problems(winner.candidate.reasons))
      return { decision: 'needs_review', candidates, reasons: [...reasons, ...foreignNote] }
    }
    if (rivals.length === 0) {
      const agreeing = winner.candidate.agreeing.map((k) => KIND_TEXT[k])
      return {
        decision: 'matched',
        patient: winner.candidate.patient,
        candidates,
        reasons: [
          `${agreeing.join(', ')} agree with the chart and nothing on the document disagrees`,
          'no other chart looks alike',
          ...foreignNote,
        ],
      }
    }
    reasons.push(
      `one chart fits, but ${rivals.length === 1 ? 'another chart looks' : `${rivals.length} other charts look`} alike: ${rivals
        .map((r) => `${chartName(r.candidate.patient)} (${problems(r.candidate.reasons).join('; ') || 'close'})`)
        .join(' / ')}`,
    )
  } else if (qualifying.length > 1) {
    reasons.push(`${qualifying.length} charts fit the document's identifiers equally; a person must choose`)
  } else if (evals.some((e) => e.mixed)) {
    reasons.push(
      'the document carries identifiers of more than one patient (several MRNs, names or birth dates); it may be two records scanned together',
    )
    reasons.push(...problems(candidates[0]!.reasons))
  } else {
    const best = candidates[0]!
    const deceasedFit = evals.find(
      (e) => e.candidate.patient.deceased && e.candidate.disagreeing.length === 0 && e.candidate.agreeing.length >= 2,
    )
    if (deceasedFit)
      reasons.push(
        `the only chart that fits is of a deceased patient${deceasedFit.candidate.patient.deceasedDate ? ` (died ${deceasedFit.candidate.patient.deceasedDate})` : ''}; confirm the record is theirs`,
      )
    else if (best.agreeing.length < 2 && best.disagreeing.length === 0) {
      const present = KINDS.filter((k) => best.status[k] !== 'absent').map((k) => KIND_TEXT[k])
      reasons.push(`only ${present.join(' and ') || 'one identifier'} could be compared; two identifiers must agree to file`)
    } else if (best.status.mrn === 'agree' && best.status.name !== 'agree' && best.status.birthDate !== 'agree') {
      reasons.push(
        'the MRN belongs to a chart whose name and birth date do not agree with the document: possible misfile, check the document',
      )
    } else reasons.push('no chart has two agreeing identifiers without a disagreement')
    reasons.push(...problems(best.reasons))
  }
  return { decision: 'needs_review', candidates, reasons: [...reasons, ...foreignNote] }
}

/** Notes that say what was set aside (other facilities' numbers), not why a document waits for review. */
export function isInformational(reason: string): boolean {
  return /(?:never|not) used to match$/.test(reason)
}

/** A summary of a decision for the log: no names, birth dates or MRNs. */
export function describeDecision(r: MatchResult): { decision: MatchResult['decision']; candidates: number; topScore: number | null } {
  return { decision: r.decision, candidates: r.candidates.length, topScore: r.candidates[0]?.score ?? null }
}
