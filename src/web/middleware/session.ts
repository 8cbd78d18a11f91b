/**
 * Sessions and permissions.
 *
 * - `loadSession` reads the session cookie and puts the user (or null) on the context.
 * - `requireLogin` refuses anonymous requests: a page (a plain GET) is redirected to the
 *   sign-in page, anything else (images, downloads, exports, form posts, htmx fragments) gets 401.
 * - `requireCurrentPassword` sends a user who signed in with a one-time password to choose their own.
 * - `need(permission)` answers 403 to a signed-in user whose roles do not allow the page.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { messagePage } from '../render.js'
import { createMiddleware } from 'hono/factory'
import { can, type Permission } from '../../auth/roles.js'
import type { WebDeps } from '../deps.js'
import { resolveClient, trustedProxies, type ClientAddress } from '../proxy.js'
import { audit, isHtmx, type AppEnv, type Ctx } from '../env.js'

export const SESSION_COOKIE = 'cc_session'

/** The socket's peer address (none in-process: tests call `app.request()` without a socket). */
function peerAddress(c: Ctx): string | undefined {
  try {
    return getConnInfo(c).remote.address ?? undefined
  } catch {
    return undefined
  }
}

/** The client's address (through trusted proxies only, see web.trustProxy) and whether it is one client's own. */
export function clientOf(c: Ctx, deps: WebDeps): ClientAddress {
  const peer = peerAddress(c)
  if (peer === undefined) return { address: 'in-process', real: true }
  const forwarded = c.req.header('X-Forwarded-For')
  const proxies = deps.trustProxy ?? NO_PROXIES
  if (forwarded && !proxies.has(peer) && !warnedUnlisted) {
    // A proxy nobody listed: every client shares its address (sign-in limits, audit source).
    warnedUnlisted = true
    deps.log.warn(
      { peer },
      'X-Forwarded-For from a peer not in web.trustProxy was ignored: if this is your TLS proxy, list its address in web.trustProxy',
    )
  }
  return resolveClient(peer, forwarded, proxies)
}

let warnedUnlisted = false

const NO_PROXIES = trustedProxies([])

export function setSessionCookie(c: Ctx, deps: WebDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: !!deps.secureCookies,
    path: '/',
    maxAge: deps.sessions.policy.maxHours * 3600,
  })
}

export function clearSessionCookie(c: Ctx): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

export const loadSession = (deps: WebDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps)
    const client = clientOf(c, deps)
    c.set('client', client)
    c.set('source', client.address)
    const found = await deps.sessions.lookup(getCookie(c, SESSION_COOKIE))
    c.set('user', found?.user ?? null)
    c.set('session', found?.session ?? null)
    c.set('csrf', found?.session.csrfToken ?? '')
    if (!found && getCookie(c, SESSION_COOKIE)) clearSessionCookie(c)
    await next()
  })

/** A page a person navigates to (as opposed to an image, a download, a form post or a fragment). */
function isPageRequest(c: Ctx): boolean {
  if (c.req.method !== 'GET' || isHtmx(c)) return false
  return !/\.(png|csv|json|pdf)$|\/original$|\/pages\//.test(c.req.path)
}

export const requireLogin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('user')) return next()
  if (isPageRequest(c)) {
    const nextPath = c.req.path + (new URL(c.req.url).search || '')
    return c.redirect(`/login?next=${encodeURIComponent(nextPath)}`, 302)
  }
  if (isHtmx(c)) c.header('HX-Redirect', '/login')
  return c.text('Sign in first.', 401)
})

const PASSWORD_PATHS = new Set(['/account/password', '/logout'])

export const requireCurrentPassword = createMiddleware<AppEnv>(async (c, next) => {
  const u = c.get('user')
  if (!u?.mustChangePassword || PASSWORD_PATHS.has(c.req.path)) return next()
  if (isPageRequest(c)) return c.redirect('/account/password', 302)
  return c.text('Choose your own password first (Account → Password).', 403)
})

/** Only users whose roles allow `p`; others get 403 (and the refusal is audited). */
export const need = (p: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const u = c.get('user')
    if (u && can(u.roles, p)) return next()
    await audit(c, { action: 'access.denied', detail: { permission: p, method: c.req.method, path: c.req.path }, outcome: 'denied' })
    return c.get('deps') && c.req.method === 'GET' && !isHtmx(c)
      ? messagePage(c, {
          title: 'Not allowed',
          status: 403,
          text: `Your account's role does not include this page (${p}). Ask the records lead or the administrator if you need it.`,
        })
      : c.text(`Your account may not do this (${p}).`, 403)
  })
