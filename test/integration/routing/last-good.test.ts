/**
 * A broken routing file never changes who reviews what: routing rules are loaded once and
 * hot-reloaded; an edit that breaks a file is refused, the last good rules stay in force (a lab
 * report filed after the broken edit is still routed by them), and `chartclerk rules check`
 * names the broken file with line:column. Made-up text-layer PDFs through the real pipeline.
 */
import { once } from 'node:events'
import { cpSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { packageRoot } from '../../../src/classify/paths.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import type { ReloadOutcome } from '../../../src/rules/hotReload.js'
import { RoutesRepo } from '../../../src/routing/repo.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, runCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
let dir: string
let rulesDir: string
const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']
const LOCAL = (): string => path.join(rulesDir, 'routing', 'T-local.json')

async function labPdf(name: string): Promise<string> {
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(
    file,
    await renderRecordPdf(makeRecordSpec(new Rng(name), { docType: 'lab_report', patient: P('CC-101902'), withOurMrn: true })),
  )
  return file
}

/** Files one lab report and returns who it was routed to, by which rule. */
async function fileAndRoute(name: string): Promise<(string | null)[][]> {
  const [r] = await app.runner.ingestFiles([await labPdf(name)])
  expect(r!.status, r!.reviewReasons.join('; ')).toBe('filed')
  return (await new RoutesRepo(app.sql).forDocument(r!.documentId!)).map((x) => [x.provider, x.ruleId])
}

/** Writes the routing file and waits for the watcher to reload it. */
async function edit(text: string): Promise<ReloadOutcome<unknown>> {
  const reloaded = once(app.ruleFiles.routing, 'reload') as Promise<[ReloadOutcome<unknown>]>
  writeFileSync(LOCAL(), text)
  const [outcome] = await Promise.race([
    reloaded,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reload within 15 s')), 15_000)),
  ])
  return outcome
}

const toNurse = {
  id: 'T-NURSE',
  title: "Webb's patients' labs also to his nurse",
  match: { docTypes: ['lab_report'], primaryProvider: 'Marcus Webb, DO' },
  to: ['Nora Ellis, RN'],
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-routing-last-good-'))
  rulesDir = path.join(dir, 'rules')
  for (const sub of ['checks', 'doctypes', 'routing'])
    cpSync(path.join(packageRoot(), 'rules', sub), path.join(rulesDir, sub), { recursive: true })
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$', CHARTCLERK_RULES: rulesDir })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  await app.ruleFiles.start()
}, 120_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a broken routing file keeps the last good routing in force', () => {
  it('GIVEN a good edit WHEN a lab report is filed THEN the new rule routes it', async () => {
    expect((await edit(JSON.stringify([toNurse], null, 2))).result).toBe('swapped')
    expect(await fileAndRoute('lab-after-good-edit')).toEqual([
      ['Marcus Webb, DO', 'RT01'],
      ['Nora Ellis, RN', 'T-NURSE'],
    ])
  }, 120_000)

  it('GIVEN an edit that breaks the file WHEN the next lab report is filed THEN the last good rules still route it', async () => {
    // The lead retargets the rule to someone else and leaves a trailing comma: the file is broken.
    const broken = JSON.stringify([{ ...toNurse, to: ['Dana Reyes, NP'] }], null, 2).replace(/\]\s*$/, ',\n]')
    const outcome = await edit(broken)
    expect(outcome.result).toBe('refused')
    const refusal = app.ruleFiles.routing.lastError!
    expect(refusal.keptVersion).toMatch(/^routing-[0-9a-f]{12}$/)
    expect(refusal.messages).toEqual([expect.stringMatching(/T-local\.json:\d+:\d+: not valid JSON/)])
    expect(app.ruleFiles.status().find((s) => s.kind === 'routing')).toMatchObject({
      summary: '2 routing rules',
      lastError: { keptVersion: refusal.keptVersion },
    })

    // Neither Reyes (the broken edit) nor only Webb (the file left out): the last good rules.
    expect(await fileAndRoute('lab-after-broken-edit')).toEqual([
      ['Marcus Webb, DO', 'RT01'],
      ['Nora Ellis, RN', 'T-NURSE'],
    ])
  }, 120_000)

  it('WHEN the lead runs rules check THEN it names the broken file with line:column and exits 1', async () => {
    const r = await runCli(ws, ['rules', 'check', rulesDir])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/routing[/\\]T-local\.json:\d+:\d+: not valid JSON/)
    expect(r.stdout).toMatch(
      /routing: 1 problem in 1 file\(s\); the routing rules did not load \(where chartclerk runs, the last good version stays in force\)/,
    )
    // The other kinds are checked too and are fine.
    expect(r.stdout).toMatch(/16 rules loaded/)
    expect(r.stdout).toMatch(/document types loaded/)
  }, 60_000)

  it('GIVEN the file is fixed WHEN reloaded THEN the fixed rules are in force and the refusal is gone', async () => {
    expect((await edit(JSON.stringify([{ ...toNurse, to: ['Dana Reyes, NP'] }], null, 2))).result).toBe('swapped')
    expect(app.ruleFiles.routing.lastError).toBeNull()
    expect(await fileAndRoute('lab-after-fix')).toEqual([
      ['Marcus Webb, DO', 'RT01'],
      ['Dana Reyes, NP', 'T-NURSE'],
    ])
  }, 120_000)
})
