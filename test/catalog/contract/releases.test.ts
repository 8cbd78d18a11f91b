/**
 * Contract of the release-of-information repository (src/release/repo.ts): requests, revocations
 * of authorizations and the disclosure log, the same on SQLite and on PostgreSQL.
 */
import { sql as raw } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeTransaction } from '../../../src/catalog/sql/write.js'
import { ReleaseRepo, type NewReleaseRequest } from '../../../src/release/repo.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const base: NewReleaseRequest = {
  patientMrn: 'CC-100418',
  requester: 'Michael Johnson',
  requesterType: 'patient',
  recipientName: 'Michael Johnson',
  purpose: 'personal copy',
  requestDate: '2026-11-01',
  createdBy: 'clerk a',
}

async function actionOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    return (err as { action?: string }).action ?? String(err)
  }
  return '(did not throw)'
}

describe.each(engines)('release of information on $name', (engine) => {
  // The disclosure log refuses DELETE, so each test has its own catalog.
  let cat: OpenedCatalog
  let repo: ReleaseRepo
  beforeEach(async () => {
    cat = await engine.open()
    repo = new ReleaseRepo(cat.sql)
  })
  afterEach(async () => cat?.close())

  it("a request is kept with every field as given; a patient's own request is due in 30 days, others have no statutory deadline", async () => {
    const r = await repo.create({
      ...base,
      recipientAddress: '12 Elm Street (made up)',
      docTypes: ['lab_report'],
      dateFrom: '2026-01-01',
      dateTo: '2026-10-31',
      documentIds: [7, 9],
      authorizationId: 41,
      identityVerified: true,
    })
    expect(r).toMatchObject({
      id: 1,
      releaseNumber: 'ROI-000001',
      patientMrn: 'CC-100418',
      requesterType: 'patient',
      recipientAddress: '12 Elm Street (made up)',
      docTypes: ['lab_report'],
      dateFrom: '2026-01-01',
      dateTo: '2026-10-31',
      documentIds: [7, 9],
      requestDate: '2026-11-01',
      dueDate: '2026-12-01',
      authorizationId: 41,
      identityVerified: true,
      status: 'open',
      checkResult: null,
      packageKey: null,
      packagePages: null,
      packageDocuments: [],
      createdBy: 'clerk a',
    })
    const t = await repo.create({ ...base, requesterType: 'treatment', requester: 'Dr. Webb', recipientName: 'Dr. Webb' })
    expect(t).toMatchObject({ id: 2, dueDate: null, identityVerified: false, authorizationId: null, docTypes: [], documentIds: [] })
    expect(await repo.get(99)).toBeUndefined()
    expect(await actionOf(repo.require(99))).toMatch(/no release request ROI-000099/)
    expect((await repo.list({ mrn: 'CC-100418', status: ['open'] })).map((x) => x.id)).toEqual([1, 2])
    expect(await repo.list({ mrn: 'CC-999999' })).toEqual([])
  })

  it('a check refuses or reopens only an open or refused request; package, identity and sending are recorded', async () => {
    const r = await repo.create(base)
    await repo.recordCheck(r.id, { allowed: false, reasons: ['no authorization'] }, true)
    expect(await repo.get(r.id)).toMatchObject({ status: 'refused', checkResult: { allowed: false, reasons: ['no authorization'] } })
    await repo.recordCheck(r.id, { allowed: true }, false)
    expect((await repo.get(r.id))!.status).toBe('open')
    await repo.recordIdentityVerified(r.id)
    await repo.recordPackage(r.id, { key: 'releases/ROI-000001.pdf', pages: 5, documentIds: [3, 4], authorizationId: 12 })
    expect(await repo.get(r.id)).toMatchObject({
      status: 'packaged',
      identityVerified: true,
      packageKey: 'releases/ROI-000001.pdf',
      packagePages: 5,
      packageDocuments: [3, 4],
      authorizationId: 12,
    })
    // A check of a packaged request records the result and leaves the status.
    await repo.recordCheck(r.id, { allowed: false }, true)
    expect((await repo.get(r.id))!.status).toBe('packaged')
    await repo.recordSent(r.id, { to: 'Michael Johnson', on: '2026-11-10', by: 'clerk b' })
    expect(await repo.get(r.id)).toMatchObject({ status: 'sent', sentTo: 'Michael Johnson', sentAt: '2026-11-10', sentBy: 'clerk b' })
  })

  it('requests near or past their deadline, soonest first; sent ones are not due', async () => {
    const asOf = '2026-11-28'
    const late = await repo.create({ ...base, requestDate: '2026-10-24' }) // due 2026-11-23
    const soon = await repo.create({ ...base, requestDate: '2026-11-01' }) // due 2026-12-01
    await repo.create({ ...base, requestDate: '2026-11-26' }) // due 2026-12-26
    await repo.create({ ...base, requesterType: 'treatment', requestDate: '2026-10-01' }) // no deadline
    const sent = await repo.create({ ...base, requestDate: '2026-10-20' })
    await repo.recordSent(sent.id, { to: 'x', on: '2026-11-01', by: 'y' })
    expect((await repo.due(asOf)).map((r) => r.id)).toEqual([late.id, soon.id])
    expect((await repo.due(asOf, 0)).map((r) => r.id)).toEqual([late.id])
  })

  it('the earliest revocation in force on a day counts; later ones do not yet', async () => {
    const a = await repo.revoke(41, '2026-11-10', 'clerk a', 'patient letter')
    await repo.revoke(41, '2026-11-05', 'clerk b')
    expect(a).toMatchObject({ authorizationId: 41, revokedOn: '2026-11-10', recordedBy: 'clerk a', note: 'patient letter' })
    expect(await repo.revocation(41, '2026-11-01')).toBeUndefined()
    expect(await repo.revocation(41, '2026-11-06')).toMatchObject({ revokedOn: '2026-11-05', recordedBy: 'clerk b', note: null })
    expect((await repo.revocation(41, '2026-12-01'))!.revokedOn).toBe('2026-11-05')
    expect(await repo.revocation(42, '2026-12-01')).toBeUndefined()
  })

  it('the accounting holds six years of accountable disclosures, oldest first; the log refuses deletion', async () => {
    const r = await repo.create({ ...base, requesterType: 'attorney', requester: 'Harlan & Pike LLP', recipientName: 'Harlan & Pike LLP' })
    const d = (disclosedOn: string, accountable: boolean) =>
      repo.logDisclosure({
        requestId: r.id,
        patientMrn: 'CC-100418',
        disclosedOn,
        recipientName: 'Harlan & Pike LLP',
        recipientAddress: '',
        description: 'Lab report (2026-04-02)',
        purpose: 'litigation',
        requesterType: 'attorney',
        authorizationId: 41,
        accountable,
        pages: 3,
        packageKey: null,
        recordedBy: 'clerk a',
      })
    const old = await d('2019-06-01', true)
    const recent = await d('2026-11-10', true)
    const earlier = await d('2024-02-01', true)
    await d('2025-01-01', false)
    expect(recent).toMatchObject({ releaseNumber: 'ROI-000001', accountable: true, pages: 3, authorizationId: 41 })
    expect((await repo.accounting('CC-100418', '2026-12-01')).map((x) => x.id)).toEqual([earlier.id, recent.id])
    expect((await repo.accounting('CC-100418', '2026-12-01', 10)).map((x) => x.id)).toEqual([old.id, earlier.id, recent.id])
    expect((await repo.disclosures('CC-100418')).map((x) => x.accountable)).toEqual([true, true, false, true])
    await expect(raw`DELETE FROM disclosures`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    expect(await repo.disclosures('CC-100418')).toHaveLength(4)
  })

  it('a request marked sent and its disclosure are written together or not at all', async () => {
    const r = await repo.create(base)
    await expect(
      writeTransaction(cat.sql, `release ${r.id}`, async (trx) => {
        const inTrx = new ReleaseRepo(cat.sql, trx)
        await inTrx.recordSent(r.id, { to: 'Michael Johnson', on: '2026-11-10', by: 'clerk b' })
        throw new Error('the disclosure could not be logged')
      }),
    ).rejects.toThrow(/could not be logged/)
    expect((await repo.get(r.id))!.status).toBe('open')
  })
})
