/**
 * Structured logging (pino, JSON lines on stderr so that --json output on stdout
 * stays clean). Log document ids, hashes, codes and stages; never patient names,
 * birth dates or extracted text. `patientData()` lets a debugging site opt in.
 */
import { pino, type Logger } from 'pino'

export type { Logger }

let includePatientData = false

export function createLogger(opts: { level: string; includePatientData?: boolean; destination?: number | string }): Logger {
  includePatientData = opts.includePatientData ?? false
  return pino(
    {
      level: opts.level,
      base: { app: 'chartclerk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ dest: opts.destination ?? 2, sync: true }),
  )
}

/** A logger that prints nothing, for tests and for library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}

/** Wraps a value that holds patient data: logged only when log.includePatientData is on. */
export function patientData<T>(value: T): T | '[redacted]' {
  return includePatientData ? value : '[redacted]'
}
