/** Header grids: a line of labels over a line of values, read by column or by the type of each value. */
import { type Cell, TEXT_SLACK, columnOf, textCells } from '../../text/grid.js'
import { findDates } from '../dates.js'
import { type MrnFormat, normalizeMrn } from '../mrn.js'
import { readDobValue } from './birthDates.js'
import { Collector, foundAt } from './collector.js'
import { type LabelHit, type LabelKind, type Line } from './labels.js'
import { type Token, bare, isNameWord, plausibleName, readNameValue, tokens } from './names.js'
import { readIdValue } from './recordNumbers.js'
import { type ExtractOptions } from './types.js'

const ID_KINDS = new Set<LabelKind>(['name', 'name-generic', 'dob', 'mrn', 'foreign', 'last', 'first'])

export function isLabelLine(line: Line): boolean {
  if (line.labels.length < 2) return false
  if (!line.labels.some((l) => ID_KINDS.has(l.def.kind))) return false
  let residue = line.text
  for (const l of [...line.labels].reverse()) residue = residue.slice(0, l.start) + ' '.repeat(l.end - l.start) + residue.slice(l.end)
  if (residue.replace(/[\s:|/#.\-_=]+/g, '').length <= 2) return true
  return qualifiedLabelCells(line)
}

/**
 * A row of cells, each a label with at most two words before it saying whose it is ("Ref. clinic MRN",
 * "MVIP Exam #") and nothing after it but a colon: a grid's labels, not labels with their values beside them.
 */
function qualifiedLabelCells(line: Line): boolean {
  const cells = textCells(line.text)
  if (cells.length < 2) return false
  return cells.every((c) => {
    const inCell = line.labels.filter((l) => l.start >= c.start && l.start < c.end)
    if (!inCell.length) return false
    const before = line.text.slice(c.start, inCell[0]!.start)
    const after = line.text.slice(inCell[inCell.length - 1]!.end, c.end)
    return /^[\s:#.\-_=]*$/.test(after) && !/[0-9:]/.test(before) && (before.match(/[\p{L}]+/gu) ?? []).length <= 2
  })
}

export function gridValues(
  col: Collector,
  labelLine: Line,
  valueLine: Line,
  mrnPattern: MrnFormat,
  opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>,
): void {
  const labels = labelLine.labels
  const segs = textCells(valueLine.text)
  // 1. Column alignment, when the text kept its spacing: each value under the label that starts
  //    at or just before it, and only when every value fits its label's type.
  if (segs.length >= 2 && textCells(labelLine.text).length >= 2) {
    const starts = labels.map((l) => l.start)
    // A value starting left of every label is under the first one.
    const assign = segs.map((s) => Math.max(0, columnOf(starts, s.start, TEXT_SLACK)))
    const unique = new Set(assign).size === assign.length
    const typeOk = segs.every((s, k) => cellFits(labels[assign[k]!]!, s.text, opts))
    if (unique && typeOk) {
      segs.forEach((s, k) => readGridCell(col, labels[assign[k]!]!, valueLine, s.start, s.end, mrnPattern, opts))
      const cellOf = (kind: LabelKind): Cell | undefined => segs.find((_, k) => labels[assign[k]!]!.def.kind === kind)
      const last = cellOf('last')
      const first = cellOf('first')
      if (last && first) addSplitName(col, valueLine, last, first, labels.find((l) => l.def.kind === 'last')!.labelText)
      return
    }
  }
  // 2. By type and order of the values (OCR keeps single spaces).
  const text = valueLine.text
  const dates = findDates(text, { order: opts.dateOrder, ocr: true, today: opts.today })
  // Dates are cut out before the rest is split into words, so "THOMAS11/11/1966" (a lost column gap) still parts.
  let masked = text
  for (const d of dates) masked = masked.slice(0, d.start) + ' '.repeat(d.end - d.start) + masked.slice(d.end)
  const toks = tokens(masked)
  const idToks = toks.filter((t) => {
    const b = bare(t.text)
    return (b.match(/[0-9]/g) ?? []).length >= 4 && !/^\d{1,3}\s*(?:y|yo|yrs?)$/i.test(b)
  })
  const dateLabels = labels.filter((l) => l.def.kind === 'dob' || l.def.kind === 'date-other')
  const idLabels = labels.filter((l) => l.def.kind === 'mrn' || l.def.kind === 'foreign' || l.def.kind === 'ignore-id')
  if (dateLabels.length === dates.length) {
    dateLabels.forEach((l, i) => {
      if (l.def.kind !== 'dob') return
      const d = dates[i]!
      col.addDate(d, 0.8, foundAt(valueLine, d.start, d.raw.length, l.labelText, 'grid'))
    })
  }
  if (idLabels.length === idToks.length) {
    idLabels.forEach((l, i) => {
      const t = idToks[i]!
      readIdValue(col, valueLine, l, t.start, t.end, mrnPattern, 'grid')
    })
  } else {
    // Counts differ: a blank cell would shift the numbers, so none of them is taken as our MRN.
    for (const t of idToks) {
      col.addId(
        'foreign',
        {
          value: normalizeMrn(bare(t.text)),
          raw: bare(t.text),
          kind: 'other',
          repaired: false,
          confidence: 0.3,
          whyNotOurs: 'a number in a header grid whose column could not be told',
        },
        foundAt(valueLine, t.start, t.text.length, null, 'grid'),
      )
    }
  }
  const nameLabel = labels.find((l) => l.def.kind === 'name' || l.def.kind === 'name-generic')
  const lastLabel = labels.find((l) => l.def.kind === 'last')
  const firstLabel = labels.find((l) => l.def.kind === 'first')
  if (!nameLabel && lastLabel && firstLabel) splitNameByType(col, labels, valueLine, masked, lastLabel, firstLabel)
  if (nameLabel) {
    const textLabels = labels.filter(
      (l) => ['name', 'name-generic', 'other', 'letter'].includes(l.def.kind) && !/^(?:sex|gender|age)$/i.test(l.labelText),
    )
    // Alphabetic runs between the dates and numbers.
    const runs: Cell[] = []
    let cur: Token[] = []
    const flush = (): void => {
      if (cur.length)
        runs.push({ text: text.slice(cur[0]!.start, cur[cur.length - 1]!.end), start: cur[0]!.start, end: cur[cur.length - 1]!.end })
      cur = []
    }
    for (const t of tokens(masked)) {
      const sexOrAge = /^(?:M|F|MALE|FEMALE|U|X|\d{1,3}\s*(?:Y|YO|YRS?))$/i.test(bare(t.text))
      if (!isNameWord(t.text) || sexOrAge) flush()
      else cur.push(t)
    }
    flush()
    const idx = textLabels.indexOf(nameLabel)
    const run = runs.length === textLabels.length ? runs[idx] : idx === 0 && labels[0] === nameLabel ? runs[0] : undefined
    if (run) readNameValue(col, valueLine, run.start, run.end, nameLabel.labelText, 'grid', 0.8, true)
  }
}

function cellFits(label: LabelHit, value: string, opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>): boolean {
  switch (label.def.kind) {
    case 'dob':
    case 'date-other':
      return findDates(value, { order: opts.dateOrder, ocr: true, today: opts.today, compact: true })[0]?.start === 0
    case 'mrn':
    case 'foreign':
    case 'ignore-id':
      return /^[#:\s]*[A-Za-z0-9|!-]*[0-9][A-Za-z0-9|!-]*(?:\s[0-9OQIl|]+)?$/.test(value)
    case 'name':
    case 'name-generic':
      return isNameWord(tokens(value)[0]?.text ?? '')
    default:
      return true
  }
}

function readGridCell(
  col: Collector,
  label: LabelHit,
  line: Line,
  start: number,
  end: number,
  mrnPattern: MrnFormat,
  opts: Required<Pick<ExtractOptions, 'dateOrder' | 'today'>>,
): void {
  switch (label.def.kind) {
    case 'name':
    case 'name-generic':
      readNameValue(col, line, start, end, label.labelText, 'grid', 0.85, true)
      break
    case 'dob':
      readDobValue(col, line, label, start, end, 'grid', opts)
      break
    case 'mrn':
    case 'foreign':
    case 'ignore-id':
      readIdValue(col, line, label, start, end, mrnPattern, 'grid')
      break
    default:
      break
  }
}

/** Family and given name from a grid's Last / First columns. */
function addSplitName(col: Collector, line: Line, last: Cell, first: Cell, label: string): void {
  const fam = last.text.trim().split(/\s+/).filter(isNameWord).slice(0, 3)
  const given = first.text.trim().split(/\s+/).filter(isNameWord)
  if (!fam.length || !given.length) return
  const n = { familyName: fam.map(bare).join(' '), givenName: bare(given[0]!), middleName: given[1] ? bare(given[1]) : null, suffix: null }
  if (!plausibleName(n)) return
  const start = Math.min(last.start, first.start)
  const end = Math.max(last.end, first.end)
  col.addName({ ...n, order: 'fields' }, `${last.text.trim()}, ${first.text.trim()}`, 0.8, foundAt(line, start, end - start, label, 'grid'))
}

/**
 * A grid with Last Name and First Name columns whose spacing OCR lost: the name words between the dates
 * and numbers. Read only when the two labels are next to each other and the row holds one run of two or
 * three name words (LAST FIRST, LAST FIRST M, in the labels' order).
 */
function splitNameByType(col: Collector, labels: LabelHit[], line: Line, masked: string, lastLabel: LabelHit, firstLabel: LabelHit): void {
  const li = labels.indexOf(lastLabel)
  const fi = labels.indexOf(firstLabel)
  if (Math.abs(li - fi) !== 1) return
  // A single M or F is the sex, unless the grid has a middle-initial column and none for sex.
  const initials = labels.some((l) => l.def.kind === 'middle') && !labels.some((l) => /^(?:sex|gender)$/i.test(l.labelText))
  const words: Token[][] = [[]]
  for (const t of tokens(masked)) {
    const b = bare(t.text)
    const sexOrAge = /^(?:MALE|FEMALE|\d{1,3}\s*(?:Y|YO|YRS?))$/i.test(b) || (!initials && /^[MFUX]$/i.test(b))
    if (isNameWord(t.text) && !sexOrAge) words[words.length - 1]!.push(t)
    else if (words[words.length - 1]!.length) words.push([])
  }
  const runs = words.filter((w) => w.length)
  if (runs.length !== 1 || runs[0]!.length < 2 || runs[0]!.length > 3) return
  const [a, b, c] = runs[0]!
  const [famTok, givenTok] = li < fi ? [a!, b!] : [b!, a!]
  const cell = (t: Token): Cell => ({ text: t.text, start: t.start, end: t.end })
  const given: Cell = c ? { text: `${givenTok.text} ${c.text}`, start: givenTok.start, end: c.end } : cell(givenTok)
  addSplitName(col, line, cell(famTok), given, lastLabel.labelText)
}
