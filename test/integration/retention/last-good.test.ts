/**
 * A broken retention schedule never changes what would be destroyed: the schedule is one kind of
 * the records lead's rule files, loaded once and hot-reloaded; an edit that breaks it is refused
 * and the last good schedule stays in force for purge planning, `chartclerk rules check` and
 * `chartclerk status` name the broken place with line:column, and a one-shot `purge --dry-run`
 * refuses the broken file.
 */
import { once } from 'node:events'
import { cpSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { packageRoot } from '../../../src/classify/paths.js'
import { silentLogger } from '../../../src/log.js'
import { planPurge } from '../../../src/retention/purge.js'
import type { ReloadOutcome } from '../../../src/rules/hotReload.js'
import { makeWorkspace, runCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
let dir: string
let rulesDir: string

async function edit(text: string): Promise<ReloadOutcome<unknown>> {
  const reloaded = once(app.ruleFiles.retention, 'reload') as Promise<[ReloadOutcome<unknown>]>
  writeFileSync(path.join(rulesDir, 'retention.json'), text)
  const [outcome] = await Promise.race([
    reloaded,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reload within 15 s')), 15_000)),
  ])
  return outcome
}

const schedule = (jurisdiction: string, adultYears: unknown): string =>
  `{\n  "jurisdiction": "${jurisdiction}",\n  "jurisdictions": {\n    "FQHC": { "adultYears": 6, "majorityAge": 18, "minorYearsAfterMajority": 3 },\n    "MA": { "adultYears": ${JSON.stringify(adultYears)} }\n  }\n}\n`

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-retention-last-good-'))
  rulesDir = path.join(dir, 'rules')
  for (const sub of ['checks', 'doctypes']) cpSync(path.join(packageRoot(), 'rules', sub), path.join(rulesDir, sub), { recursive: true })
  writeFileSync(path.join(rulesDir, 'retention.json'), schedule('FQHC', 7))
  ws = makeWorkspace({ CHARTCLERK_RULES: rulesDir })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.ruleFiles.start()
}, 60_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a broken retention schedule keeps the last good schedule in force', () => {
  it('GIVEN a good edit THEN purge planning follows it', async () => {
    expect((await planPurge(app)).schedule).toMatchObject({ jurisdiction: 'FQHC', schedule: { adultYears: 6 } })
    expect((await edit(schedule('MA', 7))).result).toBe('swapped')
    expect((await planPurge(app)).schedule).toMatchObject({
      jurisdiction: 'MA',
      schedule: { adultYears: 7, majorityAge: 18, minorYearsAfterMajority: 0 },
    })
  })

  it('GIVEN an edit that breaks it THEN the last good schedule stays and the break is reported with line:column', async () => {
    const outcome = await edit(schedule('MA', 'seven'))
    expect(outcome.result).toBe('refused')
    const refusal = app.ruleFiles.retention.lastError!
    // "MA" is on line 5; the bad value sits at its key.
    expect(refusal.messages).toEqual([
      expect.stringMatching(/retention\.json:5:\d+ \/jurisdictions\/MA\/adultYears: adultYears must be a whole number of years$/),
    ])
    expect((await planPurge(app)).schedule).toMatchObject({ jurisdiction: 'MA', schedule: { adultYears: 7 } })
  })

  it('WHEN the lead runs rules check THEN the broken place is named and it exits 1', async () => {
    const r = await runCli(ws, ['rules', 'check', rulesDir])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/retention\.json:5:\d+ \/jurisdictions\/MA\/adultYears: adultYears must be a whole number of years/)
    expect(r.stdout).toMatch(/retention\.json: 1 problem in 1 file\(s\); the retention schedule did not load/)
  }, 60_000)

  it('WHEN someone runs status THEN the broken kind is named with its place, and status exits 1', async () => {
    const r = await runCli(ws, ['status'])
    expect(r.stdout).toMatch(
      /rule files {4}retention schedule BROKEN \(a running chartclerk keeps the last good version\): .*retention\.json:5:\d+ \/jurisdictions\/MA\/adultYears/,
    )
    expect(r.stdout).not.toMatch(/routing rules BROKEN|document types BROKEN|check rules BROKEN/)
    expect(r.code).toBe(1)
  }, 60_000)

  it('WHEN a one-shot purge --dry-run reads the broken file THEN it refuses, naming the place', async () => {
    const r = await runCli(ws, ['purge', '--dry-run'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/retention\.json:5:\d+ \/jurisdictions\/MA\/adultYears: adultYears must be a whole number of years/)
    expect(r.stdout).not.toMatch(/would be destroyed/)
  }, 60_000)
})
