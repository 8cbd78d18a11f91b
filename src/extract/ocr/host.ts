/**
 * An OCR host process: one OCR worker (tesseract.js, or the native CLI driven from here) and
 * the page image work around it (decoding a rendered page, preparing it, the compact JPEG).
 * It exists so that memory the OCR engine and the image library never give back (a
 * WebAssembly heap only grows; the allocator keeps freed pages) goes back to the system when
 * the host is replaced, which the main process does after so many pages or past a size.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../../errors.js'
import { readPageImage } from '../readPage.js'
import { NativeTesseract } from './native.js'
import { OcrPool } from './pool.js'
import type { HostReply, HostRequest, HostSettings } from './hostProtocol.js'
import type { OcrEngine } from './types.js'

const settings = JSON.parse(process.argv[2] ?? '{}') as HostSettings
// No cache of decoded images between pages, one libvips thread: pages come one at a time.
sharp.cache(false)
sharp.concurrency(1)

const engine: OcrEngine =
  settings.engine === 'tesseract'
    ? new NativeTesseract({
        workers: 1,
        binary: settings.tesseractPath,
        language: settings.language,
        pageTimeoutMs: settings.pageTimeoutMs,
      })
    : // The host itself is what gets replaced: its one worker is kept for the host's life.
      new OcrPool({ workers: 1, language: settings.language, pageTimeoutMs: settings.pageTimeoutMs, recycleAfterPages: Infinity })

async function handle(req: HostRequest): Promise<unknown> {
  switch (req.op) {
    case 'recognize':
      return engine.recognize(Buffer.from(req.image.buffer, req.image.byteOffset, req.image.byteLength), { layout: req.layout })
    case 'read-page': {
      const input =
        'file' in req.input
          ? req.input
          : 'png' in req.input
            ? { png: Buffer.from(req.input.png.buffer, req.input.png.byteOffset, req.input.png.byteLength) }
            : 'jpeg' in req.input
              ? {
                  jpeg: Buffer.from(req.input.jpeg.buffer, req.input.jpeg.byteOffset, req.input.jpeg.byteLength),
                  width: req.input.width,
                  height: req.input.height,
                }
              : {
                  grey: {
                    data: Buffer.from(req.input.grey.data.buffer, req.input.grey.data.byteOffset, req.input.grey.data.byteLength),
                    width: req.input.grey.width,
                    height: req.input.grey.height,
                  },
                }
      return readPageImage(input, engine, req.opts)
    }
    case 'test-crash':
      // Tests only: an OCR host that dies in the middle of a page.
      process.abort()
  }
}

/** What a page left (its image in several versions, tens of MB outside the heap) goes now, not when V8 gets round to it. */
const collect = () => setImmediate(() => global.gc?.())

process.on('message', (req: HostRequest) => {
  handle(req).then(
    (result) => {
      process.send!({ id: req.id, ok: true, result } satisfies HostReply)
      collect()
    },
    (err) => {
      const e =
        err instanceof ChartclerkError
          ? err
          : new ChartclerkError(
              'OCR_FAILED',
              'The page could not be read by OCR. Check the scan (is it an image of a document?) and drop it in the inbox again.',
              { detail: String((err as Error)?.message ?? err).slice(0, 200) },
            )
      process.send!({
        id: req.id,
        ok: false,
        error: { code: e.code, action: e.action, detail: e.message.slice(0, 300), transient: e.transient },
      } satisfies HostReply)
      collect()
    },
  )
})
// Ctrl-C reaches the whole process group: the main process decides when a host stops (it ends with the main process's channel).
process.on('SIGINT', () => {})
process.on('disconnect', () => {
  void engine.close().finally(() => process.exit(0))
})

// Loaded (the tesseract.js worker and its model, or the native binary found) before the first page.
engine.warm().then(
  () => process.send!({ ready: true } satisfies HostReply),
  (err) => {
    const e = err instanceof ChartclerkError ? err : null
    // Said, then gone: the main process starts a fresh host for the next page.
    process.send!(
      {
        ready: false,
        error: {
          code: e?.code ?? 'OCR_FAILED',
          action: e?.action ?? 'The OCR engine could not be started. Check the installation (npm install) and start chartclerk again.',
          detail: String((err as Error)?.message ?? err).slice(0, 300),
        },
      } satisfies HostReply,
      () => process.exit(1),
    )
  },
)
