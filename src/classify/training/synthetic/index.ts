/**
 * Seeded generator of synthetic training documents, written for chartclerk (no outside
 * texts). The same seed gives the same documents; the held-out set uses another seed.
 *
 * @example
 *   const docs = generateSynthetic({ seed: 1, counts: DEFAULT_SYNTHETIC_COUNTS })
 */
import { makeRng, type Rng } from '../../rng.js'
import { consultNote, dischargeSummary, emergencyReport, historyAndPhysical, progressNote, radiologyReport, referralLetter } from './clinical.js'
import { edHouseStyle, hpHouseStyle, labHouseStyle, referralHouseStyle } from './houseStyles.js'
import { consentForm, immunizationRecord, labReport, otherDocument, roiAuthorization } from './nonclinical.js'

/** Half from the first generator, half from the other hospitals' house styles. */
const either = (a: (r: Rng) => string, b: (r: Rng) => string) => (r: Rng): string => (r.chance(0.5) ? a(r) : b(r))

export const SYNTHETIC_GENERATORS: Record<string, (r: Rng) => string> = {
  lab_report: either(labReport, labHouseStyle),
  immunization_record: immunizationRecord,
  consent_form: consentForm,
  roi_authorization: roiAuthorization,
  other: otherDocument,
  history_and_physical: either(historyAndPhysical, hpHouseStyle),
  referral_letter: either(referralLetter, referralHouseStyle),
  emergency_report: either(emergencyReport, edHouseStyle),
  consult_note: consultNote,
  progress_note: progressNote,
  discharge_summary: dischargeSummary,
  radiology_report: radiologyReport,
}

/** Training mix: many of the types the corpus lacks, some of the ones it has (so style is shared). */
export const DEFAULT_SYNTHETIC_COUNTS: Record<string, number> = {
  lab_report: 260,
  immunization_record: 220,
  consent_form: 220,
  roi_authorization: 220,
  other: 360,
  history_and_physical: 220,
  referral_letter: 220,
  emergency_report: 200,
  consult_note: 80,
  progress_note: 80,
  discharge_summary: 60,
  radiology_report: 60,
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
    for (let i = 0; i < n; i++) out.push({ text: gen(r).replace(/\n{3,}/g, '\n\n').trim(), type })
  }
  return out
}
