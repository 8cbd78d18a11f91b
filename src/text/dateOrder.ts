/**
 * Which way round a document writes its numeric dates, as a reader tells:
 *
 * 1. its own dates: one whose first number is over 12 (23/10/2026) can only be day first, one whose
 *    second is over 12 (10/23/2026) only month first. When the unambiguous dates all go one way, that
 *    is the document's order.
 * 2. else the conventions of where it was written: a letter from Britain, Ireland, Australia or New
 *    Zealand (an NHS or NHI number, a +44 telephone, a postcode, paediatric and centre spellings,
 *    MRCP and MBChB after the writer's name) writes day first; one with a US ZIP code or (555) telephone
 *    writes month first. Signs of both, or of neither, leave the configured order, except that two strong
 *    signs of day-first countries outweigh a single US one (the patient's American address on a letter from abroad).
 *
 * Only the order of ambiguous dates (02/11/1971) depends on it: birth dates (patients/extractIdentifiers)
 * and field dates (extract-fields/forDocument). The matcher still treats a chart born on the other
 * reading as a look-alike (day and month swapped), so a second chart of the same name on the other
 * reading sends the document to review whichever way it was read.
 */
import { type DateOrder, findDates } from './dates.js'

export interface DocumentDateOrder {
  /** The order to read ambiguous numeric dates in. */
  order: DateOrder
  /** What decided it. */
  by: 'dates' | 'conventions' | 'configured'
}

/** Signs that say on their own where a document was written (case-sensitive where the case matters). */
const DAY_FIRST_STRONG: RegExp[] = [
  /\bNHS\s*(?:No\b|Number|num)/i,
  /\bNHI\s*(?:No\b|Number|:)/i,
  /\bCHI\s*(?:No\b|Number)/,
  /\bIHI\s*(?:No\b|Number)/,
  /\bEircode\b/i,
  // Irish counties as an address prints them ("Bray, Co. Wicklow").
  /\bCo\.?\s+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)\b/,
  // European data-protection law: every country under it writes the day first.
  /\bGDPR\b|\bEuropean\s+Economic\s+Area\b/,
  /\+\s?(?:44|353|64|61)[\s(]/,
  // A UK postcode: SW1A 1AA, M1 1AE, BT9 7AB (an outward code, a space, a digit and two letters).
  /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}\b/,
]
/** Spellings and titles of those countries; one alone proves little, two do. */
const DAY_FIRST_WEAK: RegExp[] = [
  /\bpaediatric/i,
  /\bhaematolog/i,
  /\boesophag/i,
  /\banaesthe/i,
  /\bgynaecolog/i,
  /\borthopaedic/i,
  /\bcentre\b/i,
  /\bbehaviour/i,
  /\bcolour/i,
  /\bprogramme\b/i,
  /\bA&E\b/,
  /\bGP\b/,
  // A consultant as a grade: "Consultant Physician", "Consultant Respiratory Physician", "Consultant on call".
  /\bConsultant\s+(?:[A-Z][a-z]+\s+)?(?:Physician|Surgeon|Pathologist|Dermatologist|Cardiologist|Psychiatrist|Paediatrician|Neurologist|Radiologist|Rheumatologist|Gastroenterologist|Endocrinologist|Haematologist|Anaesthetist|Obstetrician|Geriatrician|Microbiologist|in\b|on\s+call\b)/,
  // Junior doctors' grades of those countries.
  /\b(?:SHO|SpR|Registrar|FY[12]|House\s+Officer)\b/,
  // Spellings with oe and ae: oedema, dyspnoea, orthopnoea, diarrhoea, anaemia, haemoglobin.
  /\boedema|\b\w+(?:pnoea|rrhoea)\b/i,
  /\w+aemi[ac]\b|\bhaem(?:o|orrh)/i,
  // -ise where American writes -ize.
  /\b(?:authori|organi|recogni|summari|categori|prioriti|hospitali|immuni|minimi|optimi|stabili|visuali|catheteri|characteri|randomi|normali|finali|utili)s(?:ed|es|ing|ation)\b/i,
  // Creatinine and glucose in SI units.
  /\b(?:[uµμ]mol|mmol)\/L\b/,
  // Twice and three times a day as those prescribers write it (American: bid, tid).
  /\b(?:bd|tds|nocte|mane)\b/,
  /\b(?:MRCP|MRCGP|FRCS|FRCP|FRCR|FRACP|FRACS|FRNZCGP|MBChB|MB\s?BCh|MBBS|BAO)\b/,
  /\bmmol\/mol\b/,
]
/** Signs of the United States: a state and ZIP code, a (555) 555-5555 telephone, a Social Security number. */
const MONTH_FIRST: RegExp[] = [
  /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+\d{5}(?:-\d{4})?\b/,
  /\(\d{3}\)\s?\d{3}-\d{4}\b/,
  /\b(?:SSN|Social Security)\b/i,
  /\bMedicaid\b/i,
]

/**
 * @example documentDateOrder('Date: 23/10/2026\nDOB: 02/11/1971', 'MDY') // { order: 'DMY', by: 'dates' }
 */
export function documentDateOrder(text: string, configured: DateOrder): DocumentDateOrder {
  let dayFirst = 0
  let monthFirst = 0
  for (const d of findDates(text, { order: 'MDY' })) {
    if (d.form !== 'numeric' || !d.real) continue
    if (d.orderSwapped) dayFirst++
    else if (d.day > 12) monthFirst++
  }
  if (dayFirst > 0 && monthFirst === 0) return { order: 'DMY', by: 'dates' }
  if (monthFirst > 0 && dayFirst === 0) return { order: 'MDY', by: 'dates' }
  if (dayFirst > 0 && monthFirst > 0) return { order: configured, by: 'configured' }
  const strong = DAY_FIRST_STRONG.filter((re) => re.test(text)).length
  const weak = DAY_FIRST_WEAK.filter((re) => re.test(text)).length
  const us = MONTH_FIRST.filter((re) => re.test(text)).length
  const daySigns = strong > 0 || weak >= 2
  if (daySigns && us === 0) return { order: 'DMY', by: 'conventions' }
  // A letter from abroad may print the patient's American address: two strong signs outweigh one of the US.
  if (strong >= 2 && us === 1) return { order: 'DMY', by: 'conventions' }
  if (us > 0 && !daySigns) return { order: 'MDY', by: 'conventions' }
  return { order: configured, by: 'configured' }
}
