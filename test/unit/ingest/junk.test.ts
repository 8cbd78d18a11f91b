import { describe, expect, it } from 'vitest'
import { isJunk, sourceFolderOf } from '../../../src/ingest/junk.js'

describe('isJunk', () => {
  it.each([
    '.DS_Store',
    'Thumbs.db',
    'thumbs.db',
    'desktop.ini',
    '@eaDir/scan.pdf',
    'sub/@eaDir/x.jpg',
    '~$letter.docx',
    '.hidden.pdf',
    'scan.pdf.part',
    'scan.tmp',
    'upload.crdownload',
    '.stfolder/x',
    'a/.sync/b.pdf',
    '._scan.pdf',
  ])('ignores %s', (p) => expect(isJunk(p)).toBe(true))

  it.each(['scan.pdf', 'Fax 2026-11-02.tiff', 'clinic a/lab report.PDF', 'x..y.pdf', 'résumé médical.jpg', 'partial-results.pdf'])(
    'keeps %s',
    (p) => expect(isJunk(p)).toBe(false),
  )
})

describe('sourceFolderOf', () => {
  it('names the subfolder, with forward slashes', () => {
    expect(sourceFolderOf('/in', '/in/a.pdf')).toBe('')
    expect(sourceFolderOf('/in', '/in/fax/west/a.pdf')).toBe('fax/west')
  })
})
