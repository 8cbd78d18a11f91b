/**
 * Emergency records and admission H&Ps in the shapes of other notes: an ED or urgent-care visit
 * written as a SOAP note, as a paragraph, as a fast-track note with a few run-in labels; an
 * admission written as prose or as a short admitting note. Only what the visit is (arrival,
 * triage, work-up in the department, disposition; or admission, orders, code status) tells them
 * from progress notes and consults, so the model must learn that rather than the headings.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import {
  ALLERGIES,
  COMPLAINTS,
  CONDITIONS,
  EXAM,
  MEDS,
  ROS,
  SOCIAL,
  fmtDate,
  hospitalName,
  providerName,
  randomDate,
  time,
  vitals,
  lines,
  cap,
} from './pools.js'

const ARRIVAL = [
  'Arrived by EMS',
  'Brought in by ambulance',
  'Walk-in',
  'Came by private vehicle',
  'Brought by family',
  'Arrived via police',
]
const ED_WORKUP = [
  'CBC and BMP unremarkable; troponin negative x2.',
  'Chest x-ray clear. ECG sinus rhythm without acute changes.',
  'CT head without contrast negative.',
  'Urinalysis positive for nitrites; culture sent.',
  'X-ray shows a nondisplaced distal radius fracture; splinted.',
  'Lactate 1.4, blood cultures drawn, started on antibiotics.',
  'Bedside ultrasound without free fluid.',
  'D-dimer negative; low pretest probability.',
]
const ED_TREATMENT = [
  'Given 1 L normal saline and ondansetron with relief.',
  'Received ketorolac 15 mg IV; pain improved from 8/10 to 3/10.',
  'DuoNeb x3 and prednisone 60 mg PO with improved air movement.',
  'Laceration irrigated and closed with 5 simple interrupted sutures.',
  'Tetanus updated.',
  'Aspirin 324 mg given.',
]
const DISPO = [
  'Discharged home in stable condition with return precautions.',
  'Admitted to the hospitalist service for further management.',
  'Transferred to a tertiary center for higher level of care.',
  'Placed in observation for serial troponins.',
  'Discharged home; return to the ED for worsening symptoms.',
  'Left against medical advice after risks were discussed.',
  'Discharged with follow-up at urgent care or primary care in 2 days.',
]
const SETTING = [
  'Emergency Department',
  'ED',
  'ER',
  'Urgent Care',
  'Fast Track',
  'Freestanding Emergency Center',
  'Walk-in Clinic (urgent care)',
]

/** An emergency or urgent-care visit in the shape of a SOAP note, a paragraph or a short provider note. */
export function edOtherShape(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const age = r.int(2, 94)
  const sex = r.pick(['male', 'female', 'man', 'woman', 'M', 'F'])
  const setting = r.pick(SETTING)
  const seen = `${fmtDate(r, randomDate(r))} ${time(r)}`
  const shape = r.int(0, 3)
  if (shape === 0)
    return lines(
      r.chance(0.6) &&
        `${r.pick([hospitalName(r), setting.toUpperCase()])} - ${r.pick(['Provider Note', 'Visit Note', 'Clinical Note', 'Encounter'])}`,
      `${r.pick(['Time seen', 'Seen', 'Arrival'])}: ${seen}   ${r.chance(0.6) ? `ESI ${r.int(2, 5)}` : `Acuity ${r.int(2, 5)}`}`,
      `S: ${age} y/o ${sex} with ${cc}. ${r.pick(ARRIVAL)}. ${r.pick(['Onset this morning.', 'Began 3 hours prior to arrival.', 'Symptoms for 2 days, worse today.'])}`,
      `O: ${vitals(r)} ${r.pick(EXAM)}`,
      r.chance(0.7) && `${r.pick(['ED course', 'Course', 'Workup'])}: ${r.pick(ED_WORKUP)} ${r.pick(ED_TREATMENT)}`,
      `A: ${cap(r.pick([cc, ...CONDITIONS]))}.`,
      `P: ${r.pick(DISPO)}`,
      r.chance(0.6) &&
        `${providerName(r)}, ${r.pick(['emergency medicine', 'ED attending', 'urgent care provider', 'PA-C, emergency department'])}`,
    )
  if (shape === 1)
    return lines(
      r.chance(0.5) && r.pick(['Emergency visit', 'ED note', 'Urgent care visit', 'ER visit', setting]),
      `${r.pick(['Seen in the', 'Evaluated in the', 'Patient presented to the'])} ${setting.toLowerCase()} on ${seen}. ${r.pick(ARRIVAL)}. ${age}-year-old ${sex} with ${cc}. ${r.pick(['Triaged as ESI 3.', 'Triage vitals notable for tachycardia.', 'Triage nurse noted mild distress.', ''])}`,
      `${r.pick(['Exam:', 'On exam', 'Examination showed'])} ${vitals(r)} ${r.pick(EXAM)} ${r.pick(ED_WORKUP)} ${r.pick(ED_TREATMENT)} ${r.pick(['On reassessment she felt better.', 'Reassessed: improved.', 'Symptoms resolved in the department.'])}`,
      `${r.pick(['Impression', 'Diagnosis', 'Clinical impression'])}: ${r.pick([cc, ...CONDITIONS])}. ${r.pick(DISPO)}`,
    )
  if (shape === 2)
    return lines(
      r.pick(['URGENT CARE VISIT', 'Fast Track Note', 'ED Provider Note - Brief', 'Emergency Department Visit', 'Walk-in visit']),
      `Arrival ${seen}; ${r.pick(ARRIVAL).toLowerCase()}; triage level ${r.int(2, 5)}`,
      `Complaint: ${cc}`,
      `History: ${age} ${sex}, ${r.pick(['no prior episodes', 'similar episode last year', 'history of ' + r.pick(CONDITIONS)])}. Meds: ${r.pick(MEDS)}. Allergies: ${r.pick(ALLERGIES)}`,
      `Exam: ${vitals(r)}`,
      `MDM: ${r.pick(ED_WORKUP)} ${r.pick(['Low risk.', 'Doubt emergent cause.', 'Needs admission.', 'Safe for discharge.'])}`,
      `Dispo: ${r.pick(DISPO)}`,
      r.chance(0.5) && `Return precautions given. ${r.pick(['Work note provided.', 'Prescriptions sent.', 'Follow up with PCP.'])}`,
    )
  return lines(
    r.chance(0.7) && r.pick(['Emergency Medicine', 'EMERGENCY PHYSICIAN NOTE', 'ER Record', 'Emergency Care Record']),
    `${cap(cc)} - ${age} ${sex}`,
    `Time of arrival ${time(r)}. ${r.pick(ARRIVAL)}. ${r.chance(0.5) ? `Triage: ESI ${r.int(1, 4)}, ${vitals(r)}` : vitals(r)}`,
    `${r.pick(['Hx', 'History', 'HPI'])}: ${r.pick(['Sudden onset', 'Gradual onset', 'Intermittent'])} ${cc}; ${r.pick(SOCIAL)}`,
    r.chance(0.5) && `ROS: ${r.pick(ROS)}`,
    `Findings: ${r.pick(EXAM)}`,
    `${r.pick(['Treatment', 'Interventions', 'In department'])}: ${r.pick(ED_TREATMENT)}`,
    `${r.pick(['Final impression', 'Diagnosis', 'Dx'])}: ${r.pick([cc, ...CONDITIONS])}`,
    `${r.pick(['Disposition', 'Dispo', 'Discharge'])}: ${r.pick(DISPO)}`,
  )
}

const ADMIT_ORDERS = [
  'Admit to medicine, telemetry bed.',
  'Admit to the ICU under the critical care team.',
  'Admit to observation status.',
  'Admit to the surgical service; NPO after midnight.',
  'Admit to the inpatient psychiatric unit, voluntary.',
  'Admit to labor and delivery.',
]
const INPATIENT_PLAN = [
  'DVT prophylaxis with enoxaparin.',
  'Code status: full code.',
  'Code status: DNR/DNI, confirmed with patient.',
  'Diet: cardiac. Activity as tolerated.',
  'IV fluids, trend labs in the morning.',
  'Consult cardiology in the morning.',
  'Anticipated length of stay 2-3 days.',
]

/**
 * An admission or first-visit note laid out as SOAP: the whole history (past, medicines, allergies,
 * social, family, systems) under Subjective, the exam under Objective, admitting orders in the
 * plan; sometimes the assessment and plan come first. The SOAP headings alone do not make it a
 * progress note: the full history and the admission do.
 */
function hpSoapShape(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const he = r.pick(['She', 'He', 'Pt'])
  const head = lines(
    r.chance(0.4) && r.pick(['Admission H&P', 'Admit note', 'New patient visit', 'Initial visit', 'Hospitalist admission']),
    r.chance(0.5) && `${r.pick(['Pt', 'Patient'])}: ${r.int(18, 90)} ${r.pick(['F', 'M'])}   Date ${fmtDate(r, randomDate(r))}`,
  )
  const ap = lines(
    `${r.pick(['ASSESSMENT', 'Assessment', 'A'])}: ${cap(r.pick([cc, ...CONDITIONS]))}${r.pick(['.', ', not improving with outpatient treatment.', ' in a patient with ' + r.pick(CONDITIONS) + '.'])} ${r.pick(['Admit to medicine.', 'Admit to step-down.', 'Admit to telemetry.', 'Observation admission.'])}`,
    `${r.pick(['PLAN', 'Plan', 'P'])}: ${r.pick(ADMIT_ORDERS)} ${r.some(INPATIENT_PLAN, r.int(1, 3)).join(' ')}`,
  )
  const so = lines(
    `${r.pick(['Subjective', 'SUBJECTIVE', 'S'])}: ${r.int(1, 10)} ${r.pick(['days', 'weeks'])} of ${cc}. ${r.pick(['No relief at home.', 'Worse since last night.', 'Sent in by her PCP.', 'First time with these symptoms.'])}`,
    `${r.pick(['Past hx', 'PMH', 'Past medical history', 'Medical history'])}: ${r.some(CONDITIONS, r.int(1, 3)).join(', ')}. ${r.pick(['No surgeries.', 'Appendectomy.', 'C-section x2.'])}`,
    `${r.pick(['Medications', 'Meds', 'Home meds'])}: ${r.some(MEDS, r.int(1, 3)).join(', ')}`,
    `Allergies: ${r.pick(ALLERGIES)}`,
    `${r.pick(['Social', 'Social history', 'SH'])}: ${r.pick(SOCIAL)}`,
    r.chance(0.7) &&
      `${r.pick(['Family', 'Family history', 'FH'])}: ${r.pick(['mother diabetes', 'father MI at 60', 'noncontributory', 'sister asthma'])}.`,
    `${r.pick(['ROS', 'Review of systems'])}: ${r.pick(ROS)} ${he === 'Pt' ? 'Rest negative.' : ''}`,
    `${r.pick(['Objective', 'OBJECTIVE', 'O'])}: ${vitals(r)} ${r.some(EXAM, r.int(2, 4)).join(' ')}`,
  )
  return lines(
    head,
    ...(r.chance(0.35) ? [ap, so] : [so, ap]),
    r.chance(0.6) && `${providerName(r)} (${r.pick(['admitting resident', 'hospitalist', 'attending', 'PCP'])})`,
  )
}

/** An admission history and physical written as prose, as SOAP or as a short admitting note, with or without a title. */
export function hpOtherShape(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const age = r.int(1, 94)
  const sex = r.pick(['man', 'woman', 'male', 'female', 'boy', 'girl'])
  const pmh = r.some(CONDITIONS, r.int(1, 3)).join(', ')
  if (r.chance(0.3)) return hpSoapShape(r)
  if (r.chance(0.5))
    return lines(
      r.chance(0.5) &&
        r.pick(['Admission note', 'Admitting note', 'Admit H&P', 'Hospital admission', 'Inpatient admission - history and examination']),
      `${r.pick(['Admitted on', 'Date of admission', 'Admission date'])} ${fmtDate(r, randomDate(r))}. ${r.pick(['Source: patient and family.', 'History from the patient.', 'Historian: daughter.', ''])}`,
      `${age}-year-old ${sex} ${r.pick(['admitted for', 'admitted with', 'who comes in with', 'presenting with'])} ${cc}. ${r.pick(['Symptoms began 3 days ago.', 'Worsening over a week.', 'Sent in from clinic.', 'Referred from the ED.'])} Past history of ${pmh}. Takes ${r.pick(MEDS)}. ${r.pick(ALLERGIES)} ${r.pick(SOCIAL)}`,
      `${r.pick(['Systems review:', 'ROS', 'On review of systems'])} ${r.pick(ROS)}`,
      `${r.pick(['On examination', 'Exam', 'Physical'])}: ${vitals(r)} ${r.some(EXAM, 2).join(' ')}`,
      `${r.pick(['Assessment and plan', 'Impression and plan', 'A/P', 'Plan'])}: ${cap(r.pick([cc, ...CONDITIONS]))}. ${r.pick(ADMIT_ORDERS)} ${r.some(INPATIENT_PLAN, 2).join(' ')}`,
      r.chance(0.6) && `${providerName(r)}, ${r.pick(['admitting physician', 'hospitalist', 'attending', 'resident for Dr. on call'])}`,
    )
  return lines(
    r.chance(0.4) && hospitalName(r),
    r.chance(0.6) &&
      r.pick(['H&P', 'History & Physical', 'Initial Hospital Evaluation', 'Pre-admission history and physical', 'Admission assessment']),
    `Chief concern - ${cc}`,
    `Present illness - ${age} ${sex}, ${r.pick(['two days of', 'a week of', 'sudden'])} ${cc}. ${r.pick(['Failed outpatient treatment.', 'No relief at home.', 'Brought in by family.'])}`,
    `Past history - ${pmh}`,
    `Medicines - ${r.pick(MEDS)}; allergies - ${r.pick(ALLERGIES)}`,
    `Social/family - ${r.pick(SOCIAL)}`,
    `Systems - ${r.pick(ROS)}`,
    `Exam - ${vitals(r)} ${r.pick(EXAM)}`,
    `Impression - ${r.pick([cc, ...CONDITIONS])}`,
    `Plan - ${r.pick(ADMIT_ORDERS)} ${r.some(INPATIENT_PLAN, r.int(1, 3)).join(' ')}`,
  )
}
