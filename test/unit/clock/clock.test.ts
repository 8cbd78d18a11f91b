import { describe, expect, it } from 'vitest'
import { addDays, addYears, daysBetween, isCalendarDate, yearsBetween } from '../../../src/clock/calendar.js'
import { clockFromConfig, createClock, fixedClock, isTimeZone, localDateOrNull, noonOf, startOfDayIn } from '../../../src/clock/clock.js'

describe("the clinic's clock", () => {
  it.each([
    // zone, local time, the clinic's date, the date in UTC then
    ['America/New_York', '2026-03-05T23:30:00-05:00', '2026-03-05', '2026-03-06'],
    ['America/Los_Angeles', '2026-07-01T23:30:00-07:00', '2026-07-01', '2026-07-02'],
    ['Asia/Tokyo', '2026-03-05T23:30:00+09:00', '2026-03-05', '2026-03-05'],
    ['Asia/Tokyo', '2026-03-06T00:30:00+09:00', '2026-03-06', '2026-03-05'],
    ['Pacific/Auckland', '2026-01-10T00:30:00+13:00', '2026-01-10', '2026-01-09'],
    ['UTC', '2026-03-05T23:30:00Z', '2026-03-05', '2026-03-05'],
  ])('in %s at %s today is %s (UTC says %s)', (zone, now, today, utc) => {
    const clock = fixedClock(now, zone)
    expect(clock.today()).toBe(today)
    expect(clock.nowIso()).toBe(new Date(now).toISOString())
    expect(clock.nowIso().slice(0, 10)).toBe(utc)
    expect(clock.localDateTime(clock.now())).toBe(`${today} ${now.slice(11, 16)}`)
    expect(clock.localDate(new Date(now).getTime())).toBe(today)
  })

  it("the day begins at the clinic's midnight, across a change to summer time", () => {
    expect(fixedClock('2026-03-05T23:30:00-05:00', 'America/New_York').startOfToday().toISOString()).toBe('2026-03-05T05:00:00.000Z')
    // 8 March 2026: New York moves to EDT at 2 am; the day still began at 00:00 EST.
    expect(fixedClock('2026-03-08T23:30:00-04:00', 'America/New_York').startOfToday().toISOString()).toBe('2026-03-08T05:00:00.000Z')
    expect(startOfDayIn('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z')
    expect(noonOf('2026-03-05', 'Asia/Tokyo')).toBe('2026-03-05T03:00:00.000Z')
  })

  it('a bare date is already a calendar date; unreadable times are refused, or null where facts may hold anything', () => {
    const clock = fixedClock('2026-03-05T23:30:00-05:00', 'America/New_York')
    expect(clock.localDate('2026-03-01')).toBe('2026-03-01')
    expect(clock.localDate('2026-03-06T03:00:00Z')).toBe('2026-03-05')
    expect(() => clock.localDate('yesterday')).toThrow(/not a time/)
    expect(localDateOrNull('America/New_York', 'yesterday')).toBeNull()
    expect(localDateOrNull('America/New_York', null)).toBeNull()
  })

  it('the system clock moves; a fixed one does not; the configuration picks zone and test time', () => {
    const live = createClock({ timeZone: 'Europe/London' })
    expect(Math.abs(live.now().getTime() - Date.now())).toBeLessThan(5_000)
    expect(clockFromConfig({ clinic: { timeZone: 'Asia/Tokyo' } }).timeZone).toBe('Asia/Tokyo')
    const stopped = clockFromConfig({ clinic: { timeZone: 'America/New_York' } }, { frozenNow: '2026-03-05T23:30:00-05:00' })
    expect(stopped.today()).toBe('2026-03-05')
    expect(() => createClock({ timeZone: 'America/NewYork' })).toThrow(/unknown time zone/)
    expect([isTimeZone('America/New_York'), isTimeZone('UTC'), isTimeZone('Mars/Olympus'), isTimeZone('')]).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})

describe('calendar arithmetic (date-fns on dates, not instants)', () => {
  it('adds days and years and counts days across month ends, leap days and summer time', () => {
    expect(addDays('2026-03-05', 30)).toBe('2026-04-04')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-11-28', 30)).toBe('2026-12-28')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(2)
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(-2)
    expect(yearsBetween('2026-03-05', '1970-03-06')).toBe(55)
    expect(yearsBetween('2026-03-06', '1970-03-06')).toBe(56)
  })

  it('refuses what is not a real calendar date', () => {
    expect([
      isCalendarDate('2026-02-28'),
      isCalendarDate('2025-02-29'),
      isCalendarDate('2026-03-05T10:00:00Z'),
      isCalendarDate(20260305),
    ]).toEqual([true, false, false, false])
    expect(() => addDays('2025-02-30', 1)).toThrow(/not a calendar date/)
    expect(() => daysBetween('2026-03-05T23:30:00Z', '2026-03-01')).toThrow(/not a calendar date/)
  })
})
