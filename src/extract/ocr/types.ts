/**
 * What every OCR engine offers chartclerk: one page image in (PGM/PNG), the text,
 * the mean word confidence and the word boxes out, in the same form whichever
 * engine read it (both report through tesseract's TSV).
 */
import type { WordBox } from '../../model/types.js'
import type { PageInput, PageReading, PageReadOptions } from '../readPage.js'

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
  /**
   * A whole scanned page (decode, preparation, every reading, the compact rendition) in one
   * call, where the engine runs in host processes: the page's image memory is then theirs.
   */
  readPage?(input: PageInput, opts: PageReadOptions): Promise<PageReading>
  /**
   * Waits until a page image may be fetched (rendered or decoded) for reading; call the returned
   * function when its reading is done. Caps the page images held at once to about one per worker.
   */
  pagePermit?(): Promise<() => void>
  warm(): Promise<void>
  close(): Promise<void>
}
