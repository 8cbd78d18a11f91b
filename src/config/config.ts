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
import type { SchemaValue } from './schemaType.js'

/** The settings file as validated, defaults filled in: its type is read from the schema. */
type FileSettings = SchemaValue<typeof configSchema>
type FileS3 = FileSettings['storage']['s3']

export type S3Settings = Omit<FileS3, 'endpoint' | 'bucket' | 'accessKeyFile' | 'secretKeyFile'> & {
  endpoint: string
  bucket: string
  /** Secrets: from the environment or a key file only, never from the config file itself. */
  accessKey: string
  secretKey: string
}

/** Limits for reading one file (see ingest.budget in the README). */
export type ReadBudget = FileSettings['ingest']['budget']

/**
 * The configuration: the settings file's values with paths resolved and what is derived from
 * them (the work folder, the number of OCR workers, S3 keys read from their files).
 */
export type Config = Omit<FileSettings, '$schema' | 'storage' | 'catalog' | 'ocr' | 'ingest' | 'queue'> & {
  configFile: string | null
  /** The receiving side's own folder: a claimed inbox file waits here until its original is stored and its job queued. */
  workDir: string
  /** A worker's own folder: the originals it reads from the object store, one sub-folder per worker process. */
  fetchDir: string
  /**
   * Where a process writes the PDFs of a stack's parts on their way into the object store, one
   * sub-folder per process (src/split/partScratch.ts): never the work area, whose unclaimed files
   * a restart returns to the inbox.
   */
  partsDir: string
  storage: Omit<FileSettings['storage'], 's3' | 'filesystem'> & { filesystem: { dir: string }; s3?: S3Settings }
  /**
   * `path`: the embedded SQLite catalog. `url`: a PostgreSQL catalog shared by several desks
   * (today: accounts, sessions and their CSRF tokens; see src/catalog/sql/), with its password
   * from `catalog.passwordFile` or CHARTCLERK_CATALOG_PASSWORD(_FILE), never from the file itself.
   */
  catalog: { path: string; url?: string; password?: string }
  ocr: FileSettings['ocr'] & { workers: number; langPath: string }
  ingest: FileSettings['ingest'] & { concurrency: number }
  /** The work queue (src/queue/): `maxAttempts` defaults to ingest.maxCrashes, the crash guard's count. */
  queue: FileSettings['queue'] & { maxAttempts: number }
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

/** Environment variables and the setting each one overrides, read from the schema's `env` entries. */
export const ENV_SETTINGS: ReadonlyArray<[name: string, setting: string, type: EnvType]> = envSettings(configSchema, '')

function envSettings(schema: unknown, prefix: string): Array<[string, string, EnvType]> {
  const props = (schema as { properties?: Record<string, { env?: string; type?: string; properties?: unknown }> }).properties ?? {}
  return Object.entries(props).flatMap(([key, sub]) => {
    const setting = prefix ? `${prefix}.${key}` : key
    const own: Array<[string, string, EnvType]> = sub.env
      ? [[sub.env, setting, sub.type === 'integer' ? 'int' : sub.type === 'number' ? 'number' : sub.type === 'boolean' ? 'bool' : 'string']]
      : []
    return [...own, ...envSettings(sub, setting)]
  })
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true })
// `env` in the schema names a setting's environment variable; Ajv does not check it.
ajv.addKeyword({ keyword: 'env', schemaType: 'string' })
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
    throw new ChartclerkError(
      'CONFIG_INVALID',
      `The configuration file ${file} is not valid JSON (${printParseErrorCode(e.error)} at ${where}). Fix it and start again.`,
      {
        detail: 'config file not JSON',
      },
    )
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
      throw new ChartclerkError('CONFIG_INVALID', `The configuration file ${candidate} must hold one JSON object.`, {
        detail: 'config not object',
      })
    }
  } else if (explicit) {
    throw new ChartclerkError('CONFIG_INVALID', `The configuration file ${candidate} does not exist. Check the --config path.`, {
      detail: 'config missing',
    })
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
      const extra =
        e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined
      const name = settingName(e.instancePath, missing ?? extra)
      if (extra) return `Setting ${name} is not a chartclerk setting (misspelt?)`
      if (e.keyword === 'enum')
        return `Setting ${name} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
      return `Setting ${name} ${e.message}`
    })
    throw new ChartclerkError('CONFIG_INVALID', `${msgs.join('; ')}. Fix ${configFile ?? 'the environment'} and start again.`, {
      detail: msgs.join('; '),
    })
  }
  const c = raw as FileSettings // validated above; defaults filled in
  try {
    new RegExp(c.patients.mrnPattern)
  } catch {
    throw new ChartclerkError('CONFIG_INVALID', `Setting patients.mrnPattern is not a valid regular expression: ${c.patients.mrnPattern}`, {
      detail: 'mrnPattern',
    })
  }
  if (!isTimeZone(c.clinic.timeZone)) {
    const from = env.CHARTCLERK_TIME_ZONE ? ' (from environment variable CHARTCLERK_TIME_ZONE)' : ''
    throw new ChartclerkError(
      'CONFIG_INVALID',
      `Setting clinic.timeZone${from} is not a time zone this system knows: "${c.clinic.timeZone}". Give an IANA name such as America/New_York, Europe/London or UTC.`,
      { detail: 'clinic.timeZone unknown' },
    )
  }
  const resolveFrom = (p: string) => path.resolve(fileBase, p)
  const dataDir = resolveFrom(c.dataDir)
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)

  let s3: S3Settings | undefined
  if (c.storage.backend === 's3') {
    const s = c.storage.s3
    const { endpoint, bucket } = s
    for (const [req, value] of [
      ['endpoint', endpoint],
      ['bucket', bucket],
    ] as const) {
      if (!value) {
        throw new ChartclerkError('CONFIG_INVALID', `Setting storage.s3.${req} is required when storage.backend is s3.`, {
          detail: `storage.s3.${req} missing`,
        })
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
      endpoint: endpoint!,
      port: s.port,
      useSSL: s.useSSL,
      region: s.region,
      bucket: bucket!,
      pathStyle: s.pathStyle,
      createBucket: s.createBucket,
      partSizeMb: s.partSizeMb,
      objectLock: s.objectLock,
      accessKey,
      secretKey,
    }
  }

  const catalog = catalogSettings(c.catalog, env, fileBase, dataDir)

  const config: Config = {
    configFile,
    dataDir,
    quarantineDir: resolveFrom(c.quarantineDir),
    workDir: path.join(dataDir, 'work'),
    fetchDir: path.join(dataDir, 'fetched'),
    partsDir: path.join(dataDir, 'parts'),
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
    ingest: {
      concurrency: c.ingest.concurrency ?? (c.ocr.workers ?? cores) + 2,
      maxFileMb: c.ingest.maxFileMb,
      maxCrashes: c.ingest.maxCrashes,
      budget: { ...c.ingest.budget },
    },
    patients: { ...c.patients },
    split: { ...c.split },
    filing: { ...c.filing },
    log: { ...c.log },
    web: { ...c.web, trustProxy: [...c.web.trustProxy] },
    deficiencies: { ...c.deficiencies },
    routing: { ...c.routing },
    nodes: { ...c.nodes },
    queue: { ...c.queue, maxAttempts: c.queue.maxAttempts ?? c.ingest.maxCrashes },
    inactive: { ...c.inactive },
    clinic: { ...c.clinic },
  }
  return deepFreeze(config)
}

/**
 * The catalog's place: the SQLite file, and the PostgreSQL server when `catalog.url` is set. A
 * password written into the URL is refused (the configuration file is read by many); it comes
 * from CHARTCLERK_CATALOG_PASSWORD, CHARTCLERK_CATALOG_PASSWORD_FILE or catalog.passwordFile.
 */
function catalogSettings(
  c: { path?: string; url?: string; passwordFile?: string },
  env: NodeJS.ProcessEnv,
  fileBase: string,
  dataDir: string,
): Config['catalog'] {
  const file = c.path ? path.resolve(fileBase, c.path) : path.join(dataDir, 'catalog.sqlite')
  if (!c.url) return { path: file }
  let url: URL
  try {
    url = new URL(c.url)
  } catch {
    throw new ChartclerkError(
      'CONFIG_INVALID',
      `Setting catalog.url is not a valid address: write it as postgres://USER@HOST:5432/DATABASE.`,
      { detail: 'catalog.url unparsable' },
    )
  }
  if (url.password) {
    throw new ChartclerkError(
      'CONFIG_INVALID',
      'Setting catalog.url contains a password. Remove it from the address (postgres://USER@HOST:5432/DATABASE) and give it in a file named by catalog.passwordFile, or in CHARTCLERK_CATALOG_PASSWORD.',
      { detail: 'password in catalog.url' },
    )
  }
  if (!url.hostname || url.pathname.length < 2) {
    throw new ChartclerkError(
      'CONFIG_INVALID',
      'Setting catalog.url must name the server and the database: postgres://USER@HOST:5432/DATABASE.',
      { detail: 'catalog.url incomplete' },
    )
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
