/** `chartclerk inactive scan | list | restore` as command lines: exit codes, --json output, refusals. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type Workspace } from '../../helpers/workspace.js'
import { jsonError, jsonLines, MRN, seededDesk } from './seed.js'

// Each command is a real process (a few seconds each on a busy machine); a test runs several.
vi.setConfig({ testTimeout: 300_000 })

let ws: Workspace
beforeAll(async () => {
  ;({ ws } = await seededDesk())
})
afterAll(async () => {
  await ws?.cleanup()
})

// Years from now, the lab report's chart has had no activity for longer than inactive.years (2).
const LATER = '2040-01-15'

describe('chartclerk inactive', () => {
  it('a date that is not one is a usage error (2), in words and as JSON', async () => {
    const r = await runCli(ws, ['inactive', 'scan', '--as-of', '15/01/2040'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--as-of/)
    const j = await runCli(ws, ['--json', 'inactive', 'scan', '--as-of', 'soon'])
    expect(j.code).toBe(2)
    expect(jsonError(j).code).toBe('USAGE')
  })

  it('scan --dry-run lists the chart and changes nothing; scan moves it; list shows it', async () => {
    const dry = await runCli(ws, ['inactive', 'scan', '--dry-run', '--as-of', LATER, '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    const plan = JSON.parse(dry.stdout)
    expect(plan).toMatchObject({ asOf: LATER, years: 2, cutoff: '2038-01-15', dryRun: true, inactivated: [] })
    expect(plan.candidates).toEqual([expect.objectContaining({ mrn: MRN, reason: 'no_activity', documents: 1 })])
    expect(jsonLines(await runCli(ws, ['inactive', 'list', '--json']))).toEqual([])

    const scan = await runCli(ws, ['inactive', 'scan', '--as-of', LATER, '--by', 'records lead'])
    expect(scan.code, scan.stderr).toBe(0)
    expect(scan.stdout).toMatch(
      new RegExp(
        `^  ${MRN} no activity; last activity \\d{4}-\\d{2}-\\d{2}; 1 document\\(s\\); \\d+ object\\(s\\) moved to the archive$`,
        'm',
      ),
    )
    expect(scan.stdout).toMatch(/^1 chart\(s\) made inactive\.$/m)
    const list = jsonLines(await runCli(ws, ['inactive', 'list', '--json']))
    expect(list).toEqual([expect.objectContaining({ mrn: MRN, inactiveSince: LATER, reason: 'no_activity', markedBy: 'records lead' })])
    expect(list[0].objects).toBeGreaterThan(0)
  })

  it('restore brings it back (JSON: objects moved); restoring an active chart is refused with what to do (1)', async () => {
    const r = await runCli(ws, ['inactive', 'restore', MRN, '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ mrn: MRN })
    expect(JSON.parse(r.stdout).objects).toBeGreaterThan(0)
    const again = await runCli(ws, ['inactive', 'restore', MRN])
    expect(again.code).toBe(1)
    expect(again.stderr).toBe(`chartclerk: Chart ${MRN} is not inactive. "chartclerk inactive list" shows the inactive charts.\n`)
    const list = await runCli(ws, ['inactive', 'list'])
    expect(list.stdout).toBe('0 inactive chart(s)\n')
  })
})
