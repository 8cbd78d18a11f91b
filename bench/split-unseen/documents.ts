/**
 * Outside records in house styles written for this benchmark alone, without looking at the
 * splitter, the classifier or bench/split's templates: made-up senders, their letterheads,
 * patient blocks, date pictures, signatures in different places, tables, two-column pages.
 * Each writer returns the HTML body of each page of one document; the stack puts them on
 * Letter pages. Some documents number their pages, many do not.
 */
import { addDays, ageOn, clock, fmt, serviceDate, type DateStyle } from './dates.js'
import type { UnseenPatient } from './patients.js'
import type { Rand } from './rand.js'

export type DocType =
  | 'lab_report'
  | 'radiology_report'
  | 'discharge_summary'
  | 'history_and_physical'
  | 'consult_note'
  | 'operative_report'
  | 'progress_note'
  | 'referral_letter'
  | 'emergency_report'
  | 'immunization_record'

export interface Doc {
  type: DocType
  sender: string
  patient: UnseenPatient
  /** One HTML body per page. */
  pages: string[]
  /** Whether the pages print "x of N" in some form. */
  numbered: boolean
}

export interface WriteOptions {
  /** Pages wanted for writers that can run long (discharge summaries, H&Ps, operative reports). */
  pages?: number
  /** Force page numbering on or off. */
  numbered?: boolean
  /** A date of service (YYYY-MM-DD); otherwise one is drawn. */
  date?: string
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const full = (p: UnseenPatient) => `${p.given} ${p.middle}. ${p.family}`
const lastFirst = (p: UnseenPatient) => `${p.family.toUpperCase()}, ${p.given.toUpperCase()} ${p.middle}`
const he = (p: UnseenPatient) => (p.sex === 'F' ? 'she' : 'he')
const His = (p: UnseenPatient) => (p.sex === 'F' ? 'Her' : 'His')
const his = (p: UnseenPatient) => (p.sex === 'F' ? 'her' : 'his')
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)
const para = (xs: string[]) => xs.map((x) => `<p>${x}</p>`).join('')

/** Clinicians of the made-up senders. */
const DOCTORS = [
  'Priya Raghunathan, MD',
  'Walter J. Okafor, DO',
  'Ines Carvalho, MD',
  'Bernard Ylvisaker, MD',
  'Sunniva Haugland, MD',
  'Gideon Achebe-Morris, MD',
  'Teodora Malinowska, MD',
  'Rashid Al-Khoury, MD',
  'Colleen Breathnach, NP',
  'Anselm Rutherford, PA-C',
]

// ---------------------------------------------------------------- lab report

const CHEM: [string, string, [number, number], number][] = [
  ['Sodium', 'mmol/L', [136, 145], 0],
  ['Potassium', 'mmol/L', [3.5, 5.1], 1],
  ['Chloride', 'mmol/L', [98, 107], 0],
  ['Carbon dioxide', 'mmol/L', [22, 29], 0],
  ['Urea nitrogen', 'mg/dL', [7, 20], 0],
  ['Creatinine', 'mg/dL', [0.6, 1.2], 2],
  ['Glucose, fasting', 'mg/dL', [70, 99], 0],
  ['Calcium', 'mg/dL', [8.6, 10.3], 1],
  ['Albumin', 'g/dL', [3.5, 5.0], 1],
  ['Alkaline phosphatase', 'U/L', [40, 129], 0],
  ['ALT (SGPT)', 'U/L', [7, 52], 0],
  ['AST (SGOT)', 'U/L', [13, 39], 0],
  ['Bilirubin, total', 'mg/dL', [0.2, 1.2], 1],
]
const HEME: [string, string, [number, number], number][] = [
  ['White cell count', 'x10^3/uL', [4.0, 10.5], 1],
  ['Red cell count', 'x10^6/uL', [4.1, 5.6], 2],
  ['Hemoglobin', 'g/dL', [12.0, 16.5], 1],
  ['Hematocrit', '%', [36, 49], 1],
  ['MCV', 'fL', [80, 99], 0],
  ['Platelets', 'x10^3/uL', [150, 400], 0],
  ['Neutrophils', '%', [40, 74], 0],
  ['Lymphocytes', '%', [19, 48], 0],
]
const LIPID: [string, string, [number, number], number][] = [
  ['Cholesterol, total', 'mg/dL', [100, 199], 0],
  ['Triglycerides', 'mg/dL', [0, 149], 0],
  ['HDL cholesterol', 'mg/dL', [40, 90], 0],
  ['LDL cholesterol, calc', 'mg/dL', [0, 99], 0],
  ['Hemoglobin A1c', '%', [4.0, 5.6], 1],
  ['TSH, 3rd generation', 'uIU/mL', [0.45, 4.5], 2],
]

function labRows(r: Rand, panel: typeof CHEM) {
  return panel.map(([name, units, [lo, hi], dp]) => {
    const span = hi - lo
    const v = r.chance(0.2) ? (r.chance(0.5) ? hi + span * r.next() * 0.4 : Math.max(0, lo - span * r.next() * 0.3)) : lo + span * r.next()
    const flag = v > hi ? 'H' : v < lo ? 'L' : ''
    return { name, units, value: v.toFixed(dp), range: `${lo.toFixed(dp)} - ${hi.toFixed(dp)}`, flag }
  })
}

/** Bluewater Reference Laboratory: a boxed patient grid, ISO times, a results table with a flag column, no page numbers. */
function labBluewater(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const panels = r.pick([
    ['COMPREHENSIVE METABOLIC PANEL', CHEM],
    ['COMPLETE BLOOD COUNT WITH DIFFERENTIAL', HEME],
    ['LIPID PANEL / A1C / TSH', LIPID],
  ] as const)
  const rows = labRows(r, panels[1] as typeof CHEM)
  const acc = `BW-${d.slice(2, 4)}${d.slice(5, 7)}-${r.int(10000, 99999)}`
  const ordering = r.pick(DOCTORS)
  const html = `
  <div class="lh-bluewater"><b>BLUEWATER REFERENCE LABORATORY</b><br><span>2290 Tidewater Parkway, Suite 4 &middot; Port Halden, OR 97399 &middot; CLIA 38D2210947 &middot; Client services (541) 555-0188</span></div>
  <table class="grid">
    <tr><td>Patient<br><b>${lastFirst(p)}</b></td><td>Date of birth<br><b>${fmt(p.birthDate, 'iso')}</b></td><td>Sex<br><b>${p.sex}</b></td><td>Patient ID<br><b>${p.labId}</b></td></tr>
    <tr><td>Accession<br><b>${acc}</b></td><td>Collected<br><b>${d} ${clock(r)}</b></td><td>Received<br><b>${d} ${clock(r)}</b></td><td>Reported<br><b>${addDays(d, 1)} ${clock(r)}</b></td></tr>
    <tr><td colspan="2">Ordering clinician<br><b>${esc(ordering)}</b></td><td colspan="2">Client<br><b>Cedar Hollow Community Health Center</b></td></tr>
  </table>
  <h3 class="panel">${panels[0]}</h3>
  <table class="results">
    <tr><th>Analyte</th><th>Result</th><th>Flag</th><th>Units</th><th>Reference interval</th></tr>
    ${rows.map((x) => `<tr><td>${x.name}</td><td>${x.value}</td><td>${x.flag}</td><td>${x.units}</td><td>${x.range}</td></tr>`).join('')}
  </table>
  <p class="small">Specimen: ${r.pick(['serum', 'whole blood, EDTA', 'plasma, lithium heparin'])}. ${r.pick(['Fasting status: fasting.', 'Fasting status: not stated.', 'Specimen slightly hemolyzed; potassium may be falsely raised.'])}</p>
  <p class="small">Results reviewed and released by the laboratory. Medical director: Okwudili Nnamdi, MD, PhD.</p>
  <p class="small endmark">*** End of report ${acc} ***</p>`
  return { type: 'lab_report', sender: 'bluewater-lab', patient: p, pages: [html], numbered: false }
}

/** A hospital's microbiology and urinalysis printout in monospace with dotted leaders, no table lines. */
function labKestrelMicro(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const org = r.pick(['Escherichia coli', 'Klebsiella pneumoniae', 'Enterococcus faecalis', 'Proteus mirabilis'])
  const count = r.pick(['&gt;100,000', '50,000 - 100,000'])
  const ab = ['Ampicillin', 'Cefazolin', 'Ceftriaxone', 'Ciprofloxacin', 'Nitrofurantoin', 'Trimethoprim/Sulfa', 'Gentamicin']
  const line = (a: string, b: string) => `${a.padEnd(34, '.')} ${b}`
  const html = `
  <pre class="mono">
KESTREL VALLEY HEALTH  -  CLINICAL LABORATORY SERVICES
Microbiology / Urinalysis                         Lab phone 208-555-0143

PT NAME: ${lastFirst(p).padEnd(30)} HOSP#: ${p.hospitalMrn}
BIRTHDATE: ${fmt(p.birthDate, 'upper').padEnd(28)} SEX: ${p.sex}   LOC: OUTPT
ORDER#: ${String(r.int(1000000, 9999999)).padEnd(30)} ORD DR: ${esc(r.pick(DOCTORS)).toUpperCase()}
COLL: ${fmt(d, 'upper')} ${clock(r)}     RECD: ${fmt(d, 'upper')} ${clock(r)}

URINALYSIS, COMPLETE
${line('  Color', 'YELLOW')}
${line('  Clarity', r.pick(['CLOUDY', 'SL CLOUDY']))}
${line('  Specific gravity', '1.0' + r.int(12, 28))}
${line('  pH', String(r.pick([5.5, 6.0, 6.5, 7.0])))}
${line('  Leukocyte esterase', r.pick(['2+', '3+']) + '   (A)')}
${line('  Nitrite', r.pick(['POSITIVE   (A)', 'NEGATIVE']))}
${line('  WBC /hpf', r.int(20, 60) + '   (H)   ref 0-5')}
${line('  RBC /hpf', r.int(0, 8) + '         ref 0-3')}
${line('  Bacteria', r.pick(['MANY', 'MODERATE']))}

URINE CULTURE                            FINAL ${fmt(addDays(d, 2), 'upper')}
  Colony count: ${count} CFU/mL
  Organism 1:   ${org}

  SUSCEPTIBILITY (MIC, ug/mL)     INTERP
${ab.map((a) => `  ${a.padEnd(24)} ${r.pick(['&lt;=2', '4', '&lt;=16', '&gt;=32', '&lt;=0.25', '8']).padEnd(8)} ${r.pick(['S', 'S', 'S', 'R', 'I'])}`).join('\n')}

  S = susceptible  I = intermediate  R = resistant
  Verified by: MLS(ASCP) tech ${r.int(100, 999)}
  </pre>`
  return { type: 'lab_report', sender: 'kestrel-micro', patient: p, pages: [html], numbered: false }
}

// ---------------------------------------------------------------- imaging

const STUDIES: { exam: string; history: string; findings: string[]; impression: string[] }[] = [
  {
    exam: 'CT ABDOMEN AND PELVIS WITH IV CONTRAST',
    history: 'Right lower quadrant pain for three days, low-grade fever.',
    findings: [
      'Liver, gallbladder, spleen, pancreas and adrenal glands are unremarkable.',
      'Kidneys enhance symmetrically without hydronephrosis or calculus.',
      'The appendix measures 6 mm and fills with oral contrast; no periappendiceal stranding.',
      'Scattered sigmoid diverticula without surrounding inflammation.',
      'No free air, no free fluid, no enlarged lymph nodes.',
      'Mild degenerative change of the lower lumbar spine.',
    ],
    impression: ['No acute process in the abdomen or pelvis. Normal appendix.', 'Sigmoid diverticulosis without diverticulitis.'],
  },
  {
    exam: 'MRI LUMBAR SPINE WITHOUT CONTRAST',
    history: 'Low back pain radiating to the left leg for six weeks despite physical therapy.',
    findings: [
      'Alignment is preserved. Vertebral body heights are maintained.',
      'Conus terminates normally at L1.',
      'L3-L4: mild disc bulge, no stenosis.',
      'L4-L5: left paracentral disc extrusion contacting the traversing left L5 nerve root; moderate left lateral recess narrowing.',
      'L5-S1: facet arthropathy, mild bilateral foraminal narrowing.',
    ],
    impression: [
      'Left paracentral L4-L5 disc extrusion contacting the left L5 root, which may explain the symptoms.',
      'Mild degenerative change elsewhere.',
    ],
  },
  {
    exam: 'US THYROID',
    history: 'Palpable nodule on examination.',
    findings: [
      'Right lobe 4.9 x 1.8 x 1.6 cm. Left lobe 4.5 x 1.5 x 1.4 cm. Isthmus 3 mm.',
      'Right mid-pole nodule 1.4 cm, solid, isoechoic, smooth margins, no echogenic foci (TI-RADS 3).',
      'Two subcentimeter spongiform nodules in the left lobe (TI-RADS 1).',
      'No abnormal cervical lymph nodes.',
    ],
    impression: [
      'Right thyroid nodule 1.4 cm, TI-RADS 3: fine-needle aspiration is recommended at 2.5 cm or more; follow-up ultrasound in one year.',
    ],
  },
  {
    exam: 'XR CHEST PA AND LATERAL',
    history: 'Cough and shortness of breath, former smoker.',
    findings: [
      'Heart size is normal. Mediastinal contours are within normal limits.',
      'Hyperinflated lungs with flattened hemidiaphragms.',
      'Patchy opacity in the right lower lobe, new compared with the prior study.',
      'No pleural effusion or pneumothorax. No acute osseous abnormality.',
    ],
    impression: [
      'Right lower lobe opacity, likely pneumonia in the clinical setting; recommend follow-up radiograph in 6-8 weeks to document resolution.',
      'Emphysematous change.',
    ],
  },
]

/** Ironwood Imaging Partners: a centered serif letterhead, the exam as a banner, sign-off at the bottom right. */
function imagingIronwood(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const s = r.pick(STUDIES)
  const rad = r.pick(['Margit Stolberg, MD', 'Kwabena Asante, MD', 'Lorraine Feeney, MD'])
  const html = `
  <div class="lh-ironwood">IRONWOOD IMAGING PARTNERS<br><small>Diagnostic Radiology &middot; 41 Foundry Row &middot; Millbrook, PA 17899 &middot; Tel 717-555-0101 &middot; Fax 717-555-0102</small></div>
  <table class="kv">
    <tr><td>Patient:</td><td>${esc(full(p))}</td><td>DOB:</td><td>${fmt(p.birthDate, 'monthd')}</td></tr>
    <tr><td>Exam date:</td><td>${fmt(d, 'monthd')}</td><td>Referring:</td><td>${esc(r.pick(DOCTORS))}</td></tr>
    <tr><td>Accession:</td><td>IIP${r.int(1000000, 9999999)}</td><td>Location:</td><td>Millbrook outpatient</td></tr>
  </table>
  <div class="exambar">${s.exam}</div>
  <p><b>Clinical history:</b> ${s.history}</p>
  <p><b>Comparison:</b> ${r.pick(['None available.', `Prior study of ${fmt(addDays(d, -r.int(100, 700)), 'monthd')}.`])}</p>
  <p><b>Technique:</b> ${r.pick(['Standard departmental protocol.', 'Multiplanar images were obtained per protocol.', 'Routine views were obtained.'])}</p>
  <p><b>Findings:</b></p>${para(s.findings)}
  <p><b>Impression:</b></p><ol>${s.impression.map((x) => `<li>${x}</li>`).join('')}</ol>
  <div class="sig-right">Electronically signed by ${rad}<br>${fmt(d, 'monthd')} at ${clock(r)}</div>`
  return { type: 'radiology_report', sender: 'ironwood-imaging', patient: p, pages: [html], numbered: false }
}

/** A hospital radiology department's terse report: patient strip in a grey bar, signature block first. */
function imagingTamarack(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const s = r.pick(STUDIES)
  const html = `
  <div class="strip">${lastFirst(p)} &nbsp;|&nbsp; DOB ${fmt(p.birthDate, 'us')} &nbsp;|&nbsp; MRN ${p.hospitalMrn} &nbsp;|&nbsp; Tamarack General Hospital - Radiology</div>
  <p class="small">FINAL &middot; Read by ${r.pick(['Dr. S. Verhoeven', 'Dr. A. Lindqvist', 'Dr. T. Oyelaran'])} &middot; Signed ${fmt(d, 'us')} ${clock(r)} &middot; Ordered by ${esc(r.pick(DOCTORS))}</p>
  <h2 class="plain">${s.exam.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase())}</h2>
  <p>INDICATION: ${s.history}</p>
  <p>RESULT: ${s.findings.join(' ')}</p>
  <p>CONCLUSION: ${s.impression.join(' ')}</p>
  <p class="small">Critical results policy: none required for this study.</p>`
  return { type: 'radiology_report', sender: 'tamarack-radiology', patient: p, pages: [html], numbered: false }
}

// ---------------------------------------------------------------- discharge summary

const ADMISSIONS = [
  {
    dx: 'Community-acquired pneumonia, right lower lobe, with acute hypoxic respiratory failure',
    course: [
      'Admitted from the emergency department on 3 L nasal cannula. Blood cultures were drawn and ceftriaxone with azithromycin started.',
      'Oxygen was weaned to room air by hospital day 3. Blood cultures stayed negative. Procalcitonin fell from 2.4 to 0.6.',
      'Antibiotics were changed to oral cefpodoxime on day 4 to complete seven days in all.',
      'Ambulated in the hallway with saturations of 93% or more before discharge.',
    ],
  },
  {
    dx: 'Acute decompensated heart failure with reduced ejection fraction (EF 30%)',
    course: [
      'Presented with orthopnea and 6 kg weight gain. Diuresed with IV furosemide 40 mg twice daily, net negative 5.2 L.',
      'Echocardiogram showed global hypokinesis, EF 30%, moderate mitral regurgitation.',
      'Sacubitril/valsartan started at low dose and tolerated; metoprolol succinate continued; spironolactone added.',
      'Potassium and creatinine were stable on the final two days. Discharge weight 81.4 kg.',
    ],
  },
  {
    dx: 'Diabetic ketoacidosis, type 1 diabetes mellitus, precipitated by missed insulin doses',
    course: [
      'Admitted to the step-down unit on an insulin infusion with glucose 486 and anion gap 24.',
      'Gap closed within 14 hours; transitioned to basal-bolus insulin with overlap.',
      'Seen by diabetes education; the insulin pump supplies issue was resolved with the pharmacy.',
      'Tolerating a regular diet with fingerstick glucose between 110 and 190 at discharge.',
    ],
  },
  {
    dx: 'Acute calculous cholecystitis, status post laparoscopic cholecystectomy',
    course: [
      'Right upper quadrant pain with positive Murphy sign; ultrasound showed gallstones with wall thickening.',
      'Started on piperacillin-tazobactam. General surgery performed laparoscopic cholecystectomy on hospital day 2 without complication.',
      'Diet advanced the same evening. Pain controlled with oral medication.',
      'Liver tests normalised before discharge.',
    ],
  },
]

const MEDS = [
  'Metoprolol succinate 50 mg by mouth daily',
  'Atorvastatin 40 mg by mouth nightly',
  'Lisinopril 10 mg by mouth daily',
  'Furosemide 40 mg by mouth daily',
  'Cefpodoxime 200 mg by mouth twice daily for 3 more days',
  'Insulin glargine 22 units under the skin at bedtime',
  'Insulin lispro per sliding scale with meals',
  'Acetaminophen 650 mg by mouth every 6 hours as needed for pain',
  'Apixaban 5 mg by mouth twice daily',
  'Pantoprazole 40 mg by mouth daily before breakfast',
  'Spironolactone 25 mg by mouth daily',
  'Docusate 100 mg by mouth twice daily while on opioids',
]

const FOLLOW = [
  'Primary care follow-up within 7 days; basic metabolic panel at that visit.',
  'Cardiology clinic in 2 weeks for titration of heart failure therapy.',
  'Return to the emergency department for chest pain, fainting, shortness of breath at rest or weight gain of more than 1 kg in a day.',
  'Repeat chest radiograph in 6 to 8 weeks.',
  'Surgical clinic for wound check in 10 to 14 days.',
  'Pending at discharge: final blood culture report; the clinic will be called with any growth.',
]

/**
 * Kestrel Valley Health discharge summary: two-column header (patient box left, stay box right),
 * small-caps section heads, 2-4 pages; later pages carry a thin running line with the name and
 * "sheet x/y", or nothing at all.
 */
function dischargeKestrel(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const n = Math.max(2, Math.min(4, o.pages ?? r.int(2, 3)))
  const numbered = o.numbered ?? r.chance(0.5)
  const adm = o.date ?? serviceDate(r)
  const dis = addDays(adm, r.int(3, 8))
  const a = r.pick(ADMISSIONS)
  const att = r.pick(DOCTORS)
  const ds: DateStyle = 'upper'
  const foot = (i: number) => (numbered ? `<div class="foot-c">KVH discharge summary &middot; sheet ${i} of ${n}</div>` : '')
  const run = (i: number) =>
    numbered || r.chance(0.5)
      ? `<div class="runner">${esc(p.family)}, ${esc(p.given)} &middot; ${p.hospitalMrn} &middot; discharged ${fmt(dis, ds)}</div>`
      : ''
  const meds = r.shuffle(MEDS).slice(0, r.int(6, 9))
  const exam = [
    'General: alert, oriented, no distress.',
    'Heart: regular rhythm, no murmur.',
    'Lungs: faint crackles at the right base, otherwise clear.',
    'Abdomen: soft, healing port sites where applicable.',
    'Extremities: trace ankle edema.',
  ]
  const page1 = `
  <div class="lh-kestrel"><b>Kestrel Valley Health</b> &middot; Department of Hospital Medicine<br><small>1 Riverside Drive, Kestrel Falls, ID 83899 &middot; Health Information 208-555-0140</small></div>
  <h1 class="smallcaps">Discharge Summary</h1>
  <div class="twocol-box">
    <div><b>${lastFirst(p)}</b><br>Born ${fmt(p.birthDate, ds)} (${ageOn(p.birthDate, adm)} y), ${p.sex === 'F' ? 'female' : 'male'}<br>Hospital no. ${p.hospitalMrn}</div>
    <div>Admitted ${fmt(adm, ds)}<br>Discharged ${fmt(dis, ds)}<br>Attending: ${esc(att)}</div>
  </div>
  <h3 class="smallcaps">Principal diagnosis</h3><p>${a.dx}.</p>
  <h3 class="smallcaps">Secondary diagnoses</h3><p>${r.shuffle(['Hypertension', 'Hyperlipidemia', 'Chronic kidney disease stage 3a', 'Obstructive sleep apnea on CPAP', 'Gastroesophageal reflux', 'Osteoarthritis of both knees']).slice(0, 3).join('; ')}.</p>
  <h3 class="smallcaps">Hospital course</h3>${para(a.course.slice(0, 2))}`
  const pages = [page1]
  const rest: string[] = [
    `${para(a.course.slice(2))}<h3 class="smallcaps">Condition at discharge</h3><p>Stable. Discharged ${r.pick(['home with family', 'home with home health nursing', 'to a skilled nursing facility'])}.</p><h3 class="smallcaps">Examination on the day of discharge</h3>${para(exam)}`,
    `<h3 class="smallcaps">Medications at discharge</h3><ul>${meds.map((m) => `<li>${m}</li>`).join('')}</ul><p>Stopped: ${r.pick(['amlodipine (low blood pressure)', 'ibuprofen (kidney function)', 'none'])}.</p>`,
    `<h3 class="smallcaps">Follow-up and instructions</h3><ul>${r
      .shuffle(FOLLOW)
      .slice(0, 4)
      .map((m) => `<li>${m}</li>`)
      .join(
        '',
      )}</ul><p>Diet: ${r.pick(['2 g sodium, 1.5 L fluid', 'carbohydrate-consistent', 'regular as tolerated'])}. Activity: as tolerated.</p>`,
  ]
  const sign = `<div class="sig-left">${esc(att)}<br>Hospital Medicine &middot; electronically authenticated ${fmt(dis, ds)} ${clock(r)}<br>cc: Cedar Hollow Community Health Center</div>`
  // Fold the remaining sections onto n-1 pages.
  const chunks: string[][] = Array.from({ length: n - 1 }, () => [])
  rest.forEach((s, i) => chunks[Math.min(n - 2, Math.floor((i * (n - 1)) / rest.length))]!.push(s))
  for (let i = 0; i < chunks.length; i++) {
    const body = chunks[i]!.join('') || '<p>(Intentionally continued.)</p>'
    pages.push(`${run(i + 2)}${body}${i === chunks.length - 1 ? sign : ''}`)
  }
  return { type: 'discharge_summary', sender: 'kestrel-discharge', patient: p, pages: pages.map((b, i) => b + foot(i + 1)), numbered }
}

/** A small community hospital's one- or two-page summary in a plain memo form, "continued" notes, signature at the top. */
function dischargeLarchmont(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const n = Math.max(1, Math.min(2, o.pages ?? r.int(1, 2)))
  const adm = o.date ?? serviceDate(r)
  const dis = addDays(adm, r.int(2, 5))
  const a = r.pick(ADMISSIONS)
  const meds = r.shuffle(MEDS).slice(0, 5)
  const p1 = `
  <div class="memo-head"><span>LARCHMONT COMMUNITY HOSPITAL</span><span>Hospital Discharge Record</span></div>
  <p class="small">Signed: ${esc(r.pick(DOCTORS))} on ${fmt(dis, 'us')} &middot; Status: final</p>
  <table class="kv">
    <tr><td>Name</td><td>${esc(p.given)} ${esc(p.family)}</td><td>Birth date</td><td>${fmt(p.birthDate, 'us')}</td></tr>
    <tr><td>Account</td><td>LCH${r.int(100000, 999999)}</td><td>Stay</td><td>${fmt(adm, 'us')} to ${fmt(dis, 'us')}</td></tr>
  </table>
  <p><b>Why ${he(p)} was here.</b> ${a.dx}.</p>
  <p><b>What happened.</b> ${a.course.join(' ')}</p>
  ${n === 2 ? '<p class="small right">(continued)</p>' : `<p><b>Going home on.</b> ${meds.join('; ')}.</p><p><b>Next steps.</b> ${r.shuffle(FOLLOW).slice(0, 2).join(' ')}</p>`}`
  const pages = [p1]
  if (n === 2)
    pages.push(
      `<p class="small">${esc(p.family)}, ${esc(p.given)} - discharge record, continued</p><p><b>Going home on.</b></p><ul>${meds.map((m) => `<li>${m}</li>`).join('')}</ul><p><b>Next steps.</b> ${r.shuffle(FOLLOW).slice(0, 3).join(' ')}</p><p><b>Diet and activity.</b> As tolerated; no driving while taking opioid pain medicine.</p>`,
    )
  return { type: 'discharge_summary', sender: 'larchmont-discharge', patient: p, pages, numbered: false }
}

// ---------------------------------------------------------------- consult note (letter back)

const CONSULT_TOPICS = [
  {
    clinic: 'Sierra Pines Cardiology Associates',
    reason: 'palpitations and an irregular pulse found at ' + 'a routine visit',
    findings:
      'The ECG today shows atrial fibrillation with a controlled ventricular rate of 78. The echocardiogram shows a normal left ventricle and a mildly dilated left atrium.',
    plan: [
      'Start apixaban 5 mg twice daily; CHA2DS2-VASc score is 3.',
      'Continue metoprolol succinate 50 mg daily for rate control.',
      'Two-week ambulatory monitor to judge the burden.',
      'I will see the patient again in three months, sooner if symptoms change.',
    ],
  },
  {
    clinic: 'Lakeshore Gastroenterology',
    reason: 'iron-deficiency anemia and intermittent dark stools',
    findings:
      'Upper endoscopy today showed a 9 mm clean-based gastric ulcer; biopsies were taken for Helicobacter. Colonoscopy to the terminal ileum showed two small tubular-appearing polyps, removed.',
    plan: [
      'Pantoprazole 40 mg twice daily for eight weeks, then once daily.',
      'Stop naproxen; acetaminophen instead for joint pain.',
      'Treat Helicobacter if the biopsies are positive; I will send the results to you.',
      'Repeat endoscopy in 8 to 12 weeks to document healing.',
    ],
  },
  {
    clinic: 'Northgate Neurology Group',
    reason: 'new headaches with visual aura',
    findings: 'The neurological examination is normal, including fundi. The MRI brain you ordered is normal.',
    plan: [
      'The history fits migraine with aura; combined hormonal contraception should be avoided.',
      'Start propranolol 20 mg twice daily as prevention, increasing to 40 mg twice daily after two weeks.',
      'Limit acute medication to ten days a month.',
      'Headache diary; follow-up here in ten weeks.',
    ],
  },
]

/** A specialist's letter back to the referring clinician: no title, salutation, Re line, signature at the bottom left; a second page headed "Page 2 - Re: ..." or nothing. */
function consultLetter(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const t = r.pick(CONSULT_TOPICS)
  const me = r.pick(DOCTORS)
  const to = r.pick(['Dr. Helena Ostrowski', 'Dr. Samuel Oduya', 'Ms. Colleen Breathnach, NP'])
  const two = (o.pages ?? r.int(1, 2)) >= 2
  const numbered = o.numbered ?? (two && r.chance(0.5))
  const intro = `<p>Dear ${to.replace(/, NP$/, '')},</p>
  <p>Thank you for asking me to see ${esc(p.given)}, a ${ageOn(p.birthDate, d)}-year-old ${p.sex === 'F' ? 'woman' : 'man'} you referred for ${t.reason}. I saw ${p.sex === 'F' ? 'her' : 'him'} in clinic on ${fmt(d, 'dmon')}.</p>
  <p>${His(p)} story: symptoms began about ${r.int(2, 10)} weeks ago. ${cap(he(p))} ${r.pick(['has no chest pain or fainting', 'has lost no weight', 'has had no fevers'])}, and ${r.pick(['sleeps well', 'works full time', 'walks a mile a day'])}. ${His(p)} medicines are as in your letter.</p>
  <p>On examination blood pressure was ${r.int(112, 148)}/${r.int(68, 92)}, pulse ${r.int(60, 96)}. ${t.findings}</p>`
  const plan = `<p>My suggestions:</p><ol>${t.plan.map((x) => `<li>${x}</li>`).join('')}</ol>
  <p>Please do not hesitate to call me if there is anything further I can do.</p>
  <p>With kind regards,</p><p class="sigline">${esc(me)}<br>${t.clinic}</p>`
  const head = `
  <div class="lh-letter"><div class="lh-name">${t.clinic}</div><div class="lh-addr">880 Meridian Avenue, Suite 300<br>Coral Bend, FL 33999<br>T 305-555-0177 &middot; F 305-555-0178</div></div>
  <p>${fmt(d, 'monthd')}</p>
  <p>${esc(to)}<br>Cedar Hollow Community Health Center<br>12 Mill Lane, Cedar Hollow</p>
  <p class="re"><b>Re: ${esc(full(p))}, date of birth ${fmt(p.birthDate, 'us')}</b></p>`
  const pages = two
    ? [
        head + intro + (numbered ? '<div class="foot-r">Page 1 of 2</div>' : ''),
        `<p class="small">${numbered ? 'Page 2 of 2 - ' : ''}Re: ${esc(full(p))}</p>` + plan,
      ]
    : [head + intro + plan]
  return { type: 'consult_note', sender: 'consult-letter', patient: p, pages, numbered }
}

// ---------------------------------------------------------------- referral letter

/** An outside practice's referral form: check boxes, a two-column table of fields, a signature line at the bottom. */
function referralEastbrook(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const spec = r.pick(['Endocrinology', 'Orthopaedics', 'Dermatology', 'Behavioral Health', 'Pulmonology'])
  const reason = r.pick([
    'Thyroid nodule on ultrasound, TSH normal. Please evaluate for biopsy.',
    'Right knee pain and locking after a twisting injury; MRI shows a medial meniscus tear.',
    'Changing pigmented lesion on the left shoulder, 7 mm, irregular border.',
    'Depression with panic attacks, PHQ-9 of 17, not improved on sertraline 100 mg.',
    'Persistent cough and a 9 mm nodule in the right upper lobe on CT.',
  ])
  const box = (on: boolean) => (on ? '[X]' : '[ &nbsp;]')
  const urgent = r.chance(0.3)
  const html = `
  <div class="lh-eastbrook"><b>EASTBROOK FAMILY PRACTICE</b> &nbsp; 77 Quarry Road, Eastbrook, VT 05999 &nbsp; Ph 802-555-0123 &nbsp; Fax 802-555-0124</div>
  <h2 class="boxed">Request for Specialist Consultation</h2>
  <table class="form">
    <tr><td>Date of request</td><td>${fmt(d, 'us')}</td></tr>
    <tr><td>Patient name</td><td>${esc(p.family)}, ${esc(p.given)} ${p.middle}</td></tr>
    <tr><td>Date of birth / sex</td><td>${fmt(p.birthDate, 'us')} / ${p.sex}</td></tr>
    <tr><td>Referred to</td><td>${spec}, Cedar Hollow Community Health Center</td></tr>
    <tr><td>Referring clinician</td><td>${esc(r.pick(DOCTORS))}</td></tr>
    <tr><td>Insurance</td><td>${r.pick(['Medicaid', 'Blue Meadow PPO', 'Medicare Part B', 'Self-pay'])}</td></tr>
  </table>
  <p>Urgency: ${box(!urgent)} Routine &nbsp; ${box(urgent)} Urgent (within 2 weeks) &nbsp; ${box(false)} Emergent</p>
  <p>Service requested: ${box(true)} Evaluate and advise &nbsp; ${box(r.chance(0.5))} Evaluate and treat &nbsp; ${box(false)} Procedure only</p>
  <p><b>Reason for referral:</b> ${reason}</p>
  <p><b>Pertinent history:</b> ${r.pick(['Hypertension, type 2 diabetes.', 'No significant past history.', 'Asthma since childhood; former smoker, 20 pack-years.'])} Allergies: ${r.pick(['none known', 'penicillin (rash)', 'sulfa'])}.</p>
  <p><b>Enclosed:</b> ${box(true)} Last office note &nbsp; ${box(r.chance(0.6))} Imaging report &nbsp; ${box(r.chance(0.5))} Lab results</p>
  <p style="margin-top:0.5in">Referring clinician signature: <span class="scrawl">${esc(r.pick(DOCTORS).split(',')[0]!)}</span> &nbsp;&nbsp; Date: ${fmt(d, 'us')}</p>`
  return { type: 'referral_letter', sender: 'eastbrook-referral', patient: p, pages: [html], numbered: false }
}

/** A short referral letter from a school-based clinic: block letter, no letterhead rule, signature under "Sincerely". */
function referralLetterPlain(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const html = `
  <p class="right">Harrow Street Health Partners<br>402 Harrow Street<br>Glenmore, WI 53999<br>${fmt(d, 'dmon')}</p>
  <p>To the Intake Coordinator<br>Cedar Hollow Community Health Center</p>
  <p><b>Referral: ${esc(p.given)} ${esc(p.family)} (born ${fmt(p.birthDate, 'dmon')})</b></p>
  <p>I am writing to refer the above patient to your ${r.pick(['diabetes self-management program', 'podiatry clinic', 'nutrition service', "women's health clinic", 'medication-assisted treatment program'])}. ${cap(he(p))} is moving to your area next month and would like to continue care closer to home.</p>
  <p>${His(p)} active problems are ${r.shuffle(['type 2 diabetes with A1c 8.9%', 'peripheral neuropathy', 'hypertension', 'obesity (BMI 36)', 'opioid use disorder in remission on buprenorphine', 'iron-deficiency anemia']).slice(0, 3).join(', ')}. Current medicines are listed on the enclosed summary.</p>
  <p>I would be grateful if you could see ${p.sex === 'F' ? 'her' : 'him'} and take over ${his(p)} care. Please call our office with any questions; we will send further records on request.</p>
  <p>Sincerely,</p>
  <p class="sigline">${esc(r.pick(DOCTORS))}<br>Harrow Street Health Partners &middot; 608-555-0192</p>`
  return { type: 'referral_letter', sender: 'harrow-referral', patient: p, pages: [html], numbered: false }
}

// ---------------------------------------------------------------- progress note

/** Cedar-style SOAP visit note from an outside clinic: signed at the top, S/O/A/P letters in a margin column. */
function progressSoap(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const topic = r.pick([
    {
      s: 'Here for blood pressure follow-up. Home readings 130s-140s over 80s. No headache, chest pain or swelling. Taking lisinopril daily.',
      a: 'Hypertension, not at goal.',
      p: 'Increase lisinopril to 20 mg daily. Basic metabolic panel in 2 weeks. Return in 6 weeks with home log.',
    },
    {
      s: 'Follow-up of low back pain. Better with physical therapy, now 3/10. Sleeping through the night. No leg weakness or bladder change.',
      a: 'Mechanical low back pain, improving.',
      p: 'Continue home exercises. Naproxen as needed with food, no more than 10 days a month. Return as needed.',
    },
    {
      s: 'Diabetes check. Misses evening metformin some days. Fasting sugars 140-170. Feet feel fine.',
      a: 'Type 2 diabetes, A1c 8.1% today, above goal.',
      p: 'Metformin extended-release 1000 mg with supper to simplify. Retinal photo ordered. Foot exam normal. Recheck A1c in 3 months.',
    },
  ])
  const html = `
  <div class="lh-harbor">Tall Grass Rural Health Clinic <span class="small">&middot; 9 Prairie Road, Tall Grass, KS 66999</span></div>
  <p class="small">Signed electronically by ${esc(r.pick(DOCTORS))} on ${fmt(d, 'us')} at ${clock(r)}</p>
  <h2 class="plain">Office Visit</h2>
  <p>${esc(p.given)} ${esc(p.family)} &middot; DOB ${fmt(p.birthDate, 'us')} &middot; Visit ${fmt(d, 'us')} &middot; ${r.pick(['In person', 'Telehealth (video)'])}</p>
  <table class="soap">
    <tr><td>S</td><td>${topic.s}</td></tr>
    <tr><td>O</td><td>BP ${r.int(118, 152)}/${r.int(70, 94)} &nbsp; HR ${r.int(58, 98)} &nbsp; Wt ${r.int(52, 118)} kg &nbsp; SpO2 ${r.int(94, 99)}%. Alert, well appearing. Heart regular. Lungs clear.</td></tr>
    <tr><td>A</td><td>${topic.a}</td></tr>
    <tr><td>P</td><td>${topic.p}</td></tr>
  </table>
  <p class="small">Time spent: ${r.int(15, 35)} minutes. Follow-up booked at the front desk.</p>`
  return { type: 'progress_note', sender: 'tallgrass-soap', patient: p, pages: [html], numbered: false }
}

/** A hospital's daily inpatient progress note in narrative, two columns, no headings beyond the date line. */
function progressTwoColumn(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const html = `
  <div class="strip">Tamarack General Hospital &middot; Medicine Ward 4B &middot; ${lastFirst(p)} &middot; DOB ${fmt(p.birthDate, 'dots')} &middot; MRN ${p.hospitalMrn}</div>
  <h3 class="plain">Hospital day ${r.int(2, 6)} - ${fmt(d, 'dmon')} ${clock(r)}</h3>
  <div class="cols2">
  <p>Overnight: no events. Slept well. Pain controlled on scheduled acetaminophen. Tolerating a regular diet and walking with physical therapy.</p>
  <p>Vitals: afebrile for 36 hours, BP ${r.int(110, 140)}/${r.int(62, 88)}, HR ${r.int(64, 92)}, RR 16, saturation ${r.int(93, 98)}% on room air. Intake 1.8 L, output 2.6 L.</p>
  <p>Exam: comfortable. Chest with scattered crackles at the right base, less than yesterday. Abdomen soft. No calf tenderness.</p>
  <p>Labs: white count ${(r.int(70, 120) / 10).toFixed(1)}, down from ${(r.int(130, 180) / 10).toFixed(1)}. Creatinine ${(r.int(8, 13) / 10).toFixed(1)}. Blood cultures no growth at 48 hours.</p>
  <p>Assessment and plan: pneumonia, improving. Switch to oral antibiotics today to complete a seven-day course. Incentive spirometry. Anticoagulation prophylaxis with heparin. Likely discharge tomorrow if ${he(p)} keeps saturations on room air with walking; case management aware.</p>
  <p>Discussed with the patient and ${r.pick(['her daughter', 'his wife', 'the nurse'])} at the bedside.</p>
  </div>
  <p class="sig-right">${esc(r.pick(DOCTORS))}, hospitalist &middot; pager 4471</p>`
  return { type: 'progress_note', sender: 'tamarack-progress', patient: p, pages: [html], numbered: false }
}

// ---------------------------------------------------------------- H&P

/** St. Brendan's admission H&P: vitals in a table, review of systems in two columns, "Page x of N" or not, signature on the last page. */
function hpBrendan(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const numbered = o.numbered ?? r.chance(0.6)
  const cc = r.pick(['Chest pressure since this morning', 'Fever and confusion', 'Fall at home with hip pain', 'Vomiting blood twice'])
  const foot = (i: number) => (numbered ? `<div class="foot-r">Page ${i} of 2</div>` : '')
  const p1 = `
  <div class="lh-brendan">ST. BRENDAN'S HOSPITAL<br><small>Internal Medicine Admitting Service</small></div>
  <h2 class="center">ADMISSION HISTORY AND PHYSICAL</h2>
  <p><b>Patient:</b> ${esc(full(p))} &nbsp; <b>DOB:</b> ${fmt(p.birthDate, 'monthd')} &nbsp; <b>MR#:</b> SB-${p.hospitalMrn.slice(1)} &nbsp; <b>Admitted:</b> ${fmt(d, 'us')} ${clock(r)}</p>
  <p><b>Chief complaint:</b> ${cc}.</p>
  <p><b>History of present illness:</b> ${esc(p.given)} is a ${ageOn(p.birthDate, d)}-year-old ${p.sex === 'F' ? 'woman' : 'man'} who ${r.pick(['was well until this morning', 'has felt unwell for three days', 'was found on the floor by a neighbour'])}. ${r.pick(['No prior similar episodes.', 'A similar episode two years ago resolved on its own.'])} ${cap(he(p))} denies ${r.pick(['recent travel', 'sick contacts', 'new medicines'])}. In the emergency department ${he(p)} received ${r.pick(['aspirin and nitroglycerin', 'IV fluids and ceftriaxone', 'morphine and a hip radiograph', 'pantoprazole infusion'])}.</p>
  <p><b>Past medical history:</b> ${r.shuffle(['hypertension', 'type 2 diabetes', 'atrial fibrillation', 'COPD', 'hypothyroidism', 'osteoporosis']).slice(0, 3).join(', ')}.</p>
  <p><b>Past surgical history:</b> ${r.pick(['appendectomy as a child', 'left total knee replacement 2019', 'none'])}.</p>
  <p><b>Medications:</b> ${r.shuffle(MEDS).slice(0, 4).join('; ')}.</p>
  <p><b>Allergies:</b> ${r.pick(['NKDA', 'codeine (nausea)', 'penicillin (hives)'])}. <b>Social:</b> ${r.pick(['lives alone, never smoked', 'lives with spouse, quit smoking 2005', 'retired teacher, drinks socially'])}. <b>Family:</b> father with heart disease.</p>
  <p><b>Review of systems:</b></p>
  <div class="cols2 small"><p>Constitutional: ${r.pick(['fatigue', 'no fever'])}.</p><p>Eyes: negative.</p><p>Cardiac: see HPI.</p><p>Respiratory: ${r.pick(['no cough', 'mild cough'])}.</p><p>GI: see HPI.</p><p>GU: negative.</p><p>Musculoskeletal: see HPI.</p><p>Neuro: no focal weakness.</p><p>Skin: negative.</p><p>Psych: negative.</p></div>`
  const p2 = `
  ${numbered ? '' : `<p class="small">${esc(p.family)}, ${esc(p.given)} (cont.)</p>`}
  <p><b>Physical examination</b></p>
  <table class="vitals"><tr><th>T</th><th>BP</th><th>HR</th><th>RR</th><th>SpO2</th><th>Wt</th></tr>
  <tr><td>${(r.int(365, 390) / 10).toFixed(1)}</td><td>${r.int(100, 170)}/${r.int(60, 100)}</td><td>${r.int(60, 118)}</td><td>${r.int(14, 24)}</td><td>${r.int(90, 99)}%</td><td>${r.int(48, 120)} kg</td></tr></table>
  <p>General: ${r.pick(['uncomfortable but conversant', 'drowsy, arousable', 'in no distress'])}. HEENT: mucous membranes ${r.pick(['dry', 'moist'])}. Neck: no JVD. Heart: ${r.pick(['irregularly irregular', 'regular, no murmur'])}. Lungs: ${r.pick(['clear', 'crackles at both bases'])}. Abdomen: ${r.pick(['soft, non-tender', 'epigastric tenderness'])}. Extremities: ${r.pick(['no edema', 'shortened, externally rotated left leg'])}. Neuro: oriented ${r.pick(['x3', 'to person only'])}.</p>
  <p><b>Data:</b> ${r.pick(['Troponin 0.04, repeat pending. ECG: sinus rhythm, no ST change.', 'WBC 17.2, lactate 2.8, urinalysis with pyuria.', 'Radiograph: displaced left femoral neck fracture.', 'Hemoglobin 8.1 from a baseline of 12.'])}</p>
  <p><b>Assessment and plan:</b></p>
  <ol><li>${cc} - ${r.pick(['rule out acute coronary syndrome; serial troponins, telemetry, aspirin, heparin per protocol', 'sepsis from a urinary source; ceftriaxone, fluids, cultures', 'orthopaedics consulted for fixation tomorrow; hold anticoagulation', 'GI for endoscopy within 24 hours; transfuse for hemoglobin under 7'])}.</li>
  <li>Chronic conditions: continue home medicines except as above.</li><li>Prophylaxis: ${r.pick(['heparin subcutaneous', 'sequential compression devices'])}. Code status: full code, confirmed with the patient.</li></ol>
  <p class="sigline">${esc(r.pick(DOCTORS))}, admitting physician &middot; ${fmt(d, 'us')}</p>`
  return { type: 'history_and_physical', sender: 'brendan-hp', patient: p, pages: [p1 + foot(1), p2 + foot(2)], numbered }
}

// ---------------------------------------------------------------- operative report

/** Granite Peak Surgical Center: labelled fields down the left margin, a long narrative, dictation trailer, 2 pages. */
function operativeGranite(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const numbered = o.numbered ?? r.chance(0.4)
  const proc = r.pick([
    {
      name: 'Laparoscopic right inguinal hernia repair with mesh (TEP)',
      pre: 'Right inguinal hernia',
      post: 'Right indirect inguinal hernia',
    },
    {
      name: 'Right knee arthroscopy with partial medial meniscectomy',
      pre: 'Right medial meniscus tear',
      post: 'Complex tear of the posterior horn, medial meniscus',
    },
    {
      name: 'Excision of left shoulder skin lesion with intermediate closure',
      pre: 'Atypical pigmented lesion, left shoulder',
      post: 'Same',
    },
  ])
  const surgeon = r.pick(DOCTORS)
  const f = (k: string, v: string) => `<tr><td class="lbl">${k}</td><td>${v}</td></tr>`
  const foot = (i: number) => (numbered ? `<div class="foot-c">- ${i} of 2 -</div>` : '')
  const p1 = `
  <div class="lh-granite">GRANITE PEAK SURGICAL CENTER <span class="small">&middot; an ambulatory surgery facility &middot; 3 Summit Way, Boulder Flats, CO 80999</span></div>
  <h2 class="plain">Operative Report</h2>
  <table class="opfields">
  ${f('Patient', `${lastFirst(p)} &nbsp; (DOB ${fmt(p.birthDate, 'us')})`)}
  ${f('Case no.', `GP-${r.int(10000, 99999)}`)}
  ${f('Date of surgery', fmt(d, 'monthd'))}
  ${f('Surgeon', esc(surgeon))}
  ${f('Assistant', r.pick(['None', 'Rosalind Achterberg, PA-C']))}
  ${f('Anesthesia', r.pick(['General endotracheal', 'General with LMA', 'Local with monitored anesthesia care']))}
  ${f('Preoperative diagnosis', proc.pre)}
  ${f('Postoperative diagnosis', proc.post)}
  ${f('Procedure', proc.name)}
  ${f('Estimated blood loss', `${r.int(2, 30)} mL`)}
  ${f('Specimens', r.pick(['None', 'Meniscal fragments to pathology', "Skin lesion, oriented with a stitch at 12 o'clock"]))}
  ${f('Complications', 'None apparent')}
  </table>
  <p><b>Indications.</b> The patient has had symptoms for several months and chose surgery after a discussion of the risks, benefits and alternatives. Written consent is on the chart.</p>
  <p><b>Description.</b> The patient was identified in the holding area and the site marked. In the operating room a time-out confirmed patient, procedure and side. After induction the area was prepared with chlorhexidine and draped in the usual sterile fashion. Cefazolin 2 g was given before incision.</p>`
  const p2 = `
  ${numbered ? '' : '<p class="small">Operative report (continued)</p>'}
  <p>${r.pick([
    'A 12 mm infraumbilical incision was made and the preperitoneal space developed with a balloon dissector under direct vision. Two 5 mm ports were placed in the midline. The indirect sac was reduced from the cord structures; the cord was skeletonized. A 15 x 15 cm polypropylene mesh was placed across the myopectineal orifice and fixed with absorbable tacks. The space was desufflated under vision so that the mesh lay flat.',
    'Standard anterolateral and anteromedial portals were made. Diagnostic arthroscopy showed intact cruciate ligaments and normal lateral compartment. A complex tear of the posterior horn of the medial meniscus was trimmed back to a stable rim with a basket and shaver. The patellofemoral joint showed grade 2 chondral change.',
    'An elliptical excision was designed around the lesion with 2 mm margins, oriented along the skin tension lines. The lesion was excised into the subcutaneous fat and marked for pathology. Undermining allowed a layered closure with buried absorbable sutures and a running subcuticular suture.',
  ])}</p>
  <p>Counts were correct at the end of the case. Local anesthetic was infiltrated. Dressings were applied. The patient was awakened and taken to recovery in stable condition.</p>
  <p><b>Disposition.</b> Discharge home today when criteria are met. Follow-up in the surgical clinic in ${r.int(7, 14)} days.</p>
  <p class="small">D: ${fmt(d, 'us')} ${clock(r)} &nbsp; T: ${fmt(addDays(d, 1), 'us')} &nbsp; Job ${r.int(100000, 999999)}</p>
  <p class="sig-right">Electronically signed: ${esc(surgeon)}</p>`
  return { type: 'operative_report', sender: 'granite-op', patient: p, pages: [p1 + foot(1), p2 + foot(2)], numbered }
}

// ---------------------------------------------------------------- emergency report

/** Mesa Verde emergency physicians' chart: a triage box, timestamps down the side, disposition block. */
function edMesa(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const c = r.pick([
    {
      cc: 'Ankle injury',
      hpi: 'Rolled the right ankle stepping off a curb two hours ago. Able to bear weight for four steps. No other injury.',
      mdm: 'Ottawa rules positive at the lateral malleolus; radiograph without fracture. Ankle sprain.',
      dispo: 'Discharged home. Brace, ice, elevation, ibuprofen. Follow up with primary care in one week.',
    },
    {
      cc: 'Chest pain',
      hpi: 'Sharp left chest pain for one day, worse lying flat, better leaning forward. Recent viral illness.',
      mdm: 'ECG with diffuse ST elevation and PR depression. Troponin normal. Bedside echo without effusion. Acute pericarditis.',
      dispo: 'Discharged home on ibuprofen and colchicine. Return for worsening pain or breathlessness.',
    },
    {
      cc: 'Abdominal pain',
      hpi: 'Periumbilical pain moving to the right lower quadrant since yesterday evening, anorexia, one episode of vomiting.',
      mdm: 'Tender at McBurney point, WBC 14.1. CT shows a dilated appendix with stranding. Surgery consulted.',
      dispo: 'Admitted to general surgery for appendectomy.',
    },
  ])
  const html = `
  <div class="lh-mesa"><b>MESA VERDE EMERGENCY PHYSICIANS</b> &middot; staffing the Emergency Department of Canyon Memorial Hospital</div>
  <h2 class="plain">Emergency Department Provider Record</h2>
  <div class="twocol-box">
    <div>${esc(p.family)}, ${esc(p.given)}<br>DOB ${fmt(p.birthDate, 'us')} &middot; ${ageOn(p.birthDate, d)} yo ${p.sex}<br>ED visit CM-${r.int(1000000, 9999999)}</div>
    <div>Arrival ${fmt(d, 'us')} ${clock(r)} by ${r.pick(['private car', 'ambulance', 'walk-in'])}<br>Triage acuity (ESI) ${r.int(2, 4)}<br>Room ${r.pick(['A4', 'B12', 'Fast track 2'])}</div>
  </div>
  <p><b>Chief complaint:</b> ${c.cc}</p>
  <p><b>HPI:</b> ${c.hpi}</p>
  <p><b>ROS:</b> otherwise negative in ten systems.</p>
  <p><b>Exam:</b> T ${(r.int(365, 384) / 10).toFixed(1)} BP ${r.int(110, 160)}/${r.int(64, 96)} HR ${r.int(60, 110)} RR ${r.int(14, 22)} SpO2 ${r.int(95, 100)}%. ${c.cc === 'Ankle injury' ? 'Swelling and tenderness over the right lateral malleolus, neurovascularly intact.' : 'Alert, uncomfortable. Heart and lungs as noted in MDM.'}</p>
  <p><b>Medical decision making:</b> ${c.mdm}</p>
  <p><b>Diagnosis:</b> ${c.mdm.split('. ').pop()}</p>
  <p><b>Disposition:</b> ${c.dispo}</p>
  <p class="sigline">${esc(r.pick(DOCTORS))}, emergency physician &middot; ${fmt(d, 'us')} ${clock(r)}</p>`
  return { type: 'emergency_report', sender: 'mesa-ed', patient: p, pages: [html], numbered: false }
}

// ---------------------------------------------------------------- immunization record

/** A state registry printout: a table of vaccines, forecast below, fine print at the foot. */
function immunizationRegistry(p: UnseenPatient, r: Rand, o: WriteOptions): Doc {
  const d = o.date ?? serviceDate(r)
  const vax = [
    ['Td/Tdap', 'Tdap (Boostrix)'],
    ['Influenza', 'Influenza, quadrivalent, injectable'],
    ['COVID-19', 'COVID-19 mRNA, 2024-2025 formula'],
    ['Hepatitis B', 'HepB, adult (Heplisav-B)'],
    ['Pneumococcal', 'PCV20 (Prevnar 20)'],
    ['Zoster', 'Recombinant zoster (Shingrix)'],
  ]
  const rows = r
    .shuffle(vax)
    .slice(0, r.int(4, 6))
    .map(
      ([g, v]) =>
        `<tr><td>${g}</td><td>${v}</td><td>${fmt(addDays(d, -r.int(30, 3000)), 'us')}</td><td>${r.pick(['Left deltoid', 'Right deltoid'])}</td><td>${r.pick(['CHCHC', 'Walgreen Pharmacy 1123', 'County Health Dept'])}</td></tr>`,
    )
    .join('')
  const html = `
  <div class="lh-registry">Prairie State Immunization Information System (PSIIS)<br><small>Official immunization record &middot; printed ${fmt(d, 'us')}</small></div>
  <table class="kv">
    <tr><td>Client:</td><td>${lastFirst(p)}</td><td>Birth date:</td><td>${fmt(p.birthDate, 'us')}</td></tr>
    <tr><td>Registry ID:</td><td>${r.int(10000000, 99999999)}</td><td>Gender:</td><td>${p.sex}</td></tr>
  </table>
  <h3 class="plain">Vaccines administered</h3>
  <table class="results"><tr><th>Vaccine group</th><th>Vaccine</th><th>Date given</th><th>Site</th><th>Given by</th></tr>${rows}</table>
  <h3 class="plain">Recommended next</h3>
  <table class="results"><tr><th>Vaccine group</th><th>Earliest date</th><th>Due date</th></tr>
  <tr><td>Influenza</td><td>${fmt(addDays(d, 20), 'us')}</td><td>${fmt(addDays(d, 40), 'us')}</td></tr>
  <tr><td>COVID-19</td><td>${fmt(addDays(d, 60), 'us')}</td><td>${fmt(addDays(d, 90), 'us')}</td></tr></table>
  <p class="small">This record is only as complete as the reports made to the registry. Providers: report doses within 14 days.</p>`
  return { type: 'immunization_record', sender: 'psiis-registry', patient: p, pages: [html], numbered: false }
}

export const WRITERS: Record<string, (p: UnseenPatient, r: Rand, o: WriteOptions) => Doc> = {
  labBluewater,
  labKestrelMicro,
  imagingIronwood,
  imagingTamarack,
  dischargeKestrel,
  dischargeLarchmont,
  consultLetter,
  referralEastbrook,
  referralLetterPlain,
  progressSoap,
  progressTwoColumn,
  hpBrendan,
  operativeGranite,
  edMesa,
  immunizationRegistry,
}

/** Styles for every sender, printed in each stack's <head>. */
export const CSS = `
@page { size: 8.5in 11in; margin: 0 }
body { margin: 0 }
.page { width: 8.5in; height: 11in; box-sizing: border-box; padding: 0.75in 0.8in 0.7in; position: relative; overflow: hidden; page-break-after: always; font-size: 11pt; line-height: 1.3 }
.page:last-child { page-break-after: auto }
.fax { position: absolute; top: 0.18in; left: 0.4in; right: 0.4in; font: 9pt 'Nimbus Mono PS', 'Liberation Mono', monospace; white-space: pre }
.s-bluewater { font-family: 'Liberation Sans', sans-serif; font-size: 10pt }
.s-kestrel { font-family: 'C059', 'Century Schoolbook L', serif }
.s-mono { font-family: 'Liberation Mono', monospace }
.s-ironwood { font-family: 'P052', 'Palatino', serif }
.s-tamarack { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt }
.s-letter { font-family: 'Liberation Serif', serif; font-size: 11.5pt }
.s-eastbrook { font-family: 'URW Gothic', sans-serif; font-size: 10.5pt }
.s-harbor { font-family: 'Nimbus Sans', sans-serif }
.s-brendan { font-family: 'Nimbus Roman', serif; font-size: 10.5pt }
.s-granite { font-family: 'URW Bookman', serif; font-size: 10pt }
.s-mesa { font-family: 'Nimbus Sans Narrow', 'Liberation Sans Narrow', sans-serif; font-size: 11pt }
.s-registry { font-family: 'DejaVu Serif', serif; font-size: 10pt }
.s-larchmont { font-family: 'Liberation Sans', sans-serif; font-size: 11pt }
p { margin: 0.35em 0 }
h1, h2, h3 { margin: 0.5em 0 0.3em }
.small { font-size: 8.5pt }
.right { text-align: right }
.center { text-align: center }
.mono, pre.mono { font-family: 'Liberation Mono', monospace; font-size: 9.5pt; line-height: 1.25; margin: 0 }
.lh-bluewater { border-bottom: 3px solid #000; padding-bottom: 4px; margin-bottom: 8px; font-size: 15pt }
.lh-bluewater span { font-size: 8pt; display: block }
table.grid { width: 100%; border-collapse: collapse; margin: 6px 0 }
table.grid td { border: 1px solid #000; padding: 3px 5px; font-size: 8pt; vertical-align: top }
table.grid td b { font-size: 10pt }
table.results { width: 100%; border-collapse: collapse }
table.results th { text-align: left; border-bottom: 2px solid #000; padding: 3px }
table.results td { padding: 3px; border-bottom: 1px dotted #555 }
h3.panel { background: #ddd; padding: 3px 6px; font-size: 11pt }
.endmark { text-align: center; margin-top: 14px }
.lh-ironwood { text-align: center; font-size: 18pt; letter-spacing: 2px; border-bottom: 1px solid #000; padding-bottom: 6px; margin-bottom: 10px }
.lh-ironwood small { font-size: 8pt; letter-spacing: 0 }
table.kv td { padding: 1px 8px 1px 0 }
table.kv td:nth-child(odd) { font-weight: bold }
.exambar { background: #000; color: #fff; padding: 4px 8px; font-weight: bold; margin: 10px 0 }
.sig-right { position: absolute; right: 0.8in; bottom: 1.0in; text-align: right; font-style: italic }
.sig-left { margin-top: 24px; border-top: 1px solid #000; padding-top: 4px; width: 60% }
.strip { background: #e4e4e4; border: 1px solid #999; padding: 4px 6px; font-size: 9pt; margin-bottom: 8px }
h2.plain, h3.plain { font-weight: bold }
.lh-kestrel { border-left: 6px solid #000; padding-left: 10px; margin-bottom: 10px; font-size: 14pt }
.lh-kestrel small { font-size: 8.5pt }
.smallcaps { font-variant: small-caps; letter-spacing: 1px }
h1.smallcaps { font-size: 20pt; text-align: right }
.twocol-box { display: flex; gap: 0; border: 1px solid #000; margin: 8px 0 }
.twocol-box > div { flex: 1; padding: 6px 8px }
.twocol-box > div + div { border-left: 1px solid #000 }
.runner { font-size: 8pt; border-bottom: 1px solid #777; margin-bottom: 10px; color: #222 }
.foot-c { position: absolute; bottom: 0.45in; left: 0; right: 0; text-align: center; font-size: 8.5pt }
.foot-r { position: absolute; bottom: 0.45in; right: 0.8in; font-size: 9pt }
.memo-head { display: flex; justify-content: space-between; border-bottom: 2px double #000; font-weight: bold; font-size: 12pt; padding-bottom: 4px }
.lh-letter { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 24px }
.lh-name { font-size: 17pt; font-style: italic; max-width: 55% }
.lh-addr { font-size: 8.5pt; text-align: right }
.re { margin: 12px 0 }
.sigline { margin-top: 28px }
.lh-eastbrook { font-size: 9pt; border-bottom: 1px solid #000; padding-bottom: 3px }
h2.boxed { border: 2px solid #000; text-align: center; padding: 4px; font-size: 14pt }
table.form { width: 100%; border-collapse: collapse; margin: 8px 0 }
table.form td { border: 1px solid #000; padding: 4px 6px }
table.form td:first-child { width: 35%; background: #eee }
.scrawl { font-family: 'Z003', cursive; font-size: 16pt }
.lh-harbor { font-size: 13pt; font-weight: bold; border-bottom: 1px solid #000 }
table.soap td { vertical-align: top; padding: 4px }
table.soap td:first-child { font-size: 16pt; font-weight: bold; width: 0.4in }
.cols2 { column-count: 2; column-gap: 0.35in }
.cols2 p { break-inside: avoid }
.lh-brendan { text-align: center; font-weight: bold; font-size: 15pt }
table.vitals { border-collapse: collapse; margin: 4px 0 }
table.vitals th, table.vitals td { border: 1px solid #000; padding: 2px 8px; text-align: center }
.lh-granite { font-size: 12pt; font-weight: bold; background: #ccc; padding: 5px }
table.opfields td { padding: 1px 6px; vertical-align: top }
table.opfields td.lbl { font-weight: bold; width: 2.1in }
.lh-mesa { border-top: 4px solid #000; border-bottom: 1px solid #000; padding: 4px 0; font-size: 10pt }
.lh-registry { font-size: 13pt; font-weight: bold; border: 1px solid #000; padding: 6px; text-align: center }
.blank { }
`

/** Which CSS family class each sender's pages use. */
export const SENDER_CLASS: Record<string, string> = {
  'bluewater-lab': 's-bluewater',
  'kestrel-micro': 's-mono',
  'ironwood-imaging': 's-ironwood',
  'tamarack-radiology': 's-tamarack',
  'kestrel-discharge': 's-kestrel',
  'larchmont-discharge': 's-larchmont',
  'consult-letter': 's-letter',
  'eastbrook-referral': 's-eastbrook',
  'harrow-referral': 's-letter',
  'tallgrass-soap': 's-harbor',
  'tamarack-progress': 's-tamarack',
  'brendan-hp': 's-brendan',
  'granite-op': 's-granite',
  'mesa-ed': 's-mesa',
  'psiis-registry': 's-registry',
}
