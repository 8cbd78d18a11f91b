/**
 * Review reasons for pages that could not be read (damaged in the file), came out blank,
 * nearly blank or hard to read, so no content is lost without a word: a damaged page, a white
 * JPEG 2000 page, a faint scan.
 */
import type { ExtractedText } from '../model/types.js'

/** Fewer readable characters than this on a page is "nearly blank". */
export const NEARLY_BLANK_CHARS = 20
/** OCR confidence (0-100) under which a page is called hard to read. */
export const LOW_CONFIDENCE = 50

export function pageQualityReasons(x: ExtractedText): string[] {
  const reasons: string[] = []
  for (const p of x.pages) {
    if (!p) continue
    const chars = p.text.replace(/\s+/g, '').length
    if (p.unreadable)
      reasons.push(
        `Page ${p.page} could not be read: ${p.unreadable}. Check the original; if the page has writing on it, ask the sender for a new copy or rescan it.`,
      )
    else if (chars === 0) reasons.push(`Page ${p.page} came out blank: check the scan, and rescan the page if it has writing on it.`)
    else if (chars < NEARLY_BLANK_CHARS)
      reasons.push(
        `Page ${p.page} came out nearly blank (${chars} characters read): check the scan, and rescan the page if it has more on it.`,
      )
    else if (p.source === 'ocr' && p.ocrConfidence !== null && p.ocrConfidence < LOW_CONFIDENCE)
      reasons.push(
        `Page ${p.page} is hard to read (OCR confidence ${Math.round(p.ocrConfidence)}%): check its text against the scan, or rescan it.`,
      )
  }
  return reasons
}
