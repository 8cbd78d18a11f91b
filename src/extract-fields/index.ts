/**
 * Field extraction for outside records: pure functions over extracted text.
 *
 * - {@link extractFields}: a document type's elements (rules/doctypes/<type>.json `fields`), each with where it was found.
 * - {@link detectSignature}: signed or not, by whom, when, and how (electronic / handwritten / stamped).
 * - {@link detectMissingPages}: "Page x of N" and fax headers, pages missing, repeated or out of order.
 * - {@link findDates} / {@link parseDate}: dates in any common format, OCR damage tolerated, as ISO YYYY-MM-DD.
 */
export { extractFields, toChartFields, type ExtractOptions } from './extract.js'
export { detectSignature, type SignatureFinding, type SignatureKind, type SignatureResult, type UnsignedMarker } from './signature.js'
export { detectMissingPages, type MissingPagesResult, type PageMark, type PageSeries, type MarkerSource } from './pages.js'
export { findDates, firstDate, parseDate, type DateMatch, type DateOptions } from './dates.js'
export { readLabTable, parseRow, type LabTest } from './labTable.js'
export { labResultsOf, withLabResults, type LabResultRow } from './labResults.js'
export { readLetterhead, type Letterhead } from './letterhead.js'
export { roiElements, type RoiElements } from './roi.js'
export { isNameLike, nameFrom } from './names.js'
export type {
  DocumentStatusGuess,
  ExtractionProblem,
  FieldDef,
  FieldExtraction,
  FieldHit,
  FieldKind,
  FieldSource,
  FieldValueOut,
  TypeDefLike,
  Via,
} from './types.js'
