/**
 * Reading the health center's patient list (the master patient index) from a CSV export or a
 * FHIR R4 Bundle of Patient resources.
 *
 * Bad rows are reported with their line (CSV, 1-based, the header is line 1) or entry index
 * (FHIR, 0-based as in `entry[3]`) and what to fix; the good rows still load. A problem with the
 * whole file (no MRN column, not JSON, a bad --map) throws `ChartclerkError('IMPORT_INVALID')`.
 *
 * Output is normalised so that importing the same file twice, or re-importing what
 * `patientsToCsv` wrote, gives identical patients: MRNs upper case without spaces or dashes,
 * names trimmed with single spaces, dates ISO, sex one of female / male / other / unknown.
 *
 * Error messages quote the offending cell so the person importing can find it; they are for
 * that person's screen and must not be logged.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import { stringify as stringifyCsv } from 'csv-stringify/sync'
import { ChartclerkError } from '../errors.js'
import type { Patient } from '../model/types.js'
import { readDateValue, type DateOrder } from './dates.js'
import { compileMrnPattern, mrnKey, normalizeMrn } from './mrn.js'
import { parsePersonName } from './names.js'

export type PatientField =
  | 'mrn'
  | 'familyName'
  | 'givenName'
  | 'middleName'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'primaryProvider'
  | 'deceased'
  | 'deceasedDate'
  | 'ignore'

export interface PatientImportError {
  /** CSV: 1-based line of the row (the header is line 1). */
  line?: number
  /** FHIR: index in the Bundle's `entry` array (or NDJSON line index). */
  entry?: number
  /** What is wrong and what to do about it. */
  message: string
}

export interface PatientImportResult {
  patients: Patient[]
  errors: PatientImportError[]
}

export interface CsvImportOptions {
  /** Extra column names: `"Chart No=mrn,Pt Last=family_name"` (the CLI's --map) or an object. Maps win over recognised headers. */
  map?: string | Record<string, string>
  /** Order of numeric dates like 03/04/1962. Default 'MDY'. */
  dateOrder?: DateOrder
  /** Our MRN format; rows whose MRN does not fit are refused. Default DEFAULT_MRN_PATTERN. */
  mrnPattern?: RegExp | string
  /** Field separator; default: guessed from the header line (comma, semicolon, tab or pipe). */
  delimiter?: string
  today?: Date
}

export interface FhirImportOptions {
  /** Identifier system of our MRNs. Default DEFAULT_MRN_SYSTEM; identifiers typed MR are the fallback. */
  mrnSystem?: string
  mrnPattern?: RegExp | string
  today?: Date
}

/** Placeholder identifier system for our MRNs; a site sets its EHR's system URI. */
export const DEFAULT_MRN_SYSTEM = 'urn:chartclerk:mrn'
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203'

const FIELD_ALIASES: Record<Exclude<PatientField, 'ignore'>, string[]> = {
  mrn: [
    'mrn',
    'medicalrecordnumber',
    'medicalrecordno',
    'medicalrecord',
    'medrecno',
    'medrecnumber',
    'mrnumber',
    'mrno',
    'patientid',
    'patientnumber',
    'patientno',
    'chartnumber',
    'chartno',
  ],
  familyName: ['familyname', 'lastname', 'surname', 'last', 'lname', 'patientlastname'],
  givenName: ['givenname', 'firstname', 'first', 'fname', 'patientfirstname'],
  middleName: ['middlename', 'middle', 'middleinitial', 'mi'],
  fullName: ['name', 'patientname', 'fullname'],
  birthDate: ['dob', 'birthdate', 'dateofbirth', 'birthday', 'patientdob'],
  sex: ['sex', 'gender', 'administrativegender'],
  primaryProvider: ['primaryprovider', 'pcp', 'primarycareprovider', 'primarycarephysician', 'provider'],
  deceased: ['deceased', 'isdeceased', 'deceasedflag', 'expired'],
  deceasedDate: ['deceaseddate', 'dateofdeath', 'deathdate', 'dod'],
}
const ALIAS_TO_FIELD = new Map<string, PatientField>()
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as Array<[PatientField, string[]]>) {
  ALIAS_TO_FIELD.set(field.toLowerCase(), field)
  for (const a of aliases) ALIAS_TO_FIELD.set(a, field)
}
for (const a of ['ignore', 'skip', '-', 'none']) ALIAS_TO_FIELD.set(a, 'ignore')

/** Header comparison key: lower case, no spaces, underscores, dashes or punctuation. */
function headerKey(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

function fieldFor(name: string): PatientField | undefined {
  const k = name.trim() === '-' ? '-' : headerKey(name)
  return ALIAS_TO_FIELD.get(k)
}

const FIELD_LIST =
  'mrn, family_name, given_name, middle_name, name (LAST, FIRST), birth_date, sex, primary_provider, deceased, deceased_date, ignore'

/**
 * Parses the --map option: `"Chart No=mrn, Pt Last=family_name"`.
 *
 * @example parseColumnMap('Chart No=mrn,DOB Text=birth_date') // { 'Chart No': 'mrn', 'DOB Text': 'birthDate' }
 */
export function parseColumnMap(spec: string | Record<string, string>): Record<string, PatientField> {
  const pairs: Array<[string, string]> =
    typeof spec === 'string'
      ? spec
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => {
            const eq = p.lastIndexOf('=')
            if (eq <= 0 || eq === p.length - 1) {
              throw new ChartclerkError(
                'IMPORT_INVALID',
                `The column map entry "${p}" is not COLUMN=FIELD. Write it like --map "Chart No=mrn,Pt Last=family_name".`,
                {
                  detail: 'bad --map entry',
                },
              )
            }
            return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()]
          })
      : Object.entries(spec)
  const out: Record<string, PatientField> = {}
  for (const [col, fieldName] of pairs) {
    const field = fieldFor(fieldName)
    if (!field) {
      throw new ChartclerkError('IMPORT_INVALID', `The column map names an unknown field "${fieldName}". Fields are: ${FIELD_LIST}.`, {
        detail: 'unknown field in --map',
      })
    }
    out[col] = field
  }
  return out
}

function guessDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: headerLine.split(d).length - 1 }))
  counts.sort((a, b) => b.n - a.n)
  return counts[0]!.n > 0 ? counts[0]!.d : ','
}

interface RawRow {
  line: number
  cells: string[]
}

/** Reads CSV records with their starting line; a row with broken quoting is reported and parsing resumes on the next line. */
function readCsvRows(text: string, delimiter: string, errors: PatientImportError[]): RawRow[] {
  const lines = text.split('\n')
  const rows: RawRow[] = []
  let fromLine = 1
  while (fromLine <= lines.length) {
    const chunk = lines.slice(fromLine - 1).join('\n')
    let failed = false
    const records = parseCsv(chunk, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: () => {
        failed = true
        return undefined
      },
    }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>
    let lastEnd = fromLine - 1
    for (const r of records) {
      const body = r.raw.replace(/^\n+/, '').replace(/\n$/, '')
      const endLine = r.info.lines + fromLine - 1
      const startLine = endLine - (body.match(/\n/g) ?? []).length
      // After a quoting error csv-parse may lose step; keep only records before the broken one.
      if (failed && startLine > lastEnd + 1 && lines.slice(lastEnd, startLine - 1).some((l) => l.trim())) break
      rows.push({ line: startLine, cells: r.record })
      lastEnd = endLine
    }
    if (!failed) break
    const broken = nextNonEmpty(lines, lastEnd + 1)
    if (broken > lines.length) break
    errors.push({
      line: broken,
      message:
        'The row has a broken quote (a " inside a value that is not doubled, or a quote that never closes); fix the quoting and import again',
    })
    fromLine = broken + 1
  }
  return rows
}

function nextNonEmpty(lines: string[], from: number): number {
  let i = from
  while (i <= lines.length && !lines[i - 1]!.trim()) i++
  return i
}

const SEX: Record<string, string> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  o: 'other',
  other: 'other',
  x: 'other',
  nonbinary: 'other',
  u: 'unknown',
  unk: 'unknown',
  unknown: 'unknown',
}

function readSex(v: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const k = v
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  if (!k) return { ok: true, value: null }
  const s = SEX[k]
  if (!s) return { ok: false, message: `sex "${v.trim()}" is not recognised; use F, M, X (other) or U (unknown)` }
  return { ok: true, value: s }
}

function tidy(s: string | undefined | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim()
}

/** Builds the patient in a fixed key order so that output is stable. */
function makePatient(p: {
  mrn: string
  familyName: string
  givenName: string
  middleName: string | null
  birthDate: string
  sex: string | null
  deceased: boolean
  deceasedDate: string | null
  primaryProvider: string | null
}): Patient {
  return {
    mrn: p.mrn,
    familyName: p.familyName,
    givenName: p.givenName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    sex: p.sex,
    deceased: p.deceased,
    deceasedDate: p.deceasedDate,
    primaryProvider: p.primaryProvider,
  }
}

function samePatient(a: Patient, b: Patient): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Drops rows that repeat an MRN: an identical repeat is reported once, conflicting rows are all refused. */
function dedupe<K extends 'line' | 'entry'>(
  rows: Array<{ at: number; patient: Patient }>,
  key: K,
  errors: PatientImportError[],
): Patient[] {
  const byMrn = new Map<string, Array<{ at: number; patient: Patient }>>()
  for (const r of rows) byMrn.set(mrnKey(r.patient.mrn), [...(byMrn.get(mrnKey(r.patient.mrn)) ?? []), r])
  const where = (at: number): string => (key === 'line' ? `line ${at}` : `entry ${at}`)
  const out: Patient[] = []
  for (const r of rows) {
    const group = byMrn.get(mrnKey(r.patient.mrn))!
    if (group.length === 1) {
      out.push(r.patient)
      continue
    }
    const first = group[0]!
    const conflicting = group.some((g) => !samePatient(g.patient, first.patient))
    if (conflicting) {
      errors.push({
        [key]: r.at,
        message: `MRN ${r.patient.mrn} also appears at ${group
          .filter((g) => g !== r)
          .map((g) => where(g.at))
          .join(', ')} with different details; none of these rows was loaded. Keep one correct row per MRN`,
      } as PatientImportError)
    } else if (r === first) {
      out.push(r.patient)
    } else {
      errors.push({
        [key]: r.at,
        message: `MRN ${r.patient.mrn} repeats ${where(first.at)} exactly; this copy was skipped`,
      } as PatientImportError)
    }
  }
  return out
}

function problemsInPatient(
  v: {
    mrn: string
    family: string
    given: string
    birth: string
  },
  mrnPattern: RegExp,
): string[] {
  const problems: string[] = []
  if (!v.mrn) problems.push('MRN is missing')
  else if (!mrnPattern.test(v.mrn)) {
    problems.push(`MRN "${v.mrn}" does not fit the MRN format (${mrnPattern.source}); check for lost leading zeros or a stray character`)
  }
  if (!v.family || !v.given) problems.push(`${!v.family && !v.given ? 'name is' : !v.family ? 'family name is' : 'given name is'} missing`)
  if (!v.birth) problems.push('birth date is missing')
  return problems
}

/**
 * Reads patients from CSV text with a header row.
 *
 * @example
 *   importPatientsCsv('MRN,Last Name,First Name,DOB\n1234567,Doe,Jane,03/14/1962\n')
 *   // { patients: [{ mrn: '1234567', familyName: 'Doe', givenName: 'Jane', birthDate: '1962-03-14', ... }], errors: [] }
 */
export function importPatientsCsv(input: string | Buffer, opts: CsvImportOptions = {}): PatientImportResult {
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const mrnPattern = compileMrnPattern(opts.mrnPattern)
  const order = opts.dateOrder ?? 'MDY'
  const today = opts.today ?? new Date()
  const headerLine = text.split('\n').find((l) => l.trim()) ?? ''
  if (!headerLine)
    throw new ChartclerkError(
      'IMPORT_INVALID',
      'The patient file is empty. Export the patient list with a header row and import it again.',
      { detail: 'empty csv' },
    )
  const delimiter = opts.delimiter ?? guessDelimiter(headerLine)
  const errors: PatientImportError[] = []
  const rows = readCsvRows(text, delimiter, errors)
  const header = rows.shift()
  if (!header) throw new ChartclerkError('IMPORT_INVALID', 'The patient file has no header row.', { detail: 'no header' })
  const headers = header.cells.map((h) => h.trim())

  // Column -> field: explicit map first, then recognised names.
  const columns = new Map<number, PatientField>()
  const explicit = opts.map ? parseColumnMap(opts.map) : {}
  const explicitFields = new Set<PatientField>()
  for (const [col, field] of Object.entries(explicit)) {
    let idx = headers.findIndex((h) => h === col)
    if (idx < 0) idx = headers.findIndex((h) => headerKey(h) === headerKey(col))
    if (idx < 0) {
      throw new ChartclerkError(
        'IMPORT_INVALID',
        `The column map names a column "${col}" that is not in the file. Its columns are: ${headers.join(', ')}.`,
        {
          detail: 'mapped column missing',
        },
      )
    }
    columns.set(idx, field)
    explicitFields.add(field)
  }
  headers.forEach((h, idx) => {
    if (columns.has(idx)) return
    const f = fieldFor(h)
    if (f && f !== 'ignore' && !explicitFields.has(f)) columns.set(idx, f)
  })
  const byField = new Map<PatientField, number[]>()
  for (const [idx, f] of columns) if (f !== 'ignore') byField.set(f, [...(byField.get(f) ?? []), idx])
  for (const [f, idxs] of byField) {
    if (idxs.length > 1) {
      throw new ChartclerkError(
        'IMPORT_INVALID',
        `Several columns (${idxs.map((i) => headers[i]).join(', ')}) could be the ${f} column. Say which one with --map "COLUMN=${f}" and mark the others "COLUMN=ignore".`,
        { detail: 'ambiguous columns' },
      )
    }
  }
  const missing: string[] = []
  if (!byField.has('mrn')) missing.push('MRN')
  if (!byField.has('birthDate')) missing.push('birth date')
  if (!(byField.has('familyName') && byField.has('givenName')) && !byField.has('fullName')) missing.push('family and given name')
  if (missing.length) {
    throw new ChartclerkError(
      'IMPORT_INVALID',
      `The patient file has no column for ${missing.join(', ')}. Its columns are: ${headers.join(', ')}. Name the right columns with --map, for example --map "Chart No=mrn,Pt Last=family_name".`,
      { detail: 'required columns missing' },
    )
  }
  const cell = (cells: string[], f: PatientField): string => {
    const idx = byField.get(f)?.[0]
    return idx === undefined ? '' : tidy(cells[idx])
  }

  const good: Array<{ at: number; patient: Patient }> = []
  for (const row of rows) {
    if (row.cells.every((c) => !c.trim())) continue
    const problems: string[] = []
    if (row.cells.length !== headers.length) {
      problems.push(
        `The row has ${row.cells.length} values but the header has ${headers.length} columns; check for a missing or extra ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}`,
      )
      errors.push({ line: row.line, message: problems.join('; ') })
      continue
    }
    const mrn = normalizeMrn(cell(row.cells, 'mrn'))
    let family = cell(row.cells, 'familyName')
    let given = cell(row.cells, 'givenName')
    let middle: string | null = cell(row.cells, 'middleName') || null
    const full = cell(row.cells, 'fullName')
    if ((!family || !given) && full) {
      if (!full.includes(',')) {
        problems.push(
          `name "${full}" has no comma, so family and given name cannot be told apart; write it as LAST, FIRST or use separate columns`,
        )
      } else {
        const n = parsePersonName(full)
        if (n) {
          family = family || n.familyName
          given = given || n.givenName
          middle = middle ?? n.middleName
        }
      }
    }
    const birthRaw = cell(row.cells, 'birthDate')
    const nameProblemAlready = problems.length > 0
    problems.push(
      ...problemsInPatient({ mrn, family, given, birth: birthRaw }, mrnPattern).filter(
        (p) => !(nameProblemAlready && p.endsWith('name is missing')),
      ),
    )
    let birthDate = ''
    if (birthRaw) {
      const d = readDateValue(birthRaw, { order, today, what: 'birth date' })
      if (d.ok) birthDate = d.iso
      else problems.push(d.message)
    }
    const sex = readSex(cell(row.cells, 'sex'))
    if (!sex.ok) problems.push(sex.message)
    let deceased = false
    let deceasedDate: string | null = null
    const decRaw = cell(row.cells, 'deceased')
    const decDateRaw = cell(row.cells, 'deceasedDate')
    if (decRaw) {
      const k = decRaw.toLowerCase()
      if (['y', 'yes', 'true', 't', '1', 'x', 'deceased', 'expired'].includes(k)) deceased = true
      else if (['n', 'no', 'false', 'f', '0', 'alive', 'living'].includes(k)) deceased = false
      else {
        const d = readDateValue(decRaw, { order, today, what: 'deceased' })
        if (d.ok) {
          deceased = true
          deceasedDate = d.iso
        } else problems.push(`deceased "${decRaw}" is neither yes/no nor a date; write Y, N or the date of death`)
      }
    }
    if (decDateRaw) {
      const d = readDateValue(decDateRaw, { order, today, what: 'date of death' })
      if (!d.ok) problems.push(d.message)
      else if (decRaw && !deceased) problems.push('the row says not deceased but gives a date of death; correct one of them')
      else {
        deceased = true
        deceasedDate = d.iso
      }
    }
    if (birthDate && deceasedDate && deceasedDate < birthDate)
      problems.push('the date of death is before the birth date; correct one of them')
    if (problems.length) {
      errors.push({ line: row.line, message: capitalise(problems.join('; ')) })
      continue
    }
    good.push({
      at: row.line,
      patient: makePatient({
        mrn,
        familyName: family,
        givenName: given,
        middleName: middle,
        birthDate,
        sex: sex.ok ? sex.value : null,
        deceased,
        deceasedDate,
        primaryProvider: cell(row.cells, 'primaryProvider') || null,
      }),
    })
  }
  const patients = dedupe(good, 'line', errors)
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { patients, errors }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

// ---------------------------------------------------------------------------
// FHIR

type Json = Record<string, unknown>

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : ''
}

function isMrType(id: Json): boolean {
  const type = isObj(id.type) ? id.type : undefined
  if (!type) return false
  const codings = Array.isArray(type.coding) ? type.coding.filter(isObj) : []
  if (codings.some((c) => str(c.code) === 'MR' && (!c.system || str(c.system) === V2_0203))) return true
  return /^(?:mrn|mr|medical record(?: number)?)$/i.test(str(type.text).trim())
}

function readFhirPatient(res: Json, mrnSystem: string, mrnPattern: RegExp, today: Date): { patient?: Patient; problems: string[] } {
  const problems: string[] = []
  const ids = (Array.isArray(res.identifier) ? res.identifier : []).filter(isObj).filter((i) => str(i.use) !== 'old' && str(i.value).trim())
  const ours = [...new Set(ids.filter((i) => str(i.system) === mrnSystem).map((i) => normalizeMrn(str(i.value))))]
  let mrn = ''
  if (ours.length === 1) mrn = ours[0]!
  else if (ours.length > 1) problems.push(`it has ${ours.length} different identifiers with the MRN system ${mrnSystem}; keep one`)
  else {
    const typed = [...new Set(ids.filter(isMrType).map((i) => normalizeMrn(str(i.value))))]
    if (typed.length === 1) mrn = typed[0]!
    else if (typed.length > 1)
      problems.push(
        `it has several identifiers typed MR and none with the MRN system ${mrnSystem}; set the MRN system (--mrn-system) to the one that holds our MRNs`,
      )
    else problems.push(`it has no MRN: expected an identifier with system ${mrnSystem} or of type MR`)
  }
  if (mrn && !mrnPattern.test(mrn)) problems.push(`MRN "${mrn}" does not fit the MRN format (${mrnPattern.source})`)

  const names = (Array.isArray(res.name) ? res.name : []).filter(isObj)
  const name =
    names.find((n) => str(n.use) === 'official') ??
    names.find((n) => str(n.use) === 'usual') ??
    names.find((n) => !n.use) ??
    names.find((n) => str(n.use) !== 'old' && str(n.use) !== 'maiden')
  let family = tidy(str(name?.family))
  const givens = Array.isArray(name?.given) ? name.given.map((g) => tidy(str(g))).filter(Boolean) : []
  let given = givens[0] ?? ''
  let middle: string | null = givens.slice(1).join(' ') || null
  if ((!family || !given) && name && str(name.text).includes(',')) {
    const n = parsePersonName(str(name.text))
    if (n) {
      family ||= n.familyName
      given ||= n.givenName
      middle ??= n.middleName
    }
  }
  if (!family || !given)
    problems.push(`${!name ? 'it has no name' : !family ? 'its name has no family part' : 'its name has no given part'} (use official)`)

  let birthDate = ''
  const bd = str(res.birthDate)
  if (!bd) problems.push('it has no birthDate')
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(bd))
    problems.push(`birthDate "${bd}" is incomplete or not YYYY-MM-DD; a full birth date is needed to match documents`)
  else {
    const d = readDateValue(bd, { today, what: 'birthDate' })
    if (d.ok) birthDate = d.iso
    else problems.push(d.message)
  }
  const g = str(res.gender)
  let sex: string | null = null
  if (g) {
    if (['male', 'female', 'other', 'unknown'].includes(g)) sex = g
    else problems.push(`gender "${g}" is not a FHIR administrative gender (male, female, other, unknown)`)
  }
  let deceased = false
  let deceasedDate: string | null = null
  if (typeof res.deceasedBoolean === 'boolean') deceased = res.deceasedBoolean
  if (typeof res.deceasedDateTime === 'string') {
    const d = readDateValue(res.deceasedDateTime.slice(0, 10), { today, what: 'deceasedDateTime' })
    if (d.ok) {
      deceased = true
      deceasedDate = d.iso
    } else problems.push(d.message)
  }
  const links = (Array.isArray(res.link) ? res.link : []).filter(isObj)
  if (links.some((l) => str(l.type) === 'replaced-by'))
    problems.push('it was merged into another patient record (link replaced-by); import the surviving record instead')
  const gp = (Array.isArray(res.generalPractitioner) ? res.generalPractitioner : []).filter(isObj)
  const primaryProvider = tidy(str(gp[0]?.display)) || null
  if (problems.length) return { problems }
  return {
    problems,
    patient: makePatient({
      mrn,
      familyName: family,
      givenName: given,
      middleName: middle,
      birthDate,
      sex,
      deceased,
      deceasedDate,
      primaryProvider,
    }),
  }
}

/**
 * Reads patients from a FHIR R4 Bundle of Patient resources (JSON text or parsed), a single
 * Patient, an array of Patients, or NDJSON (one Patient per line, as bulk export writes).
 * Resources other than Patient in a Bundle are skipped.
 */
export function importPatientsFhir(input: string | Buffer | unknown, opts: FhirImportOptions = {}): PatientImportResult {
  const mrnSystem = opts.mrnSystem ?? DEFAULT_MRN_SYSTEM
  const mrnPattern = compileMrnPattern(opts.mrnPattern)
  const today = opts.today ?? new Date()
  const errors: PatientImportError[] = []
  let entries: Array<{ at: number; resource: unknown }>
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '')
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (err) {
      const lines = text.split(/\r?\n/)
      const nonEmpty = lines.filter((l) => l.trim())
      if (nonEmpty.length > 1 && nonEmpty.every((l) => l.trim().startsWith('{'))) {
        entries = []
        lines.forEach((l, i) => {
          if (!l.trim()) return
          try {
            entries.push({ at: i, resource: JSON.parse(l) })
          } catch {
            errors.push({ entry: i, message: 'this NDJSON line is not valid JSON; fix or remove it' })
          }
        })
        return finishFhir(entries, mrnSystem, mrnPattern, today, errors)
      }
      throw new ChartclerkError(
        'IMPORT_INVALID',
        'The patient file is not valid JSON. Export a FHIR Bundle of Patient resources (or NDJSON) and import it again.',
        {
          cause: err,
          detail: 'fhir json parse failed',
        },
      )
    }
    return importPatientsFhir(doc, opts)
  }
  const doc = input
  if (Array.isArray(doc)) entries = doc.map((resource, at) => ({ at, resource }))
  else if (isObj(doc) && doc.resourceType === 'Bundle') {
    if (!Array.isArray(doc.entry)) return { patients: [], errors: [] }
    entries = doc.entry.map((e, at) => ({ at, resource: isObj(e) ? e.resource : undefined }))
  } else if (isObj(doc) && doc.resourceType === 'Patient') entries = [{ at: 0, resource: doc }]
  else {
    throw new ChartclerkError(
      'IMPORT_INVALID',
      'The JSON file is not a FHIR Bundle or Patient resource. Export a Bundle of Patient resources and import it again.',
      {
        detail: 'not a bundle',
      },
    )
  }
  return finishFhir(entries, mrnSystem, mrnPattern, today, errors)
}

function finishFhir(
  entries: Array<{ at: number; resource: unknown }>,
  mrnSystem: string,
  mrnPattern: RegExp,
  today: Date,
  errors: PatientImportError[],
): PatientImportResult {
  const good: Array<{ at: number; patient: Patient }> = []
  for (const { at, resource } of entries) {
    if (!isObj(resource)) {
      errors.push({ entry: at, message: 'Entry has no resource; remove it or add the Patient resource' })
      continue
    }
    if (resource.resourceType !== 'Patient') continue
    const { patient, problems } = readFhirPatient(resource, mrnSystem, mrnPattern, today)
    const ref = typeof resource.id === 'string' ? ` (Patient/${resource.id})` : ''
    if (!patient) errors.push({ entry: at, message: `Patient${ref}: ${problems.join('; ')}` })
    else good.push({ at, patient })
  }
  const patients = dedupe(good, 'entry', errors)
  errors.sort((a, b) => (a.entry ?? 0) - (b.entry ?? 0))
  return { patients, errors }
}

/**
 * Reads a patient file, CSV or FHIR JSON: JSON when the content starts with `{` or `[`, or when
 * `format` says so.
 */
export function importPatients(
  input: string | Buffer,
  opts: CsvImportOptions & FhirImportOptions & { format?: 'csv' | 'fhir' | 'auto' } = {},
): PatientImportResult & { format: 'csv' | 'fhir' } {
  const text = typeof input === 'string' ? input : input.toString('utf8')
  const format = opts.format && opts.format !== 'auto' ? opts.format : /^\uFEFF?\s*[[{]/.test(text) ? 'fhir' : 'csv'
  const result = format === 'fhir' ? importPatientsFhir(text, opts) : importPatientsCsv(text, opts)
  return { ...result, format }
}

const CSV_COLUMNS: Array<[string, (p: Patient) => string]> = [
  ['mrn', (p) => p.mrn],
  ['family_name', (p) => p.familyName],
  ['given_name', (p) => p.givenName],
  ['middle_name', (p) => p.middleName ?? ''],
  ['birth_date', (p) => p.birthDate],
  ['sex', (p) => p.sex ?? ''],
  ['deceased', (p) => (p.deceased ? 'true' : 'false')],
  ['deceased_date', (p) => p.deceasedDate ?? ''],
  ['primary_provider', (p) => p.primaryProvider ?? ''],
]

/** Writes patients as CSV that `importPatientsCsv` reads back to the same patients (values with edge spaces quoted, so they keep them). */
export function patientsToCsv(patients: Patient[]): string {
  return stringifyCsv(
    patients.map((p) => CSV_COLUMNS.map(([, get]) => get(p))),
    { header: true, columns: CSV_COLUMNS.map(([h]) => h), quoted_match: /^\s|\s$/ },
  )
}
