/**
 * Aging and delinquency of deficiencies (DOMAIN.md "Deficiency workflow"): age runs from creation,
 * or for a chart-level missing document tied to a hospital stay, from the discharge date; an open
 * deficiency older than `delinquentAfterDays` (config deficiencies.delinquentAfterDays, 30 typical)
 * is delinquent.
 */
import { dayNumber } from '../model/chart.js'

export const AGING_BUCKETS = ['0-7', '8-14', '15-30', '31-60', '>60'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/** How the buckets read on the desk and in the printouts. */
export const AGING_BUCKET_LABELS: Readonly<Record<AgingBucket, string>> = {
  '0-7': '0–7 days',
  '8-14': '8–14 days',
  '15-30': '15–30 days',
  '31-60': '31–60 days',
  '>60': 'over 60 days',
}

export function isAgingBucket(x: unknown): x is AgingBucket {
  return typeof x === 'string' && (AGING_BUCKETS as readonly string[]).includes(x)
}

export function agingBucket(ageDays: number): AgingBucket {
  if (ageDays <= 7) return '0-7'
  if (ageDays <= 14) return '8-14'
  if (ageDays <= 30) return '15-30'
  if (ageDays <= 60) return '31-60'
  return '>60'
}

/** Whole days from `from` to `asOf` (both the clinic's dates, YYYY-MM-DD: see Clock.localDate); never negative. */
export function daysBetween(from: string, asOf: string): number {
  const a = dayNumber(from)
  const b = dayNumber(asOf)
  if (a === null || b === null) return 0
  return Math.max(0, b - a)
}

export function emptyBuckets(): Record<AgingBucket, number> {
  return { '0-7': 0, '8-14': 0, '15-30': 0, '31-60': 0, '>60': 0 }
}
