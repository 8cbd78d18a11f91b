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
 * the archive-aware store (src/storage/archiveAwareStore.ts), which looks in both places, so
 * a half-finished move still reads; {@link belongsInArchive} tells it where to look first.
 */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { AppointmentsRepo } from '../prep/schedule.js'
import type { Clock } from '../clock/clock.js'
import type { Config } from '../config/config.js'
import { dateOf } from '../release/check.js'
import { addYears } from '../clock/calendar.js'
import type { ArchiveAwareStore } from '../storage/archiveAwareStore.js'
import { originalKey, type ObjectStore } from '../storage/objectStore.js'
import { verifiedMove } from '../storage/verified.js'
import { chartMrns } from '../charts/buildChart.js'
import { DestructionRepo } from '../retention/destroyed.js'
import { InactiveChartsRepo, type InactiveChart, type InactiveReason } from './repo.js'

/** What marking, scanning and restoring charts needs: the catalog, both stores, the inactive period and the clinic's clock. */
export interface InactiveDeps {
  catalog: Catalog
  /** The catalog through the query builder (the same SQLite file, or PostgreSQL): where the schedule is. */
  sql: SqlCatalog
  storeWithArchive: ArchiveAwareStore
  config: Readonly<Pick<Config, 'inactive'>>
  clock: Clock
}

export type { InactiveChart, InactiveReason }

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

export function getInactive(deps: { sql: SqlCatalog }, mrn: string): Promise<InactiveChart | undefined> {
  return new InactiveChartsRepo(deps.sql).get(mrn)
}

export function listInactive(deps: { sql: SqlCatalog }): Promise<InactiveChart[]> {
  return new InactiveChartsRepo(deps.sql).list()
}

/** Latest document received, date of service, destroyed document or past appointment of the chart (YYYY-MM-DD). */
export async function lastActivity(deps: { catalog: Catalog; sql: SqlCatalog; clock: Clock }, mrn: string): Promise<string | null> {
  const dates: string[] = []
  for (const d of await deps.catalog.documents.forPatient(mrn)) {
    dates.push(deps.clock.localDate(d.receivedAt))
    const dos = dateOf(d)
    if (dos) dates.push(dos)
  }
  const tomb = await new DestructionRepo(deps.sql).lastDate(mrn)
  if (tomb) dates.push(tomb)
  // A visit on the schedule is an encounter (a future one keeps the chart active too).
  const appt = await new AppointmentsRepo(deps.sql).lastVisit(mrn)
  if (appt) dates.push(appt)
  return dates.sort().at(-1) ?? null
}

/** Charts that qualify as inactive as of `asOf` (not yet marked). Only charts with documents: the rest have nothing to move. */
export async function findInactiveCandidates(
  deps: Omit<InactiveDeps, 'storeWithArchive'>,
  opts: { asOf?: string } = {},
): Promise<{ asOf: string; years: number; cutoff: string; candidates: InactiveCandidate[] }> {
  const asOf = opts.asOf ?? deps.clock.today()
  const years = deps.config.inactive.years
  const cutoff = addYears(asOf, -years)
  const marked = new Set((await listInactive(deps)).map((c) => c.mrn))
  const mrns = await chartMrns(deps.catalog, { filedOnly: false })
  const candidates: InactiveCandidate[] = []
  for (const mrn of mrns) {
    if (marked.has(mrn)) continue
    const last = await lastActivity(deps, mrn)
    const p = await deps.catalog.patients.get(mrn)
    const documents = (await deps.catalog.documents.forPatient(mrn)).filter((d) => d.errorCode !== 'DESTROYED').length
    if (!documents) continue
    if (p && (p.deceased || p.deceasedDate)) candidates.push({ mrn, reason: 'deceased', lastActivity: last, documents })
    else if (last !== null && last < cutoff) candidates.push({ mrn, reason: 'no_activity', lastActivity: last, documents })
  }
  return { asOf, years, cutoff, candidates }
}

/** Every object key of the chart's documents that the store holds (destroyed documents have none). */
async function chartKeys(deps: { catalog: Catalog }, store: ObjectStore, mrn: string): Promise<{ documentId: number; keys: string[] }[]> {
  const out: { documentId: number; keys: string[] }[] = []
  for (const d of await deps.catalog.documents.forPatient(mrn)) {
    if (d.errorCode === 'DESTROYED') continue
    const keys: string[] = []
    if (await store.stat(originalKey(d.sha256))) keys.push(originalKey(d.sha256))
    for await (const o of store.list(`derived/${d.id}/`)) keys.push(o.key)
    out.push({ documentId: d.id, keys })
  }
  return out
}

/** Moves every object of the chart from one store to the other, verified; returns how many moved. */
async function moveChart(
  deps: { catalog: Catalog },
  from: ObjectStore,
  to: ObjectStore,
  mrn: string,
  kind: 'document.archived' | 'document.restored',
): Promise<number> {
  let moved = 0
  for (const { documentId, keys } of await chartKeys(deps, from, mrn)) {
    for (const k of keys) await verifiedMove(from, k, to, k)
    if (keys.length) await deps.catalog.events.append(kind, documentId, { objects: keys.length })
    moved += keys.length
  }
  return moved
}

/** Marks one chart inactive and moves its objects to the archive. */
export async function inactivateChart(
  deps: InactiveDeps,
  mrn: string,
  o: { reason: InactiveReason; lastActivity: string | null; asOf?: string; by?: string },
): Promise<number> {
  const charts = new InactiveChartsRepo(deps.sql)
  if (await charts.get(mrn)) return 0
  const stores = deps.storeWithArchive
  const objects = await moveChart(deps, stores.main, await stores.archive(), mrn, 'document.archived')
  // The mark and its event together (the inactive charts join the write transaction when they are in the same catalog).
  await deps.catalog.tx(async (c) => {
    const marked = await charts.mark({
      mrn,
      inactiveSince: o.asOf ?? deps.clock.today(),
      reason: o.reason,
      lastActivity: o.lastActivity,
      objects,
      markedBy: o.by ?? 'chartclerk',
      markedAt: deps.clock.nowIso(),
    })
    // Another desk that marked it at the same time recorded the event.
    if (!marked) return
    await c.events.append('chart.inactivated', null, {
      mrn,
      reason: o.reason,
      lastActivity: o.lastActivity,
      objects,
      by: o.by ?? 'chartclerk',
    })
  }, `chart ${mrn}`)
  return objects
}

/** `chartclerk inactive scan`: finds the charts that qualify and (unless a dry run) makes them inactive. */
export async function scanInactive(deps: InactiveDeps, opts: { asOf?: string; dryRun?: boolean; by?: string } = {}): Promise<ScanResult> {
  const found = await findInactiveCandidates(deps, opts)
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
export async function restoreChart(
  deps: InactiveDeps,
  mrn: string,
  o: { by?: string; why?: string } = {},
): Promise<{ mrn: string; objects: number } | null> {
  const charts = new InactiveChartsRepo(deps.sql)
  if (!(await charts.get(mrn))) return null
  const stores = deps.storeWithArchive
  const objects = await moveChart(deps, await stores.archive(), stores.main, mrn, 'document.restored')
  await deps.catalog.tx(async (c) => {
    if (await charts.remove(mrn))
      await c.events.append('chart.reactivated', null, { mrn, objects, by: o.by ?? 'chartclerk', why: o.why ?? 'restored' })
  }, `chart ${mrn}`)
  return { mrn, objects }
}

/** Called after a document is filed: a new document for an inactive chart makes it active again. */
export async function reactivateIfInactive(
  deps: InactiveDeps,
  mrn: string | null | undefined,
  o: { by?: string; documentId?: number } = {},
): Promise<boolean> {
  if (!mrn || !(await getInactive(deps, mrn))) return false
  await restoreChart(deps, mrn, { by: o.by, why: o.documentId !== undefined ? `document ${o.documentId} filed` : 'document filed' })
  return true
}

/**
 * Which stored objects belong in the archive now: those of an inactive chart (the original
 * by its SHA-256, derived objects by their document). The archive-aware store reads those
 * from the archive first and writes them there.
 */
export function belongsInArchive(catalog: Catalog, sql: SqlCatalog): (key: string) => Promise<boolean> {
  return async (key) => {
    const derived = /^derived\/(\d+)\//.exec(key)
    const mrn = key.startsWith('originals/')
      ? (await catalog.documents.bySha(key.slice('originals/'.length)))?.patientMrn
      : derived
        ? (await catalog.documents.get(Number(derived[1])))?.patientMrn
        : null
    return !!mrn && !!(await getInactive({ sql }, mrn))
  }
}
