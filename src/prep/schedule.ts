/**
 * The appointment schedule for chart prep: a day's visits from a CSV export (header row:
 * date/time, MRN, provider, visit type; common header names recognised) or a FHIR Bundle of
 * Appointment resources. Re-importing updates rows, by appointment id when there is one, else
 * by (date, MRN, time).
 */
import { isCalendarDate } from '../clock/calendar.js'
import { parse as parseCsv } from 'csv-parse/sync'
import { sql, type Selectable } from 'kysely'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { AppointmentsTable } from '../catalog/sql/tables.js'
import { writeTransaction } from '../catalog/sql/write.js'
import { ChartclerkError } from '../errors.js'

export interface Appointment {
  id: number
  externalId: string | null
  date: string
  time: string
  mrn: string
  provider: string | null
  visitType: string | null
  status: string | null
  source: string
}

export type NewAppointment = Omit<Appointment, 'id'>

export interface ScheduleImportResult {
  format: 'csv' | 'fhir'
  added: number
  updated: number
  unchanged: number
  /** Rows (1-based, header excluded for CSV; entry index for FHIR) that could not be read. */
  errors: { row: number; message: string }[]
  /** MRNs on the schedule that the patient index does not know. */
  unknownMrns: string[]
}

const norm = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '')

const HEADERS: Record<'datetime' | 'date' | 'time' | 'mrn' | 'provider' | 'visitType' | 'id' | 'status', string[]> = {
  datetime: [
    'datetime',
    'datetime',
    'start',
    'starttime',
    'startdatetime',
    'appointmentdatetime',
    'apptdatetime',
    'scheduled',
    'scheduledat',
    'when',
  ],
  date: ['date', 'appointmentdate', 'apptdate', 'visitdate', 'servicedate', 'dateofservice', 'day', 'scheduleddate'],
  time: ['time', 'appointmenttime', 'appttime', 'visittime', 'slot', 'slottime', 'scheduledtime'],
  mrn: [
    'mrn',
    'patientmrn',
    'medicalrecordnumber',
    'medicalrecordno',
    'mrnumber',
    'patientid',
    'chart',
    'chartnumber',
    'chartno',
    'accountnumber',
    'patientnumber',
  ],
  provider: [
    'provider',
    'providername',
    'clinician',
    'physician',
    'doctor',
    'resource',
    'renderingprovider',
    'attending',
    'practitioner',
    'seeing',
  ],
  visitType: [
    'visittype',
    'type',
    'appointmenttype',
    'appttype',
    'reason',
    'visitreason',
    'reasonforvisit',
    'servicetype',
    'visit',
    'encountertype',
  ],
  id: ['appointmentid', 'apptid', 'id', 'appointmentnumber', 'apptnumber', 'appointmentno', 'encounterid'],
  status: ['status', 'appointmentstatus', 'apptstatus'],
}

/** "2025-07-01", "07/01/2025" (MDY or DMY), with an optional time after it. */
export function parseDateTime(v: string, dateOrder: 'MDY' | 'DMY' = 'MDY'): { date: string; time: string } | null {
  const s = v.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(.*))?$/.exec(s)
  let date: string | null = null
  let rest: string | undefined
  if (m) {
    date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
    rest = m[4]
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T\s]+(.*))?$/.exec(s))) {
    const [a, b] = dateOrder === 'MDY' ? [m[1]!, m[2]!] : [m[2]!, m[1]!]
    const y = m[3]!.length === 2 ? `20${m[3]}` : m[3]!
    date = `${y}-${a.padStart(2, '0')}-${b.padStart(2, '0')}`
    rest = m[4]
  }
  if (!date || !validDate(date)) return null
  if (!rest?.trim()) return { date, time: '' }
  const time = parseTime(rest)
  return time === null ? null : { date, time }
}

const validDate = isCalendarDate

/** "9:30", "09:30:00", "9:30 AM", "2 PM", "1430" -> "HH:MM"; "" for empty; null when unreadable. */
export function parseTime(v: string): string | null {
  const s = v
    .trim()
    .toLowerCase()
    .replace(/(z|[+-]\d{2}:?\d{2})$/, '')
  if (!s) return ''
  const m = /^(\d{1,2})(?::?(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*(a\.?m\.?|p\.?m\.?)?$/.exec(s)
  if (!m) return null
  let h = Number(m[1])
  const min = Number(m[2] ?? '0')
  const ap = m[3]?.[0]
  if (ap) {
    if (h < 1 || h > 12) return null
    if (ap === 'p' && h !== 12) h += 12
    if (ap === 'a' && h === 12) h = 0
  }
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

export function parseScheduleCsv(
  text: string,
  opts: { dateOrder?: 'MDY' | 'DMY'; source?: string } = {},
): { rows: NewAppointment[]; errors: ScheduleImportResult['errors'] } {
  let records: string[][]
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]
  } catch (err) {
    throw new ChartclerkError(
      'IMPORT_INVALID',
      `The schedule file is not valid CSV: ${(err as Error).message}. Export the schedule again with a header row.`,
      { detail: 'csv parse' },
    )
  }
  const header = records[0]
  if (!header)
    throw new ChartclerkError(
      'IMPORT_INVALID',
      "The schedule file is empty. Export the day's schedule with a header row and import it again.",
      { detail: 'empty csv' },
    )
  const col: Partial<Record<keyof typeof HEADERS, number>> = {}
  header.forEach((h, i) => {
    const n = norm(h)
    for (const [field, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][]) {
      if (col[field] === undefined && names.includes(n)) {
        col[field] = i
        break
      }
    }
  })
  if (col.mrn === undefined || (col.date === undefined && col.datetime === undefined)) {
    throw new ChartclerkError(
      'IMPORT_INVALID',
      `The schedule's header row needs a date (or date/time) column and an MRN column; it has: ${header.join(', ')}. Rename the columns (e.g. "Date", "Time", "MRN", "Provider", "Visit type") and import again.`,
      { detail: 'schedule header' },
    )
  }
  const rows: NewAppointment[] = []
  const errors: ScheduleImportResult['errors'] = []
  records.slice(1).forEach((r, i) => {
    const cell = (f: keyof typeof HEADERS): string => (col[f] === undefined ? '' : (r[col[f]!] ?? '').trim())
    const row = i + 1
    const mrn = cell('mrn')
    const when = parseDateTime(cell('date') || cell('datetime'), opts.dateOrder)
    if (!mrn) return void errors.push({ row, message: 'no MRN' })
    if (!when) return void errors.push({ row, message: `date "${cell('date') || cell('datetime')}" not understood` })
    let time = when.time
    if (cell('time')) {
      const t = parseTime(cell('time'))
      if (t === null) return void errors.push({ row, message: `time "${cell('time')}" not understood` })
      time = t
    }
    rows.push({
      externalId: cell('id') || null,
      date: when.date,
      time,
      mrn,
      provider: cell('provider') || null,
      visitType: cell('visitType') || null,
      status: cell('status').toLowerCase() || null,
      source: opts.source ?? 'csv',
    })
  })
  return { rows, errors }
}

type FhirRes = Record<string, any>

/** A FHIR Bundle (or a single Appointment, or an array) of Appointment resources. */
export async function parseScheduleFhir(
  input: unknown,
  opts: { mrnPattern?: string; findMrnByName?: (display: string) => Promise<string | null>; source?: string } = {},
): Promise<{ rows: NewAppointment[]; errors: ScheduleImportResult['errors'] }> {
  const resources: FhirRes[] = Array.isArray(input)
    ? (input as FhirRes[])
    : (input as FhirRes)?.resourceType === 'Bundle'
      ? (((input as FhirRes).entry ?? []) as FhirRes[]).map((e) => e?.resource).filter(Boolean)
      : [input as FhirRes]
  const patients = new Map<string, FhirRes>()
  for (const r of resources) if (r?.resourceType === 'Patient' && r.id) patients.set(`Patient/${r.id}`, r)
  const mrnRe = opts.mrnPattern ? new RegExp(opts.mrnPattern.replace(/^\^/, '').replace(/\$$/, '')) : null
  const rows: NewAppointment[] = []
  const errors: ScheduleImportResult['errors'] = []
  for (const [i, r] of resources.entries()) {
    if (r?.resourceType !== 'Appointment') continue
    const row = i + 1
    const parts = (r.participant ?? []) as FhirRes[]
    const patientPart = parts.find((p) => /^Patient\//.test(p?.actor?.reference ?? '') || p?.actor?.type === 'Patient')
    const actor = patientPart?.actor
    let mrn: string | null = null
    if (actor) {
      const ids = [actor.identifier, ...((patients.get(actor.reference)?.identifier ?? []) as FhirRes[])].filter(Boolean) as FhirRes[]
      const byType = ids.find((id) =>
        /mrn|medical record/i.test(
          `${id.system ?? ''} ${id.type?.text ?? ''} ${(id.type?.coding ?? []).map((c: FhirRes) => `${c.code ?? ''} ${c.display ?? ''}`).join(' ')}`,
        ),
      )
      mrn = (byType ?? ids[0])?.value ?? null
      if (!mrn && typeof actor.display === 'string') {
        const hit = mrnRe ? mrnRe.exec(actor.display) : null
        mrn = hit ? hit[0] : ((await opts.findMrnByName?.(actor.display)) ?? null)
      }
    }
    if (!mrn) {
      errors.push({ row, message: `appointment ${r.id ?? ''} names no patient MRN`.replace('  ', ' ') })
      continue
    }
    const start = typeof r.start === 'string' ? r.start : ''
    const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(start)
    if (!m) {
      errors.push({ row, message: `appointment ${r.id ?? ''} has no start date` })
      continue
    }
    const prac = parts.find(
      (p) => /^(Practitioner|PractitionerRole)\//.test(p?.actor?.reference ?? '') || /Practitioner/.test(p?.actor?.type ?? ''),
    )
    const codeText = (c: FhirRes | undefined): string | null => c?.text ?? c?.coding?.[0]?.display ?? c?.coding?.[0]?.code ?? null
    rows.push({
      externalId: r.id ? String(r.id) : null,
      date: m[1]!,
      time: m[2] ?? '',
      mrn: String(mrn).trim(),
      provider: prac?.actor?.display ?? null,
      visitType:
        codeText(r.appointmentType) ?? codeText(r.serviceType?.[0]) ?? codeText(r.serviceType?.[0]?.concept) ?? r.description ?? null,
      status: typeof r.status === 'string' ? r.status : null,
      source: opts.source ?? 'fhir',
    })
  }
  return { rows, errors }
}

const toAppointment = (r: Selectable<AppointmentsTable>): Appointment => ({
  id: Number(r.id),
  externalId: r.external_id ?? null,
  date: r.date,
  time: r.time,
  mrn: r.mrn,
  provider: r.provider ?? null,
  visitType: r.visit_type ?? null,
  status: r.status ?? null,
  source: r.source,
})

/** Statuses of a visit that did not or will not happen (FHIR Appointment.status). */
const NOT_A_VISIT = ['cancelled', 'noshow', 'entered-in-error']

/**
 * The schedule on either catalog engine (src/catalog/sql/open.ts): the embedded SQLite file or
 * the PostgreSQL catalog several desks share, so a schedule imported at one desk preps the
 * charts at every desk.
 *
 * @example
 *   await new AppointmentsRepo(app.sql).upsert(rows)
 *   const day = await new AppointmentsRepo(app.sql).forDate('2026-12-07')
 */
export class AppointmentsRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  /**
   * Insert or update by external id, else by (date, MRN, time). Two imports take turns (each
   * decides from what it reads), so the same schedule imported at two desks at once is kept once.
   */
  upsert(rows: NewAppointment[]): Promise<{ added: number; updated: number; unchanged: number }> {
    return writeTransaction(this.catalog, 'schedule', async (trx) => {
      const counts = { added: 0, updated: 0, unchanged: 0 }
      const now = new Date().toISOString()
      for (const a of rows) {
        const ex = a.externalId
          ? await trx.selectFrom('appointments').selectAll().where('external_id', '=', a.externalId).executeTakeFirst()
          : await trx
              .selectFrom('appointments')
              .selectAll()
              .where('external_id', 'is', null)
              .where('date', '=', a.date)
              .where('mrn', '=', a.mrn)
              .where('time', '=', a.time)
              .executeTakeFirst()
        const fields = {
          date: a.date,
          time: a.time,
          mrn: a.mrn,
          provider: a.provider,
          visit_type: a.visitType,
          status: a.status,
          source: a.source,
        }
        if (!ex) {
          await trx
            .insertInto('appointments')
            .values({ ...fields, external_id: a.externalId, imported_at: now, updated_at: now })
            .execute()
          counts.added++
        } else if (
          ex.date === a.date &&
          ex.time === a.time &&
          ex.mrn === a.mrn &&
          ex.provider === a.provider &&
          ex.visit_type === a.visitType &&
          ex.status === a.status
        ) {
          counts.unchanged++
        } else {
          await trx
            .updateTable('appointments')
            .set({ ...fields, updated_at: now })
            .where('id', '=', ex.id)
            .execute()
          counts.updated++
        }
      }
      return counts
    })
  }

  /** The day's appointments: timed ones by time, then those without a time, in the order imported. */
  async forDate(date: string): Promise<Appointment[]> {
    const rows = await this.catalog.db
      .selectFrom('appointments')
      .selectAll()
      .where('date', '=', date)
      .orderBy(sql`CASE WHEN time = '' THEN 1 ELSE 0 END`)
      .orderBy('time')
      .orderBy('id')
      .execute()
    return rows.map(toAppointment)
  }

  /** The latest day the patient is (or was) on the schedule for a visit that happens; null when never. */
  async lastVisit(mrn: string): Promise<string | null> {
    const r = await this.catalog.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.max('date').as('d'))
      .where('mrn', '=', mrn)
      .where((eb) => eb(eb.fn.coalesce('status', sql.lit('')), 'not in', NOT_A_VISIT))
      .executeTakeFirst()
    return r?.d ?? null
  }
}

/**
 * Reads a schedule file (CSV or FHIR JSON, by its content) into the catalog. Names in a FHIR
 * bundle are looked up in the patient index and the import is recorded as an event (both through
 * `catalog`'s repositories, so on the desk's engine); the appointments themselves go where `sql` is.
 */
export async function importSchedule(
  deps: { catalog: Catalog; sql: SqlCatalog },
  input: string | Buffer,
  opts: { dateOrder?: 'MDY' | 'DMY'; mrnPattern?: string; format?: 'csv' | 'fhir' | 'auto'; source?: string } = {},
): Promise<ScheduleImportResult> {
  const { catalog } = deps
  const text = Buffer.isBuffer(input) ? input.toString('utf8') : input
  const format = opts.format && opts.format !== 'auto' ? opts.format : /^\uFEFF?\s*[[{]/.test(text) ? 'fhir' : 'csv'
  let parsed: { rows: NewAppointment[]; errors: ScheduleImportResult['errors'] }
  if (format === 'fhir') {
    let json: unknown
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (err) {
      throw new ChartclerkError('IMPORT_INVALID', `The schedule file is not valid JSON: ${(err as Error).message}.`, {
        detail: 'fhir json',
      })
    }
    parsed = await parseScheduleFhir(json, {
      mrnPattern: opts.mrnPattern,
      findMrnByName: (d) => mrnByName(catalog, d),
      source: opts.source,
    })
  } else parsed = parseScheduleCsv(text, { dateOrder: opts.dateOrder, source: opts.source })
  const counts = await new AppointmentsRepo(deps.sql).upsert(parsed.rows)
  await catalog.events.append('schedule.imported', null, { ...counts })
  const unknownMrns: string[] = []
  for (const m of new Set(parsed.rows.map((r) => r.mrn))) if (!(await catalog.patients.get(m))) unknownMrns.push(m)
  unknownMrns.sort()
  return { format, ...counts, errors: parsed.errors, unknownMrns }
}

/** "Family, Given" or "Given Family": the MRN when exactly one patient in the index has that name. */
async function mrnByName(catalog: Catalog, display: string): Promise<string | null> {
  const s = display.trim()
  const [family, given] = s.includes(',') ? s.split(',').map((x) => x.trim()) : [s.split(/\s+/).at(-1) ?? '', s.split(/\s+/)[0] ?? '']
  const hits = await catalog.patients.findByName(family ?? '', given ?? '')
  return hits.length === 1 ? hits[0]!.mrn : null
}
