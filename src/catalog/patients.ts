/**
 * The patient index in the catalog, on either engine: imported from the health center's system,
 * searched by the matcher (by MRN, birth date, phonetic family-name key) and by the desk's chart
 * finder (MRN or name).
 */
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely'
import type { Patient } from '../model/types.js'
import type { PatientIndex } from '../patients/match.js'
import { mrnKey } from '../patients/mrn.js'
import { patientNameKeys } from '../patients/names.js'
import type { PatientsTable } from './sql/tables.js'
import { EventLog } from './events.js'
import type { CatalogScope } from './scope.js'

export interface UpsertCounts {
  added: number
  updated: number
  unchanged: number
}

/** A LIKE pattern for "starts with `s`", with LIKE's own characters in `s` taken literally. */
const startsWith = (s: string) => `${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export class PatientsRepo implements PatientIndex {
  constructor(
    private readonly scope: CatalogScope,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Re-import updates, never duplicates: the MRN is the key. One transaction for the whole import. */
  upsert(patients: Patient[]): Promise<UpsertCounts> {
    return this.scope.atomically('patients import', async (trx) => {
      const db = trx.db
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 }
      const now = new Date().toISOString()
      for (const p of patients) {
        const row = {
          mrn_key: mrnKey(p.mrn),
          family_name: p.familyName,
          given_name: p.givenName,
          middle_name: p.middleName ?? null,
          birth_date: p.birthDate,
          sex: p.sex ?? null,
          deceased: p.deceased || p.deceasedDate ? 1 : 0,
          deceased_date: p.deceasedDate ?? null,
          primary_provider: p.primaryProvider ?? null,
          updated_at: now,
        }
        const existing = await db.selectFrom('patients').selectAll().where('mrn', '=', p.mrn).executeTakeFirst()
        if (!existing) {
          await db
            .insertInto('patients')
            .values({ mrn: p.mrn, ...row, created_at: now })
            .execute()
          counts.added++
        } else if (samePatient(toPatient(existing), p)) {
          counts.unchanged++
          continue
        } else {
          await db.updateTable('patients').set(row).where('mrn', '=', p.mrn).execute()
          counts.updated++
        }
        await db.deleteFrom('patient_name_keys').where('mrn', '=', p.mrn).execute()
        const keys = [...new Set(patientNameKeys(p))]
        if (keys.length)
          await db
            .insertInto('patient_name_keys')
            .values(keys.map((key) => ({ key, mrn: p.mrn })))
            .onConflict((oc) => oc.doNothing())
            .execute()
      }
      await new EventLog(trx, this.now).append('patients.imported', null, { ...counts })
      return counts
    })
  }

  async get(mrn: string): Promise<Patient | undefined> {
    const r = await this.scope.db.selectFrom('patients').selectAll().where('mrn', '=', mrn).executeTakeFirst()
    return r ? toPatient(r) : undefined
  }

  async count(): Promise<number> {
    const r = await this.scope.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  async list(limit = 1000, offset = 0): Promise<Patient[]> {
    const rows = await this.scope.db
      .selectFrom('patients')
      .selectAll()
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('mrn')
      .limit(limit)
      .offset(offset)
      .execute()
    return rows.map(toPatient)
  }

  async findByMrn(mrn: string): Promise<Patient[]> {
    const rows = await this.scope.db.selectFrom('patients').selectAll().where('mrn_key', '=', mrnKey(mrn)).orderBy('mrn').execute()
    return rows.map(toPatient)
  }

  async findByBirthDate(isoDate: string): Promise<Patient[]> {
    const rows = await this.scope.db.selectFrom('patients').selectAll().where('birth_date', '=', isoDate).orderBy('mrn').execute()
    return rows.map(toPatient)
  }

  async findByNameKey(key: string): Promise<Patient[]> {
    const rows = await this.scope.db
      .selectFrom('patient_name_keys as k')
      .innerJoin('patients as p', 'p.mrn', 'k.mrn')
      .selectAll('p')
      .where('k.key', '=', key)
      .orderBy('p.mrn')
      .execute()
    return rows.map(toPatient)
  }

  /**
   * Patients with exactly this family and given name, letters compared without regard to case
   * (ASCII letters only, as SQLite's NOCASE did: `Émile` is not `émile`), for a schedule that names
   * its patient only by name.
   */
  async findByName(familyName: string, givenName: string): Promise<Patient[]> {
    const rows = await this.scope.db
      .selectFrom('patients')
      .selectAll()
      .where((eb) =>
        eb.and([
          eb(lowerOf(eb.ref('family_name')), 'in', bothFoldings(familyName)),
          eb(lowerOf(eb.ref('given_name')), 'in', bothFoldings(givenName)),
        ]),
      )
      .orderBy('mrn')
      .execute()
    // PostgreSQL's lower() also folds letters beyond ASCII, SQLite's does not: the query finds a
    // few more on one of them, and this keeps the same answer on both.
    return rows
      .filter((r) => asciiLower(r.family_name) === asciiLower(familyName) && asciiLower(r.given_name) === asciiLower(givenName))
      .map(toPatient)
  }

  /**
   * The desk's chart finder: patients whose MRN (with or without its dashes) starts with `query`,
   * or "Family, Given" / "Given Family" starting so; letters compared without regard to case.
   */
  async search(query: string, limit: number): Promise<Patient[]> {
    const q = query.trim()
    if (!q) return []
    const [family, given] = q.split(',').map((s) => s.trim())
    const like = (col: Parameters<typeof lowerOf>[0], pattern: string) => sqlLike(lowerOf(col), pattern.toLowerCase())
    const rows = await this.scope.db
      .selectFrom('patients')
      .selectAll()
      .where((eb) =>
        eb.or([
          like(eb.ref('mrn'), startsWith(q)),
          like(eb.fn('replace', [eb.ref('mrn'), eb.val('-'), eb.val('')]), startsWith(q.replace(/-/g, ''))),
          eb.and([like(eb.ref('family_name'), startsWith(family ?? '')), like(eb.ref('given_name'), startsWith(given ?? ''))]),
          like(sql`given_name || ' ' || family_name`, startsWith(q)),
        ]),
      )
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('birth_date')
      .orderBy('mrn')
      .limit(limit)
      .execute()
    return rows.map(toPatient)
  }
}

const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase())
const bothFoldings = (s: string) => [...new Set([asciiLower(s), s.toLowerCase()])]
const lowerOf = (e: Expression<unknown>) => sql<string>`lower(${e})`
const sqlLike = (e: Expression<string>, pattern: string) => sql<SqlBool>`${e} LIKE ${pattern} ESCAPE '\\'`

function toPatient(r: Selectable<PatientsTable>): Patient {
  return {
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    middleName: r.middle_name,
    birthDate: r.birth_date,
    sex: r.sex,
    deceased: !!Number(r.deceased),
    deceasedDate: r.deceased_date,
    primaryProvider: r.primary_provider,
  }
}

function samePatient(a: Patient, b: Patient): boolean {
  const norm = (p: Patient) => [
    p.familyName,
    p.givenName,
    p.middleName ?? null,
    p.birthDate,
    p.sex ?? null,
    !!(p.deceased || p.deceasedDate),
    p.deceasedDate ?? null,
    p.primaryProvider ?? null,
  ]
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}
