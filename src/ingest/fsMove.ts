/** Moving files between inbox, work area and quarantine without ever having zero copies. */
import { constants } from 'node:fs'
import fs from 'node:fs/promises'

/** rename, or copy + fsync + unlink when the folders are on different filesystems. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
    // Copy under a temporary name, then rename: the target is whole or absent.
    const tmp = `${to}.partial`
    await fs.copyFile(from, tmp, constants.COPYFILE_EXCL)
    const h = await fs.open(tmp, 'r+')
    await h.sync()
    await h.close()
    await fs.rename(tmp, to)
    await fs.unlink(from)
  }
}

/** Copy that is durable before it returns (used by `ingest`, which leaves files in place). */
export async function copyFileDurably(from: string, to: string): Promise<void> {
  const tmp = `${to}.partial`
  await fs.copyFile(from, tmp)
  const h = await fs.open(tmp, 'r+')
  await h.sync()
  await h.close()
  await fs.rename(tmp, to)
}

/** Moves a symbolic link itself (rename, or re-create it when across filesystems); what it points at is never read. */
export async function moveLink(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
    await fs.symlink(await fs.readlink(from), to)
    await fs.unlink(from)
  }
}
