/**
 * Patient identifiers read from an outside record's text (OCR or PDF text layer): candidate
 * names, birth dates and record numbers, each with where it was found and a confidence.
 *
 * Layouts understood:
 * - labelled values: `Patient Name: DOE, JANE A`, `PATIENT: Jane Doe`, `Name:`, `Pt:`,
 *   `Last Name: DOE  First Name: JANE  MI: A`, `DOB: 03/14/1962`, `MRN: 1234567`, `Acct #: ...`;
 * - a label alone on its line with the value on the next line;
 * - header grids: a line of labels ("Patient Name   DOB   MRN") over a line of values,
 *   aligned by columns when the text keeps its spacing, else by the type of each value
 *   (OCR usually keeps single spaces);
 * - addressograph stickers: an unlabelled `DOE, JANE A` next to DOB / MRN lines, also when OCR
 *   has merged the sticker with the facility block beside it;
 * - letters: `Re: Jane Doe (DOB 3/14/1962)`.
 *
 * Record numbers: a value is our MRN only when it sits under an MRN-like label (MRN, MR#,
 * Medical Record No., Patient ID, Chart #) and fits the configured MRN format. Everything else
 * (account, visit, FIN, encounter, accession, another facility's MRN) goes to `foreignIds`,
 * for display only. SSNs are recognised so they are not mistaken for anything, and dropped.
 *
 * The result holds patient data: show it to the records desk, never log it.
 */
import { splitLines as splitTextLines } from '../text/lines.js'
import { findDates, type DateHit, type DateOrder } from './dates.js'
import { compileMrnFormat, normalizeMrn, readMrn, type MrnFormat } from './mrn.js'
import { normalizeNamePart, parsePersonName, type PersonName } from './names.js'

export interface ExtractOptions {
  /** Our MRN format (whole value). Default DEFAULT_MRN_PATTERN (6-10 digits). */
  mrnPattern?: RegExp | string
  /** Order of numeric dates. Default 'MDY'. */
  dateOrder?: DateOrder
  /** "Today" for birth-date plausibility. Default now. */
  today?: Date
}

export type FoundHow = 'labelled' | 'next-line' | 'grid' | 'fields' | 'letter' | 'sticker'

/** Where a value was read. */
export interface FoundAt {
  /** Character offset of the value in the text given to `extractIdentifiers`. */
  offset: number
  length: number
  /** 1-based line number in the text. */
  line: number
  /** 1-based page (pages are separated by form feeds). */
  page: number
  /** The label as written ("DOB", "Patient Name", "Acct #"), null for unlabelled values. */
  label: string | null
  /** The whole line, trimmed (patient data: display only). */
  lineText: string
  how: FoundHow
}

export interface NameCandidate extends PersonName {
  /** The value as written. */
  raw: string
  order: 'family-first' | 'given-first' | 'fields'
  confidence: number
  /** Every place it was read, most confident first. */
  found: FoundAt[]
}

export interface BirthDateCandidate {
  /** ISO date. */
  date: string
  year: number
  month: number
  day: number
  raw: string
  /** Other readings of a two-digit year (3/14/20: 2020, also 1920). */
  alternatives: string[]
  repaired: boolean
  confidence: number
  found: FoundAt[]
}

/** A value under a birth-date label that is not a possible birth date (03/41/1962, a future date). */
export interface UnreadableBirthDate {
  raw: string
  year: number
  month: number
  day: number
  problem: 'impossible' | 'future' | 'too-old'
  found: FoundAt[]
}

export type RecordNumberKind =
  | 'mrn'
  | 'account'
  | 'visit'
  | 'fin'
  | 'encounter'
  | 'accession'
  | 'specimen'
  | 'order'
  | 'insurance'
  | 'other'

export interface RecordNumberCandidate {
  value: string
  raw: string
  /** What the label says it is. */
  kind: RecordNumberKind
  repaired: boolean
  confidence: number
  found: FoundAt[]
  /** For foreign ids: why this is not our MRN. */
  whyNotOurs?: string
}

export interface ExtractedIdentifiers {
  names: NameCandidate[]
  birthDates: BirthDateCandidate[]
  unreadableBirthDates: UnreadableBirthDate[]
  /** Our MRNs: MRN-like label and our format. */
  mrns: RecordNumberCandidate[]
  /** Other facilities' numbers, for display; never used to match. */
  foreignIds: RecordNumberCandidate[]
}

// ---------------------------------------------------------------------------
// Labels

type LabelKind =
  | 'name'
  | 'name-generic'
  | 'letter'
  | 'last'
  | 'first'
  | 'middle'
  | 'dob'
  | 'mrn'
  | 'foreign'
  | 'ignore-id'
  | 'date-other'
  | 'other'

interface LabelDef {
  kind: LabelKind
  source: string
  /** Only a label inline when a colon follows (Patient:, Name:, Re:). */
  needsColon?: boolean
  idKind?: RecordNumberKind
}

const NO = '(?:#|N[o0]\\.?|Nbr\\.?|Num(?:ber)?\\.?|Number)'
const LABELS: LabelDef[] = [
  // names
  { kind: 'name', source: "Pat[il1|]ent'?s?\\s*(?:Full\\s+|Legal\\s+)?Na(?:m|rn)e(?:\\s*\\(\\s*(?:Last|Family)[^)]{0,30}\\))?" },
  { kind: 'name', source: 'Na(?:m|rn)e\\s+of\\s+Pat[il1|]ent' },
  { kind: 'name', source: 'Pt\\.?\\s*Na(?:m|rn)e' },
  { kind: 'last', source: '(?:Pat[il1|]ent\\s+)?(?:Last|Family)\\s*Na(?:m|rn)e|Surname' },
  { kind: 'first', source: '(?:Pat[il1|]ent\\s+)?(?:First|Given)\\s*Na(?:m|rn)e' },
  { kind: 'middle', source: 'Middle\\s*(?:Na(?:m|rn)e|Initial)' },
  { kind: 'middle', source: 'M\\.?I\\.?', needsColon: true },
  { kind: 'name-generic', source: 'Pat[il1|]ent', needsColon: true },
  { kind: 'name-generic', source: 'Pt\\.?', needsColon: true },
  { kind: 'name-generic', source: 'Na(?:m|rn)e', needsColon: true },
  { kind: 'letter', source: 'R[Ee]', needsColon: true },
  { kind: 'letter', source: 'Regarding', needsColon: true },
  // birth dates
  { kind: 'dob', source: 'D\\.?\\s?[O0Q]\\.?\\s?[B8]\\.?(?:\\s*/\\s*Age)?' },
  { kind: 'dob', source: 'Date\\s+[O0]f\\s+B[il1]rth(?:\\s*/\\s*Age)?' },
  { kind: 'dob', source: 'B[il1]rth\\s*[Dd]ate' },
  { kind: 'dob', source: 'B[il1]rthdate' },
  { kind: 'dob', source: 'B\\s?/\\s?D' },
  { kind: 'dob', source: 'BD' },
  { kind: 'dob', source: 'Born(?:\\s+on)?' },
  // our MRN
  { kind: 'mrn', source: `(?:M|RN)\\.?\\s?R\\.?\\s?N\\.?\\s*${NO}?` },
  { kind: 'mrn', source: `MR\\s*${NO}` },
  { kind: 'mrn', source: `Med(?:ical)?\\.?\\s*Rec(?:ord)?s?\\.?\\s*${NO}?` },
  { kind: 'mrn', source: `(?:Pat[il1|]ent|Pt\\.?)\\s*(?:ID|I\\.D\\.|${NO})` },
  { kind: 'mrn', source: `Chart\\s*(?:ID|${NO})` },
  { kind: 'mrn', source: `Unit\\s*${NO}` },
  // other facilities' numbers
  { kind: 'foreign', idKind: 'account', source: `Acc(?:oun)?t\\.?\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'account', source: `(?:HAR|Billing)\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'visit', source: `Visit\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'fin', source: `FIN\\s*${NO}?` },
  { kind: 'foreign', idKind: 'encounter', source: `Enc(?:ounter)?\\.?\\s*(?:ID|CSN|${NO})` },
  { kind: 'foreign', idKind: 'encounter', source: 'Encounter', needsColon: true },
  { kind: 'foreign', idKind: 'encounter', source: 'CSN' },
  { kind: 'foreign', idKind: 'accession', source: `Accession\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'accession', source: 'Acc\\.?\\s*#' },
  { kind: 'foreign', idKind: 'specimen', source: `Spec(?:imen)?\\.?\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'order', source: `(?:Order|Req(?:uisition)?)\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'insurance', source: `(?:Member|Subscriber|Policy|Insurance|Ins\\.?|Medicaid|Medicare|Group)\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'other', source: `(?:Case|Claim|Episode|Admission|Adm\\.?|Ref(?:erral)?|Exam)\\s*${NO}` },
  { kind: 'ignore-id', source: `SSN|S\\.S\\.N\\.|Social\\s+Security(?:\\s*${NO})?` },
  // other dates (for header grids and as value terminators)
  { kind: 'date-other', source: 'Date\\s+of\\s+Service|DOS|Service\\s+Date|Visit\\s+Date|Exam\\s+Date|Order\\s+Date|Report\\s+Date' },
  { kind: 'date-other', source: '(?:Adm(?:it|ission)?|Disch(?:arge)?)\\.?\\s*Date' },
  { kind: 'date-other', source: 'Collect(?:ed|ion)(?:\\s+Date)?|Received|Reported|Date\\s+Reported|Date\\s+Collected' },
  { kind: 'date-other', source: 'Date' },
  // other fields
  { kind: 'other', source: 'Sex|Gender|Age|Race|Language|Status|Phone|Tel|Fax|Address|Insurance|Guarantor|Location|Facility|Room|Bed|Dept\\.?|Department|Service|PCP|Provider|Physician|Doctor' },
  { kind: 'other', source: '(?:Ordering|Attending|Referring|Primary|Admitting|Consulting)\\s*(?:Physician|Provider|Dr\\.?|MD)?' },
]

const COMPILED = LABELS.map((def) => ({
  def,
  re: new RegExp(`(?<![A-Za-z0-9])(?:${def.source})(?![A-Za-z])`, 'gi'),
}))

/** Words before a generic Name:/Patient: label that make it someone else's name. */
const NOT_PATIENT_QUALIFIERS = new Set(
  (
    'provider physician doctor dr facility guarantor insured subscriber contact emergency parent guardian mother mothers ' +
    "father fathers spouse printed print signature lab laboratory test drug practice clinic hospital referring ordering " +
    'attending sender recipient company employer pharmacy responsible party witness interpreter representative kin ' +
    'user staff nurse author reviewer caller case manager family member school agency plan payer'
  ).split(' '),
)
/** Qualifiers before an MRN label meaning another facility's MRN. */
const FOREIGN_MRN_QUALIFIERS = /(?<![A-Za-z])(?:outside|external|ext\.?|hospital|other|alt\.?|alternate|prior|old|previous|referring|sending|their|lab|facility|epic|cerner|host)\s*$/i

interface LabelHit {
  def: LabelDef
  start: number
  /** End of the label text. */
  labelEnd: number
  /** Where the value starts (after ':', '#', spaces). */
  valueStart: number
  labelText: string
  hasColon: boolean
}

function findLabels(line: string): LabelHit[] {
  const hits: LabelHit[] = []
  for (const { def, re } of COMPILED) {
    re.lastIndex = 0
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const labelEnd = m.index + m[0].length
      const sep = /^[ \t]*(?:[:;#=.\-–][ \t]*)*/.exec(line.slice(labelEnd))?.[0] ?? ''
      hits.push({
        def,
        start: m.index,
        labelEnd,
        valueStart: labelEnd + sep.length,
        labelText: m[0].replace(/\s+/g, ' ').trim(),
        // Dotted leaders ("Name ........ Jane Doe") separate a label from its value as a colon does.
        hasColon: /[:;]/.test(sep) || /\.{3,}/.test(sep.replace(/\s+/g, '')),
      })
    }
  }
  hits.sort((a, b) => a.start - b.start || b.labelEnd - a.labelEnd)
  const out: LabelHit[] = []
  for (const h of hits) {
    const prev = out[out.length - 1]
    if (prev && h.start < prev.labelEnd) continue
    out.push(h)
  }
  return out
}

// ---------------------------------------------------------------------------
// Lines

interface Line {
  /** Line text with form feeds turned into spaces. */
  text: string
  start: number
  /** 0-based. */
  index: number
  page: number
  labels: LabelHit[]
}

function splitLines(text: string): Line[] {
  let page = 1
  return splitTextLines(text).map((l) => {
    const ff = (l.text.match(/\f/g) ?? []).length
    const leadingFf = /^\f/.test(l.text)
    if (leadingFf) page += ff
    const clean = l.text.replace(/\f/g, ' ')
    const line: Line = { text: clean, start: l.start, index: l.n - 1, page, labels: findLabels(clean) }
    if (!leadingFf) page += ff
    return line
  })
}

// ---------------------------------------------------------------------------
// Collecting candidates

/** Words that are never part of a patient's name (labels, headers, report words). Real family names (West, Page, Low, Do) stay out of it. */
const STOPWORDS = new Set(
  (
    'PATIENT PATIENTS NAME DOB DATE BIRTH MRN SEX AGE MALE FEMALE UNKNOWN NONE NA TEST TESTS RESULT ' +
    'RESULTS REPORT FINAL PRELIMINARY CORRECTED AMENDED TOTAL SERUM PLASMA BLOOD URINE LAB LABS ' +
    'LABORATORY HOSPITAL MEDICAL MEDICINE CENTER CENTRE CLINIC HEALTH HEALTHCARE COMMUNITY GENERAL ' +
    'REGIONAL MEMORIAL UNIVERSITY SERVICES SERVICE DEPARTMENT DEPT RADIOLOGY IMAGING PATHOLOGY ACCOUNT ' +
    'VISIT PHYSICIAN PROVIDER DOCTOR DR MD RN NP PA PHD DDS FACP FACS STREET AVENUE AVE ROAD RD SUITE ' +
    'STE PHONE FAX TEL OF THE AND FOR TO FROM SUBJECT DEAR SINCERELY FOLLOW FOLLOWUP ADMISSION DISCHARGE ' +
    'SUMMARY NOTE NOTES CONSULT CONSULTATION HISTORY PHYSICAL EXAM EXAMINATION IMPRESSION FINDINGS ' +
    'PROCEDURE OPERATIVE PROGRESS REFERRAL LETTER RECORD RECORDS REQUEST INFORMATION CONFIDENTIAL ID ' +
    'NUMBER ACCT FIN ENCOUNTER ORDER ORDERING ATTENDING REFERRING SPECIMEN COLLECTED RECEIVED REPORTED ' +
    'STATUS ZIP INSURANCE MEDICAID MEDICARE GUARANTOR SIGNATURE SIGNED ELECTRONICALLY DICTATED ' +
    'TRANSCRIBED REVIEWED WITH WITHOUT NORMAL ABNORMAL REFERENCE COMMENT COMMENTS DIAGNOSIS PLAN ' +
    'ASSESSMENT CHIEF COMPLAINT SYSTEM INC LLC ASSOCIATES PHYSICIANS URGENT EMERGENCY FAMILY INTERNAL ' +
    'PEDIATRICS CARDIOLOGY ONCOLOGY SURGERY OFFICE NOT PROVIDED GIVEN AVAILABLE ON FILE SEE ABOVE BELOW ' +
    'ATTACHED SAME PENDING IS WAS HAS'
  ).split(/\s+/),
)
const FACILITY_WORDS = new Set(
  'HOSPITAL MEDICAL CENTER CENTRE CLINIC HEALTH HEALTHCARE LABORATORY LABORATORIES LABS LAB REGIONAL GENERAL MEMORIAL COMMUNITY UNIVERSITY DEPARTMENT SERVICES SYSTEM INC LLC RADIOLOGY IMAGING ASSOCIATES GROUP PHYSICIANS CARE URGENT SAINT ST MERCY PRESBYTERIAN BAPTIST METHODIST'.split(
    ' ',
  ),
)
const CREDENTIALS = /^(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|N\.?P\.?|P\.?A\.?(?:-C)?|PH\.?D\.?|FACS|FACP|FACR|MPH|DNP|APRN|FNP(?:-C)?|CRNA|LPN|PHARMD|DDS|DMD|DPM|LCSW|MSW)$/i
const STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(
    ' ',
  ),
)
const PARTICLE_WORDS = new Set(['de', 'del', 'della', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'y', 'bin', 'ibn'])

class Collector {
  readonly names = new Map<string, NameCandidate>()
  readonly dates = new Map<string, BirthDateCandidate>()
  readonly unreadable = new Map<string, UnreadableBirthDate>()
  readonly mrns = new Map<string, RecordNumberCandidate>()
  readonly foreign = new Map<string, RecordNumberCandidate>()

  addName(n: PersonName & { order: NameCandidate['order'] }, raw: string, confidence: number, at: FoundAt): void {
    const key = `${normalizeNamePart(n.familyName)}|${normalizeNamePart(n.givenName)}`
    const prev = this.names.get(key)
    if (!prev) {
      this.names.set(key, { ...n, raw, confidence, found: [at] })
      return
    }
    mergeFound(prev, confidence, at)
    if (!prev.middleName && n.middleName) prev.middleName = n.middleName
    if (!prev.suffix && n.suffix) prev.suffix = n.suffix
  }

  addDate(h: DateHit, confidence: number, at: FoundAt): void {
    if (!h.valid) {
      if (h.problem === undefined) return
      const key = h.iso
      const prev = this.unreadable.get(key)
      if (prev) prev.found.push(at)
      else this.unreadable.set(key, { raw: h.raw, year: h.year, month: h.month, day: h.day, problem: h.problem, found: [at] })
      return
    }
    let c = confidence
    if (h.repaired) c -= 0.15
    if (h.twoDigitYear) c -= 0.1
    if (h.alternatives.length) c -= 0.1
    if (h.orderSwapped) c -= 0.1
    const prev = this.dates.get(h.iso)
    if (prev) {
      mergeFound(prev, c, at)
      prev.repaired = prev.repaired && h.repaired
      return
    }
    this.dates.set(h.iso, {
      date: h.iso,
      year: h.year,
      month: h.month,
      day: h.day,
      raw: h.raw,
      alternatives: h.alternatives,
      repaired: h.repaired,
      confidence: round(c),
      found: [at],
    })
  }

  addId(target: 'mrn' | 'foreign', c: Omit<RecordNumberCandidate, 'found'>, at: FoundAt): void {
    const map = target === 'mrn' ? this.mrns : this.foreign
    const key = `${c.kind}|${c.value}`
    const prev = map.get(key)
    if (prev) mergeFound(prev, c.confidence, at)
    else map.set(key, { ...c, found: [at] })
  }
}

function round(x: number): number {
  return Math.round(Math.max(0.05, Math.min(0.99, x)) * 100) / 100
}

function mergeFound(prev: { confidence: number; found: FoundAt[] }, confidence: number, at: FoundAt): void {
  if (prev.found.some((f) => f.offset === at.offset)) {
    prev.confidence = round(Math.max(prev.confidence, confidence))
    return
  }
  if (confidence > prev.confidence) prev.found.unshift(at)
  else prev.found.push(at)
  prev.confidence = round(Math.max(prev.confidence, confidence) + 0.03)
}

function foundAt(line: Line, start: number, length: number, label: string | null, how: FoundHow): FoundAt {
  return {
    offset: line.start + start,
    length,
    line: line.index + 1,
    page: line.page,
    label,
    lineText: line.text.trim().slice(0, 200),
    how,
  }
}

// ---------------------------------------------------------------------------
// Names

interface Token {
  text: string
  start: number
  end: number
}

function tokens(s: string, offset = 0): Token[] {
  const out: Token[] = []
  const re = /\S+/g
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length })
  return out
}

function bare(t: string): string {
  return t.replace(/^[^\p{L}\p{N}|]+|[^\p{L}\p{N}|]+$/gu, '')
}

function isNameWord(t: string): boolean {
  const b = bare(t)
  if (!b) return false
  if (!/^\p{L}/u.test(b) && !/^[0-9|]\p{L}/u.test(b)) return false
  if (!/^[\p{L}\p{M}0-9|'’\-.]+$/u.test(b)) return false
  const digits = (b.match(/[0-9|]/g) ?? []).length
  return digits <= Math.max(1, Math.floor(b.length / 3))
}

/** Strips specks and stray punctuation from the edges of each word of a name part. */
function tidyPart(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}|]+|[^\p{L}\p{N}|.]+$/gu, ''))
    .filter(Boolean)
    .join(' ')
}

/**
 * Cuts a name value where the name ends: a column gap, a bracket, a date or number, a
 * credential, a facility word, a lower-case word that is not a particle.
 */
function cutNameValue(s: string, opts: { allowLowercase: boolean }): { text: string; start: number } | null {
  let end = s.length
  const gap = /\s{2,}|\t|\||\(|\[|;| - |_{2,}/.exec(s)
  if (gap) end = gap.index
  let v = s.slice(0, end)
  const lead = /^[\s,:.\-]*/.exec(v)?.[0].length ?? 0
  const toks = tokens(v.slice(lead), lead)
  const kept: Token[] = []
  for (const t of toks) {
    const b = bare(t.text)
    const up = b.toUpperCase().replace(/\./g, '')
    if (!isNameWord(t.text)) break
    if (CREDENTIALS.test(b) && kept.length >= 2) return null
    if (kept.length > 0 && FACILITY_WORDS.has(up)) break
    if (kept.length > 0 && /^(?:SEX|AGE|DOB|MRN|ACCT|DATE|PHONE|ADDRESS)$/.test(up)) break
    const lower = /^\p{Ll}/u.test(b) && !PARTICLE_WORDS.has(b.toLowerCase())
    if (lower && (!opts.allowLowercase || kept.length >= 2)) break
    kept.push(t)
    if (/,$/.test(t.text) && kept.length > 1 && kept.some((k, i) => i < kept.length - 1 && k.text.includes(','))) break
    if (kept.length >= 6) break
  }
  if (kept.length === 0) return null
  v = s.slice(kept[0]!.start, kept[kept.length - 1]!.end).replace(/[,;:]+$/, '')
  return { text: v, start: kept[0]!.start }
}

function plausibleName(n: PersonName, opts: { lowercaseOk?: boolean } = {}): boolean {
  const parts = [...n.familyName.split(/[\s-]+/), n.givenName].map((p) => bare(p).toUpperCase().replace(/\./g, ''))
  if (parts.some((p) => STOPWORDS.has(p))) return false
  const fam = bare(n.familyName).replace(/[^\p{L}]/gu, '')
  const given = bare(n.givenName).replace(/[^\p{L}]/gu, '')
  if (fam.length < 2 || given.length < 1) return false
  const words = [...n.familyName.split(/\s+/), n.givenName].map(bare).filter((w) => !PARTICLE_WORDS.has(w.toLowerCase()))
  const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w)).length
  // A name is capitalised; an all-lower-case value is accepted only right after a patient-name label.
  if (lowerWords > 0 && !(opts.lowercaseOk && lowerWords === words.length)) return false
  // "Do" and "Pa" are family names too; only the unmistakable credentials rule a name out.
  const credential = (w: string): boolean => CREDENTIALS.test(w) && (w.replace(/\./g, '').length >= 3 || /^m\.?d\.?$/i.test(w))
  if (credential(bare(n.givenName)) || credential(bare(n.familyName))) return false
  return true
}

/**
 * OCR sometimes reads the first letters of an upper-case word in lower case ("soFIA"); a person
 * reads SOFIA. A word whose upper-case tail is longer than its lower-case head is taken as upper case.
 */
export function undoCaseSlips(s: string): string {
  return s.replace(/(?<![\p{L}])(\p{Ll}{1,3})(\p{Lu}{2,})(?![\p{L}])/gu, (w, head: string, tail: string) => (tail.length > head.length ? w.toUpperCase() : w))
}

function readNameValue(
  col: Collector,
  line: Line,
  valueStart: number,
  valueEnd: number,
  label: string | null,
  how: FoundHow,
  confidence: number,
  lowercaseOk = false,
): boolean {
  const region = undoCaseSlips(line.text.slice(valueStart, valueEnd))
  const cut = cutNameValue(region, { allowLowercase: how === 'letter' || how === 'labelled' })
  if (!cut) return false
  const p0 = parsePersonName(cut.text, { maxMiddle: 1 })
  const parsed = p0 && { ...p0, familyName: tidyPart(p0.familyName), givenName: tidyPart(p0.givenName), middleName: p0.middleName ? tidyPart(p0.middleName) || null : null }
  if (!parsed || !parsed.familyName || !parsed.givenName || !plausibleName(parsed, { lowercaseOk })) return false
  const digitsInName = /[0-9|]/.test(parsed.familyName + parsed.givenName)
  col.addName(parsed, cut.text, confidence - (digitsInName ? 0.1 : 0), foundAt(line, valueStart + cut.start, cut.text.length, label, how))
  return true
}

function precedingWord(line: string, pos: number): string {
  const m = /([A-Za-z']+)[\s.]*$/.exec(line.slice(0, pos))
  return (m?.[1] ?? '').toLowerCase().replace(/'s$/, 's').replace(/'/g, '')
}

/** Unlabelled LAST, FIRST M in upper case near other identifiers (stickers, header blocks). */
const LAST_FIRST =
  /(?<![\p{L}0-9])((?:[\p{Lu}0-9|][\p{Lu}0-9|'\-]*\s+){0,3}\p{Lu}[\p{Lu}0-9|'\-li]*[\p{Lu}0-9|])\s*,\s*(\p{Lu}[\p{Lu}0-9|'\-li]*)(?:\s+(\p{Lu}[\p{Lu}'\-]*)\.?)?(?![\p{L}])/gu
const LAST_FIRST_TITLE = /^\s*(\p{Lu}[\p{Ll}'\-]+(?:[ -]\p{Lu}[\p{Ll}'\-]+)?)\s*,\s*(\p{Lu}[\p{Ll}'\-]+)(?:\s+(\p{Lu})\.?)?(?![\p{L}])/u

function stickerNames(col: Collector, line: Line): void {
  const candidates: Array<{ fam: string; given: string; middle: string | undefined; index: number; length: number }> = []
  LAST_FIRST.lastIndex = 0
  for (let m = LAST_FIRST.exec(line.text); m; m = LAST_FIRST.exec(line.text)) {
    candidates.push({ fam: m[1]!, given: m[2]!, middle: m[3], index: m.index, length: m[0].length })
  }
  const t = LAST_FIRST_TITLE.exec(line.text)
  if (t) candidates.push({ fam: t[1]!, given: t[2]!, middle: t[3], index: t.index + (t[0].length - t[0].trimStart().length), length: t[0].trim().length })
  for (const c of candidates) {
    // Walk back from the comma: family name words until a facility or stop word.
    const famWords = c.fam.split(/\s+/)
    let keep = famWords.length
    for (let i = famWords.length - 1; i >= 0; i--) {
      const w = bare(famWords[i]!).toUpperCase()
      if (STOPWORDS.has(w) || FACILITY_WORDS.has(w) || /\d{2,}/.test(w)) {
        keep = famWords.length - 1 - i
        break
      }
    }
    const fam = famWords.slice(famWords.length - keep).join(' ')
    if (!fam) continue
    const given = bare(c.given.replace(/\d{2,}.*$/, ''))
    if (!given) continue
    const up = given.toUpperCase()
    if (STATE_CODES.has(up) && given.length === 2) continue
    if (STOPWORDS.has(up) || FACILITY_WORDS.has(up) || CREDENTIALS.test(given)) continue
    if (c.middle && CREDENTIALS.test(bare(c.middle))) continue
    const providerLabel = line.labels.some(
      (l) => l.start < c.index && /provider|physician|doctor|ordering|attending|referring|admitting|consulting|pcp|dr/i.test(l.labelText),
    )
    if (providerLabel) continue
    const before = line.text.slice(0, c.index).toLowerCase().match(/[a-z']+/g) ?? []
    if (before.some((w) => NOT_PATIENT_QUALIFIERS.has(w.replace(/'s$/, 's').replace(/'/g, '')))) continue
    let middle = c.middle ? bare(c.middle) : null
    if (middle && (STOPWORDS.has(middle.toUpperCase()) || FACILITY_WORDS.has(middle.toUpperCase()) || CREDENTIALS.test(middle))) middle = null
    if (middle && middle.length > 1) {
      // A full middle name only when nothing else follows on the line (else it may be the facility block).
      const after = line.text.slice(c.index + c.length).trim()
      if (after && !/^[\d(]/.test(after)) middle = null
    }
    const afterAll = line.text.slice(c.index + c.length)
    if (/^\s*,?\s*(?:M\.?D|D\.?O|R\.?N|N\.?P|P\.?A|PH\.?D)\b/i.test(afterAll)) continue
    const n: PersonName & { order: 'family-first' } = { familyName: fam, givenName: given, middleName: middle, suffix: null, order: 'family-first' }
    if (!plausibleName(n)) continue
    const famOffset = c.fam.length - fam.length
    const raw = line.text.slice(c.index + famOffset, c.index + c.length).trim()
    const digits = /[0-9|]/.test(fam + given)
    col.addName(n, raw, 0.45 - (digits ? 0.1 : 0), foundAt(line, c.index + famOffset, raw.length, null, 'sticker'))
  }
}

// ---------------------------------------------------------------------------
// Record numbers

const ID_VALUE = /^([A-Za-z0-9|!][A-Za-z0-9|!\-]*)(?:[ -]([0-9OQIl|]{2,})(?=\s|$|[,;)]))?/

function readIdValue(
  col: Collector,
  line: Line,
  hit: LabelHit,
  valueStart: number,
  valueEnd: number,
  mrnPattern: MrnFormat,
  how: FoundHow,
): boolean {
  const region = line.text.slice(valueStart, valueEnd)
  const m = ID_VALUE.exec(region.replace(/^[\s#:]+/, ''))
  if (!m) return false
  const lead = region.length - region.replace(/^[\s#:]+/, '').length
  let raw = m[1]!
  const second = m[2]
  if (hit.def.kind === 'ignore-id') return true
  if (!/[0-9]/.test(raw) && !(second && /[0-9]/.test(second))) return false
  if (hit.def.kind === 'mrn') {
    const foreignQualifier = FOREIGN_MRN_QUALIFIERS.test(line.text.slice(0, hit.start))
    let read = readMrn(raw, mrnPattern)
    if (!read && second) {
      const joined = readMrn(raw + second, mrnPattern)
      if (joined) {
        read = joined
        raw = `${raw} ${second}`
      }
    }
    const at = foundAt(line, valueStart + lead, raw.length, hit.labelText, how)
    if (read && !foreignQualifier) {
      const confidence = (how === 'labelled' ? 0.92 : 0.85) - (read.repaired ? 0.2 : 0)
      col.addId('mrn', { value: read.value, raw, kind: 'mrn', repaired: read.repaired, confidence: round(confidence) }, at)
    } else {
      col.addId(
        'foreign',
        {
          value: normalizeMrn(raw),
          raw,
          kind: 'mrn',
          repaired: false,
          confidence: 0.6,
          whyNotOurs: foreignQualifier ? "labelled as another facility's MRN" : 'does not fit our MRN format',
        },
        at,
      )
    }
    return true
  }
  const kind = hit.def.idKind ?? 'other'
  col.addId(
    'foreign',
    { value: normalizeMrn(raw), raw, kind, repaired: false, confidence: 0.6, whyNotOurs: FOREIGN_WHY[kind] },
    foundAt(line, valueStart + lead, raw.length, hit.labelText, how),
  )
  return true
}

const FOREIGN_WHY: Record<RecordNumberKind, string> = {
  mrn: "another facility's MRN",
  account: "the sending facility's account number",
  visit: "the sending facility's visit number",
  fin: "the sending facility's financial (FIN) number",
  encounter: "the sending facility's encounter number",
  accession: "the laboratory's accession number",
  specimen: "the laboratory's specimen number",
  order: 'an order or requisition number',
  insurance: 'an insurance member or policy number',
  other: 'another reference number',
}

// ---------------------------------------------------------------------------
// Dates under labels

function readDobValue(col: Collector, line: Line, hit: LabelHit, valueStart: number, valueEnd: number, how: FoundHow, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): boolean {
  const region = line.text.slice(valueStart, valueEnd)
  const dates = findDates(region, { order: opts.dateOrder, ocr: true, today: opts.today, compact: true })
  const first = dates[0]
  if (!first) return false
  // The date must come right after the label (allowing a bracket or "on").
  const before = region.slice(0, first.start)
  if (before.length > 12 || /[0-9]/.test(before)) return false
  if (hit.def.source.startsWith('Born') && before.trim() && !/^\s*(?:on|:)?\s*$/i.test(before)) return false
  const confidence = how === 'labelled' ? 0.92 : how === 'letter' ? 0.85 : 0.82
  col.addDate(first, confidence, foundAt(line, valueStart + first.start, first.raw.length, hit.labelText, how))
  return true
}

/** A date followed by an age ("03/14/1962 62Y", "3/14/1962 (62 yo)") is a birth date even without a label. */
function agedDates(col: Collector, line: Line, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): boolean {
  let any = false
  for (const d of findDates(line.text, { order: opts.dateOrder, ocr: true, today: opts.today })) {
    const after = line.text.slice(d.end, d.end + 14)
    if (/^\s*[(/\-,]?\s*(?:age\s*)?\d{1,3}\s*(?:y|yo|y\/o|yrs?|years?)(?![a-z])/i.test(after)) {
      col.addDate(d, 0.6, foundAt(line, d.start, d.raw.length, null, 'sticker'))
      any = true
    }
  }
  return any
}

// ---------------------------------------------------------------------------
// Header grids

const ID_KINDS = new Set<LabelKind>(['name', 'name-generic', 'dob', 'mrn', 'foreign', 'last', 'first'])

function isLabelLine(line: Line): boolean {
  if (line.labels.length < 2) return false
  if (!line.labels.some((l) => ID_KINDS.has(l.def.kind))) return false
  let residue = line.text
  for (const l of [...line.labels].reverse()) residue = residue.slice(0, l.start) + ' '.repeat(l.labelEnd - l.start) + residue.slice(l.labelEnd)
  return residue.replace(/[\s:|/#.\-_=]+/g, '').length <= 2
}

interface Segment {
  text: string
  start: number
  end: number
}

function columnSegments(s: string): Segment[] {
  const out: Segment[] = []
  const re = /\S+(?:\s\S+)*/g
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

function gridValues(col: Collector, labelLine: Line, valueLine: Line, mrnPattern: MrnFormat, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): void {
  const labels = labelLine.labels
  const segs = columnSegments(valueLine.text)
  // 1. Column alignment, when the text kept its spacing: each value under the label that starts
  //    at or just before it, and only when every value fits its label's type.
  if (segs.length >= 2 && columnSegments(labelLine.text).length >= 2) {
    const assign = segs.map((s) => {
      let best = 0
      for (let i = 0; i < labels.length; i++) if (labels[i]!.start <= s.start + 3) best = i
      return best
    })
    const unique = new Set(assign).size === assign.length
    const typeOk = segs.every((s, k) => cellFits(labels[assign[k]!]!, s.text, opts))
    if (unique && typeOk) {
      segs.forEach((s, k) => readGridCell(col, labels[assign[k]!]!, valueLine, s.start, s.end, mrnPattern, opts))
      return
    }
  }
  // 2. By type and order of the values (OCR keeps single spaces).
  const text = valueLine.text
  const dates = findDates(text, { order: opts.dateOrder, ocr: true, today: opts.today })
  // Dates are cut out before the rest is split into words, so "THOMAS11/11/1966" (a lost column gap) still parts.
  let masked = text
  for (const d of dates) masked = masked.slice(0, d.start) + ' '.repeat(d.end - d.start) + masked.slice(d.end)
  const toks = tokens(masked)
  const idToks = toks.filter((t) => {
    const b = bare(t.text)
    return (b.match(/[0-9]/g) ?? []).length >= 4 && !/^\d{1,3}\s*(?:y|yo|yrs?)$/i.test(b)
  })
  const dateLabels = labels.filter((l) => l.def.kind === 'dob' || l.def.kind === 'date-other')
  const idLabels = labels.filter((l) => l.def.kind === 'mrn' || l.def.kind === 'foreign' || l.def.kind === 'ignore-id')
  if (dateLabels.length === dates.length) {
    dateLabels.forEach((l, i) => {
      if (l.def.kind !== 'dob') return
      const d = dates[i]!
      col.addDate(d, 0.8, foundAt(valueLine, d.start, d.raw.length, l.labelText, 'grid'))
    })
  }
  if (idLabels.length === idToks.length) {
    idLabels.forEach((l, i) => {
      const t = idToks[i]!
      readIdValue(col, valueLine, l, t.start, t.end, mrnPattern, 'grid')
    })
  } else {
    // Counts differ: a blank cell would shift the numbers, so none of them is taken as our MRN.
    for (const t of idToks) {
      col.addId(
        'foreign',
        { value: normalizeMrn(bare(t.text)), raw: bare(t.text), kind: 'other', repaired: false, confidence: 0.3, whyNotOurs: 'a number in a header grid whose column could not be told' },
        foundAt(valueLine, t.start, t.text.length, null, 'grid'),
      )
    }
  }
  const nameLabel = labels.find((l) => l.def.kind === 'name' || l.def.kind === 'name-generic')
  if (nameLabel) {
    const textLabels = labels.filter((l) => ['name', 'name-generic', 'other', 'letter'].includes(l.def.kind) && !/^(?:sex|gender|age)$/i.test(l.labelText))
    // Alphabetic runs between the dates and numbers.
    const runs: Segment[] = []
    let cur: Token[] = []
    const flush = (): void => {
      if (cur.length) runs.push({ text: text.slice(cur[0]!.start, cur[cur.length - 1]!.end), start: cur[0]!.start, end: cur[cur.length - 1]!.end })
      cur = []
    }
    for (const t of tokens(masked)) {
      const sexOrAge = /^(?:M|F|MALE|FEMALE|U|X|\d{1,3}\s*(?:Y|YO|YRS?))$/i.test(bare(t.text))
      if (!isNameWord(t.text) || sexOrAge) flush()
      else cur.push(t)
    }
    flush()
    const idx = textLabels.indexOf(nameLabel)
    const run = runs.length === textLabels.length ? runs[idx] : idx === 0 && labels[0] === nameLabel ? runs[0] : undefined
    if (run) readNameValue(col, valueLine, run.start, run.end, nameLabel.labelText, 'grid', 0.8, true)
  }
}

function cellFits(label: LabelHit, value: string, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): boolean {
  switch (label.def.kind) {
    case 'dob':
    case 'date-other':
      return findDates(value, { order: opts.dateOrder, ocr: true, today: opts.today, compact: true })[0]?.start === 0
    case 'mrn':
    case 'foreign':
    case 'ignore-id':
      return /^[#:\s]*[A-Za-z0-9|!-]*[0-9][A-Za-z0-9|!-]*(?:\s[0-9OQIl|]+)?$/.test(value)
    case 'name':
    case 'name-generic':
      return isNameWord(tokens(value)[0]?.text ?? '')
    default:
      return true
  }
}

function readGridCell(col: Collector, label: LabelHit, line: Line, start: number, end: number, mrnPattern: MrnFormat, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): void {
  switch (label.def.kind) {
    case 'name':
    case 'name-generic':
      readNameValue(col, line, start, end, label.labelText, 'grid', 0.85, true)
      break
    case 'dob':
      readDobValue(col, line, label, start, end, 'grid', opts)
      break
    case 'mrn':
    case 'foreign':
    case 'ignore-id':
      readIdValue(col, line, label, start, end, mrnPattern, 'grid')
      break
    default:
      break
  }
}

// ---------------------------------------------------------------------------

/**
 * Reads candidate patient identifiers from a document's text.
 *
 * @example
 *   const ids = extractIdentifiers('Patient Name: DOE, JANE A   DOB: 03/14/1962   MRN: 1234567', { mrnPattern: /^\d{7}$/ })
 *   ids.names[0].familyName // 'DOE'; ids.birthDates[0].date // '1962-03-14'; ids.mrns[0].value // '1234567'
 */
export function extractIdentifiers(text: string, options: ExtractOptions = {}): ExtractedIdentifiers {
  const mrnPattern = compileMrnFormat(options.mrnPattern)
  const dateOpts = { dateOrder: options.dateOrder ?? 'MDY', today: options.today ?? new Date() }
  const col = new Collector()
  const lines = splitLines(text)
  const identifierLines = new Set<number>()
  const fieldParts: Array<{ kind: 'last' | 'first' | 'middle'; value: string; line: Line; start: number; label: string }> = []

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!
    if (!line.text.trim()) continue
    const labels = line.labels

    if (isLabelLine(line)) {
      const next = nextValueLine(lines, li)
      if (next) {
        gridValues(col, line, next, mrnPattern, dateOpts)
        identifierLines.add(li).add(next.index)
      }
      continue
    }

    for (let i = 0; i < labels.length; i++) {
      const hit = labels[i]!
      const valueEnd = labels[i + 1]?.start ?? line.text.length
      const valueStart = hit.valueStart
      const empty = !line.text.slice(valueStart, valueEnd).trim()
      const isLast = i === labels.length - 1
      const kind = hit.def.kind
      // Generic labels (Patient, Name, Re) need a colon, or a line of their own with the value below.
      if (hit.def.needsColon && !hit.hasColon && !(labels.length === 1 && line.text.trim() === hit.labelText)) continue
      // Value on the next line ("Patient Name:" then "DOE, JANE").
      let vLine = line
      let vStart = valueStart
      let vEnd = valueEnd
      let how: FoundHow = kind === 'letter' ? 'letter' : 'labelled'
      if (empty) {
        const aloneOnLine = labels.length === 1 && line.text.trim().replace(/[:;#\s]+$/, '') === hit.labelText.replace(/[:;#\s]+$/, '')
        if (!isLast || !(hit.hasColon || aloneOnLine || kind === 'dob' || kind === 'mrn' || kind === 'name')) continue
        const next = nextValueLine(lines, li)
        if (!next || next.labels.some((l) => l.start < 3)) continue
        vLine = next
        vStart = next.text.length - next.text.trimStart().length
        const gap = /\s{3,}|\t/.exec(next.text.slice(vStart))
        vEnd = gap ? vStart + gap.index : next.text.length
        how = 'next-line'
      }
      switch (kind) {
        case 'name':
        case 'name-generic':
        case 'letter': {
          if (kind !== 'name') {
            const q = precedingWord(line.text, hit.start)
            if (NOT_PATIENT_QUALIFIERS.has(q)) break
            // In running text ("according to the patient; however, he ...") the label follows a lower-case word.
            if (/\p{Ll}[\p{L}']*[ \t]?$/u.test(line.text.slice(0, hit.start))) break
          }
          const conf = kind === 'name' ? 0.9 : kind === 'letter' ? 0.75 : 0.82
          // An all-lower-case name is read only from a form-like label that starts its line.
          const lowercaseOk = how === 'next-line' || (how === 'labelled' && !line.text.slice(0, hit.start).trim())
          if (readNameValue(col, vLine, vStart, vEnd, hit.labelText, how, how === 'next-line' ? conf - 0.1 : conf, lowercaseOk)) identifierLines.add(vLine.index)
          break
        }
        case 'last':
        case 'first':
        case 'middle': {
          if (NOT_PATIENT_QUALIFIERS.has(precedingWord(line.text, hit.start))) break
          const cut = cutNameValue(vLine.text.slice(vStart, vEnd), { allowLowercase: false })
          if (cut) fieldParts.push({ kind, value: cut.text.split(/\s+/).slice(0, kind === 'last' ? 3 : 2).join(' '), line: vLine, start: vStart + cut.start, label: hit.labelText })
          break
        }
        case 'dob':
          if (readDobValue(col, vLine, hit, vStart, vEnd, how, dateOpts)) identifierLines.add(vLine.index)
          break
        case 'mrn':
        case 'foreign':
        case 'ignore-id':
          if (readIdValue(col, vLine, hit, vStart, vEnd, mrnPattern, how)) identifierLines.add(vLine.index)
          break
        default:
          break
      }
    }
    if (agedDates(col, line, dateOpts)) identifierLines.add(li)
  }

  // Separate Last / First / MI fields.
  for (let i = 0; i < fieldParts.length; i++) {
    const last = fieldParts[i]!
    if (last.kind !== 'last') continue
    const first = fieldParts.find((f) => f.kind === 'first' && f.line.page === last.line.page && Math.abs(f.line.index - last.line.index) <= 3)
    if (!first) continue
    const middle = fieldParts.find((f) => f.kind === 'middle' && f.line.page === last.line.page && Math.abs(f.line.index - last.line.index) <= 3)
    const n: PersonName = { familyName: last.value, givenName: first.value.split(' ')[0]!, middleName: middle?.value ?? (first.value.split(' ')[1] || null), suffix: null }
    if (!plausibleName(n)) continue
    col.addName({ ...n, order: 'fields' }, `${last.value}, ${first.value}${middle ? ` ${middle.value}` : ''}`, 0.9, foundAt(last.line, last.start, last.value.length, last.label, 'fields'))
    identifierLines.add(last.line.index)
  }

  // Letters name the patient in running text, right before the birth date ("referring Ms. Helena Brandt (DOB 7/21/1958)").
  for (const line of lines) {
    PROSE_PATIENT.lastIndex = 0
    for (let m = PROSE_PATIENT.exec(line.text); m; m = PROSE_PATIENT.exec(line.text)) {
      const start = m.index + m[0].indexOf(m[1]!)
      if (readNameValue(col, line, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(line.index)
    }
  }

  // Unlabelled LAST, FIRST near identifier lines (stickers, header blocks).
  for (const line of lines) {
    if (!line.text.includes(',')) continue
    let near = false
    for (let d = -3; d <= 3 && !near; d++) if (identifierLines.has(line.index + d) && lines[line.index + d]?.page === line.page) near = true
    if (near) stickerNames(col, line)
  }

  const byConfidence = <T extends { confidence: number }>(a: T, b: T): number => b.confidence - a.confidence
  return {
    names: [...col.names.values()].sort(byConfidence),
    birthDates: [...col.dates.values()].sort(byConfidence),
    unreadableBirthDates: [...col.unreadable.values()],
    mrns: [...col.mrns.values()].sort(byConfidence),
    foreignIds: [...col.foreign.values()].sort(byConfidence),
  }
}

/** A capitalised name after a referring verb, with the birth date straight after it. No i flag: \p{Lu} must stay upper case. */
const PROSE_PATIENT =
  /(?<![\p{L}])(?:[Rr]eferring|[Rr]efer|[Rr]egarding|[Ss]eeing|[Ss]aw|[Ss]een|[Ee]valuat(?:e|ed|ing)|[Pp]atient)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?(\p{Lu}[\p{L}'\-]*\.?(?:\s+\p{Lu}[\p{L}'\-]*\.?){1,3})\s*(?:\(\s*|,\s*)(?:DOB|D\.O\.B\.?|[Dd]ate of [Bb]irth|[Bb]orn)(?![\p{L}])/gu

function nextValueLine(lines: Line[], li: number): Line | undefined {
  for (let j = li + 1; j <= li + 2 && j < lines.length; j++) {
    const l = lines[j]!
    if (l.page !== lines[li]!.page) return undefined
    if (!l.text.trim()) continue
    if (isLabelLine(l)) return undefined
    return l
  }
  return undefined
}
