/**
 * The general machinery behind data-driven fields: find printed labels ("Date of Service:",
 * "IMPRESSION:", "Collected 03/05/2024", a heading alone on its line) and read the value after
 * each, on the same line or, for sections, over the following lines up to the next heading.
 */
import { findLabels as findLabelsIn, labelPattern, labelRegExp, type LabelSpec, type Separator } from '../text/labels.js'
import { lineIndexAt, type Page, squash, trimEndOf } from '../text/lines.js'

export type { Separator }

export interface LabelOccurrence {
  /** The label as written in the type description or the built-in list, lower-cased. */
  key: string
  /** The label as printed. */
  printed: string
  start: number
  end: number
  /** Offset where the value starts (after the separator). */
  valueStart: number
  sep: Separator
  /** Index into page.lines. */
  lineIdx: number
  atLineStart: boolean
  /** Printed in capitals ("IMPRESSION"). */
  caps: boolean
  /** The label is only the start of a longer heading ("DISPOSITION ON DISCHARGE:"): used after exact matches. */
  partial: boolean
}

/**
 * Labels seen on outside records that are not fields of the type: they end a value
 * ("Patient: Jane Doe  Sex: F") and start a new section.
 */
export const COMMON_LABELS: readonly string[] = [
  'Patient',
  'Patient Name',
  'Name',
  'Printed Name',
  'Print Name',
  'DOB',
  'D.O.B.',
  'Date of Birth',
  'Birth Date',
  'Age',
  'Sex',
  'Gender',
  'MRN',
  'MR#',
  'MR #',
  'Medical Record Number',
  'Medical Record #',
  'Account',
  'Account #',
  'Acct',
  'Acct #',
  'Room',
  'Bed',
  'Unit',
  'Phone',
  'Tel',
  'Telephone',
  'Fax',
  'Address',
  'SSN',
  'Insurance',
  'Encounter',
  'Encounter #',
  'Visit #',
  'FIN',
  'NPI',
  'CLIA',
  'CLIA #',
  'Attending',
  'Attending Physician',
  'Admitting Physician',
  'Referring Physician',
  'Ordering Physician',
  'Ordering Provider',
  'PCP',
  'Primary Care Physician',
  'Provider',
  'Physician',
  'Surgeon',
  'Assistant',
  'Anesthesia',
  'Anesthesiologist',
  'Anesthesia Type',
  'Date',
  'Time',
  'Date of Service',
  'DOS',
  'Visit Date',
  'Service Date',
  'Admission Date',
  'Discharge Date',
  'Accession',
  'Accession #',
  'Accession Number',
  'Specimen',
  'Collected',
  'Received',
  'Reported',
  'Status',
  'Report Status',
  'Ordered',
  'Order #',
  'Exam',
  'Examination',
  'Dictated',
  'Dictated by',
  'Transcribed',
  'Transcribed by',
  'Job #',
  'cc',
  'Facility',
  'Title',
  'Signature',
  'Relationship',
  'Witness',
  'Lab Director',
  'Laboratory Director',
  'Medical Director',
  'Page',
  'Comparison',
  'Technique',
  'Clinical History',
  'History',
  'Indication',
  'Indications',
  'Findings',
  'Impression',
  'Reason for Exam',
  'Complications',
  'Drains',
  'Fluids',
  'Tourniquet Time',
  'Urine Output',
  'Preoperative Diagnosis',
  'Preoperative Diagnoses',
  'Allergies',
  'Medications',
  'Current Medications',
  'Social History',
  'Family History',
  'Past Surgical History',
  'Vital Signs',
  'Plan',
  'Assessment',
  'Subjective',
  'Objective',
  'Diagnosis',
  'Diagnoses',
  'Discharge Diagnosis',
  'Discharge Diagnoses',
  'Hospital Course',
  'Re',
  'Subject',
  'From',
  'To',
  'Sincerely',
  'Comments',
  'Comment',
  'Note',
  'Notes',
  'Site',
  'Route',
  'Dose',
  'Report Date',
  'Date of Report',
  'Exam Date',
  'Date of Exam',
  'Study Date',
  'Order Date',
  'Ordered by',
  'Admit Date',
  'Arrival',
  'Location',
  'Service',
  'Department',
  'Accession No',
  'Visit',
  'Visit ID',
  'Order ID',
  'Requisition',
  'Requisition #',
  'Referring Provider',
  'Referred by',
  'Consultant',
  'Author',
  'Client',
  'Specimen ID',
  'Priority',
]

/** Words that, printed just before a generic label, make it a different label ("Printed Name", "Lab Address"). */
const MODIFIERS = new Set(
  (
    'printed print typed first last middle family given maiden mother mothers father fathers parent guardian witness ' +
    'insured subscriber guarantor employer emergency contact physician physicians provider doctor facility company street ' +
    'home work nurse specimen sample ordering referring attending admitting performing testing lab laboratory clinic ' +
    'office billing mailing vaccine product patient patients responsible report final reference'
  ).split(' '),
)

export interface CompiledLabel extends LabelSpec<string> {
  key: string
  /** A single ordinary word ("Name", "Date", "Findings"): trusted mid-line only in capitals or after a gap. */
  generic: boolean
}

const compiledCache = new Map<string, CompiledLabel>()

export function compileLabel(label: string): CompiledLabel {
  const key = label.trim().toLowerCase()
  const cached = compiledCache.get(key)
  if (cached) return cached
  const words = label.trim().split(/\s+/)
  const generic = words.length === 1 && !/^[A-Z0-9#./&-]{2,}$/.test(label.trim())
  // A label ending in # or . may touch its value; otherwise it must end a word.
  const re = labelRegExp(labelPattern(label), /[A-Za-z0-9]$/.test(label.trim()) ? 'word' : 'none')
  const c: CompiledLabel = { key, re, label: key, generic }
  compiledCache.set(key, c)
  return c
}

/** A colon right after the label: it wins over the heading forms below, which a dotted leader does not. */
const SEP_COLON_FIRST = /^[ \t]*(?:[:;]|#\s*:|=)/

function isCaps(s: string): boolean {
  return /[A-Z]/.test(s) && !/[a-z]/.test(s)
}

/** All label occurrences on a page, longest first where they overlap. */
export function findLabels(page: Page, labels: Iterable<string>): LabelOccurrence[] {
  const specs = new Map<string, CompiledLabel>()
  for (const label of labels) {
    const c = compileLabel(label)
    if (!specs.has(c.key)) specs.set(c.key, c)
  }
  return findLabelsIn(page.text, specs.values(), ({ label: key, printed, start, end, before, after, sep: found, valueStart }) => {
    const c = specs.get(key)!
    // Only the end of `before` matters; a bounded tail keeps the tests below linear on long lines.
    const tail = before.slice(-80)
    const caps = isCaps(printed)
    const atLineStart = /^[\s\-•*·>|]*$/.test(before)
    let sep = found
    let skip = valueStart - end
    let sm: RegExpExecArray | null
    let partial = false
    if (sep !== 'colon' || !SEP_COLON_FIRST.test(after)) {
      if (caps && /^,\s*\S/.test(after) && (/^[\s\-•*·>|]*$/.test(before) || /[.:;],\s*$/.test(before))) {
        // ".,ESTIMATED BLOOD LOSS,Minimal.," - headings set off by commas (text exported from spreadsheets).
        sep = 'colon'
        skip = /^,\s*/.exec(after)![0].length
      } else if (caps && (sm = /^(?:[ \t]+[A-Z][A-Z0-9/&'()\-]*){1,5}[ \t]*:[ \t]*/.exec(after))) {
        // "DISPOSITION ON DISCHARGE:" - the label starts a longer heading in capitals.
        sep = 'colon'
        skip = sm[0].length
        partial = true
      }
    }
    if (sep === null) return null
    // A lower-case word at the start of a line is prose wrapped from the line above ("laboratory; critical values...").
    if (atLineStart && !/^[A-Z]/.test(printed) && sep !== 'eol') return null
    if (!atLineStart) {
      // Mid-line: a capitalised label after a gap, or in capitals, or a specific (multi-word/acronym) label.
      if (!/^[A-Z]/.test(printed)) return null
      const gap = /(?:[ \t]{2,}|\t|[|;,)\]]\s*|[.!?]\s+)$/.test(tail)
      const prevWord = /([A-Za-z']+)\W*$/.exec(tail)?.[1]?.toLowerCase().replace(/'/g, '')
      if (prevWord && MODIFIERS.has(prevWord) && !/(?:[ \t]{2,}|\t|[|;,]\s*)$/.test(tail)) return null
      // "BASIC METABOLIC PANEL Specimen: Serum": a label after a word in capitals starts a new item.
      const afterCapsWord = /\b[A-Z]{3,}\s+$/.test(tail) && !caps
      if (c.generic && !gap && !caps && !(afterCapsWord && sep === 'colon')) return null
      if (sep === 'eol' && !(caps && /[.,;:)]\s*$/.test(tail))) return null
      if (sep === 'grid' && !gap) return null
    }
    return { key, printed, start, end, valueStart: end + skip, sep, lineIdx: lineIndexAt(page, start), atLineStart, caps, partial }
  })
}

/** A heading in capitals followed by a colon, anywhere ("...stable.,PLAN:, Follow up"), or set off by commas (".,DRAINS,None."). */
const CAPS_HEADING =
  /(?:^|(?<=[\s,.;:)]))([A-Z][A-Z0-9/&()'\- ]{1,60}[A-Z)])\s*:(?!\d)|(?:^|(?<=[.:],))([A-Z][A-Z0-9/&()'\- ]{2,60}[A-Z)]),(?=\S)/gm

/** Sub-headings inside an examination or review of systems: they do not end the section around them. */
const SUBSECTIONS = new Set(
  (
    'vital signs|vitals|general|general appearance|heent|head|eyes|ears|nose|throat|mouth|oropharynx|neck|chest|lungs|heart|' +
    'cardiac|cardiovascular|abdomen|abdominal|extremities|skin|neurologic|neurological|neuro|musculoskeletal|back|rectal|' +
    'pelvic|genitourinary|gu|breasts|breast|psychiatric|psych|lymphatic|lymph nodes|respiratory|pulmonary|gastrointestinal|gi|' +
    'constitutional|mental status|endocrine|hematologic|hematologic/lymphatic|allergic/immunologic|integumentary|vascular|' +
    'pulses|spine|gait|motor|sensory|reflexes|cranial nerves|ent|eyes/ent|head and neck|cv|resp|ext|msk|hent|lungs/chest'
  ).split('|'),
)

export function isSubsection(heading: string): boolean {
  return SUBSECTIONS.has(heading.trim().toLowerCase())
}
/** Lines that end a section: signatures, page markers, copies-to. */
const SECTION_END =
  /^\s*(?:(?:electronically|digitally)\s+signed|signed\s*(?:by)?\s*:|\/s\/|_{5,}|dictated\s+by|transcribed\s+by|d\s*:\s*\d|t\s*:\s*\d|cc\s*:|page\s+\d+\s+of\s+\d+|signature\s*:|authenticated\s+by|thank you for|sincerely)/i

export interface ReadOptions {
  multiline: boolean
  /** Occurrences on the page (to end a value at the next label). */
  occurrences: LabelOccurrence[]
  maxChars?: number
}

export interface ReadValue {
  text: string
  /** Offset in the page text of the first character of `text` (after trimming). */
  offset: number
  /** Raw region the value was read from (same-line part, then following lines). */
  region: string
}

function headingSpan(s: string, from: number): { start: number; end: number } | null {
  CAPS_HEADING.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = CAPS_HEADING.exec(s))) {
    const h = m[1] ?? m[2] ?? ''
    if (isSubsection(h)) continue
    // The heading text itself starts at its group.
    const start = m.index + m[0].indexOf(h)
    return { start, end: start + h.length }
  }
  return null
}

function nextHeadingIn(s: string, from: number): number {
  return headingSpan(s, from)?.start ?? -1
}

/**
 * Reads the value after a label occurrence: the rest of the line up to the next label, and for
 * multiline values the following lines up to the next heading, signature or two blank lines.
 */
export function readValue(page: Page, occ: LabelOccurrence, opts: ReadOptions): ReadValue | null {
  const maxChars = opts.maxChars ?? 4000
  const line = page.lines[occ.lineIdx]
  if (!line) return null
  const lineEnd = line.start + line.text.length
  const laterOnLine = opts.occurrences.filter(
    (o) =>
      o.lineIdx === occ.lineIdx &&
      o.start >= occ.valueStart &&
      (o.sep === 'colon' || o.sep === 'dash' || (o.sep === 'eol' && o.caps)) &&
      !(opts.multiline && isSubsection(o.printed)),
  )
  let end = lineEnd
  const nextOcc = laterOnLine[0]
  if (nextOcc) end = Math.min(end, nextOcc.start)
  // A heading in capitals may begin before the next label ("...biopsy.,ABNORMAL FINDINGS:").
  const restOfLine = page.text.slice(occ.valueStart, lineEnd)
  const hs = headingSpan(restOfLine, 0)
  if (hs && hs.start > 0) {
    const at = occ.valueStart + hs.start
    // "Daniel Kessler, MD ACCT:" - capitals run into a known label: the label is where the value ends.
    const inside = nextOcc && nextOcc.start >= at && nextOcc.start <= occ.valueStart + hs.end
    if (!inside) end = Math.min(end, at)
  }
  const sameLine = page.text.slice(occ.valueStart, end)
  let cut = sameLine.length
  if (!opts.multiline) {
    // Short values: a run of 3+ spaces, or "Word:" after a gap, starts another column.
    const col = /\s{3,}\S|\s{2,}[A-Z][A-Za-z .'/#()-]{0,30}:/.exec(sameLine)
    if (col && col.index > 0) cut = Math.min(cut, col.index)
  }
  let text = sameLine.slice(0, cut)
  let region = text
  const stoppedOnLine = cut < sameLine.length || end < lineEnd
  if (opts.multiline && !stoppedOnLine) {
    let blanks = 0
    for (let i = occ.lineIdx + 1; i < page.lines.length && text.length < maxChars; i++) {
      const l = page.lines[i]!
      if (l.text.trim() === '') {
        blanks++
        if (blanks >= 2) break
        text += '\n'
        continue
      }
      if (SECTION_END.test(l.text)) break
      const startsHeading = opts.occurrences.some(
        (o) => o.lineIdx === i && o.atLineStart && (o.sep === 'colon' || o.sep === 'dash' || o.sep === 'eol') && !isSubsection(o.printed),
      )
      if (startsHeading) break
      const h = nextHeadingIn(l.text, 0)
      if (h === 0 || (h > 0 && /^\s*$/.test(l.text.slice(0, h)))) break
      // Grid lines ("Sex: F    MRN: 123") are header rows, not prose.
      if (/\S\s*:\s+\S.*\s{2,}\S+\s*:/.test(l.text) && text.trim() !== '') break
      blanks = 0
      if (h > 0) {
        text += '\n' + l.text.slice(0, h)
        break
      }
      text += '\n' + l.text
    }
    region = text
  } else if (!opts.multiline && text.trim() === '' && (occ.sep === 'colon' || (occ.sep === 'eol' && occ.atLineStart))) {
    // "Attending Physician:" with the name on the next line.
    for (let i = occ.lineIdx + 1; i < page.lines.length && i <= occ.lineIdx + 2; i++) {
      const l = page.lines[i]!
      if (l.text.trim() === '') continue
      const startsLabel = opts.occurrences.some((o) => o.lineIdx === i && o.atLineStart && o.sep !== 'space')
      if (startsLabel || SECTION_END.test(l.text)) break
      const col = /\s{3,}\S/.exec(l.text)
      const piece = col ? l.text.slice(0, col.index) : l.text
      const lead = piece.length - piece.trimStart().length
      return finish(piece, l.start + lead, piece)
    }
    return null
  }
  return finish(text.slice(0, maxChars), occ.valueStart, region)
}

function finish(text: string, baseOffset: number, region: string): ReadValue | null {
  const lead = /^[\s,:;.\-–—]*/.exec(text)?.[0].length ?? 0
  const trimmed = trimEndOf(text.slice(lead), ' ,;:').replace(/\.,$/, '.')
  if (trimmed === '' || /^[_\s.\-]*$/.test(trimmed)) return null
  return { text: trimmed, offset: baseOffset + lead, region }
}

const BOX = /\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑■✓✔]|\[\s*\]|\(\s*\)|[☐□]/g
const CHECKED = /^(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑■✓✔])$/

/**
 * Keeps only the ticked options of a checkbox list ("[X] Discharge summary  [ ] Lab results").
 * Text without checkboxes is returned as is; a list with no box ticked gives ''.
 */
export function tickedOnly(text: string): string {
  const boxes = [...text.matchAll(BOX)]
  if (boxes.length === 0) return text
  const parts: string[] = []
  const lead = text.slice(0, boxes[0]!.index).trim()
  boxes.forEach((b, i) => {
    const from = b.index + b[0].length
    const to = boxes[i + 1]?.index ?? text.length
    if (CHECKED.test(b[0])) parts.push(squash(text.slice(from, to)))
  })
  if (parts.length === 0) return ''
  return lead && !/[:]$/.test(lead) ? `${lead} ${parts.join('; ')}` : parts.join('; ')
}

const CREDENTIAL_ITEM =
  /^(?:m\.?d\.?|d\.?o\.?|r\.?n\.?|n\.?p\.?|p\.?a\.?(?:-c)?|ph\.?d\.?|facs|facp|mph|dnp|aprn|fnp(?:-c)?|crna|lpn|dds|dpm|cst|surgical\s+tech(?:nologist)?)$/i

/** Splits a list value into items: numbered items, else lines, else ";" or short ","-separated parts. */
export function splitList(text: string): string[] {
  const clean = (xs: string[]): string[] => {
    const out: string[] = []
    for (const x of xs) {
      const item = squash(x.replace(/^[\s\-•*·]+/, '')).replace(/[,;]$/, '')
      if (item.length === 0) continue
      // "Maya Singh, PA-C": a credential belongs to the name before it.
      if (CREDENTIAL_ITEM.test(item) && out.length > 0) out[out.length - 1] += `, ${item}`
      else out.push(item)
    }
    return out
  }
  const numbered = text.split(/(?:^|\s)\(?\d{1,2}[.)]\s+(?=\S)/)
  if (numbered.length > 2) return clean(numbered)
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length > 1 && lines.every((l) => l.trim().length <= 120)) return clean(lines)
  const flat = squash(text)
  if (flat.includes(';')) return clean(flat.split(';'))
  const commas = flat.split(/,\s*(?![^()]*\))/)
  if (commas.length > 1 && commas.every((c) => c.length <= 60) && !/\band\b/i.test(commas[0] ?? '')) return clean(commas)
  return clean([flat])
}
