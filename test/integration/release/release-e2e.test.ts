/**
 * Release of information end to end: made-up records and authorizations through the real
 * pipeline (text-layer PDFs), real SQLite, filesystem object store. Requests are refused
 * for each kind of invalid authorization and allowed for a valid one and for treatment;
 * specially protected records stay out unless named; the package is parsed back; sent
 * releases are logged and only accountable ones are in the accounting.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { PART2_NOTICE } from '../../../src/release/package.js'
import { addDays } from '../../../src/clock/calendar.js'
import { ReleaseRepo, type NewReleaseRequest } from '../../../src/release/repo.js'
import { checkReleaseRequest, createRelease, markReleaseSent, packageRelease, revokeAuthorization } from '../../../src/release/service.js'
import { settleDocument } from '../../../src/review/settle.js'
import {
  makeRecordSpec,
  PATIENTS,
  patientsCsv,
  renderRecordPdf,
  Rng,
  type MakeSpecOptions,
  type RecordSpec,
  type Section,
} from '../../../samples/lib/records.js'
import { makeWorkspace, ROOT, type Workspace } from '../../helpers/workspace.js'

const MRN = 'CC-101388'
const P = PATIENTS.find((p) => p.mrn === MRN)! as MakeSpecOptions['patient']
const TODAY = new Date().toISOString().slice(0, 10)

let ws: Workspace
let app: App
let dir: string
const ids = new Map<string, number>()

const REVOKE =
  'I understand that I may revoke this authorization in writing at any time, except to the extent that action has already been taken on it.'
const CONDITION = 'Treatment, payment, enrollment or eligibility for benefits will not be conditioned on whether I sign this authorization.'
const REDISCLOSE =
  'Information disclosed under this authorization may be redisclosed by the recipient and no longer be protected by federal privacy rules.'

interface AuthOpts {
  to?: string
  what?: string
  expires?: string
  drop?: ('from' | 'to' | 'purpose' | 'expires' | 'what' | 'revoke' | 'condition' | 'redisclose')[]
  overrides?: Partial<RecordSpec>
}

function authorizationSections(o: AuthOpts): Section[] {
  const drop = new Set(o.drop ?? [])
  const fields: [string, string][] = []
  if (!drop.has('from')) fields.push(['Disclose from', 'Riverside Community Health Center, 40 Elm Street, Millbrook, OH 43950'])
  if (!drop.has('to')) fields.push(['Release to', o.to ?? 'Harlan & Pike LLP, 200 Court Street, Millbrook, OH 43950'])
  if (!drop.has('purpose')) fields.push(['Purpose', 'Personal injury claim'])
  if (!drop.has('expires')) fields.push(['Expires', o.expires ?? '12/31/2030'])
  if (!drop.has('what')) fields.push(['Information to be Released', o.what ?? 'All medical records'])
  const statements = [drop.has('revoke') ? '' : REVOKE, drop.has('condition') ? '' : CONDITION, drop.has('redisclose') ? '' : REDISCLOSE]
    .filter(Boolean)
    .join(' ')
  return [{ fields }, ...(statements ? [{ paragraphs: [statements] }] : [])]
}

async function ingest(name: string, o: MakeSpecOptions): Promise<void> {
  const pdf = await renderRecordPdf(makeRecordSpec(new Rng(name), { patient: P, withOurMrn: true, ...o }))
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(file, pdf)
  const [r] = await app.runner.ingestFiles([file])
  if (r!.status !== 'filed' || (await app.catalog.documents.get(r!.documentId!))!.docType !== o.docType)
    await settleDocument(app, r!.documentId!, { mrn: MRN, docType: o.docType!, by: 'test clerk' })
  ids.set(name, r!.documentId!)
}

const auth = (name: string, o: AuthOpts, date = '2026-09-01') =>
  ingest(name, { docType: 'roi_authorization', date, overrides: { sections: authorizationSections(o), ...o.overrides } })

const id = (name: string) => ids.get(name)!

async function request(o: Partial<NewReleaseRequest> = {}) {
  return createRelease(app, {
    patientMrn: MRN,
    requester: 'Harlan & Pike LLP',
    requesterType: 'attorney',
    recipientName: 'Harlan & Pike LLP',
    recipientAddress: '200 Court Street, Millbrook, OH 43950',
    purpose: 'Personal injury claim',
    requestDate: TODAY,
    createdBy: 'test clerk',
    ...o,
  })
}

beforeAll(async () => {
  const base = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  const rules = path.join(base.dir, 'rules')
  await cp(path.join(ROOT, 'rules'), rules, { recursive: true })
  await writeFile(
    path.join(rules, 'protected.json'),
    JSON.stringify({ categories: [{ id: 'hiv', label: 'HIV test results', keywords: ['HIV'] }] }),
  )
  ws = base
  ws.env.CHARTCLERK_RULES = rules
  app = await openApp(ws.config({ clinic: { name: 'Riverside Community Health Center', address: '40 Elm Street, Millbrook, OH 43950' } }), {
    log: silentLogger(),
  })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-roi-'))
  // The chart's records.
  await ingest('lab', { docType: 'lab_report', date: '2026-03-02' })
  await ingest('discharge', { docType: 'discharge_summary', date: '2026-04-10' })
  await ingest('hiv-note', {
    docType: 'progress_note',
    date: '2026-05-05',
    overrides: {
      sections: [
        { heading: 'Assessment', paragraphs: ['HIV-1/2 antigen/antibody screen was nonreactive. Counseled on prevention.'] },
        { heading: 'Plan', paragraphs: ['Return in three months.'] },
      ],
    },
  })
  await ingest('sud-consult', {
    docType: 'consult_note',
    date: '2026-06-15',
    overrides: {
      sections: [
        {
          heading: 'Assessment',
          paragraphs: ['Opioid use disorder in early remission, followed by our substance use disorder program (42 CFR Part 2).'],
        },
      ],
    },
  })
  // Authorizations.
  await auth('auth-valid', { what: 'All medical records, including HIV test results and substance use disorder records (42 CFR Part 2)' })
  await auth('auth-insurer', { to: 'Buckeye Mutual Insurance, PO Box 77, Columbus, OH 43215', what: 'All medical records' })
  await auth('auth-expired', { expires: '03/31/2026' }, '2025-04-01')
  await auth('auth-revoked', { to: 'Dana Whitlock, Esq., 9 Market Square, Millbrook, OH 43950' })
  for (const el of ['from', 'to', 'purpose', 'expires', 'what', 'revoke', 'condition', 'redisclose'] as const)
    await auth(`auth-no-${el}`, { drop: [el] })
  await auth('auth-unsigned', { overrides: { signed: false } as Partial<RecordSpec> })
}, 600_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

describe('validity of a release', () => {
  it('a valid authorization naming the recipient: allowed, with the authorization relied on', async () => {
    const { check, request: r } = await checkReleaseRequest(app, (await request({ authorizationId: id('auth-valid') })).id)
    expect(check.reasons).toEqual([])
    expect(check.allowed).toBe(true)
    expect(check.authorizationId).toBe(id('auth-valid'))
    expect(check.accountable).toBe(false)
    expect(r.status).toBe('open')
  })

  it('with no authorization named, a valid one filed to the chart is found', async () => {
    const { check } = await checkReleaseRequest(app, (await request()).id)
    expect(check.allowed).toBe(true)
    expect(check.authorizationId).toBe(id('auth-valid'))
  })

  it('an expired authorization: refused', async () => {
    const { check, request: r } = await checkReleaseRequest(app, (await request({ authorizationId: id('auth-expired') })).id)
    expect(check.allowed).toBe(false)
    expect(check.reasons.join(' ')).toMatch(/expired on 2026-03-31/)
    expect(r.status).toBe('refused')
  })

  it('a revoked authorization: refused (allowed before the revocation)', async () => {
    const dana = { requester: 'Dana Whitlock, Esq.', recipientName: 'Dana Whitlock', authorizationId: id('auth-revoked') }
    expect((await checkReleaseRequest(app, (await request(dana)).id)).check.allowed).toBe(true)
    await revokeAuthorization(app, id('auth-revoked'), { on: addDays(TODAY, -1), by: 'test clerk', note: 'patient letter' })
    const { check } = await checkReleaseRequest(app, (await request(dana)).id)
    expect(check.allowed).toBe(false)
    expect(check.reasons.join(' ')).toMatch(/revoked on/)
  })

  it('the wrong recipient: refused, naming whom the authorization names', async () => {
    const { check } = await checkReleaseRequest(
      app,
      (await request({ recipientName: 'Acme Claims Services', authorizationId: id('auth-valid') })).id,
    )
    expect(check.allowed).toBe(false)
    expect(check.reasons.join(' ')).toMatch(/does not name Acme Claims Services/)
  })

  const cases: [string, string][] = [
    ['auth-no-from', 'disclosingParty'],
    ['auth-no-to', 'recipient'],
    ['auth-no-purpose', 'purpose'],
    ['auth-no-expires', 'expiration'],
    ['auth-no-what', 'informationDescription'],
    ['auth-no-revoke', 'rightToRevokeStatement'],
    ['auth-no-condition', 'conditioningStatement'],
    ['auth-no-redisclose', 'redisclosureStatement'],
    ['auth-unsigned', 'signature'],
  ]
  it.each(cases)('%s: refused, the missing element %s named', async (name, element) => {
    const { check } = await checkReleaseRequest(app, (await request({ authorizationId: id(name) })).id)
    expect(check.allowed).toBe(false)
    expect(check.missingElements).toContain(element)
    expect(check.reasons.join(' ')).toMatch(/45 CFR 164\.508\(c\)/)
  })

  it('an attorney with no authorization at all on another chart: refused', async () => {
    const { check } = await checkReleaseRequest(app, (await request({ patientMrn: 'CC-102596' })).id)
    expect(check.allowed).toBe(false)
    expect(check.reasons.join(' ')).toMatch(/needs the patient's authorization/)
  })

  it('treatment: allowed without an authorization; psychotherapy, Part 2 and HIV records left out', async () => {
    const { check } = await checkReleaseRequest(
      app,
      (
        await request({
          requester: 'Dr. Ana Ruiz',
          requesterType: 'treatment',
          recipientName: 'Millbrook Cardiology',
          purpose: 'Continuity of care',
        })
      ).id,
    )
    expect(check.allowed).toBe(true)
    expect(check.authorizationId).toBeNull()
    expect(check.documents.map((d) => d.id).sort()).toEqual([id('lab'), id('discharge')].sort())
    expect(check.excluded.map((d) => [d.id, d.categories])).toEqual(
      expect.arrayContaining([
        [id('hiv-note'), ['hiv']],
        [id('sud-consult'), ['part2']],
      ]),
    )
    expect(check.part2).toBe(false)
  })

  it('special categories stay out unless the authorization names them', async () => {
    const insurer = (
      await checkReleaseRequest(
        app,
        (
          await request({
            requester: 'Buckeye Mutual',
            requesterType: 'insurer',
            recipientName: 'Buckeye Mutual Insurance',
            authorizationId: id('auth-insurer'),
          })
        ).id,
      )
    ).check
    expect(insurer.allowed).toBe(true)
    expect(insurer.documents.map((d) => d.id).sort()).toEqual([id('lab'), id('discharge')].sort())
    expect(insurer.excluded.map((d) => d.id).sort()).toEqual([id('hiv-note'), id('sud-consult')].sort())
    const named = (await checkReleaseRequest(app, (await request({ authorizationId: id('auth-valid') })).id)).check
    expect(named.documents.map((d) => d.id).sort()).toEqual([id('lab'), id('discharge'), id('hiv-note'), id('sud-consult')].sort())
    expect(named.part2).toBe(true)
  })
})

describe('the release package', () => {
  it('one PDF: cover letter, then every page of the released documents, each footed "page x of N"', async () => {
    const r = await request({ authorizationId: id('auth-valid') })
    const { pkg, check } = await packageRelease(app, r.id)
    const pdf = await app.store.get(`releases/${r.releaseNumber}.pdf`)
    expect(pkg.key).toBe(`releases/${r.releaseNumber}.pdf`)
    const docPages = check.documents.reduce((n, d) => n + d.pages, 0)
    expect(docPages).toBeGreaterThanOrEqual(4)
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    const parsed = await parser.getText()
    await parser.destroy()
    expect(parsed.total).toBe(pkg.coverPages + docPages)
    expect(pkg.pages).toBe(parsed.total)
    parsed.pages.forEach((p, i) => {
      const text = p.text.replace(/\s+/g, ' ')
      expect(text).toContain(`page ${i + 1} of ${parsed.total}`)
      expect(text).toContain(`Release ${r.releaseNumber}`)
      expect(text).toContain(`MRN ${MRN}`)
    })
    const cover = parsed.pages
      .slice(0, pkg.coverPages)
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ')
    expect(cover).toContain('Harlan & Pike LLP')
    expect(cover).toContain('Riverside Community Health Center')
    expect(cover).toContain(PART2_NOTICE.slice(0, 60))
    // The original pages follow the cover letter, in order.
    expect(parsed.pages[pkg.coverPages]!.text).toMatch(/PETROSYAN/i)
    expect((await new ReleaseRepo(app.sql).get(r.id))!.status).toBe('packaged')
  })

  it('a refused request gets no package', async () => {
    const r = await request({ authorizationId: id('auth-expired') })
    await expect(packageRelease(app, r.id)).rejects.toMatchObject({ action: expect.stringMatching(/refused: .*expired/) })
    expect(await app.store.stat(`releases/${r.releaseNumber}.pdf`)).toBeNull()
  })
})

describe('disclosure log and accounting', () => {
  it('every sent release is logged; only accountable ones are in the six-year accounting', async () => {
    const send = async (o: Partial<NewReleaseRequest>, on: string) => {
      const r = await request(o)
      await packageRelease(app, r.id)
      return await markReleaseSent(app, r.id, { on, by: 'test clerk' })
    }
    const attorney = await send({ authorizationId: id('auth-valid') }, '2026-10-01')
    const treatment = await send(
      { requester: 'Dr. Ana Ruiz', requesterType: 'treatment', recipientName: 'Millbrook Cardiology', purpose: 'Continuity of care' },
      '2026-10-02',
    )
    const patient = await send(
      {
        requester: 'Armen Petrosyan',
        requesterType: 'patient',
        recipientName: 'Armen Petrosyan',
        purpose: 'Personal use',
        identityVerified: true,
      },
      '2026-10-03',
    )
    const law = await send(
      {
        requester: 'Millbrook County Court',
        requesterType: 'required_by_law',
        recipientName: 'Clerk of Millbrook County Court',
        recipientAddress: '1 Courthouse Plaza, Millbrook, OH 43950',
        purpose: 'Court order, case 26-CV-118',
      },
      '2026-10-05',
    )
    const old = await send(
      { requester: 'Sheriff', requesterType: 'required_by_law', recipientName: 'Millbrook County Sheriff', purpose: 'Subpoena' },
      '2019-06-01',
    )
    expect(attorney.request.status).toBe('sent')
    expect([attorney, treatment, patient].map((s) => s.disclosure.accountable)).toEqual([false, false, false])
    expect(law.disclosure.accountable).toBe(true)

    const repo = new ReleaseRepo(app.sql)
    expect((await repo.disclosures(MRN)).map((d) => d.id)).toEqual(
      expect.arrayContaining([attorney, treatment, patient, law, old].map((s) => s.disclosure.id)),
    )
    const acct = await repo.accounting(MRN, TODAY)
    expect(acct).toHaveLength(1)
    expect(acct[0]).toMatchObject({
      disclosedOn: '2026-10-05',
      recipientName: 'Clerk of Millbrook County Court',
      recipientAddress: '1 Courthouse Plaza, Millbrook, OH 43950',
      purpose: 'Court order, case 26-CV-118',
    })
    expect(acct[0]!.description).toMatch(/Lab report \(2026-03-02\)/)
    expect(acct[0]!.description).not.toMatch(/Progress note/) // HIV note left out without an authorization naming it
  })

  it('a patient access request is due in 30 days; --due shows those within 5 days or past', async () => {
    const near = await request({
      requester: 'Armen Petrosyan',
      requesterType: 'patient',
      recipientName: 'Armen Petrosyan',
      purpose: 'Personal use',
      requestDate: addDays(TODAY, -27),
    })
    const far = await request({
      requester: 'Armen Petrosyan',
      requesterType: 'patient',
      recipientName: 'Armen Petrosyan',
      purpose: 'Personal use',
      requestDate: TODAY,
    })
    expect(near.dueDate).toBe(addDays(TODAY, 3))
    const due = (await new ReleaseRepo(app.sql).due(TODAY)).map((r) => r.id)
    expect(due).toContain(near.id)
    expect(due).not.toContain(far.id)
  })
})
