import { describe, expect, it } from 'vitest'
import { decodeMetaValue, encodeMetaValue } from '../../../src/storage/s3Metadata.js'

describe('S3 metadata values', () => {
  it('plain printable ASCII stays as it is (readable in any S3 browser)', () => {
    for (const v of [
      'Befund.pdf',
      '2024-05-01T10:00:00.000Z',
      'a b.pdf',
      '100% done; "q" & <x>.jpg',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]) {
      expect(encodeMetaValue(v)).toBe(v)
    }
  })

  it.each([
    'Überweisung – Dr. Müller.pdf',
    '検査結果.tiff',
    'line one\nline two.pdf',
    '  padded  ',
    'two  spaces',
    'tab\there',
    '📄 scan.pdf',
    '',
    '=?UTF-8?B?bm90IHJlYWxseQ==?=',
    '=?',
    'nul\u0000byte',
  ])('%j is encoded to header-safe ASCII and decodes back exactly', (v) => {
    const enc = encodeMetaValue(v)
    expect(enc).toMatch(/^[\x21-\x7e]*$/)
    expect(decodeMetaValue(enc)).toBe(v)
  })

  it('decodes the Q form RGW answers with for values written by other tools', () => {
    expect(decodeMetaValue('=?UTF-8?Q?tab=09x?=')).toBe('tab\tx')
    expect(decodeMetaValue('=?utf-8?q?M=C3=BCller_Bericht?=')).toBe('Müller Bericht')
  })
})
