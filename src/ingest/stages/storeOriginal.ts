/**
 * store-original: the untouched file into the object store under originals/<sha256>, read back
 * and hash-checked (src/ingest/originals.ts). Only after this may the inbox copy go. A worker's
 * job was stored by its watcher and read back from the store by the worker, hash-checked: then
 * there is nothing more to do.
 */
import { storeOriginal as putOriginal } from '../originals.js'
import { CONTINUE, type Stage } from './types.js'

export const storeOriginal: Stage = {
  name: 'store-original',
  async run(job, ctx) {
    if (job.stored) return CONTINUE
    await putOriginal(ctx.store, job.workPath, {
      sha256: job.sha256!,
      size: job.size!,
      contentType: job.contentType,
      originalName: job.originalName,
      receivedAt: job.receivedAt,
      sourceFolder: job.sourceFolder,
    })
    job.stored = true
    return CONTINUE
  },
}
