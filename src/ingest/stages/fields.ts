/**
 * fields: per type, the elements the records lead's type file lists, with where
 * each was found; the date of service, author, sending facility, signature and
 * "Page x of N" markers.
 */
import { extractFields, toChartFields } from '../../extract-fields/extract.js'
import type { ExtractionDetails } from '../../charts/buildChart.js'
import type { FieldExtraction, TypeDefLike } from '../../extract-fields/types.js'
import type { ExtractedText } from '../../model/types.js'
import type { DocTypeSet } from '../../classify/doctypes.js'
import type { DateOrder } from '../../text/dates.js'
import { CONTINUE, type Stage } from './types.js'

/** `asOf`: the clinic's today, so an authorization that expired yesterday reads as expired (and a two-digit year as the nearest past one). */
export function readFields(docType: string, text: ExtractedText, types: DocTypeSet, dateOrder: DateOrder, asOf: string): FieldExtraction {
  const def = types.byType.get(docType) as TypeDefLike | undefined
  return extractFields(docType, text, def ?? null, { asOf, refYear: Number(asOf.slice(0, 4)), order: dateOrder })
}

export function extractionDetails(x: FieldExtraction): ExtractionDetails {
  const sig = x.signature
  return {
    dateOfService: x.dateOfService?.value ?? null,
    author: x.author?.value ?? null,
    facility: x.facility?.value ?? null,
    signed: { present: sig.present, by: sig.by, date: sig.date, kind: sig.kind },
    pagesDeclared: x.pages.pagesDeclared,
    missingPages: x.pages.missingPages,
    status: x.status,
    missing: x.missing,
  }
}

export const fields: Stage = {
  name: 'fields',
  appliesTo: (job) => !!job.extracted && !!job.classification,
  async run(job, ctx) {
    job.fields = readFields(job.classification!.type, job.extracted!, ctx.classifier.docTypes, ctx.config.patients.dateOrder, ctx.clock.today())
    return CONTINUE
  },
}

export { toChartFields }
