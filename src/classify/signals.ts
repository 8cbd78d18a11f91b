/**
 * Scores a text against each document type's `signals` (titles, keywords, patterns) from
 * its type file. The result feeds the model (as features) and the combiner (directly), and
 * says in words why a type was chosen.
 */
import type { DocTypeDef, DocTypeSet } from './doctypes.js'
import { cleanText, normalizePhrase, normalizeText, tokensOfNormalized } from './normalize.js'
import { encounterCues, letterPurpose, lineHeadings, sectionClasses, sectionFeatures, titleBlockWords } from './sections.js'

/** How much a title heading counts, in the same units as keyword weights. */
export const TITLE_WEIGHT = 4
/** Headings are looked for in this many first non-empty lines. */
export const TITLE_LINES = 30
/** Patterns see at most this many characters, so a costly expression cannot stall the pipeline. */
export const MAX_REGEX_CHARS = 30_000
/** A line is heading-like when it has at most this many more tokens than the title phrase. */
export const TITLE_SLACK_TOKENS = 4

export interface TypeSignalScore {
  type: string
  /** The title phrase found as a heading, if any. */
  title: string | null
  keywordScore: number
  patternScore: number
  /** TITLE_WEIGHT * (title ? 1 : 0) + keywordScore + patternScore. */
  total: number
  keywords: string[]
  patterns: string[]
}

interface Phrase {
  typeIdx: number
  itemIdx: number
  tokens: string[]
}

interface Prepared {
  defs: DocTypeDef[]
  /** first token -> keyword phrases starting with it */
  keywordIndex: Map<string, Phrase[]>
  /** first token -> title phrases starting with it */
  titleIndex: Map<string, Phrase[]>
}

const prepared = new WeakMap<DocTypeSet, Prepared>()

function index(into: Map<string, Phrase[]>, p: Phrase): void {
  const first = p.tokens[0]
  if (first === undefined) return
  const list = into.get(first)
  if (list) list.push(p)
  else into.set(first, [p])
}

function prepare(set: DocTypeSet): Prepared {
  const hit = prepared.get(set)
  if (hit) return hit
  const keywordIndex = new Map<string, Phrase[]>()
  const titleIndex = new Map<string, Phrase[]>()
  set.types.forEach((def, typeIdx) => {
    def.signals.keywords.forEach((k, itemIdx) =>
      index(keywordIndex, { typeIdx, itemIdx, tokens: normalizePhrase(k.term).split(' ').filter(Boolean) }),
    )
    def.signals.titles.forEach((t, itemIdx) =>
      index(titleIndex, { typeIdx, itemIdx, tokens: normalizePhrase(t).split(' ').filter(Boolean) }),
    )
  })
  const p = { defs: set.types, keywordIndex, titleIndex }
  prepared.set(set, p)
  return p
}

/** A text analysed once: normalized tokens (for n-grams and keywords), head lines, cleaned text. */
export interface TextAnalysis {
  tokens: string[]
  /** Section headings ("HOSPITAL COURSE:", "Reason for consultation:"), normalized. */
  headings: string[]
  /** Tokens of the first non-empty lines (for headings). */
  headLines: string[][]
  /** Cleaned text (case kept) for regular expressions. */
  clean: string
  /** Page-structure features: table density, first heading, heading order, letter form, length. */
  structure: string[]
}

/** A section heading: capitals (or a capitalised phrase at the start of a line) followed by a colon. */
const HEADING_RE = /(?:^|[\n,.;]|\s{2,})\s*([A-Z][A-Z0-9 /&()'-]{2,50}|(?<=^|\n)[A-Z][a-z]+(?: [a-z]+){0,4})\s*:/g

export function analyzeText(text: string): TextAnalysis {
  const clean = cleanText(text)
  const lines = normalizeText(clean).split('\n')
  const tokens: string[] = []
  const headLines: string[][] = []
  for (const l of lines) {
    const t = tokensOfNormalized(l)
    if (t.length === 0) continue
    if (headLines.length < TITLE_LINES) headLines.push(t)
    for (const x of t) tokens.push(x)
  }
  const headings: string[] = []
  for (const m of clean.matchAll(HEADING_RE)) {
    const h = tokensOfNormalized(normalizeText(m[1]!)).join(' ')
    if (h && h.split(' ').length <= 6) headings.push(h)
  }
  return { tokens, headings, headLines, clean, structure: pageStructure(clean, headings) }
}

/** A line of a results table: a value with a unit or a range, or three columns apart. */
const TABLE_LINE =
  /\d\s*(?:mg\/dl|mmol\/l|g\/dl|u\/l|%|k\/ul|cfu|ng\/ml|miu|uiu)|\d+(?:\.\d+)?\s*-\s*\d+(?:\.\d+)?\s*$|\S(?:\s{2,}\S+){2,}/i

/** A form line: a short label, a colon, then the value on the same line. */
const FIELD_LINE = /^[A-Za-z][A-Za-z0-9 /#().'&-]{0,30}:\s*\S/

/**
 * What the page looks like, as a person sees it before reading: how much of it is a table, which
 * heading comes first, which headings follow which, whether it opens like a letter, how long it is.
 */
export function pageStructure(clean: string, headings: readonly string[]): string[] {
  const lines = clean
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const out: string[] = []
  const table = lines.length ? lines.filter((l) => TABLE_LINE.test(l)).length / lines.length : 0
  out.push(table >= 0.35 ? 'table dense' : table >= 0.12 ? 'table some' : 'table none')
  if (headings[0]) out.push(`first ${headings[0]}`)
  for (let i = 0; i + 1 < headings.length && i < 12; i++) out.push(`${headings[i]} > ${headings[i + 1]}`)
  if (lines.slice(0, 12).some((l) => /^(?:dear|to whom)\b/i.test(l))) out.push('letter salutation')
  if (lines.slice(-8).some((l) => /^(?:sincerely|regards|kind regards|best regards|yours|with thanks|many thanks|thank you)\b/i.test(l)))
    out.push('letter closing')
  out.push(lines.length < 12 ? 'lines few' : lines.length < 40 ? 'lines some' : 'lines many')
  // Forms: boxes to tick, blanks to sign on, and lines that are mostly "Label: value".
  if ((clean.match(/\[[ xX✓]?\]|☐|☒/g) ?? []).length >= 2) out.push('form checkboxes')
  if (/_{5,}/.test(clean)) out.push('form blanks')
  const fields = lines.length ? lines.filter((l) => FIELD_LINE.test(l)).length / lines.length : 0
  out.push(fields >= 0.45 ? 'fields dense' : fields >= 0.2 ? 'fields some' : 'fields none')
  // Sections by what they are, whatever the hospital calls them, and the title block's words.
  out.push(...sectionFeatures(sectionClasses([...lineHeadings(lines), ...headings]), encounterCues(clean)))
  out.push(...letterPurpose(clean))
  out.push(...titleBlockWords(lines))
  out.push(
    headings.length === 0
      ? 'headings none'
      : headings.length < 4
        ? 'headings few'
        : headings.length < 9
          ? 'headings some'
          : 'headings many',
  )
  return out
}

const matchesAt = (tokens: readonly string[], i: number, phrase: readonly string[]): boolean => {
  if (i + phrase.length > tokens.length) return false
  for (let j = 1; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) return false
  return true
}

/** Scores of every type in `set` for `text` (same order as set.types). */
export function scoreSignals(set: DocTypeSet, text: string | TextAnalysis): TypeSignalScore[] {
  const a = typeof text === 'string' ? analyzeText(text) : text
  const p = prepare(set)
  const n = p.defs.length
  const kwHit: Set<number>[] = Array.from({ length: n }, () => new Set<number>())
  for (let i = 0; i < a.tokens.length; i++) {
    const cands = p.keywordIndex.get(a.tokens[i]!)
    if (!cands) continue
    for (const c of cands) if (matchesAt(a.tokens, i, c.tokens)) kwHit[c.typeIdx]!.add(c.itemIdx)
  }
  const title: (Phrase | null)[] = new Array<Phrase | null>(n).fill(null)
  for (const line of a.headLines) {
    for (let i = 0; i < line.length; i++) {
      const cands = p.titleIndex.get(line[i]!)
      if (!cands) continue
      for (const c of cands) {
        if (line.length > c.tokens.length + TITLE_SLACK_TOKENS) continue
        const cur = title[c.typeIdx]
        if (matchesAt(line, i, c.tokens) && (!cur || cur.tokens.length < c.tokens.length)) title[c.typeIdx] = c
      }
    }
  }
  const clean = a.clean.length > MAX_REGEX_CHARS ? a.clean.slice(0, MAX_REGEX_CHARS) : a.clean
  return p.defs.map((def, ti) => {
    let keywordScore = 0
    const keywords: string[] = []
    for (const ki of [...kwHit[ti]!].sort((x, y) => x - y)) {
      const k = def.signals.keywords[ki]!
      keywordScore += k.weight
      keywords.push(k.term)
    }
    let patternScore = 0
    const patterns: string[] = []
    for (const pat of def.compiledPatterns) {
      pat.re.lastIndex = 0
      if (pat.re.test(clean)) {
        patternScore += pat.weight
        patterns.push(pat.source)
      }
    }
    const t = title[ti]
    return {
      type: def.type,
      title: t ? def.signals.titles[t.itemIdx]! : null,
      keywordScore,
      patternScore,
      total: (t ? TITLE_WEIGHT : 0) + keywordScore + patternScore,
      keywords,
      patterns,
    }
  })
}

/** Signed log squashing, so a long list of keywords cannot swamp everything else. */
export const squash = (x: number): number => Math.sign(x) * Math.log1p(Math.abs(x))
