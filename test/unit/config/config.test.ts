import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ENV_SETTINGS, loadConfig } from '../../../src/config/config.js'
import { readTestHooks } from '../../../src/config/testHooks.js'
import { ChartclerkError } from '../../../src/errors.js'

const made: string[] = []
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cc-config-'))
  made.push(d)
  return d
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

function errorOf(fn: () => unknown): ChartclerkError {
  try {
    fn()
  } catch (e) {
    return e as ChartclerkError
  }
  throw new Error('expected an error')
}

describe('loadConfig', () => {
  it('GIVEN no file THEN defaults: ./inbox, ./data, filesystem store and catalog under data', () => {
    const dir = tmp()
    const c = loadConfig({ cwd: dir, env: {} })
    expect(c.watch.inbox).toBe(path.join(dir, 'inbox'))
    expect(c.dataDir).toBe(path.join(dir, 'data'))
    expect(c.storage.backend).toBe('filesystem')
    expect(c.storage.filesystem.dir).toBe(path.join(dir, 'data', 'objects'))
    expect(c.catalog.path).toBe(path.join(dir, 'data', 'catalog.sqlite'))
    expect(c.watch.polling).toBe(false)
    expect(c.ocr.workers).toBeGreaterThanOrEqual(1)
    expect(Object.isFrozen(c.watch)).toBe(true)
  })

  it('reads the file, then environment overrides, then --data', () => {
    const dir = tmp()
    writeFileSync(
      path.join(dir, 'chartclerk.config.json'),
      JSON.stringify({ watch: { inbox: 'scans', polling: false }, ocr: { workers: 3 } }),
    )
    const c = loadConfig({ cwd: dir, env: { CHARTCLERK_WATCH_POLLING: 'true', CHARTCLERK_OCR_WORKERS: '2' }, dataDir: 'elsewhere' })
    expect(c.configFile).toBe(path.join(dir, 'chartclerk.config.json'))
    expect(c.watch.inbox).toBe(path.join(dir, 'scans'))
    expect(c.watch.polling).toBe(true)
    expect(c.ocr.workers).toBe(2)
    expect(c.dataDir).toBe(path.join(dir, 'elsewhere'))
  })

  it('a bad setting stops start-up with a message naming it', () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'chartclerk.config.json'), JSON.stringify({ ocr: { workers: 0 }, watch: { polling: 'yes' } }))
    const e = errorOf(() => loadConfig({ cwd: dir, env: {} }))
    expect(e.code).toBe('CONFIG_INVALID')
    expect(e.action).toContain('ocr.workers')
    expect(e.action).toContain('watch.polling')
  })

  it('a misspelt setting is named, not ignored', () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'chartclerk.config.json'), JSON.stringify({ watch: { poling: true } }))
    expect(errorOf(() => loadConfig({ cwd: dir, env: {} })).action).toContain('watch.poling is not a chartclerk setting')
  })

  it('a bad environment value names the variable and the setting', () => {
    const e = errorOf(() => loadConfig({ cwd: tmp(), env: { CHARTCLERK_OCR_WORKERS: 'two' } }))
    expect(e.code).toBe('CONFIG_INVALID')
    expect(e.action).toContain('CHARTCLERK_OCR_WORKERS')
    expect(e.action).toContain('ocr.workers')
  })

  it('a config file that is not JSON is refused clearly', () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'chartclerk.config.json'), '{ "watch": ')
    expect(errorOf(() => loadConfig({ cwd: dir, env: {} })).action).toMatch(/not valid JSON/)
  })

  it('an explicit --config that does not exist is an error', () => {
    expect(errorOf(() => loadConfig({ cwd: tmp(), env: {}, configPath: 'nope.json' })).code).toBe('CONFIG_INVALID')
  })

  it('S3 secrets come only from the environment or key files, and are required for the s3 backend', () => {
    const dir = tmp()
    writeFileSync(
      path.join(dir, 'chartclerk.config.json'),
      JSON.stringify({ storage: { backend: 's3', s3: { endpoint: '127.0.0.1', bucket: 'records' } } }),
    )
    expect(errorOf(() => loadConfig({ cwd: dir, env: {} })).action).toContain('CHARTCLERK_S3_ACCESS_KEY')
    writeFileSync(path.join(dir, 'secret'), 'shh\n')
    const c = loadConfig({ cwd: dir, env: { CHARTCLERK_S3_ACCESS_KEY: 'ak', CHARTCLERK_S3_SECRET_KEY_FILE: path.join(dir, 'secret') } })
    expect(c.storage.s3?.secretKey).toBe('shh')
  })
})

describe('clinic.timeZone', () => {
  it('GIVEN nothing THEN UTC, as before the setting existed', () => {
    expect(loadConfig({ cwd: tmp(), env: {} }).clinic.timeZone).toBe('UTC')
  })

  it('GIVEN an IANA name in the file or CHARTCLERK_TIME_ZONE THEN it is the clinic zone (the environment wins)', () => {
    const dir = tmp()
    writeFileSync(
      path.join(dir, 'chartclerk.config.json'),
      JSON.stringify({ clinic: { name: 'Made-up CHC', timeZone: 'America/New_York' } }),
    )
    expect(loadConfig({ cwd: dir, env: {} }).clinic).toMatchObject({ name: 'Made-up CHC', timeZone: 'America/New_York' })
    expect(loadConfig({ cwd: dir, env: { CHARTCLERK_TIME_ZONE: 'Pacific/Auckland' } }).clinic.timeZone).toBe('Pacific/Auckland')
  })

  it('GIVEN an unknown zone THEN CONFIG_INVALID naming the setting, where it came from and what to write', () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'chartclerk.config.json'), JSON.stringify({ clinic: { timeZone: 'America/NewYork' } }))
    const e = errorOf(() => loadConfig({ cwd: dir, env: {} }))
    expect(e.code).toBe('CONFIG_INVALID')
    expect(e.action).toMatch(/clinic\.timeZone .*"America\/NewYork".*America\/New_York/)
    const fromEnv = errorOf(() => loadConfig({ cwd: tmp(), env: { CHARTCLERK_TIME_ZONE: 'Mars/Olympus' } }))
    expect(fromEnv.action).toMatch(/clinic\.timeZone \(from environment variable CHARTCLERK_TIME_ZONE\)/)
    expect(errorOf(() => loadConfig({ cwd: tmp(), env: {}, overrides: { 'clinic.timeZone': '' } })).action).toMatch(/clinic\.timeZone/)
  })

  it('GIVEN CHARTCLERK_TEST_NOW (a test hook, not a setting) THEN the clock stands there; an unreadable one is refused', () => {
    expect(readTestHooks({ CHARTCLERK_TEST_NOW: '2026-03-05T23:30:00-05:00' }).frozenNow).toBe('2026-03-05T23:30:00-05:00')
    expect(Object.keys(loadConfig({ cwd: tmp(), env: { CHARTCLERK_TEST_NOW: '2026-03-05T23:30:00-05:00', CI: 'true' } }))).not.toContain(
      'testNow',
    )
    expect(errorOf(() => readTestHooks({ CHARTCLERK_TEST_NOW: 'half past eleven' })).code).toBe('CONFIG_INVALID')
  })

  it('GIVEN the schema THEN the environment variables are read from its `env` entries, each with its setting and type', () => {
    expect(ENV_SETTINGS).toContainEqual(['CHARTCLERK_S3_PORT', 'storage.s3.port', 'int'])
    expect(ENV_SETTINGS).toContainEqual(['CHARTCLERK_WATCH_POLLING', 'watch.polling', 'bool'])
    expect(ENV_SETTINGS).toContainEqual(['CHARTCLERK_MIN_TYPE_CONFIDENCE', 'filing.minTypeConfidence', 'number'])
    expect(ENV_SETTINGS).toContainEqual(['CHARTCLERK_BUDGET_MEMORY_MB', 'ingest.budget.memoryMb', 'int'])
    expect(new Set(ENV_SETTINGS.map(([name]) => name)).size).toBe(ENV_SETTINGS.length)
    expect(loadConfig({ cwd: tmp(), env: { CHARTCLERK_BUDGET_MEMORY_MB: '512' } }).ingest.budget.memoryMb).toBe(512)
  })
})

describe('catalog.url (a PostgreSQL catalog)', () => {
  it('GIVEN nothing THEN the SQLite file only', () => {
    const c = loadConfig({ cwd: tmp(), env: {} })
    expect(c.catalog.url).toBeUndefined()
    expect(c.catalog.password).toBeUndefined()
  })

  it('GIVEN a url in the file and the password in catalog.passwordFile (relative to the file) THEN both, the password never from the file itself', () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'pg-password'), 'correct horse\n')
    writeFileSync(
      path.join(dir, 'chartclerk.config.json'),
      JSON.stringify({ catalog: { url: 'postgres://chartclerk@db.example.org:5432/records', passwordFile: 'pg-password' } }),
    )
    const c = loadConfig({ cwd: dir, env: {} })
    expect(c.catalog).toMatchObject({ url: 'postgres://chartclerk@db.example.org:5432/records', password: 'correct horse' })
    expect(c.catalog.path).toBe(path.join(dir, 'data', 'catalog.sqlite'))
    // The environment wins over the file.
    expect(loadConfig({ cwd: dir, env: { CHARTCLERK_CATALOG_PASSWORD: 'from env' } }).catalog.password).toBe('from env')
    expect(loadConfig({ cwd: dir, env: { CHARTCLERK_CATALOG_URL: 'postgresql://other@10.0.0.9/cat' } }).catalog.url).toBe(
      'postgresql://other@10.0.0.9/cat',
    )
  })

  it('GIVEN a password written into the url THEN refused, saying where it goes instead', () => {
    const e = errorOf(() => loadConfig({ cwd: tmp(), env: { CHARTCLERK_CATALOG_URL: 'postgres://chartclerk:hunter2@db/records' } }))
    expect(e.code).toBe('CONFIG_INVALID')
    expect(e.action).toMatch(/contains a password.*catalog\.passwordFile.*CHARTCLERK_CATALOG_PASSWORD/)
    expect(e.action).not.toContain('hunter2')
  })

  it('GIVEN something that is not a postgres:// address, or names no database, or an unreadable password file THEN a message naming the setting', () => {
    expect(errorOf(() => loadConfig({ cwd: tmp(), env: { CHARTCLERK_CATALOG_URL: 'mysql://db/records' } })).action).toMatch(/catalog\.url/)
    expect(errorOf(() => loadConfig({ cwd: tmp(), env: { CHARTCLERK_CATALOG_URL: 'postgres://chartclerk@db' } })).action).toMatch(
      /must name the server and the database/,
    )
    const dir = tmp()
    writeFileSync(
      path.join(dir, 'chartclerk.config.json'),
      JSON.stringify({ catalog: { url: 'postgres://u@db/records', passwordFile: 'missing' } }),
    )
    expect(errorOf(() => loadConfig({ cwd: dir, env: {} })).action).toMatch(/cannot be read/)
  })
})
