/**
 * What follows a filing (src/filing/onFiled.ts), shared by the pipeline and a person's
 * settlement: a step that fails after the document is filed never un-files it, and says what to do.
 * Routing fails for real here: the catalog refuses every write to the routes table (a SQLite
 * trigger), as a damaged or locked catalog would. (A broken routing file no longer can: the
 * last good routing rules stay in force, see test/integration/routing/last-good.test.ts.)
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RoutesRepo } from '../../../src/routing/repo.js'
import { makeDesk, seedDocument, type Desk } from '../web/helpers.js'
import { SAMPLE_SCANS } from '../../helpers/workspace.js'

let desk: Desk
const extraction = {
  dateOfService: '2025-06-01',
  author: null,
  facility: 'Riverbend Reference Laboratory',
  signed: { present: true, by: null, date: null, kind: null },
  pagesDeclared: null,
  missingPages: [],
  status: null,
  missing: [],
}
const breakRouting = () =>
  desk.app.catalog.db.exec(
    "CREATE TEMP TRIGGER refuse_routes BEFORE INSERT ON routes BEGIN SELECT RAISE(ABORT, 'the routes table refused the write'); END",
  )
const mendRouting = () => desk.app.catalog.db.exec('DROP TRIGGER IF EXISTS temp.refuse_routes')

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
}, 120_000)
afterAll(async () => {
  await desk?.close()
})

describe('a routing error after filing', () => {
  it('a desk refile stays filed in the new chart, the chart is checked, and the error says what to do', async () => {
    const id = await seedDocument(desk.app, {
      status: 'filed',
      mrn: 'CC-101902',
      docType: 'lab_report',
      text: 'Made-up lab report: potassium 4.1',
      details: { extraction },
    })
    breakRouting()
    try {
      const out = await desk.deps.review.settle(id, { mrn: 'CC-101388', docType: 'lab_report', by: 'clerk1' })
      const doc = (await desk.app.catalog.documents.get(id))!
      expect(doc).toMatchObject({ status: 'filed', patientMrn: 'CC-101388', docType: 'lab_report' })
      expect(out && out.problems.map((p) => p.step)).toEqual(['route'])
      expect(out!.problems[0]!.message).toMatch(
        /^Document \d+ is filed in chart CC-101388, but it could not be routed to its clinicians \(.+\)\. File the document again once that is fixed/,
      )
      // the check still ran, for the new chart and the one it left
      expect((out as any).checked).toEqual(['CC-101388', 'CC-101902'])
      expect((await desk.app.catalog.events.forDocument(id)).map((e) => e.kind)).toContain('document.refiled')
    } finally {
      mendRouting()
    }
    // filing it again once routing is mended routes it
    const again = await desk.deps.review.settle(id, { mrn: 'CC-101388', docType: 'lab_report', by: 'clerk1' })
    expect(again && again.problems).toEqual([])
    expect((await new RoutesRepo(desk.app.sql).forDocument(id)).map((r) => r.provider)).toEqual(['Priya Natarajan, MD'])
  })

  it('on the review page: filed, shown with the message, not a server error', async () => {
    const id = await seedDocument(desk.app, { status: 'needs_review', text: 'Made-up note with no patient on it' })
    const clerk = await desk.login('clerk1')
    await clerk.get(`/review/${id}`)
    breakRouting()
    try {
      const res = await clerk.post(`/review/${id}/settle`, { mrn: 'CC-101902', docType: 'lab_report' })
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toMatch(/is filed in chart CC-101902, but it could not be routed to its clinicians/)
      expect(html).toMatch(/This document is filed/)
      expect(await desk.app.catalog.documents.get(id)).toMatchObject({ status: 'filed', patientMrn: 'CC-101902' })
    } finally {
      mendRouting()
    }
  })

  it('in the pipeline: a sample is filed and checked with routing broken', async () => {
    breakRouting()
    try {
      const [r] = await desk.app.runner.ingestFiles([path.join(SAMPLE_SCANS, 'lab-report-text.pdf')])
      expect(r).toMatchObject({ status: 'filed' })
      const doc = (await desk.app.catalog.documents.get(r!.documentId!))!
      expect(doc.patientMrn).toBe('CC-100418')
      expect((await desk.app.catalog.events.forDocument(doc.id)).map((e) => e.kind)).not.toContain('document.routed')
    } finally {
      mendRouting()
    }
  })
})
