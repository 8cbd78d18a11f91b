/**
 * The sending facility: the letterhead at the top of page 1 (name, then address lines), or the
 * fax transmission header ("FROM: Mercy Hospital HIM"), or a "Facility:" label (handled by fields).
 */
import { findDates } from './dates.js'
import { squash, type Page } from '../text/lines.js'

export interface LetterheadHit {
  value: string
  page: number
  offset: number
  line: number
}

export interface Letterhead {
  name: LetterheadHit | null
  address: LetterheadHit | null
  faxFrom: LetterheadHit | null
}

const FACILITY_WORDS =
  /\b(?:hospital|medical\s+cent(?:er|re)|health(?:care)?|clinic|clinics|laborator(?:y|ies)|labs?|imaging|radiology|diagnostics?|associates|cent(?:er|re)|medical\s+group|physicians|pediatrics|paediatrics|surgery|surgical|urgent\s+care|health\s+system|regional|memorial|institute|pathology|university|family\s+(?:medicine|practice)|practice|pharmacy|cardiology|orthopa?edics?|oncology|obstetrics|gynecology|women'?s|children'?s|specialists|infirmary|sanatorium|hospice|rehabilitation|rehab|dialysis|county|department\s+of\s+health|public\s+health|medical|partners|group|llc|inc\.?|p\.?c\.?|p\.?a\.?)\b/i
const TITLE_WORDS =
  /\b(?:report|summary|note|notes|record|records|authorization|consent|form|results|letter|request|history and physical|h\s*&\s*p|discharge|consultation|operative|progress|referral|invoice|statement|cover\s+sheet|confidential)\s*$/i
const STREET =
  /^\s*(?:\d{1,6}[A-Za-z]?\s+[A-Za-z0-9 .'-]{2,40}\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|pkwy|parkway|hwy|highway|plaza|ct|court|pl|place|cir|circle|ter|terrace|sq|square|trl|trail|row|loop|route|rte|pike|tpke)\b\.?|p\.?\s?o\.?\s+box\s+\d+|(?:suite|ste\.?)\s*\w+)/i
const CITY_STATE_ZIP = /\b[A-Za-z .'-]{2,40},?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b/
const PATIENT_LINE = /\b(?:patient|name|dob|d\.o\.b|date of birth|mrn|sex|age|account|acct|re:|to:|attn)\b/i
const FAX_LINE = /\bfax\b|\bfrom\s*:|\bp\.?\s?\d{1,3}\s*\/\s*\d{1,3}\b|\bpage\s+\d{1,3}\b/i

function hit(page: Page, idx: number, value: string, offsetInLine = 0): LetterheadHit {
  const l = page.lines[idx]!
  return { value, page: page.page, offset: l.start + offsetInLine, line: l.n }
}

function looksLikeAddress(t: string): boolean {
  return STREET.test(t) || CITY_STATE_ZIP.test(t)
}

const CONNECTOR = /^(?:of|and|for|the|at|on|in|&)$/i
/** ", OH 43825": where a city line's state and ZIP begin. */
const STATE_ZIP = /,?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b/

function lastFacilityWordEnd(t: string, before = t.length): number {
  const re = new RegExp(FACILITY_WORDS.source, 'gi')
  let endAt = -1
  for (const m of t.matchAll(re)) if (m.index + m[0].length <= before) endAt = m.index + m[0].length
  return endAt
}

function isJunkToken(w: string): boolean {
  if (!/[A-Za-z0-9]/.test(w)) return true
  if (/^[a-z]/.test(w) && !CONNECTOR.test(w)) return true
  return w.replace(/[^A-Za-z]/g, '').length <= 2 && !/^(?:[A-Z]\.?){1,3}$|^(?:PC|PA|MD|DO|LLC|Inc|Co)\.?$/.test(w)
}

/**
 * The facility name alone: a second column ("... Heart Center   77 Orchard Lane", "... Medical Center
 * Carver Falls, OH 43825") and a logo read as letters ("® ... Medical Center pedi Sion", "HARBOR
 * URGENT CARE Ey") are cut off.
 */
export function cleanName(line: string): string {
  let t = (
    line
      .trim()
      .replace(/^[^A-Za-z0-9]+/, '')
      .split(/\s{3,}|\t|\s[|•·]\s/)[0] ?? ''
  ).trim()
  const street = /\s\d{1,6}[A-Za-z]?\s+[A-Z][a-z]+/.exec(t)
  if (street && street.index > 3) t = t.slice(0, street.index)
  const zip = STATE_ZIP.exec(t)
  if (zip) {
    const cut = lastFacilityWordEnd(t, zip.index)
    if (cut > 0) t = t.slice(0, cut)
  }
  const kw = lastFacilityWordEnd(t)
  if (kw > 0 && kw < t.length) {
    const rest = t.slice(kw).trim().split(/\s+/)
    const keep = rest.length > 0 && CONNECTOR.test(rest[0] ?? '') && rest.slice(1).every((w) => /^[A-Z][a-z'.-]+$/.test(w))
    // A remainder in another case style ("Medical Center SHEE") is a second column or a logo.
    const head = t.slice(0, kw)
    const otherCase = /[a-z]/.test(head) && rest.every((w) => !/[a-z]/.test(w))
    if (!keep && (/\d/.test(t.slice(kw)) || rest.some(isJunkToken) || otherCase)) t = head
  }
  const words = t.split(/\s+/)
  while (words.length > 2 && isJunkToken(words[words.length - 1]!)) words.pop()
  return squash(words.join(' ')).replace(/[,;:\-]+$/, '')
}

/** Reads the letterhead and fax header of the first page. */
export function readLetterhead(pages: Page[], titles: ReadonlyArray<string> = []): Letterhead {
  const page = pages[0]
  const out: Letterhead = { name: null, address: null, faxFrom: null }
  if (!page) return out
  const titleSet = new Set(titles.map((t) => t.toLowerCase()))
  const nonBlank = page.lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.text.trim() !== '')
    .slice(0, 12)

  for (const { l, i } of nonBlank.slice(0, 4)) {
    const m = /\bfrom\s*:\s*(.+)$/i.exec(l.text)
    if (m && m[1]) {
      let v = m[1]
      const cut = /\s{2,}|\bto\s*:|\bfax\b|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\bp\.?\s?\d{1,3}\s*\/|\bpage\b/i.exec(v)
      if (cut) v = v.slice(0, cut.index)
      v = squash(v).replace(/[,;:\-]+$/, '')
      if (/[A-Za-z]{3,}/.test(v)) out.faxFrom = hit(page, i, v, l.text.indexOf(m[1]))
    }
  }

  let nameIdx = -1
  let fallbackIdx = -1
  for (const [k, { l, i }] of nonBlank.entries()) {
    const t = squash(l.text)
    if (t.length < 3 || t.length > 120) continue
    if (FAX_LINE.test(t) && (findDates(t).length > 0 || /\d{3}[\s.-]\d{4}/.test(t) || /\bfax\b/i.test(t))) continue
    if (PATIENT_LINE.test(t) || /:\s*\S/.test(t)) continue
    if (STREET.test(t) || findDates(t).length > 0) continue
    if (titleSet.has(t.toLowerCase()) || TITLE_WORDS.test(t)) continue
    const tokens = t.split(' ')
    // "H H H": a logo read as single letters.
    if (tokens.filter((w) => w.replace(/[^A-Za-z]/g, '').length <= 1).length * 2 >= tokens.length) continue
    const zip = STATE_ZIP.exec(t)
    const own = zip ? t.slice(0, zip.index) : t
    const letters = (own.match(/[A-Za-z]/g) ?? []).length
    if (letters < own.length * 0.6) continue
    if (FACILITY_WORDS.test(own)) {
      nameIdx = i
      break
    }
    const nextTexts = nonBlank.slice(k + 1, k + 3).map((x) => x.l.text)
    if (fallbackIdx < 0 && !zip && nextTexts.some(looksLikeAddress)) fallbackIdx = i
  }
  if (nameIdx < 0) nameIdx = fallbackIdx
  if (nameIdx >= 0) {
    const l = page.lines[nameIdx]!
    const name = cleanName(l.text)
    if (name.length >= 3) out.name = hit(page, nameIdx, name, Math.max(0, l.text.indexOf(name.slice(0, 4))))
    else nameIdx = -1
  }
  if (nameIdx >= 0) {
    const addr: string[] = []
    let first = -1
    for (let i = nameIdx + 1; i < page.lines.length && i <= nameIdx + 4; i++) {
      const t = page.lines[i]!.text
      if (t.trim() === '') {
        if (addr.length > 0) break
        continue
      }
      if (looksLikeAddress(t)) {
        if (first < 0) first = i
        // Phone/fax numbers on the address line are not part of the address.
        // Phone/fax numbers, CLIA numbers and other columns on the address line are not part of the address.
        const own = t.trim().split(/\s{3,}|\t/)[0] ?? t
        addr.push(
          squash(
            own.replace(/\b(?:tel|phone|ph|fax|f|t)\s*[:.]?\s*\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}.*$/i, '').replace(/\bCLIA\b.*$/i, ''),
          ).replace(/[,;|•·\s]+$/, ''),
        )
        if (CITY_STATE_ZIP.test(t)) break
      } else if (addr.length > 0 || !FACILITY_WORDS.test(t)) {
        if (addr.length > 0) break
      }
    }
    if (first >= 0) {
      const l = page.lines[first]!
      out.address = hit(page, first, addr.join(', ').replace(/\s*[|•·]\s*/g, ', '), l.text.length - l.text.trimStart().length)
    }
  }
  return out
}
