/** `chartclerk schedule import` and `chartclerk prep` as command lines: exit codes, --json output, refusals. */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type Workspace } from '../../helpers/workspace.js'
import { jsonError, MRN, seededDesk } from './seed.js'

// Each command is a real process (a few seconds each on a busy machine); a test runs several.
vi.setConfig({ testTimeout: 300_000 })

let ws: Workspace
const DAY = '2031-03-04'
beforeAll(async () => {
  ;({ ws } = await seededDesk())
  await writeFile(
    path.join(ws.dir, 'schedule.csv'),
    `Date,Time,MRN,Provider,Visit type\n03/04/2031,09:30,${MRN},"Priya Natarajan, MD",Follow-up\n03/04/2031,10:00,CC-999999,"Priya Natarajan, MD",New patient\n31/31/2031,11:00,CC-101388,,Follow-up\n`,
  )
  await writeFile(path.join(ws.dir, 'bad-schedule.csv'), 'Who,When\nsomeone,today\n')
})
afterAll(async () => {
  await ws?.cleanup()
})

describe('chartclerk schedule import', () => {
  it('imports what it can, names the rows it skipped and the MRNs it does not know, and exits 1', async () => {
    const r = await runCli(ws, ['schedule', 'import', 'schedule.csv'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^Schedule imported \(csv\): 2 added, 0 updated, 0 unchanged\.$/m)
    expect(r.stdout).toMatch(/^ {2}row 3 skipped: date "31\/31\/2031" not understood$/m)
    expect(r.stdout).toMatch(/1 MRN\(s\) not in the patient index: CC-999999/)
    const again = JSON.parse((await runCli(ws, ['schedule', 'import', 'schedule.csv', '--json'])).stdout)
    expect(again).toMatchObject({ format: 'csv', added: 0, unchanged: 2 })
  })

  it('a file it cannot read or use is refused with what to do', async () => {
    const missing = await runCli(ws, ['schedule', 'import', 'nowhere.csv'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/The schedule file nowhere\.csv cannot be read\./)
    const bad = await runCli(ws, ['--json', 'schedule', 'import', 'bad-schedule.csv'])
    expect(bad.code).toBe(1)
    expect(jsonError(bad)).toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringMatching(/needs a date \(or date\/time\) column and an MRN column; it has: Who, When/),
    })
    const fmt = await runCli(ws, ['schedule', 'import', 'schedule.csv', '--format', 'xlsx'])
    expect(fmt.code).toBe(2)
    expect(fmt.stderr).toMatch(/--format is csv, fhir or auto\./)
  })
})

describe('chartclerk prep', () => {
  it("--json: the day's patients with what to prepare; text and HTML forms", async () => {
    const r = await runCli(ws, ['prep', '--date', DAY, '--json'])
    expect(r.code, r.stderr).toBe(0)
    const list = JSON.parse(r.stdout)
    expect(list.date).toBe(DAY)
    expect(list.patients.map((p: any) => p.mrn)).toContain(MRN)
    const text = await runCli(ws, ['prep', '--date', DAY])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(new RegExp(MRN))
    const html = await runCli(ws, ['prep', '--date', DAY, '--format', 'html', '--out', 'prep.html'])
    expect(html.code).toBe(0)
    expect(html.stdout).toMatch(new RegExp(`^Chart prep for ${DAY} \\(\\d+ patient\\(s\\)\\) written to prep\\.html\\.$`, 'm'))
    expect(await readFile(path.join(ws.dir, 'prep.html'), 'utf8')).toMatch(/<html/i)
  })

  it('a missing or wrong option is a usage error (2)', async () => {
    const none = await runCli(ws, ['prep'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/required option '--date <date>' not specified/)
    const fmt = await runCli(ws, ['--json', 'prep', '--date', DAY, '--format', 'pdf'])
    expect(fmt.code).toBe(2)
    expect(jsonError(fmt)).toEqual({ code: 'USAGE', message: '--format is text or html.' })
    const day = await runCli(ws, ['prep', '--date', 'tomorrow'])
    expect(day.code).toBe(2)
    expect(day.stderr).toMatch(/--date/)
  })
})
