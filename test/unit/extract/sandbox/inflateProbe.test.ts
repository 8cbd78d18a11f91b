/**
 * The decompression-bomb probe: it finds every stream of a PDF, follows nested zlib layers
 * whatever the filter says, counts without keeping, and stops at the cap.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { inflatedSize, looksZlib, probePdfInflation, streamRanges } from '../../../../src/extract/sandbox/inflateProbe.js'
import { ROOT } from '../../../helpers/workspace.js'

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile')
const MB = 1024 * 1024

describe('inflate probe', () => {
  it('GIVEN the stream-bomb fixture (2 KB, twice deflated, 1 GiB inside) WHEN probed with a 64 MB cap THEN it is over the cap, quickly and without holding the output', async () => {
    const t0 = performance.now()
    const rssBefore = process.memoryUsage().rss
    const r = await probePdfInflation(await readFile(path.join(HOSTILE, 'stream-bomb.pdf')), 64 * MB)
    expect(r.overCap).toBe(true)
    expect(r.largestBytes).toBeGreaterThan(64 * MB)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(48 * MB)
    expect(performance.now() - t0).toBeLessThan(10_000)
  })

  it('GIVEN ordinary PDFs (text, damaged page, JPEG 2000, huge page) WHEN probed THEN none is over the cap', async () => {
    for (const f of ['trailing-junk.pdf', 'broken-page.pdf', 'jpx-scan.pdf', 'huge-page.pdf', 'cyclic-content.pdf']) {
      const r = await probePdfInflation(await readFile(path.join(HOSTILE, f)), 64 * MB)
      expect(r.overCap, f).toBe(false)
    }
  })

  it('counts the innermost layer of nested compression, and stops damaged data without throwing', async () => {
    const text = Buffer.alloc(100_000, 'a')
    expect(await inflatedSize(deflateSync(text), MB)).toBe(100_000)
    expect(await inflatedSize(deflateSync(deflateSync(deflateSync(text))), MB)).toBe(100_000)
    expect(await inflatedSize(Buffer.from('x\u009c not deflate at all \u00ff', 'latin1'), MB)).toBe(0)
    // Just past the cap, not the whole.
    expect(await inflatedSize(deflateSync(Buffer.alloc(8 * MB)), MB)).toBeLessThan(3 * MB)
  })

  it('finds stream data between the keywords, and knows a zlib header', () => {
    const pdf = Buffer.from(
      '1 0 obj\n<< /Length 3 >>\nstream\r\nabc\nendstream\nendobj\n2 0 obj\n<< >>\nstream\nxyz\nendstream\n',
      'latin1',
    )
    const ranges = [...streamRanges(pdf)].map(([a, b]) => pdf.toString('latin1', a, b))
    expect(ranges).toEqual(['abc\n', 'xyz\n'])
    expect(looksZlib(deflateSync(Buffer.from('x')))).toBe(true)
    expect(looksZlib(Buffer.from([0xff, 0xd8]))).toBe(false)
  })
})
