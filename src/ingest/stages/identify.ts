/**
 * identify: whose chart. Identifiers are read from the text and matched against
 * the patient index by the two-identifier rule; look-alikes and anything weaker
 * go to review with the candidates and the reasons.
 */
import { extractIdentifiers } from '../../patients/extractIdentifiers.js'
import { isInformational, matchPatient } from '../../patients/match.js'
import { CONTINUE, type Stage } from './types.js'

export const identify: Stage = {
  name: 'identify',
  appliesTo: (job) => !!job.extracted,
  async run(job, ctx) {
    const ids = extractIdentifiers(job.extracted!.fullText, {
      mrnPattern: ctx.config.patients.mrnPattern,
      dateOrder: ctx.config.patients.dateOrder,
    })
    const match = await matchPatient(ids, ctx.catalog.patients)
    job.match = match
    if (match.decision !== 'matched') {
      const reasons = (job.reviewReasons ??= [])
      if (match.decision === 'no_candidates' && (await ctx.catalog.patients.count()) === 0) {
        reasons.push(
          'No patient index has been imported yet: run "chartclerk patients import FILE"; the documents waiting here are matched again after the import.',
        )
      } else {
        // Only real reasons: the note about other facilities' numbers set aside is no reason to review.
        const real = match.reasons.filter((r) => !isInformational(r))
        reasons.push(`Patient not certain: ${real[0] ?? 'two agreeing identifiers were not found'}`)
        for (const r of real.slice(1, 3)) reasons.push(r)
      }
    }
    return CONTINUE
  },
}
