/**
 * Synthetic forms and results: lab reports, immunization records, consent forms, release
 * authorizations, and "other" papers (fax covers, insurance cards, statements, reminders).
 */
import type { Rng } from '../../rng.js'
import {
  address,
  addDays,
  clinicName,
  drName,
  facilityName,
  fmtDate,
  hospitalName,
  labName,
  letterhead,
  mrn,
  nurseName,
  patientBlock,
  personName,
  phone,
  providerName,
  randomDate,
  time,
} from './pools.js'

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length))

function lines(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n')
}

// ---------------------------------------------------------------- lab reports

interface Analyte {
  name: string
  units: string
  lo: number
  hi: number
  dec: number
}
const PANELS: Record<string, Analyte[]> = {
  'COMPLETE BLOOD COUNT (CBC) WITH DIFFERENTIAL': [
    { name: 'WBC', units: 'K/uL', lo: 4.0, hi: 11.0, dec: 1 },
    { name: 'RBC', units: 'M/uL', lo: 4.2, hi: 5.9, dec: 2 },
    { name: 'Hemoglobin', units: 'g/dL', lo: 12.0, hi: 17.5, dec: 1 },
    { name: 'Hematocrit', units: '%', lo: 36, hi: 52, dec: 1 },
    { name: 'MCV', units: 'fL', lo: 80, hi: 100, dec: 1 },
    { name: 'Platelets', units: 'K/uL', lo: 150, hi: 400, dec: 0 },
    { name: 'Neutrophils', units: '%', lo: 40, hi: 75, dec: 1 },
    { name: 'Lymphocytes', units: '%', lo: 20, hi: 45, dec: 1 },
  ],
  'COMPREHENSIVE METABOLIC PANEL': [
    { name: 'Glucose', units: 'mg/dL', lo: 70, hi: 99, dec: 0 },
    { name: 'BUN', units: 'mg/dL', lo: 7, hi: 20, dec: 0 },
    { name: 'Creatinine', units: 'mg/dL', lo: 0.6, hi: 1.3, dec: 2 },
    { name: 'eGFR', units: 'mL/min/1.73m2', lo: 60, hi: 120, dec: 0 },
    { name: 'Sodium', units: 'mmol/L', lo: 136, hi: 145, dec: 0 },
    { name: 'Potassium', units: 'mmol/L', lo: 3.5, hi: 5.1, dec: 1 },
    { name: 'Chloride', units: 'mmol/L', lo: 98, hi: 107, dec: 0 },
    { name: 'CO2', units: 'mmol/L', lo: 22, hi: 29, dec: 0 },
    { name: 'Calcium', units: 'mg/dL', lo: 8.5, hi: 10.2, dec: 1 },
    { name: 'Albumin', units: 'g/dL', lo: 3.5, hi: 5.0, dec: 1 },
    { name: 'ALT', units: 'U/L', lo: 7, hi: 56, dec: 0 },
    { name: 'AST', units: 'U/L', lo: 10, hi: 40, dec: 0 },
    { name: 'Alkaline Phosphatase', units: 'U/L', lo: 44, hi: 147, dec: 0 },
    { name: 'Total Bilirubin', units: 'mg/dL', lo: 0.1, hi: 1.2, dec: 1 },
  ],
  'LIPID PANEL': [
    { name: 'Cholesterol, Total', units: 'mg/dL', lo: 100, hi: 199, dec: 0 },
    { name: 'Triglycerides', units: 'mg/dL', lo: 0, hi: 149, dec: 0 },
    { name: 'HDL Cholesterol', units: 'mg/dL', lo: 40, hi: 90, dec: 0 },
    { name: 'LDL Cholesterol (calc)', units: 'mg/dL', lo: 0, hi: 99, dec: 0 },
  ],
  'HEMOGLOBIN A1C': [{ name: 'Hemoglobin A1c', units: '%', lo: 4.0, hi: 5.6, dec: 1 }],
  'THYROID STIMULATING HORMONE': [
    { name: 'TSH', units: 'uIU/mL', lo: 0.45, hi: 4.5, dec: 2 },
    { name: 'Free T4', units: 'ng/dL', lo: 0.82, hi: 1.77, dec: 2 },
  ],
  'BASIC METABOLIC PANEL': [
    { name: 'Glucose', units: 'mg/dL', lo: 70, hi: 99, dec: 0 },
    { name: 'Sodium', units: 'mmol/L', lo: 136, hi: 145, dec: 0 },
    { name: 'Potassium', units: 'mmol/L', lo: 3.5, hi: 5.1, dec: 1 },
    { name: 'Creatinine', units: 'mg/dL', lo: 0.6, hi: 1.3, dec: 2 },
  ],
  'URINE MICROALBUMIN': [
    { name: 'Microalbumin, Urine', units: 'mg/L', lo: 0, hi: 20, dec: 1 },
    { name: 'Albumin/Creatinine Ratio', units: 'mg/g', lo: 0, hi: 30, dec: 0 },
  ],
  'VITAMIN D, 25-HYDROXY': [{ name: 'Vitamin D, 25-OH', units: 'ng/mL', lo: 30, hi: 100, dec: 1 }],
  'PROSTATE SPECIFIC ANTIGEN': [{ name: 'PSA, Total', units: 'ng/mL', lo: 0, hi: 4.0, dec: 2 }],
  'PROTHROMBIN TIME / INR': [
    { name: 'Prothrombin Time', units: 'sec', lo: 9.4, hi: 12.5, dec: 1 },
    { name: 'INR', units: '', lo: 0.8, hi: 1.2, dec: 1 },
  ],
}
const QUALITATIVE: [string, string[], string, string][] = [
  ['SARS-CoV-2 RNA, RT-PCR', ['Not Detected', 'Detected', 'Not Detected'], 'Not Detected', 'Nasopharyngeal swab'],
  ['Rapid Strep A Antigen', ['Negative', 'Positive'], 'Negative', 'Throat swab'],
  ['HIV-1/2 Antigen/Antibody, 4th gen', ['Nonreactive', 'Nonreactive', 'Reactive'], 'Nonreactive', 'Serum'],
  ['Hepatitis C Antibody', ['Nonreactive', 'Reactive'], 'Nonreactive', 'Serum'],
  ['Chlamydia trachomatis, NAA', ['Negative', 'Positive'], 'Negative', 'Urine'],
  ['Neisseria gonorrhoeae, NAA', ['Negative', 'Positive'], 'Negative', 'Urine'],
  ['Urine Pregnancy Test (hCG)', ['Negative', 'Positive'], 'Negative', 'Urine'],
  ['Fecal Immunochemical Test (FIT)', ['Negative', 'Positive'], 'Negative', 'Stool'],
  ['RPR (Syphilis Screen)', ['Nonreactive', 'Reactive'], 'Nonreactive', 'Serum'],
  ['Hepatitis B Surface Antigen', ['Negative', 'Positive'], 'Negative', 'Serum'],
  ['QuantiFERON-TB Gold Plus', ['Negative', 'Positive', 'Indeterminate'], 'Negative', 'Whole blood'],
]

function value(r: Rng, a: Analyte): { v: string; flag: string } {
  const span = a.hi - a.lo || a.hi || 1
  const x = r.chance(0.7)
    ? a.lo + r.next() * span
    : r.chance(0.5)
      ? a.hi + r.next() * span * 0.6
      : Math.max(0, a.lo - r.next() * span * 0.3)
  const flag = x > a.hi ? 'H' : x < a.lo ? 'L' : ''
  return { v: x.toFixed(a.dec), flag }
}

function rangeText(r: Rng, a: Analyte): string {
  const lo = a.lo.toFixed(a.dec)
  const hi = a.hi.toFixed(a.dec)
  if (a.lo === 0) return r.pick([`<${hi}`, `0-${hi}`, `< ${hi}`])
  return r.pick([`${lo}-${hi}`, `${lo} - ${hi}`, `(${lo}-${hi})`])
}

export function labReport(r: Rng): string {
  const lab = labName(r)
  const a = address(r)
  const collected = randomDate(r)
  const reported = addDays(collected, r.int(0, 4))
  const p = personName(r)
  const dob = randomDate(r, 1935, 2020)
  const orderBy = providerName(r)
  const specimenFirst = r.chance(0.5)
  const hdr = lines(
    r.chance(0.7) ? lab.toUpperCase() : lab,
    r.chance(0.8) ? a.oneLine : `${a.line1}\n${a.cityLine}`,
    r.chance(0.6) && `CLIA #: ${r.int(10, 99)}D${r.int(1000000, 9999999)}   Laboratory Director: ${providerName(r)}`,
    r.chance(0.5) && `Phone: ${phone(r)}`,
    '',
    r.pick([
      'LABORATORY REPORT',
      'Laboratory Results',
      'FINAL REPORT',
      'Lab Report',
      'CUMULATIVE RESULTS REPORT',
      'PATIENT REPORT',
      'Test Results',
      '',
    ]),
    `${r.pick(['Patient', 'Patient Name', 'PATIENT'])}: ${r.chance(0.5) ? `${p.family.toUpperCase()}, ${p.given.toUpperCase()}` : p.full}     ${r.pick(['DOB', 'Date of Birth'])}: ${fmtDate(r, dob, 0)}    ${r.pick(['Sex: F', 'Sex: M', 'Gender: Female', 'Gender: Male', ''])}`,
    `${r.pick(['Patient ID', 'MRN', 'Acct #', 'Specimen ID'])}: ${mrn(r)}     ${r.pick(['Accession #', 'Accession No', 'Req #', 'Order #'])}: ${r.pick(['A', 'L', 'W', ''])}${r.int(10000000, 99999999)}`,
    `${r.pick(['Ordering Provider', 'Ordering Physician', 'Physician', 'Ordered By'])}: ${orderBy}   ${r.chance(0.5) ? `Client: ${clinicName(r)}` : ''}`,
    `${r.pick(['Collected', 'Collection Date', 'Date Collected', 'Specimen Collected'])}: ${fmtDate(r, collected, 0)} ${time(r)}    ${r.pick(['Received', 'Date Received'])}: ${fmtDate(r, collected, 0)} ${time(r)}    ${r.pick(['Reported', 'Report Date', 'Final Report'])}: ${fmtDate(r, reported, 0)} ${time(r)}`,
    specimenFirst &&
      `${r.pick(['Specimen', 'Specimen Source', 'Source', 'Specimen Type'])}: ${r.pick(['Serum', 'Whole blood', 'Plasma', 'Urine, clean catch', 'Venous blood'])}`,
    r.chance(0.3) && `Fasting: ${r.pick(['Yes', 'No', 'Unknown'])}`,
  )
  const body: string[] = []
  const style = r.int(0, 3)
  if (r.chance(0.75)) {
    const panels = r.some(Object.keys(PANELS), r.int(1, 3))
    if (style !== 2)
      body.push(
        `${pad(r.pick(['TEST', 'Test Name', 'Analyte', 'Component']), 30)}${pad(r.pick(['RESULT', 'Result', 'Value']), 12)}${pad('FLAG', 7)}${pad('UNITS', 14)}${r.pick(['REFERENCE RANGE', 'Reference Interval', 'Ref Range', 'Normal Range'])}`,
      )
    for (const panel of panels) {
      body.push('', r.chance(0.8) ? panel : panel.toLowerCase())
      for (const an of PANELS[panel]!) {
        const { v, flag } = value(r, an)
        if (style === 2)
          body.push(
            `${an.name}: ${v} ${an.units} ${flag ? `(${flag === 'H' ? 'High' : 'Low'}) ` : ''}Reference: ${rangeText(r, an)} ${an.units}`,
          )
        else body.push(`${pad(an.name, 30)}${pad(v, 12)}${pad(flag, 7)}${pad(an.units, 14)}${rangeText(r, an)}`)
      }
    }
  }
  if (body.length === 0 || r.chance(0.3)) {
    for (const [name, results, ref, spec] of r.some(QUALITATIVE, r.int(1, 3))) {
      const res = r.pick(results)
      body.push(
        style === 2
          ? `${name}\n  Result: ${res}   Reference: ${ref}\n  Specimen source: ${spec}`
          : `${pad(name, 34)}${pad(res, 14)}${pad(res !== ref ? 'A' : '', 5)}${r.pick(['Ref: ', 'Expected: ', ''])}${ref}`,
      )
    }
  }
  if (r.chance(0.25)) {
    body.push(
      '',
      'MICROBIOLOGY',
      `Culture, Urine`,
      `Source: ${r.pick(['Urine, clean catch', 'Urine, catheterized'])}`,
      `Result: ${r.pick(['>100,000 CFU/mL Escherichia coli', 'No growth at 48 hours', '10,000-50,000 CFU/mL mixed flora, probable contamination', '>100,000 CFU/mL Klebsiella pneumoniae'])}`,
    )
    if (r.chance(0.6))
      body.push(
        'Susceptibility:',
        ...r.some(['Ampicillin  R', 'Ciprofloxacin  S', 'Nitrofurantoin  S', 'Trimethoprim/Sulfa  R', 'Cefazolin  S', 'Gentamicin  S'], 4),
      )
  }
  const foot = lines(
    r.chance(0.6) && !specimenFirst && `Specimen: ${r.pick(['Serum', 'Whole blood EDTA', 'Urine', 'Plasma'])}`,
    r.chance(0.5) &&
      r.pick([
        'H = High  L = Low  A = Abnormal',
        'Flags: H High, L Low, C Critical',
        'Results outside the reference interval are flagged.',
      ]),
    r.chance(0.4) &&
      r.pick([
        'Critical value called to and read back by clinic staff.',
        'This test was developed and its performance characteristics determined by the laboratory. It has not been cleared or approved by the FDA.',
        'Hemolyzed specimen; potassium may be falsely elevated.',
        'Interpretation: A1c 5.7-6.4% indicates increased risk for diabetes; 6.5% or higher is consistent with diabetes.',
        'Please note new reference ranges effective this month.',
      ]),
    r.chance(0.5) && `Performed at: ${lab}, ${address(r).oneLine}`,
    r.chance(0.4) && `Status: ${r.pick(['FINAL', 'Final', 'Corrected', 'Preliminary'])}`,
    r.chance(0.3) && `Page 1 of ${r.int(1, 3)}`,
  )
  return [hdr, body.join('\n'), foot].join('\n\n')
}

// ---------------------------------------------------------------- immunization records

const VACCINES: [string, string[], string][] = [
  ['Influenza, quadrivalent (Fluzone)', ['Sanofi Pasteur'], 'Influenza (inactivated)'],
  ['Influenza (Flucelvax)', ['Seqirus'], 'Influenza (inactivated)'],
  ['Tdap (Boostrix)', ['GlaxoSmithKline'], 'Tdap'],
  ['Tdap (Adacel)', ['Sanofi Pasteur'], 'Tdap'],
  ['Td (Tenivac)', ['Sanofi Pasteur'], 'Td'],
  ['MMR II', ['Merck'], 'MMR'],
  ['Varicella (Varivax)', ['Merck'], 'Varicella'],
  ['Hepatitis B (Engerix-B)', ['GlaxoSmithKline'], 'Hepatitis B'],
  ['Hepatitis B (Heplisav-B)', ['Dynavax'], 'Hepatitis B'],
  ['Hepatitis A (Havrix)', ['GlaxoSmithKline'], 'Hepatitis A'],
  ['DTaP (Infanrix)', ['GlaxoSmithKline'], 'DTaP'],
  ['DTaP-IPV-Hib-HepB (Vaxelis)', ['MSP Vaccine Co'], 'DTaP, IPV, Hib, Hep B'],
  ['IPV (IPOL)', ['Sanofi Pasteur'], 'Polio'],
  ['Hib (PedvaxHIB)', ['Merck'], 'Hib'],
  ['Pneumococcal conjugate PCV20 (Prevnar 20)', ['Pfizer'], 'Pneumococcal conjugate'],
  ['Pneumococcal PPSV23 (Pneumovax 23)', ['Merck'], 'Pneumococcal polysaccharide'],
  ['HPV 9-valent (Gardasil 9)', ['Merck'], 'HPV'],
  ['Zoster recombinant (Shingrix)', ['GlaxoSmithKline'], 'Recombinant zoster'],
  ['Meningococcal ACWY (Menveo)', ['GlaxoSmithKline'], 'Meningococcal ACWY'],
  ['COVID-19 mRNA (Comirnaty) 2024-2025', ['Pfizer-BioNTech'], 'COVID-19'],
  ['COVID-19 mRNA (Spikevax)', ['Moderna'], 'COVID-19'],
  ['Rotavirus (RotaTeq)', ['Merck'], 'Rotavirus'],
  ['RSV (Arexvy)', ['GlaxoSmithKline'], 'RSV'],
]

function lot(r: Rng): string {
  const L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
  return `${L[r.int(0, L.length - 1)]}${L[r.int(0, L.length - 1)]}${r.int(100, 99999)}${r.chance(0.4) ? L[r.int(0, L.length - 1)] : ''}`
}

export function immunizationRecord(r: Rng): string {
  const clinic = r.chance(0.7)
    ? clinicName(r)
    : r.pick([
        'County Public Health Department',
        'Walgreens Pharmacy #' + r.int(1000, 9999),
        'School-Based Health Center',
        'CVS Pharmacy #' + r.int(1000, 9999),
        hospitalName(r),
      ])
  const addr = address(r)
  const style = r.int(0, 3)
  const title = r.pick([
    'IMMUNIZATION RECORD',
    'Immunization History',
    'VACCINE ADMINISTRATION RECORD',
    'Certificate of Immunization',
    'Official Immunization Record',
    'IMMUNIZATION HISTORY REPORT',
    'Vaccination Record',
    'Vaccine Record',
    '',
  ])
  const who = nurseName(r)
  const hdr = lines(
    style === 3 &&
      r.pick([
        'State Immunization Information System (IIS)',
        'Department of Health Immunization Registry',
        'Immunization Registry Consolidated Record',
      ]),
    clinic,
    r.chance(0.7) && addr.oneLine,
    r.chance(0.4) && `Phone ${phone(r)}`,
    '',
    title,
    patientBlock(r),
  )
  const rows: string[] = []
  const nVax = style === 0 ? 1 : r.int(2, 9)
  const vaxes = r.some(VACCINES, nVax)
  const given0 = randomDate(r)
  if (style === 0) {
    const [vname, mfr, vis] = vaxes[0]!
    const d = given0
    rows.push(
      `Vaccine: ${vname}`,
      `${r.pick(['Manufacturer', 'Mfr'])}: ${mfr[0]}`,
      `${r.pick(['Lot #', 'Lot Number', 'Lot No.'])}: ${lot(r)}     Exp: ${fmtDate(r, addDays(d, r.int(60, 500)), 0)}`,
      `${r.pick(['Dose', 'Dosage'])}: ${r.pick(['0.5 mL', '0.5 mL', '1.0 mL', '0.25 mL'])}   Route: ${r.pick(['IM', 'Intramuscular', 'SubQ', 'Subcutaneous', 'Oral'])}   Site: ${r.pick(['Left deltoid', 'Right deltoid', 'Left vastus lateralis', 'Right thigh', 'L arm', 'R arm'])}`,
      `${r.pick(['Date Given', 'Date Administered', 'Admin Date'])}: ${fmtDate(r, d)}`,
      `VIS: ${vis}   ${r.pick(['VIS Edition Date', 'VIS Date', 'VIS Publication Date'])}: ${fmtDate(r, randomDate(r, 2019, 2024), 0)}   ${r.pick(['Date VIS Given', 'VIS Provided'])}: ${fmtDate(r, d, 0)}`,
      `${r.pick(['Administered by', 'Given by', 'Vaccinator'])}: ${who}   ${r.pick(['Title', 'Credentials'])}: ${r.pick(['Registered Nurse', 'Medical Assistant', 'Pharmacist', 'Licensed Practical Nurse'])}`,
      `${r.pick(['Clinic Address', 'Location', 'Administered at'])}: ${clinic}, ${addr.oneLine}`,
      r.chance(0.5)
        ? `Screening questionnaire reviewed. ${r.pick(['No contraindications.', 'Patient observed 15 minutes after vaccination without reaction.', 'Parent/guardian consent on file.'])}`
        : '',
      r.chance(0.4) ? `Funding source: ${r.pick(['VFC', 'Private', '317', 'Medicaid'])}` : '',
    )
  } else {
    const cols = style === 1
    if (cols)
      rows.push(
        `${pad('Vaccine', 40)}${pad('Date Given', 13)}${pad('Dose', 6)}${pad('Mfr', 18)}${pad('Lot #', 11)}${pad('Site/Route', 14)}${pad('VIS Date', 12)}Given By`,
      )
    else rows.push(r.pick(['Vaccine | Date | Lot | Manufacturer | Administered By', 'VACCINES ADMINISTERED', 'Immunization history:']))
    let d = given0
    for (const [vname, mfr, vis] of vaxes) {
      const doses = r.int(1, 3)
      for (let k = 1; k <= doses; k++) {
        d = addDays(d, r.int(28, 240))
        const site = r.pick(['LD/IM', 'RD/IM', 'LT/IM', 'RT/IM', 'L arm IM', 'SQ', 'PO'])
        if (cols)
          rows.push(
            `${pad(vname, 40)}${pad(fmtDate(r, d, 0), 13)}${pad(String(k), 6)}${pad(mfr[0]!, 18)}${pad(lot(r), 11)}${pad(site, 14)}${pad(fmtDate(r, randomDate(r, 2019, 2024), 0), 12)}${r.chance(0.5) ? who : nurseName(r)}`,
          )
        else if (style === 2) rows.push(`${vname} | ${fmtDate(r, d, 0)} | Lot ${lot(r)} | ${mfr[0]} | ${who}`)
        else
          rows.push(
            `${vis}  Dose ${k}  ${fmtDate(r, d, 0)}  ${r.pick(['Valid', 'Valid', 'Historical'])}  ${r.chance(0.5) ? `Lot ${lot(r)}` : ''}  ${r.chance(0.5) ? clinic : ''}`,
          )
      }
    }
    if (style === 3 && r.chance(0.7))
      rows.push(
        '',
        'RECOMMENDED / DUE',
        ...r.some(VACCINES, 3).map(([, , vis]) => `${vis}   Due ${fmtDate(r, randomDate(r, 2024, 2026), 0)}`),
      )
    if (r.chance(0.6))
      rows.push('', `VIS editions given: ${vaxes.map(([, , vis]) => `${vis} ${fmtDate(r, randomDate(r, 2019, 2024), 0)}`).join('; ')}`)
    if (r.chance(0.5)) rows.push(`Administering clinic: ${clinic}, ${addr.oneLine}`)
  }
  const foot = lines(
    r.chance(0.5) &&
      r.pick([
        'This record is an official copy of the immunization registry.',
        'Keep this record for school, child care and travel.',
        'Contraindications/precautions: none reported.',
        'Adverse events should be reported to VAERS at 1-800-822-7967.',
      ]),
    r.chance(0.5) && `${r.pick(['Authorized signature', 'Signature of provider', 'Certified by'])}: ______________  ${providerName(r)}`,
  )
  return [hdr, rows.join('\n'), foot].join('\n\n')
}

// ---------------------------------------------------------------- consent forms

const PROCEDURES = [
  'colonoscopy with possible biopsy and polypectomy',
  'upper endoscopy (EGD)',
  'laparoscopic cholecystectomy',
  'excision of skin lesion',
  'intrauterine device (IUD) insertion',
  'joint injection of the right knee',
  'tooth extraction',
  'incision and drainage of abscess',
  'cardiac catheterization',
  'blood transfusion',
  'moderate (conscious) sedation',
  'cataract extraction with lens implant',
  'Nexplanon insertion',
  'vasectomy',
  'circumcision of newborn',
]

export function consentForm(r: Rng): string {
  const org = r.chance(0.5) ? clinicName(r) : hospitalName(r)
  const kind = r.int(0, 5)
  const p = personName(r)
  const d = randomDate(r)
  const proc = r.pick(PROCEDURES)
  const who = providerName(r)
  const sig = lines(
    '',
    `${r.pick(['Patient Signature', 'Signature of Patient', 'Patient or Legal Representative Signature', 'Signature'])}: ______________________   Date: ${r.chance(0.7) ? fmtDate(r, d) : '__________'}   ${r.chance(0.5) ? `Time: ${time(r)}` : ''}`,
    `${r.pick(['Printed Name', 'Print Name', 'Patient Name'])}: ${p.full}`,
    r.chance(0.5) &&
      `${r.pick(['If signed by someone other than the patient, relationship to patient', 'Relationship to Patient', 'Parent/Guardian'])}: ______________`,
    r.chance(0.6) && `${r.pick(['Witness', 'Witness Signature'])}: ______________   ${nurseName(r)}   Date: ${fmtDate(r, d, 0)}`,
    r.chance(0.3) &&
      `Interpreter used: ${r.pick(['No', 'Yes - Spanish', 'Yes - Vietnamese', 'Yes - telephone interpreter ID ' + r.int(1000, 99999)])}`,
  )
  const head = lines(r.chance(0.6) ? letterhead(r, org) : org, '')
  const dobLine = `${r.pick(['Patient Name', 'Patient', 'Name'])}: ${p.full}   ${r.pick(['DOB', 'Date of Birth'])}: ${fmtDate(r, randomDate(r, 1935, 2020), 0)}   ${r.chance(0.5) ? `MRN: ${mrn(r)}` : ''}`
  switch (kind) {
    case 0:
      return lines(
        head,
        r.pick([
          'CONSENT TO TREAT',
          'GENERAL CONSENT FOR TREATMENT',
          'Consent for Medical Care and Treatment',
          'CONSENT FOR TREATMENT AND ACKNOWLEDGEMENT',
          'Patient Consent Form',
        ]),
        dobLine,
        '',
        `I, the undersigned, ${r.pick(['voluntarily consent', 'hereby consent', 'give my consent'])} to medical care and treatment by the physicians, nurse practitioners, physician assistants and staff of ${org}. This may include examinations, laboratory tests, x-rays, immunizations, and other routine procedures that my provider considers necessary.`,
        r.chance(0.8) &&
          'I understand that the practice of medicine is not an exact science and that no guarantees have been made to me about the results of examinations or treatment.',
        r.chance(0.7) && 'I understand that I have the right to refuse any treatment and to ask questions about my care at any time.',
        r.chance(0.6) && `I acknowledge that I have received the Notice of Privacy Practices of ${org}.`,
        r.chance(0.5) && 'This consent remains in effect until I revoke it in writing.',
        r.chance(0.5) && `I agree to pay for services not covered by my insurance, subject to the sliding fee scale.`,
        sig,
      )
    case 1:
      return lines(
        head,
        r.pick([
          'INFORMED CONSENT FOR PROCEDURE',
          'Consent for Procedure',
          'CONSENT TO OPERATION OR PROCEDURE',
          'Informed Consent',
          'SURGICAL CONSENT',
        ]),
        dobLine,
        '',
        `1. I authorize ${who} and such assistants as may be selected to perform the following procedure: ${proc}.`,
        `2. The nature and purpose of the procedure, the expected benefits, the ${r.pick(['material risks', 'risks and possible complications', 'risks'])} (including ${r.some(['bleeding', 'infection', 'pain', 'damage to nearby organs', 'reaction to anesthesia', 'need for further surgery', 'perforation', 'death'], 4).join(', ')}), and reasonable alternatives, including no treatment, have been explained to me.`,
        `3. I consent to the administration of ${r.pick(['anesthesia', 'sedation', 'local anesthesia'])} as may be considered necessary.`,
        r.chance(0.7) && '4. I consent to the disposal of any tissue removed, or its examination by the pathology department.',
        r.chance(0.6) && '5. I have had the opportunity to ask questions and all of my questions have been answered to my satisfaction.',
        r.chance(0.5) && `Physician statement: I have explained the procedure, risks, benefits and alternatives to the patient. ${who}`,
        sig,
      )
    case 2:
      return lines(
        head,
        r.pick(['CONSENT FOR TELEHEALTH SERVICES', 'Telemedicine Informed Consent', 'Consent to Telehealth Visits']),
        dobLine,
        '',
        'Telehealth involves the use of electronic communications (video or telephone) to enable health care providers to evaluate, diagnose and treat patients at a distance.',
        'Expected benefits: improved access to care without the need to travel. Possible risks: the transmission of information could be disrupted or distorted by technical failures; security protocols could fail, causing a breach of privacy.',
        'I understand that I may withhold or withdraw my consent to telehealth at any time without affecting my right to future care.',
        r.chance(0.6) && 'I understand that my insurance may be billed for telehealth visits and that copays apply.',
        `By signing below I ${r.pick(['consent to', 'agree to participate in'])} telehealth services with ${org}.`,
        sig,
      )
    case 3:
      return lines(
        head,
        r.pick(['CONSENT FOR VACCINATION', 'Immunization Consent Form', 'Parental Consent for Vaccination']),
        dobLine,
        '',
        `I have read or had explained to me the Vaccine Information Statement(s) for the vaccine(s) checked below. I have had a chance to ask questions, which were answered to my satisfaction. I understand the benefits and risks of the vaccine(s) and ask that the vaccine(s) be given to me or to the person named above for whom I am authorized to make this request.`,
        ...r.some(['[X] Influenza', '[ ] Tdap', '[X] COVID-19', '[ ] HPV', '[X] Hepatitis B', '[ ] MMR', '[X] Pneumococcal'], 4),
        'Screening: Are you sick today? [ ] Yes [X] No   Allergic reaction to a previous dose? [ ] Yes [X] No',
        sig,
      )
    case 4:
      return lines(
        head,
        r.pick([
          'CONSENT FOR TREATMENT OF A MINOR',
          'Authorization and Consent for Treatment of Minor Child',
          'Parent/Guardian Consent for Care',
        ]),
        dobLine,
        '',
        `I, ${personName(r).full}, parent or legal guardian of the minor named above, consent to medical examination and treatment of my child by the providers of ${org}, including school-based health center services.`,
        `This consent applies to routine care, immunizations, laboratory tests and treatment of minor illness and injury${r.chance(0.5) ? ', and to visits when I am not present' : ''}.`,
        r.chance(0.7) && 'I understand that I may revoke this consent in writing at any time.',
        sig,
      )
    default:
      return lines(
        head,
        r.pick([
          'CONSENT FOR HIV TESTING',
          'Consent for Behavioral Health Treatment',
          'Consent for Photography',
          'CONSENT FOR CONTROLLED SUBSTANCE THERAPY',
        ]),
        dobLine,
        '',
        `I consent to ${r.pick(['testing for HIV infection', 'outpatient counseling and psychiatric evaluation', 'photographs of my wound for my medical record', 'treatment of chronic pain with opioid medication under the terms of the patient agreement'])}. The purpose, benefits and risks have been explained to me, and I have had the opportunity to ask questions.`,
        'I understand that my consent is voluntary and that I may refuse or withdraw consent without affecting my access to other care.',
        r.chance(0.5) && 'Results and records are confidential and protected by state and federal law.',
        sig,
      )
  }
}

// ---------------------------------------------------------------- release-of-information authorizations

export function roiAuthorization(r: Rng): string {
  const org = r.chance(0.5) ? clinicName(r) : hospitalName(r)
  const to = r.pick([
    clinicName(r),
    hospitalName(r),
    `${personName(r).full}, Attorney at Law`,
    'Social Security Administration, Disability Determination Services',
    `${r.pick(['Liberty', 'Guardian', 'Hartwell'])} Life Insurance Company`,
    'Myself (patient)',
    `${r.pick(['Lincoln', 'Roosevelt'])} Elementary School`,
  ])
  const p = personName(r)
  const d = randomDate(r)
  const cb = (on: boolean): string => (on ? r.pick(['[X]', '[x]', '☒', 'X']) : r.pick(['[ ]', '☐', '___']))
  const infos = [
    'Entire medical record',
    'Office visit notes',
    'Laboratory results',
    'Radiology reports',
    'Immunization records',
    'Discharge summaries',
    'Medication list',
    'Billing records',
    'Mental health records',
    'Substance use disorder treatment records (42 CFR Part 2)',
    'HIV/AIDS test results',
    'Psychotherapy notes',
  ]
  const purposes = [
    'Continuity of care',
    'At the request of the individual',
    'Legal',
    'Insurance',
    'Disability determination',
    'School',
    'Personal use',
    'Employment',
  ]
  const heading = r.pick([
    'AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION',
    'Authorization to Use or Disclose Health Information',
    'AUTHORIZATION FOR RELEASE OF INFORMATION',
    'HIPAA AUTHORIZATION',
    'Medical Records Release Form',
    'Authorization to Release Medical Records',
    'AUTHORIZATION TO DISCLOSE HEALTH INFORMATION',
    'Request and Authorization for Release of Records',
  ])
  const sec = (t: string): string => (r.chance(0.5) ? t.toUpperCase() : t)
  return lines(
    r.chance(0.6) ? letterhead(r, org) : org,
    '',
    heading,
    `${r.pick(['Patient Name', 'Name of Patient'])}: ${p.full}    ${r.pick(['Date of Birth', 'DOB'])}: ${fmtDate(r, randomDate(r, 1935, 2020))}   ${r.chance(0.5) ? `MRN: ${mrn(r)}` : ''}`,
    r.chance(0.6) && `Address: ${address(r).oneLine}   Phone: ${phone(r)}`,
    '',
    `${r.pick(['I authorize', 'I hereby authorize', 'I, the undersigned, authorize'])} ${r.pick([org, 'the following provider'])} ${r.pick(['to release', 'to disclose', 'to use and disclose'])} ${r.pick(['the health information described below', 'my protected health information', 'records as described below'])}${r.chance(0.5) ? ` to:` : '.'}`,
    sec('Release to (recipient)') + `: ${to}`,
    `${r.pick(['Address', 'Recipient address'])}: ${address(r).oneLine}   ${r.chance(0.5) ? `Fax: ${phone(r)}` : ''}`,
    '',
    sec(r.pick(['Information to be released', 'Information to be disclosed', 'Specific information to be released'])) + ':',
    ...infos.map((i) => `${cb(r.chance(0.3))} ${i}`).filter(() => r.chance(0.8)),
    r.chance(0.5) && `Dates of service: from ${fmtDate(r, randomDate(r, 2010, 2018), 0)} to ${fmtDate(r, d, 0)}`,
    '',
    sec(r.pick(['Purpose of disclosure', 'Purpose of the use or disclosure', 'Reason for release'])) +
      ': ' +
      r.some(purposes, r.int(1, 2)).join(', '),
    '',
    sec('Expiration') +
      `: ${r.pick([`This authorization expires on ${fmtDate(r, addDays(d, r.int(90, 730)))}.`, 'This authorization expires one year from the date signed unless I revoke it sooner.', 'This authorization will expire upon the conclusion of the legal matter.', 'Expires 180 days after signature.'])}`,
    '',
    r.pick([
      'I understand that I have the right to revoke this authorization at any time by sending a written notice to the Health Information Management department, except to the extent that action has already been taken in reliance on it.',
      'Right to revoke: I may revoke this authorization in writing at any time. Revocation will not affect any actions taken before the revocation was received.',
    ]),
    r.pick([
      'I understand that my treatment, payment, enrollment or eligibility for benefits will not be conditioned on whether I sign this authorization.',
      `${org} will not condition treatment on my signing this form.`,
    ]),
    r.pick([
      'I understand that information disclosed under this authorization may be subject to redisclosure by the recipient and no longer protected by federal privacy regulations.',
      'Information used or disclosed pursuant to this authorization may be re-disclosed by the recipient and may no longer be protected by the HIPAA Privacy Rule.',
    ]),
    r.chance(0.4) &&
      'If the records include substance use disorder information protected by 42 CFR Part 2, federal rules prohibit the recipient from making any further disclosure without specific written consent.',
    r.chance(0.3) &&
      'I understand I may inspect or obtain a copy of the information to be used or disclosed. A reasonable copy fee may apply.',
    '',
    `${r.pick(['Signature of Patient or Legal Representative', 'Signature', 'Patient/Representative Signature'])}: _______________________   Date: ${fmtDate(r, d)}`,
    r.chance(0.6) &&
      `${r.pick(['If signed by a representative, describe authority', 'Relationship to patient / legal authority', 'Representative authority'])}: ${r.pick(['_______________', 'Parent of minor', 'Health care power of attorney', 'Legal guardian', 'Self'])}`,
    r.chance(0.3) && `For office use: ID verified by ${nurseName(r)}  Date received ${fmtDate(r, addDays(d, r.int(0, 7)), 0)}`,
  )
}

// ---------------------------------------------------------------- other papers

function faxCover(r: Rng): string {
  const from = facilityName(r)
  const d = randomDate(r)
  return lines(
    r.chance(0.5) ? letterhead(r, from) : from,
    '',
    r.pick(['FAX COVER SHEET', 'FACSIMILE TRANSMITTAL', 'Fax', 'FAX TRANSMISSION', 'CONFIDENTIAL FAX']),
    `Date: ${fmtDate(r, d)}`,
    `To: ${r.pick([clinicName(r), 'Medical Records', drName(r), 'Referral Coordinator'])}   Fax: ${phone(r)}`,
    `From: ${r.pick([personName(r).full, 'Health Information Management', 'Scheduling'])}   Phone: ${phone(r)}   Fax: ${phone(r)}`,
    `${r.pick(['Pages (including cover)', 'Number of pages', 'Pages', 'Total pages incl. cover'])}: ${r.int(2, 25)}`,
    `Re: ${r.pick(['Records request', 'Requested records', 'Lab results', 'Patient records', 'Referral', 'Prior authorization', 'Consult note'])}${r.chance(0.5) ? ` for ${personName(r).full}` : ''}`,
    '',
    ...r.some(['[X] Urgent', '[ ] For Review', '[ ] Please Comment', '[X] Please Reply', '[ ] As Requested'], r.int(0, 3)),
    r.chance(0.6) &&
      `Comments: ${r.pick(['Please see attached records as requested.', 'Please call to schedule the patient.', 'Attached are the requested notes. Thank you.', 'Please sign and fax back.', ''])}`,
    '',
    r.pick([
      'CONFIDENTIALITY NOTICE: The documents accompanying this facsimile transmission contain confidential health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying, distribution or action taken in reliance on the contents is strictly prohibited. If you have received this fax in error, please notify the sender immediately and destroy the documents.',
      'This fax may contain protected health information. If you received it in error, please call us and destroy all copies.',
    ]),
  )
}

function insuranceCard(r: Rng): string {
  const plan = r.pick([
    'BlueCross BlueShield',
    'Aetna Better Health',
    'UnitedHealthcare Community Plan',
    'Molina Healthcare',
    'Medicaid',
    'Ambetter',
    'Cigna',
    'Humana Gold Plus',
    'Medicare',
    'Tricare',
    'CareSource',
    'Anthem',
  ])
  const p = personName(r)
  return lines(
    r.pick(['Front of card:', 'INSURANCE CARD - FRONT', 'Copy of insurance card', '']),
    plan,
    r.pick(['PPO', 'HMO', 'Medicaid Managed Care', 'Medicare Advantage', 'EPO', '']),
    `${r.pick(['Member Name', 'Member', 'Subscriber', 'Name'])}: ${p.full.toUpperCase()}`,
    `${r.pick(['Member ID', 'ID#', 'Identification Number', 'Subscriber ID'])}: ${r.pick(['XYZ', 'W', 'MCD', 'H'])}${r.int(100000000, 999999999)}`,
    `${r.pick(['Group Number', 'Group #', 'GRP'])}: ${r.int(10000, 999999)}`,
    r.chance(0.7) &&
      `RxBIN: ${r.int(100000, 999999)}  RxPCN: ${r.pick(['ADV', 'MEDDPRIME', 'CN', 'ASPROD1'])}  RxGRP: ${r.pick(['RX', 'GRP'])}${r.int(1000, 9999)}`,
    r.chance(0.7) && `Copay: PCP $${r.int(0, 40)}  Specialist $${r.int(10, 80)}  ER $${r.int(50, 350)}`,
    r.chance(0.5) && `PCP: ${providerName(r)}  ${phone(r)}`,
    r.chance(0.5) && `Effective Date: ${fmtDate(r, randomDate(r), 0)}`,
    '',
    r.pick(['Back of card:', 'INSURANCE CARD - BACK', '']),
    `Member Services: ${phone(r)}   Provider Services: ${phone(r)}`,
    r.chance(0.6) && 'Send claims to: PO Box ' + r.int(1000, 99999) + ', ' + address(r).cityLine,
    r.chance(0.5) && 'This card does not guarantee coverage. Prior authorization may be required for some services.',
    r.chance(0.4) && `Nurse line 24/7: ${phone(r)}`,
  )
}

function billingStatement(r: Rng): string {
  const org = r.chance(0.5) ? hospitalName(r) : clinicName(r)
  const d = randomDate(r)
  const p = personName(r)
  const rows: string[] = []
  let total = 0
  for (let i = 0; i < r.int(2, 7); i++) {
    const amt = r.int(25, 2500) + r.int(0, 99) / 100
    total += amt
    rows.push(
      `${fmtDate(r, addDays(d, -r.int(10, 120)), 0)}  ${pad(r.pick(['Office visit, established patient', 'Laboratory services', 'X-ray chest 2 views', 'Emergency room level 4', 'Insurance payment', 'Patient payment - thank you', 'Adjustment', 'Pharmacy', 'Venipuncture', 'Sliding fee discount']), 38)} $${amt.toFixed(2)}`,
    )
  }
  return lines(
    letterhead(r, org),
    '',
    r.pick(['STATEMENT', 'PATIENT STATEMENT', 'Billing Statement', 'STATEMENT OF ACCOUNT', 'INVOICE', 'Final Notice']),
    `${r.pick(['Statement Date', 'Date'])}: ${fmtDate(r, d)}    ${r.pick(['Account Number', 'Account #', 'Guarantor #'])}: ${r.int(1000000, 99999999)}`,
    `${r.pick(['Guarantor', 'Patient', 'Responsible Party'])}: ${p.full}`,
    address(r).oneLine,
    '',
    `Date       Description                               Amount`,
    ...rows,
    '',
    `${r.pick(['Amount Due', 'Balance Due', 'Please Pay This Amount', 'Patient Responsibility'])}: $${(total * r.next()).toFixed(2)}`,
    `${r.pick(['Due Date', 'Payment Due By'])}: ${fmtDate(r, addDays(d, 30))}`,
    r.chance(0.7) &&
      r.pick([
        'Please detach and return the bottom portion with your payment.',
        'Pay online at our patient portal or call our billing office.',
        'We accept Visa, MasterCard and Discover.',
        'If you have questions about your bill, call ' + phone(r) + '.',
      ]),
    r.chance(0.5) && 'Financial assistance is available. Ask about our sliding fee scale.',
    r.chance(0.4) && 'This account may be referred to a collection agency if not paid.',
  )
}

function eob(r: Rng): string {
  const plan = r.pick(['BlueCross BlueShield', 'Aetna', 'UnitedHealthcare', 'Cigna', 'Humana', 'Medicare'])
  const d = randomDate(r)
  const billed = r.int(100, 4000)
  const allowed = Math.round(billed * (0.3 + r.next() * 0.5))
  const paid = Math.round(allowed * 0.8)
  return lines(
    plan,
    r.pick(['EXPLANATION OF BENEFITS', 'Explanation of Benefits', 'MEDICARE SUMMARY NOTICE']),
    'THIS IS NOT A BILL',
    `Member: ${personName(r).full}   Member ID: ${r.pick(['W', 'H', ''])}${r.int(100000000, 999999999)}`,
    `Claim Number: ${r.int(1000000000, 9999999999)}   Date processed: ${fmtDate(r, d)}`,
    `Provider: ${r.pick([hospitalName(r), clinicName(r), providerName(r)])}`,
    `Service date ${fmtDate(r, addDays(d, -r.int(10, 60)), 0)}   Amount billed $${billed}.00   Allowed $${allowed}.00   Plan paid $${paid}.00   You may owe $${allowed - paid}.00`,
    r.chance(0.6) &&
      `Remark codes: ${r.pick(['PR-1 deductible', 'CO-45 charge exceeds fee schedule', 'PR-2 coinsurance', 'N130 consult plan benefit documents'])}`,
    r.chance(0.5) && `Deductible met to date: $${r.int(0, 3000)}.00 of $${r.pick([500, 1000, 2500, 5000])}.00`,
    r.chance(0.6) && `If you disagree with this decision you may file an appeal within 180 days. Call ${phone(r)}.`,
  )
}

function appointmentReminder(r: Rng): string {
  const org = clinicName(r)
  const d = randomDate(r)
  const p = personName(r)
  return lines(
    r.chance(0.6) ? letterhead(r, org) : org,
    '',
    r.pick([
      'APPOINTMENT REMINDER',
      'Appointment Reminder',
      'Your Upcoming Appointment',
      'Appointment Confirmation',
      'Missed Appointment Notice',
    ]),
    `${r.pick(['Dear', 'Hello', 'To'])} ${p.full},`,
    r.pick([
      `This is a reminder that you have an appointment with ${providerName(r)} on ${fmtDate(r, d, 2)} at ${time(r)}.`,
      `You are scheduled to see ${providerName(r)} on ${fmtDate(r, d, 2)} at ${time(r)} at our ${r.pick(['Main Street', 'Eastside', 'Downtown', 'Westfield'])} office.`,
      `We missed you at your appointment on ${fmtDate(r, d, 2)}. Please call to reschedule.`,
    ]),
    r.pick([
      'Please arrive 15 minutes early to complete paperwork.',
      'Please bring your insurance card, photo ID and a list of your medications.',
      'If you need to cancel or reschedule, please call at least 24 hours in advance.',
      'Reply C to confirm or R to reschedule.',
    ]),
    r.chance(0.5) && `Location: ${address(r).oneLine}`,
    r.chance(0.5) && `Questions? Call ${phone(r)}.`,
    r.chance(0.3) && 'A fee may be charged for appointments missed without 24 hours notice.',
    r.chance(0.4) && 'Sincerely,\nThe Scheduling Team',
  )
}

function priorAuth(r: Rng): string {
  const plan = r.pick(['Molina Healthcare', 'UnitedHealthcare Community Plan', 'Aetna Better Health', 'CareSource', 'Ambetter'])
  const d = randomDate(r)
  const svc = r.pick([
    'MRI lumbar spine without contrast',
    'Physical therapy, 12 visits',
    'Continuous glucose monitor',
    'Sleep study',
    'Adalimumab 40 mg',
    'Outpatient colonoscopy',
    'Durable medical equipment: wheelchair',
  ])
  return lines(
    plan,
    address(r).oneLine,
    '',
    r.pick([
      'PRIOR AUTHORIZATION DETERMINATION',
      'Notice of Prior Authorization Approval',
      'Notice of Denial of Services',
      'Utilization Management Decision',
      'Prior Authorization Request Form',
    ]),
    `Date: ${fmtDate(r, d)}`,
    `Member: ${personName(r).full}   Member ID: ${r.int(100000000, 999999999)}`,
    `Requesting Provider: ${providerName(r)}   NPI: ${r.int(1000000000, 1999999999)}`,
    `Service requested: ${svc}   CPT/HCPCS: ${r.pick(['72148', '97110', 'E2102', '95810', 'J0135', '45378', 'K0001'])}`,
    `Reference #: ${r.pick(['PA', 'UM'])}${r.int(1000000, 9999999)}`,
    r.pick([
      `Decision: APPROVED for dates ${fmtDate(r, d, 0)} through ${fmtDate(r, addDays(d, 90), 0)}.`,
      `Decision: DENIED. The request does not meet medical necessity criteria. You or your provider may request an appeal within 60 days.`,
      `Status: Pending additional clinical information. Please submit office notes within 14 days.`,
    ]),
    r.chance(0.5) && 'Authorization is not a guarantee of payment. Benefits are subject to eligibility on the date of service.',
  )
}

function refillRequest(r: Rng): string {
  return lines(
    r.pick(['Walgreens #', 'CVS Pharmacy #', 'Rite Aid #', 'Community Pharmacy #']) + r.int(1000, 9999),
    address(r).oneLine,
    `Phone ${phone(r)}  Fax ${phone(r)}`,
    '',
    r.pick([
      'REFILL AUTHORIZATION REQUEST',
      'Prescription Renewal Request',
      'PHARMACY REFILL REQUEST',
      'Prior Authorization Needed - Pharmacy',
    ]),
    `Date: ${fmtDate(r, randomDate(r))}`,
    `To: ${providerName(r)}`,
    `Patient: ${personName(r).full}   DOB: ${fmtDate(r, randomDate(r, 1935, 2010), 0)}`,
    `Medication: ${r.pick(['lisinopril 10 mg tablet', 'metformin 500 mg tablet', 'atorvastatin 40 mg tablet', 'albuterol HFA inhaler', 'sertraline 50 mg tablet'])}   Qty: ${r.pick([30, 60, 90])}   Last filled: ${fmtDate(r, randomDate(r), 0)}`,
    `Sig: ${r.pick(['Take 1 tablet by mouth daily', 'Take 1 tablet twice daily with meals', 'Inhale 2 puffs every 4 hours as needed'])}`,
    '[ ] Approved  Refills: ____    [ ] Denied    [ ] Patient needs appointment',
    'Prescriber signature: ____________________   Date: ________',
    'Please fax back to the pharmacy.',
  )
}

function recordsRequest(r: Rng): string {
  const from = r.chance(0.5) ? clinicName(r) : hospitalName(r)
  const d = randomDate(r)
  return lines(
    letterhead(r, from),
    '',
    fmtDate(r, d, 2),
    '',
    r.pick(['REQUEST FOR MEDICAL RECORDS', 'Records Request', 'Request for Records - Continuity of Care']),
    `To: ${r.pick(['Medical Records Department', 'Health Information Management', 'Release of Information'])}, ${r.pick([clinicName(r), hospitalName(r)])}`,
    `Re: ${personName(r).full}   DOB: ${fmtDate(r, randomDate(r, 1935, 2015), 0)}`,
    `Please send the following records for dates of service ${fmtDate(r, randomDate(r, 2015, 2020), 0)} to present: ${r.some(['office notes', 'lab results', 'imaging reports', 'immunization record', 'discharge summary', 'medication list', 'problem list'], r.int(2, 4)).join(', ')}.`,
    r.pick([
      'These records are requested for continuity of care (treatment), for which patient authorization is not required under 45 CFR 164.506.',
      'The patient is establishing care with our practice.',
      'A signed patient authorization is attached.',
    ]),
    `Please fax to ${phone(r)} or mail to the address above by ${fmtDate(r, addDays(d, 14), 2)}.`,
    `Tracking number: RR-${r.int(10000, 99999)}`,
    'Thank you,',
    `${personName(r).full}, Medical Records Specialist`,
  )
}

function workNote(r: Rng): string {
  const org = clinicName(r)
  const d = randomDate(r)
  return lines(
    letterhead(r, org),
    '',
    fmtDate(r, d, 2),
    '',
    r.pick(['WORK/SCHOOL EXCUSE', 'Return to Work Note', 'To Whom It May Concern:', 'SCHOOL EXCUSE']),
    `${personName(r).full} was seen in our clinic on ${fmtDate(r, d, 2)}.`,
    r.pick([
      `Please excuse from work/school from ${fmtDate(r, d, 0)} through ${fmtDate(r, addDays(d, r.int(1, 5)), 0)}.`,
      'May return to work without restrictions.',
      `May return to school on ${fmtDate(r, addDays(d, 2), 0)}. No physical education for one week.`,
      'Light duty: no lifting over 10 pounds for two weeks.',
    ]),
    '',
    `${providerName(r)}`,
  )
}

function addressChange(r: Rng): string {
  return lines(
    clinicName(r),
    '',
    r.pick([
      'PATIENT REGISTRATION FORM',
      'Patient Information Update',
      'Change of Address / Demographics Form',
      'New Patient Registration',
    ]),
    `Last Name: ${r.pick(['Alvarez', 'Nguyen', 'Baptiste', 'Kowalczyk', 'Okafor'])}   First Name: ${r.pick(['Rosa', 'Minh', 'Jean', 'Anna', 'Chidi'])}   MI: ${r.pick(['A', 'J', ''])}`,
    `Date of Birth: ${fmtDate(r, randomDate(r, 1935, 2020), 0)}   Sex: ${r.pick(['F', 'M'])}   Preferred language: ${r.pick(['English', 'Spanish', 'Vietnamese', 'Haitian Creole', 'Arabic'])}`,
    `Address: ${address(r).oneLine}`,
    `Home phone: ${phone(r)}   Cell: ${phone(r)}   Email: ____________`,
    `Emergency contact: ${personName(r).full}  Relationship: ${r.pick(['Spouse', 'Mother', 'Son', 'Friend'])}  Phone: ${phone(r)}`,
    `Primary insurance: ${r.pick(['Medicaid', 'Medicare', 'Self-pay', 'Ambetter', 'BlueCross'])}   Member ID: ${r.int(100000, 99999999)}`,
    `Household size: ${r.int(1, 7)}   Annual household income: $${r.int(8, 70)},000   ${r.chance(0.5) ? 'Homeless: [ ] Yes [X] No' : ''}`,
    `Race/Ethnicity: ____   Veteran: [ ] Yes [ ] No   Farmworker: [ ] Yes [ ] No`,
  )
}

export function otherDocument(r: Rng): string {
  return r.pick([
    faxCover,
    faxCover,
    insuranceCard,
    billingStatement,
    eob,
    appointmentReminder,
    priorAuth,
    refillRequest,
    recordsRequest,
    workNote,
    addressChange,
  ])(r)
}
