/**
 * One scanned page read as well as chartclerk knows how: prepared from its own measurements,
 * turned upright, read, and read again plainly when the reading is doubtful.
 */
import { plainPage, prepareForOcr, sameAsPlain, toPgm, type GreyPage, type PreparedPage } from './images.js'
import type { OcrEngine, OcrPageResult } from './ocr/types.js'

/** Below this mean word confidence a reading is checked against other readings of the page. */
const DOUBTFUL_CONFIDENCE = 80
/** Below this, an upright reading is compared with the page turned over. */
const UPSIDE_DOWN_CONFIDENCE = 70

/**
 * One scanned page: prepared from its own measurements, turned upright (text lines running
 * down the page are tried at 90 and 270 degrees; a weak reading is tried upside down), read,
 * and, when the reading is doubtful (low confidence, or far more or fewer letters than marks
 * of ink on the page), read again as the plain greyscale page; the better reading is kept
 * and the path that produced it recorded.
 */
export async function readScannedPage(
  grey: GreyPage,
  ocr: OcrEngine,
  opts: { deskew: boolean; maxPixels?: number },
): Promise<{ prepared: PreparedPage; result: OcrPageResult; path: string }> {
  const read = async (p: PreparedPage) => ({
    prepared: p,
    result: await ocr.recognize(toPgm(p.forOcr), { layout: p.layout }),
    plain: false,
  })
  let best = await read(await prepareForOcr(grey, { deskew: opts.deskew, maxPixels: opts.maxPixels }))
  const m = best.prepared.measures
  if (m.marks >= 30 && m.rowAlignment < 1) {
    // Text lines run down the page: a page turned a quarter; read both ways and keep the better.
    for (const turn of [90, 270]) {
      const r = await read(await prepareForOcr(grey, { deskew: opts.deskew, maxPixels: opts.maxPixels, turn }))
      if (r.result.confidence > best.result.confidence + 5) best = r
    }
  }
  if (m.marks >= 30 && best.result.confidence < UPSIDE_DOWN_CONFIDENCE) {
    const r = await read(
      await prepareForOcr(grey, { deskew: opts.deskew, maxPixels: opts.maxPixels, turn: (best.prepared.turned + 180) % 360 }),
    )
    if (r.result.confidence > best.result.confidence + 5) best = r
  }
  if (
    !sameAsPlain(best.prepared) &&
    (best.result.confidence < DOUBTFUL_CONFIDENCE || outOfProportion(best.result, best.prepared.measures.marks))
  ) {
    const plain = await plainPage(grey, best.prepared)
    const result = await ocr.recognize(toPgm(plain), { layout: best.prepared.layout })
    if (quality(result) > quality(best.result)) best = { prepared: { ...best.prepared, ...plain }, result, plain: true }
  }
  const p = best.prepared
  const path = [
    best.plain
      ? 'plain grey'
      : p.smoothed
        ? '1-bit smoothed'
        : p.bilevel
          ? '1-bit as scanned'
          : p.descreened
            ? 'dithering smoothed'
            : p.flattened
              ? 'background flattened'
              : 'grey',
    ...(p.shadowEdges ? ['edge shadow removed'] : []),
    ...(p.despeckled ? ['specks removed'] : []),
    p.layout === 'auto' ? 'columns' : 'single block',
    ...(p.turned ? [`turned ${p.turned}`] : []),
  ].join(', ')
  return { prepared: p, result: best.result, path }
}

/** Letters read against letter-sized marks of ink: junk read from shading, or text missed. */
function outOfProportion(r: OcrPageResult, marks: number): boolean {
  const letters = r.words.reduce((s, w) => s + w.text.length, 0)
  return letters > marks * 2.5 + 40 || letters < marks * 0.3
}

/** Confidently read letters, less the junk: what decides between two readings of a page. */
function quality(r: OcrPageResult): number {
  let q = 0
  for (const w of r.words) {
    if (w.confidence >= 60) q += w.text.length
    else if (w.confidence < 40) q -= 0.5 * w.text.length
  }
  return q
}
