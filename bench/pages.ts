/**
 * The benchmark's scanned pages: made-up outside records from samples/lib,
 * rendered at 300 dpi and scanned in the five styles with 0.5-2 degree skew,
 * cached on disk so every engine in a run reads the very same files.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { makeRecordSpec, rasterizePdf, renderRecordPdf, Rng, SCAN_STYLES, scanStyle, scannedPdf } from '../samples/lib/records.js'

export interface BenchPage {
  png: string
  /** The same page as a one-page image-only PDF (for OCRmyPDF, which wants PDFs). */
  pdf: string
}

export async function benchPages(dir: string, count: number, seed = 'bench-2026'): Promise<BenchPage[]> {
  await fs.mkdir(dir, { recursive: true })
  const rng = new Rng(seed)
  const pages: BenchPage[] = []
  let n = 0
  while (pages.length < count) {
    const spec = makeRecordSpec(rng)
    const pdf = await renderRecordPdf(spec)
    const renders = await rasterizePdf(pdf, 300)
    for (const render of renders) {
      if (pages.length >= count) break
      const id = String(n++).padStart(4, '0')
      const png = path.join(dir, `page-${id}.png`)
      const onePdf = path.join(dir, `page-${id}.pdf`)
      if (!existsSync(png)) {
        const style = SCAN_STYLES[n % SCAN_STYLES.length]!
        const skew = (rng.int(5, 20) / 10) * (rng.chance(0.5) ? 1 : -1)
        const scanned = await scanStyle(render, style, {
          dpi: 300,
          skewDegrees: skew,
          seed: id,
          fax: style === 'fax' ? { from: '(555) 010-2233', dateTime: '11/02/2026 09:14', page: 1, pageCount: 1 } : undefined,
        })
        await fs.writeFile(png, scanned)
        await fs.writeFile(onePdf, await scannedPdf([scanned], style === 'fax' ? 200 : 300))
      }
      pages.push({ png, pdf: onePdf })
    }
  }
  return pages
}

/** Text-layer PDFs for the text-path figure. */
export async function textPdfs(dir: string, count: number, seed = 'bench-text'): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true })
  const rng = new Rng(seed)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `text-${String(i).padStart(4, '0')}.pdf`)
    if (!existsSync(file)) await fs.writeFile(file, await renderRecordPdf(makeRecordSpec(rng)))
    out.push(file)
  }
  return out
}
