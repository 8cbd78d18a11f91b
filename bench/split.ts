/**
 * Splitting stacks: generated batches (bench/split/, house styles chartclerk was not tuned on)
 * through the real `chartclerk ingest --json` in a fresh data folder with the batches' patients
 * imported; boundary precision and recall, exact parts, and pages filed into a chart they do
 * not belong to (must be 0). `npm run bench -- --only split [--split-batches N] [--split-quick]`.
 * Quick mode: one small text-layer batch, for a smoke test.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeBatch, type BatchLook, type BatchSize, type BatchTruth } from './split/batch.js'
import { benchPatientsCsv, MRN_PATTERN } from './split/patients.js'
import { scoreBatch, summarise, type BatchScore, type IngestLine, type SplitSummary } from './split/score.js'
import { ingestWithIndex } from './runChartclerk.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface GeneratedBatch {
  pdf: string
  truthFile: string
  truth: BatchTruth
}

/** Writes `count` batches (PDF and `<batch>.truth.json` side by side) into `dir`. */
export async function writeBatches(
  dir: string,
  o: { seed: string; count: number; look: BatchLook; size: BatchSize; covers?: boolean },
): Promise<GeneratedBatch[]> {
  await mkdir(dir, { recursive: true })
  const out: GeneratedBatch[] = []
  for (let i = 0; i < o.count; i++) {
    const { pdf, truth } = await makeBatch({ seed: o.seed, index: i, look: o.look, size: o.size, covers: o.covers })
    const file = path.join(dir, truth.file)
    const truthFile = file.replace(/\.pdf$/, '.truth.json')
    await writeFile(file, pdf)
    await writeFile(truthFile, JSON.stringify(truth, null, 2) + '\n')
    out.push({ pdf: file, truthFile, truth })
  }
  return out
}

/**
 * Runs the real command on the batches in a fresh data folder (patients imported first) and
 * scores what it printed. Returns each batch's score, the lines, and the summary.
 */
export async function ingestAndScore(
  batches: GeneratedBatch[],
  o: { workers?: number } = {},
): Promise<{ summary: SplitSummary; perBatch: BatchScore[]; lines: IngestLine[]; seconds: number }> {
  const { linesByFile, lines, seconds } = await ingestWithIndex<IngestLine>(
    'split',
    batches.map((b) => b.pdf),
    { patientsCsv: benchPatientsCsv(), mrnPattern: MRN_PATTERN, workers: o.workers },
  )
  const perBatch = batches.map((b, i) => scoreBatch(b.truth, linesByFile[i]!))
  return { summary: summarise(perBatch), perBatch, lines, seconds }
}

export async function runSplitBench(opts: {
  cacheDir: string
  batches?: number
  quick?: boolean
  seed?: string
  look?: BatchLook
  /** Fax cover sheets before some documents (bench/split/coverSheets.ts). */
  covers?: boolean
}) {
  const quick = !!opts.quick
  const seed = opts.seed ?? 'split-bench-v1'
  const look = opts.look ?? (quick ? 'text' : 'scan')
  const size: BatchSize = quick ? 'quick' : 'full'
  const count = quick ? 1 : (opts.batches ?? 4)
  const covers = !!opts.covers && !quick
  const dir = path.join(opts.cacheDir, 'split', `${seed}-${look}-${size}${covers ? '-covers' : ''}`)
  process.stderr.write(`bench: split: generating ${count} ${look} batch(es) in ${dir} ...\n`)
  const batches = await writeBatches(dir, { seed, count, look, size, covers })
  process.stderr.write(
    `bench: split: ${batches.reduce((s, b) => s + b.truth.pages, 0)} pages, ${batches.reduce((s, b) => s + b.truth.parts.length, 0)} documents; ingesting ...\n`,
  )
  const { summary, perBatch, seconds } = await ingestAndScore(batches)
  const pct = (x: number | null) => (x == null ? 'n/a (no boundary proposed)' : x.toFixed(3))
  process.stderr.write(
    `split: boundary precision ${pct(summary.boundaryPrecision)}, recall ${pct(summary.boundaryRecall)} (${summary.boundaries} boundaries); exact parts ${summary.exactPartAccuracy.toFixed(3)}; ` +
      `pages filed into a wrong chart ${summary.pagesFiledIntoWrongChart} ${JSON.stringify(summary.wrongChartBreakdown)}; ingest ${seconds} s\n`,
  )
  const result = {
    seed,
    look,
    quick,
    covers,
    at: new Date().toISOString(),
    ...summary,
    ingestSeconds: seconds,
    target: 'boundary precision and recall >= 0.95, 0 pages into a wrong chart',
    perBatch: perBatch.map(
      ({
        batch,
        pages,
        truthBoundaries,
        foundBoundaries,
        exactParts,
        truthParts,
        partsFiled,
        partsInReview,
        wrongChartPages,
        statuses,
      }) => ({
        batch,
        pages,
        truthBoundaries,
        foundBoundaries,
        exactParts,
        truthParts,
        partsFiled,
        partsInReview,
        wrongChartPages,
        statuses,
      }),
    ),
  }
  // A full run is kept apart from latest.json, which a run of other benchmarks rewrites.
  if (!quick)
    await writeFile(path.join(ROOT, `bench/results/split${covers ? '-covers' : ''}-latest.json`), JSON.stringify(result, null, 2) + '\n')
  return result
}
