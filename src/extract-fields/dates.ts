/**
 * Finding and normalising dates in OCR text. Every date comes out as ISO `YYYY-MM-DD`.
 *
 * Understood: 03/05/2024, 3/5/24, 03-05-2024, 03.05.2024, 2024-03-05, 2024/03/05, 20240305 (only
 * in a labelled value), March 5, 2024, Mar. 5th 2024, Tuesday, March 5, 2024, 5 March 2024,
 * 05-Mar-2024, 05MAR2024, 5-MAR-24, with OCR damage in digits ("O3/O5/2O24", "l2/0l/2023"),
 * in month names ("0ct 3, 2023", "Ju1y"), and stray spaces around separators ("03 /05/ 2024").
 * Numeric dates are read month-first (US) unless the first number cannot be a month.
 */
import type { DateOrder } from '../text/dates.js'
import { DIGITISH, countDigits, ocrDigits } from './ocr.js'

export interface DateMatch {
  /** ISO date YYYY-MM-DD. */
  iso: string
  /** The text as found. */
  raw: string
  /** Offset of `raw` in the searched text. */
  index: number
  /** Offset just past `raw`. */
  end: number
}

export interface DateOptions {
  /** Year that decides two-digit years (yy -> 20yy unless that is more than one year after it). Default: this year. */
  refYear?: number
  /** Order of ambiguous numeric dates ('DMY': 05/03/2024 = 5 March). Default 'MDY' (US). */
  order?: DateOrder
}

const MONTHS: Array<[number, string]> = [
  [1, 'jan(?:uary)?'],
  [2, 'feb(?:ruary)?'],
  [3, 'mar(?:ch)?'],
  [4, 'apr(?:il)?'],
  [5, 'may'],
  [6, 'jun(?:e)?'],
  [7, 'jul(?:y)?'],
  [8, 'aug(?:ust)?'],
  [9, 'sep(?:t(?:ember)?)?'],
  [10, 'oct(?:ober)?'],
  [11, 'nov(?:ember)?'],
  [12, 'dec(?:ember)?'],
]

/** OCR-tolerant letter classes used in month names. */
function monthSource(src: string): string {
  return src.replace(/[a-z]/g, (ch) => {
    switch (ch) {
      case 'o':
        return '[o0]'
      case 'l':
        return '[l1I|]'
      case 'i':
        return '[i1l]'
      case 'u':
        return '[uv]'
      case 'e':
        return '[ec]'
      case 'b':
        return '[b6]'
      case 's':
        return '[s5]'
      default:
        return ch
    }
  })
}

const MONTH_ALT = MONTHS.map(([, s]) => monthSource(s)).join('|')

function monthNumber(word: string): number | null {
  const w = word
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1|]/g, (_c) => 'l')
    .replace(/5/g, 's')
    .replace(/6/g, 'b')
  const key = w.slice(0, 3)
  const fixes: Record<string, string> = { ocl: 'oct', jvn: 'jun', jvl: 'jul', avg: 'aug', dcc: 'dec', scp: 'sep', fcb: 'feb', jal: 'jan' }
  const k = fixes[key] ?? key
  // "jul"/"jun" with l read for i etc. are handled by the lookup above; "ju1" became "jul".
  const table: Record<string, number> = {
    jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  }
  return table[k] ?? null
}

const D = `[${DIGITISH}]`
const SEP = String.raw`\s?([/.\-])\s?`

// Numeric, month/day first: 03/05/2024, 3-5-24, O3/O5/2O24
const NUMERIC_MDY = new RegExp(
  String.raw`(?<![\w/.\-])(${D}{1,2})${SEP}(${D}{1,2})${SEP}(${D}{4}|${D}{2})(?![\w/\-]|\.\d)`,
  'g',
)
// ISO-like, year first: 2024-03-05, 2024/3/5, 2024.03.05
const NUMERIC_YMD = new RegExp(
  String.raw`(?<![\w/.\-])(${D}{4})\s?([/.\-])\s?(${D}{1,2})\s?([/.\-])\s?(${D}{1,2})(?!(?!T\d)[\w/\-]|\.\d)`,
  'g',
)
// March 5, 2024 / Mar. 5th 2024 / Sept 05 ,2024
const NAMED_MDY = new RegExp(
  String.raw`(?<![A-Za-z])(${MONTH_ALT})\.?\s*(${D}{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(${D}{4}|'?${D}{2})(?![\w])`,
  'gi',
)
// 5 March 2024 / 05-Mar-2024 / 05MAR2024 / 5th of March, 2024
const NAMED_DMY = new RegExp(
  String.raw`(?<![\w])(${D}{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*(${MONTH_ALT})\.?[\s\-/.,]*(${D}{4}|'?${D}{2})(?![\w])`,
  'gi',
)
const SLASHES_AS_ONES = /(?<!\d)(\d{2})[1l|7](\d{2})[1l|7]((?:19|20)\d{2})(?!\d)/g
// 20240305 (only used for values that a label already says are dates)
const COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function expandYear(y: string, refYear: number): number | null {
  const digits = ocrDigits(y.replace(/^'/, ''))
  if (digits === null) return null
  const n = Number(digits)
  if (digits.length === 4) return n
  if (digits.length === 2) {
    const cand = 2000 + n
    return cand > refYear + 1 ? 1900 + n : cand
  }
  return null
}

function toIso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1880 || y > 2199) return null
  if (m < 1 || m > 12) return null
  if (d < 1 || d > daysInMonth(y, m)) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Enough real digits that an OCR-repaired token is believable as a date. */
function believable(parts: string[]): boolean {
  const joined = parts.join('')
  const real = countDigits(joined)
  return real >= 3 && real * 2 >= joined.replace(/\s/g, '').length
}

function numericMdy(m: RegExpExecArray, opts: Required<DateOptions>, scanning: boolean): string | null {
  const [, a, s1, b, s2, c] = m as unknown as string[]
  if (a === undefined || b === undefined || c === undefined) return null
  if (s1 !== s2) return null
  if (!believable([a, b, c])) return null
  // "1.2.15" in prose is more often a version or list number than a date.
  if (scanning && s1 === '.' && c.length !== 4) return null
  const x = Number(ocrDigits(a))
  const y = Number(ocrDigits(b))
  const year = expandYear(c, opts.refYear)
  if (year === null || Number.isNaN(x) || Number.isNaN(y)) return null
  let month = x
  let day = y
  if (opts.order === 'DMY' ? y <= 12 : x > 12 && y <= 12) {
    month = y
    day = x
  }
  return toIso(year, month, day)
}

function numericYmd(m: RegExpExecArray): string | null {
  const [, a, s1, b, s2, c] = m as unknown as string[]
  if (a === undefined || b === undefined || c === undefined) return null
  if (s1 !== s2) return null
  if (!believable([a, b, c])) return null
  return toIso(Number(ocrDigits(a)), Number(ocrDigits(b)), Number(ocrDigits(c)))
}

function named(monthWord: string, day: string, year: string, opts: Required<DateOptions>): string | null {
  const mo = monthNumber(monthWord)
  const dd = ocrDigits(day)
  if (mo === null || dd === null) return null
  const yy = expandYear(year, opts.refYear)
  if (yy === null) return null
  if (countDigits(day + year) < 2) return null
  return toIso(yy, mo, Number(dd))
}

function resolve(opts: DateOptions | undefined): Required<DateOptions> {
  return { refYear: opts?.refYear ?? new Date().getFullYear(), order: opts?.order ?? 'MDY' }
}

function scan(text: string, opts: Required<DateOptions>, scanning: boolean): DateMatch[] {
  const found: DateMatch[] = []
  const push = (m: RegExpExecArray, iso: string | null): void => {
    if (iso === null) return
    const raw = m[0]
    found.push({ iso, raw, index: m.index, end: m.index + raw.length })
  }
  for (const m of text.matchAll(NUMERIC_YMD)) push(m, numericYmd(m))
  for (const m of text.matchAll(NUMERIC_MDY)) push(m, numericMdy(m, opts, scanning))
  for (const m of text.matchAll(NAMED_MDY)) push(m, named(m[1] ?? '', m[2] ?? '', m[3] ?? '', opts))
  for (const m of text.matchAll(NAMED_DMY)) push(m, named(m[2] ?? '', m[1] ?? '', m[3] ?? '', opts))
  if (!scanning) {
    for (const m of text.matchAll(COMPACT)) push(m, toIso(Number(m[1]), Number(m[2]), Number(m[3])))
    // "0712212025": a fax that read both slashes of 07/22/2025 as "1" (or "7").
    for (const m of text.matchAll(SLASHES_AS_ONES)) push(m, numericMdy(['', m[1], '/', m[2], '/', m[3]] as unknown as RegExpExecArray, opts, false))
  }
  // Keep the earliest, then longest, of overlapping matches.
  found.sort((p, q) => p.index - q.index || q.end - q.index - (p.end - p.index))
  const out: DateMatch[] = []
  for (const f of found) {
    const last = out[out.length - 1]
    if (last !== undefined && f.index < last.end) continue
    out.push(f)
  }
  return out
}

/**
 * Every date in `text`, in order, with where it was found.
 *
 * @example findDates('DOS: 03/05/2024  Reported: Mar 6, 2024').map(d => d.iso) // ['2024-03-05', '2024-03-06']
 */
export function findDates(text: string, opts?: DateOptions): DateMatch[] {
  return scan(text, resolve(opts), true)
}

/**
 * The first date in a labelled value (more formats are allowed than when scanning free text,
 * e.g. 20240305), or null.
 *
 * @example parseDate('O3/O5/2O24 14:32') // '2024-03-05'
 */
export function parseDate(value: string, opts?: DateOptions): string | null {
  return firstDate(value, opts)?.iso ?? null
}

/** Like parseDate, with where the date was found in `value`. */
export function firstDate(value: string, opts?: DateOptions): DateMatch | null {
  return scan(value, resolve(opts), false)[0] ?? null
}
