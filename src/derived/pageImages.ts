/**
 * Page images for people (the viewer, the review page, the clinician's queue, release
 * packages), made on first view and kept in the object store, so filing a text-layer PDF
 * never draws its pages. A text-layer page is drawn from the original PDF; an OCRed page
 * from the scan as it was read (straightened and turned upright). While someone pages
 * through a document its original stays open in a reader for a short while, so each page
 * costs one draw, not one open.
 */
import { ChartclerkError } from '../errors.js'
import { VIEWER_DPI } from '../extract/extractText.js'
import { decodePage, viewerImage } from '../extract/images.js'
import { openPdf, type OpenedPdf } from '../extract/pdf.js'
import { openImage, type OpenedImage } from '../extract/sandbox/image.js'
import type { DocumentRecord } from '../catalog/documents.js'
import { derivedKey, originalKey } from '../storage/objectStore.js'
import { scanImageName } from './searchablePdfs.js'
import { putDerived, type DerivedDeps } from './storeDerived.js'

export const pageImageName = (page: number): string => `page-${String(page).padStart(4, '0')}.png`

type Deps = DerivedDeps

/** How long an original stays open after its last page was drawn. */
const KEEP_OPEN_MS = 20_000

interface Session {
  opened: Promise<OpenedPdf | OpenedImage>
  /** Draws run one after another: a reader does one thing at a time. */
  chain: Promise<unknown>
  timer: NodeJS.Timeout | null
}

const sessions = new WeakMap<object, Map<number, Session>>()
const inFlight = new WeakMap<object, Map<string, Promise<Buffer>>>()

/**
 * Page `n` of a document as a PNG (about 150 dpi for a letter page): the stored image
 * when there is one, else drawn now and stored for the next view. Throws STORAGE_NOT_FOUND
 * when the page does not exist or nothing is left to draw it from.
 */
export async function pageImage(deps: Deps, doc: DocumentRecord, n: number): Promise<Buffer> {
  if (doc.errorCode === 'DESTROYED' || (doc.pageCount != null && (n < 1 || n > doc.pageCount))) throw notFound(doc.id, n)
  const key = derivedKey(doc.id, pageImageName(n))
  try {
    return await deps.storeWithArchive.get(key)
  } catch (err) {
    if (!(err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND')) throw err
  }
  // Two people (or one browser's parallel requests) asking for the same page share one draw.
  let mine = inFlight.get(deps.storeWithArchive)
  if (!mine) inFlight.set(deps.storeWithArchive, (mine = new Map()))
  const pending = mine.get(key)
  if (pending) return pending
  const p = draw(deps, doc, n).finally(() => mine!.delete(key))
  mine.set(key, p)
  return p
}

async function draw(deps: Deps, doc: DocumentRecord, n: number): Promise<Buffer> {
  const page = (await deps.catalog.documents.pages(doc.id)).find((p) => p.page === n)
  let png: Buffer | null = null
  if (page?.source === 'ocr') {
    // The page as OCR read it, so the image matches the text beside it.
    const jpeg = await deps.storeWithArchive.get(derivedKey(doc.id, scanImageName(n))).catch((err) => {
      if (err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND') return null
      throw err
    })
    if (jpeg) png = await viewerImage(await decodePage(jpeg, 'render', 1, { maxPixels: deps.config.ocr.maxPixels }))
  }
  png ??= await fromOriginal(deps, doc, n)
  await putDerived(deps, doc.id, pageImageName(n), png, 'image/png')
  return png
}

function fromOriginal(deps: Deps, doc: DocumentRecord, n: number): Promise<Buffer> {
  let docs = sessions.get(deps.storeWithArchive)
  if (!docs) sessions.set(deps.storeWithArchive, (docs = new Map()))
  let s = docs.get(doc.id)
  if (!s) {
    const opened = open(deps, doc)
    s = { opened, chain: Promise.resolve(), timer: null }
    docs.set(doc.id, s)
    // A file that will not open is not kept.
    opened.catch(() => docs!.delete(doc.id))
  }
  const session = s
  if (session.timer) clearTimeout(session.timer)
  const run = session.chain.then(async () => {
    const src = await session.opened
    if (n > src.pageCount) throw notFound(doc.id, n)
    const grey =
      'renderPage' in src
        ? await decodePage(await src.renderPage(n, VIEWER_DPI), 'render', 1, { maxPixels: deps.config.ocr.maxPixels })
        : await src.decodePage(n)
    return viewerImage(grey)
  })
  session.chain = run.catch(() => {
    // A reader that failed (or was killed) is not reused: the next view opens the original again.
    if (docs!.get(doc.id) === session) docs!.delete(doc.id)
    void session.opened.then((o) => o.close()).catch(() => {})
  })
  void session.chain.then(() => {
    if (docs!.get(doc.id) !== session) return
    if (session.timer) clearTimeout(session.timer)
    session.timer = setTimeout(() => {
      docs!.delete(doc.id)
      void session.opened.then((o) => o.close()).catch(() => {})
    }, KEEP_OPEN_MS).unref()
  })
  return run
}

async function open(deps: Deps, doc: DocumentRecord): Promise<OpenedPdf | OpenedImage> {
  const data = await deps.storeWithArchive.get(originalKey(doc.sha256))
  const limits = { maxPixels: deps.config.ocr.maxPixels }
  const kind = KINDS[doc.contentType ?? '']
  if (kind === 'pdf') return openPdf(data, { ...limits, readText: false })
  if (kind) return openImage(data, kind, limits)
  throw new ChartclerkError('STORAGE_NOT_FOUND', `Document ${doc.id} has no page images and its original cannot be drawn.`, {
    detail: `content type ${doc.contentType}`,
  })
}

const KINDS: Record<string, 'pdf' | 'png' | 'jpeg' | 'tiff'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/tiff': 'tiff',
}

/** Closes every original kept open (on shutdown). */
export async function closePageImageSessions(deps: Pick<DerivedDeps, 'storeWithArchive'>): Promise<void> {
  const docs = sessions.get(deps.storeWithArchive)
  if (!docs) return
  const all = [...docs.values()]
  docs.clear()
  await Promise.all(
    all.map(async (s) => {
      if (s.timer) clearTimeout(s.timer)
      await s.chain
      await s.opened.then((o) => o.close()).catch(() => {})
    }),
  )
}

function notFound(id: number, n: number): ChartclerkError {
  return new ChartclerkError('STORAGE_NOT_FOUND', `Document ${id} has no page ${n}.`, { detail: `document ${id} page ${n}` })
}
