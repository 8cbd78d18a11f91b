/**
 * What reports and notices need to know around a deficiency: its patient, the document it is about
 * (type, date of service, sending facility), and for a chart-level missing document the hospital stay
 * it is about. Read through the catalog's repositories into per-run caches: `await ctx.load(defs)`
 * first, then ask about those deficiencies.
 */
import type { Catalog } from '../catalog/db.js'
import type { Clock } from '../clock/clock.js'
import type { DocumentRecord } from '../catalog/documents.js'
import { chartOf, type ExtractionDetails } from '../charts/buildChart.js'
import type { Deficiency } from '../deficiencies/repo.js'
import { deriveChartFacts, type HospitalStay } from '../model/chart.js'
import type { Patient } from '../model/types.js'

export interface DocumentInfo {
  id: string
  type: string | null
  dateOfService: string | null
  facility: string | null
  receivedAt: string
}

export class ReportContext {
  private readonly patients = new Map<string, Patient | null>()
  private readonly docs = new Map<string, DocumentInfo | null>()
  private readonly stays = new Map<string, HospitalStay[]>()

  /** `asOf`: the report day, a date in the clinic's time zone (`clock`). */
  constructor(
    readonly catalog: Catalog,
    readonly asOf: string,
    readonly clock: Clock,
  ) {}

  /** Reads what the deficiencies' rows need: their patients, their documents, their charts' hospital stays. */
  async load(defs: readonly Pick<Deficiency, 'chartMrn' | 'documentId' | 'kind'>[]): Promise<this> {
    for (const d of defs) {
      if (!this.patients.has(d.chartMrn)) this.patients.set(d.chartMrn, (await this.catalog.patients.get(d.chartMrn)) ?? null)
      const id = d.documentId
      if (id && !this.docs.has(id)) {
        const n = Number(id)
        const doc = Number.isInteger(n) && n > 0 ? await this.catalog.documents.get(n) : undefined
        this.docs.set(id, doc ? documentInfo(doc) : null)
      }
      if (d.kind === 'missing_document' && !this.stays.has(d.chartMrn)) {
        // Hospital stays come from the filed documents alone; routing does not change them.
        const chart = await chartOf(this.catalog, d.chartMrn, this.clock, this.asOf)
        this.stays.set(d.chartMrn, chart ? deriveChartFacts(chart).hospitalStays : [])
      }
    }
    return this
  }

  private loaded<T>(cache: Map<string, T>, key: string): T {
    if (!cache.has(key)) throw new Error(`ReportContext: ${key} was not loaded (call load() with its deficiencies first)`)
    return cache.get(key)!
  }

  patient(mrn: string): Patient | null {
    return this.loaded(this.patients, mrn)
  }

  document(id: string | null): DocumentInfo | null {
    if (!id) return null
    return this.loaded(this.docs, id)
  }

  /** The chart's hospital stays as the rules see them (from the filed documents), as of the report day. */
  hospitalStays(mrn: string): HospitalStay[] {
    return this.loaded(this.stays, mrn)
  }

  /** The hospital stay a chart-level deficiency is about (by its document or encounter), if any. */
  stayOf(d: Deficiency): HospitalStay | null {
    if (d.kind !== 'missing_document') return null
    const enc = d.subject?.startsWith('encounter:') ? d.subject.slice('encounter:'.length) : null
    if (!d.documentId && !enc) return null
    return (
      this.hospitalStays(d.chartMrn).find((s) => (d.documentId && s.documentId === d.documentId) || (enc && s.encounterId === enc)) ?? null
    )
  }

  /** Where aging starts: the discharge date for a missing summary of a hospital stay, else the day it was created. */
  agingFrom(d: Deficiency): string {
    const stay = this.stayOf(d)
    const created = this.clock.localDate(d.createdAt)
    if (stay?.dischargeDate && stay.dischargeDate < created) return stay.dischargeDate
    return created
  }
}

export function documentInfo(d: DocumentRecord): DocumentInfo {
  const x = (d.details.extraction ?? null) as Partial<ExtractionDetails> | null
  const facility = typeof x?.facility === 'string' && x.facility.trim() ? x.facility.trim() : null
  return { id: String(d.id), type: d.docType, dateOfService: x?.dateOfService ?? null, facility, receivedAt: d.receivedAt }
}

export function patientName(p: Patient | null): string {
  if (!p) return ''
  return `${p.familyName}, ${p.givenName}${p.middleName ? ` ${p.middleName}` : ''}`
}
