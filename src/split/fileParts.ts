/**
 * The documents a stack held become documents of their own. The received file stays as it
 * came (originals/<batch sha256>, never altered); each part gets its own PDF made from its
 * pages, kept content-addressed like any document's file so the viewer, release, retention and
 * the store check treat it as one, and is read as any document is: type, patient (two agreeing
 * identifiers), fields, settle (filed only when sure), what follows a filing. A part whose pages
 * are those of a document already on file is a repeat receipt of it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { PendingSearchable } from '../derived/pendingSearchable.js'
import { scanImageName } from '../derived/searchablePdfs.js'
import { summarise } from '../extract/extractText.js'
import { classify } from '../ingest/stages/classify.js'
import { fields } from '../ingest/stages/fields.js'
import { identify } from '../ingest/stages/identify.js'
import { onFiled } from '../ingest/stages/onFiled.js'
import { crashHookForTests } from '../ingest/testCrash.js'
import { settle } from '../ingest/stages/settle.js'
import type { Job, Stage, StageContext } from '../ingest/stages/types.js'
import type { ExtractedText, PageText } from '../model/types.js'
import { derivedKey, originalKey } from '../storage/objectStore.js'
import { putVerified } from '../storage/verified.js'
import { BatchesRepo } from './batches.js'
import { idConflict, pagesOf, type PageRange, type SplitPlan } from './boundaries.js'
import { readPages, type PageReading } from './pageReading.js'
import { partOfImages, partOfPdf } from './partPdf.js'
import { partScratchDir } from './partScratch.js'

export interface PartOutcome {
  documentId: number
  split: PageRange
  status: 'filed' | 'needs_review' | 'duplicate'
}

export interface BatchFacts {
  /** The catalog row the received file was read under (removed once its parts stand). */
  documentId: number
  sha256: string
  size: number
  contentType: string
  originalName: string
  sourceFolder: string
  receivedAt: string
  /** The claim that received it (a part's receipt is this claim and its pages). */
  claimId: string
}

type Ctx = Pick<StageContext, 'catalog' | 'sql' | 'store' | 'config' | 'classifier' | 'clock' | 'log' | 'rules' | 'ruleFiles'> &
  Partial<StageContext>

/** Reads of one page that the split stage and a person's review both use. */
export function readingsOf(ctx: Pick<StageContext, 'classifier' | 'config'>, pages: readonly PageText[]): PageReading[] {
  return readPages(
    pages.map((p) => p.text),
    {
      classify: (t) => ctx.classifier.classify(t),
      identifiers: { mrnPattern: ctx.config.patients.mrnPattern, dateOrder: ctx.config.patients.dateOrder },
    },
  )
}

/** Fingerprint of pages by their text; null when there is too little text to tell pages apart. */
export function pagesKeyOf(pages: readonly Pick<PageText, 'text'>[]): string | null {
  const norm = pages.map((p) => p.text.replace(/\s+/g, ' ').trim().toLowerCase())
  if (norm.join('').length < 40) return null
  return createHash('sha256').update(norm.join('\f')).digest('hex')
}

/**
 * Turns the parts of a received file into documents; once every part stands, the file's own
 * catalog row goes (the file stays). `o.wait`: other parts still wait for a person, so the
 * file's row stays in review (with its pages, for the strip) and is retired when they are
 * decided; `o.earlier`: the parts filed before, to record with these.
 */
export async function fileParts(
  ctx: Ctx,
  batch: BatchFacts,
  text: ExtractedText,
  plan: SplitPlan,
  ranges: PageRange[],
  decidedBy: string,
  o: { wait?: boolean; earlier?: PartOutcome[] } = {},
): Promise<PartOutcome[]> {
  const { catalog, store, config } = ctx
  const readings = readingsOf(ctx, text.pages)
  const original = await store.get(originalKey(batch.sha256))
  const outcomes: PartOutcome[] = []
  for (const range of ranges) {
    // The part's own pages: its range of the file without the blank pages inside it.
    const filePages = pagesOf(range)
    const pages = filePages.map((n, i) => ({ ...text.pages[n - 1]!, page: i + 1 }))
    const partText = summarise(pages)
    const claimId = `${batch.claimId}#${range.from}-${range.to}`
    const receipt = { claimId, receivedAt: batch.receivedAt, originalName: batch.originalName, sourceFolder: batch.sourceFolder }
    const pagesKey = pagesKeyOf(pages)
    const same = pagesKey ? await catalog.documents.byPagesKey(pagesKey) : undefined
    if (same && same.batchSha256 !== batch.sha256) {
      // These pages are on file already (alone or in another stack): received again, not filed again.
      await catalog.documents.addReceipt({ documentId: same.id, ...receipt, isRepeat: true })
      outcomes.push({ documentId: same.id, split: range, status: 'duplicate' })
      continue
    }
    const pdf =
      batch.contentType === 'application/pdf'
        ? await partOfPdf(original, range, { maxPixels: config.ocr.maxPixels })
        : await partOfImages(await scansOf(ctx, batch.documentId, filePages))
    const sha = createHash('sha256').update(pdf).digest('hex')
    let doc = await catalog.documents.bySha(sha)
    if (doc && (doc.status === 'filed' || doc.status === 'needs_review')) {
      // Made before a stop, from this very stack: it stands.
      outcomes.push({ documentId: doc.id, split: range, status: doc.status })
      continue
    }
    // Written in this process's own folder, never the work area (src/split/partScratch.ts).
    const scratch = partScratchDir(config)
    const tmp = path.join(scratch, `part-${sha}.pdf`)
    await fs.mkdir(scratch, { recursive: true })
    await fs.writeFile(tmp, pdf)
    try {
      crashHookForTests('split-part', batch.originalName)
      await putVerified(store, originalKey(sha), tmp, sha, {
        contentType: 'application/pdf',
        retain: true,
        metadata: {
          'original-name': `${batch.originalName} pages ${range.from}-${range.to}`,
          'received-at': batch.receivedAt,
          'source-folder': batch.sourceFolder,
          sha256: sha,
          'batch-sha256': batch.sha256,
          pages: `${range.from}-${range.to}`,
          ...(range.blank ? { 'blank-pages-left-out': range.blank.join(',') } : {}),
        },
      })
    } finally {
      await fs.rm(tmp, { force: true })
    }
    const id =
      doc?.id ??
      (await catalog.tx(async (c) => {
        const created = await c.documents.create({
          sha256: sha,
          size: pdf.length,
          contentType: 'application/pdf',
          originalName: batch.originalName,
          sourceFolder: batch.sourceFolder,
          receivedAt: batch.receivedAt,
          batchSha256: batch.sha256,
          pageFrom: range.from,
          pageTo: range.to,
          pagesKey,
        })
        await c.documents.addReceipt({ documentId: created, ...receipt, isRepeat: false })
        // Blank pages inside the range are said on the part's record: the file has them, the part does not.
        if (range.blank) await c.documents.update(created, { details: { blankPagesLeftOut: range.blank } })
        await c.events.append('document.split_from', created, {
          batchSha256: batch.sha256,
          from: range.from,
          to: range.to,
          ...(range.blank ? { blankPagesLeftOut: range.blank } : {}),
          by: decidedBy,
        })
        return created
      }, `document ${sha}`))
    // The part's pages as they were read: scans (for the viewer and the searchable PDF) and text.
    let scans = 0
    for (let i = 0; i < pages.length; i++) {
      if (pages[i]!.source !== 'ocr') continue
      const from = derivedKey(batch.documentId, scanImageName(filePages[i]!))
      if (!(await store.stat(from))) continue
      await store.copy(from, derivedKey(id, scanImageName(i + 1)))
      scans++
    }
    await store.put(
      derivedKey(id, 'text.json'),
      { buffer: Buffer.from(JSON.stringify({ documentId: id, sha256: sha, ...partText, fullText: undefined })) },
      { contentType: 'application/json' },
    )
    await catalog.tx(async (c) => {
      await c.documents.savePages(id, pages)
      await c.documents.update(id, {
        pageCount: pages.length,
        textSource: partText.source,
        textLength: partText.fullText.length,
        ocrConfidence: partText.ocrConfidence,
      })
    }, `document ${id}`)
    if (scans) await new PendingSearchable(ctx.sql).add(id)
    doc = (await catalog.documents.get(id))!
    const status = await readPart(ctx, batch, {
      id,
      sha,
      size: pdf.length,
      text: partText,
      readings: filePages.map((n) => readings[n - 1]!),
    })
    outcomes.push({ documentId: id, split: range, status })
  }
  if (o.wait) return outcomes
  const all = [...(o.earlier ?? []), ...outcomes].sort((a, b) => a.split.from - b.split.from)
  await retireBatchRow(ctx, batch, plan, all, decidedBy)
  await dropDerived(ctx, batch.documentId)
  return outcomes
}

/** One part through the reading a document gets: type, patient, fields, settle, what follows filing. */
async function readPart(
  ctx: Ctx,
  batch: BatchFacts,
  part: { id: number; sha: string; size: number; text: ExtractedText; readings: PageReading[] },
): Promise<'filed' | 'needs_review'> {
  const job: Job = {
    id: `${batch.claimId}#${part.id}`,
    mode: 'ingest',
    sourcePath: batch.originalName,
    workPath: '',
    originalName: batch.originalName,
    sourceFolder: batch.sourceFolder,
    receivedAt: batch.receivedAt,
    sha256: part.sha,
    size: part.size,
    documentId: part.id,
    extracted: part.text,
    contentType: 'application/pdf',
    kind: 'pdf',
  }
  const run = async (stages: Stage[]) => {
    for (const s of stages) if (!s.appliesTo || s.appliesTo(job)) await s.run(job, ctx as StageContext)
  }
  await run([classify, identify])
  const foreign = foreignPages(job, part.readings)
  if (foreign.length) {
    ;(job.reviewReasons ??= []).push(
      `Page${foreign.length > 1 ? 's' : ''} ${foreign.join(', ')} of this document name${foreign.length > 1 ? '' : 's'} another patient than the rest: check where the document ends before filing it.`,
    )
  }
  await run([fields, settle, onFiled])
  return job.status === 'filed' ? 'filed' : 'needs_review'
}

/** Pages of a part naming a patient other than the one it matched, or than its other pages. */
function foreignPages(job: Job, readings: PageReading[]): number[] {
  const p = job.match?.decision === 'matched' ? job.match.patient : undefined
  const chart = p ? { names: [p.familyName.toUpperCase().replace(/[^A-Z]/g, '')], birthDates: [p.birthDate], mrns: [p.mrn] } : null
  const out: number[] = []
  readings.forEach((r, i) => {
    const others = readings.filter((_x, j) => j !== i)
    const against = chart ?? {
      names: others.flatMap((o) => o.ids.names),
      birthDates: others.flatMap((o) => o.ids.birthDates),
      mrns: others.flatMap((o) => o.ids.mrns),
    }
    if (idConflict(r.ids, against)) out.push(i + 1)
  })
  return out
}

async function scansOf(ctx: Ctx, batchId: number, filePages: number[]): Promise<Buffer[]> {
  const out: Buffer[] = []
  for (const n of filePages) out.push(await ctx.store.get(derivedKey(batchId, scanImageName(n))))
  return out
}

/** The received file is now a batch: its receipts and plan kept, its row as a document gone. */
async function retireBatchRow(ctx: Ctx, batch: BatchFacts, plan: SplitPlan, outcomes: PartOutcome[], decidedBy: string): Promise<void> {
  const ranges = outcomes.map((o) => o.split)
  const { catalog, sql } = ctx
  // The batch with its receipts, the split's event and the stack's row gone, in one write transaction (the
  // batches and the searchable PDFs owed join it when they are in the same catalog): never the parts without
  // their batch; and the batch is written before the stack's row goes, so a crash in between on two engines
  // leaves the stack known as a batch (the same file again is a repeat of its parts).
  await catalog.tx(async (c) => {
    await new BatchesRepo(sql).add(
      {
        sha256: batch.sha256,
        size: batch.size,
        contentType: batch.contentType,
        originalName: batch.originalName,
        receivedAt: batch.receivedAt,
        pageCount: plan.pageCount,
        plan: {
          parts: ranges,
          cuts: plan.cuts,
          separators: plan.separators,
          documents: outcomes.map((o) => ({ documentId: o.documentId, ...o.split })),
        },
        splitBy: decidedBy,
      },
      [
        ...(await c.documents.receipts(batch.documentId)).map((r) => ({
          batchSha256: batch.sha256,
          claimId: r.claimId,
          receivedAt: r.receivedAt,
          originalName: r.originalName,
          sourceFolder: r.sourceFolder,
          isRepeat: r.isRepeat,
        })),
        {
          batchSha256: batch.sha256,
          claimId: batch.claimId,
          receivedAt: batch.receivedAt,
          originalName: batch.originalName,
          sourceFolder: batch.sourceFolder,
          isRepeat: false,
        },
      ],
    )
    await new PendingSearchable(sql).done(batch.documentId)
    await c.events.append('batch.split', batch.documentId, {
      batchSha256: batch.sha256,
      parts: ranges.map((r) => `${r.from}-${r.to}`),
      separators: plan.separators,
      by: decidedBy,
    })
    // Its pages, their full-text entries and its receipts go with it.
    await c.documents.remove(batch.documentId)
  }, `document ${batch.documentId}`)
}

/** The stack's own page images and scans were for reading and review; the parts have theirs. */
async function dropDerived(ctx: Ctx, batchId: number): Promise<void> {
  const keys: string[] = []
  for await (const o of ctx.store.list(derivedKey(batchId, ''))) keys.push(o.key)
  for (const k of keys)
    await ctx.store
      .delete(k)
      .catch((err: unknown) => ctx.log.warn({ code: (err as { code?: string }).code }, 'a stack page image was left in the store'))
}
