/**
 * Lab results as rows a person can read: one row per test with its value, units, reference
 * range and flag. This is the shape kept in `documents.details.fields.labResults`, shown by the
 * desk and by `chart show --json` / `document show --json`.
 *
 * Documents filed before this shape existed hold a `tests` list of `{ name, result, units,
 * referenceRange, flag }`, or (one test read from labels) only the type's elements `testName`,
 * `result`, `units`, `referenceRange`: {@link withLabResults} reads those as rows, so an older
 * catalog shows the same way.
 */
import type { LabTest } from './labTable.js'

export interface LabResultRow {
  test: string
  value: string
  units: string | null
  referenceRange: string | null
  flag: string | null
}

/** The type file's element names that the results table fills (source `labTable.*`). */
export const LAB_TABLE_FIELDS = ['testName', 'result', 'units', 'referenceRange'] as const

export function rowOf(t: Pick<LabTest, 'name' | 'result' | 'units' | 'referenceRange' | 'flag'>): LabResultRow {
  return { test: t.name, value: t.result, units: t.units, referenceRange: t.referenceRange, flag: t.flag }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null)

function isRow(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

/** Rows as stored now (`labResults`), tolerating missing or odd members. */
function fromRows(list: unknown[]): LabResultRow[] {
  return list.filter(isRow).flatMap((r) => {
    const test = text(r.test) ?? text(r.name)
    const value = text(r.value) ?? text(r.result)
    if (!test || !value) return []
    return [{ test, value, units: text(r.units), referenceRange: text(r.referenceRange), flag: text(r.flag) }]
  })
}

/** "Sodium; Potassium" and "139; 4.6" (or lists): one row per position, when the lists line up. */
function fromParallel(fields: Record<string, unknown>): LabResultRow[] {
  const split = (v: unknown): string[] | null => {
    if (Array.isArray(v)) return v.map((x) => text(x) ?? '')
    const s = text(v)
    return s === null ? null : s.split(';').map((x) => x.trim())
  }
  const names = split(fields.testName)
  const values = split(fields.result)
  if (!names || !values || names.length !== values.length) return []
  const units = split(fields.units)
  const ranges = split(fields.referenceRange)
  // Units and ranges were joined only for the tests that had them: they line up only when complete.
  const at = (xs: string[] | null, i: number): string | null => (xs && xs.length === names.length ? xs[i] || null : null)
  return names.flatMap((test, i) =>
    test && values[i] ? [{ test, value: values[i]!, units: at(units, i), referenceRange: at(ranges, i), flag: null }] : [],
  )
}

/**
 * A stored fields object with its lab results as `labResults` rows: the current shape as is; the
 * older `tests` list (which it replaces) or the parallel strings turned into rows. The type's
 * elements (`testName`, `result`, `units`, `referenceRange`) stay: the checks name them (D05).
 * Objects without lab results are returned unchanged.
 */
export function withLabResults<T>(fields: Record<string, T>): Record<string, T | LabResultRow[]> {
  let rows: LabResultRow[] = []
  if (Array.isArray(fields.labResults)) rows = fromRows(fields.labResults)
  else if (Array.isArray(fields.tests)) rows = fromRows(fields.tests)
  else if (fields.testName !== undefined && fields.result !== undefined) rows = fromParallel(fields)
  if (rows.length === 0) return fields
  const out: Record<string, T | LabResultRow[]> = {}
  for (const [k, v] of Object.entries(fields)) if (k !== 'tests' && k !== 'labResults') out[k] = v
  out.labResults = rows
  return out
}

/** The rows of a stored fields object (any shape), or [] when it has none. */
export function labResultsOf(fields: Record<string, unknown>): LabResultRow[] {
  const v = withLabResults(fields).labResults
  return Array.isArray(v) ? (v as LabResultRow[]) : []
}
