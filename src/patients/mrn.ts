/**
 * The health center's own medical record numbers (MRNs): their format, how two ways of writing
 * one MRN are compared, and reading them back from OCR text.
 *
 * An MRN keeps the form the health center writes it in (`CC-100418`); scanners and other systems
 * drop or add separators (`CC100418`, `CC 100418`), so MRNs are compared by `mrnKey`, letters
 * and digits only.
 */
import { ChartclerkError } from '../errors.js'
import { lookalikeDigit } from '../text/digits.js'

/**
 * Default MRN format: 6 to 10 digits. A site sets its own (`^\d{7}$`, `^CC-\d{6}$`...) so that a
 * sending facility's numbers are less likely to be taken for ours.
 */
export const DEFAULT_MRN_PATTERN = /^\d{6,10}$/

/** An MRN format: the pattern as written, and the same pattern with its literal separators removed. */
export interface MrnFormat {
  /** Whole-value pattern for the MRN as the health center writes it. */
  pattern: RegExp
  /** The pattern with literal dashes, spaces and dots taken out, for MRNs whose separators a scanner lost. */
  keyPattern: RegExp
}

/** Removes literal separators (- space . /) from a regular expression source, outside character classes. */
function withoutSeparators(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      if (!inClass && (next === '-' || next === '.' || next === '/' || next === ' ')) {
        i++
        if (source[i + 1] === '?') i++
        continue
      }
      if (!inClass && next === 's') {
        i++
        if (source[i + 1] === '?' || source[i + 1] === '*' || source[i + 1] === '+') i++
        continue
      }
      out += ch + next
      i++
      continue
    }
    if (ch === '[') inClass = true
    else if (ch === ']') inClass = false
    if (!inClass && (ch === '-' || ch === ' ' || ch === '/')) {
      if (source[i + 1] === '?') i++
      continue
    }
    out += ch
  }
  return out
}

/**
 * Accepts a RegExp or its source text and anchors it so it must match the whole MRN.
 *
 * @example compileMrnFormat('CC-\\d{6}').keyPattern.test('CC100418') // true
 */
export function compileMrnFormat(p: RegExp | string | undefined): MrnFormat {
  const src = p === undefined ? DEFAULT_MRN_PATTERN.source : typeof p === 'string' ? p : p.source
  const flags = typeof p === 'object' ? p.flags.replace(/[gy]/g, '') : ''
  const body = src.replace(/^\^/, '').replace(/\$$/, '')
  try {
    return { pattern: new RegExp(`^(?:${body})$`, flags), keyPattern: new RegExp(`^(?:${withoutSeparators(body)})$`, flags) }
  } catch (err) {
    throw new ChartclerkError('CONFIG_INVALID', 'The MRN format is not a valid regular expression; fix it in the configuration.', {
      cause: err,
      detail: 'mrnPattern does not compile',
    })
  }
}

/** Anchored pattern only (see `compileMrnFormat`). */
export function compileMrnPattern(p: RegExp | string | undefined): RegExp {
  return compileMrnFormat(p).pattern
}

/** An MRN as written, tidied: trimmed, upper case, no spaces around its separators. */
export function normalizeMrn(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/\s*([-./])\s*/g, '$1')
    .replace(/\s+/g, '')
}

/**
 * The comparison key of an MRN: letters and digits only, upper case. `CC-100418`, `cc100418` and
 * `CC 100418` share the key `CC100418`. A `PatientIndex` looks MRNs up by this key.
 */
export function mrnKey(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/** True when `value` is an MRN in our format, written with or without its separators. */
export function fitsMrnFormat(value: string, format: MrnFormat): boolean {
  return format.pattern.test(normalizeMrn(value)) || format.keyPattern.test(mrnKey(value))
}

/** A digit, or a letter the scanner may have put in place of one (MRNs are read upper case). */
const digitish = (ch: string): boolean => (ch >= '0' && ch <= '9') || lookalikeDigit(ch) !== undefined

/**
 * Reads a value written under an MRN label as our MRN: as written, then with OCR digit
 * look-alikes repaired. Returns null when neither fits the format.
 */
export function readMrn(raw: string, format: MrnFormat | RegExp): { value: string; repaired: boolean } | null {
  const f: MrnFormat = format instanceof RegExp ? { pattern: format, keyPattern: format } : format
  const n = normalizeMrn(raw).replace(/[.:#,;]+$/, '')
  if (!n) return null
  // As written when that is our format; else without separators when that is ("123-4567" for 1234567).
  const written = (v: string): string => (f.pattern.test(v) ? v : f.pattern.test(mrnKey(v)) ? mrnKey(v) : v)
  if (fitsMrnFormat(n, f)) return { value: written(n), repaired: false }
  if (!/\d/.test(n)) return null
  // Repair only letters standing among digits ("12O4567", "l234567"), keeping a letter prefix the format may have.
  let repaired = ''
  for (let i = 0; i < n.length; i++) {
    const ch = n[i]!
    const near = (i > 0 && digitish(n[i - 1]!)) || (i + 1 < n.length && digitish(n[i + 1]!))
    repaired += near ? (lookalikeDigit(ch) ?? ch) : ch
  }
  if (repaired !== n && fitsMrnFormat(repaired, f)) return { value: written(repaired), repaired: true }
  // A prefix of letters may have been repaired wrongly ("SD1234" -> "501234"): keep the head as written.
  for (let cut = 1; cut < n.length; cut++) {
    const candidate = n.slice(0, cut) + repaired.slice(cut)
    if (candidate !== n && fitsMrnFormat(candidate, f)) return { value: written(candidate), repaired: true }
  }
  return null
}
