/**
 * The clinic's MRN format, as a person gives it to `chartclerk init`: a picture such as
 * "CC-######" (# a digit, @ a letter, anything else as written) or a regular expression
 * ("^CC-\d{6}$"). It becomes `patients.mrnPattern`, which decides which numbers on an outside
 * record are taken for ours: too loose, and another clinic's number is looked up as ours.
 *
 * @example
 *   mrnPatternFrom('CC-######')   // { pattern: '^CC-\\d{6}$', examples: ['CC-100418', 'CC-204729'] }
 */
import { ChartclerkError } from '../errors.js'

export interface MrnFormat {
  /** The regular expression for the whole value, as written to the configuration. */
  pattern: string
  /** Numbers of this format (made from a picture; none can be made from a regular expression). */
  examples: string[]
}

/** Numbers other clinics print that must not be taken for ours, shown against the format. */
export const OUTSIDE_NUMBERS = ['00736145', '123456', 'A25-0310442', 'V2025040211873']

const DIGITS = ['100418', '204729', '381156']
const LETTERS = 'ABCDEFGH'

const isPicture = (s: string) => /[#@]/.test(s) && !/[\\^$[\](){}*+?|]/.test(s)
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function pictureToPattern(picture: string): string {
  let out = ''
  for (let i = 0; i < picture.length;) {
    const c = picture[i]!
    let n = 1
    while (picture[i + n] === c && (c === '#' || c === '@')) n++
    if (c === '#') out += n > 1 ? `\\d{${n}}` : '\\d'
    else if (c === '@') out += n > 1 ? `[A-Z]{${n}}` : '[A-Z]'
    else out += escape(c)
    i += n
  }
  return `^${out}$`
}

function examplesOf(picture: string): string[] {
  return DIGITS.map((digits, k) => {
    let d = 0
    let l = 0
    return [...picture].map((c) => (c === '#' ? digits[d++ % digits.length] : c === '@' ? LETTERS[(k + l++) % LETTERS.length] : c)).join('')
  })
}

export function mrnPatternFrom(input: string): MrnFormat {
  const s = input.trim()
  if (!s)
    throw new ChartclerkError(
      'USAGE',
      'Give the MRN format: a picture such as CC-###### (# a digit, @ a letter) or a regular expression such as ^CC-\\d{6}$.',
    )
  if (isPicture(s)) return { pattern: pictureToPattern(s), examples: examplesOf(s) }
  const pattern = `${s.startsWith('^') ? '' : '^'}${s}${s.endsWith('$') ? '' : '$'}`
  try {
    new RegExp(pattern)
  } catch (err) {
    throw new ChartclerkError(
      'USAGE',
      `The MRN format "${s}" is not a valid regular expression (${(err as Error).message}). Give a picture such as CC-###### or a regular expression such as ^CC-\\d{6}$.`,
    )
  }
  if (new RegExp(pattern).test(''))
    throw new ChartclerkError('USAGE', `The MRN format "${s}" accepts an empty value. Give a format that needs at least one character.`)
  return { pattern, examples: [] }
}

/** Which of `values` fit the format. */
export function testMrns(pattern: string, values: readonly string[]): { value: string; fits: boolean }[] {
  const re = new RegExp(pattern)
  return values.map((value) => ({ value, fits: re.test(value) }))
}
