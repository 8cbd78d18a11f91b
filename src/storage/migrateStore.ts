/**
 * Copy every object from one store to another (filesystem -> S3, one bucket to
 * another), each one proven by reading it back, resumable after an interruption.
 *
 * Progress is a JSON-lines file: a header naming both stores, then one line per
 * object that is at the destination and verified. A re-run skips recorded objects
 * that are still at the destination, and for the rest `verifiedCopy` keeps a
 * destination copy that already holds the same bytes (the crash-after-write case),
 * so no object is written twice.
 *
 * Transient failures (the destination went away and the store's own retries ran out)
 * stop the run: it resumes where it stopped. Other failures of one object (a corrupt
 * source, an object removed meanwhile) are reported and the rest go on.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { toChartclerkError, type ErrorCode } from '../errors.js'
import type { ObjectStore } from './objectStore.js'
import { verifiedCopy } from './verified.js'

export interface MigrateProgress {
  done: number
  total: number
  key: string
  outcome: 'copied' | 'skipped' | 'failed'
}

export interface MigrateFailure {
  key: string
  code: ErrorCode
  action: string
}

export interface MigrateResult {
  total: number
  /** Written to the destination and verified in this run. */
  copied: number
  /** Already at the destination and verified (earlier run, or the same bytes were there). */
  skipped: number
  failed: MigrateFailure[]
  bytesCopied: number
  /** Stopped by the signal before every object was handled. */
  aborted: boolean
}

export interface MigrateOptions {
  progressFile: string
  onProgress?: (p: MigrateProgress) => void
  signal?: AbortSignal
  /** Objects copied at the same time (default 2). */
  concurrency?: number
  /** Where objects above the memory limit are staged (default: the OS temp folder). */
  tmpDir?: string
}

interface ProgressHeader {
  type: 'chartclerk-migrate'
  from: string
  to: string
}

export async function migrateStore(from: ObjectStore, to: ObjectStore, opts: MigrateOptions): Promise<MigrateResult> {
  const header: ProgressHeader = { type: 'chartclerk-migrate', from: await describe(from), to: await describe(to) }
  const { resumable, recorded } = await readProgress(opts.progressFile, header)
  await fs.mkdir(path.dirname(opts.progressFile), { recursive: true })
  if (!resumable) await fs.writeFile(opts.progressFile, `${JSON.stringify({ ...header, started: new Date().toISOString() })}\n`)
  const out = await fs.open(opts.progressFile, 'a')

  const objects: { key: string; size: number }[] = []
  for await (const o of from.list('')) objects.push({ key: o.key, size: o.size })
  objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

  const result: MigrateResult = { total: objects.length, copied: 0, skipped: 0, failed: [], bytesCopied: 0, aborted: false }
  let done = 0
  let next = 0
  let stop: unknown
  const report = (key: string, outcome: MigrateProgress['outcome']): void => {
    done++
    opts.onProgress?.({ done, total: objects.length, key, outcome })
  }

  const worker = async (): Promise<void> => {
    while (next < objects.length && stop === undefined && !opts.signal?.aborted) {
      const { key, size } = objects[next++]!
      try {
        if (recorded.get(key) === size) {
          const there = await to.stat(key)
          if (there && there.size === size) {
            result.skipped++
            report(key, 'skipped')
            continue
          }
        }
        const r = await verifiedCopy(from, key, to, key, { tmpDir: opts.tmpDir })
        await out.write(`${JSON.stringify({ key, size: r.size, sha256: r.sha256 })}\n`)
        if (r.written) {
          result.copied++
          result.bytesCopied += r.size
        } else {
          result.skipped++
        }
        report(key, r.written ? 'copied' : 'skipped')
      } catch (err) {
        const e = toChartclerkError(err, 'STORAGE_FAILED')
        if (e.transient || e.code === 'STORAGE_ACCESS_DENIED' || e.code === 'STORAGE_BUCKET_MISSING' || e.code === 'CONFIG_INVALID') {
          stop ??= e
          return
        }
        result.failed.push({ key, code: e.code, action: e.action })
        report(key, 'failed')
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker))
  } finally {
    await out.close()
  }
  if (stop !== undefined) throw stop
  result.aborted = done < objects.length
  return result
}

async function describe(store: ObjectStore): Promise<string> {
  try {
    return (await store.health()).description
  } catch {
    return store.backend
  }
}

/** Keys recorded by an earlier run of the same migration (key -> size). A file of another migration does not count. */
async function readProgress(file: string, header: ProgressHeader): Promise<{ resumable: boolean; recorded: Map<string, number> }> {
  const map = new Map<string, number>()
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    return { resumable: false, recorded: map }
  }
  const lines = text.split('\n').filter(Boolean)
  let first: Partial<ProgressHeader> = {}
  try {
    first = JSON.parse(lines[0] ?? '{}') as Partial<ProgressHeader>
  } catch {
    // unreadable: start over
  }
  if (first.type !== header.type || first.from !== header.from || first.to !== header.to) return { resumable: false, recorded: map }
  for (const line of lines.slice(1)) {
    try {
      const r = JSON.parse(line) as { key?: string; size?: number }
      if (typeof r.key === 'string' && typeof r.size === 'number') map.set(r.key, r.size)
    } catch {
      // a line cut short by a crash: that object is simply checked again
    }
  }
  return { resumable: true, recorded: map }
}
