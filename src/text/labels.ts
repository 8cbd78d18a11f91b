/**
 * The one label finder, for every reader of printed labels: field labels from the type
 * descriptions (extract-fields/labels.ts) and patient-identifier labels (patients/identifiers/
 * labels.ts). It builds OCR-tolerant patterns from printed labels, finds them on word boundaries,
 * reads the separator after each ("DOB:", "Name ....... Jane", "IMPRESSION" alone on its line,
 * "MRN   123" in a grid), and keeps the earliest, then longest, of labels that overlap. Which
 * labels to look for, and which occurrences to trust, is the caller's.
 */

/** Letters as OCR tends to read them, for patterns of printed words ("E1ectronically", "Paqe 2 0f 5"). */
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

/** Escapes a literal for use inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
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
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => [...w.toLowerCase()].map((ch) => LETTER_CLASSES[ch] ?? escapeRegExp(ch)).join(split && w.length > 3 ? ' ?' : ''))
    .join('\\s*')
}

/**
 * A RegExp source for a label as printed ("Date of Service"): spaces may be several or missing,
 * "." optional, letters OCR-tolerant. Use with the `i` flag.
 */
export function labelPattern(label: string): string {
  return label
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => {
      let out = ''
      for (const ch of w.toLowerCase()) {
        if (ch === '.') out += '\\.?'
        else if (/[a-z]/.test(ch)) out += LETTER_CLASSES[ch] ?? ch
        else out += escapeRegExp(ch)
      }
      return out
    })
    .join('\\s*')
}

/** A label to look for: `re` from {@link labelRegExp}, `label` whatever the caller knows of it. */
export interface LabelSpec<T> {
  re: RegExp
  label: T
}

/**
 * The RegExp of a label source: not inside a longer word or number on the left; on the right,
 * not followed by a letter (`'letter'`) or by a letter or digit (`'word'`).
 */
export function labelRegExp(source: string, end: 'letter' | 'word' | 'none'): RegExp {
  const tail = end === 'letter' ? '(?![A-Za-z])' : end === 'word' ? '(?![A-Za-z0-9])' : ''
  return new RegExp(`(?<![A-Za-z0-9])(?:${source})${tail}`, 'gi')
}

/**
 * How a label is set off from its value: a colon (also "#:", "=", ";", a dotted or ____ leader), a dash,
 * the end of the line (a heading), a wide gap (a grid), one space; null when none of these.
 */
export type Separator = 'colon' | 'dash' | 'eol' | 'grid' | 'space'

// A fill-in line after the colon ("Name: ____Jane Doe____") belongs to the separator.
const SEP_COLON = /^[ \t]*(?:[:;]|#\s*:|=)[ \t_]*/
const SEP_LEADER = /^[ \t]*(?:\.{2,}|_{2,})[ \t]*/
const SEP_DASH = /^[ \t]*[-–—]{1,2}[ \t]+/
const SEP_EOL = /^[ \t]*$/
const SEP_GRID = /^(?:[ \t]{2,}|\t)(?=\S)/
const SEP_SPACE = /^ (?=\S)/
/** Stray punctuation between a label and its value when no separator is recognised ("MRN-123", "Acct #. 55"). */
const STRAY = /^[ \t]*(?:[#=.\-–][ \t]*)*/

/** The separator at the start of `after` (the rest of the line after a label) and how many characters it takes. */
export function readSeparator(after: string): { sep: Separator | null; skip: number } {
  let m: RegExpExecArray | null
  if ((m = SEP_COLON.exec(after)) || (m = SEP_LEADER.exec(after))) return { sep: 'colon', skip: m[0].length }
  if ((m = SEP_DASH.exec(after))) return { sep: 'dash', skip: m[0].length }
  if (SEP_EOL.test(after)) return { sep: 'eol', skip: after.length }
  if ((m = SEP_GRID.exec(after))) return { sep: 'grid', skip: m[0].length }
  if (SEP_SPACE.test(after)) return { sep: 'space', skip: 1 }
  return { sep: null, skip: STRAY.exec(after)?.[0].length ?? 0 }
}

/** One place a label is printed, with the line around it. */
export interface LabelMatch<T> {
  label: T
  /** The label as printed. */
  printed: string
  start: number
  end: number
  /** The line before the label, and after it. */
  before: string
  after: string
  sep: Separator | null
  /** Offset where the value starts, after the separator. */
  valueStart: number
}

/**
 * Every occurrence of `labels` in `text`, read by `read` (which may drop it, or say more about
 * it), earliest first; where two overlap, the earlier and then longer is kept.
 */
export function findLabels<T, R extends { start: number; end: number }>(
  text: string,
  labels: Iterable<LabelSpec<T>>,
  read: (m: LabelMatch<T>) => R | null,
): R[] {
  const found: R[] = []
  for (const { re, label } of labels) {
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      // A label is printed on one line; "REPORT\nDate" is two words that happen to meet.
      if (m[0].includes('\n')) continue
      const start = m.index
      const end = start + m[0].length
      const lineStart = text.lastIndexOf('\n', start - 1) + 1
      const nl = text.indexOf('\n', end)
      const after = text.slice(end, nl < 0 ? text.length : nl).replace(/\r$/, '')
      const { sep, skip } = readSeparator(after)
      const r = read({ label, printed: m[0], start, end, before: text.slice(lineStart, start), after, sep, valueStart: end + skip })
      if (r) found.push(r)
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: R[] = []
  let lastEnd = -1
  for (const f of found) {
    if (f.start < lastEnd) continue
    out.push(f)
    lastEnd = f.end
  }
  return out
}
