/**
 * Pages with ground truth for the OCR accuracy benchmark (and the reading tests):
 * the samples generator's records in its five scan styles, plus the pages that
 * went wrong on real outside records: sparse last pages (a few lines, the
 * signature block, the footer), standard-resolution fax, heavy shading, 1-bit
 * dithered scans, pages turned 90/180 degrees, two-column letters and
 * typewritten pages; and two-column reports under a full-width heading and
 * footer, pages peppered with specks, photocopies with a dark lid shadow. Cached on disk so every engine reads the very same files.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import {
  makeRecordSpec,
  rasterizePdf,
  renderRecordPdf,
  Rng,
  SCAN_STYLES,
  scanStyle,
  setPngDpi,
  type ScanStyle,
} from '../samples/lib/records.js'

export const ACCURACY_STYLES = [
  ...SCAN_STYLES,
  'sparse',
  'fax-standard',
  'shaded',
  'dithered',
  'turned-90',
  'turned-180',
  'two-column',
  'typewriter',
  'columns-report',
  'specks',
  'lid-shadow',
] as const
export type AccuracyStyle = (typeof ACCURACY_STYLES)[number]

export interface TruthPage {
  style: AccuracyStyle
  png: string
  /** The words printed on the page, in reading order. */
  truth: string
}

/** Two pages per style by default: the whole benchmark stays a few minutes on two cores. */
export async function accuracyPages(dir: string, perStyle = 2, styles: readonly AccuracyStyle[] = ACCURACY_STYLES): Promise<TruthPage[]> {
  await fs.mkdir(dir, { recursive: true })
  const out: TruthPage[] = []
  for (const style of styles) {
    for (let i = 0; i < perStyle; i++) {
      const base = path.join(dir, `${style}-${i}`)
      const png = `${base}.png`
      const txt = `${base}.txt`
      if (!existsSync(png) || !existsSync(txt)) {
        const page = await makePage(style, `${style}:${i}`)
        await fs.writeFile(png, page.png)
        await fs.writeFile(txt, page.truth)
      }
      out.push({ style, png, truth: await fs.readFile(txt, 'utf8') })
    }
  }
  return out
}

export async function makePage(style: AccuracyStyle, seed: string): Promise<{ png: Buffer; truth: string }> {
  const rng = new Rng(seed)
  const skew = (rng.int(4, 18) / 10) * (rng.chance(0.5) ? 1 : -1)
  if ((SCAN_STYLES as readonly string[]).includes(style)) {
    const pdf = await renderRecordPdf(makeRecordSpec(rng))
    const [render] = await rasterizePdf(pdf, 300)
    const png = await scanStyle(render!, style as ScanStyle, {
      dpi: 300,
      skewDegrees: skew,
      seed,
      fax: style === 'fax' ? { from: '(555) 010-2233', dateTime: '11/02/2026 09:14', page: 1, pageCount: 1 } : undefined,
    })
    const truth = (await pdfPageText(pdf, 1)) + (style === 'fax' ? '\nFROM: (555) 010-2233 11/02/2026 09:14 P. 1/1' : '')
    return { png, truth }
  }
  switch (style) {
    case 'sparse': {
      const page = sparsePage(rng)
      const [render] = await rasterizePdf(await drawPdf(page), 300)
      // Last pages come off the same copier as the rest: shading, specks, a skew of a degree or so.
      return {
        png: await scanStyle(render!, rng.chance(0.5) ? 'copier' : 'faded', { dpi: 300, skewDegrees: skew, seed }),
        truth: truthOf(page),
      }
    }
    case 'fax-standard': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 204)
      return { png: await standardFax(render!, rng), truth: await pdfPageText(pdf, 1) }
    }
    case 'shaded': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 300)
      return {
        png: await shade(await scanStyle(render!, 'clean', { dpi: 300, skewDegrees: skew, seed }), rng),
        truth: await pdfPageText(pdf, 1),
      }
    }
    case 'dithered': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 300)
      const grey = await scanStyle(render!, 'copier', { dpi: 300, skewDegrees: skew, seed })
      return { png: await dither(grey), truth: await pdfPageText(pdf, 1) }
    }
    case 'turned-90':
    case 'turned-180': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 300)
      const scanned = await scanStyle(render!, 'copier', { dpi: 300, skewDegrees: skew / 2, seed })
      const angle = style === 'turned-180' ? 180 : rng.chance(0.5) ? 90 : 270
      return { png: setPngDpi(await sharp(scanned).rotate(angle).png().toBuffer(), 300), truth: await pdfPageText(pdf, 1) }
    }
    case 'two-column': {
      const page = twoColumnPage(rng)
      const [render] = await rasterizePdf(await drawPdf(page), 300)
      return { png: await scanStyle(render!, 'clean', { dpi: 300, skewDegrees: skew / 2, seed }), truth: truthOf(page) }
    }
    case 'typewriter': {
      const page = typewrittenPage(rng)
      const [render] = await rasterizePdf(await drawPdf(page), 400)
      return {
        png: await scanStyle(render!, rng.chance(0.5) ? 'clean' : 'copier', { dpi: 400, skewDegrees: skew / 2, seed }),
        truth: truthOf(page),
      }
    }
    case 'columns-report': {
      const page = columnsReportPage(rng)
      const [render] = await rasterizePdf(await drawPdf(page), 300)
      return {
        png: await scanStyle(render!, rng.chance(0.5) ? 'copier' : 'clean', { dpi: 300, skewDegrees: skew / 2, seed }),
        truth: truthOf(page),
      }
    }
    case 'specks': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 300)
      const scanned = await scanStyle(render!, 'clean', { dpi: 300, skewDegrees: skew / 2, seed })
      return { png: await pepper(scanned, rng), truth: await pdfPageText(pdf, 1) }
    }
    case 'lid-shadow': {
      const pdf = await renderRecordPdf(makeRecordSpec(rng))
      const [render] = await rasterizePdf(pdf, 300)
      const scanned = await scanStyle(render!, 'clean', { dpi: 300, skewDegrees: skew / 2, seed })
      return { png: await lidShadow(scanned, rng), truth: await pdfPageText(pdf, 1) }
    }
  }
  throw new Error(`no such benchmark style: ${style}`)
}

/** The text layer of one page of a rendered record, as pdf.js reads it (line order). */
async function pdfPageText(pdf: Buffer, page: number): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 })
  try {
    const r = await parser.getText({ partial: [page] })
    return r.pages[0]?.text ?? ''
  } finally {
    await parser.destroy()
  }
}

// ---------------------------------------------------------------------------------------
// Pages drawn directly: a list of text runs, each a column of lines.

interface Run {
  x: number
  y: number
  width: number
  font: 'Helvetica' | 'Helvetica-Bold' | 'Times-Roman' | 'Courier'
  size: number
  lines: string[]
  gap?: number
}
interface DrawnPage {
  runs: Run[]
  /** Drawn, not text: a signature squiggle at this point. */
  squiggle?: { x: number; y: number }
}

const truthOf = (p: DrawnPage): string => p.runs.flatMap((r) => r.lines).join('\n')

async function drawPdf(page: DrawnPage): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0 })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const r of page.runs) {
    doc.font(r.font).fontSize(r.size)
    let y = r.y
    for (const line of r.lines) {
      doc.text(line, r.x, y, { width: r.width, lineBreak: false })
      y += r.size * (r.gap ?? 1.35)
    }
  }
  if (page.squiggle) {
    const { x, y } = page.squiggle
    doc
      .save()
      .lineWidth(1.4)
      .moveTo(x, y)
      .bezierCurveTo(x + 20, y - 25, x + 35, y + 15, x + 55, y - 8)
      .bezierCurveTo(x + 70, y - 22, x + 85, y + 10, x + 120, y - 4)
      .stroke()
      .restore()
  }
  doc.end()
  return done
}

const SURNAMES = ['Okafor', 'Lindqvist', 'Brennan', 'Castellanos', 'Whitford', 'Abernathy', 'Nakamura', 'Delacroix']
const GIVEN = ['Miriam', 'Theodore', 'Priya', 'Gareth', 'Lucille', 'Anselm', 'Rosalind', 'Desmond']
const SENTENCES = [
  'Please do not hesitate to contact our office with any questions.',
  'We will see her again in three months with repeat laboratory studies.',
  'Thank you for allowing us to participate in the care of this patient.',
  'He was advised to continue the current dose of lisinopril and to monitor his blood pressure at home.',
  'A copy of the imaging report is enclosed for your records.',
  'Her symptoms improved after the second week of physical therapy.',
  'The biopsy results were reviewed with the patient and his daughter.',
  'Follow-up with cardiology is scheduled for the first week of March.',
  'No changes to the medication list were made at this visit.',
  'She tolerated the procedure well and was discharged home the same day.',
  'The patient reports mild fatigue but denies chest pain or shortness of breath.',
  'Renal function remains stable compared with the prior study.',
]

function person(rng: Rng): string {
  return `${rng.pick(GIVEN)} ${rng.pick(SURNAMES)}`
}

/** The last page of a letter: two or three lines, the closing, a signature, the footer. */
function sparsePage(rng: Rng): DrawnPage {
  const font = rng.pick(['Helvetica', 'Times-Roman'] as const)
  const who = person(rng)
  const body = Array.from({ length: rng.int(1, 3) }, () => rng.pick(SENTENCES))
  const date = `${String(rng.int(1, 12)).padStart(2, '0')}/${String(rng.int(1, 28)).padStart(2, '0')}/2026`
  const top = rng.int(80, 110)
  const runs: Run[] = [
    {
      x: 72,
      y: 40,
      width: 468,
      font,
      size: 9,
      lines: [
        `Re: ${person(rng)}    DOB: ${String(rng.int(1, 12)).padStart(2, '0')}/${String(rng.int(1, 28)).padStart(2, '0')}/19${rng.int(40, 99)}    Page 2`,
      ],
    },
    { x: 72, y: top, width: 468, font, size: 11, lines: body, gap: 1.6 },
    { x: 72, y: top + body.length * 18 + 30, width: 300, font, size: 11, lines: ['Sincerely,'] },
    {
      x: 72,
      y: top + body.length * 18 + 110,
      width: 300,
      font,
      size: 11,
      lines: [`${who}, MD`, 'Internal Medicine', `Electronically signed by ${who}, MD on ${date} 14:32`],
    },
    {
      x: 72,
      y: 740,
      width: 468,
      font,
      size: 8,
      lines: ['Riverbend Medical Group  |  410 Alder Street, Suite 200, Portland, OR 97205  |  Page 2 of 2'],
    },
  ]
  return { runs, squiggle: { x: 80, y: top + body.length * 18 + 90 } }
}

/** A newsletter-style report in two columns: reading order is down the left, then the right. */
function twoColumnPage(rng: Rng): DrawnPage {
  const column = () => {
    const lines: string[] = []
    while (lines.length < 24) {
      // Break sentences into column-width lines of a few words.
      const words = rng.pick(SENTENCES).split(' ')
      for (let i = 0; i < words.length; i += 5) lines.push(words.slice(i, i + 5).join(' '))
    }
    return lines.slice(0, 24)
  }
  return {
    runs: [
      { x: 72, y: 60, width: 468, font: 'Helvetica-Bold', size: 14, lines: ['Clinic Quarterly Care Summary'] },
      { x: 72, y: 110, width: 220, font: 'Times-Roman', size: 11, lines: column(), gap: 1.5 },
      { x: 320, y: 110, width: 220, font: 'Times-Roman', size: 11, lines: column(), gap: 1.5 },
    ],
  }
}

/**
 * A report set in two columns under a full-width title and opening paragraph, with a
 * full-width footer: the columns' lines do not line up (different sizes and spacing), and
 * the right column may end early. Reading order: title, opening, left column, right, footer.
 */
function columnsReportPage(rng: Rng): DrawnPage {
  const font = rng.pick(['Helvetica', 'Times-Roman'] as const)
  const column = (n: number, per: number) => {
    const lines: string[] = []
    while (lines.length < n) {
      const words = rng.pick(SENTENCES).split(' ')
      for (let i = 0; i < words.length; i += per) lines.push(words.slice(i, i + per).join(' '))
    }
    return lines.slice(0, n)
  }
  const intro = column(3, 11)
  const leftSize = rng.pick([9.5, 10, 11])
  const rightSize = rng.pick([9.5, 10, 11])
  const top = 150 + intro.length * 15
  return {
    runs: [
      { x: 72, y: 60, width: 468, font: 'Helvetica-Bold', size: 15, lines: [`${rng.pick(SURNAMES)} Clinic Care Report`] },
      { x: 72, y: 100, width: 468, font, size: 10.5, lines: intro, gap: 1.4 },
      { x: 72, y: top, width: 215, font, size: leftSize, lines: column(rng.int(18, 26), 5), gap: rng.pick([1.3, 1.45, 1.6]) },
      { x: 318, y: top + rng.int(0, 9), width: 215, font, size: rightSize, lines: column(rng.int(10, 26), 5), gap: rng.pick([1.3, 1.45]) },
      { x: 72, y: 735, width: 468, font, size: 8, lines: [`Prepared by ${person(rng)}, RN  -  Page 1 of 1`] },
    ],
  }
}

/** A typewritten letter: Courier 12 pt, scanned at 400 dpi (large, high-resolution type). */
function typewrittenPage(rng: Rng): DrawnPage {
  const lines: string[] = []
  while (lines.length < 18) {
    const words = rng.pick(SENTENCES).split(' ')
    for (let i = 0; i < words.length; i += 8) lines.push(words.slice(i, i + 8).join(' '))
  }
  return {
    runs: [
      { x: 72, y: 72, width: 468, font: 'Courier', size: 14, lines: ['CONSULTATION REPORT'] },
      {
        x: 72,
        y: 120,
        width: 468,
        font: 'Courier',
        size: 12,
        lines: [`Patient: ${person(rng)}`, `Referring physician: ${person(rng)}, MD`],
      },
      { x: 72, y: 180, width: 468, font: 'Courier', size: 12, lines: lines.slice(0, 18), gap: 1.6 },
    ],
  }
}

// ---------------------------------------------------------------------------------------
// Scan effects beyond the samples generator.

/** Standard fax: 204 x 98 dpi, 1-bit, every row printed twice by the receiving machine. */
async function standardFax(render204: Buffer, rng: Rng): Promise<Buffer> {
  const meta = await sharp(render204).metadata()
  const w = meta.width!
  const h = meta.height!
  const half = await sharp(render204)
    .greyscale()
    .resize({ width: w, height: Math.round(h * (98 / 204)), fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer()
  const hh = Math.round(h * (98 / 204))
  for (let i = 0; i < half.length; i++) half[i] = half[i]! + (rng.float(-20, 20) | 0) < 150 ? 0 : 255
  const out = Buffer.alloc(w * hh * 2)
  for (let y = 0; y < hh; y++) {
    half.copy(out, 2 * y * w, y * w, (y + 1) * w)
    half.copy(out, (2 * y + 1) * w, y * w, (y + 1) * w)
  }
  return setPngDpi(
    await sharp(out, { raw: { width: w, height: hh * 2, channels: 1 } })
      .png()
      .toBuffer(),
    204,
  )
}

/** Heavy uneven background: broad dark shading, a yellowed band, a copier streak. */
async function shade(png: Buffer, rng: Rng): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const { width: w, height: h } = info
  const blobs = Array.from({ length: 4 }, () => ({
    x: rng.float(0, w),
    y: rng.float(0, h),
    r: rng.float(0.2, 0.5) * w,
    depth: rng.float(40, 90),
  }))
  const streakX = rng.int(Math.round(w * 0.2), Math.round(w * 0.8))
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let bg = 245 - 30 * (y / h)
      for (const b of blobs) {
        const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r)
        if (d2 < 4) bg -= b.depth * Math.exp(-d2)
      }
      if (Math.abs(x - streakX) < 12) bg -= 50
      const i = y * w + x
      // Ink stays ink; paper becomes the shaded background.
      data[i] = Math.max(0, Math.min(255, Math.round((data[i]! / 255) * bg)))
    }
  }
  return setPngDpi(
    await sharp(data, { raw: { width: w, height: h, channels: 1 } })
      .png({ compressionLevel: 3 })
      .toBuffer(),
    300,
  )
}

/** 1-bit Floyd-Steinberg dithering, as cheap scanners and fax servers save grey pages. */
async function dither(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().linear(1.15, -40).raw().toBuffer({ resolveWithObject: true })
  const { width: w, height: h } = info
  const f = Float32Array.from(data)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      const old = f[i]!
      const v = old < 128 ? 0 : 255
      const e = old - v
      f[i] = v
      if (x + 1 < w) f[i + 1]! += (e * 7) / 16
      if (y + 1 < h) {
        if (x > 0) f[i + w - 1]! += (e * 3) / 16
        f[i + w]! += (e * 5) / 16
        if (x + 1 < w) f[i + w + 1]! += e / 16
      }
    }
  }
  const out = Buffer.from(Uint8Array.from(f, (v) => (v < 128 ? 0 : 255)))
  return setPngDpi(
    await sharp(out, { raw: { width: w, height: h, channels: 1 } })
      .png()
      .toBuffer(),
    300,
  )
}

/**
 * Salt-and-pepper: isolated dark specks of one to three pixels scattered over paper and text
 * alike (a dusty glass, a noisy sensor, a fax line), and some white ones in the ink; half the
 * pages are then saved 1-bit.
 */
async function pepper(png: Buffer, rng: Rng): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const { width: w, height: h } = info
  const density = rng.float(0.002, 0.012)
  const n = Math.round(w * h * density)
  for (let k = 0; k < n; k++) {
    const x = rng.int(0, w - 3)
    const y = rng.int(0, h - 3)
    const size = rng.chance(0.6) ? 1 : rng.int(2, 3)
    const v = rng.chance(0.85) ? rng.int(0, 60) : 255
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) if (dx + dy < size + 1) data[(y + dy) * w + x + dx] = v
  }
  if (rng.chance(0.5)) for (let i = 0; i < data.length; i++) data[i] = data[i]! < 150 ? 0 : 255
  return setPngDpi(
    await sharp(data, { raw: { width: w, height: h, channels: 1 } })
      .png({ compressionLevel: 3 })
      .toBuffer(),
    300,
  )
}

/**
 * A photocopy with the lid up: a black band along one or two edges, its inner edge ragged and
 * fading into grey, then the whole page thresholded to 1-bit as a copier saves it.
 */
async function lidShadow(png: Buffer, rng: Rng): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const { width: w, height: h } = info
  const sides = rng.chance(0.4) ? [rng.int(0, 3), rng.int(0, 3)] : [rng.int(0, 3)]
  for (const side of new Set(sides)) {
    const along = side < 2 ? h : w
    const band = rng.float(0.08, 0.3) * 300
    const fade = rng.float(0.05, 0.15) * 300
    const wobble = Array.from({ length: along }, (_, i) => 12 * Math.sin(i / rng.float(40, 90)) + rng.float(-5, 5))
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const dist = side === 0 ? x : side === 1 ? w - 1 - x : side === 2 ? y : h - 1 - y
        const edge = band + wobble[side < 2 ? y : x]!
        if (dist >= edge + fade) continue
        const i = y * w + x
        const depth = dist < edge ? 1 : 1 - (dist - edge) / fade
        data[i] = Math.max(0, Math.round(data[i]! * (1 - 0.9 * depth) + rng.float(-25, 25)))
      }
    }
  }
  const cut = rng.int(120, 170)
  for (let i = 0; i < data.length; i++) data[i] = data[i]! < cut ? 0 : 255
  return setPngDpi(
    await sharp(data, { raw: { width: w, height: h, channels: 1 } })
      .png({ compressionLevel: 3 })
      .toBuffer(),
    300,
  )
}
