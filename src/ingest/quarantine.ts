/**
 * Quarantine: a file that cannot be processed is moved to the quarantine folder
 * with `<name>.error.json` beside it (code, stage, what to do, when). The
 * error file is written first, so a crash never leaves an unexplained file.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ChartclerkError } from '../errors.js'
import { moveFile } from './fsMove.js'

export interface QuarantineNote {
  code: string
  stage: string | null
  message: string
  file: string
  sourceFolder: string
  sha256: string | null
  documentId: number | null
  jobId: string
  quarantinedAt: string
  /** The original's key in the object store, when it was stored before it was set aside (it stays there too). */
  storedAs?: string
}

/** A free file name in the quarantine folder, keeping the clerk's original name readable. */
export function quarantineTarget(dir: string, originalName: string): string {
  const safe = safeName(originalName)
  const ext = path.extname(safe)
  const base = safe.slice(0, safe.length - ext.length) || 'file'
  let candidate = path.join(dir, safe)
  for (let i = 2; existsSync(candidate) || existsSync(`${candidate}.error.json`); i++) candidate = path.join(dir, `${base} (${i})${ext}`)
  return candidate
}

/** File names from scanners and senders can hold anything; keep them legible and on one line. */
export function safeName(name: string): string {
  const cleaned = name
    .split(/[/\\]+/)
    .filter((part) => part !== '.' && part !== '..')
    .join(' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return cleaned.slice(0, 200) || 'unnamed'
}

export async function writeQuarantineNote(
  target: string,
  err: ChartclerkError,
  info: Omit<QuarantineNote, 'code' | 'stage' | 'message' | 'file' | 'quarantinedAt'>,
): Promise<QuarantineNote> {
  const note: QuarantineNote = {
    code: err.code,
    stage: err.stage ?? null,
    message: err.action,
    file: path.basename(target),
    quarantinedAt: new Date().toISOString(),
    ...info,
  }
  await fs.mkdir(path.dirname(target), { recursive: true })
  await fs.writeFile(`${target}.error.json`, JSON.stringify(note, null, 2) + '\n')
  return note
}

export async function listQuarantine(dir: string): Promise<QuarantineNote[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const notes: QuarantineNote[] = []
  for (const n of names.filter((x) => x.endsWith('.error.json')).sort()) {
    try {
      notes.push(JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')))
    } catch {
      // a half-written note from a crash: the file beside it is still there
    }
  }
  return notes
}

/** Where discarded quarantine files go: kept, out of the list, never deleted by chartclerk. */
export const discardDir = (quarantineDir: string): string => path.join(quarantineDir, 'discarded')

export interface DiscardNote extends QuarantineNote {
  discarded: { by: string; at: string; reason: string; from: string }
}

/**
 * A records lead gives up on a quarantined file (a blank page, a duplicate fax): the file and its
 * note move to the discard folder, the note saying who, when and why. The note is written there
 * first, so a crash leaves at worst the file in both places, never in neither.
 */
export async function discardQuarantined(
  dir: string,
  note: QuarantineNote,
  o: { by: string; reason: string; at?: string },
): Promise<{ to: string }> {
  const from = path.join(dir, note.file)
  const target = quarantineTarget(discardDir(dir), note.file)
  const record: DiscardNote = { ...note, discarded: { by: o.by, at: o.at ?? new Date().toISOString(), reason: o.reason, from: note.file } }
  await fs.mkdir(path.dirname(target), { recursive: true })
  await fs.writeFile(`${target}.error.json`, JSON.stringify({ ...record, file: path.basename(target) }, null, 2) + '\n')
  await moveFile(from, target)
  await fs.rm(`${from}.error.json`, { force: true })
  return { to: target }
}
