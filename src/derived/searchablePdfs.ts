/**
 * The searchable PDF of a scanned document, built after the document is settled, never
 * while it is being filed. Extract keeps each OCRed page as it was read (`scan-NNNN.jpg`)
 * beside `text.json` and records that a PDF is owed; this builds the PDF from those and
 * clears the debt. `start` builds in the background as documents settle (and finishes
 * what a stopped process left owing); `ingest` builds before it exits.
 */
import { toChartclerkError } from '../errors.js'
import { scaleWords } from '../extract/images.js'
import { buildSearchablePdf, type SearchablePage } from '../extract/searchablePdf.js'
import type { Logger } from '../log.js'
import type { PageText } from '../model/types.js'
import sharp from 'sharp'
import { PendingSearchable } from './pendingSearchable.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { derivedKey } from '../storage/objectStore.js'
import { putDerived, type DerivedDeps } from './storeDerived.js'

export const SEARCHABLE_PDF = 'searchable.pdf'
export const scanImageName = (page: number): string => `scan-${String(page).padStart(4, '0')}.jpg`

type Deps = DerivedDeps

/** Builds and stores one document's searchable PDF from its stored scans and words. */
export async function buildSearchablePdfFor(deps: Deps, documentId: number): Promise<'built' | 'nothing to build'> {
  const doc = await deps.catalog.documents.get(documentId)
  if (!doc || doc.errorCode === 'DESTROYED') return 'nothing to build'
  const saved = JSON.parse((await deps.storeWithArchive.get(derivedKey(documentId, 'text.json'))).toString('utf8')) as { pages: PageText[] }
  const pages: SearchablePage[] = []
  for (const p of saved.pages) {
    if (p.source !== 'ocr') continue
    const jpeg = await deps.storeWithArchive.get(derivedKey(documentId, scanImageName(p.page)))
    const meta = await sharp(jpeg).metadata()
    const width = meta.width ?? p.width ?? 1
    const height = meta.height ?? p.height ?? 1
    pages.push({ jpeg, width, height, words: scaleWords(p.words, width / (p.width || width)) })
  }
  if (!pages.length) return 'nothing to build'
  // Text-layer pages of a mixed PDF have no OCR image; the searchable copy holds the OCRed pages.
  const pdf = await buildSearchablePdf(pages, `chartclerk document ${documentId}`)
  await putDerived(deps, documentId, SEARCHABLE_PDF, pdf, 'application/pdf')
  return 'built'
}

/**
 * Works through the searchable PDFs owed, one document at a time, so it never takes
 * more than a small share of the machine from filing.
 */
export class SearchablePdfBuilder {
  readonly pending: PendingSearchable
  private running: Promise<number> | null = null
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly deps: Deps & { sql: SqlCatalog },
    private readonly log: Logger,
  ) {
    this.pending = new PendingSearchable(deps.sql)
  }

  /** Builds everything owed now; resolves with how many were built. Concurrent calls share one run. */
  drain(): Promise<number> {
    this.running ??= this.work().finally(() => (this.running = null))
    return this.running
  }

  /** Background mode (`start`): look again every `everyMs`, and when woken. */
  start(everyMs = 5_000): void {
    this.stopped = false
    const tick = () => {
      if (this.stopped) return
      this.drain()
        .catch(() => {})
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, everyMs).unref()
        })
    }
    tick()
  }

  /** A document settled: build its PDF soon. */
  wake(): void {
    if (!this.stopped && this.timer) void this.drain().catch(() => {})
  }

  /** Stops looking; a build in hand finishes (its row stays until it does, so nothing is lost). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running?.catch(() => {})
  }

  private async work(): Promise<number> {
    let built = 0
    const tried = new Set<number>()
    for (;;) {
      // A failed one waits for the next run rather than being retried at once.
      const batch = (await this.pending.ready(20 + tried.size)).filter((r) => !tried.has(r.documentId))
      if (!batch.length) break
      for (const { documentId } of batch) {
        if (this.stopped) return built
        tried.add(documentId)
        try {
          if ((await buildSearchablePdfFor(this.deps, documentId)) === 'built') built++
          await this.pending.done(documentId)
        } catch (err) {
          const e = toChartclerkError(err, 'INTERNAL', 'searchable-pdf')
          // Storage down: leave the row as it is and try again later.
          if (e.transient) return built
          await this.pending.failed(documentId, e.code)
          this.log.warn({ documentId, code: e.code }, 'searchable PDF not built; it is tried again later')
        }
      }
    }
    return built
  }
}
