/**
 * Two `chartclerk serve` processes, each with its own data folder (as on two machines), share
 * one PostgreSQL catalog (catalog.url, the password from a file): a person signs in on one and
 * the other knows the session; a form's CSRF token from one is accepted by the other; signing out
 * on one ends the session on both. Only the first desk to start makes the first administrator.
 * Failed sign-ins are counted in the catalog: failures split across both desks add up, and after
 * the per-account limit either desk refuses the next attempt with a Retry-After.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, ROOT, waitFor, type Workspace } from '../../helpers/workspace.js'
import { AuditLog } from '../../../src/audit/log.js'
import { openPostgresCatalog } from '../../../src/catalog/sql/open.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'

const RUN = path.join(ROOT, 'src/cli/run.ts')
/** tsx's loader by absolute URL: the process runs in the workspace, where no node_modules are. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href

const server = await pgServer()

interface Served {
  child: ChildProcess
  url: string
  stderr: () => string
}

/** Every serve process started, stopped after the tests even when one never got ready. */
const children: ChildProcess[] = []

async function serve(ws: Workspace, env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', TSX, RUN, 'serve'], {
    cwd: ws.dir,
    env: { ...process.env, ...ws.env, ...env, CHARTCLERK_WEB_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  child.stdout!.resume()
  await waitFor(
    () => /chartclerk web desk: http:\/\/127\.0\.0\.1:\d+/.test(err) || child.exitCode !== null,
    90_000,
    () => err,
  )
  if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${err}`)
  return { child, url: /chartclerk web desk: (http:\/\/127\.0\.0\.1:\d+)/.exec(err)![1]!, stderr: () => err }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGINT')
  await exited
}

const cookieOf = (res: Response, name: string): string | undefined =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!
const form = (url: string, cookie: string, body: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: new URL(url).origin },
    body: new URLSearchParams(body),
  })

/** One chartclerk command, to its end. */
function cli(ws: Workspace, env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, RUN, ...args], {
      cwd: ws.dir,
      env: { ...process.env, ...ws.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe.skipIf(!server)('two desks on one PostgreSQL catalog', () => {
  let db: TestDatabase
  const workspaces: Workspace[] = []
  let a: Served
  let b: Served
  let env: Record<string, string>
  /** rchen's one-time password, from `chartclerk user add` (the second test). */
  let rchenPassword = ''

  beforeAll(async () => {
    db = await freshDatabase(server!)
    const [wa, wb] = [makeWorkspace(), makeWorkspace()]
    workspaces.push(wa, wb)
    const passwordFile = path.join(wa.dir, 'catalog-password')
    writeFileSync(passwordFile, `${db.password ?? ''}\n`, { mode: 0o600 })
    env = { CHARTCLERK_CATALOG_URL: db.url, CHARTCLERK_CATALOG_PASSWORD_FILE: passwordFile, CHARTCLERK_LOG_LEVEL: 'warn' }
    a = await serve(wa, env)
    b = await serve(wb, env)
  })

  afterAll(async () => {
    for (const c of children) await stop(c)
    for (const w of workspaces) await w.cleanup()
    await db?.drop()
  })

  it('a session started on one desk is valid on the other, and a CSRF token from one is accepted by the other', async () => {
    // Only the first desk made the administrator.
    const password = /one-time password: +([a-z0-9-]+)/.exec(a.stderr())?.[1]
    expect(password, a.stderr()).toBeTruthy()
    expect(b.stderr()).not.toContain('one-time password')

    // Sign in on A.
    const login = await fetch(`${a.url}/login`)
    const signedIn = await form(`${a.url}/login`, cookieOf(login, 'cc_login_csrf')!, {
      _csrf: csrfOf(await login.text()),
      username: 'admin',
      password: password!,
      next: '/',
    })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('Location')).toBe('/account/password')
    const first = cookieOf(signedIn, 'cc_session')!

    // B knows that session, and shows the same CSRF token.
    const onB = await fetch(`${b.url}/account/password`, { headers: { Cookie: first }, redirect: 'manual' })
    expect(onB.status).toBe(200)
    const tokenB = csrfOf(await onB.text())
    const tokenA = csrfOf(await (await fetch(`${a.url}/account/password`, { headers: { Cookie: first } })).text())
    expect(tokenB).toBe(tokenA)

    // A form posted to B with the token A gave: accepted (the new password is set, the session renewed).
    const changed = await form(`${b.url}/account/password`, first, {
      _csrf: tokenA,
      current: password!,
      next: 'seven violet lanterns',
      repeat: 'seven violet lanterns',
    })
    expect(changed.status).toBe(303)
    expect(changed.headers.get('Location')).toBe('/?msg=password')
    const renewed = cookieOf(changed, 'cc_session')!
    expect(renewed).not.toBe(first)
    // The old session ended everywhere; the renewed one works on A.
    expect((await fetch(`${a.url}/admin/users`, { headers: { Cookie: first }, redirect: 'manual' })).status).toBe(302)
    const usersOnA = await fetch(`${a.url}/admin/users`, { headers: { Cookie: renewed }, redirect: 'manual' })
    expect(usersOnA.status).toBe(200)
    const tokenFromA = csrfOf(await usersOnA.text())

    // A wrong token is refused on B; A's token adds an account on B, which A then lists.
    const forged = await form(`${b.url}/admin/users`, renewed, { _csrf: 'x'.repeat(43), username: 'mallory', roles: 'admin' })
    expect(forged.status).toBe(403)
    const added = await form(`${b.url}/admin/users`, renewed, { _csrf: tokenFromA, username: 'clerk1', roles: 'clerk' })
    expect(added.status).toBe(200)
    expect(await added.text()).toMatch(/Account added/)
    const listed = await (await fetch(`${a.url}/admin/users`, { headers: { Cookie: renewed } })).text()
    expect(listed).toContain('clerk1')
    expect(listed).not.toContain('mallory')

    // Signing out on A ends the session on B.
    const out = await form(`${a.url}/logout`, renewed, { _csrf: tokenFromA })
    expect(out.status).toBe(303)
    const after = await fetch(`${b.url}/admin/users`, { headers: { Cookie: renewed }, redirect: 'manual' })
    expect(after.status).toBe(302)
    expect(after.headers.get('Location')).toMatch(/^\/login/)
  })

  it('chartclerk user, run beside either desk, adds the account to the shared catalog; the other desk signs it in', async () => {
    const added = await cli(workspaces[1]!, env, ['user', 'add', 'rchen', '--role', 'lead', '--json'])
    expect(added.code, added.stderr).toBe(0)
    const otp = (JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { oneTimePassword: string }).oneTimePassword
    rchenPassword = otp
    const login = await fetch(`${a.url}/login`)
    const signedIn = await form(`${a.url}/login`, cookieOf(login, 'cc_login_csrf')!, {
      _csrf: csrfOf(await login.text()),
      username: 'rchen',
      password: otp,
      next: '/',
    })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('Location')).toBe('/account/password')
    const listed = await cli(workspaces[0]!, env, ['user', 'list', '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    const names = listed.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { username: string }).username)
    expect(names).toEqual(['admin', 'clerk1', 'rchen'])
  })
  it('failed sign-ins on one desk count on the other: after five split across both, either refuses the next with a Retry-After', async () => {
    const attempt = async (desk: Served, username: string, password: string) => {
      const login = await fetch(`${desk.url}/login`)
      return form(`${desk.url}/login`, cookieOf(login, 'cc_login_csrf')!, {
        _csrf: csrfOf(await login.text()),
        username,
        password,
        next: '/',
      })
    }
    expect(rchenPassword).toBeTruthy()
    // the default limit: five failures per account within fifteen minutes, three on A and two on B
    for (const desk of [a, b, a, b]) expect((await attempt(desk, 'rchen', 'not the password')).status).toBe(401)
    expect((await attempt(a, 'RChen ', 'still not it')).status).toBe(401)
    // now even the right password is refused, on either desk, with how long to wait
    for (const desk of [b, a]) {
      const refused = await attempt(desk, 'rchen', rchenPassword)
      expect(refused.status).toBe(429)
      const wait = Number(refused.headers.get('Retry-After'))
      expect(wait).toBeGreaterThan(0)
      expect(wait).toBeLessThanOrEqual(15 * 60)
      expect(await refused.text()).toMatch(/Too many failed attempts/)
    }
    // another account is not held up by rchen's count
    const clerk = await attempt(b, 'clerk1', 'not the password')
    expect(clerk.status).toBe(401)
  })

  it('both desks and the commands beside them write one audit chain in the PostgreSQL catalog', async () => {
    const sql = await openPostgresCatalog({ url: db.url, password: db.password })
    try {
      const audit = new AuditLog(sql)
      const { rows } = await audit.search({ limit: 500 })
      // what the desks saw (sign-ins, the password change, an account added on a desk, the sign-out) and the command's account change, in one log
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['login', 'logout', 'user.add', 'password.change', 'login.failed', 'login.refused']),
      )
      expect(rows.find((r) => r.action === 'user.add' && r.targetId === 'rchen')?.source).toMatch(/^cli@/)
      expect(rows.find((r) => r.action === 'user.add' && r.targetId === 'clerk1')?.actor).toBe('admin')
      expect(await audit.verify()).toMatchObject({ ok: true, rows: rows.length })
    } finally {
      await sql.close()
    }
    // `audit verify` run beside desk A reads the same chain (and records that it did, on it)
    const verified = await cli(workspaces[0]!, env, ['audit', 'verify', '--no-checkpoint', '--json'])
    expect(verified.code, verified.stderr).toBe(0)
    expect(JSON.parse(verified.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: true })
    const listed = await cli(workspaces[1]!, env, ['audit', 'list', '--action', 'audit.verify', '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout.trim().split('\n')).toHaveLength(1)
  })
})
