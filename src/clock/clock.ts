/**
 * The clinic's clock: the one place chartclerk learns what time and what day it is. Instants
 * (`receivedAt`, `updatedAt`, audit times) are stored as UTC ISO strings; calendar dates (the day
 * a document was received, a deadline, an age in days, a chart's `asOf`, a day in the statistics)
 * are the clinic's local dates in `clinic.timeZone`, so a fax that arrives at 8 pm in New York is
 * received that day, not "tomorrow".
 *
 * The clock is handed to whoever needs it (App, the stage context, the web desk); tests make one
 * with a fixed `now`.
 */
import { TZDate, tzOffset } from '@date-fns/tz'
import { format } from 'date-fns/format'
import { readTestHooks, type TestHooks } from '../config/testHooks.js'

export interface Clock {
  /** IANA time zone of the clinic ("America/New_York"), "UTC" by default. */
  readonly timeZone: string
  /** The current instant. */
  now(): Date
  /** The current instant as a UTC ISO string, for stored timestamps. */
  nowIso(): string
  /** The clinic's date today, `YYYY-MM-DD`. */
  today(): string
  /**
   * The clinic's date at an instant (a Date, epoch milliseconds or an ISO timestamp). A bare
   * `YYYY-MM-DD` is already a calendar date and comes back as it is.
   */
  localDate(instant: Date | number | string): string
  /** `2026-03-05 19:42` in the clinic's zone, for people to read. */
  localDateTime(instant: Date | number | string): string
  /** The instant the clinic's day began (local midnight), for "filed today". */
  startOfToday(): Date
}

/** True when the runtime knows `name` as an IANA time zone ("UTC", "America/New_York"). */
export function isTimeZone(name: string): boolean {
  if (!name || !name.trim()) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/

function toMillis(instant: Date | number | string): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${JSON.stringify(String(instant))}`)
  return ms
}

/** The calendar date in `timeZone` at an instant. */
export function localDateIn(timeZone: string, instant: Date | number | string): string {
  if (typeof instant === 'string' && BARE_DATE.test(instant)) return instant
  const ms = toMillis(instant)
  // The zone's offset at that instant (from @date-fns/tz), then the date part: a TZDate and
  // format() give the same answer but cost several times more, and this runs for every document
  // of every chart checked.
  const offsetMinutes = timeZone === 'UTC' ? 0 : tzOffset(timeZone, new Date(ms))
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** Like {@link localDateIn}, but null for a missing or unreadable value (facts as recorded may hold anything). */
export function localDateOrNull(timeZone: string, instant: unknown): string | null {
  if (typeof instant !== 'string' && typeof instant !== 'number' && !(instant instanceof Date)) return null
  try {
    return localDateIn(timeZone, instant)
  } catch {
    return null
  }
}

/** `2026-03-05 19:42` in `timeZone`, for people to read. */
export function localDateTimeIn(timeZone: string, instant: Date | number | string): string {
  return format(new TZDate(toMillis(instant), timeZone), 'yyyy-MM-dd HH:mm')
}

export interface ClockOptions {
  /** IANA zone; default "UTC". */
  timeZone?: string
  /** Where the current instant comes from; default the system clock. Tests pass a fixed time. */
  now?: () => Date
}

export function createClock(opts: ClockOptions = {}): Clock {
  const timeZone = opts.timeZone ?? 'UTC'
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`)
  const now = opts.now ?? (() => new Date())
  return {
    timeZone,
    now: () => new Date(now().getTime()),
    nowIso: () => now().toISOString(),
    today: () => localDateIn(timeZone, now()),
    localDate: (instant) => localDateIn(timeZone, instant),
    localDateTime: (instant) => localDateTimeIn(timeZone, instant),
    startOfToday: () => {
      const t = new TZDate(now().getTime(), timeZone)
      return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), timeZone).getTime())
    },
  }
}

/** A clock stopped at one instant (tests, and the test-only CHARTCLERK_TEST_NOW). */
export function fixedClock(at: Date | string, timeZone = 'UTC'): Clock {
  const ms = toMillis(at)
  return createClock({ timeZone, now: () => new Date(ms) })
}

/** The clinic's clock for a configuration: its `clinic.timeZone`, stopped where a test hook says in command-line tests. */
export function clockFromConfig(config: { clinic: { timeZone: string } }, hooks: TestHooks = readTestHooks()): Clock {
  return hooks.frozenNow ? fixedClock(hooks.frozenNow, config.clinic.timeZone) : createClock({ timeZone: config.clinic.timeZone })
}

/** The instant a calendar date begins in `timeZone` (local midnight), as a UTC ISO string. */
export function startOfDayIn(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime()).toISOString()
}

/** Noon of a calendar date in `timeZone`, as an instant: a time for "that day" that every zone nearby still reads as the same date. */
export function noonOf(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime()).toISOString()
}
