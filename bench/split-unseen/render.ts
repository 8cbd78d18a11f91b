/**
 * Printing a stack: Chromium prints the stack's HTML (one Letter page per page div), the
 * separator sheet `chartclerk separator` writes is put in where the plan says (turned upside
 * down when the sheet went in the wrong way), and for scanned stacks every page is
 * rasterized by Ghostscript and put through a scanner or a fax machine's faults with sharp
 * (slight rotation, specks, uneven grey, blur, threshold, 98-line fax rows), then the page
 * images become an image-only PDF.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { degrees, PDFDocument } from 'pdf-lib'
import { chromium, type Browser } from 'playwright-core'
import sharp from 'sharp'
import type { Rand } from './rand.js'
import type { ScanLook, StackPlan } from './stack.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface StackPrinter {
  print(html: string, expectedPages: number): Promise<Buffer>
  close(): Promise<void>
}

export async function openStackPrinter(): Promise<StackPrinter> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  return {
    async print(html, expectedPages) {
      const page = await browser.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        await page.evaluate('document.fonts.ready.then(() => undefined)')
        const pdf = Buffer.from(await page.pdf({ width: '8.5in', height: '11in', printBackground: true, preferCSSPageSize: true }))
        const n = (await PDFDocument.load(pdf)).getPageCount()
        if (n !== expectedPages) throw new Error(`stack printed on ${n} pages, not ${expectedPages}: a page's content spills over`)
        return pdf
      } finally {
        await page.close()
      }
    },
    close: () => browser.close(),
  }
}

/** The printed pages with the separator sheets put in at their places. */
export async function assemble(printed: Buffer, separator: Buffer, plan: StackPlan): Promise<Buffer> {
  const src = await PDFDocument.load(printed)
  const sep = await PDFDocument.load(separator)
  const out = await PDFDocument.create()
  let next = 0
  for (let n = 1; n <= plan.truth.pages; n++) {
    const role = plan.truth.roles[n - 1]!
    if (role.kind === 'separator') {
      const [pg] = await out.copyPages(sep, [0])
      if (role.upsideDown) pg!.setRotation(degrees(180))
      out.addPage(pg!)
    } else {
      const [pg] = await out.copyPages(src, [next++])
      out.addPage(pg!)
    }
  }
  out.setProducer('split-unseen bench')
  return Buffer.from(await out.save())
}

/** Every page of a PDF as a greyscale PNG at `res` dpi (Ghostscript, anti-aliased like a scanner's optics). */
async function rasterize(pdf: Buffer, res: string): Promise<Buffer[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'split-unseen-gs-'))
  try {
    const src = path.join(dir, 'in.pdf')
    await fs.writeFile(src, pdf)
    await run(
      'gs',
      [
        '-q',
        '-dNOPAUSE',
        '-dBATCH',
        '-dSAFER',
        '-sDEVICE=pnggray',
        `-r${res}`,
        '-dTextAlphaBits=4',
        '-dGraphicsAlphaBits=4',
        `-sOutputFile=${path.join(dir, 'p-%03d.png')}`,
        src,
      ],
      { maxBuffer: 1 << 24 },
    )
    const files = (await fs.readdir(dir)).filter((f) => f.startsWith('p-')).sort()
    return Promise.all(files.map((f) => fs.readFile(path.join(dir, f))))
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

interface Grey {
  data: Buffer
  w: number
  h: number
}

const toGrey = async (img: sharp.Sharp): Promise<Grey> => {
  const { data, info } = await img.greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height }
}
const fromGrey = (g: Grey) => sharp(g.data, { raw: { width: g.w, height: g.h, channels: 1 } })

/** Turns the sheet by `deg` (paper-white corners) and crops back to its size. */
async function tilt(g: Grey, deg: number): Promise<Grey> {
  const t = await toGrey(fromGrey(g).rotate(deg, { background: { r: 255, g: 255, b: 255 } }))
  const left = Math.max(0, Math.floor((t.w - g.w) / 2))
  const top = Math.max(0, Math.floor((t.h - g.h) / 2))
  return toGrey(fromGrey(t).extract({ left, top, width: Math.min(g.w, t.w), height: Math.min(g.h, t.h) }))
}

function specks(g: Grey, r: Rand, perMillion: number): void {
  const n = Math.round((g.w * g.h * perMillion) / 1e6)
  for (let i = 0; i < n; i++) {
    const x = r.int(0, g.w - 2)
    const y = r.int(0, g.h - 2)
    const v = r.chance(0.8) ? 0 : 255
    g.data[y * g.w + x] = v
    if (r.chance(0.4)) g.data[y * g.w + x + 1] = v
    if (r.chance(0.3)) g.data[(y + 1) * g.w + x] = v
  }
}

/** Uneven light and a grey paper: a gradient from one corner, plus grain. */
function greyPaper(g: Grey, r: Rand): void {
  const dark = r.int(25, 55)
  const fromLeft = r.chance(0.5)
  for (let y = 0; y < g.h; y++)
    for (let x = 0; x < g.w; x++) {
      const i = y * g.w + x
      const t = ((fromLeft ? x : g.w - x) / g.w) * 0.6 + (y / g.h) * 0.4
      const shade = 255 - dark * (1 - t) - 12
      const v = (g.data[i]! / 255) * shade + (r.next() - 0.5) * 14
      g.data[i] = v < 0 ? 0 : v > 255 ? 255 : v
    }
}

function threshold(g: Grey, at: number): void {
  for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! < at ? 0 : 255
}

/** Fax at standard resolution: every other row kept, then each kept row shown twice. */
function faxRows(g: Grey): void {
  for (let y = 0; y + 1 < g.h; y += 2) g.data.copy(g.data, (y + 1) * g.w, y * g.w, (y + 1) * g.w)
}

/** One scanned page image (JPEG for grey looks, PNG for 1-bit fax) with the dpi it was made at. */
async function scanOne(png: Buffer, look: ScanLook, r: Rand, blank: boolean): Promise<{ img: Buffer; jpeg: boolean }> {
  let g = await toGrey(sharp(png))
  if (blank) {
    // The back of a sheet: faint show-through of nothing, copier grain, a few specks.
    for (let i = 0; i < g.data.length; i++) g.data[i] = 250 - (r.next() < 0.002 ? 120 : Math.floor(r.next() * 6))
  }
  const angle = (r.next() - 0.5) * (look === 'copier' ? 2.4 : look === 'flatbed-grey' ? 3.0 : 1.6)
  g = await tilt(g, angle)
  switch (look) {
    case 'copier': {
      g = await toGrey(fromGrey(g).blur(0.6))
      specks(g, r, 40)
      return { img: await fromGrey(g).jpeg({ quality: 70 }).toBuffer(), jpeg: true }
    }
    case 'flatbed-grey': {
      greyPaper(g, r)
      return { img: await fromGrey(g).jpeg({ quality: 60 }).toBuffer(), jpeg: true }
    }
    case 'fax-standard':
    case 'fax-fine': {
      threshold(g, r.int(150, 185))
      if (look === 'fax-standard') faxRows(g)
      specks(g, r, 25)
      return { img: await fromGrey(g).png({ compressionLevel: 9, palette: false }).toBuffer(), jpeg: false }
    }
  }
}

/** The scanned stack: every page of `pdf` rasterized, degraded and put back as an image-only PDF. */
export async function scanStack(pdf: Buffer, plan: StackPlan, r: Rand): Promise<Buffer> {
  const look = plan.truth.scanLook!
  const res = look === 'fax-standard' || look === 'fax-fine' ? '204x196' : look === 'flatbed-grey' ? '150' : '200'
  const pngs = await rasterize(pdf, res)
  if (pngs.length !== plan.truth.pages) throw new Error(`rasterized ${pngs.length} pages, expected ${plan.truth.pages}`)
  const out = await PDFDocument.create()
  for (let i = 0; i < pngs.length; i++) {
    const { img, jpeg } = await scanOne(pngs[i]!, look, r, plan.truth.roles[i]!.kind === 'blank')
    const embedded = jpeg ? await out.embedJpg(img) : await out.embedPng(img)
    const page = out.addPage([612, 792])
    page.drawImage(embedded, { x: 0, y: 0, width: 612, height: 792 })
  }
  out.setProducer('split-unseen bench scanner')
  return Buffer.from(await out.save())
}
