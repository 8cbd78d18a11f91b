/**
 * Sign-in behind a TLS proxy, over a real socket (the desk on 127.0.0.1, port 0): with the proxy
 * listed in web.trustProxy, the client's address comes from X-Forwarded-For, one client's
 * failures lock out neither other clients nor other accounts, an account is limited from any
 * address, and the audit log's "source" is the client. And the session cookie's flags
 * (web.secureCookies, on by default for an https web.publicUrl).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/config.js'
import { secureCookiesOf, startWebServer, type WebServer } from '../../../src/web/server.js'
import { trustedProxies, resolveClient } from '../../../src/web/proxy.js'
import { makeDesk, PASSWORD, type Desk } from './helpers.js'

let desk: Desk
let server: WebServer

beforeAll(async () => {
  desk = await makeDesk({ deps: () => ({ trustProxy: trustedProxies(['127.0.0.1', '::1']) }) })
  for (const u of ['clerk1', 'clerk2', 'clerk3']) await desk.addUser(u, ['clerk'])
  server = await startWebServer(desk.deps, { host: '127.0.0.1', port: 0 })
}, 120_000)

afterAll(async () => {
  await server?.close()
  await desk?.close()
})

/** Signs in over HTTP as a browser behind the proxy at `client` would. */
async function signIn(client: string, username: string, password: string): Promise<Response> {
  const form = await fetch(`${server.url}/login`, { headers: { 'X-Forwarded-For': client } })
  const html = await form.text()
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!
  const cookie = form.headers
    .getSetCookie()
    .map((l) => l.split(';')[0])
    .join('; ')
  return fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, 'X-Forwarded-For': client },
    body: new URLSearchParams({ _csrf: token, username, password, next: '/' }),
  })
}

describe('sign-in limits behind a trusted proxy', () => {
  it('one client failing on many accounts does not lock out another client', async () => {
    // 25 failures (beyond the 20 a client address may have) spread over accounts, from one client
    for (let i = 0; i < 25; i++) await signIn('203.0.113.7', `nobody${i % 5}`, 'wrong password here')
    expect((await signIn('203.0.113.7', 'clerk3', PASSWORD)).status).toBe(429)
    // every request reached the desk from 127.0.0.1: before the fix, that one address was locked for all
    const other = await signIn('198.51.100.20', 'clerk1', PASSWORD)
    expect(other.status).toBe(303)
    const rows = (await desk.deps.audit.search({ action: 'login' })).rows.filter((r) => r.action === 'login')
    expect(rows[0]).toMatchObject({ actor: 'clerk1', source: '198.51.100.20' })
    expect((await desk.deps.audit.search({ action: 'login.failed' })).rows[0]!.source).toBe('203.0.113.7')
  })

  it('an account is limited from any address, and other accounts are not', async () => {
    for (let i = 0; i < 5; i++) await signIn(`192.0.2.${i + 1}`, 'clerk2', 'wrong password here')
    expect((await signIn('192.0.2.99', 'clerk2', PASSWORD)).status).toBe(429)
    expect((await signIn('192.0.2.99', 'clerk1', PASSWORD)).status).toBe(303)
  })

  it('X-Forwarded-For from a peer that is not a listed proxy is ignored', () => {
    const proxies = trustedProxies(['10.0.0.1', '172.16.0.0/12'])
    expect(resolveClient('10.0.0.1', '203.0.113.9', proxies)).toEqual({ address: '203.0.113.9', real: true })
    expect(resolveClient('::ffff:10.0.0.1', '203.0.113.9, 172.16.4.4', proxies)).toEqual({ address: '203.0.113.9', real: true })
    expect(resolveClient('10.0.0.1', undefined, proxies)).toEqual({ address: '10.0.0.1', real: false })
    expect(resolveClient('198.51.100.1', '203.0.113.9', proxies)).toEqual({ address: '198.51.100.1', real: true })
    expect(() => trustedProxies(['10.0.0.0/40'])).toThrow(/web.trustProxy/)
    expect(() => trustedProxies(['proxy.local'])).toThrow(/web.trustProxy/)
  })
})

describe('session cookie flags', () => {
  const sessionCookie = (res: Response) => res.headers.getSetCookie().find((l) => l.startsWith('cc_session='))!

  it('plain http (the loopback default): HttpOnly, SameSite=Strict, not Secure', async () => {
    const res = await signIn('203.0.113.50', 'clerk1', PASSWORD)
    expect(res.status).toBe(303)
    const line = sessionCookie(res)
    expect(line).toMatch(/HttpOnly/)
    expect(line).toMatch(/SameSite=Strict/)
    expect(line).not.toMatch(/Secure/)
  })

  it('web.publicUrl https (or web.secureCookies) marks it Secure', async () => {
    const https = loadConfig({ cwd: desk.ws.dir, env: desk.ws.env, overrides: { web: { publicUrl: 'https://records.example.org' } } })
    expect(secureCookiesOf(https.web)).toBe(true)
    expect(secureCookiesOf({ publicUrl: 'https://records.example.org', secureCookies: false })).toBe(false)
    expect(secureCookiesOf({ publicUrl: 'http://desk.local' })).toBe(false)
    expect(secureCookiesOf(loadConfig({ cwd: desk.ws.dir, env: { ...desk.ws.env, CHARTCLERK_WEB_SECURE_COOKIES: 'true' } }).web)).toBe(true)
    const secure = await makeDesk({ deps: () => ({ secureCookies: secureCookiesOf(https.web) }) })
    try {
      await secure.addUser('clerk9', ['clerk'])
      const c = secure.client()
      const form = await c.get('/login')
      expect(form.headers.getSetCookie().find((l) => l.startsWith('cc_login_csrf='))).toMatch(/Secure/)
      const res = await c.post('/login', { username: 'clerk9', password: PASSWORD, next: '/' })
      expect(res.status).toBe(303)
      const line = sessionCookie(res)
      expect(line).toMatch(/Secure/)
      expect(line).toMatch(/HttpOnly/)
      expect(line).toMatch(/SameSite=Strict/)
    } finally {
      await secure.close()
    }
  })
})
