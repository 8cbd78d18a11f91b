/**
 * settle: the document's final state. It is filed into a chart only when its
 * type is sure enough and two identifiers agree on one patient; otherwise it
 * waits in the review queue with the reasons and the candidates. Never filed on a guess.
 */
import type { MatchResult } from '../../patients/match.js'
import { pageQualityReasons } from '../pageQuality.js'
import { extractionDetails, toChartFields } from './fields.js'
import { CONTINUE, type Stage } from './types.js'

export interface MatchSummary {
  decision: MatchResult['decision']
  mrn: string | null
  confidence: number | null
  candidates: { mrn: string; name: string; birthDate: string; deceased: boolean; score: number; agreeing: string[]; disagreeing: string[]; reasons: string[] }[]
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

export const settle: Stage = {
  name: 'settle',
  async run(job, ctx) {
    const reasons = [...(job.reviewReasons ?? []), ...(job.extracted ? pageQualityReasons(job.extracted) : [])]
    const c = job.classification
    const m = job.match
    const doc = ctx.catalog.documents.get(job.documentId!)!
    const details = { ...doc.details }
    if (c) details.classification = { type: c.type, confidence: c.confidence, alternatives: c.alternatives, reasons: c.reasons }
    if (m) details.match = summariseMatch(m)
    if (job.fields) {
      details.extraction = extractionDetails(job.fields)
      details.fields = toChartFields(job.fields)
    }
    if (!c || !m) reasons.push('Document type and patient have not been decided.')
    const sure = reasons.length === 0 && !!c && !c.needsReview && m?.decision === 'matched'
    const status = sure ? 'filed' : 'needs_review'
    ctx.catalog.tx(() => {
      ctx.catalog.documents.update(job.documentId!, {
        status,
        docType: c?.type ?? null,
        typeConfidence: c?.confidence ?? null,
        patientMrn: sure ? m!.patient!.mrn : null,
        reviewReasons: sure ? [] : reasons,
        details,
        errorCode: null,
        errorMessage: null,
      })
      ctx.catalog.events.append(sure ? 'document.filed' : 'document.needs_review', job.documentId!, sure ? { by: 'chartclerk', docType: c!.type } : { reasons: reasons.length })
    })
    job.status = status
    return CONTINUE
  },
}
