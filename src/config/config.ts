/**
 * The one place that reads configuration: chartclerk.config.json (or --config),
 * then environment overrides, then command-line overrides; validated with Ajv;
 * frozen. Nothing else in chartclerk reads process.env.
 */
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { isTimeZone } from '../clock/clock.js'
import { ChartclerkError } from '../errors.js'
import { configSchema } from './schema.js'

export interface S3Settings {
  endpoint: string
  port?: number
  useSSL: boolean
  region: string
  bucket: string
  pathStyle: boolean
  createBucket: boolean
  partSizeMb: number
  objectLock?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days: number }
  /** Secrets: from the environment or a key file only, never from the config file itself. */
  accessKey: string
  secretKey: string
}

/** Limits for reading one file (see ingest.budget in the README). */
export interface ReadBudget {
  memoryMb: number
  openSeconds: number
  pageSeconds: number
  maxPages: number
  renderMaxPixels: number
}

export interface Config {
  configFile: string | null
  dataDir: string
  quarantineDir: string
  workDir: string
  rulesDir: string
  watch: { inbox: string; polling: boolean; pollIntervalMs: number; stabilityMs: number; rescanIntervalMs: number }
  storage: {
    backend: 'filesystem' | 's3'
    filesystem: { dir: string }
    s3?: S3Settings
    archive: { bucket?: string; prefix: string }
  }
  /**
   * `path`: the embedded SQLite catalog. `url`: a PostgreSQL catalog shared by several desks
   * (today: accounts, sessions and their CSRF tokens; see src/catalog/sql/), with its password
   * from `catalog.passwordFile` or CHARTCLERK_CATALOG_PASSWORD(_FILE), never from the file itself.
   */
  catalog: { path: string; url?: string; password?: string }
  ocr: {
    /** 'tesseract.js' (embedded, default) or 'tesseract' (the native CLI, faster when installed). */
    engine: 'tesseract.js' | 'tesseract'
    /** Native engine: the tesseract binary (default: found on the PATH). */
    tesseractPath: string
    workers: number
    language: string
    langPath: string
    pageTimeoutMs: number
    minTextLayerChars: number
    deskew: boolean
    renderDpi: number
    maxPixels: number
  }
  ingest: { concurrency: number; maxFileMb: number; maxCrashes: number; budget: ReadBudget }
  patients: { mrnPattern: string; dateOrder: 'MDY' | 'DMY' }
  filing: { minTypeConfidence?: number }
  log: { level: string; includePatientData: boolean }
  web: { host: string; port: number; publicUrl?: string; secureCookies?: boolean; trustProxy: string[] }
  deficiencies: { delinquentAfterDays: number; recordsRequestDueDays: number }
  routing: { escalateAfterDays: number }
  /** Inactive charts (DOMAIN M02): no new document or encounter for `years` years, or deceased. */
  inactive: { years: number }
  /** `timeZone`: the clinic's IANA time zone; every calendar date is a local date there (src/clock/). */
  clinic: { name: string; address: string; phone: string; fax: string; timeZone: string }
  /** CI=true: test suites must not skip for a missing service. */
  ci: boolean
  /** Test-only: the clock stands still at this instant (CHARTCLERK_TEST_NOW, an ISO time), for command-line tests of dates. */
  testNow?: string
  /** Test-only S3 endpoint given from outside (e.g. a department's MinIO). */
  testS3?: { endpoint: string; port: number; useSSL: boolean; accessKey: string; secretKey: string; region: string }
  /** Test-only PostgreSQL server given from outside (CHARTCLERK_TEST_PG_URL, _PASSWORD). */
  testPostgres?: { url: string; password: string | undefined }
}

export interface LoadOptions {
  configPath?: string
  dataDir?: string
  inbox?: string
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Extra settings merged over the file (used by `storage migrate --to` and tests). */
  overrides?: Record<string, unknown>
}

type EnvType = 'string' | 'int' | 'number' | 'bool'
/** Environment variables and the setting each one overrides. */
export const ENV_SETTINGS: ReadonlyArray<[name: string, setting: string, type: EnvType]> = [
  ['CHARTCLERK_DATA', 'dataDir', 'string'],
  ['CHARTCLERK_QUARANTINE', 'quarantineDir', 'string'],
  ['CHARTCLERK_RULES', 'rulesDir', 'string'],
  ['CHARTCLERK_INBOX', 'watch.inbox', 'string'],
  ['CHARTCLERK_WATCH_POLLING', 'watch.polling', 'bool'],
  ['CHARTCLERK_WATCH_POLL_INTERVAL_MS', 'watch.pollIntervalMs', 'int'],
  ['CHARTCLERK_WATCH_STABILITY_MS', 'watch.stabilityMs', 'int'],
  ['CHARTCLERK_WATCH_RESCAN_INTERVAL_MS', 'watch.rescanIntervalMs', 'int'],
  ['CHARTCLERK_STORAGE_BACKEND', 'storage.backend', 'string'],
  ['CHARTCLERK_S3_ENDPOINT', 'storage.s3.endpoint', 'string'],
  ['CHARTCLERK_S3_PORT', 'storage.s3.port', 'int'],
  ['CHARTCLERK_S3_USE_SSL', 'storage.s3.useSSL', 'bool'],
  ['CHARTCLERK_S3_REGION', 'storage.s3.region', 'string'],
  ['CHARTCLERK_S3_BUCKET', 'storage.s3.bucket', 'string'],
  ['CHARTCLERK_S3_CREATE_BUCKET', 'storage.s3.createBucket', 'bool'],
  ['CHARTCLERK_OCR_WORKERS', 'ocr.workers', 'int'],
  ['CHARTCLERK_OCR_ENGINE', 'ocr.engine', 'string'],
  ['CHARTCLERK_OCR_PAGE_TIMEOUT_MS', 'ocr.pageTimeoutMs', 'int'],
  ['CHARTCLERK_INGEST_CONCURRENCY', 'ingest.concurrency', 'int'],
  ['CHARTCLERK_INGEST_MAX_CRASHES', 'ingest.maxCrashes', 'int'],
  ['CHARTCLERK_BUDGET_MEMORY_MB', 'ingest.budget.memoryMb', 'int'],
  ['CHARTCLERK_BUDGET_OPEN_SECONDS', 'ingest.budget.openSeconds', 'int'],
  ['CHARTCLERK_BUDGET_PAGE_SECONDS', 'ingest.budget.pageSeconds', 'int'],
  ['CHARTCLERK_BUDGET_RENDER_MAX_PIXELS', 'ingest.budget.renderMaxPixels', 'int'],
  ['CHARTCLERK_MRN_PATTERN', 'patients.mrnPattern', 'string'],
  ['CHARTCLERK_MIN_TYPE_CONFIDENCE', 'filing.minTypeConfidence', 'number'],
  ['CHARTCLERK_LOG_LEVEL', 'log.level', 'string'],
  ['CHARTCLERK_WEB_PORT', 'web.port', 'int'],
  ['CHARTCLERK_WEB_HOST', 'web.host', 'string'],
  ['CHARTCLERK_WEB_PUBLIC_URL', 'web.publicUrl', 'string'],
  ['CHARTCLERK_WEB_SECURE_COOKIES', 'web.secureCookies', 'bool'],
  ['CHARTCLERK_TIME_ZONE', 'clinic.timeZone', 'string'],
  ['CHARTCLERK_CATALOG_URL', 'catalog.url', 'string'],
]

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true })
const validateConfig = ajv.compile(configSchema)

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.')
  let cur = obj
  for (const p of parts.slice(0, -1)) {
    if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = {}
    cur = cur[p] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]!] = value
}

function coerce(name: string, setting: string, raw: string, type: EnvType): unknown {
  if (type === 'string') return raw
  if (type === 'bool') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true
    if (/^(0|false|no|off)$/i.test(raw)) return false
  }
  if (type === 'int' && /^-?\d+$/.test(raw.trim())) return Number(raw)
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw)
  throw new ChartclerkError(
    'CONFIG_INVALID',
    `Setting ${setting} (from environment variable ${name}) must be ${type === 'bool' ? 'true or false' : type === 'number' ? 'a number' : 'a whole number'}; it is "${raw}". Fix it and start again.`,
    { detail: `${name} not a ${type}` },
  )
}

function settingName(instancePath: string, missing?: string): string {
  const p = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.')
  return [p, missing].filter(Boolean).join('.') || '(top level)'
}

function readSecret(env: NodeJS.ProcessEnv, varName: string, file: string | undefined, baseDir: string): string | undefined {
  const direct = env[varName]
  if (direct) return direct
  const fileVar = env[`${varName}_FILE`] ?? file
  if (!fileVar) return undefined
  const p = path.resolve(baseDir, fileVar)
  try {
    return readFileSync(p, 'utf8').trim()
  } catch {
    throw new ChartclerkError('CONFIG_INVALID', `The key file for ${varName} (${p}) cannot be read. Check the path and its permissions.`, {
      detail: `secret file unreadable`,
    })
  }
}

/**
 * The file's text as JSON, with // and /* *\/ comments allowed (`chartclerk init` writes a
 * commented file); a syntax error names the line and column.
 */
export function parseConfigText(text: string, file: string): Record<string, unknown> {
  const errors: ParseError[] = []
  const raw = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false }) as Record<string, unknown>
  if (errors.length) {
    const e = errors[0]!
    const before = text.slice(0, e.offset).split('\n')
    const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`
    throw new ChartclerkError('CONFIG_INVALID', `The configuration file ${file} is not valid JSON (${printParseErrorCode(e.error)} at ${where}). Fix it and start again.`, {
      detail: 'config file not JSON',
    })
  }
  return raw
}

/** Reads, merges and validates the configuration. Throws CONFIG_INVALID naming the setting. */
export function loadConfig(opts: LoadOptions = {}): Readonly<Config> {
  const env = opts.env ?? process.env
  const cwd = opts.cwd ?? process.cwd()
  const explicit = opts.configPath ?? env.CHARTCLERK_CONFIG
  const candidate = explicit ? path.resolve(cwd, explicit) : path.join(cwd, 'chartclerk.config.json')
  let raw: Record<string, unknown> = {}
  let configFile: string | null = null
  if (existsSync(candidate)) {
    configFile = candidate
    raw = parseConfigText(readFileSync(candidate, 'utf8'), candidate)
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ChartclerkError('CONFIG_INVALID', `The configuration file ${candidate} must hold one JSON object.`, { detail: 'config not object' })
    }
  } else if (explicit) {
    throw new ChartclerkError('CONFIG_INVALID', `The configuration file ${candidate} does not exist. Check the --config path.`, { detail: 'config missing' })
  }
  // Relative paths in the file are relative to the file; on the command line and in the environment, to the working folder.
  const fileBase = configFile ? path.dirname(configFile) : cwd
  for (const [name, setting, type] of ENV_SETTINGS) {
    const v = env[name]
    if (v !== undefined && v !== '') setPath(raw, setting, coerce(name, setting, v, type))
  }
  for (const [k, v] of Object.entries(opts.overrides ?? {})) setPath(raw, k, v)
  if (opts.dataDir) raw.dataDir = path.resolve(cwd, opts.dataDir)
  if (opts.inbox) setPath(raw, 'watch.inbox', path.resolve(cwd, opts.inbox))

  if (!validateConfig(raw)) {
    const msgs = (validateConfig.errors ?? []).map((e) => {
      const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : undefined
      const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined
      const name = settingName(e.instancePath, missing ?? extra)
      if (extra) return `Setting ${name} is not a chartclerk setting (misspelt?)`
      if (e.keyword === 'enum') return `Setting ${name} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
      return `Setting ${name} ${e.message}`
    })
    throw new ChartclerkError('CONFIG_INVALID', `${msgs.join('; ')}. Fix ${configFile ?? 'the environment'} and start again.`, {
      detail: msgs.join('; '),
    })
  }
  const c = raw as Record<string, any> // validated above; defaults filled in
  try {
    new RegExp(c.patients.mrnPattern)
  } catch {
    throw new ChartclerkError('CONFIG_INVALID', `Setting patients.mrnPattern is not a valid regular expression: ${c.patients.mrnPattern}`, { detail: 'mrnPattern' })
  }
  if (!isTimeZone(c.clinic.timeZone)) {
    const from = env.CHARTCLERK_TIME_ZONE ? ' (from environment variable CHARTCLERK_TIME_ZONE)' : ''
    throw new ChartclerkError(
      'CONFIG_INVALID',
      `Setting clinic.timeZone${from} is not a time zone this system knows: "${c.clinic.timeZone}". Give an IANA name such as America/New_York, Europe/London or UTC.`,
      { detail: 'clinic.timeZone unknown' },
    )
  }
  const testNow = env.CHARTCLERK_TEST_NOW
  if (testNow && Number.isNaN(Date.parse(testNow))) {
    throw new ChartclerkError('CONFIG_INVALID', `CHARTCLERK_TEST_NOW (test only) must be an ISO time such as 2026-03-05T23:30:00-05:00; it is "${testNow}".`, { detail: 'CHARTCLERK_TEST_NOW' })
  }
  const resolveFrom = (p: string) => path.resolve(fileBase, p)
  const dataDir = resolveFrom(c.dataDir)
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)

  let s3: S3Settings | undefined
  if (c.storage.backend === 's3') {
    const s = c.storage.s3
    for (const req of ['endpoint', 'bucket']) {
      if (!s[req]) {
        throw new ChartclerkError('CONFIG_INVALID', `Setting storage.s3.${req} is required when storage.backend is s3.`, { detail: `storage.s3.${req} missing` })
      }
    }
    const accessKey = readSecret(env, 'CHARTCLERK_S3_ACCESS_KEY', s.accessKeyFile, fileBase)
    const secretKey = readSecret(env, 'CHARTCLERK_S3_SECRET_KEY', s.secretKeyFile, fileBase)
    if (!accessKey || !secretKey) {
      throw new ChartclerkError(
        'CONFIG_INVALID',
        'Settings storage.s3 access and secret keys are missing: set CHARTCLERK_S3_ACCESS_KEY and CHARTCLERK_S3_SECRET_KEY (or their _FILE variants, or storage.s3.accessKeyFile/secretKeyFile).',
        { detail: 's3 credentials missing' },
      )
    }
    s3 = {
      endpoint: s.endpoint, port: s.port, useSSL: s.useSSL, region: s.region, bucket: s.bucket, pathStyle: s.pathStyle,
      createBucket: s.createBucket, partSizeMb: s.partSizeMb, objectLock: s.objectLock, accessKey, secretKey,
    }
  }

  const catalog = catalogSettings(c.catalog, env, fileBase, dataDir)

  const testEndpoint = env.CHARTCLERK_TEST_S3_ENDPOINT
  const config: Config = {
    configFile,
    dataDir,
    quarantineDir: resolveFrom(c.quarantineDir),
    workDir: path.join(dataDir, 'work'),
    rulesDir: resolveFrom(c.rulesDir),
    watch: { ...c.watch, inbox: resolveFrom(c.watch.inbox) },
    storage: {
      backend: c.storage.backend,
      filesystem: { dir: c.storage.filesystem.dir ? resolveFrom(c.storage.filesystem.dir) : path.join(dataDir, 'objects') },
      s3,
      archive: { bucket: c.storage.archive.bucket, prefix: c.storage.archive.prefix },
    },
    catalog,
    ocr: { ...c.ocr, workers: c.ocr.workers ?? cores, langPath: '' },
    // Two more files in hand than OCR workers: while one file is stored or classified, the workers stay busy.
    ingest: { concurrency: c.ingest.concurrency ?? (c.ocr.workers ?? cores) + 2, maxFileMb: c.ingest.maxFileMb, maxCrashes: c.ingest.maxCrashes, budget: { ...c.ingest.budget } },
    patients: { ...c.patients },
    filing: { ...c.filing },
    log: { ...c.log },
    web: { ...c.web, trustProxy: [...c.web.trustProxy] },
    deficiencies: { ...c.deficiencies },
    routing: { ...c.routing },
    inactive: { ...c.inactive },
    clinic: { ...c.clinic },
    ci: /^(1|true)$/i.test(env.CI ?? ''),
    testNow: testNow || undefined,
    testS3: testEndpoint
      ? {
          endpoint: testEndpoint,
          port: Number(env.CHARTCLERK_TEST_S3_PORT ?? 9000),
          useSSL: /^(1|true)$/i.test(env.CHARTCLERK_TEST_S3_USE_SSL ?? ''),
          accessKey: env.CHARTCLERK_TEST_S3_ACCESS_KEY ?? '',
          secretKey: env.CHARTCLERK_TEST_S3_SECRET_KEY ?? '',
          region: env.CHARTCLERK_TEST_S3_REGION ?? 'us-east-1',
        }
      : undefined,
    testPostgres: env.CHARTCLERK_TEST_PG_URL ? { url: env.CHARTCLERK_TEST_PG_URL, password: env.CHARTCLERK_TEST_PG_PASSWORD || undefined } : undefined,
  }
  return deepFreeze(config)
}

/**
 * The catalog's place: the SQLite file, and the PostgreSQL server when `catalog.url` is set. A
 * password written into the URL is refused (the configuration file is read by many); it comes
 * from CHARTCLERK_CATALOG_PASSWORD, CHARTCLERK_CATALOG_PASSWORD_FILE or catalog.passwordFile.
 */
function catalogSettings(c: { path?: string; url?: string; passwordFile?: string }, env: NodeJS.ProcessEnv, fileBase: string, dataDir: string): Config['catalog'] {
  const file = c.path ? path.resolve(fileBase, c.path) : path.join(dataDir, 'catalog.sqlite')
  if (!c.url) return { path: file }
  let url: URL
  try {
    url = new URL(c.url)
  } catch {
    throw new ChartclerkError('CONFIG_INVALID', `Setting catalog.url is not a valid address: write it as postgres://USER@HOST:5432/DATABASE.`, { detail: 'catalog.url unparsable' })
  }
  if (url.password) {
    throw new ChartclerkError(
      'CONFIG_INVALID',
      'Setting catalog.url contains a password. Remove it from the address (postgres://USER@HOST:5432/DATABASE) and give it in a file named by catalog.passwordFile, or in CHARTCLERK_CATALOG_PASSWORD.',
      { detail: 'password in catalog.url' },
    )
  }
  if (!url.hostname || url.pathname.length < 2) {
    throw new ChartclerkError('CONFIG_INVALID', 'Setting catalog.url must name the server and the database: postgres://USER@HOST:5432/DATABASE.', { detail: 'catalog.url incomplete' })
  }
  const password = readSecret(env, 'CHARTCLERK_CATALOG_PASSWORD', c.passwordFile, fileBase)
  return { path: file, url: url.toString(), password }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}
