/**
 * `chart show --json` and `document show --json` give lab results as rows, also for a document
 * stored before rows existed (parallel "; "-joined columns and a `tests` list in the catalog).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { makeWorkspace, runCli, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { seedDocument } from '../web/helpers.js'

const OLD_SHAPE = {
  labName: 'TRI-COUNTY REFERENCE LABORATORY',
  testName: 'Sodium; Glucose',
  result: '139; 131',
  units: 'mmol/L; mg/dL',
  referenceRange: '136 - 145; 70 - 99',
  tests: [
    { name: 'Sodium', result: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null },
    { name: 'Glucose', result: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' },
  ],
}
const ROWS = [
  { test: 'Sodium', value: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null },
  { test: 'Glucose', value: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' },
]

let ws: Workspace
let id = 0
beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  const app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(
    importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
  )
  id = await seedDocument(app, {
    status: 'filed',
    mrn: 'CC-100418',
    docType: 'lab_report',
    text: 'LABORATORY REPORT',
    details: { fields: OLD_SHAPE },
  })
  await app.close()
}, 60_000)
afterAll(async () => {
  await ws?.cleanup()
})

describe('lab results in the JSON a person reads', () => {
  it('chart show --json: rows in place of the tests list', async () => {
    const r = await runCli(ws, ['chart', 'show', 'CC-100418', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout).documents.find((d: { id: string }) => d.id === String(id))
    expect(doc.fields.labResults).toEqual(ROWS)
    expect(doc.fields.tests).toBeUndefined()
  })

  it('document show --json: the same rows', async () => {
    const r = await runCli(ws, ['document', 'show', String(id), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const d = JSON.parse(r.stdout)
    expect(d.details.fields.labResults).toEqual(ROWS)
    expect(d.details.fields.tests).toBeUndefined()
  })
})
