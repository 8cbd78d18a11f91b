/**
 * The desk's default PatientDirectory and ReviewActions over the catalog: the patient index
 * (table `patients`, catalog migration 3) and filing a settled review item.
 */
import type { Catalog } from '../catalog/db.js'
import { ChartclerkError } from '../errors.js'
import type { Patient } from '../model/types.js'
import type { PatientDirectory, ReviewActions, SettleChoice } from './deps.js'
import { isDocumentType } from './format.js'

function hasTable(catalog: Catalog, name: string): boolean {
  return !!catalog.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)
}

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
  const present = () => hasTable(catalog, 'patients')
  return {
    get(mrn) {
      if (!present()) return undefined
      const r = catalog.db.prepare('SELECT * FROM patients WHERE mrn = ?').get(mrn) as Record<string, unknown> | undefined
      return r ? toPatient(r) : undefined
    },
    find(query, limit) {
      const q = query.trim()
      if (!q || !present()) return []
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

/**
 * Files a document from the review queue in the chosen chart with the chosen type, in one
 * transaction: documents.patient_mrn / doc_type / status 'filed', the reasons cleared, an event
 * naming who settled it (and a settlements row when the catalog has that table, for retraining).
 */
export function catalogReviewActions(catalog: Catalog, patients: PatientDirectory): ReviewActions {
  return {
    settle(documentId: number, choice: SettleChoice) {
      if (!isDocumentType(choice.docType)) throw new ChartclerkError('USAGE', 'Choose the document type from the list.')
      const mrn = choice.mrn.trim()
      if (!mrn) throw new ChartclerkError('USAGE', 'Choose the patient whose chart this document belongs in.')
      const patient = patients.get(mrn)
      if (!patient) throw new ChartclerkError('NOT_FOUND', `There is no patient with MRN ${mrn} in the patient index. Check the number, or import the patient first.`)
      catalog.tx(() => {
        const doc = catalog.documents.get(documentId)
        if (!doc) throw new ChartclerkError('NOT_FOUND', `There is no document ${documentId}.`)
        if (doc.status !== 'needs_review')
          throw new ChartclerkError('USAGE', `Document ${documentId} is no longer waiting for review (it is ${doc.status.replace('_', ' ')}); someone may have settled it already.`)
        catalog.documents.update(documentId, { patientMrn: patient.mrn, docType: choice.docType, status: 'filed', reviewReasons: [] })
        if (hasTable(catalog, 'settlements'))
          catalog.db
            .prepare('INSERT INTO settlements (document_id, doc_type, patient_mrn, proposed_type, proposed_mrn, settled_by, settled_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(documentId, choice.docType, patient.mrn, doc.docType, doc.patientMrn, choice.by, new Date().toISOString(), choice.note ?? null)
        catalog.events.append('document.filed', documentId, { by: choice.by, settled: true, docType: choice.docType })
      })
    },
  }
}
