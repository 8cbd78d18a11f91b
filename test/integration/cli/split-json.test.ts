/** `ingest --json` on a stack: one line per document the file held, each with its pages and the file's hash. */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../../helpers/documents.js'
import { consultNote, dischargeSummary, JOHNSON, labReport, LINDQVIST, OKAFOR, stackPdf } from '../../helpers/stack.js'
import { makeWorkspace, runCli, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { jsonLines } from './seed.js'

let ws: Workspace
beforeAll(() => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('ingest --json on a stack', () => {
  it('prints one line per document with split and batchSha256; a one-document file prints one line covering all its pages', async () => {
    expect((await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])).code).toBe(0)
    const stack = await stackPdf([
      labReport(JOHNSON, 1),
      'separator',
      consultNote(LINDQVIST, 2, { marker: true }),
      dischargeSummary(OKAFOR, 3),
    ])
    const single = await stackPdf([dischargeSummary(JOHNSON, 4)])
    await writeFile(path.join(ws.dir, 'stack.pdf'), stack)
    await writeFile(path.join(ws.dir, 'single.pdf'), single)
    const r = await runCli(ws, ['--json', 'ingest', path.join(ws.dir, 'stack.pdf'), path.join(ws.dir, 'single.pdf')], {
      timeoutMs: 120_000,
    })
    expect(r.code, r.stderr).toBe(0)
    const lines = jsonLines(r)
    const byFile = (name: string) => lines.filter((l) => path.basename(l.file) === name)
    expect(byFile('stack.pdf').map((l) => [l.status, l.split, l.batchSha256, l.patient?.mrn])).toEqual([
      ['filed', { from: 1, to: 1 }, sha256(stack), 'CC-100418'],
      ['filed', { from: 3, to: 4 }, sha256(stack), 'CC-101127'],
      ['filed', { from: 5, to: 7 }, sha256(stack), 'CC-100562'],
    ])
    const parts = byFile('stack.pdf')
    expect(new Set(parts.map((l) => l.documentId)).size).toBe(3)
    for (const l of parts)
      for (const k of ['documentId', 'sha256', 'pages', 'documentType', 'typeConfidence', 'patient', 'fields', 'reviewReasons'])
        expect(l, k).toHaveProperty(k)
    expect(byFile('single.pdf')).toEqual([
      expect.objectContaining({
        status: 'filed',
        split: { from: 1, to: 3 },
        batchSha256: sha256(single),
        sha256: sha256(single),
        pages: 3,
      }),
    ])
  }, 150_000)
})
