/** Birth dates under their labels, and dates followed by an age. */
import { findDates } from '../dates.js'
import { Collector, foundAt } from './collector.js'
import { type DateOrder } from '../../text/dates.js'
import { type LabelHit, type Line, labelDateOrder, NOT_PATIENT_QUALIFIERS } from './labels.js'
import { type ExtractOptions, type FoundHow } from './types.js'

export function readDobValue(
  col: Collector,
  line: Line,
  hit: LabelHit,
  valueStart: number,
  valueEnd: number,
  how: FoundHow,
  opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>> & { orderSettled?: boolean },
): boolean {
  const region = line.text.slice(valueStart, valueEnd)
  // A label in a language that writes the day first ("Fecha de nacimiento", "Geburtsdatum") reads its value day first,
  // unless the document's own unambiguous dates or where it was written settle the order (a US form printed in Spanish).
  const order = hit.def.dayFirst && !opts.orderSettled ? 'DMY' : opts.dateOrder
  const text = eraAsDate(fieldsAsDate(region))
  // A form that prints its date format beside the label ("DOB (dd/mm/yyyy)") or right after the value
  // ("08/09/1975 (dd/mm/yyyy)") says which way round the value is.
  const read = (order: DateOrder): ReturnType<typeof findDates> => findDates(text, { order, ocr: true, today: opts.today, compact: true })
  let first = read(labelDateOrder(hit.labelText) ?? order)[0]
  if (!first) return false
  const printedOrder = labelDateOrder(hit.labelText) ?? labelDateOrder(FORMAT_AFTER.exec(region.slice(first.end))?.[0] ?? '')
  if (printedOrder && printedOrder !== order) first = read(printedOrder)[0]
  if (!first) return false
  // The date must come right after the label (allowing a bracket, "on the", the age when the label asks for it:
  // "DOB/Age: 31y 13/09/1995", or a few words saying where it was read: "DOB on health form: 6/18/2013").
  // (Read in the rewritten text: an era year is spaces and the Western year there.)
  const before = text.slice(0, first.start).trimStart()
  const asksAge = /age/i.test(hit.labelText) || /age\s*\/\s*$/i.test(line.text.slice(0, hit.start))
  const age = asksAge && /^[\s:/(-]*\d{1,3}\s*(?:y|yo|y\/o|yrs?|years?)?[\s)/,;-]*$/i.test(before)
  if (!age && !sourceNote(before) && (before.length > 12 || /[0-9]/.test(before))) return false
  // "DOB of mother: ...": someone else's.
  if (someoneElse(before)) return false
  if (hit.def.source.startsWith('Born') && before.trim() && !/^\s*(?:on|:)?\s*(?:the\s*)?$/i.test(before)) return false
  if (hit.def.bare && birthEvent(line.text.slice(0, hit.start), region.slice(first.end))) return false
  const confidence = how === 'labelled' ? 0.92 : how === 'letter' ? 0.85 : 0.82
  col.addDate(first, confidence, foundAt(line, valueStart + first.start, first.raw.length, hit.labelText, how))
  return true
}

/**
 * A date followed by an age ("03/14/1962 62Y", "3/14/1962 (62 yo)") is a birth date even without a label, when the
 * age is one a person born that day can have been (not more than their age today). A page with such pairs on three
 * or more lines is a table of events and the age at each ("2022-05-09  4 y  Tdap-IPV"): none of them is a birth date.
 * Returns the indexes of the lines read.
 */
export function agedDates(col: Collector, lines: Line[], opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): number[] {
  const found: Array<{ line: Line; d: ReturnType<typeof findDates>[number]; age: number }> = []
  for (const line of lines) {
    for (const d of findDates(line.text, { order: opts.dateOrder, ocr: true, today: opts.today })) {
      const m = /^\s*[(/\-,]?\s*(?:age\s*)?(\d{1,3})\s*(?:y|yo|y\/o|yrs?|years?)(?![a-z])/i.exec(line.text.slice(d.end, d.end + 14))
      if (m) found.push({ line, d, age: Number(m[1]) })
    }
  }
  const linesPerPage = new Map<number, Set<number>>()
  for (const f of found) linesPerPage.set(f.line.page, (linesPerPage.get(f.line.page) ?? new Set()).add(f.line.index))
  const read = new Set<number>()
  for (const { line, d, age } of found) {
    if (linesPerPage.get(line.page)!.size >= 3) continue
    if (d.valid && age > yearsSince(d.year, d.month, d.day, opts.today)) continue
    col.addDate(d, 0.6, foundAt(line, d.start, d.raw.length, null, 'sticker'))
    read.add(line.index)
  }
  return [...read]
}

/** Whole years from a date to `today` (a person's age today if born that day). */
function yearsSince(year: number, month: number, day: number, today: Date): number {
  const [ty, tm, td] = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
  return ty - year - (tm < month || (tm === month && td < day) ? 1 : 0)
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

/** A date format printed in brackets right after a value: "08/09/1975 (dd/mm/yyyy)". */
const FORMAT_AFTER = /^\s*\(\s*(?:dd|jj|mm)\s*[/.-]\s*(?:mm|dd|jj)\s*[/.-]\s*(?:yyyy|yy|aaaa|aa)\s*\)/i

/** Words that make a birth date someone else's ("DOB of partner:"), beside the qualifiers of a name label. */
const SOMEONE_ELSE = new Set(
  'partner husband wife son daughter child children baby infant sibling brother sister grandchild grandmother grandfather'.split(' '),
)

/** Words that say a birth date is someone else's ("of mother", "of partner"). */
function someoneElse(before: string): boolean {
  return (before.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => NOT_PATIENT_QUALIFIERS.has(w) || SOMEONE_ELSE.has(w))
}

/**
 * Between a birth-date label and its value, at most four lower-case words and a colon saying where the date was read
 * ("on health form:", "(as stated):", "per patient:").
 */
function sourceNote(before: string): boolean {
  return /^\s*\(?\s*(?:[a-z]+\s+){0,3}[a-z]+\s*\)?\s*:\s*$/.test(before)
}

/** Where each era of the Japanese calendar begins: "Showa 57" is 1982. */
const JAPANESE_ERAS: Record<string, number> = { meiji: 1868, taisho: 1912, showa: 1926, heisei: 1989, reiwa: 2019 }

/**
 * A year of a Japanese era, with or without the Western year in brackets ("Showa 57 (1982) July 4", "Heisei 3, May 2"),
 * rewritten as the Western year, padded at the front to the same length so that offsets still point into the line.
 * Left as it is when the bracketed year is not the era's.
 */
export function eraAsDate(region: string): string {
  return region.replace(
    /\b(Meiji|Tai(?:sho|shō|syo)|Sh(?:owa|ōwa|yowa)|Heisei|Reiwa)\s+(\d{1,2})(?:\s*\(\s*(\d{4})\s*\))?\s*,?\s*(?=[A-Za-z]|\d)/gi,
    (whole, era: string, n: string, western: string | undefined) => {
      const key = era
        .toLowerCase()
        .replace(/ō/g, 'o')
        .replace(/^tai.*/, 'taisho')
        .replace(/^sh.*/, 'showa')
      const year = JAPANESE_ERAS[key]! + Number(n) - 1
      if (western && Number(western) !== year) return whole
      return `${String(year)} `.padStart(whole.length, ' ')
    },
  )
}

/**
 * A Norwegian national identity number (fødselsnummer) or Danish CPR number begins with the holder's birth date, day
 * first (DDMMYY), then five or four digits, often masked ("110348 *****"). Read only under a label that names the number;
 * numbers whose first six digits are no real date (a Norwegian D- or H-number adds 4 to the day's or month's first
 * digit) are left alone. Returns the indexes of the lines read.
 */
export function nationalIdBirthDates(col: Collector, lines: Line[], opts: Required<Pick<ExtractOptions, 'today'>>): number[] {
  const read: number[] = []
  for (const line of lines) {
    NATIONAL_ID.lastIndex = 0
    for (let m = NATIONAL_ID.exec(line.text); m; m = NATIONAL_ID.exec(line.text)) {
      const six = (m[1] ?? m[2])!
      const start = m.index + m[0].indexOf(six)
      const hit = findDates(`${six.slice(0, 2)}/${six.slice(2, 4)}/${six.slice(4)}`, { order: 'DMY', today: opts.today })[0]
      if (!hit || !hit.valid) continue
      col.addDate(
        { ...hit, raw: six, start, end: start + 6 },
        0.85,
        foundAt(line, start, 6, m[0].slice(0, m[0].indexOf(six)).trim(), 'labelled'),
      )
      read.push(line.index)
    }
  }
  return read
}

/**
 * The label (the Norwegian or Danish name of the number, perhaps in brackets after an English one), then DDMMYY and the
 * rest; or a national ID under an English label in the Norwegian shape alone, six digits and five (no other country's
 * number has it: a Danish or Swedish one has four after the six, a Finnish one a century sign).
 */
const NATIONAL_ID = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:f[øo]dselsnummer|f[øo]dselsnr\.?|CPR(?:-?(?:nr\.?|nummer))?)\)?\s*[:.]?\s*(\d{6})[\s-]?(?:\d{4,5}|[*xX•]{4,5})|` +
    String.raw`Nat(?:ional|\.)?\s*ID\s*(?:no\.?|number|#)?\s*[:.]?\s*(\d{6})\s?(?:\d{5}|[*xX•]{5}))(?![\d*xX•])`,
  'giu',
)
