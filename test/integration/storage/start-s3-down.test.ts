/**
 * `chartclerk start` while S3 does not answer at all (issue 12, finding 4): it starts,
 * serves the desk, `status` shows storage as unreachable, files wait in the inbox (none
 * quarantined), and when S3 answers they are filed without a restart. The outage is a
 * TCP relay in front of the real test S3 that is not listening yet ("connection refused").
 */
import { spawn } from 'node:child_process'
import net from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { BIN, listFiles, makeWorkspace, runCli, waitFor, type Workspace } from '../../helpers/workspace.js'
import { freePort } from '../../support/backgroundServer.js'
import { s3Server, uniqueBucket, type S3TestServer } from '../s3Env.js'

const s3 = await s3Server()

function relay(target: S3TestServer, port: number): Promise<net.Server> {
  const srv = net.createServer((sock) => {
    const up = net.connect(target.port, target.endpoint)
    sock.pipe(up).pipe(sock)
    sock.on('error', () => up.destroy())
    up.on('error', () => sock.destroy())
  })
  return new Promise((resolve) => srv.listen(port, '127.0.0.1', () => resolve(srv)))
}

describe.skipIf(!s3)('chartclerk start with S3 down at start-up', () => {
  let ws: Workspace
  let server: net.Server | undefined
  afterAll(async () => {
    server?.close()
    await ws?.cleanup()
  })

  it('GIVEN S3 unreachable WHEN start runs THEN the desk answers, status says storage is down, files wait; WHEN S3 answers THEN they are filed', async () => {
    const [s3Port, webPort] = [await freePort(), await freePort()]
    ws = makeWorkspace({
      CHARTCLERK_STORAGE_BACKEND: 's3',
      CHARTCLERK_S3_ENDPOINT: '127.0.0.1',
      CHARTCLERK_S3_PORT: String(s3Port),
      CHARTCLERK_S3_USE_SSL: String(s3!.useSSL),
      CHARTCLERK_S3_REGION: s3!.region,
      CHARTCLERK_S3_BUCKET: uniqueBucket('down'),
      CHARTCLERK_S3_CREATE_BUCKET: 'true',
      CHARTCLERK_S3_ACCESS_KEY: s3!.accessKey,
      CHARTCLERK_S3_SECRET_KEY: s3!.secretKey,
      CHARTCLERK_WEB_PORT: String(webPort),
      CHARTCLERK_WATCH_STABILITY_MS: '200',
      CHARTCLERK_LOG_LEVEL: 'info',
    })
    await writeFiles(ws.inbox, { 'a.pdf': await textPdf(4401), 'fax/b.pdf': await textPdf(4402) })
    const child = spawn(process.execPath, [BIN, '--json', 'start'], {
      cwd: ws.dir,
      env: { ...process.env, ...ws.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const results: any[] = []
    let stderr = ''
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      for (let i; (i = out.indexOf('\n')) >= 0; out = out.slice(i + 1))
        if (out.slice(0, i).trim()) results.push(JSON.parse(out.slice(0, i)))
    })
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((r) => child.on('exit', r))
    try {
      await waitFor(
        () => stderr.includes('watching the inbox') || child.exitCode !== null,
        60_000,
        () => stderr.slice(-3000),
      )
      expect(child.exitCode, stderr.slice(-2000)).toBeNull()
      // The desk is served.
      const login = await fetch(`http://127.0.0.1:${webPort}/login`)
      expect(login.status).toBe(200)
      // Status (another process, as an operator would run it) shows storage down.
      const status = await runCli(ws, ['--json', 'status'])
      expect(status.code).toBe(1)
      expect(JSON.parse(status.stdout).storage.reachable).toBe(false)
      await new Promise((r) => setTimeout(r, 2500))
      expect(results).toEqual([])
      expect((await listFiles(ws.inbox)).length).toBe(2)
      expect(await listFiles(ws.quarantine)).toEqual([])

      server = await relay(s3!, s3Port)
      await waitFor(
        () => results.length >= 2 || child.exitCode !== null,
        120_000,
        () => stderr.slice(-3000),
      )
      for (const r of results) expect(r.status).toMatch(/^(filed|needs_review)$/)
      expect(await listFiles(ws.inbox)).toEqual([])
      const after = await runCli(ws, ['--json', 'status'])
      expect(JSON.parse(after.stdout).storage.reachable).toBe(true)
    } finally {
      if (child.exitCode === null) child.kill('SIGINT')
      expect(await exited).toBe(0)
    }
  }, 300_000)
})
