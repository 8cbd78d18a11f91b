/**
 * Release of information to the patient (or their representative) is held until the requester's
 * identity is verified: no package, no "sent", with a message saying what to do; at the desk
 * and through the same service the CLI uses. All data made up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChartclerkError, cliAction } from '../../../src/errors.js'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { createRelease, markReleaseSent, packageRelease, verifyReleaseIdentity } from '../../../src/release/service.js'
import { makeDesk, seedDocument, type Desk } from './helpers.js'

let desk: Desk
const MRN = 'CC-101902'
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
const form = {
  mrn: MRN,
  requester: 'John Smith (made up)',
  requesterType: 'patient',
  recipient: 'John Smith (made up)',
  address: '4 Example Lane, Millbrook',
  purpose: "Patient's own copy",
  types: ['lab_report'],
}

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  await seedDocument(desk.app, {
    status: 'filed',
    mrn: MRN,
    docType: 'lab_report',
    text: 'Made-up lab report: sodium 139',
    details: { extraction },
  })
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

describe('a patient’s own request without identity verification', () => {
  it('the desk holds it: no package, a clear refusal, then verified and sent', async () => {
    const c = await desk.login('clerk1')
    await c.get('/releases')
    const created = await c.post('/releases', form) // the "identity verified" box left unticked
    expect(created.status).toBe(303)
    const id = Number(/\/releases\/(\d+)/.exec(created.headers.get('Location')!)![1])
    const html = await (await c.get(`/releases/${id}`)).text()
    expect(html).toContain('id="identity-held"')
    expect(html).not.toContain('id="build-package"')

    const refused = await c.post(`/releases/${id}/package`)
    expect(refused.status).toBe(422)
    const said = await refused.text()
    expect(said).toMatch(/identity is not verified.*Identity verified(&quot;|") on the request/s)
    expect(said).not.toMatch(/verify-identity|--by/)
    expect((await new ReleaseRepo(desk.app.sql).require(id)).status).not.toBe('packaged')

    await c.get(`/releases/${id}`)
    expect((await c.post(`/releases/${id}/identity`)).status).toBe(303)
    expect((await desk.deps.audit.search({ action: 'release.identity' })).rows[0]).toMatchObject({ actor: 'clerk1', patientMrn: MRN })
    const after = await (await c.get(`/releases/${id}`)).text()
    expect(after).toContain('identity verified')
    expect(after).toContain('id="build-package"')
    expect((await c.post(`/releases/${id}/package`)).status).toBe(303)
    await c.get(`/releases/${id}`)
    expect((await c.post(`/releases/${id}/sent`)).status).toBe(303)
    expect((await new ReleaseRepo(desk.app.sql).require(id)).status).toBe('sent')
  })

  it('the service (as `release package` / `release sent`) refuses both steps, naming what to do', async () => {
    const r = await createRelease(desk.app, {
      patientMrn: MRN,
      requester: 'Mary Smith, as personal representative (made up)',
      requesterType: 'patient',
      recipientName: 'Mary Smith (made up)',
      purpose: 'Copy for the personal representative',
      requestDate: '2026-01-05',
      createdBy: 'clerk1',
      docTypes: ['lab_report'],
    })
    const err = await packageRelease(desk.app, r.id).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect((err as ChartclerkError).code).toBe('REFUSED')
    expect((err as ChartclerkError).action).toMatch(/held.*identity is not verified.*"Identity verified"/s)
    expect(cliAction(err as ChartclerkError)).toMatch(/"chartclerk release verify-identity \d+ --by NAME"\.$/)
    // a request already packaged (before this rule) is not marked sent either
    await new ReleaseRepo(desk.app.sql).recordPackage(r.id, { key: 'releases/test.pdf', pages: 1, documentIds: [], authorizationId: null })
    const sent = await (async () => {
      try {
        await markReleaseSent(desk.app, r.id, { by: 'clerk1' })
      } catch (e) {
        return e as ChartclerkError
      }
    })()
    expect(sent?.action).toMatch(/identity is not verified/)
    expect((await new ReleaseRepo(desk.app.sql).require(r.id)).status).toBe('packaged')
    await verifyReleaseIdentity(desk.app, r.id, { by: 'clerk1', how: 'driver licence' })
    expect((await new ReleaseRepo(desk.app.sql).require(r.id)).identityVerified).toBe(true)
  })

  it('a request from a provider (treatment) is not held for identity', async () => {
    const r = await createRelease(desk.app, {
      patientMrn: MRN,
      requester: 'Dr. Ana Ruiz',
      requesterType: 'treatment',
      recipientName: 'Millbrook Cardiology (made up)',
      purpose: 'Continuity of care',
      requestDate: '2026-01-05',
      createdBy: 'clerk1',
    })
    const { request } = await packageRelease(desk.app, r.id)
    expect(request.status).toBe('packaged')
  })
})
