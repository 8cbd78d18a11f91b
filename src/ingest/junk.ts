/** Files an inbox collects that are not records: OS and scanner litter, partial copies. */
import path from 'node:path'

const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db', 'icon\r', '.localized'])
const JUNK_DIRS = new Set([
  '@eadir',
  '#recycle',
  '$recycle.bin',
  'system volume information',
  '.stfolder',
  '.stversions',
  '.trash',
  '.trashes',
  '.spotlight-v100',
  '.fseventsd',
])
const PARTIAL_EXT = /\.(part|partial|tmp|temp|crdownload|download|filepart|swp)$/i

/** True when a path (relative to the inbox) is junk and must never be claimed. */
export function isJunk(relPath: string): boolean {
  if (!relPath || relPath === '.') return false
  const parts = relPath.split(/[\\/]/).filter(Boolean)
  for (const dir of parts.slice(0, -1)) {
    if (dir.startsWith('.') || JUNK_DIRS.has(dir.toLowerCase())) return true
  }
  const name = parts[parts.length - 1] ?? ''
  const lower = name.toLowerCase()
  if (JUNK_DIRS.has(lower)) return true
  if (name.startsWith('.') || name.startsWith('~$') || name.startsWith('._')) return true
  if (JUNK_NAMES.has(lower)) return true
  if (PARTIAL_EXT.test(name) || name.endsWith('~')) return true
  return false
}

/** The inbox subfolder a file came from ('' for the top), kept as receipt metadata. */
export function sourceFolderOf(inbox: string, file: string): string {
  const rel = path.relative(inbox, path.dirname(file))
  return rel === '' || rel === '.' ? '' : rel.split(path.sep).join('/')
}
