/**
 * `chartclerk review split <batch>`: a stack waiting in review, from the command line. It shows
 * the cuts proposed and the parts, changes cuts without filing, files the parts, and audits.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../../helpers/documents.js'
import { consultNote, JOHNSON, labReport, LINDQVIST, OKAFOR, stackPdf } from '../../helpers/stack.js'
import { makeWorkspace, runCli, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { jsonError, jsonLines } from './seed.js'

let ws: Workspace
let stack: Buffer
let waitingId: number
beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  expect((await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])).code).toBe(0)
  // Two consultations for one patient on one day, the second without its letterhead: the cut between them is in doubt.
  const second = consultNote(LINDQVIST, 3)
  stack = await stackPdf([
    labReport(JOHNSON, 3),
    consultNote(LINDQVIST, 3),
    { pages: [second.pages[0]!.slice(1), second.pages[1]!] },
    labReport(OKAFOR, 3),
  ])
  await writeFile(path.join(ws.dir, 'stack.pdf'), stack)
  const r = await runCli(ws, ['--json', 'ingest', path.join(ws.dir, 'stack.pdf')], { timeoutMs: 150_000 })
  expect(r.code, r.stderr).toBe(0)
  const lines = jsonLines(r)
  expect(lines.map((l) => [l.status, l.split.from, l.splitProposed ?? false])).toEqual([
    ['filed', 1, false],
    ['needs_review', 2, true],
    ['needs_review', 4, true],
    ['filed', 6, false],
  ])
  waitingId = lines[1].documentId
}, 200_000)
afterAll(async () => {
  await ws?.cleanup()
})

describe('review split', () => {
  it('shows the waiting stack: cuts with their confidence and why, the parts filed and the parts waiting (by id or by SHA-256)', async () => {
    const r = await runCli(ws, ['--json', 'review', 'split', String(waitingId)])
    expect(r.code, r.stderr).toBe(1)
    const [shown] = jsonLines(r)
    expect(shown).toMatchObject({ type: 'split', documentId: waitingId, batchSha256: sha256(stack), pages: 6, changed: false })
    expect(shown.cuts.map((c: any) => [c.page, c.sure])).toEqual([
      [2, true],
      [4, false],
      [6, true],
    ])
    expect(shown.cuts[1].reasons.join('; ')).toMatch(/signature closes the page before/)
    expect(shown.filed.map((f: any) => [f.split.from, f.status])).toEqual([
      [1, 'filed'],
      [6, 'filed'],
    ])
    expect(shown.parts.map((p: any) => p.split)).toEqual([
      { from: 2, to: 3 },
      { from: 4, to: 5 },
    ])
    const text = await runCli(ws, ['review', 'split', sha256(stack).slice(0, 12)])
    expect(text.code, text.stderr).toBe(1)
    expect(text.stdout).toMatch(/cut before page 4\s+\d+% in doubt/)
    expect(text.stdout).toMatch(/filed\s+page 1 -> document \d+/)
    expect(shown.covers).toEqual([])
  })

  it('GIVEN a faxed stack waiting WHEN shown THEN its fax cover sheet is named as the first page of its document', async () => {
    const cover = {
      pages: [
        [
          'FAX',
          'To: Records desk',
          'From: Harbor Cardiology Associates',
          'Re: consultations',
          'Phone: 207-555-0177',
          'CONFIDENTIAL: intended recipient only. If received in error, notify the sender and destroy it.',
        ],
      ],
    }
    const second = consultNote(OKAFOR, 4)
    await writeFile(
      path.join(ws.dir, 'faxed.pdf'),
      await stackPdf([cover, consultNote(OKAFOR, 4), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }]),
    )
    const lines = jsonLines(await runCli(ws, ['--json', 'ingest', path.join(ws.dir, 'faxed.pdf')], { timeoutMs: 150_000 }))
    expect(lines.map((l) => [l.status, l.split])).toEqual([
      ['needs_review', { from: 1, to: 3 }],
      ['needs_review', { from: 4, to: 5 }],
    ])
    const id = String(lines[0].documentId)
    const [shown] = jsonLines(await runCli(ws, ['--json', 'review', 'split', id]))
    expect(shown).toMatchObject({ covers: [1], parts: [{ split: { from: 1, to: 3 } }, { split: { from: 4, to: 5 } }] })
    expect((await runCli(ws, ['review', 'split', id])).stdout).toMatch(
      /page 1: fax cover sheet, the first page of the document it announces/,
    )
  }, 200_000)

  it('changing cuts without --file shows the parts they would make and files nothing', async () => {
    const removed = jsonLines(await runCli(ws, ['--json', 'review', 'split', String(waitingId), '--remove', '4']))[0]
    expect(removed).toMatchObject({ changed: true, parts: [{ split: { from: 2, to: 5 } }] })
    const moved = jsonLines(await runCli(ws, ['--json', 'review', 'split', String(waitingId), '--move', '4:5']))[0]
    expect(moved.parts.map((p: any) => p.split)).toEqual([
      { from: 2, to: 4 },
      { from: 5, to: 5 },
    ])
    const list = jsonLines(await runCli(ws, ['--json', 'review', 'list']))
    expect(list.map((d) => d.id)).toContain(waitingId)
    expect((await runCli(ws, ['review', 'list'])).stdout).toContain(`chartclerk review split ${waitingId}`)
  })

  it('refuses what cannot be: no cut there to remove, a page outside the file, a stack that does not exist', async () => {
    const noCut = await runCli(ws, ['--json', 'review', 'split', String(waitingId), '--remove', '3'])
    expect(noCut.code).toBe(2)
    expect(jsonError(noCut)).toMatchObject({ code: 'USAGE' })
    const outside = await runCli(ws, ['--json', 'review', 'split', String(waitingId), '--add', '9', '--file'])
    expect(outside.code).toBe(2)
    expect(jsonError(outside).message).toMatch(/pages 2 to 6/)
    const none = await runCli(ws, ['--json', 'review', 'split', '999'])
    expect(none.code).toBe(1)
    expect(jsonError(none)).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('--file files the parts with the cuts decided, audited as review.split; the stack no longer waits', async () => {
    const r = await runCli(ws, ['--json', 'review', 'split', String(waitingId), '--file', '--by', 'clerk c'], { timeoutMs: 120_000 })
    expect(r.code, r.stderr).toBe(0)
    expect(jsonLines(r).map((l) => [l.type, l.status, l.split])).toEqual([
      ['part', 'filed', { from: 2, to: 3 }],
      ['part', 'filed', { from: 4, to: 5 }],
    ])
    const audit = jsonLines(await runCli(ws, ['--json', 'audit', 'list', '--action', 'review.split']))
    expect(audit.map((a) => [a.actor, a.targetId, a.detail?.decided])).toEqual([['clerk c', String(waitingId), [2, 4, 6]]])
    const again = await runCli(ws, ['--json', 'review', 'split', String(waitingId)])
    expect(jsonError(again)).toMatchObject({ code: 'NOT_FOUND' })
    const list = jsonLines(await runCli(ws, ['--json', 'review', 'list']))
    expect(list.map((d) => d.id)).not.toContain(waitingId)
  }, 150_000)
})
