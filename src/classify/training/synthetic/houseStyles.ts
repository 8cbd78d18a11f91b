/**
 * More house styles for the types outside records get wrong most: history and physicals
 * (admission, pre-operative, pediatric, clinic "new patient"), referral letters (letters that
 * refer and letters that thank, forms), emergency department records, and laboratory reports
 * beyond chemistry panels (surgical pathology, cytology, microbiology, chemistry in columns).
 * Section orders and headings vary per hospital; titles are present, generic or absent.
 *
 * Training only. The style-disjoint evaluation set (training/unseen-styles/) is written by
 * separate code with its own wording; nothing here is copied from it.
 */
import type { Rng } from '../../rng.js'
import {
  ALLERGIES,
  COMPLAINTS,
  CONDITIONS,
  MEDS,
  clinicName,
  drName,
  fmtDate,
  hospitalName,
  labName,
  letterhead,
  personName,
  providerName,
  randomDate,
  time,
  vitals,
  lines,
  cap,
} from './pools.js'

/** A heading in one of the ways hospitals print them. */
function head(r: Rng, h: string, style: number): string {
  if (style === 0) return `${h.toUpperCase()}:`
  if (style === 1) return `${h.replace(/\b\w/g, (c) => c.toUpperCase())}:`
  if (style === 2) return `** ${h.toUpperCase()} **`
  return `${h.toUpperCase()}`
}
function sections(r: Rng, parts: [string, string][]): string {
  const style = r.int(0, 3)
  const inline = style !== 2 && style !== 3 && r.chance(0.6)
  return parts.map(([h, b]) => (inline ? `${head(r, h, style)} ${b}` : `${head(r, h, style)}\n${b}`)).join(r.pick(['\n', '\n\n']))
}
const idLine = (r: Rng): string => {
  const p = personName(r)
  const d = fmtDate(r, randomDate(r, 1935, 2018))
  return r.pick([
    `Patient: ${p.family.toUpperCase()}, ${p.given.toUpperCase()}   DOB: ${d}`,
    `${p.full}  DOB ${d}  MRN ${r.int(100000, 9999999)}`,
    `Name: ${p.full}    Date of Birth: ${d}`,
    '',
  ])
}
const sig = (r: Rng): string =>
  r.pick([
    `Electronically signed by ${providerName(r)} ${fmtDate(r, randomDate(r))}`,
    `Dictated by: ${providerName(r)}`,
    `${providerName(r)}`,
    `Signed: ${drName(r)}`,
  ])

// ---------------------------------------------------------------- history and physical

export function hpHouseStyle(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const a = r.int(19, 94)
  const kind = r.int(0, 3)
  const title = [
    r.pick([
      'ADMISSION HISTORY AND PHYSICAL',
      'History & Physical',
      'H&P',
      'HISTORY AND PHYSICAL EXAMINATION',
      'Admit Note',
      'Hospital Admission H&P',
      '',
    ]),
    r.pick(['PREOPERATIVE HISTORY AND PHYSICAL', 'Pre-Op H&P', 'Interval History and Physical Update', 'Preanesthesia H&P', '']),
    r.pick([
      'PEDIATRIC ADMISSION HISTORY AND PHYSICAL',
      'Pediatric H&P',
      'Newborn History and Physical',
      'Pediatric Admission Note',
      'Admit note - pediatrics',
      '',
    ]),
    r.pick(['NEW PATIENT HISTORY AND PHYSICAL', 'Comprehensive H&P - New Patient', 'Annual History and Physical', '']),
  ][kind]!
  const base: [string, string][] = [
    ['chief complaint', `${cap(cc)}.`],
    [
      'history of present illness',
      `${a}-year-old ${r.pick(['man', 'woman', 'patient'])} ${r.pick(['admitted with', 'presenting with', 'referred in for'])} ${cc} for ${r.int(1, 14)} days. ${r.pick(['Associated nausea.', 'No fevers.', 'Has tried over-the-counter remedies without relief.', 'Outpatient antibiotics failed.'])}`,
    ],
    ['past medical history', r.some(CONDITIONS, r.int(1, 4)).join(', ')],
    [
      'past surgical history',
      r.pick(['Cholecystectomy.', 'Tonsillectomy as a child.', 'None.', 'CABG x3 ten years ago.', 'Hysterectomy.']),
    ],
    ['medications', r.some(MEDS, r.int(1, 5)).join(', ')],
    ['allergies', r.pick(ALLERGIES)],
    [
      'social history',
      r.pick([
        'Never smoker, occasional alcohol.',
        'Smokes 1 pack per day.',
        'Lives with spouse, works as a teacher.',
        'Nursing home resident.',
      ]),
    ],
    ['family history', r.pick(['Diabetes in mother.', 'Noncontributory.', 'Father with colon cancer at 60.'])],
    [
      'review of systems',
      r.pick([
        'A complete 14-point review of systems is negative except as above.',
        'Positive for fatigue and weight loss; otherwise negative.',
        'Negative in all other systems.',
      ]),
    ],
    [
      'physical examination',
      `${vitals(r)} ${r.pick(['HEENT normocephalic.', 'Alert and oriented.'])} ${r.pick(['Heart regular.', 'Irregularly irregular.'])} ${r.pick(['Lungs clear.', 'Rales at bases.'])} ${r.pick(['Abdomen benign.', 'Epigastric tenderness.'])}`,
    ],
    [
      'assessment and plan',
      `${cap(cc)}. ${r.pick(['Admit to medicine.', 'Proceed with surgery as planned.', 'Observation overnight.', 'Labs and follow-up in clinic.'])} ${r.pick(['VTE prophylaxis with heparin.', 'Full code.', 'Continue home medications.'])}`,
    ],
  ]
  if (kind === 1)
    base.splice(
      1,
      1,
      [
        'planned procedure',
        `${r.pick(['Right total knee arthroplasty', 'Laparoscopic hernia repair', 'Cataract extraction', 'Lumbar fusion L4-5'])} with ${drName(r)}.`,
      ],
      ['anesthesia history', r.pick(['No problems with prior anesthesia.', 'PONV with last anesthetic.'])],
    )
  if (kind === 2)
    base.splice(
      2,
      0,
      ['birth history', r.pick(['Born at 39 weeks by SVD, no NICU stay.', 'Ex-32 week preemie.', 'Term, uncomplicated.'])],
      ['immunizations', r.pick(['Up to date.', 'Behind on 12-month vaccines.'])],
      ['development', 'Appropriate for age.'],
    )
  // Hospitals order the history sections their own way.
  const order = r.chance(0.35) ? [base[0]!, ...r.shuffle(base.slice(1, -2)), ...base.slice(-2)] : base
  const kept = order.filter((_, i) => i < 2 || i >= order.length - 2 || r.chance(0.75))
  return lines(
    r.chance(0.6) && letterhead(r, r.chance(0.5) ? hospitalName(r) : clinicName(r)),
    idLine(r),
    title,
    r.chance(0.4) && `Date of admission: ${fmtDate(r, randomDate(r))}`,
    sections(r, kept),
    sig(r),
  )
}

// ---------------------------------------------------------------- referral letters

/** `reply` true: the consultant's thank-you letter back to the referrer (a consult note). */
export function referralHouseStyle(r: Rng, reply = false): string {
  const pt = personName(r)
  const to = drName(r)
  const from = drName(r)
  const spec = r.pick([
    'cardiology',
    'gastroenterology',
    'dermatology',
    'orthopaedics',
    'neurology',
    'ENT',
    'urology',
    'allergy and immunology',
    'physical therapy',
    'oncology',
  ])
  const why = r.pick([
    'recurrent syncope',
    'rectal bleeding',
    'a changing pigmented lesion',
    'chronic knee instability',
    'migraine not responding to two preventives',
    'recurrent sinusitis',
    'microscopic hematuria',
    'suspected food allergy',
    'low back pain after a fall',
    'a new breast mass',
  ])
  const kind = reply ? 1 : r.pick([0, 2, 3])
  if (kind === 0)
    return lines(
      letterhead(r, clinicName(r)),
      fmtDate(r, randomDate(r)),
      r.pick([`${to}\n${spec} department`, `Department of ${cap(spec)}`]),
      r.pick([
        `Re: ${pt.full}, DOB ${fmtDate(r, randomDate(r, 1940, 2015))}`,
        `RE: ${pt.family.toUpperCase()}, ${pt.given.toUpperCase()}`,
        '',
      ]),
      r.pick([`Dear ${to.replace(/^Dr\. /, 'Dr. ')},`, 'Dear Colleague,', 'Dear Doctor,']),
      `I am writing to refer ${r.pick([pt.given, 'this patient', 'my patient'])} for ${r.pick(['your assessment', 'specialist evaluation', 'an opinion and management'])} of ${why}. ${r.pick(['Symptoms started three months ago.', 'An initial work-up was unrevealing.', 'There is a family history that worries me.'])} ${r.pick(['Current medications are listed below.', 'I have enclosed the recent results.', 'The patient is keen to be seen soon.'])}`,
      r.chance(0.6) && `Medications: ${r.some(MEDS, r.int(1, 4)).join(', ')}.`,
      r.pick(['Thank you for seeing them.', 'I would appreciate your help.', 'Please do not hesitate to contact me.']),
      r.pick(['Yours sincerely,', 'Sincerely,', 'Best regards,', 'Kind regards,']),
      from,
    )
  if (kind === 1)
    return lines(
      letterhead(r, hospitalName(r)),
      fmtDate(r, randomDate(r)),
      r.pick([`Dear ${from},`, 'Dear Dr.,', `Dear ${from.replace(/^Dr\. /, 'Dr. ')}:`]),
      `${r.pick(['Thank you for referring', 'Thank you very much for the referral of', 'Many thanks for asking me to see'])} ${pt.full}, ${r.pick(['whom I saw today in the', 'who was seen in my', 'seen at our'])} ${spec} clinic for ${why}.`,
      `${r.pick(['My impression is', 'I think this is', 'On balance this is most likely'])} ${r.pick(['benign', 'a treatable condition', 'consistent with your suspicion', 'not serious'])}. ${r.pick(['I have arranged further tests.', 'I have started a new medication.', 'No further follow-up is needed.', 'I will review with results.'])}`,
      r.chance(0.5) &&
        `Plan: ${r.pick(['MRI brain', 'colonoscopy', 'excision biopsy', 'physical therapy', 'allergy testing'])}; follow-up in ${r.int(2, 16)} weeks.`,
      r.pick(['Thank you again for this kind referral.', 'I will keep you updated.', 'Please let me know if you have any questions.']),
      r.pick(['With best wishes,', 'Sincerely,', 'Yours,']),
      to,
      r.chance(0.4) && 'cc: patient, primary care',
    )
  if (kind === 2)
    return lines(
      r.pick(['REFERRAL REQUEST', 'Referral Form', 'Specialty Referral', 'Outgoing Referral', 'Consultation Request']),
      idLine(r),
      `Referring provider: ${from}   Phone: ${r.int(200, 989)}-555-01${r.int(10, 99)}`,
      `Refer to: ${to} (${spec})`,
      `Urgency: ${r.pick(['routine', 'urgent', 'within 1 week', 'expedited'])}`,
      `Reason for referral: ${why}`,
      `Diagnosis: ${r.pick(CONDITIONS)}`,
      r.chance(0.5) && `Insurance authorization: ${r.pick(['obtained', 'pending', 'not required'])}`,
      r.chance(0.5) && 'Records attached: office notes, labs, imaging.',
    )
  return lines(
    letterhead(r, clinicName(r)),
    fmtDate(r, randomDate(r)),
    `To: ${to}`,
    `From: ${from}`,
    `Subject: ${r.pick(['Referral', 'Request for consultation', 'New patient referral'])} - ${pt.full}`,
    `${r.pick(['Please see', 'Kindly evaluate', 'I would be grateful if you could see'])} ${pt.given} regarding ${why}. ${r.pick(['Relevant notes attached.', 'History summarized below.'])}`,
    `Brief history: ${r.some(CONDITIONS, 2).join('; ')}.`,
    r.pick(['Thanks,', 'Regards,', 'With thanks,']),
    from,
  )
}

// ---------------------------------------------------------------- emergency department

export function edHouseStyle(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const parts: [string, string][] = [
    ['triage', `Acuity ${r.int(1, 5)}. Arrived by ${r.pick(['ambulance', 'walk-in', 'wheelchair', 'helicopter'])} at ${time(r)}.`],
    ['chief complaint', `${cap(cc)}.`],
    [
      'HPI',
      `${r.int(1, 95)}-year-old ${r.pick(['male', 'female'])} ${r.pick(['presents to the ED', 'brought in by EMS', 'walks into the emergency department'])} with ${cc}. ${r.pick(['Onset 2 hours prior to arrival.', 'Symptoms since yesterday.', 'Witnessed by family.'])}`,
    ],
    ['physical exam', `${vitals(r)} ${r.pick(['Mild distress.', 'No acute distress.', 'Appears toxic.'])}`],
    [
      'ED course',
      `${r.pick(['Given ketorolac and IV fluids.', 'Nebulizers given with improvement.', 'Labs and CT obtained.', 'Splinted and given oxycodone.'])} ${r.pick(['Reassessed and improved.', 'Discussed with on-call specialist.', 'Symptoms resolved.'])}`,
    ],
    [
      'medical decision making',
      r.pick([
        'Differential includes ACS, PE, dissection; workup negative.',
        'Low risk by HEART score.',
        'Likely viral; no signs of sepsis.',
        'Fracture confirmed on imaging.',
      ]),
    ],
    [
      'diagnosis',
      r.pick([
        'Chest pain, unspecified.',
        'Acute asthma exacerbation.',
        'Closed fracture of the wrist.',
        'Gastroenteritis with dehydration.',
        'Syncope.',
        'Cellulitis of the leg.',
      ]),
    ],
    [
      'disposition',
      r.pick([
        'Discharged home in stable condition.',
        'Admitted to hospitalist service.',
        'Transferred for higher level of care.',
        'Left against medical advice.',
        'Observation unit.',
      ]),
    ],
  ]
  if (r.chance(0.25))
    parts.splice(
      2,
      1,
      [
        'mechanism of injury',
        r.pick(['Rollover MVC, unrestrained.', 'Pedestrian struck at low speed.', 'Fall down 10 stairs.', 'Dog bite to the forearm.']),
      ],
      ['primary survey', `Airway intact, breathing unlabored, pulses palpable, GCS ${r.int(9, 15)}.`],
    )
  const kept = parts.filter((_, i) => i === 1 || i >= parts.length - 2 || r.chance(0.7))
  return lines(
    r.chance(0.6) && letterhead(r, hospitalName(r)),
    r.pick([
      'EMERGENCY DEPARTMENT REPORT',
      'ED Physician Note',
      'Emergency Room Record',
      'EMERGENCY DEPARTMENT VISIT',
      'ED Provider Documentation',
      'Emergency Medicine Note',
      'Trauma Team Note',
      'Trauma Surgery ED Evaluation',
      '',
    ]),
    idLine(r),
    r.chance(0.5) && `Date of service: ${fmtDate(r, randomDate(r))}  Time seen: ${time(r)}`,
    sections(r, kept),
    sig(r),
  )
}

// ---------------------------------------------------------------- laboratory: pathology, cytology, microbiology, chemistry

export function labHouseStyle(r: Rng): string {
  const kind = r.int(0, 3)
  const collected = fmtDate(r, randomDate(r))
  if (kind === 0) {
    const site = r.pick([
      'stomach, antrum, biopsy',
      'prostate, right base, needle core',
      'endometrium, curettage',
      'skin, back, punch biopsy',
      'lymph node, left axilla, excision',
      'uterus and cervix, hysterectomy',
      'kidney, left, partial nephrectomy',
    ])
    const dx = r.pick([
      'chronic gastritis, H. pylori organisms identified',
      'prostatic adenocarcinoma, Gleason score 3+4=7',
      'proliferative endometrium, no hyperplasia',
      'seborrheic keratosis',
      'metastatic carcinoma in 1 of 3 lymph nodes',
      'leiomyomata; benign cervix',
      'clear cell renal cell carcinoma, margins negative',
    ])
    const parts: [string, string][] = [
      ['final diagnosis', `${cap(site)}: ${dx}.`],
      [
        'clinical history',
        r.pick(['Dyspepsia.', 'Elevated PSA.', 'Abnormal bleeding.', 'Changing lesion.', 'Lymphadenopathy.', 'Renal mass.']),
      ],
      [
        'gross description',
        `Received in formalin labeled "${site}" are ${r.pick(['two pink-tan fragments', 'a core of tissue 1.2 cm', 'a portion of skin', 'a lymph node 2.1 cm'])}. ${r.pick(['Entirely submitted in one cassette.', 'Representative sections submitted.', 'Inked and bisected.'])}`,
      ],
      [
        'microscopic description',
        r.pick([
          'Sections show the diagnostic features.',
          'Microscopic examination performed.',
          'See diagnosis.',
          'Immunostains support the diagnosis.',
        ]),
      ],
    ]
    const ordered = r.chance(0.5) ? [parts[1]!, parts[2]!, parts[3]!, parts[0]!] : parts
    return lines(
      letterhead(r, labName(r)),
      r.pick([
        'SURGICAL PATHOLOGY REPORT',
        'Pathology Report',
        'Anatomic Pathology',
        'PATHOLOGY',
        'Tissue Examination Report',
        'Pathology Consultation Report',
        'Surgical Pathology Consult',
        'Outside Slide Consultation',
        '',
      ]),
      idLine(r),
      `Accession: S${r.int(10, 25)}-${r.int(1000, 99999)}   Collected: ${collected}   Received: ${collected}`,
      sections(
        r,
        ordered.filter((_, i) => i === 0 || r.chance(0.8)),
      ),
      `${r.pick(['Pathologist', 'Electronically signed out by', 'Verified by'])}: ${providerName(r)}`,
    )
  }
  if (kind === 1)
    return lines(
      letterhead(r, labName(r)),
      r.pick(['CYTOLOGY REPORT', 'Gynecologic Cytology', 'Non-Gynecologic Cytology Report', 'Cytopathology', 'Pap Smear Report', '']),
      idLine(r),
      `Specimen: ${r.pick(['cervical/endocervical, liquid-based', 'urine, voided', 'bronchial washing', 'thyroid FNA, right lobe', 'peritoneal fluid'])}   Collected: ${collected}`,
      `Specimen adequacy: ${r.pick(['Satisfactory for evaluation.', 'Satisfactory; endocervical component present.', 'Unsatisfactory due to obscuring inflammation.'])}`,
      `${r.pick(['Interpretation', 'Result', 'Diagnosis', 'Cytologic diagnosis'])}: ${r.pick(['Negative for intraepithelial lesion or malignancy (NILM).', 'Low-grade squamous intraepithelial lesion (LSIL).', 'Atypical urothelial cells.', 'Benign follicular nodule (Bethesda II).', 'Positive for malignant cells.', 'High-risk HPV detected.'])}`,
      r.chance(0.5) && `Comment: ${r.pick(['Follow ASCCP guidelines.', 'Correlate clinically.', 'Repeat in 12 months suggested.'])}`,
      `${r.pick(['Cytotechnologist', 'Screened by'])}: ${personName(r).full}, CT(ASCP)`,
    )
  if (kind === 2) {
    const org = r.pick([
      'Klebsiella pneumoniae',
      'Enterococcus faecalis',
      'Streptococcus pyogenes (Group A)',
      'Proteus mirabilis',
      'MRSA',
      'Candida albicans',
      'no growth at 5 days',
    ])
    const abx = r.some(
      [
        'Amoxicillin/clavulanate',
        'Cefazolin',
        'Gentamicin',
        'Levofloxacin',
        'Trimethoprim/sulfa',
        'Vancomycin',
        'Clindamycin',
        'Oxacillin',
        'Tetracycline',
      ],
      r.int(3, 7),
    )
    return lines(
      letterhead(r, labName(r)),
      r.pick(['MICROBIOLOGY REPORT', 'Culture and Sensitivity', 'Microbiology - Final', 'CULTURE REPORT', 'Bacteriology', '']),
      idLine(r),
      `Source: ${r.pick(['urine, clean catch', 'blood, peripheral', 'throat swab', 'wound, left foot', 'CSF', 'stool'])}   Collected: ${collected}`,
      `${r.pick(['Result', 'Culture', 'Organism', 'Isolate 1'])}: ${org}${org.startsWith('no') ? '' : `, ${r.pick(['10,000-50,000 CFU/mL', 'heavy growth', 'few colonies', '>100,000 CFU/mL'])}`}`,
      !org.startsWith('no') && r.pick(['Antimicrobial   Interp   MIC', 'DRUG            RESULT', 'Sensitivities:']),
      ...(!org.startsWith('no')
        ? abx.map((a) => `${a.padEnd(28)}${r.pick(['S', 'S', 'R', 'I'])}    ${r.pick(['<=0.5', '1', '>=16', '4', '<=2'])}`)
        : []),
      `Report status: ${r.pick(['FINAL', 'Preliminary', 'Final - corrected'])}`,
    )
  }
  const tests = r.some(
    [
      ['Sodium', 'mmol/L', '136-145'],
      ['Potassium', 'mmol/L', '3.5-5.0'],
      ['Chloride', 'mmol/L', '98-107'],
      ['CO2', 'mmol/L', '22-29'],
      ['Calcium', 'mg/dL', '8.6-10.3'],
      ['Albumin', 'g/dL', '3.5-5.0'],
      ['Bilirubin, total', 'mg/dL', '0.2-1.2'],
      ['AST', 'U/L', '10-40'],
      ['Alkaline phosphatase', 'U/L', '44-147'],
      ['Cholesterol', 'mg/dL', '<200'],
      ['LDL', 'mg/dL', '<100'],
      ['Triglycerides', 'mg/dL', '<150'],
      ['Ferritin', 'ng/mL', '20-250'],
      ['Vitamin D, 25-OH', 'ng/mL', '30-100'],
      ['PSA', 'ng/mL', '0-4.0'],
      ['Magnesium', 'mg/dL', '1.7-2.2'],
    ] as const,
    r.int(3, 9),
  )
  return lines(
    letterhead(r, labName(r)),
    r.pick(['CHEMISTRY', 'Lipid Panel', 'Clinical Chemistry Results', 'LABORATORY RESULTS', 'Test Results', '']),
    idLine(r),
    `Collected: ${collected} ${time(r)}   Reported: ${collected}`,
    r.pick(['Test  Result  Flag  Units  Reference', 'ANALYTE        RESULT    REF RANGE', 'Component   Value   Standard Range']),
    ...tests.map(([n, u, ref]) => `${n.padEnd(24)}${(r.next() * 200).toFixed(1).padStart(8)}  ${r.pick(['', '', 'H', 'L'])}  ${u}  ${ref}`),
    r.chance(0.5) && `Performed at ${labName(r)}. Medical director: ${providerName(r)}.`,
  )
}
