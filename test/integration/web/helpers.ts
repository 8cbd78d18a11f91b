/**
 * A scratch records desk for web tests: a workspace, the real app (catalog, store, rules,
 * classifier), the sample patient index, accounts with a cheap scrypt cost, and an in-process
 * client over `app.request()` that keeps cookies and the page's CSRF token like a browser.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Hono } from 'hono'
import { openApp, type App } from '../../../src/app.js'
import type { Role } from '../../../src/auth/roles.js'
import { UsersRepo } from '../../../src/auth/users.js'
import type { DocumentStatus } from '../../../src/catalog/documents.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { derivedKey, originalKey } from '../../../src/storage/objectStore.js'
import { buildWebApp } from '../../../src/web/app.js'
import type { WebDeps } from '../../../src/web/deps.js'
import type { AppEnv } from '../../../src/web/env.js'
import { createWebDeps } from '../../../src/web/server.js'
import { makeWorkspace, SAMPLES, type Workspace } from '../../helpers/workspace.js'

/** Cheap enough for tests (~2 ms a hash), same code path as production. */
export const TEST_COST = { N: 1024, r: 8, p: 1 }
export const PASSWORD = 'correct horse battery staple'
export const MRN_PATTERN = '^CC-\\d{6}$'

export interface Desk {
  ws: Workspace
  app: App
  deps: WebDeps
  web: Hono<AppEnv>
  addUser(username: string, roles: Role[], extra?: { providerName?: string }): Promise<void>
  client(): Client
  login(username: string, password?: string): Promise<Client>
  close(): Promise<void>
}

export async function makeDesk(opts: { deps?: (d: WebDeps) => Partial<WebDeps> } = {}): Promise<Desk> {
  const ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN, CHARTCLERK_OCR_WORKERS: '1' })
  const app = await openApp(ws.config(), { log: silentLogger() })
  const index = importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: MRN_PATTERN })
  await app.catalog.patients.upsert(index.patients)
  const base = createWebDeps(app)
  const deps: WebDeps = { ...base, users: new UsersRepo(app.sql.db, TEST_COST) }
  Object.assign(deps, opts.deps?.(deps) ?? {})
  const web = buildWebApp(deps)
  const desk: Desk = {
    ws,
    app,
    deps,
    web,
    async addUser(username, roles, extra = {}) {
      await deps.users.add({ username, roles, password: PASSWORD, mustChangePassword: false, providerName: extra.providerName })
    },
    client: () => new Client(web),
    async login(username, password = PASSWORD) {
      const c = new Client(web)
      const res = await c.login(username, password)
      if (res.status !== 303) throw new Error(`login of ${username} failed: ${res.status}`)
      return c
    },
    async close() {
      await app.close()
      await ws.cleanup()
    },
  }
  return desk
}

/** A browser-like client: cookies, the CSRF token of the last page, forms posted as urlencoded. */
export class Client {
  readonly cookies = new Map<string, string>()
  csrf = ''

  constructor(private readonly web: Hono<AppEnv>) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1).trim()
      if (!value || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}
  }

  async get(p: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.web.request(p, { headers: { ...this.cookieHeader(), ...headers } })
    this.remember(res)
    if ((res.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      const text = await res.clone().text()
      const m = /name="_csrf" value="([^"]+)"/.exec(text)
      if (m) this.csrf = m[1]!
    }
    return res
  }

  /** Posts a form; `_csrf` is added from the last page unless `csrf: false` or a token is given. */
  async post(
    p: string,
    form: Record<string, string | string[]> = {},
    o: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
    if (o.csrf !== false) body.set('_csrf', typeof o.csrf === 'string' ? o.csrf : this.csrf)
    const res = await this.web.request(p, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...o.headers },
    })
    this.remember(res)
    return res
  }

  async login(username: string, password: string): Promise<Response> {
    await this.get('/login')
    return this.post('/login', { username, password, next: '/' })
  }
}

let seq = 0

/** A document in the catalog without running the pipeline: original and page image in the store, page text, status. */
export async function seedDocument(
  app: App,
  o: {
    status: DocumentStatus
    mrn?: string | null
    docType?: string | null
    text: string
    name?: string
    details?: Record<string, unknown>
    reviewReasons?: string[]
    pages?: number
  },
): Promise<number> {
  const original = Buffer.from(`%PDF-1.4 made-up test document ${++seq} ${o.text}`)
  const sha256 = createHash('sha256').update(original).digest('hex')
  const id = await app.catalog.documents.create({
    sha256,
    size: original.length,
    contentType: 'application/pdf',
    originalName: o.name ?? `outside-record-${seq}.pdf`,
    sourceFolder: '',
    receivedAt: new Date().toISOString(),
  })
  await app.store.put(originalKey(sha256), { buffer: original }, { contentType: 'application/pdf' })
  const n = o.pages ?? 1
  const png = await sharp({ create: { width: 85, height: 110, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer()
  const pages = []
  for (let p = 1; p <= n; p++) {
    await app.store.put(derivedKey(id, `page-${String(p).padStart(4, '0')}.png`), { buffer: png }, { contentType: 'image/png' })
    pages.push({
      page: p,
      text: p === 1 ? o.text : `page ${p}`,
      source: 'text-layer' as const,
      ocrConfidence: null,
      deskewAngle: null,
      width: 85,
      height: 110,
      words: [],
    })
  }
  await app.catalog.documents.savePages(id, pages)
  await app.catalog.documents.update(id, {
    status: o.status,
    patientMrn: o.mrn ?? null,
    docType: o.docType ?? null,
    pageCount: n,
    textSource: 'text-layer',
    textLength: o.text.length,
    details: o.details ?? {},
    reviewReasons: o.reviewReasons ?? (o.status === 'needs_review' ? ['Two identifiers do not agree on one patient.'] : []),
  })
  return id
}
