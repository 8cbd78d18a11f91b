/**
 * The retention schedule (rules/retention.json): per jurisdiction, adults are kept a number of
 * years after the last encounter, minors until majority plus a number of years, and some
 * document types longer (or "permanent"). The jurisdiction in force is `jurisdiction`.
 *
 * Retain a document until max(last encounter + max(adultYears, years for its type),
 * date of majority + minorYearsAfterMajority). The last encounter is the chart's latest
 * date of service (a document's received date when no date of service was read).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ChartclerkError } from '../errors.js'
import { addYears } from '../clock/calendar.js'

export interface JurisdictionSchedule {
  description?: string
  adultYears: number
  majorityAge: number
  minorYearsAfterMajority: number
  /** Longer periods per document type: years after the last encounter, or "permanent". */
  documentTypes: Record<string, number | 'permanent'>
}

export interface RetentionSchedule {
  jurisdiction: string
  schedule: JurisdictionSchedule
  file: string
}

export function loadRetentionSchedule(rulesDir: string, jurisdiction?: string): RetentionSchedule {
  const file = path.join(rulesDir, 'retention.json')
  if (!existsSync(file)) throw new ChartclerkError('CONFIG_INVALID', `There is no retention schedule (${file}). Add rules/retention.json before purging.`)
  let raw: any
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ChartclerkError('RULE_FILE_INVALID', `${file} is not valid JSON: ${(err as Error).message}.`)
  }
  const name = jurisdiction ?? raw?.jurisdiction
  const j = raw?.jurisdictions?.[name]
  const bad = (why: string) => new ChartclerkError('RULE_FILE_INVALID', `${file}: ${why}. Fix the retention schedule.`)
  if (typeof name !== 'string' || !j) throw bad(`no jurisdiction "${String(name)}" (have: ${Object.keys(raw?.jurisdictions ?? {}).join(', ') || 'none'})`)
  const num = (v: unknown, what: string): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(`${name}.${what} must be a whole number of years`)
    return v
  }
  const types: Record<string, number | 'permanent'> = {}
  for (const [t, v] of Object.entries(j.documentTypes ?? {})) types[t] = v === 'permanent' ? 'permanent' : num(v, `documentTypes.${t}`)
  return {
    jurisdiction: name,
    file,
    schedule: {
      description: typeof j.description === 'string' ? j.description : undefined,
      adultYears: num(j.adultYears, 'adultYears'),
      majorityAge: num(j.majorityAge ?? 18, 'majorityAge'),
      minorYearsAfterMajority: num(j.minorYearsAfterMajority ?? 0, 'minorYearsAfterMajority'),
      documentTypes: types,
    },
  }
}

/** The date until which a document is kept, or null when it is kept permanently. */
export function retainUntil(s: JurisdictionSchedule, o: { lastEncounter: string; birthDate: string | null; docType: string | null }): string | null {
  const t = o.docType ? s.documentTypes[o.docType] : undefined
  if (t === 'permanent') return null
  const adult = addYears(o.lastEncounter, Math.max(s.adultYears, t ?? 0))
  const minor = o.birthDate ? addYears(addYears(o.birthDate, s.majorityAge), s.minorYearsAfterMajority) : adult
  return adult > minor ? adult : minor
}
