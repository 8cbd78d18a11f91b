/**
 * Further house styles for the types outside records get wrong: history and physicals whose
 * sections come in any order (assessment first, review of systems after the exam, lowercase or
 * run-in headings, specialty admissions and examination forms), laboratory reports of many
 * kinds and layouts, and consent and release-of-information forms of many shapes and lengths.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import {
  ALLERGIES,
  COMPLAINTS,
  CONDITIONS,
  EXAM,
  FAMILY_HX,
  MEDS,
  ROS,
  SOCIAL,
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
  type Part,
} from './pools.js'

/** A heading as one of many hospitals print it. */
function heading(r: Rng, h: string, style: number): string {
  switch (style) {
    case 0:
      return `${h.toUpperCase()}:`
    case 1:
      return `${cap(h)}:`
    case 2:
      return `${h.toLowerCase()} -`
    case 3:
      return `[${h.toUpperCase()}]`
    case 4:
      return `${h.replace(/\b\w/g, (c) => c.toUpperCase())}.`
    default:
      return `${h.toUpperCase()}`
  }
}
function render(r: Rng, parts: [string, string][]): string {
  const style = r.int(0, 5)
  const inline = style !== 3 && style !== 5 && r.chance(0.65)
  return parts.map(([h, b]) => (inline ? `${heading(r, h, style)} ${b}` : `${heading(r, h, style)}\n${b}`)).join(r.pick(['\n', '\n\n']))
}
function who(r: Rng): string {
  const p = personName(r)
  const dob = fmtDate(r, randomDate(r, 1930, 2022))
  return r.pick([
    `${p.family.toUpperCase()}, ${p.given}   DOB ${dob}   MRN ${r.int(100000, 99999999)}`,
    `Patient name: ${p.full}\nDate of birth: ${dob}`,
    `${p.full} | ${dob} | Acct ${r.int(1000000, 9999999)}`,
    `Name ${p.full}  Sex ${r.pick(['F', 'M'])}  Born ${dob}`,
    `Pt: ${p.full} (${dob})`,
  ])
}

// ---------------------------------------------------------------- history and physical

const HP_TITLES = [
  'History and Physical',
  'ADMISSION H&P',
  'H & P',
  'Admission History & Physical Exam',
  'INITIAL HOSPITAL ASSESSMENT',
  'Admitting History and Physical',
  'Hospitalist Admission Note',
  'Medical Admission',
  'Surgical Admission H&P',
  'Short Stay H&P',
  'Pre-Anesthesia History and Physical',
  'Complete Physical Examination',
  'Intake History & Physical',
  'Admission Assessment',
  'Preventive Exam (History and Physical)',
]

/** A history and physical with the sections in a hospital's own order and wording. */
export function hpAnyOrder(r: Rng): string {
  const cc = r.pick(COMPLAINTS)
  const age = r.int(1, 96)
  const setting = r.int(0, 4) // 0 medicine, 1 surgery, 2 psych, 3 obstetric, 4 examination form
  const hpi = `${age}-year-old ${r.pick(['man', 'woman', 'male', 'female', 'patient'])} ${r.pick(['with', 'who presents with', 'sent in for', 'admitted for', 'here with'])} ${cc} ${r.pick(['for 3 days', 'since this morning', 'over the past month', 'worse over a week'])}. ${r.pick(['Tried rest without relief.', 'No similar episodes before.', 'Family noticed confusion.', 'Seen in clinic last week and started on antibiotics.', 'Appetite reduced.'])}`
  const history: [string, string][] = [
    [r.pick(['past medical history', 'medical history', 'PMH', 'problems']), r.some(CONDITIONS, r.int(1, 4)).join('; ')],
    [
      r.pick(['past surgical history', 'surgeries', 'PSH', 'operations']),
      r.pick(['appendectomy', 'none', 'hernia repair 2015', 'two cesarean sections', 'lumbar laminectomy']),
    ],
    [r.pick(['medications', 'home medications', 'meds', 'current medicines']), r.some(MEDS, r.int(1, 5)).join(', ')],
    [r.pick(['allergies', 'drug allergies', 'ALL']), r.pick(ALLERGIES)],
    [r.pick(['social history', 'social', 'SH', 'habits']), r.pick(SOCIAL)],
    [r.pick(['family history', 'FH', 'family']), r.pick(FAMILY_HX)],
  ]
  const ros: [string, string] = [
    r.pick(['review of systems', 'ROS', 'systems review', 'systems enquiry']),
    r.chance(0.5)
      ? r.some(ROS, r.int(2, 6)).join(' ')
      : r.pick([
          '10-point review negative except HPI.',
          'All other systems reviewed and negative.',
          'Positive for fatigue; otherwise negative.',
        ]),
  ]
  const pe: [string, string] = [
    r.pick(['physical examination', 'exam', 'PE', 'physical exam', 'examination on admission', 'objective']),
    `${vitals(r)} ${r.some(EXAM, r.int(2, 6)).join(' ')}`,
  ]
  const ap: [string, string] = [
    r.pick(['assessment and plan', 'A/P', 'impression and plan', 'assessment', 'plan', 'impression/plan']),
    `${cap(cc)}${r.chance(0.5) ? `, likely ${r.pick(CONDITIONS)}` : ''}. ${r.pick(['Admit to', 'Observe on', 'Transfer to', 'Proceed with'])} ${r.pick(['medicine', 'telemetry', 'the surgical ward', 'planned procedure', 'step-down'])}. ${r.pick(['VTE prophylaxis.', 'Full code.', 'Continue home meds except metformin.', 'NPO after midnight.', 'Consent obtained.'])}`,
  ]
  const opening: [string, string][] = [
    [r.pick(['chief complaint', 'CC', 'reason for admission', 'presenting complaint', 'reason for visit', 'chief concern']), `${cap(cc)}.`],
    [r.pick(['history of present illness', 'HPI', 'present illness', 'history']), hpi],
  ]
  if (setting === 1)
    opening.push(
      [
        r.pick(['planned procedure', 'operation planned', 'procedure']),
        r.pick([
          'laparoscopic cholecystectomy',
          'total hip arthroplasty',
          'transurethral resection of prostate',
          'thyroidectomy',
          'colonoscopy',
        ]),
      ],
      [r.pick(['anesthesia history', 'airway']), r.pick(['no prior problems', 'Mallampati II', 'PONV in the past'])],
    )
  if (setting === 2)
    opening.push(
      [
        r.pick(['psychiatric history', 'past psychiatric history']),
        r.pick(['two prior admissions for depression', 'none', 'schizophrenia since age 20']),
      ],
      [
        r.pick(['mental status examination', 'MSE', 'mental status']),
        r.pick([
          'calm, oriented, mood low, affect constricted, no psychosis, denies SI',
          'agitated, pressured speech, grandiose, no SI',
          'withdrawn, poor eye contact, passive death wish',
        ]),
      ],
    )
  if (setting === 3)
    opening.push(
      [
        r.pick(['obstetric history', 'OB history', 'prenatal course']),
        `G${r.int(1, 5)}P${r.int(0, 3)} at ${r.int(24, 41)} weeks; prenatal labs ${r.pick(['unremarkable', 'GBS positive', 'rubella non-immune'])}`,
      ],
      [r.pick(['fetal assessment', 'FHT']), r.pick(['category I tracing', 'baseline 140, moderate variability', 'reactive NST'])],
    )
  // Any order: some hospitals lead with the assessment, some put the review of systems after the exam.
  const order = r.int(0, 4)
  let body: [string, string][]
  if (order === 0) body = [...opening, ...history, ros, pe, ap]
  else if (order === 1) body = [ap, ...opening, ...history, ros, pe]
  else if (order === 2) body = [...opening, ...history, pe, ros, ap]
  else if (order === 3) body = [...opening, ros, pe, ...r.shuffle([...history]), ap]
  else body = r.shuffle([...opening, ...history, ros, pe, ap])
  body = body.filter((_, i) => i < 2 || r.chance(0.8))
  if (setting === 4)
    return lines(
      r.chance(0.6) && letterhead(r, clinicName(r)),
      r.pick([
        'Physical Examination Form',
        'PRE-PLACEMENT PHYSICAL',
        'Annual Physical',
        'Sports Pre-participation Physical',
        'Commercial Driver Medical Exam',
        'Camp Health Examination',
        'Well Adult Physical',
      ]),
      who(r),
      `${r.pick(['Exam date', 'Date of examination'])}: ${fmtDate(r, randomDate(r))}`,
      render(r, [
        history[0]!,
        history[2]!,
        history[3]!,
        ros,
        [
          r.pick(['examination', 'physical findings']),
          `${vitals(r)} ${r.pick(['Vision 20/20.', 'Hearing normal.', 'Vision 20/40 uncorrected.'])} ${r.some(EXAM, 4).join(' ')}`,
        ],
        [
          r.pick(['assessment', 'conclusion', 'determination']),
          r.pick([
            'Cleared without restriction.',
            'Qualified for 2 years.',
            'Cleared with restriction: corrective lenses.',
            'Not cleared pending cardiology review.',
          ]),
        ],
      ]),
      `${r.pick(['Examiner', 'Examining provider', 'Physician'])}: ${providerName(r)}`,
    )
  return lines(
    r.chance(0.5) && letterhead(r, r.chance(0.7) ? hospitalName(r) : clinicName(r)),
    r.chance(0.8) &&
      (setting === 2
        ? r.pick(['Psychiatric Admission H&P', 'Behavioral Health Admission History and Physical', 'Inpatient Psychiatry Admission Note'])
        : setting === 3
          ? r.pick(['Obstetric Admission H&P', 'Labor Admission Note', 'OB H&P'])
          : r.pick(HP_TITLES)),
    who(r),
    r.chance(0.5) &&
      `${r.pick(['Admission date', 'Date', 'Date of service', 'Admitted'])}: ${fmtDate(r, randomDate(r))} ${r.chance(0.5) ? time(r) : ''}`,
    r.chance(0.3) &&
      `${r.pick(['Source of history', 'Informant'])}: ${r.pick(['patient', 'patient and daughter', 'EMS and old records', 'mother'])}`,
    render(r, body),
    r.pick([
      `${providerName(r)}`,
      `Admitting physician: ${providerName(r)}`,
      `Electronically signed ${providerName(r)} ${fmtDate(r, randomDate(r))}`,
      `Attending: ${drName(r)}`,
    ]),
  )
}

// ---------------------------------------------------------------- laboratory

interface Row {
  name: string
  unit: string
  lo: number
  hi: number
}
const PANELS: Record<string, Row[]> = {
  coagulation: [
    { name: 'Prothrombin time', unit: 'sec', lo: 11, hi: 13.5 },
    { name: 'INR', unit: '', lo: 0.9, hi: 1.1 },
    { name: 'aPTT', unit: 'sec', lo: 25, hi: 35 },
    { name: 'Fibrinogen', unit: 'mg/dL', lo: 200, hi: 400 },
    { name: 'D-dimer', unit: 'ng/mL FEU', lo: 0, hi: 500 },
  ],
  'arterial blood gas': [
    { name: 'pH', unit: '', lo: 7.35, hi: 7.45 },
    { name: 'pCO2', unit: 'mmHg', lo: 35, hi: 45 },
    { name: 'pO2', unit: 'mmHg', lo: 80, hi: 100 },
    { name: 'HCO3', unit: 'mmol/L', lo: 22, hi: 26 },
    { name: 'Base excess', unit: 'mmol/L', lo: -2, hi: 2 },
    { name: 'Lactate', unit: 'mmol/L', lo: 0.5, hi: 2.2 },
  ],
  thyroid: [
    { name: 'TSH', unit: 'mIU/L', lo: 0.4, hi: 4.5 },
    { name: 'Free T4', unit: 'ng/dL', lo: 0.8, hi: 1.8 },
    { name: 'Free T3', unit: 'pg/mL', lo: 2.3, hi: 4.2 },
    { name: 'TPO antibodies', unit: 'IU/mL', lo: 0, hi: 34 },
  ],
  iron: [
    { name: 'Iron', unit: 'ug/dL', lo: 50, hi: 170 },
    { name: 'TIBC', unit: 'ug/dL', lo: 250, hi: 450 },
    { name: 'Transferrin saturation', unit: '%', lo: 20, hi: 50 },
    { name: 'Ferritin', unit: 'ng/mL', lo: 15, hi: 150 },
  ],
  renal: [
    { name: 'BUN', unit: 'mg/dL', lo: 7, hi: 20 },
    { name: 'Creatinine', unit: 'mg/dL', lo: 0.6, hi: 1.2 },
    { name: 'eGFR', unit: 'mL/min/1.73m2', lo: 60, hi: 120 },
    { name: 'Phosphorus', unit: 'mg/dL', lo: 2.5, hi: 4.5 },
    { name: 'Urine albumin/creatinine', unit: 'mg/g', lo: 0, hi: 30 },
  ],
  cardiac: [
    { name: 'Troponin I, high sensitivity', unit: 'ng/L', lo: 0, hi: 19 },
    { name: 'NT-proBNP', unit: 'pg/mL', lo: 0, hi: 125 },
    { name: 'CK', unit: 'U/L', lo: 30, hi: 200 },
  ],
  hepatic: [
    { name: 'ALT', unit: 'U/L', lo: 7, hi: 56 },
    { name: 'AST', unit: 'U/L', lo: 10, hi: 40 },
    { name: 'GGT', unit: 'U/L', lo: 9, hi: 48 },
    { name: 'Total bilirubin', unit: 'mg/dL', lo: 0.1, hi: 1.2 },
    { name: 'Albumin', unit: 'g/dL', lo: 3.5, hi: 5 },
  ],
  'hemoglobin A1c': [
    { name: 'Hemoglobin A1c', unit: '%', lo: 4, hi: 5.6 },
    { name: 'Estimated average glucose', unit: 'mg/dL', lo: 70, hi: 117 },
  ],
  'vitamin levels': [
    { name: 'Vitamin B12', unit: 'pg/mL', lo: 200, hi: 900 },
    { name: 'Folate', unit: 'ng/mL', lo: 3, hi: 17 },
    { name: '25-hydroxy vitamin D', unit: 'ng/mL', lo: 30, hi: 100 },
  ],
}
function val(r: Rng, x: Row): { v: string; flag: string } {
  const span = x.hi - x.lo || 1
  const v = x.lo + span * (r.next() * 1.8 - 0.4)
  const flag = v < x.lo ? 'L' : v > x.hi ? 'H' : ''
  return { v: Math.abs(v) < 10 ? v.toFixed(2) : v.toFixed(0), flag }
}

/** Results in another layout: panels as tables, lists or sentences; microbiology, pathology, cytology, molecular, toxicology, urine. */
export function labAnyLayout(r: Rng): string {
  const lab = labName(r)
  const coll = fmtDate(r, randomDate(r))
  const kind = r.int(0, 7)
  const ordering = `${r.pick(['Ordering provider', 'Ordered by', 'Requesting clinician', 'Physician', 'Client'])}: ${r.chance(0.7) ? providerName(r) : clinicName(r)}`
  const headLines = (title: string): Part[] => [
    r.chance(0.7) && letterhead(r, lab),
    r.chance(0.8) && title,
    who(r),
    r.chance(0.7) && ordering,
    `${r.pick(['Collected', 'Specimen collected', 'Drawn', 'Collection date'])}: ${coll}${r.chance(0.5) ? ` ${time(r)}` : ''}   ${r.pick(['Reported', 'Resulted', 'Final report'])}: ${coll}`,
  ]
  if (kind <= 1) {
    const panel = r.pick(Object.keys(PANELS))
    const rows = PANELS[panel]!
    const layout = r.int(0, 3)
    const body = rows.map((x) => {
      const { v, flag } = val(r, x)
      if (layout === 0)
        return `${x.name.padEnd(30, r.pick([' ', '.']))}${v.padStart(8)} ${flag.padEnd(2)} ${x.unit.padEnd(14)} (${x.lo}-${x.hi})`
      if (layout === 1) return `${x.name}: ${v} ${x.unit}${flag ? ` [${flag === 'H' ? 'HIGH' : 'LOW'}]` : ''}   ref ${x.lo}-${x.hi}`
      if (layout === 2) return `${x.name} | ${v} | ${flag || '-'} | ${x.unit} | ${x.lo} - ${x.hi}`
      return `${x.name}\n   ${v} ${x.unit} ${flag ? '(abnormal)' : '(normal)'}  Reference range ${x.lo}-${x.hi} ${x.unit}`
    })
    return lines(
      ...headLines(
        r.pick([
          `${cap(panel)}`,
          `${panel.toUpperCase()} PANEL`,
          'Laboratory Report',
          'Results',
          'Final Results',
          'Patient Results Report',
        ]),
      ),
      r.chance(0.6) &&
        r.pick([
          'Test  Result  Flag  Units  Reference interval',
          'ANALYTE | VALUE | FLAG | UNITS | RANGE',
          'Component        Your value     Normal range',
        ]),
      ...body,
      r.chance(0.5) &&
        `${r.pick(['Comment', 'Note', 'Interpretive comment'])}: ${r.pick(['Results verified by repeat analysis.', 'Specimen slightly hemolyzed.', 'Critical value called to the ordering office and read back.', 'Fasting status unknown.'])}`,
      r.chance(0.5) && `${r.pick(['Laboratory director', 'Medical director', 'CLIA director'])}: ${providerName(r)}`,
    )
  }
  if (kind === 2) {
    // urinalysis with microscopy
    const ua = [
      ['Color', r.pick(['Yellow', 'Amber', 'Straw'])],
      ['Clarity', r.pick(['Clear', 'Cloudy', 'Hazy'])],
      ['Specific gravity', r.pick(['1.010', '1.025', '1.030'])],
      ['pH', r.pick(['5.5', '6.0', '7.0'])],
      ['Protein', r.pick(['Negative', '1+', 'Trace'])],
      ['Glucose', r.pick(['Negative', '2+'])],
      ['Ketones', r.pick(['Negative', 'Trace'])],
      ['Blood', r.pick(['Negative', 'Moderate', 'Small'])],
      ['Nitrite', r.pick(['Negative', 'Positive'])],
      ['Leukocyte esterase', r.pick(['Negative', '2+', 'Large'])],
      ['WBC/hpf', r.pick(['0-2', '10-20', '>50'])],
      ['RBC/hpf', r.pick(['0-2', '5-10'])],
      ['Bacteria', r.pick(['None seen', 'Many', 'Few'])],
      ['Squamous epithelial', r.pick(['Few', 'Rare'])],
    ]
    return lines(
      ...headLines(r.pick(['URINALYSIS, COMPLETE WITH MICROSCOPIC', 'Urinalysis', 'UA w/ reflex to culture', 'Urine examination'])),
      ...ua.filter(() => r.chance(0.85)).map(([a, b]) => `${a!.padEnd(24)}${b}`),
      r.chance(0.5) && 'Reflex culture: sent',
    )
  }
  if (kind === 3) {
    // stool / respiratory molecular panel, or other PCR
    const targets = r.pick([
      [
        'Campylobacter',
        'Salmonella',
        'Shigella/EIEC',
        'Norovirus GI/GII',
        'Rotavirus A',
        'Giardia lamblia',
        'Clostridioides difficile toxin A/B',
        'Shiga toxin E. coli',
      ],
      ['Influenza A', 'Influenza B', 'RSV', 'SARS-CoV-2', 'Human metapneumovirus', 'Rhinovirus/Enterovirus', 'Adenovirus', 'Parainfluenza'],
      ['Chlamydia trachomatis', 'Neisseria gonorrhoeae', 'Trichomonas vaginalis', 'Mycoplasma genitalium'],
    ])
    const pos = r.chance(0.6) ? r.pick(targets) : ''
    return lines(
      ...headLines(
        r.pick([
          'MOLECULAR MICROBIOLOGY',
          'PCR Panel',
          'Nucleic Acid Amplification Test',
          'Multiplex PCR Results',
          'Infectious Disease Molecular Testing',
        ]),
      ),
      `${r.pick(['Source', 'Specimen type'])}: ${r.pick(['stool', 'nasopharyngeal swab', 'urine, first catch', 'vaginal swab'])}`,
      ...targets.map(
        (t) =>
          `${t.padEnd(36)}${t === pos ? r.pick(['DETECTED', 'Detected', 'POSITIVE']) : r.pick(['Not detected', 'NOT DETECTED', 'Negative'])}`,
      ),
      r.chance(0.5) && `${r.pick(['Method', 'Methodology'])}: ${r.pick(['real-time PCR', 'NAAT (TMA)', 'multiplex PCR'])}`,
      r.chance(0.4) && 'Positive results reported to the health department as required.',
    )
  }
  if (kind === 4) {
    // pathology in other orders: diagnosis last, addendum, frozen section, outside consult
    const site = r.pick([
      'skin, left forearm, shave',
      'breast, right, core needle biopsy',
      'colon, sigmoid, polypectomy',
      'thyroid, left lobectomy',
      'appendix, appendectomy',
      'gallbladder, cholecystectomy',
      'cervix, LEEP',
      'lung, right upper lobe wedge',
      'bladder, transurethral resection',
      'placenta',
    ])
    const dx = r.pick([
      'basal cell carcinoma, nodular type; margins free',
      'invasive ductal carcinoma, grade 2',
      'hyperplastic polyp',
      'papillary thyroid carcinoma, 1.1 cm',
      'acute appendicitis with periappendicitis',
      'chronic cholecystitis with cholelithiasis',
      'CIN 2; margins negative',
      'adenocarcinoma, acinar predominant',
      'low-grade papillary urothelial carcinoma, no muscle invasion',
      'third-trimester placenta with chorioamnionitis',
    ])
    const parts: [string, string][] = r.shuffle([
      [
        r.pick(['clinical information', 'clinical data', 'history provided']),
        r.pick(['lesion, rule out malignancy', 'mass on imaging', 'abdominal pain', 'abnormal Pap', 'screening']),
      ],
      [
        r.pick(['gross description', 'macroscopic', 'gross']),
        `${r.pick(['Received fresh', 'Received in formalin', 'Submitted in a container'])} labeled with the patient's name and "${site}", ${r.pick(['a tan-white fragment measuring 0.8 cm', 'multiple cores up to 1.6 cm', 'an organ 7.5 x 3 x 2 cm', 'an ellipse of skin 1.2 x 0.6 cm'])}. ${r.pick(['Entirely submitted.', 'Representative sections in cassettes A1-A4.', 'Margins inked.'])}`,
      ],
      [
        r.pick(['microscopic description', 'histology', 'microscopic']),
        r.pick([
          'Sections show the features summarized in the diagnosis.',
          'Immunohistochemistry: ER positive (95%), PR positive (60%), HER2 1+.',
          'Levels examined; no dysplasia.',
          'The lesion extends to 0.3 mm from the deep margin.',
        ]),
      ],
    ])
    const dxPart: [string, string] = [
      r.pick(['diagnosis', 'final pathologic diagnosis', 'pathologic diagnosis', 'interpretation']),
      `${site.toUpperCase()}: ${dx.toUpperCase()}.`,
    ]
    const body = r.chance(0.5) ? [...parts, dxPart] : [dxPart, ...parts]
    return lines(
      ...headLines(
        r.pick([
          'Surgical Pathology',
          'PATHOLOGY REPORT',
          'Histopathology Report',
          'Anatomic Pathology Report',
          'Dermatopathology Report',
          'Tissue Report',
          'Pathology Consultation (outside material)',
        ]),
      ),
      `${r.pick(['Case', 'Accession', 'Path #', 'Specimen number'])}: ${r.pick(['S', 'SP', 'AP', 'DP'])}${r.int(20, 26)}-${r.int(100, 99999)}`,
      render(r, body),
      r.chance(0.3) &&
        `${r.pick(['Frozen section', 'Intraoperative consultation'])}: ${r.pick(['benign', 'malignant, margins to follow', 'deferred to permanents'])} (called to the operating room at ${time(r)})`,
      r.chance(0.25) &&
        `ADDENDUM (${fmtDate(r, randomDate(r))}): ${r.pick(['Additional levels do not change the diagnosis.', 'Mismatch repair proteins intact.', 'HER2 FISH not amplified.'])}`,
      `${r.pick(['Pathologist', 'Signed out by', 'Electronically verified by', 'Reported by'])}: ${providerName(r)}`,
    )
  }
  if (kind === 5) {
    // cytology of many sources, narrative
    return lines(
      ...headLines(
        r.pick([
          'Cytopathology Report',
          'Cytology',
          'Fine Needle Aspiration Cytology',
          'Body Fluid Cytology',
          'Gyn Cytology Report',
          'Urine Cytology',
        ]),
      ),
      `${r.pick(['Specimen', 'Source', 'Site'])}: ${r.pick(['pleural fluid, left', 'FNA, thyroid right lobe', 'cervical ThinPrep', 'voided urine', 'FNA, neck lymph node', 'bronchial brushing', 'anal Pap'])}`,
      r.chance(0.7) &&
        `${r.pick(['Adequacy', 'Specimen adequacy'])}: ${r.pick(['satisfactory for evaluation', 'limited by blood', 'adequate'])}`,
      `${r.pick(['Result', 'Cytologic interpretation', 'Diagnosis', 'Final interpretation', 'Category'])}: ${r.pick(['negative for malignant cells; reactive mesothelial cells', 'atypia of undetermined significance (Bethesda III)', 'high-grade squamous intraepithelial lesion', 'suspicious for high-grade urothelial carcinoma', 'metastatic squamous cell carcinoma', 'NILM; Trichomonas present', 'benign; lymphocytes and histiocytes'])}`,
      r.chance(0.5) &&
        `${r.pick(['Ancillary testing', 'HPV', 'Cell block'])}: ${r.pick(['HPV 16/18 not detected, other high-risk detected', 'cell block prepared', 'molecular panel sent'])}`,
      r.chance(0.5) &&
        `${r.pick(['Recommendation', 'Comment'])}: ${r.pick(['clinical and radiologic correlation', 'repeat FNA in 3 months', 'colposcopy per guidelines', 'cystoscopy'])}`,
      `${r.pick(['Cytotechnologist', 'Screened by', 'Pathologist'])}: ${providerName(r)}`,
    )
  }
  if (kind === 6) {
    // microbiology in narrative / timeline form
    const org = r.pick([
      'Escherichia coli',
      'Staphylococcus aureus (MRSA)',
      'Pseudomonas aeruginosa',
      'Streptococcus pneumoniae',
      'Enterococcus faecium (VRE)',
      'Klebsiella oxytoca',
      'Haemophilus influenzae',
      'Coagulase-negative staphylococci',
    ])
    const drugs = r.some(
      [
        'Ampicillin',
        'Ceftriaxone',
        'Cefepime',
        'Ciprofloxacin',
        'Meropenem',
        'Nitrofurantoin',
        'Piperacillin/tazobactam',
        'Linezolid',
        'Daptomycin',
        'Doxycycline',
      ],
      r.int(3, 7),
    )
    return lines(
      ...headLines(
        r.pick([
          'Culture Report',
          'MICROBIOLOGY',
          'Wound Culture',
          'Sputum Culture',
          'Urine Culture',
          'Blood Culture Report',
          'Bacteriology Final',
        ]),
      ),
      `${r.pick(['Source', 'Specimen'])}: ${r.pick(['sputum, expectorated', 'urine, catheter', 'wound swab, sacrum', 'blood, central line', 'tissue, toe'])}`,
      r.chance(0.6) &&
        `${r.pick(['Gram stain', 'Direct smear'])}: ${r.pick(['many WBC, gram-negative rods', 'moderate gram-positive cocci in pairs', 'no organisms seen', 'few epithelial cells'])}`,
      r.chance(0.5) &&
        `${fmtDate(r, randomDate(r))} ${r.pick(['Preliminary', 'Prelim'])}: ${r.pick(['growth detected, identification to follow', 'no growth at 24 hours', 'gram-negative rods'])}`,
      `${r.pick(['Final', 'Organism', 'Identification', 'Result'])}: ${org}${r.chance(0.5) ? `, ${r.pick(['>100,000 CFU/mL', 'moderate growth', 'heavy growth', '1 of 2 sets'])}` : ''}`,
      r.pick(['Susceptibility (Kirby-Bauer):', 'Antibiotic       MIC     Interpretation', 'Sensitivities:']),
      ...drugs.map(
        (d) =>
          `  ${d.padEnd(26)}${r.pick(['<=1', '2', '>=32', '0.25', '8'])}   ${r.pick(['Susceptible', 'Resistant', 'Intermediate', 'S', 'R'])}`,
      ),
      `${r.pick(['Reviewed by', 'Microbiologist', 'Technologist'])}: ${personName(r).full}${r.chance(0.5) ? ', MLS(ASCP)' : ''}`,
    )
  }
  // short single results or a few lines, as portal printouts and draw stations send them
  const all = Object.values(PANELS).flat()
  const few = r.some(all, r.int(1, 3))
  return lines(
    r.chance(0.6) && lab,
    r.chance(0.5) && r.pick(['Lab Result', 'Test result', 'Result notification', 'Patient portal - test results', 'Outpatient lab']),
    who(r),
    `${r.pick(['Collected', 'Date'])}: ${coll}`,
    ...few.map((x) => {
      const { v, flag } = val(r, x)
      return `${r.pick(['Test', 'Analyte', ''])}${r.chance(0.5) ? ': ' : ' '}${x.name}   ${r.pick(['Result', 'Value', ''])} ${v} ${x.unit} ${flag}   ${r.pick(['Ref', 'Normal', 'Range'])} ${x.lo}-${x.hi}`.trim()
    }),
    r.chance(0.4) &&
      `${r.pick(['Reviewed by', 'Provider comment'])}: ${r.pick(['normal, no action', 'please repeat in 3 months', '______'])}`,
  )
}

// ---------------------------------------------------------------- consent forms

const CONSENT_TOPICS: [string, string, string][] = [
  [
    'CONSENT FOR BLOOD TRANSFUSION',
    'receive blood or blood products (red cells, plasma, platelets) if my doctor decides I need them',
    'fever, allergic reaction, fluid overload, and rarely infection',
  ],
  [
    'Consent to Contraceptive Implant',
    'have a contraceptive implant placed in my arm',
    'bruising, infection, irregular bleeding, difficult removal',
  ],
  [
    'Dental Treatment Consent',
    'have the dental treatment described in my treatment plan, including extractions and local anesthetic',
    'pain, swelling, dry socket, numbness',
  ],
  [
    'Consent for Steroid Joint Injection',
    'have a corticosteroid injection into my knee',
    'infection, flare of pain, skin thinning, raised blood sugar',
  ],
  [
    'Consent for Skin Biopsy / Excision',
    'have a skin lesion removed and sent to the laboratory',
    'scarring, bleeding, infection, need for further surgery',
  ],
  [
    'CONSENT TO ANESTHESIA',
    'receive general anesthesia, regional block or sedation as the anesthesiologist decides',
    'sore throat, nausea, dental injury, awareness, and rarely death',
  ],
  [
    'Consent to Participate in Research',
    'take part in the research study described to me',
    'the study drug may not help and may cause side effects',
  ],
  [
    'Consent for Medication-Assisted Treatment',
    'receive buprenorphine treatment and follow the program agreement',
    'withdrawal, constipation, overdose if combined with sedatives',
  ],
  ['Consent for Circumcision', 'have my son circumcised', 'bleeding, infection, cosmetic concerns'],
  [
    'Consent for Cardiac Catheterization',
    'have a heart catheterization and possible stent placement',
    'bleeding at the access site, kidney injury from contrast, heart attack, stroke',
  ],
  ['Consent for Dialysis', 'receive hemodialysis', 'low blood pressure, cramps, access infection'],
  ['Consent for Electroconvulsive Therapy', 'receive a course of ECT', 'memory loss, headache, muscle aches'],
  [
    'Refusal of Treatment (Against Medical Advice)',
    'refuse the treatment my doctor recommended and leave the hospital',
    'worsening illness, disability or death',
  ],
  ['Consent for Tuberculin Skin Test', 'have a TB skin test placed and read in 48-72 hours', 'redness, itching at the site'],
  ['Consent to Treatment - Urgent Care', 'be examined and treated at this urgent care center', 'as explained by the provider'],
]

/** Consent forms of other kinds and shapes: long numbered forms, short check-box forms, one-paragraph forms. */
export function consentAnyShape(r: Rng): string {
  const [title, what, risks] = r.pick(CONSENT_TOPICS)
  const org = r.chance(0.5) ? clinicName(r) : hospitalName(r)
  const p = personName(r)
  const doc = providerName(r)
  const d = fmtDate(r, randomDate(r))
  const shape = r.int(0, 3)
  const sign = lines(
    `${r.pick(['Patient signature', 'Signature', 'Signed', 'Patient/representative'])}: ${r.pick(['________________', p.full, `/s/ ${p.full}`])}   ${r.pick(['Date', 'Date/time'])}: ${d}`,
    r.chance(0.5) && `${r.pick(['Witness', 'Staff witness'])}: ${personName(r).full}`,
    r.chance(0.5) && `${r.pick(['Provider', 'Physician obtaining consent', 'Clinician'])}: ${doc}`,
  )
  if (shape === 0)
    return lines(
      r.chance(0.6) && letterhead(r, org),
      title,
      who(r),
      `1. ${r.pick(['I agree to', 'I give permission to', 'I consent to'])} ${what}.`,
      `2. ${r.pick(['The risks, including', 'Possible complications such as', 'I was told about risks including'])} ${risks}, ${r.pick(['were explained to me', 'have been discussed', 'and the benefits and alternatives were explained'])}.`,
      `3. ${r.pick(['I had the chance to ask questions.', 'My questions were answered.', 'I can change my mind at any time before it starts.'])}`,
      r.chance(0.6) &&
        `4. ${r.pick(['No guarantee has been made about the result.', 'I may withdraw this consent at any time.', 'An interpreter was offered.'])}`,
      sign,
    )
  if (shape === 1)
    return lines(
      title,
      `${r.pick(['Patient', 'Name'])}: ${p.full}`,
      `${r.pick(['I agree', 'I consent', 'Yes, I give consent'])} to ${what}. ${r.pick(['Risks explained:', 'Risks:', 'I understand the risks'])} ${risks}.`,
      `${r.pick(['[X] I agree   [ ] I do not agree', '[X] Yes  [ ] No', 'Initials: ____'])}`,
      sign,
    )
  if (shape === 2)
    return lines(
      r.chance(0.6) && org,
      r.chance(0.7) && title,
      `${r.pick([`I, ${p.full},`, 'I, the undersigned,', 'I'])} ${r.pick(['hereby consent to', 'voluntarily agree to', 'authorize the staff of ' + org + ' to have me'])} ${what}. ${r.pick(['The nature of the procedure, its benefits, its risks', 'Its purpose, risks'])} (${risks}) and ${r.pick(['alternatives, including doing nothing', 'other options'])} ${r.pick(['were explained by', 'have been discussed with me by'])} ${doc}. ${r.pick(['I understand I can refuse or stop at any time.', 'I understand this consent is voluntary.', 'I have read this form or had it read to me.'])}`,
      sign,
    )
  return lines(
    r.chance(0.6) && letterhead(r, org),
    title,
    who(r),
    `${r.pick(['Procedure/treatment', 'Treatment', 'What is planned'])}: ${what}`,
    `${r.pick(['Benefits', 'Why'])}: ${r.pick(['diagnosis', 'relief of symptoms', 'prevention', 'as discussed'])}`,
    `${r.pick(['Risks', 'Possible complications'])}: ${risks}`,
    `${r.pick(['Alternatives', 'Other options'])}: ${r.pick(['no treatment', 'medicines', 'watchful waiting', 'referral elsewhere'])}`,
    `${r.pick(['Patient statement', 'Consent'])}: ${r.pick(['I understand the above and agree.', 'I give my informed consent.', 'I have had my questions answered and consent.'])}`,
    sign,
  )
}

// ---------------------------------------------------------------- release of information

/** Release and records-transfer authorizations of many shapes: short patient requests, legal and insurer forms, two-way exchanges, portal requests. */
export function roiAnyShape(r: Rng): string {
  const p = personName(r)
  const from = r.chance(0.5) ? clinicName(r) : hospitalName(r)
  const to = r.pick([
    clinicName(r),
    hospitalName(r),
    `${personName(r).family} & ${personName(r).family}, attorneys`,
    `${r.pick(['Northstar', 'Keystone', 'Pioneer'])} Insurance Co.`,
    'Department of Veterans Affairs',
    `${r.pick(['Jefferson', 'Maple Grove'])} Middle School`,
    'my employer, human resources',
    'myself',
  ])
  const info = r
    .some(
      [
        'all records',
        'visit notes',
        'lab and x-ray results',
        'immunizations',
        'hospital records',
        'billing records',
        'mental health records',
        'dental records',
        'records from 2019 to present',
      ],
      r.int(1, 3),
    )
    .join(', ')
  const purpose = r.pick([
    'continuing care',
    'legal claim',
    'insurance application',
    'disability claim',
    'school',
    'personal records',
    'moving to a new doctor',
    'workers compensation',
  ])
  const d = randomDate(r)
  const expiry = r.pick([
    `This permission expires on ${fmtDate(r, { ...d, y: d.y + 1 })}.`,
    'Expires one year after signing.',
    'Good until the end of the school year.',
    'Valid 90 days.',
    'Ends when my claim is closed.',
  ])
  const rights = r
    .some(
      [
        'I can take back this permission in writing, except for what was already sent.',
        'Signing is not required to get treatment.',
        'Once the information is sent, the receiver may share it again and it may not be protected by federal law.',
        'I may get a copy of this form.',
        'I understand I can revoke this at any time by writing to the medical records office.',
        'My care and payment do not depend on whether I sign.',
      ],
      r.int(1, 4),
    )
    .join(' ')
  const sign = `${r.pick(['Signature', 'Patient signature', 'Signed', 'Signature of patient or representative'])}: ${r.pick(['________________', p.full])}   ${r.pick(['Date', 'Dated'])}: ${fmtDate(r, d)}`
  const shape = r.int(0, 4)
  const title = r.pick([
    'Records Release',
    'PERMISSION TO SHARE MY HEALTH INFORMATION',
    'Authorization to Obtain Records',
    'RELEASE OF MEDICAL INFORMATION',
    'Request for Transfer of Records',
    'Consent to Release Information',
    'Authorization for Exchange of Information',
    'Medical Records Request and Authorization',
    'Patient Request for Copies',
    'Authorization - Disclosure of Health Records',
  ])
  if (shape === 0)
    return lines(
      r.chance(0.5) && from,
      title,
      `I, ${p.full}, ${r.pick(['allow', 'authorize', 'give permission to', 'ask'])} ${from} to ${r.pick(['send', 'release', 'give', 'share'])} ${info} to ${to}.`,
      `${r.pick(['Reason', 'Purpose'])}: ${purpose}. ${expiry}`,
      rights,
      sign,
    )
  if (shape === 1)
    return lines(
      r.chance(0.6) && letterhead(r, from),
      title,
      who(r),
      `${r.pick(['Release from', 'Disclosing party', 'Send records from'])}: ${r.pick([from, 'any provider who has treated me'])}`,
      `${r.pick(['Release to', 'Recipient', 'Send records to'])}: ${to}`,
      `${r.pick(['Information', 'Records requested', 'What to release'])}: ${r.pick(['[X] ', '']) + info}`,
      `${r.pick(['Purpose', 'Reason for request'])}: ${purpose}`,
      `${r.pick(['Expiration', 'Expires'])}: ${expiry}`,
      r.chance(0.4) &&
        `${r.pick(['Sensitive information', 'Special categories'])}: ${r.pick(['[ ] HIV  [ ] mental health  [ ] substance use  [ ] genetic', 'I do / do not (circle) authorize release of HIV, mental health or substance use records', 'excluded unless initialed: ____'])}`,
      rights,
      sign,
      r.chance(0.4) &&
        `${r.pick(['Representative', 'Legal representative'])}: ____________   ${r.pick(['Authority', 'Relationship'])}: ____________`,
    )
  if (shape === 2)
    return lines(
      r.pick(['Online Records Request', 'Portal Request - Release of Information', 'Records Request Confirmation']),
      `${r.pick(['Confirmation', 'Request ID'])}: ${r.int(100000, 9999999)}`,
      `${r.pick(['Requester', 'Requested by'])}: ${r.pick(['patient', 'parent', 'legal guardian'])}`,
      `Patient: ${p.full}`,
      `${r.pick(['Deliver to', 'Recipient'])}: ${to}`,
      `${r.pick(['Records', 'Items'])}: ${info}`,
      `${r.pick(['Authorization expires', 'Expiration'])}: ${r.pick(['60 days', '90 days', 'one year', 'on delivery'])}`,
      `${r.pick(['E-signature', 'Electronic signature'])}: ${p.full} ${fmtDate(r, d)} ${time(r)}`,
    )
  if (shape === 3)
    return lines(
      r.chance(0.7) && letterhead(r, `${personName(r).family}, ${personName(r).family} & Partners`),
      r.pick([
        'HIPAA-COMPLIANT AUTHORIZATION',
        'AUTHORIZATION FOR RELEASE OF RECORDS (45 CFR 164.508)',
        'MEDICAL AUTHORIZATION',
        'AUTHORIZATION TO FURNISH RECORDS',
      ]),
      who(r),
      `${r.pick(['You are hereby authorized to release to', 'Please furnish to', 'I authorize any health care provider to disclose to'])} ${to}${r.pick([', or their representatives,', ''])} ${r.pick(['complete copies of', 'any and all', 'copies of'])} ${info}${r.pick([' concerning treatment after ' + fmtDate(r, randomDate(r)), '', ' including bills and films'])}.`,
      `Purpose: ${purpose}. ${expiry} ${r.pick(['A photocopy is as valid as the original.', ''])}`,
      rights,
      sign,
      r.chance(0.5) && `${r.pick(['Notary', 'Witness'])}: ____________`,
    )
  return lines(
    r.chance(0.5) && from,
    r.pick([
      'Two-Way Release',
      'AUTHORIZATION FOR MUTUAL EXCHANGE OF INFORMATION',
      'Permission to Communicate',
      'Release to Coordinate Care',
    ]),
    `${r.pick(['Client', 'Patient', 'Student'])}: ${p.full}`,
    `${r.pick(['I allow', 'I authorize', 'I permit'])} ${from} and ${to} to ${r.pick(['exchange', 'share with each other', 'talk about and exchange'])} ${info}.`,
    `${r.pick(['Purpose', 'So that'])}: ${purpose}.`,
    expiry,
    rights,
    sign,
  )
}
