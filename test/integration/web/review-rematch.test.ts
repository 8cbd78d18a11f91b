/**
 * "Match again" on the review queue: a POST with the page's CSRF token, for those who may settle
 * review items only, audited, filing through the real pipeline's deciding stages what now has two
 * agreeing identifiers.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_SCANS } from '../../helpers/workspace.js'
import { makeDesk, type Desk } from './helpers.js'

let desk: Desk
let labId: number

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  await desk.addUser('doc1', ['provider'], { providerName: 'Priya Natarajan, MD' })
  // The lab report arrives while the index lacks its patient: it waits in review.
  const michael = (await desk.app.catalog.patients.get('CC-100418'))!
  desk.app.catalog.db.prepare("DELETE FROM patient_name_keys WHERE mrn = 'CC-100418'").run()
  desk.app.catalog.db.prepare("DELETE FROM patients WHERE mrn = 'CC-100418'").run()
  const [r] = await desk.app.runner.ingestFiles([path.join(SAMPLE_SCANS, 'lab-report-text.pdf')])
  expect(r).toMatchObject({ status: 'needs_review' })
  labId = r!.documentId!
  // Then the index is corrected (as `patients import` would).
  expect(await desk.app.catalog.patients.upsert([michael])).toMatchObject({ added: 1 })
}, 180_000)
afterAll(async () => {
  await desk?.close()
})

describe('Match again on the review queue', () => {
  it('needs the CSRF token and the right to settle review items', async () => {
    const doc = await desk.login('doc1')
    await doc.get('/')
    expect((await doc.post('/review/rematch')).status).toBe(403)
    const clerk = await desk.login('clerk1')
    await clerk.get('/review')
    expect((await clerk.post('/review/rematch', {}, { csrf: false })).status).toBe(403)
    expect((await desk.app.catalog.documents.get(labId))!.status).toBe('needs_review')
  })

  it('files what now qualifies, says so, and leaves an audit row', async () => {
    const clerk = await desk.login('clerk1')
    const queue = await (await clerk.get('/review')).text()
    expect(queue).toMatch(/<form method="post" action="\/review\/rematch"/)
    const res = await clerk.post('/review/rematch')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/review?msg=rematched&filed=1&waiting=0&failed=0')
    expect(await desk.app.catalog.documents.get(labId)).toMatchObject({ status: 'filed', patientMrn: 'CC-100418', docType: 'lab_report' })
    const page = await (await clerk.get(res.headers.get('Location')!)).text()
    expect(page).toMatch(/Matched again: 1 document filed, 0 still waiting\./)
    const row = (await desk.deps.audit.search({ action: 'review.rematch' })).rows[0]
    expect(row).toMatchObject({ actor: 'clerk1', action: 'review.rematch' })
    expect(row!.detail).toMatchObject({ trigger: 'request', examined: 1, filed: 1, documents: [labId] })
  })
})
