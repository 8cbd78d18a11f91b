/**
 * `chartclerk init` from a clean folder, with flags only (no terminal, so it never asks), to a
 * working `start`: the commented configuration it writes is the one `start` reads, the first
 * administrator exists, and a sample dropped into the inbox is read and filed under the MRN
 * format given. Bad answers are refused with what to do.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { ROOT, runCli, SAMPLE_SCANS, SAMPLES, startCli, type Workspace } from '../../helpers/workspace.js'

// Each command is a real process (a few seconds each on a busy machine); a test runs several.
vi.setConfig({ testTimeout: 300_000 })

let ws: Workspace
beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chartclerk-init-'))
  // No CHARTCLERK_DATA / _INBOX: everything comes from the file init writes.
  const env = { CHARTCLERK_WATCH_STABILITY_MS: '300', CHARTCLERK_OCR_WORKERS: '1', CHARTCLERK_LOG_LEVEL: 'warn' }
  ws = {
    dir,
    env,
    inbox: path.join(dir, 'inbox'),
    data: path.join(dir, 'data'),
    quarantine: path.join(dir, 'quarantine'),
    config: () => {
      throw new Error('unused')
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('chartclerk --version', () => {
  it("prints the version of chartclerk's package.json and exits 0", async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'))
    const r = await runCli(ws, ['--version'])
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` })
  })
})

describe('chartclerk init', () => {
  it('refuses what it cannot use, saying what to give instead, and writes nothing', async () => {
    const none = await runCli(ws, ['init'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/Give your MRN format with --mrn-format, e\.g\. --mrn-format "CC-######"/)
    const zone = await runCli(ws, ['init', '--mrn-format', 'CC-######', '--time-zone', 'Mars/Olympus'])
    expect(zone.code).toBe(2)
    expect(zone.stderr).toMatch(/"Mars\/Olympus" is not a time zone this system knows\. Give an IANA name such as America\/New_York/)
    const example = await runCli(ws, ['init', '--mrn-format', 'CC-######', '--mrn-example', 'CC-12345'])
    expect(example.code).toBe(2)
    expect(example.stderr).toMatch(/Your MRN CC-12345 does not fit the format \^CC-\\d\{6\}\$/)
    const order = await runCli(ws, ['init', '--mrn-format', 'CC-######', '--date-order', 'YMD'])
    expect(order.code).toBe(2)
    expect(order.stderr).toMatch(/--date-order is MDY .* or DMY/)
    await expect(readFile(path.join(ws.dir, 'chartclerk.config.json'))).rejects.toThrow()
  })

  it('writes a commented configuration, makes the inbox and the first administrator', async () => {
    const r = await runCli(ws, [
      'init',
      '--mrn-format',
      'CC-######',
      '--mrn-example',
      'CC-100418',
      '--date-order',
      'MDY',
      '--time-zone',
      'America/New_York',
      '--clinic-name',
      'Cedar Commons Community Health Center',
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/MRN format {3}\^CC-\\d\{6\}\$/)
    expect(r.stdout).toMatch(/taken as ours: {2}CC-100418, /)
    expect(r.stdout).toMatch(/not ours: {7}00736145, 123456, A25-0310442/)
    expect(r.stdout).toMatch(/time zone {4}America\/New_York \(now /)
    const password = /one-time password: (\S+)/.exec(r.stdout)?.[1]
    expect(password).toBeTruthy()
    const text = await readFile(path.join(ws.dir, 'chartclerk.config.json'), 'utf8')
    expect(text).toMatch(/^\/\/ chartclerk settings, written by "chartclerk init"/)
    expect(text).toMatch(/"mrnPattern": "\^CC-\\\\d\{6\}\$"/)
    expect(text).toMatch(/"timeZone": "America\/New_York"/)
    const catalog = openCatalog(path.join(ws.dir, 'data', 'catalog.sqlite'))
    try {
      const users = new UsersRepo(sqliteSqlCatalog(catalog.db).db)
      const admin = await users.authenticate('admin', password!)
      expect(admin).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true })
    } finally {
      catalog.close()
    }
    const again = await runCli(ws, ['init', '--mrn-format', 'CC-######'])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/exists already\. Edit it, or run init again with --force/)
  })

  it('start then works from that folder: a sample dropped in the inbox is read and filed', async () => {
    const imported = await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])
    expect(imported.code, imported.stderr).toBe(0)
    const start = startCli(ws)
    try {
      await copyFile(path.join(SAMPLE_SCANS, 'lab-report-text.pdf'), path.join(ws.dir, 'inbox', 'lab-report-text.pdf'))
      await start.waitFor(() => start.results.some((x) => x.status === 'filed' || x.status === 'needs_review' || x.status === 'failed'))
      const result = start.results.find((x) => x.status)
      expect(result).toMatchObject({ status: 'filed', documentType: 'lab_report', matched: true })
    } finally {
      expect(await start.stop()).toBe(0)
    }
  })
})
