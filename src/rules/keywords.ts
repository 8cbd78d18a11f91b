/**
 * Custom JSON Schema keywords for date arithmetic, registered once on every rule set's Ajv.
 * Documented for the records lead in rules/README.md ("Date keywords").
 *
 * All of them read "today" from the chart's `asOf` (the root of the data being checked), so
 * evaluation passes the chart facts as Ajv's `rootData`.
 *
 * - `notAfterAsOf: true` — a date is not after asOf ("not in the future").
 * - `withinDaysOf: { from, to, days | months | years, before? }` — on an object: the date at
 *   `to` lies no earlier than `before` days before and no later than the period after the date
 *   at `from`. When `to` is missing it fails only once the period after `from` has passed as
 *   of asOf (overdue); when `from` is missing or not a date it passes (use `required` for that).
 *   `from`/`to` are dotted paths inside the object ("signed.date"), or `$asOf`.
 * - `dueWithinDays: { from, require, days | months | years }` — on an object: once the period
 *   after the date at `from` has passed (as of asOf), the value at `require` must be present
 *   (not null or blank). Unlike withinDaysOf, something that arrives late makes it pass.
 */
import type { Ajv2020, FuncKeywordDefinition, ValidateFunction } from 'ajv/dist/2020.js'
import { addCalendar, dateOfDayNumber, dayNumber } from '../model/chart.js'

type DataValidationCxt = NonNullable<Parameters<ValidateFunction>[1]>
/** A keyword's validation function; Ajv reads `errors` after a false result. */
type KeywordFn = ((data: unknown, cxt?: DataValidationCxt) => boolean) & { errors?: object[] | null }

interface PeriodSpec {
  days?: number
  months?: number
  years?: number
}

const PATH = { type: 'string', minLength: 1, pattern: '^(\\$asOf|[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*)$' }
const COUNT = { type: 'integer', minimum: 0, maximum: 36500 }
const ONE_PERIOD = { oneOf: [{ required: ['days'] }, { required: ['months'] }, { required: ['years'] }] }

/** Meta-schemas of the keywords' values (also used by the loader to point at a bad value). */
export const KEYWORD_META_SCHEMAS: Record<string, Record<string, unknown>> = {
  notAfterAsOf: { type: 'boolean' },
  withinDaysOf: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    properties: { from: PATH, to: PATH, days: COUNT, months: COUNT, years: COUNT, before: COUNT },
    ...ONE_PERIOD,
  },
  dueWithinDays: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'require'],
    properties: { from: PATH, require: PATH, days: COUNT, months: COUNT, years: COUNT },
    ...ONE_PERIOD,
  },
}

export const CUSTOM_KEYWORDS = Object.keys(KEYWORD_META_SCHEMAS)

type Getter = (data: unknown, asOf: unknown) => unknown

function getter(path: string): Getter {
  if (path === '$asOf') return (_data, asOf) => asOf
  const segs = path.split('.')
  if (segs.length === 1) {
    const k = segs[0]!
    return (data) => (data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined)
  }
  return (data) => {
    let cur: unknown = data
    for (const s of segs) {
      if (cur === null || typeof cur !== 'object') return undefined
      cur = (cur as Record<string, unknown>)[s]
    }
    return cur
  }
}

function periodEnd(from: string, spec: PeriodSpec): number | null {
  if (spec.days !== undefined) {
    const d = dayNumber(from)
    return d === null ? null : d + spec.days
  }
  return addCalendar(from, spec.months !== undefined ? spec.months : (spec.years ?? 0) * 12)
}

function periodText(spec: PeriodSpec): string {
  if (spec.days !== undefined) return `${spec.days} day${spec.days === 1 ? '' : 's'}`
  if (spec.months !== undefined) return `${spec.months} month${spec.months === 1 ? '' : 's'}`
  return `${spec.years} year${spec.years === 1 ? '' : 's'}`
}

function periodLimit(spec: PeriodSpec): number {
  return spec.days ?? spec.months ?? spec.years ?? 0
}

function rootAsOf(cxt: DataValidationCxt | undefined): unknown {
  const root = cxt?.rootData
  return root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>).asOf : undefined
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
}

const noAsOf = (keyword: string) => ({
  keyword,
  message: 'cannot be checked: the chart has no asOf date',
  params: {},
})

const notAfterAsOf: FuncKeywordDefinition = {
  keyword: 'notAfterAsOf',
  schemaType: 'boolean',
  errors: true,
  compile(enabled: boolean) {
    if (!enabled) return () => true
    const fn: KeywordFn = (data, cxt) => {
      const day = dayNumber(data)
      if (day === null) return true // not a date: `format: date` and `type` report that
      const asOf = rootAsOf(cxt)
      const today = dayNumber(asOf)
      if (today === null) {
        fn.errors = [noAsOf('notAfterAsOf')]
        return false
      }
      if (day <= today) return true
      fn.errors = [
        {
          keyword: 'notAfterAsOf',
          message: `must not be after ${String(asOf).slice(0, 10)} (it is in the future)`,
          params: { asOf: String(asOf).slice(0, 10), value: data, limit: String(asOf).slice(0, 10) },
        },
      ]
      return false
    }
    return fn as never
  },
}

const withinDaysOf: FuncKeywordDefinition = {
  keyword: 'withinDaysOf',
  type: 'object',
  schemaType: 'object',
  errors: true,
  compile(spec: PeriodSpec & { from: string; to: string; before?: number }) {
    const from = getter(spec.from)
    const to = getter(spec.to)
    const before = spec.before ?? 0
    const period = periodText(spec)
    const fn: KeywordFn = (data, cxt) => {
      const asOf = rootAsOf(cxt)
      const fromVal = from(data, asOf)
      if (typeof fromVal !== 'string') return true
      const start = dayNumber(fromVal)
      const end = periodEnd(fromVal, spec)
      if (start === null || end === null) return true
      const toVal = to(data, asOf)
      const t = dayNumber(toVal)
      if (t === null) {
        if (!isAbsent(toVal)) return true // present but not a date: `format: date` reports that
        const today = dayNumber(asOf)
        if (today === null) {
          fn.errors = [noAsOf('withinDaysOf')]
          return false
        }
        if (today <= end) return true
        fn.errors = [
          {
            keyword: 'withinDaysOf',
            message: `${spec.to} is missing and was due by ${dateOfDayNumber(end)} (${period} after ${spec.from})`,
            params: { from: spec.from, to: spec.to, limit: periodLimit(spec), deadline: dateOfDayNumber(end), missingProperty: spec.to },
          },
        ]
        return false
      }
      if (t >= start - before && t <= end) return true
      fn.errors = [
        {
          keyword: 'withinDaysOf',
          message:
            t > end
              ? `${spec.to} (${String(toVal).slice(0, 10)}) must be within ${period} after ${spec.from} (${fromVal.slice(0, 10)})`
              : `${spec.to} (${String(toVal).slice(0, 10)}) must not be more than ${before} day${before === 1 ? '' : 's'} before ${spec.from} (${fromVal.slice(0, 10)})`,
          params: { from: spec.from, to: spec.to, limit: periodLimit(spec), deadline: dateOfDayNumber(end), value: toVal },
        },
      ]
      return false
    }
    return fn as never
  },
}

const dueWithinDays: FuncKeywordDefinition = {
  keyword: 'dueWithinDays',
  type: 'object',
  schemaType: 'object',
  errors: true,
  compile(spec: PeriodSpec & { from: string; require: string }) {
    const from = getter(spec.from)
    const required = getter(spec.require)
    const period = periodText(spec)
    const fn: KeywordFn = (data, cxt) => {
      const asOf = rootAsOf(cxt)
      if (!isAbsent(required(data, asOf))) return true
      const fromVal = from(data, asOf)
      if (typeof fromVal !== 'string') return true
      const end = periodEnd(fromVal, spec)
      if (end === null) return true
      const today = dayNumber(asOf)
      if (today === null) {
        fn.errors = [noAsOf('dueWithinDays')]
        return false
      }
      if (today <= end) return true
      fn.errors = [
        {
          keyword: 'dueWithinDays',
          message: `${spec.require} is missing and was due by ${dateOfDayNumber(end)} (${period} after ${spec.from})`,
          params: {
            from: spec.from,
            limit: periodLimit(spec),
            deadline: dateOfDayNumber(end),
            missingProperty: spec.require,
            overdueDays: today - end,
          },
        },
      ]
      return false
    }
    return fn as never
  },
}

/** Adds the date keywords to an Ajv instance (the meta-schemas check their values at compile time). */
export function addDateKeywords(ajv: Ajv2020): Ajv2020 {
  for (const def of [notAfterAsOf, withinDaysOf, dueWithinDays]) {
    ajv.addKeyword({ ...def, metaSchema: KEYWORD_META_SCHEMAS[def.keyword as string] })
  }
  return ajv
}
