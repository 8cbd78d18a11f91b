/**
 * The separator sheet a clerk may put between documents in a stack: it prints
 * "CHARTCLERK SEPARATOR SHEET" in large letters and "Do not file - place between documents".
 * Recognised by OCR of that phrase, tolerant to the slips OCR makes on large type
 * (O/0, I/1, S/5, a dropped or doubled letter, words run together). A separator page is
 * never filed and never part of a document.
 */

const PHRASE = 'CHARTCLERKSEPARATORSHEET'
const SECOND = 'DONOTFILEPLACEBETWEENDOCUMENTS'
/** A real separator sheet holds little else; a document that quotes the phrase is not one. */
const MAX_LETTERS = 600

/** Letters only, upper case, with the digits OCR reads for letters turned back. */
export function squashLetters(text: string): string {
  return text
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/[1|!]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/8/g, 'B')
    .replace(/[^A-Z]/g, '')
}

/** Smallest edit distance between `needle` and any stretch of `hay` (Sellers' approximate matching). */
export function nearestDistance(needle: string, hay: string): number {
  const m = needle.length
  let prev = Array.from({ length: m + 1 }, (_v, i) => i)
  let best = m
  for (let j = 1; j <= hay.length; j++) {
    const cur = [0]
    for (let i = 1; i <= m; i++) {
      const cost = needle[i - 1] === hay[j - 1] ? 0 : 1
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1)
    }
    if (cur[m]! < best) best = cur[m]!
    prev = cur
  }
  return best
}

/** True when the page's text is a chartclerk separator sheet. */
export function isSeparatorPage(text: string): boolean {
  // Counted in letters, not words: text printed upside down comes out of some PDFs a letter at a time.
  const letters = squashLetters(text)
  if (letters.length < 10 || letters.length > MAX_LETTERS) return false
  // About one slip in five letters on the big phrase, or the small line read well.
  return nearestDistance(PHRASE, letters) <= 5 || nearestDistance(SECOND, letters) <= 4
}
