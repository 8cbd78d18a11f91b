/**
 * Serving the web desk: builds its dependencies from an opened chartclerk (`openApp`), makes
 * the first administrator on the very first start, and listens (loopback by default: web.host
 * 127.0.0.1, web.port 8480).
 *
 * @example
 *   const app = await openApp(config)
 *   const desk = await startDesk(app, { onFirstAdmin: (a) => process.stderr.write(`admin password: ${a.password}\n`) })
 *   // ... desk.url
 *   await desk.close()
 */
import { settleSplit } from '../split/settleSplit.js'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import type { App } from '../app.js'
import { CHECKPOINT_EVERY, writeCheckpoint } from '../audit/checkpoint.js'
import { AuditLog } from '../audit/log.js'
import { LoginLimiter } from '../auth/loginLimiter.js'
import { SessionsRepo } from '../auth/sessions.js'
import { UsersRepo } from '../auth/users.js'
import { NodesRepo } from '../nodes/registry.js'
import { ChartclerkError } from '../errors.js'
import type { Logger } from '../log.js'
import { rematchWaiting } from '../review/rematch.js'
import type { ObjectStore } from '../storage/objectStore.js'
import { settleDocument } from '../review/settle.js'
import { buildWebApp } from './app.js'
import { catalogPatientDirectory } from './catalogAdapters.js'
import type { PatientDirectory, ReviewActions, RuleStatusSource, WebDeps } from './deps.js'
import type { AppEnv } from './env.js'
import { trustedProxies } from './proxy.js'

export interface DeskOptions {
  rules?: RuleStatusSource | null
  patients?: PatientDirectory
  review?: ReviewActions
  secureCookies?: boolean
  host?: string
  port?: number
}

/**
 * The desk's dependencies over an opened chartclerk: the rule set in force (app.rules), the
 * patient index, and settling review items with the same `settleDocument` as `chartclerk review
 * resolve` (files the document, keeps the settlement, checks the chart again).
 */
export function createWebDeps(app: App, opts: DeskOptions = {}): WebDeps {
  const audit = new AuditLog(app.sql)
  audit.onAppend((id) => {
    if (id % CHECKPOINT_EVERY === 0) void checkpoint(app, audit)
  })
  return {
    config: app.config,
    clock: app.clock,
    catalog: app.catalog,
    sql: app.sql,
    store: app.store,
    storeWithArchive: app.storeWithArchive,
    log: app.log,
    rules: opts.rules === undefined ? app.rules : opts.rules,
    ruleFiles: app.ruleFiles,
    patients: opts.patients ?? catalogPatientDirectory(app.catalog),
    review: opts.review ?? {
      settle: (id, c) => settleDocument(app, id, { mrn: c.mrn, docType: c.docType, by: c.by, note: c.note ?? undefined }),
      rematch: () => rematchWaiting(app.ctx),
      split: (id, starts, by) => settleSplit(app.ctx, id, starts, by),
    },
    users: new UsersRepo(app.sql.db),
    sessions: new SessionsRepo(app.sql.db),
    nodes: new NodesRepo(app.sql.db),
    audit,
    limiter: new LoginLimiter(app.sql),
    secureCookies: opts.secureCookies ?? secureCookiesOf(app.config.web),
    trustProxy: trustedProxies(app.config.web.trustProxy ?? []),
  }
}

/** `web.secureCookies` when set, else on when the desk's public address is https. */
export function secureCookiesOf(web: { publicUrl?: string; secureCookies?: boolean }): boolean {
  if (web.secureCookies !== undefined) return web.secureCookies
  return /^https:\/\//i.test(web.publicUrl ?? '')
}

/** A checkpoint of the audit log's head in the object store; a failure is logged, never thrown (the desk goes on). */
async function checkpoint(app: { store: ObjectStore; log: Logger }, audit: AuditLog): Promise<void> {
  try {
    await writeCheckpoint(app.store, audit)
  } catch (err) {
    app.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'audit checkpoint not written (storage?); it is tried again later')
  }
}

/** Minutes between checkpoints of the audit log while the desk runs. */
const CHECKPOINT_MINUTES = 5

export interface WebServer {
  url: string
  app: Hono<AppEnv>
  close(): Promise<void>
}

/** Listens on host:port (port 0: any free port). */
export function startWebServer(deps: WebDeps, opts: { host?: string; port?: number } = {}): Promise<WebServer> {
  const app = buildWebApp(deps)
  const host = opts.host ?? deps.config.web.host
  const port = opts.port ?? deps.config.web.port
  return new Promise((resolve, reject) => {
    let server: ServerType
    const onError = (err: NodeJS.ErrnoException) =>
      reject(
        new ChartclerkError(
          'CONFIG_INVALID',
          err.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use (another chartclerk?). Stop it, or set web.port (CHARTCLERK_WEB_PORT) to a free port.`
            : `The web desk cannot listen on ${host}:${port} (${err.code ?? err.message}). Check web.host and web.port.`,
          { cause: err, detail: `listen ${err.code}` },
        ),
      )
    server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', onError)
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({
        url: `http://${shownHost}:${info.port}`,
        app,
        close: () =>
          new Promise<void>((res) => {
            const s = server as ServerType & { closeAllConnections?: () => void }
            s.close(() => res())
            s.closeAllConnections?.()
          }),
      })
    })
    server.once('error', onError)
  })
}

export interface Desk extends WebServer {
  deps: WebDeps
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/

/**
 * Everything `chartclerk start` / `serve` need beyond an opened app: the first administrator
 * (`onFirstAdmin` is called once, on the very first start, with the one-time password to print)
 * and the server. The rule set is the app's own watcher (`start` and `serve` start it).
 */
export async function startDesk(
  app: App,
  opts: DeskOptions & { onFirstAdmin?: (a: { username: string; password: string }) => void } = {},
): Promise<Desk> {
  const deps = createWebDeps(app, opts)
  const first = await deps.users.ensureFirstAdmin()
  if (first) opts.onFirstAdmin?.(first)
  const host = opts.host ?? app.config.web.host
  if (!LOOPBACK.test(host) && !deps.secureCookies)
    app.log.warn(
      { host },
      'the web desk listens beyond this machine: put it behind TLS and set web.publicUrl to its https address (or web.secureCookies)',
    )
  const server = await startWebServer(deps, { host, port: opts.port })
  app.log.info({ url: server.url }, 'web desk listening')
  await checkpoint(app, deps.audit)
  const timer = setInterval(() => void checkpoint(app, deps.audit), CHECKPOINT_MINUTES * 60_000)
  timer.unref()
  return {
    ...server,
    deps,
    close: async () => {
      clearInterval(timer)
      await server.close()
      await checkpoint(app, deps.audit)
    },
  }
}
