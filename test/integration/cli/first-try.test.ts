/**
 * The README's first try, as a new user runs it: the sample index imported, the five sample scans read. What
 * chartclerk files must be in the chart and of the type the samples name; what waits must be filed by the
 * `review resolve` the README shows. The README says all five are filed: fewer is a change a new user would notice.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, runCli, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { jsonLines } from './seed.js'

interface Expected {
  samples: Record<string, { docType: string; patientMrn: string }>
}

let ws: Workspace
beforeAll(() => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
})
afterAll(async () => {
  await ws?.cleanup()
})

describe("the README's first try on the samples", () => {
  it('files what it is sure of into the right chart as the right type, and the rest is filed by review resolve', async () => {
    const expected = JSON.parse(await readFile(path.join(SAMPLES, 'expected.json'), 'utf8')) as Expected
    const files = Object.keys(expected.samples)
    expect(files).toHaveLength(5)
    expect((await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])).code).toBe(0)
    const r = await runCli(ws, ['--json', 'ingest', ...files.map((f) => path.join(SAMPLES, 'inbox', f))], { timeoutMs: 300_000 })
    expect(r.code, r.stderr).toBe(0)
    const lines = jsonLines(r)
    expect(lines).toHaveLength(5)
    let filed = 0
    for (const l of lines) {
      const want = expected.samples[path.basename(l.file)]!
      if (l.status === 'filed') {
        filed++
        expect([l.documentType, l.patient?.mrn], l.file).toEqual([want.docType, want.patientMrn])
      } else {
        expect(l.status, l.file).toBe('needs_review')
        const resolved = await runCli(ws, [
          'review',
          'resolve',
          String(l.documentId),
          '--patient',
          want.patientMrn,
          '--type',
          want.docType,
          '--by',
          'Maria Lopez',
        ])
        expect(resolved.code, resolved.stdout + resolved.stderr).toBe(0)
        expect(resolved.stdout).toContain(`filed in chart ${want.patientMrn} as ${want.docType}`)
      }
    }
    expect(filed).toBeGreaterThanOrEqual(5)
    const waiting = await runCli(ws, ['review', 'list'])
    expect(waiting.stdout).toContain('0 document(s) waiting for review')
  })
})
