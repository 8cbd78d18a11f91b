/** Picks the OCR engine from the configuration: tesseract.js (embedded, the default) or the native CLI. */
import { HostedOcr } from './hosted.js'
import { NativeTesseract } from './native.js'
import { OcrPool } from './pool.js'
import type { OcrEngine, OcrEngineKind } from './types.js'

export type { OcrEngine, OcrEngineKind, OcrPageResult, PageLayout, RecognizeOptions } from './types.js'

export interface EngineOptions {
  engine?: OcrEngineKind
  workers: number
  language?: string
  pageTimeoutMs?: number
  /** Native engine: path of the tesseract binary. */
  tesseractPath?: string
  /**
   * Run the engine in this process (no host processes). Otherwise each worker is a host process
   * replaced after `recyclePages` pages or past `recycleMemoryMb` of resident memory.
   */
  inProcess?: boolean
  recyclePages?: number
  recycleMemoryMb?: number
}

export function createOcrEngine(o: EngineOptions): OcrEngine {
  if (!o.inProcess)
    return new HostedOcr({
      engine: o.engine ?? 'tesseract.js',
      workers: o.workers,
      language: o.language,
      pageTimeoutMs: o.pageTimeoutMs,
      tesseractPath: o.tesseractPath || undefined,
      maxPages: o.recyclePages,
      maxRssMb: o.recycleMemoryMb,
    })
  if (o.engine === 'tesseract')
    return new NativeTesseract({
      workers: o.workers,
      binary: o.tesseractPath || undefined,
      language: o.language,
      pageTimeoutMs: o.pageTimeoutMs,
    })
  return new OcrPool({ workers: o.workers, language: o.language, pageTimeoutMs: o.pageTimeoutMs })
}
