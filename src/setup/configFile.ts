/**
 * The first `chartclerk.config.json`, as `chartclerk init` writes it: only the settings a desk
 * chooses at set-up, each with a comment saying what it does (the loader reads // comments).
 * Every other setting keeps its default; the README's configuration section lists them.
 */

export interface SetupAnswers {
  mrnPattern: string
  dateOrder: 'MDY' | 'DMY'
  timeZone: string
  inbox: string
  dataDir: string
  storage: { backend: 'filesystem' } | { backend: 's3'; endpoint: string; bucket: string; region?: string }
  clinicName?: string
}

const j = (v: unknown) => JSON.stringify(v)

export function renderConfig(a: SetupAnswers): string {
  const storage =
    a.storage.backend === 'filesystem'
      ? [
          '  "storage": {',
          '    // Originals and page images in a folder of files (data folder/objects); "s3" for an S3 bucket.',
          '    "backend": "filesystem"',
          '  },',
        ]
      : [
          '  "storage": {',
          '    // Originals and page images in an S3 bucket. The keys come from the environment only:',
          '    // CHARTCLERK_S3_ACCESS_KEY and CHARTCLERK_S3_SECRET_KEY (or their _FILE variants).',
          '    "backend": "s3",',
          `    "s3": { "endpoint": ${j(a.storage.endpoint)}, "bucket": ${j(a.storage.bucket)}${a.storage.region ? `, "region": ${j(a.storage.region)}` : ''} }`,
          '  },',
        ]
  return [
    '// chartclerk settings, written by "chartclerk init". Comments like this one are allowed.',
    '// Relative paths are relative to this file. Environment variables (CHARTCLERK_...) override.',
    '{',
    '  // Scans dropped here are read and filed; chartclerk takes them out of the folder.',
    '  "watch": {',
    `    "inbox": ${j(a.inbox)}`,
    '  },',
    '  // The catalog (SQLite) and, with filesystem storage, the originals.',
    `  "dataDir": ${j(a.dataDir)},`,
    ...storage,
    '  "patients": {',
    "    // Our MRN format: only numbers that fit it are looked up as ours (other clinics' numbers are not).",
    `    "mrnPattern": ${j(a.mrnPattern)},`,
    '    // How numeric dates on outside records are read: MDY (03/04/2025 is March 4) or DMY (3 April).',
    `    "dateOrder": ${j(a.dateOrder)}`,
    '  },',
    '  "clinic": {',
    "    // The clinic's name, printed on records requests to outside providers.",
    `    "name": ${j(a.clinicName ?? '')},`,
    '    // The clinic\'s time zone (IANA name): "today", deadlines and ages are dates there.',
    `    "timeZone": ${j(a.timeZone)}`,
    '  }',
    '}',
    '',
  ].join('\n')
}
