/**
 * Runs a loaded rule set against a chart and returns the findings (deficiencies) as data.
 *
 * Document rules run once per document whose type they apply to, with the document as the
 * data and the chart facts as Ajv's `rootData` (the date keywords read `asOf` from there).
 * Chart rules run once on the chart facts; their errors are grouped by the chart item they
 * point into (`/hospitalStays/2`, `/documents/0`, ...), one finding per item, or one
 * chart-level finding.
 *
 * @example
 *   const findings = evaluate(ruleset, chart)
 *   // [{ ruleId: 'D05', kind: 'missing_field', documentId: 'doc-7', message: 'Lab report is missing: Reference interval', ... }]
 */
import type { ErrorObject } from 'ajv/dist/2020.js'
import { deriveChartFacts, type Chart, type ChartFacts, type DocumentFacts } from '../model/chart.js'
import { renderMessage, type MessageContext, type Rendered } from './message.js'
import { decodePointer, encodePointerSegment } from './source.js'
import type { CompiledRule, Finding, RuleSet } from './types.js'

/** Findings for one chart, in a stable order: documents in chart order (rules by id), then chart rules. */
export function evaluate(ruleset: RuleSet, chart: Chart): Finding[] {
  return evaluateFacts(ruleset, deriveChartFacts(chart))
}

/** As {@link evaluate}, for chart facts already derived. */
export function evaluateFacts(ruleset: RuleSet, facts: ChartFacts): Finding[] {
  const out: Finding[] = []
  const docs = facts.documents
  const cxt = {
    instancePath: '',
    parentData: docs as unknown as Record<number, unknown>,
    parentDataProperty: 0,
    rootData: facts,
    dynamicAnchors: {},
  }
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!
    const rules = ruleset.byType.get(doc.type)
    if (rules === undefined) continue
    cxt.parentDataProperty = i
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!
      let ok: boolean
      try {
        ok = rule.validate(doc, cxt)
      } catch (err) {
        out.push(brokenRuleFinding(ruleset, rule, doc.id, err))
        continue
      }
      if (ok) continue
      out.push(documentFinding(ruleset, rule, facts, doc, rule.validate.errors ?? []).finding)
    }
  }
  for (const rule of ruleset.chartRules) {
    let ok: boolean
    try {
      ok = rule.validate(facts, { instancePath: '', parentData: {}, parentDataProperty: '', rootData: facts, dynamicAnchors: {} })
    } catch (err) {
      out.push(brokenRuleFinding(ruleset, rule, null, err))
      continue
    }
    if (ok) continue
    for (const f of chartFindings(ruleset, rule, facts, rule.validate.errors ?? [])) out.push(f.finding)
  }
  return out
}

/**
 * A rule that throws while checking (a bug, or data of an unexpected shape) must not stop the
 * check nor pass silently: it becomes a finding of kind `other` naming the rule.
 */
function brokenRuleFinding(ruleset: Pick<RuleSet, 'version'>, rule: CompiledRule, documentId: string | null, err: unknown): Finding {
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    kind: 'other',
    severity: 'error',
    documentId,
    subject: documentId,
    message: `Rule ${rule.id} (${rule.file}) could not check this ${documentId ? 'document' : 'chart'}: ${String((err as Error)?.message ?? err).slice(0, 200)}. Tell the records lead; the rule needs fixing.`,
    rulesetVersion: ruleset.version,
  }
}

/** A finding plus how its message came out (the example runner checks for unresolved placeholders). */
export interface RuleOutcome {
  finding: Finding
  rendered: Rendered
  errors: readonly ErrorObject[]
}

/**
 * Runs one rule on a chart's facts, whatever its enabled flag; used to run a rule file's examples
 * through exactly the same path as real charts.
 */
export function evaluateRule(ruleset: Pick<RuleSet, 'version' | 'fieldLabels'>, rule: CompiledRule, facts: ChartFacts): RuleOutcome[] {
  if (rule.appliesTo === 'chart') {
    const ok = rule.validate(facts, { instancePath: '', parentData: {}, parentDataProperty: '', rootData: facts, dynamicAnchors: {} })
    return ok ? [] : chartFindings(ruleset, rule, facts, rule.validate.errors ?? [])
  }
  const out: RuleOutcome[] = []
  facts.documents.forEach((doc, i) => {
    if (rule.appliesTo !== 'all_documents' && !rule.appliesTo.includes(doc.type)) return
    const ok = rule.validate(doc, {
      instancePath: '',
      parentData: facts.documents as unknown as Record<number, unknown>,
      parentDataProperty: i,
      rootData: facts,
      dynamicAnchors: {},
    })
    if (!ok) out.push(documentFinding(ruleset, rule, facts, doc, rule.validate.errors ?? []))
  })
  return out
}

const SUMMARIZING: ReadonlySet<string> = new Set(['contains', 'anyOf', 'oneOf', 'not'])

/**
 * Errors worth telling a person: drops Ajv's `if` bookkeeping errors and the per-branch errors
 * under a failed contains/anyOf/oneOf (the summarizing error stays).
 */
export function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let simple = true
  for (const e of errors) {
    if (e.keyword === 'if' || SUMMARIZING.has(e.keyword)) {
      simple = false
      break
    }
  }
  if (simple) return errors as ErrorObject[]
  const parents: string[] = []
  for (const e of errors) if (SUMMARIZING.has(e.keyword)) parents.push(`${e.schemaPath}/`)
  return errors.filter((e) => e.keyword !== 'if' && !parents.some((p) => e.schemaPath.startsWith(p)))
}

function pageOf(rule: CompiledRule, subject: unknown): number | undefined {
  if (!rule.page) return undefined
  let cur: unknown = subject
  for (const s of rule.page.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[s]
  }
  if (Array.isArray(cur)) cur = cur.find((x) => typeof x === 'number')
  return typeof cur === 'number' && Number.isFinite(cur) ? cur : undefined
}

function makeFinding(
  ruleset: Pick<RuleSet, 'version'>,
  rule: CompiledRule,
  documentId: string | null,
  subject: string | null,
  rendered: Rendered,
  page: number | undefined,
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    ruleVersion: rule.version,
    kind: rule.kind,
    severity: rule.severity,
    documentId,
    subject,
    message: rendered.text,
    rulesetVersion: ruleset.version,
  }
  if (page !== undefined) f.page = page
  if (rendered.missing.length) f.missing = rendered.missing
  return f
}

function documentFinding(
  ruleset: Pick<RuleSet, 'version' | 'fieldLabels'>,
  rule: CompiledRule,
  facts: ChartFacts,
  doc: DocumentFacts,
  raw: readonly ErrorObject[],
): RuleOutcome {
  const errors = relevantErrors(raw)
  const ctx: MessageContext = {
    errors,
    subject: doc,
    subjectKind: 'document',
    chart: facts,
    labels: rule.labels,
    fieldLabels: ruleset.fieldLabels.get(doc.type),
  }
  const rendered = renderMessage(rule.template, ctx)
  return { finding: makeFinding(ruleset, rule, doc.id, doc.id, rendered, pageOf(rule, doc)), rendered, errors }
}

function chartFindings(
  ruleset: Pick<RuleSet, 'version' | 'fieldLabels'>,
  rule: CompiledRule,
  facts: ChartFacts,
  raw: readonly ErrorObject[],
): RuleOutcome[] {
  const errors = relevantErrors(raw)
  const groups = new Map<string, { collection: string; index: number; errors: ErrorObject[] }>()
  const root = facts as unknown as Record<string, unknown>
  for (const e of errors) {
    const segs = decodePointer(e.instancePath)
    let key = ''
    let collection = ''
    let index = -1
    if (segs.length >= 2 && /^\d+$/.test(segs[1]!) && Array.isArray(root[segs[0]!])) {
      collection = segs[0]!
      index = Number(segs[1])
      key = `/${encodePointerSegment(collection)}/${index}`
    }
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { collection, index, errors: [] }))
    g.errors.push(key ? { ...e, instancePath: e.instancePath.slice(key.length) } : e)
  }
  const out: RuleOutcome[] = []
  for (const [key, g] of groups) {
    if (!key) {
      const rendered = renderMessage(rule.template, {
        errors: g.errors,
        subject: facts,
        subjectKind: 'chart',
        chart: facts,
        labels: rule.labels,
      })
      out.push({ finding: makeFinding(ruleset, rule, null, null, rendered, pageOf(rule, facts)), rendered, errors: g.errors })
      continue
    }
    const item = (root[g.collection] as unknown[])[g.index] as Record<string, unknown> | undefined
    const documentId =
      typeof item?.documentId === 'string' ? item.documentId : g.collection === 'documents' && typeof item?.id === 'string' ? item.id : null
    const subject = documentId ?? (typeof item?.encounterId === 'string' ? `encounter:${item.encounterId}` : key)
    const docType = g.collection === 'documents' && typeof item?.type === 'string' ? item.type : undefined
    const rendered = renderMessage(rule.template, {
      errors: g.errors,
      subject: item,
      subjectKind: 'item',
      chart: facts,
      labels: rule.labels,
      fieldLabels: docType ? ruleset.fieldLabels.get(docType) : undefined,
    })
    out.push({ finding: makeFinding(ruleset, rule, documentId, subject, rendered, pageOf(rule, item)), rendered, errors: g.errors })
  }
  return out
}
