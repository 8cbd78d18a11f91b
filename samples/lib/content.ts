/**
 * Made-up senders, clinicians and clinical wording, and {@link makeRecordSpec}, which
 * builds a complete, plausible record of any type from a seed (for benches and demos).
 * Nothing here describes a real facility or person; phone numbers are 555-01xx.
 */
import type {
  DocType,
  Facility,
  LabFlag,
  LabRow,
  Layout,
  Person,
  RecordDates,
  RecordPatient,
  RecordSpec,
  Section,
  Signed,
} from './records.js'
import { PATIENTS, OUR_PROVIDERS, HEALTH_CENTER, type IndexPatient } from './patients.js'
import { Rng } from './rng.js'

// ---------------------------------------------------------------------------------------
// Senders and clinicians

export const FACILITIES = {
  triCountyLab: {
    name: 'Tri-County Reference Laboratory',
    address: '880 Commerce Drive, Suite 120, Millbrook, OH 43950',
    phone: '(740) 555-0172',
    fax: '(740) 555-0173',
    department: 'Clinical Pathology and Laboratory Medicine',
    clia: '99D0004417',
    director: 'Victor Mensah, MD, PhD',
    letterhead: 'banner',
  },
  lakeshoreImaging: {
    name: 'Lakeshore Imaging Associates',
    address: '41 Harbor View Road, Port Ellison, OH 44012',
    phone: '(440) 555-0118',
    fax: '(440) 555-0119',
    department: 'Diagnostic Radiology',
    letterhead: 'logo-left',
    font: 'Times',
  },
  stBrigid: {
    name: 'St. Brigid Hospital',
    address: '1200 Cathedral Avenue, Millbrook, OH 43950',
    phone: '(740) 555-0150',
    fax: '(740) 555-0151',
    department: 'Health Information Management',
    letterhead: 'centered',
    font: 'Times',
  },
  riverbend: {
    name: 'Riverbend Regional Medical Center',
    address: '1400 Riverbend Parkway, Carver Falls, OH 43822',
    phone: '(740) 555-0160',
    fax: '(740) 555-0161',
    department: 'Medical Records',
    letterhead: 'logo-left',
    font: 'Helvetica',
  },
  valleyHeart: {
    name: "Valley Children's Heart Center",
    address: '77 Orchard Lane, Suite 300, Carver Falls, OH 43822',
    phone: '(740) 555-0134',
    fax: '(740) 555-0135',
    department: 'Pediatric Cardiology',
    letterhead: 'logo-left',
    font: 'Helvetica',
  },
  harborUrgentCare: {
    name: 'Harbor Urgent Care',
    address: '9 Wharf Street, Port Ellison, OH 44012',
    phone: '(440) 555-0186',
    fax: '(440) 555-0187',
    letterhead: 'centered',
    font: 'Helvetica',
  },
  millbrookSurgical: {
    name: 'Millbrook Surgical Associates',
    address: '310 Linden Court, Millbrook, OH 43950',
    phone: '(740) 555-0125',
    fax: '(740) 555-0126',
    department: 'General and Hand Surgery',
    letterhead: 'centered',
    font: 'Times',
  },
  northgateOrtho: {
    name: 'Northgate Orthopedics and Sports Medicine',
    address: '5150 Northgate Boulevard, Carver Falls, OH 43822',
    phone: '(740) 555-0177',
    fax: '(740) 555-0178',
    letterhead: 'banner',
    font: 'Helvetica',
  },
  countyHealth: {
    name: 'Harlan County Health Department',
    address: '18 Courthouse Square, Millbrook, OH 43950',
    phone: '(740) 555-0110',
    fax: '(740) 555-0111',
    department: 'Immunization Clinic',
    letterhead: 'centered',
    font: 'Courier',
  },
  eastsideGI: {
    name: 'Eastside Gastroenterology',
    address: '2210 East Main Street, Millbrook, OH 43950',
    phone: '(740) 555-0192',
    fax: '(740) 555-0193',
    letterhead: 'banner',
    font: 'Times',
  },
} as const satisfies Record<string, Facility>

export const OUTSIDE_CLINICIANS = {
  labDirector: { name: 'Victor Mensah', credentials: 'MD, PhD', role: 'Laboratory Director' },
  radiologist: { name: 'Rebecca Stahl', credentials: 'MD', role: 'Diagnostic Radiologist' },
  radiologist2: { name: 'Omar Haddad', credentials: 'MD', role: 'Diagnostic Radiologist' },
  hospitalist: { name: 'Daniel Kessler', credentials: 'MD', role: 'Attending Physician, Hospital Medicine' },
  hospitalist2: { name: 'Olivia Brandt', credentials: 'DO', role: 'Attending Physician, Internal Medicine' },
  pedsCardiology: { name: 'Maya Fitzgerald', credentials: 'MD', role: 'Pediatric Cardiology' },
  urgentCare: { name: 'Kevin Doyle', credentials: 'PA-C', role: 'Physician Assistant' },
  urgentCare2: { name: 'Hannah Liu', credentials: 'MD', role: 'Urgent Care Physician' },
  surgeon: { name: 'Samuel Ortiz', credentials: 'MD, FACS', role: 'Attending Surgeon' },
  surgicalAssistant: { name: 'Leah Park', credentials: 'PA-C', role: 'Surgical Assistant' },
  orthopedist: { name: 'Gregory Hale', credentials: 'MD', role: 'Orthopedic Surgery' },
  edPhysician: { name: 'Nadia Petrova', credentials: 'MD', role: 'Emergency Medicine' },
  immunizationNurse: { name: 'Carla Mendes', credentials: 'RN', role: 'Public Health Nurse' },
  gastroenterologist: { name: 'Arjun Mehta', credentials: 'MD', role: 'Gastroenterology' },
} as const satisfies Record<string, Person>

/** Our providers as the outside world addresses them. */
export function ourProvider(name: string): Person {
  const [who, credentials] = name.split(', ')
  return { name: who ?? name, credentials: credentials ?? '', role: HEALTH_CENTER.name }
}

// ---------------------------------------------------------------------------------------
// Dates

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function at(iso: string, rng: Rng, fromHour: number, toHour: number): string {
  return `${iso.slice(0, 10)}T${String(rng.int(fromHour, toHour)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------------
// Lab tests

interface TestDef {
  test: string
  units: string
  lo?: number
  hi?: number
  /** Printed range when it is not "lo - hi", e.g. "<200". */
  range?: string
  decimals: number
}

export const LAB_PANELS: Record<string, { title: string; specimen: string; tests: TestDef[] }> = {
  bmp: {
    title: 'BASIC METABOLIC PANEL',
    specimen: 'Serum',
    tests: [
      { test: 'Sodium', units: 'mmol/L', lo: 136, hi: 145, decimals: 0 },
      { test: 'Potassium', units: 'mmol/L', lo: 3.5, hi: 5.1, decimals: 1 },
      { test: 'Chloride', units: 'mmol/L', lo: 98, hi: 107, decimals: 0 },
      { test: 'Carbon Dioxide (CO2)', units: 'mmol/L', lo: 22, hi: 29, decimals: 0 },
      { test: 'Urea Nitrogen (BUN)', units: 'mg/dL', lo: 7, hi: 20, decimals: 0 },
      { test: 'Creatinine', units: 'mg/dL', lo: 0.6, hi: 1.3, decimals: 2 },
      { test: 'Glucose', units: 'mg/dL', lo: 70, hi: 99, decimals: 0 },
      { test: 'Calcium', units: 'mg/dL', lo: 8.6, hi: 10.3, decimals: 1 },
      { test: 'eGFR (CKD-EPI 2021)', units: 'mL/min/1.73m2', lo: 60, range: '>=60', decimals: 0 },
    ],
  },
  cbc: {
    title: 'COMPLETE BLOOD COUNT (CBC) WITH PLATELETS',
    specimen: 'Whole blood, EDTA',
    tests: [
      { test: 'WBC', units: 'x10^3/uL', lo: 4.0, hi: 11.0, decimals: 1 },
      { test: 'RBC', units: 'x10^6/uL', lo: 4.2, hi: 5.8, decimals: 2 },
      { test: 'Hemoglobin', units: 'g/dL', lo: 13.0, hi: 17.0, decimals: 1 },
      { test: 'Hematocrit', units: '%', lo: 38.0, hi: 50.0, decimals: 1 },
      { test: 'MCV', units: 'fL', lo: 80, hi: 100, decimals: 1 },
      { test: 'MCH', units: 'pg', lo: 27.0, hi: 33.0, decimals: 1 },
      { test: 'MCHC', units: 'g/dL', lo: 32.0, hi: 36.0, decimals: 1 },
      { test: 'RDW', units: '%', lo: 11.5, hi: 14.5, decimals: 1 },
      { test: 'Platelet Count', units: 'x10^3/uL', lo: 150, hi: 400, decimals: 0 },
    ],
  },
  lipid: {
    title: 'LIPID PANEL',
    specimen: 'Serum, fasting',
    tests: [
      { test: 'Cholesterol, Total', units: 'mg/dL', hi: 199, range: '<200', decimals: 0 },
      { test: 'Triglycerides', units: 'mg/dL', hi: 149, range: '<150', decimals: 0 },
      { test: 'HDL Cholesterol', units: 'mg/dL', lo: 40, range: '>40', decimals: 0 },
      { test: 'LDL Cholesterol (calc)', units: 'mg/dL', hi: 99, range: '<100', decimals: 0 },
    ],
  },
  a1c: {
    title: 'HEMOGLOBIN A1c / THYROID',
    specimen: 'Whole blood / Serum',
    tests: [
      { test: 'Hemoglobin A1c', units: '%', lo: 4.0, hi: 5.6, decimals: 1 },
      { test: 'TSH', units: 'uIU/mL', lo: 0.45, hi: 4.5, decimals: 2 },
    ],
  },
}

/** A result for a test: usually inside the range, sometimes just outside it. */
export function labResult(def: TestDef, rng: Rng, abnormal = rng.chance(0.18)): LabRow {
  const lo = def.lo ?? (def.hi ?? 100) * 0.4
  const hi = def.hi ?? (def.lo ?? 50) * 2.2
  const span = hi - lo
  let v: number
  if (!abnormal) v = rng.float(lo + span * 0.1, hi - span * 0.1)
  else if (rng.chance(0.5) && def.hi !== undefined) v = hi + span * rng.float(0.05, 0.35)
  else v = lo - span * rng.float(0.05, 0.3)
  v = Math.max(v, 0)
  const result = v.toFixed(def.decimals)
  let flag: LabFlag = ''
  if (def.hi !== undefined && v > def.hi) flag = 'H'
  if (def.lo !== undefined && v < def.lo) flag = 'L'
  const range = def.range ?? `${def.lo?.toFixed(def.decimals) ?? ''} - ${def.hi?.toFixed(def.decimals) ?? ''}`
  return { test: def.test, result, units: def.units, range, flag }
}

// ---------------------------------------------------------------------------------------
// Per-type content

interface Ctx {
  rng: Rng
  patient: IndexPatient
  /** "Mr. Smith" / "Ms. Garcia" */
  ref: string
  /** "John Smith" */
  full: string
  age: number
  date: string
  pcp: Person
}

interface Built {
  title: string | null
  facility: Facility
  author: Person
  orderingProvider?: Person
  recipient?: RecordSpec['recipient']
  letter?: RecordSpec['letter']
  dates: RecordDates
  sections: Section[]
  signed: Signed
}

const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())

function labReport(c: Ctx): Built {
  const { rng } = c
  const panels = rng.sample(['bmp', 'cbc', 'lipid', 'a1c'], rng.int(1, 2))
  const collected = at(c.date, rng, 7, 11)
  const sections: Section[] = panels.map((k) => {
    const p = LAB_PANELS[k]!
    return { table: { panel: p.title, specimen: p.specimen, rows: p.tests.map((t) => labResult(t, rng)) } }
  })
  sections.push({
    heading: 'Comments',
    paragraphs: [
      'Results reviewed and released by the performing laboratory. Reference ranges are age and sex specific where noted. Critical values are telephoned to the ordering provider.',
    ],
  })
  return {
    title: rng.pick(['Laboratory Report', 'Final Report', 'Patient Report']),
    facility: FACILITIES.triCountyLab,
    author: OUTSIDE_CLINICIANS.labDirector,
    orderingProvider: c.pcp,
    dates: { collection: collected, received: at(c.date, rng, 12, 14), report: at(addDays(c.date, rng.int(0, 1)), rng, 15, 18) },
    sections,
    signed: { style: 'electronic' },
  }
}

const EXAMS = [
  {
    name: 'XR CHEST 2 VIEWS (PA AND LATERAL)',
    indication: 'Cough and low-grade fever for one week.',
    technique: 'PA and lateral views of the chest.',
    findings: [
      'The lungs are clear without focal consolidation, pleural effusion or pneumothorax.',
      'The cardiomediastinal silhouette is within normal limits. The pulmonary vasculature is normal.',
      'No acute osseous abnormality. Mild degenerative change of the thoracic spine.',
    ],
    impression: ['No acute cardiopulmonary process.'],
  },
  {
    name: 'US ABDOMEN COMPLETE',
    indication: 'Right upper quadrant pain after meals.',
    technique: 'Real-time grayscale and color Doppler sonography of the abdomen.',
    findings: [
      'Liver: Normal in size and echotexture. No focal lesion.',
      'Gallbladder: Multiple mobile shadowing stones, the largest 1.4 cm. No wall thickening or pericholecystic fluid. Sonographic Murphy sign negative.',
      'Common bile duct measures 4 mm. Pancreas, spleen and both kidneys are unremarkable.',
    ],
    impression: ['Cholelithiasis without sonographic evidence of acute cholecystitis.'],
  },
  {
    name: 'XR KNEE RIGHT 3 VIEWS',
    indication: 'Right knee pain after a fall.',
    technique: 'AP, lateral and sunrise views of the right knee.',
    findings: [
      'No acute fracture or dislocation. Mild medial joint space narrowing with small marginal osteophytes.',
      'Small suprapatellar joint effusion. Soft tissues otherwise unremarkable.',
    ],
    impression: ['No fracture.', 'Mild medial compartment osteoarthritis with a small effusion.'],
  },
  {
    name: 'CT HEAD WITHOUT CONTRAST',
    indication: 'Headache and dizziness, rule out intracranial hemorrhage.',
    technique: 'Axial images of the head without intravenous contrast. Dose reduction technique was used.',
    findings: [
      'No intracranial hemorrhage, mass effect or midline shift. Gray-white differentiation is preserved.',
      'The ventricles and sulci are normal for age. The visualized paranasal sinuses and mastoid air cells are clear.',
    ],
    impression: ['No acute intracranial abnormality.'],
  },
]

function radiologyReport(c: Ctx): Built {
  const { rng } = c
  const e = rng.pick(EXAMS)
  return {
    title: rng.pick(['Radiology Report', 'Diagnostic Imaging Report', 'Imaging Report']),
    facility: rng.pick([FACILITIES.lakeshoreImaging, FACILITIES.riverbend]),
    author: rng.pick([OUTSIDE_CLINICIANS.radiologist, OUTSIDE_CLINICIANS.radiologist2]),
    orderingProvider: c.pcp,
    dates: { exam: at(c.date, rng, 8, 16), report: c.date },
    sections: [
      { heading: 'Exam', paragraphs: [e.name] },
      { heading: 'Clinical Indication', paragraphs: [e.indication] },
      { heading: 'Comparison', paragraphs: [rng.pick(['None available.', `Prior study dated ${addDays(c.date, -rng.int(200, 900))}.`])] },
      { heading: 'Technique', paragraphs: [e.technique] },
      { heading: 'Findings', paragraphs: e.findings },
      { heading: 'Impression', paragraphs: e.impression.map((s, i) => `${i + 1}. ${s}`) },
    ],
    signed: { style: 'electronic' },
  }
}

const ADMISSIONS = [
  {
    reason: 'Community-acquired pneumonia of the right lower lobe with hypoxia.',
    diagnoses: [
      'Community-acquired pneumonia, right lower lobe',
      'Acute hypoxic respiratory failure, resolved',
      'Type 2 diabetes mellitus',
    ],
    course: [
      'The patient presented with three days of productive cough, fever to 38.9 C and shortness of breath. Oxygen saturation was 88% on room air. Chest radiograph showed right lower lobe consolidation.',
      'She was started on intravenous ceftriaxone and azithromycin with supplemental oxygen by nasal cannula. Blood cultures remained negative. Fever resolved by hospital day two and oxygen was weaned to room air on hospital day three.',
      'Antibiotics were changed to oral therapy to complete a seven-day course. Blood glucose was managed with basal insulin and correction scale while inpatient.',
    ],
    procedures: 'Chest radiograph; blood cultures; no invasive procedures.',
    findings: 'WBC 14.2 on admission, 8.1 at discharge. Procalcitonin 1.8. Sputum culture: normal respiratory flora.',
    meds: [
      ['Amoxicillin-clavulanate 875 mg', 'one tablet by mouth twice daily for 4 more days'],
      ['Metformin 1000 mg', 'one tablet by mouth twice daily (resume)'],
      ['Albuterol HFA 90 mcg', '2 puffs every 6 hours as needed for wheeze'],
    ] as Array<[string, string]>,
  },
  {
    reason: 'Acute on chronic heart failure with reduced ejection fraction.',
    diagnoses: ['Acute on chronic systolic heart failure', 'Hypertension', 'Chronic kidney disease stage 3a'],
    course: [
      'The patient was admitted with two weeks of worsening dyspnea on exertion, orthopnea and a 4 kg weight gain. BNP was 1,840. Echocardiogram showed an ejection fraction of 30%.',
      'He was diuresed with intravenous furosemide with a net negative balance of 5.2 liters. Creatinine peaked at 1.6 and returned to 1.3. Carvedilol was continued and sacubitril-valsartan was started.',
    ],
    procedures: 'Transthoracic echocardiogram.',
    findings: 'BNP 1,840; troponin negative x2; echocardiogram EF 30% with moderate mitral regurgitation.',
    meds: [
      ['Furosemide 40 mg', 'one tablet by mouth daily'],
      ['Carvedilol 12.5 mg', 'one tablet by mouth twice daily'],
      ['Sacubitril-valsartan 24-26 mg', 'one tablet by mouth twice daily (new)'],
    ] as Array<[string, string]>,
  },
  {
    reason: 'Cellulitis of the left lower leg failing outpatient antibiotics.',
    diagnoses: ['Cellulitis of left lower extremity', 'Venous stasis dermatitis', 'Obesity'],
    course: [
      'The patient presented with spreading erythema and pain of the left lower leg despite four days of oral cephalexin. There was no abscess on ultrasound.',
      'Intravenous cefazolin was started with leg elevation. Erythema receded from the marked borders within 48 hours. He was transitioned to oral therapy.',
    ],
    procedures: 'Venous duplex ultrasound of the left leg: no deep vein thrombosis.',
    findings: 'WBC 12.9 on admission; blood cultures negative; duplex negative for DVT.',
    meds: [
      ['Cephalexin 500 mg', 'one capsule by mouth four times daily for 5 days'],
      ['Acetaminophen 650 mg', 'every 6 hours as needed for pain'],
    ] as Array<[string, string]>,
  },
]

function dischargeSummary(c: Ctx): Built {
  const { rng } = c
  const a = rng.pick(ADMISSIONS)
  const los = rng.int(2, 6)
  const admission = addDays(c.date, -los)
  return {
    title: 'Discharge Summary',
    facility: rng.pick([FACILITIES.stBrigid, FACILITIES.riverbend]),
    author: rng.pick([OUTSIDE_CLINICIANS.hospitalist, OUTSIDE_CLINICIANS.hospitalist2]),
    orderingProvider: c.pcp,
    dates: { admission, discharge: c.date, report: addDays(c.date, rng.int(0, 2)) },
    sections: [
      { heading: 'Reason for Hospitalization', paragraphs: [a.reason] },
      { heading: 'Discharge Diagnoses', bullets: a.diagnoses },
      { heading: 'Hospital Course', paragraphs: a.course },
      { heading: 'Procedures', paragraphs: [a.procedures] },
      { heading: 'Significant Findings', paragraphs: [a.findings] },
      {
        heading: 'Condition at Discharge',
        paragraphs: [
          rng.pick([
            'Stable. Ambulating independently, tolerating a regular diet.',
            'Improved and stable. Afebrile, on room air, ambulating with a walker.',
          ]),
        ],
      },
      { heading: 'Discharge Medications', fields: a.meds },
      {
        heading: 'Instructions to Patient and Family',
        paragraphs: [
          'Take medications as listed. Weigh yourself every morning and call your doctor for a gain of more than 1 kg in a day. Return to the emergency department for chest pain, trouble breathing, fever over 38.5 C or confusion.',
        ],
      },
      {
        heading: 'Disposition',
        paragraphs: [rng.pick(['Home with self-care.', 'Home with home health services.', 'Discharged to skilled nursing facility.'])],
      },
      {
        heading: 'Follow-up',
        paragraphs: [`Primary care: ${c.pcp.name}, ${HEALTH_CENTER.name}, within 7 days. Repeat basic metabolic panel at that visit.`],
      },
    ],
    signed: { style: 'electronic' },
  }
}

function historyAndPhysical(c: Ctx): Built {
  const { rng } = c
  const a = rng.pick(ADMISSIONS)
  return {
    title: 'History and Physical',
    facility: rng.pick([FACILITIES.stBrigid, FACILITIES.riverbend]),
    author: rng.pick([OUTSIDE_CLINICIANS.hospitalist, OUTSIDE_CLINICIANS.hospitalist2]),
    orderingProvider: c.pcp,
    dates: { admission: c.date, service: c.date },
    sections: [
      { heading: 'Chief Complaint', paragraphs: [rng.pick(['Shortness of breath.', 'Leg redness and swelling.', 'Cough and fever.'])] },
      {
        heading: 'History of Present Illness',
        paragraphs: [
          `${c.ref} is a ${c.age}-year-old ${c.patient.sex === 'F' ? 'woman' : 'man'} admitted for ${a.reason.charAt(0).toLowerCase()}${a.reason.slice(1)}`,
          a.course[0]!,
        ],
      },
      { heading: 'Past Medical History', bullets: a.diagnoses.slice(1) },
      { heading: 'Medications', fields: a.meds },
      { heading: 'Allergies', paragraphs: [rng.pick(['No known drug allergies.', 'Penicillin (rash).', 'Sulfa drugs (hives).'])] },
      {
        heading: 'Social History',
        paragraphs: [
          rng.pick(['Never smoker. Occasional alcohol. Lives with spouse.', 'Former smoker, quit 10 years ago. No alcohol. Lives alone.']),
        ],
      },
      {
        heading: 'Review of Systems',
        paragraphs: [
          'Positive as in HPI. Negative for chest pain, abdominal pain, dysuria, headache or weakness. All other systems reviewed and negative.',
        ],
      },
      {
        heading: 'Physical Examination',
        fields: [
          [
            'Vital signs',
            `T 38.${rng.int(0, 6)} C, HR ${rng.int(88, 112)}, BP ${rng.int(118, 152)}/${rng.int(68, 92)}, RR ${rng.int(18, 24)}, SpO2 ${rng.int(89, 95)}% RA`,
          ],
          ['General', 'Alert, mildly ill-appearing, in no acute distress.'],
          ['Lungs', 'Crackles at the right base.'],
          ['Heart', 'Regular rate and rhythm, no murmur.'],
          ['Extremities', 'No edema.'],
        ],
      },
      { heading: 'Assessment and Plan', paragraphs: [`${a.diagnoses[0]}. Admit to medicine. ${a.course[1] ?? ''}`] },
    ],
    signed: { style: rng.pick(['electronic', 'handwritten'] as const) },
  }
}

const CONSULTS = [
  {
    specialty: 'Cardiology',
    facility: FACILITIES.riverbend,
    author: { name: 'Thomas Reinholt', credentials: 'MD', role: 'Cardiology' },
    reason: 'Palpitations and an abnormal ECG at a primary care visit.',
    findings:
      'ECG shows sinus rhythm with frequent premature ventricular contractions. 48-hour Holter monitor: 4% PVC burden, no sustained arrhythmia. Echocardiogram: normal biventricular size and function, EF 60%.',
    impression: 'Symptomatic premature ventricular contractions with a structurally normal heart.',
    recommendations: ['Reduce caffeine and alcohol.', 'Start metoprolol succinate 25 mg daily.', 'Check TSH, magnesium and potassium.'],
  },
  {
    specialty: 'Orthopedics',
    facility: FACILITIES.northgateOrtho,
    author: OUTSIDE_CLINICIANS.orthopedist,
    reason: 'Right knee pain for three months, worse with stairs.',
    findings:
      'Medial joint line tenderness, small effusion, full extension, flexion to 120 degrees. Stable to varus and valgus stress. Radiographs show mild medial compartment narrowing.',
    impression: 'Mild osteoarthritis of the right knee, medial compartment.',
    recommendations: [
      'Physical therapy for quadriceps strengthening, 6 weeks.',
      'Topical diclofenac four times daily as needed.',
      'Corticosteroid injection offered if no improvement.',
    ],
  },
  {
    specialty: 'Gastroenterology',
    facility: FACILITIES.eastsideGI,
    author: OUTSIDE_CLINICIANS.gastroenterologist,
    reason: 'Iron deficiency anemia and intermittent epigastric pain.',
    findings: 'Abdomen soft, mild epigastric tenderness. Hemoglobin 10.8, ferritin 9. Stool test for H. pylori antigen positive.',
    impression: 'Iron deficiency anemia; Helicobacter pylori infection.',
    recommendations: [
      'Bismuth quadruple therapy for 14 days.',
      'Upper endoscopy and colonoscopy to be scheduled.',
      'Oral iron every other day.',
    ],
  },
]

function consultNote(c: Ctx): Built {
  const { rng } = c
  const k = rng.pick(CONSULTS)
  return {
    title: `${k.specialty} Consultation`,
    facility: k.facility,
    author: k.author,
    orderingProvider: c.pcp,
    dates: { service: c.date, report: addDays(c.date, rng.int(0, 3)) },
    sections: [
      { heading: 'Reason for Consultation', paragraphs: [k.reason] },
      {
        heading: 'History of Present Illness',
        paragraphs: [`${c.ref} is a ${c.age}-year-old referred by ${c.pcp.name} for evaluation. ${k.reason}`],
      },
      { heading: 'Findings', paragraphs: [k.findings] },
      { heading: 'Impression', paragraphs: [k.impression] },
      { heading: 'Recommendations', bullets: k.recommendations },
      {
        heading: 'Follow-up',
        paragraphs: [
          `We will see ${c.ref} again in ${rng.int(4, 12)} weeks. Primary care to continue management of other conditions. Thank you for this referral.`,
        ],
      },
    ],
    signed: { style: rng.pick(['electronic', 'handwritten'] as const) },
  }
}

const OPERATIONS = [
  {
    pre: 'Symptomatic cholelithiasis',
    post: 'Symptomatic cholelithiasis; chronic cholecystitis',
    procedure: 'Laparoscopic cholecystectomy',
    anesthesia: 'General endotracheal',
    ebl: '20 mL',
    specimens: 'Gallbladder with stones, to pathology',
    findings: 'Thick-walled gallbladder with multiple stones. Critical view of safety obtained.',
    description: [
      'The patient was brought to the operating room and placed supine. After induction of general anesthesia the abdomen was prepped and draped in sterile fashion. A time-out was performed.',
      'Pneumoperitoneum was established through an umbilical port and three additional ports were placed under direct vision. The cystic duct and cystic artery were identified, clipped and divided. The gallbladder was dissected from the liver bed with electrocautery and removed in a retrieval bag.',
      'Hemostasis was confirmed. Ports were removed under direct vision and the fascia at the umbilicus closed. Skin was closed with absorbable suture.',
    ],
  },
  {
    pre: 'Right carpal tunnel syndrome',
    post: 'Right carpal tunnel syndrome',
    procedure: 'Open right carpal tunnel release',
    anesthesia: 'Local with monitored anesthesia care',
    ebl: 'Minimal',
    specimens: 'None',
    findings: 'Thickened transverse carpal ligament with an hourglass constriction of the median nerve.',
    description: [
      'After a time-out, a tourniquet was applied to the right upper arm. A longitudinal incision was made in the palm in line with the radial border of the ring finger.',
      'The transverse carpal ligament was divided under direct vision, protecting the median nerve and its motor branch. The wound was irrigated and closed with nylon sutures, and a soft dressing applied.',
    ],
  },
]

function operativeReport(c: Ctx): Built {
  const { rng } = c
  const o = rng.pick(OPERATIONS)
  return {
    title: 'Operative Report',
    facility: FACILITIES.millbrookSurgical,
    author: OUTSIDE_CLINICIANS.surgeon,
    dates: { procedure: c.date, report: c.date },
    sections: [
      {
        fields: [
          ['Preoperative Diagnosis', o.pre],
          ['Postoperative Diagnosis', o.post],
          ['Procedure', o.procedure],
          ['Surgeon', personName(OUTSIDE_CLINICIANS.surgeon)],
          ['Assistant', personName(OUTSIDE_CLINICIANS.surgicalAssistant)],
          ['Anesthesia', o.anesthesia],
          ['Estimated Blood Loss', o.ebl],
          ['Specimens', o.specimens],
          ['Complications', 'None'],
        ],
      },
      { heading: 'Findings', paragraphs: [o.findings] },
      { heading: 'Description of Procedure', paragraphs: o.description },
      { heading: 'Disposition', paragraphs: ['The patient tolerated the procedure well and was taken to recovery in stable condition.'] },
    ],
    signed: { style: rng.pick(['electronic', 'handwritten'] as const) },
  }
}

function progressNote(c: Ctx): Built {
  const { rng } = c
  const k = rng.pick(CONSULTS)
  return {
    title: rng.pick(['Progress Note', 'Office Visit', 'Follow-up Visit']),
    facility: k.facility,
    author: k.author,
    dates: { service: c.date },
    sections: [
      {
        heading: 'Subjective',
        paragraphs: [
          `${c.ref} returns for follow-up. ${rng.pick(['Feels better overall.', 'Symptoms are unchanged.', 'Reports partial improvement.'])} Taking medications as prescribed.`,
        ],
      },
      {
        heading: 'Objective',
        fields: [
          ['BP', `${rng.int(112, 146)}/${rng.int(66, 90)}`],
          ['HR', String(rng.int(58, 96))],
          ['Weight', `${rng.int(52, 110)} kg`],
          ['Exam', 'No acute distress. Unchanged from prior visit.'],
        ],
      },
      { heading: 'Assessment', paragraphs: [k.impression] },
      { heading: 'Plan', bullets: k.recommendations.slice(0, 2).concat([`Return in ${rng.int(2, 6)} months.`]) },
    ],
    signed: { style: 'electronic' },
  }
}

const REFERRAL_REASONS = [
  {
    reason: 'elevated blood pressure found at two urgent care visits',
    history:
      'Blood pressure was 162/98 today and 158/96 three weeks ago. He has no chest pain, headache or visual change. He takes no regular medication and has no primary care provider at present.',
    urgency: 'routine, within 2 to 4 weeks',
  },
  {
    reason: 'a new diagnosis of type 2 diabetes mellitus',
    history:
      'Random glucose was 284 mg/dL and hemoglobin A1c 9.1% at this visit. She reports thirst and frequent urination for two months. No ketones. Metformin 500 mg twice daily was started today.',
    urgency: 'soon, within 1 to 2 weeks',
  },
]

function referralLetter(c: Ctx): Built {
  const { rng } = c
  const r = rng.pick(REFERRAL_REASONS)
  const author = rng.pick([OUTSIDE_CLINICIANS.urgentCare, OUTSIDE_CLINICIANS.urgentCare2])
  const surname = c.pcp.name.split(' ').slice(-1)[0]
  return {
    title: null,
    facility: FACILITIES.harborUrgentCare,
    author,
    recipient: { name: personName(c.pcp), practice: HEALTH_CENTER.name, address: HEALTH_CENTER.address },
    letter: { salutation: `Dear Dr. ${surname},`, closing: 'Sincerely,' },
    dates: { letter: c.date, service: c.date },
    sections: [
      {
        paragraphs: [
          `I am referring ${c.ref} (${c.full}, date of birth ${usDate(c.patient.birthDate)}) to you for ${r.reason}. The urgency is ${r.urgency}.`,
        ],
      },
      { paragraphs: [r.history] },
      {
        paragraphs: [
          `Pertinent history: ${rng.pick(['no prior hospitalizations; no known drug allergies.', 'appendectomy at age 19; allergic to penicillin (rash).'])} Our visit note and results are enclosed. Please contact our office at ${FACILITIES.harborUrgentCare.phone} with any questions.`,
        ],
      },
      { paragraphs: ['Thank you for seeing this patient.'] },
    ],
    signed: { style: 'handwritten' },
  }
}

const ED_VISITS = [
  {
    complaint: 'Chest pain.',
    diagnosis: 'Atypical chest pain; acute coronary syndrome ruled out by serial troponins.',
    disposition: 'Discharged home in stable condition.',
    course:
      'ECG showed sinus rhythm without ischemic change. Troponin negative at 0 and 3 hours. Chest radiograph clear. Pain resolved with an antacid.',
  },
  {
    complaint: 'Fall with left wrist pain.',
    diagnosis: 'Buckle fracture of the distal left radius.',
    disposition: 'Discharged home in a volar splint with orthopedic follow-up in one week.',
    course:
      'Radiographs showed a nondisplaced buckle fracture of the distal radius. Neurovascularly intact. Splint applied; ibuprofen given.',
  },
  {
    complaint: 'Abdominal pain and vomiting.',
    diagnosis: 'Viral gastroenteritis with mild dehydration.',
    disposition: 'Discharged home tolerating oral fluids.',
    course: 'Lipase and liver tests normal. Given 1 liter of normal saline and ondansetron with resolution of vomiting.',
  },
]

function emergencyReport(c: Ctx): Built {
  const { rng } = c
  const v = rng.pick(ED_VISITS)
  const arrival = at(c.date, rng, 0, 20)
  return {
    title: rng.pick(['Emergency Department Record', 'ED Provider Note', 'Emergency Department Visit Summary']),
    facility: FACILITIES.riverbend,
    author: OUTSIDE_CLINICIANS.edPhysician,
    orderingProvider: c.pcp,
    dates: {
      service: arrival,
      discharge: `${arrival.slice(0, 11)}${String(Math.min(23, Number(arrival.slice(11, 13)) + rng.int(2, 3))).padStart(2, '0')}:${arrival.slice(14)}`,
    },
    sections: [
      { heading: 'Chief Complaint', paragraphs: [v.complaint] },
      {
        heading: 'History of Present Illness',
        paragraphs: [`${c.ref}, ${c.age} years old, arrived by private vehicle. Symptoms began earlier today. No prior similar episodes.`],
      },
      { heading: 'ED Course', paragraphs: [v.course] },
      { heading: 'Diagnosis', paragraphs: [v.diagnosis] },
      { heading: 'Disposition', paragraphs: [v.disposition] },
      {
        heading: 'Follow-up',
        paragraphs: [
          `Follow up with primary care (${c.pcp.name}) within 3 to 5 days. Full ED record and imaging available on request from Medical Records.`,
        ],
      },
    ],
    signed: { style: 'electronic' },
  }
}

function immunizationRecord(c: Ctx): Built {
  const { rng } = c
  const vaccines = [
    ['Influenza, quadrivalent (IIV4)', 'Sanofi Pasteur', 'UF' + rng.int(100000, 999999), '08/06/2021'],
    ['Tdap (Boostrix)', 'GSK', 'A' + rng.int(1000, 9999) + 'C', '04/01/2024'],
    ['COVID-19, mRNA 2024-2025', 'Moderna', String(rng.int(100000, 999999)) + 'A', '09/11/2024'],
    ['Hepatitis B (Engerix-B)', 'GSK', 'H' + rng.int(10000, 99999), '05/31/2023'],
  ]
  const chosen = rng.sample(vaccines, rng.int(2, 3))
  const nurse = OUTSIDE_CLINICIANS.immunizationNurse
  return {
    title: 'Immunization Record',
    facility: FACILITIES.countyHealth,
    author: nurse,
    dates: { service: c.date },
    sections: [
      {
        table: {
          rows: [],
          columns: ['Vaccine', 'Manufacturer', 'Lot #', 'Date Given', 'Site/Route', 'VIS Date'],
          cells: chosen.map(([v, m, lot, vis]) => [v!, m!, lot!, usDate(c.date), rng.pick(['L deltoid IM', 'R deltoid IM']), vis!]),
        },
      },
      {
        fields: [
          ['Administered by', `${personName(nurse)}, ${nurse.role}`],
          ['Clinic address', FACILITIES.countyHealth.address],
          ['VIS given', `Yes, on ${usDate(c.date)}, current edition`],
        ],
      },
    ],
    signed: { style: 'handwritten' },
  }
}

function consentForm(c: Ctx): Built {
  const { rng } = c
  const guardian = c.age < 18
  const signerPerson: Person = guardian
    ? { name: `${rng.pick(['Ana', 'Luis', 'Carmen'])} ${titleCase(c.patient.familyName)}`, role: 'Parent/Guardian' }
    : { name: c.full, role: 'Patient' }
  return {
    title: rng.pick(['Consent for Treatment', 'General Consent to Treatment']),
    facility: rng.pick([FACILITIES.riverbend, FACILITIES.stBrigid]),
    author: signerPerson,
    dates: { service: c.date, signed: c.date },
    sections: [
      {
        paragraphs: [
          `I, the undersigned, consent to examination, diagnostic procedures and medical treatment by the physicians and staff of this facility as they judge necessary for ${guardian ? 'my child' : 'me'}.`,
          'I understand that no guarantee has been made about the results of treatment. I have had the chance to ask questions and my questions were answered.',
        ],
      },
      {
        checkboxes: [
          { label: 'I received the Notice of Privacy Practices.', checked: true },
          { label: 'I agree to receive appointment reminders by text message.', checked: rng.chance(0.5) },
        ],
      },
    ],
    signed: { style: 'handwritten', by: signerPerson },
  }
}

function roiAuthorization(c: Ctx): Built {
  const { rng } = c
  const from = rng.pick([FACILITIES.riverbend, FACILITIES.stBrigid])
  const patientPerson: Person = { name: c.full, role: 'Patient' }
  return {
    title: 'Authorization for Release of Protected Health Information',
    facility: from,
    author: patientPerson,
    dates: { service: c.date, signed: c.date, expiration: addDays(c.date, 365) },
    sections: [
      {
        fields: [
          ['Disclose from', `${from.name}, ${from.address}`],
          ['Release to', `${HEALTH_CENTER.name}, ${HEALTH_CENTER.address}, Fax ${HEALTH_CENTER.fax}`],
          ['Purpose', 'Continuity of care'],
          ['Expires', usDate(addDays(c.date, 365))],
        ],
      },
      {
        heading: 'Information to be released',
        checkboxes: [
          { label: 'Discharge summaries and history and physical', checked: true },
          { label: 'Laboratory and imaging reports', checked: true },
          { label: 'Psychotherapy notes', checked: false },
          { label: 'Substance use disorder treatment records (42 CFR Part 2)', checked: false },
        ],
      },
      {
        paragraphs: [
          'I understand that I may revoke this authorization in writing at any time, except to the extent that action has already been taken on it. Treatment, payment, enrollment or eligibility for benefits will not be conditioned on whether I sign this authorization. Information disclosed under this authorization may be redisclosed by the recipient and no longer be protected by federal privacy rules.',
        ],
      },
    ],
    signed: { style: 'handwritten', by: patientPerson },
  }
}

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`
}

function personName(p: Person): string {
  return p.credentials ? `${p.name}, ${p.credentials}` : p.name
}

const BUILDERS: Record<DocType, (c: Ctx) => Built> = {
  lab_report: labReport,
  radiology_report: radiologyReport,
  discharge_summary: dischargeSummary,
  history_and_physical: historyAndPhysical,
  consult_note: consultNote,
  operative_report: operativeReport,
  progress_note: progressNote,
  referral_letter: referralLetter,
  emergency_report: emergencyReport,
  immunization_record: immunizationRecord,
  consent_form: consentForm,
  roi_authorization: roiAuthorization,
}

export interface MakeSpecOptions {
  docType?: DocType
  /** A patient from the index (default: a random one, never the deceased patient). */
  patient?: IndexPatient
  layout?: Layout
  /** The main date (collection, exam, discharge, letter ...); default a date in 2025. */
  date?: string
  /** Print our MRN on the record (default: 40% of the time). */
  withOurMrn?: boolean
  /** Anything to override in the finished spec. */
  overrides?: Partial<RecordSpec>
}

const DEFAULT_LAYOUT: Record<DocType, Layout> = {
  lab_report: 'grid',
  radiology_report: 'labelled',
  discharge_summary: 'addressograph',
  history_and_physical: 'addressograph',
  consult_note: 'labelled',
  operative_report: 'addressograph',
  progress_note: 'labelled',
  referral_letter: 'labelled',
  emergency_report: 'grid',
  immunization_record: 'labelled',
  consent_form: 'addressograph',
  roi_authorization: 'labelled',
}

/**
 * A complete, plausible record spec of the given (or a random) type for a patient of the
 * sample index, all choices drawn from `rng`. Same seed, same record.
 */
export function makeRecordSpec(rng: Rng, opts: MakeSpecOptions = {}): RecordSpec {
  const docType = opts.docType ?? rng.pick(Object.keys(BUILDERS) as DocType[])
  const patient = opts.patient ?? rng.pick(PATIENTS.filter((p) => p.deceasedDate === null))
  const date = opts.date ?? addDays('2025-01-06', rng.int(0, 300))
  const age = Number(date.slice(0, 4)) - Number(patient.birthDate.slice(0, 4)) - (date.slice(5) < patient.birthDate.slice(5) ? 1 : 0)
  const honorific = age < 18 ? '' : patient.sex === 'F' ? 'Ms. ' : 'Mr. '
  const full = `${titleCase(patient.givenName)} ${titleCase(patient.familyName)}`
  const ctx: Ctx = {
    rng: rng.fork(`content:${docType}`),
    patient,
    ref: honorific ? `${honorific}${titleCase(patient.familyName)}` : full,
    full,
    age,
    date,
    pcp: ourProvider(patient.primaryProvider),
  }
  const b = BUILDERS[docType](ctx)
  const layout = opts.layout ?? (rng.chance(0.7) ? DEFAULT_LAYOUT[docType] : rng.pick(['labelled', 'grid', 'addressograph'] as const))
  const withMrn = opts.withOurMrn ?? rng.chance(0.4)
  const recordPatient: RecordPatient = {
    familyName: patient.familyName,
    givenName: patient.givenName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    ...(withMrn ? { mrn: patient.mrn } : {}),
    ...(layout === 'addressograph' || rng.chance(0.3) ? { facilityMrn: String(rng.int(100000, 9999999)).padStart(8, '0') } : {}),
    facilityAccount:
      docType === 'lab_report' ? `A${rng.int(10, 99)}-${rng.int(100000, 999999)}` : `V${date.slice(0, 4)}${rng.int(100000, 999999)}`,
  }
  const spec: RecordSpec = {
    docType,
    facility: b.facility,
    patient: recordPatient,
    layout,
    title: b.title,
    dates: b.dates,
    author: b.author,
    ...(b.orderingProvider ? { orderingProvider: b.orderingProvider } : {}),
    ...(b.recipient ? { recipient: b.recipient } : {}),
    ...(b.letter ? { letter: b.letter } : {}),
    sections: b.sections,
    signed: b.signed,
    seed: rng.uint32(),
    ...opts.overrides,
  }
  return spec
}
