/**
 * The health center's own medical record numbers (MRNs): their format, and reading them
 * back from OCR text.
 */
import { ChartclerkError } from '../errors.js'

/**
 * Default MRN format: 6 to 10 digits. A site sets its own (`^\d{7}$`, `^CC\d{6}$`...) so
 * that a sending facility's numbers are less likely to be taken for ours.
 */
export const DEFAULT_MRN_PATTERN = /^\d{6,10}$/

/** Accepts a RegExp or its source text; anchors it so it must match the whole MRN. */
export function compileMrnPattern(p: RegExp | string | undefined): RegExp {
  if (p === undefined) return DEFAULT_MRN_PATTERN
  const source = typeof p === 'string' ? p : p.source
  const flags = typeof p === 'string' ? '' : p.flags.replace(/[gy]/g, '')
  try {
    const anchored = `^(?:${source.replace(/^\^/, '').replace(/\$$/, '')})$`
    return new RegExp(anchored, flags)
  } catch (err) {
    throw new ChartclerkError('CONFIG_INVALID', 'The MRN format is not a valid regular expression; fix it in the configuration.', {
      cause: err,
      detail: 'mrnPattern does not compile',
    })
  }
}

/** Trims, upper-cases and removes spaces and dashes inside an MRN ("123-4567" -> "1234567"). */
export function normalizeMrn(s: string): string {
  return s.trim().toUpperCase().replace(/[\s\-]+/g, '')
}

const LOOKALIKE: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', '|': '1', '!': '1', S: '5', B: '8', Z: '2', G: '6' }

/**
 * Reads a value written under an MRN label as our MRN: as written, then with OCR digit
 * look-alikes repaired. Returns null when neither fits the pattern.
 */
export function readMrn(raw: string, pattern: RegExp): { value: string; repaired: boolean } | null {
  const n = normalizeMrn(raw).replace(/[.:#,;]+$/, '')
  if (!n) return null
  if (pattern.test(n)) return { value: n, repaired: false }
  // Repair only letters standing among digits ("12O4567", "l234567"), keeping a letter prefix if the format has one.
  let repaired = ''
  for (let i = 0; i < n.length; i++) {
    const ch = n[i]!
    const prevDigitish = i > 0 && /[0-9OQDILSBZG|!]/.test(n[i - 1]!)
    const nextDigitish = i + 1 < n.length && /[0-9OQDILSBZG|!]/.test(n[i + 1]!)
    repaired += LOOKALIKE[ch] !== undefined && (prevDigitish || nextDigitish) && /\d/.test(n) ? LOOKALIKE[ch]! : ch
  }
  if (repaired !== n && pattern.test(repaired)) return { value: repaired, repaired: true }
  // A letter prefix may itself have been damaged; try repairing only after the longest leading run of letters that the pattern accepts.
  for (let cut = 1; cut < n.length; cut++) {
    const head = n.slice(0, cut)
    const tail = repaired.slice(cut)
    const candidate = head + tail
    if (candidate !== n && pattern.test(candidate)) return { value: candidate, repaired: true }
  }
  return null
}
