/**
 * A watcher killed while it writes a stack's parts (the test-only CHARTCLERK_TEST_CRASH_AT hook,
 * a SIGKILL, right after a part's PDF is written and before it is stored): the part file is in
 * the process's own parts folder, not the work area, so the next start does not hand it back to
 * the inbox as a file received; the stack's job runs again and each of its documents is filed
 * once, from the stack, with nothing left behind.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { writeFiles } from '../../helpers/documents.js'
import { dischargeSummary, JOHNSON, labReport, LINDQVIST, OKAFOR, consultNote, stackPdf } from '../../helpers/stack.js'
import { listFiles, makeWorkspace, runCli, SAMPLES, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace

beforeAll(async () => {
  ws = makeWorkspace({
    CHARTCLERK_WATCH_STABILITY_MS: '100',
    CHARTCLERK_QUEUE_POLL_MS: '200',
    CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$',
  })
  const imported = await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])
  expect(imported.code, imported.stderr).toBe(0)
})

afterAll(async () => {
  await ws?.cleanup()
})

describe('a watcher restarted while it splits a stack', () => {
  it('GIVEN a stack of three patients’ documents WHEN start is killed as it writes the first part THEN the next start files each document once and returns nothing to the inbox', async () => {
    const { 'stack.pdf': stackSha } = await writeFiles(ws.inbox, {
      'stack.pdf': await stackPdf([labReport(JOHNSON, 1), dischargeSummary(LINDQVIST, 2, { marker: true }), consultNote(OKAFOR, 3)]),
    })
    const killed = startCli(ws, [], { CHARTCLERK_TEST_CRASH_AT: 'split-part:stack.pdf' })
    await killed.waitFor(() => killed.child.exitCode !== null || killed.child.signalCode !== null, 180_000)
    expect(killed.child.signalCode, 'killed as it wrote a part').toBe('SIGKILL')
    const work = path.join(ws.data, 'work')
    expect(await listFiles(work), 'no part in the work area').toEqual([])
    const parts = await listFiles(path.join(ws.data, 'parts'))
    expect(parts.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^part-[0-9a-f]{64}\.pdf$/)])
    expect(path.basename(path.dirname(parts[0]!)), "the killed process's own folder").toMatch(new RegExp(`_${killed.child.pid}$`))

    const run = startCli(ws)
    await run.waitFor(() => run.results.filter((r) => r.status === 'filed').length >= 3, 180_000)
    // A poll or two more: a part handed back to the inbox would be received by now.
    await new Promise((r) => setTimeout(r, 1500))
    expect(await run.stop()).toBe(0)

    // Three lines, one per document, each from the stack: none from a part handed back to the inbox as a file of its own.
    expect(run.results.map((r) => [r.status, r.split, r.batchSha256 === stackSha]).sort()).toEqual([
      ['filed', { from: 1, to: 1 }, true],
      ['filed', { from: 2, to: 4 }, true],
      ['filed', { from: 5, to: 6 }, true],
    ])
    expect(await listFiles(ws.inbox)).toEqual([])
    expect(await listFiles(work)).toEqual([])
    expect(await listFiles(path.join(ws.data, 'parts')), 'the killed process’s part tidied').toEqual([])
    expect(existsSync(parts[0]!)).toBe(false)
    const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
    try {
      const docs = c.db.prepare('SELECT id, patient_mrn AS mrn, page_from AS "from" FROM documents ORDER BY page_from').all() as {
        id: number
        mrn: string
        from: number
      }[]
      expect(docs.map((d) => [d.from, d.mrn])).toEqual([
        [1, 'CC-100418'],
        [2, 'CC-101127'],
        [5, 'CC-100562'],
      ])
      // Each document received once, from the stack: no receipt of a part handed back as a file of its own.
      for (const d of docs)
        expect((await c.documents.receipts(d.id)).map((r) => [r.originalName, r.isRepeat])).toEqual([['stack.pdf', false]])
    } finally {
      c.close()
    }
  }, 600_000)
})
