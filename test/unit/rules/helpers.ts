/** Test helpers: a scratch copy of the starter rules, and made-up charts. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Chart, ChartDocument } from '../../../src/model/chart.js'
import { defaultChecksDir, exampleDocument } from '../../../src/rules/ruleset.js'

export const STARTER_DIR = defaultChecksDir()

/** A scratch folder holding a copy of the starter rules (rule.schema.json included). */
export function scratchRules(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-rules-'))
  cpSync(STARTER_DIR, dir, { recursive: true })
  return dir
}

export function edit(dir: string, file: string, change: (text: string) => string): void {
  const p = path.join(dir, file)
  const before = readFileSync(p, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`edit of ${file} changed nothing`)
  writeFileSync(p, after)
}

export function doc(over: Partial<ChartDocument> & { id: string; type: ChartDocument['type'] }): ChartDocument {
  return { ...exampleDocument(over.type), ...over }
}

export function chart(over: Partial<Chart> = {}): Chart {
  return {
    patient: { mrn: 'MRN200001', name: { family: 'Testperson', given: 'Alex' }, birthDate: '1962-03-09', sex: 'male', deceased: false },
    documents: [],
    encounters: [],
    consents: [{ kind: 'treatment', signed: true, signedDate: '2025-01-10', expiresDate: null, revoked: false, documentId: null }],
    asOf: '2025-06-30',
    ...over,
  }
}

/** A lab report with every field the starter rules ask for. */
export const completeLab = {
  labName: 'Riverbend Reference Laboratory',
  labAddress: '400 Mill Street',
  reportDate: '2025-06-03',
  collectionDate: '2025-06-01',
  testName: 'Hemoglobin A1c',
  result: '6.1 %',
  referenceRange: '4.0 - 5.6 %',
}

/** A chart whose one lab report lacks its reference range (one deficiency under the starter rules). */
export const labMissingRange = () =>
  chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', fields: { ...completeLab, referenceRange: null } })] })
/** A chart whose one lab report is complete. */
export const labComplete = () => chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', fields: completeLab })] })
