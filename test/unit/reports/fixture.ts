/**
 * A small records desk built through the real repositories (all patient data made up):
 *
 *   CC-100418 Testperson, Pat (1970-05-05)
 *     doc A1  emergency_report from Mercy General Hospital, visit 2025-04-20, filed 2025-04-28 (2 pages)
 *     doc A2  lab_report without a reference interval (D05), filed 2025-04-28 (1 page)
 *     checked 2025-05-01 (C01 consent, D05 open) and 2025-06-30 (C03: no ED visit summary, due 2025-05-20)
 *   CC-100512 Example, Robin (1985-11-30)
 *     doc B1  radiology_report, unsigned, no fields, from a facility whose name looks like a formula,
 *             settled by a person 2025-06-24 (3 pages); checked 2025-06-25
 *   two documents waiting for review, received 2025-05-01 and 2025-06-20
 */
import path from 'node:path'
import { vi } from 'vitest'
import type { Catalog } from '../../../src/catalog/db.js'
import { sqliteSqlCatalog, type SqlCatalog } from '../../../src/catalog/sql/open.js'
import { buildChart, type ExtractionDetails } from '../../../src/charts/buildChart.js'
import { createClock } from '../../../src/clock/clock.js'
import { checkCharts } from '../../../src/deficiencies/check.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import type { RuleSet } from '../../../src/rules/types.js'

export const ROOT = path.resolve(import.meta.dirname, '../../..')
export const STARTER_RULES: RuleSet = loadRuleSet(path.join(ROOT, 'rules/checks'))

export const PAT = {
  mrn: 'CC-100418',
  familyName: 'Testperson',
  givenName: 'Pat',
  birthDate: '1970-05-05',
  primaryProvider: 'Dr. Ada Example',
}
export const ROBIN = { mrn: 'CC-100512', familyName: 'Example', givenName: 'Robin', birthDate: '1985-11-30' }
export const MERCY = 'Mercy General Hospital'
export const FORMULA_FACILITY = '=HYPERLINK("http://example.invalid","Eastside <Imaging>")'

let shaSeq = 0

/** Runs fn with the clock at `iso` (event and row stamps the repositories take from Date). */
export async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(iso))
  try {
    return await fn()
  } finally {
    vi.useRealTimers()
  }
}

export interface FileDoc {
  mrn: string
  type: string
  receivedAt: string
  filedAt: string
  pages: number
  dateOfService: string
  facility: string | null
  fields?: Record<string, unknown>
  signed?: ExtractionDetails['signed']
  settledBy?: string
}

/** Stores, then files a document the way the settle stage (or a person in review) does. Returns its id. */
export async function fileDocument(catalog: Catalog, d: FileDoc): Promise<number> {
  const id = await at(d.receivedAt, () =>
    catalog.documents.create({
      sha256: `fixture-${++shaSeq}-${Date.now()}`.padEnd(64, '0'),
      size: 1000,
      contentType: 'application/pdf',
      originalName: `scan-${shaSeq}.pdf`,
      sourceFolder: '',
      receivedAt: d.receivedAt,
    }),
  )
  const extraction: ExtractionDetails = {
    dateOfService: d.dateOfService,
    author: null,
    facility: d.facility,
    signed: d.signed ?? { present: false, by: null, date: null, kind: null },
    pagesDeclared: null,
    missingPages: [],
    status: 'final',
    missing: [],
  }
  await at(d.filedAt, () =>
    catalog.tx(async (c) => {
      await c.documents.update(id, {
        status: 'filed',
        docType: d.type,
        typeConfidence: d.settledBy ? 1 : 0.97,
        patientMrn: d.mrn,
        pageCount: d.pages,
        textSource: 'text',
        details: { extraction, fields: d.fields ?? {} },
      })
      if (d.settledBy) {
        await c.settlements.add({
          documentId: id,
          docType: d.type,
          patientMrn: d.mrn,
          proposedType: 'other',
          proposedMrn: null,
          settledBy: d.settledBy,
          note: null,
        })
        await c.events.append('document.settled', id, { by: d.settledBy, docType: d.type })
      } else await c.events.append('document.filed', id, { by: 'chartclerk', docType: d.type })
    }),
  )
  return id
}

export async function waitForReview(catalog: Catalog, receivedAt: string): Promise<number> {
  const id = await at(receivedAt, () =>
    catalog.documents.create({
      sha256: `fixture-${++shaSeq}-${Date.now()}`.padEnd(64, '0'),
      size: 1000,
      contentType: 'application/pdf',
      originalName: `scan-${shaSeq}.pdf`,
      sourceFolder: '',
      receivedAt,
    }),
  )
  await catalog.documents.update(id, { status: 'needs_review', pageCount: 1, reviewReasons: ['Patient not identified.'] })
  return id
}

/** The clinic's clock in UTC, as before clinic.timeZone existed. */
export const UTC = createClock()

const sqlCatalogs = new WeakMap<Catalog, SqlCatalog>()

/** The catalog through the query builder (where deficiencies are), one per catalog. */
export function sqlOf(catalog: Catalog): SqlCatalog {
  let sql = sqlCatalogs.get(catalog)
  if (!sql) sqlCatalogs.set(catalog, (sql = sqliteSqlCatalog(catalog.db)))
  return sql
}

/** checkCharts over the catalog's chart, with the real starter rules, as of a day. */
export async function check(catalog: Catalog, mrn: string, day: string): Promise<void> {
  const chart = (await buildChart(catalog, sqlOf(catalog), mrn, UTC, day))!
  await checkCharts(STARTER_RULES, [chart], new DeficienciesRepo(sqlOf(catalog)), { at: `${day}T09:00:00.000Z` })
}

export const ED_FIELDS = { visitDate: '2025-04-20', reasonForVisit: 'Chest pain', disposition: 'Home' }
export const LAB_FIELDS = {
  labName: 'Riverbend Reference Laboratory',
  labAddress: '400 Mill Street',
  reportDate: '2025-04-24',
  collectionDate: '2025-04-23',
  testName: 'Hemoglobin A1c',
  result: '6.1 %',
}

export interface Desk {
  edId: number
  labId: number
  radId: number
}

export async function fillDesk(catalog: Catalog): Promise<Desk> {
  await catalog.patients.upsert([PAT, ROBIN])
  const edId = await fileDocument(catalog, {
    mrn: PAT.mrn,
    type: 'emergency_report',
    receivedAt: '2025-04-28T08:00:00Z',
    filedAt: '2025-04-28T10:00:00Z',
    pages: 2,
    dateOfService: '2025-04-20',
    facility: MERCY,
    fields: ED_FIELDS,
  })
  const labId = await fileDocument(catalog, {
    mrn: PAT.mrn,
    type: 'lab_report',
    receivedAt: '2025-04-28T08:05:00Z',
    filedAt: '2025-04-28T11:00:00Z',
    pages: 1,
    dateOfService: '2025-04-23',
    facility: 'Riverbend Reference Laboratory',
    fields: LAB_FIELDS,
  })
  await check(catalog, PAT.mrn, '2025-05-01')
  await check(catalog, PAT.mrn, '2025-06-30')
  const radId = await fileDocument(catalog, {
    mrn: ROBIN.mrn,
    type: 'radiology_report',
    receivedAt: '2025-06-23T08:00:00Z',
    filedAt: '2025-06-24T15:00:00Z',
    pages: 3,
    dateOfService: '2025-06-20',
    facility: FORMULA_FACILITY,
    settledBy: 'clerk.one',
  })
  await check(catalog, ROBIN.mrn, '2025-06-25')
  await waitForReview(catalog, '2025-05-01T08:00:00Z')
  await waitForReview(catalog, '2025-06-20T08:00:00Z')
  return { edId, labId, radId }
}

/** A tiny well-formedness check: every non-void element closed, in order; returns the problems. */
export function htmlProblems(html: string): string[] {
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
  const problems: string[] = []
  const stack: string[] = []
  const body = html
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<style[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2')
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>/g
  let last = 0
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index)
    if (/[<>]/.test(text)) problems.push(`stray < or > in text: ${JSON.stringify(text.slice(0, 60))}`)
    last = tag.lastIndex
    const [, close, rawName] = m
    const name = rawName!.toLowerCase()
    if (VOID.has(name)) continue
    if (!close) stack.push(name)
    else if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`)
  }
  if (/[<>]/.test(body.slice(last))) problems.push('stray < or > after the last tag')
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`)
  return problems
}
