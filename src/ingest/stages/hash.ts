/**
 * hash: SHA-256 of the claimed file, the document's identity and its object key. A worker's
 * job comes with it (the watcher hashed the file, the worker's copy from the store was checked
 * against it).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { CONTINUE, type Stage } from './types.js'

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
  return h.digest('hex')
}

export const hash: Stage = {
  name: 'hash',
  appliesTo: (job) => job.sha256 === undefined,
  async run(job) {
    job.sha256 = await sha256File(job.workPath)
    return CONTINUE
  },
}
