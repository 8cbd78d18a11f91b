/**
 * The results table of a lab report: one row per test with result, flag, units and reference
 * interval, read from OCR text where column gaps may have shrunk to one space
 * ("Glucose 112 H mg/dL 70-99", "Sodium 139 mmol/L 136 - 145", "HIV-1/2 Ag/Ab Nonreactive Nonreactive").
 */
import { squash, trimEndOf, type Page } from '../text/lines.js'

export interface LabTest {
  name: string
  result: string
  units: string | null
  referenceRange: string | null
  flag: string | null
  page: number
  line: number
  offset: number
}

const QUALITATIVE =
  /^(?:positive|negative|non-?\s?reactive|reactive|not\s+detected|detected|indeterminate|equivocal|normal|abnormal|trace|none\s+seen|none|no\s+growth|growth|present|absent|clear|cloudy|hazy|turbid|yellow|straw|amber|pale|see\s+(?:note|comment|below)|pending|neg|pos|small|moderate|large|rare|few|many|immune|non-?immune|susceptible|resistant|intermediate)\b/i
const NUMERIC = /^[<>≤≥]?=?\s?-?\d[\d,]*(?:\.\d+)?(?=\s|$|[HL*](?:\s|$)|HH|LL)/
const FLAG = /^(?:HH|LL|H|L|A|AA|\*|\*H|\*L|C|CRIT|CRITICAL|HIGH|LOW|ABN|ABNORMAL|PANIC)$/i
const RANGE_NUM = /^(?:[<>≤≥]=?\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:-|–|to)\s?\d[\d,]*(?:\.\d+)?)/i
const RANGE_TEXT = /^(?:negative|non-?\s?reactive|not\s+detected|none\s+seen|none|normal|neg|absent|clear|yellow|<\s?\d)/i
const UNIT = /^(?:%|[a-zA-Zµμ][a-zA-Zµμ0-9^*.]*(?:\/[a-zA-Z0-9^*.µμ]+)*\/?|(?:x\s?)?10[\^*eE]\d+\/[a-zA-Zµμ]+|#\/[a-zA-Zµμ]+)$/
const NOT_TESTS =
  /^(?:patient|name|dob|date|birth|age|sex|gender|mrn|acct|account|phone|tel|fax|page|pg|room|bed|accession|specimen id|order|npi|clia|collected|received|reported|resulted|printed|time|id|ssn|zip|suite|ste|p\.?o\.? box|lab|laboratory|physician|provider|address|fin|encounter|visit)\b/i

/** OCR letter-for-digit slips inside numbers ("1O.5" -> "10.5", "O.45" -> "0.45"). */
function fixNumber(tok: string): string {
  if (!/\d/.test(tok)) return tok
  if (!/^[<>≤≥]?=?[\dOoIl.,\-–]+[HL]?$/.test(tok)) return tok
  return tok.replace(/[Oo]/g, '0').replace(/[Il](?![HL]?$)/g, '1')
}

export interface ParsedRow {
  name: string
  result: string
  flag: string | null
  units: string | null
  referenceRange: string | null
}

/** Parses one line as a result row, or null. `inTable` relaxes the checks (qualitative rows, no units). */
export function parseRow(lineText: string, inTable: boolean): ParsedRow | null {
  const text = lineText.trimEnd()
  // A results row is short; long lines are prose (and would make the token scan below quadratic).
  if (text.trim().length < 4 || text.length > 240) return null
  // Split name from the rest at the first result-looking token.
  const tokens = [...text.matchAll(/\S+/g)]
  for (let t = 1; t < tokens.length; t++) {
    const tok = tokens[t]!
    const rest = text
      .slice(tok.index)
      .split(/(\s+)/)
      .map(fixNumber)
      .join('')
      .replace(/^(\d[\d,]*(?:\.\d+)?)(HH|LL|H|L)\b/, '$1 $2')
    const num = NUMERIC.exec(rest)
    const qual = num ? null : QUALITATIVE.exec(rest)
    if (!num && !qual) continue
    const name = trimEndOf(squash(text.slice(0, tok.index)), '.: ').replace(/\.{2,}.*$/, '')
    if (!/[A-Za-z].*[A-Za-z]/.test(name) || name.length > 60) return null
    if (NOT_TESTS.test(name)) return null
    // "Dayton, OH 45402": a city line of an address, not a test.
    if (/,\s*[A-Z]{2}\.?$/.test(name)) return null
    // A date, time or phone number in the "name" means this is not a result row.
    if (/\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d:\d\d|\(\d{3}\)/.test(name)) return null
    const result = squash((num ?? qual)![0])
    let after = rest.slice((num ?? qual)![0].length).trim()
    let flag: string | null = null
    let units: string | null = null
    let range: string | null = null
    // Remaining tokens in any order: flag, units, range (possibly in brackets, possibly with units after).
    let guard = 0
    while (after.length > 0 && guard++ < 8) {
      after = after.replace(/^[()[\]|,;]+\s*/, '')
      if (after === '') break
      const r = RANGE_NUM.exec(after) ?? (num ? RANGE_TEXT.exec(after) : RANGE_TEXT.exec(after))
      if (r && range === null && (RANGE_NUM.test(after) || qual !== null || /^(?:negative|non|not|none|<)/i.test(after))) {
        range = squash(r[0]).replace(/\s?(-|–)\s?/, ' - ')
        after = after.slice(r[0].length).trim()
        continue
      }
      const word = /^\S+/.exec(after)![0].replace(/[)\]]+$/, '')
      if (flag === null && FLAG.test(word)) {
        flag = word.toUpperCase()
        after = after.slice(/^\S+/.exec(after)![0].length).trim()
        continue
      }
      if (
        units === null &&
        UNIT.test(word) &&
        !/^(?:normal|ref|range|reference|final|see|note)$/i.test(word) &&
        !/^[A-Z]{4,}$/.test(word)
      ) {
        units = word
        after = after.slice(/^\S+/.exec(after)![0].length).trim()
        continue
      }
      break
    }
    const leftover = after.trim()
    // Numeric rows need units or a range (or a table around them); qualitative rows need a table.
    if (num && !units && !range && !inTable) return null
    if (qual && !inTable && !range) return null
    if (leftover.length > 25 && !inTable) return null
    return { name, result, flag, units, referenceRange: range }
  }
  return null
}

const HEADER = /\b(?:result|value)s?\b/i
const HEADER2 = /\b(?:test|component|analyte|reference|ref\.?\s*range|units?|flag|normal\s+range|description)\b/i

/** Reads every results row on the given pages. */
export function readLabTable(pages: Page[]): LabTest[] {
  const out: LabTest[] = []
  for (const page of pages) {
    let inTable = false
    let misses = 0
    let wrapped = 0
    for (const line of page.lines) {
      if (wrapped > 0) {
        wrapped--
        continue
      }
      const t = line.text
      if (t.trim() === '') {
        if (inTable && ++misses > 2) inTable = false
        continue
      }
      if (HEADER.test(t) && HEADER2.test(t) && !/\d/.test(t.replace(/\b\d{1,2}\/\d{1,2}\b/g, ''))) {
        inTable = true
        misses = 0
        continue
      }
      if (/\bpage\s+\d+\s*(?:of|\/)\s*\d+/i.test(t)) continue
      const row = parseRow(t, inTable)
      if (row) {
        const lead = t.length - t.trimStart().length
        const test: LabTest = { ...row, page: page.page, line: line.n, offset: line.start + lead }
        out.push(test)
        inTable = true
        misses = 0
        // A row wrapped by a narrow column: "40 L mL/" then "min/1.73m2" then ">=60".
        while (test.referenceRange === null) {
          const idx = page.lines.indexOf(line)
          const next = page.lines[idx + 1 + wrapped]?.text.trim() ?? ''
          if (next === '') break
          if (test.units?.endsWith('/') && /^[A-Za-z0-9.^*µμ/]+$/.test(next)) {
            test.units += next
          } else if (RANGE_NUM.test(next) && RANGE_NUM.exec(next)![0].length >= next.replace(/\s*[A-Za-z/%^0-9.]*$/, '').length) {
            test.referenceRange = squash(RANGE_NUM.exec(next)![0]).replace(/\s?(-|–)\s?/, ' - ')
          } else if (/^(?:negative|non-?\s?reactive|not\s+detected|none\s+seen|normal)$/i.test(next)) {
            test.referenceRange = next
          } else break
          wrapped++
        }
      } else if (inTable && ++misses > 3) {
        inTable = false
      }
    }
  }
  return out
}
