/**
 * extractFields: the elements a document type's description asks for, each with where it was
 * found. The type description (rules/doctypes/<type>.json `fields`) says what to look for and
 * under which printed labels; this module is only the general machinery.
 */
import type { DocumentType, ExtractedText } from '../model/types.js'
import { type DateOptions, firstDate } from './dates.js'
import { readLabTable, type LabTest } from './labTable.js'
import { rowOf, withLabResults } from './labResults.js'
import { COMMON_LABELS, compileLabel, findLabels, type LabelOccurrence, readValue, splitList, tickedOnly } from './labels.js'
import { type GridCell, readGrid } from './grid.js'
import { readLetterhead } from './letterhead.js'
import { nameFrom } from './names.js'
import { detectMissingPages } from './pages.js'
import { withoutPageFurniture } from './pageFurniture.js'
import { roiElements } from './roi.js'
import { detectSignature, type SignatureResult } from './signature.js'
import { lineOf, type Page, squash, toPages, trimEndOf } from '../text/lines.js'
import type {
  DocumentStatusGuess,
  ExtractionProblem,
  FieldDef,
  FieldExtraction,
  FieldHit,
  FieldValueOut,
  TypeDefLike,
  Via,
} from './types.js'

export interface ExtractOptions extends DateOptions {
  /** Today's date (ISO) for judging an authorization's expiry; default: no judgement. */
  asOf?: string
}

/** Labels that give a date of service when the type's own date fields are not there. */
const FALLBACK_DOS_LABELS = ['Date of Service', 'DOS', 'Service Date', 'Date of Visit', 'Visit Date', 'Encounter Date']
const FALLBACK_AUTHOR_LABELS = ['Dictated by', 'Dictating Physician', 'Provider', 'Physician']
const FALLBACK_FACILITY_LABELS = ['Facility', 'Facility Name', 'Performing Facility', 'Location']

interface PageLabels {
  page: Page
  occ: LabelOccurrence[]
  /** Line indexes that look like table header rows (several labels, no colons). */
  headerRows: Set<number>
  /** Label/value pairs read from header grids by OCR word position. */
  grid: GridCell[]
}

/** Where a value's text lies on its page, so that one section cannot run over the next field's. */
interface Span {
  page: number
  /** Start of the label (or of the value when there is no label). */
  start: number
  valueStart: number
  end: number
}

interface Ctx {
  spans: Map<FieldHit, Span>
  pages: PageLabels[]
  signature: SignatureResult
  labTests: LabTest[] | null
  opts: ExtractOptions
  problems: ExtractionProblem[]
}

function defaultMultiline(def: FieldDef): boolean {
  return def.multiline ?? (def.kind === 'text' || def.kind === 'list')
}

function mkHit<V extends FieldValueOut>(page: Page, offset: number, value: V, label: string | null, via: Via, raw?: string): FieldHit<V> {
  const hit: FieldHit<V> = { value, page: page.page, offset, line: lineOf(page, offset), label, via }
  if (raw !== undefined) hit.raw = raw
  return hit
}

/** Turns a raw value into the field's kind, or null when it is not a believable value of that kind. */
function convert(
  def: FieldDef,
  page: Page,
  text: string,
  offset: number,
  label: string | null,
  via: Via,
  ctx: Ctx,
  sep?: string,
): FieldHit | null {
  switch (def.kind) {
    case 'date': {
      const d = firstDate(text, ctx.opts)
      if (!d || (sep === 'space' && d.index > 2)) {
        if (label !== null && sep !== 'space' && text.trim() !== '')
          ctx.problems.push({
            field: def.name,
            message: `"${label}" is followed by "${squash(text).slice(0, 40)}", which is not a readable date`,
            page: page.page,
            line: lineOf(page, offset),
          })
        return null
      }
      return mkHit(page, offset + d.index, d.iso, label, via, d.raw)
    }
    case 'person': {
      const firstLine = text.split('\n')[0] ?? ''
      const n = nameFrom(firstLine)
      if (!n) return null
      return mkHit(page, offset + Math.max(0, firstLine.indexOf(n.slice(0, 3))), n, label, via)
    }
    case 'facility': {
      // Phone and fax numbers printed after a facility are not part of it.
      const v = squash(text.split('\n')[0] ?? '')
        .replace(/[,;]?\s*\b(?:tel|phone|ph|fax)\b\.?\s*:?\s*(?:\(?\d{3}\)?[\s.-]*(?:\d{3}[\s.-]*\d{4})?)?\s*$/i, '')
        .replace(/[,;:]+$/, '')
      if ((v.match(/[A-Za-z]/g) ?? []).length < 3 || v.length > 160) return null
      return mkHit(page, offset, v, label, via)
    }
    case 'list': {
      const items = splitList(tickedOnly(text))
      if (items.length === 0) return null
      return mkHit(page, offset, items, label, via)
    }
    default: {
      const v = squash(tickedOnly(text)).slice(0, 4000)
      if (v === '' || /^[_\-.\s]+$/.test(v)) return null
      return mkHit(page, offset, v, label, via)
    }
  }
}

function fromLabels(def: FieldDef, labels: ReadonlyArray<string>, ctx: Ctx, via: Via = 'label'): FieldHit | null {
  const multiline = defaultMultiline(def)
  // Exact headings first; a label that only starts a longer heading ("DISPOSITION ON DISCHARGE:") after.
  for (const partial of [false, true])
    for (const label of labels) {
      const key = compileLabel(label).key
      for (const pl of ctx.pages) {
        for (const o of pl.occ) {
          if (o.key !== key || o.partial !== partial) continue
          if (o.partial && !multiline) continue
          if (o.sep === 'space' && def.kind !== 'date') continue
          if (pl.headerRows.has(o.lineIdx) && o.sep !== 'colon' && o.sep !== 'dash') continue
          const rv = readValue(pl.page, o, { multiline, occurrences: pl.occ })
          if (!rv) continue
          const hit = convert(def, pl.page, rv.text, rv.offset, o.printed.trim(), via, ctx, o.sep)
          if (hit) {
            ctx.spans.set(hit, { page: pl.page.page, start: o.start, valueStart: rv.offset, end: rv.offset + rv.text.length })
            return hit
          }
        }
        if (partial) continue
        for (const cell of pl.grid) {
          if (cell.key !== key) continue
          const at = cell.offset >= 0 ? cell.offset : (pl.page.lines[cell.line - 1]?.start ?? 0)
          const hit = convert(def, pl.page, cell.value, at, cell.printed, 'table', ctx)
          if (hit) return hit
        }
      }
    }
  return null
}

const patternCache = new Map<string, RegExp | null>()

function compilePattern(src: string): RegExp | null {
  if (patternCache.has(src)) return patternCache.get(src) ?? null
  let re: RegExp | null = null
  try {
    re = new RegExp(src, 'gimd')
  } catch {
    re = null
  }
  patternCache.set(src, re)
  return re
}

function fromPatterns(def: FieldDef, ctx: Ctx): FieldHit | null {
  for (const src of def.patterns ?? []) {
    const re = compilePattern(src)
    if (!re) {
      ctx.problems.push({ field: def.name, message: `pattern is not a valid regular expression: ${src}` })
      continue
    }
    for (const pl of ctx.pages) {
      re.lastIndex = 0
      for (const m of pl.page.text.matchAll(re)) {
        const idx = (
          m as RegExpMatchArray & {
            indices?: { groups?: Record<string, [number, number] | undefined> } & Array<[number, number] | undefined>
          }
        ).indices
        const named = m.groups?.value
        let value: string
        let at: number
        if (named !== undefined) {
          value = named
          at = idx?.groups?.value?.[0] ?? m.index ?? 0
        } else if (m[1] !== undefined) {
          value = m[1]
          at = idx?.[1]?.[0] ?? m.index ?? 0
        } else {
          value = m[0]
          at = m.index ?? 0
        }
        const lead = value.length - value.trimStart().length
        const hit = convert(def, pl.page, value.trim(), at + lead, null, 'pattern', ctx)
        if (hit) {
          ctx.spans.set(hit, { page: pl.page.page, start: at + lead, valueStart: at + lead, end: at + lead + value.trim().length })
          return hit
        }
      }
    }
  }
  return null
}

/** Header rows ("Vaccine   Date Given   Manufacturer   Lot #") with values in the rows under them. */
function fromColumns(def: FieldDef, ctx: Ctx): FieldHit | null {
  const keys = new Set(def.labels.map((l) => compileLabel(l).key))
  for (const pl of ctx.pages) {
    for (const hdrIdx of pl.headerRows) {
      const cols = pl.occ.filter((o) => o.lineIdx === hdrIdx).sort((a, b) => a.start - b.start)
      const colIdx = cols.findIndex((c) => keys.has(c.key))
      if (colIdx < 0) continue
      const header = pl.page.lines[hdrIdx]!
      const items: FieldHit[] = []
      for (let i = hdrIdx + 1; i < pl.page.lines.length && i <= hdrIdx + 30; i++) {
        const row = pl.page.lines[i]!
        if (row.text.trim() === '') {
          if (items.length > 0) break
          continue
        }
        if (pl.occ.some((o) => o.lineIdx === i && (o.sep === 'colon' || pl.headerRows.has(i)))) break
        let cell: { text: string; at: number } | null = null
        if (row.text.includes('|') && header.text.includes('|')) {
          const hCells = header.text.split('|')
          const target = hCells.findIndex((h) => h.toLowerCase().includes(cols[colIdx]!.printed.toLowerCase()))
          const rCells = row.text.split('|')
          if (target >= 0 && rCells.length === hCells.length) {
            const at = rCells.slice(0, target).reduce((a, c) => a + c.length + 1, 0)
            cell = { text: rCells[target]!, at }
          }
        }
        if (!cell) {
          const parts = [...row.text.matchAll(/\S(?:.*?\S)?(?=\s{2,}|\t|$)/g)]
          if (parts.length === cols.length) {
            const p = parts[colIdx]!
            cell = { text: p[0], at: p.index }
          }
        }
        if (!cell) {
          const from = cols[colIdx]!.start - header.start
          const to = cols[colIdx + 1] ? cols[colIdx + 1]!.start - header.start : row.text.length
          if (row.text.length > from) cell = { text: row.text.slice(from, to), at: from }
        }
        if (!cell || cell.text.trim() === '') continue
        const lead = cell.text.length - cell.text.trimStart().length
        const hit = convert(
          { ...def, kind: def.kind === 'list' ? 'text' : def.kind },
          pl.page,
          cell.text.trim(),
          row.start + cell.at + lead,
          cols[colIdx]!.printed.trim(),
          'table',
          ctx,
        )
        if (hit) {
          if (def.kind !== 'list') return hit
          items.push(hit)
        }
      }
      if (items.length > 0) return { ...items[0]!, value: items.map((h) => String(h.value)) }
    }
  }
  return null
}

function fromLabTable(def: FieldDef, ctx: Ctx): FieldHit | null {
  const tests = ctx.labTests ?? []
  if (tests.length === 0) return null
  const col = def.source?.split('.')[1] as 'testName' | 'result' | 'units' | 'referenceRange'
  const pick = (t: LabTest): string | null =>
    col === 'testName' ? t.name : col === 'result' ? t.result : col === 'units' ? t.units : t.referenceRange
  const rows = tests.filter((t) => pick(t) !== null)
  const first = rows[0]
  if (!first) return null
  const page = ctx.pages.find((p) => p.page.page === first.page)?.page
  if (!page) return null
  const values = rows.map((t) => pick(t)!)
  const v: FieldValueOut = def.kind === 'list' ? values : values.join('; ')
  return { value: v, page: first.page, offset: first.offset, line: first.line, label: null, via: 'lab-table' }
}

function fieldHit(def: FieldDef, ctx: Ctx, letterhead: ReturnType<typeof readLetterhead>): FieldHit | null {
  const src = def.source
  if (src === 'signature') {
    const s = ctx.signature
    if (!s.present || !s.by || !s.location) return null
    return { value: s.by, page: s.location.page, offset: s.location.offset, line: s.location.line, label: null, via: 'signature' }
  }
  if (src === 'signatureDate') {
    const s = ctx.signature
    if (!s.present) return null
    if (s.date && s.location) {
      return { value: s.date, page: s.location.page, offset: s.location.offset, line: s.location.line, label: null, via: 'signature' }
    }
    // The date may sit apart from the signature ("Date signed: ..."): only specific labels, never a bare "Date".
    return fromLabels(
      def,
      def.labels.filter((l) => !compileLabel(l).generic),
      ctx,
    )
  }
  if (src?.startsWith('labTable.')) {
    if ((ctx.labTests ?? []).length > 0) return fromLabTable(def, ctx)
  }
  const hit = fromLabels(def, def.labels, ctx) ?? fromPatterns(def, ctx) ?? fromColumns(def, ctx)
  if (hit) return hit
  // The type's author (radiologist, consultant, surgeon...) is the signer when no label names them.
  if (def.kind === 'person' && def.author !== undefined) {
    const s = ctx.signature
    if (s.present && s.by && s.location)
      return { value: s.by, page: s.location.page, offset: s.location.offset, line: s.location.line, label: null, via: 'signature' }
  }
  if (src === 'letterhead' && letterhead.name) {
    const l = letterhead.name
    return { value: l.value, page: l.page, offset: l.offset, line: l.line, label: null, via: 'letterhead' }
  }
  if (src === 'letterheadAddress' && letterhead.address) {
    const l = letterhead.address
    return { value: l.value, page: l.page, offset: l.offset, line: l.line, label: null, via: 'letterhead' }
  }
  return null
}

/**
 * A section read up to "the next heading" can swallow text that is another field (a statement
 * sentence, a date line) or the signature block when the document has no heading in between:
 * such a section ends where the other field or the signature begins.
 */
function trimOverruns(defs: ReadonlyArray<FieldDef>, fields: Record<string, FieldHit>, ctx: Ctx): void {
  const sigStarts = [...ctx.signature.findings.map((f) => f.location), ...ctx.signature.unsignedMarkers.map((m) => m.location)]
  for (const def of defs) {
    const hit = fields[def.name]
    if (!hit || !defaultMultiline(def) || hit.via !== 'label') continue
    const span = ctx.spans.get(hit)
    if (!span) continue
    let cut = span.end
    for (const [other, os] of ctx.spans) {
      if (other === hit || os.page !== span.page) continue
      if (os.start > span.valueStart && os.start < cut) cut = os.start
    }
    for (const loc of sigStarts) {
      if (loc.page === span.page && loc.offset > span.valueStart && loc.offset < cut) cut = loc.offset
    }
    if (cut >= span.end) continue
    const page = ctx.pages.find((p) => p.page.page === span.page)?.page
    if (!page) continue
    const trimmed = convert(def, page, trimEndOf(page.text.slice(span.valueStart, cut), ' ,;'), span.valueStart, hit.label, hit.via, ctx)
    if (trimmed) {
      fields[def.name] = trimmed
      ctx.spans.set(trimmed, { ...span, end: cut })
    } else delete fields[def.name]
  }
}

const STATUS_RE =
  /^\s*(?:report\s+)?status\s*:\s*(preliminary|prelim|final|amended|corrected|addendum)\b|^\W*(preliminary|final|amended|corrected)\s+(?:report|result|read|copy)\b|^\W*(addendum|amended\s+report|corrected\s+report)\b/gim

function readStatus(pages: Page[]): DocumentStatusGuess {
  let best: DocumentStatusGuess = null
  const rank = { preliminary: 1, final: 2, amended: 3, corrected: 3 } as const
  for (const p of pages) {
    for (const m of p.text.matchAll(STATUS_RE)) {
      const w = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase()
      const s: Exclude<DocumentStatusGuess, null> = w.startsWith('prelim')
        ? 'preliminary'
        : w.startsWith('final')
          ? 'final'
          : w.startsWith('corrected')
            ? 'corrected'
            : 'amended'
      if (best === null || rank[s] > rank[best]) best = s
    }
  }
  return best
}

function headerRowsOf(page: Page, occ: LabelOccurrence[]): Set<number> {
  const byLine = new Map<number, LabelOccurrence[]>()
  for (const o of occ) byLine.set(o.lineIdx, [...(byLine.get(o.lineIdx) ?? []), o])
  const rows = new Set<number>()
  for (const [i, list] of byLine) {
    if (list.length >= 3 && list.every((o) => o.sep === 'grid' || o.sep === 'eol' || o.sep === 'space')) {
      // Nothing but the labels on the line: a column header.
      const line = page.lines[i]!
      let rest = line.text
      for (const o of [...list].sort((a, b) => b.start - a.start)) {
        rest = rest.slice(0, o.start - line.start) + rest.slice(o.end - line.start)
      }
      if (rest.replace(/[\s|#:]/g, '').length <= 3) rows.add(i)
    }
  }
  return rows
}

/**
 * Extracts the fields of a document of type `docType`, as described by `typeDef`
 * (a loaded `rules/doctypes/<type>.json`).
 *
 * @example
 *   const set = loadDocTypes()
 *   const r = extractFields('radiology_report', extracted, set.byType.get('radiology_report')!)
 *   r.fields.impression?.value  // 'No acute cardiopulmonary process.'
 *   r.dateOfService?.value      // '2024-03-05'
 */
export function extractFields(
  docType: DocumentType | string,
  text: ExtractedText | string,
  typeDef: TypeDefLike | null | undefined,
  opts: ExtractOptions = {},
): FieldExtraction {
  const printed = toPages(text)
  // Fields are read without running headers, footers and fax banners; page markers, the
  // letterhead and the signature are read from the pages as printed.
  const pages = withoutPageFurniture(printed)
  const defs = typeDef?.fields ?? []
  const inventory = new Set<string>()
  for (const d of defs) for (const l of d.labels) inventory.add(l)
  for (const l of [...COMMON_LABELS, ...FALLBACK_DOS_LABELS, ...FALLBACK_AUTHOR_LABELS, ...FALLBACK_FACILITY_LABELS]) inventory.add(l)
  const pls: PageLabels[] = pages.map((page) => {
    const occ = findLabels(page, inventory)
    return { page, occ, headerRows: headerRowsOf(page, occ), grid: readGrid(page, page.words, inventory) }
  })
  const signature = detectSignature(text, opts)
  const wantsTable = docType === 'lab_report' || defs.some((d) => d.source?.startsWith('labTable.'))
  const labTests = wantsTable ? readLabTable(pages) : null
  const ctx: Ctx = { spans: new Map(), pages: pls, signature, labTests, opts, problems: [] }
  const letterhead = readLetterhead(printed, typeDef?.signals?.titles ?? [])

  const fields: Record<string, FieldHit> = {}
  for (const def of defs) {
    const hit = fieldHit(def, ctx, letterhead)
    if (hit) fields[def.name] = hit
  }
  trimOverruns(defs, fields, ctx)
  const missing = defs.filter((d) => d.required && fields[d.name] === undefined).map((d) => d.name)

  const ranked = (key: 'dateOfService' | 'author' | 'sendingFacility'): FieldDef[] =>
    defs.filter((d) => d[key] !== undefined && fields[d.name] !== undefined).sort((a, b) => (a[key] ?? 0) - (b[key] ?? 0))

  let dateOfService: FieldExtraction['dateOfService'] = null
  const dosDef = ranked('dateOfService')[0]
  if (dosDef) dateOfService = { ...(fields[dosDef.name] as FieldHit<string>), field: dosDef.name }
  else {
    const h = fromLabels(
      { name: 'dateOfService', label: 'Date of service', required: false, kind: 'date', labels: [] },
      FALLBACK_DOS_LABELS,
      ctx,
      'fallback-label',
    )
    if (h) dateOfService = { ...(h as FieldHit<string>), field: null }
  }

  let author: FieldExtraction['author'] = null
  const authorDef = ranked('author')[0]
  if (authorDef) author = { ...(fields[authorDef.name] as FieldHit<string>), field: authorDef.name }
  else if (signature.present && signature.by && signature.location) {
    const l = signature.location
    author = { value: signature.by, page: l.page, offset: l.offset, line: l.line, label: null, via: 'signature', field: null }
  } else {
    const h = fromLabels(
      { name: 'author', label: 'Author', required: false, kind: 'person', labels: [] },
      FALLBACK_AUTHOR_LABELS,
      ctx,
      'fallback-label',
    )
    if (h) author = { ...(h as FieldHit<string>), field: null }
  }

  let facility: FieldExtraction['facility'] = null
  const facDef = ranked('sendingFacility')[0]
  if (facDef) facility = { ...(fields[facDef.name] as FieldHit<string>), field: facDef.name }
  else {
    const h = fromLabels(
      { name: 'facility', label: 'Facility', required: false, kind: 'facility', labels: [] },
      FALLBACK_FACILITY_LABELS,
      ctx,
      'fallback-label',
    )
    if (h) facility = { ...(h as FieldHit<string>), field: null }
    else if (letterhead.name) facility = { ...letterhead.name, label: null, via: 'letterhead', field: null }
    else if (letterhead.faxFrom) facility = { ...letterhead.faxFrom, label: 'FROM', via: 'fax-header', field: null }
  }
  const facilityAddress: FieldHit<string> | null = letterhead.address ? { ...letterhead.address, label: null, via: 'letterhead' } : null

  if (labTests) {
    for (const t of labTests) {
      if (t.referenceRange === null && /\d/.test(t.result) && !/^[<>]/.test(t.result))
        ctx.problems.push({
          field: 'referenceRange',
          message: `test "${t.name}" has a result without a reference interval`,
          page: t.page,
          line: t.line,
        })
    }
  }

  const result: FieldExtraction = {
    docType,
    fields,
    missing,
    dateOfService,
    author,
    facility,
    facilityAddress,
    signature,
    pages: detectMissingPages(printed.map((p) => ({ text: p.text }))),
    status: readStatus(pages),
    problems: ctx.problems,
  }
  if (labTests) result.labTests = labTests
  if (docType === 'roi_authorization') result.roi = roiElements(fields, signature, opts)
  return result
}

/**
 * The plain values the chart model carries (`ChartDocument.fields`): one value per field found,
 * plus `labResults` rows for lab reports and `roi` for authorizations. The lab table's columns
 * stay as the type's elements (`testName`, `result`, ... "; "-joined) because the checks name them.
 */
export function toChartFields(x: FieldExtraction): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, h] of Object.entries(x.fields)) out[k] = h.value
  if (x.labTests && x.labTests.length > 0) out.labResults = x.labTests.map(rowOf)
  if (x.roi) {
    const { missing: _m, ...roi } = x.roi
    out.roi = roi
  }
  // Lab results are rows (test, value, units, range, flag); one test read from labels is a row too.
  return withLabResults(out)
}
