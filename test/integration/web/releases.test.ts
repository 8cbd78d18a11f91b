/**
 * The release-of-information pages, in-process (`app.request()`): who may use them, CSRF on
 * every change, and an audit row for each action (create, check, package, download, sent,
 * accounting). All data made up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { makeDesk, seedDocument, type Desk } from './helpers.js'

let desk: Desk
const MRN = 'CC-101902'
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
const form = {
  mrn: MRN,
  requester: 'Dr. Ana Ruiz',
  requesterType: 'treatment',
  recipient: 'Millbrook Cardiology (made up)',
  address: '12 Example Road, Millbrook',
  purpose: 'Continuity of care',
  types: ['lab_report'],
}

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('lead1', ['lead'])
  await desk.addUser('clerk1', ['clerk'])
  await desk.addUser('admin1', ['admin'])
  await desk.addUser('webb', ['provider'], { providerName: 'Marcus Webb, DO' })
  await seedDocument(desk.app, {
    status: 'filed',
    mrn: MRN,
    docType: 'lab_report',
    text: 'Made-up lab report: hemoglobin A1c 6.1 %',
    details: { extraction },
    pages: 2,
  })
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

const auditRows = async (action: string) => (await desk.deps.audit.search({ action })).rows
const count = async () => (await new ReleaseRepo(desk.app.sql).list()).length

describe('release of information at the desk', () => {
  it('anonymous: sent to sign in; a post is refused', async () => {
    const c = desk.client()
    const res = await c.get('/releases')
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toMatch(/^\/login/)
    expect((await c.post('/releases', form, { csrf: false })).status).toBe(401)
    expect(await count()).toBe(0)
  })

  it('admin and provider: refused; no Releases link', async () => {
    for (const who of ['admin1', 'webb']) {
      const c = await desk.login(who)
      const home = await (await c.get('/')).text()
      expect(home).not.toContain('href="/releases"')
      expect((await c.get('/releases')).status).toBe(403)
      expect((await c.post('/releases', form)).status).toBe(403)
      expect((await c.get(`/releases/accounting/${MRN}`)).status).toBe(403)
    }
    expect(await count()).toBe(0)
  })

  it('creating needs the CSRF token', async () => {
    const c = await desk.login('clerk1')
    const list = await c.get('/releases')
    expect(list.status).toBe(200)
    expect(await list.text()).toContain('href="/releases"')
    expect((await c.post('/releases', form, { csrf: false })).status).toBe(403)
    expect((await c.post('/releases', form, { csrf: 'not-the-token' })).status).toBe(403)
    expect(await count()).toBe(0)
  })

  it('a lead: create, check, package, download, sent, accounting; an audit row for each', async () => {
    const c = await desk.login('lead1')
    await c.get('/releases')
    const created = await c.post('/releases', form)
    expect(created.status).toBe(303)
    const where = created.headers.get('Location')!
    expect(where).toMatch(/^\/releases\/\d+\?done=created$/)
    const id = Number(/\/releases\/(\d+)/.exec(where)![1])
    const view = await c.get(`/releases/${id}`)
    const html = await view.text()
    expect(html).toContain('allowed')
    expect(html).toContain('Build package')
    expect((await auditRows('release.create')).some((r) => r.actor === 'lead1' && r.patientMrn === MRN)).toBe(true)
    expect((await auditRows('release.check')).length).toBeGreaterThan(0)
    expect((await auditRows('release.view')).some((r) => r.actor === 'lead1')).toBe(true)

    expect((await c.post(`/releases/${id}/package`, {}, { csrf: false })).status).toBe(403)
    expect((await c.post(`/releases/${id}/package`)).status).toBe(303)
    const r = (await new ReleaseRepo(desk.app.sql).get(id))!
    expect(r.status).toBe('packaged')
    expect((await auditRows('release.package')).some((a) => a.actor === 'lead1' && a.outcome === 'ok')).toBe(true)
    const after = await (await c.get(`/releases/${id}`)).text()
    expect(after).toContain(`/releases/${id}/package.pdf`)
    const pdf = await c.get(`/releases/${id}/package.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect((await auditRows('release.download')).some((a) => a.actor === 'lead1')).toBe(true)

    expect((await c.post(`/releases/${id}/sent`, {}, { csrf: false })).status).toBe(403)
    expect((await new ReleaseRepo(desk.app.sql).get(id))!.status).toBe('packaged')
    expect((await c.post(`/releases/${id}/sent`)).status).toBe(303)
    expect((await new ReleaseRepo(desk.app.sql).get(id))!.status).toBe('sent')
    expect((await auditRows('release.sent')).some((a) => a.actor === 'lead1' && a.patientMrn === MRN)).toBe(true)

    const acc = await c.get(`/releases/accounting/${MRN}`)
    expect(acc.status).toBe(200)
    // treatment is not an accountable disclosure
    expect(await acc.text()).toContain('No accountable disclosures')
    expect((await auditRows('release.accounting')).some((a) => a.actor === 'lead1' && a.patientMrn === MRN)).toBe(true)
    expect((await desk.deps.audit.verify()).ok).toBe(true)
  })

  it('a refused request shows its reasons and cannot be packaged', async () => {
    const c = await desk.login('clerk1')
    await c.get('/releases')
    const created = await c.post('/releases', {
      ...form,
      requesterType: 'attorney',
      requester: 'Made-up Law LLP',
      recipient: 'Made-up Law LLP',
      purpose: 'Litigation',
    })
    const id = Number(/\/releases\/(\d+)/.exec(created.headers.get('Location')!)![1])
    const html = await (await c.get(`/releases/${id}`)).text()
    expect(html).toContain('refused')
    expect(html).toContain('id="reasons"')
    expect(html).not.toContain('id="build-package"')
    expect((await c.post(`/releases/${id}/package`)).status).toBe(422)
    expect((await new ReleaseRepo(desk.app.sql).get(id))!.status).toBe('refused')
  })
})
