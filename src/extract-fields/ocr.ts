/**
 * Small helpers for reading OCR-damaged text: regular-expression fragments that
 * tolerate the letter/digit confusions Tesseract makes on scans and faxes
 * ("E1ectronically", "Paqe 2 0f 5", "O3/O5/2O24").
 */

export { countDigits, DIGITISH, ocrDigits } from '../text/digits.js'

const LETTER_CLASSES: Record<string, string> = {
  a: '[a@]',
  b: '[b6]',
  c: '[ce(]',
  d: '(?:d|cl)',
  e: '[ec]',
  g: '[gq9]',
  h: '[hb]',
  i: '[i1l!|]',
  l: '[l1I|i!]',
  m: '(?:m|rn|nn)',
  n: '(?:n|ri)',
  o: '[o0]',
  q: '[qg]',
  r: '[r]',
  s: '[s5$]',
  t: '[tf]',
  u: '[uv]',
  v: '[vu]',
  y: '[yv]',
  z: '[z2]',
}

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * A regular-expression source matching `phrase` as OCR tends to read it: each letter may be a
 * look-alike, a stray space may split a word, and spaces between words may be several or missing.
 * Use with the `i` flag.
 *
 * @example new RegExp(fuzzy('electronically signed'), 'i').test('E1ectron ically  sig ned') // true
 */
export function fuzzy(phrase: string, opts: { splitWords?: boolean } = {}): string {
  const split = opts.splitWords ?? true
  const words = phrase.trim().split(/\s+/)
  return words
    .map((w) =>
      [...w.toLowerCase()]
        .map((ch) => {
          const cls = LETTER_CLASSES[ch] ?? escapeRe(ch)
          return cls
        })
        .join(split && w.length > 3 ? ' ?' : ''),
    )
    .join('\\s*')
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * A RegExp source for a label as written in a type description ("Date of Service"):
 * case-insensitive spaces may be several or missing, "." and "#" optional, letters OCR-tolerant.
 */
export function labelPattern(label: string): string {
  const words = label
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
  return words
    .map((w) => {
      let out = ''
      for (const ch of w.toLowerCase()) {
        if (ch === '.') out += '\\.?'
        else if (/[a-z]/.test(ch)) out += LETTER_CLASSES[ch] ?? ch
        else out += escapeRe(ch)
      }
      return out
    })
    .join('\\s*')
}
