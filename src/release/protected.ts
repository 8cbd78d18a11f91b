/**
 * Specially protected categories: left out of a release unless the authorization names them.
 * Built in: psychotherapy notes (45 CFR 164.508(a)(2)) and substance-use-disorder records
 * (42 CFR Part 2). The records lead adds state-protected ones in rules/protected.json:
 *
 *   { "categories": [ { "id": "hiv", "label": "HIV test results", "documentTypes": [], "keywords": ["HIV"] } ] }
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ChartclerkError } from '../errors.js'

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
  { id: 'psychotherapy_notes', label: 'Psychotherapy notes', documentTypes: ['psychotherapy_note'], keywords: ['psychotherapy notes', 'psychotherapy note'] },
  {
    id: 'part2',
    label: 'Substance use disorder records (42 CFR Part 2)',
    documentTypes: ['sud_treatment_record'],
    keywords: ['42 CFR Part 2', 'substance use disorder', 'substance abuse treatment'],
    part2: true,
  },
]

export function loadProtectedCategories(rulesDir: string): ProtectedCategory[] {
  const file = path.join(rulesDir, 'protected.json')
  const out = BUILTIN_CATEGORIES.map((c) => ({ ...c }))
  if (!existsSync(file)) return out
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ChartclerkError('RULE_FILE_INVALID', `${file} is not valid JSON: ${(err as Error).message}. Fix the file.`)
  }
  const cats = (parsed as { categories?: unknown }).categories
  if (!Array.isArray(cats)) throw new ChartclerkError('RULE_FILE_INVALID', `${file} needs a "categories" list. See src/release/protected.ts for the shape.`)
  for (const c of cats as Record<string, unknown>[]) {
    if (typeof c.id !== 'string' || !c.id) throw new ChartclerkError('RULE_FILE_INVALID', `${file}: every category needs an "id".`)
    const strings = (v: unknown, what: string): string[] => {
      if (v === undefined) return []
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ChartclerkError('RULE_FILE_INVALID', `${file}: "${what}" of category ${c.id} must be a list of strings.`)
      return v as string[]
    }
    const cat: ProtectedCategory = {
      id: c.id,
      label: typeof c.label === 'string' && c.label ? c.label : c.id,
      documentTypes: strings(c.documentTypes, 'documentTypes'),
      keywords: strings(c.keywords, 'keywords'),
      part2: c.part2 === true,
    }
    const existing = out.findIndex((x) => x.id === cat.id)
    if (existing >= 0) {
      const b = out[existing]!
      out[existing] = { ...b, label: cat.label, documentTypes: [...b.documentTypes, ...cat.documentTypes], keywords: [...b.keywords, ...cat.keywords], part2: b.part2 || cat.part2 }
    } else out.push(cat)
  }
  return out
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
