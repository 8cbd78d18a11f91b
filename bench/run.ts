/**
 * `npm run bench`: every chartclerk benchmark in one run, printed as a table
 * and written to bench/results/latest.json. Options:
 *   --pages N   scanned pages for the OCR comparison (default 24)
 *   --batch N   pages for the memory run (default 200)
 *   --per-style N  pages per scan style for the accuracy comparison (default 2)
 *   --styles a,b   only these scan styles (see bench/accuracy-pages.ts)
 *   --dump      write each reader's text and chartclerk's prepared page beside the accuracy pages
 *   --only a,b  run some of: accuracy,unseen-reading,ocr,text,latency,memory,hostile,stored-scans,rules,storage,split,split-unseen,split-blind,split-blind-3,split-blind-4,split-blind-5,workers,catalog
 *   --catalog-docs N, --catalog-rounds N  documents per round and rounds for catalog (default 200 and 3; bench/catalog-ops.ts)
 *   --unseen-per-style N  unseen pages per scan path for unseen-reading (default 5; bench/unseen-reading.ts)
 *   --mixed N   files for the mixed-batch memory run with hostile files (default 200)
 *   --text-files N  text-layer PDFs for the text-path figure (default 120)
 *   --split-batches N  generated stacks for the split figure (default 4, scanned)
 *   --split-quick  the split figure on one small text-layer stack (smoke test)
 *   --split-look text|scan  text-layer or scanned stacks for the split figure (default scan)
 *   --split-covers  fax cover sheets before some documents of the split figure's stacks
 *   --unseen-text N, --unseen-scan N, --unseen-seed S  stacks for split-unseen (default 8 and 8; bench/split-unseen.ts)
 *   --blind-text N, --blind-scan N, --blind-seed S  stacks for split-blind (default 8 and 6; bench/split-blind.ts)
 *   --blind3-text N, --blind3-scan N, --blind3-seed S  stacks for split-blind-3 (default 8 and 6, seed split-blind-v3; bench/split-blind-3.ts)
 *   --blind4-text N, --blind4-scan N, --blind4-seed S  stacks for split-blind-4 (default 8 and 6, seed split-blind-v4; bench/split-blind-4.ts)
 *   --blind5-text N, --blind5-scan N, --blind5-seed S  stacks for split-blind-5 (default 8 and 6, seed split-blind-v5; bench/split-blind-5.ts)
 *   --workers-pages N, --workers-rounds N  scanned pages and alternating rounds for workers (default 12 and 2; bench/workers.ts)
 *   --stored-scan-pages N  bench pages read drawn and from their stored JPEG for stored-scans (default 10; bench/stored-scans.ts)
 */
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runAccuracyBench } from './accuracy.js'
import type { AccuracyStyle } from './accuracy-pages.js'
import { runOcrBench } from './ocr.js'
import { runLatencyBench, runMemoryBench, runTextLayerBench } from './pipeline.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    'per-style': { type: 'string', default: '2' },
    styles: { type: 'string' },
    pages: { type: 'string', default: '24' },
    batch: { type: 'string', default: '200' },
    mixed: { type: 'string', default: '200' },
    'text-files': { type: 'string', default: '120' },
    only: { type: 'string' },
    'unseen-per-style': { type: 'string', default: '5' },
    dump: { type: 'boolean', default: false },
    'split-batches': { type: 'string', default: '4' },
    'split-quick': { type: 'boolean', default: false },
    'split-look': { type: 'string' },
    'split-covers': { type: 'boolean', default: false },
    'unseen-text': { type: 'string', default: '8' },
    'unseen-scan': { type: 'string', default: '8' },
    'unseen-seed': { type: 'string' },
    'blind-text': { type: 'string', default: '8' },
    'blind-scan': { type: 'string', default: '6' },
    'blind-seed': { type: 'string' },
    'blind3-text': { type: 'string', default: '8' },
    'blind3-scan': { type: 'string', default: '6' },
    'blind3-seed': { type: 'string' },
    'blind4-text': { type: 'string', default: '8' },
    'blind4-scan': { type: 'string', default: '6' },
    'blind4-seed': { type: 'string' },
    'blind5-text': { type: 'string', default: '8' },
    'blind5-scan': { type: 'string', default: '6' },
    'blind5-seed': { type: 'string' },
    'workers-pages': { type: 'string', default: '12' },
    'stored-scan-pages': { type: 'string', default: '10' },
    'workers-rounds': { type: 'string', default: '2' },
    'catalog-docs': { type: 'string', default: '200' },
    'catalog-rounds': { type: 'string', default: '3' },
  },
})
const only = values.only ? new Set(values.only.split(',')) : null
const want = (k: string) => !only || only.has(k)
const cacheDir = path.join(ROOT, '.bench-cache')
const results: Record<string, unknown> = {
  machine: { cpus: os.availableParallelism(), node: process.version },
  at: new Date().toISOString(),
}

async function step(name: string, fn: () => Promise<unknown>) {
  if (!want(name)) return
  process.stderr.write(`bench: ${name} ...\n`)
  results[name] = await fn()
  process.stderr.write(`bench: ${name}: ${JSON.stringify(results[name])}\n`)
}

await step('accuracy', () =>
  runAccuracyBench({
    cacheDir,
    perStyle: Number(values['per-style']),
    styles: values.styles?.split(',') as AccuracyStyle[] | undefined,
    dump: values.dump,
  }),
)
await step('unseen-reading', async () =>
  (await import('./unseen-reading.js')).runUnseenReadingBench({
    cacheDir,
    perStyle: Number(values['unseen-per-style']),
    dump: values.dump,
  }),
)
await step('ocr', () => runOcrBench({ pages: Number(values.pages), cacheDir }))
await step('text', () => runTextLayerBench({ files: Number(values['text-files']), cacheDir }))
await step('latency', () => runLatencyBench({ cacheDir, samples: 5, stabilityMs: 2000 }))
await step('memory', () => runMemoryBench({ pages: Number(values.batch), cacheDir }))
await step('hostile', async () => (await import('./hostile.js')).runHostileMemoryBench({ files: Number(values.mixed), cacheDir }))
await step('stored-scans', async () =>
  (await import('./stored-scans.js')).runStoredScanBench({ cacheDir, pages: Number(values['stored-scan-pages']) }),
)
await step('split', async () =>
  (await import('./split.js')).runSplitBench({
    cacheDir,
    batches: Number(values['split-batches']),
    quick: values['split-quick'],
    look: values['split-look'] as 'text' | 'scan' | undefined,
    covers: values['split-covers'],
  }),
)
await step('split-unseen', async () =>
  (await import('./split-unseen.js')).runSplitUnseenBench({
    cacheDir,
    text: Number(values['unseen-text']),
    scan: Number(values['unseen-scan']),
    seed: values['unseen-seed'],
  }),
)
await step('split-blind', async () =>
  (await import('./split-blind.js')).runSplitBlindBench({
    cacheDir,
    text: Number(values['blind-text']),
    scan: Number(values['blind-scan']),
    seed: values['blind-seed'],
  }),
)
await step('split-blind-3', async () =>
  (await import('./split-blind-3.js')).runSplitBlind3Bench({
    cacheDir,
    text: Number(values['blind3-text']),
    scan: Number(values['blind3-scan']),
    seed: values['blind3-seed'],
  }),
)
await step('split-blind-4', async () =>
  (await import('./split-blind-4.js')).runSplitBlind4Bench({
    cacheDir,
    text: Number(values['blind4-text']),
    scan: Number(values['blind4-scan']),
    seed: values['blind4-seed'],
  }),
)
await step('split-blind-5', async () =>
  (await import('./split-blind-5.js')).runSplitBlind5Bench({
    cacheDir,
    text: Number(values['blind5-text']),
    scan: Number(values['blind5-scan']),
    seed: values['blind5-seed'],
  }),
)
await step('workers', async () =>
  (await import('./workers.js')).runWorkersBench({
    cacheDir,
    pages: Number(values['workers-pages']),
    rounds: Number(values['workers-rounds']),
  }),
)
await step('rules', async () => {
  const mod = await import('./rules.js').catch(() => null)
  return mod && 'runRulesBench' in mod ? (mod as any).runRulesBench() : { skipped: 'bench/rules.ts not present' }
})
await step('catalog', async () =>
  (await import('./catalog-ops.js')).runCatalogOpsBench({
    documents: Number(values['catalog-docs']),
    rounds: Number(values['catalog-rounds']),
  }),
)
await step('storage', async () => {
  const mod = await import('./storage-put.js').catch(() => null)
  return mod && 'runStoragePutBench' in mod ? (mod as any).runStoragePutBench() : { skipped: 'bench/storage-put.ts not present' }
})

await mkdir(path.join(ROOT, 'bench/results'), { recursive: true })
await writeFile(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n')
process.stdout.write(JSON.stringify(results, null, 2) + '\n')
// Engines' worker threads and reader processes can keep the event loop alive after close: the run is over.
process.exit(0)
