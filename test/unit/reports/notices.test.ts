import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { checkChart } from '../../../src/charts/checkChart.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { NoticesRepo, renderNoticeHtml, syncNotices } from '../../../src/reports/notices.js'
import { createClock } from '../../../src/clock/clock.js'
import { MERCY, PAT, STARTER_RULES, fileDocument, fillDesk, htmlProblems, sqlOf, type Desk } from './fixture.js'

const CLINIC = {
  name: 'Riverside Community Health Center',
  address: '12 Elm Street, Springfield, ST 00000',
  phone: '555-0100',
  fax: '555-0199',
}
/** The clinic's clock in UTC, as before clinic.timeZone existed. */
const UTC = createClock()
let catalog: Catalog
let desk: Desk
beforeEach(async () => {
  catalog = openCatalog(':memory:')
  desk = await fillDesk(catalog)
})
afterEach(() => catalog.close())

const c03 = async () =>
  (
    await new DeficienciesRepo(sqlOf(catalog)).list({
      ruleId: 'C03',
      chartMrn: PAT.mrn,
      status: ['open', 'completed', 'verified', 'waived', 'rejected'],
    })
  )[0]!

describe('records-request notices', () => {
  it('are opened for open missing-document deficiencies with a known sending facility, once', async () => {
    const first = await syncNotices(catalog, sqlOf(catalog), { clock: UTC, at: '2025-06-30T10:00:00.000Z' })
    expect(first.created).toHaveLength(1)
    const n = first.created[0]!
    expect(n).toMatchObject({
      trackingNumber: 'RR-000001',
      deficiencyId: (await c03()).id,
      chartMrn: PAT.mrn,
      documentId: String(desk.edId),
      facility: MERCY,
      datesOfService: ['2025-04-20'],
      status: 'pending',
      dueDate: null,
    })
    expect(n.documentsNeeded.join(' ')).toMatch(/Emergency department record \/ visit summary for the visit of 2025-04-20/)
    // C01 (consent) is a missing document too, but has no sending facility: no notice.
    expect((await new DeficienciesRepo(sqlOf(catalog)).list({ ruleId: 'C01', status: 'open' })).length).toBe(2)
    expect((await syncNotices(catalog, sqlOf(catalog), { clock: UTC })).created).toEqual([])
    expect(await new NoticesRepo(sqlOf(catalog)).list()).toHaveLength(1)
  })

  it('the printed letter holds patient, birth date, our MRN, dates, documents needed, clinic, purpose, due date and tracking number', async () => {
    const repo = new NoticesRepo(sqlOf(catalog))
    const [created] = (await syncNotices(catalog, sqlOf(catalog), { clock: UTC, at: '2025-06-30T10:00:00.000Z' })).created
    const n = await repo.markPrinted(created!.id, { by: 'clerk.one', at: '2025-07-01T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(n.printedAt).toBe('2025-07-01T09:00:00.000Z')
    expect(n.dueDate).toBe('2025-07-15')
    const html = renderNoticeHtml({ notice: n, patient: (await catalog.patients.get(PAT.mrn))!, clinic: CLINIC, date: '2025-07-01' })
    expect(htmlProblems(html)).toEqual([])
    const field = (name: string) => html.match(new RegExp(`data-field="${name}">([^<]*)<`))?.[1]
    expect(field('tracking')).toBe('RR-000001')
    expect(field('patient')).toBe('Pat Testperson')
    expect(field('birthDate')).toBe('1970-05-05')
    expect(field('mrn')).toBe(PAT.mrn)
    expect(field('dates')).toBe('2025-04-20')
    expect(field('due')).toBe('2025-07-15')
    expect(field('provider')).toBe('Dr. Ada Example')
    expect(html).toContain(MERCY)
    expect(html).toMatch(/<ul class="needed">\s*<li>Emergency department record/)
    for (const s of [
      CLINIC.name,
      CLINIC.address,
      'Fax 555-0199',
      'continuity of care',
      '45 CFR 164.506(c)',
      'no patient authorization is required',
    ])
      expect(html).toContain(s)
    expect(html).toContain('@media print')
  })

  it('tracks sending (and follow-ups), and is marked received when the requested record arrives and the deficiency completes', async () => {
    const repo = new NoticesRepo(sqlOf(catalog))
    const [created] = (await syncNotices(catalog, sqlOf(catalog), { clock: UTC, at: '2025-06-30T10:00:00.000Z' })).created
    const sent = await repo.markSent(created!.id, { by: 'clerk.one', at: '2025-07-01T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: '2025-07-01T09:00:00.000Z',
      sentBy: 'clerk.one',
      dueDate: '2025-07-15',
      followUps: 0,
    })
    const again = await repo.markSent(created!.id, { by: 'clerk.two', at: '2025-07-16T09:00:00.000Z', dueDays: 14, clock: UTC })
    expect(again).toMatchObject({
      status: 'sent',
      sentAt: '2025-07-01T09:00:00.000Z',
      followUps: 1,
      lastFollowUpAt: '2025-07-16T09:00:00.000Z',
      dueDate: '2025-07-15',
    })

    // The hospital's ED visit summary arrives and is filed; the chart check (the real hook) closes C03 and the request.
    await fileDocument(catalog, {
      mrn: PAT.mrn,
      type: 'emergency_report',
      receivedAt: '2025-07-18T08:00:00Z',
      filedAt: '2025-07-18T09:00:00Z',
      pages: 2,
      dateOfService: '2025-04-20',
      facility: MERCY,
      fields: { visitDate: '2025-04-20', reasonForVisit: 'Chest pain', disposition: 'Home', visitSummary: true },
    })
    await checkChart(catalog, sqlOf(catalog), STARTER_RULES, PAT.mrn, UTC)
    expect((await c03()).status).toBe('completed')
    const done = (await repo.get(created!.id))!
    expect(done).toMatchObject({ status: 'received', receivedBy: 'chartclerk', receivedAt: (await c03()).completedAt })
    expect(done.closedReason).toMatch(/deficiency #\d+ completed: no longer found by rule set/)
    expect((await repo.history(created!.id)).map((h) => h.action)).toEqual(['created', 'sent', 'follow_up', 'received'])
    await expect(repo.markSent(created!.id, { by: 'clerk.one', dueDays: 14, clock: UTC })).rejects.toThrow()
  })

  it('records a receipt a person enters, and cancels the request when the deficiency is waived', async () => {
    const repo = new NoticesRepo(sqlOf(catalog))
    const [n] = (await syncNotices(catalog, sqlOf(catalog), { clock: UTC })).created
    const got = await repo.markReceived(n!.id, { by: 'clerk.one', at: '2025-07-05T12:00:00.000Z', note: 'faxed, waiting to be scanned' })
    expect(got).toMatchObject({ status: 'received', receivedAt: '2025-07-05T12:00:00.000Z', receivedBy: 'clerk.one' })

    const other = openCatalog(':memory:')
    try {
      await fillDesk(other)
      const [m] = (await syncNotices(other, sqlOf(other), { clock: UTC })).created
      const d = (await new DeficienciesRepo(sqlOf(other)).list({ ruleId: 'C03' }))[0]!
      await new DeficienciesRepo(sqlOf(other)).transition(d.id, 'waived', { by: 'records.lead', reason: 'Patient declined the request' })
      expect((await syncNotices(other, sqlOf(other), { clock: UTC })).cancelled.map((x) => x.id)).toEqual([m!.id])
      expect(await new NoticesRepo(sqlOf(other)).get(m!.id)).toMatchObject({
        status: 'cancelled',
        closedReason: 'deficiency #' + d.id + ' waived: Patient declined the request',
      })
    } finally {
      other.close()
    }
  })

  it('finds a request by number or tracking number', async () => {
    const repo = new NoticesRepo(sqlOf(catalog))
    const [n] = (await syncNotices(catalog, sqlOf(catalog), { clock: UTC })).created
    expect((await repo.find(String(n!.id)))?.id).toBe(n!.id)
    expect((await repo.find('rr-000001'))?.id).toBe(n!.id)
    expect(await repo.find('RR-999999')).toBeNull()
  })
})
