import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { agingBucket } from '../../../src/reports/aging.js'
import {
  buildDeficiencyReport,
  CSV_COLUMNS,
  renderReportCsv,
  renderReportHtml,
  renderReportJsonLines,
} from '../../../src/reports/deficiencyReport.js'
import { safeCell } from '../../../src/reports/csv.js'
import { FORMULA_FACILITY, MERCY, PAT, ROBIN, UTC, fillDesk, htmlProblems, sqlOf, type Desk } from './fixture.js'

const AS_OF = '2025-06-30'
let catalog: Catalog
let desk: Desk
beforeEach(async () => {
  catalog = openCatalog(':memory:')
  desk = await fillDesk(catalog)
})
afterEach(() => catalog.close())

const report = (filter = {}) => buildDeficiencyReport(catalog, sqlOf(catalog), filter, { asOf: AS_OF, delinquentAfterDays: 30, clock: UTC })

describe('aging buckets', () => {
  it('puts ages in 0-7, 8-14, 15-30, 31-60, >60', () => {
    expect([0, 7, 8, 14, 15, 30, 31, 60, 61, 400].map(agingBucket)).toEqual([
      '0-7',
      '0-7',
      '8-14',
      '8-14',
      '15-30',
      '15-30',
      '31-60',
      '31-60',
      '>60',
      '>60',
    ])
  })
})

describe('deficiency report', () => {
  it('groups open deficiencies by chart, ages them (C03 from the discharge date) and flags the delinquent ones', async () => {
    const r = await report()
    const open = await new DeficienciesRepo(sqlOf(catalog)).list({ status: 'open' })
    expect(r.totals.deficiencies).toBe(open.length)
    expect(r.charts.map((g) => [g.mrn, g.patientName, g.birthDate])).toEqual([
      [ROBIN.mrn, 'Example, Robin', ROBIN.birthDate],
      [PAT.mrn, 'Testperson, Pat', PAT.birthDate],
    ])
    const pat = r.charts.find((g) => g.mrn === PAT.mrn)!
    const byRule = Object.fromEntries(pat.rows.map((x) => [x.ruleId, x]))
    expect(Object.keys(byRule).sort()).toEqual(['C01', 'C03', 'D05'])
    expect(byRule.C03).toMatchObject({
      kind: 'missing_document',
      documentId: String(desk.edId),
      documentType: 'emergency_report',
      dateOfService: '2025-04-20',
      facility: MERCY,
      agingFrom: '2025-04-20',
      ageDays: 71,
      agingBucket: '>60',
      delinquent: true,
    })
    expect(byRule.D05).toMatchObject({
      kind: 'missing_field',
      documentType: 'lab_report',
      ageDays: 60,
      agingBucket: '31-60',
      delinquent: true,
    })
    expect(byRule.C01).toMatchObject({ documentId: null, ageDays: 60, delinquent: true })
    const robin = r.charts.find((g) => g.mrn === ROBIN.mrn)!
    expect(robin.rows.length).toBeGreaterThan(0)
    expect(robin.rows.every((x) => x.ageDays === 5 && x.agingBucket === '0-7' && !x.delinquent)).toBe(true)
    expect(r.totals).toMatchObject({ delinquent: 3, delinquentCharts: 1, charts: 2 })
    expect(r.totals.buckets).toEqual({ '0-7': robin.rows.length, '8-14': 0, '15-30': 0, '31-60': 2, '>60': 1 })
  })

  it('filters by kind, severity, age, document type and sending facility', async () => {
    expect((await report({ kind: ['missing_document'] })).charts.map((g) => [g.mrn, g.rows.map((x) => x.ruleId).sort()])).toEqual([
      [ROBIN.mrn, ['C01']],
      [PAT.mrn, ['C01', 'C03']],
    ])
    expect((await report({ minAgeDays: 61 })).charts.flatMap((g) => g.rows.map((x) => x.ruleId))).toEqual(['C03'])
    expect((await report({ maxAgeDays: 7 })).charts.map((g) => g.mrn)).toEqual([ROBIN.mrn])
    expect((await report({ documentType: ['lab_report'] })).charts.flatMap((g) => g.rows.map((x) => x.ruleId))).toEqual(['D05'])
    expect((await report({ facility: 'mercy general' })).charts.flatMap((g) => g.rows.map((x) => x.ruleId))).toEqual(['C03'])
    expect((await report({ severity: ['warning'] })).charts.flatMap((g) => g.rows).every((x) => x.severity === 'warning')).toBe(true)
    expect((await report({ status: ['completed'] })).totals.deficiencies).toBe(0)
    expect((await report({ delinquentOnly: true })).totals.deficiencies).toBe(3)
  })

  it('HTML: well-formed, printable, one section per chart with its header, rows, buckets and totals; text escaped', async () => {
    const r = await report()
    const html = renderReportHtml(r, { clinicName: 'Riverside Community Health Center' })
    expect(htmlProblems(html)).toEqual([])
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<(link|script|img)\b|https?:\/\/(?!example\.invalid)/)
    const sections = [...html.matchAll(/<section class="chart" data-mrn="([^"]+)">\s*<h2>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]])
    expect(sections).toEqual([
      [ROBIN.mrn, `Example, Robin · MRN ${ROBIN.mrn} · born ${ROBIN.birthDate}`],
      [PAT.mrn, `Testperson, Pat · MRN ${PAT.mrn} · born ${PAT.birthDate}`],
    ])
    const ids = [...html.matchAll(/<tr class="deficiency( delinquent)?" data-id="(\d+)">/g)]
    expect(ids).toHaveLength(r.totals.deficiencies)
    expect(ids.filter((m) => m[1]).length).toBe(3)
    const overall = html.slice(html.indexOf('buckets overall'), html.indexOf('</table>', html.indexOf('buckets overall')))
    const cells = Object.fromEntries(
      [...overall.matchAll(/data-bucket="([^"]+)">(\d+)</g)].map((m) => [m[1]!.replace('&gt;', '>'), Number(m[2])]),
    )
    expect(cells).toEqual(r.totals.buckets)
    expect(overall).toContain(`data-total="">${r.totals.deficiencies}<`)
    expect(overall).toContain('data-delinquent="">3<')
    const c03 = html.match(/<tr class="deficiency delinquent" data-id="\d+"><td>\d+<\/td><td>C03<\/td>(.*?)<\/tr>/)![1]!
    expect(c03).toContain('missing document')
    expect(c03).toContain('2025-04-20')
    expect(c03).toContain(MERCY)
    expect(c03).toContain('<td class="num">71</td>')
    expect(c03).toContain('DELINQUENT')
    expect(html).toContain('Eastside &lt;Imaging&gt;')
    expect(html).not.toContain('Eastside <Imaging>')
  })

  it('CSV: BOM, headers, one row per deficiency, ISO dates, formula cells made text', async () => {
    const r = await report()
    const csv = renderReportCsv(r)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('\r\n')
    const rows = parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(r.totals.deficiencies)
    const c03 = rows.find((x) => x.rule_id === 'C03')!
    expect(c03).toMatchObject({
      mrn: PAT.mrn,
      patient_name: 'Testperson, Pat',
      birth_date: '1970-05-05',
      document_id: String(desk.edId),
      document_type: 'emergency_report',
      date_of_service: '2025-04-20',
      facility: MERCY,
      kind: 'missing_document',
      status: 'open',
      age_days: '71',
      aging_bucket: '>60',
      delinquent: 'yes',
    })
    expect(c03.created_at).toMatch(/^2025-06-30T09:00:00\.000Z$/)
    const rad = rows.find((x) => x.document_id === String(desk.radId))!
    expect(rad.facility).toBe(`'${FORMULA_FACILITY}`)
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@]/)
  })

  it('safeCell prefixes = + - @ and leading tab/CR with a quote, leaves numbers and plain text alone', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'plain', 'a=b'].map(safeCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      'a=b',
    ])
    expect(safeCell(-3)).toBe(-3)
    expect(safeCell(null)).toBe('')
  })

  it('JSON lines carry id, mrn, documentId (null for the chart), ruleId, kind, severity, message, status, createdAt, rulesetVersion', async () => {
    const lines = renderReportJsonLines(await report())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength((await report()).totals.deficiencies)
    for (const l of lines)
      for (const k of ['id', 'mrn', 'documentId', 'ruleId', 'kind', 'severity', 'message', 'status', 'createdAt', 'rulesetVersion'])
        expect(l).toHaveProperty(k)
    expect(lines.find((l) => l.ruleId === 'C01')!.documentId).toBeNull()
    expect(lines.find((l) => l.ruleId === 'C03')!.rulesetVersion).toMatch(/^rs-/)
  })
})
