/**
 * The desk's PatientDirectory over the catalog's patient index (catalog migration 3): lookup by
 * MRN, and the name / MRN search the chart finder and the review page's "find another patient" use.
 */
import type { Catalog } from '../catalog/db.js'
import type { Patient } from '../model/types.js'
import type { PatientDirectory } from './deps.js'

function toPatient(r: Record<string, unknown>): Patient {
  return {
    mrn: r.mrn as string,
    familyName: r.family_name as string,
    givenName: r.given_name as string,
    middleName: (r.middle_name as string | null) ?? null,
    birthDate: r.birth_date as string,
    sex: (r.sex as string | null) ?? null,
    deceased: !!r.deceased,
    deceasedDate: (r.deceased_date as string | null) ?? null,
    primaryProvider: (r.primary_provider as string | null) ?? null,
  }
}

const like = (s: string) => `${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export function catalogPatientDirectory(catalog: Catalog): PatientDirectory {
  return {
    get: (mrn) => catalog.patients.get(mrn),
    find(query, limit) {
      const q = query.trim()
      if (!q) return []
      const [family, given] = q.split(',').map((s) => s.trim())
      const rows = catalog.db
        .prepare(
          `SELECT * FROM patients WHERE mrn LIKE ? ESCAPE '\\' OR replace(mrn, '-', '') LIKE ? ESCAPE '\\'
             OR (family_name LIKE ? ESCAPE '\\' AND given_name LIKE ? ESCAPE '\\')
             OR (given_name || ' ' || family_name) LIKE ? ESCAPE '\\'
           ORDER BY family_name, given_name, birth_date LIMIT ?`,
        )
        .all(like(q), like(q.replace(/-/g, '')), like(family ?? ''), like(given ?? ''), like(q), limit) as Record<string, unknown>[]
      return rows.map(toPatient)
    },
  }
}
