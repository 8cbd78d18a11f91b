/**
 * Access follows the routing in force, in-process: a report routed to (and acknowledged by) one
 * clinician, then refiled to another patient with the same settle the desk and `review resolve`
 * use, is no longer theirs: not the document, not its original, not the new patient's chart.
 * And a clinician who sees a chart only through a routed document sees only that document's
 * deficiencies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/rules/types.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { RoutesRepo, syncRoutingDetails } from '../../../src/routing/repo.js'
import { routeDocument } from '../../../src/routing/route.js'
import { acknowledgeRoute } from '../../../src/routing/acknowledge.js'
import { makeDesk, seedDocument, type Desk } from './helpers.js'

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

beforeAll(async () => {
  desk = await makeDesk()
  // CC-101902: primary provider Marcus Webb, DO; CC-101388: Priya Natarajan, MD
  await desk.addUser('webb', ['provider'], { providerName: 'Marcus Webb, DO' })
  await desk.addUser('natarajan', ['provider'], { providerName: 'Priya Natarajan, MD' })
  await desk.addUser('ortiz', ['provider'], { providerName: 'Lena Ortiz, MD' })
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

describe('refiled to another patient', () => {
  it('the clinician it was routed to before loses the document, its original and the new chart', async () => {
    const id = await seedDocument(desk.app, {
      status: 'filed',
      mrn: 'CC-101902',
      docType: 'lab_report',
      text: 'Made-up lab report: potassium 4.1',
      details: { extraction },
    })
    await routeDocument(desk.app.catalog, desk.app.sql, desk.app.ruleFiles.routingRules(), id)
    await acknowledgeRoute(desk.app.catalog, desk.app.sql, null, id, 'Marcus Webb, DO', 'webb', desk.app.clock)
    const webb = await desk.login('webb')
    expect((await webb.get(`/documents/${id}`)).status).toBe(200)

    // misfiled: it belongs to CC-101388 (the desk's settle, as `review resolve`)
    await desk.deps.review.settle(id, { mrn: 'CC-101388', docType: 'lab_report', by: 'clerk1' })
    expect((await desk.app.catalog.documents.get(id))!.patientMrn).toBe('CC-101388')

    expect((await webb.get(`/documents/${id}`)).status).toBe(404)
    expect((await webb.get(`/documents/${id}/original`)).status).toBe(404)
    expect((await webb.get(`/documents/${id}/pages/1`)).status).toBe(404)
    expect((await webb.get('/charts/CC-101388')).status).toBe(404)
    expect((await webb.get(`/inbox/${id}`)).status).toBe(404)
    // routed afresh to the new patient's provider
    const routes = await new RoutesRepo(desk.app.sql).forDocument(id)
    expect(routes.map((r) => r.provider)).toEqual(['Priya Natarajan, MD'])
    expect((await desk.app.catalog.documents.get(id))!.details.routing).toMatchObject({ to: ['Priya Natarajan, MD'], acknowledged: false })
    const natarajan = await desk.login('natarajan')
    expect((await natarajan.get(`/documents/${id}`)).status).toBe(200)
    expect((await desk.app.catalog.events.forDocument(id)).some((e) => e.kind === 'document.routes_revoked')).toBe(true)
  })
})

describe('a chart seen through one routed document', () => {
  it('shows only the deficiencies that concern that document', async () => {
    const routed = await seedDocument(desk.app, {
      status: 'filed',
      mrn: 'CC-101902',
      docType: 'consult_note',
      text: 'Made-up consult note',
      details: { extraction },
    })
    const other = await seedDocument(desk.app, {
      status: 'filed',
      mrn: 'CC-101902',
      docType: 'lab_report',
      text: 'Made-up lab report, not routed to Ortiz',
      details: { extraction },
    })
    const routes = new RoutesRepo(desk.app.sql)
    await routes.setRoutes(routed, [{ provider: 'Lena Ortiz, MD', ruleId: 'test' }])
    await syncRoutingDetails(desk.app.catalog, desk.app.sql, routed)
    const finding = (documentId: string | null, message: string): Finding => ({
      ruleId: documentId ? 'C01' : 'C99',
      ruleVersion: 1,
      kind: 'missing_signature',
      severity: 'error',
      documentId,
      subject: documentId,
      message,
      rulesetVersion: 't1',
    })
    await new DeficienciesRepo(desk.app.sql).recordCheck(
      'CC-101902',
      [
        finding(String(routed), 'Consult note is not signed (routed one)'),
        finding(String(other), 'Lab report is not signed (other one)'),
        finding(null, 'Chart has no problem list (chart level)'),
      ],
      { version: 't1', rules: [] },
    )
    const ortiz = await desk.login('ortiz')
    const page = await ortiz.get('/charts/CC-101902')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('routed one')
    expect(html).not.toContain('other one')
    expect(html).not.toContain('chart level')
    expect(html).not.toContain(`/documents/${other}`)
    // the chart's own provider still sees all of them
    const webb = await desk.login('webb')
    const all = await (await webb.get('/charts/CC-101902')).text()
    for (const m of ['routed one', 'other one', 'chart level']) expect(all).toContain(m)
  })
})
