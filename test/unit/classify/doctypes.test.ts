import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkDocTypes, DocTypeFilesError, formatProblem, loadDocTypes } from '../../../src/classify/doctypes.js'
import { defaultDocTypesDir } from '../../../src/classify/paths.js'
import { isChartclerkError } from '../../../src/errors.js'
import { DOCUMENT_TYPES } from '../../../src/model/types.js'

const dirs: string[] = []
function copyOfShipped(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'doctypes-'))
  dirs.push(d)
  cpSync(defaultDocTypesDir(), d, { recursive: true })
  return d
}
const readJson = (file: string): Record<string, any> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('shipped document-type files', () => {
  it('load without problems and cover every document type', () => {
    const set = loadDocTypes()
    expect(set.types.map((t) => t.type).sort()).toEqual([...DOCUMENT_TYPES].sort())
  })

  it('list the required elements from DOMAIN.md for lab reports and discharge summaries', () => {
    const set = loadDocTypes()
    const names = (t: string): string[] => set.byType.get(t)!.fields.map((f) => f.name)
    expect(names('lab_report')).toEqual(
      expect.arrayContaining([
        'labName',
        'labAddress',
        'reportDate',
        'collectionDate',
        'testName',
        'result',
        'units',
        'referenceRange',
        'specimenSource',
      ]),
    )
    expect(names('discharge_summary')).toEqual(expect.arrayContaining(['admissionDate', 'dischargeDate', 'reasonForHospitalization']))
  })
})

describe('loader errors name the file and the place', () => {
  it('GIVEN a keyword weight out of range WHEN checked THEN file:line:col and pointer are reported', () => {
    const d = copyOfShipped()
    const f = path.join(d, 'lab_report.json')
    const doc = readJson(f)
    doc.signals.keywords[2].weight = 12
    writeFileSync(f, JSON.stringify(doc, null, 2))
    const { problems } = checkDocTypes(d)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.pointer).toBe('/signals/keywords/2/weight')
    expect(problems[0]!.line).toBeGreaterThan(1)
    expect(formatProblem(problems[0]!)).toMatch(
      /lab_report\.json:\d+:\d+ \/signals\/keywords\/2\/weight: weight must be a number from -5 to 5/,
    )
  })

  it('GIVEN an unknown property THEN the pointer names it', () => {
    const d = copyOfShipped()
    const f = path.join(d, 'consent_form.json')
    writeFileSync(f, JSON.stringify({ ...readJson(f), colour: 'blue' }, null, 2))
    const { problems } = checkDocTypes(d)
    expect(problems.map((p) => [p.pointer, p.message])).toEqual([['/colour', 'unknown property "colour"']])
  })

  it('GIVEN broken JSON THEN the file is named', () => {
    const d = copyOfShipped()
    writeFileSync(path.join(d, 'other.json'), '{ "type": "other",\n  "title": ')
    const { problems } = checkDocTypes(d)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.file).toMatch(/other\.json$/)
    expect(problems[0]!.message).toMatch(/not valid JSON/)
  })

  it('GIVEN a regular expression that does not compile THEN its pointer is reported', () => {
    const d = copyOfShipped()
    const f = path.join(d, 'referral_letter.json')
    const doc = readJson(f)
    doc.signals.patterns[0].regex = '(unclosed'
    writeFileSync(f, JSON.stringify(doc, null, 2))
    const { problems } = checkDocTypes(d)
    expect(problems.map((p) => p.pointer)).toEqual(['/signals/patterns/0/regex'])
    expect(problems[0]!.message).toMatch(/not a valid regular expression/)
  })

  it('GIVEN a type that does not match its file name, or a field listed twice THEN both are refused', () => {
    const d = copyOfShipped()
    const f = path.join(d, 'progress_note.json')
    const doc = readJson(f)
    doc.type = 'office_note'
    doc.fields.push({ ...doc.fields[0] })
    writeFileSync(f, JSON.stringify(doc, null, 2))
    const msgs = checkDocTypes(d).problems.map((p) => `${p.pointer} ${p.message}`)
    expect(msgs.some((m) => m.startsWith('/type ') && m.includes('office_note.json'))).toBe(true)
    expect(msgs.some((m) => /^\/fields\/\d+\/name field ".+" is listed twice/.test(m))).toBe(true)
  })

  it('WHEN loadDocTypes meets a bad file THEN it throws RULE_FILE_INVALID carrying every problem', () => {
    const d = copyOfShipped()
    const f = path.join(d, 'lab_report.json')
    const doc = readJson(f)
    doc.fields[0].kind = 'number'
    writeFileSync(f, JSON.stringify(doc, null, 2))
    let err: unknown
    try {
      loadDocTypes(d)
    } catch (e) {
      err = e
    }
    expect(isChartclerkError(err) && err.code).toBe('RULE_FILE_INVALID')
    expect(err).toBeInstanceOf(DocTypeFilesError)
    expect((err as DocTypeFilesError).problems[0]!.pointer).toBe('/fields/0/kind')
    expect((err as DocTypeFilesError).action).toMatch(/lab_report\.json:\d+:\d+ \/fields\/0\/kind/)
  })

  it('GIVEN a new type file written by a records lead THEN it loads without code changes', () => {
    const d = copyOfShipped()
    writeFileSync(
      path.join(d, 'advance_directive.json'),
      JSON.stringify({
        type: 'advance_directive',
        title: 'Advance directive',
        description: 'DNR orders, health-care proxies, living wills.',
        signals: {
          titles: ['advance directive', 'living will'],
          keywords: [{ term: 'health care proxy', weight: 3 }],
          patterns: [{ regex: '\\bdo\\s+not\\s+resuscitate\\b', weight: 3 }],
        },
        fields: [{ name: 'kind', label: 'Kind', required: true, kind: 'text', labels: ['Type of directive'] }],
      }),
    )
    expect(loadDocTypes(d).byType.has('advance_directive')).toBe(true)
  })
})
