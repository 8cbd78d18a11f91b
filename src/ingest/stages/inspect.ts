/** inspect: what the file really is, and proof that it can be read, before anything is stored. */
import { lstat, open } from 'node:fs/promises'
import { inspectDocument } from '../../extract/extractText.js'
import { hasPdfHeader } from '../../extract/pdf.js'
import { sniffFile, type Sniffed } from '../../extract/sniff.js'
import { sizeRefusal } from '../originals.js'
import { CONTINUE, type Stage } from './types.js'

export const inspect: Stage = {
  name: 'inspect',
  async run(job, ctx) {
    const st = await lstat(job.workPath)
    const refused = sizeRefusal(st.size, ctx.config)
    if (refused) throw refused
    job.size = st.size
    const sniffed = await sniffFile(job.workPath, job.originalName).catch(async (err) => {
      // A few stray bytes before %PDF (a mail gateway's header): pdf.js and poppler read such files, so do we.
      if (await startsLikePdf(job.workPath))
        return { kind: 'pdf', contentType: 'application/pdf', extensionMismatch: false } satisfies Sniffed
      throw err
    })
    job.kind = sniffed.kind
    job.contentType = sniffed.contentType
    if (sniffed.extensionMismatch)
      ctx.log.info({ job: job.id, kind: sniffed.kind }, 'file name extension disagrees with content; reading it as its real type')
    const inspected = await inspectDocument(job.workPath, sniffed.kind, {
      maxPixels: ctx.config.ocr.maxPixels,
      minTextLayerChars: ctx.config.ocr.minTextLayerChars,
    })
    job.pageCount = inspected.pageCount
    job.pdfFacts = inspected.pdf
    return CONTINUE
  },
}

async function startsLikePdf(file: string): Promise<boolean> {
  const h = await open(file, 'r')
  try {
    const buf = Buffer.alloc(1024)
    const { bytesRead } = await h.read(buf, 0, 1024, 0)
    return hasPdfHeader(buf.subarray(0, bytesRead))
  } finally {
    await h.close()
  }
}
