/** JSON Schema of chartclerk.config.json; Ajv fills in the defaults. */
export const configSchema = {
  $id: 'https://chartclerk.local/config.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    dataDir: { type: 'string', minLength: 1, default: './data' },
    quarantineDir: { type: 'string', minLength: 1, default: './quarantine' },
    rulesDir: { type: 'string', minLength: 1, default: './rules' },
    watch: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        inbox: { type: 'string', minLength: 1, default: './inbox' },
        polling: { type: 'boolean', default: false },
        pollIntervalMs: { type: 'integer', minimum: 100, default: 2000 },
        stabilityMs: { type: 'integer', minimum: 0, default: 2000 },
        rescanIntervalMs: { type: 'integer', minimum: 1000, default: 300000 },
      },
    },
    storage: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        backend: { enum: ['filesystem', 's3'], default: 'filesystem' },
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
            endpoint: { type: 'string', minLength: 1 },
            port: { type: 'integer', minimum: 1, maximum: 65535 },
            useSSL: { type: 'boolean', default: true },
            region: { type: 'string', default: 'us-east-1' },
            bucket: { type: 'string', minLength: 3, maxLength: 63 },
            pathStyle: { type: 'boolean', default: true },
            createBucket: { type: 'boolean', default: false },
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
        url: { type: 'string', pattern: '^postgres(ql)?://' },
        /** File holding the PostgreSQL password (or CHARTCLERK_CATALOG_PASSWORD / _FILE). */
        passwordFile: { type: 'string', minLength: 1 },
      },
    },
    ocr: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        workers: { type: 'integer', minimum: 1, maximum: 64 },
        engine: { enum: ['tesseract.js', 'tesseract'], default: 'tesseract.js' },
        tesseractPath: { type: 'string', default: 'tesseract' },
        language: { type: 'string', pattern: '^[a-z_+]+$', default: 'eng' },
        pageTimeoutMs: { type: 'integer', minimum: 1000, default: 120000 },
        minTextLayerChars: { type: 'integer', minimum: 0, default: 25 },
        deskew: { type: 'boolean', default: true },
        renderDpi: { type: 'integer', minimum: 72, maximum: 600, default: 300 },
        maxPixels: { type: 'integer', minimum: 1000000, default: 150000000 },
      },
    },
    ingest: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        concurrency: { type: 'integer', minimum: 1, maximum: 64 },
        maxFileMb: { type: 'integer', minimum: 1, default: 500 },
        // Crashes of the whole process while a file was being read before it is quarantined (issue 13).
        maxCrashes: { type: 'integer', minimum: 1, default: 2 },
        // Each file is opened and rendered in a separate reader process within these limits.
        budget: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            memoryMb: { type: 'integer', minimum: 128, default: 768 },
            openSeconds: { type: 'integer', minimum: 1, default: 120 },
            pageSeconds: { type: 'integer', minimum: 1, default: 60 },
            maxPages: { type: 'integer', minimum: 1, default: 2000 },
            renderMaxPixels: { type: 'integer', minimum: 1000000, default: 40000000 },
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
        mrnPattern: { type: 'string', minLength: 1, default: '^\\d{6,10}$' },
        /** How numeric dates on outside records are read: 03/04/2025 is March 4 (MDY) or 3 April (DMY). */
        dateOrder: { enum: ['MDY', 'DMY'], default: 'MDY' },
      },
    },
    filing: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        /** Below this classification confidence a document goes to review (default: the model's own threshold). */
        minTypeConfidence: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
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
        timeZone: { type: 'string', minLength: 1, default: 'UTC' },
      },
    },
    web: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 8480 },
        /** The address people open the desk at, e.g. https://records.example.org (behind a TLS proxy). */
        publicUrl: { type: 'string', minLength: 1 },
        /** Session cookies only over HTTPS; default on when publicUrl is https. */
        secureCookies: { type: 'boolean' },
        /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client. */
        trustProxy: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
      },
    },
  },
} as const
