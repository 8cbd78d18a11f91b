/**
 * Routing end to end: made-up outside records through the real pipeline (text-layer PDFs),
 * filed, routed by each kind of routing rule (document type, sending facility, the provider
 * named on the document, the patient's primary provider), acknowledged, escalated after
 * routing.escalateAfterDays, and the C07 deficiency raised and closed.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { checkChart } from '../../../src/charts/checkChart.js'
import { buildChart } from '../../../src/charts/buildChart.js'
import { packageRoot } from '../../../src/classify/paths.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { deriveChartFacts } from '../../../src/model/chart.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { acknowledgeRoute } from '../../../src/routing/acknowledge.js'
import { RoutesRepo } from '../../../src/routing/repo.js'
import {
  makeRecordSpec,
  PATIENTS,
  patientsCsv,
  personName,
  renderRecordPdf,
  Rng,
  type MakeSpecOptions,
  type RecordSpec,
} from '../../../samples/lib/records.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
let dir: string
const results = new Map<string, IngestResult>()
const specs = new Map<string, RecordSpec>()
const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']
const docId = (name: string) => results.get(name)!.documentId!
const routesOf = (name: string) => new RoutesRepo(app.sql).forDocument(docId(name))

async function record(name: string, o: MakeSpecOptions): Promise<string> {
  const spec = makeRecordSpec(new Rng(name), o)
  specs.set(name, spec)
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(file, await renderRecordPdf(spec))
  return file
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-routing-'))
  const rulesDir = path.join(dir, 'rules')
  for (const sub of ['checks', 'doctypes', 'routing'])
    cpSync(path.join(packageRoot(), 'rules', sub), path.join(rulesDir, sub), { recursive: true })
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$', CHARTCLERK_RULES: rulesDir })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  const files = [
    // primary provider (starter rule RT01): CC-101902's primary provider is Marcus Webb, DO
    await record('lab-to-primary', { docType: 'lab_report', patient: P('CC-101902'), withOurMrn: true }),
    // document type: every radiology report also to the radiology reader Priya Natarajan, MD
    await record('radiology-by-type', { docType: 'radiology_report', patient: P('CC-100777'), withOurMrn: true }),
    // sending facility: discharge summaries from this hospital also to Elena Sokolova, MD
    await record('discharge-by-facility', { docType: 'discharge_summary', patient: P('CC-101388'), withOurMrn: true }),
    // the provider named on the document: consult notes written by this consultant to Dana Reyes, NP
    await record('consult-by-author', { docType: 'consult_note', patient: P('CC-101388'), withOurMrn: true }),
  ]
  const facility = specs.get('discharge-by-facility')!.facility.name
  const author = personName(specs.get('consult-by-author')!.author!)
  writeFileSync(
    path.join(rulesDir, 'routing', 'T-local.json'),
    JSON.stringify([
      { id: 'T-TYPE', title: 'radiology to the reader', match: { docTypes: ['radiology_report'] }, to: ['Priya Natarajan, MD'] },
      {
        id: 'T-FACILITY',
        title: 'this hospital to Sokolova',
        match: { docTypes: ['discharge_summary'], facility: facility.split(' ').slice(0, 2).join(' ').toUpperCase() },
        to: ['Elena Sokolova, MD'],
      },
      { id: 'T-AUTHOR', title: 'this consultant to Reyes', match: { author }, to: ['Dana Reyes, NP'] },
      {
        id: 'T-PRIMARY',
        title: "Webb's patients' labs also to his nurse",
        match: { docTypes: ['lab_report'], primaryProvider: 'Dr. Marcus Webb' },
        to: ['Nora Ellis, RN'],
      },
    ]),
  )
  // Routing rules are read once and hot-reloaded: put the lead's new file in force.
  expect(app.ruleFiles.routing.reload()).toMatchObject({ result: 'swapped', problems: [] })
  for (const r of await app.runner.ingestFiles(files)) results.set(path.basename(r.file, '.pdf'), r)
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('routing filed outside reports', () => {
  it('every record is filed', () => {
    for (const [name, r] of results) expect(r.status, `${name}: ${r.reviewReasons.join('; ')}`).toBe('filed')
  })

  it("routes to the patient's primary provider, and by the primary provider", async () => {
    expect((await routesOf('lab-to-primary')).map((r) => [r.provider, r.ruleId])).toEqual([
      ['Marcus Webb, DO', 'RT01'],
      ['Nora Ellis, RN', 'T-PRIMARY'],
    ])
    const doc = (await app.catalog.documents.get(docId('lab-to-primary')))!
    expect(doc.details.routing).toEqual({ to: ['Marcus Webb, DO', 'Nora Ellis, RN'], acknowledged: false })
  })

  it('routes by document type', async () => {
    expect((await routesOf('radiology-by-type')).map((r) => r.provider)).toEqual(['Marcus Webb, DO', 'Priya Natarajan, MD'])
  })

  it('routes by sending facility', async () => {
    const x = (await app.catalog.documents.get(docId('discharge-by-facility')))!.details.extraction as { facility: string | null }
    expect(x.facility).toBeTruthy()
    expect((await routesOf('discharge-by-facility')).map((r) => r.provider)).toEqual(['Priya Natarajan, MD', 'Elena Sokolova, MD'])
  })

  it('routes by the provider named on the document', async () => {
    expect((await routesOf('consult-by-author')).map((r) => r.provider)).toContain('Dana Reyes, NP')
  })

  it('the chart model carries routing with routedDaysAgo', async () => {
    const chart = deriveChartFacts((await buildChart(app.catalog, app.sql, 'CC-101902', app.clock))!)
    const d = chart.documents.find((x) => x.id === String(docId('lab-to-primary')))!
    expect(d.routing).toMatchObject({ to: ['Marcus Webb, DO', 'Nora Ellis, RN'], acknowledgedAt: null, routedDaysAgo: 0 })
  })

  it('an unacknowledged report past escalateAfterDays escalates and raises C07; acknowledging closes it', async () => {
    const repo = new RoutesRepo(app.sql)
    const id = docId('lab-to-primary')
    expect((await repo.list({ overdue: true, escalateAfterDays: 7 }, app.clock)).filter((r) => r.documentId === id)).toEqual([])
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString()
    for (const r of await repo.forDocument(id)) await repo.setRoutedAt(r.id, tenDaysAgo)
    const overdue = (await repo.list({ overdue: true, escalateAfterDays: 7 }, app.clock)).filter((r) => r.documentId === id)
    expect(overdue.map((r) => r.provider)).toEqual(['Marcus Webb, DO', 'Nora Ellis, RN'])
    expect(overdue.every((r) => r.overdue && r.daysOpen === 10)).toBe(true)
    expect((await repo.list({ overdue: true, escalateAfterDays: 30 }, app.clock)).filter((r) => r.documentId === id)).toEqual([])
    expect((await repo.list({ overdue: true, provider: 'Dr. Marcus Webb' }, app.clock)).map((r) => r.documentId)).toContain(id)

    await checkChart(app.catalog, app.sql, app.rules.current!, 'CC-101902', app.clock)
    const defs = async () =>
      (await new DeficienciesRepo(app.sql).list({ status: 'open' })).filter((d) => d.ruleId === 'C07' && d.documentId === String(id))
    expect(await defs()).toHaveLength(1)
    expect((await defs())[0]!.message).toMatch(/Routed 10 days ago and not yet acknowledged by Marcus Webb, DO, Nora Ellis, RN/)

    // one recipient acknowledges: still pending for the other
    await acknowledgeRoute(app.catalog, app.sql, app.rules.current, id, 'Marcus Webb', 'webb', app.clock)
    expect((await app.catalog.documents.get(id))!.details.routing).toEqual({
      to: ['Marcus Webb, DO', 'Nora Ellis, RN'],
      acknowledged: false,
    })
    expect(await defs()).toHaveLength(1)
    const refusal = async (provider: string) => {
      try {
        await acknowledgeRoute(app.catalog, app.sql, app.rules.current, id, provider, 'someone', app.clock)
        return 'acknowledged'
      } catch (err) {
        return (err as { action: string }).action
      }
    }
    expect(await refusal('Marcus Webb, DO')).toMatch(/already acknowledged/)
    expect(await refusal('Elena Sokolova, MD')).toMatch(/not waiting for/)

    await acknowledgeRoute(app.catalog, app.sql, app.rules.current, id, 'Nora Ellis, RN', 'ellis', app.clock)
    expect((await app.catalog.documents.get(id))!.details.routing).toEqual({
      to: ['Marcus Webb, DO', 'Nora Ellis, RN'],
      acknowledged: true,
    })
    expect(await defs()).toHaveLength(0)
    expect((await repo.list({ overdue: true }, app.clock)).filter((r) => r.documentId === id)).toEqual([])
    const acked = await repo.forDocument(id)
    expect(acked.map((r) => r.acknowledgedBy)).toEqual(['webb', 'ellis'])
  })
})
