import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Command } from 'commander'
import { afterEach, describe, expect, it } from 'vitest'
import { registerCheckCommands } from '../../../src/cli/commands/check.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import { chart, doc, STARTER_DIR, completeLab, labComplete, labMissingRange } from '../rules/helpers.js'

const rs = loadRuleSet(STARTER_DIR)

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

// The repository itself (on SQLite and PostgreSQL): test/catalog/contract/deficiencies.test.ts.
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
