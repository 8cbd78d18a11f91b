/**
 * Reading what the pipeline kept about a document (`documents.details`) for people: date of
 * service, sending facility, author, signature, extracted fields, and, for the review queue,
 * the proposed type and the candidate patients with the reasons for each.
 *
 * `details` is written by the classification, matching and extraction stages; this reads it
 * defensively so a document from an older pipeline (or one that stopped early) still shows.
 */
import type { DocumentRecord } from '../catalog/documents.js'
import { LAB_TABLE_FIELDS, withLabResults, type LabResultRow } from '../extract-fields/labResults.js'

export interface DocFacts {
  dateOfService: string | null
  facility: string | null
  author: string | null
  signed: { present: boolean; by: string | null; date: string | null } | null
  /** Required elements the extraction did not find (labels or field names). */
  missing: string[]
  /** Extracted fields as [name, value, page]. */
  fields: { name: string; value: string; page: number | null }[]
  /** Lab results, one row per test (documents stored before rows existed too). */
  labResults: LabResultRow[]
}

export interface Candidate {
  mrn: string
  name: string | null
  birthDate: string | null
  score: number | null
  reasons: string[]
  agreeing: string[]
}

export interface Proposal {
  docType: string | null
  typeConfidence: number | null
  /** Other types the classifier considered, best first. */
  alternatives: { type: string; probability: number }[]
  decision: string | null
  candidates: Candidate[]
  /** Identifiers read from the document, as text for the reviewer. */
  identifiers: string[]
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** A field's value as text: plain values, lists, `{ value, page }` hits. */
function fieldText(v: unknown): { value: string; page: number | null } | null {
  const o = obj(v)
  if (o && 'value' in o) {
    const inner = fieldText(o.value)
    return inner ? { value: inner.value, page: num(o.page) ?? inner.page } : null
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => fieldText(x)?.value).filter((x): x is string => !!x)
    return parts.length ? { value: parts.join('; '), page: null } : null
  }
  if (o) {
    const parts = Object.entries(o)
      .map(([k, x]) => {
        const t = fieldText(x)
        return t ? `${k}: ${t.value}` : null
      })
      .filter(Boolean)
    return parts.length ? { value: parts.join(', '), page: null } : null
  }
  if (typeof v === 'boolean') return { value: v ? 'yes' : 'no', page: null }
  const s = str(v)
  return s ? { value: s, page: null } : null
}

export function documentFacts(doc: DocumentRecord): DocFacts {
  const d = doc.details
  const x = obj(d.extraction) ?? {}
  const hitValue = (v: unknown) => fieldText(v)?.value ?? null
  const sig = obj(x.signed) ?? obj(x.signature)
  const { labResults, ...fieldsObj } = withLabResults(obj(d.fields) ?? obj(x.fields) ?? {})
  // With the results table shown, its columns as "; "-joined lists would only repeat it.
  if (Array.isArray(labResults) && labResults.length) for (const k of LAB_TABLE_FIELDS) delete fieldsObj[k]
  return {
    dateOfService: hitValue(x.dateOfService) ?? hitValue(d.dateOfService),
    facility: hitValue(x.facility) ?? hitValue(d.facility),
    author: hitValue(x.author) ?? hitValue(d.author),
    signed: sig ? { present: !!sig.present, by: str(sig.by), date: str(sig.date) } : null,
    missing: Array.isArray(x.missing) ? x.missing.map(String) : [],
    fields: Object.entries(fieldsObj)
      .map(([name, v]) => {
        const t = fieldText(v)
        return t ? { name, value: t.value, page: t.page } : null
      })
      .filter((f): f is { name: string; value: string; page: number | null } => !!f),
    labResults: Array.isArray(labResults) ? (labResults as LabResultRow[]) : [],
  }
}

function candidateOf(v: unknown): Candidate | null {
  const o = obj(v)
  if (!o) return null
  const p = obj(o.patient) ?? o
  const mrn = str(p.mrn)
  if (!mrn) return null
  const name = str(p.name) ?? ([str(p.familyName) ?? str(p.family), str(p.givenName) ?? str(p.given)].filter(Boolean).join(', ') || null)
  return {
    mrn,
    name,
    birthDate: str(p.birthDate),
    score: num(o.score),
    reasons: Array.isArray(o.reasons) ? o.reasons.map(String) : [],
    agreeing: Array.isArray(o.agreeing) ? o.agreeing.map(String) : [],
  }
}

export function reviewProposal(doc: DocumentRecord): Proposal {
  const d = doc.details
  const cls = obj(d.classification) ?? obj(d.classify) ?? {}
  const match = obj(d.match) ?? obj(d.patientMatch) ?? obj(d.patient) ?? {}
  const probs = obj(cls.probabilities)
  const altList = Array.isArray(cls.alternatives) ? cls.alternatives : Array.isArray(cls.ranked) ? cls.ranked : null
  let alternatives: { type: string; probability: number }[] = []
  if (altList)
    alternatives = altList
      .map((a) => obj(a))
      .filter((a): a is Record<string, unknown> => !!a && !!str(a.type))
      .map((a) => ({ type: str(a.type)!, probability: num(a.probability) ?? num(a.p) ?? num(a.confidence) ?? 0 }))
  else if (probs) alternatives = Object.entries(probs).flatMap(([type, p]) => (typeof p === 'number' ? [{ type, probability: p }] : []))
  alternatives.sort((a, b) => b.probability - a.probability)
  const docType = doc.docType ?? str(cls.type) ?? str(cls.docType) ?? alternatives[0]?.type ?? null
  const ids = obj(d.identifiers) ?? obj(match.identifiers)
  const identifiers: string[] = []
  if (ids) {
    for (const [k, label] of [
      ['names', 'name'],
      ['birthDates', 'birth date'],
      ['mrns', 'record number'],
    ] as const) {
      const list = Array.isArray(ids[k]) ? (ids[k] as unknown[]) : []
      for (const item of list.slice(0, 4)) {
        const o = obj(item)
        const text = o
          ? (str(o.text) ?? str(o.value) ?? str(o.iso) ?? str(o.mrn) ?? ([str(o.family), str(o.given)].filter(Boolean).join(', ') || null))
          : str(item)
        if (text) identifiers.push(`${label}: ${text}`)
      }
    }
  }
  return {
    docType,
    typeConfidence: doc.typeConfidence ?? num(cls.confidence) ?? num(cls.probability),
    alternatives: alternatives.filter((a) => a.type !== docType).slice(0, 3),
    decision: str(match.decision),
    candidates: (Array.isArray(match.candidates) ? match.candidates : []).map(candidateOf).filter((c): c is Candidate => !!c),
    identifiers,
  }
}
