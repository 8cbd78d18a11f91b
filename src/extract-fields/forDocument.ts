/**
 * The fields of one document as the rest of chartclerk needs them: read by the records lead's
 * definition of its type (the ingest fields stage and a desk settlement both read this way),
 * and shaped for the chart.
 */
import type { ExtractionDetails } from '../charts/buildChart.js'
import type { DocTypeSet } from '../classify/doctypes.js'
import type { ExtractedText } from '../model/types.js'
import { documentDateOrder } from '../text/dateOrder.js'
import type { DateOrder } from '../text/dates.js'
import { extractFields } from './extract.js'
import type { FieldExtraction, TypeDefLike } from './types.js'

/** `dateOrder`: the configured order, used when the document does not show its own. `asOf`: the clinic's today, so an authorization that expired yesterday reads as expired (and a two-digit year as the nearest past one). */
export function readFields(docType: string, text: ExtractedText, types: DocTypeSet, dateOrder: DateOrder, asOf: string): FieldExtraction {
  const def = types.byType.get(docType) as TypeDefLike | undefined
  // The document's own dates, or where it was written, say which way round it writes day and month.
  const order = documentDateOrder(text.fullText, dateOrder).order
  return extractFields(docType, text, def ?? null, { asOf, refYear: Number(asOf.slice(0, 4)), order })
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
