/** `chartclerk route list | ack` as command lines: exit codes, --json output, refusals with what to do. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli, type Workspace } from '../../helpers/workspace.js'
import { jsonError, jsonLines, MRN, PROVIDER, seededDesk } from './seed.js'

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

describe('chartclerk route', () => {
  it('list --json: the routed report, one object per line; the text form ends with a count', async () => {
    const r = await runCli(ws, ['route', 'list', '--json'])
    expect(r.code).toBe(0)
    expect(jsonLines(r)).toEqual([
      expect.objectContaining({ documentId: labId, provider: PROVIDER, patientMrn: MRN, docType: 'lab_report', acknowledgedAt: null }),
    ])
    const text = await runCli(ws, ['route', 'list', '--provider', 'natarajan priya'])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(
      new RegExp(`^document ${labId} lab_report ${MRN} -> ${PROVIDER}; routed \\d{4}-\\d{2}-\\d{2} \\(0 d\\)$`, 'm'),
    )
    expect(text.stdout).toMatch(/^1 routed report\(s\)$/m)
  })

  it('ack: a bad id is a usage error (2); someone it is not routed to is a conflict (4, JSON error)', async () => {
    const bad = await runCli(ws, ['route', 'ack', 'twelve', '--by', PROVIDER])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/"twelve" is not a document id\./)
    const other = await runCli(ws, ['--json', 'route', 'ack', String(labId), '--by', 'Lena Ortiz, MD'])
    expect(other.code).toBe(4)
    expect(jsonError(other)).toEqual({
      code: 'CONFLICT',
      message: `Document ${labId} is not waiting for Lena Ortiz, MD's review; it is routed to ${PROVIDER}.`,
    })
  })

  it('ack: the clinician acknowledges it once; again is a conflict (4); it leaves the open list', async () => {
    const ok = await runCli(ws, ['route', 'ack', String(labId), '--by', PROVIDER])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toBe(`document ${labId} acknowledged for ${PROVIDER}\n`)
    const again = await runCli(ws, ['route', 'ack', String(labId), '--by', PROVIDER])
    expect(again.code).toBe(4)
    expect(again.stderr).toMatch(/was already acknowledged/)
    const open = await runCli(ws, ['route', 'list', '--json'])
    expect(jsonLines(open)).toEqual([])
    const all = jsonLines(await runCli(ws, ['route', 'list', '--all', '--json']))
    expect(all).toEqual([expect.objectContaining({ documentId: labId, acknowledgedBy: PROVIDER })])
  })
})
