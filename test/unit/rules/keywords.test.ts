/** The date keywords, as data-driven cases: { description, schema, tests: [{ description, data, valid }] }. */
import { describe, expect, it } from 'vitest'
import { createRuleAjv } from '../../../src/rules/ajv.js'

interface KeywordCase {
  description: string
  schema: Record<string, unknown>
  asOf: string
  tests: { description: string; data: unknown; valid: boolean; message?: RegExp }[]
}

const cases: KeywordCase[] = [
  {
    description: 'notAfterAsOf: a date not after the day of the check',
    schema: { notAfterAsOf: true },
    asOf: '2025-06-30',
    tests: [
      { description: 'the day itself', data: '2025-06-30', valid: true },
      { description: 'a day earlier', data: '2025-06-29', valid: true },
      { description: 'a day later', data: '2025-07-01', valid: false, message: /must not be after 2025-06-30/ },
      { description: 'a timestamp counts by its date', data: '2025-06-30T23:59:00-05:00', valid: true },
      { description: 'not a date: left to format/type', data: 'soon', valid: true },
      { description: 'null: left to type', data: null, valid: true },
    ],
  },
  {
    description: 'withinDaysOf days: the signature within 30 days of service',
    schema: { withinDaysOf: { from: 'dateOfService', to: 'signed.date', days: 30 } },
    asOf: '2025-06-30',
    tests: [
      { description: 'same day', data: { dateOfService: '2025-05-01', signed: { date: '2025-05-01' } }, valid: true },
      { description: 'day 30', data: { dateOfService: '2025-05-01', signed: { date: '2025-05-31' } }, valid: true },
      {
        description: 'day 31',
        data: { dateOfService: '2025-05-01', signed: { date: '2025-06-01' } },
        valid: false,
        message: /must be within 30 days/,
      },
      { description: 'before service (before: 0)', data: { dateOfService: '2025-05-01', signed: { date: '2025-04-30' } }, valid: false },
      { description: 'no signature date, still time left', data: { dateOfService: '2025-06-15', signed: { date: null } }, valid: true },
      {
        description: 'no signature date, overdue',
        data: { dateOfService: '2025-05-01', signed: { date: null } },
        valid: false,
        message: /missing and was due by 2025-05-31/,
      },
      { description: 'no date of service: nothing to measure', data: { signed: { date: '2025-05-01' } }, valid: true },
    ],
  },
  {
    description: 'withinDaysOf before: an H&P from 30 days before to 1 day after admission',
    schema: { withinDaysOf: { from: 'admissionDate', to: 'examDate', days: 1, before: 30 } },
    asOf: '2025-06-30',
    tests: [
      { description: '30 days before', data: { admissionDate: '2025-05-31', examDate: '2025-05-01' }, valid: true },
      {
        description: '31 days before',
        data: { admissionDate: '2025-05-31', examDate: '2025-04-30' },
        valid: false,
        message: /not be more than 30 days before/,
      },
      { description: '1 day after', data: { admissionDate: '2025-05-31', examDate: '2025-06-01' }, valid: true },
      { description: '2 days after', data: { admissionDate: '2025-05-31', examDate: '2025-06-02' }, valid: false },
    ],
  },
  {
    description: 'withinDaysOf years with $asOf: signed within the last year (calendar years, leap day clamps)',
    schema: { withinDaysOf: { from: 'signedDate', to: '$asOf', years: 1 } },
    asOf: '2025-02-28',
    tests: [
      { description: 'exactly a year ago', data: { signedDate: '2024-02-28' }, valid: true },
      { description: 'a leap day a year ago: 2024-02-29 + 1 year = 2025-02-28', data: { signedDate: '2024-02-29' }, valid: true },
      { description: 'a year and a day ago', data: { signedDate: '2024-02-27' }, valid: false },
      { description: 'signed in the future', data: { signedDate: '2025-03-01' }, valid: false },
    ],
  },
  {
    description: 'dueWithinDays: a summary due 30 days after discharge',
    schema: { dueWithinDays: { from: 'dischargeDate', require: 'summaryDocumentId', days: 30 } },
    asOf: '2025-06-30',
    tests: [
      {
        description: 'discharged 30 days ago, no summary: still due today',
        data: { dischargeDate: '2025-05-31', summaryDocumentId: null },
        valid: true,
      },
      {
        description: 'discharged 31 days ago, no summary',
        data: { dischargeDate: '2025-05-30', summaryDocumentId: null },
        valid: false,
        message: /summaryDocumentId is missing and was due by 2025-06-29/,
      },
      {
        description: 'discharged long ago, summary on file (however late)',
        data: { dischargeDate: '2024-01-01', summaryDocumentId: 'ds-1' },
        valid: true,
      },
      { description: 'a blank id does not count', data: { dischargeDate: '2024-01-01', summaryDocumentId: '  ' }, valid: false },
      { description: 'still admitted: no discharge date', data: { dischargeDate: null, summaryDocumentId: null }, valid: true },
    ],
  },
]

describe('date keywords', () => {
  const ajv = createRuleAjv()
  for (const c of cases) {
    describe(c.description, () => {
      const validate = ajv.compile(c.schema)
      for (const t of c.tests) {
        it(t.description, () => {
          const root = { asOf: c.asOf }
          const ok = validate(t.data, { instancePath: '', parentData: {}, parentDataProperty: '', rootData: root, dynamicAnchors: {} })
          expect(ok).toBe(t.valid)
          if (t.message) expect(validate.errors?.map((e) => e.message).join('; ')).toMatch(t.message)
        })
      }
    })
  }

  it('without an asOf in the data being checked, a date keyword fails rather than guessing', () => {
    const v = ajv.compile({ notAfterAsOf: true })
    expect(v('2025-01-01')).toBe(false)
    expect(v.errors?.[0]?.message).toMatch(/no asOf/)
  })

  it('keyword values are checked when the rule is compiled', () => {
    expect(() => ajv.compile({ withinDaysOf: { from: 'a', to: 'b' } })).toThrow(/withinDaysOf/)
    expect(() => ajv.compile({ dueWithinDays: { from: 'a', require: 'b', days: 3, years: 1 } })).toThrow(/dueWithinDays/)
  })
})
