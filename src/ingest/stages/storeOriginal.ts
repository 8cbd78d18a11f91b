/**
 * store-original: the untouched file into the object store under
 * originals/<sha256>, read back and hash-checked. Only after this may the inbox
 * copy go. Metadata: original name, content type, received-at, source folder.
 */
import { originalKey } from '../../storage/objectStore.js'
import { verifyObject } from '../../storage/hashObject.js'
import { putVerified } from '../../storage/verified.js'
import { CONTINUE, type Stage } from './types.js'

export const storeOriginal: Stage = {
  name: 'store-original',
  async run(job, ctx) {
    const key = originalKey(job.sha256!)
    const present = await ctx.store.stat(key)
    // Already there (resumed job, or a retry): prove it is whole instead of writing it again.
    if (present && present.size === job.size && (await verifyObject(ctx.store, key, job.sha256!))) return CONTINUE
    await putVerified(ctx.store, key, job.workPath, job.sha256!, {
      contentType: job.contentType,
      retain: true,
      metadata: {
        'original-name': job.originalName,
        'received-at': job.receivedAt,
        'source-folder': job.sourceFolder,
        sha256: job.sha256!,
      },
    })
    return CONTINUE
  },
}
