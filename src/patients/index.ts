/** Patient identification: importing the patient index, reading identifiers from documents, matching. */
export {
  importPatients,
  importPatientsCsv,
  importPatientsFhir,
  parseColumnMap,
  patientsToCsv,
  DEFAULT_MRN_SYSTEM,
} from './importPatients.js'
export type { CsvImportOptions, FhirImportOptions, PatientField, PatientImportError, PatientImportResult } from './importPatients.js'
export { extractIdentifiers } from './extractIdentifiers.js'
export type {
  BirthDateCandidate,
  ExtractOptions,
  ExtractedIdentifiers,
  FoundAt,
  NameCandidate,
  RecordNumberCandidate,
  RecordNumberKind,
  UnreadableBirthDate,
} from './extractIdentifiers.js'
export { matchPatient, describeDecision } from './match.js'
export type {
  DocumentIdentifiers,
  IdentifierKind,
  IdentifierStatus,
  MatchCandidate,
  MatchOptions,
  MatchResult,
  PatientIndex,
} from './match.js'
export { MemoryPatientIndex } from './memoryIndex.js'
export { patientNameKeys, phoneticKey, compareNames } from './names.js'
export { DEFAULT_MRN_PATTERN, compileMrnFormat, compileMrnPattern, fitsMrnFormat, mrnKey, normalizeMrn } from './mrn.js'
export type { MrnFormat } from './mrn.js'
