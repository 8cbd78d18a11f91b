/**
 * Settling a review item: a person chooses the patient and the document type.
 * The document is filed into that chart, its fields are read again for the
 * chosen type, the decision is kept as training data and in the event log, and
 * what follows a filing runs (`onFiled`: reactivate, route, check the chart and any chart it leaves).
 */
import type { Catalog } from '../catalog/db.js'
import type { DocTypeSet } from '../classify/doctypes.js'
import { ChartclerkError } from '../errors.js'
import { onFiled, type FiledOutcome, type OnFiledDeps } from '../filing/onFiled.js'
import { toChartFields } from '../extract-fields/extract.js'
import { extractionDetails, readFields } from '../extract-fields/forDocument.js'
import { RoutesRepo, syncRoutingDetails } from '../routing/repo.js'
import type { RuleSet } from '../rules/types.js'
import type { ObjectStore } from '../storage/objectStore.js'
import { storedTextOf } from './storedText.js'

export interface Settlement {
  mrn: string
  docType: string
  by: string
  note?: string
}

/** What a settlement needs beyond what follows a filing: the document types known, the check rules in force, the stored text. */
export type SettleDeps = OnFiledDeps & {
  catalog: Catalog
  classifier: { readonly docTypes: DocTypeSet }
  rules: { readonly current: RuleSet | null }
  store: ObjectStore
}

/**
 * Files the document as the person decided, then runs what follows a filing (`onFiled`). The
 * filing stands whatever happens after it: the outcome's `problems` say what did not follow and
 * what to do.
 */
export async function settleDocument(deps: SettleDeps, documentId: number, s: Settlement): Promise<FiledOutcome> {
  const { catalog } = deps
  const doc = await catalog.documents.get(documentId)
  if (!doc)
    throw new ChartclerkError('NOT_FOUND', `There is no document ${documentId}.`, {
      cliHint: '"chartclerk review list" shows what waits for review.',
    })
  if (doc.status !== 'needs_review' && doc.status !== 'filed') {
    throw new ChartclerkError(
      'CONFLICT',
      `Document ${documentId} is ${doc.status.replace('_', ' ')}, not waiting for review; it cannot be filed until it has been read.`,
    )
  }
  if (doc.status === 'needs_review' && doc.details.split) {
    throw new ChartclerkError(
      'USAGE',
      `Document ${documentId} is a stack of several documents waiting to be split: open it on the desk's review page, decide where each document starts, then file the parts.`,
    )
  }
  const patient = await catalog.patients.get(s.mrn)
  if (!patient)
    throw new ChartclerkError(
      'NOT_FOUND',
      `There is no patient with MRN ${s.mrn} in the patient index. Check the number, or import the index first.`,
    )
  if (!deps.classifier.docTypes.byType.has(s.docType)) {
    throw new ChartclerkError(
      'USAGE',
      `"${s.docType}" is not a document type. Known types: ${[...deps.classifier.docTypes.byType.keys()].sort().join(', ')}.`,
    )
  }
  if (!s.by.trim()) throw new ChartclerkError('USAGE', 'Say who settles the document.', { cliHint: 'Give --by NAME.' })
  const previousMrn = doc.patientMrn
  const x = readFields(
    s.docType,
    await storedTextOf(deps, documentId),
    deps.classifier.docTypes,
    deps.config.patients.dateOrder,
    deps.clock.today(),
  )
  const proposed = (doc.details.classification as { type?: string } | undefined)?.type ?? doc.docType
  const proposedMrn = (doc.details.match as { mrn?: string | null } | undefined)?.mrn ?? null
  await catalog.tx(async (c) => {
    await c.documents.update(documentId, {
      status: 'filed',
      docType: s.docType,
      typeConfidence: 1,
      patientMrn: s.mrn,
      reviewReasons: [],
      details: { ...doc.details, extraction: extractionDetails(x), fields: toChartFields(x), settledBy: s.by },
    })
    await c.settlements.add({
      documentId,
      docType: s.docType,
      patientMrn: s.mrn,
      proposedType: proposed ?? null,
      proposedMrn,
      settledBy: s.by,
      note: s.note ?? null,
    })
    if (previousMrn && previousMrn !== s.mrn) {
      // Refiled to another patient: whoever it was routed to loses it (and, through it, the new
      // chart) before the move is kept; routing after the filing decides afresh for the new chart.
      const revoked = await new RoutesRepo(deps.sql).revokeAll(documentId)
      if (revoked.length) {
        await syncRoutingDetails(c, deps.sql, documentId)
        await c.events.append('document.routes_revoked', documentId, {
          by: s.by,
          routes: revoked.length,
          acknowledged: revoked.filter((r) => r.acknowledgedAt).length,
        })
      }
    }
    await c.events.append(previousMrn && previousMrn !== s.mrn ? 'document.refiled' : 'document.settled', documentId, {
      by: s.by,
      docType: s.docType,
      typeCorrected: !!proposed && proposed !== s.docType,
      patientCorrected: !!proposedMrn && proposedMrn !== s.mrn,
    })
  }, `document ${documentId}`)
  return onFiled(deps, { documentId, mrn: s.mrn, by: s.by, previousMrn, ruleset: deps.rules.current })
}
