import { describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { addDays } from '../../../src/clock/calendar.js'
import { createClock } from '../../../src/clock/clock.js'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { computeStats, formatStats, releaseDeadlines } from '../../../src/reports/stats.js'

const daysBefore = (date: string, n: number) => addDays(date, -n)

describe('release deadlines in the statistics', () => {
  it("counts open requests, a patient's access request due within 5 days, and one past its 30-day deadline", async () => {
    const catalog = openCatalog(':memory:')
    const sql = sqliteSqlCatalog(catalog.db)
    const repo = new ReleaseRepo(sql)
    const asOf = '2026-11-28'
    const base = {
      patientMrn: 'CC-100418',
      requester: 'Michael Johnson',
      recipientName: 'Michael Johnson',
      purpose: 'personal copy',
      createdBy: 'clerk a',
    }
    await repo.create({ ...base, requesterType: 'patient', requestDate: daysBefore(asOf, 27) }) // due in 3 days
    await repo.create({ ...base, requesterType: 'patient', requestDate: daysBefore(asOf, 35) }) // 5 days late
    await repo.create({ ...base, requesterType: 'patient', requestDate: daysBefore(asOf, 2) }) // due in 28 days
    await repo.create({ ...base, requesterType: 'treatment', requester: 'Dr. Webb', recipientName: 'Dr. Webb', requestDate: asOf }) // no statutory deadline
    expect(await releaseDeadlines(sql, asOf)).toEqual({ open: 4, dueWithin5Days: 1, overdue: 1 })
    const stats = await computeStats(catalog, sql, { to: asOf, delinquentAfterDays: 30, clock: createClock() })
    expect(stats.releases).toEqual({ open: 4, dueWithin5Days: 1, overdue: 1 })
    expect(formatStats(stats).join('\n')).toMatch(/releases\s+4 open; 1 due within 5 days, 1 past their deadline/)
    catalog.close()
  })
})
