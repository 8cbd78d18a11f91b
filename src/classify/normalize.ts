/**
 * Text clean-up before features: the same for training and for classifying, so that
 * OCR variants of a word land on the same feature.
 *
 * - lower case, Unicode compatibility forms, form feeds as line breaks
 * - words hyphenated across a line break are joined ("labo-\nratory")
 * - OCR look-alikes inside words: `|`->l, and in mostly-letter tokens 0->o, 1->l, 5->s;
 *   "rn"->"m" and "vv"->"w" everywhere (both spellings map to one form)
 * - digits collapsed: every run of digits becomes "0" (dates, values, ids look alike)
 * - stray specks (° ~ * • etc.) and punctuation become spaces; "&" becomes "and"
 */

/** Joins words split across lines and evens out line endings; keeps case and punctuation. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/([A-Za-z])-[ \t]*\n[ \t]*([a-z])/g, '$1$2')
}

const LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '|': 'l', '!': 'l' }

function fixToken(tok: string): string {
  // A token that is mostly letters but holds a look-alike digit is an OCR slip ("he1lo", "c0nsult").
  if (/[0-9|!]/.test(tok) && /[a-z]/.test(tok)) {
    const letters = tok.replace(/[^a-z]/g, '').length
    if (letters >= 2 && letters > tok.length - letters) tok = tok.replace(/[0159|!]/g, (c) => LOOKALIKE[c] ?? c)
  }
  return tok.replace(/[0-9]+/g, '0')
}

/** Lower-cased, OCR-evened text, one line per input line, tokens separated by single spaces. */
export function normalizeText(text: string): string {
  const lines = cleanText(text).toLowerCase().split('\n')
  const out: string[] = []
  for (const raw of lines) {
    const line = raw
      .replace(/&/g, ' and ')
      .replace(/rn/g, 'm')
      .replace(/vv/g, 'w')
      .replace(/[^a-z0-9|!\s]+/g, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 0)
      .map(fixToken)
      .filter((t) => t.length > 0)
      .join(' ')
    out.push(line)
  }
  return out.join('\n')
}

/** Tokens of normalized text (all lines). */
export function tokenize(text: string): string[] {
  const norm = normalizeText(text)
  return norm.split(/\s+/).filter((t) => t.length > 0)
}

/** Tokens of an already-normalized line or text. */
export function tokensOfNormalized(norm: string): string[] {
  return norm.split(/\s+/).filter((t) => t.length > 0)
}

/** Normalizes a phrase from a type file (title or keyword) into its token string. */
export function normalizePhrase(phrase: string): string {
  return tokensOfNormalized(normalizeText(phrase)).join(' ')
}

/** Function words: no feature on their own, nor as a pair of two ("in the"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she him her his hers they them their we us our you your i me my mine who whom which what there here then than ' +
    'so if not no do does did has have had will would can could may might shall should also very about into over after before ' +
    'up down out off again further once all any both each few more most other some such only own same too just now'
  ).split(' '),
)

/**
 * Word unigram and bigram features of a token list. Single letters and function words are
 * kept in bigrams only. `joinable` repairs OCR-broken words: when two adjacent tokens concatenated form a
 * known word ("labora tory"), that word is counted too.
 */
export function ngrams(tokens: readonly string[], joinable?: (word: string) => boolean): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const stopT = STOPWORDS.has(t)
    if (t.length > 1 && !stopT) out.push(t)
    const n = tokens[i + 1]
    if (n !== undefined) {
      if (!(stopT && STOPWORDS.has(n))) out.push(`${t} ${n}`)
      // Only content words that are not both known already: "labora tory" yes, "he has" no.
      if (joinable && t !== '0' && n !== '0' && !stopT && !STOPWORDS.has(n) && !(joinable(t) && joinable(n))) {
        const j = t + n
        if (joinable(j)) out.push(j)
      }
    }
  }
  return out
}
