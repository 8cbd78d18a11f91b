/**
 * Seeded generator of synthetic training documents, written for chartclerk (no outside
 * texts). The same seed gives the same documents; the held-out set uses another seed.
 *
 * @example
 *   const docs = generateSynthetic({ seed: 1, counts: DEFAULT_SYNTHETIC_COUNTS })
 */
import { makeRng, type Rng } from '../../rng.js'
import {
  consultNote,
  dischargeSummary,
  emergencyReport,
  historyAndPhysical,
  progressNote,
  radiologyReport,
  referralLetter,
} from './clinical.js'
import { edHouseStyle, hpHouseStyle, labHouseStyle, referralHouseStyle } from './houseStyles.js'
import { consentForm, immunizationRecord, labReport, otherDocument, roiAuthorization } from './nonclinical.js'
import { consultReply, referralRequest } from './letters.js'
import { consentAnyShape, hpAnyOrder, labAnyLayout, roiAnyShape } from './moreStyles.js'
import { edOtherShape, hpOtherShape } from './otherShapes.js'
import { adminPaper } from './adminPapers.js'
import { dischargeOtherShape, progressOtherShape } from './visitShapes.js'
import { referralWithVisitNote, therapyEvaluation } from './purposeShapes.js'
import { procedureSuiteReport } from './procedureShapes.js'
import { edWorkupShape } from './workupShapes.js'

type Gen = (r: Rng) => string
/** Half from the first generator, half from the other hospitals' house styles. */
const either =
  (a: Gen, b: Gen) =>
  (r: Rng): string =>
    r.chance(0.5) ? a(r) : b(r)
/** One of several generators, each as likely as the others. */
const anyOf =
  (...gens: Gen[]) =>
  (r: Rng): string =>
    r.pick(gens)(r)

export const SYNTHETIC_GENERATORS: Record<string, (r: Rng) => string> = {
  lab_report: anyOf(labReport, labHouseStyle, labAnyLayout, labAnyLayout),
  immunization_record: immunizationRecord,
  consent_form: either(consentForm, consentAnyShape),
  roi_authorization: either(roiAuthorization, roiAnyShape),
  // Half the desk's everyday papers, half administrative papers that carry clinical words (adminPapers.ts).
  other: either(otherDocument, adminPaper),
  history_and_physical: anyOf(historyAndPhysical, hpHouseStyle, hpAnyOrder, hpAnyOrder, hpOtherShape),
  // A letter that asks for a visit is a referral; the consultant's answer back is a consult note.
  referral_letter: anyOf(
    (r) => referralLetter(r),
    (r) => referralHouseStyle(r),
    referralRequest,
    referralRequest,
    referralWithVisitNote,
  ),
  emergency_report: anyOf(emergencyReport, edHouseStyle, edOtherShape, edWorkupShape),
  consult_note: anyOf(
    consultNote,
    consultNote,
    (r) => referralLetter(r, true),
    (r) => referralHouseStyle(r, true),
    consultReply,
    consultReply,
    consultReply,
    therapyEvaluation,
  ),
  progress_note: anyOf(progressNote, progressOtherShape, progressOtherShape),
  discharge_summary: anyOf(dischargeSummary, dischargeOtherShape, dischargeOtherShape),
  radiology_report: radiologyReport,
  // Procedures done in a laboratory or a unit (the corpus's operative reports are operating-room ones).
  operative_report: procedureSuiteReport,
}

/** Training mix: many of the types the corpus lacks, some of the ones it has (so style is shared). */
export const DEFAULT_SYNTHETIC_COUNTS: Record<string, number> = {
  lab_report: 360,
  immunization_record: 220,
  consent_form: 280,
  roi_authorization: 300,
  other: 600,
  history_and_physical: 460,
  referral_letter: 360,
  emergency_report: 360,
  consult_note: 340,
  progress_note: 300,
  discharge_summary: 240,
  radiology_report: 60,
  operative_report: 120,
}

export interface LabelledText {
  text: string
  type: string
}

export function generateSynthetic(opts: { seed: number; counts: Record<string, number> }): LabelledText[] {
  const out: LabelledText[] = []
  for (const [type, n] of Object.entries(opts.counts)) {
    const gen = SYNTHETIC_GENERATORS[type]
    if (!gen) continue
    const r = makeRng(`${opts.seed}:${type}`)
    for (let i = 0; i < n; i++)
      out.push({
        text: gen(r)
          .replace(/\n{3,}/g, '\n\n')
          .trim(),
        type,
      })
  }
  return out
}
