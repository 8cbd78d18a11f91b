/**
 * The clinician's work queue of routed outside reports, in-process (`app.request()`): who may
 * see and acknowledge what, CSRF on the acknowledgement, audit rows, and the records lead's
 * list of reports not acknowledged in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RoutesRepo } from '../../../src/routing/repo.js'
import { routeDocument } from '../../../src/routing/route.js'
import { makeDesk, seedDocument, type Desk } from './helpers.js'

let desk: Desk
let labId: number
let otherId: number

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('webb', ['provider'], { providerName: 'Marcus Webb, DO' })
  await desk.addUser('natarajan', ['provider'], { providerName: 'Priya Natarajan, MD' })
  await desk.addUser('clerk1', ['clerk'])
  await desk.addUser('lead1', ['lead'])
  const extraction = {
    dateOfService: '2025-06-01',
    author: null,
    facility: 'Riverbend Reference Laboratory',
    signed: { present: false, by: null, date: null, kind: null },
    pagesDeclared: null,
    missingPages: [],
    status: null,
    missing: [],
  }
  // CC-101902 (John Smith): primary provider Marcus Webb, DO; CC-101388: Priya Natarajan, MD
  labId = await seedDocument(desk.app, {
    status: 'filed',
    mrn: 'CC-101902',
    docType: 'lab_report',
    text: 'Made-up lab report: hemoglobin A1c 6.1 %',
    details: { extraction },
    pages: 2,
  })
  otherId = await seedDocument(desk.app, {
    status: 'filed',
    mrn: 'CC-101388',
    docType: 'lab_report',
    text: 'Made-up lab report for another patient',
    details: { extraction },
  })
  await routeDocument(desk.app.catalog, desk.app.sql, desk.app.ruleFiles.routingRules(), labId)
  await routeDocument(desk.app.catalog, desk.app.sql, desk.app.ruleFiles.routingRules(), otherId)
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

const auditRows = async (action: string) => (await desk.deps.audit.search({ action })).rows

describe('a clinician’s queue of routed reports', () => {
  it('anonymous: sent to sign in, nothing acknowledged', async () => {
    const c = desk.client()
    const res = await c.get('/inbox')
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toMatch(/^\/login/)
    const post = await c.post(`/inbox/${labId}/ack`, {}, { csrf: false })
    expect(post.status).toBe(401)
    expect((await new RoutesRepo(desk.app.sql).forDocument(labId))[0]!.acknowledgedAt).toBeNull()
  })

  it('the provider sees the reports routed to them, not others', async () => {
    const c = await desk.login('webb')
    const res = await c.get('/inbox')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`/inbox/${labId}`)
    expect(html).not.toContain(`/inbox/${otherId}`)
    expect((await c.get(`/inbox/${otherId}`)).status).toBe(404)
    const one = await c.get(`/inbox/${labId}`)
    expect(one.status).toBe(200)
    const page = await one.text()
    expect(page).toContain('Mark reviewed')
    expect(page).toContain(`/documents/${labId}/pages/2`)
    expect((await c.get(`/documents/${labId}/pages/1`)).status).toBe(200)
    expect((await auditRows('routing.queue')).some((r) => r.actor === 'webb')).toBe(true)
    expect((await auditRows('document.view')).some((r) => r.actor === 'webb' && r.targetId === String(labId))).toBe(true)
  })

  it('acknowledging needs the CSRF token', async () => {
    const c = await desk.login('webb')
    await c.get(`/inbox/${labId}`)
    expect((await c.post(`/inbox/${labId}/ack`, {}, { csrf: false })).status).toBe(403)
    expect((await c.post(`/inbox/${labId}/ack`, {}, { csrf: 'not-the-token' })).status).toBe(403)
    expect((await new RoutesRepo(desk.app.sql).forDocument(labId))[0]!.acknowledgedAt).toBeNull()
  })

  it('a clerk cannot acknowledge for a provider; another provider cannot either', async () => {
    const clerk = await desk.login('clerk1')
    await clerk.get('/')
    expect((await clerk.post(`/inbox/${labId}/ack`)).status).toBe(403)
    expect((await clerk.get('/inbox')).status).toBe(403)
    const other = await desk.login('natarajan')
    await other.get('/inbox')
    expect((await other.post(`/inbox/${labId}/ack`)).status).toBe(404)
    expect((await new RoutesRepo(desk.app.sql).forDocument(labId))[0]!.acknowledgedAt).toBeNull()
  })

  it('an overdue report shows on the records lead’s page; the provider acknowledges it, audited', async () => {
    const repo = new RoutesRepo(desk.app.sql)
    for (const r of await repo.forDocument(labId)) await repo.setRoutedAt(r.id, new Date(Date.now() - 9 * 86_400_000).toISOString())
    const lead = await desk.login('lead1')
    const overdue = await lead.get('/routing/overdue')
    expect(overdue.status).toBe(200)
    expect(await overdue.text()).toContain(`/documents/${labId}`)
    expect((await (await desk.login('webb')).get('/routing/overdue')).status).toBe(403)

    const c = await desk.login('webb')
    await c.get(`/inbox/${labId}`)
    const res = await c.post(`/inbox/${labId}/ack`)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/inbox?done=ack')
    const route = (await repo.forDocument(labId))[0]!
    expect(route.acknowledgedBy).toBe('webb')
    expect((await desk.app.catalog.documents.get(labId))!.details.routing).toEqual({ to: ['Marcus Webb, DO'], acknowledged: true })
    const row = (await auditRows('routing.acknowledge')).find((r) => r.outcome === 'ok')!
    expect(row).toMatchObject({ actor: 'webb', targetKind: 'document', targetId: String(labId), patientMrn: 'CC-101902' })
    expect(await (await c.get('/inbox')).text()).not.toContain(`/inbox/${labId}"`)
    expect(await (await lead.get('/routing/overdue')).text()).not.toContain(`/documents/${labId}"`)
    expect((await c.post(`/inbox/${labId}/ack`)).status).toBe(409)
  })
})
