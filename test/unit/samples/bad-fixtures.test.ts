/**
 * The committed bad-input fixtures (test/fixtures/bad/) really are what their README says:
 * each one fails (or, for zero-pages.pdf, parses to nothing) in the way it is meant to exercise.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateRawSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

const BAD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bad')
const read = (name: string): Promise<Buffer> => readFile(path.join(BAD, name))

async function pdfParseText(buf: Buffer, password?: string): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(buf), verbosity: 0, ...(password ? { password } : {}) })
  try {
    const r = await parser.getText()
    return { text: r.text, pages: r.total }
  } finally {
    await parser.destroy()
  }
}

describe('test/fixtures/bad', () => {
  it('zero-bytes.pdf is empty and pdf-parse refuses it', async () => {
    const buf = await read('zero-bytes.pdf')
    expect(buf.length).toBe(0)
    await expect(pdfParseText(buf)).rejects.toMatchObject({ name: 'InvalidPDFException' })
  })

  it('truncated.pdf starts like a PDF but has no end and does not parse', async () => {
    const buf = await read('truncated.pdf')
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(buf.includes('%%EOF')).toBe(false)
    await expect(pdfParseText(buf)).rejects.toMatchObject({ name: 'InvalidPDFException' })
  })

  it('encrypted-password-test.pdf needs the password "test", and reads with it', async () => {
    const buf = await read('encrypted-password-test.pdf')
    await expect(pdfParseText(buf)).rejects.toMatchObject({ name: 'PasswordException' })
    const { text, pages } = await pdfParseText(buf, 'test')
    expect(pages).toBe(1)
    expect(text).toContain('Electronically signed by')
  })

  it('png-really.pdf is a readable PNG page', async () => {
    const buf = await read('png-really.pdf')
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const { info } = await sharp(buf).raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([1275, 1650])
  })

  it('exe-really.pdf carries DOS and PE signatures and is small', async () => {
    const buf = await read('exe-really.pdf')
    expect(buf.subarray(0, 2).toString('latin1')).toBe('MZ')
    const peAt = buf.readUInt32LE(0x3c)
    expect(buf.subarray(peAt, peAt + 4).toString('latin1')).toBe('PE\0\0')
    expect(buf.length).toBeLessThan(1024)
  })

  it('zero-pages.pdf parses, with an xref that points at its objects, and has no pages', async () => {
    const buf = await read('zero-pages.pdf')
    const text = buf.toString('latin1')
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1])
    expect(text.slice(startxref, startxref + 4)).toBe('xref')
    for (const m of text.slice(startxref).matchAll(/^(\d{10}) 00000 n\r$/gm)) {
      expect(text.slice(Number(m[1]), Number(m[1]) + 7)).toMatch(/^\d+ 0 obj/)
    }
    expect((await PDFDocument.load(buf)).getPageCount()).toBe(0)
    expect((await pdfParseText(buf)).pages).toBe(0)
  })

  it('decompression-bomb.png declares 60000x60000 in a tiny file and sharp refuses it', async () => {
    const buf = await read('decompression-bomb.png')
    expect(buf.length).toBeLessThan(1024)
    expect(buf.readUInt32BE(16)).toBe(60000)
    expect(buf.readUInt32BE(20)).toBe(60000)
    const t0 = Date.now()
    await expect(sharp(buf).metadata()).rejects.toThrow(/pixel limit/)
    await expect(sharp(buf).raw().toBuffer()).rejects.toThrow(/pixel limit/)
    expect(Date.now() - t0).toBeLessThan(2000)
    const meta = await sharp(buf, { limitInputPixels: false }).metadata()
    expect([meta.width, meta.height]).toEqual([60000, 60000])
  })

  it('corrupt.tiff has a readable header but its pixels do not decode', async () => {
    const buf = await read('corrupt.tiff')
    const meta = await sharp(buf).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['tiff', 850, 1100])
    await expect(sharp(buf).raw().toBuffer()).rejects.toThrow()
  })

  it('letter.docx is a real ZIP holding a Word document part', async () => {
    const buf = await read('letter.docx')
    expect(buf.readUInt32LE(0)).toBe(0x04034b50)
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const entries = buf.readUInt16LE(eocd + 10)
    let at = buf.readUInt32LE(eocd + 16)
    const names: string[] = []
    for (let i = 0; i < entries; i++) {
      const nameLen = buf.readUInt16LE(at + 28)
      const name = buf.toString('utf8', at + 46, at + 46 + nameLen)
      names.push(name)
      if (name === 'word/document.xml') {
        const local = buf.readUInt32LE(at + 42)
        const size = buf.readUInt32LE(at + 20)
        const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
        expect(inflateRawSync(buf.subarray(dataAt, dataAt + size)).toString('utf8')).toContain('<w:document')
      }
      at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    }
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))
  })
})
