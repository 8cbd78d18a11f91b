/** Birth dates under their labels, and dates followed by an age. */
import { findDates } from '../dates.js'
import { Collector, foundAt } from './collector.js'
import { type LabelHit, type Line, labelDateOrder } from './labels.js'
import { type ExtractOptions, type FoundHow } from './types.js'

export function readDobValue(
  col: Collector,
  line: Line,
  hit: LabelHit,
  valueStart: number,
  valueEnd: number,
  how: FoundHow,
  opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>,
): boolean {
  const region = line.text.slice(valueStart, valueEnd)
  // A form that prints its date format beside the label ("DOB (dd/mm/yyyy)") says which way round the value is.
  const order = labelDateOrder(hit.labelText) ?? opts.dateOrder
  const dates = findDates(fieldsAsDate(region), { order, ocr: true, today: opts.today, compact: true })
  const first = dates[0]
  if (!first) return false
  // The date must come right after the label (allowing a bracket, "on the", or the age when the label asks for it: "DOB/Age: 31y 13/09/1995").
  const before = region.slice(0, first.start)
  const asksAge = /age/i.test(hit.labelText) || /age\s*\/\s*$/i.test(line.text.slice(0, hit.start))
  const age = asksAge && /^[\s:/(-]*\d{1,3}\s*(?:y|yo|y\/o|yrs?|years?)?[\s)/,;-]*$/i.test(before)
  if (!age && (before.length > 12 || /[0-9]/.test(before))) return false
  if (hit.def.source.startsWith('Born') && before.trim() && !/^\s*(?:on|:)?\s*(?:the\s*)?$/i.test(before)) return false
  if (hit.def.bare && birthEvent(line.text.slice(0, hit.start), region.slice(first.end))) return false
  const confidence = how === 'labelled' ? 0.92 : how === 'letter' ? 0.85 : 0.82
  col.addDate(first, confidence, foundAt(line, valueStart + first.start, first.raw.length, hit.labelText, how))
  return true
}

/** A date followed by an age ("03/14/1962 62Y", "3/14/1962 (62 yo)") is a birth date even without a label. */
export function agedDates(col: Collector, line: Line, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): boolean {
  let any = false
  for (const d of findDates(line.text, { order: opts.dateOrder, ocr: true, today: opts.today })) {
    const after = line.text.slice(d.end, d.end + 14)
    if (/^\s*[(/\-,]?\s*(?:age\s*)?\d{1,3}\s*(?:y|yo|y\/o|yrs?|years?)(?![a-z])/i.test(after)) {
      col.addDate(d, 0.6, foundAt(line, d.start, d.raw.length, null, 'sticker'))
      any = true
    }
  }
  return any
}

/** Whose birth a bare "Birth"/"born" is: a baby's in its clause ("Baby: girl, born"), or a delivery's, timed ("Birth: 11/19/2026 07:48"). */
function birthEvent(before: string, after: string): boolean {
  const clause = before.split(/[.;]/).pop() ?? ''
  if (/\b(?:baby|infant|newborn|neonate|girl|boy|son|daughter|twins?|child|children|sibling|brother|sister|grandchild)\b/i.test(clause))
    return true
  return /^\s*(?:at\s+)?\d{1,2}:\d{2}\b/.test(after)
}

/**
 * A form's separate boxes for the birth date ("born on: Month 03  Day 09  Year 1975", "MM 03 DD 09 YYYY 1975")
 * rewritten as one ISO date padded to the same length, so that offsets still point into the line; else the text as it is.
 */
export function fieldsAsDate(region: string): string {
  return region.replace(
    /\b(?:Month|MM)\s*:?\s*(\d{1,2})\s+(?:Day|DD)\s*:?\s*(\d{1,2})\s+(?:Year|YYYY|YY)\s*:?\s*(\d{4})\b/i,
    // Written year first, so that the document's day/month order cannot turn the boxes round.
    (whole, m: string, d: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`.padEnd(whole.length, ' '),
  )
}
