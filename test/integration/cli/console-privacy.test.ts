/**
 * The console gets the log's discipline (issue 12, findings 5 and 12): `start` and
 * `ingest` over records of made-up patients, in files named after them, print document
 * ids, types and codes, never the patients' names, MRNs or birth dates (unless
 * log.includePatientData is on; `ingest --json` is the one-shot command's requested
 * output and keeps its fields). Control characters in file names never reach the
 * terminal raw.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeRecordSpec, PATIENTS, renderRecordPdf, Rng } from '../../../samples/lib/records.js'
import { BIN, makeWorkspace, runCli, SAMPLE_SCANS, SAMPLES, waitFor, type Workspace } from '../../helpers/workspace.js'

const MRN_PATTERN = '^CC-\\d{6}$'
// Michael Johnson, CC-100418, born 1975-01-12 (samples/patients.csv); the look-alike note says 1975-01-21.
const PATIENT_DATA = [/Johnson/i, /Michael/i, /CC-100418/, /CC-103370/, /1975/, /01\/12/, /01-12/, /01-21/, /12\.01/, /Natarajan/i]

let ws: Workspace
let files: string[]

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN, CHARTCLERK_LOG_LEVEL: 'info' })
  const imported = await runCli(ws, ['--json', 'patients', 'import', path.join(SAMPLES, 'patients.csv')])
  expect(imported.code).toBe(0)
  const dir = path.join(ws.dir, 'records')
  await mkdir(dir, { recursive: true })
  // Named the way a fax server or a clerk names them: after the patient.
  const filed = path.join(dir, 'Johnson Michael 1975-01-12 CC-100418 labs.pdf')
  await copyFile(path.join(SAMPLE_SCANS, 'lab-report-text.pdf'), filed)
  const patient = PATIENTS.find((p) => p.mrn === 'CC-100418')!
  const spec = makeRecordSpec(new Rng('console-privacy-look-alike'), {
    docType: 'progress_note',
    patient,
    layout: 'labelled',
    date: '2025-05-20',
    withOurMrn: false,
  })
  spec.patient = { ...spec.patient, birthDate: '1975-01-21', mrn: undefined }
  const lookAlike = path.join(dir, 'progress note JOHNSON, MICHAEL dob 01-21-1975.pdf')
  await writeFile(lookAlike, await renderRecordPdf(spec))
  files = [filed, lookAlike]
})
afterAll(async () => {
  await ws?.cleanup()
})

function expectNoPatientData(text: string): void {
  // A log line's time, job id and SHA-256 can hold digits that look like a birth date ("12.013Z").
  const scrubbed = text.replace(/"(time|job|sha256)":"[^"]*"/g, '"$1":""')
  for (const re of PATIENT_DATA) expect(scrubbed, `console shows ${re}`).not.toMatch(re)
}

/** Runs `start` (human output) until it has printed `lines` results, then stops it. */
async function startUntil(args: string[], done: (out: string) => boolean): Promise<{ out: string; err: string; code: number | null }> {
  const child = spawn(process.execPath, [BIN, ...args, 'start', '--no-web'], {
    cwd: ws.dir,
    env: { ...process.env, ...ws.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((r) => child.on('exit', r))
  try {
    await waitFor(
      () => done(out) || child.exitCode !== null,
      120_000,
      () => `${out}\n${err.slice(-2000)}`,
    )
  } finally {
    child.kill('SIGINT')
  }
  return { out, err, code: await exited }
}

describe('console output over patient-bearing files', () => {
  it('ingest prints document ids, types and codes; names, MRNs and birth dates only in --json', async () => {
    const human = await runCli(ws, ['ingest', ...files])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/filed\s+file 1 of 2 -> document \d+ \(1 page\) lab_report \d+% filed in its chart/)
    expect(human.stdout).toMatch(/needs_review\s+file 2 of 2 -> document \d+ .*\n\s+review: \d+ reasons?, on the desk's review queue/)
    expectNoPatientData(human.stdout + human.stderr)

    // The machine interface of a one-shot command: the fields asked for.
    const json = await runCli(ws, ['--json', 'ingest', files[0]!])
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'duplicate' })
    expect(json.stdout).toContain('Johnson Michael')
  })

  it('start, in its human and --json forms, prints no patient data', async () => {
    await mkdir(ws.inbox, { recursive: true })
    for (const [i, f] of files.entries()) await copyFile(f, path.join(ws.inbox, `${i ? 'fax-' : ''}${path.basename(f)}`))
    const human = await startUntil([], (out) => out.split('\n').filter((l) => /^(filed|needs_review|duplicate|failed)/.test(l)).length >= 2)
    expect(human.code).toBe(0)
    expect(human.out).toMatch(/duplicate\s+job [0-9a-f]{8} -> already received as document \d+/)
    expectNoPatientData(human.out + human.err)

    const another = path.join(ws.inbox, 'Johnson_Michael_CC-100418_again.pdf')
    const spec = makeRecordSpec(new Rng('console-privacy-third'), {
      docType: 'progress_note',
      patient: PATIENTS.find((p) => p.mrn === 'CC-100418')!,
      layout: 'labelled',
      date: '2025-06-02',
      withOurMrn: true,
    })
    await writeFile(another, await renderRecordPdf(spec))
    const json = await startUntil(['--json'], (out) => out.trim().length > 0 && out.endsWith('\n'))
    expect(json.code).toBe(0)
    const line = JSON.parse(json.out.trim().split('\n')[0]!)
    expect(line).toMatchObject({
      status: expect.stringMatching(/^(filed|needs_review)$/),
      documentId: expect.any(Number),
      jobId: expect.any(String),
    })
    expect(line.file).toBeUndefined()
    expectNoPatientData(json.out + json.err)
  })

  it('control characters in a file name are escaped on the console (with names shown for debugging)', async () => {
    await writeFile(path.join(ws.dir, 'chartclerk.config.json'), JSON.stringify({ log: { includePatientData: true } }))
    try {
      const evil = path.join(ws.dir, 'records', 'scan\u001b]0;owned\u0007\u001b[2J\rfiled ok.pdf')
      await writeFile(evil, 'not a pdf at all')
      const r = await runCli(ws, ['ingest', evil])
      expect(r.code).toBe(1)
      expect(r.stdout).toContain('scan\\x1b]0;owned\\x07\\x1b[2J\\rfiled ok.pdf')
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    } finally {
      await writeFile(path.join(ws.dir, 'chartclerk.config.json'), '{}')
    }
  })
})
