/**
 * Writes the committed sample outside records, the sample patient index and the answers
 * tests check against:
 *
 *   samples/patients.csv, samples/expected.json, and the scans alone in samples/inbox/
 *   (lab-report-text.pdf, radiology-report-scan.pdf, discharge-summary-skewed.tiff,
 *   consult-note.png, referral-fax.jpg), so `cp samples/inbox/* inbox/` takes only scans
 *
 * Run: npx tsx samples/make-samples.ts   (about 10 s; output is byte-for-byte reproducible)
 * All people, facilities and numbers are made up.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import {
  FACILITIES,
  HEALTH_CENTER,
  LOOK_ALIKES,
  OUTSIDE_CLINICIANS,
  multiPageTiff,
  ourProvider,
  patientByMrn,
  patientsCsv,
  personName,
  primaryDate,
  printedName,
  rasterizePdf,
  renderRecordPdf,
  scanStyle,
  scannedPdf,
  signatureDate,
  signer,
  toJpeg,
  toPng,
  type IndexPatient,
  type RecordPatient,
  type RecordSpec,
  type ScanStyle,
} from './lib/records.js'

const OUT = path.dirname(fileURLToPath(import.meta.url))
/** The scans only: a folder a first-time user copies into the inbox whole. */
const SCANS = path.join(OUT, 'inbox')

function asRecordPatient(p: IndexPatient, extra: Partial<RecordPatient> = {}): RecordPatient {
  return { familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate, sex: p.sex, ...extra }
}

// ---------------------------------------------------------------------------------------
// The five records

const johnson = patientByMrn('CC-100418')
const labSpec: RecordSpec = {
  docType: 'lab_report',
  facility: FACILITIES.triCountyLab,
  patient: asRecordPatient(johnson, { mrn: johnson.mrn, facilityAccount: 'A25-0310442' }),
  layout: 'grid',
  title: 'Laboratory Report',
  dates: { collection: '2025-03-10T08:42', received: '2025-03-10T13:05', report: '2025-03-11T09:20' },
  author: OUTSIDE_CLINICIANS.labDirector,
  orderingProvider: ourProvider(johnson.primaryProvider),
  sections: [
    {
      table: {
        panel: 'BASIC METABOLIC PANEL',
        specimen: 'Serum',
        rows: [
          { test: 'Sodium', result: '139', units: 'mmol/L', range: '136 - 145' },
          { test: 'Potassium', result: '4.6', units: 'mmol/L', range: '3.5 - 5.1' },
          { test: 'Chloride', result: '103', units: 'mmol/L', range: '98 - 107' },
          { test: 'Carbon Dioxide (CO2)', result: '25', units: 'mmol/L', range: '22 - 29' },
          { test: 'Urea Nitrogen (BUN)', result: '22', units: 'mg/dL', range: '7 - 20', flag: 'H' },
          { test: 'Creatinine', result: '1.18', units: 'mg/dL', range: '0.60 - 1.30' },
          { test: 'Glucose', result: '131', units: 'mg/dL', range: '70 - 99', flag: 'H' },
          { test: 'Calcium', result: '9.4', units: 'mg/dL', range: '8.6 - 10.3' },
          { test: 'eGFR (CKD-EPI 2021)', result: '76', units: 'mL/min/1.73m2', range: '>=60' },
        ],
      },
    },
    {
      table: {
        panel: 'COMPLETE BLOOD COUNT (CBC) WITH PLATELETS',
        specimen: 'Whole blood, EDTA',
        rows: [
          { test: 'WBC', result: '7.8', units: 'x10^3/uL', range: '4.0 - 11.0' },
          { test: 'RBC', result: '4.71', units: 'x10^6/uL', range: '4.20 - 5.80' },
          { test: 'Hemoglobin', result: '14.2', units: 'g/dL', range: '13.0 - 17.0' },
          { test: 'Hematocrit', result: '42.6', units: '%', range: '38.0 - 50.0' },
          { test: 'MCV', result: '90.4', units: 'fL', range: '80.0 - 100.0' },
          { test: 'MCH', result: '30.1', units: 'pg', range: '27.0 - 33.0' },
          { test: 'MCHC', result: '33.3', units: 'g/dL', range: '32.0 - 36.0' },
          { test: 'RDW', result: '13.1', units: '%', range: '11.5 - 14.5' },
          { test: 'Platelet Count', result: '248', units: 'x10^3/uL', range: '150 - 400' },
        ],
      },
    },
    {
      heading: 'Comments',
      paragraphs: [
        'Patient fasting status: not fasting. Glucose interpreted accordingly. Results released by the performing laboratory; critical values are telephoned to the ordering provider.',
      ],
    },
  ],
  signed: { style: 'electronic', date: '2025-03-11T09:20' },
  pageCount: 1,
  seed: 'lab-report-text',
}

const okafor = patientByMrn('CC-100562')
const radiologySpec: RecordSpec = {
  docType: 'radiology_report',
  facility: FACILITIES.lakeshoreImaging,
  patient: asRecordPatient(okafor, { facilityAccount: 'LIA-25-0512-0087' }),
  layout: 'labelled',
  title: 'Radiology Report',
  dates: { exam: '2025-05-12T10:15', report: '2025-05-12' },
  author: OUTSIDE_CLINICIANS.radiologist,
  orderingProvider: ourProvider(okafor.primaryProvider),
  sections: [
    { heading: 'Exam', paragraphs: ['XR CHEST 2 VIEWS (PA AND LATERAL)'] },
    { heading: 'Clinical Indication', paragraphs: ['Cough for three weeks. Former smoker, 20 pack-years.'] },
    { heading: 'Comparison', paragraphs: ['Chest radiograph of 08/14/2023.'] },
    { heading: 'Technique', paragraphs: ['PA and lateral views of the chest.'] },
    {
      heading: 'Findings',
      paragraphs: [
        'The lungs are clear without focal consolidation, pleural effusion or pneumothorax. A 6 mm calcified granuloma in the left upper lobe is unchanged from 08/14/2023.',
        'The cardiomediastinal silhouette is within normal limits. The pulmonary vasculature is normal.',
        'No acute osseous abnormality. Mild degenerative change of the thoracic spine.',
      ],
    },
    {
      heading: 'Impression',
      paragraphs: [
        '1. No acute cardiopulmonary process.',
        '2. Stable 6 mm calcified granuloma, left upper lobe. No follow-up imaging needed for this finding.',
      ],
    },
  ],
  signed: { style: 'electronic', date: '2025-05-12T14:02' },
  pageCount: 1,
  seed: 'radiology-report-scan',
}

const lindqvist = patientByMrn('CC-101127')
const dischargeSpec: RecordSpec = {
  docType: 'discharge_summary',
  facility: FACILITIES.stBrigid,
  patient: asRecordPatient(lindqvist, { facilityMrn: '00736145', facilityAccount: 'V2025040211873' }),
  layout: 'addressograph',
  title: 'Discharge Summary',
  dates: { admission: '2025-04-02', discharge: '2025-04-07', report: '2025-04-09' },
  author: OUTSIDE_CLINICIANS.hospitalist,
  orderingProvider: ourProvider(lindqvist.primaryProvider),
  sections: [
    {
      heading: 'Reason for Hospitalization',
      paragraphs: ['Community-acquired pneumonia of the right lower lobe with acute hypoxic respiratory failure.'],
    },
    {
      heading: 'Discharge Diagnoses',
      bullets: [
        'Community-acquired pneumonia, right lower lobe',
        'Acute hypoxic respiratory failure, resolved',
        'Acute kidney injury, prerenal, resolved',
        'Type 2 diabetes mellitus',
        'Hypertension',
        'Osteoporosis',
      ],
    },
    {
      heading: 'Hospital Course',
      paragraphs: [
        'Mrs. Lindqvist is an 81-year-old woman who presented to the emergency department with three days of productive cough, fever to 38.9 C, poor appetite and increasing shortness of breath. Oxygen saturation was 87% on room air. Chest radiograph showed right lower lobe consolidation. WBC was 14.2 and creatinine 1.41 from a baseline of 0.9.',
        'She was admitted to the medical floor and started on intravenous ceftriaxone 1 g daily and oral azithromycin, with oxygen by nasal cannula at 2 liters per minute and intravenous fluids. Blood cultures drawn before antibiotics remained negative at five days. Urinary pneumococcal and legionella antigens were negative.',
        'Fever resolved on hospital day two. Oxygen was weaned to room air on hospital day three, with ambulatory saturation of 93%. Creatinine returned to 0.94 with fluids, and lisinopril, which had been held, was resumed on the day of discharge.',
        'Blood glucose was managed with basal insulin and a correction scale while inpatient; home metformin was resumed once she was eating normally. Physical therapy evaluated her on hospital day four; she walked 150 feet with a rolling walker and was judged safe to go home with home health services.',
        'On the second night she had brief confusion with pulling at her oxygen tubing, attributed to delirium in the setting of infection and a new environment. It cleared with reorientation, sleep hygiene and early mobilization, without antipsychotic medication. She was alert and oriented to person, place and time for the last three days of her stay.',
        'Medication reconciliation was completed with the patient and her daughter at discharge. Her home zolpidem was stopped because of the delirium and fall risk, and she was asked not to restart it.',
      ],
    },
    {
      heading: 'Consultations',
      paragraphs: [
        'Physical therapy (04/05/2025): home with rolling walker, home physical therapy. Diabetes education (04/06/2025): glucose meter technique reviewed.',
      ],
    },
    { heading: 'Allergies', paragraphs: ['Sulfa drugs (hives).'] },
    { heading: 'Procedures', paragraphs: ['Chest radiographs on 04/02/2025 and 04/05/2025. Blood cultures. No invasive procedures.'] },
    {
      heading: 'Significant Findings',
      paragraphs: [
        'WBC 14.2 on admission, 7.9 at discharge. Creatinine 1.41 on admission, 0.94 at discharge. Procalcitonin 1.6. Sputum culture: normal respiratory flora. Repeat chest radiograph on 04/05/2025: improving right lower lobe opacity.',
      ],
    },
    {
      heading: 'Laboratory Results at Discharge',
      table: {
        panel: 'Collected 04/07/2025 05:40',
        rows: [
          { test: 'WBC', result: '7.9', units: 'x10^3/uL', range: '4.0 - 11.0' },
          { test: 'Hemoglobin', result: '11.8', units: 'g/dL', range: '12.0 - 16.0', flag: 'L' },
          { test: 'Sodium', result: '137', units: 'mmol/L', range: '136 - 145' },
          { test: 'Potassium', result: '4.2', units: 'mmol/L', range: '3.5 - 5.1' },
          { test: 'Creatinine', result: '0.94', units: 'mg/dL', range: '0.50 - 1.10' },
          { test: 'Glucose', result: '142', units: 'mg/dL', range: '70 - 99', flag: 'H' },
        ],
      },
    },
    {
      heading: 'Pending Results at Discharge',
      paragraphs: [
        'Final blood culture report (no growth at 5 days expected on 04/08/2025). Our office will call the patient and her primary care provider if anything grows.',
      ],
    },
    {
      heading: 'Condition at Discharge',
      paragraphs: [
        'Improved and stable. Afebrile for 72 hours, oxygen saturation 94% on room air at rest, alert and oriented, ambulating with a rolling walker, tolerating a regular diabetic diet.',
      ],
    },
    {
      heading: 'Vital Signs at Discharge',
      fields: [
        ['Temperature', '36.8 C'],
        ['Heart rate', '78'],
        ['Blood pressure', '132/74'],
        ['Respiratory rate', '16'],
        ['SpO2', '94% on room air'],
      ],
    },
    { heading: 'Code Status', paragraphs: ['Full code. Health care power of attorney on file: daughter, Karin Lindqvist.'] },
    {
      heading: 'Discharge Medications',
      fields: [
        ['Amoxicillin-clavulanate 875-125 mg', 'one tablet by mouth twice daily for 3 more days (new; last dose 04/10/2025)'],
        ['Metformin 500 mg', 'one tablet by mouth twice daily with meals (unchanged)'],
        ['Lisinopril 10 mg', 'one tablet by mouth daily (resumed)'],
        ['Alendronate 70 mg', 'one tablet by mouth weekly on Sundays (unchanged)'],
        ['Acetaminophen 500 mg', 'one to two tablets every 6 hours as needed for fever or pain'],
      ],
    },
    {
      heading: 'Instructions to Patient and Family',
      paragraphs: [
        'Finish the antibiotic even if you feel well. Drink plenty of fluids. Walk with your walker at home several times a day, and use the incentive spirometer ten times an hour while awake.',
        'Check your blood sugar before breakfast and supper and bring the log to your primary care visit. Return to the emergency department or call 911 for trouble breathing, chest pain, fever over 38.5 C, confusion, or if you cannot keep fluids down.',
      ],
    },
    {
      heading: 'Diet',
      paragraphs: ['Consistent carbohydrate (diabetic) diet. Encourage fluids, at least 6 glasses a day unless told otherwise.'],
    },
    { heading: 'Activity', paragraphs: ['As tolerated with a rolling walker. No driving until cleared by primary care.'] },
    {
      heading: 'Disposition',
      paragraphs: ['Discharged home with home health services (nursing and physical therapy), accompanied by her daughter.'],
    },
    {
      heading: 'Follow-up',
      paragraphs: [
        `Primary care: ${lindqvist.primaryProvider}, ${HEALTH_CENTER.name}, ${HEALTH_CENTER.phone}, within 7 days; repeat basic metabolic panel and CBC at that visit. Repeat chest radiograph in 6 to 8 weeks to document resolution.`,
      ],
    },
  ],
  signed: { style: 'handwritten', date: '2025-04-09' },
  pageCount: 3,
  seed: 'discharge-summary-skewed',
}

const sofia = patientByMrn('CC-102210')
const consultSpec: RecordSpec = {
  docType: 'consult_note',
  facility: FACILITIES.valleyHeart,
  patient: asRecordPatient(sofia, { facilityMrn: '00917733', facilityAccount: 'C2025061804412' }),
  layout: 'addressograph',
  title: 'Pediatric Cardiology Consultation',
  dates: { service: '2025-06-18', report: '2025-06-19' },
  author: OUTSIDE_CLINICIANS.pedsCardiology,
  orderingProvider: ourProvider(sofia.primaryProvider),
  sections: [
    { heading: 'Reason for Referral', paragraphs: ['Heart murmur heard at a sports physical. Referred by Grace Adeyemi, FNP-C.'] },
    {
      heading: 'History of Present Illness',
      paragraphs: [
        'Sofia is a 13-year-old girl, a twin, who plays soccer. A soft murmur was heard at her sports physical. She has no chest pain, palpitations, syncope or exercise intolerance. No family history of sudden death, cardiomyopathy or congenital heart disease.',
      ],
    },
    {
      heading: 'Findings',
      fields: [
        ['Vital signs', 'HR 72, BP 108/64 (right arm), SpO2 99%, weight 46 kg'],
        [
          'Cardiac exam',
          'Grade 2/6 vibratory systolic ejection murmur at the left lower sternal border, louder supine, softer standing. Normal S2 splitting. No click, gallop or diastolic murmur. Femoral pulses normal.',
        ],
        ['ECG', 'Normal sinus rhythm, rate 70, normal intervals and axis.'],
        ['Echocardiogram', 'Structurally normal heart. Normal biventricular size and systolic function. No outflow obstruction.'],
      ],
    },
    { heading: 'Impression', paragraphs: ["Still's murmur (innocent, functional murmur). Structurally normal heart."] },
    {
      heading: 'Recommendations',
      bullets: [
        'No activity restrictions; cleared for competitive sports.',
        'No endocarditis prophylaxis is needed.',
        'No cardiology follow-up is needed.',
      ],
    },
    {
      heading: 'Follow-up Responsibility',
      paragraphs: [
        'Primary care to continue routine care. Please re-refer for chest pain with exertion, syncope or a change in the murmur. Thank you for this referral.',
      ],
    },
  ],
  signed: { style: 'electronic', date: '2025-06-19T11:37' },
  pageCount: 1,
  seed: 'consult-note',
}

const smith = patientByMrn('CC-101902')
const webb = ourProvider(smith.primaryProvider)
const referralSpec: RecordSpec = {
  docType: 'referral_letter',
  facility: FACILITIES.harborUrgentCare,
  patient: asRecordPatient(smith),
  layout: 'labelled',
  title: null,
  dates: { letter: '2025-07-22', service: '2025-07-22' },
  author: OUTSIDE_CLINICIANS.urgentCare2,
  recipient: { name: personName(webb), practice: HEALTH_CENTER.name, address: HEALTH_CENTER.address },
  letter: { salutation: 'Dear Dr. Webb,', closing: 'Sincerely,' },
  sections: [
    {
      paragraphs: [
        'I am referring Mr. John Smith, date of birth 09/14/1980, to you for follow-up of elevated blood pressure found at two visits to our urgent care. The urgency is routine; please see him within 2 to 4 weeks.',
      ],
    },
    {
      paragraphs: [
        'Mr. Smith came in today for a laceration of the left hand, which was repaired with four sutures (removal in 10 days). His blood pressure was 162/98 today and 158/96 at a visit on 07/01/2025. He has no chest pain, headache, shortness of breath or visual change. He takes no regular medication.',
      ],
    },
    {
      paragraphs: [
        'Pertinent history: no prior hospitalizations; smokes about half a pack a day; allergic to penicillin (rash). Tetanus booster (Tdap) was given today. Our visit note is enclosed. Please call our office at (440) 555-0186 with any questions.',
      ],
    },
    { paragraphs: ['Thank you for seeing this patient.'] },
  ],
  signed: { style: 'handwritten', date: '2025-07-22' },
  pageCount: 1,
  seed: 'referral-fax',
}

// ---------------------------------------------------------------------------------------
// Rendering to files

interface Written {
  file: string
  spec: RecordSpec
  mediaType: string
  textLayer: boolean
  scan: null | { style: ScanStyle; dpi: number; skewDegrees: number[]; format: string }
  image?: { width: number; height: number; dpi: number }
  /** Type-specific facts a classifier or extractor should find. */
  keyFacts: Record<string, unknown>
  /** The look-alike this sample must not be filed under. */
  mustNotMatch: string[]
}

async function write(name: string, data: Buffer): Promise<void> {
  await mkdir(SCANS, { recursive: true })
  await writeFile(path.join(SCANS, name), data)
}

function when(spec: RecordSpec): Date {
  const d = spec.dates.report ?? spec.dates.letter ?? '2025-01-01'
  return new Date(`${d.slice(0, 10)}T12:00:00Z`)
}

async function makeLab(): Promise<Written> {
  const pdf = await renderRecordPdf(labSpec)
  await write('lab-report-text.pdf', pdf)
  return {
    file: 'lab-report-text.pdf',
    spec: labSpec,
    mediaType: 'application/pdf',
    textLayer: true,
    scan: null,
    keyFacts: {
      labName: FACILITIES.triCountyLab.name,
      labAddress: FACILITIES.triCountyLab.address,
      accession: 'A25-0310442',
      panels: ['BASIC METABOLIC PANEL', 'COMPLETE BLOOD COUNT (CBC) WITH PLATELETS'],
      specimen: ['Serum', 'Whole blood, EDTA'],
      referenceRangesPresent: true,
      unitsPresent: true,
      abnormal: [
        { test: 'Urea Nitrogen (BUN)', result: '22', units: 'mg/dL', range: '7 - 20', flag: 'H' },
        { test: 'Glucose', result: '131', units: 'mg/dL', range: '70 - 99', flag: 'H' },
      ],
      sampleResult: { test: 'Potassium', result: '4.6', units: 'mmol/L', range: '3.5 - 5.1' },
    },
    mustNotMatch: ['CC-103370'],
  }
}

async function makeRadiology(): Promise<Written> {
  const dpi = 300
  const skew = 0.8
  const [page] = await rasterizePdf(await renderRecordPdf(radiologySpec), dpi)
  const scanned = await scanStyle(page!, 'copier', { dpi, skewDegrees: skew, seed: 'radiology-report-scan' })
  const pdf = await scannedPdf([scanned], dpi, { jpegQuality: 55, creationDate: when(radiologySpec), producer: 'KM-C308 Scan to PDF' })
  await write('radiology-report-scan.pdf', pdf)
  return {
    file: 'radiology-report-scan.pdf',
    spec: radiologySpec,
    mediaType: 'application/pdf',
    textLayer: false,
    scan: { style: 'copier', dpi, skewDegrees: [skew], format: 'image-only PDF, one DCT (JPEG) greyscale image per page' },
    image: { width: 2550, height: 3300, dpi },
    keyFacts: {
      exam: 'XR CHEST 2 VIEWS (PA AND LATERAL)',
      clinicalIndication: 'Cough for three weeks. Former smoker, 20 pack-years.',
      impression: 'No acute cardiopulmonary process.',
      referringProvider: personName(radiologySpec.orderingProvider!),
      interpretingRadiologist: personName(OUTSIDE_CLINICIANS.radiologist),
      ourMrnOnDocument: false,
    },
    mustNotMatch: [],
  }
}

async function makeDischarge(): Promise<Written> {
  const dpi = 200
  const skews = [1.5, -1, 1.5]
  const pages = await rasterizePdf(await renderRecordPdf(dischargeSpec), dpi)
  const scanned = await Promise.all(
    pages.map((p, i) => scanStyle(p, 'faded', { dpi, skewDegrees: skews[i] ?? 0, seed: `discharge-summary-skewed-${i + 1}` })),
  )
  const tiff = await multiPageTiff(scanned, dpi, { compression: 'deflate', bitdepth: 4 })
  await write('discharge-summary-skewed.tiff', tiff)
  return {
    file: 'discharge-summary-skewed.tiff',
    spec: dischargeSpec,
    mediaType: 'image/tiff',
    textLayer: false,
    scan: { style: 'faded', dpi, skewDegrees: skews, format: 'multi-page TIFF, 4-bit greyscale, Deflate' },
    image: { width: 1700, height: 2200, dpi },
    keyFacts: {
      admissionDate: '2025-04-02',
      dischargeDate: '2025-04-07',
      reasonForHospitalization: 'Community-acquired pneumonia of the right lower lobe with acute hypoxic respiratory failure.',
      conditionAtDischarge: 'Improved and stable.',
      disposition: 'Discharged home with home health services',
      followUp: `Primary care: ${lindqvist.primaryProvider}, within 7 days`,
      attending: personName(OUTSIDE_CLINICIANS.hospitalist),
      senderMrnOnSticker: '00736145',
      pageFooters: ['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3'],
    },
    mustNotMatch: [],
  }
}

async function makeConsult(): Promise<Written> {
  const dpi = 200
  const [page] = await rasterizePdf(await renderRecordPdf(consultSpec), dpi)
  const scanned = await scanStyle(page!, 'clean', { dpi, seed: 'consult-note' })
  await write('consult-note.png', await toPng(scanned, dpi))
  return {
    file: 'consult-note.png',
    spec: consultSpec,
    mediaType: 'image/png',
    textLayer: false,
    scan: { style: 'clean', dpi, skewDegrees: [0], format: 'PNG, 8-bit greyscale' },
    image: { width: 1700, height: 2200, dpi },
    keyFacts: {
      consultant: personName(OUTSIDE_CLINICIANS.pedsCardiology),
      specialty: 'Pediatric Cardiology',
      referredBy: personName(consultSpec.orderingProvider!),
      reasonForReferral: 'Heart murmur heard at a sports physical.',
      impression: "Still's murmur (innocent, functional murmur). Structurally normal heart.",
      senderMrnOnSticker: '00917733',
    },
    mustNotMatch: ['CC-102211'],
  }
}

async function makeReferral(): Promise<Written> {
  const dpi = 200
  const [page] = await rasterizePdf(await renderRecordPdf(referralSpec), dpi)
  const scanned = await scanStyle(page!, 'fax', {
    dpi,
    skewDegrees: 0.4,
    seed: 'referral-fax',
    fax: {
      from: FACILITIES.harborUrgentCare.fax,
      name: FACILITIES.harborUrgentCare.name,
      dateTime: '07/22/2025 16:41',
      page: 1,
      pageCount: 1,
    },
  })
  await write('referral-fax.jpg', await toJpeg(scanned, 200, 70))
  return {
    file: 'referral-fax.jpg',
    spec: referralSpec,
    mediaType: 'image/jpeg',
    textLayer: false,
    scan: { style: 'fax', dpi: 200, skewDegrees: [0.4], format: 'JPEG, greyscale, fax look (1-bit, 200 x 100 dpi)' },
    image: { width: 1700, height: 2200, dpi: 200 },
    keyFacts: {
      faxHeader: `FROM: ${FACILITIES.harborUrgentCare.name.toUpperCase()}  ${FACILITIES.harborUrgentCare.fax}     07/22/2025 16:41     P. 1/1`,
      referringProvider: personName(OUTSIDE_CLINICIANS.urgentCare2),
      recipient: personName(webb),
      reason: 'follow-up of elevated blood pressure',
      urgency: 'routine, within 2 to 4 weeks',
      noTitleLine: true,
    },
    mustNotMatch: ['CC-102045'],
  }
}

function expectedEntry(w: Written): Record<string, unknown> {
  const s = w.spec
  const p = s.patient
  const index = patientByMrn(
    // The index row this document belongs to: found by name and birth date among the samples.
    [johnson, okafor, lindqvist, sofia, smith].find(
      (x) => x.familyName === p.familyName && x.givenName === p.givenName && x.birthDate === p.birthDate,
    )!.mrn,
  )
  const who = signer(s)
  const sigDate = signatureDate(s)
  return {
    docType: s.docType,
    patientMrn: index.mrn,
    patient: { familyName: index.familyName, givenName: index.givenName, birthDate: index.birthDate },
    identifiersOnDocument: {
      printedName: printedName(p),
      birthDate: p.birthDate,
      ourMrn: p.mrn ?? null,
      senderMrn: p.facilityMrn ?? null,
      senderAccount: p.facilityAccount ?? null,
    },
    mustNotMatch: w.mustNotMatch,
    layout: s.layout,
    facility: { name: s.facility.name, address: s.facility.address, phone: s.facility.phone, fax: s.facility.fax },
    title: s.title ?? null,
    dateOfService: primaryDate(s) ?? null,
    dates: s.dates,
    author: s.author ? personName(s.author) : null,
    orderingProvider: s.orderingProvider ? personName(s.orderingProvider) : null,
    signed: s.signed
      ? { present: true, style: s.signed.style, by: who ? personName(who) : null, date: sigDate ? sigDate.slice(0, 10) : null }
      : { present: false },
    pages: s.pageCount ?? null,
    mediaType: w.mediaType,
    textLayer: w.textLayer,
    scan: w.scan,
    image: w.image ?? null,
    keyFacts: w.keyFacts,
  }
}

async function main(): Promise<void> {
  const t0 = Date.now()
  await writeFile(path.join(OUT, 'patients.csv'), patientsCsv())
  // One at a time: the machine is shared and each step already uses sharp's thread pool.
  const written: Written[] = []
  for (const make of [makeLab, makeRadiology, makeDischarge, makeConsult, makeReferral]) written.push(await make())
  const expected: Record<string, unknown> = {
    description: 'Answers for the committed sample outside records. Regenerate with: npx tsx samples/make-samples.ts',
    healthCenter: HEALTH_CENTER,
    patientIndex: 'patients.csv',
    lookAlikes: LOOK_ALIKES,
    samples: Object.fromEntries(written.map((w) => [w.file, expectedEntry(w)])),
  }
  await writeFile(path.join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n')
  for (const w of written) {
    const { readFile } = await import('node:fs/promises')
    const buf = await readFile(path.join(SCANS, w.file))
    const meta = w.mediaType.startsWith('image/') ? await sharp(buf).metadata() : null
    const sha = createHash('sha256').update(buf).digest('hex').slice(0, 12)
    console.log(
      `${w.file.padEnd(32)} ${(buf.length / 1024).toFixed(0).padStart(5)} KB  sha256 ${sha}${meta ? `  ${meta.width}x${meta.height} pages=${meta.pages ?? 1}` : ''}`,
    )
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

await main()
