/**
 * Figures the desk shows on every dashboard load (the 30-day timeline, open deficiencies by age)
 * take seconds to build from a large catalog. They are kept, per catalog and per question, until
 * the records they are built from change (catalog/changeStamp.ts).
 */
import { figuresStamp } from '../catalog/changeStamp.js'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'

/** Questions kept per catalog: the dashboard asks a handful (one per period and day). */
const MAX_KEPT = 16

const kept = new WeakMap<Catalog, Map<string, { stamp: string; value: unknown }>>()

/** `key` must name everything the answer depends on besides the catalog (period, as-of day, settings). */
export async function keptUntilChanged<T>(catalog: Catalog, sql: SqlCatalog, key: string, build: () => T | Promise<T>): Promise<T> {
  const stamp = await figuresStamp(sql)
  let forCatalog = kept.get(catalog)
  if (!forCatalog) kept.set(catalog, (forCatalog = new Map()))
  const hit = forCatalog.get(key)
  if (hit && hit.stamp === stamp) return hit.value as T
  const value = await build()
  forCatalog.delete(key)
  forCatalog.set(key, { stamp, value })
  if (forCatalog.size > MAX_KEPT) forCatalog.delete(forCatalog.keys().next().value!)
  return value
}
