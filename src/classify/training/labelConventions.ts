/**
 * The labels chartclerk's type files define, applied to corpus rows labelled another way.
 *
 * The corpus labelled every sample named a "letter" `referral_letter`, including the
 * consultant's letter back to the referrer. In chartclerk a letter that reports a visit that
 * happened and answers the referrer is a `consult_note` (rules/doctypes/consult_note.json);
 * only a letter or form asking someone to see the patient is a `referral_letter`.
 *
 * The corpus also labelled every sample named a "consult" `consult_note`, including return visits
 * written as SOAP notes (Subjective, Objective, Assessment, Plan) that never speak of a
 * consultation, a referral or the clinician who asked. In chartclerk that is a clinic or follow-up
 * visit note: a `progress_note` (rules/doctypes/progress_note.json).
 */
import type { LabelledText } from './synthetic/index.js'

/** Phrases of a letter written after the visit, to the clinician who asked for it. */
const REPORTS_A_VISIT =
  /\b(?:had the pleasure of (?:seeing|meeting)|(?:was|were) seen (?:at|in|today)|saw (?:your patient|him|her) (?:today|in)|thank you (?:very much )?for (?:referring|the referral|asking me to see|allowing me to see))\b/i
/** Phrases of a letter asking for a visit. */
const ASKS_FOR_A_VISIT =
  /\b(?:i am referring|i would like to refer|please (?:see|evaluate|assess)|introduction to my patient|you will be seeing|thank you for seeing|would appreciate your (?:evaluation|opinion))\b/i

/** A note laid out as SOAP: a Subjective heading, then an Objective, exam or vital signs heading. */
const SOAP_LAYOUT = /(?:^|[\n,])\s*SUBJECTIVE\s*:[\s\S]*(?:^|[\n,])\s*(?:OBJECTIVE|(?:PHYSICAL )?EXAM(?:INATION)?|VITAL SIGNS)\s*:/im
/** Anything that says the note answers a request: a consultation, a referral, who asked. */
const SPEAKS_OF_A_REQUEST = /\b(?:consult\w*|refer\w*|thank you for|asked (?:me |us )?to see|requested|kindly|opinion)\b/i

/**
 * The type chartclerk gives a corpus row: a letter back to the referrer becomes a consult note,
 * a SOAP visit note that answers no request becomes a progress note.
 */
export function conventionalType<T extends LabelledText>(row: T): T {
  if (row.type === 'consult_note') {
    if (SOAP_LAYOUT.test(row.text) && !SPEAKS_OF_A_REQUEST.test(row.text)) return { ...row, type: 'progress_note' }
    return row
  }
  if (row.type !== 'referral_letter') return row
  if (REPORTS_A_VISIT.test(row.text) && !ASKS_FOR_A_VISIT.test(row.text)) return { ...row, type: 'consult_note' }
  return row
}
