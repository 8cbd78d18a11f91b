/** `chartclerk release create | check | package | sent | list | accounting` as command lines: exit codes, --json output, refusals. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type Workspace } from '../../helpers/workspace.js'
import { jsonError, jsonLines, MRN, seededDesk } from './seed.js'

// Each command is a real process (a few seconds each on a busy machine); a test runs several.
vi.setConfig({ testTimeout: 300_000 })

let ws: Workspace
let labId: number
beforeAll(async () => {
  ;({ ws, labId } = await seededDesk())
})
afterAll(async () => {
  await ws?.cleanup()
})

const create = (...extra: string[]) => [
  'release',
  'create',
  '--mrn',
  MRN,
  '--recipient',
  'Lakeside Cardiology',
  '--purpose',
  'Continuing care',
  ...extra,
]

describe('chartclerk release', () => {
  let treatmentId: number
  let attorneyId: number

  it('create: a wrong requester type, document list or a missing option is a usage error (2)', async () => {
    const type = await runCli(ws, create('--requester', 'Dr. Hale', '--type', 'friend'))
    expect(type.code).toBe(2)
    expect(type.stderr).toMatch(/friend/)
    const docs = await runCli(ws, ['--json', ...create('--requester', 'Dr. Hale', '--type', 'treatment', '--documents', 'lab')])
    expect(docs.code).toBe(2)
    expect(jsonError(docs)).toEqual({ code: 'USAGE', message: '--documents wants document numbers, not "lab".' })
    const missing = await runCli(ws, ['release', 'create', '--mrn', MRN])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/required option/)
  })

  it('create records a request (JSON, or a line saying what to do next)', async () => {
    const ok = await runCli(ws, create('--requester', 'Dr. Hale', '--type', 'treatment', '--json'))
    expect(ok.code, ok.stderr).toBe(0)
    const r = JSON.parse(ok.stdout)
    expect(r).toMatchObject({
      patientMrn: MRN,
      requesterType: 'treatment',
      status: 'open',
      releaseNumber: expect.stringMatching(/^ROI-\d{6}$/),
    })
    treatmentId = r.id
    const text = await runCli(ws, create('--requester', 'Harlan & Pike LLP', '--type', 'attorney'))
    expect(text.code).toBe(0)
    const m = /^ROI-(\d{6}) recorded.*Next: chartclerk release check (\d+)$/m.exec(text.stdout)
    expect(m).toBeTruthy()
    attorneyId = Number(m![2])
  })

  it('check: allowed for treatment (0, JSON with the documents); refused without an authorization (1, reasons)', async () => {
    const ok = await runCli(ws, ['release', 'check', String(treatmentId), '--json'])
    expect(ok.code, ok.stderr).toBe(0)
    const check = JSON.parse(ok.stdout)
    expect(check).toMatchObject({ allowed: true, accountable: false })
    expect(check.documents.map((d: any) => d.id)).toEqual([labId])
    const refused = await runCli(ws, ['release', 'check', `ROI-${String(attorneyId).padStart(6, '0')}`])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/^ROI-\d{6}: REFUSED$/m)
    expect(refused.stdout).toMatch(/^ {2}- .*authorization/im)
    const none = await runCli(ws, ['release', 'check', '999'])
    expect(none.code).not.toBe(0)
    expect(none.stderr).toMatch(/999/)
  })

  it('package --out writes the PDF; sent logs it', async () => {
    const pkg = await runCli(ws, ['release', 'package', String(treatmentId), '--out', 'release.pdf', '--json'])
    expect(pkg.code, pkg.stderr).toBe(0)
    const p = JSON.parse(pkg.stdout)
    expect(p.pages).toBeGreaterThan(1)
    expect(p.documentIds).toEqual([labId])
    expect((await readFile(path.join(ws.dir, 'release.pdf'))).subarray(0, 5).toString()).toBe('%PDF-')
    const sent = await runCli(ws, ['release', 'sent', String(treatmentId), '--by', 'clerk a'])
    expect(sent.code, sent.stderr).toBe(0)
    expect(sent.stdout).toMatch(/^ROI-\d{6} sent \d{4}-\d{2}-\d{2} to Lakeside Cardiology; not in the accounting of disclosures$/m)
  })

  it('list and accounting show it; a wrong status or an unknown patient is refused', async () => {
    const list = jsonLines(await runCli(ws, ['release', 'list', '--all', '--json']))
    expect(list.map((r) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        [treatmentId, 'sent'],
        [attorneyId, 'refused'],
      ]),
    )
    const acct = await runCli(ws, ['release', 'accounting', MRN, '--json'])
    expect(acct.code).toBe(0)
    expect(jsonLines(acct)).toEqual([]) // a disclosure for treatment is not accountable
    const bad = await runCli(ws, ['release', 'list', '--status', 'lost'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--status: "lost" is not one of/)
    const nobody = await runCli(ws, ['--json', 'release', 'accounting', 'CC-999999'])
    expect(nobody.code).toBe(1)
    expect(jsonError(nobody)).toEqual({ code: 'NOT_FOUND', message: 'There is no patient CC-999999 in the patient index.' })
  })
})
