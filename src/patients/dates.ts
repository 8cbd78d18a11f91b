/**
 * Birth dates as people and OCR write them, read into ISO `YYYY-MM-DD`.
 *
 * Understood: 1962-03-14, 1962/03/14, 03/14/1962, 3/14/1962, 3/14/62, 03-14-1962, 03.14.1962,
 * 14-Mar-1962, 14 March 1962, 14MAR1962, March 14, 1962, Mar. 14th 1962, 19620314 (only when
 * the caller says the whole value is a date). Numeric dates are read month first (US) unless
 * `order: 'DMY'`. With `ocr: true`, digit look-alikes are repaired ("O3/l4/1962") and the
 * date is marked `repaired`.
 *
 * A date that cannot exist (02/30/1962, 03/41/1962), lies in the future, or is before 1870 is
 * still returned, with `valid: false` and a `problem`, so that callers can report it or treat
 * it as a disagreement instead of silently dropping it.
 */
import { type DateOrder, type DateReading, findDates as readDates, isRealDate, localIso, toIso } from '../text/dates.js'

export type { DateOrder }
export { isRealDate, toIso }

export interface DateReadOptions {
  /** Order of numeric day and month. Default 'MDY' (US). */
  order?: DateOrder
  /** Repair OCR digit look-alikes (O for 0, l for 1, S for 5...). Default false. */
  ocr?: boolean
  /** "Today", for future-date checks and two-digit years. Default: now. */
  today?: Date
  /** Also read 8-digit runs (19620314, 03141962). Only for values known to be dates. Default false. */
  compact?: boolean
}

export type DateProblem = 'impossible' | 'future' | 'too-old'

/** A date read as a birth date: judged against today and the earliest plausible birth year. */
export interface DateHit extends Omit<DateReading, 'real'> {
  valid: boolean
  problem?: DateProblem
}

/** Earliest birth year accepted as plausible. */
export const MIN_BIRTH_YEAR = 1870

function judge(year: number, month: number, day: number, today: string): { valid: boolean; problem?: DateProblem } {
  if (!isRealDate(year, month, day)) return { valid: false, problem: 'impossible' }
  if (toIso(year, month, day) > today) return { valid: false, problem: 'future' }
  if (year < MIN_BIRTH_YEAR) return { valid: false, problem: 'too-old' }
  return { valid: true }
}

/**
 * Every date-looking run in `text` read as a possible birth date (src/text/dates.ts reads them):
 * two-digit years take the latest century not in the future, and invalid dates are included
 * (see `valid`).
 *
 * @example findDates('DOB: O3/14/1962', { ocr: true })[0].iso === '1962-03-14'
 */
export function findDates(text: string, opts: DateReadOptions = {}): DateHit[] {
  const today = localIso(opts.today ?? new Date())
  return readDates(text, { order: opts.order, ocr: opts.ocr, labelled: opts.compact, latest: today }).map(({ real: _real, ...r }) => {
    const j = judge(r.year, r.month, r.day, today)
    return {
      ...r,
      alternatives: r.alternatives.filter((iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
        return judge(y, m, d, today).valid
      }),
      valid: j.valid,
      ...(j.problem ? { problem: j.problem } : {}),
    }
  })
}

export type DateValueResult = { ok: true; iso: string } | { ok: false; message: string }

/**
 * Reads one whole value (a CSV cell) as a birth or death date, strictly: no OCR repair, no
 * two-digit years, the configured day/month order only.
 *
 * @example readDateValue('3/14/1962') // { ok: true, iso: '1962-03-14' }
 */
export function readDateValue(value: string, opts: { order?: DateOrder; today?: Date; what?: string } = {}): DateValueResult {
  const what = opts.what ?? 'date'
  const v = value.trim()
  const order = opts.order ?? 'MDY'
  const orderText = order === 'MDY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    return {
      ok: false,
      message: `${what} "${v}" looks like a spreadsheet serial number, not a date; format the column as a date (YYYY-MM-DD) before exporting`,
    }
  }
  // ISO date-times (FHIR, database exports): keep the date part.
  const dt = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(v)
  const text = dt ? dt[1]! : v
  const hits = findDates(text, { order, today: opts.today, compact: true })
  const hit = hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === text.length ? hits[0]! : null
  if (!hit) return { ok: false, message: `${what} "${v}" is not a date chartclerk can read; write it as YYYY-MM-DD or ${orderText}` }
  if (hit.twoDigitYear) {
    return { ok: false, message: `${what} "${v}" has a two-digit year, which is ambiguous; write the year in full (YYYY-MM-DD)` }
  }
  if (hit.orderSwapped) {
    return {
      ok: false,
      message: `${what} "${v}" does not fit the ${orderText} order this import uses; check the file's date order (use the other --date-order if the whole file is day first) or fix the value`,
    }
  }
  if (!hit.valid) {
    const why = hit.problem === 'future' ? 'is in the future' : hit.problem === 'too-old' ? `is before ${MIN_BIRTH_YEAR}` : 'does not exist'
    return { ok: false, message: `${what} "${v}" ${why}; correct it in the source system and import again` }
  }
  return { ok: true, iso: hit.iso }
}

export type BirthDateComparison =
  | { status: 'agree'; kind: 'same' | 'other-century-reading' }
  | { status: 'near'; kind: 'day-month-swapped' | 'digits-transposed' | 'one-digit' | 'century' }
  | { status: 'disagree'; kind: 'different' }

/**
 * Compares a birth date read from a document (possibly impossible, like 1962-03-41) with a
 * chart's. `near` means a look-alike: a slip of the pen or the scanner away from the chart's
 * date, which must never count as agreement.
 */
export function compareBirthDates(
  doc: { year: number; month: number; day: number; alternatives?: string[] },
  chartIso: string,
): BirthDateComparison {
  const docIso = toIso(doc.year, doc.month, doc.day)
  if (docIso === chartIso) return { status: 'agree', kind: 'same' }
  if (doc.alternatives?.includes(chartIso)) return { status: 'agree', kind: 'other-century-reading' }
  const [cy, cm, cd] = chartIso.split('-').map(Number) as [number, number, number]
  if (doc.year === cy && doc.month === cd && doc.day === cm) return { status: 'near', kind: 'day-month-swapped' }
  if (doc.month === cm && doc.day === cd && Math.abs(doc.year - cy) === 100) return { status: 'near', kind: 'century' }
  const a = docIso.replace(/-/g, '')
  const b = chartIso.replace(/-/g, '')
  if (a.length === b.length) {
    const diff: number[] = []
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i)
    if (diff.length === 1) return { status: 'near', kind: 'one-digit' }
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) {
      return { status: 'near', kind: 'digits-transposed' }
    }
  }
  return { status: 'disagree', kind: 'different' }
}
