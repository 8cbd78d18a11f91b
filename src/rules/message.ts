/**
 * Rule messages: the sentence a person reads when a rule fails, with `{placeholder}`s filled
 * from the failing data and the schema's errors. Documented in rules/README.md ("Messages").
 *
 *   {missing}   the fields the schema found missing, by label, joined with ", "
 *   {field}     the first failing field, by label
 *   {value}     the value of the first failing field
 *   {limit}     the limit of the first failing keyword (minimum, maxItems, days of a date keyword...)
 *   {deadline}  the due date computed by withinDaysOf / dueWithinDays
 *   {errors}    every problem in words, joined with "; " (uses the schema's errorMessage texts)
 *   {document.<path>}  a value of the checked document (document rules), e.g. {document.dateOfService}
 *   {item.<path>}      a value of the chart item a chart rule found wrong, e.g. {item.dischargeDate}
 *   {chart.<path>}     a value of the chart, e.g. {chart.asOf}, {chart.patient.mrn}
 *   {{ and }}   literal braces
 */
import type { ErrorObject } from 'ajv/dist/2020.js'
import { decodePointer } from './source.js'

export const PLACEHOLDER_ROOTS = ['missing', 'field', 'value', 'limit', 'deadline', 'errors', 'document', 'item', 'chart'] as const
type Root = (typeof PLACEHOLDER_ROOTS)[number]
const PATH_ROOTS: ReadonlySet<string> = new Set(['document', 'item', 'chart'])

interface Placeholder {
  name: string
  root: Root
  path: string[]
}

export interface Template {
  readonly source: string
  readonly parts: readonly (string | Placeholder)[]
}

/** Parses a message; returns problems (for the rule file) instead of throwing. */
export function parseTemplate(message: string, scope: 'document' | 'chart'): { template: Template; problems: string[] } {
  const parts: (string | Placeholder)[] = []
  const problems: string[] = []
  const re = /\{\{|\}\}|\{([^{}]*)\}/g
  let last = 0
  let text = ''
  for (let m = re.exec(message); m; m = re.exec(message)) {
    const between = message.slice(last, m.index)
    if (/[{}]/.test(between))
      problems.push(
        `unmatched brace in message near "${between.slice(Math.max(0, between.search(/[{}]/) - 10)).slice(0, 30)}"; write {{ or }} for a literal brace`,
      )
    text += between
    last = re.lastIndex
    if (m[0] === '{{' || m[0] === '}}') {
      text += m[0][0]
      continue
    }
    const name = (m[1] ?? '').trim()
    const segs = name.split('.')
    const root = segs[0] as Root
    if (!(PLACEHOLDER_ROOTS as readonly string[]).includes(root)) {
      problems.push(
        `unknown placeholder {${name}}; use one of ${PLACEHOLDER_ROOTS.map((r) => (PATH_ROOTS.has(r) ? `{${r}.…}` : `{${r}}`)).join(', ')}`,
      )
      continue
    }
    if (PATH_ROOTS.has(root)) {
      if (segs.length < 2 || segs.some((s) => s === '')) {
        problems.push(
          `placeholder {${name}} needs a path, e.g. {${root}.${root === 'chart' ? 'asOf' : root === 'item' ? 'dischargeDate' : 'dateOfService'}}`,
        )
        continue
      }
      if (root === 'document' && scope === 'chart')
        problems.push(`placeholder {${name}} is for document rules; a chart rule uses {item.…} or {chart.…}`)
      if (root === 'item' && scope === 'document')
        problems.push(`placeholder {${name}} is for chart rules; a document rule uses {document.…}`)
    } else if (segs.length > 1) {
      problems.push(`placeholder {${root}} takes no path (found {${name}})`)
      continue
    }
    if (text) parts.push(text)
    text = ''
    parts.push({ name, root, path: segs.slice(1) })
  }
  const tail = message.slice(last)
  if (/[{}]/.test(tail))
    problems.push(
      `unmatched brace in message near "${tail.slice(Math.max(0, tail.search(/[{}]/) - 10)).slice(0, 30)}"; write {{ or }} for a literal brace`,
    )
  text += tail
  if (text) parts.push(text)
  return { template: { source: message, parts }, problems }
}

export interface MessageContext {
  /** Errors about the subject, instancePath relative to the subject. */
  errors: readonly ErrorObject[]
  /** The checked document, or the chart item, or the chart. */
  subject: unknown
  subjectKind: 'document' | 'item' | 'chart'
  chart: unknown
  labels: Readonly<Record<string, string>>
  /** Labels of document fields (from rules/doctypes), by field name. */
  fieldLabels?: ReadonlyMap<string, string>
}

export interface Rendered {
  text: string
  /** Placeholders that had nothing to show. */
  unresolved: string[]
  missing: string[]
}

export const UNKNOWN_TEXT = '(unknown)'

function getPath(data: unknown, segs: readonly string[]): unknown {
  let cur = data
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[s]
  }
  return cur
}

function show(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') return v === '' ? undefined : v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x) ?? 'null').join(', ') : undefined
  return JSON.stringify(v)
}

/** "Reference interval" reads as "reference interval" inside a sentence; "VIS edition date" stays. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label
}

/** Display name of a field path: the rule's labels, then the document type's field labels, then the path. */
export function labelOf(segs: readonly string[], ctx: Pick<MessageContext, 'labels' | 'fieldLabels'>): string {
  if (segs.length === 0) return ''
  const dotted = segs.join('.')
  const own = ctx.labels[dotted] ?? ctx.labels[segs[segs.length - 1]!]
  if (own !== undefined) return own
  if (segs[0] === 'fields' && segs.length >= 2) {
    const fl = segs.length === 2 ? ctx.fieldLabels?.get(segs[1]!) : undefined
    return fl !== undefined ? midSentence(fl) : segs.slice(1).join('.')
  }
  return dotted
}

/** Inner errors of an ajv-errors `errorMessage` error, else the error itself. */
function leaves(e: ErrorObject): ErrorObject[] {
  if (e.keyword === 'errorMessage') return ((e.params as { errors?: ErrorObject[] }).errors ?? []) as ErrorObject[]
  return [e]
}

function missingPath(e: ErrorObject): string[] | null {
  const p = e.params as { missingProperty?: string }
  if (typeof p.missingProperty !== 'string') return null
  const base = decodePointer(e.instancePath)
  return [...base, ...p.missingProperty.split('.')]
}

function fieldPath(e: ErrorObject): string[] {
  for (const l of leaves(e)) {
    const m = l.keyword === 'required' || l.keyword === 'dueWithinDays' ? missingPath(l) : null
    if (m) return m
    if (l.keyword === 'withinDaysOf') {
      const to = (l.params as { to?: string }).to
      if (to && to !== '$asOf') return [...decodePointer(l.instancePath), ...to.split('.')]
    }
    return decodePointer(l.instancePath)
  }
  return decodePointer(e.instancePath)
}

function describe(e: ErrorObject, ctx: MessageContext): string {
  if (e.keyword === 'errorMessage') return e.message ?? 'is not valid'
  const here = decodePointer(e.instancePath)
  const p = e.params as Record<string, unknown>
  const lab = (segs: string[]): string => labelOf(segs, ctx) || 'the record'
  switch (e.keyword) {
    case 'required':
      return `${lab(missingPath(e) ?? here)} is missing`
    case 'dueWithinDays':
      return `${lab(missingPath(e) ?? here)} is missing and was due by ${String(p.deadline)} (${String(p.limit)} after ${lab([...here, ...String(p.from).split('.')])})`
    case 'withinDaysOf': {
      const to = String(p.to)
      const from = String(p.from)
      const toL = to === '$asOf' ? 'today' : lab([...here, ...to.split('.')])
      const fromL = from === '$asOf' ? 'today' : lab([...here, ...from.split('.')])
      if (p.missingProperty !== undefined) return `${toL} is missing and was due by ${String(p.deadline)}`
      return `${toL} is not within the allowed time of ${fromL} (due by ${String(p.deadline)})`
    }
    case 'notAfterAsOf':
      return `${lab(here)} (${show(getPath(ctx.subject, here)) ?? ''}) is in the future`
    case 'additionalProperties':
      return `${lab(here)} has an unexpected "${String(p.additionalProperty)}"`
    default: {
      const l = labelOf(here, ctx)
      return l ? `${l} ${e.message ?? 'is not valid'}` : (e.message ?? 'is not valid')
    }
  }
}

/** Fills a template for one failing subject. */
export function renderMessage(t: Template, ctx: MessageContext): Rendered {
  const unresolved: string[] = []
  const missing: string[] = []
  const seen = new Set<string>()
  for (const e of ctx.errors) {
    for (const l of leaves(e)) {
      if (
        l.keyword !== 'required' &&
        l.keyword !== 'dueWithinDays' &&
        !(l.keyword === 'withinDaysOf' && (l.params as { missingProperty?: string }).missingProperty)
      )
        continue
      const m = missingPath(l)
      if (!m) continue
      const label = labelOf(m, ctx)
      if (!seen.has(label)) {
        seen.add(label)
        missing.push(label)
      }
    }
  }
  let out = ''
  for (const part of t.parts) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    let v: string | undefined
    const first = ctx.errors[0]
    switch (part.root) {
      case 'missing':
        v = missing.length ? missing.join(', ') : undefined
        break
      case 'field':
        v = first ? labelOf(fieldPath(first), ctx) || undefined : undefined
        break
      case 'value':
        for (const e of ctx.errors) {
          for (const l of leaves(e)) {
            v = l.keyword === 'required' ? undefined : show(getPath(ctx.subject, decodePointer(l.instancePath)))
            if (v !== undefined) break
          }
          if (v !== undefined) break
        }
        break
      case 'limit':
      case 'deadline': {
        const key = part.root
        for (const e of ctx.errors) {
          for (const l of leaves(e)) {
            v = show((l.params as Record<string, unknown>)[key])
            if (v !== undefined) break
          }
          if (v !== undefined) break
        }
        break
      }
      case 'errors':
        v = ctx.errors.length ? ctx.errors.map((e) => describe(e, ctx)).join('; ') : undefined
        break
      case 'document':
      case 'item':
        v = show(getPath(ctx.subject, part.path))
        break
      case 'chart':
        v = show(getPath(ctx.chart, part.path))
        break
    }
    if (v === undefined) {
      unresolved.push(`{${part.name}}`)
      v = UNKNOWN_TEXT
    }
    out += v
  }
  return { text: out, unresolved, missing }
}
