/**
 * Every command-line action and view of patient data, and the desk's chart list, patient
 * look-up and review queue, leave an audit row: who (--by, else the OS user, and the OS user
 * beside a --by name), from where (cli@host), what. Through the real program (src/cli/main.ts)
 * over the same scratch catalog the desk uses. All data made up.
 */
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AuditRow } from '../../../src/audit/log.js'
import { main } from '../../../src/cli/main.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import type { Finding } from '../../../src/rules/types.js'
import { SAMPLES } from '../../helpers/workspace.js'
import { makeDesk, MRN_PATTERN, seedDocument, type Desk } from './helpers.js'

let desk: Desk
let filedId: number
let reviewId: number
let defId: number
const me = (() => {
  try {
    return os.userInfo().username
  } catch {
    return 'unknown'
  }
})()

beforeAll(async () => {
  vi.stubEnv('CHARTCLERK_MRN_PATTERN', MRN_PATTERN)
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
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
  filedId = await seedDocument(desk.app, {
    status: 'filed',
    mrn: 'CC-101902',
    docType: 'lab_report',
    text: 'Made-up lab report: calcium 9.4',
    details: { extraction },
  })
  reviewId = await seedDocument(desk.app, {
    status: 'needs_review',
    mrn: null,
    docType: 'lab_report',
    text: 'Made-up lab report: who is this for?',
  })
  const finding: Finding = {
    ruleId: 'C01',
    ruleVersion: 1,
    kind: 'missing_signature',
    severity: 'error',
    documentId: String(filedId),
    subject: String(filedId),
    message: 'Lab report is not signed',
    rulesetVersion: 't1',
  }
  await new DeficienciesRepo(desk.app.sql).recordCheck('CC-101902', [finding], { version: 't1', rules: [] })
  defId = (await new DeficienciesRepo(desk.app.sql).list({ chartMrn: 'CC-101902' }))[0]!.id
}, 120_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  await desk?.close()
})

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true))
  process.exitCode = undefined
  try {
    return { code: await main(['node', 'chartclerk', '--data', desk.ws.data, '--inbox', desk.ws.inbox, ...args]), out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
    process.exitCode = undefined
  }
}

const newest = async (action: string): Promise<AuditRow | undefined> => (await desk.deps.audit.search({ action })).rows[0]

/** Runs the command and returns the audit row it wrote (the newest of that action, newer than before). */
async function rowOf(action: string, ...args: string[]): Promise<AuditRow> {
  const before = (await newest(action))?.id ?? 0
  const r = await cli(...args)
  expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0)
  const row = await newest(action)
  expect(row, `${args.join(' ')} wrote no ${action} row`).toBeDefined()
  expect(row!.id).toBeGreaterThan(before)
  expect(row!.source).toMatch(/^cli@/)
  return row!
}

describe('command-line actions', () => {
  it('patients import', async () => {
    const row = await rowOf('patients.import', 'patients', 'import', path.join(SAMPLES, 'patients.csv'))
    expect(row.actor).toBe(me)
    expect(row.detail.mrns).toContain('CC-101902')
  })

  it('review resolve: --by is the actor, the OS user is kept beside it', async () => {
    const row = await rowOf(
      'review.settle',
      'review',
      'resolve',
      String(reviewId),
      '--patient',
      'CC-101388',
      '--type',
      'lab_report',
      '--by',
      'clerk a',
    )
    expect(row).toMatchObject({ actor: 'clerk a', targetId: String(reviewId), patientMrn: 'CC-101388' })
    expect(row.detail.osUser).toBe(me === 'clerk a' ? undefined : me)
  })

  it('deficiency assign and set (the OS user without --by)', async () => {
    const assign = await rowOf('deficiency.assign', 'deficiency', 'assign', String(defId), 'clerk1')
    expect(assign).toMatchObject({ actor: me, targetId: String(defId), patientMrn: 'CC-101902' })
    const set = await rowOf('deficiency.status', 'deficiency', 'set', String(defId), 'completed')
    expect(set).toMatchObject({ actor: me, patientMrn: 'CC-101902', detail: { from: 'open', to: 'completed' } })
  })

  it('hold add and remove', async () => {
    expect(await rowOf('retention.hold', 'hold', 'add', 'CC-101902', '--reason', 'litigation (made up)')).toMatchObject({
      actor: me,
      patientMrn: 'CC-101902',
    })
    expect(await rowOf('retention.release', 'hold', 'remove', 'CC-101902', '--reason', 'settled', '--by', 'records lead')).toMatchObject({
      actor: 'records lead',
      patientMrn: 'CC-101902',
    })
  })

  it('purge, listing and approving', async () => {
    expect((await rowOf('retention.purge', 'purge', '--dry-run')).detail).toMatchObject({ dryRun: true })
    expect((await rowOf('retention.purge', 'purge', '--approve')).detail).toMatchObject({ destroyed: 0 })
  })
})

describe('release of information on the command line', () => {
  it('to the patient: held until identity is verified; each step audited', async () => {
    const created = await rowOf(
      'release.create',
      'release',
      'create',
      '--mrn',
      'CC-101902',
      '--requester',
      'John Smith (made up)',
      '--type',
      'patient',
      '--recipient',
      'John Smith (made up)',
      '--purpose',
      'own copy',
      '--types',
      'lab_report',
    )
    expect(created.actor).toBe(me)
    const ref = created.targetId!
    const held = await cli('release', 'package', ref)
    expect(held.code).toBe(3)
    expect(held.err).toMatch(/identity is not verified[\s\S]*release verify-identity/)
    expect(await rowOf('release.identity', 'release', 'verify-identity', ref, '--how', 'driver licence (made up)')).toMatchObject({
      actor: me,
      patientMrn: 'CC-101902',
    })
    expect(await rowOf('release.package', 'release', 'package', ref)).toMatchObject({ actor: me, targetId: ref })
    expect(await rowOf('release.sent', 'release', 'sent', ref)).toMatchObject({ actor: me, targetId: ref })
    expect(await rowOf('release.accounting', 'release', 'accounting', 'CC-101902')).toMatchObject({ patientMrn: 'CC-101902' })
    expect(await rowOf('release.list', 'release', 'list', '--all')).toMatchObject({ actor: me })
  })
})

describe('command-line views of patient data', () => {
  it('document show', async () => {
    expect(await rowOf('document.view', 'document', 'show', String(filedId))).toMatchObject({
      actor: me,
      targetId: String(filedId),
      patientMrn: 'CC-101902',
    })
  })
  it('chart show', async () => {
    expect(await rowOf('chart.view', 'chart', 'show', 'CC-101902')).toMatchObject({ actor: me, patientMrn: 'CC-101902' })
  })
  it('review list', async () => {
    expect(await rowOf('review.list', 'review', 'list')).toMatchObject({ actor: me })
  })
  it('deficiency list and route list', async () => {
    expect((await rowOf('deficiency.list', 'deficiency', 'list', '--status', 'completed')).detail.mrns).toContain('CC-101902')
    expect(await rowOf('routing.queue', 'route', 'list', '--all')).toMatchObject({ actor: me })
  })
  it('reports: deficiencies and chart prep', async () => {
    const rep = await rowOf('deficiency.report', 'report', 'deficiencies', '--format', 'json')
    expect(rep).toMatchObject({ actor: me, targetId: 'deficiencies' })
    expect((rep.detail.mrns as string[]).length).toBe(rep.detail.charts)
    expect(await rowOf('report.view', 'prep', '--date', '2026-03-02')).toMatchObject({ actor: me, targetId: 'prep' })
  })
})

describe('impossible dates on the command line', () => {
  it('stats --from 2026-02-30 and prep --date 2026-13-01 are bad usage naming the option', async () => {
    const stats = await cli('stats', '--from', '2026-02-30')
    expect(stats.code).toBe(2)
    expect(stats.err).toContain('--from')
    expect(stats.err).not.toContain('INTERNAL')
    const prep = await cli('prep', '--date', '2026-13-01')
    expect(prep.code).toBe(2)
    expect(prep.err).toContain('--date')
  })
})

describe('desk pages', () => {
  it('the chart list, the patient look-up and the review queue write audit rows', async () => {
    const c = await desk.login('clerk1')
    expect((await c.get('/charts')).status).toBe(200)
    expect(await newest('chart.list')).toMatchObject({ actor: 'clerk1' })
    expect((await c.get('/charts?q=Smith')).status).toBe(200)
    expect(await newest('patient.lookup')).toMatchObject({ actor: 'clerk1', detail: { q: 'Smith' } })
    expect((await c.get('/patients/lookup?q=CC-1019', { 'HX-Request': 'true' })).status).toBe(200)
    expect((await newest('patient.lookup'))!.detail).toMatchObject({ q: 'CC-1019' })
    expect((await c.get('/review')).status).toBe(200)
    expect(await newest('review.list')).toMatchObject({ actor: 'clerk1', source: 'in-process' })
  })
})
