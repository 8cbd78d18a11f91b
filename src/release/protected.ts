/**
 * Specially protected categories: left out of a release unless the authorization names them.
 * Built in: psychotherapy notes (45 CFR 164.508(a)(2)) and substance-use-disorder records
 * (42 CFR Part 2). The records lead adds state-protected ones in rules/protected.json
 * (checked against rules/protected.schema.json by the one rule-file loader):
 *
 *   { "categories": [ { "id": "hiv", "label": "HIV test results", "documentTypes": [], "keywords": ["HIV"] } ] }
 */
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'
import { requireKind, schemaKind, type RuleFileKind } from '../rules/ruleFiles.js'

export interface ProtectedCategory {
  id: string
  label: string
  /** Document types that are always in the category. */
  documentTypes: string[]
  /** Words or phrases (whole words, any case) in a document's text that put it in the category. */
  keywords: string[]
  /** 42 CFR Part 2 records: a release carries the 2.32 notice. */
  part2?: boolean
}

export const BUILTIN_CATEGORIES: ProtectedCategory[] = [
  {
    id: 'psychotherapy_notes',
    label: 'Psychotherapy notes',
    documentTypes: ['psychotherapy_note'],
    keywords: ['psychotherapy notes', 'psychotherapy note'],
  },
  {
    id: 'part2',
    label: 'Substance use disorder records (42 CFR Part 2)',
    documentTypes: ['sud_treatment_record'],
    keywords: ['42 CFR Part 2', 'substance use disorder', 'substance abuse treatment'],
    part2: true,
  },
]

interface ProtectedFile {
  categories: { id: string; label?: string; documentTypes?: string[]; keywords?: string[]; part2?: boolean }[]
}

/** The built-in categories with the records lead's added or extended ones. */
function withLeadCategories(file: ProtectedFile | null): ProtectedCategory[] {
  const out = BUILTIN_CATEGORIES.map((c) => ({ ...c }))
  for (const c of file?.categories ?? []) {
    const cat: ProtectedCategory = {
      id: c.id,
      label: c.label || c.id,
      documentTypes: c.documentTypes ?? [],
      keywords: c.keywords ?? [],
      part2: c.part2 === true,
    }
    const existing = out.findIndex((x) => x.id === cat.id)
    if (existing >= 0) {
      const b = out[existing]!
      out[existing] = {
        ...b,
        label: cat.label,
        documentTypes: [...b.documentTypes, ...cat.documentTypes],
        keywords: [...b.keywords, ...cat.keywords],
        part2: b.part2 || cat.part2,
      }
    } else out.push(cat)
  }
  return out
}

/** `rules/protected.json` (optional): without it, the built-in categories only. */
export const PROTECTED_KIND: RuleFileKind<ProtectedCategory[]> = schemaKind<ProtectedCategory[]>({
  name: 'protected',
  title: 'protected categories',
  shape: 'file',
  locate: (rulesDir) => path.join(rulesDir, 'protected.json'),
  schemaFile: () => path.join(packageRoot(), 'rules', 'protected.schema.json'),
  formats: ['json'],
  emptyFolder: null,
  whenMissing: () => withLeadCategories(null),
  parse: (files) => {
    const f = files[0]!
    const seen = new Set<string>()
    ;(f.value as ProtectedFile).categories.forEach((c, i) => {
      if (seen.has(c.id)) f.problem(`/categories/${i}/id`, `category "${c.id}" is listed twice; put its words in one entry`)
      seen.add(c.id)
    })
    return withLeadCategories(f.value as ProtectedFile)
  },
  describe: (cats) =>
    cats.length === BUILTIN_CATEGORIES.length ? `the ${cats.length} built-in protected categories` : `${cats.length} protected categories`,
})

/** Reads the categories now (one-shot commands); throws RULE_FILE_INVALID naming file:line:col. */
export function loadProtectedCategories(rulesDir: string): ProtectedCategory[] {
  return requireKind(PROTECTED_KIND, rulesDir)
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const phrase = (k: string): RegExp => new RegExp(`(?<![A-Za-z0-9])${escape(k).replace(/\s+/g, '\\s+')}(?![A-Za-z0-9])`, 'i')

/** The categories a document is in, by its type or the words on its pages. */
export function categoriesOf(docType: string | null, text: string, cats: ProtectedCategory[]): ProtectedCategory[] {
  return cats.filter((c) => (docType !== null && c.documentTypes.includes(docType)) || c.keywords.some((k) => phrase(k).test(text)))
}

/** The authorization's description of the information names the category (its label, or one of its words). */
export function namedBy(authorizationText: string, cat: ProtectedCategory): boolean {
  if (!authorizationText) return false
  return [cat.label, ...cat.keywords].some((k) => phrase(k).test(authorizationText))
}
