/**
 * Day arithmetic on calendar dates (`YYYY-MM-DD`): no time of day, no time zone. A date is the
 * same date in every zone, so these are pure; turning an instant into the clinic's date is the
 * clock's job (./clock.ts).
 */
import { TZDate } from '@date-fns/tz'
// Each function from its own module: the package's index loads all of its 300 files.
import { addDays as addDaysTo } from 'date-fns/addDays'
import { addYears as addYearsTo } from 'date-fns/addYears'
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays'
import { differenceInYears } from 'date-fns/differenceInYears'
import { format } from 'date-fns/format'
import { isValid } from 'date-fns/isValid'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date as a date-fns date pinned to UTC, so the machine's own zone never shifts it. */
function calendarDay(date: string): TZDate {
  const m = DATE.exec(date)
  const d = m ? new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 'UTC') : null
  // 2025-02-30 would roll over to March: refuse it, as a records desk must not guess a date.
  if (!d || !isValid(d) || format(d, 'yyyy-MM-dd') !== date)
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return d
}

/** True for a real `YYYY-MM-DD` date. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false
  try {
    calendarDay(value)
    return true
  } catch {
    return false
  }
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return format(addDaysTo(calendarDay(date), days), 'yyyy-MM-dd')
}

/** `date` plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  return format(addYearsTo(calendarDay(date), years), 'yyyy-MM-dd')
}

/** Whole years from `earlier` to `later`: a person's age on a day. */
export function yearsBetween(later: string, earlier: string): number {
  return differenceInYears(calendarDay(later), calendarDay(earlier))
}

/** Whole days from `earlier` to `later` (negative when `later` comes first). */
export function daysBetween(later: string, earlier: string): number {
  return differenceInCalendarDays(calendarDay(later), calendarDay(earlier))
}
