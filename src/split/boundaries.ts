/**
 * Where the documents in a received file begin, from what its pages say. Each page gets a
 * confidence that a new document starts on it, from the evidence read on it and the page
 * before (noisy-OR of independent signs, held down by signs of continuation). A cut is made
 * only when sure; a likely one is proposed and the file waits for a person, as filing does.
 *
 * The hard case is two documents of one type for one patient back to back: nothing changes
 * but the "Page 1 of N", a signature closing the first, a title block opening the second.
 * The opposite mistake, cutting one long document, is held off by its page numbers running on
 * and by one sign alone never being enough.
 */
import { pagesAnnounced } from './coverSheet.js'
import type { PageIds, PageReading } from './pageReading.js'

export interface Boundary {
  /** The first page (1-based, of the received file) of the document that starts here. */
  page: number
  confidence: number
  /** Why, in words a clerk can read (no patient data). */
  reasons: string[]
}

export interface PageRange {
  from: number
  to: number
  /**
   * Blank pages between `from` and `to` (a faxed sheet with only its banner, the back of a
   * sheet): kept in the received file, left out of the part's own pages and never filed.
   */
  blank?: number[]
}

/** The pages of the received file a part holds (its range without the blank pages left out). */
export function pagesOf(r: PageRange): number[] {
  const out: number[] = []
  for (let n = r.from; n <= r.to; n++) if (!r.blank?.includes(n)) out.push(n)
  return out
}

export interface SplitPlan {
  pageCount: number
  /** The documents as proposed: separator sheets and wholly blank stretches are in none. */
  parts: PageRange[]
  /** Every proposed cut (confidence at least PROPOSE), with its confidence and reasons. */
  cuts: Boundary[]
  /** Separator sheets found (never filed). */
  separators: number[]
  /** Fax cover sheets found: each the first page of the document it announces (or a part of its own, by the desk's policy). */
  covers?: number[]
  /**
   * Pages naming no patient that hold to the pages naming one only by a doubtful link (another
   * document may start on them): a part holding one waits for a person, since it would be filed
   * on its neighbours' identity. Only in a file that holds more than one document.
   */
  adrift?: number[]
  /** True when every cut is sure, no likely cut was left out and no page is adrift: the parts can be filed as they are. */
  certain: boolean
}

/** A cut this sure is made without asking. */
export const SURE = 0.9
/** A cut this likely is proposed to a person. */
export const PROPOSE = 0.5

interface Sign {
  p: number
  why: string
}

/**
 * Where a fax cover sheet goes: 'with-document' (the records desk's policy, the default) makes it
 * the first page of the document it announces, never a part of its own and never cut off from
 * what follows; 'own-part' makes it a part of its own.
 */
export type FaxCoverPolicy = 'with-document' | 'own-part'

export interface PlanOptions {
  sure?: number
  propose?: number
  faxCover?: FaxCoverPolicy
}

export function planSplit(read: readonly PageReading[], opts: PlanOptions = {}): SplitPlan {
  const pages = withoutTransmissionCounts(read)
  const sure = opts.sure ?? SURE
  const propose = opts.propose ?? PROPOSE
  const separators = pages.filter((p) => p.separator).map((p) => p.page)
  const announced = coverSpans(pages)
  const cuts: Boundary[] = []
  const starts: number[] = []
  // How likely each page kept in a part was to start a document of its own (the link to the page before).
  const links = new Map<number, number>()
  let part: PageReading[] = []
  let afterSeparator = false
  for (const pg of pages) {
    if (pg.separator) {
      afterSeparator = true
      continue
    }
    if (part.length === 0) {
      part.push(pg)
      starts.push(pg.page)
      if (afterSeparator && starts.length > 1)
        cuts.push({ page: pg.page, confidence: 1, reasons: ['a separator sheet comes before this page'] })
      afterSeparator = false
      continue
    }
    if (afterSeparator) {
      afterSeparator = false
      cuts.push({ page: pg.page, confidence: 1, reasons: ['a separator sheet comes before this page'] })
      starts.push(pg.page)
      part = [pg]
      continue
    }
    // A blank page never starts a document (it is the back of a sheet); it only hints that one may follow.
    if (pg.blank || part.every((x) => x.blank)) {
      part.push(pg)
      continue
    }
    const context = { faxCover: opts.faxCover, announced: announced.get(pg.page) }
    const b = scoreStart(pg, part, nextContent(pages, pg.page), context)
    if (b.confidence >= propose) {
      cuts.push(b)
      starts.push(pg.page)
      part = [pg]
    } else {
      // The back of a sheet left blank is no sign that this page is of another document (a duplex
      // scan has one behind every sheet): the link is weighed without it.
      const sheetBack = part.at(-1)!.blank
      const kept = sheetBack ? part.slice(0, part.findLastIndex((x) => !x.blank) + 1) : part
      links.set(pg.page, sheetBack ? scoreStart(pg, kept, nextContent(pages, pg.page), context).confidence : b.confidence)
      part.push(pg)
    }
  }
  const parts = rangesFrom(pages, starts)
  const adrift = parts.length > 1 || separators.length ? adriftPages(pages, parts, links, 1 - sure) : []
  const certain = cuts.every((c) => c.confidence >= sure) && adrift.length === 0
  const covers = pages.filter((p) => p.cover).map((p) => p.page)
  return {
    pageCount: pages.length,
    parts,
    cuts,
    separators,
    certain,
    ...(covers.length ? { covers } : {}),
    ...(adrift.length ? { adrift } : {}),
  }
}

const namesNoOne = (p: PageReading) => !p.ids.names.length && !p.ids.birthDates.length && !p.ids.mrns.length

/**
 * The pages of each part that name no patient and are tied to the pages that do only through a
 * link a new document could start on (its start confidence `doubt` or more): filed with the part,
 * they would go into a chart on their neighbours' identity, not their own. Pages are tied in runs:
 * a page joins the run before it when it surely continues it; a run naming nobody, in a part whose
 * other pages name a patient, is adrift.
 */
function adriftPages(
  pages: readonly PageReading[],
  parts: readonly PageRange[],
  links: ReadonlyMap<number, number>,
  doubt: number,
): number[] {
  const out: number[] = []
  for (const r of parts) {
    const own = pagesOf(r).map((n) => pages[n - 1]!)
    if (own.every(namesNoOne)) continue
    const runs: PageReading[][] = []
    for (const p of own) {
      if (p.blank) continue
      if (runs.length && (links.get(p.page) ?? 1) < doubt) runs.at(-1)!.push(p)
      else runs.push([p])
    }
    for (const run of runs) if (run.every(namesNoOne)) out.push(...run.map((p) => p.page))
  }
  return out
}

/**
 * Which proposed parts can be filed now: a part whose cuts on both sides are sure (or that
 * begins or ends the file) is known whole, whatever is in doubt elsewhere in the file; a part
 * touching a cut in doubt, or holding a page adrift (naming no patient, not surely of it), waits
 * for a person.
 */
export function partsByCertainty(
  plan: Pick<SplitPlan, 'parts' | 'cuts' | 'adrift'>,
  sure = SURE,
): { file: PageRange[]; wait: PageRange[] } {
  const { parts, cuts } = plan
  const adrift = new Set(plan.adrift ?? [])
  // The cut between two parts is the one made between the end of the first and the start of the next.
  const between = (i: number) => {
    const within = cuts.filter((c) => c.page > parts[i - 1]!.to && c.page <= parts[i]!.from)
    return within.length ? Math.min(...within.map((c) => c.confidence)) : 1
  }
  const file: PageRange[] = []
  const wait: PageRange[] = []
  parts.forEach((r, i) => {
    const before = i === 0 || between(i) >= sure
    const after = i === parts.length - 1 || between(i + 1) >= sure
    const whole = !pagesOf(r).some((n) => adrift.has(n))
    ;(before && after && whole ? file : wait).push(r)
  })
  return { file, wait }
}

/** The next page after page `n` that is neither blank nor a separator sheet (its number may tell about this one). */
function nextContent(pages: readonly PageReading[], n: number): PageReading | undefined {
  const next = pages.find((p) => p.page > n && !p.blank)
  return next && !next.separator ? next : undefined
}

/**
 * A numbering that runs on from a page naming one patient to the next page naming another
 * counts the transmission (a fax server's "P.3/9", wherever the text layer puts it), not a
 * document's pages: no document runs across two patients. Its marks are then no evidence
 * either way, on any page, so they can neither hold a cut down nor make one.
 */
export function withoutTransmissionCounts(pages: readonly PageReading[]): readonly PageReading[] {
  const crossing = new Set<number | null>()
  for (let i = 1; i < pages.length; i++) {
    const a = pages[i - 1]!
    const b = pages[i]!
    if (!a.marker || !b.marker || b.marker.page !== a.marker.page + 1 || a.marker.total !== b.marker.total) continue
    if (idConflict(b.ids, a.ids) === 'strong' && !birthDateSlip(b.ids, a.ids)) crossing.add(a.marker.total)
  }
  if (crossing.size === 0) return pages
  return pages.map((p) => (p.marker && crossing.has(p.marker.total) ? { ...p, marker: null } : p))
}

/**
 * Where a page stands against the pages a fax cover sheet before it announced: 'within' them
 * (sent with the cover, whichever way the sheet counted), or 'past' them (the first page after
 * all of them, when the sheet says whether it counted itself).
 */
export type Announced = 'within' | 'past'

/**
 * What the cover sheets of a file say of the pages after them, page by page. A count that does
 * not fit (another cover sheet before its pages are all there) is no evidence: a misread or a
 * wrong count on the sheet.
 */
export function coverSpans(pages: readonly Pick<PageReading, 'page' | 'cover' | 'announces' | 'separator'>[]): Map<number, Announced> {
  const out = new Map<number, Announced>()
  const covers = pages.filter((p) => p.cover)
  for (const c of covers) {
    if (!c.announces) continue
    const { fewest, most } = pagesAnnounced(c.announces)
    if (fewest < 1) continue
    const nextCover = covers.find((x) => x.page > c.page)?.page ?? Infinity
    const nextSeparator = pages.find((x) => x.separator && x.page > c.page)?.page ?? Infinity
    if (Math.min(nextCover, nextSeparator) <= c.page + fewest) continue
    for (let n = c.page + 1; n <= c.page + fewest; n++) out.set(n, 'within')
    const past = c.page + most + 1
    if (fewest === most && past <= pages.length) out.set(past, 'past')
  }
  return out
}

export interface StartContext {
  /** Where a fax cover sheet goes (default 'with-document'). */
  faxCover?: FaxCoverPolicy
  /** Where the page stands against the pages a cover sheet before it announced. */
  announced?: Announced
}

/** Confidence that `pg` starts a new document, given the pages of the current one (and the page after it, if any). */
export function scoreStart(pg: PageReading, part: readonly PageReading[], next?: PageReading, at: StartContext = {}): Boundary {
  const faxCover = at.faxCover ?? 'with-document'
  const prev = lastNonBlank(part)
  // The document's own pages: a fax cover sheet before them is no page of its type, letterhead or dates.
  const own = part.filter((x) => !x.cover)
  const doc = own.length ? own : part
  const coverOnly = own.every((x) => x.blank)
  const blankBefore = part.at(-1)!.blank
  const signs: Sign[] = []
  let hold = 1
  const holds: string[] = []
  // The document's own page numbers go on across the turn of the page.
  let numberedOn = false

  // Page numbers printed by the document.
  const pm = prev.marker
  const m = pg.marker
  const nm = next?.marker
  if (m && m.page === 1)
    signs.push({ p: pm && pm.total !== null && pm.page === pm.total ? 0.97 : 0.93, why: 'the page is numbered "Page 1 of ..." again' })
  else if (m && pm && m.page <= pm.page) signs.push({ p: 0.9, why: 'the page numbering starts again' })
  else if (
    m &&
    pm &&
    m.page === pm.page + 1 &&
    (m.total === pm.total || m.total === null || pm.total === null) &&
    // No page runs on from one that said it was the last ("Page 4 of 4" then a stray "5").
    !(pm.total !== null && pm.page >= pm.total)
  ) {
    hold *= 0.1
    numberedOn = true
    holds.push('the page numbers run on')
  } else if (!m && pm && pm.total !== null && pm.page === pm.total)
    signs.push({ p: 0.85, why: 'the page before was the last of its numbered pages' })
  else if (
    !m &&
    pm &&
    pm.total !== null &&
    pm.page < pm.total &&
    nm &&
    nm.page === pm.page + 2 &&
    (nm.total === pm.total || nm.total === null)
  ) {
    // Its own number lost (a scan, a fold): the pages on either side number it.
    hold *= 0.1
    numberedOn = true
    holds.push('the pages before and after number this one between them')
  } else if (!m && pm && pm.total !== null && pm.page < pm.total) {
    hold *= 0.5
    holds.push('the page before said more pages follow')
  }
  // Numbers partly read: this page's was lost, but the page after is "Page 2" while the document so far had reached 2 or more.
  if (!m && nm && nm.page === 2 && partMarkers(doc).some((x) => x.page >= 2))
    signs.push({ p: 0.85, why: 'the page after is numbered 2 while this document had passed page 2: the numbering starts again here' })
  else if (!m && nm && nm.page === 2 && !pm && (pg.titled || pg.head !== prev.head))
    signs.push({ p: 0.5, why: 'the page after is numbered 2: this page is likely its first' })

  // The patient named.
  const ids = partIds(part)
  // A birth date a scan's slip away from the document's, all else of the patient agreeing, on a
  // page whose numbers run on from the document's, is a sign like any other, held down by those
  // numbers: one patient's pages, one of them misread, rather than another patient's.
  const slip = numberedOn && birthDateSlip(pg.ids, ids)
  const conflict = slip ? null : idConflict(pg.ids, ids)
  if (conflict === 'strong') signs.push({ p: 0.97, why: 'the page names a different patient (birth date or record number)' })
  else if (conflict === 'name') signs.push({ p: 0.8, why: 'the page names a patient with a different name' })
  if (slip) signs.push({ p: 0.8, why: "the page's birth date is one digit away from the document's (a scan's slip, or another patient)" })

  // Title block, letterhead, type, signature, blank page.
  if (pg.continued) {
    hold *= 0.3
    holds.push('the page says it continues')
  }
  const partType = doc.find((x) => x.type)?.type ?? null
  if (pg.type && partType && pg.type !== partType)
    signs.push({ p: pg.titled ? 0.55 : 0.35, why: `the page reads as a different type of document (${pg.type.replace(/_/g, ' ')})` })
  // A document closed (signed) and a new one opened (title block or letterhead) at the turn of the page: one sign, read together.
  const letterheadAgain = doc.length > 1 && pg.head.length >= 8 && similar(pg.head, doc[0]!.head) && !similar(prev.head, doc[0]!.head)
  if (prev.signedAtEnd && !pg.continued && (pg.titled || letterheadAgain))
    signs.push({ p: 0.85, why: 'a signature closes the page before and a title block or letterhead opens this one' })
  else {
    if (prev.signedAtEnd) signs.push({ p: 0.6, why: 'a signature closes the page before' })
    if (pg.titled && !pg.continued) signs.push({ p: 0.45, why: 'a title block opens the page' })
  }
  if (blankBefore) signs.push({ p: 0.35, why: 'a blank page comes before' })
  if (letterheadAgain) signs.push({ p: 0.5, why: "the first page's letterhead appears again" })
  // The date of service or report in the page's heading is none of the dates the document has shown so far.
  const seen = new Set(doc.flatMap((x) => x.dates))
  if (!pg.continued && pg.headDates.length && seen.size && !pg.headDates.some((d) => seen.has(d)))
    signs.push({ p: 0.45, why: "the date in the page's heading (of service, of the report) is not one of the document's" })

  // A fax cover sheet opens what it announces; the page after a cover sheet is that document's own first page.
  if (pg.cover && !prev.cover) signs.push({ p: 0.85, why: 'the page is a fax cover sheet: it opens the document it announces' })
  if (!pg.cover && prev.cover && coverOnly) {
    if (faxCover === 'own-part') signs.push({ p: 0.95, why: 'the page before is a fax cover sheet, kept as a part of its own' })
    else if (namesSeveral(part.filter((x) => x.cover)))
      signs.push({ p: 0, why: 'the fax cover sheet before names several patients: it may announce more than one document' })
    else if (conflict) signs.push({ p: 0, why: 'the page names a patient the fax cover sheet before does not' })
    else {
      hold = 0
      holds.push('the page before is a fax cover sheet, the first page of the document it announces')
    }
  }

  // The count on the cover sheet: its pages are one transmission, and the page after them is not part of it.
  // Another patient named is never held down by a count (a transmission may carry several patients' records).
  if (at.announced === 'within' && !pg.cover && !conflict && !(prev.cover && coverOnly)) {
    hold *= 0.55
    holds.push('the fax cover sheet announced more pages to come')
  }
  if (at.announced === 'past') signs.push({ p: 0.45, why: 'the pages the fax cover sheet announced have all come before this one' })

  const any = 1 - signs.reduce((q, s) => q * (1 - s.p), 1)
  // A different patient is never held down: a page of another patient's record is never filed with this one.
  const confidence = conflict === 'strong' ? any : any * hold
  return {
    page: pg.page,
    confidence: Math.round(confidence * 1000) / 1000,
    reasons: [...signs.sort((a, b) => b.p - a.p).map((s) => s.why), ...holds.map((h) => `against: ${h}`)],
  }
}

/** Pages that between them name more than one patient (two birth dates, two record numbers or two family names). */
function namesSeveral(pages: readonly PageReading[]): boolean {
  const ids = partIds(pages)
  return ids.birthDates.length > 1 || ids.mrns.length > 1 || ids.names.length > 1
}

function partMarkers(part: readonly PageReading[]): NonNullable<PageReading['marker']>[] {
  return part.flatMap((x) => (x.marker ? [x.marker] : []))
}

/** Two squashed letterheads are the same when most of their letter pairs are shared (OCR slips, specks and rules above it aside). */
export function similar(a: string, b: string): boolean {
  if (a.length < 8 || b.length < 8) return false
  if (a === b || a.includes(b) || b.includes(a)) return true
  const pairs = (s: string) => {
    const m = new Map<string, number>()
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1)
    return m
  }
  const pa = pairs(a)
  const pb = pairs(b)
  let shared = 0
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0)
  return (2 * shared) / (a.length - 1 + b.length - 1) >= 0.75
}

/** The identifiers of a part, pooled over its pages. */
export function partIds(part: readonly PageReading[]): PageIds {
  const out: PageIds = { names: [], birthDates: [], mrns: [] }
  for (const p of part) {
    for (const k of ['names', 'birthDates', 'mrns'] as const) for (const v of p.ids[k]) if (!out[k].includes(v)) out[k].push(v)
  }
  return out
}

/**
 * 'strong': a birth date or record number on the page, none of which the part holds (while it
 * holds some); 'name': only the family name differs (an OCR slip of one letter is the same name).
 */
export function idConflict(a: PageIds, b: PageIds): 'strong' | 'name' | null {
  const disjoint = (x: string[], y: string[]) => x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v))
  if (disjoint(a.birthDates, b.birthDates) || disjoint(a.mrns, b.mrns)) return 'strong'
  if (a.names.length && b.names.length && !a.names.some((n) => b.names.some((m) => sameName(n, m)))) return 'name'
  return null
}

/**
 * The birth dates on `a` are none of `b`'s, but each is one scan's slip from one of them (a digit
 * misread, two digits swapped), and nothing else of the patient disagrees (no record number of
 * another, no other family name): a misreading is as likely as another patient. `idConflict`
 * still calls it a conflict, so a part holding such a page is never filed without a person.
 */
export function birthDateSlip(a: PageIds, b: PageIds): boolean {
  if (!a.birthDates.length || !b.birthDates.length || a.birthDates.some((d) => b.birthDates.includes(d))) return false
  if (idConflict({ ...a, birthDates: [] }, { ...b, birthDates: [] })) return false
  return a.birthDates.every((d) => b.birthDates.some((e) => oneSlipApart(d, e)))
}

/** Two dates written alike but for one digit, or two neighbouring digits swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  const diff: number[] = []
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i)
  if (diff.length === 1) return true
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]
}

function sameName(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const tail = (s: string, n: number) => s.slice(n)
  return tail(a, i + 1) === tail(b, i + 1) || tail(a, i + 1) === tail(b, i) || tail(a, i) === tail(b, i + 1)
}

function lastNonBlank(part: readonly PageReading[]): PageReading {
  for (let i = part.length - 1; i >= 0; i--) if (!part[i]!.blank) return part[i]!
  return part[0]!
}

/**
 * Page ranges from the first pages of the documents, leaving out separator sheets and any
 * stretch of pages that is blank from end to end (nothing to file).
 */
export function rangesFrom(pages: readonly Pick<PageReading, 'page' | 'blank' | 'separator'>[], starts: readonly number[]): PageRange[] {
  const sorted = [...new Set(starts)].sort((a, b) => a - b)
  const out: PageRange[] = []
  for (let k = 0; k < sorted.length; k++) {
    const start = sorted[k]!
    const end = (sorted[k + 1] ?? pages.length + 1) - 1
    const inPart = pages.filter((p) => p.page >= start && p.page <= end)
    // A part stops at a separator sheet; the pages after one start the next part.
    const firstSep = inPart.find((p) => p.separator)
    const kept = firstSep ? inPart.filter((p) => p.page < firstSep.page) : inPart
    const real = kept.filter((p) => !p.separator)
    if (real.length === 0 || real.every((p) => p.blank)) continue
    // Blank pages around a document (the back of a sheet, of a separator sheet) belong to none: nothing to file.
    // Blank pages inside one stay in the received file but are not the document's pages either.
    const content = real.filter((p) => !p.blank)
    const from = content[0]!.page
    const to = content.at(-1)!.page
    const blank = real.filter((p) => p.blank && p.page > from && p.page < to).map((p) => p.page)
    out.push(blank.length ? { from, to, blank } : { from, to })
  }
  return out
}

/**
 * The parts a person's cuts make: `starts` are the pages that begin documents (the first page is
 * always one). Separator sheets stay out of every part.
 */
export function partsFromStarts(
  pages: readonly Pick<PageReading, 'page' | 'blank' | 'separator'>[],
  starts: readonly number[],
): PageRange[] {
  const withSeps = [1, ...starts]
  // A separator sheet always ends the document before it.
  for (const p of pages) if (p.separator && p.page < pages.length) withSeps.push(p.page + 1)
  return rangesFrom(
    pages,
    withSeps.filter((s) => s >= 1 && s <= pages.length),
  )
}
