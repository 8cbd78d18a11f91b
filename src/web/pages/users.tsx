/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Accounts, for administrators: add (with a one-time password shown once), disable / enable,
 * reset a password (a new one-time password; the person's sessions end).
 *
 * GET  /admin/users
 * POST /admin/users                       add
 * POST /admin/users/:name/disable | /enable | /reset
 */
import type { Hono } from 'hono'
import { ROLES, isRole, type Role } from '../../auth/roles.js'
import { actionableError } from '../../errors.js'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { WebDeps } from '../deps.js'
import { audit, type AppEnv, type Ctx } from '../env.js'
import { when } from '../format.js'
import { Badge, Csrf } from '../layout.js'
import { need } from '../middleware/session.js'
import { field, page } from '../render.js'

const ROLE_HELP: Record<Role, string> = {
  clerk: 'review queue, charts, deficiencies (complete), quarantine',
  lead: 'what a clerk does, plus rules and deficiency decisions (verify, waive)',
  provider: 'their own patients’ charts and documents',
  auditor: 'read-only everywhere, plus the audit log',
  admin: 'accounts only',
}

export function registerUserRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const usersPage = async (
    c: Ctx,
    o: { error?: string; notice?: { username: string; password: string; what: string }; status?: ContentfulStatusCode } = {},
  ) => {
    const users = await deps.users.list()
    return page(
      c,
      { title: 'Users', active: 'users', wide: true, status: o.status },
      <>
        <h1>Users</h1>
        {o.error ? (
          <p class="flash flash-bad" role="alert">
            {o.error}
          </p>
        ) : null}
        {o.notice ? (
          <div class="flash otp" role="status">
            {o.notice.what} Give <strong>{o.notice.username}</strong> this one-time password in person; it is shown only now, and they
            choose their own at first sign-in:
            <div class="otp-value">
              <code>{o.notice.password}</code>
            </div>
          </div>
        ) : null}
        <table class="list">
          <thead>
            <tr>
              <th>User</th>
              <th>Roles</th>
              <th>Provider name</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th class="no-print"></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr class={u.disabled ? 'disabled' : undefined}>
                <td>
                  <strong>{u.username}</strong>
                  {u.displayName ? <div class="small muted">{u.displayName}</div> : null}
                </td>
                <td>{u.roles.join(', ')}</td>
                <td>{u.providerName ?? ''}</td>
                <td>
                  {u.disabled ? <Badge kind="bad">disabled</Badge> : <Badge kind="ok">active</Badge>}
                  {u.mustChangePassword && !u.disabled ? <div class="small muted">one-time password not yet changed</div> : null}
                </td>
                <td class="nowrap">{u.lastLoginAt ? when(u.lastLoginAt, deps.clock) : <span class="muted">never</span>}</td>
                <td class="no-print actions">
                  <form
                    method="post"
                    action={`/admin/users/${encodeURIComponent(u.username)}/${u.disabled ? 'enable' : 'disable'}`}
                    class="inline"
                  >
                    <Csrf token={c.get('csrf')} />
                    <button type="submit">{u.disabled ? 'Enable' : 'Disable'}</button>
                  </form>
                  {u.disabled ? null : (
                    <form method="post" action={`/admin/users/${encodeURIComponent(u.username)}/reset`} class="inline">
                      <Csrf token={c.get('csrf')} />
                      <button type="submit">Reset password</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section class="panel narrowish">
          <h2>Add an account</h2>
          <form method="post" action="/admin/users" class="stack">
            <Csrf token={c.get('csrf')} />
            <label>
              User name
              <input name="username" required maxlength={40} pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,39}" autocomplete="off" />
            </label>
            <label>
              Full name <span class="muted small">(optional)</span>
              <input name="displayName" maxlength={100} autocomplete="off" />
            </label>
            <fieldset>
              <legend>Roles</legend>
              {ROLES.map((r) => (
                <label class="check">
                  <input type="checkbox" name="roles" value={r} /> <strong>{r}</strong> <span class="muted small">{ROLE_HELP[r]}</span>
                </label>
              ))}
            </fieldset>
            <label>
              Provider name <span class="muted small">(providers only: as in the patient index, e.g. “Marcus Webb, DO”)</span>
              <input name="providerName" maxlength={100} autocomplete="off" />
            </label>
            <button type="submit" class="primary">
              Add account
            </button>
          </form>
        </section>
      </>,
    )
  }

  app.get('/admin/users', need('users.manage'), (c) => usersPage(c))

  app.post('/admin/users', need('users.manage'), async (c) => {
    const body = await c.req.parseBody({ all: true })
    const list = Array.isArray(body.roles) ? body.roles : body.roles ? [body.roles] : []
    const roles = list.filter((r): r is Role => typeof r === 'string' && isRole(r))
    const username = field(body, 'username')
    try {
      const { user, password } = await deps.users.add({
        username,
        roles,
        displayName: field(body, 'displayName') || null,
        providerName: field(body, 'providerName') || null,
      })
      await audit(c, { action: 'user.add', targetKind: 'user', targetId: user.username, detail: { roles: user.roles } })
      return usersPage(c, { notice: { username: user.username, password: password!, what: 'Account added.' } })
    } catch (err) {
      const known = actionableError(err)
      if (!known) throw err
      return usersPage(c, { error: known.error.action, status: known.http })
    }
  })

  app.post('/admin/users/:name{[A-Za-z0-9][A-Za-z0-9._-]{1,39}}/:op{disable|enable|reset}', need('users.manage'), async (c) => {
    const name = c.req.param('name')
    const op = c.req.param('op')
    try {
      if (op === 'reset') {
        const password = await deps.users.resetPassword(name)
        await audit(c, { action: 'user.password_reset', targetKind: 'user', targetId: name })
        return usersPage(c, { notice: { username: name, password, what: 'Password reset; their sessions have ended.' } })
      }
      await deps.users.setDisabled(name, op === 'disable')
      await audit(c, { action: op === 'disable' ? 'user.disable' : 'user.enable', targetKind: 'user', targetId: name })
      return c.redirect('/admin/users', 303)
    } catch (err) {
      const known = actionableError(err)
      if (!known) throw err
      return usersPage(c, { error: known.error.action, status: known.http })
    }
  })
}
