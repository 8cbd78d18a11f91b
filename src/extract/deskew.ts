/**
 * Skew estimation by projection profiles: text lines of a straight page make the
 * row histogram of dark pixels spiky; we look for the rotation that makes it
 * spikiest. A 1-2 degree skew otherwise costs whole paragraphs in OCR.
 */
import sharp from 'sharp'

const ANALYSIS_WIDTH = 1000
const MAX_SAMPLES = 120_000

/** Estimated skew in degrees: rotating the image by -angle (sharp.rotate) straightens it. */
export async function estimateSkew(image: sharp.Sharp | Buffer, opts: { maxAngle?: number } = {}): Promise<number> {
  const src = Buffer.isBuffer(image) ? sharp(image) : image.clone()
  return (await skewOf(src, opts.maxAngle ?? 5)).angle
}

/** The same, for a raw 8-bit greyscale page already in memory. */
export async function skewOfRaw(page: { data: Buffer; width: number; height: number }, maxAngle = 5): Promise<number> {
  return (await skewEstimate(page, maxAngle)).angle
}

export interface SkewEstimate {
  angle: number
  /** False when the page gives too little to go on: few text lines, or a rotation that hardly sharpens the lines. */
  reliable: boolean
  lines: number
  /** How much spikier the line profile gets at `angle` than unrotated (1 = not at all). */
  gain: number
}

/**
 * A skew estimate that knows when it does not know: it counts the text lines at the best angle,
 * how much straightening sharpens them, and whether the best angle sits at the edge of the
 * search range (a sign it is chasing something other than text lines).
 */
export async function skewEstimate(page: { data: Buffer; width: number; height: number }, maxAngle = 4): Promise<SkewEstimate> {
  const r = await skewOf(
    sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 }, limitInputPixels: false }),
    maxAngle,
    true,
  )
  const reliable = r.lines >= 6 && Math.abs(r.angle) <= maxAngle - 0.5 && (Math.abs(r.angle) < 0.3 || r.gain >= 1.03)
  return { ...r, reliable }
}

/** `rawGrey`: the input is a raw one-channel page (sharp widens it to sRGB; one band is taken back out, cheaper than greyscale()). */
async function skewOf(src: sharp.Sharp, maxAngle: number, rawGrey = false): Promise<{ angle: number; lines: number; gain: number }> {
  const sized = rawGrey
    ? src.resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true }).extractChannel(0)
    : src.greyscale().resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true })
  const { data, info } = await sized.raw().toBuffer({ resolveWithObject: true })
  const { width, height } = info
  const ink = otsuThreshold(data)
  // Dark pixels' coordinates, centred so rotation is about the page centre: every step-th of them,
  // at most about MAX_SAMPLES, counted first so that no list grows pixel by pixel.
  let dark = 0
  for (let i = 0; i < data.length; i++) if (data[i]! < ink) dark++
  if (dark < 200) return { angle: 0, lines: 0, gain: 1 }
  const step = Math.max(1, Math.floor(dark / MAX_SAMPLES))
  const px = new Float64Array(Math.ceil(dark / step))
  const py = new Float64Array(px.length)
  for (let y = 0, k = 0, j = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < ink) {
        if (k++ % step === 0) {
          px[j] = x - width / 2
          py[j++] = y - height / 2
        }
      }
    }
  }
  const bins = new Float64Array(height * 2 + 8)
  const score = (deg: number): number => {
    const a = (deg * Math.PI) / 180
    const s = Math.sin(a)
    const c = Math.cos(a)
    bins.fill(0)
    const off = height + 4
    for (let i = 0; i < px.length; i++) {
      const yr = Math.round(py[i]! * c - px[i]! * s) + off
      bins[yr]! += 1
    }
    let sum = 0
    for (let i = 0; i < bins.length; i++) sum += bins[i]! * bins[i]!
    return sum
  }
  const search = (from: number, to: number, by: number, best: { a: number; s: number }) => {
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = score(a)
      if (s > best.s) {
        best.a = a
        best.s = s
      }
    }
    return best
  }
  const level = score(0)
  const coarse = search(-maxAngle, maxAngle, 0.5, { a: 0, s: level })
  const fine = search(coarse.a - 0.5, coarse.a + 0.5, 0.1, { ...coarse })
  const finer = search(fine.a - 0.1, fine.a + 0.1, 0.02, { ...fine })
  score(finer.a)
  return { angle: Math.round(finer.a * 100) / 100, lines: countLines(bins), gain: level > 0 ? finer.s / level : 1 }
}

/** Text lines in a row profile: runs of rows well above the profile's mean ink, at least two rows tall. */
function countLines(bins: Float64Array): number {
  let sum = 0
  let n = 0
  for (const v of bins) if (v > 0) ((sum += v), n++)
  const cut = n ? (sum / n) * 0.5 : 0
  let lines = 0
  let run = 0
  for (const v of bins) {
    if (v > cut) run++
    else {
      if (run >= 2) lines++
      run = 0
    }
  }
  return lines + (run >= 2 ? 1 : 0)
}

/** Otsu's threshold: the grey level that best separates ink from paper on this page. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Uint32Array(256)
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++
  const total = data.length
  let sumAll = 0
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!
  let sumB = 0
  let wB = 0
  let best = 0
  let threshold = 128
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!
    if (wB === 0) continue
    const wF = total - wB
    if (wF === 0) break
    sumB += t * hist[t]!
    const mB = sumB / wB
    const mF = (sumAll - sumB) / wF
    const between = wB * wF * (mB - mF) * (mB - mF)
    if (between > best) {
      best = between
      threshold = t
    }
  }
  return threshold
}
