/** What reading a document's patient identifiers gives: candidates, each with where it was found and a confidence. */
import { type DateOrder } from '../dates.js'
import { type PersonName } from '../names.js'

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
  'mrn' | 'account' | 'visit' | 'fin' | 'encounter' | 'accession' | 'specimen' | 'order' | 'insurance' | 'other'

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
