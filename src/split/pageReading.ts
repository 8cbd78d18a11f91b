/**
 * What each page of a received file says about where documents start and end, read
 * once from the page's own text: its "Page x of N" marker, the patient it names (the
 * same identifier readers filing uses), its title block, what type of document it reads
 * as, whether a signature closes it, whether it is blank or a separator sheet.
 * Holds patient data: never logged.
 */
import { findDates } from '../extract-fields/dates.js'
import { detectSignature } from '../extract-fields/signature.js'
import { detectMissingPages } from '../extract-fields/pages.js'
import { isFaxBanner } from '../extract-fields/pageFurniture.js'
import { extractIdentifiers } from '../patients/extractIdentifiers.js'
import type { ExtractOptions } from '../patients/identifiers/types.js'
import { isCoverSheet, readCoverSheet, type CoverAnnouncement } from './coverSheet.js'
import { isSeparatorPage } from './separator.js'

export interface PageIds {
  /** Family names, upper case letters only. */
  names: string[]
  birthDates: string[]
  mrns: string[]
}

export interface PageReading {
  page: number
  blank: boolean
  separator: boolean
  /** "Page x of N" as printed by the document (never a fax header: those count the whole transmission). */
  marker: { page: number; total: number | null } | null
  ids: PageIds
  /** The page reads as this type, confidently (null when unsure or too little text). */
  type: string | null
  /** The page opens with a title block (a document title near its top). */
  titled: boolean
  /** The page says it continues the one before ("continued", "cont'd"). */
  continued: boolean
  /** A signature block ends this page's text. */
  signedAtEnd: boolean
  /** The page is a fax cover sheet (src/split/coverSheet.ts): the first page of the document it announces. */
  cover: boolean
  /** What a cover sheet counts of the pages sent with it (null on any other page, or when it gives no count). */
  announces: CoverAnnouncement | null
  /** The first lines of the page, squashed: the letterhead, to see it again. */
  head: string
  /** Dates in the page's heading (its first lines): date of service, report, admission; birth dates left out. */
  headDates: string[]
  /** Every date on the page, birth dates left out. */
  dates: string[]
}

export interface ReadOptions {
  /** Per-page type, with its calibrated confidence (the desk's classifier). */
  classify?: (text: string) => { type: string; confidence: number }
  identifiers?: ExtractOptions
  /** Confidence a page's type needs to count as a change of type. */
  typeConfidence?: number
}

const TITLE =
  /\b(report|summary|note|consult(ation)?|letter|referral|history\s+(and|&)\s+physical|h\s*&\s*p|operative|procedure|record|authori[sz]ation|consent|results?|progress|discharge|admission|radiology|laboratory|imaging|immunization|visit|encounter)\b/i
// "(cont.)" is matched apart: a word boundary cannot stand beside its brackets.
const CONTINUED = /\b(continued|cont'?d)\b|\(cont\.?\)/i
const MIN_WORDS = 4

export function readPages(texts: readonly string[], opts: ReadOptions = {}): PageReading[] {
  const marks = detectMissingPages(texts.map((text, i) => ({ page: i + 1, text }))).pageMap
  return texts.map((text, i) => readPage(i + 1, text, marks[i], opts))
}

function readPage(
  page: number,
  text: string,
  mark: ReturnType<typeof detectMissingPages>['pageMap'][number] | undefined,
  opts: ReadOptions,
): PageReading {
  // Scanner specks OCR into stray one-letter tokens ("~", "i", "°"), and a fax prints its banner on
  // every page: a blank sheet with either still reads as blank.
  const content = text
    .split(/\n/)
    .filter((l) => !isFaxBanner(l))
    .join('\n')
  const words = content.split(/\s+/).filter((w) => /[a-z0-9]{2,}/i.test(w))
  const lines = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => /[a-z0-9]/i.test(l))
  const blank = words.length < MIN_WORDS
  const separator = !blank && isSeparatorPage(text)
  const top = lines.slice(0, 8)
  const marker = mark && mark.source === 'document' && mark.declaredPage !== null ? { page: mark.declaredPage, total: mark.total } : null
  let type: string | null = null
  if (!blank && !separator && opts.classify && words.length >= 25) {
    const c = opts.classify(text)
    if (c.confidence >= (opts.typeConfidence ?? 0.85)) type = c.type
  }
  const ids = blank || separator ? { names: [], birthDates: [], mrns: [] } : pageIds(text, opts.identifiers)
  const contentLines = content
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => /[a-z0-9]/i.test(l))
  const datesIn = (t: string) =>
    blank || separator
      ? []
      : [...new Set(findDates(t, { order: opts.identifiers?.dateOrder === 'DMY' ? 'DMY' : 'MDY' }).map((d) => d.iso))].filter(
          (d) => !ids.birthDates.includes(d),
        )
  const cover = !blank && !separator && isCoverSheet(content)
  return {
    page,
    blank,
    separator,
    marker,
    ids,
    type,
    titled: top.some(isTitleLine),
    continued: top.some((l) => CONTINUED.test(l)),
    signedAtEnd: !blank && !separator && signedAtEnd(text, lines.length),
    cover,
    announces: cover ? readCoverSheet(content) : null,
    // From the page without its fax banner: a banner on every page is no letterhead.
    head: contentLines
      .slice(0, 2)
      .join(' ')
      .toUpperCase()
      .replace(/[^A-Z]/g, ''),
    headDates: datesIn(contentLines.slice(0, headingLines(contentLines)).join('\n')),
    dates: datesIn(content),
  }
}

/**
 * How many lines at the top of a page make its heading (letterhead, title, patient and dates):
 * eight, or more when the lines are short, as where a form puts each label and its value on
 * lines of their own, until the heading holds as much text as eight lines of prose would begin to.
 */
const HEAD_LINES = 8
const HEAD_CHARS = 360
const HEAD_MAX_LINES = 20
function headingLines(lines: readonly string[]): number {
  let chars = 0
  let n = 0
  while (n < lines.length && n < HEAD_MAX_LINES && (n < HEAD_LINES || chars < HEAD_CHARS)) chars += lines[n++]!.length
  return n
}

/** A title: a short line naming a kind of document, in capitals or without a sentence's punctuation. */
function isTitleLine(l: string): boolean {
  if (!TITLE.test(l) || CONTINUED.test(l)) return false
  const words = l.split(/\s+/).length
  if (words > 6) return false
  const letters = l.replace(/[^A-Za-z]/g, '')
  const caps = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8
  return caps || !/[:;,.]/.test(l)
}

function pageIds(text: string, opts: ExtractOptions | undefined): PageIds {
  const ids = extractIdentifiers(text, opts)
  const sure = <T extends { confidence: number }>(xs: T[]) => xs.filter((x) => x.confidence >= 0.5)
  return {
    names: [
      ...new Set(
        sure(ids.names)
          .map((n) => n.familyName.toUpperCase().replace(/[^A-Z]/g, ''))
          .filter((n) => n.length >= 2),
      ),
    ],
    birthDates: [...new Set(sure(ids.birthDates).map((d) => d.date))],
    mrns: [...new Set(sure(ids.mrns).map((m) => m.value))],
  }
}

/**
 * A signature found in the last half of the page's lines closes what came before it; so does a
 * signer's line ("Jane Roe, MD, Attending Physician") or a dictation line near the end, which a
 * scan keeps when the scrawl above it reads as noise.
 */
function signedAtEnd(text: string, lineCount: number): boolean {
  const sig = detectSignature(text)
  const last = sig.findings.filter((f) => f.present).at(-1)
  if (last && last.location.line >= Math.max(1, Math.floor(lineCount * 0.5))) return true
  const tail = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => /[a-z0-9]/i.test(l))
    .slice(-4)
  return tail.some((l) => SIGNER.test(l) || DICTATED.test(l))
}

/** "Name, MD, Attending Physician" / "Name, DO - Radiologist": a credential followed by a signer's role. */
const SIGNER =
  /\b(M\.?D|D\.?O|N\.?P|P\.?A(-C)?|D\.?P\.?M|M\.?B\.?B\.?S|Ph\.?D|R\.?N|A\.?P\.?R\.?N)\b[.,]?\s*[,\-–]\s*(attending|consulting|staff|interpreting|treating|ordering)?\s*(physician|radiologist|pathologist|surgeon|cardiologist|provider|director|nurse practitioner)\b/i
const DICTATED = /^\s*(dictated|transcribed|d:\s*\d|t:\s*\d)\b.*\d/i
