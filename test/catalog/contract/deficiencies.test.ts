/**
 * Contract of the deficiencies repository (src/deficiencies/repo.ts), the chart's last check
 * (chart_checks) and the rule set numbers (src/deficiencies/rulesetVersions.ts): the same tests on
 * SQLite and on PostgreSQL, where several workers check charts into one catalog.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { sql as raw } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCharts } from '../../../src/deficiencies/check.js'
import { DeficienciesRepo, type DeficiencyStatus } from '../../../src/deficiencies/repo.js'
import { RulesetVersions } from '../../../src/deficiencies/rulesetVersions.js'
import { evaluate } from '../../../src/rules/evaluate.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import type { RuleSet } from '../../../src/rules/types.js'
import { chart, doc, edit, scratchRules, STARTER_DIR, completeLab, labComplete, labMissingRange } from '../../unit/rules/helpers.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const rs = loadRuleSet(STARTER_DIR)
const ALL: DeficiencyStatus[] = ['open', 'completed', 'verified', 'waived', 'rejected']

/** The action text of the ChartclerkError the promise rejects with (what the person reads). */
async function actionOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    return (err as { action?: string }).action ?? String(err)
  }
  return '(did not throw)'
}

describe.each(engines)('deficiencies on $name', (engine) => {
  // The history is append-only (it refuses DELETE and TRUNCATE), so each test has its own catalog.
  let cat: OpenedCatalog
  let r: DeficienciesRepo
  const dirs: string[] = []
  beforeEach(async () => {
    cat = await engine.open()
    r = new DeficienciesRepo(cat.sql)
  })
  afterEach(async () => {
    await cat?.close()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('a check opens a deficiency with its history; the same check again changes nothing', async () => {
    const first = await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-06-30T08:00:00Z' })
    expect(first.changes.map((c) => [c.change, c.ruleId, c.documentId])).toEqual([['opened', 'D05', 'lab-1']])
    const [d] = await r.list()
    expect(d).toMatchObject({
      chartMrn: 'MRN200001',
      ruleId: 'D05',
      status: 'open',
      kind: 'missing_field',
      rulesetVersion: rs.version,
      subject: 'lab-1',
      page: null,
      assignedTo: null,
    })
    expect(typeof d!.id).toBe('number')
    expect((await r.history(d!.id)).map((h) => [h.by, h.fromStatus, h.toStatus, h.rulesetVersion])).toEqual([
      ['chartclerk', null, 'open', rs.version],
    ])
    const again = await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-07-01T08:00:00Z' })
    expect(again.changes).toEqual([])
    expect(again.unchanged).toBe(1)
    expect(await r.list()).toHaveLength(1)
    expect((await r.get(d!.id))?.lastSeenAt).toBe('2025-07-01T08:00:00Z')
    expect(await r.get(d!.id + 1000)).toBeNull()
  })

  it("each check records the chart's last check and the rule set that judged it, also a check that finds nothing", async () => {
    expect(await r.lastCheck('MRN200001')).toBeNull()
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-06-30T08:00:00Z' })
    expect(await r.lastCheck('MRN200001')).toEqual({
      checkedAt: '2025-06-30T08:00:00Z',
      checkedBy: 'chartclerk',
      rulesetVersion: rs.version,
    })
    const other = { version: 'rs-0123456789ab', rules: rs.rules }
    const plan = await r.recordCheck('MRN200001', evaluate(rs, labComplete()), other, { at: '2025-07-01T08:00:00Z', by: 'mlopez' })
    expect(plan.changes.map((c) => c.change)).toEqual(['auto_completed'])
    expect(await r.lastCheck('MRN200001')).toEqual({
      checkedAt: '2025-07-01T08:00:00Z',
      checkedBy: 'mlopez',
      rulesetVersion: 'rs-0123456789ab',
    })
    // A clean check of a chart with no deficiency at all is recorded too; a dry run is not.
    await r.recordCheck('MRN200002', [], rs, { at: '2025-07-02T08:00:00Z' })
    expect((await r.lastCheck('MRN200002'))?.rulesetVersion).toBe(rs.version)
    const third = chart()
    third.patient.mrn = 'MRN200003'
    await checkCharts(rs, [third], r, { dryRun: true })
    expect(await r.lastCheck('MRN200003')).toBeNull()
    expect(await r.lastCheckOfAny()).toEqual({ at: '2025-07-01T08:00:00Z', rulesetVersion: 'rs-0123456789ab' })
  })

  it('GIVEN an open deficiency WHEN the document is completed THEN a re-check completes it automatically, with the reason', async () => {
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const plan = await r.recordCheck('MRN200001', evaluate(rs, labComplete()), rs)
    expect(plan.changes.map((c) => [c.change, c.reason])).toEqual([['auto_completed', `no longer found by rule set ${rs.version}`]])
    const d = (await r.list({ status: 'completed' }))[0]!
    expect(d).toMatchObject({ completedBy: 'chartclerk', statusReason: `no longer found by rule set ${rs.version}` })
    // a person verifies it
    expect((await r.transition(d.id, 'verified', { by: 'records.lead' })).status).toBe('verified')
    expect((await r.history(d.id)).map((h) => h.toStatus)).toEqual(['open', 'completed', 'verified'])
    expect(await r.get(d.id)).toMatchObject({ decidedBy: 'records.lead', status: 'verified' })
  })

  it('a waived deficiency stays waived while the rule keeps finding the same thing; waiving needs a reason', async () => {
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = (await r.list())[0]!.id
    expect(await actionOf(r.transition(id, 'waived', { by: 'records.lead' }))).toMatch(/Say why/)
    await r.transition(id, 'waived', { by: 'records.lead', reason: 'This lab never reports a range for this test' })
    const plan = await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    expect(plan.changes).toEqual([])
    expect(plan.suppressed).toBe(1)
    expect(await r.list({ status: 'waived' })).toHaveLength(1)
    expect(await r.list({ status: 'open' })).toHaveLength(0)
    // Reopened by a person, the next check finds it open and leaves it so.
    await r.transition(id, 'open', { by: 'records.lead', reason: 'the lab does report ranges after all' })
    expect((await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)).unchanged).toBe(1)
  })

  it('a deficiency marked completed by a person is reopened when the rule still finds it', async () => {
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = (await r.list())[0]!.id
    await r.transition(id, 'completed', { by: 'clerk.ana', reason: 'requested the range by fax' })
    expect(await r.get(id)).toMatchObject({ status: 'completed', completedBy: 'clerk.ana' })
    const plan = await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    expect(plan.changes.map((c) => c.change)).toEqual(['reopened'])
    expect(await r.get(id)).toMatchObject({ status: 'open', completedBy: null })
    expect((await r.history(id)).map((h) => `${h.fromStatus}->${h.toStatus}`)).toEqual(['null->open', 'open->completed', 'completed->open'])
  })

  it('a rule change: a changed message updates the deficiency; a removed rule completes it with that reason', async () => {
    const dir = scratchRules()
    dirs.push(dir)
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    edit(dir, 'D05-lab-report.json', (s) =>
      s.replace('Ask the laboratory for a complete report.', 'Call the laboratory.').replace('"version": 1', '"version": 2'),
    )
    const changed: RuleSet = loadRuleSet(dir)
    const upd = await r.recordCheck('MRN200001', evaluate(changed, labMissingRange()), changed)
    expect(upd.changes.map((c) => c.change)).toEqual(['updated'])
    expect((await r.list())[0]).toMatchObject({
      message: 'Lab report is missing: reference interval. Call the laboratory.',
      ruleVersion: 2,
      rulesetVersion: changed.version,
    })
    rmSync(path.join(dir, 'D05-lab-report.json'))
    const without = loadRuleSet(dir)
    const gone = await r.recordCheck('MRN200001', evaluate(without, labMissingRange()), without)
    expect(gone.changes.map((c) => [c.change, c.reason])).toEqual([
      ['auto_completed', `rule D05 is no longer in the rule set (${without.version})`],
    ])
  })

  it('illegal transitions are refused; the history is append-only', async () => {
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = (await r.list())[0]!.id
    expect(await actionOf(r.transition(id, 'verified', { by: 'records.lead' }))).toMatch(
      /is open; it can only become completed or waived or rejected, not verified/,
    )
    expect(await actionOf(r.transition(999, 'completed', { by: 'x' }))).toMatch(/no deficiency 999/)
    expect(await actionOf(r.transition(id, 'completed', { by: ' ' }))).toMatch(/Say who/)
    await expect(raw`DELETE FROM deficiency_history`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    await expect(raw`UPDATE deficiency_history SET by = 'someone else'`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    expect((await r.history(id)).map((h) => h.by)).toEqual(['chartclerk'])
  })

  it('assigning is kept in the history without a status change; lists filter by chart, status, rule and kind', async () => {
    await r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-06-30T08:00:00Z' })
    await r.recordCheck(
      'MRN200002',
      evaluate(rs, { ...labMissingRange(), patient: { ...labMissingRange().patient, mrn: 'MRN200002' } }),
      rs,
      {
        at: '2025-06-30T09:00:00Z',
      },
    )
    const [a, b] = await r.list()
    expect([a!.chartMrn, b!.chartMrn]).toEqual(['MRN200001', 'MRN200002'])
    expect(await r.assign(a!.id, 'clerk.ana', { by: 'records.lead', at: '2025-07-01T08:00:00Z' })).toMatchObject({
      assignedTo: 'clerk.ana',
      status: 'open',
    })
    expect((await r.history(a!.id)).at(-1)).toMatchObject({ fromStatus: 'open', toStatus: 'open', reason: 'assigned to clerk.ana' })
    expect((await r.assign(a!.id, null, { by: 'records.lead' })).assignedTo).toBeNull()
    expect(await actionOf(r.assign(999, 'x', { by: 'y' }))).toMatch(/no deficiency 999/)
    expect((await r.list({ chartMrn: 'MRN200002' })).map((d) => d.id)).toEqual([b!.id])
    expect(await r.list({ status: [] })).toEqual([])
    expect(await r.list({ ruleId: 'D05', kind: 'missing_field', limit: 1 })).toHaveLength(1)
    expect(await r.list({ ruleId: 'nope' })).toEqual([])
    await r.transition(b!.id, 'rejected', { by: 'records.lead', reason: 'not our lab' })
    const counts = await r.ruleCounts()
    expect(counts.get('D05')).toEqual({
      byStatus: { open: 1, rejected: 1 },
      lastSeenAt: '2025-06-30T09:00:00Z',
      lastSeenRuleset: rs.version,
    })
    const changes = await r.statusChanges()
    expect(changes.filter((c) => c.deficiencyId === b!.id).map((c) => c.toStatus)).toEqual(['open', 'rejected'])
    expect(changes.map((c) => c.deficiencyId)).toEqual([...changes.map((c) => c.deficiencyId)].sort((x, y) => x - y))
  })

  it('a dry run (check --diff) says what would change and records nothing', async () => {
    const run = await checkCharts(
      rs,
      [labMissingRange(), chart({ patient: { ...labComplete().patient, mrn: 'MRN200002' }, consents: [] })],
      r,
      { dryRun: true },
    )
    expect(run.totals).toMatchObject({ charts: 2, opened: 2, autoCompleted: 0 })
    expect(await r.list({ status: ALL })).toHaveLength(0)
  })

  it('two desks checking the same chart at once open each deficiency once', async () => {
    const other = cat.another ? new DeficienciesRepo(await cat.another()) : r
    const findings = evaluate(rs, labMissingRange())
    const plans = await Promise.all([
      r.recordCheck('MRN200001', findings, rs),
      other.recordCheck('MRN200001', findings, rs),
      r.recordCheck('MRN200001', findings, rs),
      other.recordCheck('MRN200001', findings, rs),
    ])
    expect(plans.flatMap((p) => p.changes.map((c) => c.change))).toEqual(['opened'])
    expect(plans.reduce((n, p) => n + p.unchanged, 0)).toBe(3)
    expect(await r.list({ status: ALL })).toHaveLength(1)
  })

  it('rule set versions are numbered in the order first used, and keep their first number and time', async () => {
    const versions = new RulesetVersions(cat.sql)
    await versions.record('rs-aaaaaaaaaaaa', '2026-12-01T09:00:00.000Z')
    await versions.record('rs-bbbbbbbbbbbb', '2026-12-03T09:00:00.000Z')
    await versions.record('rs-aaaaaaaaaaaa', '2026-12-05T09:00:00.000Z')
    await versions.record('not a version', '2026-12-05T09:00:00.000Z')
    expect(await versions.label('rs-aaaaaaaaaaaa')).toMatchObject({ number: 1, since: '2026-12-01T09:00:00.000Z' })
    expect((await versions.label('rs-bbbbbbbbbbbb')).number).toBe(2)
    expect((await versions.label('rs-cccccccccccc')).number).toBeNull()
    expect([...(await versions.all()).keys()]).toEqual(['rs-aaaaaaaaaaaa', 'rs-bbbbbbbbbbbb'])
    // A check under a new rule set numbers it too.
    await r.recordCheck('MRN200001', [], { version: 'rs-cccccccccccc', rules: rs.rules }, { at: '2026-12-06T09:00:00.000Z' })
    expect(await versions.label('rs-cccccccccccc')).toMatchObject({ number: 3, since: '2026-12-06T09:00:00.000Z' })
  })
})
