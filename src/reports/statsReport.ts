/**
 * The printable statistics report: the departmental figures (stats.ts) with the pictures of the
 * period (timelineCharts.ts). One body of plain HTML (no inline styles or scripts, so the desk can
 * show it as it is), wrapped as a standalone page for `chartclerk stats --format html`.
 *
 * @example
 *   const s = computeStats(catalog, { delinquentAfterDays: 30 })
 *   writeFileSync('stats.html', renderStatsHtml(s, timelineCharts(buildTimeline(catalog, s.period))))
 */
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from './aging.js'
import { esc, htmlPage } from './html.js'
import type { Stats } from './stats.js'
import type { TimelineChart } from './timelineCharts.js'

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`)

export function statsBodyHtml(s: Stats, charts: TimelineChart[], o: { releases?: boolean } = {}): string {
  const d = s.deficiencies
  const kinds = Object.entries(d.byKind).sort((a, b) => b[1].total - a[1].total)
  const fact = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`
  const rows = [
    fact(
      'Filed',
      `<span data-stat="filed">${s.filing.documents}</span> documents, ${s.filing.pages} pages; ${s.filing.autoFiled} by chartclerk, ${s.filing.settled} after review (filed without a person: ${pct(s.filing.autoFiledShare)})`,
    ),
    fact(
      'Review backlog',
      `<span data-stat="backlog">${s.review.backlog}</span> waiting; oldest ${s.review.oldestDays ?? '–'} days, median ${s.review.medianDays ?? '–'}`,
    ),
    fact(
      'Open deficiencies',
      `<span data-stat="open">${d.open}</span>; <span data-stat="delinquent">${d.delinquent}</span> delinquent (open more than ${d.delinquentAfterDays} days) in ${d.delinquentCharts} charts`,
    ),
    fact(
      'Delinquency rate',
      d.delinquencyRate === null
        ? 'n/a (no discharges known in the period)'
        : `${pct(d.delinquencyRate)} of ${d.averageMonthlyDischarges} average monthly discharges`,
    ),
    ...(o.releases === false
      ? []
      : [
          fact(
            'Release requests',
            `${s.releases.open} open; ${s.releases.dueWithin5Days} due within 5 days, ${s.releases.overdue} past the deadline`,
          ),
        ]),
    fact(
      'Records requests',
      `${s.recordsRequests.outstanding} outstanding (${s.recordsRequests.pending} not yet sent, ${s.recordsRequests.sent} sent, ${s.recordsRequests.overdue} overdue); ${s.recordsRequests.receivedInPeriod} received in the period`,
    ),
  ]
  const ageHead = AGING_BUCKETS.map((b) => `<th class="num">${esc(AGING_BUCKET_LABELS[b])}</th>`).join('')
  const byAge = `<table class="list buckets-by-kind" data-aging>
<thead><tr><th>Kind</th>${ageHead}<th class="num">Total</th></tr></thead>
<tbody>
${kinds.map(([k, v]) => `<tr><td>${esc(k.replace(/_/g, ' '))}</td>${AGING_BUCKETS.map((b) => `<td class="num">${v[b]}</td>`).join('')}<td class="num">${v.total}</td></tr>`).join('\n')}
<tr class="total"><td><strong>All kinds</strong></td>${AGING_BUCKETS.map((b) => `<td class="num" data-bucket="${esc(b)}">${d.byAge[b]}</td>`).join('')}<td class="num" data-total>${d.open}</td></tr>
</tbody></table>`
  const figures = charts
    .map(
      (c) =>
        `<figure class="chart-figure" data-chart="${esc(c.id)}"><figcaption><strong>${esc(c.title)}</strong><div class="small muted">${esc(c.caption)}</div></figcaption>${c.svg}</figure>`,
    )
    .join('\n')
  return `<section class="stats-figures">
<h2>Figures</h2>
<table class="facts-table">${rows.join('')}</table>
<h3>Open deficiencies by kind and age</h3>
${byAge}
</section>
<section class="stats-charts">
<h2>Day by day</h2>
<div class="charts">
${figures}
</div>
</section>`
}

export function renderStatsHtml(s: Stats, charts: TimelineChart[], o: { clinicName?: string } = {}): string {
  const title = `Records department statistics${o.clinicName ? ` — ${o.clinicName}` : ''}`
  const css = `
  .charts { display: grid; grid-template-columns: 1fr 1fr; gap: .8em 1.2em; }
  figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
  figure svg { width: 100%; height: auto; }
  .small { font-size: 9pt; } .muted { color: #333; }
  table.facts-table th { width: 11em; }
  @media print { .charts { grid-template-columns: 1fr 1fr; } }
`
  return htmlPage(
    title,
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(s.period.from)} to ${esc(s.period.to)} (${s.period.days} days) · generated ${esc(new Date().toISOString().slice(0, 16).replace('T', ' '))} UTC · figures only, no patient information</p></header>
${statsBodyHtml(s, charts)}`,
    css,
  )
}
