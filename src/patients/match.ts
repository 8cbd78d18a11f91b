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
}

function agreeingCount(status: Record<IdentifierKind, IdentifierStatus>): number {
  return KINDS.filter((k) => status[k] === 'agree').length
}

function mrnNear(a: string, b: string): 'one-digit' | 'transposed' | null {
  if (a.length !== b.length) return null
  const diff: number[] = []
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i)
  if (diff.length === 1) return 'one-digit'
  if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 'transposed'
  return null
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
      reasons.push(`MRN matches, but the document also carries MRN ${[...byKey].filter(([k]) => k !== chartKey).map(([, v]) => v).join(', ')}`)
      lookAlikeBlocked = true
      partly.mrn = true
    } else {
      const near = mrnKeys.map((k) => mrnNear(k, chartKey)).find((k) => k)
      status.mrn = near ? 'near' : 'disagree'
      reasons.push(`MRN differs: document ${docText}, chart ${chartMrn}${near ? (near === 'transposed' ? ' (two digits transposed)' : ' (one digit differs)') : ''}`)
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
      for (const r of notAgree) {
        const what =
          r.c.status === 'near'
            ? 'name looks like the chart\'s but is not the same'
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
      reasons.push(`unlabelled name looks like the chart's but is not the same: document ${docName(near.n)}, chart ${chartName(p)}`)
    }
  }

  // Birth date
  const hardDates = ids.birthDates.filter((d) => d.confidence >= softBelow)
  const softDates = ids.birthDates.filter((d) => d.confidence < softBelow)
  const dcmp = (d: { year: number; month: number; day: number; alternatives?: string[] }): BirthDateComparison => compareBirthDates(d, p.birthDate)
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
      reasons.push(dateResults.some((r) => r.c.kind === 'other-century-reading') ? 'birth date matches (two-digit year)' : 'birth date matches')
    } else {
      status.birthDate = notAgree.every((r) => r.c.status === 'near') ? 'near' : 'disagree'
      for (const r of notAgree) {
        const impossible = unreadable.some((u) => u.raw === r.raw)
        reasons.push(`birth date differs: document ${impossible ? `${r.raw} (not a possible date)` : r.iso}, chart ${p.birthDate}${DOB_KIND_TEXT[r.c.kind]}`)
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

  if (p.deceased) reasons.push(`chart is of a deceased patient${p.deceasedDate ? ` (died ${p.deceasedDate})` : ''}`)

  const agreeing = KINDS.filter((k) => status[k] === 'agree')
  const disagreeing = KINDS.filter((k) => status[k] === 'near' || status[k] === 'disagree')
  const noBad = disagreeing.length === 0
  const byMrn = status.mrn === 'agree' && (status.name === 'agree' || status.birthDate === 'agree')
  const byNameAndDob = status.mrn === 'absent' && status.name === 'agree' && status.birthDate === 'agree'
  const qualifies = noBad && (byMrn || byNameAndDob) && (allowDeceased || !p.deceased)
  // A look-alike is one slip away from fitting: one identifier agrees, another is near, none disagrees.
  const closeCount = KINDS.filter((k) => status[k] === 'agree' || status[k] === 'near').length
  const lookAlike = !lookAlikeBlocked && agreeingCount(status) >= 1 && closeCount >= 2 && !KINDS.some((k) => status[k] === 'disagree')

  const weights: Record<IdentifierKind, number> = { mrn: 0.45, name: 0.3, birthDate: 0.3 }
  const factor: Record<IdentifierStatus, number> = { agree: 1, near: 0.4, disagree: -0.6, absent: 0 }
  let score = KINDS.reduce((sum, k) => sum + weights[k] * (partly[k] ? 0.5 : factor[status[k]]), 0)
  if (status.name === 'disagree' && reasons.some((r) => r.startsWith('same family name'))) score += 0.25
  if (p.deceased) score -= 0.05
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100

  return { candidate: { patient: p, score, agreeing, disagreeing, status, reasons }, qualifies, lookAlike, mixed: KINDS.some((k) => partly[k]) }
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

async function gatherCandidates(ids: DocumentIdentifiers, index: PatientIndex): Promise<Patient[]> {
  const found = new Map<string, Patient>()
  const add = (ps: Patient[]): void => {
    for (const p of ps) if (!found.has(mrnKey(p.mrn))) found.set(mrnKey(p.mrn), p)
  }
  const asRead = new Map<string, string>()
  for (const m of ids.mrns) if (!asRead.has(mrnKey(m.value))) asRead.set(mrnKey(m.value), normalizeMrn(m.value))
  for (const m of asRead.values()) add(await index.findByMrn(m))
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
  const foreignNote =
    ids.foreignIds && ids.foreignIds.length
      ? [`${ids.foreignIds.length} number${ids.foreignIds.length === 1 ? '' : 's'} of other facilities (account, visit, outside MRN...) shown for reference, never used to match`]
      : []

  if (!hasAnyIdentifier(ids)) {
    return { decision: 'no_candidates', candidates: [], reasons: ['no patient name, birth date or MRN of ours was found on the document', ...foreignNote] }
  }

  const patients = await gatherCandidates(ids, index)
  const evals = patients.map((p) => evaluate(p, ids, softBelow, allowDeceased))
  // Strangers who only share a birthday are not worth showing.
  const shown = evals.filter((e) => {
    const s = e.candidate.status
    const close = KINDS.filter((k) => s[k] === 'agree' || s[k] === 'near').length
    if (e.mixed) return true
    if (close === 0) return e.candidate.reasons.some((r) => r.startsWith('same family name'))
    if (close === 1 && s.birthDate === 'agree' && s.name === 'disagree' && !e.candidate.reasons.some((r) => r.startsWith('same family name'))) return false
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
    if (rivals.length === 0) {
      const agreeing = winner.candidate.agreeing.map((k) => KIND_TEXT[k])
      return {
        decision: 'matched',
        patient: winner.candidate.patient,
        candidates,
        reasons: [`${agreeing.join(', ')} agree with the chart and nothing on the document disagrees`, 'no other chart looks alike', ...foreignNote],
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
    reasons.push('the document carries identifiers of more than one patient (several MRNs, names or birth dates); it may be two records scanned together')
    reasons.push(...problems(candidates[0]!.reasons))
  } else {
    const best = candidates[0]!
    const deceasedFit = evals.find((e) => e.candidate.patient.deceased && e.candidate.disagreeing.length === 0 && e.candidate.agreeing.length >= 2)
    if (deceasedFit) reasons.push(`the only chart that fits is of a deceased patient${deceasedFit.candidate.patient.deceasedDate ? ` (died ${deceasedFit.candidate.patient.deceasedDate})` : ''}; confirm the record is theirs`)
    else if (best.agreeing.length < 2 && best.disagreeing.length === 0) {
      const present = KINDS.filter((k) => best.status[k] !== 'absent').map((k) => KIND_TEXT[k])
      reasons.push(`only ${present.join(' and ') || 'one identifier'} could be compared; two identifiers must agree to file`)
    } else if (best.status.mrn === 'agree' && best.status.name !== 'agree' && best.status.birthDate !== 'agree') {
      reasons.push("the MRN belongs to a chart whose name and birth date do not agree with the document: possible misfile, check the document")
    } else reasons.push('no chart has two agreeing identifiers without a disagreement')
    reasons.push(...problems(best.reasons))
  }
  return { decision: 'needs_review', candidates, reasons: [...reasons, ...foreignNote] }
}

/** A summary of a decision for the log: no names, birth dates or MRNs. */
export function describeDecision(r: MatchResult): { decision: MatchResult['decision']; candidates: number; topScore: number | null } {
  return { decision: r.decision, candidates: r.candidates.length, topScore: r.candidates[0]?.score ?? null }
}
