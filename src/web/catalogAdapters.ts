/**
 * The desk's PatientDirectory over the catalog's patient index (catalog migration 3): lookup by
 * MRN, and the name / MRN search the chart finder and the review page's "find another patient"
 * use, on either catalog engine (src/catalog/sql/open.ts).
 */
import { sql, type Selectable } from 'kysely'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { PatientsTable } from '../catalog/sql/tables.js'
import type { Patient } from '../model/types.js'
import type { PatientDirectory } from './deps.js'

function toPatient(r: Selectable<PatientsTable>): Patient {
  return {
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    middleName: r.middle_name ?? null,
    birthDate: r.birth_date,
    sex: r.sex ?? null,
    deceased: !!Number(r.deceased),
    deceasedDate: r.deceased_date ?? null,
    primaryProvider: r.primary_provider ?? null,
  }
}

/** A LIKE pattern for "starts with `s`" (its own % and _ taken literally), lower-cased. */
const startsWith = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * Case-insensitive "starts with" on both engines (SQLite's LIKE ignores ASCII case, PostgreSQL's
 * does not): both sides lower-cased, the backslash escaping.
 */
const likeStart = (column: ReturnType<typeof sql>, s: string) => sql<boolean>`lower(${column}) like ${startsWith(s)} escape '\\'`

/** Patients whose MRN (with or without its dashes), "family, given" or "given family" starts with `query`. */
export async function findPatients(catalog: SqlCatalog, query: string, limit: number): Promise<Patient[]> {
  const q = query.trim()
  if (!q) return []
  const [family, given] = q.split(',').map((s) => s.trim())
  const rows = await catalog.db
    .selectFrom('patients')
    .selectAll()
    .where(({ or, and }) =>
      or([
        likeStart(sql.ref('mrn'), q),
        likeStart(sql`replace(mrn, '-', '')`, q.replace(/-/g, '')),
        and([likeStart(sql.ref('family_name'), family ?? ''), likeStart(sql.ref('given_name'), given ?? '')]),
        likeStart(sql`given_name || ' ' || family_name`, q),
      ]),
    )
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('birth_date')
    .limit(limit)
    .execute()
  return rows.map(toPatient)
}

export function catalogPatientDirectory(catalog: Catalog, sqlCatalog: SqlCatalog): PatientDirectory {
  return {
    get: (mrn) => catalog.patients.get(mrn),
    find: (query, limit) => findPatients(sqlCatalog, query, limit),
  }
}
