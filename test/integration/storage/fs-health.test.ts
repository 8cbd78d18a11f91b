import { existsSync } from 'node:fs'
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FilesystemObjectStore } from '../../../src/storage/fsStore.js'

describe('the filesystem store says whether it can store, before and after its folder exists', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cc-fs-health-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('GIVEN a new desk whose store folder is not made yet THEN it is reachable and says the folder comes with the first document', async () => {
    const h = await new FilesystemObjectStore(path.join(dir, 'data', 'objects')).health()
    expect(h.reachable).toBe(true)
    expect(h.detail).toMatch(/not created yet/)
  })

  it('GIVEN the store folder exists THEN it is reachable with no note', async () => {
    const root = path.join(dir, 'objects')
    await mkdir(root)
    const h = await new FilesystemObjectStore(root).health()
    expect(h).toMatchObject({ reachable: true })
    expect(h.detail).toBeUndefined()
  })

  it('GIVEN a file where the store folder should be made THEN it is unreachable', async () => {
    await writeFile(path.join(dir, 'data'), 'not a folder')
    const h = await new FilesystemObjectStore(path.join(dir, 'data', 'objects')).health()
    expect(h.reachable).toBe(false)
  })

  it('GIVEN temp files of writes in the store folder WHEN another process opens the store THEN a write in progress is left alone and only a crashed one (untouched for long) is removed', async () => {
    const root = path.join(dir, 'objects')
    await mkdir(path.join(root, '.tmp'), { recursive: true })
    const writing = path.join(root, '.tmp', 'in-progress')
    const crashed = path.join(root, '.tmp', 'left-by-a-crash')
    await writeFile(writing, 'part of an original')
    await writeFile(crashed, 'part of an original')
    const hourAgo = new Date(Date.now() - 60 * 60_000)
    await utimes(crashed, hourAgo, hourAgo)
    await new FilesystemObjectStore(root).init()
    expect(existsSync(writing), 'another process’s write in progress').toBe(true)
    expect(existsSync(crashed), 'a crashed write’s leftover').toBe(false)
  })
})
