/**
 * Where a process writes the PDF of a stack's part on its way into the object store: a folder of
 * its own under config.partsDir (`<host>_<pid>`). Not the work area: a restart returns what no
 * job holds there to the inbox, and a part returned so would be received again as a document of
 * its own beside the same part made anew from its stack. A part file left by a process that
 * went down is of no use (the stack's job makes the part again from the stored original): its
 * folder is removed once that process is gone.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../config/config.js'
import { processAlive } from '../ingest/dataLock.js'

const OWN = `${os.hostname()}_${process.pid}`

/** This process's folder for part PDFs. */
export function partScratchDir(config: Pick<Config, 'partsDir'>): string {
  return path.join(config.partsDir, OWN)
}

/**
 * Removes the part folders of this machine's processes that are gone, and in this process's own
 * folder the files older than the process (left under the same process id before a restart).
 * Folders of other machines sharing the data folder are theirs to tidy.
 */
export async function tidyPartScratch(config: Pick<Config, 'partsDir'>): Promise<void> {
  let names: string[]
  try {
    names = await fs.readdir(config.partsDir)
  } catch {
    return
  }
  const host = os.hostname()
  for (const name of names) {
    const cut = name.lastIndexOf('_')
    if (cut < 0 || name.slice(0, cut) !== host) continue
    const pid = Number(name.slice(cut + 1))
    if (!Number.isInteger(pid) || pid <= 0) continue
    const dir = path.join(config.partsDir, name)
    if (pid === process.pid) await removeOlderThanThisProcess(dir)
    else if (!processAlive(pid)) await fs.rm(dir, { recursive: true, force: true })
  }
}

async function removeOlderThanThisProcess(dir: string): Promise<void> {
  const started = Date.now() - process.uptime() * 1000
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name)
    const st = await fs.stat(file).catch(() => null)
    if (st && st.mtimeMs < started) await fs.rm(file, { recursive: true, force: true })
  }
}
