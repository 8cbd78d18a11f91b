/** Small made-up outside records written by tests themselves: text-layer PDFs and scanned pages. */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { CONSULT_LINES, textPage } from './pages.js'

export function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex')
}

/** A one-page text-layer PDF; `n` makes each one unique. */
export function textPdf(n: number, extra?: { noiseImage?: Buffer }): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', info: { CreationDate: new Date(0) } as any })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.fontSize(14).text('Lakeside Medical Laboratory, 12 Harbor Road')
    doc.fontSize(11).text(`Patient Name: SAMPLE, PERSON${n}   DOB: 01/02/1970   Accession: L${100000 + n}`)
    doc.text(`Glucose, fasting ${70 + (n % 50)} mg/dL   (70 - 99)`)
    doc.text(`Report ${n}. Electronically signed by Dr. Lena Ortiz on 03/04/2026`)
    if (extra?.noiseImage) doc.image(extra.noiseImage, 50, 250, { width: 500 })
    doc.end()
  })
}

/** A scanned-looking page (PNG), unique per n. */
export async function scannedPng(n: number, skew = 0): Promise<Buffer> {
  return textPage([...CONSULT_LINES, `Reference number ${n}`], { skew })
}

/** An incompressible image, to make a file large enough that storing it takes a while. */
export async function noisePng(size = 1600): Promise<Buffer> {
  return sharp(randomBytes(size * size * 3), { raw: { width: size, height: size, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer()
}

export async function writeFiles(dir: string, files: Record<string, Buffer>): Promise<Record<string, string>> {
  const shas: Record<string, string> = {}
  for (const [name, buf] of Object.entries(files)) {
    const p = path.join(dir, name)
    await fs.mkdir(path.dirname(p), { recursive: true })
    await fs.writeFile(p, buf)
    shas[name] = sha256(buf)
  }
  return shas
}
