/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Signing in and out, and choosing one's own password (required after a one-time password).
 *
 * GET /login, POST /login                                (registerLoginRoutes: public)
 * POST /logout, GET /account/password, POST /account/password   (registerAccountRoutes)
 */
import type { Hono } from 'hono'
import { actionableError } from '../../errors.js'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { WebDeps } from '../deps.js'
import { audit, userOf, type AppEnv, type Ctx } from '../env.js'
import { Csrf, Layout } from '../layout.js'
import { issueLoginToken, loginTokenOk } from '../middleware/csrf.js'
import { clearSessionCookie, setSessionCookie } from '../middleware/session.js'
import { field, localPath, page } from '../render.js'

function loginPage(c: Ctx, deps: WebDeps, o: { error?: string; next: string; username?: string; status?: 200 | 401 | 403 | 429 }) {
  const token = issueLoginToken(c, !!deps.secureCookies)
  const bye = c.req.query('bye') === '1'
  return c.html(
    <Layout title="Sign in" user={null} csrf="">
      <section class="login">
        <h1>Sign in to the records desk</h1>
        {bye ? <p class="flash">You are signed out.</p> : null}
        {c.req.query('expired') === '1' ? <p class="flash">Your session ended. Sign in again.</p> : null}
        {o.error ? (
          <p class="flash flash-bad" role="alert">
            {o.error}
          </p>
        ) : null}
        <form method="post" action="/login" class="stack">
          <input type="hidden" name="_csrf" value={token} />
          <input type="hidden" name="next" value={o.next} />
          <label>
            User name
            <input name="username" autocomplete="username" required autofocus value={o.username ?? ''} maxlength={40} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required maxlength={200} />
          </label>
          <button type="submit" class="primary">
            Sign in
          </button>
        </form>
        <p class="muted small">Every view of a patient's record is recorded in the audit log.</p>
      </section>
    </Layout>,
    o.status ?? 200,
  )
}

export function registerLoginRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  app.get('/login', (c) => {
    if (c.get('user')) return c.redirect(localPath(c.req.query('next')), 302)
    return loginPage(c, deps, { next: localPath(c.req.query('next')) })
  })

  app.post('/login', async (c) => {
    if (!(await loginTokenOk(c)))
      return loginPage(c, deps, { next: '/', error: 'The sign-in form had expired. Please try again.', status: 403 })
    const body = await c.req.parseBody()
    const username = field(body, 'username').slice(0, 40)
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : ''
    const next = localPath(field(body, 'next'))
    const source = c.get('source')
    const client = c.get('client')
    const wait = await deps.limiter.retryAfterMs(client, username)
    if (wait > 0) {
      await audit(c, {
        actor: username || 'anonymous',
        action: 'login.refused',
        outcome: 'denied',
        detail: { reason: 'too many failed attempts' },
      })
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      return loginPage(c, deps, {
        next,
        username,
        status: 429,
        error: `Too many failed attempts. Wait ${Math.ceil(wait / 60_000)} minute(s) and try again, or ask the administrator.`,
      })
    }
    const user = username && password ? await deps.users.authenticate(username, password) : null
    if (!user) {
      await deps.limiter.fail(client, username)
      await audit(c, { actor: username || 'anonymous', action: 'login.failed', outcome: 'failed' })
      return loginPage(c, deps, {
        next,
        username,
        status: 401,
        error: 'The user name or password is not right (or the account is disabled).',
      })
    }
    await deps.limiter.succeed(username)
    // A fresh session at every sign-in (never one the browser already held).
    const held = c.get('session')
    if (held) await deps.sessions.end(held.id)
    const { token } = await deps.sessions.create(user.id, source)
    setSessionCookie(c, deps, token)
    await audit(c, { actor: user.username, action: 'login' })
    return c.redirect(user.mustChangePassword ? '/account/password' : next, 303)
  })
}

/** Routes for a signed-in user's own account (behind requireLogin). */
export function registerAccountRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  app.post('/logout', async (c) => {
    const s = c.get('session')
    if (s) {
      await deps.sessions.end(s.id)
      await audit(c, { action: 'logout' })
    }
    clearSessionCookie(c)
    return c.redirect('/login?bye=1', 303)
  })

  const passwordForm = (c: Ctx, error?: string, status: ContentfulStatusCode = 200) => {
    const u = userOf(c)
    return page(
      c,
      { title: 'Your password', active: 'account', status },
      <section class="narrow">
        <h1>Your password</h1>
        {u.mustChangePassword ? <p class="flash">You signed in with a one-time password. Choose your own password to continue.</p> : null}
        {error ? (
          <p class="flash flash-bad" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action="/account/password" class="stack">
          <Csrf token={c.get('csrf')} />
          <input type="text" name="username" value={u.username} autocomplete="username" hidden />
          <label>
            Current password
            <input name="current" type="password" autocomplete="current-password" required autofocus />
          </label>
          <label>
            New password <span class="muted small">(at least 12 characters; a short sentence works well)</span>
            <input name="next" type="password" autocomplete="new-password" required minlength={12} maxlength={200} />
          </label>
          <label>
            New password again
            <input name="repeat" type="password" autocomplete="new-password" required minlength={12} maxlength={200} />
          </label>
          <button type="submit" class="primary">
            Change password
          </button>
        </form>
      </section>,
    )
  }

  app.get('/account/password', (c) => passwordForm(c))

  app.post('/account/password', async (c) => {
    const u = userOf(c)
    const body = await c.req.parseBody()
    const current = typeof body.current === 'string' ? body.current : ''
    const next = typeof body.next === 'string' ? body.next : ''
    if (next !== (typeof body.repeat === 'string' ? body.repeat : ''))
      return passwordForm(c, 'The two new passwords are not the same.', 400)
    try {
      await deps.users.changePassword(u.id, current, next)
    } catch (err) {
      const known = actionableError(err)
      if (!known) throw err
      return passwordForm(c, known.error.action, known.http)
    }
    // A new password ends every other session; this one continues under a new token.
    await deps.sessions.endAllFor(u.id)
    const { token } = await deps.sessions.create(u.id, c.get('source'))
    setSessionCookie(c, deps, token)
    await audit(c, { action: 'password.change', targetKind: 'user', targetId: u.username })
    return c.redirect('/?msg=password', 303)
  })
}
