/** Inbox, pipeline and storage figures for the dashboard (no patient data). */
import type { Dirent } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { isJunk } from '../ingest/junk.js'
import { listQuarantine } from '../ingest/quarantine.js'
import type { StoreHealth } from '../storage/objectStore.js'
import type { WebDeps } from './deps.js'

export interface PipelineStatus {
  inboxWaiting: number
  inProgress: number
  quarantined: number
  storage: StoreHealth
  documents: Record<string, number>
}

export async function countInbox(inbox: string): Promise<number> {
  try {
    const all = (await fs.readdir(inbox, { recursive: true, withFileTypes: true })) as Dirent[]
    return all.filter((d) => {
      if (!(d.isFile() || d.isSymbolicLink())) return false
      const parent = (d as Dirent & { parentPath?: string; path?: string }).parentPath ?? (d as Dirent & { path?: string }).path ?? inbox
      return !isJunk(path.relative(inbox, path.join(parent, d.name)))
    }).length
  } catch {
    return 0
  }
}

/** Storage health is asked at most every `ttlMs` (an S3 round trip per dashboard refresh is wasteful). */
export function pipelineStatusReader(deps: WebDeps, ttlMs = 10_000): () => Promise<PipelineStatus> {
  let cached: { at: number; health: StoreHealth } | null = null
  return async () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const health = await deps.store.health().catch((e: unknown) => ({
        reachable: false,
        description: deps.config.storage.backend,
        detail: String((e as { code?: string })?.code ?? e),
      }))
      cached = { at: Date.now(), health }
    }
    const jobs = deps.catalog.jobs.countByState()
    return {
      inboxWaiting: await countInbox(deps.config.watch.inbox),
      inProgress: (jobs.claiming ?? 0) + (jobs.claimed ?? 0),
      quarantined: (await listQuarantine(deps.config.quarantineDir)).length,
      storage: cached.health,
      documents: await deps.catalog.documents.countByStatus(),
    }
  }
}
