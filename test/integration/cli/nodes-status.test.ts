/**
 * One rule set across nodes: a real `chartclerk start` and a real `chartclerk serve` on the same
 * catalog, the serve with an edited copy of the rule files. `status` (text and --json) warns
 * that the running nodes disagree and names who has which rule set; once the serve stops cleanly
 * the remaining node agrees with itself and the warning is gone.
 */
import { spawn } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../../src/classify/paths.js'
import { openCatalog } from '../../../src/catalog/db.js'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { NodesRepo, type NodeRecord } from '../../../src/nodes/registry.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import { freePort } from '../../support/backgroundServer.js'
import { BIN, makeWorkspace, runCli, startCli, waitFor, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
beforeAll(() => {
  ws = makeWorkspace({ CHARTCLERK_LOG_LEVEL: 'info' })
})
afterAll(async () => {
  await ws?.cleanup()
})

/** The running nodes as the catalog has them (the same file the processes write). */
async function running(): Promise<NodeRecord[]> {
  const catalog = openCatalog(path.join(ws.data, 'catalog.sqlite'))
  try {
    return await new NodesRepo(sqliteSqlCatalog(catalog.db).db).seenWithin(120_000)
  } finally {
    catalog.close()
  }
}

describe('status and the nodes of one desk', () => {
  it('GIVEN start and serve with different rule files THEN status warns that the nodes disagree; after serve stops it does not', async () => {
    // The serve's rules: the shipped ones with one rule's title edited (so another rule set version).
    const edited = path.join(ws.dir, 'rules-edited')
    cpSync(path.join(packageRoot(), 'rules'), edited, { recursive: true })
    const d02 = path.join(edited, 'checks', 'D02-signed.json')
    writeFileSync(d02, readFileSync(d02, 'utf8').replace('"title": "Clinical documents are signed', '"title": "Clinical notes are signed'))
    const shipped = loadRuleSet(path.join(packageRoot(), 'rules', 'checks')).version
    const other = loadRuleSet(path.join(edited, 'checks')).version
    expect(other).not.toBe(shipped)

    const start = startCli(ws)
    const serve = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: ws.dir,
      env: { ...process.env, ...ws.env, CHARTCLERK_RULES: edited },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let serveErr = ''
    serve.stderr!.on('data', (d) => (serveErr += d))
    const serveExited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)))
    try {
      await waitFor(
        async () => (await running()).length === 2,
        90_000,
        () => `serve stderr:\n${serveErr.slice(-2000)}`,
      )
      const nodes = await running()
      expect(nodes.map((n) => [n.role, n.pid, n.rulesetVersion])).toEqual([
        ['serve', serve.pid, other],
        ['start', start.child.pid, shipped],
      ])

      const json = await runCli(ws, ['status', '--json'])
      expect(json.code, json.stderr).toBe(0)
      const s = JSON.parse(json.stdout)
      expect(s.nodes).toMatchObject({ agree: false, freshSeconds: 120 })
      expect(s.nodes.versions).toHaveLength(2)
      expect(Object.fromEntries(s.nodes.versions.map((v: { version: string; nodes: string[] }) => [v.version, v.nodes]))).toEqual({
        [shipped]: [expect.stringMatching(new RegExp(`:start:${start.child.pid}$`))],
        [other]: [expect.stringMatching(new RegExp(`:serve:${serve.pid}$`))],
      })

      const text = await runCli(ws, ['status'])
      expect(text.stdout).toMatch(/nodes {9}WARNING: the 2 running nodes disagree on the rule set in force/)
      expect(text.stdout).toContain(`${shipped} on start on `)
      expect(text.stdout).toContain(`${other} on serve on `)

      // A clean stop of the serve says so: the start alone agrees with itself.
      serve.kill('SIGTERM')
      expect(await serveExited).toBe(0)
      const after = await runCli(ws, ['status', '--json'])
      expect(JSON.parse(after.stdout).nodes).toMatchObject({ agree: true, versions: [{ version: shipped }] })
      expect((await runCli(ws, ['status'])).stdout).toMatch(
        new RegExp(`nodes {9}1 running, with ${shipped} \\(heard from in the last 120 s\\)`),
      )
    } finally {
      if (serve.exitCode === null) serve.kill('SIGKILL')
      expect(await start.stop()).toBe(0)
    }
    // The stopped start is no longer a running node either.
    expect(await running()).toEqual([])
  }, 240_000)

  it("GIVEN site watchers on other machines heard from THEN status lists each site and who receives for it, and says the inbox shown is this machine's", async () => {
    const catalog = openCatalog(path.join(ws.data, 'catalog.sqlite'))
    const nodes = new NodesRepo(sqliteSqlCatalog(catalog.db).db)
    const startedAt = new Date().toISOString()
    const watchers = [
      { id: 'scan-north:watcher:41', host: 'scan-north', role: 'watcher', pid: 41, site: 'north' },
      { id: 'scan-south:watcher:42', host: 'scan-south', role: 'watcher', pid: 42, site: 'south' },
    ]
    try {
      // What each site's watcher writes on its own machine (src/nodes/heartbeat.ts), here into the shared catalog.
      for (const w of watchers) await nodes.report({ ...w, rulesetVersion: null, startedAt })
      const text = await runCli(ws, ['status'])
      expect(text.stdout).toMatch(
        /inbox {9}.*file\(s\) waiting \(this machine's configured inbox; each site's watcher below watches its own\)/,
      )
      expect(text.stdout).toContain('receiving     north: watcher on scan-north (pid 41, site north)')
      expect(text.stdout).toContain('receiving     south: watcher on scan-south (pid 42, site south)')
      const json = JSON.parse((await runCli(ws, ['status', '--json'])).stdout)
      expect(json.receiving).toEqual([
        { site: 'north', nodes: ['scan-north:watcher:41'] },
        { site: 'south', nodes: ['scan-south:watcher:42'] },
      ])
    } finally {
      for (const w of watchers) await nodes.stopped(w.id)
      catalog.close()
    }
    // With the watchers gone, a desk of one machine shows its inbox plainly.
    const alone = await runCli(ws, ['status'])
    expect(alone.stdout).not.toContain('receiving')
    expect(alone.stdout).not.toContain("this machine's configured inbox")
  })

  it('GIVEN a PostgreSQL catalog that does not answer THEN status says the nodes are unknown and why (exit 1), and still reports the rest', async () => {
    const port = await freePort()
    const env = { CHARTCLERK_CATALOG_URL: `postgres://chartclerk@127.0.0.1:${port}/chartclerk`, CHARTCLERK_CATALOG_PASSWORD: 'not needed' }
    const json = await runCli(ws, ['status', '--json'], { env })
    expect(json.code, json.stderr).toBe(1)
    const s = JSON.parse(json.stdout)
    expect(s.nodes.problem).toMatch(/PostgreSQL catalog at chartclerk@127\.0\.0\.1:\d+\/chartclerk does not answer/)
    expect(s.ruleFiles).toHaveLength(5)
    expect(s.documents).toBeDefined()
    expect((await runCli(ws, ['status'], { env })).stdout).toMatch(/nodes {9}UNKNOWN: The PostgreSQL catalog at .* does not answer/)
  })

  it('GIVEN a PostgreSQL catalog that does not answer WHEN a worker or a whole start is started THEN each says so and exits (its reader processes do not keep it running)', async () => {
    const port = await freePort()
    const env = { CHARTCLERK_CATALOG_URL: `postgres://chartclerk@127.0.0.1:${port}/chartclerk`, CHARTCLERK_CATALOG_PASSWORD: 'not needed' }
    for (const args of [['worker'], ['start', '--no-web']]) {
      // Killed at 60 s: a process still running then is the fault this checks.
      const run = await runCli(ws, args, { env, timeoutMs: 60_000 })
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1)
      expect(run.stderr).toMatch(/PostgreSQL catalog at .* does not answer/)
    }
  }, 150_000)
})
