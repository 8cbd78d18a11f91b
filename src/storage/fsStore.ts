/**
 * The embedded default: objects as files under one folder, metadata in a sidecar
 * `<object>.meta.json`. Writes go to a temporary file, are fsynced, then renamed,
 * so a crash never leaves a partial object under its real key.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createWriteStream } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { ChartclerkError } from '../errors.js'
import {
  assertValidKey,
  assertValidMetadata,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
  type PutSource,
  type StoreHealth,
} from './objectStore.js'

const META_SUFFIX = '.meta.json'
const TMP_DIR = '.tmp'
/** A temp file untouched this long is a crashed write's, not one being written (a write touches it as it goes). */
const STALE_TMP_MS = 15 * 60_000
/** Less free space than this and the store reports itself down ("disk full"). */
const FULL_BELOW_BYTES = 4 * 1024 * 1024

/** The folder itself or, if it does not exist yet, its nearest ancestor that does. */
async function nearestExisting(dir: string): Promise<string> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      await fs.stat(d)
      return d
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(d) === d) throw err
    }
  }
}

export class FilesystemObjectStore implements ObjectStore {
  readonly backend = 'filesystem' as const
  constructor(readonly root: string) {}

  private file(key: string): string {
    assertValidKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  async init(): Promise<void> {
    try {
      await fs.mkdir(path.join(this.root, TMP_DIR), { recursive: true })
      // Temp files left by a crash are never real objects. Only stale ones go: another process
      // sharing this store (a watcher, a worker, a desk) may be writing one right now.
      const tmpDir = path.join(this.root, TMP_DIR)
      const staleBefore = Date.now() - STALE_TMP_MS
      for (const f of await fs.readdir(tmpDir)) {
        const st = await fs.stat(path.join(tmpDir, f)).catch(() => null)
        if (st && st.mtimeMs < staleBefore) await fs.rm(path.join(tmpDir, f), { force: true })
      }
    } catch (err) {
      throw unavailable(this.root, err)
    }
  }

  async health(): Promise<StoreHealth> {
    const description = `filesystem ${this.root}`
    try {
      // A desk that has stored nothing yet has no store folder: that is not an outage when the
      // folder it will be made in can be written.
      const existing = await nearestExisting(this.root)
      await fs.access(existing, fs.constants.W_OK)
      // Writable but full is as good as down: nothing can be stored.
      const s = await fs.statfs(existing).catch(() => null)
      if (s && Number(s.bavail) * Number(s.bsize) < FULL_BELOW_BYTES) return { reachable: false, description, detail: 'disk full' }
      const detail = existing === this.root ? undefined : 'not created yet: made when the first document is stored'
      return { reachable: true, description, ...(detail ? { detail } : {}), versioning: 'off', objectLock: false }
    } catch (err) {
      return { reachable: false, description, detail: (err as NodeJS.ErrnoException).code ?? 'unreachable' }
    }
  }

  async put(key: string, source: PutSource, opts: PutOptions = {}): Promise<void> {
    const dest = this.file(key)
    // The same rule as S3: metadata that would work here but not there must fail here too.
    assertValidMetadata(opts.metadata)
    const tmp = path.join(this.root, TMP_DIR, `${randomBytes(8).toString('hex')}`)
    try {
      await fs.mkdir(path.dirname(dest), { recursive: true })
      if ('path' in source) {
        await pipeline(createReadStream(source.path), createWriteStream(tmp))
      } else {
        await fs.writeFile(tmp, source.buffer)
      }
      await fsyncFile(tmp)
      const meta = { contentType: opts.contentType, metadata: opts.metadata ?? {} }
      const metaTmp = `${tmp}.meta`
      await fs.writeFile(metaTmp, JSON.stringify(meta))
      await fsyncFile(metaTmp)
      // Metadata first: an object file never exists without its metadata.
      await fs.rename(metaTmp, dest + META_SUFFIX)
      await fs.rename(tmp, dest)
      await fsyncDir(path.dirname(dest))
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => {})
      await fs.rm(`${tmp}.meta`, { force: true }).catch(() => {})
      throw mapFsError(err, key)
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.file(key))
    } catch (err) {
      throw mapFsError(err, key)
    }
  }

  async getStream(key: string): Promise<Readable> {
    const f = this.file(key)
    try {
      await fs.access(f)
    } catch (err) {
      throw mapFsError(err, key)
    }
    return createReadStream(f)
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const f = this.file(key)
    try {
      const st = await fs.stat(f)
      const meta = await readMeta(f)
      return { key, size: st.size, lastModified: st.mtime, contentType: meta.contentType, metadata: meta.metadata }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw mapFsError(err, key)
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    const start = path.join(
      this.root,
      ...prefix
        .split('/')
        .filter(Boolean)
        .slice(0, prefix.endsWith('/') ? undefined : -1),
    )
    const walk = async function* (this: FilesystemObjectStore, dir: string): AsyncGenerator<ObjectInfo> {
      let entries: import('node:fs').Dirent[]
      try {
        entries = await fs.readdir(dir, { withFileTypes: true })
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
        throw mapFsError(err, prefix)
      }
      entries.sort((a, b) => a.name.localeCompare(b.name))
      for (const e of entries) {
        const full = path.join(dir, e.name)
        if (e.isDirectory()) {
          if (dir === this.root && e.name === TMP_DIR) continue
          yield* walk.call(this, full)
        } else if (e.isFile() && !e.name.endsWith(META_SUFFIX)) {
          const key = path.relative(this.root, full).split(path.sep).join('/')
          if (!key.startsWith(prefix)) continue
          const info = await this.stat(key)
          if (info) yield info
        }
      }
    }
    yield* walk.call(this, start)
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const info = await this.stat(fromKey)
    if (!info) throw mapFsError(Object.assign(new Error('missing'), { code: 'ENOENT' }), fromKey)
    await this.put(toKey, { path: this.file(fromKey) }, { contentType: info.contentType, metadata: info.metadata })
  }

  async delete(key: string): Promise<void> {
    const f = this.file(key)
    try {
      await fs.rm(f, { force: true })
      await fs.rm(f + META_SUFFIX, { force: true })
    } catch (err) {
      throw mapFsError(err, key)
    }
  }

  async close(): Promise<void> {}
}

async function readMeta(file: string): Promise<{ contentType?: string; metadata: Record<string, string> }> {
  try {
    return JSON.parse(await fs.readFile(file + META_SUFFIX, 'utf8'))
  } catch {
    return { metadata: {} }
  }
}

async function fsyncFile(p: string): Promise<void> {
  const h = await fs.open(p, 'r+')
  try {
    await h.sync()
  } finally {
    await h.close()
  }
}

async function fsyncDir(p: string): Promise<void> {
  const h = await fs.open(p, 'r')
  try {
    await h.sync()
  } catch {
    // some filesystems refuse fsync on directories; the rename is still atomic
  } finally {
    await h.close()
  }
}

function unavailable(root: string, err: unknown): ChartclerkError {
  return new ChartclerkError(
    'STORAGE_UNAVAILABLE',
    `The document store folder ${root} cannot be used. Check that the disk is mounted and writable.`,
    {
      cause: err,
      detail: (err as NodeJS.ErrnoException).code,
      transient: true,
    },
  )
}

function mapFsError(err: unknown, key: string): ChartclerkError {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new ChartclerkError('STORAGE_NOT_FOUND', `Stored object ${key} is missing. Run "chartclerk storage verify".`, {
      cause: err,
      detail: key,
    })
  if (code === 'EACCES' || code === 'EPERM')
    return new ChartclerkError('STORAGE_ACCESS_DENIED', 'chartclerk may not write to its document store. Check the folder permissions.', {
      cause: err,
      detail: code,
    })
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ChartclerkError(
      'STORAGE_FULL',
      'The document store disk is full. Files stay in the inbox; free space and chartclerk goes on by itself.',
      { cause: err, detail: code, transient: true },
    )
  }
  if (code === 'EIO' || code === 'EROFS') {
    return new ChartclerkError(
      'STORAGE_UNAVAILABLE',
      'The document store disk is full or failing. Free space; chartclerk retries by itself.',
      { cause: err, detail: code, transient: true },
    )
  }
  return new ChartclerkError('STORAGE_FAILED', 'Writing to the document store failed. See the log.', {
    cause: err,
    detail: code ?? String(err),
  })
}
