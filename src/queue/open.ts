/**
 * The configured job queue: pg-boss on the PostgreSQL catalog server when `catalog.url` is set
 * (several machines share it), else the embedded one on the catalog's own job rows. pg-boss and
 * node-pg load only when the queue is pg-boss (a one-desk command does not pay for them).
 */
import type { Db } from '../catalog/db.js'
import { SqliteJobQueue } from './sqlite.js'
import type { JobQueue, QueueSettings } from './types.js'

export async function openJobQueue(
  catalog: { url?: string; password?: string },
  sqlite: Db,
  settings: Partial<QueueSettings> = {},
  opts: { onError?: (err: Error) => void } = {},
): Promise<JobQueue> {
  const { leaseSeconds, maxAttempts, retryDelaySeconds } = { ...settings }
  const s = Object.fromEntries(
    Object.entries({ leaseSeconds, maxAttempts, retryDelaySeconds }).filter(([, v]) => v !== undefined),
  ) as Partial<QueueSettings>
  if (!catalog.url) return new SqliteJobQueue(sqlite, s)
  const { PgBossJobQueue } = await import('./pgboss.js')
  return PgBossJobQueue.open({ url: catalog.url, password: catalog.password, onError: opts.onError }, s)
}
