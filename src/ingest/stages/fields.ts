/**
 * fields: per type, the elements the records lead's type file lists, with where
 * each was found; the date of service, author, sending facility, signature and
 * "Page x of N" markers.
 */
import { readFields } from '../../extract-fields/forDocument.js'
import { CONTINUE, type Stage } from './types.js'

export const fields: Stage = {
  name: 'fields',
  appliesTo: (job) => !!job.extracted && !!job.classification,
  async run(job, ctx) {
    job.fields = readFields(
      job.classification!.type,
      job.extracted!,
      ctx.classifier.docTypes,
      ctx.config.patients.dateOrder,
      ctx.clock.today(),
    )
    return CONTINUE
  },
}
