/**
 * Document types are one kind of the records lead's rule files: a good edit reaches the
 * classifier and field reading of a running chartclerk without a restart; an edit that breaks a
 * type file is refused and the last good types stay in force.
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
import type { ReloadOutcome } from '../../../src/rules/hotReload.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
let dir: string
let rulesDir: string

const directive = (weight: unknown): string =>
  JSON.stringify(
    {
      type: 'advance_directive',
      title: 'Advance directive',
      description: 'DNR orders, health-care proxies, living wills.',
      signals: { titles: ['advance directive', 'living will'], keywords: [{ term: 'health care proxy', weight }], patterns: [] },
      fields: [{ name: 'kind', label: 'Kind', required: true, kind: 'text', labels: ['Type of directive'] }],
    },
    null,
    2,
  )

async function edit(text: string): Promise<ReloadOutcome<unknown>> {
  const reloaded = once(app.ruleFiles.doctypes, 'reload') as Promise<[ReloadOutcome<unknown>]>
  writeFileSync(path.join(rulesDir, 'doctypes', 'advance_directive.json'), text)
  const [outcome] = await Promise.race([
    reloaded,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reload within 15 s')), 15_000)),
  ])
  return outcome
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-doctypes-last-good-'))
  rulesDir = path.join(dir, 'rules')
  for (const sub of ['checks', 'doctypes']) cpSync(path.join(packageRoot(), 'rules', sub), path.join(rulesDir, sub), { recursive: true })
  ws = makeWorkspace({ CHARTCLERK_RULES: rulesDir })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.ruleFiles.start()
}, 60_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('document types in force', () => {
  it('GIVEN a new type file THEN the running classifier knows it', async () => {
    expect(app.classifier.docTypes.byType.has('advance_directive')).toBe(false)
    expect((await edit(directive(3))).result).toBe('swapped')
    expect(app.classifier.docTypes.byType.get('advance_directive')?.signals.keywords[0]?.weight).toBe(3)
  })

  it('GIVEN an edit that breaks it THEN the last good types stay in force and the place is named', async () => {
    expect((await edit(directive(12))).result).toBe('refused')
    expect(app.ruleFiles.doctypes.lastError?.messages).toEqual([
      expect.stringMatching(
        /doctypes[/\\]advance_directive\.json:\d+:\d+ \/signals\/keywords\/0\/weight: weight must be a number from -5 to 5$/,
      ),
    ])
    expect(app.classifier.docTypes.byType.get('advance_directive')?.signals.keywords[0]?.weight).toBe(3)
  })
})
