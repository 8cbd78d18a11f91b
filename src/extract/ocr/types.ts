/**
 * What every OCR engine offers chartclerk: one page image in (PGM/PNG), the text,
 * the mean word confidence and the word boxes out, in the same form whichever
 * engine read it (both report through tesseract's TSV).
 */
import type { WordBox } from '../../model/types.js'

export type OcrEngineKind = 'tesseract.js' | 'tesseract'

/** 'block': the page is one block of text (forms, single-column reports); 'auto': tesseract finds the columns. */
export type PageLayout = 'block' | 'auto'

export interface RecognizeOptions {
  layout?: PageLayout
}

export interface OcrPageResult {
  text: string
  confidence: number
  words: WordBox[]
}

export interface OcrEngine {
  readonly kind: OcrEngineKind
  /** Pages read at the same time. */
  readonly size: number
  recognize(image: Buffer, opts?: RecognizeOptions): Promise<OcrPageResult>
  warm(): Promise<void>
  close(): Promise<void>
}
