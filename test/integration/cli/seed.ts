/**
 * A records desk for command-line tests, filled in-process through the real pipeline (spawning
 * `ingest` would cost seconds a file): the sample patient index, and the sample lab report
 * (text layer, no OCR) filed in Michael Johnson's chart CC-100418 and routed to his primary
 * provider, Priya Natarajan, MD.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { openApp } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { makeWorkspace, SAMPLE_SCANS, SAMPLES, type CliRun, type Workspace } from '../../helpers/workspace.js'

export const MRN = 'CC-100418'
export const PROVIDER = 'Priya Natarajan, MD'

export async function seededDesk(): Promise<{ ws: Workspace; labId: number }> {
  const ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  const app = await openApp(ws.config(), { log: silentLogger() })
  try {
    await app.catalog.patients.upsert(
      importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
    )
    const [r] = await app.runner.ingestFiles([path.join(SAMPLE_SCANS, 'lab-report-text.pdf')])
    if (r?.status !== 'filed') throw new Error(`the sample lab report was not filed: ${JSON.stringify(r)}`)
    return { ws, labId: r.documentId! }
  } finally {
    await app.close()
  }
}

/** The JSON lines a command printed. */
export const jsonLines = (r: CliRun): any[] =>
  r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))

/** A refused command under --json: one `{ error: { code, message } }` line on stdout. */
export const jsonError = (r: CliRun): { code: string; message: string } => JSON.parse(r.stdout.trim()).error
