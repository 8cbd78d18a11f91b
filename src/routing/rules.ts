/**
 * Routing rules: which clinician reviews which filed outside report. Files under
 * `rules/routing/` (`*.json`), each one rule or a list of rules, checked against
 * `rules/routing/routing.schema.json`. A rule matches on document type, sending facility
 * (text or regular expression), the provider named on the document (its author) and the
 * patient's primary provider; every condition given must hold. It routes to provider names
 * or to `$primaryProvider`.
 *
 * @example
 *   const set = loadRoutingRules('rules/routing')      // { rules, problems }
 *   routeTargets(set.rules, { docType: 'lab_report', facility: 'Riverbend Lab', author: null, primaryProvider: 'Marcus Webb, DO' })
 *   // [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { packageRoot } from '../classify/paths.js'
import { sameProvider } from './names.js'

export const ROUTING_SCHEMA_FILE = 'routing.schema.json'
export const PRIMARY_PROVIDER = '$primaryProvider'

export interface RoutingRule {
  id: string
  title: string
  description?: string
  enabled?: boolean
  match: { docTypes?: string[]; facility?: string; facilityPattern?: string; author?: string; primaryProvider?: string }
  to: string[]
  /** File it came from (relative name). */
  file: string
}

export interface RoutingRuleSet {
  rules: RoutingRule[]
  /** `file: what is wrong`; a file with a problem contributes no rules. */
  problems: string[]
}

/** What routing looks at on a filed document. */
export interface RoutingSubject {
  docType: string | null
  facility: string | null
  author: string | null
  primaryProvider: string | null
}

export interface RouteTarget {
  provider: string
  ruleId: string
}

let cachedValidator: { file: string; v: ValidateFunction } | null = null

function validatorFor(schemaFile: string): ValidateFunction {
  if (cachedValidator?.file === schemaFile) return cachedValidator.v
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
  const v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>)
  cachedValidator = { file: schemaFile, v }
  return v
}

function schemaFileFor(dir: string): string {
  const own = path.join(dir, ROUTING_SCHEMA_FILE)
  if (existsSync(own)) return own
  return path.join(packageRoot(), 'rules', 'routing', ROUTING_SCHEMA_FILE)
}

/** Loads every rule file of the folder; a missing folder is an empty rule set. */
export function loadRoutingRules(dir: string): RoutingRuleSet {
  const out: RoutingRuleSet = { rules: [], problems: [] }
  if (!existsSync(dir)) return out
  let validate: ValidateFunction
  try {
    validate = validatorFor(schemaFileFor(dir))
  } catch (err) {
    out.problems.push(`${ROUTING_SCHEMA_FILE}: cannot be read (${(err as Error).message.slice(0, 200)})`)
    return out
  }
  const seen = new Map<string, string>()
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== ROUTING_SCHEMA_FILE).sort()) {
    let data: unknown
    try {
      data = JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
    } catch (err) {
      out.problems.push(`${name}: not valid JSON (${(err as Error).message.slice(0, 200)})`)
      continue
    }
    if (!validate(data)) {
      out.problems.push(...(validate.errors ?? []).slice(0, 5).map((e) => `${name} ${e.instancePath || '/'}: ${e.message ?? 'invalid'}`))
      continue
    }
    const rules = (Array.isArray(data) ? data : [data]) as Omit<RoutingRule, 'file'>[]
    const fileProblems: string[] = []
    for (const r of rules) {
      if (seen.has(r.id)) fileProblems.push(`${name}: rule id ${r.id} is already used in ${seen.get(r.id)}`)
      if (r.match.facilityPattern) {
        try {
          new RegExp(r.match.facilityPattern, 'i')
        } catch {
          fileProblems.push(`${name}: rule ${r.id}: facilityPattern is not a valid regular expression`)
        }
      }
    }
    if (fileProblems.length) {
      out.problems.push(...fileProblems)
      continue
    }
    for (const r of rules) {
      seen.set(r.id, name)
      const { $schema: _s, ...rest } = r as Omit<RoutingRule, 'file'> & { $schema?: string }
      out.rules.push({ ...rest, file: name })
    }
  }
  return out
}

export function ruleMatches(r: RoutingRule, s: RoutingSubject): boolean {
  if (r.enabled === false) return false
  const m = r.match
  if (m.docTypes && (!s.docType || !m.docTypes.includes(s.docType))) return false
  if (m.facility && !(s.facility ?? '').toLowerCase().includes(m.facility.toLowerCase())) return false
  if (m.facilityPattern && !(s.facility !== null && new RegExp(m.facilityPattern, 'i').test(s.facility))) return false
  if (m.author && !sameProvider(m.author, s.author)) return false
  if (m.primaryProvider && !sameProvider(m.primaryProvider, s.primaryProvider)) return false
  return true
}

/** The clinicians a document goes to: one per person (however their name is written), in rule order. */
export function routeTargets(rules: readonly RoutingRule[], s: RoutingSubject): RouteTarget[] {
  const out: RouteTarget[] = []
  for (const r of rules) {
    if (!ruleMatches(r, s)) continue
    for (const t of r.to) {
      const provider = t === PRIMARY_PROVIDER ? s.primaryProvider?.trim() || null : t.trim()
      if (!provider || out.some((o) => sameProvider(o.provider, provider))) continue
      out.push({ provider, ruleId: r.id })
    }
  }
  return out
}
