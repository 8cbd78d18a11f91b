/**
 * Dates given on the command line: one helper for every option, so `--from 2026-02-30` and
 * `--date 2026-13-01` are refused as bad usage naming the option, never taken as another day
 * (or left to fail deep inside as INTERNAL).
 *
 * @example
 *   dateOption('2026-03-31', '--as-of')   // '2026-03-31'
 *   dateOption('2026-02-30', '--from')    // throws USAGE: --from: 2026-02-30 is not a day of the calendar ...
 */
import { isValid } from 'date-fns/isValid'
import { parse } from 'date-fns/parse'
import { ChartclerkError } from '../errors.js'

const SHAPE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar day as YYYY-MM-DD, checked to exist; `undefined` passes through (option not given). */
export function dateOption(v: string | undefined, option: string): string | undefined {
  if (v === undefined) return undefined
  const s = v.trim()
  if (!SHAPE.test(s)) throw new ChartclerkError('USAGE', `${option} wants a date like 2026-03-31 (year-month-day), not "${v}".`)
  const d = parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1))
  if (!isValid(d))
    throw new ChartclerkError(
      'USAGE',
      `${option}: ${s} is not a day of the calendar (check the month and the day). Give a date like 2026-03-31.`,
    )
  return s
}
