/**
 * CSRF protection for every request that changes something (POST, PUT, PATCH, DELETE): the
 * request must carry the session's CSRF token, either in the form field `_csrf` (every form
 * on the desk has it) or in the `X-CSRF-Token` header (htmx sends it from `hx-headers` on the
 * page body). What the browser says of the request's origin (Origin, Sec-Fetch-Site), when it
 * says it, must be this server. The sign-in form, which
 * has no session yet, uses a token in its own short-lived SameSite=Strict cookie instead.
 */
import { timingSafeEqual } from 'node:crypto'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { randomToken } from '../../auth/sessions.js'
import type { AppEnv, Ctx } from '../env.js'

export const LOGIN_CSRF_COOKIE = 'cc_login_csrf'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

async function submittedToken(c: Ctx): Promise<string | undefined> {
  const header = c.req.header('X-CSRF-Token')
  if (header) return header
  const type = c.req.header('Content-Type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody()
    const v = body._csrf
    return typeof v === 'string' ? v : undefined
  }
  return undefined
}

/** A browser tells where a request comes from; refuse anything another site started. */
function originOk(c: Ctx): boolean {
  const site = c.req.header('Sec-Fetch-Site')
  if (site && site !== 'same-origin' && site !== 'none') return false
  const origin = c.req.header('Origin')
  if (!origin) return true
  if (origin === 'null') return false
  try {
    return new URL(origin).host === new URL(c.req.url).host
  } catch {
    return false
  }
}

/** For routes behind a session. */
export const csrfProtect = createMiddleware<AppEnv>(async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next()
  const expected = c.get('session')?.csrfToken
  if (!originOk(c) || !sameToken(await submittedToken(c), expected))
    return c.text('This form has expired or did not come from this page. Reload the page and try again.', 403)
  return next()
})

/** The sign-in form's token: set on GET /login, checked on POST /login. */
export function issueLoginToken(c: Ctx, secure: boolean): string {
  const token = randomToken()
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/login', maxAge: 3600 })
  return token
}

export async function loginTokenOk(c: Ctx): Promise<boolean> {
  return originOk(c) && sameToken(await submittedToken(c), getCookie(c, LOGIN_CSRF_COOKIE))
}
