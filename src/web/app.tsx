/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The web desk as a Hono app, built from its dependencies. Server-rendered pages (Hono JSX)
 * with htmx for the small in-page updates; `app.request()` runs it in-process for tests.
 *
 * Order matters: security headers on everything; static files and the sign-in page are public;
 * everything after `requireLogin` needs a session, a current password and, for changes, the
 * session's CSRF token; each route then asks for its permission (`need(...)`).
 *
 * @example
 *   const app = buildWebApp(deps)
 *   const res = await app.request('/')          // 302 to /login without a session
 */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { actionableError, ChartclerkError, errorStatus } from '../errors.js'
import { patientData } from '../log.js'
import type { WebDeps } from './deps.js'
import type { AppEnv } from './env.js'
import { csrfProtect } from './middleware/csrf.js'
import { noStore, securityHeaders } from './middleware/security.js'
import { loadSession, requireCurrentPassword, requireLogin } from './middleware/session.js'
import { registerAuditRoutes } from './pages/audit.js'
import { registerChartRoutes } from './pages/chart.js'
import { registerDashboardRoutes } from './pages/dashboard.js'
import { registerDeficiencyRoutes } from './pages/deficiencies.js'
import { registerDocumentRoutes } from './pages/document.js'
import { registerAccountRoutes, registerLoginRoutes } from './pages/login.js'
import { registerQuarantineRoutes } from './pages/quarantine.js'
import { registerReleaseRoutes } from './pages/releases.js'
import { registerReviewRoutes } from './pages/review.js'
import { registerSplitRoutes } from './pages/split.js'
import { registerRoutingRoutes } from './pages/routing.js'
import { registerRuleRoutes } from './pages/rules.js'
import { registerSearchRoutes } from './pages/search.js'
import { registerUserRoutes } from './pages/users.js'
import { messagePage } from './render.js'
import { registerStaticRoutes } from './static.js'

function errorPage(title: string, text: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · chartclerk</title><link rel="stylesheet" href="/static/app.css"></head><body><main class="narrow"><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/">Back to the dashboard</a></p></main></body></html>`
}

export function buildWebApp(deps: WebDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('*', securityHeaders, noStore)
  registerStaticRoutes(app)
  app.use('*', loadSession(deps))
  registerLoginRoutes(app, deps)

  app.use('*', requireLogin, requireCurrentPassword, csrfProtect)
  registerAccountRoutes(app, deps)
  registerDashboardRoutes(app, deps)
  registerReviewRoutes(app, deps)
  registerSplitRoutes(app, deps)
  registerRoutingRoutes(app, deps)
  registerReleaseRoutes(app, deps)
  registerChartRoutes(app, deps)
  registerDocumentRoutes(app, deps)
  registerDeficiencyRoutes(app, deps)
  registerSearchRoutes(app, deps)
  registerQuarantineRoutes(app, deps)
  registerRuleRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerUserRoutes(app, deps)

  app.notFound((c) =>
    c.get('user') && c.get('csrf')
      ? messagePage(c, { title: 'Not found', status: 404, text: 'There is no such page on the records desk.' })
      : c.html(errorPage('Not found', 'There is no such page on the records desk.'), 404),
  )
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse()
    if (err instanceof ChartclerkError && err.code.startsWith('STORAGE_')) {
      deps.log.warn({ code: err.code, route: c.req.routePath }, 'web: storage problem')
      return c.html(errorPage('Storage is not reachable', err.action), errorStatus(err).http)
    }
    // A refusal, a conflict or a missing record no page caught: its message and mapped status.
    const known = actionableError(err)
    if (known) {
      deps.log.info({ code: known.error.code, route: c.req.routePath }, 'web: request not done')
      return c.get('user') && c.get('csrf')
        ? messagePage(c, { title: 'That could not be done', status: known.http, text: known.error.action })
        : c.html(errorPage('That could not be done', known.error.action), known.http)
    }
    // Never the message or the path: either may hold patient data.
    deps.log.error(
      {
        err: { name: (err as Error).name, code: (err as ChartclerkError).code, stack: patientData((err as Error).stack) },
        route: c.req.routePath,
        method: c.req.method,
      },
      'web: request failed',
    )
    return c.html(
      errorPage(
        'Something went wrong',
        'The request could not be completed. Try again; if it keeps happening, tell the administrator (the log has the details).',
      ),
      500,
    )
  })
  return app
}
