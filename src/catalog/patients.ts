/**
 * The patient index in the catalog: imported from the health center's system,
 * searched by the matcher (by MRN, birth date, phonetic family-name key).
 */
import type { Patient } from '../model/types.js'
import type { PatientIndex } from '../patients/match.js'
import { mrnKey } from '../patients/mrn.js'
import { patientNameKeys } from '../patients/names.js'
import type { Db } from './db.js'
import type { EventLog } from './events.js'

export interface UpsertCounts {
  added: number
  updated: number
  unchanged: number
}

export class PatientsRepo implements PatientIndex {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** Re-import updates, never duplicates: the MRN is the key. */
  upsert(patients: Patient[]): UpsertCounts {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 }
    const now = new Date().toISOString()
    const get = this.db.prepare('SELECT * FROM patients WHERE mrn = ?')
    const ins = this.db.prepare(
      `INSERT INTO patients (mrn, mrn_key, family_name, given_name, middle_name, birth_date, sex, deceased, deceased_date, primary_provider, created_at, updated_at)
       VALUES (@mrn, @mrnKey, @familyName, @givenName, @middleName, @birthDate, @sex, @deceased, @deceasedDate, @primaryProvider, @now, @now)`,
    )
    const upd = this.db.prepare(
      `UPDATE patients SET mrn_key=@mrnKey, family_name=@familyName, given_name=@givenName, middle_name=@middleName, birth_date=@birthDate, sex=@sex,
       deceased=@deceased, deceased_date=@deceasedDate, primary_provider=@primaryProvider, updated_at=@now WHERE mrn=@mrn`,
    )
    const delKeys = this.db.prepare('DELETE FROM patient_name_keys WHERE mrn = ?')
    const insKey = this.db.prepare('INSERT OR IGNORE INTO patient_name_keys (key, mrn) VALUES (?, ?)')
    this.db.transaction(() => {
      for (const p of patients) {
        const row = {
          mrn: p.mrn,
          mrnKey: mrnKey(p.mrn),
          familyName: p.familyName,
          givenName: p.givenName,
          middleName: p.middleName ?? null,
          birthDate: p.birthDate,
          sex: p.sex ?? null,
          deceased: p.deceased || p.deceasedDate ? 1 : 0,
          deceasedDate: p.deceasedDate ?? null,
          primaryProvider: p.primaryProvider ?? null,
          now,
        }
        const existing = get.get(p.mrn) as any
        if (!existing) {
          ins.run(row)
          counts.added++
        } else if (samePatient(toPatient(existing), p)) {
          counts.unchanged++
          continue
        } else {
          upd.run(row)
          counts.updated++
        }
        delKeys.run(p.mrn)
        for (const k of patientNameKeys(p)) insKey.run(k, p.mrn)
      }
      this.events.append('patients.imported', null, { ...counts })
    })()
    return counts
  }

  get(mrn: string): Patient | undefined {
    const r = this.db.prepare('SELECT * FROM patients WHERE mrn = ?').get(mrn)
    return r ? toPatient(r) : undefined
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) n FROM patients').get() as { n: number }).n
  }

  list(limit = 1000, offset = 0): Patient[] {
    return (this.db.prepare('SELECT * FROM patients ORDER BY family_name, given_name LIMIT ? OFFSET ?').all(limit, offset) as any[]).map(
      toPatient,
    )
  }

  findByMrn(mrn: string): Patient[] {
    return (this.db.prepare('SELECT * FROM patients WHERE mrn_key = ?').all(mrnKey(mrn)) as any[]).map(toPatient)
  }

  findByBirthDate(isoDate: string): Patient[] {
    return (this.db.prepare('SELECT * FROM patients WHERE birth_date = ?').all(isoDate) as any[]).map(toPatient)
  }

  findByNameKey(key: string): Patient[] {
    return (this.db.prepare('SELECT p.* FROM patient_name_keys k JOIN patients p ON p.mrn = k.mrn WHERE k.key = ?').all(key) as any[]).map(
      toPatient,
    )
  }
}

function toPatient(r: any): Patient {
  return {
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    middleName: r.middle_name,
    birthDate: r.birth_date,
    sex: r.sex,
    deceased: !!r.deceased,
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
