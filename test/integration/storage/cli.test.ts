/**
 * `chartclerk storage verify` and `chartclerk storage migrate --to` end to end:
 * real catalog, real filesystem store, real S3 (Ceph RGW or CHARTCLERK_TEST_S3_*).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Command } from 'commander'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { registerStorageCommands, type StorageCommandDeps } from '../../../src/cli/commands/storage.js'
import { loadConfig } from '../../../src/config/config.js'
import { createObjectStore } from '../../../src/storage/createStore.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { putVerified } from '../../../src/storage/verified.js'
import { s3Server, uniqueBucket } from '../s3Env.js'
import { scanBytes, sha256 } from './helpers.js'

const s3 = await s3Server()

/** The same global options as src/cli/main.ts. */
function program(deps: Partial<StorageCommandDeps>): Command {
  const p = new Command()
    .name('chartclerk')
    .option('-c, --config <file>')
    .option('-d, --data <dir>')
    .option('--inbox <dir>')
    .option('--json')
    .exitOverride()
  registerStorageCommands(p, deps)
  return p
}

async function run(
  args: string[],
  deps: Partial<StorageCommandDeps> = {},
): Promise<{ code: number; out: string; lines: Record<string, unknown>[] }> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  process.exitCode = 0
  try {
    await program(deps).parseAsync(['node', 'chartclerk', ...args])
  } finally {
    spy.mockRestore()
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = 0
  const lines = args.includes('--json')
    ? out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : []
  return { code, out, lines }
}

describe('chartclerk storage', () => {
  let dir: string
  let configFile: string
  const docs = [0, 1, 2].map((i) => scanBytes(20_000 + i, 900 + i))

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cc-cli-storage-'))
    configFile = path.join(dir, 'chartclerk.config.json')
    await writeFile(configFile, JSON.stringify({ dataDir: './data', log: { level: 'warn' } }, null, 2))
    const config = loadConfig({ configPath: configFile, env: {} })
    const catalog = openCatalog(config.catalog.path)
    const store = await createObjectStore(config)
    await store.init()
    for (const [i, d] of docs.entries()) {
      await catalog.documents.create({
        sha256: sha256(d),
        size: d.length,
        contentType: 'application/pdf',
        originalName: `Brief ${i}.pdf`,
        sourceFolder: '',
        receivedAt: new Date().toISOString(),
      })
      await putVerified(store, originalKey(sha256(d)), { buffer: d }, sha256(d), {
        contentType: 'application/pdf',
        metadata: { 'original-name': `Brief ${i}.pdf` },
      })
    }
    catalog.close()
    await store.put('derived/1/text.json', { buffer: Buffer.from('{}') }, { contentType: 'application/json' })
    await store.close()
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  afterEach(() => {
    process.exitCode = 0
  })

  it('verify: a whole store and catalog -> exit 0 and a summary', async () => {
    const r = await run(['--config', configFile, 'storage', 'verify', '--json'], {
      config: () => loadConfig({ configPath: configFile, env: {} }),
    })
    expect(r.code).toBe(0)
    expect(r.lines).toEqual([{ type: 'summary', backend: 'filesystem', checked: 3, missing: 0, corrupt: 0, orphans: 0, ok: true }])
    const human = await run(['--config', configFile, 'storage', 'verify'], {
      config: () => loadConfig({ configPath: configFile, env: {} }),
    })
    expect(human.out).toContain('checked 3 original(s): 0 missing, 0 corrupt, 0 orphaned')
  })

  it('verify: a catalog document without its original -> exit 1 and the missing key, one JSON object per line', async () => {
    const ghost = sha256('never stored')
    const r = await run(['--config', configFile, 'storage', 'verify', '--json'], {
      config: () => loadConfig({ configPath: configFile, env: {} }),
      catalogOriginals: () => [...docs.map((d) => ({ sha256: sha256(d) })), { sha256: ghost }],
    })
    expect(r.code).toBe(1)
    expect(r.lines[0]).toEqual({ type: 'missing', key: originalKey(ghost) })
    expect(r.lines.at(-1)).toMatchObject({ type: 'summary', missing: 1, ok: false })
  })

  it('get: an original out of the store into a new file, checked; a name that is no original, an existing file or a missing object is refused', async () => {
    const deps = { config: () => loadConfig({ configPath: configFile, env: {} }) }
    const sha = sha256(docs[0]!)
    const out = path.join(dir, 'recovered.pdf')
    const r = await run(['--config', configFile, 'storage', 'get', originalKey(sha), '--out', out, '--json'], deps)
    expect(r.code).toBe(0)
    expect(r.lines).toEqual([{ key: originalKey(sha), sha256: sha, size: docs[0]!.length, file: out }])
    expect(sha256(await readFile(out))).toBe(sha)
    await expect(run(['--config', configFile, 'storage', 'get', sha, '--out', out], deps), 'the file exists').rejects.toMatchObject({
      code: 'USAGE',
    })
    await expect(run(['--config', configFile, 'storage', 'get', 'derived/1/x', '--out', `${out}.2`], deps)).rejects.toMatchObject({
      code: 'USAGE',
    })
    const ghost = sha256('never stored')
    await expect(
      run(['--config', configFile, 'storage', 'get', ghost, '--out', `${out}.3`], deps),
      'not in the store',
    ).rejects.toMatchObject({
      code: 'STORAGE_NOT_FOUND',
    })
    expect(await readdir(dir), 'nothing half-written').not.toContain('recovered.pdf.3.partial')
  })

  describe.skipIf(!s3)('migrate filesystem -> S3', () => {
    it('GIVEN a target configuration file WHEN migrate --to THEN every object is copied and proven, the config is switched (old kept), and verify passes on the new storage', async () => {
      const bucket = uniqueBucket('climig')
      const targetDir = path.join(dir, 'target')
      await rm(targetDir, { recursive: true, force: true })
      await (await import('node:fs/promises')).mkdir(targetDir, { recursive: true })
      const targetFile = path.join(targetDir, 's3.config.json')
      const targetStorage = {
        backend: 's3',
        s3: { endpoint: s3!.endpoint, port: s3!.port, useSSL: s3!.useSSL, region: s3!.region, bucket, createBucket: true, partSizeMb: 5 },
      }
      await writeFile(targetFile, JSON.stringify({ storage: targetStorage }, null, 2))
      // Secrets come from the environment only, never from a file.
      const env = { CHARTCLERK_S3_ACCESS_KEY: s3!.accessKey, CHARTCLERK_S3_SECRET_KEY: s3!.secretKey }
      const deps: Partial<StorageCommandDeps> = {
        config: () => loadConfig({ configPath: configFile, env }),
        targetConfig: (f) => loadConfig({ configPath: f, env }),
      }
      const r = await run(['--config', configFile, 'storage', 'migrate', '--to', targetFile, '--json'], deps)
      expect(r.code).toBe(0)
      const summary = r.lines.at(-1)!
      expect(summary).toMatchObject({
        type: 'summary',
        total: 4,
        copied: 4,
        skipped: 0,
        failed: 0,
        missing: 0,
        aborted: false,
        switched: true,
      })
      expect(JSON.stringify(r.lines)).not.toContain(s3!.secretKey)

      const rewritten = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>
      expect(rewritten.storage).toEqual(targetStorage)
      expect(rewritten.dataDir).toBe('./data')
      const backups = (await readdir(dir)).filter((f) => f.startsWith('chartclerk.config.json.before-migrate-'))
      expect(backups).toHaveLength(1)
      expect(JSON.parse(await readFile(path.join(dir, backups[0]!), 'utf8'))).not.toHaveProperty('storage')

      const now = loadConfig({ configPath: configFile, env })
      expect(now.storage.backend).toBe('s3')
      const v = await run(['--config', configFile, 'storage', 'verify', '--json'], deps)
      expect(v.code).toBe(0)
      expect(v.lines.at(-1)).toMatchObject({ backend: 's3', checked: 3, ok: true })
      const store = await createObjectStore(now)
      expect(await store.stat(originalKey(sha256(docs[1]!)))).toMatchObject({
        contentType: 'application/pdf',
        metadata: { 'original-name': 'Brief 1.pdf' },
      })
      await store.close()

      // Running it again against the same target is refused: it is the storage in use now.
      await expect(run(['--config', configFile, 'storage', 'migrate', '--to', targetFile], deps)).rejects.toMatchObject({ code: 'USAGE' })
    })
  })
})
