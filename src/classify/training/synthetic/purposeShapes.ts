/**
 * Documents whose purpose, not their headings, tells the type: a referral whose covering letter
 * sends the patient on with the sender's own visit note enclosed (an urgent care, a walk-in clinic,
 * an ED or a family doctor's office); a therapist's or dietitian's evaluation sent back to the
 * clinician who asked for it, laid out like a visit. The enclosed visit note reads like a progress note or an
 * ED record and the evaluation like a visit, so only the letter's purpose sentence tells them apart.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import {
  COMPLAINTS,
  CONDITIONS,
  EXAM,
  MEDS,
  clinicName,
  drName,
  fmtDate,
  hospitalName,
  personName,
  providerName,
  randomDate,
  time,
  vitals,
  lines,
  cap,
} from './pools.js'

const SENDERS = [
  'Urgent Care',
  'Walk-In Clinic',
  'Express Care',
  'Immediate Care Center',
  'Family Practice',
  'Community Health Center',
  'Emergency Department',
  'Retail Clinic',
  'Student Health Service',
  'Occupational Health',
]
const SERVICES = [
  'cardiology',
  'orthopedics',
  'dermatology',
  'ENT',
  'neurology',
  'gastroenterology',
  'urology',
  'endocrinology',
  'your primary care practice',
  'nephrology',
  'pulmonology',
  'rheumatology',
  'ophthalmology',
  'general surgery',
]
const REASONS = [
  'follow-up of elevated blood pressure found at two visits',
  'evaluation of a wrist injury that is not improving',
  'ongoing care of newly found diabetes',
  'assessment of a changing mole on the back',
  'further work-up of a heart murmur heard today',
  'management of recurrent kidney stones',
  'evaluation of persistent hoarseness',
  'review of an abnormal ECG',
  'follow-up of a thyroid nodule seen on imaging',
  'ongoing knee pain after a fall',
  'recurrent headaches',
  'a persistent cough with an abnormal chest x-ray',
]

/** The sentence that says why the letter was written: sending the patient on. */
function purposeOut(r: Rng, who: string, svc: string, why: string): string {
  return r.pick([
    `I am referring ${who} to you for ${why}.`,
    `We are sending ${who} to ${svc} for ${why}; I would be grateful if you could see ${r.pick(['him', 'her', 'them'])}.`,
    `Could you please see ${who} for ${why}?`,
    `This is a referral of ${who} for ${why}. Please schedule ${r.pick(['him', 'her', 'them'])} at your earliest availability.`,
    `I would appreciate your assessment of ${who}, seen at our clinic, for ${why}.`,
    `${cap(who)} is referred to ${svc} for ${why}. Would you kindly see ${r.pick(['him', 'her', 'them'])}?`,
    `Please accept this referral for ${who} (${why}).`,
  ])
}

/** The sender's own visit, enclosed with the covering letter. */
function enclosedVisit(r: Rng, ed: boolean): string {
  const c = r.pick(COMPLAINTS)
  const d = randomDate(r)
  const sub = ed
    ? [
        r.pick(['Time in', 'Arrival', 'Checked in']) + `: ${time(r)}   ${r.pick(['Time out', 'Discharged', 'Departure'])}: ${time(r)}`,
        `${r.pick(['Chief complaint', 'CC', 'Reason for visit'])}: ${c}`,
        `${r.pick(['HPI', 'History', 'Presenting history'])}: ${r.pick(['Began', 'Started', 'Noticed'])} ${r.pick(['two days ago', 'this morning', 'last week'])}. ${r.pick(['No fever.', 'No trauma.', 'Took ibuprofen.'])}`,
        `${r.pick(['Vitals', 'Triage vitals', 'VS'])}: ${vitals(r)}`,
        `${r.pick(['Exam', 'PE', 'Physical exam'])}: ${r.some(EXAM, 2).join(' ')}`,
        `${r.pick(['Diagnosis', 'Impression', 'Assessment'])}: ${r.pick(CONDITIONS)}`,
        `${r.pick(['Disposition', 'Plan', 'Discharge'])}: ${r.pick(['home', 'discharged home', 'home with instructions'])}; ${r.pick(['follow up with specialist as referred', 'see referral letter', 'return if worse'])}.`,
      ]
    : [
        `${r.pick(['Subjective', 'S', 'History'])}: ${cap(c)} for ${r.pick(['three weeks', 'a month', 'several days'])}. ${r.pick(['Seen twice here.', 'Tried rest and ice.', 'No prior workup.'])}`,
        `${r.pick(['Objective', 'O', 'Exam'])}: ${vitals(r)} ${r.pick(EXAM)}`,
        `${r.pick(['Assessment', 'A', 'Impression'])}: ${r.pick(CONDITIONS)}`,
        `${r.pick(['Plan', 'P'])}: ${r.pick(MEDS)}; referral placed.`,
      ]
  return lines(
    r.pick(['--- Enclosed: visit note ---', 'VISIT NOTE', 'Encounter summary', 'Visit record (attached)', `Office visit ${fmtDate(r, d)}`]),
    ...sub,
    r.chance(0.6) && `Provider: ${providerName(r)}`,
  )
}

/** A covering referral letter or form with the sender's visit note behind it. */
export function referralWithVisitNote(r: Rng): string {
  const p = personName(r)
  const sender = `${r.pick([clinicName(r), hospitalName(r)])} ${r.pick(SENDERS)}`
  const svc = r.pick(SERVICES)
  const why = r.pick(REASONS)
  const who = r.pick([
    p.full,
    `Mr. ${p.family}`,
    `Ms. ${p.family}`,
    `our patient ${p.full}`,
    `${p.full}, date of birth ${fmtDate(r, randomDate(r, 1940, 2015))},`,
  ])
  const ed = r.chance(0.5)
  const letter = lines(
    r.chance(0.7) && sender,
    r.chance(0.5) && fmtDate(r, randomDate(r)),
    r.chance(0.6) && `${r.pick(['To', 'Attn', 'Re'])}: ${r.pick([drName(r), `${cap(svc)} department`, 'Intake coordinator'])}`,
    r.chance(0.6) && `${r.pick(['Dear', 'Dear Dr.'])} ${r.pick(['colleague', 'Doctor', personName(r).family])},`,
    purposeOut(r, who, svc, why),
    r.pick([
      `${r.pick(['Our visit note is enclosed', 'The note from today is attached', 'My office note is enclosed', 'Please find our visit record enclosed'])}.`,
      `The urgency is ${r.pick(['routine', 'soon', 'urgent'])}; please see ${r.pick(['him', 'her', 'them'])} within ${r.pick(['2 to 4 weeks', 'one week', 'a month'])}.`,
      `${r.pick(['Medications', 'Current medications'])}: ${r.some(MEDS, 2).join(', ')}.`,
    ]),
    r.chance(0.5) && `${r.pick(['Please contact our office', 'Call me', 'Contact the referral desk'])} with any questions.`,
    r.pick(['Sincerely,', 'Thank you,', 'Regards,', 'Many thanks,']),
    providerName(r),
  )
  const form = lines(
    r.pick(['REFERRAL REQUEST', 'Outgoing Referral', 'Referral / Transfer of Care', 'SPECIALTY REFERRAL']),
    `Patient: ${p.full}`,
    `${r.pick(['Refer to', 'Specialty', 'Referred to'])}: ${svc}`,
    `${r.pick(['Reason', 'Reason for referral', 'Diagnosis'])}: ${why}`,
    `${r.pick(['Priority', 'Urgency'])}: ${r.pick(['routine', 'urgent', 'within 2 weeks'])}`,
    `${r.pick(['Referring provider', 'Ordered by', 'From'])}: ${providerName(r)}, ${sender}`,
    r.pick(['Visit note attached.', 'Clinical notes enclosed.', 'Please see attached encounter.']),
  )
  return lines(r.chance(0.7) ? letter : form, '', enclosedVisit(r, ed))
}

const THERAPIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Physical Therapy', 'PT, DPT', 'Strength 4/5 hip abductors; gait antalgic; range of motion limited by pain.'],
  ['Occupational Therapy', 'OTR/L', 'Grip 18 kg right, 26 kg left; fine motor slowed; needs help with buttons.'],
  ['Speech-Language Pathology', 'MS, CCC-SLP', 'Bedside swallow: coughing with thin liquids; intelligibility 80% in sentences.'],
  ['Nutrition', 'RDN', 'Weight 92 kg, BMI 33; diet recall high in sweetened drinks; low fibre.'],
  ['Audiology', 'AuD', 'Moderate sensorineural loss above 2 kHz bilaterally; word recognition 84%.'],
  ['Cardiac Rehabilitation', 'RN, MS', '6-minute walk 340 m; no ischaemic changes; Borg 13.'],
  ['Behavioral Health', 'LCSW', 'PHQ-9 15; GAD-7 11; no safety concerns.'],
]

/** A therapist's evaluation sent back to the clinician who asked for it. */
export function therapyEvaluation(r: Rng): string {
  const [field, cred, finding] = r.pick(THERAPIES)
  const p = personName(r)
  const ref = drName(r)
  const dx = r.pick([...CONDITIONS, ...COMPLAINTS])
  const back = r.pick([
    'Thank you for this referral.',
    `Thank you for referring ${p.given}.`,
    'Returned to the referring provider for signature.',
    `In response to your referral, ${p.given} was evaluated today.`,
    'As you requested, an evaluation was completed.',
    'Thank you for allowing us to participate in the care of this patient.',
  ])
  const top = r.chance(0.5)
  return lines(
    r.pick([
      `${field} ${r.pick(['Initial Evaluation', 'Evaluation', 'Assessment'])}`,
      `${field.toUpperCase()} - EVALUATION AND PLAN OF CARE`,
      `${clinicName(r)} ${field}`,
    ]),
    `${r.pick(['Patient', 'Pt', 'Client'])}: ${p.full}   ${r.pick(['Referred by', 'Referring provider', 'Referral from', 'Ordering physician'])}: ${ref}`,
    `${r.pick(['Referral diagnosis', 'Dx', 'Reason for referral'])}: ${dx}`,
    top && back,
    `${r.pick(['Subjective', 'History', 'Patient report'])}: ${cap(r.pick(COMPLAINTS))} for ${r.pick(['six weeks', 'three months', 'a year'])}; ${r.pick(['goal to return to work', 'wants to walk without a cane', 'wants to eat safely', 'wants to lose weight'])}.`,
    `${r.pick(['Objective', 'Findings', 'Testing'])}: ${finding}`,
    `${r.pick(['Assessment', 'Impression', 'Clinical impression'])}: ${r.pick(['good rehabilitation potential', 'findings consistent with the referral diagnosis', 'will benefit from skilled therapy', 'moderate risk; education started'])}.`,
    `${r.pick(['Plan', 'Plan of care', 'Recommendations'])}: ${r.pick(['2x/week for 6 weeks', 'weekly for 8 sessions', 'home program and review in 4 weeks', 'three visits then reassess'])}; ${r.pick(['home exercise program', 'diet log', 'compensatory strategies', 'hearing aid trial'])}.`,
    !top && back,
    r.chance(0.5) &&
      `${r.pick(['Physician signature certifying plan of care', 'Please sign and return', 'Certification'])}: ____________  Date: ______`,
    `${r.pick(['Therapist', 'Clinician', 'Evaluated by'])}: ${personName(r).full}, ${cred}`,
  )
}
