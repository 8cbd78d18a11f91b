/** The one rule-file loader: every kind's problems name file:line:col and a JSON pointer. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DOCTYPES_KIND } from '../../../src/classify/doctypes.js'
import { packageRoot } from '../../../src/classify/paths.js'
import { PROTECTED_KIND } from '../../../src/release/protected.js'
import { RETENTION_KIND } from '../../../src/retention/schedule.js'
import { RULE_FILE_KINDS, RulesInForce } from '../../../src/rules/inForce.js'
import { formatProblem, requireKind } from '../../../src/rules/ruleFiles.js'
import { ROUTING_KIND } from '../../../src/routing/rules.js'

const dirs: string[] = []
function rulesCopy(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cc-rulefiles-'))
  dirs.push(d)
  for (const sub of ['checks', 'doctypes', 'routing'])
    cpSync(path.join(packageRoot(), 'rules', sub), path.join(d, sub), { recursive: true })
  cpSync(path.join(packageRoot(), 'rules', 'retention.json'), path.join(d, 'retention.json'))
  return d
}
const load = <T>(
  kind: { locate(d: string): string; load(l: string, cwd: string): { value: T | null; problems: Parameters<typeof formatProblem>[0][] } },
  d: string,
) => {
  const r = kind.load(kind.locate(d), d)
  return { value: r.value, messages: r.problems.map(formatProblem) }
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('one loader for every kind the records lead edits', () => {
  it('declares the five kinds', () => {
    expect(RULE_FILE_KINDS.map((k) => k.name)).toEqual(['checks', 'doctypes', 'routing', 'protected', 'retention'])
  })

  it('routing: an id used twice and a pattern that does not compile are refused at their places; no file is left out quietly', () => {
    const d = rulesCopy()
    writeFileSync(
      path.join(d, 'routing', 'T2.json'),
      '[\n  { "id": "T-A", "title": "a", "match": { "docTypes": ["lab_report"] }, "to": ["A"] },\n  { "id": "RT01", "title": "b", "match": { "facilityPattern": "Card(io" }, "to": ["B"] }\n]\n',
    )
    const r = load(ROUTING_KIND, d)
    expect(r.value).toBeNull()
    expect(r.messages).toEqual([
      expect.stringMatching(
        /^routing[/\\]T2\.json:3:5 \/1\/id: rule id "RT01" is already used in routing[/\\]RT01-results-to-primary-provider\.json/,
      ),
      expect.stringMatching(/^routing[/\\]T2\.json:3:44 \/1\/match\/facilityPattern: not a valid regular expression/),
    ])
  })

  it('routing: a wrong shape names the property, not the "one rule or a list" wrapper', () => {
    const d = rulesCopy()
    writeFileSync(
      path.join(d, 'routing', 'T3.json'),
      '{\n  "id": "T3",\n  "title": "c",\n  "match": { "docTypes": ["lab_report"] },\n  "to": "Dr. Webb"\n}\n',
    )
    expect(load(ROUTING_KIND, d).messages).toEqual([expect.stringMatching(/^routing[/\\]T3\.json:5:3 \/to: must be array$/)])
  })

  it('protected categories: optional; broken JSON is placed at the token V8 stopped at', () => {
    const d = rulesCopy()
    expect(load(PROTECTED_KIND, d).value?.map((c) => c.id)).toEqual(['psychotherapy_notes', 'part2'])
    writeFileSync(path.join(d, 'protected.json'), '{\n  "categories": [\n    { "id": "hiv", "keywords": ["HIV"] },\n  ]\n}\n')
    expect(load(PROTECTED_KIND, d).messages).toEqual(["protected.json:4:3: not valid JSON: Unexpected token ']'"])
    writeFileSync(path.join(d, 'protected.json'), '{ "categories": [ { "id": "hiv", "label": "HIV test results", "keywords": ["HIV"] } ] }')
    expect(load(PROTECTED_KIND, d).value?.map((c) => c.id)).toEqual(['psychotherapy_notes', 'part2', 'hiv'])
  })

  it('retention: the jurisdiction in force must be in the file; a missing file means no schedule', () => {
    const d = rulesCopy()
    writeFileSync(path.join(d, 'retention.json'), '{\n  "jurisdiction": "TX",\n  "jurisdictions": { "NY": { "adultYears": 6 } }\n}\n')
    expect(load(RETENTION_KIND, d).messages).toEqual(['retention.json:2:3 /jurisdiction: no jurisdiction "TX" below (have: NY)'])
    expect(() => requireKind(RETENTION_KIND, d, d)).toThrow(
      expect.objectContaining({ code: 'RULE_FILE_INVALID', action: expect.stringMatching(/retention\.json:2:3/) }),
    )
    rmSync(path.join(d, 'retention.json'))
    expect(load(RETENTION_KIND, d).value).toEqual({ file: null, jurisdiction: null, jurisdictions: {} })
  })

  it('RulesInForce keeps each kind at its last good version independently', () => {
    const d = rulesCopy()
    const rules = new RulesInForce(d, { cwd: d })
    rules.reload()
    expect(rules.status().map((s) => [s.kind, s.lastError])).toEqual([
      ['checks', null],
      ['doctypes', null],
      ['routing', null],
      ['protected', null],
      ['retention', null],
    ])
    const before = rules.routingRules()
    writeFileSync(path.join(d, 'routing', 'RT01-results-to-primary-provider.json'), '{ "id": "RT01" ')
    writeFileSync(path.join(d, 'retention.json'), '{ "jurisdiction": "NY", "jurisdictions": { "NY": { "adultYears": 10 } } }')
    rules.reload()
    expect(rules.routingRules()).toBe(before)
    expect(rules.routing.lastError?.messages[0]).toMatch(/^routing[/\\]RT01-results-to-primary-provider\.json:1:\d+: not valid JSON/)
    expect(rules.retentionRules().jurisdiction).toBe('NY')
    expect(rules.retention.lastError).toBeNull()
  })

  it('a rules folder whose routing folder is empty routes nothing (an empty folder is valid)', () => {
    const d = rulesCopy()
    rmSync(path.join(d, 'routing'), { recursive: true })
    mkdirSync(path.join(d, 'routing'))
    expect(load(ROUTING_KIND, d)).toEqual({ value: [], messages: [] })
  })

  it('unchanged files are not validated twice; an edit, even one of the same length, is read again and checked', () => {
    const d = rulesCopy()
    const where = DOCTYPES_KIND.locate(d)
    const first = DOCTYPES_KIND.load(where, d)
    expect(first.value?.types.length).toBeGreaterThan(0)
    expect(DOCTYPES_KIND.load(where, d)).toBe(first)
    const file = path.join(where, 'lab_report.json')
    const text = readFileSync(file, 'utf8')
    const title = (JSON.parse(text) as { title: string }).title
    const retitled = text.replace(JSON.stringify(title), JSON.stringify(title.replace(/./, 'X')))
    expect(retitled.length).toBe(text.length)
    writeFileSync(file, retitled)
    const second = DOCTYPES_KIND.load(where, d)
    expect(second).not.toBe(first)
    expect(second.value?.byType.get('lab_report')?.title).toBe(title.replace(/./, 'X'))
    writeFileSync(file, text.replace('"fields"', '"feilds"'))
    const broken = DOCTYPES_KIND.load(where, d)
    expect(broken.value).toBeNull()
    expect(DOCTYPES_KIND.load(where, d).value).toBeNull()
    writeFileSync(file, text)
    expect(DOCTYPES_KIND.load(where, d).value?.byType.get('lab_report')?.title).toBe(title)
  })
})
