/**
 * What a document's patient match is kept as in its details (decision, candidates and their
 * reasons, no more of the patient than the review page shows): written when it settles, read
 * by the review queue, the command line and the runner's result.
 */
import type { MatchResult } from './match.js'

export interface MatchSummary {
  decision: MatchResult['decision']
  mrn: string | null
  confidence: number | null
  candidates: {
    mrn: string
    name: string
    birthDate: string
    deceased: boolean
    score: number
    agreeing: string[]
    disagreeing: string[]
    reasons: string[]
  }[]
  reasons: string[]
}

export function summariseMatch(m: MatchResult): MatchSummary {
  return {
    decision: m.decision,
    mrn: m.decision === 'matched' ? m.patient!.mrn : null,
    confidence: m.candidates[0]?.score ?? null,
    candidates: m.candidates.map((c) => ({
      mrn: c.patient.mrn,
      name: `${c.patient.familyName}, ${c.patient.givenName}`,
      birthDate: c.patient.birthDate,
      deceased: !!(c.patient.deceased || c.patient.deceasedDate),
      score: Math.round(c.score * 1000) / 1000,
      agreeing: c.agreeing,
      disagreeing: c.disagreeing,
      reasons: c.reasons,
    })),
    reasons: m.reasons,
  }
}
