/**
 * The archive-aware store over two real filesystem stores (the main store and the archive
 * prefix inside it, as storage.archive.prefix makes it): reads find an object in either place,
 * in the order the catalog's knowledge says; writes go where the object belongs; deletion
 * reaches both; the archive is opened only when needed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { ArchiveAwareStore } from '../../../src/storage/archiveAwareStore.js'
import { FilesystemObjectStore } from '../../../src/storage/fsStore.js'
import { PrefixedObjectStore } from '../../../src/storage/prefixedStore.js'
import type { ObjectStore } from '../../../src/storage/objectStore.js'

let dir: string
let main: FilesystemObjectStore
let archive: PrefixedObjectStore
let opened: number
let archived: Set<string>
let both: ArchiveAwareStore
const text = async (p: Promise<Buffer>) => (await p).toString()
const put = (s: ObjectStore, key: string, body: string) => s.put(key, { buffer: Buffer.from(body) }, { contentType: 'text/plain' })

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartclerk-archive-aware-'))
  main = new FilesystemObjectStore(dir)
  await main.init()
  archive = new PrefixedObjectStore(main, 'archive/')
  opened = 0
  archived = new Set()
  both = new ArchiveAwareStore(
    main,
    async () => (opened++, archive),
    (key) => archived.has(key),
  )
})

afterEach(async () => {
  await both.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('ArchiveAwareStore', () => {
  it('reads the main store without opening the archive; falls back to the archive for an object only there', async () => {
    await put(main, 'originals/aaa', 'in main')
    expect(await text(both.get('originals/aaa'))).toBe('in main')
    expect(opened).toBe(0)
    await put(archive, 'originals/bbb', 'in archive')
    expect(await text(both.get('originals/bbb'))).toBe('in archive')
    expect(opened).toBe(1)
    expect((await both.stat('originals/bbb'))?.size).toBe('in archive'.length)
    expect(await both.locate('originals/aaa')).toBe('main')
    expect(await both.locate('originals/bbb')).toBe('archive')
  })

  it('an object of an inactive chart is read from the archive first, and the main store still answers mid-move', async () => {
    await put(main, 'derived/7/text.json', 'old copy in main')
    await put(archive, 'derived/7/text.json', 'archived copy')
    archived.add('derived/7/text.json')
    expect(await text(both.get('derived/7/text.json'))).toBe('archived copy')
    await archive.delete('derived/7/text.json')
    expect(await text(both.get('derived/7/text.json'))).toBe('old copy in main')
  })

  it('missing from both: STORAGE_NOT_FOUND saying so; stat is null', async () => {
    const err = await both.get('originals/none').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect((err as ChartclerkError).code).toBe('STORAGE_NOT_FOUND')
    expect((err as ChartclerkError).action).toMatch(/missing from the store and the archive/)
    expect(await both.stat('originals/none')).toBeNull()
    expect(await both.locate('originals/none')).toBeNull()
  })

  it('writes where the object belongs; lists both places once; deletes from both', async () => {
    archived.add('derived/9/page-0001.png')
    await put(both, 'derived/9/page-0001.png', 'archived page')
    await put(both, 'derived/9/page-0002.png', 'main page')
    expect(await main.stat('derived/9/page-0001.png')).toBeNull()
    expect(await text(archive.get('derived/9/page-0001.png'))).toBe('archived page')
    expect(await text(main.get('derived/9/page-0002.png'))).toBe('main page')
    await put(archive, 'derived/9/page-0002.png', 'stale twin')
    const keys: string[] = []
    for await (const o of both.list('derived/9/')) keys.push(o.key)
    expect(keys.sort()).toEqual(['derived/9/page-0001.png', 'derived/9/page-0002.png'])
    for (const k of keys) await both.delete(k)
    expect(await both.stat('derived/9/page-0001.png')).toBeNull()
    expect(await both.stat('derived/9/page-0002.png')).toBeNull()
    expect(await archive.stat('derived/9/page-0002.png')).toBeNull()
  })

  it('a failure other than "missing" is not hidden behind the archive', async () => {
    const broken = new ArchiveAwareStore(
      {
        ...main,
        backend: 'filesystem',
        get: async () => {
          throw new ChartclerkError('STORAGE_UNAVAILABLE', 'down', { transient: true })
        },
      } as unknown as ObjectStore,
      async () => archive,
    )
    await expect(broken.get('originals/aaa')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
  })
})
