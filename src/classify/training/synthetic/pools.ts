/**
 * Made-up people, places and clinical phrases for synthetic training documents and for
 * dressing up training texts the way outside records arrive (letterheads, patient blocks,
 * signature blocks). Every name and place here is invented.
 */
import { addDays as addCalendarDays } from '../../../clock/calendar.js'
import type { Rng } from '../../rng.js'

export const GIVEN = [
  'Maria',
  'James',
  'Linda',
  'Robert',
  'Patricia',
  'Michael',
  'Jennifer',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Betty',
  'Mark',
  'Sandra',
  'Donald',
  'Ashley',
  'Steven',
  'Kimberly',
  'Paul',
  'Emily',
  'Andrew',
  'Donna',
  'Joshua',
  'Michelle',
  'Kenneth',
  'Carol',
  'Kevin',
  'Amanda',
  'Brian',
  'Dorothy',
  'George',
  'Melissa',
  'Timothy',
  'Deborah',
  'Ronald',
  'Stephanie',
  'Jose',
  'Rebecca',
  'Luis',
  'Sharon',
  'Juan',
  'Laura',
  'Ahmed',
  'Fatima',
  'Nguyen',
  'Mei',
  'Tyrone',
  'Keisha',
  'Dmitri',
  'Olga',
  'Priya',
  'Rajesh',
  'Guadalupe',
  'Esperanza',
  'Hiroshi',
  'Aaliyah',
  'Omar',
  'Yesenia',
  'Tomasz',
  'Ngozi',
  'Kwame',
  'Ingrid',
  'Bao',
  'Leticia',
  'Rosa',
  'Miguel',
  'Ana',
]
export const FAMILY = [
  'Alvarez',
  'Brennan',
  'Castillo',
  'Dawson',
  'Ellison',
  'Fernandez',
  'Gallagher',
  'Hoang',
  'Ibarra',
  'Jablonski',
  'Kowalczyk',
  'Lindqvist',
  'Mahoney',
  'Nakamura',
  'Okafor',
  'Petrakis',
  'Quintero',
  'Rasmussen',
  'Santiago',
  'Thibodeaux',
  'Underwood',
  'Valdez',
  'Whitfield',
  'Xiong',
  'Yamada',
  'Zielinski',
  'Abernathy',
  'Baptiste',
  'Cruz',
  'Delgado',
  'Esposito',
  'Fitzgerald',
  'Garza',
  'Holloway',
  'Iverson',
  'Jefferson',
  'Kaur',
  'Lachance',
  'Montoya',
  'Novak',
  'Oyelaran',
  'Pham',
  'Reyes',
  'Sorensen',
  'Tran',
  'Vasquez',
  'Washington',
  'Yilmaz',
  'Zamora',
  'Okonkwo',
  'Haddad',
  'Morrison',
  'Bianchi',
  'Chen',
  'Patel',
  'Murphy',
  'Kim',
  'Osei',
  'Romero',
  'Stein',
]
export const CREDENTIALS = ['MD', 'DO', 'MD', 'MD', 'NP', 'FNP-C', 'PA-C', 'MD, FACP', 'MD, PhD', 'DO, FAAFP']
export const NURSE_CREDENTIALS = ['RN', 'LPN', 'MA', 'CMA', 'RN, BSN', 'PharmD', 'LVN']

const FAC_A = [
  'Riverbend',
  'Northgate',
  'Cedar Valley',
  'St. Brigid',
  'Lakeshore',
  'Mesa Verde',
  'Harborview',
  'Pine Ridge',
  'Summit',
  'Oak Hollow',
  'Fairhaven',
  'Granite City',
  'Willow Creek',
  'Bayside',
  'Eastfield',
  'Sacred Heart of the Plains',
  'Mount Carmel Valley',
  'Three Rivers',
  'Prairie View',
  'Blue Hills',
  'Copper Canyon',
  'Silver Lake',
  'Westbrook',
  'Kingsford',
]
const HOSP_B = [
  'Regional Medical Center',
  'Community Hospital',
  'Memorial Hospital',
  'General Hospital',
  'Medical Center',
  'University Hospital',
  'Health System',
  "Children's Hospital",
  'Hospital and Clinics',
]
const CLINIC_B = [
  'Family Medicine',
  'Internal Medicine Associates',
  'Pediatrics',
  'Cardiology Associates',
  'Orthopedic Group',
  "Women's Health",
  'Neurology Clinic',
  'Gastroenterology Specialists',
  'Urgent Care',
  'Community Health Center',
  'Dermatology',
  'Pulmonary & Sleep Medicine',
  'Endocrinology',
  'Behavioral Health',
]
const LAB_B = [
  'Clinical Laboratories',
  'Reference Laboratory',
  'Diagnostic Laboratory',
  'Pathology Associates',
  'Labs, Inc.',
  'Medical Laboratory Services',
  'Laboratory Services',
]
const IMG_B = ['Imaging Center', 'Radiology Associates', 'Diagnostic Imaging', 'MRI & CT Center', 'Open MRI']
const STREETS = [
  'Main St',
  'Oak Avenue',
  'Harbor Blvd',
  'Elm Street',
  'Medical Park Drive',
  'County Road 12',
  'Jefferson Ave',
  'Mill Road',
  'Lincoln Way',
  'Hospital Drive',
  'Commerce Pkwy',
  'River Road',
  'Sunset Blvd',
  'Market Street',
  'Washington St',
  'Highland Ave',
]
const CITIES: [string, string, string][] = [
  ['Springfield', 'IL', '627'],
  ['Fairview', 'OR', '970'],
  ['Riverton', 'WY', '825'],
  ['Madison', 'WI', '537'],
  ['Greenville', 'SC', '296'],
  ['Salem', 'MA', '019'],
  ['Franklin', 'TN', '370'],
  ['Clinton', 'IA', '527'],
  ['Georgetown', 'TX', '786'],
  ['Bristol', 'CT', '060'],
  ['Dover', 'DE', '199'],
  ['Auburn', 'AL', '368'],
  ['Oxford', 'MS', '386'],
  ['Arlington', 'VA', '222'],
  ['Burlington', 'VT', '054'],
  ['Las Cruces', 'NM', '880'],
  ['Yakima', 'WA', '989'],
  ['Lowell', 'MA', '018'],
  ['Bakersfield', 'CA', '933'],
  ['Erie', 'PA', '165'],
]

/** A document's lines, leaving out the parts a style chose not to print. */
/** A line a style may leave out. */
export type Part = string | false | null | undefined
export const lines = (...xs: Part[]): string => xs.filter((x): x is string => !!x).join('\n')
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export function personName(r: Rng): { given: string; family: string; full: string } {
  const given = r.pick(GIVEN)
  const family = r.pick(FAMILY)
  const mid = r.chance(0.3) ? ` ${String.fromCharCode(65 + r.int(0, 25))}.` : ''
  return { given, family, full: `${given}${mid} ${family}` }
}

export function providerName(r: Rng): string {
  const p = personName(r)
  return `${p.full}, ${r.pick(CREDENTIALS)}`
}

export function drName(r: Rng): string {
  return `Dr. ${r.pick(GIVEN)} ${r.pick(FAMILY)}`
}

export function nurseName(r: Rng): string {
  return `${personName(r).full}, ${r.pick(NURSE_CREDENTIALS)}`
}

export function hospitalName(r: Rng): string {
  return `${r.pick(FAC_A)} ${r.pick(HOSP_B)}`
}
export function clinicName(r: Rng): string {
  return `${r.pick(FAC_A)} ${r.pick(CLINIC_B)}`
}
export function labName(r: Rng): string {
  return `${r.pick(FAC_A)} ${r.pick(LAB_B)}`
}
export function imagingName(r: Rng): string {
  return `${r.pick(FAC_A)} ${r.pick(IMG_B)}`
}
export function facilityName(r: Rng): string {
  return r.pick([hospitalName, clinicName, clinicName, labName, imagingName])(r)
}

export function phone(r: Rng): string {
  const a = r.int(201, 989)
  const b = r.int(200, 999)
  const c = String(r.int(0, 9999)).padStart(4, '0')
  return r.pick([`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`])
}

export function address(r: Rng): { line1: string; cityLine: string; oneLine: string } {
  const [city, st, zip3] = r.pick(CITIES)
  const line1 = `${r.int(10, 9899)} ${r.pick(STREETS)}${r.chance(0.3) ? `, Suite ${r.int(100, 450)}` : ''}`
  const cityLine = `${city}, ${st} ${zip3}${String(r.int(0, 99)).padStart(2, '0')}`
  return { line1, cityLine, oneLine: `${line1}, ${cityLine}` }
}

export interface SynthDate {
  y: number
  m: number
  d: number
}

export function randomDate(r: Rng, fromYear = 2015, toYear = 2025): SynthDate {
  return { y: r.int(fromYear, toYear), m: r.int(1, 12), d: r.int(1, 28) }
}

export function addDays(dt: SynthDate, days: number): SynthDate {
  const iso = addCalendarDays(`${String(dt.y).padStart(4, '0')}-${String(dt.m).padStart(2, '0')}-${String(dt.d).padStart(2, '0')}`, days)
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return { y, m, d }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function fmtDate(r: Rng, dt: SynthDate, style?: number): string {
  const s = style ?? r.int(0, 5)
  const mm = String(dt.m).padStart(2, '0')
  const dd = String(dt.d).padStart(2, '0')
  switch (s) {
    case 0:
      return `${mm}/${dd}/${dt.y}`
    case 1:
      return `${dt.m}/${dt.d}/${dt.y}`
    case 2:
      return `${MONTHS[dt.m - 1]} ${dt.d}, ${dt.y}`
    case 3:
      return `${dt.y}-${mm}-${dd}`
    case 4:
      return `${mm}/${dd}/${String(dt.y).slice(2)}`
    default:
      return `${dt.d}-${MONTHS[dt.m - 1]!.slice(0, 3).toUpperCase()}-${dt.y}`
  }
}

export function time(r: Rng): string {
  return r.chance(0.5)
    ? `${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
    : `${r.int(1, 12)}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['AM', 'PM'])}`
}

export function mrn(r: Rng): string {
  return r.pick([
    () => String(r.int(100000, 9999999)),
    () => `MR${r.int(100000, 999999)}`,
    () => `${r.int(10, 99)}-${r.int(100, 999)}-${r.int(100, 999)}`,
    () => `E${r.int(1000000, 9999999)}`,
  ])()
}

export function patientBlock(r: Rng, dos?: SynthDate): string {
  const p = personName(r)
  const dob = randomDate(r, 1935, 2020)
  const name = r.chance(0.5) ? `${p.family.toUpperCase()}, ${p.given.toUpperCase()}` : p.full
  const date = dos ?? randomDate(r)
  const parts: string[] = []
  const sep = r.pick([': ', ':  ', ' ', ':\t'])
  parts.push(`${r.pick(['Patient', 'Patient Name', 'Name', 'PATIENT', 'Pt Name', 'RE'])}${sep}${name}`)
  if (r.chance(0.85)) parts.push(`${r.pick(['DOB', 'Date of Birth', 'D.O.B.', 'Birth Date'])}${sep}${fmtDate(r, dob)}`)
  if (r.chance(0.7)) parts.push(`${r.pick(['MRN', 'MR#', 'Medical Record #', 'Patient ID', 'Acct #', 'Account No'])}${sep}${mrn(r)}`)
  if (r.chance(0.5)) parts.push(`${r.pick(['Sex', 'Gender'])}${sep}${r.pick(['F', 'M', 'Female', 'Male'])}`)
  if (r.chance(0.5)) parts.push(`${r.pick(['Date of Service', 'DOS', 'Visit Date', 'Date', 'Encounter Date'])}${sep}${fmtDate(r, date)}`)
  if (r.chance(0.4)) parts.push(`${r.pick(['Provider', 'Attending', 'PCP', 'Referring', 'Physician'])}${sep}${providerName(r)}`)
  if (r.chance(0.5)) return parts.join('\n')
  const out: string[] = []
  for (let i = 0; i < parts.length; i += 2) out.push(parts.slice(i, i + 2).join(r.pick(['    ', '\t', '   |   '])))
  return out.join('\n')
}

export function letterhead(r: Rng, name = facilityName(r)): string {
  const a = address(r)
  const lines = [r.chance(0.4) ? name.toUpperCase() : name]
  if (r.chance(0.3))
    lines.push(
      r.pick([
        'A member of the Valley Health Network',
        'Caring for our community since 1962',
        'Affiliated with State University School of Medicine',
        'Accredited by The Joint Commission',
      ]),
    )
  if (r.chance(0.5)) lines.push(a.line1, a.cityLine)
  else lines.push(a.oneLine)
  if (r.chance(0.8)) lines.push(r.chance(0.5) ? `Phone ${phone(r)}  Fax ${phone(r)}` : `Tel: ${phone(r)} | Fax: ${phone(r)}`)
  return lines.join('\n')
}

export function faxHeader(r: Rng): string {
  const d = randomDate(r)
  return r.pick([
    () => `${fmtDate(r, d, 0)} ${time(r)} FROM: ${phone(r)} TO: ${phone(r)} P.${r.int(1, 9)}/${r.int(9, 20)}`,
    () => `${fmtDate(r, d, 4)}  ${time(r)}  ${facilityName(r).toUpperCase()}  PAGE ${String(r.int(1, 9)).padStart(3, '0')}`,
    () => `Received: ${fmtDate(r, d, 2)} ${time(r)} From: ${phone(r)} -> ${phone(r)} Page ${r.int(1, 9)} of ${r.int(9, 15)}`,
  ])()
}

export function signatureBlock(r: Rng, signer = providerName(r)): string {
  const d = randomDate(r)
  return r.pick([
    () => `Electronically signed by ${signer} on ${fmtDate(r, d)} at ${time(r)}`,
    () =>
      `${signer}\n${r.pick(['Attending Physician', 'Internal Medicine', 'Family Medicine', 'Department of Surgery', 'Hospitalist Service', ''])}`.trim(),
    () => `Dictated by: ${signer}\nD: ${fmtDate(r, d, 0)}  T: ${fmtDate(r, addDays(d, r.int(0, 2)), 0)}\nJob #${r.int(10000, 999999)}`,
    () => `______________________________\n${signer}    Date: ${fmtDate(r, d)}`,
    () => `Signed: ${signer} ${fmtDate(r, d)} ${time(r)}`,
    () => `Authenticated by ${signer}, ${fmtDate(r, d)}\ncc: ${drName(r)}`,
    () => `This document was electronically signed by ${signer}.`,
  ])()
}

export function pageFooter(r: Rng): string {
  return r.pick([
    `Page ${r.int(1, 3)} of ${r.int(3, 6)}`,
    'CONFIDENTIAL: This document contains protected health information. Redisclosure is prohibited unless permitted by law.',
    `Printed ${fmtDate(r, randomDate(r))} ${time(r)} by ${personName(r).given.toLowerCase()}${r.int(1, 99)}`,
    `${facilityName(r)} - Medical Records - ${phone(r)}`,
    'Copy for outside provider',
  ])
}

// ---- clinical phrase pools (shared by every clinical type, so style does not give the type away) ----

export const CONDITIONS = [
  'hypertension',
  'type 2 diabetes mellitus',
  'hyperlipidemia',
  'asthma',
  'chronic obstructive pulmonary disease',
  'congestive heart failure',
  'coronary artery disease',
  'atrial fibrillation',
  'hypothyroidism',
  'gastroesophageal reflux disease',
  'chronic kidney disease stage 3',
  'depression',
  'generalized anxiety disorder',
  'osteoarthritis of the knees',
  'obesity',
  'obstructive sleep apnea',
  'migraine headaches',
  'benign prostatic hyperplasia',
  'iron deficiency anemia',
  'peripheral neuropathy',
  'history of stroke',
  'seizure disorder',
  'HIV on antiretroviral therapy',
  'hepatitis C',
  'rheumatoid arthritis',
  'gout',
  'osteoporosis',
  'chronic low back pain',
  'bipolar disorder',
  'alcohol use disorder in remission',
]
export const COMPLAINTS = [
  'chest pain',
  'shortness of breath',
  'abdominal pain',
  'headache',
  'fever and cough',
  'dizziness',
  'nausea and vomiting',
  'back pain',
  'syncope',
  'palpitations',
  'right lower quadrant pain',
  'left knee pain',
  'rash',
  'sore throat',
  'dysuria',
  'weakness',
  'fall',
  'laceration to the hand',
  'altered mental status',
  'swelling of the legs',
  'blood in the stool',
  'wheezing',
  'ankle injury',
  'numbness of the left arm',
  'hyperglycemia',
  'elevated blood pressure',
]
export const MEDS = [
  'lisinopril 10 mg daily',
  'metformin 500 mg twice daily',
  'atorvastatin 40 mg at bedtime',
  'amlodipine 5 mg daily',
  'levothyroxine 75 mcg daily',
  'albuterol inhaler as needed',
  'omeprazole 20 mg daily',
  'sertraline 50 mg daily',
  'aspirin 81 mg daily',
  'metoprolol succinate 25 mg daily',
  'furosemide 20 mg daily',
  'insulin glargine 20 units at bedtime',
  'gabapentin 300 mg three times daily',
  'apixaban 5 mg twice daily',
  'hydrochlorothiazide 25 mg daily',
  'losartan 50 mg daily',
  'montelukast 10 mg daily',
  'tamsulosin 0.4 mg daily',
  'acetaminophen 650 mg every 6 hours as needed',
  'fluticasone nasal spray',
]
export const ALLERGIES = [
  'No known drug allergies.',
  'NKDA.',
  'Penicillin (rash).',
  'Sulfa drugs.',
  'Codeine causes nausea.',
  'Lisinopril (angioedema).',
  'Shellfish and iodine contrast.',
  'Latex.',
  'None known.',
]
export const SOCIAL = [
  'Lives with her husband. Denies tobacco, alcohol or drug use.',
  'Smokes one pack per day for 20 years. Drinks alcohol socially.',
  'Former smoker, quit 10 years ago. Works as a bus driver.',
  'Lives alone. Retired teacher. No alcohol use.',
  'Lives with parents and two siblings. Attends middle school.',
  'Works in construction. Drinks 2-3 beers on weekends. No illicit drugs.',
  'Married, two children. Works as a cashier. Never smoker.',
  'Homeless at present, staying at a shelter. Uses alcohol daily.',
  'Lives in an assisted living facility. Uses a walker.',
]
export const FAMILY_HX = [
  'Mother with diabetes and hypertension. Father died of myocardial infarction at age 60.',
  'Noncontributory.',
  'Sister with breast cancer. Brother with asthma.',
  'Family history of colon cancer in father.',
  'No family history of heart disease or cancer.',
  'Mother with thyroid disease.',
]
export const ROS = [
  'Constitutional: Denies fever, chills or weight loss.',
  'Eyes: No visual changes.',
  'ENT: No sore throat or ear pain.',
  'Cardiovascular: Denies chest pain or palpitations.',
  'Respiratory: Denies cough or shortness of breath.',
  'Gastrointestinal: Denies nausea, vomiting, diarrhea or constipation.',
  'Genitourinary: No dysuria or hematuria.',
  'Musculoskeletal: Positive for joint pain.',
  'Skin: No rashes.',
  'Neurologic: No focal weakness or numbness.',
  'Psychiatric: Denies depression or suicidal ideation.',
  'Endocrine: No polyuria or polydipsia.',
  'Hematologic: No easy bruising.',
]
export const EXAM = [
  'General: Alert and oriented, in no acute distress.',
  'HEENT: Normocephalic, atraumatic. Pupils equal, round and reactive to light. Oropharynx clear.',
  'Neck: Supple. No lymphadenopathy or thyromegaly.',
  'Lungs: Clear to auscultation bilaterally. No wheezes, rales or rhonchi.',
  'Heart: Regular rate and rhythm. No murmurs, rubs or gallops.',
  'Abdomen: Soft, nontender, nondistended. Normal bowel sounds.',
  'Extremities: No clubbing, cyanosis or edema.',
  'Neurologic: Cranial nerves II through XII grossly intact. Strength 5/5 throughout.',
  'Skin: Warm and dry. No lesions.',
  'Psychiatric: Normal mood and affect.',
  'Back: No CVA tenderness.',
  'Abdomen: Tender in the right lower quadrant with guarding.',
  'Lungs: Diffuse expiratory wheezes.',
  'Extremities: 2+ pitting edema bilaterally.',
]

export function vitals(r: Rng): string {
  return `Temperature ${(97 + r.next() * 4).toFixed(1)}, pulse ${r.int(55, 125)}, respirations ${r.int(12, 28)}, blood pressure ${r.int(95, 185)}/${r.int(55, 110)}, oxygen saturation ${r.int(88, 100)}% on room air.`
}

export function age(r: Rng): number {
  return r.chance(0.15) ? r.int(1, 17) : r.int(18, 92)
}

export function hpi(r: Rng, complaint: string, setting: 'clinic' | 'ed' | 'admit' | 'consult' | 'letter'): string {
  const a = age(r)
  const sex = r.pick(['male', 'female', 'man', 'woman', 'gentleman', 'lady'])
  const hx = r.some(CONDITIONS, r.int(1, 3)).join(', ')
  const dur = r.pick(['2 days', '3 days', 'one week', 'several hours', 'two weeks', 'a month', 'since this morning', '24 hours'])
  const where = {
    clinic: r.pick(['presents to the clinic', 'comes in today', 'is seen today in the office', 'presents for evaluation']),
    ed: r.pick([
      'presents to the emergency department',
      'was brought to the emergency room by ambulance',
      'presents to the ER',
      'arrived by private vehicle to the emergency department',
    ]),
    admit: r.pick([
      'presents and is being admitted',
      'was admitted from the emergency department',
      'is admitted for further management',
      'presents as a direct admission',
    ]),
    consult: r.pick([
      'is seen at the request of the primary team',
      'was referred for evaluation',
      'is seen in consultation',
      'is referred by the primary care provider',
    ]),
    letter: r.pick(['was seen in our office', 'came to see me', 'was evaluated today', 'has been followed by me']),
  }[setting]
  const s1 = `The patient is a ${a}-year-old ${sex} with a history of ${hx} who ${where} with ${complaint} for ${dur}.`
  const more = r.some(
    [
      `The ${complaint} is described as ${r.pick(['sharp', 'dull', 'constant', 'intermittent', 'pressure-like', 'burning'])} and rated ${r.int(3, 10)}/10.`,
      `Symptoms are worse with ${r.pick(['exertion', 'eating', 'lying flat', 'walking', 'movement'])} and better with ${r.pick(['rest', 'ibuprofen', 'sitting up', 'ice'])}.`,
      `${r.pick(['She', 'He', 'The patient'])} denies ${r.pick(['fever', 'chest pain', 'vomiting', 'recent travel', 'sick contacts', 'trauma'])}.`,
      `${r.pick(['She', 'He', 'The patient'])} has tried ${r.pick(['over-the-counter medications', 'acetaminophen', 'rest and fluids', 'an inhaler'])} without relief.`,
      `Blood sugars at home have been running ${r.int(150, 350)} to ${r.int(200, 450)}.`,
      `There is associated ${r.pick(['nausea', 'diaphoresis', 'shortness of breath', 'fatigue', 'loss of appetite'])}.`,
      `${r.pick(['She', 'He'])} was last seen ${r.pick(['three months ago', 'last year', 'in the spring'])} for ${r.pick(CONDITIONS)}.`,
    ],
    r.int(1, 4),
  )
  return [s1, ...more].join(' ')
}

export function plans(r: Rng, n: number): string[] {
  return r.some(
    [
      `Continue ${r.pick(MEDS)}.`,
      `Start ${r.pick(MEDS)}.`,
      `Check ${r.pick(['CBC', 'basic metabolic panel', 'hemoglobin A1c', 'lipid panel', 'TSH', 'urinalysis', 'chest x-ray', 'EKG'])}.`,
      `Follow up in ${r.pick(['one week', 'two weeks', 'one month', 'three months', '6 weeks'])}.`,
      'Diet and exercise counseling provided.',
      `Referral to ${r.pick(['cardiology', 'physical therapy', 'nutrition', 'behavioral health', 'gastroenterology', 'podiatry', 'ophthalmology'])}.`,
      'Return precautions reviewed.',
      'Smoking cessation counseling given.',
      `Increase ${r.pick(MEDS)}.`,
      'Patient verbalized understanding of the plan.',
      'Influenza vaccine offered.',
    ],
    n,
  )
}
