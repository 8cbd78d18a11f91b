/**
 * The one loader for every kind of file the records lead edits: check rules, document types,
 * routing rules, protected categories and the retention schedule. Each kind declares where its
 * files live (a folder of files, or one file), the JSON Schema they are validated against (Ajv,
 * the same configuration as the check rules) and a parse step that turns the valid files into
 * what chartclerk uses. Every problem is `file:line:col /json/pointer: message`; a kind with any
 * problem does not load at all (the caller keeps its last good version, see hotReload.ts).
 *
 * @example
 *   const r = loadKind(ROUTING_KIND_DECL, 'rules')    // never throws
 *   r.value ?? keepLastGood(r.problems.map(formatProblem))
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { ChartclerkError } from '../errors.js'
import { shippedSchemaAjv } from './ajv.js'
import { encodePointerSegment, formatOfFile, parseSource, type ParsedSource, type SourceFormat } from './source.js'
import type { RuleProblem } from './types.js'

export type RuleFileKindName = 'checks' | 'doctypes' | 'routing' | 'protected' | 'retention'

/** `file:line:column /pointer: message` (line and pointer left out when unknown). */
export function formatProblem(p: RuleProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file
  return `${where}${p.pointer ? ` ${p.pointer}` : ''}: ${p.message}`
}

/** A problem at a JSON pointer of a parsed file, with the line:column the pointer is at. */
export function problemAt(file: string, source: ParsedSource | undefined, pointer: string, message: string): RuleProblem {
  const pos = source?.locate(pointer)
  return { file, pointer, ...(pos ? { line: pos.line, column: pos.column } : {}), message }
}

/** A file name as problems show it: relative to `cwd` when inside it, else absolute. */
export function relName(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs
}

/* ---------- suggestions and Ajv errors, shared by every kind ---------- */

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]!
}

/** ` (did you mean "x"?)` when a known word is close enough, else ''. */
export function suggest(word: string, known: Iterable<string>): string {
  let best = ''
  let bestD = Infinity
  for (const k of known) {
    const d = editDistance(word, k)
    if (d < bestD) {
      best = k
      bestD = d
    }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 4)) ? ` (did you mean "${best}"?)` : ''
}

/** Ajv errors about one value in a file, as problems (pointer = base + instancePath). */
export function ajvProblems(
  errors: readonly ErrorObject[],
  base: string,
  knownKeys?: readonly string[],
): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = []
  const byPath = new Map<string, ErrorObject[]>()
  for (const e of errors) {
    if (e.keyword === 'if') continue
    let p = e.instancePath
    if (e.keyword === 'additionalProperties')
      p += `/${encodePointerSegment(String((e.params as { additionalProperty: string }).additionalProperty))}`
    const list = byPath.get(p) ?? []
    list.push(e)
    byPath.set(p, list)
  }
  // "one of these shapes": when a branch got further (errors deeper inside), the other branches'
  // complaints about the value as a whole ("must be array") only mislead.
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') continue
    const p = e.instancePath
    if ([...byPath.keys()].some((q) => q.startsWith(`${p}/`))) byPath.delete(p)
  }
  for (const [p, errs] of byPath) {
    // Meta-schema checks give several errors for one bad "type"; one clear line is enough.
    const en = errs.find((e) => e.keyword === 'enum')
    const chosen = en ? [en] : errs.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').slice(0, 3)
    for (const e of chosen.length ? chosen : errs.slice(0, 1)) {
      const params = e.params as Record<string, unknown>
      let message = e.message ?? e.keyword
      if (e.keyword === 'additionalProperties') {
        const prop = String(params.additionalProperty)
        message = `unknown property "${prop}"${knownKeys && p.split('/').length === 2 ? suggest(prop, knownKeys) : ''}`
      } else if (e.keyword === 'required') {
        message = `missing property "${String(params.missingProperty)}"`
      } else if (e.keyword === 'enum') {
        message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
      }
      out.push({ pointer: base + p, message })
    }
  }
  return out
}

/* ---------- reading one file ---------- */

/**
 * Reads and parses one file (strict JSON, or YAML; duplicate keys refused). Never throws.
 * `empty`: what to say when the file holds nothing.
 */
export function readRuleSource(abs: string, file: string, empty: string): { source?: ParsedSource; problems: RuleProblem[] } {
  let text: string
  try {
    text = readFileSync(abs, 'utf8')
  } catch (err) {
    return {
      problems: [{ file, pointer: '', message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }],
    }
  }
  const source = parseSource(text, formatOfFile(abs) ?? 'json')
  const problems: RuleProblem[] = source.problems.map((p) => ({
    file,
    pointer: p.pointer,
    ...(p.position ? { line: p.position.line, column: p.position.column } : {}),
    message: p.message,
  }))
  if (!problems.length && (text.trim() === '' || source.value === null || source.value === undefined))
    problems.push({ file, pointer: '', message: empty })
  return { source, problems }
}

const schemaValidators = new Map<string, ValidateFunction>()

/** The compiled schema of a kind (shipped with chartclerk; compiled once per process). */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let v = schemaValidators.get(schemaFile)
  if (!v) {
    v = shippedSchemaAjv().compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>)
    schemaValidators.set(schemaFile, v)
  }
  return v
}

/* ---------- kinds ---------- */

/** One file of a kind that parsed and passed the kind's schema. */
export interface ValidFile {
  abs: string
  /** Name as problems show it. */
  file: string
  value: unknown
  source: ParsedSource
  /** Reports a problem at a JSON pointer inside this file; the kind then does not load. */
  problem(pointer: string, message: string): void
}

/** What loading one kind gives: the value, or null and every problem. */
export interface KindLoad<T> {
  value: T | null
  problems: RuleProblem[]
  /** The files read (names as in problems). */
  files: string[]
  /** Where the kind was read from (a folder or a file). */
  location: string
  /** A hash of what was loaded: the same content gives the same version (null when refused). */
  version: string | null
}

export interface RuleFileKind<T> {
  name: RuleFileKindName
  /** How the records lead calls these files, for messages ("routing rules"). */
  title: string
  /** The folder or file this kind reads, given the rules folder (may fall back to the shipped copy). */
  locate(rulesDir: string): string
  /** Whether `locate` names a folder of files or one file (what hot reload watches). */
  shape: 'folder' | 'file'
  /** Loads the kind from where `locate` pointed. Never throws. */
  load(location: string, cwd: string): KindLoad<T>
  /** One line for status pages: "3 routing rules". */
  describe(value: T): string
}

export interface SchemaKindDecl<T> {
  name: RuleFileKindName
  title: string
  /** `folder`: one item per file (*.json, or also *.yaml when yaml is allowed); `file`: one file. */
  shape: 'folder' | 'file'
  locate(rulesDir: string): string
  /** The JSON Schema every file is validated against. */
  schemaFile: () => string
  formats: readonly SourceFormat[]
  /** A folder with no files: a problem (message) or a valid empty kind (null). */
  emptyFolder: string | null
  /** What the kind is when its file does not exist (file kinds); undefined: a problem. */
  whenMissing?: () => T
  /** Builds the value from the valid files (sorted by name); problems through `f.problem` or `problem`. */
  parse(files: ValidFile[], problem: (p: RuleProblem) => void, location: string): T
  describe(value: T): string
}

/** JSON with sorted keys and undefined members left out: equal content, equal text. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

/** Hash of a list of (name, parsed value): whitespace and key order do not change it. */
export function contentVersion(prefix: string, files: { file: string; value: unknown }[]): string {
  const h = createHash('sha256')
  for (const f of files) {
    const value = f.value && typeof f.value === 'object' && !Array.isArray(f.value) ? { ...f.value, $schema: undefined } : f.value
    h.update(`${path.basename(f.file)}\n${canonical(value)}\n`)
  }
  return `${prefix}-${h.digest('hex').slice(0, 12)}`
}

/**
 * The bytes of every file a load read (names and contents), hashed; null when one cannot be read.
 * Two loads whose files hash the same read the same thing, so the second may reuse the first.
 */
function filesFingerprint(files: string[]): string | null {
  const h = createHash('sha256')
  for (const abs of files) {
    try {
      const bytes = readFileSync(abs)
      h.update(`${abs}\u0000${bytes.length}\u0000`).update(bytes)
    } catch {
      return null
    }
  }
  return h.digest('hex')
}

/**
 * A kind read through the standard steps: list, read, parse, schema, then the kind's own parse.
 * A clean load is kept, by location and the working folder, with a hash of the files it read: the
 * same files unchanged are not validated again (the rule set reads the document types for their
 * field labels right after the document types themselves were loaded). An edit changes the hash.
 */
export function schemaKind<T>(decl: SchemaKindDecl<T>): RuleFileKind<T> {
  const lastClean = new Map<string, { fingerprint: string; result: KindLoad<T> }>()
  return {
    name: decl.name,
    title: decl.title,
    shape: decl.shape,
    locate: decl.locate,
    describe: decl.describe,
    load(location: string, cwd: string): KindLoad<T> {
      const key = `${location}\u0000${cwd}`
      const listed = decl.shape === 'folder' ? listFolder(location, decl.formats) : [location]
      const fingerprint = listed && filesFingerprint([decl.schemaFile(), ...listed])
      const kept = lastClean.get(key)
      if (fingerprint && kept?.fingerprint === fingerprint) return kept.result
      const result = loadKind(decl, location, cwd)
      if (fingerprint && result.value !== null) lastClean.set(key, { fingerprint, result })
      else lastClean.delete(key)
      return result
    },
  }
}

/** The files of a folder kind, sorted (null when the folder cannot be read). */
function listFolder(location: string, formats: readonly SourceFormat[]): string[] | null {
  try {
    return readdirSync(location)
      .filter((n) => !n.startsWith('.') && !n.endsWith('.schema.json'))
      .filter((n) => {
        const f = formatOfFile(n)
        return f !== null && formats.includes(f)
      })
      .sort()
      .map((n) => path.join(location, n))
  } catch {
    return null
  }
}

function loadKind<T>(decl: SchemaKindDecl<T>, location: string, cwd: string): KindLoad<T> {
  const problems: RuleProblem[] = []
  const shown = relName(location, cwd)
  const refused = (files: string[]): KindLoad<T> => ({ value: null, problems, files, location, version: null })
  let names: string[]
  if (decl.shape === 'folder') {
    try {
      names = readdirSync(location)
        .filter((n) => !n.startsWith('.') && !n.endsWith('.schema.json'))
        .filter((n) => {
          const f = formatOfFile(n)
          return f !== null && decl.formats.includes(f)
        })
        .sort()
        .map((n) => path.join(location, n))
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      problems.push({
        file: shown,
        pointer: '',
        message:
          code === 'ENOENT' ? `the ${decl.title} folder does not exist` : `cannot read the folder: ${code ?? (err as Error).message}`,
      })
      return refused([])
    }
    if (names.length === 0 && decl.emptyFolder !== null) {
      problems.push({ file: shown, pointer: '', message: decl.emptyFolder })
      return refused([])
    }
  } else {
    if (!existsSync(location) && decl.whenMissing) {
      return { value: decl.whenMissing(), problems, files: [], location, version: `${decl.name}-none` }
    }
    names = [location]
  }
  let validate: ValidateFunction
  try {
    validate = schemaValidator(decl.schemaFile())
  } catch (err) {
    problems.push({
      file: relName(decl.schemaFile(), cwd),
      pointer: '',
      message: `the schema does not load: ${(err as Error).message.slice(0, 300)}`,
    })
    return refused([])
  }
  const files = names.map((abs) => relName(abs, cwd))
  const valid: ValidFile[] = []
  names.forEach((abs, i) => {
    const file = files[i]!
    if (decl.shape === 'folder' && statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return
    const { source, problems: read } = readRuleSource(abs, file, `the file is empty; it should hold ${decl.title}`)
    problems.push(...read)
    if (read.length || !source) return
    if (!validate(source.value)) {
      for (const p of ajvProblems(validate.errors ?? [], '')) problems.push(problemAt(file, source, p.pointer, p.message))
      return
    }
    valid.push({
      abs,
      file,
      value: source.value,
      source,
      problem: (pointer, message) => problems.push(problemAt(file, source, pointer, message)),
    })
  })
  if (problems.length) return refused(files)
  let value: T
  try {
    value = decl.parse(valid, (p) => problems.push(p), location)
  } catch (err) {
    problems.push({ file: shown, pointer: '', message: `cannot be loaded: ${(err as Error).message.slice(0, 300)}` })
    return refused(files)
  }
  if (problems.length) return refused(files)
  return { value, problems, files, location, version: contentVersion(decl.name, valid) }
}

/** RULE_FILE_INVALID naming every problem of one kind; where chartclerk runs, the last good version stays. */
export class RuleFilesError extends ChartclerkError {
  readonly problems: RuleProblem[]
  constructor(title: string, location: string, problems: RuleProblem[], stage = 'rules') {
    const text = problems.map(formatProblem).join('\n')
    super(
      'RULE_FILE_INVALID',
      `The ${title} under ${location} were refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${text}\nFix the files at the places named; where chartclerk runs, the last good version stays in force until then.`,
      { detail: problems.map(formatProblem).join('; ').slice(0, 2000), stage },
    )
    this.name = 'RuleFilesError'
    this.problems = problems
  }
}

/** Loads one kind from the rules folder; throws {@link RuleFilesError} when any file is wrong. */
export function requireKind<T>(kind: RuleFileKind<T>, rulesDir: string, cwd = process.cwd()): T {
  const location = kind.locate(rulesDir)
  const r = kind.load(location, cwd)
  if (r.value === null) throw new RuleFilesError(kind.title, relName(location, cwd), r.problems)
  return r.value
}
