/** Image files (TIFF, PNG, JPEG) decoded in a reader process, within the same budget as PDFs. */
import type { GreyPage, ImageKind, ImageLimits } from '../images.js'
import { leaseReader, readBudget, releaseReader } from './pool.js'

export interface OpenedImage {
  pageCount: number
  decodePage(page: number): Promise<GreyPage>
  close(): Promise<void>
}

/** Opens an image file in a reader; with `decodeAll`, every page is decoded once to prove it reads. */
export async function openImage(
  data: Buffer,
  kind: ImageKind,
  limits: ImageLimits,
  opts: { decodeAll?: boolean } = {},
): Promise<OpenedImage> {
  const budget = readBudget()
  const reader = await leaseReader('image')
  let finished = false
  const finish = async () => {
    // Once only: after release the reader may already serve another file.
    if (finished) return
    finished = true
    if (reader.alive) await reader.call({ op: 'close' }, 10_000).catch(() => {})
    releaseReader(reader)
  }
  let pageCount: number
  try {
    const r = await reader.call<{ pageCount: number }>(
      {
        op: 'image-open',
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        kind,
        maxPixels: limits.maxPixels,
        fitPixels: budget.renderMaxPixels,
        maxPages: budget.maxPages,
        decodeAll: !!opts.decodeAll,
      },
      budget.openSeconds * 1000,
    )
    pageCount = r.pageCount
  } catch (err) {
    await finish()
    throw err
  }
  return {
    pageCount,
    async decodePage(page: number): Promise<GreyPage> {
      const g = await reader.call<{ data: Uint8Array; width: number; height: number }>(
        { op: 'image-decode', page },
        budget.pageSeconds * 1000,
      )
      return { data: Buffer.from(g.data.buffer, g.data.byteOffset, g.data.byteLength), width: g.width, height: g.height }
    },
    close: finish,
  }
}
