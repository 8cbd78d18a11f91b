/**
 * The splitter alone, on stacks already written by `--only split` or `--only split-unseen`: each
 * stack's pages are read once (text layer or the real OCR, as extract reads them) and kept
 * beside it (`<batch>.pages.json`), then the boundary planner runs on them in a blink. For
 * working on the planner between full bench runs; the figure to report is the bench itself,
 * through the real `ingest`.
 *
 *   npx tsx bench/split/replay.ts [DIR ...] [--verbose] [--covers-without-count] [--mrn PATTERN]
 *
 * Each DIR holds `<batch>.pdf` and `<batch>.truth.json` (bench/split's or split-unseen's truth;
 * default: the bench's scanned stacks). Besides precision and recall it counts, of the parts the
 * plan would file at once (sure cuts on both sides), those whose pages belong to documents of
 * more than one patient: the pages that would go into a wrong chart if the part matched.
 *
 * `--covers-without-count`: the truth's fax cover sheets (bench/split's `covers`) with their count
 * of pages taken out, as a sender who leaves the count blank sends them: on scanned stacks, whose
 * covers' large headings OCR has lost already, what is left for knowing a cover is its routing
 * fields and its notice.
 *
 * `--mrn PATTERN`: the set's record numbers (default bench/split's `CC-` numbers; the fourth blind
 * set's are `^LF\\d{6}$`).
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
import { pagesOf, partsByCertainty, planSplit } from '../../src/split/boundaries.js'
import { readPages } from '../../src/split/pageReading.js'
import { MRN_PATTERN } from './patients.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const coversWithoutCount = args.includes('--covers-without-count')
const mrnAt = args.indexOf('--mrn')
const mrnPattern = mrnAt >= 0 ? args[mrnAt + 1]! : MRN_PATTERN
const dirs = args.filter((a, i) => !a.startsWith('--') && (mrnAt < 0 || i !== mrnAt + 1))
if (!dirs.length) dirs.push(path.join(ROOT, '.bench-cache/split/split-bench-v1-scan-full'))

/** What both sets' truth files say that this needs. */
interface Truth {
  batch: string
  file: string
  look?: string
  scanStyle?: string | null
  scanLook?: string | null
  pages: number
  parts: { from: number; to: number; patient: { mrn: string } }[]
  /** split-unseen: what each page is. */
  roles?: ({ kind: 'document'; part: number } | { kind: string })[]
  /** bench/split: separator sheets and blank pages. */
  separators?: number[]
  blanks?: number[]
  /** bench/split with covers: the fax cover sheets. */
  covers?: number[]
}

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

/** The truth part a page belongs to (null: a separator sheet or a blank page). */
function partOfPage(t: Truth, n: number): number | null {
  if (t.roles) {
    const r = t.roles[n - 1]
    return r && r.kind === 'document' ? (r as { part: number }).part : null
  }
  if (t.separators?.includes(n) || t.blanks?.includes(n)) return null
  const i = t.parts.findIndex((p) => p.from <= n && p.to >= n)
  return i < 0 ? null : i
}

const classifier = loadDefaultClassifier()
const tally = new Map<
  string,
  { tp: number; fp: number; fn: number; doubtful: number; filed: number; waiting: number; mixed: number; mixedPages: number }
>()
for (const dir of dirs) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.truth.json')).sort()
  for (const f of files) {
    const truth = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Truth
    const look = truth.look ?? 'scan'
    const t = tally.get(look) ?? { tp: 0, fp: 0, fn: 0, doubtful: 0, filed: 0, waiting: 0, mixed: 0, mixedPages: 0 }
    tally.set(look, t)
    let texts = await pageTexts(path.join(dir, truth.file))
    if (coversWithoutCount) texts = texts.map((t, i) => (truth.covers?.includes(i + 1) ? t.replace(/^.*\bpages?\b.*\d.*$/gim, '') : t))
    const plan = planSplit(readPages(texts, { classify: (x) => classifier.classify(x), identifiers: { mrnPattern } }))
    // A cut on a separator sheet or blank page just before a document is that document's boundary.
    const snap = (k: number) => {
      let n = k
      while (n <= truth.pages && partOfPage(truth, n) === null) n++
      return n
    }
    const found = [...new Set(plan.parts.slice(1).map((p) => snap(p.from)))]
    const want = truth.parts.slice(1).map((p) => p.from)
    const hit = found.filter((k) => want.includes(k))
    t.tp += hit.length
    t.fp += found.length - hit.length
    t.fn += want.length - hit.length
    t.doubtful += plan.cuts.filter((c) => c.confidence < 0.9).length
    const { file, wait } = plan.certain ? { file: plan.parts, wait: [] } : partsByCertainty(plan)
    t.filed += file.length
    t.waiting += wait.length
    for (const r of file) {
      const owners = pagesOf(r).map((n) => partOfPage(truth, n))
      const mrns = owners.map((o) => (o === null ? null : truth.parts[o]!.patient.mrn))
      const main = mrns.filter((m) => m !== null).sort((a, b) => mrns.filter((x) => x === b).length - mrns.filter((x) => x === a).length)[0]
      const wrong = mrns.filter((m) => m !== main).length
      if (wrong) {
        t.mixed++
        t.mixedPages += wrong
        console.log(`   FILED MIXED ${truth.batch} ${r.from}-${r.to}: ${wrong} page(s) of another patient (or no document)`)
      }
    }
    console.log(
      `${truth.batch} (${truth.scanStyle ?? truth.scanLook ?? look}): truth ${want.join(',')}  found ${found.join(',')}  certain ${plan.certain}  filed ${file.length} waiting ${wait.length}`,
    )
    if (verbose) {
      for (const c of plan.cuts)
        console.log(`   cut ${c.page} ${c.confidence}${want.includes(snap(c.page)) ? '' : ' WRONG'}: ${c.reasons.join('; ')}`)
      for (const k of want.filter((w) => !found.includes(w))) console.log(`   MISSED ${k}`)
    }
  }
}
const r = (x: number) => (Math.round(x * 1000) / 1000).toFixed(3)
for (const [look, t] of tally)
  console.log(
    `${look}: precision ${r(t.tp / Math.max(1, t.tp + t.fp))} recall ${r(t.tp / Math.max(1, t.tp + t.fn))} (tp ${t.tp} fp ${t.fp} fn ${t.fn}; doubtful cuts ${t.doubtful}); parts filed at once ${t.filed}, waiting ${t.waiting}; filed holding pages of another patient ${t.mixed} (${t.mixedPages} pages)`,
  )
