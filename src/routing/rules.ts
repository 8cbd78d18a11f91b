/**
 * Routing rules: which clinician reviews which filed outside report. Files under
 * `rules/routing/` (`*.json`), each one rule or a list of rules, checked against
 * `rules/routing/routing.schema.json`. A rule matches on document type, sending facility
 * (text or regular expression), the provider named on the document (its author) and the
 * patient's primary provider; every condition given must hold. It routes to provider names
 * or to `$primaryProvider`.
 *
 * Read through the one rule-file loader (src/rules/ruleFiles.ts): loaded once, hot-reloaded by
 * the running service, and a broken file keeps the last good routing in force.
 *
 * @example
 *   const rules = requireKind(ROUTING_KIND, 'rules')    // throws RULE_FILE_INVALID naming file:line:col
 *   routeTargets(rules, { docType: 'lab_report', facility: 'Riverbend Lab', author: null, primaryProvider: 'Marcus Webb, DO' })
 *   // [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }]
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'
import { schemaKind, type RuleFileKind, type ValidFile } from '../rules/ruleFiles.js'
import type { RuleProblem } from '../rules/types.js'
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

const shippedRoutingDir = (): string => path.join(packageRoot(), 'rules', 'routing')

/** The routing parse step: each file one rule or a list; ids unique across files; patterns compile. */
function parseRouting(files: ValidFile[]): RoutingRule[] {
  const out: RoutingRule[] = []
  const seen = new Map<string, string>()
  for (const f of files) {
    const list = Array.isArray(f.value)
    const rules = (list ? f.value : [f.value]) as (Omit<RoutingRule, 'file'> & { $schema?: string })[]
    rules.forEach((r, i) => {
      const at = list ? `/${i}` : ''
      const first = seen.get(r.id)
      if (first) f.problem(`${at}/id`, `rule id "${r.id}" is already used in ${first}; each routing rule needs its own id`)
      else seen.set(r.id, f.file)
      if (r.match.facilityPattern) {
        try {
          new RegExp(r.match.facilityPattern, 'i')
        } catch (err) {
          f.problem(`${at}/match/facilityPattern`, `not a valid regular expression: ${(err as Error).message}`)
        }
      }
      const { $schema: _s, ...rest } = r
      out.push({ ...rest, file: f.file })
    })
  }
  return out
}

/** `rules/routing/`: the lead's folder, else the starter set shipped with chartclerk. An empty folder routes nothing. */
export const ROUTING_KIND: RuleFileKind<RoutingRule[]> = schemaKind<RoutingRule[]>({
  name: 'routing',
  title: 'routing rules',
  shape: 'folder',
  locate: (rulesDir) => {
    const own = path.join(rulesDir, 'routing')
    return existsSync(own) ? own : shippedRoutingDir()
  },
  schemaFile: () => path.join(shippedRoutingDir(), ROUTING_SCHEMA_FILE),
  formats: ['json'],
  emptyFolder: null,
  parse: (files) => parseRouting(files),
  describe: (rules) => `${rules.length} routing rule${rules.length === 1 ? '' : 's'}`,
})

/** Loads one routing folder: every rule, or none and the problems (a broken file is never left out quietly). */
export function loadRoutingRules(dir: string, cwd = process.cwd()): { rules: RoutingRule[]; problems: RuleProblem[] } {
  const r = ROUTING_KIND.load(dir, cwd)
  return { rules: r.value ?? [], problems: r.problems }
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
