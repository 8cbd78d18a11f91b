/** The filing commands a clerk uses: patients import, review list/resolve, chart show, check. */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, runCli, SAMPLE_SCANS, SAMPLES, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
beforeAll(() => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('filing from the command line', () => {
  it('patients import: bad rows reported by line, good rows loaded; re-import updates, never duplicates', async () => {
    const csv = path.join(ws.dir, 'index.csv')
    await writeFile(
      csv,
      'MRN,Last_Name,First Name,DOB,Gender\nCC-100418,Johnson,Michael,01/12/1975,M\nCC-1,Nobody,Bad,1990-01-01,F\nCC-101127,Lindqvist,Margaret,1944-02-09,F\n',
    )
    const first = await runCli(ws, ['patients', 'import', csv])
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/index\.csv:3: /)
    expect(first.stdout).toMatch(/2 added, 0 updated, 0 unchanged, 1 rejected/)
    const again = await runCli(ws, ['--json', 'patients', 'import', path.join(SAMPLES, 'patients.csv')])
    expect(again.code).toBe(0)
    const summary = JSON.parse(again.stdout.trim().split('\n').at(-1)!)
    expect(summary).toMatchObject({ type: 'summary', added: 14, rejected: 0 })
    expect(summary.updated + summary.unchanged).toBe(2)
    const third = JSON.parse(
      (await runCli(ws, ['--json', 'patients', 'import', path.join(SAMPLES, 'patients.csv')])).stdout.trim().split('\n').at(-1)!,
    )
    expect(third).toMatchObject({ added: 0, updated: 0, unchanged: 16 })
  })

  it('ingest files a sample with two agreeing identifiers and prints the filing fields', async () => {
    const r = await runCli(ws, ['--json', 'ingest', path.join(SAMPLE_SCANS, 'lab-report-text.pdf')])
    expect(r.code).toBe(0)
    const line = JSON.parse(r.stdout)
    expect(line).toMatchObject({
      status: 'filed',
      documentType: 'lab_report',
      patient: { mrn: 'CC-100418' },
      dateOfService: '2025-03-10',
      signed: true,
      missingPages: [],
    })
    expect(line.typeConfidence).toBeGreaterThan(0.9)
    expect(line.matchReason).toBeTruthy()
    expect(line.fields).toBeTruthy()
  })

  it('a document the clerk settles in review: review list shows it, review resolve files it, chart show lists it', async () => {
    // A note that names no patient at all: only a person can say whose it is.
    const note = path.join(ws.dir, 'note.pdf')
    const { default: PDFDocument } = await import('pdfkit')
    await new Promise<void>((resolve) => {
      const doc = new PDFDocument({ size: 'LETTER' })
      const chunks: Buffer[] = []
      doc.on('data', (c: Buffer) => chunks.push(c))
      doc.on('end', () => void writeFile(note, Buffer.concat(chunks)).then(() => resolve()))
      doc
        .fontSize(12)
        .text(
          'Harbor Urgent Care\nFollow-up note\nSeen today for a sprained ankle; improving. Ice and rest.\nElectronically signed by Dr. Ana Ruiz on 07/22/2025',
        )
      doc.end()
    })
    const ingested = JSON.parse((await runCli(ws, ['--json', 'ingest', note])).stdout)
    expect(ingested.status).toBe('needs_review')
    const list = await runCli(ws, ['--json', 'review', 'list'])
    const items = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(items.map((i) => i.id)).toContain(ingested.documentId)
    const bad = await runCli(ws, [
      'review',
      'resolve',
      String(ingested.documentId),
      '--patient',
      'CC-999999',
      '--type',
      'progress_note',
      '--by',
      'clerk a',
    ])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/no patient with MRN CC-999999/)
    const ok = await runCli(ws, [
      'review',
      'resolve',
      String(ingested.documentId),
      '--patient',
      'CC-101127',
      '--type',
      'progress_note',
      '--by',
      'clerk a',
    ])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/filed in chart CC-101127 as progress_note/)
    const chart = JSON.parse((await runCli(ws, ['chart', 'show', 'CC-101127', '--json'])).stdout)
    expect(chart.patient).toMatchObject({ mrn: 'CC-101127', birthDate: '1944-02-09' })
    expect(chart.documents.map((d: any) => [d.id, d.type])).toEqual([[String(ingested.documentId), 'progress_note']])
  })

  it('check --json over the catalog: deficiency lines carry the documented fields', async () => {
    const r = await runCli(ws, ['--json', 'check', '--patient', 'CC-100418'])
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.at(-1)).toMatchObject({ type: 'summary', charts: 1 })
    const list = await runCli(ws, ['--json', 'deficiency', 'list'])
    const defs = list.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    expect(defs.length).toBeGreaterThan(0)
    for (const d of defs)
      for (const k of ['id', 'mrn', 'documentId', 'ruleId', 'kind', 'severity', 'message', 'status', 'createdAt', 'rulesetVersion'])
        expect(d, k).toHaveProperty(k)
  })
})
