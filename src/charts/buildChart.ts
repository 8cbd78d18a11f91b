/**
 * The chart model that rules see, built from the catalog: the patient and the
 * documents filed in their chart, each with the facts the pipeline extracted.
 * Plain JSON; `chartclerk chart show MRN --json` prints exactly this.
 */
import type { Clock } from '../clock/clock.js'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { withLabResults } from '../extract-fields/labResults.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { Chart, ChartDocument, ChartRouting, DocumentStatus, Sex, SignatureKind } from '../model/chart.js'
import { RoutesRepo, type Route } from '../routing/repo.js'
import type { DocumentType } from '../model/types.js'
import type { Patient } from '../model/types.js'

/** What the extraction stages keep in documents.details.extraction. */
export interface ExtractionDetails {
  dateOfService: string | null
  author: string | null
  facility: string | null
  signed: { present: boolean; by: string | null; date: string | null; kind: SignatureKind | null }
  pagesDeclared: number | null
  missingPages: number[]
  status: string | null
  missing: string[]
}

/** A document's routing as the chart model holds it, from its routes (none: undefined). */
export function chartRouting(routes: readonly Route[] | undefined): ChartRouting | undefined {
  if (!routes?.length) return undefined
  const pending = routes.filter((r) => !r.acknowledgedAt).map((r) => r.provider)
  const acks = routes
    .map((r) => r.acknowledgedAt)
    .filter((a): a is string => !!a)
    .sort()
  return {
    to: routes.map((r) => r.provider),
    routedAt: routes.map((r) => r.routedAt).sort()[0]!,
    acknowledgedAt: pending.length ? null : acks[acks.length - 1]!,
    pending,
  }
}

export function chartDocument(d: DocumentRecord): ChartDocument {
  const x = (d.details.extraction ?? null) as ExtractionDetails | null
  // Lab results as rows, also for documents stored before rows existed.
  const fields = withLabResults((d.details.fields ?? {}) as ChartDocument['fields']) as ChartDocument['fields']
  const status: DocumentStatus =
    x?.status === 'preliminary' ? 'preliminary' : x?.status === 'amended' || x?.status === 'corrected' ? 'amended' : 'final'
  return {
    id: String(d.id),
    type: (d.docType ?? 'other') as DocumentType,
    typeConfidence: d.typeConfidence ?? 0,
    status,
    dateOfService: x?.dateOfService ?? null,
    receivedAt: d.receivedAt,
    signed: x?.signed ?? { present: false, by: null, date: null, kind: null },
    fields,
    pages: d.pageCount ?? 0,
    pagesDeclared: x?.pagesDeclared ?? null,
    missingPages: x?.missingPages ?? [],
    ocrConfidence: d.ocrConfidence,
    source: x?.facility ?? null,
    filed: d.status === 'filed',
    patientMatch: d.status === 'filed' ? 'matched' : 'unmatched',
  }
}

function withRouting(d: ChartDocument, routing: ChartRouting | undefined): ChartDocument {
  if (routing) d.routing = routing
  return d
}

function sexOf(p: Patient): Sex | null {
  const s = (p.sex ?? '').toLowerCase()
  if (s.startsWith('f')) return 'female'
  if (s.startsWith('m')) return 'male'
  if (s === 'o' || s === 'other') return 'other'
  return s ? 'unknown' : null
}

/**
 * The chart of one patient as the rules see it, checked as of `asOf` (default: the clinic's
 * today), with each filed document's routes read from the routes table.
 */
export async function buildChart(
  catalog: Catalog,
  sql: SqlCatalog,
  mrn: string,
  clock: Clock,
  asOf = clock.today(),
): Promise<Chart | null> {
  if (!(await catalog.patients.get(mrn))) return null
  return chartOf(catalog, mrn, clock, asOf, await new RoutesRepo(sql).forPatient(mrn))
}

/**
 * The chart from the patient index and the filed documents, with the routes given (by document
 * id; none given: no document is routed). For what does not depend on routing, such as the
 * hospital stays a report ages deficiencies from; the rules get `buildChart`.
 */
export async function chartOf(
  catalog: Catalog,
  mrn: string,
  clock: Clock,
  asOf = clock.today(),
  routes: ReadonlyMap<number, readonly Route[]> = new Map(),
): Promise<Chart | null> {
  const patient = await catalog.patients.get(mrn)
  if (!patient) return null
  const docs = (await catalog.documents.forPatient(mrn)).filter((d) => d.status === 'filed')
  return {
    patient: {
      mrn: patient.mrn,
      name: { family: patient.familyName, given: patient.givenName },
      birthDate: patient.birthDate,
      sex: sexOf(patient),
      deceased: !!(patient.deceased || patient.deceasedDate),
    },
    documents: docs
      .map((d) => withRouting(chartDocument(d), chartRouting(routes.get(d.id))))
      .sort((a, b) => (a.dateOfService ?? a.receivedAt).localeCompare(b.dateOfService ?? b.receivedAt)),
    encounters: [],
    consents: [],
    asOf,
    timeZone: clock.timeZone,
  }
}

/** Every chart that has at least one filed document (`filedOnly: false`: at least one document of any status). */
export function chartMrns(catalog: Pick<Catalog, 'documents'>, o: { filedOnly?: boolean } = {}): Promise<string[]> {
  return catalog.documents.chartMrns(o)
}
