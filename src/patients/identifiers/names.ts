/** Patient names: labelled values, separate last/first fields, stickers (LAST, FIRST) and letters naming the patient. */
import { type PersonName, parsePersonName } from '../names.js'
import { Collector, foundAt } from './collector.js'
import { type Line, NOT_PATIENT_QUALIFIERS } from './labels.js'
import { type FoundHow } from './types.js'

/** Words that are never part of a patient's name (labels, headers, report words). Real family names (West, Page, Low, Do) stay out of it. */
const STOPWORDS = new Set(
  (
    'PATIENT PATIENTS PT NAME DOB DATE BIRTH MRN SEX AGE MALE FEMALE UNKNOWN NONE NA TEST TESTS RESULT ' +
    'RESULTS REPORT FINAL PRELIMINARY CORRECTED AMENDED TOTAL SERUM PLASMA BLOOD URINE LAB LABS ' +
    'LABORATORY HOSPITAL MEDICAL MEDICINE CENTER CENTRE CLINIC HEALTH HEALTHCARE COMMUNITY GENERAL ' +
    'REGIONAL MEMORIAL UNIVERSITY SERVICES SERVICE DEPARTMENT DEPT RADIOLOGY IMAGING PATHOLOGY ACCOUNT ' +
    'VISIT PHYSICIAN PROVIDER DOCTOR DR MD RN NP PA PHD DDS FACP FACS STREET AVENUE AVE ROAD RD SUITE ' +
    'STE PHONE FAX TEL OF THE AND FOR TO FROM SUBJECT DEAR SINCERELY FOLLOW FOLLOWUP ADMISSION DISCHARGE ' +
    'SUMMARY NOTE NOTES CONSULT CONSULTATION HISTORY PHYSICAL EXAM EXAMINATION IMPRESSION FINDINGS ' +
    'PROCEDURE OPERATIVE PROGRESS REFERRAL LETTER RECORD RECORDS REQUEST INFORMATION CONFIDENTIAL ID ' +
    'NUMBER ACCT FIN ENCOUNTER ORDER ORDERING ATTENDING REFERRING SPECIMEN COLLECTED RECEIVED REPORTED ' +
    'STATUS ZIP INSURANCE MEDICAID MEDICARE GUARANTOR SIGNATURE SIGNED ELECTRONICALLY DICTATED ' +
    'TRANSCRIBED REVIEWED WITH WITHOUT NORMAL ABNORMAL REFERENCE COMMENT COMMENTS DIAGNOSIS PLAN ' +
    'ASSESSMENT CHIEF COMPLAINT SYSTEM INC LLC ASSOCIATES PHYSICIANS URGENT EMERGENCY FAMILY INTERNAL ' +
    'PEDIATRICS CARDIOLOGY ONCOLOGY SURGERY OFFICE NOT PROVIDED GIVEN AVAILABLE ON FILE SEE ABOVE BELOW ' +
    'ATTACHED SAME PENDING IS WAS HAS NURSING REHAB REHABILITATION HOSPICE PHARMACY DIALYSIS INSTITUTE INFIRMARY'
  ).split(/\s+/),
)
const FACILITY_WORDS = new Set(
  (
    'HOSPITAL MEDICAL CENTER CENTRE CLINIC HEALTH HEALTHCARE LABORATORY LABORATORIES LABS LAB REGIONAL GENERAL MEMORIAL COMMUNITY UNIVERSITY DEPARTMENT SERVICES SYSTEM INC LLC RADIOLOGY IMAGING ASSOCIATES GROUP PHYSICIANS CARE URGENT SAINT ST MERCY PRESBYTERIAN BAPTIST METHODIST ' +
    // organisations that are a clinic's clients ("Client: Open Street Medicine Collaborative")
    'MEDICINE COLLABORATIVE COOPERATIVE FOUNDATION NETWORK ALLIANCE COALITION ORGANIZATION ORGANISATION PROGRAM PROGRAMME PROJECT'
  ).split(' '),
)
const CREDENTIALS =
  /^(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|N\.?P\.?|P\.?A\.?(?:-C)?|PH\.?D\.?|FACS|FACP|FACR|MPH|DNP|APRN|FNP(?:-C)?|CRNA|LPN|PHARMD|DDS|DMD|DPM|LCSW|MSW)$/i
const STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(
    ' ',
  ),
)
const PARTICLE_WORDS = new Set([
  'de',
  'del',
  'della',
  'la',
  'las',
  'los',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'le',
  'y',
  'bin',
  'ibn',
])

export interface Token {
  text: string
  start: number
  end: number
}

export function tokens(s: string, offset = 0): Token[] {
  const out: Token[] = []
  const re = /\S+/g
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length })
  return out
}

export function bare(t: string): string {
  return t.replace(/^[^\p{L}\p{N}|]+|[^\p{L}\p{N}|]+$/gu, '')
}

export function isNameWord(t: string): boolean {
  const b = bare(t)
  if (!b) return false
  if (!/^\p{L}/u.test(b) && !/^[0-9|]\p{L}/u.test(b)) return false
  if (!/^[\p{L}\p{M}0-9|'’\-.]+$/u.test(b)) return false
  const digits = (b.match(/[0-9|]/g) ?? []).length
  return digits <= Math.max(1, Math.floor(b.length / 3))
}

/** Strips specks and stray punctuation from the edges of each word of a name part. */
function tidyPart(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}|]+|[^\p{L}\p{N}|.]+$/gu, ''))
    .filter(Boolean)
    .join(' ')
}

/**
 * Cuts a name value where the name ends: a column gap, a bracket, a date or number, a
 * credential, a facility word, a lower-case word that is not a particle.
 */
export function cutNameValue(s: string, opts: { allowLowercase: boolean }): { text: string; start: number } | null {
  let end = s.length
  const gap = /\s{2,}|\t|\||\(|\[|;| - |_{2,}/.exec(s)
  if (gap) end = gap.index
  let v = s.slice(0, end)
  const lead = /^[\s,:.\-]*/.exec(v)?.[0].length ?? 0
  const toks = tokens(v.slice(lead), lead)
  const kept: Token[] = []
  for (const t of toks) {
    const b = bare(t.text)
    const up = b.toUpperCase().replace(/\./g, '')
    if (!isNameWord(t.text)) break
    if (CREDENTIALS.test(b) && kept.length >= 2) return null
    // The value was already cut at a column gap: a facility word in the same phrase makes the
    // words before it part of an organisation's name ("Cedar Hollow Community Health Center"), not a person.
    if (kept.length > 0 && FACILITY_WORDS.has(up)) return null
    if (kept.length > 0 && /^(?:SEX|AGE|DOB|MRN|ACCT|DATE|PHONE|ADDRESS)$/.test(up)) break
    const lower = /^\p{Ll}/u.test(b) && !PARTICLE_WORDS.has(b.toLowerCase())
    if (lower && (!opts.allowLowercase || kept.length >= 2)) break
    kept.push(t)
    if (/,$/.test(t.text) && kept.length > 1 && kept.some((k, i) => i < kept.length - 1 && k.text.includes(','))) break
    if (kept.length >= 6) break
  }
  if (kept.length === 0) return null
  v = s.slice(kept[0]!.start, kept[kept.length - 1]!.end).replace(/[,;:]+$/, '')
  return { text: v, start: kept[0]!.start }
}

export function plausibleName(n: PersonName, opts: { lowercaseOk?: boolean } = {}): boolean {
  const parts = [...n.familyName.split(/[\s-]+/), n.givenName].map((p) => bare(p).toUpperCase().replace(/\./g, ''))
  if (parts.some((p) => STOPWORDS.has(p))) return false
  const fam = bare(n.familyName).replace(/[^\p{L}]/gu, '')
  const given = bare(n.givenName).replace(/[^\p{L}]/gu, '')
  if (fam.length < 2 || given.length < 1) return false
  // The middle name too, but for an initial: "GP in Norway" is a phrase, not Norway, GP in.
  const middleWords = (n.middleName ?? '').split(/\s+/).filter((w) => bare(w).length > 1)
  const words = [...n.familyName.split(/\s+/), n.givenName, ...middleWords]
    .map(bare)
    .filter((w) => w && !PARTICLE_WORDS.has(w.toLowerCase()))
  const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w)).length
  // A name is capitalised; an all-lower-case value is accepted only right after a patient-name label.
  if (lowerWords > 0 && !(opts.lowercaseOk && lowerWords === words.length)) return false
  // "Do" and "Pa" are family names too; only the unmistakable credentials rule a name out.
  const credential = (w: string): boolean => CREDENTIALS.test(w) && (w.replace(/\./g, '').length >= 3 || /^m\.?d\.?$/i.test(w))
  if (credential(bare(n.givenName)) || credential(bare(n.familyName))) return false
  return true
}

/**
 * OCR sometimes reads the first letters of an upper-case word in lower case ("soFIA"); a person
 * reads SOFIA. A word whose upper-case tail is longer than its lower-case head is taken as upper case.
 */
export function undoCaseSlips(s: string): string {
  return s.replace(/(?<![\p{L}])(\p{Ll}{1,3})(\p{Lu}{2,})(?![\p{L}])/gu, (w, head: string, tail: string) =>
    tail.length > head.length ? w.toUpperCase() : w,
  )
}

/**
 * A name value as a person reads it: case slips undone ("soFIA"), a vertical stroke read as a
 * digit inside a lower-case word is the letter l ("Redc1oud", "Gabrie1": a capital I does not
 * follow a lower-case letter, and no name holds a digit), and a comma with the space lost
 * ("Okafor,Beatrice") still separates family and given names. A word that starts with l and a
 * consonant no word starts with after l ("lkeda") starts with a capital I a scan read as l, and a 0 alone
 * between capitalised words is the letter O.
 */
export function readAsPrinted(s: string): string {
  return (
    undoCaseSlips(s)
      .replace(/(?<![\p{L}\p{N}'])l(?=([bcdfghkmnpqrstvwxzBCDFGHKMNPQRSTVWXZ])\p{L})/gu, (_l, next: string) =>
        next === next.toLowerCase() && !/\p{Lu}/u.test(s) ? 'i' : 'I',
      )
      .replace(/(?<=\p{Ll})[1|](?=\p{Ll}|[1|]\p{Ll}|[^\p{L}\p{N}]|$)|(?<=\p{Ll}[1|])[1|]/gu, 'l')
      .replace(/(?<=\p{L}),(?=\p{Lu})/gu, ', ')
      // A zero standing alone between two capitalised words is the O of an Irish name ("NIAMH 0 SUILLEABHAIN").
      .replace(/(?<=\p{Lu}[\p{L}'\-]* )0(?= \p{Lu})/gu, 'O')
  )
}

export function readNameValue(
  col: Collector,
  line: Line,
  valueStart: number,
  valueEnd: number,
  label: string | null,
  how: FoundHow,
  confidence: number,
  lowercaseOk = false,
): boolean {
  const region = readAsPrinted(line.text.slice(valueStart, valueEnd))
  const cut = cutNameValue(region, { allowLowercase: how === 'letter' || how === 'labelled' })
  if (!cut) return false
  const p0 = parsePersonName(cut.text, { maxMiddle: 1 })
  const parsed = p0 && {
    ...p0,
    familyName: tidyPart(p0.familyName),
    givenName: tidyPart(p0.givenName),
    middleName: p0.middleName ? tidyPart(p0.middleName) || null : null,
  }
  if (!parsed || !parsed.familyName || !parsed.givenName || !plausibleName(parsed, { lowercaseOk })) return false
  const digitsInName = /[0-9|]/.test(parsed.familyName + parsed.givenName)
  col.addName(parsed, cut.text, confidence - (digitsInName ? 0.1 : 0), foundAt(line, valueStart + cut.start, cut.text.length, label, how))
  return true
}

export function precedingWord(line: string, pos: number): string {
  const m = /([A-Za-z']+)[\s.]*$/.exec(line.slice(0, pos))
  return (m?.[1] ?? '').toLowerCase().replace(/'s$/, 's').replace(/'/g, '')
}

/**
 * Unlabelled LAST, FIRST M in upper case near other identifiers (stickers, header blocks). The middle
 * initial sits one or two spaces after the given name; a column gap, or a letter followed by a dot and
 * another letter (the D of "D.O.B."), starts the next field.
 */
const LAST_FIRST =
  /(?<![\p{L}0-9])((?:[\p{Lu}0-9|][\p{Lu}0-9|'\-]*\s+){0,3}\p{Lu}[\p{Lu}0-9|'\-li]*[\p{Lu}0-9|])\s*,\s*(\p{Lu}[\p{Lu}0-9|'\-li]*)(?:[ ]{1,2}(\p{Lu}[\p{Lu}'\-]*)(?!\.\p{L})\.?)?(?![\p{L}])/gu
const LAST_FIRST_TITLE = /^\s*(\p{Lu}[\p{Ll}'\-]+(?:[ -]\p{Lu}[\p{Ll}'\-]+)?)\s*,\s*(\p{Lu}[\p{Ll}'\-]+)(?:\s+(\p{Lu})\.?)?(?![\p{L}])/u

export function stickerNames(col: Collector, line: Line): void {
  const candidates: Array<{ fam: string; given: string; middle: string | undefined; index: number; length: number }> = []
  LAST_FIRST.lastIndex = 0
  for (let m = LAST_FIRST.exec(line.text); m; m = LAST_FIRST.exec(line.text)) {
    candidates.push({ fam: m[1]!, given: m[2]!, middle: m[3], index: m.index, length: m[0].length })
  }
  const t = LAST_FIRST_TITLE.exec(line.text)
  if (t)
    candidates.push({
      fam: t[1]!,
      given: t[2]!,
      middle: t[3],
      index: t.index + (t[0].length - t[0].trimStart().length),
      length: t[0].trim().length,
    })
  for (const c of candidates) {
    // Walk back from the comma: family name words until a facility or stop word.
    const famWords = c.fam.split(/\s+/)
    let keep = famWords.length
    for (let i = famWords.length - 1; i >= 0; i--) {
      const w = bare(famWords[i]!).toUpperCase()
      if (STOPWORDS.has(w) || FACILITY_WORDS.has(w) || /\d{2,}/.test(w)) {
        keep = famWords.length - 1 - i
        break
      }
    }
    const fam = famWords.slice(famWords.length - keep).join(' ')
    if (!fam) continue
    const given = bare(c.given.replace(/\d{2,}.*$/, ''))
    if (!given) continue
    const up = given.toUpperCase()
    if (STATE_CODES.has(up) && given.length === 2) continue
    if (STOPWORDS.has(up) || FACILITY_WORDS.has(up) || CREDENTIALS.test(given)) continue
    if (c.middle && CREDENTIALS.test(bare(c.middle))) continue
    const providerLabel = line.labels.some(
      (l) => l.start < c.index && /provider|physician|doctor|ordering|attending|referring|admitting|consulting|pcp|dr/i.test(l.labelText),
    )
    if (providerLabel) continue
    const before =
      line.text
        .slice(0, c.index)
        .toLowerCase()
        .match(/[a-z']+/g) ?? []
    if (before.some((w) => NOT_PATIENT_QUALIFIERS.has(w.replace(/'s$/, 's').replace(/'/g, '')))) continue
    let middle = c.middle ? bare(c.middle) : null
    if (middle && (STOPWORDS.has(middle.toUpperCase()) || FACILITY_WORDS.has(middle.toUpperCase()) || CREDENTIALS.test(middle)))
      middle = null
    if (middle && middle.length > 1) {
      // A full middle name only when nothing else follows on the line (else it may be the facility block).
      const after = line.text.slice(c.index + c.length).trim()
      if (after && !/^[\d(]/.test(after)) middle = null
    }
    const afterAll = line.text.slice(c.index + c.length)
    if (/^\s*,?\s*(?:M\.?D|D\.?O|R\.?N|N\.?P|P\.?A|PH\.?D)\b/i.test(afterAll)) continue
    const n: PersonName & { order: 'family-first' } = {
      familyName: fam,
      givenName: given,
      middleName: middle,
      suffix: null,
      order: 'family-first',
    }
    if (!plausibleName(n)) continue
    const famOffset = c.fam.length - fam.length
    const raw = line.text.slice(c.index + famOffset, c.index + c.length).trim()
    const digits = /[0-9|]/.test(fam + given)
    col.addName(n, raw, 0.45 - (digits ? 0.1 : 0), foundAt(line, c.index + famOffset, raw.length, null, 'sticker'))
  }
}
