/**
 * JSON Schema of chartclerk.config.json; Ajv fills in the defaults. `env` names the environment
 * variable that overrides a setting. The type of the configuration is read from this schema.
 */
export const configSchema = {
  $id: 'https://chartclerk.local/config.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    dataDir: { type: 'string', minLength: 1, default: './data', env: 'CHARTCLERK_DATA' },
    quarantineDir: { type: 'string', minLength: 1, default: './quarantine', env: 'CHARTCLERK_QUARANTINE' },
    rulesDir: { type: 'string', minLength: 1, default: './rules', env: 'CHARTCLERK_RULES' },
    watch: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        inbox: { type: 'string', minLength: 1, default: './inbox', env: 'CHARTCLERK_INBOX' },
        polling: { type: 'boolean', default: false, env: 'CHARTCLERK_WATCH_POLLING' },
        pollIntervalMs: { type: 'integer', minimum: 100, default: 2000, env: 'CHARTCLERK_WATCH_POLL_INTERVAL_MS' },
        stabilityMs: { type: 'integer', minimum: 0, default: 2000, env: 'CHARTCLERK_WATCH_STABILITY_MS' },
        rescanIntervalMs: { type: 'integer', minimum: 1000, default: 300000, env: 'CHARTCLERK_WATCH_RESCAN_INTERVAL_MS' },
      },
    },
    storage: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        backend: { enum: ['filesystem', 's3'], default: 'filesystem', env: 'CHARTCLERK_STORAGE_BACKEND' },
        filesystem: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: { dir: { type: 'string', minLength: 1 } },
        },
        s3: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            endpoint: { type: 'string', minLength: 1, env: 'CHARTCLERK_S3_ENDPOINT' },
            port: { type: 'integer', minimum: 1, maximum: 65535, env: 'CHARTCLERK_S3_PORT' },
            useSSL: { type: 'boolean', default: true, env: 'CHARTCLERK_S3_USE_SSL' },
            region: { type: 'string', default: 'us-east-1', env: 'CHARTCLERK_S3_REGION' },
            bucket: { type: 'string', minLength: 3, maxLength: 63, env: 'CHARTCLERK_S3_BUCKET' },
            pathStyle: { type: 'boolean', default: true },
            createBucket: { type: 'boolean', default: false, env: 'CHARTCLERK_S3_CREATE_BUCKET' },
            accessKeyFile: { type: 'string' },
            secretKeyFile: { type: 'string' },
            partSizeMb: { type: 'integer', minimum: 5, default: 16 },
            objectLock: {
              type: 'object',
              additionalProperties: false,
              properties: {
                mode: { enum: ['GOVERNANCE', 'COMPLIANCE'] },
                days: { type: 'integer', minimum: 1 },
              },
              required: ['mode', 'days'],
            },
          },
        },
        archive: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            bucket: { type: 'string', minLength: 3, maxLength: 63 },
            prefix: { type: 'string', default: 'archive/' },
          },
        },
      },
    },
    catalog: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        path: { type: 'string', minLength: 1 },
        /** A PostgreSQL catalog shared by several desks: postgres://user@host:port/db (no password here). */
        url: { type: 'string', pattern: '^postgres(ql)?://', env: 'CHARTCLERK_CATALOG_URL' },
        /** File holding the PostgreSQL password (or CHARTCLERK_CATALOG_PASSWORD / _FILE). */
        passwordFile: { type: 'string', minLength: 1 },
      },
    },
    ocr: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        workers: { type: 'integer', minimum: 1, maximum: 64, env: 'CHARTCLERK_OCR_WORKERS' },
        engine: { enum: ['tesseract.js', 'tesseract'], default: 'tesseract.js', env: 'CHARTCLERK_OCR_ENGINE' },
        tesseractPath: { type: 'string', default: 'tesseract' },
        language: { type: 'string', pattern: '^[a-z_+]+$', default: 'eng' },
        pageTimeoutMs: { type: 'integer', minimum: 1000, default: 120000, env: 'CHARTCLERK_OCR_PAGE_TIMEOUT_MS' },
        minTextLayerChars: { type: 'integer', minimum: 0, default: 25 },
        deskew: { type: 'boolean', default: true },
        renderDpi: { type: 'integer', minimum: 72, maximum: 600, default: 300 },
        maxPixels: { type: 'integer', minimum: 1000000, default: 150000000 },
        // Each OCR worker is a host process, replaced after this many pages or past this resident size (MB).
        recyclePages: { type: 'integer', minimum: 1, default: 40, env: 'CHARTCLERK_OCR_RECYCLE_PAGES' },
        recycleMemoryMb: { type: 'integer', minimum: 128, default: 240, env: 'CHARTCLERK_OCR_RECYCLE_MB' },
      },
    },
    ingest: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        concurrency: { type: 'integer', minimum: 1, maximum: 64, env: 'CHARTCLERK_INGEST_CONCURRENCY' },
        maxFileMb: { type: 'integer', minimum: 1, default: 500 },
        // Crashes of the whole process while a file was being read before it is quarantined (issue 13).
        maxCrashes: { type: 'integer', minimum: 1, default: 2, env: 'CHARTCLERK_INGEST_MAX_CRASHES' },
        // Each file is opened and rendered in a separate reader process within these limits.
        budget: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            memoryMb: { type: 'integer', minimum: 128, default: 768, env: 'CHARTCLERK_BUDGET_MEMORY_MB' },
            openSeconds: { type: 'integer', minimum: 1, default: 120, env: 'CHARTCLERK_BUDGET_OPEN_SECONDS' },
            pageSeconds: { type: 'integer', minimum: 1, default: 60, env: 'CHARTCLERK_BUDGET_PAGE_SECONDS' },
            maxPages: { type: 'integer', minimum: 1, default: 2000 },
            renderMaxPixels: { type: 'integer', minimum: 1000000, default: 16000000, env: 'CHARTCLERK_BUDGET_RENDER_MAX_PIXELS' },
          },
        },
      },
    },
    patients: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** Our MRN format, as a regular expression for the whole value. */
        mrnPattern: { type: 'string', minLength: 1, default: '^\\d{6,10}$', env: 'CHARTCLERK_MRN_PATTERN' },
        /** How numeric dates on outside records are read: 03/04/2025 is March 4 (MDY) or 3 April (DMY). */
        dateOrder: { enum: ['MDY', 'DMY'], default: 'MDY' },
      },
    },
    split: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /**
         * Where a fax cover sheet in a stack goes: 'with-document' (the first page of the document it
         * announces, never cut off from it) or 'own-part' (a part of its own).
         */
        faxCover: { enum: ['with-document', 'own-part'], default: 'with-document', env: 'CHARTCLERK_SPLIT_FAX_COVER' },
      },
    },
    filing: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** Below this classification confidence a document goes to review (default: the model's own threshold). */
        minTypeConfidence: { type: 'number', minimum: 0, maximum: 1, env: 'CHARTCLERK_MIN_TYPE_CONFIDENCE' },
      },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info', env: 'CHARTCLERK_LOG_LEVEL' },
        includePatientData: { type: 'boolean', default: false },
      },
    },
    deficiencies: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** A deficiency open longer than this is delinquent (DOMAIN M03; 30 typical). */
        delinquentAfterDays: { type: 'integer', minimum: 1, default: 30 },
        /** A records request to an outside provider is due this many days after it is printed or sent. */
        recordsRequestDueDays: { type: 'integer', minimum: 1, default: 14 },
      },
    },
    inactive: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** A chart with no new document or encounter for this many years is inactive (DOMAIN M02; 2 typical). */
        years: { type: 'integer', minimum: 1, default: 2 },
      },
    },
    routing: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** A routed outside report not acknowledged by its clinician after this many days escalates to the records lead (DOMAIN C07). */
        escalateAfterDays: { type: 'integer', minimum: 1, default: 7 },
      },
    },
    /** Every long-running chartclerk (start, serve, worker) reports itself and its rule set (src/nodes/). */
    // The work queue between watchers (who receive files) and workers (who read them); see src/queue/.
    queue: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** How long a worker holds a job without renewing it (seconds); a worker that went away frees its job after this. */
        leaseSeconds: { type: 'integer', minimum: 2, default: 900, env: 'CHARTCLERK_QUEUE_LEASE_SECONDS' },
        /** Runs of a job that did not end (its worker went away while reading it, or it failed) before it is quarantined. Default: ingest.maxCrashes. */
        maxAttempts: { type: 'integer', minimum: 1, env: 'CHARTCLERK_QUEUE_MAX_ATTEMPTS' },
        /** The wait before a job runs again after a failed run or a storage outage: this, doubled each time (seconds). */
        retryDelaySeconds: { type: 'integer', minimum: 1, default: 30, env: 'CHARTCLERK_QUEUE_RETRY_DELAY_SECONDS' },
        /** How often an idle worker looks for jobs that other processes queued (milliseconds). */
        pollMs: { type: 'integer', minimum: 50, default: 1000, env: 'CHARTCLERK_QUEUE_POLL_MS' },
      },
    },
    nodes: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** Seconds between reports. */
        heartbeatSeconds: { type: 'integer', minimum: 1, default: 30, env: 'CHARTCLERK_NODES_HEARTBEAT_SECONDS' },
        /** A node not heard from for this long is left out of the rule-set comparison (gone, or stopped without saying so). */
        freshSeconds: { type: 'integer', minimum: 2, default: 120, env: 'CHARTCLERK_NODES_FRESH_SECONDS' },
        /** The site this node works for (a watcher's scanner or fax folder), shown beside it. */
        site: { type: 'string', minLength: 1, maxLength: 100, env: 'CHARTCLERK_SITE' },
      },
    },
    /** The requesting clinic, printed on records-request notices, and its time zone. */
    clinic: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        name: { type: 'string', default: '' },
        address: { type: 'string', default: '' },
        phone: { type: 'string', default: '' },
        fax: { type: 'string', default: '' },
        /** IANA time zone of the clinic: "today", dates received, deadlines and ages are its local dates. */
        timeZone: { type: 'string', minLength: 1, default: 'UTC', env: 'CHARTCLERK_TIME_ZONE' },
      },
    },
    web: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        host: { type: 'string', default: '127.0.0.1', env: 'CHARTCLERK_WEB_HOST' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 8480, env: 'CHARTCLERK_WEB_PORT' },
        /** The address people open the desk at, e.g. https://records.example.org (behind a TLS proxy). */
        publicUrl: { type: 'string', minLength: 1, env: 'CHARTCLERK_WEB_PUBLIC_URL' },
        /** Session cookies only over HTTPS; default on when publicUrl is https. */
        secureCookies: { type: 'boolean', env: 'CHARTCLERK_WEB_SECURE_COOKIES' },
        /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client. */
        trustProxy: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
      },
    },
  },
} as const
