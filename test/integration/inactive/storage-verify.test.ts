/** `chartclerk storage verify` knows where an inactive chart's originals are: in the archive location. */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../../src/app.js'
import { inactivateChart } from '../../../src/inactive/inactive.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { PATIENTS, patientsCsv } from '../../../samples/lib/records.js'
import { makeWorkspace, runCli, SAMPLE_SCANS, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let sha = ''

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  const app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  const [lab, consult] = await app.runner.ingestFiles([
    path.join(SAMPLE_SCANS, 'lab-report-text.pdf'),
    path.join(SAMPLE_SCANS, 'consult-note.png'),
  ])
  expect(lab!.status).toBe('filed')
  expect(consult!.status).toBe('filed')
  sha = lab!.sha256!
  await inactivateChart(app, 'CC-100418', { reason: 'no_activity', lastActivity: null, by: 'test' })
  expect(await app.store.stat(originalKey(sha))).toBeNull()
  await app.close()
}, 300_000)

afterAll(async () => {
  await ws?.cleanup()
})

describe('storage verify with inactive charts', () => {
  it('GIVEN a chart in the archive THEN verify checks its originals there and finds nothing wrong', async () => {
    const r = await runCli(ws, ['--json', 'storage', 'verify'])
    expect(r.code, r.stdout + r.stderr).toBe(0)
  })

  it('GIVEN an archived original is lost THEN verify reports it and exits 1', async () => {
    const app = await openApp(ws.config(), { log: silentLogger() })
    await (await app.storeWithArchive.archive()).delete(originalKey(sha))
    await app.close()
    const r = await runCli(ws, ['--json', 'storage', 'verify'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(sha)
  })
})
