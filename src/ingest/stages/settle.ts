/**
 * settle: the document's final state. It is filed into a chart only when its
 * type is sure enough and two identifiers agree on one patient; otherwise it
 * waits in the review queue with the reasons and the candidates. Never filed on a guess.
 */
import { summariseMatch } from '../../patients/matchSummary.js'
import { pageQualityReasons } from '../pageQuality.js'
import { toChartFields } from '../../extract-fields/extract.js'
import { extractionDetails } from '../../extract-fields/forDocument.js'
import { CONTINUE, type Stage } from './types.js'

export const settle: Stage = {
  name: 'settle',
  async run(job, ctx) {
    const reasons = [...(job.reviewReasons ?? []), ...(job.extracted ? pageQualityReasons(job.extracted) : [])]
    const c = job.classification
    const m = job.match
    const doc = (await ctx.catalog.documents.get(job.documentId!))!
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
    await ctx.catalog.tx(async (cat) => {
      await cat.documents.update(job.documentId!, {
        status,
        docType: c?.type ?? null,
        typeConfidence: c?.confidence ?? null,
        patientMrn: sure ? m!.patient!.mrn : null,
        reviewReasons: sure ? [] : reasons,
        details,
        errorCode: null,
        errorMessage: null,
      })
      await cat.events.append(
        sure ? 'document.filed' : 'document.needs_review',
        job.documentId!,
        sure ? { by: 'chartclerk', docType: c!.type } : { reasons: reasons.length },
      )
    }, `document ${job.documentId!}`)
    job.status = status
    return CONTINUE
  },
}
