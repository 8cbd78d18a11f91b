/**
 * A broken rule file is refused with `file:line:col /pointer: message`, and nothing loads.
 * Each case breaks one starter file in a scratch copy; the line named must be the line that
 * holds the mistake.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isChartclerkError } from '../../../src/errors.js'
import { checkRuleSet, formatProblem, loadRuleSet, RuleSetError } from '../../../src/rules/ruleset.js'
import { edit, scratchRules } from './helpers.js'

interface Case {
  name: string
  file: string
  change: (text: string) => string
  /** The problem expected (a formatted line must match). */
  expect: RegExp
  /** Text the named line must contain (proves the line number points at the mistake). */
  lineHas?: string
}

const cases: Case[] = [
  {
    name: 'bad JSON (a stray comma)',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('"version": 1,', '"version": 1,,'),
    expect: /^D05-lab-report\.json:4:\d+: not valid JSON: /,
    lineHas: ',,',
  },
  {
    name: 'unknown keyword (misspelt "required")',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('"required": [', '"requird": ['),
    expect: /^D05-lab-report\.json:\d+:\d+ \/schema\/properties\/fields\/requird: unknown keyword "requird" \(did you mean "required"\?\)/,
    lineHas: '"requird"',
  },
  {
    name: 'wrong type (version as text)',
    file: 'D06-radiology-report.json',
    change: (s) => s.replace('"version": 1', '"version": "1"'),
    expect: /^D06-radiology-report\.json:\d+:\d+ \/version: must be a whole number from 1 up/,
    lineHas: '"version"',
  },
  {
    name: 'bad regular expression in a pattern',
    file: 'D05-lab-report.json',
    change: (s) =>
      s.replace(
        '"fields": {\n        "type": "object",',
        '"fields": {\n        "type": "object",\n        "properties": { "labName": { "pattern": "([A-Z" } },',
      ),
    expect:
      /^D05-lab-report\.json:\d+:\d+ \/schema\/properties\/fields\/properties\/labName\/pattern: not a valid regular expression: .*Unterminated/,
    lineHas: '"pattern"',
  },
  {
    name: 'missing message',
    file: 'D07-discharge-summary.json',
    change: (s) => s.replace(/\n {2}"message": .*\n/, '\n'),
    expect: /^D07-discharge-summary\.json:1:1: missing property "message"$/,
  },
  {
    name: 'message misspelt as a key',
    file: 'D07-discharge-summary.json',
    change: (s) => s.replace('"message":', '"mesage":'),
    expect: /^D07-discharge-summary\.json:\d+:3 \/mesage: unknown property "mesage" \(did you mean "message"\?\)$/,
    lineHas: '"mesage"',
  },
  {
    name: 'example that does not behave (threshold raised, pass example now fails)',
    file: 'D04-legible.yaml',
    change: (s) => s.replace('minimum: 60', 'minimum: 95'),
    expect:
      /^D04-legible\.yaml:\d+:\d+ \/examples\/pass\/0: this example should pass but fails: Possibly illegible: OCR confidence 91\.5 is below 95\./,
    lineHas: 'ocrConfidence: 91.5',
  },
  {
    name: 'fail example that passes',
    file: 'D15-missing-pages.json',
    change: (s) => s.replace('"maxItems": 0', '"maxItems": 5'),
    expect: /^D15-missing-pages\.json:\d+:\d+ \/examples\/fail\/0: this example should fail but passes$/,
  },
  {
    name: 'duplicate id',
    file: 'D06-radiology-report.json',
    change: (s) => s.replace('"id": "D06"', '"id": "D05"'),
    expect: /^D06-radiology-report\.json:\d+:3 \/id: rule id "D05" is already used by D05-lab-report\.json/,
    lineHas: '"id": "D05"',
  },
  {
    name: 'unknown kind',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('"kind": "missing_field"', '"kind": "missing_feild"'),
    expect: /^D05-lab-report\.json:\d+:3 \/kind: must be one of "missing_signature", "missing_field", /,
    lineHas: '"missing_feild"',
  },
  {
    name: 'bad appliesTo (unknown document type)',
    file: 'D05-lab-report.json',
    change: (s) => s.replace(/("appliesTo": \[\s*)"lab_report"/, '$1"lab_reprot"'),
    expect: /^D05-lab-report\.json:\d+:\d+ \/appliesTo\/0: is not a document type; use one of lab_report, /,
    lineHas: '"lab_reprot"',
  },
  {
    name: 'bad appliesTo (unknown word)',
    file: 'C01-consent-to-treat.json',
    change: (s) => s.replace('"appliesTo": "chart"', '"appliesTo": "charts"'),
    expect: /^C01-consent-to-treat\.json:\d+:3 \/appliesTo: must be "chart", "all_documents" or a list of document types$/,
    lineHas: '"charts"',
  },
  {
    name: 'YAML syntax error',
    file: 'D04-legible.yaml',
    change: (s) => s.replace('kind: illegible', 'kind: [illegible'),
    expect: /^D04-legible\.yaml:\d+:\d+: not valid YAML: /,
  },
  {
    name: 'unknown message placeholder',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('{missing}', '{mising}'),
    expect: /^D05-lab-report\.json:\d+:3 \/message: unknown placeholder \{mising\}; use one of \{missing\}, /,
    lineHas: '{mising}',
  },
  {
    name: 'placeholder with nothing to show for a failing example',
    file: 'D03-dated.json',
    change: (s) => s.replace('Date of service {errors}', 'Date of service {document.dateOfService}: {errors}'),
    expect:
      /^D03-dated\.json:\d+:\d+ \/examples\/fail\/0: for this failing example the message has nothing to show for \{document\.dateOfService\}/,
  },
  {
    name: 'field name the document type does not have',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('"labName",', '"labNme",'),
    expect:
      /^D05-lab-report\.json:\d+:\d+ \/schema\/properties\/fields\/required\/0: "labNme" is not a field of lab_report \(did you mean "labName"\?\)/,
    lineHas: '"labNme"',
  },
  {
    name: 'date keyword with a wrong value',
    file: 'C03-hospital-summary.json',
    change: (s) => s.replace('"days": 30', '"days": "thirty"'),
    expect:
      /^C03-hospital-summary\.json:\d+:\d+ \/schema\/properties\/hospitalStays\/items\/dueWithinDays\/days: dueWithinDays: must be integer$/,
    lineHas: '"thirty"',
  },
  {
    name: 'unknown format',
    file: 'D03-dated.json',
    change: (s) => s.replace('"format": "date"', '"format": "dat"'),
    expect: /^D03-dated\.json:\d+:\d+ \/schema\/properties\/dateOfService\/format: unknown format "dat" \(did you mean "date"\?\)$/,
    lineHas: '"dat"',
  },
  {
    name: 'a key twice in one object',
    file: 'D05-lab-report.json',
    change: (s) => s.replace('"version": 1,', '"version": 1,\n  "version": 2,'),
    expect: /^D05-lab-report\.json:5:\d+: the same key appears twice in one object/,
    lineHas: '"version": 2',
  },
  {
    name: 'JSON Schema keyword with a wrong value (minimum as text)',
    file: 'D04-legible.yaml',
    change: (s) => s.replace('minimum: 60', 'minimum: sixty'),
    expect: /^D04-legible\.yaml:\d+:\d+ \/schema\/properties\/ocrConfidence\/minimum: must be number$/,
    lineHas: 'minimum: sixty',
  },
  {
    name: 'ajv-errors template in errorMessage',
    file: 'D01-patient-match.json',
    change: (s) => s.replace('it is not filed yet', 'filed is ${0}'),
    expect: /^D01-patient-match\.json:\d+:\d+ \/schema\/properties\/filed\/errorMessage: errorMessage templates/,
    lineHas: '${0}',
  },
  {
    name: 'an empty file',
    file: 'D12-emergency-report.json',
    change: () => '',
    expect: /^D12-emergency-report\.json:1:1: not valid JSON: Unexpected end of JSON input$/,
  },
]

const scratch: string[] = []
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('a broken rule file is refused with file:line:col /pointer: message', () => {
  it.each(cases)('$name', (c) => {
    const dir = scratchRules()
    scratch.push(dir)
    edit(dir, c.file, c.change)
    const r = checkRuleSet(dir, { cwd: dir })
    expect(r.ruleset).toBeNull()
    const lines = r.problems.map(formatProblem)
    const hit = r.problems.find((p) => c.expect.test(formatProblem(p)))
    expect(hit, `no problem matched ${c.expect}; got:\n${lines.join('\n')}`).toBeDefined()
    expect(hit!.file).toBe(c.file)
    if (c.lineHas) {
      const line = readFileSync(path.join(dir, c.file), 'utf8').split('\n')[hit!.line! - 1]
      expect(line).toContain(c.lineHas)
    }
    // the other files are fine: every problem is about the broken file
    expect(new Set(r.problems.map((p) => p.file))).toEqual(new Set([c.file]))
  })

  it('loadRuleSet throws RULE_FILE_INVALID carrying the problems', () => {
    const dir = scratchRules()
    scratch.push(dir)
    edit(dir, 'D05-lab-report.json', (s) => s.replace('"kind": "missing_field"', '"kind": "missing"'))
    let err: unknown
    try {
      loadRuleSet(dir, { cwd: dir })
    } catch (e) {
      err = e
    }
    expect(isChartclerkError(err) && err.code).toBe('RULE_FILE_INVALID')
    expect(err).toBeInstanceOf(RuleSetError)
    expect((err as RuleSetError).problems[0]?.pointer).toBe('/kind')
    expect((err as RuleSetError).action).toMatch(/last good rule set stays in force/)
  })

  it('an empty or missing folder is refused (it would silently check nothing)', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'cc-rules-empty-'))
    scratch.push(empty)
    writeFileSync(path.join(empty, 'README.md'), 'notes')
    expect(checkRuleSet(empty).problems[0]?.message).toMatch(/no rule files/)
    expect(checkRuleSet(path.join(empty, 'nope')).problems[0]?.message).toMatch(/does not exist/)
  })

  it('problems in several files are all reported, each with its own file', () => {
    const dir = scratchRules()
    scratch.push(dir)
    edit(dir, 'D05-lab-report.json', (s) => s.replace('"severity": "error"', '"severity": "fatal"'))
    edit(dir, 'D04-legible.yaml', (s) => s.replace('severity: warning', 'severity: [warning'))
    const r = checkRuleSet(dir, { cwd: dir })
    expect(new Set(r.problems.map((p) => p.file))).toEqual(new Set(['D04-legible.yaml', 'D05-lab-report.json']))
  })
})
