/**
 * Whether a document is authenticated, by whom and when (rule D02).
 *
 * Signed: "Electronically signed by Dr. X on DATE", "Signed: ____ Jane Roe, MD  Date: ...",
 * "/s/ Name", "Authenticated by", "Signature: <name>", a signature line with a name under it
 * and a date. Not signed: a blank signature line, "Dictated but not read", "Preliminary report -
 * not signed", "unsigned". Stamped ("signature on file", "signed by stamp") is reported as kind
 * 'stamped' with present false: CMS does not accept stamped signatures.
 */
import type { ExtractedText } from '../model/types.js'
import { type DateOptions, findDates, firstDate } from './dates.js'
import { isNameLike, nameFrom } from './names.js'
import { fuzzy } from '../text/labels.js'
import { type Location, type Page, squash, toPages } from '../text/lines.js'

export type SignatureKind = 'electronic' | 'handwritten' | 'stamped'

export interface SignatureFinding {
  kind: SignatureKind
  /** True when this block authenticates the document (a name, and for a bare signature line a date). */
  present: boolean
  by: string | null
  /** ISO date of signing, if written near the signature. */
  date: string | null
  /** The line(s) the finding rests on, whitespace collapsed. */
  evidence: string
  location: Location
}

export interface UnsignedMarker {
  text: string
  location: Location
}

export interface SignatureResult {
  present: boolean
  by: string | null
  date: string | null
  kind: SignatureKind | null
  /** What the decision rests on: the signature text, the "not signed" phrase, or null when nothing was seen. */
  evidence: string | null
  location: Location | null
  /** Every signature-like block, signed or blank, in document order. */
  findings: SignatureFinding[]
  /** Phrases saying the document is not (yet) signed, in document order. */
  unsignedMarkers: UnsignedMarker[]
}

const F = (s: string): string => fuzzy(s)

const ELECTRONIC = new RegExp(
  String.raw`(?:${F('electronically')}|${F('electronic')}|${F('digitally')}|\be-?\s?)\s*` +
    String.raw`(?:${F('signed')}|${F('authenticated')}|${F('verified')}|${F('approved')}|${F('attested')}|${F('signature')})` +
    String.raw`(?:\s*(?:and|&)\s*\w+)?(?:\s*${F('by')})?\s*[:\-]?\s*(?<rest>.*)$`,
  'i',
)
/** "Signed by:", "Authenticated by:", "Report signed by" at the start of a line. */
const SIGNED_BY = new RegExp(
  String.raw`^\s*(?:(?:final|report|document|note|this|has|been|was)\s+){0,4}` +
    String.raw`(?:${F('signed')}|${F('authenticated')}|${F('attested')}|${F('finalized')}|${F('cosigned')}|${F('co-signed')})` +
    String.raw`\s*(?:${F('electronically')}\s*)?${F('by')}\s*[:\-]?\s*(?<rest>.*)$`,
  'i',
)
/** "/s/ Jane Roe, MD" (conformed signature), OCR'd as "ls/", "/s1", "/S/". */
const CONFORMED = /(?:^|\s)[/|lI1]\s?[sS5$]\s?[/|lI1]\s*(?<rest>\S.*)$/
const ROLE = String.raw`(?:physician|provider|attending|surgeon|radiologist|patient|parent|guardian|witness|representative|legal|authorized|clinician|nurse|interpreter|consultant|doctor|pathologist|practitioner|staff|member|responsible|party|person|resident|fellow|author|reviewer|reviewing|interpreting)`
/** "Signature:", "Physician Signature:", "Signature of patient or representative:", "Signed:". */
const LABELLED = new RegExp(
  String.raw`^\s*(?:${ROLE}(?:'?s)?\s+){0,3}(?:${F('signature')}|${F('signed')}(?=\s*[:\-_]))` +
    String.raw`(?:\s+of\s+(?:the\s+)?(?:${ROLE}|or|and|\s)+)?\s*(?:\([^)]*\))?\s*[:\-]?\s*(?<rest>.*)$`,
  'i',
)
const UNDERLINE = /_{5,}/
/**
 * The printed row under a signature rule, "Signature        Date", perhaps with OCR residue of
 * the pen stroke or handwritten date before it ("2A AARANN Signature Date", "2 Signature Date").
 */
const LABEL_ROW = new RegExp(
  String.raw`^(?<before>.{0,24}?)\s*(?:${ROLE}(?:'?s)?\s+){0,3}${F('signature')}\s*(?:and\s+|&\s*|\/\s*)?(?:${F('date')})(?:\s*\/\s*time)?\s*\W{0,3}$`,
  'i',
)
const STAMPED =
  /signature\s+on\s+file|signed\s+by\s+stamp|stamped\s+signature|signature\s+stamp(?:ed)?|rubber[\s-]*stamp(?:ed)?|facsimile\s+signature|^\s*\(?s\.?o\.?f\.?\)?\s*$/i
const UNSIGNED = new RegExp(
  [
    String.raw`(?:${F('dictated')}|${F('transcribed')})\W+(?:but\s+)?n[o0]t\s+(?:${F('read')}|${F('reviewed')}|${F('signed')}|${F('verified')})`,
    String.raw`\bD\s?B\s?N\s?R\b`,
    String.raw`\bn[o0]t\s+(?:yet\s+)?(?:been\s+)?(?:${F('electronically')}\s+)?(?:${F('signed')}|${F('authenticated')})`,
    String.raw`\b${F('unsigned')}\b`,
    String.raw`\b(?:awaiting|pending)\s+(?:\w+\s+)?${F('signature')}`,
    String.raw`${F('signature')}\s+pending`,
    String.raw`\b${F('unauthenticated')}\b`,
    String.raw`^\W*${F('preliminary')}\b`,
    String.raw`status\s*:?\s*${F('preliminary')}`,
  ].join('|'),
  'i',
)

interface Ctx {
  page: Page
  idx: number
  opts?: DateOptions
}

function lineText(ctx: Ctx, i: number): string | undefined {
  return ctx.page.lines[i]?.text
}

/** Next non-blank lines after line index `i`, at most `n`, within `window` lines. */
function following(ctx: Ctx, i: number, n: number, window = 3): Array<{ i: number; text: string }> {
  const out: Array<{ i: number; text: string }> = []
  for (let j = i + 1; j < ctx.page.lines.length && j <= i + window && out.length < n; j++) {
    const t = lineText(ctx, j) ?? ''
    if (t.trim() !== '') out.push({ i: j, text: t })
  }
  return out
}

function dateIn(text: string, opts?: DateOptions): string | null {
  return findDates(text, opts)[0]?.iso ?? null
}

/** A date on the line (after `from`), else on the next couple of short lines or "Date:" lines. */
function dateNear(ctx: Ctx, i: number, from: string, opts?: DateOptions): string | null {
  const here = dateIn(from, opts)
  if (here) return here
  for (const f of following(ctx, i, 2)) {
    if (ELECTRONIC.test(f.text) || LABELLED.test(f.text) || CONFORMED.test(f.text)) break
    if (/\b(?:date|time|signed|on)\b/i.test(f.text) || f.text.trim().length <= 40) {
      const d = dateIn(f.text, opts)
      if (d) return d
    }
  }
  return null
}

function isFormLabelLine(t: string): boolean {
  return LABELLED.test(t) || /^\s*(?:date|time|print(?:ed)? name|title|relationship)\b/i.test(t)
}

interface Read extends SignatureFinding {
  /** Index of the last line this finding used. */
  lastIdx: number
}

function finding(ctx: Ctx, kind: SignatureKind, present: boolean, by: string | null, date: string | null, lastLine: number): Read {
  const line = ctx.page.lines[ctx.idx]
  const ev = ctx.page.lines
    .slice(ctx.idx, lastLine + 1)
    .map((l) => l.text)
    .join(' ')
  return {
    kind,
    present,
    by,
    date,
    evidence: squash(ev).slice(0, 240),
    location: { page: ctx.page.page, offset: line?.start ?? 0, line: line?.n ?? 1 },
    lastIdx: lastLine,
  }
}

function readLine(ctx: Ctx): Read | null {
  const text = lineText(ctx, ctx.idx) ?? ''
  if (text.trim() === '') return null
  const opts = ctx.opts

  if (STAMPED.test(text)) {
    let by = nameFrom(text.replace(STAMPED, ' ').replace(/^[\s\-:]+/, ''))
    let last = ctx.idx
    const next = following(ctx, ctx.idx, 1, 1)[0]
    if (!by && next && !isFormLabelLine(next.text)) {
      by = nameFrom(next.text)
      if (by) last = next.i
    }
    return finding(ctx, 'stamped', false, by, dateIn(text, opts), last)
  }

  const electronic = ELECTRONIC.exec(text) ?? SIGNED_BY.exec(text)
  if (electronic) {
    const rest = electronic.groups?.rest ?? ''
    let by = nameFrom(rest)
    let last = ctx.idx
    if (!by && rest.replace(/[\s_:\-]/g, '') === '') {
      // "Electronically signed by:" with the name on the next line.
      const next = following(ctx, ctx.idx, 1)[0]
      if (next && !isFormLabelLine(next.text)) {
        by = nameFrom(next.text)
        if (by) last = next.i
      }
    }
    if (!by) {
      // "Jane Roe, MD" on the line above, "Electronically signed 03/05/2024" here.
      const prev = lineText(ctx, ctx.idx - 1)
      if (prev && findDates(rest, opts).length > 0) by = nameFrom(prev)
    }
    const date = dateNear(ctx, last, rest, opts) ?? dateIn(text, opts)
    return finding(ctx, 'electronic', by !== null, by, date, last)
  }

  const conformed = CONFORMED.exec(text)
  if (conformed) {
    const rest = conformed.groups?.rest ?? ''
    const by = nameFrom(rest)
    if (by) return finding(ctx, 'electronic', true, by, dateNear(ctx, ctx.idx, rest, opts), ctx.idx)
  }

  const row = LABEL_ROW.exec(text)
  if (row) {
    // Pen strokes over the rule come out of OCR as a few stray characters before the label.
    const before = (row.groups?.before ?? '').trim()
    return signatureLine(ctx, '', before.length > 0 && !/^[_\-.\s]*$/.test(before), before)
  }

  const labelled = LABELLED.exec(text)
  if (labelled) {
    const rest = labelled.groups?.rest ?? ''
    const afterLine = rest.replace(/^[\s_xX~\-:.]*(?=\S|$)/, '').replace(/^_+\s*/, '')
    const by = nameFrom(afterLine)
    if (by) return finding(ctx, 'handwritten', true, by, dateNear(ctx, ctx.idx, afterLine, opts), ctx.idx)
    // Blank signature field: a typed name under it plus a date still counts as a signed line.
    return signatureLine(ctx, rest) ?? finding(ctx, 'handwritten', false, null, null, ctx.idx)
  }

  if (UNDERLINE.test(text)) return signatureLine(ctx, text)
  return null
}

/**
 * A signature line ("________" or a "Signature  Date" label row) with a name on or under it: signed
 * when a date is written near it, or when pen strokes show (`ink`).
 */
function signatureLine(ctx: Ctx, lineRest: string, ink = false, residue = ''): Read | null {
  const opts = ctx.opts
  const beside = lineRest.replace(/_+/g, '   ')
  let by = nameFrom(beside)
  let last = ctx.idx
  let date = dateIn(lineRest, opts) ?? (residue ? (firstDate(residue, opts)?.iso ?? null) : null)
  for (const f of following(ctx, ctx.idx, 2)) {
    if (ELECTRONIC.test(f.text) || (LABELLED.test(f.text) && UNDERLINE.test(f.text))) break
    if (!by) {
      const cand = nameFrom(f.text.replace(/^\s*(?:printed|print|typed)\s*name\s*[:\-]?/i, ''))
      if (cand && isNameLike(cand)) {
        by = cand
        last = f.i
      }
    }
    if (!date) {
      const d = dateIn(f.text, opts)
      if (d) {
        date = d
        last = Math.max(last, f.i)
      }
    }
  }
  if (!date && by) {
    // Handwritten dates are often written above the rule, over the printed "Date" label.
    for (let j = ctx.idx - 1, seen = 0; j >= 0 && seen < 2; j--) {
      const t = lineText(ctx, j) ?? ''
      if (t.trim() === '') continue
      seen++
      // A short line: the handwritten date (OCR may read its slashes as 1 or 7: "1011072025").
      const d = t.trim().length <= 40 ? firstDate(t, opts) : null
      if (d) {
        date = d.iso
        break
      }
    }
  }
  if (!by && !date && !/signature|signed/i.test(lineRest) && !/signature|signed/i.test(lineText(ctx, ctx.idx + 1) ?? '')) return null
  return finding(ctx, 'handwritten', by !== null && (date !== null || ink), by, date, last)
}

/**
 * Reads a document's signature.
 *
 * @example detectSignature('Electronically signed by Dr. Jane Roe on 03/05/2024 14:32')
 *   // { present: true, by: 'Dr. Jane Roe', date: '2024-03-05', kind: 'electronic', ... }
 */
export function detectSignature(input: ExtractedText | string, opts?: DateOptions): SignatureResult {
  const pages = toPages(input)
  const findings: Array<SignatureFinding & { order: number }> = []
  const markers: Array<UnsignedMarker & { order: number }> = []
  let order = 0
  for (const page of pages) {
    let skipUntil = -1
    for (let idx = 0; idx < page.lines.length; idx++) {
      order++
      const line = page.lines[idx]
      if (!line) continue
      const um = UNSIGNED.exec(line.text)
      if (um) {
        markers.push({
          text: squash(line.text).slice(0, 240),
          location: { page: page.page, offset: line.start + um.index, line: line.n },
          order,
        })
        continue
      }
      if (idx <= skipUntil) continue
      const f = readLine({ page, idx, opts })
      if (f) {
        const { lastIdx, ...plain } = f
        findings.push({ ...plain, order })
        // Lines a finding consumed (name under a line, date below) are not read again.
        skipUntil = lastIdx
      }
    }
  }

  const lastMarker = markers.length > 0 ? Math.max(...markers.map((m) => m.order)) : -1
  const signed = findings.filter((f) => f.present && f.kind !== 'stamped' && f.order > lastMarker)
  const strip = ({ order: _o, ...rest }: SignatureFinding & { order: number }): SignatureFinding => rest
  const base = {
    findings: findings.map(strip),
    unsignedMarkers: markers.map(({ order: _o, ...m }) => m),
  }
  if (signed.length > 0) {
    const dated = signed.filter((f) => f.date !== null)
    const best = (dated.length > 0 ? dated : signed)[(dated.length > 0 ? dated : signed).length - 1]!
    return { present: true, by: best.by, date: best.date, kind: best.kind, evidence: best.evidence, location: best.location, ...base }
  }
  const lastMarkerRow = markers[markers.length - 1]
  if (lastMarkerRow) {
    return { present: false, by: null, date: null, kind: null, evidence: lastMarkerRow.text, location: lastMarkerRow.location, ...base }
  }
  const stamped = findings.filter((f) => f.kind === 'stamped')
  const st = stamped[stamped.length - 1]
  if (st) return { present: false, by: st.by, date: st.date, kind: 'stamped', evidence: st.evidence, location: st.location, ...base }
  const blank = findings[findings.length - 1]
  if (blank) return { present: false, by: null, date: null, kind: null, evidence: blank.evidence, location: blank.location, ...base }
  return { present: false, by: null, date: null, kind: null, evidence: null, location: null, ...base }
}
