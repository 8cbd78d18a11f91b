/** Dates as outside records print them, in several picture styles (none ambiguous under MDY). */
import type { Rand } from './rand.js'

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export type DateStyle = 'us' | 'iso' | 'dmon' | 'monthd' | 'upper' | 'dots'

const pad = (n: number) => String(n).padStart(2, '0')

/** `ymd` is YYYY-MM-DD. */
export function fmt(ymd: string, style: DateStyle): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  switch (style) {
    case 'us':
      return `${pad(m)}/${pad(d)}/${y}`
    case 'iso':
      return ymd
    case 'dmon':
      return `${d} ${MON[m - 1]} ${y}`
    case 'monthd':
      return `${MONTH[m - 1]} ${d}, ${y}`
    case 'upper':
      return `${pad(d)}-${MON[m - 1]!.toUpperCase()}-${y}`
    case 'dots':
      return `${y}.${pad(m)}.${pad(d)}`
  }
}

/** A date of service in 2025, `offset` days after a base the caller keeps. */
export function serviceDate(r: Rand): string {
  const m = r.int(1, 10)
  const d = r.int(1, 28)
  return `2025-${pad(m)}-${pad(d)}`
}

export function addDays(ymd: string, days: number): string {
  const t = new Date(`${ymd}T12:00:00Z`).getTime() + days * 86400000
  return new Date(t).toISOString().slice(0, 10)
}

export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export const clock = (r: Rand) => `${pad(r.int(6, 21))}:${pad(r.int(0, 59))}`
