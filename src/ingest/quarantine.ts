/**
 * Quarantine: a file that cannot be processed is moved to the quarantine folder
 * with `<name>.error.json` beside it (code, stage, what to do, when). The
 * error file is written first, so a crash never leaves an unexplained file.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ChartclerkError } from '../errors.js'

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

export async function writeQuarantineNote(target: string, err: ChartclerkError, info: Omit<QuarantineNote, 'code' | 'stage' | 'message' | 'file' | 'quarantinedAt'>): Promise<QuarantineNote> {
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
