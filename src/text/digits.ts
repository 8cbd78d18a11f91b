/**
 * Digits as OCR reads them: the one table of letters and strokes a scanner puts in place of a
 * digit, for every reader of text (fields, patient identifiers, MRNs, page markers).
 */

/** Characters OCR reads in place of a digit, mapped to that digit. */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  I: '1',
  i: '1',
  l: '1',
  // Upper case for readers that upper-case first (MRNs): a lower-case l is then an L.
  L: '1',
  '|': '1',
  '!': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  b: '6',
  G: '6',
  g: '9',
  q: '9',
}

/**
 * Character class (without brackets) of a digit or a look-alike that may stand inside a run of
 * digits when looking for numbers and dates. Narrower than the table: letters that are common
 * inside words (D, G, b, g, q, s, L) are repaired only where a reader already knows a number stands.
 */
export const DIGITISH = '0-9OoQIil|!SZzB'

/** The digit a look-alike stands for, or undefined when `ch` is not one. */
export function lookalikeDigit(ch: string): string | undefined {
  return DIGIT_LOOKALIKES[ch]
}

/** Turns an OCR'd digit run into digits and says whether anything was repaired; null if a character is not digit-like. */
export function repairDigits(s: string): { value: string; repaired: boolean } | null {
  let value = ''
  let repaired = false
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') value += ch
    else {
      const d = DIGIT_LOOKALIKES[ch]
      if (d === undefined) return null
      value += d
      repaired = true
    }
  }
  return { value, repaired }
}

/** Turns an OCR'd digit run into digits ("2O24" -> "2024", "l2" -> "12"); null if something is not digit-like. */
export function ocrDigits(s: string): string | null {
  return repairDigits(s)?.value ?? null
}

/** Counts real digits in a string. */
export function countDigits(s: string): number {
  let n = 0
  for (const ch of s) if (ch >= '0' && ch <= '9') n++
  return n
}
