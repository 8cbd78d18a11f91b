/** Shapes of field extraction: what a type description asks for, and what was found where. */
import type { DocumentType } from '../model/types.js'
import type { LabTest } from './labTable.js'
import type { MissingPagesResult } from './pages.js'
import type { RoiElements } from './roi.js'
import type { SignatureResult } from './signature.js'

export type FieldKind = 'text' | 'date' | 'person' | 'facility' | 'list'

export type FieldSource =
  | 'signature'
  | 'signatureDate'
  | 'letterhead'
  | 'letterheadAddress'
  | 'labTable.testName'
  | 'labTable.result'
  | 'labTable.units'
  | 'labTable.referenceRange'

/**
 * One element of a document type, as written in `rules/doctypes/<type>.json` `fields`.
 * Only name, label, required, kind and labels are required; the rest tune extraction.
 */
export interface FieldDef {
  name: string
  label: string
  required: boolean
  kind: FieldKind
  /** Printed label variants, most specific first. */
  labels: string[]
  /** Regular expressions (flags i, m) for values printed without a label; group "value" is the value. */
  patterns?: string[]
  /** The value may continue on following lines up to the next heading. */
  multiline?: boolean
  source?: FieldSource
  /** Rank among the type's date fields for the document's date of service (1 first). */
  dateOfService?: number
  /** Rank among the type's person fields for the document's author (1 first). */
  author?: number
  /** Rank among the type's facility fields for the sending facility (1 first). */
  sendingFacility?: number
}

/** What extractFields needs from a type description (a loaded `DocTypeDef` fits). */
export interface TypeDefLike {
  type?: string
  fields: ReadonlyArray<FieldDef>
  signals?: { titles?: ReadonlyArray<string> }
}

export type Via = 'label' | 'pattern' | 'table' | 'letterhead' | 'fax-header' | 'signature' | 'lab-table' | 'fallback-label'

/** A value and where it was found. `offset` is a character offset into the page's text. */
export interface FieldHit<V = FieldValueOut> {
  value: V
  /** Page (1-based). */
  page: number
  offset: number
  /** Line on the page (1-based). */
  line: number
  /** The label as printed in the document, or null when the value had none (letterhead, pattern, signature). */
  label: string | null
  via: Via
  /** For dates: the text as printed before normalisation. */
  raw?: string
}

export type FieldValueOut = string | string[]

/** Something a clerk may want to look at: a label with an unreadable value, a test row without a range. */
export interface ExtractionProblem {
  field: string
  message: string
  page?: number
  line?: number
}

export type DocumentStatusGuess = 'preliminary' | 'final' | 'amended' | 'corrected' | null

export interface FieldExtraction {
  docType: DocumentType | string
  /** Fields found, by the names in the type description. */
  fields: Record<string, FieldHit>
  /** Required fields of the type that were not found. */
  missing: string[]
  /** The document's date of service (ISO), chosen by type, and the field it came from. */
  dateOfService: (FieldHit<string> & { field: string | null }) | null
  /** Author / responsible provider: the type's author fields, else the signer, else "Dictated by". */
  author: (FieldHit<string> & { field: string | null }) | null
  /** Sending facility: the type's facility fields, else the letterhead, else the fax header "FROM:". */
  facility: (FieldHit<string> & { field: string | null }) | null
  /** Address under the letterhead, when there is one. */
  facilityAddress: FieldHit<string> | null
  signature: SignatureResult
  pages: MissingPagesResult
  /** Lab reports: the results table. */
  labTests?: LabTest[]
  /** ROI authorizations: the 45 CFR 164.508(c) elements. */
  roi?: RoiElements
  /** Report status printed on the document ("PRELIMINARY", "FINAL", "AMENDED", "CORRECTED"), else null. */
  status: DocumentStatusGuess
  problems: ExtractionProblem[]
}
