/**
 * The searchable PDF people print and search: each scanned page as an image
 * with the OCR words laid over it as invisible text (render mode 3), the way
 * OCRmyPDF's hOCR transform does. The original file is never touched.
 */
import type { PDFFont } from 'pdf-lib'
import type { WordBox } from '../model/types.js'
import { pdfLib } from '../pdfLib.js'

export interface SearchablePage {
  jpeg: Buffer
  /** Pixel size of the image the word boxes refer to. */
  width: number
  height: number
  words: WordBox[]
}

const LETTER_WIDTH_PT = 612

export async function buildSearchablePdf(pages: SearchablePage[], title: string): Promise<Buffer> {
  const {
    PDFDocument,
    StandardFonts,
    TextRenderingMode,
    beginText,
    endText,
    setCharacterSqueeze,
    setFontAndSize,
    setTextMatrix,
    setTextRenderingMode,
    showText,
  } = await pdfLib()
  const doc = await PDFDocument.create()
  doc.setTitle(title)
  doc.setCreator('chartclerk')
  doc.setProducer('chartclerk')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const p of pages) {
    // Scans are letter-width in practice; the height keeps the image's aspect.
    const scale = LETTER_WIDTH_PT / p.width
    const pw = LETTER_WIDTH_PT
    const ph = p.height * scale
    const page = doc.addPage([pw, ph])
    const img = await doc.embedJpg(p.jpeg)
    page.drawImage(img, { x: 0, y: 0, width: pw, height: ph })
    const fontKey = page.node.newFontDictionary('F0', font.ref)
    const ops = []
    for (const w of p.words) {
      const text = sanitize(w.text, font)
      if (!text) continue
      const boxW = (w.bbox.x1 - w.bbox.x0) * scale
      const boxH = (w.bbox.y1 - w.bbox.y0) * scale
      if (boxW <= 0 || boxH <= 0) continue
      const size = Math.max(1, boxH * 0.9)
      const natural = font.widthOfTextAtSize(text, size)
      const squeeze = natural > 0 ? Math.min(1000, Math.max(5, (boxW / natural) * 100)) : 100
      ops.push(
        beginText(),
        setFontAndSize(fontKey, size),
        setTextRenderingMode(TextRenderingMode.Invisible),
        setCharacterSqueeze(squeeze),
        setTextMatrix(1, 0, 0, 1, w.bbox.x0 * scale, ph - w.bbox.y1 * scale + boxH * 0.15),
        showText(font.encodeText(text)),
        endText(),
      )
    }
    if (ops.length) page.pushOperators(...ops)
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }))
}

/** Helvetica (WinAnsi) cannot encode every character OCR produces; drop what it cannot. */
function sanitize(text: string, font: PDFFont): string {
  let out = ''
  for (const ch of text) {
    try {
      font.encodeText(ch)
      out += ch
    } catch {
      out += '?'
    }
  }
  return out.trim()
}
