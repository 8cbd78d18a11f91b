/**
 * What may be taken from the inbox: a plain file reached through plain folders that
 * really are inside the inbox. A symbolic link anywhere on the way (a linked folder,
 * a folder swapped for a link while chartclerk looked) would let a claim move a file
 * from somewhere else, e.g. a stored original out of the data folder. Node has no
 * openat/renameat, so the check is made again right before each rename.
 */
import type { Dirent, Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { isJunk } from './junk.js'

export type InboxPathVerdict =
  | { ok: true; stat: Stats }
  /** The path itself is a link: it is quarantined (the link, never what it points at). */
  | { ok: false; why: 'symlink'; stat: Stats }
  /** Reached through a linked folder, or resolves outside the inbox: left alone. */
  | { ok: false; why: 'linked-folder' | 'outside' }
  | { ok: false; why: 'gone' | 'not-file' }

/** Checks `file` (an absolute path under `inbox`) with lstat of every component and realpath containment. */
export async function checkInboxPath(inbox: string, file: string): Promise<InboxPathVerdict> {
  const root = path.resolve(inbox)
  const rel = path.relative(root, path.resolve(file))
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, why: 'outside' }
  const parts = rel.split(path.sep)
  let at = root
  try {
    for (const dir of parts.slice(0, -1)) {
      at = path.join(at, dir)
      const st = await fs.lstat(at)
      if (st.isSymbolicLink()) return { ok: false, why: 'linked-folder' }
      if (!st.isDirectory()) return { ok: false, why: 'gone' }
    }
    const stat = await fs.lstat(path.join(root, rel))
    // The inbox itself may be a link (a mounted share); what is under it may not.
    const [realRoot, realDir] = await Promise.all([fs.realpath(root), fs.realpath(path.dirname(path.join(root, rel)))])
    if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) return { ok: false, why: 'outside' }
    if (stat.isSymbolicLink()) return { ok: false, why: 'symlink', stat }
    if (!stat.isFile()) return { ok: false, why: 'not-file' }
    return { ok: true, stat }
  } catch {
    return { ok: false, why: 'gone' }
  }
}

/**
 * Every candidate in the inbox (plain files and links), recursively, without ever
 * descending into a linked folder (fs.readdir's `recursive` does) or a junk folder.
 */
export async function listInbox(inbox: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await fs.readdir(dir, { withFileTypes: true })
    } catch (err) {
      if (dir === inbox) throw err
      return // a folder removed while listing
    }
    for (const e of entries) {
      const full = path.join(dir, e.name)
      if (isJunk(path.relative(inbox, full))) continue
      if (e.isDirectory()) await walk(full)
      else if (e.isFile() || e.isSymbolicLink()) out.push(full)
    }
  }
  await walk(inbox)
  return out
}

/** True when `dir` is the inbox or a folder under it with no link on the way (missing folders are fine: they get made). */
export async function isInboxFolder(inbox: string, dir: string): Promise<boolean> {
  const root = path.resolve(inbox)
  const rel = path.relative(root, path.resolve(dir))
  if (rel === '') return true
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false
  let at = root
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part)
    try {
      const st = await fs.lstat(at)
      if (st.isSymbolicLink() || !st.isDirectory()) return false
    } catch {
      return true
    }
  }
  return true
}
