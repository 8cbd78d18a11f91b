/**
 * Form ruling removal: the boxes of header grids and addressograph stickers make
 * tesseract read the values inside them as noise. Long, thin dark runs (table
 * rules, box edges) are whitened before OCR; text strokes are never that long,
 * and thick areas (a black letterhead band) are left alone.
 */
import type { GreyPage } from './images.js'

export interface RuleRemovalOptions {
  /** Dark threshold (0-255). */
  ink?: number
  /** Shortest run that counts as a rule, as a share of the page width (default ~0.06: half an inch on letter paper). */
  minRunShare?: number
  /** Thickest line still treated as a rule, in pixels (default ~2.5% of an inch at 300 dpi). */
  maxThickness?: number
  /**
   * Measured height of the page's letters in pixels. When given, a rule must be several letters
   * long (horizontal) or tall (vertical) and thinner than a fifth of a letter, so the stems and
   * bars of large or high-resolution type are never taken for rules.
   */
  textHeight?: number
}

export function removeRules(page: GreyPage, opts: RuleRemovalOptions = {}): { page: GreyPage; removed: number } {
  const { width: w, height: h } = page
  const src = page.data
  const ink = opts.ink ?? 170
  const th = opts.textHeight ?? 0
  const minRun = Math.max(40, Math.round(w * (opts.minRunShare ?? 0.04)), Math.round(th * 6))
  const maxT =
    opts.maxThickness ?? (th > 0 ? Math.max(2, Math.min(Math.round(w / 300), Math.round(th * 0.2))) : Math.max(3, Math.round(w / 300)))
  // Where a scanned rule steps from one pixel row to the next, the two rows overlap and the line
  // looks thicker there; leaving those steps behind turns a rule into a dashed trail that tesseract
  // reads as junk. A dark crossing no taller than a third of a letter is still the rule (a letter
  // stem crossing a rule runs the letter's height and is kept).
  const maxCross = th > 0 ? Math.max(maxT, Math.round(th * 0.35)) : maxT
  const out = Buffer.from(src)
  let removed = 0
  const dark = (i: number) => src[i]! < ink
  // A run is a rule only when most of its dark pixels are thin across it. Words whose letters
  // touch (common on fax pages) also make long runs, but through stems and bowls: those are left whole.
  const mostlyThin = (from: number, to: number, at: (k: number) => number, across: number): boolean => {
    let darkN = 0
    let thin = 0
    for (let k = from; k < to; k++) {
      const i = at(k)
      if (!dark(i)) continue
      darkN++
      let t = 1
      for (let d = 1; t <= maxT && i - d * across >= 0 && dark(i - d * across); d++) t++
      for (let d = 1; t <= maxT && i + d * across < src.length && dark(i + d * across); d++) t++
      if (t <= maxT) thin++
    }
    return thin >= darkN * 0.6
  }
  // A scanned rule drifts by a pixel over its length: a run may continue in the neighbouring row or column.
  const darkRow = (y: number, x: number) => dark(y * w + x) || (y > 0 && dark((y - 1) * w + x)) || (y + 1 < h && dark((y + 1) * w + x))
  const darkCol = (y: number, x: number) => dark(y * w + x) || (x > 0 && dark(y * w + x - 1)) || (x + 1 < w && dark(y * w + x + 1))
  // A run is a stretch of pixels that are dark or have a dark neighbour across the line, from its
  // first dark pixel to its end. Only runs of minRun pixels or more can be rules, and each of
  // those covers one of every minRun-th pixel along the line: runs are looked for there only,
  // so the paper and the text between rules are never walked (the same runs, found faster).
  // Horizontal rules: long dark runs in a row whose vertical extent at each pixel is thin.
  for (let y = 0; y < h; y++) {
    const row = y * w
    let seen = 0
    for (let s = minRun - 1; s < w; s += minRun) {
      if (s < seen || !darkRow(y, s)) continue
      let a = s
      while (a > 0 && darkRow(y, a - 1)) a--
      let end = s + 1
      while (end < w && darkRow(y, end)) end++
      seen = end
      let x = a
      while (x < end && !dark(row + x)) x++
      if (end - x >= minRun && mostlyThin(x, end, (xx) => row + xx, w)) {
        for (let xx = x; xx < end; xx++) {
          if (!dark(row + xx)) continue
          let up = 0
          while (up <= maxCross && y - up - 1 >= 0 && dark(row - (up + 1) * w + xx)) up++
          let down = 0
          while (down <= maxCross && y + down + 1 < h && dark(row + (down + 1) * w + xx)) down++
          if (up + down + 1 <= maxCross) {
            out[row + xx] = 255
            removed++
          }
        }
      }
    }
  }
  // Vertical rules: the same down the columns.
  // Text strokes are at most about a sixth of an inch tall; box edges between two rules are longer.
  const minRunV = Math.max(40, Math.round(h * 0.02), Math.round(th * 3))
  // Looked for on every minRunV-th row, across it (the page read in memory order); seenTo: each column's last run found.
  const seenTo = new Int32Array(w)
  for (let s = minRunV - 1; s < h; s += minRunV) {
    for (let x = 0; x < w; x++) {
      if (s < seenTo[x]! || !darkCol(s, x)) continue
      let a = s
      while (a > 0 && darkCol(a - 1, x)) a--
      let end = s + 1
      while (end < h && darkCol(end, x)) end++
      seenTo[x] = end
      let y = a
      while (y < end && !dark(y * w + x)) y++
      if (end - y < minRunV || !mostlyThin(y, end, (yy) => yy * w + x, 1)) continue
      for (let yy = y; yy < end; yy++) {
        const i = yy * w + x
        if (!dark(i)) continue
        let left = 0
        while (left <= maxCross && x - left - 1 >= 0 && dark(i - left - 1)) left++
        let right = 0
        while (right <= maxCross && x + right + 1 < w && dark(i + right + 1)) right++
        if (left + right + 1 <= maxCross) {
          out[i] = 255
          removed++
        }
      }
    }
  }
  return { page: { data: out, width: w, height: h }, removed }
}
