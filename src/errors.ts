/**
 * One error type for all of chartclerk, with a closed set of codes.
 *
 * Each error carries two texts: `message` for the log (never patient data) and
 * `action`, what the person at the records desk should do about it.
 *
 * @example
 *   throw new ChartclerkError('PDF_ENCRYPTED', 'This PDF is password-protected. Ask the sender for an unlocked copy and drop it in the inbox again.')
 */
/**
 * What each code means to the two front ends, declared once: the HTTP status the desk
 * answers with and the exit code of the command line. Exit codes: 0 ok, 1 findings or
 * failures to act on, 2 bad usage or configuration, 3 refused by the desk's rules,
 * 4 conflict with the record's current state (already done, or changed meanwhile).
 */
export const ERROR_TABLE = {
  /** A bad flag, argument or form field: what was given cannot be understood or is missing. */
  USAGE: { http: 400, exit: 2 },
  CONFIG_INVALID: { http: 500, exit: 2 },
  FILE_EMPTY: { http: 422, exit: 1 },
  FILE_UNSUPPORTED_TYPE: { http: 415, exit: 1 },
  FILE_SYMLINK: { http: 422, exit: 1 },
  FILE_VANISHED: { http: 410, exit: 1 },
  FILE_TOO_LARGE: { http: 413, exit: 1 },
  PDF_ENCRYPTED: { http: 422, exit: 1 },
  PDF_CORRUPT: { http: 422, exit: 1 },
  PDF_NO_PAGES: { http: 422, exit: 1 },
  PDF_BOMB: { http: 422, exit: 1 },
  FILE_TOO_COMPLEX: { http: 422, exit: 1 },
  FILE_TOO_MANY_PAGES: { http: 422, exit: 1 },
  FILE_READER_CRASHED: { http: 422, exit: 1 },
  FILE_CRASHED_DESK: { http: 422, exit: 1 },
  IMAGE_CORRUPT: { http: 422, exit: 1 },
  IMAGE_TOO_LARGE: { http: 422, exit: 1 },
  OCR_FAILED: { http: 500, exit: 1 },
  OCR_TIMEOUT: { http: 503, exit: 1 },
  OCR_ENGINE_MISSING: { http: 503, exit: 1 },
  STORAGE_UNAVAILABLE: { http: 503, exit: 1 },
  STORAGE_VERIFY_FAILED: { http: 503, exit: 1 },
  STORAGE_NOT_FOUND: { http: 503, exit: 1 },
  STORAGE_ACCESS_DENIED: { http: 503, exit: 1 },
  STORAGE_BUCKET_MISSING: { http: 503, exit: 1 },
  STORAGE_OBJECT_LOCKED: { http: 503, exit: 1 },
  STORAGE_FAILED: { http: 503, exit: 1 },
  CATALOG_FAILED: { http: 500, exit: 1 },
  /** The PostgreSQL catalog (catalog.url) does not answer. */
  CATALOG_UNREACHABLE: { http: 503, exit: 1 },
  DATA_FOLDER_IN_USE: { http: 503, exit: 2 },
  /** With catalog.url, the embedded file still holds records now read from PostgreSQL: `catalog migrate --finish`. */
  CATALOG_NOT_MOVED: { http: 503, exit: 2 },
  STORAGE_FULL: { http: 503, exit: 1 },
  /** What was named (a document, patient, request, account) does not exist. */
  NOT_FOUND: { http: 404, exit: 1 },
  /** Understood, but the desk's rules refuse it (a release the law does not allow, the last administrator, a wrong password). */
  REFUSED: { http: 422, exit: 3 },
  /** The record is not in a state that allows it: already done, or changed since it was shown. */
  CONFLICT: { http: 409, exit: 4 },
  RULE_FILE_INVALID: { http: 422, exit: 1 },
  IMPORT_INVALID: { http: 422, exit: 1 },
  MODEL_INVALID: { http: 500, exit: 1 },
  /** A retrained document-type model was worse than the one in use on the evaluation set; it was not saved. */
  MODEL_REFUSED: { http: 422, exit: 1 },
  INTERNAL: { http: 500, exit: 1 },
} as const satisfies Record<string, { http: number; exit: number }>

export const ERROR_CODES = Object.keys(ERROR_TABLE) as (keyof typeof ERROR_TABLE)[]

/** Every HTTP status the table names. */
export type ErrorHttpStatus = (typeof ERROR_TABLE)[keyof typeof ERROR_TABLE]['http']

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorOptions {
  cause?: unknown
  /** Short technical detail for the log; must not contain patient data. */
  detail?: string
  /** Pipeline stage or command that failed. */
  stage?: string
  /** Transient errors may succeed when retried (storage outage, timeouts). */
  transient?: boolean
  /**
   * What the command line adds to the action, e.g. 'Give --by NAME.': the action itself is
   * worded for the desk and the command line alike, and flags mean nothing on the desk.
   */
  cliHint?: string
}

export class ChartclerkError extends Error {
  readonly code: ErrorCode
  readonly action: string
  readonly stage?: string
  readonly transient: boolean
  readonly cliHint?: string

  constructor(code: ErrorCode, action: string, opts: ErrorOptions = {}) {
    super(opts.detail ? `${code}: ${opts.detail}` : code, { cause: opts.cause })
    this.name = 'ChartclerkError'
    this.code = code
    this.action = action
    this.stage = opts.stage
    this.transient = opts.transient ?? false
    this.cliHint = opts.cliHint
  }

  /** A copy with the stage filled in, for errors raised below the pipeline. */
  atStage(stage: string): ChartclerkError {
    if (this.stage) return this
    return new ChartclerkError(this.code, this.action, {
      cause: this.cause,
      detail: this.message.startsWith(`${this.code}: `) ? this.message.slice(this.code.length + 2) : undefined,
      stage,
      transient: this.transient,
      cliHint: this.cliHint,
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

/**
 * The HTTP status and exit code for anything thrown, from {@link ERROR_TABLE}: the one map
 * used by every desk page and by the command line's top-level handler.
 */
export function errorStatus(err: unknown): { code: ErrorCode; http: ErrorHttpStatus; exit: number } {
  const code = err instanceof ChartclerkError ? err.code : 'INTERNAL'
  return { code, ...ERROR_TABLE[code] }
}

/** A ChartclerkError the person can act on (a 4xx on the desk), with its status; otherwise undefined. */
export function actionableError(err: unknown): { error: ChartclerkError; http: ErrorHttpStatus } | undefined {
  if (!(err instanceof ChartclerkError)) return undefined
  const { http } = errorStatus(err)
  return http < 500 ? { error: err, http } : undefined
}

/** The action as the command line prints it: with the flag hint when there is one. */
export function cliAction(err: ChartclerkError): string {
  return err.cliHint ? `${err.action} ${err.cliHint}` : err.action
}
