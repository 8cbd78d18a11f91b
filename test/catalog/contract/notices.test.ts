/**
 * Contract of the records-request repository (src/reports/notices.ts): the same tests on SQLite
 * and on PostgreSQL, where several desks and workers open and track requests in one catalog.
 */
import { sql as raw } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClock } from '../../../src/clock/clock.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { NoticesRepo } from '../../../src/reports/notices.js'
import type { Finding } from '../../../src/rules/types.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()
const UTC = createClock()

const missing = (ruleId: string, subject: string): Finding => ({
  ruleId,
  ruleVersion: 1,
  kind: 'missing_document',
  severity: 'error',
  documentId: subject,
  subject,
  message: 'The discharge summary is missing (made up).',
  rulesetVersion: 'rs-aaaaaaaaaaaa',
})
const request = (deficiencyId: number, chartMrn = 'MRN300001') => ({
  deficiencyId,
  chartMrn,
  documentId: '17',
  facility: 'Mercy General Hospital (made up)',
  datesOfService: ['2025-04-20'],
  documentsNeeded: ['Discharge summary for the inpatient stay of 2025-04-20'],
})

async function actionOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    return (err as { action?: string }).action ?? String(err)
  }
  return '(did not throw)'
}

describe.each(engines)('records requests on $name', (engine) => {
  // The history is append-only, so each test has its own catalog.
  let cat: OpenedCatalog
  let repo: NoticesRepo
  let defIds: number[]
  beforeEach(async () => {
    cat = await engine.open()
    repo = new NoticesRepo(cat.sql)
    // Requests belong to deficiencies (a foreign key on PostgreSQL).
    const defs = new DeficienciesRepo(cat.sql)
    await defs.recordCheck('MRN300001', [missing('C03', '17'), missing('C04', '18'), missing('C05', '19')], {
      version: 'rs-aaaaaaaaaaaa',
      rules: [],
    })
    defIds = (await defs.list()).map((d) => d.id)
  })
  afterEach(async () => cat?.close())

  it('a request is opened once per deficiency, numbered RR-000001 on, and found by number or tracking number in any case', async () => {
    const a = await repo.create(request(defIds[0]!), { at: '2025-06-30T10:00:00.000Z' })
    expect(a).toMatchObject({
      id: 1,
      trackingNumber: 'RR-000001',
      deficiencyId: defIds[0],
      chartMrn: 'MRN300001',
      documentId: '17',
      facility: 'Mercy General Hospital (made up)',
      datesOfService: ['2025-04-20'],
      documentsNeeded: ['Discharge summary for the inpatient stay of 2025-04-20'],
      status: 'pending',
      createdAt: '2025-06-30T10:00:00.000Z',
      followUps: 0,
      dueDate: null,
      sentAt: null,
    })
    expect(await repo.create(request(defIds[0]!))).toBeNull()
    const b = await repo.create(request(defIds[1]!, 'MRN300002'))
    expect(b!.trackingNumber).toBe('RR-000002')
    expect((await repo.find('rr-000002'))?.id).toBe(b!.id)
    expect((await repo.find(` ${a!.id} `))?.id).toBe(a!.id)
    expect(await repo.find('RR-999999')).toBeNull()
    expect(await actionOf(repo.require('RR-999999'))).toMatch(/no records request RR-999999/)
    expect((await repo.forDeficiency(defIds[1]!))?.id).toBe(b!.id)
    expect(await repo.forDeficiency(defIds[2]!)).toBeNull()
    expect((await repo.list()).map((n) => n.trackingNumber)).toEqual(['RR-000001', 'RR-000002'])
    expect((await repo.list({ mrn: 'MRN300002' })).map((n) => n.id)).toEqual([b!.id])
    expect(await repo.history(a!.id)).toEqual([
      expect.objectContaining({
        requestId: a!.id,
        at: '2025-06-30T10:00:00.000Z',
        by: 'chartclerk',
        action: 'created',
        note: `for deficiency #${defIds[0]}`,
      }),
    ])
  })

  it('printed sets the due date once; sent sets it from the first sending; again is a follow-up; received closes it', async () => {
    const n = (await repo.create(request(defIds[0]!)))!
    const printed = await repo.markPrinted(n.id, { by: 'clerk.one', at: '2025-07-01T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(printed).toMatchObject({ printedAt: '2025-07-01T09:00:00.000Z', dueDate: '2025-07-15', status: 'pending' })
    expect((await repo.markPrinted(n.id, { by: 'clerk.one', at: '2025-07-03T09:00:00.000Z', dueDays: 14, clock: UTC })).dueDate).toBe(
      '2025-07-15',
    )
    const sent = await repo.markSent(n.id, { by: 'clerk.one', at: '2025-07-02T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2025-07-02T09:00:00.000Z', sentBy: 'clerk.one', dueDate: '2025-07-16' })
    const again = await repo.markSent(n.id, { by: 'clerk.two', at: '2025-07-17T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(again).toMatchObject({ followUps: 1, lastFollowUpAt: '2025-07-17T09:00:00.000Z', dueDate: '2025-07-16', sentBy: 'clerk.one' })
    expect(await actionOf(repo.markSent(n.id, { by: ' ', dueDays: 14, clock: UTC }))).toMatch(/Say who sent/)
    const got = await repo.markReceived(n.id, { by: 'clerk.one', at: '2025-07-20T12:00:00.000Z', note: 'faxed' })
    expect(got).toMatchObject({
      status: 'received',
      receivedAt: '2025-07-20T12:00:00.000Z',
      receivedBy: 'clerk.one',
      closedReason: 'faxed',
    })
    expect(await actionOf(repo.markReceived(n.id, { by: 'clerk.one' }))).toMatch(/already received/)
    expect(await actionOf(repo.markSent(n.id, { by: 'clerk.one', dueDays: 14, clock: UTC }))).toMatch(/nothing more to send/)
    expect((await repo.history(n.id)).map((h) => [h.action, h.by, h.note])).toEqual([
      ['created', 'chartclerk', `for deficiency #${defIds[0]}`],
      ['printed', 'clerk.one', null],
      ['printed', 'clerk.one', null],
      ['sent', 'clerk.one', null],
      ['follow_up', 'clerk.two', 'follow-up 1'],
      ['received', 'clerk.one', 'faxed'],
    ])
    expect((await repo.list({ status: ['pending', 'sent'] })).map((x) => x.id)).toEqual([])
    expect(await actionOf(repo.markPrinted(999, { by: 'x', dueDays: 14, clock: UTC }))).toMatch(/no records request 999/)
  })

  it('a cancelled request stays cancelled; cancelling a closed one changes nothing; the history is append-only', async () => {
    const n = (await repo.create(request(defIds[0]!)))!
    const c = await repo.cancel(n.id, { by: 'records.lead', at: '2025-07-01T09:00:00.000Z', reason: 'deficiency waived' })
    expect(c).toMatchObject({ status: 'cancelled', closedReason: 'deficiency waived', updatedAt: '2025-07-01T09:00:00.000Z' })
    expect(await repo.cancel(n.id, { by: 'someone', reason: 'again' })).toEqual(c)
    expect((await repo.history(n.id)).map((h) => h.action)).toEqual(['created', 'cancelled'])
    await expect(raw`DELETE FROM records_request_history`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    await expect(raw`UPDATE records_request_history SET by = 'someone else'`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
  })

  it('desks opening requests at once get one request per deficiency and distinct tracking numbers', async () => {
    const other = cat.another ? new NoticesRepo(await cat.another()) : repo
    const made = await Promise.all([
      repo.create(request(defIds[0]!)),
      other.create(request(defIds[0]!)),
      repo.create(request(defIds[1]!)),
      other.create(request(defIds[2]!)),
      repo.create(request(defIds[2]!)),
    ])
    expect(made.filter(Boolean)).toHaveLength(3)
    const all = await repo.list()
    expect(all.map((n) => n.deficiencyId).sort()).toEqual([...defIds].sort())
    expect(new Set(all.map((n) => n.trackingNumber)).size).toBe(3)
  })
})
