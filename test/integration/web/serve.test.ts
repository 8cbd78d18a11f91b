/**
 * `chartclerk serve` and `chartclerk start` as real processes: the very first start makes the
 * administrator and prints the one-time password once, on stderr; the desk listens on loopback;
 * signing in with that password leads to choosing a new one; `start --no-web` serves nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { makeWorkspace, ROOT, waitFor, type Workspace } from '../../helpers/workspace.js'

const RUN = path.join(ROOT, 'src/cli/run.ts')
/** tsx's loader by absolute URL: the process runs in the workspace, where no node_modules are. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
const children: ChildProcess[] = []
const workspaces: Workspace[] = []

function launch(ws: Workspace, args: string[]): { child: ChildProcess; stderr: () => string; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', TSX, RUN, ...args], {
    cwd: ws.dir,
    env: { ...process.env, ...ws.env, CHARTCLERK_WEB_PORT: '0', CHARTCLERK_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let err = ''
  let out = ''
  child.stderr!.on('data', (d) => (err += d))
  child.stdout!.on('data', (d) => (out += d))
  return { child, stderr: () => err, stdout: () => out }
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  child.kill('SIGINT')
  return exited
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) await stop(c)
  for (const w of workspaces.splice(0)) await w.cleanup()
})

function cookieOf(res: Response, name: string): string {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))!
    .split(';')[0]!
}

describe('chartclerk serve', () => {
  it('GIVEN no accounts WHEN it starts THEN it prints the admin one-time password once (stderr, not the log) and the desk works with it', async () => {
    const ws = makeWorkspace()
    workspaces.push(ws)
    const p = launch(ws, ['serve'])
    await waitFor(
      () => /chartclerk web desk: http:\/\/127\.0\.0\.1:\d+/.test(p.stderr()),
      60_000,
      () => p.stderr(),
    )
    const url = /chartclerk web desk: (http:\/\/127\.0\.0\.1:\d+)/.exec(p.stderr())![1]!
    const password = /one-time password: +([a-z0-9-]+)/.exec(p.stderr())?.[1]
    if (!password) throw new Error(`no one-time password in:\n${p.stderr()}`)
    expect(p.stderr().match(new RegExp(password, 'g'))).toHaveLength(1)
    // the pino log lines (JSON) never carry it
    for (const line of p
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{')))
      expect(line).not.toContain(password)

    const login = await fetch(`${url}/login`)
    const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!
    const res = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieOf(login, 'cc_login_csrf'), Origin: url },
      body: new URLSearchParams({ _csrf: token, username: 'admin', password, next: '/' }),
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/account/password')
    const page = await fetch(`${url}/account/password`, { headers: { Cookie: cookieOf(res, 'cc_session') } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Choose your own password to continue')
    expect(await stop(p.child)).toBe(0)

    // a second start makes no new admin and prints no password
    const again = launch(ws, ['serve'])
    await waitFor(
      () => /chartclerk web desk:/.test(again.stderr()),
      60_000,
      () => again.stderr(),
    )
    expect(again.stderr()).not.toContain('one-time password')
    await stop(again.child)
  })
})

describe('chartclerk start', () => {
  it('serves the desk beside the inbox watcher, and not with --no-web', async () => {
    const ws = makeWorkspace()
    workspaces.push(ws)
    const p = launch(ws, ['start'])
    await waitFor(
      () => /chartclerk web desk: http:\/\/127\.0\.0\.1:\d+/.test(p.stderr()) && /watching/.test(p.stderr()),
      60_000,
      () => p.stderr(),
    )
    const url = /chartclerk web desk: (http:\/\/127\.0\.0\.1:\d+)/.exec(p.stderr())![1]!
    const res = await fetch(`${url}/`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/login?next=%2F')
    expect(await stop(p.child)).toBe(0)

    const q = launch(ws, ['start', '--no-web'])
    await waitFor(
      () => /watching/.test(q.stderr()),
      60_000,
      () => q.stderr(),
    )
    expect(q.stderr()).not.toContain('web desk')
    await stop(q.child)
  })
})
