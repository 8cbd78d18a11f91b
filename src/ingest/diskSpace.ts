/**
 * A full disk is an outage, not a bad file: the file goes back to the inbox, ingest
 * pauses, and resumes once there is room again (looked at every few seconds).
 */
import fs from 'node:fs/promises'
import { ChartclerkError } from '../errors.js'

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'STORAGE_FULL'])

/** Room to ask for before resuming, beyond the size of the file that did not fit. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024

/** True when `err` (or anything in its cause chain) says the disk or quota is full. */
export function isNoSpace(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && NO_SPACE.has(code)) return true
  }
  return false
}

export function diskFullError(stage?: string): ChartclerkError {
  return new ChartclerkError(
    'STORAGE_FULL',
    "The disk that holds chartclerk's data is full. The file stays in the inbox; free some space and chartclerk goes on by itself.",
    {
      detail: 'no space left on device',
      stage,
      transient: true,
    },
  )
}

/** Free bytes for an unprivileged writer on the filesystem holding `dir`; Infinity when it cannot be told. */
export async function freeBytes(dir: string): Promise<number> {
  try {
    const s = await fs.statfs(dir)
    return Number(s.bavail) * Number(s.bsize)
  } catch {
    return Infinity
  }
}

/** True when every folder given has at least `need` bytes free. */
export async function hasRoom(dirs: readonly string[], need: number): Promise<boolean> {
  for (const d of dirs) if ((await freeBytes(d)) < need) return false
  return true
}
