/**
 * The web desk over HTTP, in-process (`app.request()`): every route refuses anonymous requests,
 * roles are enforced, forms need the CSRF token, file and image routes refuse path traversal,
 * document and chart views are audited, and the security headers are on every response.
 */
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import type { Finding } from '../../../src/rules/types.js'
import type { WebDeps } from '../../../src/web/deps.js'
import { makeDesk, PASSWORD, seedDocument, type Client, type Desk } from './helpers.js'

let desk: Desk
let filedId: number
let reviewId: number
let otherId: number
let defId: number

const LAB =
  'TRI-COUNTY REFERENCE LABORATORY\nPatient: JOHNSON, MICHAEL  DOB: 01/12/1975  MRN: CC-100418\nPotassium 4.1 mmol/L (3.5-5.1)\nGlucose 131 mg/dL H'

beforeAll(async () => {
  desk = await makeDesk()
  for (const [u, roles] of [
    ['clerk1', ['clerk']],
    ['lead1', ['lead']],
    ['auditor1', ['auditor']],
    ['admin1', ['admin']],
  ] as const)
    await desk.addUser(u, [...roles])
  await desk.addUser('webb', ['provider'], { providerName: 'Marcus Webb, DO' })
  filedId = await seedDocument(desk.app, {
    status: 'filed',
    mrn: 'CC-100418',
    docType: 'lab_report',
    text: LAB,
    details: { extraction: { dateOfService: '2025-03-10', facility: 'Tri-County Reference Laboratory', author: 'Victor Mensah, MD' } },
  })
  otherId = await seedDocument(desk.app, {
    status: 'filed',
    mrn: 'CC-101902',
    docType: 'referral_letter',
    text: 'Harbor Urgent Care referral: elevated blood pressure, potassium normal',
  })
  reviewId = await seedDocument(desk.app, {
    status: 'needs_review',
    docType: 'consult_note',
    text: "Valley Children's Heart Center consultation GARCIA, SOFIA DOB 03/08/2012 potassium",
    details: {
      classification: { type: 'consult_note', confidence: 0.71, alternatives: [{ type: 'progress_note', confidence: 0.2 }] },
      match: {
        decision: 'needs_review',
        mrn: null,
        candidates: [
          {
            mrn: 'CC-102210',
            name: 'Garcia, Sofia',
            birthDate: '2012-03-08',
            deceased: false,
            score: 0.8,
            agreeing: ['name', 'birthDate'],
            disagreeing: [],
            reasons: ['name matches', 'birth date matches', 'a twin shares the family name and birth date'],
          },
          {
            mrn: 'CC-102211',
            name: 'Garcia, Isabella',
            birthDate: '2012-03-08',
            deceased: false,
            score: 0.5,
            agreeing: ['birthDate'],
            disagreeing: ['name'],
            reasons: ['birth date matches', 'given name differs'],
          },
        ],
      },
    },
  })
  const finding: Finding = {
    ruleId: 'D05-lab-reference-range',
    ruleVersion: 1,
    kind: 'missing_field',
    severity: 'error',
    documentId: String(filedId),
    subject: String(filedId),
    message: 'The lab report has no reference interval for glucose.',
    rulesetVersion: 'rs-test',
  }
  await new DeficienciesRepo(desk.app.sql).recordCheck('CC-100418', [finding], { version: 'rs-test', rules: [] })
  defId = (await new DeficienciesRepo(desk.app.sql).list({ chartMrn: 'CC-100418' }))[0]!.id
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

/** Every route of the desk with sample parameters filled in. */
function allRoutes(): { method: string; path: string }[] {
  const fill = (p: string) =>
    p
      .replace(/:id\{[^}]*\}\}?|:id\b/g, String(filedId))
      .replace(/:n\{[^}]*\}\}?/g, '1')
      .replace(/:mrn\{[^}]*\}\}?/g, 'CC-100418')
      .replace(/:name\{[^}]*\}\}?/g, 'clerk1')
      .replace(/:op\{[^}]*\}/g, 'disable')
  const seen = new Set<string>()
  const out: { method: string; path: string }[] = []
  for (const r of desk.web.routes) {
    if (r.method === 'ALL' || r.path === '/*' || r.path.startsWith('/static/') || r.path === '/favicon.ico' || r.path === '/login') continue
    const key = `${r.method} ${fill(r.path)}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ method: r.method, path: fill(r.path) })
  }
  return out
}

describe('anonymous requests', () => {
  it('every page redirects to the sign-in page, everything else gets 401', async () => {
    const routes = allRoutes()
    expect(routes.length).toBeGreaterThan(20)
    const anon = desk.client()
    for (const r of routes) {
      const res = r.method === 'GET' ? await anon.get(r.path) : await anon.post(r.path, {}, { csrf: false })
      const isFile = /\/pages\/|\/original$|\.csv$|\.pdf$/.test(r.path)
      if (r.method === 'GET' && !isFile) {
        expect(res.status, `${r.method} ${r.path}`).toBe(302)
        expect(res.headers.get('Location'), r.path).toMatch(/^\/login\?next=/)
      } else expect(res.status, `${r.method} ${r.path}`).toBe(401)
    }
  })

  it('an htmx fragment request gets 401 with HX-Redirect to the sign-in page', async () => {
    const res = await desk.client().get('/dashboard/pipeline', { 'HX-Request': 'true' })
    expect(res.status).toBe(401)
    expect(res.headers.get('HX-Redirect')).toBe('/login')
  })

  it('an unknown page also sends an anonymous visitor to sign in', async () => {
    const res = await desk.client().get('/no-such-page')
    expect(res.status).toBe(302)
  })

  it('static files and the sign-in page are public', async () => {
    const c = desk.client()
    expect((await c.get('/login')).status).toBe(200)
    const htmx = await c.get('/static/htmx.min.js')
    expect(htmx.status).toBe(200)
    expect(htmx.headers.get('Content-Type')).toMatch(/javascript/)
    expect(await htmx.text()).toContain('htmx')
    expect((await c.get('/static/app.css')).status).toBe(200)
  })
})

describe('roles', () => {
  it('GIVEN a clerk WHEN they open admin, rule or audit pages THEN 403', async () => {
    const c = await desk.login('clerk1')
    for (const p of ['/rules', '/admin/users', '/audit']) expect((await c.get(p)).status, p).toBe(403)
    expect((await c.post('/admin/users', { username: 'mallory', roles: 'admin' })).status).toBe(403)
    expect((await c.post('/admin/users/lead1/disable')).status).toBe(403)
    expect(await desk.deps.users.byName('mallory')).toBeNull()
    expect((await desk.deps.users.byName('lead1'))!.disabled).toBe(false)
  })

  it('a clerk works the desk: dashboard, review, charts, documents, deficiencies, search, quarantine', async () => {
    const c = await desk.login('clerk1')
    for (const p of [
      '/',
      '/review',
      `/review/${reviewId}`,
      '/charts',
      '/charts/CC-100418',
      `/documents/${filedId}`,
      '/deficiencies',
      '/search?q=potassium',
      '/quarantine',
    ])
      expect((await c.get(p)).status, p).toBe(200)
  })

  it('the records lead sees the rule set; an admin manages accounts but sees no records', async () => {
    const lead = await desk.login('lead1')
    const rules = await lead.get('/rules')
    expect(rules.status).toBe(200)
    expect(await rules.text()).toContain('Rule set in force')
    const admin = await desk.login('admin1')
    expect((await admin.get('/admin/users')).status).toBe(200)
    for (const p of ['/charts/CC-100418', `/documents/${filedId}`, '/review', '/deficiencies', '/search?q=x'])
      expect((await admin.get(p)).status, p).toBe(403)
  })

  it('an auditor reads the audit log but cannot change anything', async () => {
    const a = await desk.login('auditor1')
    expect((await a.get('/audit')).status).toBe(200)
    expect((await a.get(`/documents/${filedId}`)).status).toBe(200)
    expect((await a.post(`/review/${reviewId}/settle`, { mrn: 'CC-102210', docType: 'consult_note' })).status).toBe(403)
    expect((await a.post(`/deficiencies/${defId}/status`, { to: 'completed', reason: 'x' })).status).toBe(403)
    expect((await a.post('/quarantine/retry', { file: 'x.pdf' })).status).toBe(403)
  })

  it('a provider sees their own patients only', async () => {
    // CC-101902 (John Smith) has Marcus Webb, DO as primary provider in samples/patients.csv
    const csv = readFileSync(path.join(process.cwd(), 'samples/patients.csv'), 'utf8')
    expect(csv).toMatch(/CC-101902.*Webb/)
    const p = await desk.login('webb')
    expect((await p.get(`/documents/${otherId}`)).status).toBe(200)
    expect((await p.get('/charts/CC-101902')).status).toBe(200)
    expect((await p.get(`/documents/${filedId}`)).status).toBe(404)
    expect((await p.get(`/documents/${filedId}/pages/1`)).status).toBe(404)
    expect((await p.get(`/documents/${filedId}/original`)).status).toBe(404)
    expect((await p.get('/charts/CC-100418')).status).toBe(404)
    expect((await p.get('/review')).status).toBe(403)
    const search = await (await p.get('/search?q=potassium')).text()
    expect(search).toContain(`/documents/${otherId}`)
    expect(search).not.toContain(`/documents/${filedId}"`)
    const defs = await (await p.get('/deficiencies?status=all')).text()
    expect(defs).not.toContain('CC-100418')
  })
})

describe('CSRF', () => {
  it('GIVEN a signed-in clerk WHEN a form is posted without the token THEN 403 and nothing changes', async () => {
    const c = await desk.login('clerk1')
    await c.get(`/review/${reviewId}`)
    const res = await c.post(`/review/${reviewId}/settle`, { mrn: 'CC-102210', docType: 'consult_note' }, { csrf: false })
    expect(res.status).toBe(403)
    expect((await desk.app.catalog.documents.get(reviewId))!.status).toBe('needs_review')
    const wrong = await c.post(`/deficiencies/${defId}/status`, { to: 'completed' }, { csrf: 'not-the-token' })
    expect(wrong.status).toBe(403)
    expect((await new DeficienciesRepo(desk.app.sql).get(defId))!.status).toBe('open')
  })

  it("another user's token does not work either", async () => {
    const a = await desk.login('clerk1')
    const b = await desk.login('lead1')
    await a.get('/')
    await b.get('/')
    expect(a.csrf).not.toBe(b.csrf)
    expect((await a.post('/logout', {}, { csrf: b.csrf })).status).toBe(403)
  })

  it('a post from another site (Origin, Sec-Fetch-Site) is refused even with the token', async () => {
    const c = await desk.login('clerk1')
    await c.get('/')
    for (const headers of [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ] as Record<string, string>[]) {
      const res = await c.post(`/deficiencies/${defId}/status`, { to: 'completed' }, { headers })
      expect(res.status, JSON.stringify(headers)).toBe(403)
    }
    expect((await new DeficienciesRepo(desk.app.sql).get(defId))!.status).toBe('open')
  })

  it('htmx requests carry the token in X-CSRF-Token (set from hx-headers on the page)', async () => {
    const c = await desk.login('lead1')
    const page = await (await c.get('/deficiencies')).text()
    expect(page).toMatch(/hx-headers="\{&quot;X-CSRF-Token&quot;:&quot;[^&]+&quot;\}"/)
    const res = await c.post(
      `/deficiencies/${defId}/status`,
      { to: 'completed', reason: 'no token in the form' },
      { csrf: false, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } },
    )
    expect(res.status).toBe(200)
    expect(await res.text()).toMatch(/<tr id="def-\d+"/)
    const d = await new DeficienciesRepo(desk.app.sql).transition(defId, 'open', { by: 'test', reason: 'back to open for the next tests' })
    expect(d.status).toBe('open')
  })

  it('the sign-in form needs its own token', async () => {
    const c = desk.client()
    const res = await c.post('/login', { username: 'clerk1', password: PASSWORD }, { csrf: false })
    expect(res.status).toBe(403)
    expect(c.cookies.has('cc_session')).toBe(false)
  })
})

describe('path traversal', () => {
  const attempts = () => [
    '/documents/..%2F..%2F..%2Fetc%2Fpasswd',
    `/documents/${filedId}/pages/..%2F..%2F..%2Fcatalog.sqlite`,
    `/documents/${filedId}/pages/1%2F..%2F..%2Foriginals`,
    `/documents/${filedId}/pages/..%2Fpage-0001.png`,
    `/documents/${filedId}/pages/0`,
    `/documents/${filedId}/pages/99`,
    `/documents/${filedId}/pages/1.png%00`,
    `/documents/${filedId}/original/..%2F..%2Fpasswd`,
    '/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original',
    '/documents/-1/original',
    '/static/..%2F..%2F..%2Fpackage.json',
    '/static/..%2Fapp.tsx',
    '/static/%2e%2e/%2e%2e/package.json',
    '/charts/..%2F..%2Fetc%2Fpasswd',
    '/charts/CC-100418%2F..%2F..',
  ]

  it("file and page-image routes answer 4xx and never a file's content", async () => {
    const c = await desk.login('clerk1')
    for (const p of attempts()) {
      const res = await c.get(p)
      expect(res.status, p).toBeGreaterThanOrEqual(400)
      expect(res.status, p).toBeLessThan(500)
      const body = await res.text()
      expect(body, p).not.toMatch(/root:|"name": "chartclerk"|SQLite format|%PDF/)
    }
  })

  it('quarantine retry takes only a listed name, never a path', async () => {
    const c = await desk.login('clerk1')
    await c.get('/quarantine')
    const secret = path.join(desk.ws.data, 'catalog.sqlite')
    for (const file of ['../data/catalog.sqlite', `..${path.sep}data${path.sep}catalog.sqlite`, secret, '/etc/passwd', '..', '.']) {
      const res = await c.post('/quarantine/retry', { file })
      expect(res.status, file).toBe(404)
    }
    expect(existsSync(secret)).toBe(true)
    expect(await fs.readdir(desk.ws.inbox).catch(() => [])).toEqual([])
  })

  it('a page image is served for a real page', async () => {
    const c = await desk.login('clerk1')
    const res = await c.get(`/documents/${filedId}/pages/1`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/png')
  })
})

describe('audit', () => {
  const rows = async (action: string) => (await desk.deps.audit.search({ action, limit: 1000 })).rows

  it('every view of a document, its pages, its original, a review item and a chart writes an audit row', async () => {
    const c = await desk.login('clerk1')
    const cases: [string, string, string | null][] = [
      [`/documents/${filedId}`, 'document.view', 'CC-100418'],
      [`/documents/${filedId}/pages/1`, 'document.page', 'CC-100418'],
      [`/documents/${filedId}/original`, 'document.download', 'CC-100418'],
      [`/review/${reviewId}`, 'review.view', null],
      ['/charts/CC-100418', 'chart.view', 'CC-100418'],
      ['/deficiencies/export.csv', 'deficiency.export', null],
      ['/deficiencies/report', 'deficiency.report', null],
      ['/search?q=glucose', 'search', null],
    ]
    for (const [p, action, mrn] of cases) {
      const before = (await rows(action)).length
      const res = await c.get(p)
      expect(res.status, p).toBe(200)
      await res.arrayBuffer()
      const after = await rows(action)
      expect(after.length, p).toBe(before + 1)
      const row = after[0]!
      expect(row.actor).toBe('clerk1')
      expect(row.source).toBe('in-process')
      expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      if (mrn) expect(row.patientMrn).toBe(mrn)
    }
  })

  it('a refused page is audited as denied', async () => {
    const c = await desk.login('clerk1')
    await c.get('/rules')
    const r = (await rows('access.denied'))[0]!
    expect(r.actor).toBe('clerk1')
    expect(r.outcome).toBe('denied')
  })

  it('sign-ins, failed sign-ins and sign-outs are audited', async () => {
    const c = desk.client()
    await c.login('clerk1', 'wrong password here')
    expect((await rows('login.failed'))[0]!.actor).toBe('clerk1')
    await c.login('clerk1', PASSWORD)
    expect((await rows('login'))[0]!.actor).toBe('clerk1')
    await c.get('/')
    await c.post('/logout')
    expect((await rows('logout'))[0]!.actor).toBe('clerk1')
  })

  it('the chain verifies after all of the above', async () => {
    const r = await desk.deps.audit.verify()
    expect(r.ok).toBe(true)
    expect(r.rows).toBeGreaterThan(10)
  })
})

describe('review', () => {
  it('shows page images, text, the proposed type and the candidates with reasons', async () => {
    const c = await desk.login('clerk1')
    const html = await (await c.get(`/review/${reviewId}`)).text()
    expect(html).toContain(`/documents/${reviewId}/pages/1`)
    expect(html).toContain('Valley Children')
    expect(html).toContain('Garcia, Sofia')
    expect(html).toContain('a twin shares the family name and birth date')
    expect(html).toMatch(/<option value="consult_note" selected="">Consult note \(proposed, 71%\)/)
    expect(html).toContain('data-choice="1"')
  })

  it('settling without a patient is refused with the reason, the document stays in review', async () => {
    const c = await desk.login('clerk1')
    await c.get(`/review/${reviewId}`)
    const res = await c.post(`/review/${reviewId}/settle`, { docType: 'consult_note' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Choose the patient')
    expect((await desk.app.catalog.documents.get(reviewId))!.status).toBe('needs_review')
  })

  it('GIVEN a clerk settles patient and type THEN the document is filed in that chart, and the settlement is audited', async () => {
    const c = await desk.login('clerk1')
    await c.get(`/review/${reviewId}`)
    const res = await c.post(`/review/${reviewId}/settle`, {
      mrn: 'CC-102210',
      docType: 'consult_note',
      note: 'twin checked against DOB and sticker',
    })
    expect(res.status).toBe(303)
    const doc = (await desk.app.catalog.documents.get(reviewId))!
    expect(doc.status).toBe('filed')
    expect(doc.patientMrn).toBe('CC-102210')
    expect(doc.docType).toBe('consult_note')
    const row = (await desk.deps.audit.search({ action: 'review.settle' })).rows[0]!
    expect(row).toMatchObject({ actor: 'clerk1', patientMrn: 'CC-102210', targetId: String(reviewId) })
    expect((await desk.app.catalog.settlements.forDocument(reviewId))[0]!.settledBy).toBe('clerk1')
  })

  it('a document already filed cannot be settled again from the review page', async () => {
    const c = await desk.login('clerk1')
    await c.get(`/review/${reviewId}`)
    const res = await c.post(`/review/${reviewId}/settle`, { mrn: 'CC-102211', docType: 'progress_note' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('no longer waiting for review')
    expect(await desk.app.catalog.documents.get(reviewId)).toMatchObject({ patientMrn: 'CC-102210', docType: 'consult_note' })
  })

  it('the patient lookup finds patients by MRN and by name', async () => {
    const c = await desk.login('clerk1')
    expect(await (await c.get('/patients/lookup?q=CC-1004', { 'HX-Request': 'true' })).text()).toContain('Johnson, Michael')
    expect(await (await c.get('/patients/lookup?q=garcia', { 'HX-Request': 'true' })).text()).toContain('Garcia, Isabella')
    expect(await (await c.get('/patients/lookup?q=smith%2C%20john', { 'HX-Request': 'true' })).text()).toContain('CC-101902')
  })
})

describe('deficiencies', () => {
  it('a clerk may mark one completed but not waive it', async () => {
    const c = await desk.login('clerk1')
    await c.get('/deficiencies')
    expect((await c.post(`/deficiencies/${defId}/status`, { to: 'waived', reason: 'not needed' })).status).toBe(403)
    const ok = await c.post(`/deficiencies/${defId}/status`, { to: 'completed', reason: 'range faxed by the lab', back: '/deficiencies' })
    expect(ok.status).toBe(303)
    expect((await new DeficienciesRepo(desk.app.sql).get(defId))!.status).toBe('completed')
    expect((await desk.deps.audit.search({ action: 'deficiency.status' })).rows[0]!.detail).toMatchObject({
      from: 'open',
      to: 'completed',
      reason: 'range faxed by the lab',
    })
  })

  it('the lead reopens, and a waiver needs a reason', async () => {
    const c = await desk.login('lead1')
    await c.get('/deficiencies')
    expect((await c.post(`/deficiencies/${defId}/status`, { to: 'open', reason: 'range still missing' })).status).toBe(303)
    const noReason = await c.post(`/deficiencies/${defId}/status`, { to: 'waived' })
    expect(noReason.status).toBe(400)
    const why = await noReason.text()
    expect(why).toMatch(/Say why/)
    expect(why).not.toMatch(/--reason/)
    expect(
      (await c.post(`/deficiencies/${defId}/status`, { to: 'waived', reason: 'outside lab never reports a range for this test' })).status,
    ).toBe(303)
    const d = (await new DeficienciesRepo(desk.app.sql).get(defId))!
    expect(d).toMatchObject({ status: 'waived', decidedBy: 'lead1', statusReason: 'outside lab never reports a range for this test' })
    await new DeficienciesRepo(desk.app.sql).transition(defId, 'open', { by: 'test', reason: 'reset' })
  })

  it('filters narrow the list; the CSV has the same rows and cannot start a formula', async () => {
    const c = await desk.login('clerk1')
    const open = await (await c.get('/deficiencies?status=open&type=lab_report')).text()
    expect(open).toContain('no reference interval')
    const none = await (await c.get('/deficiencies?status=open&type=discharge_summary')).text()
    expect(none).toContain('No deficiencies match')
    const csv = await c.get('/deficiencies/export.csv?status=open&mrn=CC-100418')
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename="deficiencies-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toMatch(/^\uFEFF?id,mrn,patient_name,birth_date,document_id,document_type,date_of_service,facility/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('"Johnson, Michael"')
    expect(lines[1]).toContain('Tri-County Reference Laboratory')
  })
})

describe('sessions and passwords', () => {
  it('the first admin signs in with the one-time password and must choose a new one first', async () => {
    const local = await makeDesk()
    try {
      const first = await local.deps.users.ensureFirstAdmin()
      expect(first).toMatchObject({ username: 'admin' })
      expect(await local.deps.users.ensureFirstAdmin()).toBeNull()
      const c = local.client()
      const res = await c.login('admin', first!.password)
      expect(res.headers.get('Location')).toBe('/account/password')
      expect((await c.get('/admin/users')).headers.get('Location')).toBe('/account/password')
      await c.get('/account/password')
      const weak = await c.post('/account/password', { current: first!.password, next: 'short', repeat: 'short' })
      expect(weak.status).toBe(400)
      const ok = await c.post('/account/password', {
        current: first!.password,
        next: 'seven violet lanterns at dusk',
        repeat: 'seven violet lanterns at dusk',
      })
      expect(ok.status).toBe(303)
      expect((await c.get('/admin/users')).status).toBe(200)
      expect((await local.client().login('admin', first!.password)).status).toBe(401)
    } finally {
      await local.close()
    }
  })

  it('cookies are httpOnly and SameSite=Strict; sign-out ends the session', async () => {
    const c = desk.client()
    await c.get('/login')
    const res = await c.post('/login', { username: 'clerk1', password: PASSWORD, next: '/' })
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('cc_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Max-Age=\d+/)
    const token = c.cookies.get('cc_session')!
    // signing in again replaces the session the browser held
    await c.get('/login')
    await c.post('/login', { username: 'clerk1', password: PASSWORD, next: '/' })
    expect(c.cookies.get('cc_session')).not.toBe(token)
    expect((await desk.web.request('/', { headers: { Cookie: `cc_session=${token}` } })).status).toBe(302)
    await c.get('/')
    const current = c.cookies.get('cc_session')!
    await c.post('/logout')
    const again = await desk.web.request('/', { headers: { Cookie: `cc_session=${current}` } })
    expect(again.status).toBe(302)
    expect(again.headers.get('Location')).toMatch(/^\/login/)
  })

  it('a session ends after the idle time', async () => {
    let now = Date.now()
    const { SessionsRepo } = await import('../../../src/auth/sessions.js')
    const sessions = new SessionsRepo(desk.app.sql.db, { idleMinutes: 30, maxHours: 12 }, () => now)
    const user = (await desk.deps.users.byName('clerk1'))!
    const { token } = await sessions.create(user.id, 'test')
    expect(await sessions.lookup(token)).not.toBeNull()
    now += 31 * 60_000
    expect(await sessions.lookup(token)).toBeNull()
  })

  it('sign-in is rate limited: after 5 failures even the right password waits', async () => {
    const c = desk.client()
    await desk.addUser('target1', ['clerk'])
    for (let i = 0; i < 5; i++) expect((await c.login('target1', `wrong-${i}-password`)).status).toBe(401)
    const limited = await c.login('target1', PASSWORD)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(c.cookies.has('cc_session')).toBe(false)
  })

  it("a disabled account's session ends at once", async () => {
    await desk.addUser('leaver', ['clerk'])
    const c = await desk.login('leaver')
    expect((await c.get('/')).status).toBe(200)
    const admin = await desk.login('admin1')
    await admin.get('/admin/users')
    expect((await admin.post('/admin/users/leaver/disable')).status).toBe(303)
    expect((await c.get('/')).status).toBe(302)
  })

  it('an admin adds an account and sees its one-time password once', async () => {
    const admin = await desk.login('admin1')
    await admin.get('/admin/users')
    const res = await admin.post('/admin/users', { username: 'newclerk', roles: ['clerk'], displayName: 'New Clerk' })
    expect(res.status).toBe(200)
    const html = await res.text()
    const m = /<div class="otp-value"><code>([a-z0-9-]+)<\/code>/.exec(html)
    expect(m).not.toBeNull()
    const c = desk.client()
    expect((await c.login('newclerk', m![1]!)).headers.get('Location')).toBe('/account/password')
    expect(await (await admin.get('/admin/users')).text()).not.toContain(m![1]!)
  })
})

describe('headers and pages', () => {
  it('security headers on every response; PHI pages are not cached', async () => {
    const c = await desk.login('clerk1')
    for (const p of ['/', `/documents/${filedId}`, `/documents/${filedId}/pages/1`, '/login', '/static/app.css']) {
      const res = await c.get(p)
      const csp = res.headers.get('Content-Security-Policy') ?? ''
      expect(csp, p).toContain("script-src 'self'")
      expect(csp, p).toContain("frame-ancestors 'none'")
      expect(csp, p).not.toContain('unsafe-inline')
      expect(csp, p).not.toContain('unsafe-eval')
      expect(res.headers.get('X-Frame-Options'), p).toBe('DENY')
      expect(res.headers.get('X-Content-Type-Options'), p).toBe('nosniff')
      expect(res.headers.get('Referrer-Policy'), p).toBe('same-origin')
      if (!p.startsWith('/static/')) expect(res.headers.get('Cache-Control'), p).toBe('no-store')
    }
  })

  it('pages hold no inline scripts, no inline styles and no off-site resources', async () => {
    const c = await desk.login('lead1')
    for (const p of [
      '/',
      '/review',
      '/charts/CC-100418',
      `/documents/${filedId}`,
      '/deficiencies',
      '/deficiencies/report',
      '/rules',
      '/quarantine',
      '/search?q=potassium',
      '/login',
    ]) {
      const html = await (await (p === '/login' ? desk.client() : c).get(p)).text()
      expect(html, p).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
      expect(html, p).not.toMatch(/\sstyle=/)
      expect(html, p).not.toMatch(/\son[a-z]+=/)
      expect(html, p).not.toMatch(/(src|href)="(https?:)?\/\//)
      expect(html, p).toContain('/static/htmx.min.js')
      expect(html.startsWith('<!doctype html>'), `${p} starts in standards mode`).toBe(true)
    }
  })

  it('quarantine retry moves the file back into the inbox and removes its note', async () => {
    const q = desk.ws.quarantine
    await fs.mkdir(q, { recursive: true })
    await fs.writeFile(path.join(q, 'locked-scan.pdf'), '%PDF-1.4 locked')
    await fs.writeFile(
      path.join(q, 'locked-scan.pdf.error.json'),
      JSON.stringify({
        code: 'PDF_ENCRYPTED',
        stage: 'inspect',
        message: 'This PDF is password-protected. Ask the sender for an unlocked copy.',
        file: 'locked-scan.pdf',
        sourceFolder: '',
        sha256: null,
        documentId: null,
        jobId: 'j1',
        quarantinedAt: new Date().toISOString(),
      }),
    )
    const c = await desk.login('clerk1')
    const page = await (await c.get('/quarantine')).text()
    expect(page).toContain('PDF_ENCRYPTED')
    expect(page).toContain('Ask the sender for an unlocked copy')
    const res = await c.post('/quarantine/retry', { file: 'locked-scan.pdf' })
    expect(res.status).toBe(303)
    expect(existsSync(path.join(desk.ws.inbox, 'locked-scan.pdf'))).toBe(true)
    expect(existsSync(path.join(q, 'locked-scan.pdf'))).toBe(false)
    expect(existsSync(path.join(q, 'locked-scan.pdf.error.json'))).toBe(false)
    expect((await desk.deps.audit.search({ action: 'quarantine.retry' })).rows[0]!.targetId).toBe('locked-scan.pdf')
  })

  it('the dashboard shows the pipeline and the review backlog; its panel refreshes by htmx', async () => {
    const c = await desk.login('clerk1')
    const html = await (await c.get('/')).text()
    expect(html).toMatch(/files? waiting in the inbox/)
    expect(html).toContain('storage reachable')
    expect(html).toContain('Open deficiencies by age')
    const frag = await c.get('/dashboard/pipeline', { 'HX-Request': 'true' })
    expect(frag.status).toBe(200)
    expect(await frag.text()).toMatch(/^<section id="pipeline"/)
  })
})

export type { Client }

describe('the application log', () => {
  it('GIVEN pages viewed, a settlement, a failed request with patient data in the error THEN the log holds no patient data', async () => {
    const { pino } = await import('pino')
    let logged = ''
    const log = pino({ level: 'debug' }, { write: (s: string) => void (logged += s) })
    const local = await makeDesk({
      deps: (d) => ({
        log,
        // The viewer reads page images through the store that reaches the archive too.
        storeWithArchive: {
          backend: d.storeWithArchive.backend,
          get: async (key: string) => {
            if (key.includes('page-0001')) throw new Error('page image of JOHNSON, MICHAEL CC-100418 DOB 01/12/1975 unreadable')
            return d.storeWithArchive.get(key)
          },
          ...Object.fromEntries(
            (['getStream', 'stat', 'put', 'list', 'copy', 'delete', 'init', 'health', 'close'] as const).map((m) => [
              m,
              (d.storeWithArchive[m] as (...a: unknown[]) => unknown).bind(d.storeWithArchive),
            ]),
          ),
        } as WebDeps['storeWithArchive'],
      }),
    })
    try {
      await local.addUser('clerk1', ['clerk'])
      const id = await seedDocument(local.app, { status: 'filed', mrn: 'CC-100418', docType: 'lab_report', text: LAB })
      const c = await local.login('clerk1')
      for (const p of ['/', `/documents/${id}`, '/charts/CC-100418', '/search?q=JOHNSON', '/deficiencies', '/patients/lookup?q=johnson'])
        expect((await c.get(p)).status, p).toBeLessThan(500)
      expect((await c.get(`/documents/${id}/pages/1`)).status).toBe(500)
      await c.login('clerk1', 'JOHNSON-wrong-password')
      expect(logged).toContain('web: request failed')
      for (const phi of ['CC-100418', 'JOHNSON', 'Johnson', '1975', 'MICHAEL', 'potassium', 'Potassium'])
        expect(logged, phi).not.toContain(phi)
    } finally {
      await local.close()
    }
  })
})

describe('inactive charts', () => {
  it("GIVEN a chart moved to the archive THEN its document's pages and original still open, and the download is audited", async () => {
    const { inactivateChart, restoreChart } = await import('../../../src/inactive/inactive.js')
    const { originalKey } = await import('../../../src/storage/objectStore.js')
    const doc = (await desk.app.catalog.documents.get(filedId))!
    const before = Buffer.from(await desk.app.store.get(originalKey(doc.sha256)))
    await inactivateChart(desk.app, 'CC-100418', { reason: 'no_activity', lastActivity: null, by: 'test' })
    try {
      expect(await desk.app.store.stat(originalKey(doc.sha256))).toBeNull()
      const c = await desk.login('clerk1')
      const original = await c.get(`/documents/${filedId}/original`)
      expect(original.status).toBe(200)
      expect(Buffer.compare(Buffer.from(await original.arrayBuffer()), before)).toBe(0)
      const page = await c.get(`/documents/${filedId}/pages/1`)
      expect(page.status).toBe(200)
      expect(page.headers.get('Content-Type')).toBe('image/png')
    } finally {
      await restoreChart(desk.app, 'CC-100418', { by: 'test' })
    }
  })
})
