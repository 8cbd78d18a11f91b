/**
 * Contract of the destruction repository (src/retention/destroyed.ts), the same on SQLite and on
 * PostgreSQL: certificates of destruction numbered from their row, kept with the tombstones of
 * what they destroyed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DestructionRepo, type Tombstone } from '../../../src/retention/destroyed.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const tomb = (documentId: number, o: Partial<Tombstone> = {}): Omit<Tombstone, 'certificateId' | 'destroyedAt'> => ({
  documentId,
  patientMrn: 'CC-100418',
  docType: 'lab_report',
  sha256: `${documentId}`.padStart(64, 'a'),
  originalName: `scan-${documentId}.pdf`,
  dateOfService: '2015-04-20',
  receivedAt: '2015-04-22T14:00:00.000Z',
  retainUntil: '2022-04-20',
  ...o,
})
const issuing = {
  destroyedOn: '2026-11-28',
  destroyedBy: 'Pat Lin',
  approvedBy: 'records lead',
  method: 'Electronic deletion',
  schedule: 'US-default',
}

describe.each(engines)('destruction on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: DestructionRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new DestructionRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('a certificate is numbered from its row, kept as issued, with a tombstone for each destroyed document', async () => {
    const at = '2026-11-28T16:00:00.000Z'
    const cert = await repo.record({ ...issuing, at }, [tomb(11), tomb(12, { dateOfService: null })], (id, number) => ({
      id,
      number,
      htmlKey: `certificates/destruction/${number}.html`,
    }))
    expect(cert.number).toBe(`COD-${String(cert.id).padStart(6, '0')}`)
    expect(await repo.certificate(cert.number)).toEqual({
      id: cert.id,
      number: cert.number,
      ...issuing,
      htmlKey: cert.htmlKey,
      data: cert,
      createdAt: at,
    })
    expect(await repo.certificate('COD-999999')).toBeUndefined()
    expect(await repo.tombstones('CC-100418')).toEqual([
      { ...tomb(11), certificateId: cert.id, destroyedAt: at },
      { ...tomb(12, { dateOfService: null }), certificateId: cert.id, destroyedAt: at },
    ])
    expect(await repo.tombstones('CC-200001')).toEqual([])
  })

  it("the chart's last destroyed date is the latest date of service, else the day the document came in", async () => {
    expect(await repo.lastDate('CC-100418')).toBeNull()
    const issue = (id: number, number: string) => ({ id, number, htmlKey: `${number}.html` })
    await repo.record({ ...issuing, at: '2026-11-28T16:00:00.000Z' }, [tomb(21, { dateOfService: '2014-01-05' })], issue)
    expect(await repo.lastDate('CC-100418')).toBe('2014-01-05')
    await repo.record(
      { ...issuing, at: '2026-11-29T16:00:00.000Z' },
      [tomb(22, { dateOfService: null, receivedAt: '2016-07-30T09:00:00.000Z' })],
      issue,
    )
    expect(await repo.lastDate('CC-100418')).toBe('2016-07-30')
    await repo.record(
      { ...issuing, at: '2026-11-29T16:00:00.000Z' },
      [tomb(23, { patientMrn: 'CC-200001', dateOfService: '2019-02-02' })],
      issue,
    )
    expect(await repo.lastDate('CC-100418')).toBe('2016-07-30')
  })

  it('a document tombstoned already keeps its first tombstone; a certificate that cannot be made leaves nothing', async () => {
    const issue = (id: number, number: string) => ({ id, number, htmlKey: `${number}.html` })
    const first = await repo.record({ ...issuing, at: '2026-11-28T16:00:00.000Z' }, [tomb(31)], issue)
    const second = await repo.record({ ...issuing, at: '2026-11-29T16:00:00.000Z' }, [tomb(31), tomb(32)], issue)
    expect((await repo.tombstones('CC-100418')).map((t) => [t.documentId, t.certificateId])).toEqual([
      [31, first.id],
      [32, second.id],
    ])
    await expect(
      repo.record({ ...issuing, at: '2026-11-30T16:00:00.000Z' }, [tomb(33)], () => {
        throw new Error('the facility name is missing')
      }),
    ).rejects.toThrow(/facility name/)
    expect((await repo.tombstones('CC-100418')).map((t) => t.documentId)).toEqual([31, 32])
    expect(await repo.certificate(`COD-${String(second.id + 1).padStart(6, '0')}`)).toBeUndefined()
  })
})
