/**
 * Checkpoints of the audit log's head, kept in the object store (under object lock where the
 * bucket has it), outside the catalog. The hash chain shows an edited or removed row, but not
 * rows cut off the end together with the id sequence: the last checkpoint still names a row
 * (its number and hash) the log must hold, so `audit verify` reports the missing tail.
 *
 * Written every `CHECKPOINT_EVERY` entries and every few minutes by the web desk, when the
 * desk stops, and by `chartclerk audit checkpoint`.
 *
 * @example
 *   await writeCheckpoint(store, audit)            // audit/checkpoints/000000000123.json
 *   await audit.verify(await latestCheckpoint(store))    // { ok: false, firstBroken: { id: 121, problem: 'rows 121-123 are missing ...' } }
 */
import { ChartclerkError } from '../errors.js'
import type { ObjectStore } from '../storage/objectStore.js'
import type { AuditLog } from './log.js'

export const CHECKPOINT_PREFIX = 'audit/checkpoints/'
/** A checkpoint at least every this many entries (the desk's own appends). */
export const CHECKPOINT_EVERY = 50

export interface Checkpoint {
  /** The id of the last row when it was written. */
  seq: number
  /** That row's hash. */
  hash: string
  at: string
}

const keyOf = (seq: number): string => `${CHECKPOINT_PREFIX}${String(seq).padStart(12, '0')}.json`

/** Writes a checkpoint of the current head (none for an empty log, none twice for one head). */
export async function writeCheckpoint(store: ObjectStore, audit: AuditLog, now: () => Date = () => new Date()): Promise<Checkpoint | null> {
  const head = await audit.head()
  if (!head) return null
  const key = keyOf(head.seq)
  if (await store.stat(key)) return null
  const cp: Checkpoint = { seq: head.seq, hash: head.hash, at: now().toISOString() }
  await store.put(key, { buffer: Buffer.from(JSON.stringify(cp)) }, { contentType: 'application/json', retain: true })
  return cp
}

/** The checkpoint with the highest row number, or null when none was written yet. */
export async function latestCheckpoint(store: ObjectStore): Promise<Checkpoint | null> {
  let latest: string | null = null
  for await (const o of store.list(CHECKPOINT_PREFIX)) if (/\/\d{12}\.json$/.test(o.key) && (!latest || o.key > latest)) latest = o.key
  if (!latest) return null
  let cp: Partial<Checkpoint>
  try {
    cp = JSON.parse((await store.get(latest)).toString('utf8')) as Partial<Checkpoint>
  } catch (err) {
    if (err instanceof ChartclerkError) throw err
    throw new ChartclerkError(
      'STORAGE_VERIFY_FAILED',
      `The audit checkpoint ${latest} in the object store is not readable JSON. Keep a copy of it and of the catalog, and tell the privacy officer.`,
      { cause: err },
    )
  }
  if (!Number.isInteger(cp.seq) || typeof cp.hash !== 'string' || !/^[0-9a-f]{64}$/.test(cp.hash))
    throw new ChartclerkError(
      'STORAGE_VERIFY_FAILED',
      `The audit checkpoint ${latest} in the object store is not a checkpoint (no row number and hash). Keep a copy of it and of the catalog, and tell the privacy officer.`,
    )
  return { seq: cp.seq!, hash: cp.hash, at: String(cp.at ?? '') }
}
