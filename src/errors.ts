/**
 * One error type for all of chartclerk, with a closed set of codes.
 *
 * Each error carries two texts: `message` for the log (never patient data) and
 * `action`, what the person at the records desk should do about it.
 *
 * @example
 *   throw new ChartclerkError('PDF_ENCRYPTED', 'This PDF is password-protected. Ask the sender for an unlocked copy and drop it in the inbox again.')
 */
export const ERROR_CODES = [
  'USAGE',
  'CONFIG_INVALID',
  'FILE_EMPTY',
  'FILE_UNSUPPORTED_TYPE',
  'FILE_SYMLINK',
  'FILE_VANISHED',
  'FILE_TOO_LARGE',
  'PDF_ENCRYPTED',
  'PDF_CORRUPT',
  'PDF_NO_PAGES',
  'PDF_BOMB',
  'FILE_TOO_COMPLEX',
  'FILE_TOO_MANY_PAGES',
  'FILE_READER_CRASHED',
  'FILE_CRASHED_DESK',
  'IMAGE_CORRUPT',
  'IMAGE_TOO_LARGE',
  'OCR_FAILED',
  'OCR_TIMEOUT',
  'OCR_ENGINE_MISSING',
  'STORAGE_UNAVAILABLE',
  'STORAGE_VERIFY_FAILED',
  'STORAGE_NOT_FOUND',
  'STORAGE_ACCESS_DENIED',
  'STORAGE_BUCKET_MISSING',
  'STORAGE_OBJECT_LOCKED',
  'STORAGE_FAILED',
  'CATALOG_FAILED',
  /** The PostgreSQL catalog (catalog.url) does not answer. */
  'CATALOG_UNREACHABLE',
  'DATA_FOLDER_IN_USE',
  'STORAGE_FULL',
  'NOT_FOUND',
  'RULE_FILE_INVALID',
  'IMPORT_INVALID',
  'MODEL_INVALID',
  /** A retrained document-type model was worse than the one in use on the evaluation set; it was not saved. */
  'MODEL_REFUSED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorOptions {
  cause?: unknown
  /** Short technical detail for the log; must not contain patient data. */
  detail?: string
  /** Pipeline stage or command that failed. */
  stage?: string
  /** Transient errors may succeed when retried (storage outage, timeouts). */
  transient?: boolean
}

export class ChartclerkError extends Error {
  readonly code: ErrorCode
  readonly action: string
  readonly stage?: string
  readonly transient: boolean

  constructor(code: ErrorCode, action: string, opts: ErrorOptions = {}) {
    super(opts.detail ? `${code}: ${opts.detail}` : code, { cause: opts.cause })
    this.name = 'ChartclerkError'
    this.code = code
    this.action = action
    this.stage = opts.stage
    this.transient = opts.transient ?? false
  }

  /** A copy with the stage filled in, for errors raised below the pipeline. */
  atStage(stage: string): ChartclerkError {
    if (this.stage) return this
    return new ChartclerkError(this.code, this.action, {
      cause: this.cause,
      detail: this.message.startsWith(`${this.code}: `) ? this.message.slice(this.code.length + 2) : undefined,
      stage,
      transient: this.transient,
    })
  }

  toJSON(): { code: ErrorCode; message: string; action: string; stage?: string } {
    return { code: this.code, message: this.action, action: this.action, stage: this.stage }
  }
}

export function isChartclerkError(err: unknown): err is ChartclerkError {
  return err instanceof ChartclerkError
}

/**
 * Turns anything thrown into a ChartclerkError at a boundary (pipeline runner, CLI, HTTP).
 * Unknown errors become INTERNAL; their text goes to `detail` only, since it may
 * come from a library that echoed document content.
 */
export function toChartclerkError(err: unknown, fallback: ErrorCode = 'INTERNAL', stage?: string): ChartclerkError {
  if (err instanceof ChartclerkError) return stage ? err.atStage(stage) : err
  const detail = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err).slice(0, 300)
  return new ChartclerkError(
    fallback,
    fallback === 'INTERNAL'
      ? 'chartclerk hit an unexpected problem with this file. Leave it in quarantine and tell the system administrator; the log has the details.'
      : 'See the log for details.',
    { cause: err, detail, stage },
  )
}
