/** The `chartclerk` command as a clerk or a script runs it: output, --json lines, exit codes. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD, makeWorkspace, runCli, SAMPLE_SCANS, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('chartclerk CLI', () => {
  it('ingest --json: one line per file with the documented fields; exit 1 when a file failed', async () => {
    const r = await runCli(ws, [
      '--json',
      'ingest',
      path.join(SAMPLE_SCANS, 'lab-report-text.pdf'),
      path.join(BAD, 'encrypted-password-test.pdf'),
    ])
    expect(r.code).toBe(1)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(2)
    const ok = lines.find((l) => l.file.endsWith('lab-report-text.pdf'))
    expect(ok).toMatchObject({
      status: 'needs_review',
      documentId: 1,
      pages: 1,
      ocrConfidence: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(ok.textLength).toBeGreaterThan(500)
    const bad = lines.find((l) => l.file.endsWith('encrypted-password-test.pdf'))
    expect(bad).toMatchObject({ status: 'failed', documentId: null, error: { code: 'PDF_ENCRYPTED' } })
    expect(bad.error.message).toMatch(/password/)
  })

  it('ingest leaves the given files where they are', async () => {
    const dir = path.join(ws.dir, 'loose')
    await mkdir(dir, { recursive: true })
    const f = path.join(dir, 'consult.png')
    await copyFile(path.join(SAMPLE_SCANS, 'consult-note.png'), f)
    const r = await runCli(ws, ['ingest', f])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/needs_review\s+file 1 of 1 -> document 2 \(1 page, OCR confidence/)
    expect(r.stdout, 'no file names: they may hold a patient name').not.toContain('consult.png')
    const { existsSync } = await import('node:fs')
    expect(existsSync(f)).toBe(true)
  })

  it('status --json shows inbox, storage, documents and review backlog', async () => {
    await mkdir(ws.inbox, { recursive: true })
    await writeFile(path.join(ws.inbox, 'waiting.pdf'), 'x')
    await writeFile(path.join(ws.inbox, '.DS_Store'), 'x')
    const r = await runCli(ws, ['status', '--json'])
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.inbox.waiting).toBe(1)
    expect(s.storage.reachable).toBe(true)
    expect(s.documents.needs_review).toBe(2)
    expect(s.reviewBacklog).toBe(2)
    expect(s.ocr.engine).toMatch(/tesseract\.js/)
  })

  it('status names the native OCR engine, and says it is missing (exit 1) when its binary is not there', async () => {
    // A PATH without the binary: the native engine is reported absent, with what to do.
    const missing = await runCli(ws, ['status'], { env: { CHARTCLERK_OCR_ENGINE: 'tesseract', PATH: '/nonexistent/bin' } })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/ocr engine {4}tesseract \(native CLI\): NOT AVAILABLE\..*apt-get install tesseract-ocr/)
  })

  it('document show prints the record and its text page by page; an unknown id exits 1', async () => {
    const r = await runCli(ws, ['document', 'show', '1'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/document 1 {2}needs_review/)
    expect(r.stdout).toMatch(/--- page 1 \(text-layer\) ---/)
    expect(r.stdout).toMatch(/JOHNSON, MICHAEL/)
    const j = await runCli(ws, ['document', 'show', '1', '--json'])
    expect(JSON.parse(j.stdout)).toMatchObject({
      id: 1,
      pages: [expect.objectContaining({ page: 1, source: 'text-layer' })],
      receipts: [expect.anything()],
    })
    const missing = await runCli(ws, ['document', 'show', '999'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no document 999/)
  })

  it('bad usage and bad configuration exit 2 with a message naming the problem', async () => {
    expect((await runCli(ws, ['no-such-command'])).code).toBe(2)
    expect((await runCli(ws, ['document', 'show', 'abc'])).code).toBe(2)
    const bad = await runCli(ws, ['status'], { env: { CHARTCLERK_OCR_WORKERS: '0' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/ocr\.workers/)
  })
})
