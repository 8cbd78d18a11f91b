/**
 * The inbox watcher on a real folder with real chokidar: native events and
 * polling, recursion, files present at start, junk, stability, the rescan.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Observed } from '../../../src/ingest/runner.js'
import { InboxWatcher, type WatchOptions } from '../../../src/ingest/watcher.js'
import { silentLogger } from '../../../src/log.js'
import { waitFor } from '../../helpers/workspace.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
let watcher: InboxWatcher | null = null
let dir = ''

afterEach(async () => {
  await watcher?.stop()
  watcher = null
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function watch(opts: Partial<WatchOptions> = {}) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-watch-'))
  const inbox = path.join(dir, 'inbox')
  await mkdir(inbox, { recursive: true })
  const offered: { file: string; observed: Observed; at: number }[] = []
  const queued = new Set<string>()
  const make = () =>
    new InboxWatcher(
      { inbox, polling: false, pollIntervalMs: 100, stabilityMs: 300, rescanIntervalMs: 60_000, ...opts },
      (file, observed) => {
        if (queued.has(file)) return false
        queued.add(file)
        offered.push({ file, observed, at: Date.now() })
        return true
      },
      (file) => queued.has(file),
      silentLogger(),
    )
  return { inbox, offered, queued, make }
}

describe.each([
  ['native events', false],
  ['polling (network shares)', true],
])('InboxWatcher with %s', (_label, polling) => {
  it('offers files already present at start, recursively, and new ones; never junk', async () => {
    const w = await watch({ polling })
    await mkdir(path.join(w.inbox, 'fax', 'west'), { recursive: true })
    await writeFile(path.join(w.inbox, 'before.pdf'), 'a')
    await writeFile(path.join(w.inbox, 'fax', 'west', 'deep.tiff'), 'b')
    await mkdir(path.join(w.inbox, '@eaDir'), { recursive: true })
    for (const junk of ['.DS_Store', 'Thumbs.db', '~$note.docx', '.hidden.pdf', 'copying.pdf.part', 'x.tmp', '@eaDir/thumb.jpg']) {
      await writeFile(path.join(w.inbox, junk), 'junk')
    }
    watcher = w.make()
    await watcher.start()
    await writeFile(path.join(w.inbox, 'after.jpg'), 'c')
    await waitFor(() => w.offered.length >= 3, 10_000)
    await sleep(800)
    expect(w.offered.map((o) => path.relative(w.inbox, o.file)).sort()).toEqual([
      'after.jpg',
      'before.pdf',
      path.join('fax', 'west', 'deep.tiff'),
    ])
  })

  it('waits until a file stops growing (a scanner writing in bursts) before offering it, with its final size', async () => {
    const w = await watch({ polling, stabilityMs: 600 })
    watcher = w.make()
    await watcher.start()
    const f = path.join(w.inbox, 'slow-scan.pdf')
    await writeFile(f, 'x'.repeat(1000))
    for (let i = 0; i < 5; i++) {
      await sleep(250) // pauses shorter than the stability window
      await appendFile(f, 'y'.repeat(1000))
    }
    const finishedAt = Date.now()
    await waitFor(() => w.offered.length === 1, 10_000)
    expect(w.offered[0]!.observed.size).toBe(6000)
    expect(w.offered[0]!.at - finishedAt).toBeGreaterThanOrEqual(500)
  })
})

describe('InboxWatcher safety nets', () => {
  it('the periodic rescan finds a file that no event announced', async () => {
    // Polling so slow it never fires: only the rescan can find the file.
    const w = await watch({ polling: true, pollIntervalMs: 600_000, rescanIntervalMs: 1000, stabilityMs: 100 })
    watcher = w.make()
    await watcher.start()
    await writeFile(path.join(w.inbox, 'missed.pdf'), 'z')
    await waitFor(() => w.offered.length === 1, 10_000)
    expect(path.basename(w.offered[0]!.file)).toBe('missed.pdf')
  })

  it('a file still queued is not offered twice, by events or by rescans', async () => {
    const w = await watch({ rescanIntervalMs: 1000, stabilityMs: 100 })
    watcher = w.make()
    await watcher.start()
    const f = path.join(w.inbox, 'once.pdf')
    await writeFile(f, 'a')
    await waitFor(() => w.offered.length === 1, 10_000)
    await appendFile(f, 'b') // a change event while it is queued
    await watcher.rescan()
    await sleep(2500)
    expect(w.offered).toHaveLength(1)
  })

  it('a folder moved into the inbox is picked up with everything in it', async () => {
    const w = await watch({ stabilityMs: 100 })
    watcher = w.make()
    await watcher.start()
    const outside = path.join(dir, 'batch')
    await mkdir(path.join(outside, 'sub'), { recursive: true })
    await writeFile(path.join(outside, 'a.pdf'), 'a')
    await writeFile(path.join(outside, 'sub', 'b.pdf'), 'b')
    const { rename } = await import('node:fs/promises')
    await rename(outside, path.join(w.inbox, 'batch'))
    await waitFor(() => w.offered.length === 2, 10_000)
  })
})
