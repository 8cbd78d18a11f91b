/**
 * Re-matching through the real pipeline and the real command line: samples ingested before any
 * patient index all wait in review; importing the index files those that now have two agreeing
 * identifiers (and only those), says how many, and updates the reasons of the rest;
 * `review rematch` does the same on demand and is audited.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeRecordSpec, PATIENTS, renderRecordPdf, Rng } from '../../../samples/lib/records.js'
import { makeWorkspace, runCli, SAMPLE_SCANS, SAMPLES, type Workspace } from '../../helpers/workspace.js'

// Each command is a real process (a few seconds each on a busy machine); a test runs several.
vi.setConfig({ testTimeout: 300_000 })

let ws: Workspace
let lookAlike: string
const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  // Michael Johnson's name with a birth date one transposition away from his (1975-01-12): never filed on a guess.
  const patient = PATIENTS.find((p) => p.mrn === 'CC-100418')!
  const spec = makeRecordSpec(new Rng('rematch-look-alike'), {
    docType: 'progress_note',
    patient,
    layout: 'labelled',
    date: '2025-05-20',
    withOurMrn: false,
  })
  spec.patient = { ...spec.patient, birthDate: '1975-01-21', mrn: undefined }
  lookAlike = path.join(ws.dir, 'progress-note.pdf')
  await writeFile(lookAlike, await renderRecordPdf(spec))
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('documents waiting in review are matched again', () => {
  let ids: Record<string, number> = {}

  it('with no patient index, every sample waits in review and says to import the index', async () => {
    const r = await runCli(ws, [
      '--json',
      'ingest',
      path.join(SAMPLE_SCANS, 'lab-report-text.pdf'),
      path.join(SAMPLE_SCANS, 'consult-note.png'),
      lookAlike,
    ])
    const lines = jsonLines(r.stdout)
    expect(lines.map((l) => l.status)).toEqual(['needs_review', 'needs_review', 'needs_review'])
    ids = Object.fromEntries(lines.map((l) => [path.basename(l.file), l.documentId]))
    const list = jsonLines((await runCli(ws, ['--json', 'review', 'list'])).stdout)
    for (const item of list) expect(item.reasons.join(' ')).toMatch(/No patient index has been imported yet/)
  })

  it('patients import files the ones that now qualify, says how many, and updates the reasons of the rest', async () => {
    const r = await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/16 added, 0 updated, 0 unchanged, 0 rejected/)
    expect(r.stdout).toMatch(/^Re-matched 3 document\(s\) waiting in review: 2 filed, 1 still waiting\.$/m)

    const charts = {
      lab: JSON.parse((await runCli(ws, ['chart', 'show', 'CC-100418', '--json'])).stdout),
      sofia: JSON.parse((await runCli(ws, ['chart', 'show', 'CC-102210', '--json'])).stdout),
    }
    expect(charts.lab.documents.map((d: any) => [Number(d.id), d.type])).toEqual([[ids['lab-report-text.pdf'], 'lab_report']])
    // The consult note goes to Sofia, not to her twin Isabella.
    expect(charts.sofia.documents.map((d: any) => Number(d.id))).toEqual([ids['consult-note.png']])
    const twin = await runCli(ws, ['chart', 'show', 'CC-102211', '--json'])
    expect(JSON.parse(twin.stdout).documents ?? []).toEqual([])

    const waiting = jsonLines((await runCli(ws, ['--json', 'review', 'list'])).stdout)
    expect(waiting.map((w) => w.id)).toEqual([ids['progress-note.pdf']])
    expect(waiting[0].reasons.join(' ')).not.toMatch(/No patient index/)
    expect(waiting[0].reasons[0]).toMatch(/^Patient not certain/)
    expect(waiting[0].candidates.map((c: any) => c.mrn)).toContain('CC-100418')
  })

  it('review rematch on demand: JSON counts, nothing filed on a guess, an audit row', async () => {
    const r = await runCli(ws, ['--json', 'review', 'rematch', '--by', 'clerk a'])
    expect(r.code, r.stderr).toBe(0)
    expect(jsonLines(r.stdout)).toEqual([{ type: 'rematch', examined: 1, filed: 0, filedDocuments: [], waiting: 1, failed: [] }])
    const audit = jsonLines((await runCli(ws, ['--json', 'audit', 'list', '--action', 'review.rematch'])).stdout)
    expect(audit.map((a) => [a.actor, a.detail?.trigger])).toEqual(expect.arrayContaining([['clerk a', 'request']]))
    const skipped = await runCli(ws, ['patients', 'import', '--no-rematch', path.join(SAMPLES, 'patients.csv')])
    expect(skipped.stdout).not.toMatch(/Re-matched/)
  })
})
