/**
 * Patient identifiers read from an outside record's text (OCR or PDF text layer): candidate
 * names, birth dates and record numbers, each with where it was found and a confidence.
 *
 * Layouts understood:
 * - labelled values: `Patient Name: DOE, JANE A`, `PATIENT: Jane Doe`, `Name:`, `Pt:`,
 *   `Last Name: DOE  First Name: JANE  MI: A`, `DOB: 03/14/1962`, `MRN: 1234567`, `Acct #: ...`;
 * - a label alone on its line with the value on the next line;
 * - header grids: a line of labels ("Patient Name   DOB   MRN", also drawn with bars, and with a word or
 *   two before a label saying whose number it is: "Ref. clinic MRN") over a line of values,
 *   aligned by columns when the text keeps its spacing, else by the type of each value
 *   (OCR usually keeps single spaces);
 * - addressograph stickers: an unlabelled `DOE, JANE A` next to DOB / MRN lines, also when OCR
 *   has merged the sticker with the facility block beside it;
 * - letters: `Re: Jane Doe (DOB 3/14/1962)`, and a patient block with the name alone on its line over
 *   `Date of birth 13/09/1995`;
 * - an HL7 v2 PID segment printed on an interface report (`PID|1||...|DOE^JANE^A||19620314|F`);
 * - split fields without the word name (`Last: DOE   First: JANE`, `Surname` / `Forename(s)`), dotted
 *   and `____` leaders, a `NAME` label without its colon heading a row with a birth date or MRN;
 * - bilingual labels (`Nom / Name: DUVAL   Prénom / First name: Luc`: one word under Name beside a first-name
 *   field is the family name), a value with its order after it (`DOE  JANE  ANN  (Last, First, Middle)`);
 * - birth dates as papers from abroad print them: `Birthday:`, a Japanese era year (`Showa 57 (1982) July 4`),
 *   a note between label and colon (`DOB on health form:`), inside a Norwegian fødselsnummer or Danish CPR number.
 *
 * Ambiguous numeric dates (02/11/1971) are read in the order the document writes dates
 * (src/text/dateOrder.ts: its own unambiguous dates, else where it was written, else `dateOrder`),
 * or the order a label prints (`DOB (dd/mm/yyyy)`, `(AAAA-MM-JJ)`) or the value is followed by
 * (`08/09/1975 (dd/mm/yyyy)`); a label in a language that writes the day first (`Fecha de nacimiento`) reads
 * its value day first unless the document's own dates settle the order.
 *
 * Record numbers: a value is our MRN only when it sits under an MRN-like label (MRN, MR#,
 * Medical Record No., Patient ID, Chart #) and fits the configured MRN format. Everything else
 * (account, visit, FIN, encounter, accession, another facility's MRN) goes to `foreignIds`,
 * for display only. SSNs are recognised so they are not mistaken for anything, and dropped.
 *
 * The readers live in identifiers/, one for each thing read: labels.ts (labels and lines),
 * names.ts, birthDates.ts, recordNumbers.ts, headerGrid.ts; collector.ts merges what they find.
 * This module walks the lines and hands each labelled value to its reader.
 *
 * The result holds patient data: show it to the records desk, never log it.
 */
import { compileMrnFormat } from './mrn.js'
import { type PersonName } from './names.js'
import { agedDates, nationalIdBirthDates, readDobValue } from './identifiers/birthDates.js'
import { Collector, foundAt } from './identifiers/collector.js'
import { documentDateOrder } from '../text/dateOrder.js'
import { gridValues, isLabelLine } from './identifiers/headerGrid.js'
import { pidSegments } from './identifiers/hl7.js'
import { type Line, NOT_PATIENT_QUALIFIERS, splitLines } from './identifiers/labels.js'
import { cutNameValue, plausibleName, precedingWord, readNameValue, stickerNames } from './identifiers/names.js'
import { readIdValue } from './identifiers/recordNumbers.js'
import { type ExtractOptions, type ExtractedIdentifiers, type FoundHow } from './identifiers/types.js'
import { RecentResults } from '../recentResults.js'
export type {
  BirthDateCandidate,
  ExtractedIdentifiers,
  ExtractOptions,
  FoundAt,
  FoundHow,
  NameCandidate,
  RecordNumberCandidate,
  RecordNumberKind,
  UnreadableBirthDate,
} from './identifiers/types.js'
export { undoCaseSlips } from './identifiers/names.js'

/**
 * Reads candidate patient identifiers from a document's text.
 *
 * @example
 *   const ids = extractIdentifiers('Patient Name: DOE, JANE A   DOB: 03/14/1962   MRN: 1234567', { mrnPattern: /^\d{7}$/ })
 *   ids.names[0].familyName // 'DOE'; ids.birthDates[0].date // '1962-03-14'; ids.mrns[0].value // '1234567'
 */
export function extractIdentifiers(text: string, options: ExtractOptions = {}): ExtractedIdentifiers {
  // "Today" bounds which birth dates are plausible: the same day (local and UTC), the same reading.
  const now = new Date()
  const today = options.today ? String(options.today.getTime()) : `${now.toDateString()} ${now.toISOString().slice(0, 10)}`
  const key = `${String(options.mrnPattern ?? '')}\0${options.dateOrder ?? ''}\0${today}\0${text}`
  return recent.get(key, () => readIdentifiers(text, { ...options, today: options.today ?? now }))
}

/** A file's pages are read while it is split, then the whole document: the same text twice for one page. */
const recent = new RecentResults<ExtractedIdentifiers>(8)

function readIdentifiers(text: string, options: ExtractOptions): ExtractedIdentifiers {
  const mrnPattern = compileMrnFormat(options.mrnPattern)
  // The document's own dates, or where it was written, say which way round it writes day and month.
  const docOrder = documentDateOrder(text, options.dateOrder ?? 'MDY')
  // Settled by the document's own unambiguous dates or by where it was written, the order holds for every label; else a
  // label in a language that writes the day first reads its value day first (see readDobValue).
  const dateOpts = { dateOrder: docOrder.order, today: options.today ?? new Date(), orderSettled: docOrder.by !== 'configured' }
  const col = new Collector()
  const lines = splitLines(text)
  const identifierLines = new Set<number>()
  const fieldParts: Array<{ kind: 'last' | 'first' | 'middle'; value: string; line: Line; start: number; label: string }> = []

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!
    if (!line.text.trim()) continue
    const labels = line.labels

    if (isLabelLine(line)) {
      const next = nextValueLine(lines, li)
      if (next) {
        gridValues(col, line, next, mrnPattern, dateOpts)
        identifierLines.add(li).add(next.index)
      }
      continue
    }

    for (let i = 0; i < labels.length; i++) {
      const hit = labels[i]!
      const valueEnd = labels[i + 1]?.start ?? line.text.length
      const valueStart = hit.valueStart
      const empty = !line.text.slice(valueStart, valueEnd).trim()
      const isLast = i === labels.length - 1
      const kind = hit.def.kind
      // Generic labels (Patient, Name, Re) need a colon, or a line of their own with the value below, or to head
      // a form row whose birth date or MRN follows on the line or on the next ("NAME QUILL Ada    DOB 13/09/1995").
      const formRow = hit.def.needsColon && !hit.hasColon && !(labels.length === 1 && line.text.trim() === hit.labelText)
      if (formRow && !headsFormRow(lines, li, i)) continue
      // Value on the next line ("Patient Name:" then "DOE, JANE").
      let vLine = line
      let vStart = valueStart
      let vEnd = valueEnd
      let how: FoundHow = kind === 'letter' ? 'letter' : 'labelled'
      if (empty) {
        const aloneOnLine = labels.length === 1 && line.text.trim().replace(/[:;#\s]+$/, '') === hit.labelText.replace(/[:;#\s]+$/, '')
        if (!isLast || !(hit.hasColon || aloneOnLine || kind === 'dob' || (kind === 'mrn' && !hit.def.onlyOurs) || kind === 'name'))
          continue
        const next = nextValueLine(lines, li)
        if (!next || next.labels.some((l) => l.start < 3)) continue
        vLine = next
        vStart = next.text.length - next.text.trimStart().length
        const gap = /\s{3,}|\t/.exec(next.text.slice(vStart))
        vEnd = gap ? vStart + gap.index : next.text.length
        how = 'next-line'
      }
      switch (kind) {
        case 'name':
        case 'name-generic':
        case 'letter': {
          if (kind !== 'name') {
            const q = precedingWord(line.text, hit.start)
            if (NOT_PATIENT_QUALIFIERS.has(q)) break
            // In running text ("according to the patient; however, he ...") the label follows a lower-case word.
            if (/\p{Ll}[\p{L}']*[ \t]?$/u.test(line.text.slice(0, hit.start))) break
          }
          // "Signature of proposed insured ___H. Sorensen___": a signature, often initials only, not the name as the form prints it.
          if (/\bsignature\s+of\s+(?:the\s+)?$/i.test(line.text.slice(0, hit.start))) break
          // "DOE  JANE  ANN  (Last, First, Middle)": the value's parts in the order the bracket after it gives.
          if (orderedName(col, vLine, vStart, hit.labelText, how)) {
            identifierLines.add(vLine.index)
            break
          }
          // "Nom / Name: DUVAL    Prénom / First name: Luc": beside a first-name field, one word under Name is the family name.
          if (kind !== 'letter' && vLine === line && labels.slice(i + 1).some((l) => l.def.kind === 'first')) {
            const cut = cutNameValue(line.text.slice(vStart, vEnd), { allowLowercase: false })
            if (cut && !/[\s,]/.test(cut.text)) {
              fieldParts.push({ kind: 'last', value: cut.text, line, start: vStart + cut.start, label: hit.labelText })
              break
            }
          }
          const conf = kind === 'name' ? 0.9 : kind === 'letter' ? 0.75 : 0.82
          // An all-lower-case name is read only from a form-like label that starts its line.
          // Not without the label's colon ("Patient reports pain ... DOB" is prose).
          const lowercaseOk = !formRow && (how === 'next-line' || (how === 'labelled' && !line.text.slice(0, hit.start).trim()))
          if (readNameValue(col, vLine, vStart, vEnd, hit.labelText, how, how === 'next-line' ? conf - 0.1 : conf, lowercaseOk))
            identifierLines.add(vLine.index)
          break
        }
        case 'last':
        case 'first':
        case 'middle': {
          if (NOT_PATIENT_QUALIFIERS.has(precedingWord(line.text, hit.start))) break
          const cut = cutNameValue(vLine.text.slice(vStart, vEnd), { allowLowercase: false })
          if (cut)
            fieldParts.push({
              kind,
              value: cut.text
                .split(/\s+/)
                .slice(0, kind === 'last' ? 3 : 2)
                .join(' '),
              line: vLine,
              start: vStart + cut.start,
              label: hit.labelText,
            })
          break
        }
        case 'dob':
          // Someone else's birth date: "Subscriber DOB", "Mother's DOB", "Guarantor Date of Birth".
          if (NOT_PATIENT_QUALIFIERS.has(precedingWord(line.text, hit.start))) break
          if (readDobValue(col, vLine, hit, vStart, vEnd, how, dateOpts)) identifierLines.add(vLine.index)
          break
        case 'mrn':
        case 'foreign':
        case 'ignore-id':
          if (readIdValue(col, vLine, hit, vStart, vEnd, mrnPattern, how)) identifierLines.add(vLine.index)
          break
        default:
          break
      }
    }
  }
  for (const li of agedDates(col, lines, dateOpts)) identifierLines.add(li)
  for (const li of pidSegments(col, lines, dateOpts)) identifierLines.add(li)
  for (const li of nationalIdBirthDates(col, lines, dateOpts)) identifierLines.add(li)

  // Separate Last / First / MI fields.
  for (let i = 0; i < fieldParts.length; i++) {
    const last = fieldParts[i]!
    if (last.kind !== 'last') continue
    const first = fieldParts.find(
      (f) => f.kind === 'first' && f.line.page === last.line.page && Math.abs(f.line.index - last.line.index) <= 3,
    )
    if (!first) continue
    const middle = fieldParts.find(
      (f) => f.kind === 'middle' && f.line.page === last.line.page && Math.abs(f.line.index - last.line.index) <= 3,
    )
    const n: PersonName = {
      familyName: last.value,
      givenName: first.value.split(' ')[0]!,
      middleName: middle?.value ?? (first.value.split(' ')[1] || null),
      suffix: null,
    }
    if (!plausibleName(n)) continue
    col.addName(
      { ...n, order: 'fields' },
      `${last.value}, ${first.value}${middle ? ` ${middle.value}` : ''}`,
      0.9,
      foundAt(last.line, last.start, last.value.length, last.label, 'fields'),
    )
    identifierLines.add(last.line.index)
  }

  // Letters name the patient in running text, right before the birth date ("referring Ms. Helena Brandt (DOB 7/21/1958)").
  for (const line of lines) {
    PROSE_PATIENT.lastIndex = 0
    for (let m = PROSE_PATIENT.exec(line.text); m; m = PROSE_PATIENT.exec(line.text)) {
      const start = m.index + m[0].indexOf(m[1]!)
      if (readNameValue(col, line, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(line.index)
    }
  }

  // A consent or authorization in the patient's own words: "I, Wanjiru Mwangi-Forde, hereby consent ...".
  for (const line of lines) {
    CONSENTING.lastIndex = 0
    for (let m = CONSENTING.exec(line.text); m; m = CONSENTING.exec(line.text)) {
      const start = m.index + m[0].indexOf(m[1]!)
      if (readNameValue(col, line, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(line.index)
    }
  }

  // A name printed right before a labelled birth date is that birth date's person ("Harold T. Linwood   DOB 1/30/1954",
  // "I, Dominic Lachance (DOB 08/29/2001)", "Pt Ortega-Blum, Samira  DOB ..."), unless a word before it says whose it is.
  for (const line of lines) {
    // A grid's line of labels ("Last Name First Name MI DOB") names no one.
    if (!line.labels.some((l) => l.def.kind === 'dob') || isLabelLine(line)) continue
    NAME_THEN_DOB.lastIndex = 0
    for (let m = NAME_THEN_DOB.exec(line.text); m; m = NAME_THEN_DOB.exec(line.text)) {
      const start = m.index + m[0].indexOf(m[1]!)
      const before = /([A-Za-z']+)[\s.:/-]*$/.exec(line.text.slice(0, start))?.[1]?.toLowerCase().replace(/'s$/, 's') ?? ''
      if (NOT_PATIENT_QUALIFIERS.has(before)) continue
      // The label of the field the name is printed in, its bracketed notes aside, by its last two words: "Partner (intended
      // parent 2): Matteo S. Valdivia  DOB", "Emergency contact name: ..." (not "Family Medicine patient: ...").
      const field = (
        line.text
          .slice(0, start)
          .split(/\s{3,}|\t/)
          .pop() ?? ''
      ).replace(/\([^)]*\)/g, ' ')
      const fieldWords = (field.toLowerCase().match(/[a-z']+/g) ?? []).slice(-2)
      if (fieldWords.some((w) => NOT_PATIENT_QUALIFIERS.has(w.replace(/'s$/, 's')))) continue
      if (m[1]!.split(/\s+/).some((w) => NOT_PATIENT_QUALIFIERS.has(w.replace(/[^A-Za-z]/g, '').toLowerCase()))) continue
      if (readNameValue(col, line, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(line.index)
    }
  }

  // A letter's patient block: the name alone on its line, the birth date under it ("Mrs Harriet OKONKWO" / "Date of birth 13/09/1995").
  for (const line of lines) {
    const dob = line.labels[0]
    if (!dob || dob.def.kind !== 'dob' || line.text.slice(0, dob.start).trim()) continue
    const above = lines[line.index - 1]
    if (!above || above.page !== line.page || above.labels.length) continue
    const m = NAME_ALONE.exec(above.text)
    if (!m) continue
    const before = lines[above.index - 1]?.text.trim().toLowerCase() ?? ''
    if (NOT_PATIENT_QUALIFIERS.has(/([a-z']+)[\s:.,]*$/.exec(before)?.[1] ?? '')) continue
    const start = m.index + m[0].indexOf(m[1]!)
    if (readNameValue(col, above, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(above.index)
  }

  // A letter to the patient: the addressee's name alone on its line over the postal address, the birth date on the
  // line after it ("Ms. Marisela Quintanar" / "88 Calloway St, Apt 3B" / "Westgate" / "" / "DOB: 11/04/1983"). A birth
  // date on a line that names someone itself ("Re: ...") is that person's, and the addressee is then a doctor.
  for (const line of lines) {
    if (line.labels.length || !lines[line.index + 1] || !STREET_LINE.test(lines[line.index + 1]!.text)) continue
    const m = NAME_ALONE.exec(line.text)
    if (!m) continue
    const dobLine = birthDateAfterAddress(lines, line.index + 2, line.page)
    if (!dobLine || dobLine.labels.some((l) => NAME_KINDS.has(l.def.kind) && (l.hasColon || !l.def.needsColon))) continue
    const before = lines[line.index - 1]?.text.trim().toLowerCase() ?? ''
    if (NOT_PATIENT_QUALIFIERS.has(/([a-z']+)[\s:.,]*$/.exec(before)?.[1] ?? '')) continue
    const start = m.index + m[0].indexOf(m[1]!)
    if (readNameValue(col, line, start, start + m[1]!.length, null, 'letter', 0.7)) identifierLines.add(line.index)
  }

  // Unlabelled LAST, FIRST near identifier lines (stickers, header blocks).
  for (const line of lines) {
    // "Ashcombe, Wiltshire SN14 2QP", "Oakridge, OH 45502": a town and its county or state, not LAST, FIRST.
    if (!line.text.includes(',') || POSTAL_CODE.test(line.text)) continue
    let near = false
    for (let d = -3; d <= 3 && !near; d++) if (identifierLines.has(line.index + d) && lines[line.index + d]?.page === line.page) near = true
    if (near) stickerNames(col, line)
  }

  const byConfidence = <T extends { confidence: number }>(a: T, b: T): number => b.confidence - a.confidence
  return {
    names: [...col.names.values()].sort(byConfidence),
    birthDates: [...col.dates.values()].sort(byConfidence),
    unreadableBirthDates: [...col.unreadable.values()],
    mrns: [...col.mrns.values()].sort(byConfidence),
    foreignIds: [...col.foreign.values()].sort(byConfidence),
  }
}

/**
 * "I, <name>, hereby consent / authorize / request ...": the person who signs a consent or an authorization. Not
 * "I, <name>, certify" (a clinician or interpreter) nor "I, <name>, am the grandmother of" (someone acting for the patient).
 */
const CONSENTING =
  /(?<![\p{L}])I,\s+(\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]*\.?){1,3}),\s+(?:(?:do\s+)?hereby\s+)?(?:consent|authori[sz]e|request|give|grant|agree)\b/gu

/** A birth-date label as printed after a name: DOB, DoB, D.O.B., D.o.B., Date of birth, born, geb., né(e) le, fecha de nacimiento. */
const DOB_WORD = String.raw`(?:D[Oo]B|D\.[Oo]\.B\.?|[Dd]ate of [Bb]irth|[Bb]orn|[Gg]eb\.|n(?:é|ée|ee) le|[Ff]echa de nacimiento)`

/** A capitalised name after a referring verb, with the birth date straight after it. No i flag: \p{Lu} must stay upper case. */
const PROSE_PATIENT = new RegExp(
  String.raw`(?<![\p{L}])(?:[Rr]eferring|[Rr]efer|[Rr]egarding|[Ss]eeing|[Ss]aw|[Ss]een|[Ee]valuat(?:e|ed|ing)|[Pp]atient)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?(\p{Lu}[\p{L}'\-]*\.?(?:\s+\p{Lu}[\p{L}'\-]*\.?){1,3})\s*(?:\(\s*|,\s*)${DOB_WORD}(?![\p{L}])`,
  'gu',
)

/**
 * Two to four capitalised words (a comma allowed: FAMILY, Given) straight before a birth-date label, or set off from
 * it by a bullet, bar or dash ("Dagny Thorsrud-Ibe  ·  DOB: 7/7/1962"), after an optional Pt/Patient/Name/Re without its colon and a courtesy title. No i flag.
 */
const NAME_THEN_DOB = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Pt|Patient|Name|Re|RE)\.?\s+)?(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?(\p{Lu}[\p{L}'\-]+\.?,?(?:\s+\p{Lu}[\p{L}'\-]*\.?,?){1,3})(?:\s*\(\s*|\s*,\s*|\s*[·•|–—]\s*|\s+-\s+|\s+)${DOB_WORD}(?![\p{L}])`,
  'gu',
)

/** A name value's parts, apart by wide gaps or commas, with their order in a bracket after them. No i flag on the words. */
const ORDERED_NAME =
  /^([^()]*?)\s*\(\s*(?:LAST|Last|last|FAMILY|Family|SURNAME|Surname)(?:\s+name)?\s*,\s*(?:FIRST|First|first|GIVEN|Given)(?:\s+name)?(\s*,\s*(?:MIDDLE|Middle|middle|M\.?I\.?)(?:\s+name)?)?\s*\)/

/** Reads "DOE  JANE  ANN  (Last, First, Middle)" as family, given and middle name; false when the value is not so. */
function orderedName(col: Collector, line: Line, start: number, label: string, how: FoundHow): boolean {
  const m = ORDERED_NAME.exec(line.text.slice(start))
  if (!m) return false
  const parts = m[1]!.trim().split(/\s{2,}|\s*,\s*/)
  if (parts.length < 2 || parts.length > (m[2] ? 3 : 2) || parts.some((p) => !/^\p{Lu}[\p{L}'\-]*(?:\s\p{Lu}[\p{L}'\-]*)?$/u.test(p)))
    return false
  const n = { familyName: parts[0]!, givenName: parts[1]!, middleName: parts[2] ?? null, suffix: null }
  if (!plausibleName(n)) return false
  const offset = start + m[1]!.indexOf(parts[0]!)
  col.addName(
    { ...n, order: 'fields' },
    m[1]!.trim(),
    how === 'labelled' ? 0.9 : 0.8,
    foundAt(line, offset, m[1]!.trim().length, label, how),
  )
  return true
}

/**
 * The `i`th label of line `li` starts its line, is a name label printed as a label is (NAME, Name, Patient), and
 * the row it heads carries a birth date or our MRN under its own label, on the same line or the next.
 */
function headsFormRow(lines: Line[], li: number, i: number): boolean {
  const line = lines[li]!
  const hit = line.labels[i]!
  if (hit.def.kind !== 'name-generic' || line.text.slice(0, hit.start).trim() || !/^(?:\p{Lu}+|\p{Lu}\p{Ll}+)$/u.test(hit.labelText))
    return false
  const idLabel = (l: Line['labels'][number]): boolean => l.def.kind === 'dob' || l.def.kind === 'mrn'
  if (line.labels.slice(i + 1).some(idLabel)) return true
  const next = lines[li + 1]
  return !!next && next.page === line.page && next.labels.some((l) => idLabel(l) && !next.text.slice(0, l.start).trim())
}

/**
 * A line that is only a person's name, two to four capitalised words after an optional courtesy title; a lone 0 may
 * stand for the O of an Irish name ("NIAMH 0 SUILLEABHAIN"). No i flag.
 */
const NAME_ALONE = /^\s*(?:(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+)?(\p{Lu}[\p{L}'\-]+(?:\s(?:\p{Lu}[\p{L}'\-]*\.?|0(?=\s))){1,3})\s*$/u

/** A British postcode or a US state and ZIP code: the line is an address. Case-sensitive. */
const POSTAL_CODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}\b|\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b/

/** The first line of a postal address: a house number and a word, or a post-office box. */
const STREET_LINE = /^\s*(?:\d+[A-Za-z]?\s+\p{L}|P\.?\s?O\.?\s+B[o0]x\b)/u

const NAME_KINDS = new Set(['name', 'name-generic', 'letter', 'last', 'first'])

/**
 * The line with a birth-date label that ends an address block starting at line `from`: at most two more address lines
 * (short, no labels) and one blank line before it.
 */
function birthDateAfterAddress(lines: Line[], from: number, page: number): Line | undefined {
  let address = 0
  let blank = 0
  for (let j = from; j < lines.length && lines[j]!.page === page; j++) {
    const l = lines[j]!
    if (l.labels.some((h) => h.def.kind === 'dob')) return l
    const t = l.text.trim()
    if (!t) {
      if (++blank > 1) return undefined
    } else if (blank || ++address > 2 || l.labels.length || t.includes(':') || t.length > 50) return undefined
  }
  return undefined
}

function nextValueLine(lines: Line[], li: number): Line | undefined {
  for (let j = li + 1; j <= li + 2 && j < lines.length; j++) {
    const l = lines[j]!
    if (l.page !== lines[li]!.page) return undefined
    if (!l.text.trim()) continue
    if (isLabelLine(l)) return undefined
    return l
  }
  return undefined
}
