/** Shapes of rule files, loaded rule sets, findings and rule-file problems. */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import type { DocumentType } from '../model/types.js'

export const SEVERITIES = ['error', 'warning'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Deficiency kinds (DOMAIN.md "Deficiency workflow"); a closed list. */
export const DEFICIENCY_KINDS = [
  'missing_signature',
  'missing_field',
  'missing_document',
  'missing_pages',
  'invalid_date',
  'illegible',
  'misfiled',
  'other',
] as const
export type DeficiencyKind = (typeof DEFICIENCY_KINDS)[number]

/** `"chart"`: the rule sees the whole chart once; `"all_documents"`: every document; else the listed types. */
export type AppliesTo = 'chart' | 'all_documents' | DocumentType[]

/** A rule file as the records lead writes it (JSON or YAML). */
export interface RuleFile {
  $schema?: string
  id: string
  version: number
  title: string
  description?: string
  reference?: string
  enabled?: boolean
  severity: Severity
  kind: DeficiencyKind
  appliesTo: AppliesTo
  schema: Record<string, unknown>
  message: string
  /** Display names for fields in messages, e.g. { "referenceRange": "reference interval" }. */
  labels?: Record<string, string>
  /** Dotted path (in the checked document or item) whose number, or first number of a list, is the finding's page. */
  page?: string
  examples: { asOf?: string; pass: unknown[]; fail: unknown[] }
}

/** A rule ready to run: its file, its compiled validator, where it came from. */
export interface CompiledRule {
  readonly id: string
  readonly version: number
  readonly title: string
  readonly severity: Severity
  readonly kind: DeficiencyKind
  readonly appliesTo: AppliesTo
  readonly enabled: boolean
  readonly message: string
  readonly labels: Readonly<Record<string, string>>
  readonly page: string | null
  /** Relative file name, as used in problem messages. */
  readonly file: string
  /** SHA-256 of the file's parsed content (canonical JSON), hex. */
  readonly sha256: string
  readonly validate: ValidateFunction
  /** Internal: the parsed message template. */
  readonly template: import('./message.js').Template
}

export interface RuleSet {
  /** Folder the set was loaded from. */
  readonly dir: string
  /**
   * Version of the whole set: a hash over every rule's canonical content (which includes each
   * file's own `version`), so any change to what is checked gives a new version and whitespace or
   * comment edits do not. Form: `rs-<12 hex>`.
   */
  readonly version: string
  /** Each rule's id, own version and content hash, sorted by id. */
  readonly manifest: readonly { id: string; version: number; file: string; sha256: string; enabled: boolean }[]
  readonly rules: readonly CompiledRule[]
  /** Enabled document rules by document type (all_documents rules are in every list). */
  readonly byType: ReadonlyMap<string, readonly CompiledRule[]>
  /** Enabled chart rules. */
  readonly chartRules: readonly CompiledRule[]
  /** Field labels by document type and field name (from rules/doctypes), for messages. */
  readonly fieldLabels: ReadonlyMap<string, ReadonlyMap<string, string>>
  readonly loadedAt: string
}

/** One deficiency found by one rule in one chart. */
export interface Finding {
  ruleId: string
  ruleVersion: number
  kind: DeficiencyKind
  severity: Severity
  /** The document the finding is about; null for a chart-level finding without one. */
  documentId: string | null
  /**
   * Stable key of what the finding is about, for re-checks: the document id, else
   * `encounter:<id>` for a stay known only from an encounter, else a JSON pointer, else null (the chart).
   */
  subject: string | null
  message: string
  rulesetVersion: string
  page?: number
  /** Fields named as missing (labels as in the message), when the rule reports missing fields. */
  missing?: string[]
}

/** One thing wrong with one rule file. */
export interface RuleProblem {
  /** File path as given to the loader (relative to the working folder when possible). */
  file: string
  /** JSON pointer inside the file ("" for the whole file). */
  pointer: string
  line?: number
  column?: number
  message: string
}

/** The Ajv error shape rules produce. */
export type RuleError = ErrorObject
