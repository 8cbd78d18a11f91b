/**
 * Peak memory of the whole process tree (chartclerk plus its reader processes) over a mixed
 * batch in one `ingest` call with two workers: text PDFs, scanned pages (PNG and image-only PDF),
 * and the hostile corpus (test/fixtures/hostile, each copy made unique with a trailing comment).
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchPages, textPdfs } from './pages.js'
import { TreeSampler, treeRssMb } from './procTree.js'

export { treeRssMb }

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin/chartclerk.js')
const HOSTILE = path.join(ROOT, 'test/fixtures/hostile')

export async function runHostileMemoryBench(opts: { files: number; cacheDir: string }) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-hostile-'))
  const hostileNames = readdirSync(HOSTILE).filter((f) => f.endsWith('.pdf'))
  const nHostile = Math.max(hostileNames.length, Math.round(opts.files * 0.1))
  const nScans = Math.round(opts.files * 0.4)
  const nText = opts.files - nHostile - nScans
  const scans = await benchPages(path.join(opts.cacheDir, 'scans'), nScans)
  const texts = await textPdfs(path.join(opts.cacheDir, 'text'), nText)
  const files: string[] = [...texts]
  scans.forEach((p, i) => files.push(i % 2 ? p.png : p.pdf))
  for (let i = 0; i < nHostile; i++) {
    const name = hostileNames[i % hostileNames.length]!
    const out = path.join(work, `${i}-${name}`)
    await writeFile(out, Buffer.concat([await readFile(path.join(HOSTILE, name)), Buffer.from(`\n%copy ${i}\n`)]))
    files.push(out)
  }
  // Spread the hostile files through the batch, as they would arrive.
  files.sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : 1))
  const data = path.join(work, 'data')
  const child = spawn(process.execPath, [BIN, '--data', data, '--json', 'ingest', ...files], {
    env: { ...process.env, CHARTCLERK_LOG_LEVEL: 'warn', CHARTCLERK_OCR_WORKERS: '2', CHARTCLERK_BUDGET_OPEN_SECONDS: '15' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const outcomes: Record<string, number> = {}
  let buf = ''
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString()
    let i
    while ((i = buf.indexOf('\n')) >= 0) {
      const r = JSON.parse(buf.slice(0, i))
      buf = buf.slice(i + 1)
      const k = r.error?.code ?? r.status
      outcomes[k] = (outcomes[k] ?? 0) + 1
    }
  })
  const sampler = new TreeSampler(child.pid!)
  const t0 = performance.now()
  await new Promise((r) => child.once('exit', r))
  sampler.stop()
  await rm(work, { recursive: true, force: true })
  return {
    files: files.length,
    hostile: nHostile,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    ...sampler.summary(),
    outcomes,
  }
}
