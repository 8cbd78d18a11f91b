import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Command } from 'commander'
import { afterEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { registerCheckCommands } from '../../../src/cli/commands/check.js'
import { checkCharts } from '../../../src/deficiencies/check.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { evaluate } from '../../../src/rules/evaluate.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import type { RuleSet } from '../../../src/rules/types.js'
import { chart, doc, edit, scratchRules, STARTER_DIR } from '../rules/helpers.js'

const rs = loadRuleSet(STARTER_DIR)
const completeLab = {
  labName: 'Riverbend Reference Laboratory',
  labAddress: '400 Mill Street',
  reportDate: '2025-06-03',
  collectionDate: '2025-06-01',
  testName: 'Hemoglobin A1c',
  result: '6.1 %',
  referenceRange: '4.0 - 5.6 %',
}
const labMissingRange = () =>
  chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', fields: { ...completeLab, referenceRange: null } })] })
const labComplete = () => chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', fields: completeLab })] })

/** The action text of the ChartclerkError fn throws (what the person reads). */
function actionOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    return (err as { action?: string }).action ?? String(err)
  }
  return '(did not throw)'
}

const open: Catalog[] = []
const dirs: string[] = []
afterEach(() => {
  for (const c of open.splice(0)) c.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function repo(): DeficienciesRepo {
  const c = openCatalog(':memory:')
  open.push(c)
  return new DeficienciesRepo(c.db)
}

describe('deficiencies', () => {
  it('a check opens a deficiency with its history; the same check again changes nothing', () => {
    const r = repo()
    const first = r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-06-30T08:00:00Z' })
    expect(first.changes.map((c) => [c.change, c.ruleId, c.documentId])).toEqual([['opened', 'D05', 'lab-1']])
    const [d] = r.list()
    expect(d).toMatchObject({
      chartMrn: 'MRN200001',
      ruleId: 'D05',
      status: 'open',
      kind: 'missing_field',
      rulesetVersion: rs.version,
      subject: 'lab-1',
    })
    expect(r.history(d!.id).map((h) => [h.by, h.fromStatus, h.toStatus, h.rulesetVersion])).toEqual([
      ['chartclerk', null, 'open', rs.version],
    ])
    const again = r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-07-01T08:00:00Z' })
    expect(again.changes).toEqual([])
    expect(again.unchanged).toBe(1)
    expect(r.list()).toHaveLength(1)
    expect(r.get(d!.id)?.lastSeenAt).toBe('2025-07-01T08:00:00Z')
  })

  it("each check records the chart's last check and the rule set that judged it, also a check that finds nothing", () => {
    const r = repo()
    expect(r.lastCheck('MRN200001')).toBeNull()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs, { at: '2025-06-30T08:00:00Z' })
    expect(r.lastCheck('MRN200001')).toEqual({ checkedAt: '2025-06-30T08:00:00Z', checkedBy: 'chartclerk', rulesetVersion: rs.version })
    const other = { version: 'rs-0123456789ab', rules: rs.rules }
    const plan = r.recordCheck('MRN200001', evaluate(rs, labComplete()), other, { at: '2025-07-01T08:00:00Z', by: 'mlopez' })
    expect(plan.changes.map((c) => c.change)).toEqual(['auto_completed'])
    expect(r.lastCheck('MRN200001')).toEqual({ checkedAt: '2025-07-01T08:00:00Z', checkedBy: 'mlopez', rulesetVersion: 'rs-0123456789ab' })
    // A clean check of a chart with no deficiency at all is recorded too; a dry run is not.
    r.recordCheck('MRN200002', [], rs, { at: '2025-07-02T08:00:00Z' })
    expect(r.lastCheck('MRN200002')?.rulesetVersion).toBe(rs.version)
    const third = chart()
    third.patient.mrn = 'MRN200003'
    checkCharts(rs, [third], r, { dryRun: true })
    expect(r.lastCheck('MRN200003')).toBeNull()
  })

  it('GIVEN an open deficiency WHEN the document is completed THEN a re-check completes it automatically, with the reason', () => {
    const r = repo()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const plan = r.recordCheck('MRN200001', evaluate(rs, labComplete()), rs)
    expect(plan.changes.map((c) => [c.change, c.reason])).toEqual([['auto_completed', `no longer found by rule set ${rs.version}`]])
    const d = r.list({ status: 'completed' })[0]!
    expect(d).toMatchObject({ completedBy: 'chartclerk', statusReason: `no longer found by rule set ${rs.version}` })
    // a person verifies it
    expect(r.transition(d.id, 'verified', { by: 'records.lead' }).status).toBe('verified')
    expect(r.history(d.id).map((h) => h.toStatus)).toEqual(['open', 'completed', 'verified'])
  })

  it('a waived deficiency stays waived while the rule keeps finding the same thing; waiving needs a reason', () => {
    const r = repo()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = r.list()[0]!.id
    expect(actionOf(() => r.transition(id, 'waived', { by: 'records.lead' }))).toMatch(/Say why/)
    r.transition(id, 'waived', { by: 'records.lead', reason: 'This lab never reports a range for this test' })
    const plan = r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    expect(plan.changes).toEqual([])
    expect(plan.suppressed).toBe(1)
    expect(r.list({ status: 'waived' })).toHaveLength(1)
    expect(r.list({ status: 'open' })).toHaveLength(0)
  })

  it('a deficiency marked completed by a person is reopened when the rule still finds it', () => {
    const r = repo()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = r.list()[0]!.id
    r.transition(id, 'completed', { by: 'clerk.ana', reason: 'requested the range by fax' })
    const plan = r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    expect(plan.changes.map((c) => c.change)).toEqual(['reopened'])
    expect(r.get(id)).toMatchObject({ status: 'open', completedBy: null })
    expect(r.history(id).map((h) => `${h.fromStatus}->${h.toStatus}`)).toEqual(['null->open', 'open->completed', 'completed->open'])
  })

  it('a rule change: a changed message updates the deficiency; a removed rule completes it with that reason', () => {
    const dir = scratchRules()
    dirs.push(dir)
    const r = repo()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    edit(dir, 'D05-lab-report.json', (s) =>
      s.replace('Ask the laboratory for a complete report.', 'Call the laboratory.').replace('"version": 1', '"version": 2'),
    )
    const changed: RuleSet = loadRuleSet(dir)
    const upd = r.recordCheck('MRN200001', evaluate(changed, labMissingRange()), changed)
    expect(upd.changes.map((c) => c.change)).toEqual(['updated'])
    expect(r.list()[0]).toMatchObject({
      message: 'Lab report is missing: reference interval. Call the laboratory.',
      ruleVersion: 2,
      rulesetVersion: changed.version,
    })
    rmSync(path.join(dir, 'D05-lab-report.json'))
    const without = loadRuleSet(dir)
    const gone = r.recordCheck('MRN200001', evaluate(without, labMissingRange()), without)
    expect(gone.changes.map((c) => [c.change, c.reason])).toEqual([
      ['auto_completed', `rule D05 is no longer in the rule set (${without.version})`],
    ])
  })

  it('illegal transitions are refused; the history is append-only', () => {
    const r = repo()
    r.recordCheck('MRN200001', evaluate(rs, labMissingRange()), rs)
    const id = r.list()[0]!.id
    expect(actionOf(() => r.transition(id, 'verified', { by: 'records.lead' }))).toMatch(
      /is open; it can only become completed or waived or rejected, not verified/,
    )
    expect(actionOf(() => r.transition(999, 'completed', { by: 'x' }))).toMatch(/no deficiency 999/)
    const db = open[0]!.db
    expect(() => db.prepare('DELETE FROM deficiency_history').run()).toThrow(/append-only/)
    expect(() => db.prepare("UPDATE deficiency_history SET by = 'someone else'").run()).toThrow(/append-only/)
  })

  it('a dry run (check --diff) says what would change and records nothing', () => {
    const r = repo()
    const run = checkCharts(rs, [labMissingRange(), chart({ patient: { ...labComplete().patient, mrn: 'MRN200002' }, consents: [] })], r, {
      dryRun: true,
    })
    expect(run.totals).toMatchObject({ charts: 2, opened: 2, autoCompleted: 0 })
    expect(r.list({ status: DEFICIENCY_ALL })).toHaveLength(0)
  })
})

const DEFICIENCY_ALL = ['open', 'completed', 'verified', 'waived', 'rejected'] as (
  'open' | 'completed' | 'verified' | 'waived' | 'rejected'
)[]

describe('chartclerk check and deficiency commands', () => {
  async function run(args: string[], data: string): Promise<{ lines: string[]; code: number }> {
    const lines: string[] = []
    let code = -1
    const program = new Command()
      .exitOverride()
      .option('-c, --config <file>')
      .option('-d, --data <dir>')
      .option('--inbox <dir>')
      .option('--json')
    registerCheckCommands(program, { out: (l) => lines.push(l), setExitCode: (c) => (code = c) })
    await program.parseAsync(['node', 'chartclerk', '--data', data, ...args])
    return { lines, code }
  }

  it('check --diff shows the changes and records nothing; check records them; a second check changes nothing', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'cc-check-'))
    dirs.push(data)
    const charts = path.join(data, 'charts.jsonl')
    writeFileSync(
      charts,
      `${JSON.stringify(labMissingRange())}\n${JSON.stringify({ ...labComplete(), patient: { ...labComplete().patient, mrn: 'MRN200002' } })}\n`,
    )
    const diff = await run(['check', '--charts', charts, '--rules', STARTER_DIR, '--diff'], data)
    expect(diff.lines[0]).toMatch(/^\+ opened\s+MRN200001 D05 lab-1: Lab report is missing: reference interval\./)
    expect(diff.lines.at(-1)).toMatch(/^would change \(nothing recorded\): 2 chart\(s\).* 1 opened.* 0 open in all$/)
    expect(diff.code).toBe(1)
    const first = await run(['check', '--charts', charts, '--rules', STARTER_DIR], data)
    expect(first.lines.at(-1)).toMatch(/1 opened.* 1 open in all$/)
    expect(first.code).toBe(1)
    // what it found, per chart: rule, document, message
    expect(first.lines).toContain('MRN200001: 1 open deficiency')
    expect(
      first.lines.find((l) =>
        /^ {2}#\d+ D05 document lab-1 \(\w+\): Lab report is missing: reference interval\. Ask the laboratory for a complete report\.$/.test(
          l,
        ),
      ),
    ).toBeTruthy()
    const second = await run(['check', '--charts', charts, '--rules', STARTER_DIR, '--json'], data)
    expect(JSON.parse(second.lines.at(-1)!)).toMatchObject({ type: 'summary', opened: 0, unchanged: 1, open: 1 })
    // a second run, where nothing changed, still names what is wrong
    expect(second.lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        type: 'deficiency',
        chart: 'MRN200001',
        ruleId: 'D05',
        documentId: 'lab-1',
        status: 'open',
        message: 'Lab report is missing: reference interval. Ask the laboratory for a complete report.',
      }),
    ])
    const list = await run(['deficiency', 'list', '--json'], data)
    const d = JSON.parse(list.lines[0]!) as { id: number; ruleId: string }
    expect(d.ruleId).toBe('D05')
    const set = await run(
      ['deficiency', 'set', String(d.id), 'waived', '--by', 'records.lead', '--reason', 'range not reported for this test'],
      data,
    )
    expect(set.lines).toEqual([`#${d.id} is now waived`])
    const hist = await run(['deficiency', 'history', String(d.id)], data)
    expect(hist.lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      `chartclerk: - -> open (found by rule D05 version 1) [${rs.version}]`,
      'records.lead: open -> waived (range not reported for this test)',
    ])
  })
})
