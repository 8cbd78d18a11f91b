/**
 * The desk's PatientDirectory over the catalog's patient index (src/catalog/patients.ts): lookup by
 * MRN, and the name / MRN search the chart finder and the review page's "find another patient" use.
 */
import type { Catalog } from '../catalog/db.js'
import type { PatientDirectory } from './deps.js'

export function catalogPatientDirectory(catalog: Catalog): PatientDirectory {
  return {
    get: (mrn) => catalog.patients.get(mrn),
    find: (query, limit) => catalog.patients.search(query, limit),
  }
}
