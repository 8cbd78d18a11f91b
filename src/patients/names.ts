/**
 * Person names: parsing "DOE, JANE A" / "Jane A. Doe", a phonetic key for finding
 * sound-alikes, an OCR-aware edit distance, and the comparison of a name read from a
 * document with a chart's name.
 *
 * The comparison separates two kinds of difference on purpose:
 * - what a scanner does to letters (rn/m, 0/O, 1/l, cl/d, e/c...), stray specks, spaces and
 *   punctuation: tolerated, the name still `agree`s;
 * - what people do (Jon/John, Smith/Smyth, Katherine/Catherine, a dropped letter): the name
 *   is only `near`, a look-alike that sends the document to review.
 */
import type { Patient } from '../model/types.js'

export interface PersonName {
  familyName: string
  givenName: string
  middleName: string | null
  /** JR, SR, II, III, IV when written. */
  suffix: string | null
}

const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV', 'V'])
const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'MSTR', 'MASTER', 'MX'])
/** Gaelic family-name prefixes written as a word of their own (Ó Súilleabháin, Ní Bhriain, Mac Giolla). */
const GAELIC_PREFIXES = new Set(['O', 'NI', 'NIC', 'UA', 'MAC', 'MC'])
/** Family-name particles that belong to the following word: "De La Cruz", "Van Der Berg". */
const PARTICLES = new Set([
  'DE',
  'DEL',
  'DELA',
  'LA',
  'LAS',
  'LOS',
  'DA',
  'DAS',
  'DO',
  'DOS',
  'DI',
  'DU',
  'VAN',
  'VON',
  'DER',
  'DEN',
  'TER',
  'LE',
  'ST',
  'SAINT',
  'BIN',
  'IBN',
  'Y',
  'MAC',
  'MC',
])

/** Upper case, accents removed, apostrophes dropped, everything but letters, digits, spaces and hyphens gone. */
export function normalizeNamePart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`´]/g, '')
    .replace(/[^A-Z0-9|\- ]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Letters only (digits turned into the letters OCR took them for), for keys and comparison. */
function lettersOnly(s: string): string {
  return normalizeNamePart(s)
    .replace(/0/g, 'O')
    .replace(/[1|]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/8/g, 'B')
    .replace(/[^A-Z]/g, '')
}

/**
 * Splits a written name into parts. "DOE, JANE A" and "Doe Jr, Jane" are family-first;
 * "Jane A. Doe" is given-first. Returns null when it does not look like a person's name
 * (fewer than two words, digits only...).
 *
 * @example parsePersonName('DOE, JANE A') // { familyName: 'DOE', givenName: 'JANE', middleName: 'A', suffix: null }
 */
export function parsePersonName(
  raw: string,
  opts: { maxMiddle?: number } = {},
): (PersonName & { order: 'family-first' | 'given-first' }) | null {
  const maxMiddle = opts.maxMiddle ?? 2
  const s = raw
    .replace(/[()[\]{}"]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-]+|[\s,;:.\-]+$/g, '')
  if (!s) return null
  const clean = (t: string): string => t.replace(/^[.,'\-]+|[.,'\-]+$/g, '')
  let suffix: string | null = null
  const takeSuffix = (tokens: string[]): string[] => {
    const out: string[] = []
    for (const t of tokens) {
      const u = clean(t).toUpperCase().replace(/\./g, '')
      if (SUFFIXES.has(u) && (out.length > 0 || tokens.length > 1)) suffix = u
      else if (TITLES.has(u) && out.length === 0) continue
      else if (clean(t)) out.push(clean(t))
    }
    return out
  }
  const comma = s.indexOf(',')
  if (comma > 0) {
    const fam = takeSuffix(s.slice(0, comma).split(' '))
    const rest = takeSuffix(
      s
        .slice(comma + 1)
        .replace(/,/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean),
    )
    if (fam.length === 0 || rest.length === 0) return null
    const [given, ...middle] = rest
    return {
      familyName: fam.join(' '),
      givenName: given!,
      middleName: middle.length ? middle.slice(0, maxMiddle).join(' ') : null,
      suffix,
      order: 'family-first',
    }
  }
  const tokens = takeSuffix(s.split(' ').filter(Boolean))
  if (tokens.length < 2) return null
  // "DOE JANE A": family, given, middle initial written without the comma.
  if (tokens.length === 3 && tokens[2]!.replace(/\./g, '').length === 1 && tokens[0]!.length > 1 && tokens[1]!.length > 1) {
    return { familyName: tokens[0]!, givenName: tokens[1]!, middleName: tokens[2]!.replace(/\./g, ''), suffix, order: 'family-first' }
  }
  // Family name = last word plus any particles before it ("Maria De La Cruz").
  let famStart = tokens.length - 1
  while (famStart > 1 && PARTICLES.has(tokens[famStart - 1]!.toUpperCase().replace(/\./g, ''))) famStart--
  const given = tokens[0]!
  const middle = tokens.slice(1, famStart)
  return {
    familyName: tokens.slice(famStart).join(' '),
    givenName: given,
    middleName: middle.length ? middle.slice(0, maxMiddle).join(' ') : null,
    suffix,
    order: 'given-first',
  }
}

/**
 * A small phonetic key in the spirit of Metaphone: names that sound alike share it
 * (Smith/Smyth, Jon/John, Catherine/Katherine, Stephen/Steven, Reid/Reed, Johnson/Jonson).
 * Used to find look-alike charts, never to decide that two names are the same.
 *
 * @example phoneticKey('Smyth') === phoneticKey('Smith') // true
 */
export function phoneticKey(name: string): string {
  let s = lettersOnly(name)
  if (!s) return ''
  s = s
    .replace(/^(KN|GN|PN|WR|PS)/, (m) => m.slice(1))
    .replace(/^X/, 'S')
    .replace(/^WH/, 'W')
    .replace(/^MAC/, 'MK')
  s = s
    .replace(/SCH/g, 'SK')
    .replace(/MP(?=[ST])/g, 'M')
    .replace(/PH/g, 'F')
    .replace(/CK/g, 'K')
    .replace(/TH/g, 'T')
    .replace(/SH/g, 'X')
    .replace(/CH/g, 'X')
    .replace(/DG(?=[EIY])/g, 'J')
    .replace(/GH(?![AEIOUY])/g, '')
    .replace(/C(?=[EIY])/g, 'S')
    .replace(/C/g, 'K')
    .replace(/Q/g, 'K')
    .replace(/X/g, 'KS')
    .replace(/Z/g, 'S')
    .replace(/V/g, 'F')
    .replace(/D/g, 'T')
    .replace(/G(?=[EIY])/g, 'J')
  const first = s[0]!
  let rest = s.slice(1)
  // H and W are silent unless a vowel follows; Y is a vowel.
  rest = rest.replace(/[HW](?![AEIOU])/g, '').replace(/Y/g, 'I')
  rest = rest.replace(/[AEIOU]/g, '')
  let key = (/[AEIOUY]/.test(first) ? 'A' : first) + rest
  key = key.replace(/(.)\1+/g, '$1')
  return key
}

/** Keys to index a patient under for `PatientIndex.findByNameKey`: the family name whole and each of its parts. */
export function patientNameKeys(p: Pick<Patient, 'familyName'>): string[] {
  const parts = normalizeNamePart(p.familyName)
    .split(/[\s-]+/)
    .filter(Boolean)
  const keys = new Set<string>()
  const whole = phoneticKey(parts.join(''))
  if (whole) keys.add(whole)
  for (const part of parts) {
    if (PARTICLES.has(part) && parts.length > 1) continue
    const k = phoneticKey(part)
    if (k) keys.add(k)
  }
  return [...keys].sort()
}

/** Keys to look a written name token up under: its phonetic key with OCR digits read as letters both ways. */
export function lookupKeys(token: string): string[] {
  const n = normalizeNamePart(token).replace(/[\s-]/g, '')
  const variants = new Set([n, n.replace(/[1|]/g, 'L'), n.replace(/RN/g, 'M'), n.replace(/CL/g, 'D'), n.replace(/VV/g, 'W')])
  const keys = new Set<string>()
  for (const v of variants) {
    const k = phoneticKey(v)
    if (k) keys.add(k)
  }
  return [...keys]
}

// ---------------------------------------------------------------------------
// OCR-aware edit distance

/** Glyph confusions scanners and fax machines make, both directions, in upper case. */
const CONFUSIONS: Array<[string, string]> = [
  ['0', 'O'],
  ['0', 'D'],
  ['0', 'Q'],
  ['O', 'Q'],
  ['O', 'D'],
  ['1', 'I'],
  ['1', 'L'],
  ['I', 'L'],
  ['|', 'I'],
  ['|', 'L'],
  ['|', '1'],
  ['5', 'S'],
  ['8', 'B'],
  ['2', 'Z'],
  ['6', 'G'],
  ['C', 'E'],
  ['C', 'G'],
  ['H', 'B'],
  ['U', 'V'],
  ['F', 'E'],
  ['RN', 'M'],
  ['RI', 'N'],
  ['IN', 'M'],
  ['NI', 'M'],
  ['CL', 'D'],
  ['LI', 'H'],
  ['VV', 'W'],
  ['II', 'U'],
]
const CONFUSION_COST = 0.35
const SINGLE = new Set<string>()
const MULTI: Array<[string, string]> = []
for (const [a, b] of CONFUSIONS) {
  if (a.length === 1 && b.length === 1) {
    SINGLE.add(a + b)
    SINGLE.add(b + a)
  } else {
    MULTI.push([a, b], [b, a])
  }
}

/**
 * A confusion that could stand for another real name: a letter read as another letter, or a
 * stroke ('1', '|', '!') that may be either I or L (1AN: IAN or LAN). 0, 5, 8, 2, 6 each stand
 * for one letter and are safe.
 */
function isLetterMisread(x: string, y: string): boolean {
  const letter = (c: string): boolean => c >= 'A' && c <= 'Z'
  const stroke = (c: string): boolean => c === '1' || c === '|' || c === '!'
  return (letter(x) && letter(y)) || (stroke(x) && letter(y)) || (letter(x) && stroke(y))
}

export interface OcrDistance {
  /** Generic edits (insert, delete, substitute unrelated letters). */
  edits: number
  /** Scanner glyph confusions. */
  confusions: number
  /**
   * Of the confusions, letters read as other letters (C/E, I/L, rn/m, cl/d) or strokes that may be
   * I or L ('1', '|'), as opposed to digits that stand for one letter (0/O, 5/S, 8/B). Only the
   * former can turn one real name into another (Carl/Earl, Ian/Lan, Marnie/Mamie).
   */
  letterMisreads: number
}

/**
 * Weighted Levenshtein distance where scanner confusions cost less than generic edits and
 * adjacent transpositions count as one generic edit. Inputs are compared upper case with
 * spaces, hyphens and apostrophes removed.
 */
export function ocrDistance(aIn: string, bIn: string): OcrDistance {
  return ocrDistanceNormalized(ocrForm(aIn), ocrForm(bIn))
}

/** A name part as `ocrDistance` compares it: upper case, accents, spaces, hyphens and apostrophes gone. */
export function ocrForm(s: string): string {
  return normalizeNamePart(s).replace(/[\s-]/g, '')
}

/** Multi-letter confusions by their first letter, each with whether both sides are letters. */
const MULTI_BY_FIRST = new Map<string, Array<{ p: string; q: string; letters: boolean }>>()
for (const [p, q] of MULTI) {
  const list = MULTI_BY_FIRST.get(p[0]!) ?? []
  list.push({ p, q, letters: /^[A-Z]+$/.test(p + q) })
  MULTI_BY_FIRST.set(p[0]!, list)
}

/** The distance table's cells, kept between calls (a page's words are each compared with many keywords). */
function newScratch(size: number) {
  return { cost: new Float64Array(size), edits: new Int16Array(size), confusions: new Int16Array(size), misreads: new Int16Array(size) }
}
let scratch = newScratch(256)

/** Single-letter confusions of ASCII characters as a table (x * 128 + y); others through the set. */
const SINGLE_ASCII = new Uint8Array(128 * 128)
for (const xy of SINGLE) if (xy.charCodeAt(0) < 128 && xy.charCodeAt(1) < 128) SINGLE_ASCII[xy.charCodeAt(0) * 128 + xy.charCodeAt(1)] = 1

function isSingleConfusion(x: string, y: string): boolean {
  const cx = x.charCodeAt(0)
  const cy = y.charCodeAt(0)
  return cx < 128 && cy < 128 ? SINGLE_ASCII[cx * 128 + cy] === 1 : SINGLE.has(x + y)
}

/** `ocrDistance` of two strings already in `ocrForm` (a caller comparing one word with many keeps the forms). */
export function ocrDistanceNormalized(a: string, b: string): OcrDistance {
  const n = a.length
  const m = b.length
  if (a === b) return { edits: 0, confusions: 0, letterMisreads: 0 }
  // Far apart in length: not worth the table (a confusion changes length by at most one).
  if (Math.abs(n - m) > 4) return { edits: Math.abs(n - m), confusions: 0, letterMisreads: 0 }
  const multiAt = Array.from({ length: n }, (_, i) => (MULTI_BY_FIRST.get(a[i]!) ?? []).filter(({ p }) => a.startsWith(p, i)))
  const w = m + 1
  const size = (n + 1) * w
  if (scratch.cost.length < size) scratch = newScratch(size * 2)
  const { cost, edits, confusions, misreads } = scratch
  // Only cells already reached are read (a cell's counts are written with its cost): only the costs are reset.
  cost.fill(Infinity, 0, size)
  cost[0] = 0
  edits[0] = 0
  confusions[0] = 0
  misreads[0] = 0
  const relax = (from: number, to: number, e: number, c: number, l: number): void => {
    const nc = cost[from]! + e + c * CONFUSION_COST
    const ne = edits[from]! + e
    const nl = misreads[from]! + l
    const cur = cost[to]!
    if (nc < cur - 1e-9 || (Math.abs(nc - cur) < 1e-9 && (ne < edits[to]! || (ne === edits[to]! && nl < misreads[to]!)))) {
      cost[to] = nc
      edits[to] = ne
      confusions[to] = confusions[from]! + c
      misreads[to] = nl
    }
  }
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = i * w + j
      if (cost[here] === Infinity) continue
      if (i < n) relax(here, here + w, 1, 0, 0)
      if (j < m) relax(here, here + 1, 1, 0, 0)
      if (i < n && j < m) {
        const x = a[i]!
        const y = b[j]!
        if (x === y) relax(here, here + w + 1, 0, 0, 0)
        else if (isSingleConfusion(x, y)) relax(here, here + w + 1, 0, 1, isLetterMisread(x, y) ? 1 : 0)
        else relax(here, here + w + 1, 1, 0, 0)
      }
      if (i + 1 < n && j + 1 < m && a[i] === b[j + 1] && a[i + 1] === b[j]) relax(here, here + 2 * w + 2, 1, 0, 0)
      if (i < n) {
        for (const { p, q, letters } of multiAt[i]!) {
          if (b.startsWith(q, j)) relax(here, (i + p.length) * w + j + q.length, 0, 1, letters ? 1 : 0)
        }
      }
    }
  }
  const last = n * w + m
  return { edits: edits[last]!, confusions: confusions[last]!, letterMisreads: misreads[last]! }
}

/** What a name part's difference amounts to. */
export type PartStatus = 'exact' | 'ocr' | 'near' | 'different'

/** Scanner confusions tolerated in a part of this many letters. */
function confusionBudget(len: number): number {
  return Math.max(1, Math.floor(len / 3))
}

/**
 * Compares one name part (a family name, a given name). With `phonetic`, parts that share a
 * phonetic key of two or more sounds are `near` too (used for family names; given names are
 * too short for it: Jane and John share a key).
 */
export function comparePart(doc: string, chart: string, phonetic = false): PartStatus {
  return comparePartDetail(doc, chart, phonetic).status
}

/** `comparePart`, also saying whether an `ocr` result needed a letter read as another letter. */
export function comparePartDetail(doc: string, chart: string, phonetic = false): { status: PartStatus; letterMisread: boolean } {
  const key = `${phonetic ? 1 : 0}\u0000${doc}\u0000${chart}`
  const hit = partCache.get(key)
  if (hit) return hit
  const r = comparePartUncached(doc, chart, phonetic)
  if (partCache.size >= 20_000) partCache.clear()
  partCache.set(key, r)
  return r
}

/** Recent part comparisons: one document's name is compared with many charts sharing a name. */
const partCache = new Map<string, { status: PartStatus; letterMisread: boolean }>()

function comparePartUncached(doc: string, chart: string, phonetic: boolean): { status: PartStatus; letterMisread: boolean } {
  const a = normalizeNamePart(doc).replace(/[\s-]/g, '')
  const b = normalizeNamePart(chart).replace(/[\s-]/g, '')
  if (!a || !b) return { status: 'different', letterMisread: false }
  if (a === b) return { status: 'exact', letterMisread: false }
  const d = ocrDistance(a, b)
  if (d.edits === 0 && d.confusions <= confusionBudget(b.length)) return { status: 'ocr', letterMisread: d.letterMisreads > 0 }
  const maxEdits = b.length >= 5 ? 2 : 1
  if (d.edits + d.confusions * CONFUSION_COST <= maxEdits + 1e-9) return { status: 'near', letterMisread: false }
  if (phonetic) {
    const ka = phoneticKey(a)
    if (ka.length >= 2 && ka === phoneticKey(b)) return { status: 'near', letterMisread: false }
  }
  return { status: 'different', letterMisread: false }
}

export type NameStatus = 'agree' | 'near' | 'family-only' | 'disagree'

export interface NameComparison {
  status: NameStatus
  /** Human-readable notes for the review screen (contain patient data: never log them). */
  notes: string[]
  /**
   * The name agrees only by reading a letter as another letter (CARL for EARL, IAN for LAN, MAMIE
   * for MARNIE), which can make a real, different name. Such agreement may file only with our MRN
   * agreeing too. Digits that stand for a single letter (D0E, MARCU5) do not count.
   */
  needsThirdIdentifier: boolean
  /**
   * Near only because the document gives an initial for the given name, the chart's initial, with the family name
   * the same ("QUIGLEY, R J" for Roderick J): consistent with the chart, though a sibling's name would be too.
   */
  initialOnly?: boolean
}

const rank: Record<NameStatus, number> = { agree: 3, near: 2, 'family-only': 1, disagree: 0 }

function compareFamily(doc: string, chart: string): { status: PartStatus; note?: string; letterMisread: boolean } {
  const whole = comparePartDetail(doc, chart, true)
  if (whole.status === 'exact' || whole.status === 'ocr') return whole
  // Compound family names: the document may carry one part ("GARCIA" for "Garcia-Lopez"), or the chart may.
  const docParts = normalizeNamePart(doc)
    .split(/[\s-]+/)
    .filter((p) => p.length > 1 && !PARTICLES.has(p))
  const chartParts = normalizeNamePart(chart)
    .split(/[\s-]+/)
    .filter((p) => p.length > 1 && !PARTICLES.has(p))
  const pairs: Array<[string, string, string]> = []
  if (docParts.length === 1 && chartParts.length > 1)
    for (const cp of chartParts) pairs.push([docParts[0]!, cp, 'family name matches one part of the compound family name'])
  if (chartParts.length === 1 && docParts.length > 1)
    for (const dp of docParts) pairs.push([dp, chartParts[0]!, 'chart family name is one part of the compound name on the document'])
  for (const [d, c, note] of pairs) {
    const r = comparePartDetail(d, c)
    if (r.status === 'exact' || r.status === 'ocr') return { status: 'ocr', note, letterMisread: r.letterMisread }
  }
  return { status: whole.status, letterMisread: false }
}

function initialOf(s: string | null | undefined): string {
  return normalizeNamePart(s ?? '')
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 1)
}

function compareGiven(
  doc: PersonName,
  chart: Pick<Patient, 'givenName' | 'middleName'>,
): { status: PartStatus; notes: string[]; letterMisread: boolean; initialAgrees?: boolean } {
  const notes: string[] = []
  const docGiven = normalizeNamePart(doc.givenName)
  const chartGiven = normalizeNamePart(chart.givenName)
  if (docGiven.replace(/[^A-Z0-9]/g, '').length <= 1) {
    const same = initialOf(docGiven) === initialOf(chartGiven)
    const dm = initialOf(doc.middleName)
    const cm = initialOf(chart.middleName)
    return {
      status: same ? 'near' : 'different',
      notes: ['the document gives only an initial for the given name'],
      letterMisread: false,
      // The given initial is the chart's, and so is the middle initial where both print one.
      initialAgrees: same && !(dm && cm && dm !== cm),
    }
  }
  const main = comparePartDetail(docGiven, chartGiven)
  let status = main.status
  let letterMisread = main.letterMisread
  // Compound given names: "MARY ANN" vs "Mary" + middle "Ann", or "Mary Ann" vs "MARY".
  if (status !== 'exact' && status !== 'ocr') {
    const docFull = [docGiven, normalizeNamePart(doc.middleName ?? '')].join(' ').trim()
    const chartFirst = chartGiven.split(/[\s-]+/)[0] ?? ''
    const docFirst = docGiven.split(/[\s-]+/)[0] ?? ''
    const alt = [comparePartDetail(docFull, chartGiven), comparePartDetail(docGiven, chartFirst), comparePartDetail(docFirst, chartGiven)]
    const exact = alt.find((x) => x.status === 'exact')
    const ocr = alt.find((x) => x.status === 'ocr')
    if (exact || ocr) {
      status = 'ocr'
      letterMisread = !exact && (ocr?.letterMisread ?? false)
    } else if (alt.some((x) => x.status === 'near') && status === 'different') status = 'near'
  }
  // Middle names: an initial that differs from the chart's is a look-alike (parent and child share names).
  const dm = initialOf(doc.middleName)
  const cm = initialOf(chart.middleName)
  if ((status === 'exact' || status === 'ocr') && dm && cm && dm !== cm) {
    const docMid = normalizeNamePart(doc.middleName ?? '')
    const chartGivenParts = chartGiven.split(/[\s-]+/)
    const explained =
      chartGivenParts.slice(1).some((p) => initialOf(p) === dm) || comparePart(docMid, normalizeNamePart(chart.middleName ?? '')) === 'ocr'
    if (!explained) {
      notes.push(`middle initial differs: document ${dm}, chart ${cm}`)
      status = 'near'
    }
  }
  return { status, notes, letterMisread: status === 'ocr' && letterMisread }
}

function combine(fam: PartStatus, given: PartStatus): NameStatus {
  const ok = (s: PartStatus): boolean => s === 'exact' || s === 'ocr'
  if (ok(fam) && ok(given)) return 'agree'
  if (ok(fam) && given === 'near') return 'near'
  if (fam === 'near' && (ok(given) || given === 'near')) return 'near'
  if (ok(fam)) return 'family-only'
  return 'disagree'
}

function suffixClash(doc: PersonName, chart: Pick<Patient, 'familyName' | 'givenName'>): string | null {
  const chartSuffix = [chart.familyName, chart.givenName].flatMap((s) => normalizeNamePart(s).split(' ')).find((t) => SUFFIXES.has(t))
  if (doc.suffix && chartSuffix && doc.suffix !== chartSuffix) return `name suffix differs: document ${doc.suffix}, chart ${chartSuffix}`
  return null
}

function stripSuffix(s: string): string {
  return normalizeNamePart(s)
    .split(' ')
    .filter((t) => !SUFFIXES.has(t))
    .join(' ')
}

/**
 * Compares a name read from a document with a chart's name, trying the written order and the
 * swapped order (LAST FIRST written without a comma, or FIRST, LAST).
 */
/** In an upper-case word a lower-case l is a misread capital I ("EMlLY"): repair it before comparing. */
function repairCase(s: string): string {
  return s
    .split(/(\s+)/)
    .map((w) => ((w.match(/[A-Z]/g) ?? []).length >= 2 && !/[a-km-z]/.test(w) ? w.replace(/l/g, 'I') : w))
    .join('')
}

export function compareNames(docIn: PersonName, chart: Pick<Patient, 'familyName' | 'givenName' | 'middleName'>): NameComparison {
  const doc: PersonName = {
    ...docIn,
    familyName: repairCase(docIn.familyName),
    givenName: repairCase(docIn.givenName),
    middleName: docIn.middleName ? repairCase(docIn.middleName) : null,
  }
  const chartN = {
    familyName: stripSuffix(chart.familyName),
    givenName: stripSuffix(chart.givenName),
    middleName: chart.middleName ?? null,
  }
  const tries: Array<{ name: PersonName; swapped: boolean }> = [
    { name: doc, swapped: false },
    { name: { familyName: doc.givenName, givenName: doc.familyName, middleName: doc.middleName, suffix: doc.suffix }, swapped: true },
  ]
  // Irish and Scottish family names begin with a word of their own that reads like a middle initial when written
  // given-first: "Niamh O Suilleabhain", "Aoife Ni Bhriain", "NIAMH 0 SUILLEABHAIN" (OCR took the O for a zero).
  const mid = normalizeNamePart(doc.middleName ?? '').replace(/^0$/, 'O')
  if (GAELIC_PREFIXES.has(mid))
    tries.push({
      name: { familyName: `${mid} ${doc.familyName}`, givenName: doc.givenName, middleName: null, suffix: doc.suffix },
      swapped: false,
    })
  let best: NameComparison = { status: 'disagree', notes: [], needsThirdIdentifier: false }
  for (const t of tries) {
    const fam = compareFamily(t.name.familyName, chartN.familyName)
    const given = compareGiven(t.name, chartN)
    let status = combine(fam.status, given.status)
    const notes: string[] = []
    if (t.swapped && status !== 'disagree') notes.push('family and given names are in the other order on the document')
    if (fam.note) notes.push(fam.note)
    notes.push(...given.notes)
    if (status === 'agree' && (fam.status === 'ocr' || given.status === 'ocr') && !fam.note)
      notes.push('name matches allowing for scanning errors')
    const clash = suffixClash(doc, chart)
    if (clash && status === 'agree') {
      status = 'near'
      notes.push(clash)
    }
    if (status === 'near' && fam.status === 'near') notes.push('family name is spelled differently (sounds alike or one letter apart)')
    if (status === 'near' && given.status === 'near' && given.notes.length === 0)
      notes.push('given name is spelled differently (sounds alike or one letter apart)')
    if (status === 'family-only') notes.push('same family name but a different given name')
    const needsThirdIdentifier = status === 'agree' && (given.letterMisread || fam.letterMisread)
    if (needsThirdIdentifier) notes.push('the name matches only if the scanner read a letter as another letter')
    const initialOnly = status === 'near' && !clash && (fam.status === 'exact' || fam.status === 'ocr') && given.initialAgrees === true
    const better = rank[status] > rank[best.status] || (status === best.status && best.needsThirdIdentifier && !needsThirdIdentifier)
    if (better) best = { status, notes, needsThirdIdentifier, ...(initialOnly ? { initialOnly } : {}) }
  }
  return best
}

/** "Doe, Jane A" for messages shown to the records desk. */
export function displayName(p: Pick<PersonName, 'familyName' | 'givenName' | 'middleName'>): string {
  return `${p.familyName}, ${p.givenName}${p.middleName ? ` ${p.middleName}` : ''}`
}
