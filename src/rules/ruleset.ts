/**
 * Loads the records lead's rule files (`rules/checks/*.json|yaml|yml`, one rule per file) into a
 * rule set, or refuses them with every problem as `file:line:column /json/pointer: message`.
 *
 * For each file: parse (strict JSON, or YAML; duplicate keys refused), validate against
 * `rule.schema.json`, check the message's placeholders, walk the rule's JSON Schema (unknown
 * keywords, bad regular expressions, bad date-keyword values, unknown formats, outside `$ref`s,
 * field names the document type does not have), compile it with Ajv (strict), then run its
 * examples through the same evaluation as real charts: every `pass` example must give no finding,
 * every `fail` example at least one, with a message whose placeholders all filled in.
 * Across files: duplicate ids. An empty or missing folder is a problem too (it would silently
 * check nothing).
 *
 * @example
 *   const rs = loadRuleSet('rules/checks')        // throws RuleSetError (RULE_FILE_INVALID)
 *   const { ruleset, problems } = checkRuleSet('rules/checks')   // never throws
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js'
import { checkDocTypes } from '../classify/doctypes.js'
import { defaultDocTypesDir, packageRoot } from '../classify/paths.js'
import { ChartclerkError } from '../errors.js'
import { deriveChartFacts, type Chart, type ChartDocument } from '../model/chart.js'
import { DOCUMENT_TYPES } from '../model/types.js'
import { createRuleAjv, shippedSchemaAjv } from './ajv.js'
import { evaluateRule } from './evaluate.js'
import { CUSTOM_KEYWORDS, KEYWORD_META_SCHEMAS } from './keywords.js'
import { parseTemplate } from './message.js'
import { ajvProblems, canonical, formatProblem, readRuleSource, relName, suggest, type RuleFileKind } from './ruleFiles.js'
import { encodePointerSegment, formatOfFile, type ParsedSource } from './source.js'
import type { CompiledRule, RuleFile, RuleProblem, RuleSet } from './types.js'

export const RULE_SCHEMA_FILE = 'rule.schema.json'

/** Where the shipped rule files live. */
export const defaultChecksDir = (): string => path.join(packageRoot(), 'rules', 'checks')

/** `DIR` may be the rules folder (holding `checks/`) or the checks folder itself. */
export function resolveChecksDir(dir: string): string {
  const sub = path.join(dir, 'checks')
  return existsSync(sub) && statSync(sub).isDirectory() ? sub : dir
}

/** Field names and labels per document type, for checking rule field names and for messages. */
export type FieldCatalog = ReadonlyMap<string, ReadonlyMap<string, string>>

export interface LoadOptions {
  /**
   * Document-type fields. Default: the `doctypes/` folder beside the checks folder, else the
   * shipped rules/doctypes. `null`: do not check field names against document types.
   */
  fieldCatalog?: FieldCatalog | null
  /** Folder that file names in problems are relative to (default: the working folder). */
  cwd?: string
}

export interface CheckResult {
  /** The loaded set, or null when anything is wrong. */
  ruleset: RuleSet | null
  problems: RuleProblem[]
  /** Rule files found (relative names as in problems). */
  files: string[]
  /** What each failing example's message reads like, for a records lead proof-reading messages. */
  exampleMessages: { ruleId: string; file: string; pointer: string; message: string }[]
}

export { formatProblem }

/** RULE_FILE_INVALID carrying every problem as data; the previous rule set stays in force. */
export class RuleSetError extends ChartclerkError {
  readonly problems: RuleProblem[]
  constructor(dir: string, problems: RuleProblem[]) {
    const text = problems.map(formatProblem).join('\n')
    super(
      'RULE_FILE_INVALID',
      `The rule files under ${dir} were refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${text}\nFix the files at the places named; until then the last good rule set stays in force.`,
      { detail: problems.map(formatProblem).join('; ').slice(0, 2000), stage: 'rules' },
    )
    this.name = 'RuleSetError'
    this.problems = problems
  }
}

/** Loads a folder of rule files; throws {@link RuleSetError} naming every problem. */
export function loadRuleSet(dir: string, opts: LoadOptions = {}): RuleSet {
  const r = checkRuleSet(dir, opts)
  if (!r.ruleset) throw new RuleSetError(dir, r.problems)
  return r.ruleset
}

/** Default "today" of examples, and the document every document example starts from. */
export const EXAMPLE_AS_OF = '2025-06-30'
export function exampleDocument(type: ChartDocument['type']): ChartDocument {
  return {
    id: 'example-doc',
    type,
    typeConfidence: 0.99,
    status: 'final',
    dateOfService: '2025-06-02',
    receivedAt: '2025-06-04T10:00:00Z',
    signed: { present: true, by: 'Dr. Ada Example', date: '2025-06-02', kind: 'electronic' },
    fields: {},
    pages: 1,
    pagesDeclared: null,
    missingPages: [],
    ocrConfidence: null,
    source: 'Example Valley Hospital',
    filed: true,
    patientMatch: 'matched',
    encounterId: null,
  }
}
const EXAMPLE_PATIENT: Chart['patient'] = {
  mrn: 'EX-000001',
  name: { family: 'Example', given: 'Pat' },
  birthDate: '1980-04-12',
  sex: 'female',
  deceased: false,
}

/* ---------- the rule-file schema ---------- */

let fileValidator: { validate: ValidateFunction; keys: string[] } | undefined

function ruleFileValidator(): { validate: ValidateFunction; keys: string[] } {
  if (fileValidator) return fileValidator
  const file = path.join(defaultChecksDir(), RULE_SCHEMA_FILE)
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown> }
  const ajv = shippedSchemaAjv()
  fileValidator = { validate: ajv.compile(schema), keys: Object.keys(schema.properties) }
  return fileValidator
}

/* ---------- walking a rule's JSON Schema ---------- */

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
])

let customMetaValidators: Map<string, ValidateFunction> | undefined
function customMeta(keyword: string): ValidateFunction {
  if (!customMetaValidators) {
    const ajv = shippedSchemaAjv()
    customMetaValidators = new Map(Object.entries(KEYWORD_META_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]))
  }
  return customMetaValidators.get(keyword)!
}

function walkSchema(schema: unknown, pointer: string, ajv: Ajv2020, problems: { pointer: string; message: string }[]): void {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return
  const obj = schema as Record<string, unknown>
  const known = (k: string): boolean => k in ajv.RULES.keywords || CUSTOM_KEYWORDS.includes(k)
  for (const [k, v] of Object.entries(obj)) {
    const here = `${pointer}/${encodePointerSegment(k)}`
    if (!known(k)) {
      problems.push({
        pointer: here,
        message: `unknown keyword "${k}"${suggest(k, [...Object.keys(ajv.RULES.keywords), ...CUSTOM_KEYWORDS])}; rules use JSON Schema 2020-12 keywords and the date keywords in rules/README.md`,
      })
      continue
    }
    if (CUSTOM_KEYWORDS.includes(k)) {
      const check = customMeta(k)
      if (!check(v))
        for (const p of ajvProblems(check.errors ?? [], here)) problems.push({ pointer: p.pointer, message: `${k}: ${p.message}` })
      continue
    }
    if (k === 'errorMessage') {
      const texts: { at: string; text: string }[] = []
      const collect = (x: unknown, at: string): void => {
        if (typeof x === 'string') texts.push({ at, text: x })
        else if (x && typeof x === 'object') for (const [kk, vv] of Object.entries(x)) collect(vv, `${at}/${encodePointerSegment(kk)}`)
      }
      collect(v, here)
      for (const t of texts)
        if (t.text.includes('${'))
          problems.push({
            pointer: t.at,
            message:
              'errorMessage templates ("${...}") are not supported (they can fail while checking); put {value} or {field} in the rule\'s message instead',
          })
      continue
    }
    if (k === 'pattern' && typeof v === 'string') {
      try {
        new RegExp(v, 'u')
      } catch (err) {
        problems.push({ pointer: here, message: `not a valid regular expression: ${(err as Error).message}` })
      }
    }
    if (k === 'format' && typeof v === 'string' && !(v in ajv.formats)) {
      problems.push({ pointer: here, message: `unknown format "${v}"${suggest(v, Object.keys(ajv.formats))}` })
    }
    if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) {
      problems.push({ pointer: here, message: `"${v}": a rule may only refer inside its own file ("#/$defs/...")` })
    }
    if (SCHEMA_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [name, sub] of Object.entries(v as Record<string, unknown>)) {
        const subPtr = `${here}/${encodePointerSegment(name)}`
        if (k === 'patternProperties') {
          try {
            new RegExp(name, 'u')
          } catch (err) {
            problems.push({ pointer: subPtr, message: `not a valid regular expression: ${(err as Error).message}` })
          }
        }
        walkSchema(sub, subPtr, ajv, problems)
      }
    } else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) {
      v.forEach((sub, i) => walkSchema(sub, `${here}/${i}`, ajv, problems))
    } else if (SCHEMA_ONE.has(k)) {
      walkSchema(v, here, ajv, problems)
    }
  }
}

/** Field names a document rule's schema mentions under `properties.fields` (top level, allOf, if/then/else). */
function mentionedFields(schema: unknown, pointer: string, out: { name: string; pointer: string }[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return
  const s = schema as Record<string, unknown>
  const fields = (s.properties as Record<string, unknown> | undefined)?.fields as Record<string, unknown> | undefined
  if (fields && typeof fields === 'object') {
    const base = `${pointer}/properties/fields`
    if (Array.isArray(fields.required))
      fields.required.forEach((n, i) => typeof n === 'string' && out.push({ name: n, pointer: `${base}/required/${i}` }))
    if (fields.properties && typeof fields.properties === 'object')
      for (const n of Object.keys(fields.properties)) out.push({ name: n, pointer: `${base}/properties/${encodePointerSegment(n)}` })
  }
  for (const k of ['then', 'else', 'if']) mentionedFields(s[k], `${pointer}/${k}`, out)
  if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => mentionedFields(sub, `${pointer}/allOf/${i}`, out))
  if (Array.isArray(s.anyOf)) s.anyOf.forEach((sub, i) => mentionedFields(sub, `${pointer}/anyOf/${i}`, out))
}

/* ---------- one file ---------- */

interface FileCtx {
  exampleMessages: CheckResult['exampleMessages']
  ajv: Ajv2020
  fieldCatalog: FieldCatalog | null
  fieldLabels: FieldCatalog
}

interface FileResult {
  rule?: CompiledRule
  problems: RuleProblem[]
  source?: ParsedSource
}

function loadFile(abs: string, file: string, ctx: FileCtx): FileResult {
  const problems: RuleProblem[] = []
  let source: ParsedSource | undefined
  const add = (pointer: string, message: string): void => {
    const pos = source?.locate(pointer)
    problems.push({ file, pointer, ...(pos ? { line: pos.line, column: pos.column } : {}), message })
  }
  const read = readRuleSource(abs, file, 'the file is empty; a rule file holds one rule (see rules/README.md)')
  source = read.source
  problems.push(...read.problems)
  if (problems.length || !source) return { problems, source }

  // 1. the shape of the file
  const { validate: checkFile, keys } = ruleFileValidator()
  if (!checkFile(source.value)) {
    for (const p of ajvProblems(checkFile.errors ?? [], '', keys)) add(p.pointer, p.message)
    return { problems, source }
  }
  const rf = source.value as RuleFile
  const scope = rf.appliesTo === 'chart' ? 'chart' : 'document'

  // 2. the message
  const { template, problems: msgProblems } = parseTemplate(rf.message, scope)
  for (const m of msgProblems) add('/message', m)

  // 3. the schema, before Ajv sees it (so each problem has a place)
  const walk: { pointer: string; message: string }[] = []
  // Against the meta-schema by the shipped Ajv, compiled once per process: the set's own Ajv skips it.
  const meta = shippedSchemaAjv()
  if (!meta.validateSchema(rf.schema)) for (const p of ajvProblems(meta.errors ?? [], '/schema')) walk.push(p)
  walkSchema(rf.schema, '/schema', ctx.ajv, walk)
  const seen = new Set<string>()
  for (const p of walk) {
    const key = `${p.pointer}\u0000${p.message}`
    if (!seen.has(key)) {
      seen.add(key)
      add(p.pointer, p.message)
    }
  }
  if (scope === 'document' && ctx.fieldCatalog && Array.isArray(rf.appliesTo)) {
    const mentioned: { name: string; pointer: string }[] = []
    mentionedFields(rf.schema, '/schema', mentioned)
    for (const m of mentioned) {
      const lacking = rf.appliesTo.filter((t) => ctx.fieldCatalog!.has(t) && !ctx.fieldCatalog!.get(t)!.has(m.name))
      if (lacking.length) {
        const names = [...(ctx.fieldCatalog.get(lacking[0]!)?.keys() ?? [])]
        add(
          m.pointer,
          `"${m.name}" is not a field of ${lacking.join(', ')}${suggest(m.name, names)}; fields are named as in rules/doctypes/${lacking[0]}.json: ${names.join(', ') || '(none)'}`,
        )
      }
    }
  }
  if (problems.length) return { problems, source }

  // 4. compile
  let validate: ValidateFunction
  try {
    validate = ctx.ajv.compile(rf.schema)
  } catch (err) {
    add('/schema', `the schema does not compile: ${(err as Error).message.replace(/^strict mode: /, '')}`)
    return { problems, source }
  }

  const canon = canonical({ ...rf, $schema: undefined })
  const rule: CompiledRule = {
    id: rf.id,
    version: rf.version,
    title: rf.title,
    severity: rf.severity,
    kind: rf.kind,
    appliesTo: rf.appliesTo,
    enabled: rf.enabled !== false,
    message: rf.message,
    labels: rf.labels ?? {},
    page: rf.page ?? null,
    file,
    sha256: createHash('sha256').update(canon).digest('hex'),
    validate,
    template,
  }

  // 5. the examples, through the same evaluation as real charts
  runExamples(rf, rule, ctx, add)
  return problems.length ? { problems, source } : { rule, problems, source }
}

function runExamples(rf: RuleFile, rule: CompiledRule, ctx: FileCtx, add: (pointer: string, message: string) => void): void {
  const asOf = rf.examples.asOf ?? EXAMPLE_AS_OF
  const rs = { version: 'examples', fieldLabels: ctx.fieldLabels }
  const defaultType = Array.isArray(rf.appliesTo) ? rf.appliesTo[0]! : 'progress_note'
  const asDocument = (raw: Record<string, unknown>, i: number): ChartDocument => {
    const base = exampleDocument((raw.type as ChartDocument['type'] | undefined) ?? defaultType)
    const signed = raw.signed && typeof raw.signed === 'object' ? { ...base.signed, ...(raw.signed as object) } : base.signed
    return { ...base, id: `example-doc-${i + 1}`, ...raw, signed } as ChartDocument
  }
  for (const which of ['pass', 'fail'] as const) {
    rf.examples[which].forEach((ex, i) => {
      const ptr = `/examples/${which}/${i}`
      const raw = ex as Record<string, unknown>
      let chart: Chart
      if (rf.appliesTo === 'chart') {
        const docs = Array.isArray(raw.documents) ? (raw.documents as Record<string, unknown>[]).map(asDocument) : []
        chart = { patient: EXAMPLE_PATIENT, encounters: [], consents: [], asOf, ...raw, documents: docs } as Chart
      } else {
        const type = raw.type ?? defaultType
        if (Array.isArray(rf.appliesTo) && !rf.appliesTo.includes(type as ChartDocument['type'])) {
          add(`${ptr}/type`, `this example is a ${String(type)}, which the rule does not apply to (appliesTo: ${rf.appliesTo.join(', ')})`)
          return
        }
        if (!(DOCUMENT_TYPES as readonly unknown[]).includes(type)) {
          add(`${ptr}/type`, `"${String(type)}" is not a document type`)
          return
        }
        chart = { patient: EXAMPLE_PATIENT, documents: [asDocument(raw, 0)], encounters: [], consents: [], asOf }
      }
      let outcomes
      try {
        outcomes = evaluateRule(rs, rule, deriveChartFacts(chart))
      } catch (err) {
        add(
          ptr,
          `this example cannot be checked (${(err as Error).message}); does it have the shape of a ${rf.appliesTo === 'chart' ? 'chart' : 'document'}? See rules/README.md`,
        )
        return
      }
      if (which === 'pass' && outcomes.length) {
        add(
          ptr,
          `this example should pass but fails: ${outcomes.map((o) => `${o.finding.message} [${o.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}]`).join(' | ')}`,
        )
      } else if (which === 'fail') {
        if (!outcomes.length) add(ptr, 'this example should fail but passes')
        for (const o of outcomes) ctx.exampleMessages.push({ ruleId: rule.id, file: rule.file, pointer: ptr, message: o.finding.message })
        for (const o of outcomes)
          if (o.rendered.unresolved.length)
            add(
              ptr,
              `for this failing example the message has nothing to show for ${o.rendered.unresolved.join(', ')}: "${o.finding.message}"`,
            )
      }
    })
  }
}

/* ---------- the folder ---------- */

function defaultFieldCatalog(checksDir: string): FieldCatalog | null {
  const sibling = path.join(path.dirname(checksDir), 'doctypes')
  const dir = existsSync(sibling) ? sibling : defaultDocTypesDir()
  if (!existsSync(dir)) return null
  try {
    const { set } = checkDocTypes(dir)
    if (set.types.length === 0) return null
    return new Map(set.types.map((t) => [t.type, new Map(t.fields.map((f) => [f.name, f.label]))]))
  } catch {
    return null
  }
}

/** Rule files in a folder: *.json, *.yaml, *.yml, leaving out *.schema.json and hidden files. */
export function ruleFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && formatOfFile(n) !== null && !n.endsWith('.schema.json'))
    .sort()
}

/** Validates and loads every rule file in `dir`; returns the set, or null and the problems. Never throws. */
export function checkRuleSet(dir: string, opts: LoadOptions = {}): CheckResult {
  const cwd = opts.cwd ?? process.cwd()
  const dirName = relName(path.resolve(dir), cwd)
  let names: string[]
  try {
    names = ruleFileNames(dir)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return {
      ruleset: null,
      files: [],
      exampleMessages: [],
      problems: [
        {
          file: dirName,
          pointer: '',
          message:
            code === 'ENOENT' ? 'the rules folder does not exist' : `cannot read the rules folder: ${code ?? (err as Error).message}`,
        },
      ],
    }
  }
  if (names.length === 0) {
    return {
      ruleset: null,
      files: [],
      exampleMessages: [],
      problems: [
        { file: dirName, pointer: '', message: 'no rule files (*.json, *.yaml) in this folder; an empty rule set would check nothing' },
      ],
    }
  }
  const fieldCatalog = opts.fieldCatalog === undefined ? defaultFieldCatalog(dir) : opts.fieldCatalog
  const ctx: FileCtx = {
    exampleMessages: [],
    ajv: createRuleAjv({ validateSchema: false }),
    fieldCatalog,
    fieldLabels: fieldCatalog ?? new Map(),
  }
  const problems: RuleProblem[] = []
  const rules: CompiledRule[] = []
  const files: string[] = []
  const firstById = new Map<string, string>()
  for (const n of names) {
    const abs = path.join(dir, n)
    const file = relName(abs, cwd)
    files.push(file)
    const r = loadFile(abs, file, ctx)
    problems.push(...r.problems)
    const id = (r.source?.value as { id?: unknown } | undefined)?.id
    if (typeof id === 'string') {
      const first = firstById.get(id)
      if (first) {
        const pos = r.source?.locate('/id')
        problems.push({
          file,
          pointer: '/id',
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          message: `rule id "${id}" is already used by ${first}; each rule needs its own id`,
        })
        continue
      }
      firstById.set(id, file)
    }
    if (r.rule) rules.push(r.rule)
  }
  if (problems.length) return { ruleset: null, problems, files, exampleMessages: ctx.exampleMessages }

  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const h = createHash('sha256')
  for (const r of rules) h.update(`${r.id}\n${r.sha256}\n`)
  const enabled = rules.filter((r) => r.enabled)
  const byType = new Map<string, CompiledRule[]>()
  for (const t of DOCUMENT_TYPES) byType.set(t, [])
  for (const r of enabled) {
    if (r.appliesTo === 'chart') continue
    const types = r.appliesTo === 'all_documents' ? DOCUMENT_TYPES : r.appliesTo
    for (const t of types) byType.get(t)!.push(r)
  }
  for (const [t, list] of byType) if (list.length === 0) byType.delete(t)
  const ruleset: RuleSet = {
    dir: path.resolve(dir),
    version: `rs-${h.digest('hex').slice(0, 12)}`,
    manifest: rules.map((r) => ({ id: r.id, version: r.version, file: r.file, sha256: r.sha256, enabled: r.enabled })),
    rules,
    byType,
    chartRules: enabled.filter((r) => r.appliesTo === 'chart'),
    fieldLabels: ctx.fieldLabels,
    loadedAt: new Date().toISOString(),
  }
  return { ruleset, problems: [], files, exampleMessages: ctx.exampleMessages }
}

/** Check rules as one kind of the rule-file loader (see ruleFiles.ts): the folder, compiled, examples run. */
export function checksKind(opts: Omit<LoadOptions, 'cwd'> = {}): RuleFileKind<RuleSet> {
  return {
    name: 'checks',
    title: 'check rules',
    shape: 'folder',
    locate: (rulesDir) => resolveChecksDir(rulesDir),
    load: (location, cwd) => {
      const r = checkRuleSet(location, { ...opts, cwd })
      return { value: r.ruleset, problems: r.problems, files: r.files, location, version: r.ruleset?.version ?? null }
    },
    describe: (rs) => `${rs.rules.length} rules (version ${rs.version})`,
  }
}
