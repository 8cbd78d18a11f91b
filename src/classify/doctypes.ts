/**
 * Document-type files: `rules/doctypes/<type>.json`, one per type, validated against
 * `rules/doctypes/doctype.schema.json`. A records lead adds or tunes a type by editing
 * these files; a broken file is refused with file:line:column and JSON pointer. Read through
 * the one rule-file loader (src/rules/ruleFiles.ts), like every file the records lead edits.
 *
 * @example
 *   const set = loadDocTypes()            // throws ChartclerkError RULE_FILE_INVALID
 *   set.byType.get('lab_report')?.fields  // required elements of a lab report
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { formatProblem, RuleFilesError, schemaKind, type RuleFileKind, type ValidFile } from '../rules/ruleFiles.js'
import type { RuleProblem } from '../rules/types.js'
import { defaultDocTypesDir } from './paths.js'

export { formatProblem }

export type FieldKind = 'text' | 'date' | 'person' | 'facility' | 'list'

export interface DocTypeField {
  name: string
  label: string
  required: boolean
  kind: FieldKind
  labels: string[]
}

export interface DocTypeSignals {
  titles: string[]
  keywords: { term: string; weight: number }[]
  patterns: { regex: string; weight: number }[]
}

/** A document type as written in its file. */
export interface DocTypeFile {
  type: string
  title: string
  description: string
  signals: DocTypeSignals
  fields: DocTypeField[]
}

/** A loaded type: the file plus its compiled patterns and where it came from. */
export interface DocTypeDef extends DocTypeFile {
  file: string
  compiledPatterns: { re: RegExp; weight: number; source: string }[]
}

export interface DocTypeSet {
  dir: string
  types: DocTypeDef[]
  byType: Map<string, DocTypeDef>
}

/** One thing wrong with one file: `file:line:col /pointer: message` (see formatProblem). */
export type DocTypeProblem = RuleProblem

export const DOCTYPE_SCHEMA_FILE = 'doctype.schema.json'

/** The document-type parse step: file name matches the type, patterns compile, no field twice. */
function parseDocTypes(files: ValidFile[], dir: string): DocTypeSet {
  const types: DocTypeDef[] = []
  for (const f of files) {
    const doc = f.value as DocTypeFile
    let ok = true
    if (`${doc.type}.json` !== path.basename(f.abs)) {
      f.problem('/type', `type "${doc.type}" does not match the file name; name the file ${doc.type}.json`)
      ok = false
    }
    const compiledPatterns: DocTypeDef['compiledPatterns'] = []
    doc.signals.patterns.forEach((p, i) => {
      try {
        compiledPatterns.push({ re: new RegExp(p.regex, 'im'), weight: p.weight, source: p.regex })
      } catch (err) {
        f.problem(`/signals/patterns/${i}/regex`, `not a valid regular expression: ${(err as Error).message}`)
        ok = false
      }
    })
    const seen = new Set<string>()
    doc.fields.forEach((fd, i) => {
      if (seen.has(fd.name)) {
        f.problem(`/fields/${i}/name`, `field "${fd.name}" is listed twice`)
        ok = false
      }
      seen.add(fd.name)
    })
    if (!ok) continue
    const { $schema: _s, ...rest } = doc as DocTypeFile & { $schema?: string }
    types.push({ ...rest, file: f.file, compiledPatterns })
  }
  return { dir, types, byType: new Map(types.map((t) => [t.type, t])) }
}

/** `rules/doctypes/`: one file per type; the lead's folder, else the shipped one. */
export const DOCTYPES_KIND: RuleFileKind<DocTypeSet> = schemaKind<DocTypeSet>({
  name: 'doctypes',
  title: 'document types',
  shape: 'folder',
  locate: (rulesDir) => {
    const own = path.join(rulesDir, 'doctypes')
    return existsSync(own) ? own : defaultDocTypesDir()
  },
  schemaFile: () => path.join(defaultDocTypesDir(), DOCTYPE_SCHEMA_FILE),
  formats: ['json'],
  emptyFolder: 'no document-type files (<type>.json) found',
  parse: (files, _problem, dir) => parseDocTypes(files, dir),
  describe: (set) => `${set.types.length} document types`,
})

/**
 * Validates every `<type>.json` in `dir` and returns the types and the problems as data
 * (for `chartclerk rules check`). Never throws for bad files; with any problem the set is empty.
 */
export function checkDocTypes(dir: string = defaultDocTypesDir()): { set: DocTypeSet; problems: DocTypeProblem[] } {
  const r = DOCTYPES_KIND.load(dir, process.cwd())
  return { set: r.value ?? { dir, types: [], byType: new Map() }, problems: r.problems }
}

/** RULE_FILE_INVALID for document-type files, carrying each problem as data. */
export class DocTypeFilesError extends RuleFilesError {
  constructor(dir: string, problems: DocTypeProblem[]) {
    super('document types', dir, problems, 'classify')
    this.name = 'DocTypeFilesError'
  }
}

/**
 * Loads the document types in `dir` (default: the shipped `rules/doctypes/`).
 * Throws ChartclerkError RULE_FILE_INVALID naming every bad file and location,
 * so a caller can keep its last good set in force.
 */
export function loadDocTypes(dir: string = defaultDocTypesDir()): DocTypeSet {
  const { set, problems } = checkDocTypes(dir)
  if (problems.length > 0) throw new DocTypeFilesError(dir, problems)
  return set
}
