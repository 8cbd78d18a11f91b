import { fixedClock } from '../../../src/clock/clock.js'
/**
 * One deficiency aging model (issue: the desk and the report used to bucket ages differently):
 * for a seeded catalog, the desk's list, its CSV, its printout, the dashboard and the CLI's
 * report (HTML and CSV) give the same buckets, counts and delinquent flags.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGING_BUCKETS, emptyBuckets, type AgingBucket } from '../../../src/reports/aging.js'
import { buildDeficiencyReport, renderReportCsv, renderReportHtml } from '../../../src/reports/deficiencyReport.js'
import { fillDesk } from '../../unit/reports/fixture.js'
import { makeDesk, type Client, type Desk } from './helpers.js'

const NOW = new Date('2025-06-30T12:00:00Z')
const CLOCK = fixedClock(NOW)
const unescape = (s: string) => s.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')

/** Counts in a bucket table (`data-bucket` cells), the total and the delinquent count. */
function bucketTable(html: string): { buckets: Record<string, number>; total: number; delinquent: number } {
  const table = /<table[^>]*data-aging[^>]*>([\s\S]*?)<\/table>/.exec(html)
  expect(table, 'a bucket table').not.toBeNull()
  const buckets: Record<string, number> = {}
  for (const m of table![1]!.matchAll(/data-bucket="([^"]+)"[^>]*>(?:\s*<a [^>]*>)?\s*(\d+)/g)) buckets[unescape(m[1]!)] = Number(m[2])
  const total = Number(/data-total(?:="")?[^>]*>\s*(\d+)/.exec(table![1]!)![1])
  const del = /data-delinquent(?:="")?[^>]*>\s*(\d+)/.exec(html)
  return { buckets, total, delinquent: del ? Number(del[1]) : NaN }
}

/** Buckets counted from one row per deficiency (`data-bucket` on rows). */
function rowBuckets(html: string): Record<AgingBucket, number> {
  const b = emptyBuckets()
  for (const m of html.matchAll(/<tr[^>]*data-bucket="([^"]+)"/g)) b[unescape(m[1]!) as AgingBucket]++
  return b
}

function csvBuckets(csv: string): { buckets: Record<AgingBucket, number>; delinquent: number; columns: string[] } {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
  const b = emptyBuckets()
  for (const r of rows) b[r.aging_bucket as AgingBucket]++
  return { buckets: b, delinquent: rows.filter((r) => r.delinquent === 'yes').length, columns: Object.keys(rows[0] ?? {}) }
}

async function checkOneModel(desk: Desk, c: Client, delinquentAfterDays: number) {
  const catalog = desk.app.catalog
  const cli = await buildDeficiencyReport(
    catalog,
    desk.app.sql,
    { status: ['open'] },
    { asOf: '2025-06-30', delinquentAfterDays, clock: CLOCK },
  )
  const want = cli.totals.buckets
  expect(AGING_BUCKETS.map((b) => want[b])).toEqual([expect.any(Number), 0, 0, 2, 1])

  const list = await (await c.get('/deficiencies?status=open')).text()
  expect(bucketTable(list)).toEqual({ buckets: want, total: cli.totals.deficiencies, delinquent: cli.totals.delinquent })
  expect(rowBuckets(list)).toEqual(want)

  const print = await (await c.get('/deficiencies/report?status=open')).text()
  expect(bucketTable(print)).toEqual({ buckets: want, total: cli.totals.deficiencies, delinquent: cli.totals.delinquent })
  expect(rowBuckets(print)).toEqual(want)

  // byte for byte (Response.text() would drop the byte-order mark Excel needs)
  const deskCsv = Buffer.from(await (await c.get('/deficiencies/export.csv?status=open')).arrayBuffer()).toString('utf8')
  expect(deskCsv).toBe(renderReportCsv(cli))
  expect(csvBuckets(deskCsv)).toMatchObject({ buckets: want, delinquent: cli.totals.delinquent })

  const cliHtml = renderReportHtml(cli)
  const overall = /<table class="buckets overall">([\s\S]*?)<\/table>/.exec(cliHtml)![1]!
  const cliBuckets = Object.fromEntries([...overall.matchAll(/data-bucket="([^"]+)">(\d+)/g)].map((m) => [unescape(m[1]!), Number(m[2])]))
  expect(cliBuckets).toEqual(want)
  expect(Number(/data-delinquent="">(\d+)/.exec(overall)![1])).toBe(cli.totals.delinquent)

  const dash = await (await c.get('/')).text()
  expect(bucketTable(dash)).toEqual({ buckets: want, total: cli.totals.deficiencies, delinquent: cli.totals.delinquent })

  // the age filter on the desk picks the same bucket
  expect(rowBuckets(await (await c.get('/deficiencies?status=open&age=%3E60')).text())).toEqual({ ...emptyBuckets(), '>60': 1 })
  return cli
}

describe('deficiency aging: one model on the desk, in the CSV, in the printouts and in the CLI report', () => {
  let desk: Desk
  let strict: Desk
  beforeAll(async () => {
    desk = await makeDesk({ deps: () => ({ clock: fixedClock(NOW) }) })
    await fillDesk(desk.app.catalog)
    await desk.addUser('lead1', ['lead'])
    strict = await makeDesk({
      deps: (d) => ({
        clock: fixedClock(NOW),
        config: { ...d.config, deficiencies: { ...d.config.deficiencies, delinquentAfterDays: 60 } },
      }),
    })
    await fillDesk(strict.app.catalog)
    await strict.addUser('lead1', ['lead'])
  }, 120_000)
  afterAll(async () => {
    await desk?.close()
    await strict?.close()
  })

  it('the same buckets, totals and delinquent counts everywhere (delinquent after 30 days)', async () => {
    const r = await checkOneModel(desk, await desk.login('lead1'), 30)
    expect(r.totals.delinquent).toBe(3)
  })

  it('follows deficiencies.delinquentAfterDays rather than a fixed 31 days', async () => {
    const r = await checkOneModel(strict, await strict.login('lead1'), 60)
    expect(r.totals.delinquent).toBe(1)
    expect(await (await (await strict.login('lead1')).get('/')).text()).toContain('Delinquent: open more than 60 days.')
  })

  it('the desk CSV is the report CSV: its columns, with the status decision at the end', async () => {
    const csv = await (await (await desk.login('lead1')).get('/deficiencies/export.csv?status=all')).text()
    expect(csvBuckets(csv).columns).toEqual([
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
    ])
  })
})
