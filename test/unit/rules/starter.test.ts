import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { registerRulesCommands } from '../../../src/cli/commands/rules.js'
import { DOCUMENT_TYPES } from '../../../src/model/types.js'
import { checkRuleSet, formatProblem, loadRuleSet } from '../../../src/rules/ruleset.js'
import { DEFICIENCY_KINDS } from '../../../src/rules/types.js'
import { STARTER_DIR } from './helpers.js'

async function runCli(args: string[]): Promise<{ lines: string[]; code: number }> {
  const lines: string[] = []
  let code = -1
  const program = new Command().exitOverride()
  registerRulesCommands(program, {
    out: (l) => lines.push(l),
    setExitCode: (c) => (code = c),
    defaultRulesDir: () => path.dirname(STARTER_DIR),
  })
  await program.parseAsync(['node', 'chartclerk', ...args])
  return { lines, code }
}

describe('the starter rule set', () => {
  it('loads with no problems: every file valid, every pass example passes and every fail example fails', () => {
    const r = checkRuleSet(STARTER_DIR)
    expect(r.problems.map(formatProblem)).toEqual([])
    expect(r.ruleset?.rules.map((x) => x.id)).toEqual([
      'C01',
      'C03',
      'C07',
      'D01',
      'D02',
      'D03',
      'D04',
      'D05',
      'D06',
      'D07',
      'D08',
      'D09',
      'D10',
      'D11',
      'D12',
      'D15',
    ])
    // every failing example produced a message with every placeholder filled in
    expect(r.exampleMessages.length).toBeGreaterThanOrEqual(30)
    for (const m of r.exampleMessages) expect(m.message).not.toContain('(unknown)')
  })

  it('has the kinds the domain asks for, and one YAML file', () => {
    const rs = loadRuleSet(STARTER_DIR)
    const kind = (id: string) => rs.rules.find((r) => r.id === id)?.kind
    expect(kind('D02')).toBe('missing_signature')
    expect(kind('D03')).toBe('invalid_date')
    expect(kind('D04')).toBe('illegible')
    expect(kind('D05')).toBe('missing_field')
    expect(kind('D15')).toBe('missing_pages')
    expect(kind('D01')).toBe('misfiled')
    expect(kind('C01')).toBe('missing_document')
    expect(kind('C03')).toBe('missing_document')
    expect(rs.rules.find((r) => r.id === 'D04')?.file).toMatch(/\.yaml$/)
    expect(rs.version).toMatch(/^rs-[0-9a-f]{12}$/)
  })

  it('`rules check` on the shipped folder exits 0 and names the folder and version', async () => {
    const { lines, code } = await runCli(['rules', 'check'])
    expect(code).toBe(0)
    expect(lines.join('\n')).toMatch(/16 rules loaded \(version rs-[0-9a-f]{12}\); every example behaves/)
    expect(lines.join('\n')).toMatch(/document types loaded/)
  })

  it('`rules check --json` prints one JSON object per line ending with a summary', async () => {
    const { lines, code } = await runCli(['rules', 'check', STARTER_DIR, '--json', '--messages'])
    expect(code).toBe(0)
    const objs = lines.map((l) => JSON.parse(l) as { type: string; ok?: boolean; rules?: number })
    expect(objs.at(-1)).toMatchObject({ type: 'summary', ok: true, rules: 16 })
    expect(objs.filter((o) => o.type === 'example').length).toBeGreaterThan(30)
  })

  it('`rules list` shows each rule with id, version, severity and kind', async () => {
    const { lines, code } = await runCli(['rules', 'list'])
    expect(code).toBe(0)
    expect(lines.find((l) => l.startsWith('D05'))).toMatch(
      /D05\s+v1\s+error\s+missing_field\s+Lab report has its required elements\s+\[lab_report\]/,
    )
  })

  it('rule.schema.json lists exactly the document types and deficiency kinds the code knows', () => {
    const schema = JSON.parse(readFileSync(path.join(STARTER_DIR, 'rule.schema.json'), 'utf8'))
    expect(schema.properties.appliesTo.else.items.enum).toEqual([...DOCUMENT_TYPES])
    expect(schema.properties.kind.enum).toEqual([...DEFICIENCY_KINDS])
  })
})
