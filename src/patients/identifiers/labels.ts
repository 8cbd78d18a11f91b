/** The printed labels identifiers stand under (Patient Name, DOB, MRN, Acct #...), and the document's lines with the labels on each. */
import { findLabels as findLabelsIn, labelRegExp, type LabelSpec } from '../../text/labels.js'
import { splitLines as splitTextLines } from '../../text/lines.js'
import { type RecordNumberKind } from './types.js'

export type LabelKind =
  'name' | 'name-generic' | 'letter' | 'last' | 'first' | 'middle' | 'dob' | 'mrn' | 'foreign' | 'ignore-id' | 'date-other' | 'other'

interface LabelDef {
  kind: LabelKind
  source: string
  /** Only a label inline when a colon follows (Patient:, Name:, Re:). */
  needsColon?: boolean
  idKind?: RecordNumberKind
  /** A birth-date word that also names an event: a delivery ("Birth: 11/19/2026 07:48"), a baby's birth ("Baby: girl, born ..."). */
  bare?: boolean
  /** A birth-date label in a language whose countries write the day first. */
  dayFirst?: boolean
  /** A record-number label too common in prose to keep what does not fit our MRN format. */
  onlyOurs?: boolean
}

const NO = '(?:#|N[o0]\\.?|Nbr\\.?|Num(?:ber)?\\.?|Number)'
/** A facility named in brackets after a record-number label: "MRN (EFHC)", "Chart # (primary care)". */
const FACILITY_TAIL = "(?:\\s*\\([A-Za-z][A-Za-z .&'-]{0,30}\\))?"
/** A format's day and year, in English and as French and Spanish forms print them (JJ, AAAA). */
const DAY = '(?:dd|jj)'
const YEAR = '(?:yyyy|yy|aaaa|aa)'
/**
 * What may follow a birth-date label before its value: "/ Age", "(Age)", and the form's date format
 * ("(dd/mm/yyyy)", "(MM-DD-YY)"), which says which way round the value is written (see `labelDateOrder`).
 */
const DOB_TAIL = `(?:\\s*/\\s*Age|\\s*\\(\\s*Age\\s*\\))?(?:\\s*\\(\\s*(?:(?:${DAY}|mm)\\s*[/.\\-]\\s*(?:mm|${DAY})\\s*[/.\\-]\\s*${YEAR}|${YEAR}\\s*[/.\\-]\\s*mm\\s*[/.\\-]\\s*${DAY})\\s*\\))?`

/** The day/month order a label prints as its format ("DOB (dd/mm/yyyy)"), or null. */
export function labelDateOrder(label: string): 'DMY' | 'MDY' | null {
  const m = /\(\s*(dd|jj|mm)\s*[/.-]\s*(mm|dd|jj)/i.exec(label)
  if (!m || m[1]!.toLowerCase() === m[2]!.toLowerCase()) return null
  return m[1]!.toLowerCase() === 'mm' ? 'MDY' : 'DMY'
}
const LABELS: LabelDef[] = [
  // names
  { kind: 'name', source: "Pat[il1|]ent'?s?\\s*(?:Full\\s+|Legal\\s+)?Na(?:m|rn)e(?:\\s*\\(\\s*(?:Last|Family)[^)]{0,30}\\))?" },
  { kind: 'name', source: 'Na(?:m|rn)e\\s+of\\s+Pat[il1|]ent' },
  { kind: 'name', source: 'Pt\\.?\\s*Na(?:m|rn)e' },
  {
    kind: 'last',
    source: '(?:Pat[il1|]ent\\s+)?(?:Last|Family)\\s*Na(?:m|rn)e|Surname|Apellidos?|Nachname|Familienname|Nom\\s+de\\s+famille',
  },
  {
    kind: 'first',
    source: '(?:Pat[il1|]ent\\s+)?(?:First|Given)\\s*Na(?:m|rn)es?(?:\\s*\\(s\\))?|Forenames?(?:\\s*\\(s\\))?|Vorname|Pr[ée]noms?',
  },
  // Split form fields printed without the word "name" ("Last: DOE   First: JANE"): only with their colon.
  { kind: 'last', source: 'Last|Family', needsColon: true },
  { kind: 'first', source: 'First|Given', needsColon: true },
  { kind: 'middle', source: 'Middle\\s*(?:Na(?:m|rn)e|Initial)' },
  { kind: 'middle', source: 'M\\.?I\\.?', needsColon: true },
  {
    kind: 'name',
    source: "(?:Chi[l1|]d|C[l1|][il1|]ent|Resident|Member|Emp[l1|]oyee|Student|Minor)'?s?\\s+(?:Full\\s+|Lega[l1|]\\s+)?Na(?:m|rn)e",
  },
  // Whose the paper is where it is not a chart: a life insurer's proposed insured, a school's letter to the
  // parent of a pupil, a portal's or employee-health office's results or record for someone.
  { kind: 'name', source: 'Proposed\\s+Insured', needsColon: true },
  { kind: 'name', source: '(?:Parent|Guardian)(?:\\s*/\\s*(?:Parent|Guardian))?\\s+of', needsColon: true },
  { kind: 'name', source: '(?:Results?|Records?)\\s+for', needsColon: true },
  { kind: 'name-generic', source: 'Pat[il1|]ent', needsColon: true },
  // Who the patient is called where the paper is not a chart: a clinic's client, a home's resident,
  // a plan's member, an employer's employee, a school's student, a travel clinic's traveller, a camp's
  // camper, a team's athlete, a field medic's casualty, a jail's inmate...
  {
    kind: 'name-generic',
    source:
      'Client|Resident|Member|Employee|Student|Child|Minor|Travell?er|Examinee|Participant|Claimant|Donor|Enrollee|Beneficiary|' +
      'Camper|Athlete|Casualty|Inmate|Detainee|Pupil|Evacuee',
    needsColon: true,
  },
  { kind: 'name-generic', source: 'Pt\\.?', needsColon: true },
  { kind: 'name-generic', source: 'Na(?:m|rn)e', needsColon: true },
  { kind: 'name-generic', source: 'Nombre(?:\\s+(?:y\\s+apellidos?|del\\s+paciente))?|Nom(?:\\s+du\\s+patient)?', needsColon: true },
  { kind: 'letter', source: 'R[Ee]', needsColon: true },
  { kind: 'letter', source: 'Regarding', needsColon: true },
  // birth dates
  { kind: 'dob', source: `D\\.?\\s?[O0Q]\\.?\\s?[B8]\\.?${DOB_TAIL}` },
  { kind: 'dob', source: `Date\\s+[O0]f\\s+B[il1]rth${DOB_TAIL}` },
  { kind: 'dob', source: `B[il1]rth\\s*[Dd]ate${DOB_TAIL}` },
  { kind: 'dob', source: `B[il1]rthdate${DOB_TAIL}` },
  // "Birthday: January 5, 1977": only with its colon (a birthday is also an occasion in prose).
  { kind: 'dob', source: `B[il1]rthday${DOB_TAIL}`, needsColon: true },
  { kind: 'dob', source: 'B[il1]rth', needsColon: true, bare: true },
  // in the languages records from abroad arrive in: Spanish, German, French, Italian, Portuguese, Dutch (all written day first)
  { kind: 'dob', source: `(?:Fecha\\s+(?:de\\s+)?|F\\.\\s?)Nac(?:imiento|\\.)?${DOB_TAIL}`, dayFirst: true },
  { kind: 'dob', source: `Geburtsdatum${DOB_TAIL}|Geb\\.(?:\\s*-?\\s*Datum|\\s+am)?`, dayFirst: true },
  { kind: 'dob', source: `Date\\s+de\\s+naissance${DOB_TAIL}|N(?:é|ée|ee)\\s+le`, dayFirst: true },
  { kind: 'dob', source: `Data\\s+(?:di\\s+nascita|de\\s+nascimento)${DOB_TAIL}|Geboortedatum${DOB_TAIL}`, dayFirst: true },
  { kind: 'dob', source: 'B\\s?/\\s?D' },
  { kind: 'dob', source: 'BD' },
  { kind: 'dob', source: 'Born(?:\\s+on)?', bare: true },
  // our MRN; the facility may follow in brackets ("MRN (EFHC): 1234567")
  { kind: 'mrn', source: `(?:M|RN)\\.?\\s?R\\.?\\s?N\\.?\\s*${NO}?${FACILITY_TAIL}` },
  { kind: 'mrn', source: `MR\\s*${NO}` },
  { kind: 'mrn', source: `Med(?:ical)?\\.?\\s*Rec(?:ord)?s?\\.?\\s*${NO}?` },
  { kind: 'mrn', source: `(?:Pat[il1|]ent|Pt\\.?)\\s*(?:ID|I\\.D\\.|${NO})` },
  { kind: 'mrn', source: `Chart\\s*(?:ID|${NO})${FACILITY_TAIL}` },
  // "chart 1234567" without # or No.: our MRN only when the value fits our format, else nothing.
  { kind: 'mrn', source: 'Chart', onlyOurs: true },
  // The patient's number at the clinic a record is sent back to ("Home clinic no.", "Our clinic ref"): our MRN only
  // when the value fits our format as printed, else nothing (the matcher still sets aside a number no chart holds).
  {
    kind: 'mrn',
    source: `(?:Home|Primary(?:\\s+care)?|Your|Our)\\s+clinic(?:'s)?\\s*(?:${NO}|ID|ref(?:erence)?\\.?)${FACILITY_TAIL}`,
    onlyOurs: true,
  },
  { kind: 'mrn', source: `Unit\\s*${NO}` },
  // One number printed as both account and medical record ("Acct/MR #", "MR/Acct").
  { kind: 'mrn', source: `(?:Acc(?:oun)?t\\.?\\s*/\\s*M\\.?R\\.?N?\\.?|M\\.?R\\.?N?\\.?\\s*/\\s*Acc(?:oun)?t\\.?)\\s*${NO}?` },
  // other facilities' numbers
  // A British or Irish hospital's own record number ("Hosp No: K0923318", "Hospital number").
  { kind: 'foreign', idKind: 'mrn', source: `Hosp(?:ital)?\\.?\\s*(?:${NO}|Number)` },
  { kind: 'foreign', idKind: 'account', source: `Acc(?:oun)?t\\.?\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'account', source: `(?:HAR|Billing)\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'visit', source: `Visit\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'fin', source: `FIN\\s*${NO}?` },
  { kind: 'foreign', idKind: 'encounter', source: `Enc(?:ounter)?\\.?\\s*(?:ID|CSN|${NO})` },
  { kind: 'foreign', idKind: 'encounter', source: 'Encounter', needsColon: true },
  { kind: 'foreign', idKind: 'encounter', source: 'CSN' },
  { kind: 'foreign', idKind: 'accession', source: `Accession\\s*(?:ID|${NO})?` },
  { kind: 'foreign', idKind: 'accession', source: 'Acc\\.?\\s*#' },
  { kind: 'foreign', idKind: 'specimen', source: `Spec(?:imen)?\\.?\\s*(?:ID|${NO})` },
  { kind: 'foreign', idKind: 'order', source: `(?:Order|Req(?:uisition)?)\\s*(?:ID|${NO})` },
  {
    kind: 'foreign',
    idKind: 'insurance',
    source: `(?:Member|Subscriber|Policy|Insurance|Ins\\.?|Medicaid|Medicare|Group)\\s*(?:ID|${NO})`,
  },
  { kind: 'foreign', idKind: 'other', source: `(?:Case|Claim|Episode|Admission|Adm\\.?|Ref(?:erral)?|Exam)\\s*${NO}` },
  { kind: 'ignore-id', source: `SSN|S\\.S\\.N\\.|Social\\s+Security(?:\\s*${NO})?` },
  // other dates (for header grids and as value terminators)
  { kind: 'date-other', source: 'Date\\s+of\\s+Service|DOS|Service\\s+Date|Visit\\s+Date|Exam\\s+Date|Order\\s+Date|Report\\s+Date' },
  { kind: 'date-other', source: '(?:Adm(?:it|ission)?|Disch(?:arge)?)\\.?\\s*Date' },
  { kind: 'date-other', source: 'Collect(?:ed|ion)(?:\\s+Date)?|Received|Reported|Date\\s+Reported|Date\\s+Collected' },
  { kind: 'date-other', source: 'Date' },
  // other fields
  {
    kind: 'other',
    source:
      'Sex|Gender|Age|Race|Language|Status|Phone|Tel|Fax|Address|Insurance|Guarantor|Location|Facility|Room|Bed|Dept\\.?|Department|Service|PCP|Provider|Physician|Doctor',
  },
  { kind: 'other', source: '(?:Ordering|Attending|Referring|Primary|Admitting|Consulting)\\s*(?:Physician|Provider|Dr\\.?|MD)?' },
]

const COMPILED: ReadonlyArray<LabelSpec<LabelDef>> = LABELS.map((def) => ({ label: def, re: labelRegExp(def.source, 'letter') }))

/** Words before a generic Name:/Patient: label that make it someone else's name. */
export const NOT_PATIENT_QUALIFIERS = new Set(
  (
    'provider physician doctor dr facility guarantor insured subscriber contact emergency parent guardian mother mothers ' +
    'father fathers spouse partner printed print signature lab laboratory test drug practice clinic hospital referring ordering ' +
    'attending sender recipient company employer pharmacy responsible party witness interpreter representative kin ' +
    'user staff nurse author reviewer caller case manager family member school agency plan payer'
  ).split(' '),
)
/** Qualifiers before an MRN label meaning another facility's MRN. */
export const FOREIGN_MRN_QUALIFIERS =
  /(?<![A-Za-z])(?:outside|external|ext\.?|hospital|other|alt\.?|alternate|prior|old|previous|referring|sending|their|lab|facility|epic|cerner|host)\s*$/i

export interface LabelHit {
  def: LabelDef
  start: number
  /** End of the label text. */
  end: number
  /** Where the value starts (after ':', '#', spaces). */
  valueStart: number
  labelText: string
  hasColon: boolean
}

function findLabels(line: string): LabelHit[] {
  return findLabelsIn(line, COMPILED, ({ label: def, printed, start, end, sep, valueStart }) => ({
    def,
    start,
    end,
    valueStart,
    labelText: printed.replace(/\s+/g, ' ').trim(),
    // Dotted leaders ("Name ........ Jane Doe") separate a label from its value as a colon does.
    hasColon: sep === 'colon',
  }))
}

export interface Line {
  /** Line text with form feeds turned into spaces. */
  text: string
  start: number
  /** 0-based. */
  index: number
  page: number
  labels: LabelHit[]
}

export function splitLines(text: string): Line[] {
  let page = 1
  return splitTextLines(text).map((l) => {
    const ff = (l.text.match(/\f/g) ?? []).length
    const leadingFf = /^\f/.test(l.text)
    if (leadingFf) page += ff
    const clean = l.text.replace(/\f/g, ' ')
    const line: Line = { text: clean, start: l.start, index: l.n - 1, page, labels: findLabels(clean) }
    if (!leadingFf) page += ff
    return line
  })
}
