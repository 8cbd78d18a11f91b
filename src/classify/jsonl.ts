/** Labelled JSON-lines files: one `{"text", "type"}` object a line (extra keys such as id ignored). */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ChartclerkError } from '../errors.js'

export interface LabelledRow {
  id: string
  type: string
  text: string
  /** Heading/sample name when the file has one (used only to describe the data). */
  title?: string
}

export function sha256(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex')
}

export function readLabelledJsonl(file: string): { rows: LabelledRow[]; sha256: string } {
  let buf: Buffer
  try {
    buf = readFileSync(file)
  } catch (err) {
    throw new ChartclerkError('IMPORT_INVALID', `Cannot read ${file}. Check the path.`, {
      detail: `${path.basename(file)}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      cause: err,
    })
  }
  const rows: LabelledRow[] = []
  buf
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return
      let o: Record<string, unknown>
      try {
        o = JSON.parse(line) as Record<string, unknown>
      } catch {
        throw new ChartclerkError(
          'IMPORT_INVALID',
          `${file}:${i + 1} is not a JSON object. Each line must be {"text": "...", "type": "..."}.`,
          {
            detail: `${path.basename(file)}:${i + 1}: bad JSON`,
          },
        )
      }
      if (typeof o.text !== 'string' || typeof o.type !== 'string' || !o.type) {
        throw new ChartclerkError('IMPORT_INVALID', `${file}:${i + 1} needs a "text" and a "type" string.`, {
          detail: `${path.basename(file)}:${i + 1}: missing text or type`,
        })
      }
      rows.push({
        id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `sha256:${sha256(o.text)}`,
        type: o.type,
        text: o.text,
        title: typeof o.title === 'string' ? o.title : undefined,
      })
    })
  return { rows, sha256: sha256(buf) }
}
