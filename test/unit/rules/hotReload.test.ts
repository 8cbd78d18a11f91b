import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/rules/evaluate.js'
import { RuleSetWatcher, type ReloadOutcome } from '../../../src/rules/hotReload.js'
import { chart, doc, edit, scratchRules } from './helpers.js'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

function nextReload(w: RuleSetWatcher, timeoutMs = 15_000): Promise<ReloadOutcome> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no reload within the time allowed')), timeoutMs)
    w.once('reload', (o: ReloadOutcome) => {
      clearTimeout(t)
      resolve(o)
    })
  })
}

const blurry = chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', ocrConfidence: 65, fields: {} })] })
const legibilityFindings = (w: RuleSetWatcher) => evaluate(w.current!, blurry).filter((f) => f.ruleId === 'D04')

describe('hot reload', () => {
  it('GIVEN a running watcher WHEN a rule file is broken THEN the edit is refused with file:line messages, the last good set stays in force, and a good edit swaps in', async () => {
    const dir = scratchRules()
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const w = new RuleSetWatcher(dir, { debounceMs: 100, loadOptions: { cwd: dir } })
    cleanup.push(() => w.close())
    const first = await w.start()
    expect(first.result).toBe('swapped')
    const good = w.current!
    expect(w.lastError).toBeNull()
    expect(legibilityFindings(w)).toHaveLength(0) // 65 >= 60

    // 1. a broken edit: YAML syntax error
    let reload = nextReload(w)
    edit(dir, 'D04-legible.yaml', (s) => s.replace('minimum: 60', 'minimum: [70'))
    let o = await reload
    expect(o.result).toBe('refused')
    expect(w.current).toBe(good)
    expect(w.lastError?.keptVersion).toBe(good.version)
    expect(w.lastError?.messages.some((m) => /^D04-legible\.yaml:\d+:\d+: not valid YAML/.test(m))).toBe(true)
    expect(w.status()).toMatchObject({ version: good.version, rules: good.rules.length })
    expect(legibilityFindings(w)).toHaveLength(0)

    // 2. another broken edit: valid YAML, but the examples no longer behave
    reload = nextReload(w)
    edit(dir, 'D04-legible.yaml', (s) => s.replace('minimum: [70', 'minimum: 70'))
    o = await reload
    expect(o.result).toBe('refused')
    expect(w.current).toBe(good)
    expect(
      w.lastError?.messages.some((m) => /^D04-legible\.yaml:\d+:\d+ \/examples\/pass\/1: this example should pass but fails/.test(m)),
    ).toBe(true)

    // 3. the lead fixes the example too: the new set swaps in, with a new version
    reload = nextReload(w)
    edit(dir, 'D04-legible.yaml', (s) => s.replace('ocrConfidence: 60\n', 'ocrConfidence: 70\n').replace('version: 1', 'version: 2'))
    o = await reload
    expect(o.result).toBe('swapped')
    expect(w.lastError).toBeNull()
    expect(w.current!.version).not.toBe(good.version)
    expect(w.current!.manifest.find((m) => m.id === 'D04')?.version).toBe(2)
    const f = legibilityFindings(w)
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ ruleVersion: 2, rulesetVersion: w.current!.version, message: expect.stringContaining('65 is below 70') })
  })

  it('a broken set at start-up leaves no set in force and says why', async () => {
    const dir = scratchRules()
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    edit(dir, 'D05-lab-report.json', (s) => s.replace('"id": "D05"', '"id": "D06"'))
    const w = new RuleSetWatcher(dir, { loadOptions: { cwd: dir } })
    const o = w.reload()
    expect(o.result).toBe('refused')
    expect(w.current).toBeNull()
    expect(w.lastError?.messages[0]).toMatch(/D06-radiology-report\.json:\d+:3 \/id: rule id "D06" is already used by D05-lab-report\.json/)
  })

  it('deleting every rule file is refused (an empty set would check nothing); deleting one rule is a change like any other', () => {
    const dir = scratchRules()
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const w = new RuleSetWatcher(dir, { loadOptions: { cwd: dir } })
    const good = w.reload().ruleset!
    rmSync(path.join(dir, 'D15-missing-pages.json'))
    const fewer = w.reload()
    expect(fewer.result).toBe('swapped')
    expect(fewer.ruleset!.rules.map((r) => r.id)).not.toContain('D15')
    for (const f of readdirSync(dir)) if (!f.endsWith('.schema.json')) rmSync(path.join(dir, f))
    const none = w.reload()
    expect(none.result).toBe('refused')
    expect(w.current).toBe(fewer.ruleset)
    expect(w.current).not.toBe(good)
    expect(w.lastError?.messages[0]).toMatch(/no rule files/)
  })

  it('reloading an unchanged folder keeps the same set object', () => {
    const dir = scratchRules()
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const w = new RuleSetWatcher(dir)
    const a = w.reload()
    const b = w.reload()
    expect(a.result).toBe('swapped')
    expect(b.result).toBe('unchanged')
    expect(b.ruleset).toBe(a.ruleset)
  })
})
