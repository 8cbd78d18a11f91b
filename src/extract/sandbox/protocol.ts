/** Messages between the main process and a reader process (src/extract/sandbox/child.ts). */
import type { ImageKind } from '../images.js'

export type Request = { id: number } & (
  | {
      op: 'pdf-open'
      data: Uint8Array
      maxPixels: number
      renderMaxPixels: number
      maxPages: number
      inflateCapMb: number
      readText: boolean
      findImages: boolean
      minTextLayerChars: number
    }
  /** `direct`: a page that is one scanned JPEG comes back as that JPEG (and the size to read it at), not drawn. */
  | { op: 'pdf-render'; page: number; dpi: number; direct?: boolean }
  | {
      op: 'image-open'
      data: Uint8Array
      kind: ImageKind
      maxPixels: number
      /** The page pixel budget: a larger page is scaled down to it as it is decoded. */
      fitPixels: number
      maxPages: number
      decodeAll: boolean
    }
  | { op: 'image-decode'; page: number }
  | { op: 'close' }
  | { op: 'test-crash' }
  | { op: 'test-spin'; ms: number }
)

export type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

export type Reply =
  | { ready: true; id?: undefined }
  /** A phase of the call is done (the bomb check of a PDF): its own time allowance ends, the call's begins. */
  | { id: number; progress: 'checked' }
  | { id: number; ok: true; result: any }
  | { id: number; ok: false; error: { code: string; action: string; detail: string } }
