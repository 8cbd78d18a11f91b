/**
 * S3 user metadata travels in HTTP headers (x-amz-meta-*), which carry printable
 * ASCII only, lose leading/trailing blanks, and break request signing on anything
 * else. File names from scanners carry accents, CJK, even newlines. So a value that
 * is not plain printable ASCII is stored as an RFC 2047 encoded word,
 * `=?UTF-8?B?<base64 of UTF-8>?=` (the form S3 consoles and RGW use themselves),
 * and decoded on read. Plain values stay readable in any S3 browser.
 */

const PLAIN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/
const B_WORD = /^=\?utf-8\?b\?([A-Za-z0-9+/]*={0,2})\?=$/i
const Q_WORD = /^=\?utf-8\?q\?([\x21-\x7e]*)\?=$/i

export function encodeMetaValue(value: string): string {
  // Runs of blanks are folded by some signers and proxies; "=?" would read as an encoded word.
  if (PLAIN.test(value) && !value.includes('  ') && !value.startsWith('=?')) return value
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`
}

export function decodeMetaValue(value: string): string {
  const b = B_WORD.exec(value)
  if (b) return Buffer.from(b[1]!, 'base64').toString('utf8')
  const q = Q_WORD.exec(value)
  if (q) {
    // RGW answers with Q-encoding for values holding control characters written by other tools.
    const bytes = q[1]!.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return value
}

/** Total size S3 allows for user metadata (keys and values), per AWS. */
export const MAX_METADATA_BYTES = 2048

export function encodeMetadata(metadata: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(metadata)) out[k] = encodeMetaValue(v)
  return out
}

export function metadataBytes(encoded: Record<string, string>): number {
  let n = 0
  for (const [k, v] of Object.entries(encoded)) n += Buffer.byteLength(k) + Buffer.byteLength(v)
  return n
}
