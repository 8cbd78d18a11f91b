/**
 * Inactive charts (DOMAIN M02, "identifies inactive charts, stores them apart from active
 * ones"): a chart with no new document and no encounter for `inactive.years` years, or of a
 * deceased patient, is marked inactive and its objects (originals/<sha256> and
 * derived/<documentId>/...) move to the archive location with the verified move (copy,
 * compare the hash, then delete). Anything filed for the patient later brings them back.
 * A legal hold does not stop a chart going inactive: holds only block destruction.
 *
 * Order of work, so an interruption leaves nothing lost: objects move first, the chart row is
 * written after; on the way back the objects move first and the row goes last. Readers use
 * `getOriginal`/`getObject`, which look in both places, so a half-finished move still reads.
 */
import type { App } from '../app.js'
import { dateOf } from '../release/check.js'
import { addYears } from '../clock/calendar.js'
import { createArchiveStore } from '../storage/createStore.js'
import { derivedKey, originalKey, type ObjectStore } from '../storage/objectStore.js'
import { verifiedMove } from '../storage/verified.js'
import { ChartclerkError } from '../errors.js'

export type InactiveDeps = Pick<App, 'catalog' | 'store' | 'config' | 'clock'>

export type InactiveReason = 'no_activity' | 'deceased'

export interface InactiveChart {
  mrn: string
  inactiveSince: string
  reason: InactiveReason
  lastActivity: string | null
  objects: number
  markedBy: string
  markedAt: string
}

export interface InactiveCandidate {
  mrn: string
  reason: InactiveReason
  lastActivity: string | null
  documents: number
}

export interface ScanResult {
  asOf: string
  years: number
  cutoff: string
  candidates: InactiveCandidate[]
  /** Charts made inactive (empty on a dry run). */
  inactivated: (InactiveCandidate & { objects: number })[]
  dryRun: boolean
}

const toChart = (r: any): InactiveChart => ({
  mrn: r.mrn, inactiveSince: r.inactive_since, reason: r.reason, lastActivity: r.last_activity, objects: r.objects, markedBy: r.marked_by, markedAt: r.marked_at,
})

export function getInactive(deps: Pick<App, 'catalog'>, mrn: string): InactiveChart | undefined {
  const r = deps.catalog.db.prepare('SELECT * FROM inactive_charts WHERE mrn = ?').get(mrn)
  return r ? toChart(r) : undefined
}

export function listInactive(deps: Pick<App, 'catalog'>): InactiveChart[] {
  return (deps.catalog.db.prepare('SELECT * FROM inactive_charts ORDER BY inactive_since, mrn').all() as any[]).map(toChart)
}

/** The archive store for the duration of `fn` (shares the main store when it lives inside it). */
export async function withArchive<T>(deps: Pick<App, 'store' | 'config'>, fn: (archive: ObjectStore) => Promise<T>): Promise<T> {
  const archive = await createArchiveStore(deps.config, deps.store)
  try {
    return await fn(archive)
  } finally {
    await archive.close()
  }
}

/** Latest document received, date of service, destroyed document or past appointment of the chart (YYYY-MM-DD). */
export function lastActivity(deps: Pick<App, 'catalog' | 'clock'>, mrn: string): string | null {
  const dates: string[] = []
  for (const d of deps.catalog.documents.forPatient(mrn)) {
    dates.push(deps.clock.localDate(d.receivedAt))
    const dos = dateOf(d)
    if (dos) dates.push(dos)
  }
  const db = deps.catalog.db
  const tomb = (db.prepare('SELECT max(coalesce(date_of_service, substr(received_at, 1, 10))) AS d FROM destroyed_documents WHERE patient_mrn = ?').get(mrn) as { d: string | null }).d
  if (tomb) dates.push(tomb)
  // A visit on the schedule is an encounter (a future one keeps the chart active too).
  const appt = (db.prepare("SELECT max(date) AS d FROM appointments WHERE mrn = ? AND coalesce(status, '') NOT IN ('cancelled', 'noshow', 'entered-in-error')").get(mrn) as { d: string | null }).d
  if (appt) dates.push(appt)
  return dates.sort().at(-1) ?? null
}

/** Charts that qualify as inactive as of `asOf` (not yet marked). Only charts with documents: the rest have nothing to move. */
export function findInactiveCandidates(deps: Pick<App, 'catalog' | 'config' | 'clock'>, opts: { asOf?: string } = {}): { asOf: string; years: number; cutoff: string; candidates: InactiveCandidate[] } {
  const asOf = opts.asOf ?? deps.clock.today()
  const years = deps.config.inactive.years
  const cutoff = addYears(asOf, -years)
  const marked = new Set(listInactive(deps).map((c) => c.mrn))
  const mrns = (deps.catalog.db.prepare('SELECT DISTINCT patient_mrn AS mrn FROM documents WHERE patient_mrn IS NOT NULL ORDER BY patient_mrn').all() as { mrn: string }[]).map((r) => r.mrn)
  const candidates: InactiveCandidate[] = []
  for (const mrn of mrns) {
    if (marked.has(mrn)) continue
    const last = lastActivity(deps, mrn)
    const p = deps.catalog.patients.get(mrn)
    const documents = deps.catalog.documents.forPatient(mrn).filter((d) => d.errorCode !== 'DESTROYED').length
    if (!documents) continue
    if (p && (p.deceased || p.deceasedDate)) candidates.push({ mrn, reason: 'deceased', lastActivity: last, documents })
    else if (last !== null && last < cutoff) candidates.push({ mrn, reason: 'no_activity', lastActivity: last, documents })
  }
  return { asOf, years, cutoff, candidates }
}

/** Every object key of the chart's documents that the store holds (destroyed documents have none). */
async function chartKeys(deps: Pick<App, 'catalog'>, store: ObjectStore, mrn: string): Promise<{ documentId: number; keys: string[] }[]> {
  const out: { documentId: number; keys: string[] }[] = []
  for (const d of deps.catalog.documents.forPatient(mrn)) {
    if (d.errorCode === 'DESTROYED') continue
    const keys: string[] = []
    if (await store.stat(originalKey(d.sha256))) keys.push(originalKey(d.sha256))
    for await (const o of store.list(`derived/${d.id}/`)) keys.push(o.key)
    out.push({ documentId: d.id, keys })
  }
  return out
}

/** Moves every object of the chart from one store to the other, verified; returns how many moved. */
async function moveChart(deps: Pick<App, 'catalog'>, from: ObjectStore, to: ObjectStore, mrn: string, kind: 'document.archived' | 'document.restored'): Promise<number> {
  let moved = 0
  for (const { documentId, keys } of await chartKeys(deps, from, mrn)) {
    for (const k of keys) await verifiedMove(from, k, to, k)
    if (keys.length) deps.catalog.events.append(kind, documentId, { objects: keys.length })
    moved += keys.length
  }
  return moved
}

/** Marks one chart inactive and moves its objects to the archive. */
export async function inactivateChart(deps: InactiveDeps, mrn: string, o: { reason: InactiveReason; lastActivity: string | null; asOf?: string; by?: string }): Promise<number> {
  const existing = getInactive(deps, mrn)
  if (existing) return 0
  const objects = await withArchive(deps, (archive) => moveChart(deps, deps.store, archive, mrn, 'document.archived'))
  const at = deps.clock.nowIso()
  deps.catalog.tx(() => {
    deps.catalog.db
      .prepare('INSERT OR IGNORE INTO inactive_charts (mrn, inactive_since, reason, last_activity, objects, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(mrn, o.asOf ?? deps.clock.today(), o.reason, o.lastActivity, objects, o.by ?? 'chartclerk', at)
    deps.catalog.events.append('chart.inactivated', null, { mrn, reason: o.reason, lastActivity: o.lastActivity, objects, by: o.by ?? 'chartclerk' })
  })
  return objects
}

/** `chartclerk inactive scan`: finds the charts that qualify and (unless a dry run) makes them inactive. */
export async function scanInactive(deps: InactiveDeps, opts: { asOf?: string; dryRun?: boolean; by?: string } = {}): Promise<ScanResult> {
  const found = findInactiveCandidates(deps, opts)
  const inactivated: ScanResult['inactivated'] = []
  if (!opts.dryRun) {
    for (const c of found.candidates) {
      const objects = await inactivateChart(deps, c.mrn, { reason: c.reason, lastActivity: c.lastActivity, asOf: found.asOf, by: opts.by })
      inactivated.push({ ...c, objects })
    }
  }
  return { ...found, inactivated, dryRun: !!opts.dryRun }
}

/**
 * Brings an inactive chart back: its objects return to the main store (verified) and the
 * chart is active again. Returns null when the chart was not inactive.
 */
export async function restoreChart(deps: InactiveDeps, mrn: string, o: { by?: string; why?: string } = {}): Promise<{ mrn: string; objects: number } | null> {
  if (!getInactive(deps, mrn)) return null
  const objects = await withArchive(deps, (archive) => moveChart(deps, archive, deps.store, mrn, 'document.restored'))
  deps.catalog.tx(() => {
    deps.catalog.db.prepare('DELETE FROM inactive_charts WHERE mrn = ?').run(mrn)
    deps.catalog.events.append('chart.reactivated', null, { mrn, objects, by: o.by ?? 'chartclerk', why: o.why ?? 'restored' })
  })
  return { mrn, objects }
}

/** Called after a document is filed: a new document for an inactive chart makes it active again. */
export async function reactivateIfInactive(deps: InactiveDeps, mrn: string | null | undefined, o: { by?: string; documentId?: number } = {}): Promise<boolean> {
  if (!mrn || !getInactive(deps, mrn)) return false
  await restoreChart(deps, mrn, { by: o.by, why: o.documentId !== undefined ? `document ${o.documentId} filed` : 'document filed' })
  return true
}

/**
 * Reads a stored object wherever it is: the archive first for an inactive chart, the main
 * store first otherwise, the other place next (a move may have been interrupted).
 */
export async function getObject(deps: Pick<App, 'catalog' | 'store' | 'config'>, key: string, mrn: string | null | undefined): Promise<Buffer> {
  const archived = !!mrn && !!getInactive(deps, mrn)
  if (!archived) {
    // The common case (an active chart): one read of the main store, no archive store opened.
    try {
      return await deps.store.get(key)
    } catch (err) {
      if (!(err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND')) throw err
    }
  }
  return withArchive(deps, async (archive) => {
    const order = archived ? [archive, deps.store] : [deps.store, archive]
    for (const s of order) if (await s.stat(key)) return s.get(key)
    throw new ChartclerkError('STORAGE_NOT_FOUND', `Stored object ${key} is missing from the store and the archive. Run "chartclerk storage verify".`, { detail: key })
  })
}

/** Where a document's original is now: 'main' or 'archive' (null when neither holds it). */
export async function originalLocation(deps: Pick<App, 'catalog' | 'store' | 'config'>, sha256: string): Promise<'main' | 'archive' | null> {
  const key = originalKey(sha256)
  if (await deps.store.stat(key)) return 'main'
  return withArchive(deps, async (archive) => ((await archive.stat(key)) ? 'archive' : null))
}

/** The original of the document with this SHA-256, from the main store or the archive. */
export function getOriginal(deps: Pick<App, 'catalog' | 'store' | 'config'>, sha256: string): Promise<Buffer> {
  return getObject(deps, originalKey(sha256), deps.catalog.documents.bySha(sha256)?.patientMrn)
}

/** A derived object of a document (page image, text), from the main store or the archive. */
export function getDerived(deps: Pick<App, 'catalog' | 'store' | 'config'>, documentId: number, name: string): Promise<Buffer> {
  return getObject(deps, derivedKey(documentId, name), deps.catalog.documents.get(documentId)?.patientMrn)
}
