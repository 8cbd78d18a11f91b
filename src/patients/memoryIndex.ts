/** An in-memory `PatientIndex`, for tests and small one-off runs; the catalog provides the real one. */
import type { Patient } from '../model/types.js'
import type { PatientIndex } from './match.js'
import { mrnKey } from './mrn.js'
import { patientNameKeys } from './names.js'

export class MemoryPatientIndex implements PatientIndex {
  private readonly byMrn = new Map<string, Patient[]>()
  private readonly byBirthDate = new Map<string, Patient[]>()
  private readonly byNameKey = new Map<string, Patient[]>()

  constructor(patients: Iterable<Patient> = []) {
    for (const p of patients) this.add(p)
  }

  add(p: Patient): void {
    push(this.byMrn, mrnKey(p.mrn), p)
    push(this.byBirthDate, p.birthDate, p)
    for (const k of patientNameKeys(p)) push(this.byNameKey, k, p)
  }

  findByMrn(mrn: string): Patient[] {
    return [...(this.byMrn.get(mrnKey(mrn)) ?? [])]
  }

  findByBirthDate(isoDate: string): Patient[] {
    return [...(this.byBirthDate.get(isoDate) ?? [])]
  }

  findByNameKey(key: string): Patient[] {
    return [...(this.byNameKey.get(key) ?? [])]
  }
}

function push(map: Map<string, Patient[]>, key: string, p: Patient): void {
  const list = map.get(key)
  if (list) list.push(p)
  else map.set(key, [p])
}
