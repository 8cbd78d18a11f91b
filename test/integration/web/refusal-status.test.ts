/**
 * A refusal and a conflict mean the same on both front ends: the desk answers with the status
 * errors.ts declares for the code, and the real command line, run on the same data folder,
 * exits with the code declared beside it. The desk's message names no command-line flags;
 * the command line adds its hint. All data made up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_TABLE } from '../../../src/errors.js'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { createRelease } from '../../../src/release/service.js'
import { runCli } from '../../helpers/workspace.js'
import { makeDesk, seedDocument, type Desk } from './helpers.js'

let desk: Desk
const MRN = 'CC-101902'
const extraction = {
  dateOfService: '2025-06-01',
  author: null,
  facility: 'Riverbend Reference Laboratory',
  signed: { present: true, by: null, date: null, kind: null },
  pagesDeclared: null,
  missingPages: [],
  status: null,
  missing: [],
}
const request = {
  patientMrn: MRN,
  recipientName: 'John Smith (made up)',
  purpose: 'Copy',
  requestDate: '2026-01-05',
  createdBy: 'clerk1',
  docTypes: ['lab_report'] as string[],
}
const jsonError = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!).error as { code: string; message: string }

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  await seedDocument(desk.app, {
    status: 'filed',
    mrn: MRN,
    docType: 'lab_report',
    text: 'Made-up lab report: sodium 139',
    details: { extraction },
  })
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

describe('refusals and conflicts: one status on the desk, one exit code on the command line', () => {
  it('a release held for identity is REFUSED: 422 at the desk, exit 3 from "release package"', async () => {
    const r = await createRelease(desk.app, { ...request, requester: 'John Smith (made up)', requesterType: 'patient' })
    const c = await desk.login('clerk1')
    await c.get(`/releases/${r.id}`)
    const res = await c.post(`/releases/${r.id}/package`)
    expect(res.status).toBe(ERROR_TABLE.REFUSED.http)
    expect(await res.text()).toMatch(/identity is not verified/)

    const cli = await runCli(desk.ws, ['--json', 'release', 'package', String(r.id)])
    expect(cli.code, cli.stderr).toBe(ERROR_TABLE.REFUSED.exit)
    expect(jsonError(cli.stdout)).toMatchObject({ code: 'REFUSED', message: expect.stringMatching(/identity is not verified/) })
    expect((await new ReleaseRepo(desk.app.sql).require(r.id)).status).not.toBe('packaged')
  })

  it('marking an unpackaged release sent is a CONFLICT: 409 at the desk without a flag, exit 4 with the command to run', async () => {
    const r = await createRelease(desk.app, { ...request, requester: 'Dr. Hale (made up)', requesterType: 'treatment' })
    const c = await desk.login('clerk1')
    await c.get(`/releases/${r.id}`)
    const res = await c.post(`/releases/${r.id}/sent`)
    expect(res.status).toBe(ERROR_TABLE.CONFLICT.http)
    const html = await res.text()
    expect(html).toMatch(/build its package first/)
    expect(html).not.toMatch(/chartclerk release package/)

    const cli = await runCli(desk.ws, ['release', 'sent', String(r.id), '--by', 'clerk one'])
    expect(cli.code, cli.stderr).toBe(ERROR_TABLE.CONFLICT.exit)
    expect(cli.stderr).toMatch(new RegExp(`build its package first\\. "chartclerk release package ${r.id}" builds it\\.`))
    expect((await new ReleaseRepo(desk.app.sql).require(r.id)).status).toBe('open')
  })

  it('bad usage stays exit 2, a missing record exit 1', async () => {
    expect((await runCli(desk.ws, ['release', 'package', 'twelve'])).code).toBe(ERROR_TABLE.USAGE.exit)
    const missing = await runCli(desk.ws, ['--json', 'release', 'package', '999'])
    expect(missing.code).toBe(ERROR_TABLE.NOT_FOUND.exit)
    expect(jsonError(missing.stdout)).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no release request ROI-000999. "chartclerk release list --all" shows them.',
    })
  })
})
