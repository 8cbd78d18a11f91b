/** Runs the built `chartclerk` command as a user would, and keeps what it printed and how long it took. */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/chartclerk.js')

export interface CommandRun {
  code: number | null
  stdout: string
  stderr: string
  seconds: number
}

export function runChartclerk(args: string[], cwd: string, env: Record<string, string>): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 }))
  })
}

/** What `chartclerk --json ingest` printed about each of the files it was given, and how long it took. */
export interface StacksIngested<L> {
  /** The JSON lines for each file, in the order the files were given. */
  linesByFile: L[][]
  lines: L[]
  seconds: number
}

/**
 * Runs `chartclerk --json ingest` on the files in a fresh data folder, with a patient index
 * imported first, as a desk would; the folder is removed afterwards. `tag` names the bench in
 * errors.
 */
export async function ingestWithIndex<L extends { file?: string }>(
  tag: string,
  files: string[],
  o: { patientsCsv: string; mrnPattern: string; workers?: number },
): Promise<StacksIngested<L>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cc-bench-${tag}-`))
  try {
    // A generous page timeout: on a loaded machine a page can take minutes, and these figures are about cutting, not speed.
    const env = {
      CHARTCLERK_DATA: path.join(dir, 'data'),
      CHARTCLERK_INBOX: path.join(dir, 'inbox'),
      CHARTCLERK_QUARANTINE: path.join(dir, 'quarantine'),
      CHARTCLERK_MRN_PATTERN: o.mrnPattern,
      CHARTCLERK_OCR_WORKERS: String(o.workers ?? 2),
      CHARTCLERK_LOG_LEVEL: 'warn',
      CHARTCLERK_OCR_PAGE_TIMEOUT_MS: '900000',
    }
    const csv = path.join(dir, 'patients.csv')
    await writeFile(csv, o.patientsCsv)
    const imported = await runChartclerk(['patients', 'import', csv], dir, env)
    if (imported.code !== 0) throw new Error(`${tag}: patients import failed (${imported.code}): ${imported.stdout}${imported.stderr}`)
    const ingest = await runChartclerk(['--json', 'ingest', ...files], dir, env)
    const lines = ingest.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('{'))
      .map((l) => JSON.parse(l) as L)
    if (!lines.length) throw new Error(`${tag}: ingest printed nothing (exit ${ingest.code}): ${ingest.stderr.slice(-2000)}`)
    const linesByFile = files.map((f) => lines.filter((l) => l.file && path.resolve(dir, l.file) === path.resolve(f)))
    return { linesByFile, lines, seconds: Math.round(ingest.seconds * 10) / 10 }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
