/**
 * Decompression-bomb check for PDFs, run in the reader before pdf.js sees the file: every
 * stream whose data is zlib-compressed (FlateDecode, however its filter is written, nested
 * any number of times) is inflated with the native zlib and its output counted, never kept.
 * A stream that unpacks to more than the cap is a bomb: pdf.js would hold all of it in memory
 * (and crawl through it in JavaScript for minutes) before giving up.
 */
import { pipeline } from 'node:stream/promises'
import { createInflate } from 'node:zlib'

/** Nested compression layers followed; PDF writers use one, sometimes two. */
const MAX_LAYERS = 4
/** Output chunk size: large, so counting a bomb costs zlib time, not stream overhead. */
const CHUNK = 1 << 20

export interface InflateProbeResult {
  /** Largest inflated size of any stream, in bytes (up to just past the cap). */
  largestBytes: number
  /** True when a stream unpacked to more than the cap. */
  overCap: boolean
}

/** A zlib header (RFC 1950): deflate method, window within 32K, check bits right. */
export function looksZlib(b: Uint8Array, at = 0): boolean {
  if (b.length < at + 2) return false
  const cmf = b[at]!
  const flg = b[at + 1]!
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0
}

/** Byte ranges of the data of every stream in a PDF (between `stream` EOL and `endstream`). */
export function* streamRanges(pdf: Buffer): Generator<[number, number]> {
  let at = 0
  for (;;) {
    const k = pdf.indexOf('stream', at, 'latin1')
    if (k < 0) return
    at = k + 6
    // "endstream" is the end of one, not the start of another.
    if (k >= 3 && pdf.toString('latin1', k - 3, k) === 'end') continue
    let start = k + 6
    if (pdf[start] === 0x0d) start++
    if (pdf[start] !== 0x0a) {
      if (pdf[start - 1] !== 0x0d) continue
    } else start++
    const end = pdf.indexOf('endstream', start, 'latin1')
    if (end < 0) return
    yield [start, end]
    at = end + 9
  }
}

class CapExceeded extends Error {}

/**
 * Inflates `data` through as many zlib layers as it has (a layer's output that again starts with a
 * zlib header is inflated in turn) and counts the innermost bytes, keeping none; stops past
 * `capBytes`. Damaged data just ends the count: deciding what is damaged is pdf.js's job.
 */
export async function inflatedSize(data: Buffer, capBytes: number): Promise<number> {
  let total = 0
  const sink =
    (depth: number) =>
    async (source: AsyncIterable<Buffer>): Promise<void> => {
      const it = source[Symbol.asyncIterator]()
      const seen: Buffer[] = []
      let headLength = 0
      while (headLength < 2) {
        const r = await it.next()
        if (r.done) break
        seen.push(r.value)
        headLength += r.value.length
      }
      const rest = async function* (): AsyncGenerator<Buffer> {
        yield* seen
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value
      }
      if (depth < MAX_LAYERS && looksZlib(Buffer.concat(seen))) {
        await pipeline(rest, createInflate({ chunkSize: CHUNK }), sink(depth + 1)).catch((err) => {
          if (err instanceof CapExceeded) throw err
        })
        return
      }
      for await (const c of rest()) {
        total += c.length
        if (total > capBytes) throw new CapExceeded()
      }
    }
  try {
    await pipeline(
      async function* () {
        yield data
      },
      createInflate({ chunkSize: CHUNK }),
      sink(2),
    )
  } catch {
    // Over the cap, or damaged / not really compressed: counted as far as it went.
  }
  return total
}

/** Work limit: streams are checked until this many times the cap has been inflated in all. */
const TOTAL_WORK_CAPS = 4

/**
 * Checks every compressed stream of a PDF against the cap; stops at the first one over it. The
 * work is bounded: after TOTAL_WORK_CAPS x cap bytes in all (a long scan with compressed
 * pages), the rest is left to the reader's memory watch.
 */
export async function probePdfInflation(pdf: Buffer, capBytes: number): Promise<InflateProbeResult> {
  let largest = 0
  let total = 0
  for (const [start, end] of streamRanges(pdf)) {
    if (!looksZlib(pdf, start)) continue
    const n = await inflatedSize(pdf.subarray(start, end), capBytes)
    if (n > largest) largest = n
    if (n > capBytes) return { largestBytes: n, overCap: true }
    total += n
    if (total > TOTAL_WORK_CAPS * capBytes) break
  }
  return { largestBytes: largest, overCap: false }
}
