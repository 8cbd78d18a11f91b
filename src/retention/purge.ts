/**
 * Destruction under the retention schedule. `planPurge` lists the filed documents whose
 * retention has passed, leaving out every chart under a legal hold. `approvePurge` deletes
 * their objects from the store (a locked object is reported and its document kept), erases
 * their catalog content (page text, fields) but keeps a tombstone, and writes a certificate
 * of destruction (printable HTML, stored in the object store). Events stay: the log is append-only.
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { Clock } from '../clock/clock.js'
import type { Config } from '../config/config.js'
import { rulesDirOf } from '../rules/rulesDir.js'
import { ChartclerkError, toChartclerkError } from '../errors.js'
import { dateOf } from '../release/check.js'
import { docTypeLabel } from '../release/package.js'
import { originalKey, type ObjectStore } from '../storage/objectStore.js'
import { chartMrns } from '../charts/buildChart.js'
import { certificateNumber, DestructionRepo } from './destroyed.js'
import { HoldsRepo } from './holds.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { requireKind } from '../rules/ruleFiles.js'
import { RETENTION_KIND, retainUntil, scheduleFor, type RetentionRules, type RetentionSchedule } from './schedule.js'

/** Destruction reaches both the main store and the archive of inactive charts. */
export type PurgeDeps = ScheduleDeps & { storeWithArchive: ObjectStore }

export interface PurgeCandidate {
  documentId: number
  patientMrn: string
  docType: string | null
  date: string
  lastEncounter: string
  retainUntil: string
}

export interface PurgePlan {
  asOf: string
  jurisdiction: string
  candidates: PurgeCandidate[]
  /** Charts with documents past retention that a legal hold keeps. */
  held: { patientMrn: string; documents: number }[]
}

/** A running chartclerk passes its rule files in force (last good kept); a one-shot command reads the file now. */
export interface ScheduleDeps {
  catalog: Catalog
  /** The catalog through the query builder (the same SQLite file, or PostgreSQL): where the legal holds are. */
  sql: SqlCatalog
  config: Readonly<Config>
  clock: Clock
  ruleFiles?: { retentionRules(): RetentionRules } | null
}

export async function planPurge(
  deps: ScheduleDeps,
  opts: { asOf?: string; jurisdiction?: string } = {},
): Promise<PurgePlan & { schedule: RetentionSchedule }> {
  const asOf = opts.asOf ?? deps.clock.today()
  const schedule = scheduleFor(
    deps.ruleFiles ? deps.ruleFiles.retentionRules() : requireKind(RETENTION_KIND, rulesDirOf(deps.config)),
    opts.jurisdiction,
  )
  const held = await new HoldsRepo(deps.sql).heldCharts()
  const mrns = await chartMrns(deps.catalog)
  const destroyedBefore = new DestructionRepo(deps.sql)
  const candidates: PurgeCandidate[] = []
  const heldOut = new Map<string, number>()
  for (const mrn of mrns) {
    const docs = await deps.catalog.documents.forPatient(mrn)
    const dated = docs.filter((d) => d.errorCode !== 'DESTROYED').map((d) => ({ d, date: dateOf(d) ?? deps.clock.localDate(d.receivedAt) }))
    // Destroyed documents still count: their tombstones keep the encounter dates.
    const tomb = await destroyedBefore.lastDate(mrn)
    const lastEncounter = [...dated.map((x) => x.date), ...(tomb ? [tomb] : [])].sort().at(-1)
    if (!lastEncounter) continue
    const birthDate = (await deps.catalog.patients.get(mrn))?.birthDate ?? null
    for (const { d, date } of dated) {
      if (d.status !== 'filed') continue
      const until = retainUntil(schedule.schedule, { lastEncounter, birthDate, docType: d.docType })
      if (until === null || until >= asOf) continue
      if (held.has(mrn)) {
        heldOut.set(mrn, (heldOut.get(mrn) ?? 0) + 1)
        continue
      }
      candidates.push({ documentId: d.id, patientMrn: mrn, docType: d.docType, date, lastEncounter, retainUntil: until })
    }
  }
  return {
    asOf,
    jurisdiction: schedule.jurisdiction,
    schedule,
    candidates,
    held: [...heldOut].map(([patientMrn, documents]) => ({ patientMrn, documents })),
  }
}

export interface Certificate {
  id: number
  number: string
  facility: string
  statement: string
  destroyedOn: string
  recordsDescription: string
  inclusiveDates: { from: string; to: string }
  method: string
  destroyedBy: string
  approvedBy: string
  witness: string | null
  jurisdiction: string
  patients: { mrn: string; name: string; documents: { id: number; docType: string | null; date: string }[] }[]
  htmlKey: string
}

export interface PurgeResult {
  plan: PurgePlan
  destroyed: PurgeCandidate[]
  /** Documents kept because the store refused to delete an object (object lock). */
  locked: (PurgeCandidate & { key: string; message: string })[]
  certificate: Certificate | null
  html: string | null
}

export { certificateNumber }

export async function approvePurge(
  deps: PurgeDeps,
  opts: { by: string; approver?: string; witness?: string; asOf?: string; jurisdiction?: string },
): Promise<PurgeResult> {
  if (!opts.by.trim()) throw new ChartclerkError('USAGE', 'Say who destroys the records.', { cliHint: 'Give --by NAME.' })
  const approver = opts.approver?.trim() || opts.by
  const plan = await planPurge(deps, opts)
  const { catalog, storeWithArchive: store } = deps
  const destroyed: PurgeCandidate[] = []
  const locked: PurgeResult['locked'] = []
  for (const c of plan.candidates) {
    const doc = (await catalog.documents.get(c.documentId))!
    const keys = [originalKey(doc.sha256)]
    for await (const o of store.list(`derived/${doc.id}/`)) keys.push(o.key)
    try {
      // The original first: when it is locked nothing of the document is touched. The store
      // deletes from the main store and the archive (an inactive chart's objects are there).
      for (const k of keys) await store.delete(k)
      destroyed.push(c)
    } catch (err) {
      const e = toChartclerkError(err, 'STORAGE_FAILED')
      if (e.code !== 'STORAGE_OBJECT_LOCKED') throw e
      locked.push({ ...c, key: keys[0]!, message: e.action })
      await catalog.events.append('document.destruction_refused', doc.id, { code: e.code })
    }
  }
  if (!destroyed.length) return { plan, destroyed, locked, certificate: null, html: null }

  const destroyedOn = plan.asOf
  const now = deps.clock.nowIso()
  const method = `Electronic deletion from the ${store.backend === 's3' ? 'S3 object store' : 'filesystem object store'} (originals, page images, text); page text and fields erased from the catalog`
  const facility = deps.config.clinic.name || 'the health center'
  const statement =
    `The records listed below were destroyed in the normal course of business under ${facility}'s records retention schedule ` +
    `(${plan.jurisdiction}: ${plan.schedule.schedule.description ?? `${plan.schedule.schedule.adultYears} years after the last encounter`}). ` +
    'No record under a legal hold, subject to pending litigation, audit or investigation was destroyed.'
  const dates = destroyed.map((c) => c.date).sort()
  const byPatient = new Map<string, PurgeCandidate[]>()
  for (const c of destroyed) byPatient.set(c.patientMrn, [...(byPatient.get(c.patientMrn) ?? []), c])
  const types = [...new Set(destroyed.map((c) => docTypeLabel(c.docType)))].sort()
  const names = new Map<string, string>()
  for (const mrn of byPatient.keys()) {
    const p = await catalog.patients.get(mrn)
    names.set(mrn, p ? `${p.familyName}, ${p.givenName}` : '')
  }
  const docs: { c: PurgeCandidate; d: DocumentRecord }[] = []
  for (const c of destroyed) docs.push({ c, d: (await catalog.documents.get(c.documentId))! })
  let cert!: Certificate
  // The certificate with its tombstones and the documents' erasure in one write transaction (the
  // certificates join it when they are in the same catalog). The certificate comes first: should
  // the erasure not be kept, the documents are listed for the next purge, never erased without one.
  await catalog.tx(async (cat) => {
    cert = await new DestructionRepo(deps.sql).record(
      { destroyedOn, destroyedBy: opts.by, approvedBy: approver, method, schedule: plan.jurisdiction, at: now },
      docs.map(({ c, d }) => ({
        documentId: d.id,
        patientMrn: c.patientMrn,
        docType: d.docType,
        sha256: d.sha256,
        originalName: d.originalName,
        dateOfService: dateOf(d),
        receivedAt: d.receivedAt,
        retainUntil: c.retainUntil,
      })),
      (id, number): Certificate => ({
        id,
        number,
        facility,
        statement,
        destroyedOn,
        recordsDescription: `${destroyed.length} outside record document(s) of ${byPatient.size} patient chart(s): ${types.join(', ')}`,
        inclusiveDates: { from: dates[0]!, to: dates.at(-1)! },
        method,
        destroyedBy: opts.by,
        approvedBy: approver,
        witness: opts.witness?.trim() || null,
        jurisdiction: plan.jurisdiction,
        patients: [...byPatient].map(([mrn, cs]) => ({
          mrn,
          name: names.get(mrn) ?? '',
          documents: cs.map((c) => ({ id: c.documentId, docType: c.docType, date: c.date })),
        })),
        htmlKey: `certificates/destruction/${number}.html`,
      }),
    )
    const number = cert.number
    for (const { c, d } of docs) {
      // Page text and its full-text entries go.
      await cat.documents.savePages(d.id, [])
      // The row stays as the tombstone; it is no longer filed, so charts, checks and releases pass it by.
      await cat.documents.update(d.id, {
        status: 'failed',
        errorCode: 'DESTROYED',
        errorMessage: `Destroyed under the retention schedule (certificate ${number}).`,
        details: { destroyed: { certificate: number, on: destroyedOn, retainUntil: c.retainUntil } },
        textLength: null,
      })
      await cat.events.append('document.destroyed', d.id, { certificate: number, by: opts.by, approvedBy: approver })
    }
  }, 'destruction')
  const html = renderCertificateHtml(cert)
  await store.put(cert.htmlKey, { buffer: Buffer.from(html) }, { contentType: 'text/html; charset=utf-8' })
  return { plan, destroyed, locked, certificate: cert, html }
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function renderCertificateHtml(c: Certificate): string {
  const rows = c.patients
    .flatMap((p) =>
      p.documents.map(
        (d) =>
          `<tr><td>${esc(p.mrn)}</td><td>${esc(p.name)}</td><td>${d.id}</td><td>${esc(docTypeLabel(d.docType))}</td><td>${esc(d.date)}</td></tr>`,
      ),
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Certificate of destruction ${esc(c.number)}</title>
<style>body{font:11pt/1.4 Georgia,serif;margin:2cm}h1{font-size:16pt}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3px 6px;text-align:left}
dl{display:grid;grid-template-columns:12em 1fr;gap:4px 12px}dt{font-weight:bold}.sig{margin-top:3em;display:grid;grid-template-columns:1fr 1fr;gap:3em}.sig div{border-top:1px solid #000;padding-top:4px}
@media print{body{margin:1cm}}</style></head>
<body>
<h1>Certificate of destruction</h1>
<p class="statement">${esc(c.statement)}</p>
<dl>
<dt>Certificate</dt><dd>${esc(c.number)}</dd>
<dt>Facility</dt><dd>${esc(c.facility)}</dd>
<dt>Date of destruction</dt><dd>${esc(c.destroyedOn)}</dd>
<dt>Records destroyed</dt><dd>${esc(c.recordsDescription)}</dd>
<dt>Inclusive dates</dt><dd>${esc(c.inclusiveDates.from)} to ${esc(c.inclusiveDates.to)}</dd>
<dt>Retention schedule</dt><dd>${esc(c.jurisdiction)}</dd>
<dt>Method of destruction</dt><dd>${esc(c.method)}</dd>
<dt>Destroyed by</dt><dd>${esc(c.destroyedBy)}</dd>
<dt>Approved by</dt><dd>${esc(c.approvedBy)}</dd>
<dt>Witness</dt><dd>${c.witness ? esc(c.witness) : '&nbsp;'}</dd>
</dl>
<h2>Patients and documents</h2>
<table><thead><tr><th>MRN</th><th>Patient</th><th>Document</th><th>Type</th><th>Date</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<div class="sig"><div>Signature of person destroying the records</div><div>Signature of approver</div></div>
</body></html>
`
}
