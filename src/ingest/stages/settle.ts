/**
 * settle: the document's final state. It is filed only when the stages before
 * have established both its type and its patient with confidence; otherwise it
 * waits in the review queue with the reasons. Never filed on a guess.
 */
import { CONTINUE, type Stage } from './types.js'

export const settle: Stage = {
  name: 'settle',
  async run(job, ctx) {
    const reasons = job.reviewReasons ?? []
    const doc = ctx.catalog.documents.get(job.documentId!)!
    const sure = reasons.length === 0 && !!doc.docType && !!doc.patientMrn
    if (!sure && reasons.length === 0) reasons.push('Document type and patient have not been confirmed yet.')
    const status = sure ? 'filed' : 'needs_review'
    ctx.catalog.tx(() => {
      ctx.catalog.documents.update(job.documentId!, { status, reviewReasons: sure ? [] : reasons, errorCode: null, errorMessage: null })
      ctx.catalog.events.append(sure ? 'document.filed' : 'document.needs_review', job.documentId!, { reasons: sure ? [] : reasons.length })
    })
    job.status = status
    return CONTINUE
  },
}
