/** Messages between the main process and an OCR host process (ocr/host.ts). */
import type { GreyPage, ImageKind } from '../images.js'
import type { PageReadOptions } from '../readPage.js'
import type { OcrEngineKind, PageLayout } from './types.js'

export interface HostSettings {
  engine: OcrEngineKind
  language?: string
  pageTimeoutMs?: number
  tesseractPath?: string
}

type Wire<T> = T extends Buffer ? Uint8Array : T extends object ? { [K in keyof T]: Wire<T[K]> } : T

export type HostRequest = { id: number } & (
  | { op: 'recognize'; image: Uint8Array; layout?: PageLayout }
  | {
      op: 'read-page'
      input:
        | { png: Uint8Array }
        | { grey: Wire<GreyPage> }
        | { file: string; kind: ImageKind; page: number }
        | { jpeg: Uint8Array; width: number; height: number }
      opts: PageReadOptions
    }
  | { op: 'test-crash' }
)

export type HostRequestBody = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

export type HostError = { code: string; action: string; detail: string; transient?: boolean }

export type HostReply =
  { ready: true } | { ready: false; error: HostError } | { id: number; ok: true; result: any } | { id: number; ok: false; error: HostError }
