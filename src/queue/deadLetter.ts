/**
 * The end of the dead-letter path: a job that will not run again is set aside the way every
 * failed file is, in the quarantine folder with `<name>.error.json` beside it naming the code,
 * the stage and what to do (src/ingest/quarantine.ts). Used as the `setAside` of
 * `JobQueue.drainDeadLetters`.
 *
 * Safe to run again after a crash part-way: a note for this job already in the quarantine
 * folder, with its file beside it, means it was set aside.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ChartclerkError, ERROR_CODES, type ErrorCode } from '../errors.js'
import { moveFile } from '../ingest/fsMove.js'
import { listQuarantine, quarantineTarget, writeQuarantineNote } from '../ingest/quarantine.js'
import { LEASE_EXPIRED, type DeadJob } from './types.js'

/** What the records desk reads about a dead-lettered job. */
export function deadLetterError(job: DeadJob): ChartclerkError {
  const { failure } = job
  if (failure.message === LEASE_EXPIRED.message)
    return new ChartclerkError(
      'FILE_CRASHED_DESK',
      `chartclerk stopped ${job.attempts} times while working on this file (the worker holding it went away each time), so it was set aside to let the rest of the inbox go on. It is probably damaged or built to break readers: ask the sender for a new copy (or print it to a new PDF, or rescan it) and drop that in the inbox.`,
      { stage: failure.stage ?? 'queue', detail: `${job.attempts} runs, lease expired` },
    )
  const code: ErrorCode = (ERROR_CODES as string[]).includes(failure.code) ? (failure.code as ErrorCode) : 'INTERNAL'
  return new ChartclerkError(code, failure.message, { stage: failure.stage ?? undefined, detail: `${job.attempts} runs` })
}

/** Moves the job's file from the work area into quarantine with its note. Returns where it went. */
export async function quarantineDeadJob(job: DeadJob, quarantineDir: string): Promise<string> {
  for (const note of await listQuarantine(quarantineDir)) {
    const at = path.join(quarantineDir, note.file)
    if (note.jobId === job.id && existsSync(at)) return at
  }
  if (!existsSync(job.file.workPath))
    throw new ChartclerkError(
      'FILE_VANISHED',
      'The file of a job that failed every attempt is no longer in the work area; it could not be set aside.',
      { stage: 'quarantine', detail: `dead job ${job.id} without its work file` },
    )
  await fs.mkdir(quarantineDir, { recursive: true })
  const target = quarantineTarget(quarantineDir, job.file.originalName)
  await writeQuarantineNote(target, deadLetterError(job), {
    sourceFolder: job.file.sourceFolder,
    sha256: job.file.sha256 ?? null,
    documentId: null,
    jobId: job.id,
  })
  await moveFile(job.file.workPath, target)
  return target
}
