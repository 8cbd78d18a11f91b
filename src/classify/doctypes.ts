/**
 * Document-type files: `rules/doctypes/<type>.json`, one per type, validated against
 * `rules/doctypes/doctype.schema.json`. A records lead adds or tunes a type by editing
 * these files; a broken file is refused with file:line:column and JSON pointer.
 *
 * @example
 *   const set = loadDocTypes()            // throws ChartclerkError RULE_FILE_INVALID
 *   set.byType.get('lab_report')?.fields  // required elements of a lab report
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import ajvErrorsModule from 'ajv-errors'
import { ChartclerkError } from '../errors.js'
import { locate, pointerOffsets, positionOfOffset } from './jsonLocation.js'
import { defaultDocTypesDir } from './paths.js'

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

/** One thing wrong with one file, with a location a person can find. */
export interface DocTypeProblem {
  file: string
  /** "line:column" or "" when unknown. */
  position: string
  /** JSON pointer inside the file ("" for the whole file). */
  pointer: string
  message: string
}

export const DOCTYPE_SCHEMA_FILE = 'doctype.schema.json'

// ajv-errors is CommonJS; under NodeNext its default import may arrive wrapped.
const ajvErrors = ((ajvErrorsModule as unknown as { default?: unknown }).default ?? ajvErrorsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020

const validators = new Map<string, ValidateFunction>()

function validatorFor(schemaPath: string): ValidateFunction {
  const cached = validators.get(schemaPath)
  if (cached) return cached
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
  ajvErrors(ajv)
  const v = ajv.compile(schema)
  validators.set(schemaPath, v)
  return v
}

/** Formats a problem as `file:line:col pointer: message`. */
export function formatProblem(p: DocTypeProblem): string {
  const where = p.position ? `${p.file}:${p.position}` : p.file
  return `${where}${p.pointer ? ` ${p.pointer}` : ''}: ${p.message}`
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') {
    return `unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`
  }
  if (e.keyword === 'required') {
    return `missing property "${String((e.params as { missingProperty?: string }).missingProperty)}"`
  }
  if (e.keyword === 'enum') {
    return `${e.message ?? 'invalid value'}: ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`
  }
  return e.message ?? e.keyword
}

/**
 * Validates every `<type>.json` in `dir` and returns the good types and the problems as data
 * (for `chartclerk rules check`). Never throws for bad files.
 */
export function checkDocTypes(dir: string = defaultDocTypesDir()): { set: DocTypeSet; problems: DocTypeProblem[] } {
  const problems: DocTypeProblem[] = []
  const types: DocTypeDef[] = []
  const byType = new Map<string, DocTypeDef>()
  const schemaPath = existsSync(path.join(dir, DOCTYPE_SCHEMA_FILE))
    ? path.join(dir, DOCTYPE_SCHEMA_FILE)
    : path.join(defaultDocTypesDir(), DOCTYPE_SCHEMA_FILE)
  let validate: ValidateFunction
  try {
    validate = validatorFor(schemaPath)
  } catch (err) {
    problems.push({ file: schemaPath, position: '', pointer: '', message: `schema does not load: ${(err as Error).message}` })
    return { set: { dir, types, byType }, problems }
  }
  let names: string[]
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && n !== DOCTYPE_SCHEMA_FILE)
      .sort()
  } catch (err) {
    problems.push({ file: dir, position: '', pointer: '', message: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? 'error'}` })
    return { set: { dir, types, byType }, problems }
  }
  if (names.length === 0) problems.push({ file: dir, position: '', pointer: '', message: 'no document-type files (<type>.json) found' })

  for (const name of names) {
    const file = path.join(dir, name)
    const text = readFileSync(file, 'utf8')
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (err) {
      const msg = (err as Error).message
      const m = /position (\d+)/.exec(msg)
      const pos = m ? positionOfOffset(text, Number(m[1])) : undefined
      problems.push({ file, position: pos ? `${pos.line}:${pos.column}` : '', pointer: '', message: `not valid JSON: ${msg}` })
      continue
    }
    const offsets = pointerOffsets(text)
    const add = (pointer: string, message: string): void => {
      problems.push({ file, position: locate(text, pointer, offsets), pointer, message })
    }
    if (!validate(data)) {
      for (const e of validate.errors ?? []) {
        const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined
        add(extra !== undefined ? `${e.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}` : e.instancePath, ajvMessage(e))
      }
      continue
    }
    const doc = data as DocTypeFile
    let ok = true
    if (`${doc.type}.json` !== name) {
      add('/type', `type "${doc.type}" does not match the file name; name the file ${doc.type}.json`)
      ok = false
    }
    const compiledPatterns: DocTypeDef['compiledPatterns'] = []
    doc.signals.patterns.forEach((p, i) => {
      try {
        compiledPatterns.push({ re: new RegExp(p.regex, 'im'), weight: p.weight, source: p.regex })
      } catch (err) {
        add(`/signals/patterns/${i}/regex`, `not a valid regular expression: ${(err as Error).message}`)
        ok = false
      }
    })
    const seen = new Set<string>()
    doc.fields.forEach((f, i) => {
      if (seen.has(f.name)) {
        add(`/fields/${i}/name`, `field "${f.name}" is listed twice`)
        ok = false
      }
      seen.add(f.name)
    })
    if (!ok) continue
    const def: DocTypeDef = {
      type: doc.type,
      title: doc.title,
      description: doc.description,
      signals: doc.signals,
      fields: doc.fields,
      file,
      compiledPatterns,
    }
    types.push(def)
    byType.set(def.type, def)
  }
  return { set: { dir, types, byType }, problems }
}

/** RULE_FILE_INVALID for document-type files, carrying each problem as data. */
export class DocTypeFilesError extends ChartclerkError {
  readonly problems: DocTypeProblem[]
  constructor(dir: string, problems: DocTypeProblem[]) {
    const text = problems.map(formatProblem).join('; ')
    super(
      'RULE_FILE_INVALID',
      `A document-type file under ${dir} is not valid: ${text}. Fix the file at the place named; until then the previous document types stay in force.`,
      { detail: text, stage: 'classify' },
    )
    this.problems = problems
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
