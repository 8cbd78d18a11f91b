/**
 * Where the time of a text-layer PDF goes, stage by stage: `tsx bench/stage-times.ts [N]`
 * ingests N cached text-layer PDFs in-process and prints the wall time each stage took
 * (summed over files; stages of two files overlap, so the sum can exceed the total).
 * Runs the built code (dist/), as the command does: `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { textPdfs } from './pages.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The built code, so the reader processes run as they do under the command (not through the TypeScript loader).
const built = <T>(p: string): Promise<T> => import(path.join(ROOT, 'dist/src', p))
const { openApp } = await built<typeof import('../src/app.js')>('app.js')
const { loadConfig } = await built<typeof import('../src/config/config.js')>('config/config.js')
const { STAGES } = await built<typeof import('../src/ingest/pipeline.js')>('ingest/pipeline.js')
const { silentLogger } = await built<typeof import('../src/log.js')>('log.js')
const n = Number(process.argv[2] ?? 40)
const files = await textPdfs(path.join(ROOT, '.bench-cache', 'text'), n)
const data = await mkdtemp(path.join(os.tmpdir(), 'cc-stage-times-'))
const times = new Map<string, number>()
const cpu = new Map<string, number>()
for (const s of STAGES) {
  const run = s.run.bind(s)
  ;(s as { run: typeof s.run }).run = async (job, ctx) => {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    try {
      return await run(job, ctx)
    } finally {
      const c = process.cpuUsage(c0)
      times.set(s.name, (times.get(s.name) ?? 0) + performance.now() - t0)
      cpu.set(s.name, (cpu.get(s.name) ?? 0) + (c.user + c.system) / 1000)
    }
  }
}
const t0 = performance.now()
// CHARTCLERK_INGEST_CONCURRENCY=1 makes the CPU column exact (with more lanes, stages overlap and share it).
const app = await openApp(
  loadConfig({
    env: {
      CHARTCLERK_DATA: data,
      CHARTCLERK_LOG_LEVEL: 'warn',
      CHARTCLERK_INGEST_CONCURRENCY: process.env.CHARTCLERK_INGEST_CONCURRENCY ?? '',
    },
  }),
  { log: silentLogger() },
)
const opened = performance.now()
const results = await app.runner.ingestFiles(files)
const done = performance.now()
await app.close()
const closed = performance.now()
await rm(data, { recursive: true, force: true })
const pages = results.reduce((s, r) => s + (r.pages ?? 0), 0)
console.log(
  `open ${(opened - t0).toFixed(0)} ms, ingest ${(done - opened).toFixed(0)} ms for ${pages} pages (${((pages / (done - opened)) * 1000).toFixed(1)} pages/s), close ${(closed - done).toFixed(0)} ms`,
)
console.log('stage            wall ms/file  main-process CPU ms/file')
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]))
  console.log(
    `${k.padEnd(16)} ${(v / results.length).toFixed(1).padStart(12)}  ${((cpu.get(k) ?? 0) / results.length).toFixed(1).padStart(12)}`,
  )
