/**
 * The retention schedule (rules/retention.json): per jurisdiction, adults are kept a number of
 * years after the last encounter, minors until majority plus a number of years, and some
 * document types longer (or "permanent"). The jurisdiction in force is `jurisdiction`.
 *
 * Retain a document until max(last encounter + max(adultYears, years for its type),
 * date of majority + minorYearsAfterMajority). The last encounter is the chart's latest
 * date of service (a document's received date when no date of service was read).
 */
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'
import { ChartclerkError } from '../errors.js'
import { addYears } from '../clock/calendar.js'
import { requireKind, schemaKind, type RuleFileKind } from '../rules/ruleFiles.js'

export interface JurisdictionSchedule {
  description?: string
  adultYears: number
  majorityAge: number
  minorYearsAfterMajority: number
  /** Longer periods per document type: years after the last encounter, or "permanent". */
  documentTypes: Record<string, number | 'permanent'>
}

/** The whole retention file: every jurisdiction, and the one in force. */
export interface RetentionRules {
  /** The file, or null when there is none (purging is then refused). */
  file: string | null
  jurisdiction: string | null
  jurisdictions: Record<string, JurisdictionSchedule>
}

export interface RetentionSchedule {
  jurisdiction: string
  schedule: JurisdictionSchedule
  file: string
}

interface RetentionFile {
  jurisdiction: string
  jurisdictions: Record<string, Partial<JurisdictionSchedule> & { adultYears: number }>
}

/** `rules/retention.json`; without it there is no schedule and nothing is purged. */
export const RETENTION_KIND: RuleFileKind<RetentionRules> = schemaKind<RetentionRules>({
  name: 'retention',
  title: 'retention schedule',
  shape: 'file',
  locate: (rulesDir) => path.join(rulesDir, 'retention.json'),
  schemaFile: () => path.join(packageRoot(), 'rules', 'retention.schema.json'),
  formats: ['json'],
  emptyFolder: null,
  whenMissing: () => ({ file: null, jurisdiction: null, jurisdictions: {} }),
  parse: (files) => {
    const f = files[0]!
    const raw = f.value as RetentionFile
    const names = Object.keys(raw.jurisdictions)
    if (!raw.jurisdictions[raw.jurisdiction])
      f.problem('/jurisdiction', `no jurisdiction "${raw.jurisdiction}" below (have: ${names.join(', ')})`)
    const jurisdictions: Record<string, JurisdictionSchedule> = {}
    for (const [name, j] of Object.entries(raw.jurisdictions)) {
      jurisdictions[name] = {
        description: j.description,
        adultYears: j.adultYears,
        majorityAge: j.majorityAge ?? 18,
        minorYearsAfterMajority: j.minorYearsAfterMajority ?? 0,
        documentTypes: j.documentTypes ?? {},
      }
    }
    return { file: f.abs, jurisdiction: raw.jurisdiction, jurisdictions }
  },
  describe: (r) =>
    r.file
      ? `retention schedule for ${r.jurisdiction} (${Object.keys(r.jurisdictions).length} jurisdictions in the file)`
      : 'no retention schedule; purging is refused',
})

/** The schedule of one jurisdiction (default: the one in force). Throws CONFIG_INVALID or RULE_FILE_INVALID. */
export function scheduleFor(rules: RetentionRules, jurisdiction?: string): RetentionSchedule {
  if (!rules.file)
    throw new ChartclerkError(
      'CONFIG_INVALID',
      'There is no retention schedule (rules/retention.json). Add rules/retention.json before purging.',
    )
  const name = jurisdiction ?? rules.jurisdiction ?? ''
  const schedule = rules.jurisdictions[name]
  if (!schedule)
    throw new ChartclerkError(
      'RULE_FILE_INVALID',
      `${rules.file}: no jurisdiction "${name}" (have: ${Object.keys(rules.jurisdictions).join(', ') || 'none'}). Fix the retention schedule or name another jurisdiction.`,
    )
  return { jurisdiction: name, schedule, file: rules.file }
}

/** Reads the schedule now (one-shot commands); throws RULE_FILE_INVALID naming file:line:col. */
export function loadRetentionSchedule(rulesDir: string, jurisdiction?: string): RetentionSchedule {
  return scheduleFor(requireKind(RETENTION_KIND, rulesDir), jurisdiction)
}

/** The date until which a document is kept, or null when it is kept permanently. */
export function retainUntil(
  s: JurisdictionSchedule,
  o: { lastEncounter: string; birthDate: string | null; docType: string | null },
): string | null {
  const t = o.docType ? s.documentTypes[o.docType] : undefined
  if (t === 'permanent') return null
  const adult = addYears(o.lastEncounter, Math.max(s.adultYears, t ?? 0))
  const minor = o.birthDate ? addYears(addYears(o.birthDate, s.majorityAge), s.minorYearsAfterMajority) : adult
  return adult > minor ? adult : minor
}
