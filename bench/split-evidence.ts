/**
 * The evidence behind each boundary of text-layer stacks already written (by `--only split` or
 * `--only split-unseen`): for every page, whether a document truly starts there, the confidence
 * the splitter gave it and the signs it read, for and against. Read from the stacks' text layers
 * with the splitter itself (no ingest), to see which signs carry which boundaries before weighing
 * them again. Scanned stacks are left out (their text is the OCR's, read at ingest).
 *
 *   npx tsx bench/split-evidence.ts <folder of stacks and their .truth.json> [--out file.json]
 *
 * Prints the misses and the cuts that are not sure; writes every page's evidence to --out.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openApp } from '../src/app.js'
import { openPdf } from '../src/extract/pdf.js'
import { silentLogger } from '../src/log.js'
import type { PageText } from '../src/model/types.js'
import { coverSpans, planSplit, PROPOSE, scoreStart, SURE } from '../src/split/boundaries.js'
import { readingsOf } from '../src/split/fileParts.js'
import { makeWorkspace } from '../test/helpers/workspace.js'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, mrn: { type: 'string' } } })
const dir = positionals[0]
if (!dir) throw new Error('usage: npx tsx bench/split-evidence.ts <folder> [--out file.json]')

interface Truth {
  batch: string
  file: string
  look?: string
  pages: number
  parts: { from: number; to: number; boundary?: string }[]
}

const ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: values.mrn ?? '^CC-\\d{6}$' })
const app = await openApp(ws.config(), { log: silentLogger() })
const rows: unknown[] = []
const tally = { boundaries: 0, proposed: 0, sure: 0, falseCuts: 0 }
try {
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.truth.json'))
    .sort()) {
    const truth = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Truth
    if (truth.look && truth.look !== 'text') continue
    const pdf = await openPdf(readFileSync(path.join(dir, truth.file)), { maxPixels: 4e8, minTextLayerChars: 20 })
    await pdf.close()
    const pages = pdf.pageTexts.map((t, i) => ({ page: i + 1, text: t.trim(), source: 'text-layer' }) as PageText)
    const read = readingsOf(app.ctx, pages)
    const plan = planSplit(read)
    const starts = new Map(truth.parts.slice(1).map((p) => [p.from, p.boundary ?? 'boundary']))
    for (let n = 2; n <= read.length; n++) {
      const cut = plan.cuts.find((c) => c.page === n)
      const truly = starts.has(n)
      // A page the plan did not cut at: what it said of it, against the part it was read into.
      const part = plan.parts.find((r) => r.from < n && r.to >= n)
      const seen =
        cut ??
        (part && !read[n - 1]!.blank
          ? scoreStart(read[n - 1]!, read.slice(part.from - 1, n - 1), read[n], { announced: coverSpans(read).get(n) })
          : { confidence: 0, reasons: ['a separator sheet or a blank page'] })
      if (truly) {
        tally.boundaries++
        if (cut) tally.proposed++
        if (cut && cut.confidence >= SURE) tally.sure++
      } else if (cut) tally.falseCuts++
      const row = {
        stack: truth.batch,
        page: n,
        truly,
        kind: starts.get(n) ?? null,
        cut: !!cut,
        confidence: seen.confidence,
        reasons: seen.reasons,
      }
      rows.push(row)
      if ((truly && (!cut || cut.confidence < SURE)) || (!truly && cut))
        console.log(
          `${truth.batch} p${n}: ${truly ? `boundary (${starts.get(n)})` : 'no boundary'}, ${cut ? (cut.confidence >= SURE ? 'cut' : 'proposed') : 'not cut'} at ${seen.confidence}: ${seen.reasons.join('; ')}`,
        )
    }
  }
} finally {
  await app.close()
  await ws.cleanup()
}
console.log(
  `${tally.boundaries} boundaries: proposed or cut ${tally.proposed}, cut sure ${tally.sure}; false cuts ${tally.falseCuts} (propose at ${PROPOSE}, sure at ${SURE})`,
)
if (values.out) writeFileSync(values.out, JSON.stringify({ dir, ...tally, pages: rows }, null, 2) + '\n')
