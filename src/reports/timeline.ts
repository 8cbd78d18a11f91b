/**
 * The department's last weeks, day by day, derived from the catalog's own records (the event log,
 * the deficiency history, the release requests): what was filed and how much of it went through
 * review, how many documents waited for review at the end of each day, the open deficiencies by
 * age, and the outstanding release requests within and past their deadline. The desk's dashboard,
 * the printable statistics report and `chartclerk stats` draw their charts from this.
 *
 * @example
 *   const t = buildTimeline(catalog, { from: '2026-11-07', to: '2026-12-06' })
 *   t.days[29]   // { date: '2026-12-06', filedAuto: 4, filedReview: 1, waiting: 3, deficiencies: {...}, releasesOnTime: 2, releasesOverdue: 0 }
 */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { DeficienciesRepo } from '../deficiencies/repo.js'
import { addDays } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
import { agingBucket, daysBetween, emptyBuckets, type AgingBucket } from './aging.js'
import { ReportContext } from './context.js'
import { FilingHistory } from './filingHistory.js'

export interface TimelineDay {
  date: string
  /** Documents first filed that day by chartclerk on its own. */
  filedAuto: number
  /** Documents first filed that day after a person settled them in review. */
  filedReview: number
  /** Documents waiting for review at the end of the day. */
  waiting: number
  /** Deficiencies open at the end of the day, by their age that day. */
  deficiencies: Record<AgingBucket, number>
  /** Release requests outstanding at the end of the day, by whether their deadline had passed. */
  releasesOnTime: number
  releasesOverdue: number
}

export interface Timeline {
  from: string
  to: string
  days: TimelineDay[]
}

/** A stretch of time something was in a state: from `start` (ISO) until `end` (ISO, exclusive), or still. */
interface Span {
  start: string
  end: string | null
}

/** In the state at the end of `day`: began on or before it and had not ended by then. */
const atEndOf = (s: Span, day: string, dayOf: (iso: string) => string): boolean =>
  dayOf(s.start) <= day && (s.end === null || dayOf(s.end) > day)

/** Each filed document once: when it was first filed, and whether a person settled it in review. */
export function firstFilings(sql: SqlCatalog): Promise<{ id: number; pages: number; filedAt: string; settled: boolean }[]> {
  return new FilingHistory(sql).firstFilings()
}

/** When each deficiency was open (it may open, complete and reopen), from its append-only history. */
async function openSpans(repo: DeficienciesRepo): Promise<Map<number, Span[]>> {
  const spans = new Map<number, Span[]>()
  for (const r of await repo.statusChanges()) {
    const list = spans.get(r.deficiencyId) ?? []
    const last = list[list.length - 1]
    if (r.toStatus === 'open') {
      if (!last || last.end !== null) list.push({ start: r.at, end: null })
    } else if (last && last.end === null) last.end = r.at
    spans.set(r.deficiencyId, list)
  }
  return spans
}

/** When each release request was outstanding, and its deadline. */
async function releaseSpans(sql: SqlCatalog): Promise<(Span & { due: string | null })[]> {
  const rows = await sql.db
    .selectFrom('release_requests')
    .select(['request_date', 'created_at', 'due_date', 'status', 'sent_at', 'updated_at'])
    .execute()
  return rows.map((r) => ({
    start: r.request_date || r.created_at,
    // sent: answered when sent; refused or cancelled: closed at its last change
    end: r.status === 'sent' ? (r.sent_at ?? r.updated_at) : r.status === 'refused' || r.status === 'cancelled' ? r.updated_at : null,
    due: r.due_date,
  }))
}

/** `clock`: days are the clinic's calendar days (clinic.timeZone). */
/** `sql`: the catalog through the query builder, where deficiencies and release requests are (src/catalog/sql/open.ts). */
export async function buildTimeline(catalog: Catalog, sql: SqlCatalog, o: { from: string; to: string }, clock: Clock): Promise<Timeline> {
  // Calendar dates (a request date) are days already; instants become the clinic's day.
  // Remembered: every span is asked about on every day of the period.
  const days_ = new Map<string, string>()
  const dayOf = (iso: string): string => {
    let d = days_.get(iso)
    if (d === undefined) days_.set(iso, (d = iso.length === 10 ? iso : clock.localDate(iso)))
    return d
  }
  const n = daysBetween(o.from, o.to) + 1
  const days: TimelineDay[] = []
  const byDate = new Map<string, TimelineDay>()
  for (let i = 0; i < n; i++) {
    const date = addDays(o.from, i)
    const d: TimelineDay = {
      date,
      filedAuto: 0,
      filedReview: 0,
      waiting: 0,
      deficiencies: emptyBuckets(),
      releasesOnTime: 0,
      releasesOverdue: 0,
    }
    days.push(d)
    byDate.set(date, d)
  }

  for (const f of await firstFilings(sql)) {
    const d = byDate.get(dayOf(f.filedAt))
    if (d) f.settled ? d.filedReview++ : d.filedAuto++
  }

  const review = await new FilingHistory(sql).reviewSpans()
  const repo = new DeficienciesRepo(sql)
  const defs = await repo.list({})
  const spans = await openSpans(repo)
  const ctx = await new ReportContext(catalog, o.to, clock).load(defs)
  const agingFrom = new Map(defs.map((x) => [x.id, ctx.agingFrom(x)]))
  const releases = await releaseSpans(sql)

  for (const d of days) {
    // a document sent to review twice (a re-match) counts once
    d.waiting = new Set(review.filter((s) => atEndOf(s, d.date, dayOf)).map((s) => s.id)).size
    for (const x of defs) {
      if (!(spans.get(x.id) ?? []).some((s) => atEndOf(s, d.date, dayOf))) continue
      d.deficiencies[agingBucket(daysBetween(agingFrom.get(x.id)!, d.date))]++
    }
    for (const r of releases) {
      if (!atEndOf(r, d.date, dayOf)) continue
      if (r.due !== null && r.due < d.date) d.releasesOverdue++
      else d.releasesOnTime++
    }
  }
  return { from: o.from, to: o.to, days }
}
