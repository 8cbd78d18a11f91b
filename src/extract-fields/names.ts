/** Telling a person's name from a label, a date or OCR noise in a signature block or header grid. */
import { findDates } from './dates.js'
import { trimEndOf } from '../text/lines.js'

/** Words that make up form labels under a signature line, never a person's name on their own. */
const LABEL_WORDS = new Set(
  (
    'attending physician provider surgeon radiologist patient patients parent guardian witness representative ' +
    'legal authorized authorised nurse clinician interpreter consultant doctor staff member responsible party name ' +
    'print printed typed title relationship signature signatures sign signed date time of or and the to by ' +
    'self person other if applicable here x na n/a none unknown pending on file dictated transcribed reviewed ' +
    'report document electronic electronically note page fax from'
  ).split(' '),
)

const CREDENTIALS =
  /^(?:m\.?d\.?|d\.?o\.?|r\.?n\.?|n\.?p\.?|p\.?a\.?(?:-c)?|ph\.?d\.?|facs|facp|facr|mph|dnp|aprn|fnp(?:-c)?|crna|lpn|pharmd|dds|dmd|od|dpm|lcsw|jr\.?|sr\.?|ii|iii|iv)$/i

const PARTICLES = new Set(['de', 'del', 'della', 'van', 'von', 'da', 'di', 'la', 'le', 'du', 'bin', 'ibn', 'st.', 'y'])

/**
 * Cuts what follows a name in a signature or header line: "on 03/05/2024", "at 14:32",
 * "Date: ...", a run of spaces, a pipe, underscores.
 */
export function cutName(raw: string): string {
  let s = raw
  const cutAt = (re: RegExp): void => {
    const m = re.exec(s)
    if (m && m.index >= 0) s = s.slice(0, m.index)
  }
  cutAt(/\s+(?:[o0]n|at)\s+(?=[\dOol|]|[A-Za-z]{3,9}\.?\s+\d)/i)
  cutAt(/\b(?:date|time|dated|d\/t|signed on)\b\s*[:\-/]?/i)
  cutAt(/\s{3,}|\t|\||_{2,}/)
  cutAt(/\s+\(?\d{1,2}:\d{2}/)
  const d = findDates(s)[0]
  if (d) s = s.slice(0, d.index)
  return trimEndOf(s.replace(/^[^A-Za-z(]+/, '').replace(/^(?:printed|print|typed)\s*name\s*[:\-]?\s*/i, ''), ' ,;:-_~=*\'"`|').trim()
}

/**
 * Whether a cleaned string reads as a person's name ("Jane Roe, MD", "Dr. A. Patel", "ROE, JANE").
 * Form labels ("Attending Physician", "Printed name"), dates and OCR noise do not.
 */
export function isNameLike(s: string): boolean {
  const t = s.trim()
  if (t.length < 3 || t.length > 80) return false
  if (/\b(?:signature|sign here|signed)\b/i.test(t)) return false
  const letters = (t.match(/[A-Za-z]/g) ?? []).length
  if (letters < 3 || letters < t.replace(/\s/g, '').length * 0.6) return false
  const words = t
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[("'.]+|[)"'.,;:]+$/g, ''))
    .filter((w) => w.length > 0)
  if (words.length === 0 || words.length > 7) return false
  const nameWords = words.filter((w) => !CREDENTIALS.test(w) && !/^dr\.?$/i.test(w))
  if (nameWords.length === 0) return false
  if (nameWords.every((w) => LABEL_WORDS.has(w.toLowerCase()))) return false
  // Names are capitalised: most words start with a capital (particles excepted).
  const capitalised = nameWords.filter((w) => /^[A-Z]/.test(w) || PARTICLES.has(w.toLowerCase()))
  if (capitalised.length * 3 < nameWords.length * 2) return false
  if (!nameWords.some((w) => /[A-Za-z]{2,}/.test(w))) return false
  return true
}

/** "Dr. Jane Roe, MD" -> "Jane Roe, MD"; "Dr. Roe" stays as it is (the title is all there is besides the surname). */
export function dropTitle(name: string): string {
  const m = /^(?:dr\.?|doctor)\s+(.+)$/i.exec(name)
  if (!m || !m[1]) return name
  const words = m[1].split(/[\s,]+/).filter((w) => /^[A-Z][A-Za-z'.-]*$/.test(w) && !CREDENTIALS.test(w))
  return words.length >= 2 ? m[1] : name
}

/** `cutName` then `isNameLike`: the name (without a leading "Dr." when the full name follows), or null. */
export function nameFrom(raw: string): string | null {
  // Stray quotes and marks from OCR ("WHITFIELD-HAYES, ‘CAROLINE").
  const n = cutName(raw.replace(/[‘’“”«»©®°¢]/g, ''))
  return isNameLike(n) ? dropTitle(n) : null
}
