/**
 * What a file really is, from its bytes (file-type), not its name: a .pdf that is
 * really a PNG is read as a PNG; a program or a Word file is refused with advice.
 */
import { fileTypeFromFile } from 'file-type'
import { ChartclerkError } from '../errors.js'

export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'tiff'

export interface Sniffed {
  kind: DocumentKind
  contentType: string
  /** The name's extension disagrees with the content. */
  extensionMismatch: boolean
}

const SUPPORTED: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/tiff': 'tiff',
}

export async function sniffFile(file: string, originalName: string): Promise<Sniffed> {
  const ft = await fileTypeFromFile(file).catch(() => undefined)
  const ext = originalName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
  const kind = ft ? SUPPORTED[ft.mime] : undefined
  if (ft && kind) {
    const expected = kind === 'jpeg' ? ['jpg', 'jpeg', 'jpe', 'jfif'] : kind === 'tiff' ? ['tif', 'tiff'] : [kind]
    return { kind, contentType: ft.mime, extensionMismatch: !expected.includes(ext) }
  }
  throw unsupported(ft?.mime, ft?.ext, ext)
}

function unsupported(mime: string | undefined, realExt: string | undefined, nameExt: string): ChartclerkError {
  const what = realExt ?? (nameExt || 'unknown')
  let action: string
  if (mime === 'application/x-msdownload' || mime === 'application/x-elf' || mime === 'application/x-mach-binary' || realExt === 'exe') {
    action =
      'This file is a computer program, not a scanned record, whatever its name says. Do not open it; delete it and tell the sender or your IT contact.'
  } else if (realExt === 'docx' || realExt === 'doc' || realExt === 'odt' || realExt === 'rtf') {
    action = 'This is a word-processor document, not a scan. Open it, print it to PDF, and drop the PDF in the inbox.'
  } else if (realExt === 'zip') {
    action = 'This is a zip archive. Unpack it and drop the PDF, TIFF, PNG or JPEG files inside it into the inbox.'
  } else if (!realExt && /^(pdf|tiff?|png|jpe?g)$/.test(nameExt)) {
    action = `This file is named .${nameExt} but does not contain a readable ${nameExt.toUpperCase()} (it may be damaged or cut off). Ask the sender to send it again, or rescan it.`
  } else {
    action = 'chartclerk reads PDF, TIFF, PNG and JPEG files. Save or scan the record as one of those and drop it in the inbox again.'
  }
  return new ChartclerkError('FILE_UNSUPPORTED_TYPE', action, { detail: `content type ${mime ?? 'unknown'} (${what})` })
}
