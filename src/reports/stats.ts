/**
 * Departmental statistics (DOMAIN.md "Statistics a records department reports"): filing
 * throughput per day, the review backlog and its age, the auto-filed share, open deficiencies by
 * kind and age bucket, delinquency, and records requests outstanding. Pure reads of the catalog.
 */
import type { Catalog } from '../catalog/db.js'
import { chartMrns, chartOf } from '../charts/buildChart.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { DeficienciesRepo } from '../deficiencies/repo.js'
import { deriveChartFacts } from '../model/chart.js'
import { addDays } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
import { AGING_BUCKETS, agingBucket, daysBetween, emptyBuckets, type AgingBucket } from './aging.js'
import { ReportContext } from './context.js'
import { isDelinquent } from './deficiencyReport.js'
import { NoticesRepo } from './notices.js'
import { ReleaseRepo } from '../release/repo.js'
import { firstFilings } from './timeline.js'

export interface StatsOptions {
  /** First day, YYYY-MM-DD (default: 29 days before `to`). */
  from?: string
  /** Last day, inclusive (default: today). */
  to?: string
  delinquentAfterDays: number
  /** The clinic's clock: days are its local dates (a document filed at 8 pm in New York counts that day). */
  clock: Clock
}

export interface Stats {
  period: { from: string; to: string; days: number }
  filing: {
    /** Per day: documents filed, their pages, and how many of them after review. */
    perDay: { date: string; documents: number; pages: number; afterReview: number }[]
    documents: number
    pages: number
    /** Filed by chartclerk without a person. */
    autoFiled: number
    /** Filed after a person settled the document in review. */
    settled: number
    /** autoFiled / documents, null when nothing was filed. */
    autoFiledShare: number | null
  }
  review: { backlog: number; oldestDays: number | null; medianDays: number | null; byAge: Record<AgingBucket, number> }
  deficiencies: {
    open: number
    byKind: Record<string, Record<AgingBucket, number> & { total: number }>
    byAge: Record<AgingBucket, number>
    delinquentAfterDays: number
    delinquent: number
    delinquentCharts: number
    /** Hospital and ED discharges known from filed records, with a discharge date in the period. */
    discharges: number
    averageMonthlyDischarges: number | null
    /** Delinquent charts / average monthly discharges (The Joint Commission: under 50%); null without discharges. */
    delinquencyRate: number | null
  }
  recordsRequests: {
    outstanding: number
    pending: number
    sent: number
    overdue: number
    receivedInPeriod: number
    medianTurnaroundDays: number | null
  }
  /** Release-of-information requests still to answer: a patient's access request is due in 30 days. */
  releases: { open: number; dueWithin5Days: number; overdue: number }
}

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** `sql`: the catalog through the query builder, where deficiencies are (src/catalog/sql/open.ts). */
export async function computeStats(catalog: Catalog, sql: SqlCatalog, opts: StatsOptions): Promise<Stats> {
  const { clock } = opts
  const to = opts.to ?? clock.today()
  const from = opts.from ?? addDays(to, -29)
  const days = daysBetween(from, to) + 1
  const dayOf = (iso: string): string => clock.localDate(iso)
  const inPeriod = (iso: string | null): boolean => !!iso && dayOf(iso) >= from && dayOf(iso) <= to

  // Filing: the first time each filed document was filed (by chartclerk or by a person settling it).
  const filedRows = await firstFilings(sql)
  const perDayMap = new Map<string, { documents: number; pages: number; afterReview: number }>()
  for (let i = 0; i < days; i++) perDayMap.set(addDays(from, i), { documents: 0, pages: 0, afterReview: 0 })
  let documents = 0
  let pages = 0
  let settled = 0
  for (const r of filedRows) {
    if (!inPeriod(r.filedAt)) continue
    const day = perDayMap.get(dayOf(r.filedAt))!
    day.documents++
    day.pages += r.pages
    documents++
    pages += r.pages
    if (r.settled) {
      settled++
      day.afterReview++
    }
  }

  // Review backlog: documents waiting for a person, aged from their receipt.
  const waiting = await catalog.documents.reviewReceivedAt()
  const reviewAges = waiting.map((receivedAt) => daysBetween(dayOf(receivedAt), to))
  const reviewByAge = emptyBuckets()
  for (const a of reviewAges) reviewByAge[agingBucket(a)]++

  // Open deficiencies.
  const ctx = new ReportContext(catalog, to, clock)
  // (open now, and already found by `to`)
  const open = (await new DeficienciesRepo(sql).list({ status: 'open' })).filter((d) => dayOf(d.createdAt) <= to)
  await ctx.load(open)
  const byKind: Stats['deficiencies']['byKind'] = {}
  const byAge = emptyBuckets()
  let delinquent = 0
  const delinquentCharts = new Set<string>()
  for (const d of open) {
    const age = daysBetween(ctx.agingFrom(d), to)
    const b = agingBucket(age)
    byKind[d.kind] ??= { ...emptyBuckets(), total: 0 }
    byKind[d.kind]![b]++
    byKind[d.kind]!.total++
    byAge[b]++
    if (isDelinquent(d.status, age, opts.delinquentAfterDays)) {
      delinquent++
      delinquentCharts.add(d.chartMrn)
    }
  }

  // Discharges known from the filed records (ED visits and hospital stays), for the delinquency rate.
  let discharges = 0
  for (const mrn of await chartMrns(catalog)) {
    // Hospital stays come from the filed documents alone; routing does not change them.
    const chart = await chartOf(catalog, mrn, clock, to)
    if (!chart) continue
    for (const s of deriveChartFacts(chart).hospitalStays)
      if (s.dischargeDate && s.dischargeDate >= from && s.dischargeDate <= to) discharges++
  }
  const months = days / (365.25 / 12)
  const averageMonthlyDischarges = discharges ? Math.round((discharges / months) * 100) / 100 : null
  const delinquencyRate = averageMonthlyDischarges ? Math.round((delinquentCharts.size / averageMonthlyDischarges) * 1000) / 1000 : null

  // Records requests.
  const notices = await new NoticesRepo(sql).list()
  const pending = notices.filter((n) => n.status === 'pending').length
  const sent = notices.filter((n) => n.status === 'sent').length
  const overdue = notices.filter((n) => (n.status === 'pending' || n.status === 'sent') && n.dueDate !== null && n.dueDate < to).length
  const received = notices.filter((n) => n.status === 'received' && inPeriod(n.receivedAt))
  const turnaround = received.filter((n) => n.sentAt && n.receivedAt).map((n) => daysBetween(dayOf(n.sentAt!), dayOf(n.receivedAt!)))

  return {
    period: { from, to, days },
    filing: {
      perDay: [...perDayMap.entries()].map(([date, v]) => ({ date, ...v })),
      documents,
      pages,
      autoFiled: documents - settled,
      settled,
      autoFiledShare: documents ? Math.round(((documents - settled) / documents) * 1000) / 1000 : null,
    },
    review: {
      backlog: waiting.length,
      oldestDays: reviewAges.length ? Math.max(...reviewAges) : null,
      medianDays: median(reviewAges),
      byAge: reviewByAge,
    },
    deficiencies: {
      open: open.length,
      byKind,
      byAge,
      delinquentAfterDays: opts.delinquentAfterDays,
      delinquent,
      delinquentCharts: delinquentCharts.size,
      discharges,
      averageMonthlyDischarges,
      delinquencyRate,
    },
    recordsRequests: {
      outstanding: pending + sent,
      pending,
      sent,
      overdue,
      receivedInPeriod: received.length,
      medianTurnaroundDays: median(turnaround),
    },
    releases: await releaseDeadlines(sql, to),
  }
}

/** Open release requests, and those near (5 days) or past their deadline, as of a day. */
export async function releaseDeadlines(sql: SqlCatalog, asOf: string): Promise<Stats['releases']> {
  const repo = new ReleaseRepo(sql)
  const open = (await repo.list({ status: ['open', 'packaged'] })).length
  const due = await repo.due(asOf, 5)
  const overdue = due.filter((r) => r.dueDate !== null && r.dueDate < asOf).length
  return { open, dueWithin5Days: due.length - overdue, overdue }
}

/** Short lines for people. */
export function formatStats(s: Stats): string[] {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`)
  const lines: string[] = []
  lines.push(`period          ${s.period.from} to ${s.period.to} (${s.period.days} days)`)
  lines.push(
    `filed           ${s.filing.documents} document(s), ${s.filing.pages} page(s); auto-filed ${s.filing.autoFiled}, settled by a person ${s.filing.settled} (auto-filed share ${pct(s.filing.autoFiledShare)})`,
  )
  // a bar per day (# by chartclerk, + after review), scaled to the busiest day
  const most = Math.max(1, ...s.filing.perDay.map((d) => d.documents))
  const bar = (n: number) => Math.round((n / most) * 30)
  for (const d of s.filing.perDay)
    if (d.documents)
      lines.push(
        `  ${d.date}    ${String(d.documents).padStart(4)} doc(s) ${String(d.pages).padStart(5)} page(s) ${String(d.afterReview).padStart(4)} after review  ` +
          `${'#'.repeat(bar(d.documents) - bar(d.afterReview))}${'+'.repeat(bar(d.afterReview))}`,
      )
  lines.push(
    `review backlog  ${s.review.backlog} waiting; oldest ${s.review.oldestDays ?? '-'} day(s), median ${s.review.medianDays ?? '-'}`,
  )
  lines.push(
    `deficiencies    ${s.deficiencies.open} open; by age ${AGING_BUCKETS.map((b) => `${b}: ${s.deficiencies.byAge[b]}`).join(', ')}`,
  )
  for (const [k, v] of Object.entries(s.deficiencies.byKind))
    lines.push(`  ${k.padEnd(18)} ${String(v.total).padStart(4)}  (${AGING_BUCKETS.map((b) => `${b}: ${v[b]}`).join(', ')})`)
  lines.push(
    `delinquency     ${s.deficiencies.delinquent} deficienc(ies) open > ${s.deficiencies.delinquentAfterDays} days in ${s.deficiencies.delinquentCharts} chart(s); ` +
      `${s.deficiencies.discharges} discharge(s) known in the period; rate ${s.deficiencies.delinquencyRate === null ? 'n/a (no discharges known)' : pct(s.deficiencies.delinquencyRate)}`,
  )
  const r = s.recordsRequests
  lines.push(
    `releases        ${s.releases.open} open; ${s.releases.dueWithin5Days} due within 5 days, ${s.releases.overdue} past their deadline`,
  )
  lines.push(
    `records requests ${r.outstanding} outstanding (${r.pending} not yet sent, ${r.sent} sent, ${r.overdue} overdue); ${r.receivedInPeriod} received in the period${r.medianTurnaroundDays !== null ? `, median ${r.medianTurnaroundDays} day(s)` : ''}`,
  )
  return lines
}
