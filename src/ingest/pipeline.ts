/**
 * The ingest pipeline: one visible list of stages, run in order. A stage that
 * does not apply is skipped; a halt ends the run early with a reason
 * (duplicate, already complete); any error is converted once, here, into a
 * ChartclerkError that names the stage.
 */
import { toChartclerkError } from '../errors.js'
import { classify } from './stages/classify.js'
import { dedupe } from './stages/dedupe.js'
import { extract } from './stages/extract.js'
import { fields } from './stages/fields.js'
import { hash } from './stages/hash.js'
import { identify } from './stages/identify.js'
import { indexText } from './stages/indexText.js'
import { inspect } from './stages/inspect.js'
import { onFiled } from './stages/onFiled.js'
import { record } from './stages/record.js'
import { settle } from './stages/settle.js'
import { split } from './stages/split.js'
import { storeOriginal } from './stages/storeOriginal.js'
import type { Job, Stage, StageContext, StageOutcome } from './stages/types.js'

export const STAGES: readonly Stage[] = [
  inspect, // what is it, can it be read at all?
  hash, // SHA-256: identity and object key
  dedupe, // seen before? repeat receipt, or resume
  storeOriginal, // original into the object store, verified
  record, // document + receipt into the catalog
  extract, // text layer or OCR; page images, text, searchable PDF
  indexText, // pages and full-text index
  split, // one document or a stack? sure cuts make the parts documents; doubtful ones wait in review
  classify, // document type, calibrated confidence
  identify, // patient: two agreeing identifiers, or review
  fields, // the type's elements, dates, signature, page markers
  settle, // filed only when sure, else review
  onFiled, // a filed document: its chart back from the archive, routed to clinicians, the chart checked
]

export async function runPipeline(
  job: Job,
  ctx: StageContext,
  stages: readonly Stage[] = STAGES,
  onStage?: (name: string) => void,
): Promise<StageOutcome> {
  for (const stage of stages) {
    if (stage.appliesTo && !stage.appliesTo(job)) continue
    onStage?.(stage.name)
    let outcome: StageOutcome
    try {
      outcome = await stage.run(job, ctx)
    } catch (err) {
      throw toChartclerkError(err, 'INTERNAL', stage.name)
    }
    if (outcome.kind === 'halt') return outcome
  }
  return { kind: 'continue' }
}
