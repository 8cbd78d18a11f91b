/**
 * A fax cover sheet, known by its nature rather than by any sender's wording: it names itself a
 * fax (or transmittal), counts the pages sent, routes them (to, from, re, attention, the
 * numbers to call), warns that what follows is confidential, and says little else; it carries
 * no clinical content of its own. Each of those is measured on the page and the page counts as
 * a cover sheet when enough of them agree, one of them fax-specific. Read through OCR slips: a
 * word a slip away from one of the sheet's words is read as that word.
 */
import { ocrDistanceNormalized, ocrForm } from '../patients/names.js'

export interface CoverSheetSigns {
  /** A short heading line calling the page a fax, facsimile, transmittal or transmission, or the page calling itself a fax cover sheet or fax transmission anywhere. */
  faxHeading: boolean
  /** A count of the pages sent ("Pages (including cover): 4", "Number of pages: 6"). */
  pageCount: boolean
  /** A confidentiality notice (confidential with "intended recipient", "received in error" and the like). */
  confidentiality: boolean
  /** How many different routing labels begin lines: to, from, re/subject, attention, date, fax, phone, cc. */
  routingFields: number
  /** Words of the page (two letters or digits or more). */
  words: number
  /** Lines opening with a clinical section label (assessment, impression, findings, medications...). */
  clinicalSections: number
  /** The notice names what it guards a fax or a transmission ("if you received this fax in error"). */
  noticeNamesFax: boolean
  /** The boxes a cover sheet ticks for the recipient: urgent, for review, please comment, please reply (two or more). */
  tickBoxes: boolean
  /**
   * The page speaks of the records sent with it ("enclosed are copies of records", "the documents
   * accompanying this transmission", "the pages that follow"): what a count of pages says, in words.
   */
  enclosures: boolean
}

const FAX_WORD = /\b(fax|facsimile|telefax|telecopy|transmittal|transmission)\b/i
// The sheet naming itself anywhere on it, as when its large heading is lost to the scan.
const COVER_PHRASE = /\b(fax|facsimile)\s+cover\b|\bcover\s+(sheet|page)\b|\b(fax|facsimile)\s+(transmission|transmittal)\b/i
const PAGE_COUNT =
  /\b((number|no\.?|#|total|count)\s+of\s+pages|pages?\s*(\(|incl|including|with)|total\s+pages|page\s+count|pages\s+sent|pages)\b[^\n]{0,30}?[:\-]?\s*\d{1,3}\b/i
const WITH_COVER = /\b(includ(ing|es)|incl\.?|with|plus)\s+(this\s+|the\s+)?cover\b/i
const CONFIDENTIAL = /\bconfidential(ity)?\b/i
const NOTICE =
  /\b(intended\s+(only\s+)?(for|recipient)|received\s+(this|it)?\s*(\w+\s+)?in\s+error|privileged|notify\s+(the\s+)?sender|destroy|disclosure|not\s+the\s+intended)\b/i
// A label's colon may come out of OCR as a semicolon.
const ROUTING: [string, RegExp][] = [
  ['to', /^(to|t0|recipient|deliver\s+to|send\s+to)\s*[:;\-]/i],
  ['from', /^(from|fr0m|sender|sent\s+by)\s*[:;,\-]/i],
  ['re', /^(re|subject|regarding|ref)\s*[:;\-.]/i],
  ['attn', /^(attn|attention)\s*[:;\-.]?/i],
  ['date', /^(date|sent|date\s+sent)\s*[:;\-]/i],
  ['fax', /^(fax|fax\s+(no|number|#)\.?)\s*([:;\-#]|[.,]?\s*\(?\d{3}\)?[\s.\-]*\d{3}[\s.\-]*\d{4})/i],
  ['phone', /^(phone|tel|telephone|ph)\s*(no\.?|number|#)?\s*([:;\-.]|,?\s*\(?\d{3}\)?[\s.\-]*\d{3}[\s.\-]*\d{4})/i],
  ['cc', /^cc\s*[:;\-]/i],
]
// The notice of a fax: a sentence saying the page came as a fax or a transmission, and what to do if it came in error.
const NOTICE_OF_FAX =
  /\b(this|the|these)\s+(fax(ed)?|facsimile|transmission|transmittal|telecopy|telefax)\b|\b(fax(ed)?|facsimile|transmission)\s+(is|was|has\s+been)?\s*(received|sent)\b|\bby\s+(fax|facsimile)\b/i
// Records, pages or documents said to come with the page, or pages said to follow it.
const ENCLOSURES =
  /\b(enclosed|attached|accompanying|included)\b[^.\n]{0,40}?\b(records?|documents?|pages?|copies|reports?|results)\b|\b(records?|documents?|pages?|copies|reports?|results)\b[^.\n]{0,20}?\b(enclosed|attached|accompanying|that\s+follow|following|to\s+follow)\b/i
const TICK_BOX = /\b(urgent|for\s+(your\s+)?review|please\s+(comment|reply|respond|recycle)|for\s+your\s+(information|records))\b/gi
const CLINICAL_SECTION =
  /^(assessment|impression|findings|diagnos[ie]s|plan|medications?|allergies|history\s+of\s+present|hpi|chief\s+complaint|review\s+of\s+systems|physical\s+exam(ination)?|vital\s+signs|results?|procedure|hospital\s+course|labs?)\b\s*[:\-]?/i

/** The words a cover sheet holds at most: its notice and a comment, never a report. */
const MAX_WORDS = 260

/**
 * The words a cover sheet is known by, as OCR may misread them: a word that differs from one of
 * these only by glyphs a scan confuses (0/O, 1/l, rn/m, c/e), or for a long word by one more
 * slip, is read as it. Short words (to, re, fax) are left as read: one slip turns them into
 * other words.
 */
const KEYWORDS = [
  'facsimile',
  'telefax',
  'telecopy',
  'transmittal',
  'transmission',
  'confidential',
  'confidentiality',
  'intended',
  'recipient',
  'received',
  'privileged',
  'notify',
  'sender',
  'destroy',
  'disclosure',
  'pages',
  'including',
  'cover',
  'number',
  'total',
  'follow',
  'attention',
  'subject',
  'regarding',
  'telephone',
  'phone',
  'from',
  'date',
]

/** The text with each word that is an OCR slip away from a cover sheet's word put back as that word. */
export function mendOcrWords(text: string): string {
  return text.replace(/[A-Za-z0-9|!]{4,}/g, mendWord)
}

/**
 * Words already mended, as read: a page's words recur on the page and from page to page, and each
 * costs a weighted edit distance against every keyword of about its length. Bounded: cleared when full.
 */
const mended = new Map<string, string>()
const MENDED_MAX = 20_000

function mendWord(w: string): string {
  const known = mended.get(w)
  if (known !== undefined) return known
  if (mended.size >= MENDED_MAX) mended.clear()
  const out = mendAnew(w)
  mended.set(w, out)
  return out
}

/** The keywords as the edit distance compares them, worked out once. */
const KEYWORD_FORMS = KEYWORDS.map((k) => [k, ocrForm(k)] as const)

function mendAnew(w: string): string {
  const lower = w.toLowerCase()
  if (KEYWORDS.includes(lower) || /^\d+$/.test(w)) return w
  const form = ocrForm(w)
  for (const [k, kForm] of KEYWORD_FORMS) {
    if (Math.abs(k.length - w.length) > 2 || k.length < 4) continue
    const d = ocrDistanceNormalized(form, kForm)
    const cost = d.edits + 0.35 * d.confusions
    if (k.length >= 8 ? d.edits <= 1 && cost <= 2 : d.edits === 0 && cost <= 1) return k
  }
  return w
}

/** Labels a routing line may carry further along the line once OCR has closed up the gap before them. */
const INLINE_LABEL = /\s+(?=(?:to|from|fax|phone|tel|telephone|date|re|subject|attn|attention|cc)\s*(?:#|no\.?|number)?\s*[:;]\s)/i

/** A heading set in spaced letters ("F A X") read as its word. */
const SPACED = /\b(?:[A-Za-z] ){2,}[A-Za-z]\b/g

export function coverSheetSigns(read: string): CoverSheetSigns {
  const text = mendOcrWords(read.replace(SPACED, (m) => m.replace(/ /g, '')))
  const lines = text
    .split(/\n/)
    .map((l) => l.trim().replace(/^[^A-Za-z0-9]+/, ''))
    .filter((l) => /[a-z0-9]/i.test(l))
  // Routing labels often share a line ("To: ...   Fax: ..."): each stretch after a wide gap, or
  // before a label with its colon (OCR closes wide gaps up), is read as a line of its own.
  const cells = lines.flatMap((l) => l.split(/\s{3,}|\t+|\s+\|\s+/).flatMap((c) => c.split(INLINE_LABEL))).map((c) => c.trim())
  const routing = new Set<string>()
  for (const c of cells) for (const [k, re] of ROUTING) if (re.test(c)) routing.add(k)
  const top = lines.slice(0, 10)
  return {
    faxHeading: top.some((l) => FAX_WORD.test(l) && !/\d/.test(l) && wordsOf(l) <= 6) || COVER_PHRASE.test(text),
    pageCount: cells.some((c) => PAGE_COUNT.test(c)) || lines.some((l) => WITH_COVER.test(l)),
    confidentiality: CONFIDENTIAL.test(text) && NOTICE.test(text),
    routingFields: routing.size,
    words: text.split(/\s+/).filter((w) => /[a-z0-9]{2,}/i.test(w)).length,
    clinicalSections: lines.filter((l) => CLINICAL_SECTION.test(l)).length,
    noticeNamesFax: NOTICE_OF_FAX.test(text.replace(/\s+/g, ' ')),
    tickBoxes: new Set([...text.matchAll(TICK_BOX)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' '))).size >= 2,
    enclosures: ENCLOSURES.test(text.replace(/\s+/g, ' ')),
  }
}

/** The words of a line, leaving out what a scan's specks and rules read as ("|", "'", "-", "~"). */
function wordsOf(line: string): number {
  return line.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length
}

/**
 * How much a page reads as a cover sheet: its fax heading and what it says of the pages sent with
 * it (their count, or in words the records enclosed) weigh 2 each, every other sign 1 (a
 * confidentiality notice, the notice naming a fax or transmission, three routing labels and one
 * more for five, ticked boxes for the recipient). A sheet's large heading is the first thing a
 * copier scan loses to OCR (its letters too big for a line of text), and a table of routing
 * fields ruled in boxes the next (its rules read as letters): then its notice and what it says it
 * sends still tell it.
 */
export function coverSheetScore(s: CoverSheetSigns): number {
  return (
    2 * Number(s.faxHeading) +
    2 * Number(s.pageCount || s.enclosures) +
    Number(s.confidentiality) +
    Number(s.noticeNamesFax) +
    Number(s.routingFields >= 3) +
    Number(s.routingFields >= 5) +
    Number(s.tickBoxes)
  )
}

/** The score a cover sheet reaches: a heading and a count; or either with two other signs; or four signs without them. */
const COVER_SCORE = 4

/**
 * A cover sheet: short, with no more than one clinical section label, something only a fax says
 * (its heading, its count of pages, a notice naming the fax, the boxes ticked for the recipient)
 * and a score of COVER_SCORE.
 */
export function isCoverSheet(text: string): boolean {
  const s = coverSheetSigns(text)
  if (s.words > MAX_WORDS || s.clinicalSections > 1) return false
  if (!s.faxHeading && !s.pageCount && !s.noticeNamesFax && !s.tickBoxes) return false
  return coverSheetScore(s) >= COVER_SCORE
}

/** What a cover sheet says of the pages sent with it. */
export interface CoverAnnouncement {
  /** The pages sent, as the sheet counts them. */
  count: number
  /**
   * Whether that count takes in the cover sheet itself ("incl. this one", "with cover"): true;
   * false when it counts only what follows ("to follow", "plus cover"); null when it does not say.
   */
  withCover: boolean | null
}

// "No. of pages incl. this one: 4", "Pages: 3 (with cover)", "Total pages (including cover): 5", "Pages to follow: 3".
const COUNT_AFTER =
  /\bpages?\b(?:\s+sent|\s+to\s+follow|\s+following|\s+transmitted)?\s*(?:\([^)]{0,40}\)|(?:incl(?:uding|\.)?|excl(?:uding|\.)?|with(?:out)?|not\s+including|plus)\b[^:\d\n]{0,30})?\s*[:#=-]?\s*(\d{1,3})\b(?!\s*(?:of|\/)\s*\d)/i
// "4 pages including this cover sheet", "3 pages plus cover".
const COUNT_BEFORE = /\b(\d{1,3})\s+(?:total\s+)?pages?\b/i
const WITHOUT_COVER =
  /\b(?:not\s+including|excluding|excl\.?|without|plus|besides|in\s+addition\s+to)\s+(?:this|the)?\s*(?:cover|sheet|page)|\bto\s+follow\b|\bfollowing\b|\bafter\s+this\b/i
// "including this cover", and the other way round: "(this page included)".
const WITH_COVER_COUNT =
  /\b(?:includ(?:ing|es|ed)|incl\.?|with|counting)\s+(?:this|the)?\s*(?:cover|sheet|page|one)\b|\b(?:this|the)\s+(?:cover|sheet|page)\s+(?:is\s+)?included\b/i

/**
 * The count of pages a cover sheet announces, read from its page-count line; null when the page
 * is no cover sheet or gives no count it can be sure of (none, or two that disagree).
 */
export function readCoverSheet(read: string): CoverAnnouncement | null {
  if (!isCoverSheet(read)) return null
  const text = mendOcrWords(read)
  const found: CoverAnnouncement[] = []
  for (const line of text.split(/\n/)) {
    const m = COUNT_AFTER.exec(line) ?? COUNT_BEFORE.exec(line)
    if (!m) continue
    const count = Number(m[1])
    if (count < 1 || count > 200) continue
    const withCover = WITHOUT_COVER.test(line) ? false : WITH_COVER_COUNT.test(line) ? true : null
    found.push({ count, withCover })
  }
  if (found.length === 0) return null
  const first = found[0]!
  return found.every((f) => f.count === first.count && f.withCover === first.withCover) ? first : null
}

/**
 * The pages after a cover sheet that the sheet announces: at least `fewest` and at most `most`
 * (the two differ by one when the sheet does not say whether it counted itself).
 */
export function pagesAnnounced(a: CoverAnnouncement): { fewest: number; most: number } {
  return {
    fewest: a.withCover === false ? a.count : a.count - 1,
    most: a.withCover === true ? a.count - 1 : a.count,
  }
}
