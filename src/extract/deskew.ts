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
  return skewOf(src, opts.maxAngle ?? 5)
}

/** The same, for a raw 8-bit greyscale page already in memory. */
export async function skewOfRaw(page: { data: Buffer; width: number; height: number }, maxAngle = 5): Promise<number> {
  return skewOf(sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 }, limitInputPixels: false }), maxAngle)
}

async function skewOf(src: sharp.Sharp, maxAngle: number): Promise<number> {
  const { data, info } = await src
    .greyscale() // sharp widens raw one-channel input to sRGB unless told otherwise
    .resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { width, height } = info
  const ink = otsuThreshold(data)
  // Dark pixels' coordinates, centred so rotation is about the page centre.
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < ink) {
        xs.push(x - width / 2)
        ys.push(y - height / 2)
      }
    }
  }
  if (xs.length < 200) return 0
  const step = Math.max(1, Math.floor(xs.length / MAX_SAMPLES))
  const px = Float64Array.from(xs.filter((_, i) => i % step === 0))
  const py = Float64Array.from(ys.filter((_, i) => i % step === 0))
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
  const coarse = search(-maxAngle, maxAngle, 0.5, { a: 0, s: score(0) })
  const fine = search(coarse.a - 0.5, coarse.a + 0.5, 0.1, { ...coarse })
  const finer = search(fine.a - 0.1, fine.a + 0.1, 0.02, { ...fine })
  return Math.round(finer.a * 100) / 100
}

/** Otsu's threshold: the grey level that best separates ink from paper on this page. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256)
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
