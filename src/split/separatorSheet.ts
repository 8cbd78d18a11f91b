/**
 * The separator sheet a clerk prints and puts between documents before scanning a stack
 * as one file. It is meant to be read by OCR, on any copier or fax: a fixed phrase in
 * large bold capitals near the top and again upside down near the bottom (a sheet fed
 * the wrong way round still reads), a line saying it is not to be filed, and a large
 * printed code. Letter size, black on white, no images, so it survives 1-bit faxing.
 */
import type { PDFFont, PDFPage } from 'pdf-lib'
import { pdfLib } from '../pdfLib.js'

/** The phrase the splitter looks for on a page; printed twice on every sheet. */
export const SEPARATOR_PHRASE = 'CHARTCLERK SEPARATOR SHEET'
/** The large printed code: letters only, so it can never be read as an MRN or a date. */
export const SEPARATOR_CODE = 'CCSEP'
export const SEPARATOR_NOTICE = 'Do not file - place between documents'

const LETTER: [number, number] = [612, 792]
const MARGIN = 36
type Draw = Pick<typeof import('pdf-lib'), 'rgb' | 'degrees'>

/** A PDF of `count` identical separator sheets (one page each). */
export async function separatorSheetPdf(count = 1): Promise<Buffer> {
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new RangeError('count must be a whole number from 1 to 500')
  // Fixed metadata: the same sheet is the same bytes, whenever it is printed.
  const { PDFDocument, StandardFonts, rgb, degrees } = await pdfLib()
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle('chartclerk separator sheet')
  doc.setCreator('chartclerk')
  doc.setProducer('chartclerk')
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const plain = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < count; i++) drawSheet(doc.addPage(LETTER), bold, plain, { rgb, degrees })
  return Buffer.from(await doc.save())
}

function drawSheet(page: PDFPage, bold: PDFFont, plain: PDFFont, draw: Draw): void {
  const BLACK = draw.rgb(0, 0, 0)
  const [w, h] = LETTER
  const inner = w - 2 * MARGIN - 24
  // A heavy frame: a separator is recognisable at a glance in a stack and in the thumbnail strip.
  page.drawRectangle({
    x: MARGIN - 12,
    y: MARGIN - 12,
    width: w - 2 * MARGIN + 24,
    height: h - 2 * MARGIN + 24,
    borderColor: BLACK,
    borderWidth: 6,
  })
  const phraseSize = fitSize(bold, SEPARATOR_PHRASE, inner, 36)
  const noticeSize = fitSize(bold, SEPARATOR_NOTICE, inner, 22)

  // Upright, near the top.
  tracked(draw, page, bold, SEPARATOR_PHRASE, phraseSize, h - MARGIN - 20 - phraseSize, false)
  tracked(draw, page, bold, SEPARATOR_NOTICE, noticeSize, h - MARGIN - 40 - phraseSize - noticeSize, false)

  // The large code in the middle of the sheet, between two bars (a box round it makes OCR take it for a picture).
  // Not larger: read as one block of text (how chartclerk reads a sparse page), a line much taller than the
  // others is dropped by tesseract; at 40 pt and more the code was lost, at 36 pt it reads.
  const codeSize = 36
  const codeW = trackedWidth(bold, SEPARATOR_CODE, codeSize)
  const codeH = bold.heightAtSize(codeSize, { descender: false })
  const codeY = h / 2 - codeH / 2
  page.drawRectangle({ x: (w - codeW) / 2 - 30, y: codeY + codeH + 30, width: codeW + 60, height: 8, color: BLACK })
  page.drawRectangle({ x: (w - codeW) / 2 - 30, y: codeY - 38, width: codeW + 60, height: 8, color: BLACK })
  tracked(draw, page, bold, SEPARATOR_CODE, codeSize, codeY, false)

  const help = [
    'Put this sheet between documents when you scan a stack as one file.',
    'chartclerk cuts the stack at this sheet and never files the sheet itself.',
  ]
  help.forEach((line, i) => tracked(draw, page, plain, line, 12, codeY - 70 - i * 16, false))

  // Upside down, near the bottom: read the same way when the sheet went through turned round.
  tracked(draw, page, bold, SEPARATOR_PHRASE, phraseSize, MARGIN + 20 + phraseSize, true)
  tracked(draw, page, bold, SEPARATOR_NOTICE, noticeSize, MARGIN + 40 + phraseSize + noticeSize, true)
}

/** Letters set a little apart: tight bold capitals (the T and C of CHARTCLERK) run together under OCR. */
const TRACKING = 0.08

function trackedWidth(font: PDFFont, text: string, size: number): number {
  return font.widthOfTextAtSize(text, size) + TRACKING * size * (text.length - 1)
}

/** The largest size up to `max` at which `text`, letter-spaced, fits in `width`. */
function fitSize(font: PDFFont, text: string, width: number, max: number): number {
  return Math.min(max, Math.floor((max * width) / trackedWidth(font, text, max)))
}

/**
 * One line centred on the page, letter by letter. Upside down, each letter is turned half a
 * turn about its origin: the line runs leftwards and its letters hang below `baseline`.
 */
function tracked(draw: Draw, page: PDFPage, font: PDFFont, text: string, size: number, baseline: number, upsideDown: boolean): void {
  const tw = trackedWidth(font, text, size)
  let x = upsideDown ? (page.getWidth() + tw) / 2 : (page.getWidth() - tw) / 2
  for (const ch of text) {
    page.drawText(ch, { x, y: baseline, size, font, color: draw.rgb(0, 0, 0), ...(upsideDown ? { rotate: draw.degrees(180) } : {}) })
    const advance = font.widthOfTextAtSize(ch, size) + TRACKING * size
    x += upsideDown ? -advance : advance
  }
}
