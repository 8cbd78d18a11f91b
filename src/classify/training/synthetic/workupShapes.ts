/**
 * Emergency records that read like something else: an alert or trauma activation whose body is
 * mostly the imaging and results read in the department (so its words are a radiology report's);
 * a transfer out to another centre with the times of each step; a brief children's emergency note
 * with a weight and a caregiver (so it reads like a clinic visit or an admission). Only the
 * department's own parts (arrival, triage, the time line, the course, the disposition) tell them
 * apart.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import { EXAM, fmtDate, hospitalName, personName, providerName, randomDate, time, vitals, lines } from './pools.js'

const ALERTS: ReadonlyArray<{ names: readonly string[]; imaging: readonly string[]; results: readonly string[]; dx: readonly string[] }> = [
  {
    names: ['Stroke alert', 'Code stroke', 'Brain attack activation'],
    imaging: [
      'CT head without contrast: no hemorrhage, ASPECTS 9.',
      'CTA head and neck: occlusion of the left M1 segment.',
      'CT perfusion: core 12 mL, penumbra 80 mL, mismatch ratio 6.7.',
      'CT head: hypodensity in the right MCA territory, no bleed.',
    ],
    results: ['Glucose 142.', 'INR 1.0.', 'Platelets 231.', 'NIHSS 14 on arrival, 9 after tPA.'],
    dx: ['acute ischemic stroke, left MCA', 'large vessel occlusion', 'transient ischemic attack'],
  },
  {
    names: ['Trauma activation', 'Level 1 trauma', 'Trauma alert'],
    imaging: [
      'FAST: negative.',
      'CT head: small right frontal contusion.',
      'CT cervical spine: no fracture.',
      'CT chest/abdomen/pelvis with contrast: left rib fractures 5-7, small pneumothorax, grade II splenic laceration.',
      'Pelvis x-ray: no fracture.',
    ],
    results: ['Hemoglobin 11.8.', 'Lactate 3.1.', 'Ethanol 180.', 'Type and crossmatch sent.'],
    dx: ['blunt trauma, motor vehicle collision', 'fall from height', 'splenic laceration', 'rib fractures with pneumothorax'],
  },
  {
    names: ['STEMI alert', 'Chest pain pathway', 'Cardiac alert'],
    imaging: [
      'Chest x-ray: no acute process.',
      'Bedside echo: anterior wall hypokinesis, no effusion.',
      'CT angiogram chest: no dissection, no pulmonary embolism.',
    ],
    results: ['ECG: ST elevation V1-V4.', 'High-sensitivity troponin 48, then 310 at 1 hour.', 'Potassium 4.1.', 'Creatinine 1.0.'],
    dx: ['anterior STEMI', 'NSTEMI', 'chest pain, ACS ruled out'],
  },
  {
    names: ['Sepsis alert', 'Code sepsis'],
    imaging: [
      'Chest x-ray: right lower lobe consolidation.',
      'CT abdomen: perforated appendix with abscess.',
      'Renal ultrasound: moderate hydronephrosis.',
    ],
    results: ['Lactate 4.2, repeat 2.1.', 'WBC 19.4.', 'Blood cultures x2 drawn before antibiotics.', 'Procalcitonin 8.'],
    dx: ['septic shock, pneumonia', 'sepsis from urinary source', 'perforated appendicitis'],
  },
]

const TRANSFER_TO = [
  'comprehensive stroke center',
  'level I trauma center',
  'cardiac catheterization center',
  'pediatric ICU',
  'burn center',
  'tertiary care hospital',
]
const CAREGIVER = ['mother', 'father', 'grandmother', 'both parents', 'foster parent', 'aunt']
const KID_COMPLAINTS = [
  'fever and ear pulling',
  'barky cough',
  'vomiting and diarrhea',
  'wheezing',
  'laceration to the chin',
  'rash',
  'fall from a bed',
  'fussiness and poor feeding',
]
const KID_DX = [
  'acute otitis media',
  'croup',
  'viral gastroenteritis with mild dehydration',
  'asthma exacerbation',
  'chin laceration, repaired',
  'viral exanthem',
  'minor head injury',
]

/** An alert or activation: the department's time line around the results and imaging read there. */
function alertNote(r: Rng): string {
  const a = r.pick(ALERTS)
  const name = r.pick(a.names)
  const p = personName(r)
  const arrived = time(r)
  return lines(
    r.chance(0.6) && hospitalName(r),
    r.pick([`Emergency Department - ${name}`, `${name.toUpperCase()} NOTE`, 'ED Physician Documentation', `${name} (ED)`, '']),
    `${r.pick(['Patient', 'Name'])}: ${p.full}   ${r.pick(['Arrival', 'Door', 'Arrived'])}: ${arrived} ${r.pick(['by EMS', 'by private vehicle', 'by air transport', 'via ambulance'])}`,
    r.chance(0.6) && `${r.pick(['Triage', 'ESI'])}: ${r.pick(['ESI 1', 'ESI 2', 'level 1', 'level 2'])}. ${vitals(r)}`,
    `${r.pick(['Time line', 'Times', 'Key times'])}: ${r.pick(['activation', 'team at bedside', 'provider at bedside'])} ${time(r)}; ${r.pick(['CT', 'imaging', 'ECG'])} ${time(r)}; ${r.pick(['decision', 'disposition decided', 'transfer accepted'])} ${time(r)}.`,
    `${r.pick(['HPI', 'History', 'Presentation'])}: ${r.pick(['Last known well', 'Symptom onset', 'Injury'])} ${r.pick(['40 minutes', '2 hours', '90 minutes'])} before arrival.`,
    `${r.pick(['Imaging', 'Radiology (read in department)', 'Studies'])}:`,
    ...r.some(a.imaging, r.int(2, a.imaging.length)).map((x) => `  ${x}`),
    `${r.pick(['Results', 'Labs', 'Point of care'])}: ${r.some(a.results, 3).join(' ')}`,
    `${r.pick(['ED course', 'Course in the department', 'MDM'])}: ${r.pick(['tPA given', 'fluids and antibiotics within the hour', 'aspirin and heparin given', 'two large-bore IVs, blood products ready'])}; ${r.pick(['reassessed', 'improved', 'hemodynamically stable'])}.`,
    `${r.pick(['Clinical impression', 'ED diagnosis', 'Impression'])}: ${r.pick(a.dx)}.`,
    `${r.pick(['Disposition', 'Dispo'])}: ${r.pick([
      `transferred to ${r.pick(TRANSFER_TO)}`,
      'admitted to the ICU',
      'to the cath lab',
      'to the operating room',
      'admitted to the step-down unit',
    ])}${r.chance(0.5) ? `, departed ${time(r)}` : ''}.`,
    r.chance(0.7) && `${providerName(r)}, ${r.pick(['emergency physician', 'ED attending', 'emergency medicine'])}`,
  )
}

/** A transfer out: why the patient left, what was done before, who accepted. */
function transferNote(r: Rng): string {
  const a = r.pick(ALERTS)
  const to = r.pick(TRANSFER_TO)
  return lines(
    r.pick([
      'EMERGENCY DEPARTMENT TRANSFER RECORD',
      'ED Transfer Note',
      'Interfacility Transfer - Emergency Department',
      'Transfer from the ED',
    ]),
    `${r.pick(['Date', 'Arrival'])}: ${fmtDate(r, randomDate(r))} ${time(r)}   ${r.pick(['Departure', 'Left department'])}: ${time(r)}`,
    `${r.pick(['Reason for transfer', 'Transfer reason'])}: ${r.pick(a.dx)}; needs ${to} level of care.`,
    `${r.pick(['Accepting physician', 'Accepted by'])}: ${providerName(r)} at ${hospitalName(r)}`,
    `${r.pick(['Mode', 'Transport'])}: ${r.pick(['critical care ambulance', 'helicopter', 'ALS ambulance'])}`,
    `${r.pick(['Work-up here', 'Done in the ED', 'Results sent with patient'])}: ${r.some(a.imaging, 2).join(' ')} ${r.pick(a.results)}`,
    `${r.pick(['Condition at transfer', 'Condition'])}: ${r.pick(['stable', 'guarded', 'critical but stable'])}. ${vitals(r)}`,
    r.chance(0.6) &&
      `EMTALA: ${r.pick(['benefits outweigh risks; patient consents', 'certification signed', 'consent for transfer signed by family'])}.`,
    `${providerName(r)}`,
  )
}

/** A brief children's emergency note with a weight and a caregiver. */
function childNote(r: Rng): string {
  const p = personName(r)
  const cc = r.pick(KID_COMPLAINTS)
  const months = r.int(4, 180)
  const agePhrase = months < 24 ? `${months}-month-old` : `${Math.floor(months / 12)}-year-old`
  return lines(
    r.chance(0.6) && r.pick(["Children's Emergency Department", 'Pediatric ED', 'PEDIATRIC EMERGENCY NOTE', 'Peds ER visit']),
    `${p.full}   ${r.pick(['Wt', 'Weight'])}: ${r.int(6, 60)} kg   ${r.pick(['ESI', 'Triage'])} ${r.int(3, 5)}   ${r.pick(['Arrived', 'Arrival'])} ${time(r)}`,
    `${agePhrase} brought by ${r.pick(CAREGIVER)} for ${cc}. ${r.pick(['Immunizations up to date.', 'Eating less, still wetting diapers.', 'No sick contacts.', 'Happened about an hour before arrival.'])}`,
    `${r.pick(['Exam', 'PE'])}: ${r.pick(['Well-appearing, playful.', 'Fussy but consolable.', 'Mild retractions, no stridor at rest.'])} ${r.pick(EXAM)}`,
    `${r.pick(['ED course', 'In the ED', 'Treatment'])}: ${r.pick(['dexamethasone given', 'ondansetron then oral challenge passed', 'albuterol x3 with improvement', 'wound irrigated and closed with 5 sutures', 'ibuprofen given, fever down'])}.`,
    `${r.pick(['Dx', 'Diagnosis', 'Impression'])}: ${r.pick(KID_DX)}`,
    `${r.pick(['Dispo', 'Disposition', 'Discharge'])}: ${r.pick(['home with caregiver', 'discharged home with return precautions', 'home; follow up with pediatrician in 2 days'])}.`,
    r.chance(0.5) && `${providerName(r)}`,
  )
}

/** An emergency record in one of the three shapes above. */
export function edWorkupShape(r: Rng): string {
  return r.pick([alertNote, alertNote, transferNote, childNote, childNote])(r)
}
