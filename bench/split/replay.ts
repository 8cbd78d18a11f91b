/**
 * The splitter alone, on the bench's stacks: each stack's pages are read once (text layer or
 * the real OCR, as extract reads them) and kept beside it (`<batch>.pages.json`), then the
 * boundary planner runs on them in a blink. For working on the planner between full bench runs;
 * the figure to report is `npm run bench -- --only split`, through the real `ingest`.
 *
 *   npx tsx bench/split/replay.ts [DIR] [--verbose]
 *
 * DIR holds `<batch>.pdf` and `<batch>.truth.json` (default: the bench's scanned stacks).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openApp } from '../../src/app.js'
import { loadDefaultClassifier } from '../../src/classify/classifier.js'
import { extractDocument } from '../../src/extract/extractText.js'
import { silentLogger } from '../../src/log.js'
import { loadConfig } from '../../src/config/config.js'
import { planSplit } from '../../src/split/boundaries.js'
import { readPages } from '../../src/split/pageReading.js'
import type { BatchTruth } from './batch.js'
import { MRN_PATTERN } from './patients.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const dir = args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, '.bench-cache/split/split-bench-v1-scan-full')

async function pageTexts(pdf: string): Promise<string[]> {
  const cached = pdf.replace(/\.pdf$/, '.pages.json')
  if (existsSync(cached)) return JSON.parse(await readFile(cached, 'utf8')) as string[]
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cc-split-replay-'))
  const config = loadConfig({
    cwd: tmp,
    env: {
      CHARTCLERK_DATA: path.join(tmp, 'data'),
      CHARTCLERK_INBOX: path.join(tmp, 'inbox'),
      CHARTCLERK_OCR_WORKERS: '1',
      // A loaded machine can take minutes a page; this is about cutting, not speed.
      CHARTCLERK_OCR_PAGE_TIMEOUT_MS: '900000',
    },
  })
  const app = await openApp(config, { log: silentLogger() })
  try {
    const o = config.ocr
    const text = await extractDocument(
      pdf,
      'pdf',
      app.ocr,
      { deskew: o.deskew, renderDpi: o.renderDpi, maxPixels: o.maxPixels, minTextLayerChars: o.minTextLayerChars },
      async () => {},
    )
    const texts = text.pages.map((p) => p.text)
    await writeFile(cached, JSON.stringify(texts))
    return texts
  } finally {
    await app.close()
    await rm(tmp, { recursive: true, force: true })
  }
}

const classifier = loadDefaultClassifier()
let tp = 0
let fp = 0
let fn = 0
let doubtful = 0
const files = (await readdir(dir)).filter((f) => f.endsWith('.truth.json')).sort()
for (const f of files) {
  const truth = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as BatchTruth
  const texts = await pageTexts(path.join(dir, truth.file))
  const plan = planSplit(readPages(texts, { classify: (t) => classifier.classify(t), identifiers: { mrnPattern: MRN_PATTERN } }))
  const found = plan.parts.slice(1).map((p) => p.from)
  const want = truth.parts.slice(1).map((p) => p.from)
  const hit = found.filter((k) => want.includes(k))
  tp += hit.length
  fp += found.length - hit.length
  fn += want.length - hit.length
  doubtful += plan.cuts.filter((c) => c.confidence < 0.9).length
  console.log(
    `${truth.batch} (${truth.scanStyle ?? truth.look}): truth ${want.join(',')}  found ${found.join(',')}  parts ${JSON.stringify(plan.parts)}  certain ${plan.certain}`,
  )
  if (verbose) {
    for (const c of plan.cuts) console.log(`   cut ${c.page} ${c.confidence}: ${c.reasons.join('; ')}`)
    for (const k of want.filter((w) => !found.includes(w))) console.log(`   MISSED ${k}`)
  }
}
const r = (x: number) => (Math.round(x * 1000) / 1000).toFixed(3)
console.log(
  `precision ${r(tp / Math.max(1, tp + fp))} recall ${r(tp / Math.max(1, tp + fn))} (tp ${tp} fp ${fp} fn ${fn}; doubtful cuts ${doubtful})`,
)
