/**
 * Small helpers for reading OCR-damaged text: regular-expression fragments that
 * tolerate the letter/digit confusions Tesseract makes on scans and faxes
 * ("E1ectronically", "Paqe 2 0f 5", "O3/O5/2O24").
 */

/** Characters OCR reads in place of a digit, mapped to that digit. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
  '!': '1',
  i: '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  b: '6',
  G: '6',
  g: '9',
  q: '9',
}

/** Character class (without brackets) of a digit or a common OCR look-alike. */
export const DIGITISH = '0-9OoQIl|!SZzB'

/** Turns an OCR'd digit run into digits ("2O24" -> "2024", "l2" -> "12"); null if something is not digit-like. */
export function ocrDigits(s: string): string | null {
  let out = ''
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') out += ch
    else if (DIGIT_LOOKALIKES[ch] !== undefined) out += DIGIT_LOOKALIKES[ch]
    else return null
  }
  return out
}

/** Counts real digits in a string. */
export function countDigits(s: string): number {
  let n = 0
  for (const ch of s) if (ch >= '0' && ch <= '9') n++
  return n
}

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
