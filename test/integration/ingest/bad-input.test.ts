/**
 * Bad input, dropped into the inbox of a running `chartclerk start`: each bad
 * file is quarantined with a clear note (or read by its real type), nothing
 * crashes or stalls, and a good file dropped after them is still processed.
 */
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textPdf } from '../../helpers/documents.js'
import { BAD, makeWorkspace, runCli, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let run: ReturnType<typeof startCli>

const QUARANTINED: Record<string, string> = {
  'zero-bytes.pdf': 'FILE_EMPTY',
  'truncated.pdf': 'PDF_CORRUPT',
  'encrypted-password-test.pdf': 'PDF_ENCRYPTED',
  'exe-really.pdf': 'FILE_UNSUPPORTED_TYPE',
  'zero-pages.pdf': 'PDF_NO_PAGES',
  'decompression-bomb.png': 'IMAGE_TOO_LARGE',
  'corrupt.tiff': 'IMAGE_CORRUPT',
  'letter.docx': 'FILE_UNSUPPORTED_TYPE',
}

const ODD_NAMES = ['lab report with spaces.pdf', 'résumé médical – 東京.pdf', 'line\nbreak.pdf', 'report..final.pdf', 'a..b.pdf']

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_WATCH_STABILITY_MS: '200', CHARTCLERK_LOG_LEVEL: 'info' })
  await mkdir(ws.inbox, { recursive: true })
  // Results are matched by file name, which start prints only with patient data switched on.
  await writeFile(path.join(ws.dir, 'chartclerk.config.json'), JSON.stringify({ log: { includePatientData: true } }))
  run = startCli(ws)
  await run.waitFor(() => run.stderrLines.some((l) => l.includes('watching the inbox')), 30_000)
  for (const name of Object.keys(QUARANTINED)) await copyFile(path.join(BAD, name), path.join(ws.inbox, name))
  await copyFile(path.join(BAD, 'png-really.pdf'), path.join(ws.inbox, 'png-really.pdf'))
  for (const [i, name] of ODD_NAMES.entries()) await writeFile(path.join(ws.inbox, name), await textPdf(500 + i))
  // A shortcut to a file outside the inbox must not pull that file in.
  const outside = path.join(ws.dir, 'outside-secret.pdf')
  await writeFile(outside, await textPdf(900))
  await symlink(outside, path.join(ws.inbox, 'link-to-outside.pdf'))
})

afterAll(async () => {
  await run?.stop()
  await ws?.cleanup()
})

describe('bad input in the inbox', () => {
  it('quarantines each bad file with a note saying what to do, reads a mislabelled PNG as a PNG, and files odd names', async () => {
    const expected = Object.keys(QUARANTINED).length + 1 /* png */ + ODD_NAMES.length + 1 /* symlink */
    await run.waitFor(() => run.results.length >= expected, 120_000)
    const byName = new Map(run.results.map((r) => [path.basename(r.file), r]))

    for (const [name, code] of Object.entries(QUARANTINED)) {
      const r = byName.get(name)
      expect(r, name).toBeDefined()
      expect(r.status, name).toBe('failed')
      expect(r.error.code, name).toBe(code)
      expect(r.error.message.length, name).toBeGreaterThan(30)
      const note = JSON.parse(await readFile(path.join(ws.quarantine, `${name}.error.json`), 'utf8'))
      expect(note).toMatchObject({ code, file: name })
      expect(note.stage).toBeTruthy()
      expect(note.message).toBe(r.error.message)
      expect(Date.parse(note.quarantinedAt)).not.toBeNaN()
      expect(existsSync(path.join(ws.quarantine, name)), `${name} kept in quarantine`).toBe(true)
      if (code === 'FILE_EMPTY') expect(note.storedAs, 'refused by its size at the watcher: nothing stored').toBeUndefined()
      else {
        // Stored by the watcher before a worker read it: kept in the store too, and the note says where.
        expect(note.storedAs, name).toBe(`originals/${note.sha256}`)
        expect(existsSync(path.join(ws.data, 'objects', note.storedAs)), name).toBe(true)
      }
    }
    expect(byName.get('exe-really.pdf').error.message).toMatch(/program/)
    expect(byName.get('letter.docx').error.message).toMatch(/print it to PDF/)
    expect(byName.get('encrypted-password-test.pdf').error.message).toMatch(/password/)

    const png = byName.get('png-really.pdf')
    expect(png.status).toBe('needs_review')
    expect(png.textSource).toBe('ocr')

    for (const name of ODD_NAMES) {
      const r = byName.get(name)
      expect(r, JSON.stringify(name)).toBeDefined()
      expect(r.status, JSON.stringify(name)).toBe('needs_review')
    }

    const link = byName.get('link-to-outside.pdf')
    expect(link.error.code).toBe('FILE_SYMLINK')
    expect(existsSync(path.join(ws.dir, 'outside-secret.pdf')), 'the target outside the inbox is untouched').toBe(true)

    expect(run.child.exitCode, 'chartclerk is still running').toBeNull()
    expect(await readdir(ws.inbox)).toEqual([])
  })

  it('GIVEN all that WHEN a good file is dropped afterwards THEN it is processed', async () => {
    const before = run.results.length
    await writeFile(path.join(ws.inbox, 'good-after.pdf'), await textPdf(777))
    await run.waitFor(() => run.results.length > before, 60_000)
    const r = run.results.at(-1)
    expect(path.basename(r.file)).toBe('good-after.pdf')
    expect(r.status).toBe('needs_review')
    expect(r.pages).toBe(1)
    // The originals kept for quarantined files are accounted for, not orphans.
    const verify = await runCli(ws, ['storage', 'verify'])
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)
  })

  it('the application log names codes and ids, never the document text', async () => {
    const log = run.stderrLines.join('\n')
    expect(log).not.toMatch(/SAMPLE, PERSON/)
    expect(log).not.toMatch(/Glucose/)
  })
})
