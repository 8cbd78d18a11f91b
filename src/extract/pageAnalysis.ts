/**
 * Measurements of a page that decide how it is prepared for OCR: whether it is
 * already 1-bit, how uneven its background is, how tall its text is, how many
 * letter-like marks it carries, whether its text runs in two columns, and which
 * way its lines run. Everything is measured on the page itself; no thresholds
 * are fitted to particular samples.
 */
import type { GreyPage } from './images.js'
import { otsuThreshold } from './deskew.js'

/** Share of pixels that are pure black or white above which a page is treated as 1-bit. */
const BILEVEL_SHARE = 0.97

export function isBilevel(page: GreyPage): boolean {
  const d = page.data
  let extremes = 0
  const step = Math.max(1, Math.floor(d.length / 400_000))
  let n = 0
  for (let i = 0; i < d.length; i += step, n++) if (d[i]! <= 8 || d[i]! >= 247) extremes++
  return extremes / n >= BILEVEL_SHARE
}

/**
 * Divide out the paper background: a block-maximum estimate (text is darker than the paper
 * around it, so the lightest pixel of each block is paper), widened so a block inside a
 * letter still sees paper, smoothed, and scaled back up. Shading, copier streaks and
 * yellowed paper become white instead of grey blotches; ink keeps its contrast.
 * Returns the page unchanged when the background is already even.
 */
export function flattenBackground(page: GreyPage): { page: GreyPage; unevenness: number } {
  const { width: w, height: h, data } = page
  const B = Math.max(8, Math.round(w / 160))
  const bw = Math.ceil(w / B)
  const bh = Math.ceil(h / B)
  // The lightest pixels of a block (the 2nd-lightest of each row, so one bright speck is not paper).
  // Row by row through the page (the order it lies in memory), each row's stretch of a block raising the block's maximum.
  const blocks = new Float32Array(bw * bh)
  for (let y = 0; y < h; y++) {
    const row = y * w
    const blockRow = Math.floor(y / B) * bw
    for (let bx = 0; bx < bw; bx++) {
      let m = blocks[blockRow + bx]!
      const end = row + Math.min(w, (bx + 1) * B)
      for (let i = row + bx * B; i < end; i++) if (data[i]! > m) m = data[i]!
      blocks[blockRow + bx] = m
    }
  }
  // Widen: a block holding only ink (inside a bold heading) takes the paper of its neighbours.
  const R = 2
  const wide = new Float32Array(bw * bh)
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0
      for (let y = Math.max(0, by - R); y <= Math.min(bh - 1, by + R); y++)
        for (let x = Math.max(0, bx - R); x <= Math.min(bw - 1, bx + R); x++) m = Math.max(m, blocks[y * bw + x]!)
      wide[by * bw + bx] = m
    }
  }
  const sorted = Float32Array.from(wide).sort()
  const paper = sorted[Math.floor(sorted.length * 0.5)]!
  const lo = sorted[Math.floor(sorted.length * 0.05)]!
  const unevenness = paper > 0 ? (paper - lo) / paper : 0
  // An even page (a clean scan): nothing to divide out.
  if (unevenness < 0.04 || paper < 60) return { page, unevenness }
  // A large dark area (a photo, a black band) is not paper: hold the estimate at the page's paper level there.
  const floor = paper * 0.35
  for (let i = 0; i < wide.length; i++) if (wide[i]! < floor) wide[i] = paper
  // Smooth (3x3 box twice) and interpolate bilinearly to full size.
  const smooth = boxBlur(boxBlur(wide, bw, bh), bw, bh)
  const out = Buffer.allocUnsafe(w * h)
  // Where each column falls between block centres: the same for every row, worked out once.
  const col0 = new Int32Array(w)
  const col1 = new Int32Array(w)
  const colT = new Float64Array(w)
  for (let x = 0; x < w; x++) {
    const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / B - 0.5))
    col0[x] = Math.floor(fx)
    col1[x] = Math.min(bw - 1, col0[x]! + 1)
    colT[x] = fx - col0[x]!
  }
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / B - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(bh - 1, y0 + 1)
    const ty = fy - y0
    for (let x = 0; x < w; x++) {
      const x0 = col0[x]!
      const x1 = col1[x]!
      const tx = colT[x]!
      const bg =
        (smooth[y0 * bw + x0]! * (1 - tx) + smooth[y0 * bw + x1]! * tx) * (1 - ty) +
        (smooth[y1 * bw + x0]! * (1 - tx) + smooth[y1 * bw + x1]! * tx) * ty
      const v = (data[y * w + x]! * 255) / Math.max(1, bg)
      out[y * w + x] = v > 255 ? 255 : v
    }
  }
  return { page: { data: out, width: w, height: h }, unevenness }
}

function boxBlur(a: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(a.length)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      let n = 0
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) ((s += a[yy * w + xx]!), n++)
      out[y * w + x] = s / n
    }
  }
  return out
}

export interface InkMeasures {
  /** Ink threshold used (Otsu on the page). */
  ink: number
  /** Letter-sized marks (connected ink components of plausible size). */
  marks: number
  /** Median height of those marks in pixels of the page (about the x-height to cap height). */
  textHeight: number
  /** True when the text runs in two (or more) columns with a clear gutter between them. */
  columns: boolean
  /** Letters line up in rows on an upright page, in columns on a page turned a quarter: row over column alignment of their centres. */
  rowAlignment: number
  /** Specks (marks too small to be letters): thousands of them on a dithered page. */
  specks: number
}

/**
 * Connected components on a half-size binarised copy: how much text there is and how tall it is,
 * the column structure and the direction of the text lines.
 */
export function measureInk(page: GreyPage): InkMeasures {
  return measureInkMarks(page).measures
}

/** The letter-like marks a measurement found: their boxes on the measured (half-size) grid, and that grid's size. */
export interface InkMarks {
  boxes: MarkBox[]
  width: number
  height: number
  /** Median mark height on the measured grid. */
  textHeight: number
}

/** `measureInk`, with the marks it measured kept, so a later decision about the same page need not label it again. */
export function measureInkMarks(page: GreyPage): { measures: InkMeasures; marks: InkMarks } {
  const s = page.width > 1400 ? 2 : 1
  const w = Math.floor(page.width / s)
  const h = Math.floor(page.height / s)
  const small = new Uint8Array(w * h)
  const src = page.data
  for (let y = 0; y < h; y++) {
    const from = y * s * page.width
    const row = y * w
    for (let x = 0; x < w; x++) small[row + x] = src[from + x * s]!
  }
  const ink = Math.min(otsuThreshold(small), 200)
  // Two-pass labelling with union-find, 8-connected. Inlined, with no allocation per pixel: it runs on every page.
  const labels = new Int32Array(w * h)
  let parent = new Int32Array(4096)
  let next = 1
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!
    return a
  }
  // Joins label l (0: none) into the component r (0: none yet) of the pixel; the lower root wins.
  const join = (r: number, l: number): number => {
    if (l === 0) return r
    const rl = find(l)
    if (r === 0 || rl === r) return rl
    const lo = rl < r ? rl : r
    parent[rl] = lo
    parent[r] = lo
    return lo
  }
  for (let y = 0; y < h; y++) {
    const row = y * w
    for (let x = 0; x < w; x++) {
      const i = row + x
      if (small[i]! > ink) continue
      // Neighbours already labelled: left, up, up-left, up-right.
      let r = x > 0 ? join(0, labels[i - 1]!) : 0
      if (y > 0) {
        r = join(r, labels[i - w]!)
        if (x > 0) r = join(r, labels[i - w - 1]!)
        if (x + 1 < w) r = join(r, labels[i - w + 1]!)
      }
      if (r === 0) {
        if (next === parent.length) {
          const grown = new Int32Array(parent.length * 2)
          grown.set(parent)
          parent = grown
        }
        r = next++
        parent[r] = r
      }
      labels[i] = r
    }
  }
  const n = next
  // Every label to its root at once (a label's parent is never above it, so in label order each parent is done first).
  const root = new Int32Array(n)
  for (let l = 1; l < n; l++) root[l] = parent[l] === l ? l : root[parent[l]!]!
  const minY = new Int32Array(n).fill(h)
  const maxY = new Int32Array(n).fill(-1)
  const minX = new Int32Array(n).fill(w)
  const maxX = new Int32Array(n).fill(-1)
  for (let y = 0; y < h; y++) {
    const row = y * w
    for (let x = 0; x < w; x++) {
      const l = labels[row + x]!
      if (!l) continue
      const r = root[l]!
      if (y < minY[r]!) minY[r] = y
      if (y > maxY[r]!) maxY[r] = y
      if (x < minX[r]!) minX[r] = x
      if (x > maxX[r]!) maxX[r] = x
    }
  }
  // Letter-like marks: not specks (under ~0.02 inch), not rules or blocks (over ~0.5 inch).
  const dpiish = page.width / 8.5 / s
  const heights: number[] = []
  let specks = 0
  const cy: number[] = []
  const cx: number[] = []
  const colInk = new Float64Array(w)
  const boxes: MarkBox[] = []
  for (let r = 1; r < n; r++) {
    if (maxY[r]! < 0 || root[r] !== r) continue
    const ch = maxY[r]! - minY[r]! + 1
    const cw = maxX[r]! - minX[r]! + 1
    if (ch < dpiish * 0.03 && cw < dpiish * 0.03) specks++
    if (ch < dpiish * 0.03 || ch > dpiish * 0.5 || cw > dpiish * 0.6) continue
    heights.push(ch)
    cy.push((minY[r]! + maxY[r]!) / 2)
    cx.push((minX[r]! + maxX[r]!) / 2)
    boxes.push({ x0: minX[r]!, x1: maxX[r]!, y0: minY[r]!, y1: maxY[r]! })
    for (let x = minX[r]!; x <= maxX[r]!; x++) colInk[x]! += 1
  }
  heights.sort((a, b) => a - b)

  const textHeight = (heights[Math.floor(heights.length / 2)] ?? 0) * s
  return {
    measures: {
      ink,
      marks: heights.length,
      textHeight,
      columns: hasGutter(colInk, textHeight / s) || columnGutter(boxes, w, h, textHeight / s) !== null,
      rowAlignment: alignment(cy, h, textHeight / s) / Math.max(1e-9, alignment(cx, w, textHeight / s)),
      specks,
    },
    marks: { boxes, width: w, height: h, textHeight: textHeight / s },
  }
}

/**
 * Whether the text runs in columns once the page is turned by `degrees` (clockwise, as
 * sharp's rotate turns it, on a canvas grown to hold the turned page): the measured marks are
 * turned about the page centre instead of the page being labelled again. A mark of type a few
 * pixels tall moves as a whole; turning it by the few degrees of a skew widens its box by a
 * fraction of a pixel, far under the word gaps and gutters the decision looks for.
 */
export function columnsTurned(marks: InkMarks, degrees: number): boolean {
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const { width: w, height: h } = marks
  const W = Math.ceil(Math.abs(w * cos) + Math.abs(h * sin))
  const H = Math.ceil(Math.abs(w * sin) + Math.abs(h * cos))
  const colInk = new Float64Array(W)
  const boxes: MarkBox[] = []
  for (const b of marks.boxes) {
    let x0 = Infinity
    let x1 = -Infinity
    let y0 = Infinity
    let y1 = -Infinity
    for (const [px, py] of [
      [b.x0, b.y0],
      [b.x1 + 1, b.y0],
      [b.x0, b.y1 + 1],
      [b.x1 + 1, b.y1 + 1],
    ] as const) {
      const dx = px - w / 2
      const dy = py - h / 2
      const x = dx * cos - dy * sin + W / 2
      const y = dx * sin + dy * cos + H / 2
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
    const box = {
      x0: Math.max(0, Math.round(x0)),
      x1: Math.min(W - 1, Math.round(x1) - 1),
      y0: Math.max(0, Math.round(y0)),
      y1: Math.min(H - 1, Math.round(y1) - 1),
    }
    boxes.push(box)
    for (let x = box.x0; x <= box.x1; x++) colInk[x]! += 1
  }
  return hasGutter(colInk, marks.textHeight) || columnGutter(boxes, W, H, marks.textHeight) !== null
}

interface MarkBox {
  x0: number
  x1: number
  y0: number
  y1: number
}

/**
 * Columns of prose, measured line by line: cut the page into bands half a letter tall and join
 * each band's marks into runs (gaps under two letter heights are word gaps). A gutter is an x
 * that no run crosses over a long stretch of bands, while within that stretch many bands hold
 * a run of prose (eight letter heights or more, three words or more) ending left of it and
 * many one starting right of it. Full-width headings and footers above and below the columns, a column that
 * ends early, and columns whose lines do not line up leave it standing; single-column text
 * (its lines run across the middle), table cells and form labels (short runs) do not make one.
 * Returns the gutter's x (pixels of the measured page), or null.
 */
/** Lines of long text each side of a gutter: a letterhead's address block or a patient box beside a heading has fewer. */
const MIN_COLUMN_LINES = 10

export function columnGutter(boxes: MarkBox[], w: number, h: number, textH: number): number | null {
  if (textH <= 0 || boxes.length < 60) return null
  const bandH = Math.max(2, textH / 2)
  const bands = Math.ceil(h / bandH)
  const perBand: [number, number][][] = Array.from({ length: bands }, () => [])
  for (const b of boxes) {
    for (let k = Math.floor(b.y0 / bandH); k <= Math.min(bands - 1, Math.floor(b.y1 / bandH)); k++) perBand[k]!.push([b.x0, b.x1])
  }
  const wordGap = textH * 2
  const longRun = textH * 8
  const spaceGap = textH * 0.3
  // Per band: runs of text as [start, end, words]; a run of prose holds several words.
  const runs: [number, number, number][][] = []
  let textBands = 0
  for (let k = 0; k < bands; k++) {
    const spans = perBand[k]!.sort((a, b) => a[0] - b[0])
    const joined: [number, number, number][] = []
    for (const [a, b] of spans) {
      const last = joined[joined.length - 1]
      if (last && a - last[1] < wordGap) {
        if (a - last[1] >= spaceGap) last[2]++
        last[1] = Math.max(last[1], b)
      } else joined.push([a, b, 1])
    }
    if (joined.length) textBands++
    runs.push(joined)
  }
  const need = Math.max(10, textBands * 0.12)
  let best: { x: number; score: number } | null = null
  for (let x = Math.floor(w * 0.2); x < Math.floor(w * 0.8); x += 2) {
    // Bands, and lines (runs of consecutive bands), with a long run of text each side of x.
    let left = 0
    let right = 0
    let leftLines = 0
    let rightLines = 0
    let wasL = false
    let wasR = false
    const close = () => {
      const score = Math.min(left, right)
      if (score >= need && Math.min(leftLines, rightLines) >= MIN_COLUMN_LINES && (!best || score > best.score)) best = { x, score }
      left = right = leftLines = rightLines = 0
    }
    for (let k = 0; k < bands; k++) {
      let crosses = false
      let l = false
      let r = false
      for (const [a, b, words] of runs[k]!) {
        if (a <= x && x <= b) crosses = true
        else if (b - a >= longRun && words >= 3) {
          if (b < x) l = true
          else r = true
        }
      }
      if (crosses) close()
      else {
        if (l) ((left += 1), (leftLines += wasL ? 0 : 1))
        if (r) ((right += 1), (rightLines += wasR ? 0 : 1))
      }
      wasL = l && !crosses
      wasR = r && !crosses
    }
    close()
  }
  return best ? (best as { x: number }).x : null
}

/** A clear vertical gap in the middle of the page with text on both sides of it. */
function hasGutter(colInk: Float64Array, textH: number): boolean {
  const w = colInk.length
  const total = colInk.reduce((a, b) => a + b, 0)
  if (total < 200 || textH <= 0) return false
  const nonzero = [...colInk].filter((v) => v > 0).sort((a, b) => a - b)
  const typical = nonzero[Math.floor(nonzero.length * 0.5)] ?? 0
  const quiet = (x: number) => colInk[x]! <= typical * 0.04
  let best = 0
  let bestAt = 0
  for (let x = Math.floor(w * 0.3); x < Math.floor(w * 0.7); x++) {
    if (!quiet(x)) continue
    let e = x
    while (e < w && quiet(e)) e++
    if (e - x > best) ((best = e - x), (bestAt = x))
    x = e
  }
  if (best < textH * 1.2) return false
  let left = 0
  for (let x = 0; x < bestAt; x++) left += colInk[x]!
  const right = total - left
  return left > total * 0.25 && right > total * 0.25
}

/** How concentrated positions are in bins a third of a letter wide (sum of squares over the uniform expectation). */
function alignment(pos: number[], extent: number, textH: number): number {
  if (pos.length === 0) return 1
  const bin = Math.max(2, textH / 3)
  const bins = new Float64Array(Math.ceil(extent / bin) + 1)
  for (const p of pos) bins[Math.floor(p / bin)]! += 1
  let s2 = 0
  for (const v of bins) s2 += v * v
  return (s2 * bins.length) / (pos.length * pos.length)
}

/**
 * Take away specks: ink marks no larger than `maxDim` pixels either way (dust, sensor noise,
 * fax line noise), set to the paper's grey. Letters, and the dots and stops of small type,
 * are larger and stay. Returns the page and the number of specks taken away.
 */
export function removeSpecks(page: GreyPage, maxDim: number): { page: GreyPage; removed: number } {
  const { width: w, height: h, data } = page
  const step = Math.max(1, Math.floor(data.length / 400_000))
  const sample = new Uint8Array(Math.ceil(data.length / step))
  for (let i = 0, j = 0; i < data.length; i += step, j++) sample[j] = data[i]!
  const ink = Math.min(otsuThreshold(sample), 200)
  const hist = new Uint32Array(256)
  for (const v of sample) hist[v]!++
  // Paper: the grey level below which nine tenths of the page lies.
  let paper = 0
  for (let acc = 0; paper < 255 && (acc += hist[paper]!) < sample.length * 0.9;) paper++
  const out = Buffer.from(data)
  const seen = new Uint8Array(w * h)
  const stack: number[] = []
  const pixels: number[] = []
  let removed = 0
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || data[start]! > ink) continue
    // Flood the mark (8-connected); give up on it as soon as it outgrows a speck.
    stack.length = 0
    pixels.length = 0
    stack.push(start)
    seen[start] = 1
    let x0 = start % w
    let x1 = x0
    let y0 = (start - x0) / w
    let y1 = y0
    let big = false
    while (stack.length) {
      const i = stack.pop()!
      const x = i % w
      const y = (i - x) / w
      if (!big) pixels.push(i)
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      if (x1 - x0 >= maxDim || y1 - y0 >= maxDim) big = true
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= h) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= w) continue
          const j = yy * w + xx
          if (!seen[j] && data[j]! <= ink) {
            seen[j] = 1
            stack.push(j)
          }
        }
      }
    }
    if (!big) {
      for (const i of pixels) out[i] = paper
      removed++
    }
  }
  return { page: { data: out, width: w, height: h }, removed }
}

/**
 * A copier's lid shadow or a scanner's dark border: a band of ink along most of one edge of
 * the page. Measured per edge, position by position (how deep the ink reaches in from the
 * edge while it stays mostly ink); where the band covers most of the edge it is whitened,
 * with a margin of half a letter for the ragged speckle at its inner edge. Text that merely
 * comes near an edge does not make a band: it covers little of it.
 */
export function removeEdgeShadow(page: GreyPage, textHeight: number): { page: GreyPage; edges: number } {
  const { width: w, height: h, data } = page
  const step = Math.max(1, Math.floor(data.length / 400_000))
  const sample = new Uint8Array(Math.ceil(data.length / step))
  for (let i = 0, j = 0; i < data.length; i += step, j++) sample[j] = data[i]!
  const ink = Math.min(otsuThreshold(sample), 200)
  const hist = new Uint32Array(256)
  for (const v of sample) hist[v]!++
  let paper = 0
  for (let acc = 0; paper < 255 && (acc += hist[paper]!) < sample.length * 0.9;) paper++
  const th = Math.max(8, textHeight || w / 100)
  const win = Math.max(2, Math.round(th / 4))
  const maxDepth = Math.round(Math.min(w, h) * 0.2)
  let out: Buffer | null = null
  let edges = 0
  // Edge 0: top, 1: bottom, 2: left, 3: right. (pos, d) -> pixel index, d counted in from the edge.
  for (let edge = 0; edge < 4; edge++) {
    const along = edge < 2 ? w : h
    const across = edge < 2 ? h : w
    const at = (pos: number, d: number) =>
      edge === 0 ? d * w + pos : edge === 1 ? (h - 1 - d) * w + pos : edge === 2 ? pos * w + d : pos * w + (w - 1 - d)
    const depth = new Int32Array(along)
    let covered = 0
    for (let pos = 0; pos < along; pos++) {
      let d = 0
      // Walk in while the next few pixels are mostly ink.
      while (d < Math.min(maxDepth, across - win)) {
        let n = 0
        for (let k = 0; k < win; k++) if (data[at(pos, d + k)]! <= ink) n++
        if (n * 2 < win) break
        d += win
      }
      depth[pos] = d
      if (d >= win * 2) covered++
    }
    if (covered < along * 0.5) continue
    edges++
    out ??= Buffer.from(data)
    const margin = Math.round(th * 0.5)
    const reach = Math.round(th)
    for (let pos = 0; pos < along; pos++) {
      let d = 0
      for (let p = Math.max(0, pos - reach); p <= Math.min(along - 1, pos + reach); p++) d = Math.max(d, depth[p]!)
      if (d === 0) continue
      for (let k = 0; k < Math.min(across, d + margin); k++) out[at(pos, k)] = paper
    }
  }
  return { page: out ? { data: out, width: w, height: h } : page, edges }
}
