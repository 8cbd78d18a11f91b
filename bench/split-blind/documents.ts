/**
 * House styles of the blind split set: made-up senders written for this set alone (without
 * reading the splitter, the classifier, bench/split's templates or split-unseen's documents).
 * Each writer gives a document's pages as HTML bodies (one per Letter page) and says what the
 * document is. Page numbers vary by sender: "Page x of N" in the header or the footer, a bare
 * number, "Pg x/N", or none; letterheads on page 1 only or on every page; continuation headers
 * naming the patient; two-column pages; signatures at the foot, at the top or in a title block.
 */
import { addDays, ageOn, clock, fmt, type DateStyle } from '../split-unseen/dates.js'
import { rand, type Rand } from '../split-unseen/rand.js'
import type { BlindPatient } from './patients.js'

export type DocType =
  | 'lab_report'
  | 'radiology_report'
  | 'discharge_summary'
  | 'consult_note'
  | 'progress_note'
  | 'referral_letter'
  | 'immunization_record'
  | 'other'

export interface BlindDoc {
  type: DocType
  sender: string
  patient: BlindPatient
  /** HTML body of each page. */
  pages: string[]
  /** The document prints its own page numbers. */
  numbered: boolean
  /** CSS class of the sender's pages. */
  cls: string
  /** Date of service, YYYY-MM-DD. */
  date: string
}

export interface WriteOpts {
  date?: string
  pages?: number
  /** For a second report on one day: which heading (0, 1) and the accession both share. */
  variant?: number
  accession?: string
}

export type Writer = (p: BlindPatient, r: Rand, o: WriteOpts) => BlindDoc

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const up = (s: string) => s.toUpperCase()
const lastFirst = (p: BlindPatient) => `${p.family}, ${p.given}${p.suffix ? ' ' + p.suffix : ''}`
const firstLast = (p: BlindPatient) => `${p.given} ${p.middle}. ${p.family}${p.suffix ? ', ' + p.suffix : ''}`
const sexWord = (p: BlindPatient) => (p.sex === 'F' ? 'Female' : 'Male')
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('')
const when = (r: Rand) => `2025-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
const her = (p: BlindPatient) => (p.sex === 'F' ? 'her' : 'his')
const she = (p: BlindPatient) => (p.sex === 'F' ? 'She' : 'He')
const mrs = (p: BlindPatient) => (p.sex === 'F' ? 'Ms.' : 'Mr.')

export const CSS = `
@page { size: 8.5in 11in; margin: 0 }
* { box-sizing: border-box }
body { margin: 0 }
.page { width: 8.5in; height: 11in; position: relative; overflow: hidden; padding: 0.75in 0.8in 0.9in; page-break-after: always; font-size: 10.5pt; line-height: 1.3 }
.page:last-child { page-break-after: auto }
.fax-top { position: absolute; top: 0.1in; left: 0.3in; right: 0.3in; font: 8pt 'Nimbus Mono PS', monospace; white-space: pre }
.fax-foot { position: absolute; bottom: 0.08in; left: 0.3in; right: 0.3in; font: 8pt 'Noto Mono', monospace; white-space: pre }
.foot { position: absolute; bottom: 0.45in; left: 0.8in; right: 0.8in; font-size: 8.5pt }
.head { position: absolute; top: 0.35in; left: 0.8in; right: 0.8in; font-size: 8.5pt }
table { border-collapse: collapse }
h1, h2, h3 { margin: 0.1in 0 0.06in }
p { margin: 0.05in 0 }
.sig { margin-top: 0.25in }
.two { column-count: 2; column-gap: 0.35in }
.prairie { font-family: 'Nimbus Sans Narrow', 'Liberation Sans Narrow', sans-serif; font-size: 10pt }
.prairie .band { background: #222; color: #fff; padding: 4px 8px; font-weight: bold; font-size: 13pt; letter-spacing: 1px }
.prairie table.res td, .prairie table.res th { border-bottom: 1px solid #999; padding: 2px 6px; text-align: left; font-size: 9.5pt }
.cascade { font-family: 'C059', 'Century Schoolbook', serif }
.cascade .acc { border: 2px solid #000; padding: 4px 8px; float: right; font-weight: bold }
.cascade h3 { font-size: 11pt; text-decoration: underline }
.summit { font-family: 'URW Gothic', sans-serif; font-size: 10pt }
.summit .logo { display: inline-block; width: 0.55in; height: 0.55in; border-radius: 50%; background: #555; color: #fff; text-align: center; line-height: 0.55in; font-weight: bold; font-size: 16pt; vertical-align: middle }
.brigid { font-family: 'P052', 'Palatino', serif; font-size: 10.5pt }
.brigid .lh { text-align: center; border-bottom: 3px double #000; padding-bottom: 6px }
.brigid .cont { border-bottom: 1px solid #000; font-size: 9pt; padding-bottom: 3px; margin-bottom: 10px }
.mercy { font-family: 'Liberation Sans', sans-serif; font-size: 9.5pt }
.mercy .mh { border: 1px solid #000; padding: 4px 6px; display: flex; justify-content: space-between; font-size: 9pt }
.quick { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt }
.quick .tag { background: #d33; color: #fff; padding: 3px 10px; font-weight: bold; display: inline-block }
.quick table.v td { border: 1px solid #888; padding: 2px 8px }
.lakeshore { font-family: 'Nimbus Sans', sans-serif; font-size: 9.5pt }
.lakeshore table.g td, .lakeshore table.g th { border: 1px solid #000; padding: 3px 5px; font-size: 9pt; vertical-align: top }
.heartland { font-family: 'URW Bookman', serif; font-size: 10pt }
.heartland .side { position: absolute; left: 0.35in; top: 1.7in; width: 1.45in; font-size: 7.5pt; line-height: 1.35; color: #333; border-right: 1px solid #999; padding-right: 6px }
.heartland .body1 { margin-left: 1.45in }
.bayberry { font-family: 'Liberation Serif', serif; font-size: 11pt }
.bayberry .lh { font-size: 9pt; text-align: center; line-height: 1.15 }
.willow { font-family: 'Noto Mono', 'DejaVu Sans Mono', monospace; font-size: 8.5pt; line-height: 1.25 }
.willow table.mar td, .willow table.mar th { border: 1px solid #000; padding: 1px 3px; font-size: 7.5pt }
.ecg { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif; font-size: 9pt }
.ecg .strip { height: 1.1in; margin: 6px 0; border: 1px solid #c66; background-image: linear-gradient(#f2c4c4 1px, transparent 1px), linear-gradient(90deg, #f2c4c4 1px, transparent 1px); background-size: 0.2in 0.2in }
.county { font-family: 'Nimbus Roman', serif; font-size: 10.5pt }
.county table.imm td, .county table.imm th { border: 1px solid #000; padding: 3px 6px }
.harbor { font-family: 'Liberation Sans', sans-serif; font-size: 8.5pt }
.harbor table.box { width: 100%; table-layout: fixed }
.harbor table.box td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; height: 0.45in }
.harbor .lbl { font-size: 6.5pt; display: block }
.clearview { font-family: 'Z003', 'URW Chancery L', cursive; font-size: 10pt }
.clearview .plain { font-family: 'Nimbus Sans', sans-serif; font-size: 9.5pt }
.clearview table.eye td { border: 1px solid #666; padding: 2px 8px; font-family: 'Nimbus Sans', sans-serif }
.cover { font-family: 'Liberation Sans', sans-serif; font-size: 12pt }
.cover .big { font-size: 40pt; font-weight: bold; letter-spacing: 6px }
.cover table td { padding: 6px 10px; border-bottom: 1px solid #000; font-size: 13pt }
`

// ---------- numbering -------------------------------------------------------------------------

type Numbering = 'foot-pageof' | 'head-pageof' | 'foot-bare' | 'head-pg' | 'none'
function pageMark(kind: Numbering, i: number, n: number): string {
  switch (kind) {
    case 'foot-pageof':
      return `<div class="foot" style="text-align:center">Page ${i} of ${n}</div>`
    case 'head-pageof':
      return `<div class="head" style="text-align:right">Page ${i} of ${n}</div>`
    case 'foot-bare':
      return `<div class="foot" style="text-align:right">${i}</div>`
    case 'head-pg':
      return `<div class="head" style="text-align:right">Pg ${i}/${n}</div>`
    case 'none':
      return ''
  }
}

// ---------- clinical pools -------------------------------------------------------------------

const DOCTORS = [
  'Imogen Radcliffe, MD',
  'Tomasz Wierzbicki, DO',
  'Adaeze Nwosu, MD',
  'Felipe Arrieta, MD',
  'Harriet Lindgren, MD',
  'Sunil Varadarajan, MD',
  'Colette Marchand, MD',
  'Bartholomew Greer, MD',
]
const PCP = ['Dr. Miriam Okafor-Lund', 'Dr. Wendell Park', 'Dr. Ines Halvorsen', 'Dr. Graham Tillotson']

// ---------- Prairie Ridge Reference Laboratory: cumulative report ------------------------------

const PANELS: Record<string, [string, string, () => string, string][]> = {
  'COMPREHENSIVE METABOLIC PANEL': [
    ['Sodium', 'mmol/L', () => '', '136-145'],
    ['Potassium', 'mmol/L', () => '', '3.5-5.1'],
    ['Chloride', 'mmol/L', () => '', '98-107'],
    ['CO2', 'mmol/L', () => '', '22-29'],
    ['BUN', 'mg/dL', () => '', '7-20'],
    ['Creatinine', 'mg/dL', () => '', '0.60-1.20'],
    ['Glucose', 'mg/dL', () => '', '70-99'],
    ['Calcium', 'mg/dL', () => '', '8.6-10.3'],
    ['Albumin', 'g/dL', () => '', '3.5-5.0'],
    ['ALT', 'U/L', () => '', '7-56'],
    ['AST', 'U/L', () => '', '10-40'],
  ],
  'COMPLETE BLOOD COUNT W/ DIFF': [
    ['WBC', 'K/uL', () => '', '4.0-11.0'],
    ['RBC', 'M/uL', () => '', '4.2-5.9'],
    ['Hemoglobin', 'g/dL', () => '', '12.0-17.5'],
    ['Hematocrit', '%', () => '', '36-52'],
    ['Platelets', 'K/uL', () => '', '150-400'],
    ['Neutrophils', '%', () => '', '40-75'],
    ['Lymphocytes', '%', () => '', '20-45'],
  ],
  'LIPID PANEL': [
    ['Cholesterol, total', 'mg/dL', () => '', '<200'],
    ['Triglycerides', 'mg/dL', () => '', '<150'],
    ['HDL', 'mg/dL', () => '', '>40'],
    ['LDL, calculated', 'mg/dL', () => '', '<100'],
  ],
  'HEMOGLOBIN A1c / THYROID': [
    ['Hemoglobin A1c', '%', () => '', '4.0-5.6'],
    ['TSH', 'uIU/mL', () => '', '0.45-4.50'],
    ['Free T4', 'ng/dL', () => '', '0.8-1.8'],
  ],
}

function value(r: Rand, range: string): string {
  const m = range.match(/([\d.]+)-([\d.]+)/)
  if (m) {
    const lo = Number(m[1])
    const hi = Number(m[2])
    const dec = (m[1]!.split('.')[1] ?? '').length
    const v = lo + (hi - lo) * (r.next() * 1.4 - 0.2)
    return v.toFixed(dec)
  }
  const n = Number(range.replace(/[<>]/g, ''))
  return String(Math.round(n * (0.6 + r.next() * 0.7)))
}

const labCumulative: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const acc = o.accession ?? `PR${date.slice(2, 4)}-${digits(r, 6)}`
  const names = Object.keys(PANELS)
  const panels = o.variant != null ? [names[o.variant % names.length]!] : r.shuffle(names).slice(0, r.int(2, 3))
  const n = o.variant != null ? 1 : panels.length > 2 ? 2 : 1
  // Department reports under one accession share the collection, the order and the earlier draws.
  const shared = o.accession ? rand(o.accession) : r
  const prior = [addDays(date, -shared.int(60, 120)), addDays(date, -shared.int(150, 300))]
  const collected = clock(shared)
  const orderedBy = shared.pick(PCP)
  const head = (i: number) => `
<div class="band">PRAIRIE RIDGE REFERENCE LABORATORY &nbsp; &nbsp; CUMULATIVE REPORT</div>
<table style="width:100%;font-size:9pt;margin:4px 0 8px"><tr>
<td>PATIENT: <b>${esc(up(p.family))}, ${esc(up(p.given))}</b><br>DOB: ${fmt(p.birthDate, 'us')} &nbsp; AGE: ${ageOn(p.birthDate, date)} &nbsp; SEX: ${p.sex}<br>PT ID: ${p.labId}</td>
<td>ACCESSION: ${acc}<br>COLLECTED: ${fmt(date, 'us')} ${collected}<br>REPORTED: ${fmt(addDays(date, 1), 'us')}</td>
<td>ORDERING: ${orderedBy}<br>CLIENT: 4417 Eastgate Family Medicine<br>Page ${i} of ${n}</td></tr></table>`
  const block = (panel: string) => `
<h3 style="font-size:10.5pt;border-bottom:2px solid #000">${panel}</h3>
<table class="res" style="width:100%"><tr><th>Test</th><th>${fmt(date, 'us')}</th><th>${fmt(prior[0]!, 'us')}</th><th>${fmt(prior[1]!, 'us')}</th><th>Units</th><th>Ref range</th></tr>
${PANELS[panel]!.map(([t, u, , ref]) => `<tr><td>${t}</td><td><b>${value(r, ref)}</b></td><td>${value(r, ref)}</td><td>${value(r, ref)}</td><td>${u}</td><td>${ref}</td></tr>`).join('')}
</table>`
  const pages: string[] = []
  const per = Math.ceil(panels.length / n)
  for (let i = 1; i <= n; i++) {
    const mine = panels.slice((i - 1) * per, i * per)
    const end =
      i === n
        ? `<p style="margin-top:14px;font-size:8.5pt">Results flagged outside reference ranges should be interpreted in clinical context. Performing site: Prairie Ridge Reference Laboratory, 2200 Quarry Rd, Elmhurst Falls. CLIA 17D0${digits(r, 6)}. Laboratory Director: ${r.pick(DOCTORS)}</p><p style="text-align:center;font-size:9pt">*** END OF REPORT ***</p>`
        : `<p style="text-align:center;font-size:9pt">*** CONTINUED ON NEXT PAGE ***</p>`
    pages.push(head(i) + mine.map(block).join('') + end)
  }
  return { type: 'lab_report', sender: 'Prairie Ridge Reference Laboratory', patient: p, pages, numbered: true, cls: 'prairie', date }
}

// ---------- Cascade Valley Pathology: surgical pathology -------------------------------------

const SPECIMENS = [
  [
    'Skin, left forearm, shave biopsy',
    'Seborrheic keratosis, irritated. No atypia identified.',
    'Received in formalin labeled with the patient name is a tan-brown shave of skin measuring 0.7 x 0.5 x 0.1 cm. Entirely submitted in one cassette.',
  ],
  [
    'Colon, ascending, polyp, cold snare',
    'Tubular adenoma. Negative for high-grade dysplasia.',
    'Received in formalin is a single tan polypoid fragment measuring 0.6 cm in greatest dimension. Entirely submitted.',
  ],
  [
    'Gallbladder, cholecystectomy',
    'Chronic cholecystitis with cholelithiasis.',
    'Received fresh is a gallbladder measuring 8.2 x 3.1 cm with a smooth serosa. The wall measures up to 0.3 cm. Multiple yellow-green stones are present. Representative sections submitted.',
  ],
  [
    'Endometrium, biopsy',
    'Proliferative endometrium. No hyperplasia or malignancy.',
    'Received in formalin are multiple fragments of tan-red soft tissue aggregating to 1.2 x 1.0 x 0.3 cm. Entirely submitted in two cassettes.',
  ],
] as const

const pathology: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const acc = o.accession ?? `CV-S25-${String(r.int(1000, 19999)).padStart(5, '0')}`
  const [site, dx, gross] = r.pick(SPECIMENS)
  const path = r.pick(DOCTORS)
  const two = r.chance(0.45)
  const footer = (i: number) =>
    `<div class="foot" style="display:flex;justify-content:space-between"><span>Cascade Valley Pathology Associates</span><span>${acc}</span><span>${two ? `Page ${i}` : ''}</span></div>`
  const top = `
<div style="font-size:16pt;font-weight:bold">Cascade Valley Pathology Associates, P.C.</div>
<div style="font-size:8.5pt">800 Millrace Avenue, Suite 3 &middot; Cedar Bend &middot; Tel 555-017-4410 &middot; Fax 555-017-4499</div>
<div class="acc">ACCESSION #: ${acc}</div>
<h2 style="font-size:13pt;margin-top:14px">SURGICAL PATHOLOGY REPORT</h2>
<table style="font-size:9.5pt;width:100%;margin-bottom:8px"><tr><td>Patient: ${esc(lastFirst(p))}</td><td>Date of Birth: ${fmt(p.birthDate, 'monthd')}</td></tr>
<tr><td>Sex: ${sexWord(p)}</td><td>Hospital No.: ${p.hospitalMrn}</td></tr>
<tr><td>Procedure date: ${fmt(date, 'monthd')}</td><td>Received: ${fmt(addDays(date, 1), 'monthd')}</td></tr>
<tr><td>Submitting physician: ${r.pick(DOCTORS)}</td><td>Copy to: ${r.pick(PCP)}</td></tr></table>
<h3>FINAL DIAGNOSIS</h3><p><b>A. ${site}:</b><br>&nbsp;&nbsp;- ${dx}</p>`
  const rest = `
<h3>CLINICAL HISTORY</h3><p>${r.pick(['Lesion, rule out neoplasm.', 'Screening colonoscopy.', 'Right upper quadrant pain, gallstones on ultrasound.', 'Abnormal uterine bleeding.'])}</p>
<h3>SPECIMEN(S) RECEIVED</h3><p>A. ${site}</p>
<h3>GROSS DESCRIPTION</h3><p>${gross} (${r.pick(['JT', 'mk', 'RLW'])}/${r.pick(['ab', 'ss', 'dq'])})</p>
<h3>MICROSCOPIC DESCRIPTION</h3><p>Sections show findings supporting the diagnosis above. Margins are ${r.pick(['free of the lesion', 'involved at the peripheral edge', 'not assessed on this specimen type'])}. Immunohistochemical stains were not required.</p>`
  const sig = `<div class="sig">I have personally reviewed the slides and rendered the final diagnosis.<br><br><b>${path}</b><br>Pathologist &middot; Electronically signed ${fmt(addDays(date, 2), 'us')} ${clock(r)}</div>`
  const pages = two
    ? [
        top + rest + footer(1),
        sig +
          `<p style="font-size:8pt;margin-top:30px">CPT: 88305 x1. This report was verified by the pathologist named above.</p>` +
          footer(2),
      ]
    : [top + rest + sig + footer(1)]
  if (two)
    pages[1] =
      `<div style="font-size:9pt;border-bottom:1px solid #000;margin-bottom:10px">${acc} &nbsp; ${esc(up(lastFirst(p)))} (continued)</div>` +
      pages[1]
  return { type: 'lab_report', sender: 'Cascade Valley Pathology Associates', patient: p, pages, numbered: two, cls: 'cascade', date }
}

// ---------- Summit Imaging Partners: radiology ------------------------------------------------

const EXAMS = [
  [
    'XR CHEST PA AND LATERAL',
    'Cough for three weeks.',
    'Two views of the chest were obtained.',
    'The lungs are clear without focal consolidation, effusion or pneumothorax. The cardiomediastinal silhouette is normal in size. No acute osseous abnormality.',
    'No acute cardiopulmonary process.',
  ],
  [
    'CT HEAD WITHOUT CONTRAST',
    'Fall with head strike.',
    'Axial images from the skull base to the vertex without intravenous contrast.',
    'No intracranial hemorrhage, mass effect or midline shift. The ventricles are normal in size. Mild periventricular white matter hypodensity. The calvarium is intact.',
    'No acute intracranial abnormality. Mild chronic small vessel ischemic change.',
  ],
  [
    'US ABDOMEN LIMITED (RUQ)',
    'Right upper quadrant pain.',
    'Grayscale and color Doppler images of the right upper quadrant.',
    'The liver is normal in echotexture. Several mobile echogenic stones in the gallbladder, the largest 9 mm. No wall thickening or pericholecystic fluid. Common bile duct 4 mm.',
    'Cholelithiasis without sonographic evidence of acute cholecystitis.',
  ],
  [
    'MRI LUMBAR SPINE WITHOUT CONTRAST',
    'Low back pain radiating to the left leg.',
    'Sagittal and axial T1 and T2 weighted images.',
    'At L4-L5 there is a broad disc bulge with a small left paracentral protrusion contacting the traversing left L5 nerve root. Mild facet arthropathy. The conus terminates at L1.',
    'L4-L5 left paracentral protrusion contacting the left L5 nerve root.',
  ],
  [
    'DXA BONE DENSITOMETRY',
    'Postmenopausal screening.',
    'Lumbar spine and bilateral hip DXA.',
    'L1-L4 T-score -1.8. Left femoral neck T-score -2.1. Right total hip T-score -1.5.',
    'Osteopenia. FRAX 10-year major osteoporotic fracture risk 11%.',
  ],
] as const

const radiology: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const exam = o.variant != null ? EXAMS[o.variant % EXAMS.length]! : r.pick(EXAMS)
  const acc = o.accession ?? `SIP${digits(r, 7)}`
  const rad = r.pick(DOCTORS)
  const body = `
<div style="display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #000;padding-bottom:6px">
<div><span class="logo">SIP</span> <span style="font-size:15pt;font-weight:bold">Summit Imaging Partners</span></div>
<div style="font-size:8pt;text-align:right">Northgate Outpatient Imaging<br>1410 Ridgeview Pkwy<br>Scheduling 555-018-2000</div></div>
<table style="width:100%;font-size:9.5pt;margin:10px 0"><tr><td><b>${esc(up(lastFirst(p)))}</b></td><td>DOB ${fmt(p.birthDate, 'iso')}</td><td>MRN ${p.hospitalMrn}</td></tr>
<tr><td>Exam date ${fmt(date, 'iso')}</td><td>Accession ${acc}</td><td>Referring: ${r.pick(PCP)}</td></tr></table>
<p><b>EXAM:</b> ${exam[0]}</p>
<p><b>CLINICAL HISTORY:</b> ${exam[1]}</p>
<p><b>TECHNIQUE:</b> ${exam[2]}</p>
<p><b>COMPARISON:</b> ${r.pick(['None available.', `Prior study dated ${fmt(addDays(date, -r.int(200, 700)), 'iso')}.`])}</p>
<p><b>FINDINGS:</b><br>${exam[3]}</p>
<p><b>IMPRESSION:</b><br>${exam[4]}</p>
<p style="margin-top:22px;font-size:9pt">Electronically signed by: ${rad} on ${fmt(date, 'iso')} at ${clock(r)}<br>Workstation: SIP-RD${r.int(2, 9)}</p>`
  return { type: 'radiology_report', sender: 'Summit Imaging Partners', patient: p, pages: [body], numbered: false, cls: 'summit', date }
}

// ---------- Long discharge summaries: St. Brigid (continuation header) and Mercy Point (repeating header) ------

const PROBLEMS = [
  [
    'Community-acquired pneumonia',
    'was admitted with fever, productive cough and hypoxia to 88% on room air. Chest radiograph showed a right lower lobe consolidation. Blood cultures were drawn and ceftriaxone and azithromycin were started. Oxygen was weaned over three days to room air. Cultures remained without growth and antibiotics were narrowed to oral amoxicillin-clavulanate to complete seven days.',
  ],
  [
    'Acute kidney injury',
    'creatinine on admission was 2.1 from a baseline near 1.0, felt to be prerenal from poor intake and continued diuretic use. Lisinopril and furosemide were held and intravenous fluids given. Creatinine improved to 1.2 by the day of discharge. Lisinopril is to remain held until follow-up labs.',
  ],
  [
    'Type 2 diabetes mellitus',
    'home metformin was held during the stay and a basal-bolus insulin regimen used, with glucose readings between 140 and 230. Hemoglobin A1c was 8.4. Metformin is resumed at discharge with the addition of a long-acting insulin, and diabetes education was completed at the bedside.',
  ],
  [
    'Atrial fibrillation with rapid ventricular response',
    'heart rates to 140s on arrival, controlled with intravenous diltiazem then oral metoprolol. Echocardiogram showed preserved ejection fraction of 55% and a mildly dilated left atrium. CHA2DS2-VASc score is 3 and apixaban was started after discussion of risks and benefits.',
  ],
  [
    'Delirium',
    'was intermittently confused at night on hospital days two and three. Medications were reviewed, sedating agents avoided, and sleep hygiene measures put in place. Mental status returned to baseline per family by day four.',
  ],
  [
    'Hyponatremia',
    'sodium 127 on admission, felt to be hypovolemic. Corrected slowly with isotonic fluids to 134 at discharge without neurologic symptoms.',
  ],
  [
    'Deconditioning',
    'physical therapy evaluated and recommended a rolling walker and home physical therapy. The patient ambulated 150 feet with supervision before discharge.',
  ],
  [
    'Chronic obstructive pulmonary disease',
    'no exacerbation during the stay. Home inhalers were continued. Smoking cessation was discussed at length and nicotine patches offered.',
  ],
  ['Hypertension', 'blood pressures ran 120s-150s systolic. Amlodipine continued; lisinopril held as above.'],
  [
    'Anemia',
    'hemoglobin stable between 10.1 and 10.8 without signs of bleeding. Iron studies suggest iron deficiency; outpatient colonoscopy is recommended.',
  ],
] as const

const MEDS = [
  'Amoxicillin-clavulanate 875 mg by mouth twice daily x 4 more days',
  'Apixaban 5 mg by mouth twice daily',
  'Metoprolol succinate 50 mg by mouth daily',
  'Metformin 1000 mg by mouth twice daily',
  'Insulin glargine 14 units subcutaneously at bedtime',
  'Amlodipine 10 mg by mouth daily',
  'Tiotropium 18 mcg inhaled daily',
  'Albuterol HFA 2 puffs every 4 hours as needed',
  'Ferrous sulfate 325 mg by mouth daily',
  'Atorvastatin 40 mg by mouth nightly',
  'Nicotine patch 21 mg/24 hr daily',
  'Acetaminophen 650 mg every 6 hours as needed for pain',
  'Polyethylene glycol 17 g daily as needed',
  'Pantoprazole 40 mg by mouth daily',
]

interface LongStyle {
  cls: string
  sender: string
  first: (p: BlindPatient, adm: string, dis: string, n: number) => string
  cont: (p: BlindPatient, i: number, n: number) => string
  numbering: Numbering
}

function longStyles(r: Rand): LongStyle[] {
  const acct = digits(r, 8)
  return [
    {
      cls: 'brigid',
      sender: 'St. Brigid Regional Medical Center',
      numbering: r.pick(['foot-pageof', 'foot-bare', 'none'] as const),
      first: (p, adm, dis) => `
<div class="lh"><div style="font-size:18pt;letter-spacing:2px">ST. BRIGID REGIONAL MEDICAL CENTER</div>
<div style="font-size:8.5pt">A member of the Lantern Health Alliance &middot; 900 Cathedral Hill Road &middot; Harrow Point &middot; (555) 016-3000</div></div>
<h1 style="text-align:center;font-size:15pt">DISCHARGE SUMMARY</h1>
<table style="width:100%;font-size:10pt"><tr><td>Patient name: ${esc(lastFirst(p))}</td><td>Medical record no.: ${p.hospitalMrn}</td></tr>
<tr><td>Date of birth: ${fmt(p.birthDate, 'us')}</td><td>Account no.: ${acct}</td></tr>
<tr><td>Admitted: ${fmt(adm, 'us')}</td><td>Discharged: ${fmt(dis, 'us')}</td></tr>
<tr><td>Attending: ${DOCTORS[1]}</td><td>Primary care: ${PCP[0]}</td></tr></table>`,
      cont: (p) => `<div class="cont">${esc(lastFirst(p))} &mdash; MRN ${p.hospitalMrn} &mdash; Discharge Summary &mdash; continued</div>`,
    },
    {
      cls: 'mercy',
      sender: 'Mercy Point Hospital',
      numbering: 'none',
      first: (p, adm, dis, n) => `
<div class="mh"><span><b>MERCY POINT HOSPITAL</b><br>Inpatient Medicine Service</span><span>${esc(up(p.family))}, ${esc(up(p.given))}<br>DOB ${fmt(p.birthDate, 'dmon')} &nbsp; ${p.sex}</span><span>MRN ${p.hospitalMrn}<br>Page 1 of ${n}</span></div>
<h2 style="font-size:13pt">Hospital Discharge Summary</h2>
<p>Admission: ${fmt(adm, 'dmon')} &nbsp;&nbsp; Discharge: ${fmt(dis, 'dmon')} &nbsp;&nbsp; Length of stay: ${Math.round((Date.parse(dis) - Date.parse(adm)) / 86400000)} days<br>Discharging physician: ${DOCTORS[4]} &nbsp;&nbsp; Disposition: Home with services</p>`,
      cont: (p, i, n) =>
        `<div class="mh"><span><b>MERCY POINT HOSPITAL</b><br>Inpatient Medicine Service</span><span>${esc(up(p.family))}, ${esc(up(p.given))}<br>DOB ${fmt(p.birthDate, 'dmon')} &nbsp; ${p.sex}</span><span>MRN ${p.hospitalMrn}<br>Page ${i} of ${n}</span></div><div style="height:8px"></div>`,
    },
  ]
}

const dischargeLong: Writer = (p, r, o) => {
  const n = o.pages ?? r.int(6, 10)
  const style = r.pick(longStyles(r))
  const dis = o.date ?? when(r)
  const adm = addDays(dis, -r.int(4, 9))
  const problems = r.shuffle(PROBLEMS)
  const pages: string[] = []
  // Page 1: heading, diagnoses.
  pages.push(
    style.first(p, adm, dis, n) +
      `<h3>Principal diagnosis</h3><p>${problems[0]![0]}</p><h3>Secondary diagnoses</h3><ul>${problems
        .slice(1, 5)
        .map((x) => `<li>${x[0]}</li>`)
        .join(
          '',
        )}</ul><h3>Reason for admission</h3><p>${mrs(p)} ${esc(p.family)} is a ${ageOn(p.birthDate, adm)}-year-old ${p.sex === 'F' ? 'woman' : 'man'} who presented to the emergency department with ${r.pick(['three days of fever and cough', 'palpitations and shortness of breath', 'confusion and poor oral intake', 'weakness and a fall at home'])}. ${she(p)} was admitted to the medicine service for further care.</p>`,
  )
  let k = 0
  const middleKinds = ['course', 'course', 'labs', 'meds', 'course', 'consults', 'course', 'imaging']
  for (let i = 2; i < n; i++) {
    const kind = middleKinds[(i - 2) % middleKinds.length]!
    let body = ''
    if (kind === 'course') {
      const two = [problems[k % problems.length]!, problems[(k + 1) % problems.length]!]
      k += 2
      body = `<h3>Hospital course${i === 2 ? '' : ' (continued)'}</h3>${two.map((x) => `<p><b>${x[0]}:</b> ${mrs(p)} ${esc(p.family)} ${x[1]}</p><p>${she(p)} ${r.pick(['tolerated this well', 'remained stable on the floor', 'was followed daily by the team', 'was seen by the consulting service'])} and ${her(p)} family was updated at the bedside on hospital day ${r.int(2, 5)}.</p>`).join('')}`
    } else if (kind === 'labs') {
      const days = [0, 1, 2, 3].map((d) => fmt(addDays(adm, d * 2), 'us'))
      body = `<h3>Pertinent laboratory results</h3><table style="width:100%;font-size:9pt" border="1" cellpadding="3"><tr><th>Test</th>${days.map((d) => `<th>${d}</th>`).join('')}</tr>${[
        'Sodium',
        'Potassium',
        'Creatinine',
        'WBC',
        'Hemoglobin',
        'Platelets',
        'Glucose',
      ]
        .map((t) => `<tr><td>${t}</td>${days.map(() => `<td>${r.int(1, 140)}</td>`).join('')}</tr>`)
        .join(
          '',
        )}</table><p>Blood cultures x2: no growth at five days. Urinalysis: ${r.pick(['negative', 'trace protein, otherwise negative'])}.</p>`
    } else if (kind === 'meds') {
      body = `<h3>Discharge medications</h3><div class="two"><ol>${r
        .shuffle(MEDS)
        .slice(0, 10)
        .map((m) => `<li>${m}</li>`)
        .join(
          '',
        )}</ol><p><b>Stopped:</b> ${r.pick(['Lisinopril 20 mg daily (held, see above)', 'Ibuprofen as needed', 'Furosemide 20 mg daily (held)'])}</p><p><b>Changed:</b> Metoprolol tartrate changed to metoprolol succinate.</p></div><h3>Allergies</h3><p>${r.pick(['No known drug allergies', 'Penicillin (rash as a child; tolerated amoxicillin-clavulanate this admission)', 'Sulfa drugs (hives)'])}</p>`
    } else if (kind === 'consults') {
      body = `<h3>Consultations</h3><p><b>Cardiology</b> (${DOCTORS[2]}): recommended rate control and anticoagulation as above; outpatient follow-up in four weeks.</p><p><b>Physical therapy:</b> recommended home physical therapy and a rolling walker.</p><p><b>Nutrition:</b> diabetic diet education completed.</p><h3>Procedures</h3><p>${r.pick(['None.', 'Transthoracic echocardiogram.', 'Peripherally inserted central catheter placed and removed.'])}</p>`
    } else {
      body = `<h3>Imaging</h3><p><b>Chest radiograph ${fmt(adm, 'us')}:</b> right lower lobe consolidation.</p><p><b>Chest radiograph ${fmt(addDays(adm, 3), 'us')}:</b> improving right lower lobe opacity.</p><p><b>Transthoracic echocardiogram:</b> ejection fraction 55%, mild left atrial enlargement, no significant valvular disease.</p>`
    }
    pages.push(style.cont(p, i, n) + body)
  }
  pages.push(
    style.cont(p, n, n) +
      `<h3>Condition at discharge</h3><p>Stable. Alert and oriented. Ambulating with a walker.</p><h3>Follow-up</h3><ul><li>${PCP[0]} within 7 days, with basic metabolic panel</li><li>Heartland Cardiology Group in 4 weeks</li><li>Home physical therapy: Harbor Light Home Health to call within 48 hours</li></ul><h3>Instructions</h3><p>Return to the emergency department for chest pain, shortness of breath, fever over 101 F, or bleeding.</p>
<div class="sig">______________________________<br>${style.cls === 'brigid' ? DOCTORS[1] : DOCTORS[4]}<br>Attending Physician<br>D: ${fmt(dis, 'us')} ${clock(r)} &nbsp; T: ${fmt(addDays(dis, 1), 'us')} ${clock(r)} &nbsp; Job #${digits(r, 6)}</div>`,
  )
  const pg = pages.map((b, i) => b + pageMark(style.numbering, i + 1, n))
  return {
    type: 'discharge_summary',
    sender: style.sender,
    patient: p,
    pages: pg,
    numbered: style.numbering !== 'none' || style.cls === 'mercy',
    cls: style.cls,
    date: dis,
  }
}

// ---------- QuickCare Urgent Care: visit note -------------------------------------------------

const UC = [
  [
    'Sore throat and fever x 2 days',
    'Rapid strep positive.',
    'Streptococcal pharyngitis',
    'Amoxicillin 500 mg twice daily x 10 days. Salt water gargles. Return if unable to swallow.',
  ],
  [
    'Right ankle injury playing basketball',
    'Ankle X-ray: no fracture.',
    'Right ankle sprain, lateral',
    'RICE, air splint, ibuprofen. Weight bearing as tolerated. Follow up with PCP in 1 week if not improving.',
  ],
  [
    'Burning with urination x 3 days',
    'Urine dip: leukocytes 2+, nitrite positive.',
    'Acute cystitis',
    'Nitrofurantoin 100 mg twice daily x 5 days. Urine culture sent.',
  ],
  [
    'Laceration left index finger, kitchen knife',
    'Wound 2.1 cm, clean, no tendon involvement.',
    'Laceration of finger without foreign body',
    '4 simple interrupted 5-0 nylon sutures. Tdap given. Suture removal in 10 days.',
  ],
] as const

const urgentCare: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const [cc, test, dx, plan] = r.pick(UC)
  const numbering: Numbering = r.pick(['foot-pageof', 'none'])
  const visit = `QC${digits(r, 7)}`
  const body = `
<div style="display:flex;justify-content:space-between"><div><span class="tag">QuickCare</span> <b style="font-size:13pt">Urgent Care &ndash; Elm Street</b><br><span style="font-size:8pt">Open 8a-8p every day &middot; 555-019-7272</span></div><div style="text-align:right;font-size:9pt">Visit # ${visit}<br>${fmt(date, 'dmon')} ${clock(r)}</div></div>
<h2 style="font-size:12pt;border-top:2px solid #d33;padding-top:6px">URGENT CARE VISIT NOTE</h2>
<p>${esc(firstLast(p))} &nbsp;&nbsp; DOB: ${fmt(p.birthDate, 'dmon')} &nbsp;&nbsp; ${ageOn(p.birthDate, date)} y/o ${sexWord(p)}</p>
<p><b>Chief complaint:</b> ${cc}</p>
<p><b>HPI:</b> ${ageOn(p.birthDate, date)} y/o presenting with ${cc.toLowerCase()}. ${r.pick(['No prior episodes.', 'Tried over-the-counter remedies without relief.', 'Symptoms worse at night.'])} Denies chest pain or shortness of breath.</p>
<table class="v"><tr><td>BP ${r.int(108, 150)}/${r.int(64, 92)}</td><td>HR ${r.int(62, 108)}</td><td>Temp ${(97.6 + r.next() * 3).toFixed(1)} F</td><td>RR ${r.int(12, 20)}</td><td>SpO2 ${r.int(95, 100)}%</td></tr></table>
<p><b>Exam:</b> ${r.pick(['Well appearing, no distress.', 'Uncomfortable but non-toxic.'])} Focused exam as documented in the chief complaint area.</p>
<p><b>Tests:</b> ${test}</p>
<p><b>Diagnosis:</b> ${dx}</p>
<p><b>Plan:</b> ${plan}</p>
<p><b>Disposition:</b> Discharged home in stable condition. Copy sent to ${r.pick(PCP)}.</p>
<div class="sig">Provider: ${r.pick(['Keisha Vantreese, PA-C', 'Orrin Blackwood, FNP-C', 'Lorraine Pham, MD'])}<br><i>Electronically signed ${fmt(date, 'dmon')}</i></div>`
  return {
    type: 'progress_note',
    sender: 'QuickCare Urgent Care',
    patient: p,
    pages: [body + pageMark(numbering, 1, 1)],
    numbered: numbering !== 'none',
    cls: 'quick',
    date,
  }
}

// ---------- Lakeshore Rehab Therapy: PT / OT progress -----------------------------------------

const therapy: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const ot = o.variant === 1 || (o.variant == null && r.chance(0.35))
  const disc = ot ? 'OCCUPATIONAL THERAPY' : 'PHYSICAL THERAPY'
  const title = o.variant != null ? `${disc} DAILY NOTE` : `${disc} PROGRESS REPORT`
  const visitNo = r.int(4, 18)
  const therapist = ot
    ? r.pick(['Renata Szabo, OTR/L', 'Declan Moody, MS, OTR/L'])
    : r.pick(['Jasper Ellingwood, PT, DPT', 'Nadia Farouk, PT, DPT'])
  const two = o.variant == null && r.chance(0.5)
  const mark = (i: number, n: number) => `<div class="head" style="text-align:right">Pg ${i}/${n}</div>`
  const top = `
<table style="width:100%"><tr><td style="font-size:14pt;font-weight:bold">Lakeshore Rehab Therapy</td><td style="text-align:right;font-size:8.5pt"><b>${title}</b><br>Therapist: ${therapist}<br>Date of service: ${fmt(date, 'us')}</td></tr></table>
<table class="g" style="width:100%;margin:6px 0"><tr><td>Client: ${esc(lastFirst(p))}</td><td>DOB: ${fmt(p.birthDate, 'us')}</td><td>Visit #: ${visitNo}</td><td>Referring: ${r.pick(PCP)}</td></tr>
<tr><td colspan="2">Dx: ${ot ? 'R27.8 Lack of coordination; S62.101D distal radius fx, subsequent' : r.pick(['M54.50 Low back pain', 'M17.11 Primary osteoarthritis, right knee', 'Z96.651 Presence of right artificial knee'])}</td><td colspan="2">Certification: ${fmt(addDays(date, -visitNo * 3), 'us')} - ${fmt(addDays(date, 60), 'us')}</td></tr></table>`
  const soap = `<div class="two"><p><b>Subjective:</b> ${r.pick(['Reports pain 3/10 today, better with walking.', 'States home exercises done most days.', 'Fatigued after a poor night of sleep.'])}</p>
<p><b>Objective:</b> ${ot ? 'Grip R 18 lb / L 52 lb. Wrist ext 45 deg. Fine motor: 9-hole peg 31 s.' : `Knee flexion ${r.int(90, 125)} deg, extension -${r.int(0, 8)} deg. Gait 300 ft with ${r.pick(['no device', 'single point cane'])}. TUG ${r.int(8, 16)} s.`}</p>
<p><b>Treatment:</b> Therapeutic exercise 97110 x ${r.int(2, 3)} units, neuromuscular re-ed 97112 x 1, manual therapy 97140 x 1.</p>
<p><b>Assessment:</b> Progressing toward goals; continues to benefit from skilled therapy.</p>
<p><b>Plan:</b> Continue ${r.int(2, 3)}x/week. Progress home program.</p></div>`
  const goals = `<h3 style="font-size:10pt">Goals</h3><table class="g" style="width:100%"><tr><th>#</th><th>Goal</th><th>Status</th></tr>
<tr><td>STG 1</td><td>${ot ? 'Independent with buttoning in 2 weeks' : 'Ascend/descend 12 stairs with rail in 3 weeks'}</td><td>${r.pick(['Met', 'Progressing', 'Not met'])}</td></tr>
<tr><td>STG 2</td><td>Pain at most 3/10 with daily tasks</td><td>${r.pick(['Met', 'Progressing'])}</td></tr>
<tr><td>LTG 1</td><td>${ot ? 'Return to work as a dental hygienist' : 'Walk 1 mile community distances'}</td><td>Progressing</td></tr></table>`
  const sig = `<div class="sig" style="text-align:right">${therapist}<br>Signed ${fmt(date, 'us')} ${clock(r)}</div>`
  const pages = two ? [top + soap + mark(1, 2), top + goals + sig + mark(2, 2)] : [top + soap + (o.variant == null ? goals : '') + sig]
  return { type: 'progress_note', sender: 'Lakeshore Rehab Therapy', patient: p, pages, numbered: two, cls: 'lakeshore', date }
}

// ---------- Heartland Cardiology Group: consult letter ----------------------------------------

const cardiologyLetter: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const doc = r.pick(['Ravindra Kulkarni, MD, FACC', 'Eleanor Whitcombe, MD', 'Abimbola Fashola, MD, FACC'])
  const pcp = r.pick(PCP)
  const side = `<div class="side"><b>HEARTLAND CARDIOLOGY GROUP</b><br><br>Ravindra Kulkarni, MD<br>Eleanor Whitcombe, MD<br>Abimbola Fashola, MD<br>Tobin Archer, NP<br><br>Echocardiography<br>Nuclear cardiology<br>Device clinic<br><br>310 Lantern Way<br>Suite 500<br>Harrow Point<br>555-020-8800</div>`
  const p1 = `${side}<div class="body1"><div style="font-size:18pt;font-weight:bold;letter-spacing:1px">Heartland Cardiology Group</div><p style="margin-top:18px">${fmt(date, 'monthd')}</p>
<p>${pcp}<br>Eastgate Family Medicine<br>41 Orchard Row</p>
<p><b>RE: ${esc(firstLast(p))} &nbsp; DOB ${fmt(p.birthDate, 'us')}</b></p>
<p>Dear ${pcp},</p>
<p>Thank you for asking me to see ${mrs(p)} ${esc(p.family)} in consultation for ${r.pick(['exertional chest pressure', 'palpitations', 'a new murmur', 'newly found atrial fibrillation'])}. ${she(p)} is ${ageOn(p.birthDate, date)} years old and ${r.pick(['walks daily', 'has been less active this year', 'works as a school bus driver'])}. Over the past two months ${she(p).toLowerCase()} has noticed symptoms with moderate exertion, resolving with rest within several minutes.</p>
<p>Past history includes hypertension and hyperlipidemia. Medications: amlodipine 5 mg daily, atorvastatin 20 mg nightly. ${she(p)} does not smoke.</p>
<p>On examination blood pressure was ${r.int(118, 158)}/${r.int(68, 94)}, pulse ${r.int(58, 96)} and regular. Jugular venous pressure was not raised. Heart sounds were normal with a soft systolic murmur at the left sternal border. Lungs were clear and there was no edema.</p>
<p>The ECG today shows sinus rhythm at ${r.int(60, 88)} beats per minute with no acute ST changes.</p></div>`
  const p2 = `<div style="font-size:9pt;margin-bottom:14px">${pcp}<br>Re: ${esc(firstLast(p))}<br>${fmt(date, 'monthd')}<br>Page 2</div>
<p><b>Impression:</b> ${r.pick(['Symptoms suggestive of stable angina; intermediate pre-test probability.', 'Palpitations with probable premature ventricular beats.', 'Murmur consistent with aortic sclerosis.'])}</p>
<p><b>Recommendations:</b></p><ol><li>Exercise treadmill stress echocardiogram.</li><li>Start aspirin 81 mg daily; continue the statin at a higher dose of atorvastatin 40 mg.</li><li>Fourteen-day ambulatory rhythm monitor.</li><li>Return to clinic after testing, in about six weeks.</li></ol>
<p>I have discussed these findings with ${mrs(p)} ${esc(p.family)}, who agrees with the plan. Thank you for allowing me to take part in ${her(p)} care.</p>
<p>Yours sincerely,</p><p style="margin-top:30px">${doc}<br>Consultant Cardiologist</p>
<p style="font-size:8pt">cc: ${esc(firstLast(p))} (patient)</p>`
  return {
    type: 'consult_note',
    sender: 'Heartland Cardiology Group',
    patient: p,
    pages: [p1, p2],
    numbered: false,
    cls: 'heartland',
    date,
  }
}

// ---------- Bayberry Family Practice: referral letter -----------------------------------------

const referral: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const to = r.pick(['Clearview Eye Associates', 'Heartland Cardiology Group', 'Lakeshore Rehab Therapy', 'Granite Peak Orthopaedics'])
  const why = r.pick([
    'worsening blurred vision in the right eye and a diabetic retinal screen overdue',
    'exertional chest discomfort with a borderline stress test',
    'persistent knee pain and weakness after arthroscopy',
    'right shoulder pain with a suspected rotator cuff tear',
  ])
  const body = `
<div class="lh"><b style="font-size:12pt">Bayberry Family Practice</b><br>Lucinda Marsh, MD &middot; Owen Trask, DO<br>12 Wharf Lane, Port Bayberry &middot; tel 555-021-0300 &middot; fax 555-021-0301</div>
<hr style="margin:8px 1.5in">
<p style="text-align:right">${fmt(date, r.pick(['monthd', 'us'] as DateStyle[]))}</p>
<p>To: ${to}<br>Attn: New patient referrals</p>
<p><b>Referral for:</b> ${esc(firstLast(p))}<br><b>Date of birth:</b> ${fmt(p.birthDate, 'monthd')}<br><b>Phone:</b> 555-0${r.int(10, 99)}-${r.int(1000, 9999)}<br><b>Insurance:</b> ${r.pick(['Harbor Mutual PPO', 'State Medicaid', 'Medicare + Lantern supplement'])}</p>
<p><b>Urgency:</b> ${r.pick(['Routine', 'Soon (within 2-4 weeks)', 'Urgent'])}</p>
<p>Dear colleague,</p>
<p>I would be grateful if you could see this patient of ours for ${why}. ${she(p)} has ${r.pick(['type 2 diabetes and hypertension', 'no significant past history', 'osteoarthritis and hypothyroidism'])}. Current medications and the last visit note are attached; recent labs are enclosed.</p>
<p>Please send your findings to our office by fax.</p>
<p style="margin-top:24px">Kind regards,</p>
<p style="margin-top:26px">${r.pick(['Lucinda Marsh, MD', 'Owen Trask, DO'])}</p>`
  return { type: 'referral_letter', sender: 'Bayberry Family Practice', patient: p, pages: [body], numbered: false, cls: 'bayberry', date }
}

// ---------- Willow Creek Assisted Living: MAR printout ----------------------------------------

const mar: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const month = date.slice(0, 7)
  const meds = r.shuffle(MEDS).slice(0, 12)
  const n = r.chance(0.5) ? 2 : 1
  const per = Math.ceil(meds.length / n)
  const days = Array.from({ length: 14 }, (_, i) => i + 1)
  const printed = `${fmt(addDays(date, 1), 'us')} ${clock(r)}`
  const pages: string[] = []
  for (let i = 1; i <= n; i++) {
    const mine = meds.slice((i - 1) * per, i * per)
    pages.push(`<pre style="margin:0;font:inherit">WILLOW CREEK ASSISTED LIVING                     MEDICATION ADMINISTRATION RECORD
Resident: ${up(lastFirst(p)).padEnd(30)} DOB: ${fmt(p.birthDate, 'us')}   Room: ${r.int(101, 240)}${r.pick(['A', 'B'])}
Physician: ${r.pick(PCP).padEnd(29)} Month: ${month}   Allergies: NKDA
</pre><table class="mar" style="width:100%;margin-top:6px"><tr><th>Medication / directions</th><th>Hr</th>${days.map((d) => `<th>${d}</th>`).join('')}</tr>
${mine.map((m) => `<tr><td>${m}</td><td>0800</td>${days.map(() => `<td>${r.pick(['KP', 'JS', 'TL', 'KP', 'R'])}</td>`).join('')}</tr>`).join('')}</table>
<pre style="font:inherit;margin-top:10px">R = refused   H = hospital   L = leave of absence
Codes signed: KP Kamala Prasad CMA   JS Jonah Steele CMA   TL Tereza Lind LPN</pre>
<div class="foot" style="font-family:inherit">Printed ${printed}   Page ${i}</div>`)
  }
  return { type: 'other', sender: 'Willow Creek Assisted Living', patient: p, pages, numbered: true, cls: 'willow', date }
}

// ---------- ECG report --------------------------------------------------------------------------

const ecg: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const rate = r.int(52, 104)
  const body = `
<table style="width:100%;font-size:9pt"><tr><td><b>${esc(up(lastFirst(p)))}</b><br>ID: ${p.hospitalMrn}<br>${fmt(p.birthDate, 'upper')} (${ageOn(p.birthDate, date)} yr) ${sexWord(p)}</td>
<td>Vent. rate ${rate} BPM<br>PR interval ${r.int(130, 210)} ms<br>QRS duration ${r.int(78, 118)} ms<br>QT/QTc ${r.int(360, 430)}/${r.int(400, 470)} ms<br>P-R-T axes ${r.int(10, 70)} ${r.int(-20, 80)} ${r.int(10, 70)}</td>
<td>${fmt(date, 'upper')} ${clock(r)}<br>Mercy Point Hospital<br>Cardiopulmonary Dept.<br>Loc: ${r.int(1, 40)} Room: ${r.int(100, 499)}</td></tr></table>
<h2 style="font-size:11pt">12-LEAD ELECTROCARDIOGRAM</h2>
<p><b>${r.pick(['Normal sinus rhythm', 'Sinus bradycardia', 'Sinus rhythm with 1st degree AV block', 'Atrial fibrillation with controlled ventricular response'])}</b><br>${r.pick(['Normal ECG', 'Left axis deviation', 'Nonspecific T wave abnormality', 'Possible left ventricular hypertrophy'])}<br>${r.pick(['When compared with ECG of ' + fmt(addDays(date, -r.int(90, 700)), 'upper') + ', no significant change was found', 'No previous ECGs available'])}</p>
${['I', 'II', 'III', 'V1'].map((l) => `<div style="font-size:8pt">${l}</div><div class="strip"></div>`).join('')}
<p style="font-size:8.5pt">Referred by: ${r.pick(PCP)} &nbsp;&nbsp; Confirmed by: ${r.pick(DOCTORS)} on ${fmt(addDays(date, 1), 'upper')}<br>25 mm/s &nbsp; 10 mm/mV &nbsp; 150 Hz &nbsp; 8.0 SP2 &nbsp; 12SL v241</p>`
  return { type: 'other', sender: 'Mercy Point Hospital ECG', patient: p, pages: [body], numbered: false, cls: 'ecg', date }
}

// ---------- County immunization record ----------------------------------------------------------

const VACCINES = [
  'Influenza, quadrivalent',
  'Td/Tdap',
  'Pneumococcal PCV20',
  'Zoster recombinant (1 of 2)',
  'Zoster recombinant (2 of 2)',
  'COVID-19 mRNA 2024-25',
  'Hepatitis B (1 of 3)',
  'RSV, adjuvanted',
]

const immunization: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const rows = r.shuffle(VACCINES).slice(0, r.int(4, 7))
  const body = `
<div style="text-align:center"><div style="font-size:9pt">LANTERN COUNTY DEPARTMENT OF PUBLIC HEALTH</div><div style="font-size:16pt;font-weight:bold">Official Immunization Record</div><div style="font-size:8.5pt">Certified copy from the county immunization information system</div></div>
<p style="margin-top:14px">Name: <b>${esc(up(p.family))}, ${esc(up(p.given))} ${p.middle}</b><br>Birth date: ${fmt(p.birthDate, 'us')} &nbsp;&nbsp; Sex: ${p.sex}<br>Registry ID: LC${digits(r, 8)}</p>
<table class="imm" style="width:100%;font-size:9.5pt"><tr><th>Vaccine</th><th>Date given</th><th>Lot</th><th>Site</th><th>Given by</th></tr>
${rows.map((v, i) => `<tr><td>${v}</td><td>${fmt(addDays(date, -i * r.int(40, 300)), 'us')}</td><td>${up(digits(r, 2))}${r.pick(['K', 'X', 'M'])}${digits(r, 3)}</td><td>${r.pick(['L deltoid', 'R deltoid'])}</td><td>${r.pick(['County clinic', 'Eastgate Family Med', 'Corner Pharmacy #41'])}</td></tr>`).join('')}</table>
<p style="margin-top:18px;font-size:9pt">Printed ${fmt(date, 'us')}. This record is valid without a signature when printed on security paper bearing the county seal.</p>
<p style="font-size:9pt">Registrar: Helmut Eastwood, Immunization Program Manager</p>`
  return {
    type: 'immunization_record',
    sender: 'Lantern County Public Health',
    patient: p,
    pages: [body],
    numbered: false,
    cls: 'county',
    date,
  }
}

// ---------- Harbor Light Home Health: plan of care form ---------------------------------------

const homeHealth: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const soc = addDays(date, -r.int(0, 30))
  const box = (n: number, label: string, val: string, span = 1) =>
    `<td colspan="${span}"><span class="lbl">${n}. ${label}</span>${val}</td>`
  const p1 = `
<div style="display:flex;justify-content:space-between;font-size:8pt"><span>Department of Health Services - Home Health Certification and Plan of Care</span><span>Form HH-485</span></div>
<table class="box"><tr>${box(1, "Patient's HI claim no.", `${digits(r, 4)}-${up(p.family.slice(0, 2))}${digits(r, 4)}`)}${box(2, 'Start of care date', fmt(soc, 'us'))}${box(3, 'Certification period', `From ${fmt(soc, 'us')} To ${fmt(addDays(soc, 59), 'us')}`, 2)}</tr>
<tr>${box(4, 'Medical record no.', `HL-${digits(r, 5)}`)}${box(5, 'Provider no.', '14-7' + digits(r, 3))}${box(6, "Patient's name and address", `${esc(lastFirst(p))}<br>${r.int(10, 999)} ${r.pick(['Birch', 'Ferry', 'Quarry', 'Linden'])} St, Harrow Point`, 2)}</tr>
<tr>${box(7, 'Date of birth', fmt(p.birthDate, 'us'))}${box(8, 'Sex', p.sex)}${box(9, "Provider's name, address and telephone", 'Harbor Light Home Health, 77 Pier Road, 555-022-4100', 2)}</tr>
<tr>${box(10, 'Principal diagnosis', r.pick(['I48.91 Atrial fibrillation', 'J18.9 Pneumonia', 'M17.11 OA right knee']))}${box(11, 'Surgical procedure', r.pick(['N/A', 'Right TKA']))}${box(12, 'Other pertinent diagnoses', 'E11.9; I10; R26.81', 2)}</tr>
<tr>${box(
    13,
    'Medications: dose/frequency/route (N)ew (C)hanged',
    r
      .shuffle(MEDS)
      .slice(0, 6)
      .map((m) => m + (r.chance(0.3) ? ' (N)' : ''))
      .join('<br>'),
    4,
  )}</tr>
<tr>${box(14, 'DME and supplies', 'Rolling walker, shower chair')}${box(15, 'Safety measures', 'Fall precautions, bleeding precautions')}${box(16, 'Nutritional req.', 'Carb controlled')}${box(17, 'Allergies', 'NKDA')}</tr>
<tr>${box(18, 'Functional limitations', 'Endurance, ambulation', 2)}${box(19, 'Activities permitted', 'Up as tolerated, walker', 2)}</tr>
<tr>${box(20, 'Mental status', 'Oriented', 2)}${box(21, 'Prognosis', r.pick(['Good', 'Fair']), 2)}</tr></table>`
  const p2 = `
<table class="box"><tr>${box(22, 'Orders for discipline and treatments (specify amount/frequency/duration)', `SN 2w4, 1w4: assess cardiopulmonary status, medication teaching, INR/BMP draws as ordered.<br>PT 2w4: gait training, strengthening, home safety evaluation.<br>OT 1w3: ADL retraining, energy conservation.<br>HHA 2w4: bathing assistance.`, 4)}</tr>
<tr style="height:1.2in">${box(23, 'Goals / rehabilitation potential / discharge plans', 'Patient will demonstrate independent medication management within 4 weeks. Ambulate 200 ft with walker. Discharge to self care when goals met.', 4)}</tr>
<tr>${box(24, "Nurse's signature and date of verbal SOC where applicable", `Celine Arbuthnot, RN &nbsp; ${fmt(soc, 'us')}`, 2)}${box(25, 'Date HHA received signed POT', fmt(addDays(soc, r.int(5, 20)), 'us'), 2)}</tr>
<tr>${box(26, "Physician's name and address", `${r.pick(PCP)}<br>Eastgate Family Medicine, 41 Orchard Row`, 2)}${box(27, 'Attending physician signature and date signed', `<i>signature on file</i> &nbsp; ${fmt(addDays(soc, r.int(6, 22)), 'us')}`, 2)}</tr></table>
<p style="font-size:7.5pt">Anyone who misrepresents, falsifies, or conceals essential information required for payment of funds may be subject to fine, imprisonment, or civil penalty under applicable laws.</p>`
  return {
    type: 'other',
    sender: 'Harbor Light Home Health',
    patient: p,
    pages: [p1 + pageMark('foot-pageof', 1, 2), p2 + pageMark('foot-pageof', 2, 2)],
    numbered: true,
    cls: 'harbor',
    date,
  }
}

// ---------- Clearview Eye Associates: exam note ------------------------------------------------

const eyeNote: Writer = (p, r, o) => {
  const date = o.date ?? when(r)
  const body = `
<div style="font-size:24pt;text-align:center">Clearview Eye Associates</div>
<div class="plain" style="text-align:center;font-size:8pt;margin-bottom:10px">Comprehensive ophthalmology &middot; Retina &middot; Glaucoma &nbsp;|&nbsp; 2 Beacon Street, Harrow Point</div>
<div class="plain">
<p><b>Comprehensive Eye Examination</b> &nbsp;&nbsp; ${fmt(date, 'monthd')}</p>
<p>${esc(firstLast(p))} &nbsp;&nbsp; Birthdate ${fmt(p.birthDate, 'monthd')} &nbsp;&nbsp; Chart ${digits(r, 6)}</p>
<p><b>Reason for visit:</b> ${r.pick(['Diabetic eye exam', 'Blurred vision right eye', 'Glaucoma follow-up', 'New floaters left eye'])}</p>
<table class="eye"><tr><td></td><td>OD</td><td>OS</td></tr><tr><td>VA cc</td><td>20/${r.pick([20, 25, 30, 40, 60])}</td><td>20/${r.pick([20, 25, 30, 40])}</td></tr><tr><td>IOP (Goldmann)</td><td>${r.int(11, 24)}</td><td>${r.int(11, 24)}</td></tr><tr><td>C/D</td><td>0.${r.int(2, 7)}</td><td>0.${r.int(2, 7)}</td></tr><tr><td>Lens</td><td>${r.pick(['clear', '1+ NS'])}</td><td>${r.pick(['clear', '1+ NS', '2+ NS'])}</td></tr></table>
<p><b>Dilated fundus exam:</b> ${r.pick(['No diabetic retinopathy OU.', 'Mild nonproliferative diabetic retinopathy OD, none OS.', 'Posterior vitreous detachment OS, no retinal tear on scleral depression.'])}</p>
<p><b>Assessment and plan:</b></p><ol><li>${r.pick(['Type 2 diabetes without retinopathy: annual exam.', 'Cataract, early, both eyes: observe.', 'Glaucoma suspect: OCT RNFL and visual field in 6 months.'])}</li><li>Refraction updated; new spectacle prescription given.</li></ol>
<p>Report to: ${r.pick(PCP)}</p></div>
<div style="margin-top:20px;font-size:14pt">Marguerite Ashdown, MD</div><div class="plain" style="font-size:8pt">Ophthalmology &middot; signed ${fmt(date, 'us')}</div>`
  return { type: 'progress_note', sender: 'Clearview Eye Associates', patient: p, pages: [body], numbered: false, cls: 'clearview', date }
}

// ---------- fax cover sheet ---------------------------------------------------------------------

/** A fax cover sheet for the document that follows it; it belongs to that document in the truth. */
export function faxCover(doc: BlindDoc, r: Rand): string {
  const names = r.chance(0.5)
  return `
<div class="big">FAX</div>
<div style="font-size:10pt;margin-bottom:16px">${esc(doc.sender)}</div>
<table style="width:100%"><tr><td>Date:</td><td>${fmt(addDays(doc.date, r.int(0, 3)), 'us')}</td></tr>
<tr><td>To:</td><td>Eastgate Family Medicine &ndash; Medical Records</td></tr>
<tr><td>Fax:</td><td>555-010-4477</td></tr>
<tr><td>From:</td><td>${r.pick(['Health Information Management', 'Release of Information', 'Front desk', 'Records department'])}</td></tr>
<tr><td>Pages:</td><td>${doc.pages.length + 1} (including cover)</td></tr>
<tr><td>Re:</td><td>${names ? `${esc(lastFirst(doc.patient))} &ndash; records as requested` : 'Records as requested'}</td></tr></table>
<p style="margin-top:30px">&#9744; Urgent &nbsp; &#9745; For your records &nbsp; &#9744; Please reply</p>
<p style="margin-top:1.6in;font-size:8.5pt;border:1px solid #000;padding:8px"><b>CONFIDENTIALITY NOTICE:</b> This facsimile contains protected health information that is privileged and confidential. If you are not the intended recipient, any review, disclosure, copying or distribution is prohibited. If you received this in error, please notify the sender by telephone and destroy all copies.</p>`
}

export const WRITERS = {
  labCumulative,
  pathology,
  radiology,
  dischargeLong,
  urgentCare,
  therapy,
  cardiologyLetter,
  referral,
  mar,
  ecg,
  immunization,
  homeHealth,
  eyeNote,
} satisfies Record<string, Writer>

export type WriterName = keyof typeof WRITERS
