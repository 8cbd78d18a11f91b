/**
 * The deficiency report: deficiencies (open by default) filtered, aged and grouped by chart, with
 * totals by aging bucket; rendered as printable HTML, spreadsheet-safe CSV, or JSON Lines.
 *
 * @example
 *   const report = await buildDeficiencyReport(catalog, app.sql, { status: ['open'], minAgeDays: 15 }, { delinquentAfterDays: 30 })
 *   writeFileSync('deficiencies.html', renderReportHtml(report))
 */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { DeficienciesRepo, type Deficiency, type DeficiencyStatus } from '../deficiencies/repo.js'
import type { Patient } from '../model/types.js'
import type { DeficiencyKind, Severity } from '../rules/types.js'
import { localDateTimeIn, type Clock } from '../clock/clock.js'
import { AGING_BUCKET_LABELS, AGING_BUCKETS, agingBucket, daysBetween, emptyBuckets, type AgingBucket } from './aging.js'
import { ReportContext, patientName } from './context.js'
import { spreadsheetCsv } from './csv.js'
import { esc, htmlPage } from './html.js'

export interface ReportFilter {
  status?: DeficiencyStatus[]
  kind?: DeficiencyKind[]
  severity?: Severity[]
  ruleId?: string
  mrn?: string
  minAgeDays?: number
  maxAgeDays?: number
  /** Document types (the document the deficiency is about). */
  documentType?: string[]
  /** Sending facility: case-insensitive part of the document's facility. */
  facility?: string
  delinquentOnly?: boolean
  /** Aging buckets to keep (the desk's age menu). */
  bucket?: AgingBucket[]
}

export interface ReportOptions {
  /** The report day (default: the clinic's today). */
  asOf?: string
  delinquentAfterDays: number
  /** Charts the reader may see (the desk's access rules); every chart when absent. */
  visible?: (mrn: string, patient: Patient | null) => boolean
  clock: Clock
}

export interface ReportRow {
  id: number
  mrn: string
  patientName: string
  birthDate: string | null
  documentId: string | null
  documentType: string | null
  dateOfService: string | null
  facility: string | null
  ruleId: string
  kind: DeficiencyKind
  severity: Severity
  message: string
  status: DeficiencyStatus
  assignedTo: string | null
  createdAt: string
  agingFrom: string
  ageDays: number
  agingBucket: AgingBucket
  delinquent: boolean
  rulesetVersion: string
  page: number | null
  statusReason: string | null
  /** Who last changed its status (verified, waived, rejected, reopened; else who completed it). */
  decidedBy: string | null
  decidedAt: string | null
  /** The last check that still found it, and under which rule set. */
  lastSeenAt: string | null
  lastSeenRuleset: string | null
}

export interface ChartGroup {
  mrn: string
  patientName: string
  birthDate: string | null
  inPatientIndex: boolean
  rows: ReportRow[]
  buckets: Record<AgingBucket, number>
  delinquent: number
}

export interface DeficiencyReport {
  asOf: string
  generatedAt: string
  /** The clinic's time zone: `asOf` and ages are its dates; `generatedAt` is shown in it. */
  timeZone: string
  delinquentAfterDays: number
  filter: ReportFilter
  charts: ChartGroup[]
  totals: {
    deficiencies: number
    charts: number
    delinquent: number
    delinquentCharts: number
    buckets: Record<AgingBucket, number>
    byKind: Record<string, number>
    bySeverity: Record<string, number>
  }
}

/** Open deficiencies are delinquent past N days; completed, verified, waived and rejected ones never are. */
export function isDelinquent(status: DeficiencyStatus, ageDays: number, delinquentAfterDays: number): boolean {
  return status === 'open' && ageDays > delinquentAfterDays
}

export function reportRow(d: Deficiency, ctx: ReportContext, delinquentAfterDays: number): ReportRow {
  const p = ctx.patient(d.chartMrn)
  const doc = ctx.document(d.documentId)
  const stay = ctx.stayOf(d)
  const agingFrom = ctx.agingFrom(d)
  const ageDays = daysBetween(agingFrom, ctx.asOf)
  return {
    id: d.id,
    mrn: d.chartMrn,
    patientName: patientName(p),
    birthDate: p?.birthDate ?? null,
    documentId: d.documentId,
    documentType: doc?.type ?? null,
    dateOfService: doc?.dateOfService ?? stay?.admissionDate ?? null,
    facility: doc?.facility ?? stay?.facility ?? null,
    ruleId: d.ruleId,
    kind: d.kind,
    severity: d.severity,
    message: d.message,
    status: d.status,
    assignedTo: d.assignedTo,
    createdAt: d.createdAt,
    agingFrom,
    ageDays,
    agingBucket: agingBucket(ageDays),
    delinquent: isDelinquent(d.status, ageDays, delinquentAfterDays),
    rulesetVersion: d.rulesetVersion,
    page: d.page,
    statusReason: d.statusReason,
    decidedBy: d.decidedBy ?? d.completedBy,
    decidedAt: d.decidedAt ?? d.completedAt,
    lastSeenAt: d.lastSeenAt,
    lastSeenRuleset: d.lastSeenRuleset,
  }
}

/** `sql`: the catalog through the query builder, where deficiencies are (src/catalog/sql/open.ts). */
export async function buildDeficiencyReport(
  catalog: Catalog,
  sql: SqlCatalog,
  filter: ReportFilter,
  opts: ReportOptions,
): Promise<DeficiencyReport> {
  const asOf = opts.asOf ?? opts.clock.today()
  const ctx = new ReportContext(catalog, asOf, opts.clock)
  const status = filter.status?.length ? filter.status : (['open'] as DeficiencyStatus[])
  const list = await new DeficienciesRepo(sql).list({ status, chartMrn: filter.mrn, ruleId: filter.ruleId })
  await ctx.load(list)
  const facility = filter.facility?.trim().toLowerCase()
  const rows = list
    .filter((d) => !opts.visible || opts.visible(d.chartMrn, ctx.patient(d.chartMrn)))
    .filter((d) => !filter.kind?.length || filter.kind.includes(d.kind))
    .filter((d) => !filter.severity?.length || filter.severity.includes(d.severity))
    .map((d) => reportRow(d, ctx, opts.delinquentAfterDays))
    .filter((r) => filter.minAgeDays === undefined || r.ageDays >= filter.minAgeDays)
    .filter((r) => filter.maxAgeDays === undefined || r.ageDays <= filter.maxAgeDays)
    .filter((r) => !filter.documentType?.length || (r.documentType !== null && filter.documentType.includes(r.documentType)))
    .filter((r) => !facility || (r.facility ?? '').toLowerCase().includes(facility))
    .filter((r) => !filter.delinquentOnly || r.delinquent)
    .filter((r) => !filter.bucket?.length || filter.bucket.includes(r.agingBucket))

  const groups = new Map<string, ChartGroup>()
  for (const r of rows) {
    let g = groups.get(r.mrn)
    if (!g) {
      const p = ctx.patient(r.mrn)
      g = {
        mrn: r.mrn,
        patientName: r.patientName,
        birthDate: r.birthDate,
        inPatientIndex: !!p,
        rows: [],
        buckets: emptyBuckets(),
        delinquent: 0,
      }
      groups.set(r.mrn, g)
    }
    g.rows.push(r)
    g.buckets[r.agingBucket]++
    if (r.delinquent) g.delinquent++
  }
  const charts = [...groups.values()].sort((a, b) => a.patientName.localeCompare(b.patientName) || a.mrn.localeCompare(b.mrn))
  for (const g of charts) g.rows.sort((a, b) => b.ageDays - a.ageDays || a.id - b.id)

  const buckets = emptyBuckets()
  const byKind: Record<string, number> = {}
  const bySeverity: Record<string, number> = {}
  for (const r of rows) {
    buckets[r.agingBucket]++
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1
    bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1
  }
  return {
    asOf,
    generatedAt: opts.clock.nowIso(),
    timeZone: opts.clock.timeZone,
    delinquentAfterDays: opts.delinquentAfterDays,
    filter: { ...filter, status },
    charts,
    totals: {
      deficiencies: rows.length,
      charts: charts.length,
      delinquent: rows.filter((r) => r.delinquent).length,
      delinquentCharts: charts.filter((g) => g.delinquent > 0).length,
      buckets,
      byKind,
      bySeverity,
    },
  }
}

export function reportRows(report: DeficiencyReport): ReportRow[] {
  return report.charts.flatMap((g) => g.rows)
}

/* ---------- HTML ---------- */

function describeFilter(f: ReportFilter): string {
  const parts: string[] = []
  if (f.status?.length) parts.push(`status ${f.status.join(', ')}`)
  if (f.kind?.length) parts.push(`kind ${f.kind.join(', ')}`)
  if (f.severity?.length) parts.push(`severity ${f.severity.join(', ')}`)
  if (f.ruleId) parts.push(`rule ${f.ruleId}`)
  if (f.mrn) parts.push(`chart ${f.mrn}`)
  if (f.minAgeDays !== undefined) parts.push(`at least ${f.minAgeDays} days old`)
  if (f.maxAgeDays !== undefined) parts.push(`at most ${f.maxAgeDays} days old`)
  if (f.documentType?.length) parts.push(`document type ${f.documentType.join(', ')}`)
  if (f.facility) parts.push(`facility "${f.facility}"`)
  if (f.delinquentOnly) parts.push('delinquent only')
  if (f.bucket?.length) parts.push(`age ${f.bucket.map((b) => AGING_BUCKET_LABELS[b]).join(', ')}`)
  return parts.join('; ')
}

function bucketTable(buckets: Record<AgingBucket, number>, total: number, delinquent: number, cls: string): string {
  return `<table class="${cls}">
<thead><tr><th>Age (days)</th>${AGING_BUCKETS.map((b) => `<th class="num">${esc(b)}</th>`).join('')}<th class="num">Total</th><th class="num">Delinquent</th></tr></thead>
<tbody><tr><th>Deficiencies</th>${AGING_BUCKETS.map((b) => `<td class="num" data-bucket="${esc(b)}">${buckets[b]}</td>`).join('')}<td class="num" data-total="">${total}</td><td class="num" data-delinquent="">${delinquent}</td></tr></tbody>
</table>`
}

export function renderReportHtml(report: DeficiencyReport, opts: { clinicName?: string } = {}): string {
  const t = report.totals
  const title = `Deficiency report${opts.clinicName ? ` — ${opts.clinicName}` : ''}`
  const kinds = Object.entries(t.byKind).sort((a, b) => b[1] - a[1])
  const body: string[] = []
  body.push(`<header>
<h1>${esc(title)}</h1>
<p class="meta">As of ${esc(report.asOf)} · generated ${esc(localDateTimeIn(report.timeZone, report.generatedAt))} ${esc(report.timeZone)} · delinquent when open more than ${report.delinquentAfterDays} days${describeFilter(report.filter) ? ` · ${esc(describeFilter(report.filter))}` : ''}</p>
<p class="meta">Contains protected health information. Handle, store and destroy as the health center's privacy policy requires.</p>
</header>`)
  body.push(`<section class="totals">
<h2>Totals</h2>
<p>${t.deficiencies} deficienc${t.deficiencies === 1 ? 'y' : 'ies'} in ${t.charts} chart${t.charts === 1 ? '' : 's'}; ${t.delinquent} delinquent in ${t.delinquentCharts} chart${t.delinquentCharts === 1 ? '' : 's'}.</p>
${bucketTable(t.buckets, t.deficiencies, t.delinquent, 'buckets overall')}
${kinds.length ? `<table class="kinds"><thead><tr><th>Kind</th><th class="num">Count</th></tr></thead><tbody>${kinds.map(([k, n]) => `<tr><td>${esc(k.replace(/_/g, ' '))}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table>` : ''}
</section>`)
  if (!report.charts.length) body.push('<p class="empty">No deficiencies match.</p>')
  for (const g of report.charts) {
    body.push(`<section class="chart" data-mrn="${esc(g.mrn)}">
<h2>${g.inPatientIndex ? esc(g.patientName) : '(not in the patient index)'} · MRN ${esc(g.mrn)}${g.birthDate ? ` · born ${esc(g.birthDate)}` : ''}</h2>
${bucketTable(g.buckets, g.rows.length, g.delinquent, 'buckets chart')}
<table class="deficiencies">
<thead><tr><th>#</th><th>Rule</th><th>Kind</th><th>Severity</th><th>Message</th><th>Document</th><th>Date of service</th><th>Status</th><th class="num">Age (days)</th><th>Delinquent</th></tr></thead>
<tbody>
${g.rows
  .map(
    (r) =>
      `<tr class="deficiency${r.delinquent ? ' delinquent' : ''}" data-id="${r.id}"><td>${r.id}</td><td>${esc(r.ruleId)}</td><td>${esc(r.kind.replace(/_/g, ' '))}</td><td>${esc(r.severity)}</td><td>${esc(r.message)}</td><td>${r.documentId ? `${esc(r.documentType ?? 'document')} ${esc(r.documentId)}${r.facility ? `<br>${esc(r.facility)}` : ''}` : 'chart'}</td><td>${esc(r.dateOfService ?? '')}</td><td>${esc(r.status)}</td><td class="num">${r.ageDays}</td><td>${r.delinquent ? '<span class="flag">DELINQUENT</span>' : 'no'}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>`)
  }
  return htmlPage(title, body.join('\n'))
}

/* ---------- CSV ---------- */

export const CSV_COLUMNS = [
  'id',
  'mrn',
  'patient_name',
  'birth_date',
  'document_id',
  'document_type',
  'date_of_service',
  'facility',
  'rule_id',
  'kind',
  'severity',
  'message',
  'status',
  'assigned_to',
  'created_at',
  'aging_from',
  'age_days',
  'aging_bucket',
  'delinquent',
  'ruleset_version',
  'status_reason',
  'decided_by',
  'decided_at',
] as const

/** One row per deficiency, through the one CSV writer (reports/csv.ts). */
export function renderReportCsv(report: DeficiencyReport): string {
  const rows = reportRows(report).map((r) => [
    r.id,
    r.mrn,
    r.patientName,
    r.birthDate,
    r.documentId,
    r.documentType,
    r.dateOfService,
    r.facility,
    r.ruleId,
    r.kind,
    r.severity,
    r.message,
    r.status,
    r.assignedTo,
    r.createdAt,
    r.agingFrom,
    r.ageDays,
    r.agingBucket,
    r.delinquent ? 'yes' : 'no',
    r.rulesetVersion,
    r.statusReason,
    r.decidedBy,
    r.decidedAt,
  ])
  return spreadsheetCsv(CSV_COLUMNS, rows)
}

/* ---------- JSON Lines ---------- */

export function renderReportJsonLines(report: DeficiencyReport): string {
  return reportRows(report)
    .map((r) => JSON.stringify(r))
    .join('\n')
    .concat(report.totals.deficiencies ? '\n' : '')
}
