/** inspect: what the file really is, and proof that it can be read, before anything is stored. */
import { lstat, open } from 'node:fs/promises'
import { ChartclerkError } from '../../errors.js'
import { inspectDocument } from '../../extract/extractText.js'
import { hasPdfHeader } from '../../extract/pdf.js'
import { sniffFile, type Sniffed } from '../../extract/sniff.js'
import { CONTINUE, type Stage } from './types.js'

export const inspect: Stage = {
  name: 'inspect',
  async run(job, ctx) {
    const st = await lstat(job.workPath)
    if (st.size === 0) {
      throw new ChartclerkError(
        'FILE_EMPTY',
        'This file is empty (0 bytes): the scan or copy did not finish. Scan or copy it again and drop the new file in the inbox.',
        { detail: 'zero bytes' },
      )
    }
    if (st.size > ctx.config.ingest.maxFileMb * 1024 * 1024) {
      throw new ChartclerkError(
        'FILE_TOO_LARGE',
        `This file is larger than ${ctx.config.ingest.maxFileMb} MB. Split it into smaller scans, or ask the administrator to raise ingest.maxFileMb.`,
        { detail: `${st.size} bytes` },
      )
    }
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
