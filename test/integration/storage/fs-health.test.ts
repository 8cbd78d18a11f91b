import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
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
})
