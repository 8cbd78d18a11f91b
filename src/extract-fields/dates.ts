/**
 * Dates in document fields (service, results, signatures) as ISO `YYYY-MM-DD`: the dates
 * src/text/dates.ts reads with OCR repair, kept when they are on the calendar between 1880 and
 * 2199. A labelled value (`parseDate`, `firstDate`) also reads compact forms (20240305).
 */
import { type DateOrder, type DateReading, findDates as readDates } from '../text/dates.js'

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

/** Field dates are dates of service, results and signatures: years from 1880 to 2199. */
function plausible(d: DateReading): boolean {
  return d.real && d.year >= 1880 && d.year <= 2199
}

function scan(text: string, opts: DateOptions | undefined, labelled: boolean): DateMatch[] {
  const refYear = opts?.refYear ?? new Date().getFullYear()
  // Two-digit years: 20yy unless that is more than a year after the reference year.
  const latest = `${refYear + 1}-12-31`
  return readDates(text, { order: opts?.order ?? 'MDY', ocr: true, labelled, latest, accept: plausible }).map((d) => ({
    iso: d.iso,
    raw: d.raw,
    index: d.start,
    end: d.end,
  }))
}

/**
 * Every date in `text`, in order, with where it was found.
 *
 * @example findDates('DOS: 03/05/2024  Reported: Mar 6, 2024').map(d => d.iso) // ['2024-03-05', '2024-03-06']
 */
export function findDates(text: string, opts?: DateOptions): DateMatch[] {
  return scan(text, opts, false)
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
  return scan(value, opts, true)[0] ?? null
}
