/**
 * pdf-lib, loaded when a PDF is first built or read, from the package's own one-file build
 * (dist/pdf-lib.min.js, the same version and API): its CommonJS tree is some 300 files and
 * costs about 200 ms of CPU to load, the one file about 35 ms, in every process that builds a
 * searchable PDF, a document part or a release package. Every module takes pdf-lib from here,
 * so objects never cross between two copies of it (its `instanceof` checks would fail).
 */
import { createRequire } from 'node:module'

export type PdfLib = typeof import('pdf-lib')

const require = createRequire(import.meta.url)
let lib: PdfLib | null = null

export async function pdfLib(): Promise<PdfLib> {
  return (lib ??= require('pdf-lib/dist/pdf-lib.min.js') as PdfLib)
}
