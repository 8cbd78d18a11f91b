/**
 * The one reader of dates in text, for every reader of documents: field dates
 * (extract-fields/dates.ts) and birth dates (patients/dates.ts) are views over it.
 *
 * Understood: 03/05/2024, 3/5/24, 03-05-2024, 03.05.2024, 2024-03-05, 2024/03/05,
 * March 5, 2024, Mar. 5th 2024, Tuesday, March 5, 2024, 5 March 2024, 5th of March, 2024,
 * 05-Mar-2024, 05MAR2024, 5-MAR-24, 2024-Mar-05, 2024 March 5, stray spaces around separators ("03 /05/ 2024"); with `ocr`,
 * digit look-alikes ("O3/O5/2O24") and damaged month names ("0ct 3, 2023", "Ju1y"). In a value a
 * label already says is a date (`labelled`), also 20240305, 03052024, "0712212025" (a fax that
 * read both slashes as ones) and 1.2.15.
 *
 * Numeric dates are read in the configured order (`patients.dateOrder`), and in the other order
 * when the configured one is impossible (14/03/2024 in MDY), which is marked `orderSwapped`.
 * Dates that cannot exist are still returned, with `real: false`, so callers can report them.
 */
import { DIGITISH, countDigits, repairDigits } from './digits.js'

/** Order of ambiguous numeric dates: 'MDY' reads 05/03/2024 as May 3 (US), 'DMY' as 5 March. */
export type DateOrder = 'MDY' | 'DMY'

export interface DateScanOptions {
  /** Order of numeric day and month. Default 'MDY' (US). */
  order?: DateOrder
  /** Repair OCR digit look-alikes (O for 0, l for 1, S for 5...). Default false. */
  ocr?: boolean
  /** The text is a value a label says is a date: also read compact runs and dotted two-digit years. Default false. */
  labelled?: boolean
  /** Two-digit years take the latest century that does not put the date after this ISO date. Default: today. */
  latest?: string
  /** Only these readings compete when two overlap (e.g. only real dates). Default: all. */
  accept?: (d: DateReading) => boolean
}

export type DateForm = 'numeric' | 'iso' | 'day-month-name' | 'month-name-day' | 'year-month-name' | 'compact'

export interface DateReading {
  /** Offset of `raw` in the searched text. */
  start: number
  end: number
  raw: string
  year: number
  month: number
  day: number
  /** ISO form of year/month/day; a date on the calendar only when `real`. */
  iso: string
  /** The month and day exist in that year. */
  real: boolean
  /** The year was written with two digits; `alternatives` holds the other century's reading when the later one was taken. */
  twoDigitYear: boolean
  alternatives: string[]
  /** OCR look-alikes were turned into digits or month letters. */
  repaired: boolean
  /** A numeric date was read in the other day/month order because the configured order was impossible. */
  orderSwapped: boolean
  form: DateForm
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

/** The local calendar date of `d` as ISO. */
export function localIso(d: Date): string {
  return toIso(d.getFullYear(), d.getMonth() + 1, d.getDate())
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
/** Letters scanners confuse inside month names (0ct, Dcc, Ju1y, Avg). */
const MONTH_LETTERS: Record<string, string> = { o: '[o0]', l: '[l1I|]', i: '[i1l]', u: '[uv]', e: '[ec]', b: '[b6]', s: '[s5]' }
const MONTH = `(${MONTH_NAMES.replace(/[a-z]/g, (ch) => MONTH_LETTERS[ch] ?? ch)})\\.?(?![a-z])`

const D = `[${DIGITISH}]`
const SEP = String.raw`\s?([/.\-])\s?`
// A date does not continue a number or another date; letters may touch it (OCR loses column gaps: "THOMAS11/11/1966").
const BEFORE = String.raw`(?<![0-9/.\-])`
const AFTER = String.raw`(?![0-9/\-]|\.\d)`

const PATTERNS: ReadonlyArray<{ form: DateForm; re: RegExp; labelledOnly?: boolean; slashesAsOnes?: boolean }> = [
  { form: 'iso', re: new RegExp(`${BEFORE}(${D}{4})${SEP}(${D}{1,2})${SEP}(${D}{1,2})${AFTER}`, 'g') },
  { form: 'numeric', re: new RegExp(`${BEFORE}(${D}{1,2})${SEP}(${D}{1,2})${SEP}(${D}{4}|${D}{2})${AFTER}`, 'g') },
  {
    form: 'month-name-day',
    re: new RegExp(`(?<![A-Za-z])${MONTH}\\s*(${D}{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(${D}{4}|'?${D}{2})(?![A-Za-z0-9])`, 'gi'),
  },
  {
    form: 'day-month-name',
    re: new RegExp(
      `(?<![0-9])(${D}{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-/.]{0,3}${MONTH}[\\s\\-/.,]{0,3}(${D}{4}|'?${D}{2})(?![A-Za-z0-9])`,
      'gi',
    ),
  },
  // 2024-Mar-05, 2024 March 5 (some laboratory and European systems print the year first).
  {
    form: 'year-month-name',
    re: new RegExp(`(?<![0-9A-Za-z])(${D}{4})[\\s\\-/.]{0,3}${MONTH}[\\s\\-/.]{0,3}(${D}{1,2})(?:st|nd|rd|th)?(?![A-Za-z0-9])`, 'gi'),
  },
  { form: 'compact', re: /(?<!\d)(\d{8})(?!\d)/g, labelledOnly: true },
  // "0712212025": a fax that read both slashes of 07/22/2025 as "1" (or "7").
  { form: 'numeric', re: /(?<!\d)(\d{2})[1l|7](\d{2})[1l|7]((?:19|20)\d{2})(?!\d)/g, labelledOnly: true, slashesAsOnes: true },
]

interface Resolved {
  order: DateOrder
  ocr: boolean
  labelled: boolean
  latest: string
}

function digitsOf(s: string, ocr: boolean): { value: string; repaired: boolean } | null {
  const t = s.replace(/^'/, '')
  if (!ocr) return /^\d+$/.test(t) ? { value: t, repaired: false } : null
  return repairDigits(t)
}

/** A run OCR repaired must still be mostly real digits to be believed as a date. */
function believable(parts: string[]): boolean {
  const joined = parts.join('')
  const real = countDigits(joined)
  return real >= 3 && real * 2 >= joined.length
}

function monthNumber(word: string): { month: number; repaired: boolean } | null {
  const plain = word.toLowerCase().slice(0, 3)
  if (MONTHS[plain]) return { month: MONTHS[plain], repaired: false }
  const w = plain.replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/5/g, 's').replace(/6/g, 'b').replace(/v/g, 'u')
  const fixes: Record<string, string> = { ocl: 'oct', jal: 'jan' }
  const direct = MONTHS[fixes[w] ?? w]
  if (direct) return { month: direct, repaired: true }
  // Undo e/c and i/l confusions: the first month whose letters fit.
  const swaps: Record<string, string> = { c: 'e', e: 'c', l: 'i', i: 'l' }
  const fits = (name: string): boolean => [...w].every((ch, i) => ch === name[i] || swaps[ch] === name[i])
  const found = Object.entries(MONTHS).find(([name]) => fits(name))
  return found ? { month: found[1], repaired: true } : null
}

function reading(
  form: DateForm,
  start: number,
  raw: string,
  year: number,
  month: number,
  day: number,
  twoDigitYear: boolean,
  repaired: boolean,
  orderSwapped: boolean,
  o: Resolved,
): DateReading {
  let alternatives: string[] = []
  if (twoDigitYear) {
    // The latest century that does not put the date after `latest`.
    const recent = 2000 + year
    if (toIso(recent, Math.min(Math.max(month, 1), 12), Math.max(day, 1)) <= o.latest) {
      alternatives = [toIso(1900 + year, month, day)]
      year = recent
    } else year = 1900 + year
  }
  return {
    start,
    end: start + raw.length,
    raw,
    year,
    month,
    day,
    iso: toIso(year, month, day),
    real: isRealDate(year, month, day),
    twoDigitYear,
    alternatives,
    repaired,
    orderSwapped,
    form,
  }
}

function numeric(form: DateForm, m: RegExpExecArray, o: Resolved, slashesAsOnes: boolean): DateReading | null {
  const [raw] = m
  const [a, b, c] = slashesAsOnes ? [m[1], m[2], m[3]] : [m[1], m[3], m[5]]
  if (a === undefined || b === undefined || c === undefined) return null
  // Both separators alike: "12/3-4" is not a date.
  if (!slashesAsOnes && m[2] !== m[4]) return null
  if (!believable([a, b, c])) return null
  // "1.2.15" in prose is more often a version or list number than a date.
  if (!o.labelled && m[2] === '.' && c.length !== 4) return null
  const parts = [a, b, c].map((p) => digitsOf(p, o.ocr))
  if (parts.some((p) => p === null)) return null
  const [x, y, z] = parts as Array<{ value: string; repaired: boolean }>
  const repaired = x!.repaired || y!.repaired || z!.repaired
  if (form === 'iso') return reading(form, m.index, raw, +x!.value, +y!.value, +z!.value, false, repaired, false, o)
  let month = o.order === 'MDY' ? +x!.value : +y!.value
  let day = o.order === 'MDY' ? +y!.value : +x!.value
  let swapped = false
  if (month > 12 && day >= 1 && day <= 12) {
    ;[month, day] = [day, month]
    swapped = true
  }
  return reading(form, m.index, raw, +z!.value, month, day, z!.value.length === 2, repaired, swapped, o)
}

function named(form: DateForm, m: RegExpExecArray, o: Resolved): DateReading | null {
  const [raw] = m
  const [dayRaw, monthRaw, yearRaw] = (
    form === 'day-month-name' ? [m[1], m[2], m[3]] : form === 'year-month-name' ? [m[3], m[2], m[1]] : [m[2], m[1], m[3]]
  ).map((x) => x ?? '') as [string, string, string]
  if (countDigits(dayRaw + yearRaw) < 2) return null
  const d = digitsOf(dayRaw, o.ocr)
  const y = digitsOf(yearRaw, o.ocr)
  const mo = monthNumber(monthRaw)
  if (!d || !y || !mo) return null
  return reading(form, m.index, raw, +y.value, mo.month, +d.value, y.value.length === 2, d.repaired || y.repaired || mo.repaired, false, o)
}

/** An 8-digit run is a date only when its year is at least this (else it is some other number). */
const EARLIEST_COMPACT_YEAR = 1870

function compact(m: RegExpExecArray, o: Resolved): DateReading | null {
  // YYYYMMDD first, then MMDDYYYY / DDMMYYYY in the configured order.
  const s = m[1] ?? ''
  const y1 = +s.slice(0, 4)
  const mo1 = +s.slice(4, 6)
  const d1 = +s.slice(6, 8)
  if (y1 >= EARLIEST_COMPACT_YEAR && isRealDate(y1, mo1, d1)) return reading('compact', m.index, m[0], y1, mo1, d1, false, false, false, o)
  const p1 = +s.slice(0, 2)
  const p2 = +s.slice(2, 4)
  const y2 = +s.slice(4, 8)
  if (y2 < EARLIEST_COMPACT_YEAR) return null
  return reading('compact', m.index, m[0], y2, o.order === 'MDY' ? p1 : p2, o.order === 'MDY' ? p2 : p1, false, false, false, o)
}

/**
 * Every date-looking run in `text`, left to right; where two readings overlap, the earlier,
 * then the longer, wins (among those `accept` lets through).
 *
 * @example findDates('DOB: O3/14/1962', { ocr: true })[0].iso === '1962-03-14'
 */
export function findDates(text: string, opts: DateScanOptions = {}): DateReading[] {
  const o: Resolved = {
    order: opts.order ?? 'MDY',
    ocr: opts.ocr ?? false,
    labelled: opts.labelled ?? false,
    latest: opts.latest ?? localIso(new Date()),
  }
  const hits: DateReading[] = []
  for (const { form, re, labelledOnly, slashesAsOnes } of PATTERNS) {
    if (labelledOnly && !o.labelled) continue
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const hit =
        form === 'compact'
          ? compact(m, o)
          : form === 'iso' || form === 'numeric'
            ? numeric(form, m, o, slashesAsOnes ?? false)
            : named(form, m, o)
      if (hit && (!opts.accept || opts.accept(hit))) hits.push(hit)
      // A run that is not a date may hide one that starts inside it ("S5 March 2024").
      else re.lastIndex = m.index + 1
    }
  }
  hits.sort((a, b) => a.start - b.start || b.raw.length - a.raw.length)
  const out: DateReading[] = []
  for (const h of hits) {
    const prev = out[out.length - 1]
    if (prev && h.start < prev.end) continue
    out.push(h)
  }
  return out
}
