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
import type { DateOrder } from '../text/dates.js'
import { DIGITISH, repairDigits } from '../text/digits.js'

export type { DateOrder }

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

export interface DateHit {
  /** Offset of `raw` in the searched text. */
  start: number
  end: number
  raw: string
  year: number
  month: number
  day: number
  /** ISO form of year/month/day; only a real date when `valid`. */
  iso: string
  valid: boolean
  problem?: DateProblem
  /** The year was written with two digits; `alternatives` holds the other century when both are possible. */
  twoDigitYear: boolean
  alternatives: string[]
  /** OCR look-alikes were turned into digits or month letters. */
  repaired: boolean
  /** A numeric date was read in the other day/month order because the configured order was impossible (14/03/1962 read day first). */
  orderSwapped: boolean
  form: 'numeric' | 'iso' | 'day-month-name' | 'month-name-day' | 'compact'
}

/** Earliest birth year accepted as plausible. */
export const MIN_BIRTH_YEAR = 1870

const D = `[${DIGITISH}]`

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
/** Month names, tolerant of the letters scanners confuse (0ct, Dcc, Ju1y). */
const MONTH_RE = `(${'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'.replace(
  /[eoli]/g,
  (c) => ({ e: '[ec]', o: '[o0]', l: '[l1I]', i: '[il1]' })[c] ?? c,
)})\\.?(?![a-z])`

const PATTERNS: Array<{ form: DateHit['form']; re: RegExp }> = [
  { form: 'iso', re: new RegExp(`(?<!\\d)(${D}{4})\\s?[-/.]\\s?(${D}{1,2})\\s?[-/.]\\s?(${D}{1,2})(?!\\d)`, 'gi') },
  { form: 'numeric', re: new RegExp(`(?<!\\d)(${D}{1,2})\\s?[-/.]\\s?(${D}{1,2})\\s?[-/.]\\s?(${D}{4}|${D}{2})(?!\\d)`, 'gi') },
  { form: 'day-month-name', re: new RegExp(`(?<!\\d)(${D}{1,2})[\\s\\-/.]{0,2}${MONTH_RE}[\\s\\-/.,]{0,3}(${D}{4}|${D}{2})(?!\\d)`, 'gi') },
  {
    form: 'month-name-day',
    re: new RegExp(`(?<![a-z])${MONTH_RE}\\s{0,2}(${D}{1,2})(?:st|nd|rd|th)?\\s?,?\\s{0,2}(${D}{4})(?!\\d)`, 'gi'),
  },
  { form: 'compact', re: /(?<!\d)(\d{8})(?!\d)/g },
]

function digitsOf(s: string, ocr: boolean): { value: string; repaired: boolean } | null {
  if (!ocr) return /^\d*$/.test(s) ? { value: s, repaired: false } : null
  return repairDigits(s)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function todayIso(today: Date): string {
  return toIso(today.getFullYear(), today.getMonth() + 1, today.getDate())
}

function judge(year: number, month: number, day: number, today: Date): { valid: boolean; problem?: DateProblem } {
  if (!isRealDate(year, month, day)) return { valid: false, problem: 'impossible' }
  if (toIso(year, month, day) > todayIso(today)) return { valid: false, problem: 'future' }
  if (year < MIN_BIRTH_YEAR) return { valid: false, problem: 'too-old' }
  return { valid: true }
}

/** Two-digit year as a birth year: the latest century that does not put the date in the future. */
function expandYear(yy: number, month: number, day: number, today: Date): { year: number; alternatives: number[] } {
  const recent = 2000 + yy
  const older = 1900 + yy
  const t = todayIso(today)
  if (toIso(recent, Math.min(Math.max(month, 1), 12), Math.max(day, 1)) <= t) return { year: recent, alternatives: [older] }
  return { year: older, alternatives: [] }
}

function build(
  form: DateHit['form'],
  start: number,
  raw: string,
  year: number,
  month: number,
  day: number,
  twoDigitYear: boolean,
  repaired: boolean,
  orderSwapped: boolean,
  today: Date,
): DateHit {
  let alternatives: string[] = []
  if (twoDigitYear) {
    const ex = expandYear(year, month, day, today)
    year = ex.year
    alternatives = ex.alternatives.filter((y) => judge(y, month, day, today).valid).map((y) => toIso(y, month, day))
  }
  const j = judge(year, month, day, today)
  return {
    start,
    end: start + raw.length,
    raw,
    year,
    month,
    day,
    iso: toIso(year, month, day),
    valid: j.valid,
    ...(j.problem ? { problem: j.problem } : {}),
    twoDigitYear,
    alternatives,
    repaired,
    orderSwapped,
    form,
  }
}

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').slice(0, 3)
  const direct = MONTHS[w]
  if (direct) return direct
  // Undo e/c and i/l confusions: the first month whose letters fit.
  const fits = (name: string): boolean => [...w].every((ch, i) => ch === name[i] || ({ c: 'e', e: 'c', l: 'i', i: 'l' } as Record<string, string>)[ch] === name[i])
  return Object.entries(MONTHS).find(([name]) => fits(name))?.[1] ?? 0
}

/**
 * Every date-looking run in `text`, left to right, overlaps resolved in favour of the longer
 * reading. Invalid dates are included (see `valid`).
 *
 * @example findDates('DOB: O3/14/1962', { ocr: true })[0].iso === '1962-03-14'
 */
export function findDates(text: string, opts: DateReadOptions = {}): DateHit[] {
  const order = opts.order ?? 'MDY'
  const ocr = opts.ocr ?? false
  const today = opts.today ?? new Date()
  const hits: DateHit[] = []
  for (const { form, re } of PATTERNS) {
    if (form === 'compact' && !opts.compact) continue
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const raw = m[0]
      const start = m.index
      const hit = readMatch(form, m, start, raw, order, ocr, today)
      if (hit) hits.push(hit)
    }
  }
  hits.sort((a, b) => a.start - b.start || b.raw.length - a.raw.length)
  const out: DateHit[] = []
  for (const h of hits) {
    const prev = out[out.length - 1]
    if (prev && h.start < prev.end) {
      if (h.raw.length > prev.raw.length) out[out.length - 1] = h
      continue
    }
    out.push(h)
  }
  return out
}

function readMatch(
  form: DateHit['form'],
  m: RegExpExecArray,
  start: number,
  raw: string,
  order: DateOrder,
  ocr: boolean,
  today: Date,
): DateHit | null {
  // A run must hold enough real digits to be a date and not a word with look-alike letters.
  const realDigits = (raw.match(/\d/g) ?? []).length
  if (form === 'iso' || form === 'numeric') {
    if (realDigits < 4) return null
    const parts = [m[1], m[2], m[3]].map((p) => digitsOf(p ?? '', ocr))
    if (parts.some((p) => p === null)) return null
    const [a, b, c] = parts as Array<{ value: string; repaired: boolean }>
    const repaired = a!.repaired || b!.repaired || c!.repaired
    if (form === 'iso') return build(form, start, raw, +a!.value, +b!.value, +c!.value, false, repaired, false, today)
    const n1 = +a!.value
    const n2 = +b!.value
    const yearRaw = c!.value
    let month = order === 'MDY' ? n1 : n2
    let day = order === 'MDY' ? n2 : n1
    let swapped = false
    if (month > 12 && day <= 12 && day >= 1) {
      ;[month, day] = [day, month]
      swapped = true
    }
    return build(form, start, raw, +yearRaw, month, day, yearRaw.length === 2, repaired, swapped, today)
  }
  if (form === 'day-month-name' || form === 'month-name-day') {
    if (realDigits < 2) return null
    const dayRaw = form === 'day-month-name' ? m[1] : m[2]
    const monthRaw = form === 'day-month-name' ? m[2] : m[1]
    const yearRawS = m[3]
    const d = digitsOf(dayRaw ?? '', ocr)
    const y = digitsOf(yearRawS ?? '', ocr)
    if (!d || !y) return null
    const month = monthNumber(monthRaw ?? '')
    if (!month) return null
    const repaired = d.repaired || y.repaired || !MONTHS[(monthRaw ?? '').toLowerCase().slice(0, 3)]
    return build(form, start, raw, +y.value, month, +d.value, y.value.length === 2, repaired, false, today)
  }
  // compact 8 digits: YYYYMMDD first, then MMDDYYYY / DDMMYYYY
  const s = m[1] ?? ''
  const y1 = +s.slice(0, 4)
  const mo1 = +s.slice(4, 6)
  const d1 = +s.slice(6, 8)
  if (y1 >= MIN_BIRTH_YEAR && isRealDate(y1, mo1, d1)) return build(form, start, raw, y1, mo1, d1, false, false, false, today)
  const p1 = +s.slice(0, 2)
  const p2 = +s.slice(2, 4)
  const y2 = +s.slice(4, 8)
  const month = order === 'MDY' ? p1 : p2
  const day = order === 'MDY' ? p2 : p1
  if (y2 >= MIN_BIRTH_YEAR) return build(form, start, raw, y2, month, day, false, false, false, today)
  return null
}

export type DateValueResult =
  | { ok: true; iso: string }
  | { ok: false; message: string }

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
    const why =
      hit.problem === 'future' ? 'is in the future' : hit.problem === 'too-old' ? `is before ${MIN_BIRTH_YEAR}` : 'does not exist'
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
export function compareBirthDates(doc: { year: number; month: number; day: number; alternatives?: string[] }, chartIso: string): BirthDateComparison {
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
