/**
 * Imaging, laboratory and pathology of the fourth blind set. Halvorsen Imaging Partners sends
 * one-page reports (two exams on one day come as two reports). Meridian Reference Laboratory
 * prints results in tables over one to four pages, a header with the patient on each page,
 * and a cumulative flowsheet printed landscape whose later page is a bare continuation of the
 * table. Kestrel Pathology Associates sends surgical pathology under an accession number; its
 * second page names the patient only by name.
 */
import {
  addDays,
  ageOn,
  CENTER,
  dashMon,
  esc,
  firstLast,
  lastFirst,
  mdy,
  monDay,
  senderNumber,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

export const DIAG_CSS = `
.hv { font-family: 'URW Gothic', 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.4 }
.hv .logo { font-size: 20pt; letter-spacing: 3px; color: #3a5a40 }
.hv .logo small { display: block; font-size: 8pt; letter-spacing: 0.5px; color: #222 }
.hv .who { margin: 14px 0; border-top: 1px solid #3a5a40; border-bottom: 1px solid #3a5a40; padding: 6px 0; display: grid; grid-template-columns: 1fr 1fr; gap: 2px 16px; font-size: 9.5pt }
.hv h2 { font-size: 12pt; margin: 10px 0 4px }
.hv .k { font-weight: bold; margin-top: 10px }
.hv p { margin: 2px 0 6px }
.mr { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 8.8pt; line-height: 1.3 }
.mr .hd { display: flex; justify-content: space-between; border-bottom: 2px solid #000; padding-bottom: 3px }
.mr .hd > span:last-child { white-space: nowrap; padding-left: 12px }
.mr .hd b { font-size: 12pt }
.mr .id { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 1px 12px; margin: 6px 0; border-bottom: 1px solid #000; padding-bottom: 4px }
.mr table.res { width: 100%; margin: 6px 0 }
.mr table.res th { text-align: left; border-bottom: 1px solid #000; font-weight: bold }
.mr table.res td, .mr table.res th { padding: 1px 4px }
.mr .panel { font-weight: bold; margin-top: 10px; text-decoration: underline }
.mr .ft { position: absolute; left: 0.7in; right: 0.7in; bottom: 0.35in; font-size: 7.5pt; border-top: 1px solid #000; padding-top: 2px; display: flex; justify-content: space-between }
.mr.flow table.res td, .mr.flow table.res th { border: 1px solid #444; text-align: center; font-size: 8.4pt }
.mr.flow table.res td:first-child { text-align: left }
.kp { font-family: 'P052', 'DejaVu Serif', serif; font-size: 10.5pt; line-height: 1.35 }
.kp .mast { text-align: center; border-bottom: 1px double #000; padding-bottom: 6px }
.kp .mast b { font-size: 15pt; font-variant: small-caps; letter-spacing: 1px }
.kp table.ids { width: 100%; margin: 8px 0; font-size: 9.5pt }
.kp table.ids td { padding: 1px 4px; border: 1px solid #666 }
.kp h4 { margin: 10px 0 2px; font-size: 10.5pt; font-variant: small-caps }
.kp .dx { font-weight: bold; text-transform: uppercase; margin: 4px 0 8px 12px }
`

const HV = { name: 'Halvorsen Imaging Partners', fax: '208-555-0711' }
const EXAMS = [
  [
    'XR CHEST 2 VIEWS',
    'Cough, fever.',
    'The lungs are clear. Heart size is normal. No pleural effusion or pneumothorax. Mild degenerative change in the thoracic spine.',
    'No acute cardiopulmonary process.',
  ],
  [
    'XR KNEE RIGHT 3 VIEWS',
    'Knee pain after a fall.',
    'No fracture or dislocation. Moderate medial compartment joint space narrowing with osteophytes. Small suprapatellar effusion.',
    'Moderate medial compartment osteoarthritis. No fracture.',
  ],
  [
    'US ABDOMEN COMPLETE',
    'Elevated liver enzymes.',
    'The liver is enlarged at 18.2 cm and diffusely echogenic. Gallbladder without stones. Common bile duct 4 mm. Kidneys normal in size.',
    'Hepatomegaly with hepatic steatosis.',
  ],
  [
    'MAMMOGRAM SCREENING BILATERAL WITH TOMOSYNTHESIS',
    'Routine screening.',
    'The breasts are heterogeneously dense. No suspicious mass, calcification or architectural distortion.',
    'BI-RADS 1: Negative. Routine annual screening recommended.',
  ],
  [
    'CT HEAD WITHOUT CONTRAST',
    'Headache, dizziness.',
    'No intracranial hemorrhage, mass effect or midline shift. Mild periventricular white matter hypodensity. Ventricles normal.',
    'No acute intracranial abnormality. Mild chronic small vessel ischemic change.',
  ],
  [
    'DXA BONE DENSITY',
    'Postmenopausal, screening.',
    'Lumbar spine L1-L4 T-score -1.8. Left femoral neck T-score -2.6. Total hip T-score -2.1.',
    'Osteoporosis by femoral neck T-score. FRAX provided separately.',
  ],
  [
    'US THYROID',
    'Palpable nodule.',
    'Right lobe 1.4 cm solid hypoechoic nodule with smooth margins, no calcifications (TI-RADS 4). Left lobe normal.',
    'TI-RADS 4 nodule of the right lobe; fine needle aspiration recommended.',
  ],
  [
    'XR LUMBAR SPINE 2-3 VIEWS',
    'Low back pain.',
    'Vertebral body heights preserved. Disc space narrowing at L4-L5 and L5-S1 with facet arthropathy. Alignment normal.',
    'Degenerative disc disease L4-S1.',
  ],
] as const
const RADIOLOGISTS = ['Anneliese Torvik, MD', 'Darnell Fairweather, MD', 'Sunniva Holm, MD']

/** One-page imaging report; `exam` picks the study so two reports of one day differ. */
export function halvorsenRadiology(c: WriteCtx & { exam?: number }): Written {
  const { r, p } = c
  const ex = EXAMS[c.exam ?? r.int(0, EXAMS.length - 1)]!
  const html = `<div class="hv"><div class="logo">HALVORSEN<small>IMAGING PARTNERS &middot; 505 Meadowlark Pkwy, Millbrook ID 83297 &middot; Tel 208-555-0710 &middot; Fax ${HV.fax}</small></div>
<div class="who"><span>Patient: <b>${esc(firstLast(p))}</b></span><span>DOB: ${mdy(p.birth)}</span><span>Patient ID: ${senderNumber('HIP-', p, 'halvorsen', 7)}</span><span>Date of service: ${mdy(c.date)}</span>
<span>Referring: ${r.pick(CENTER.clinicians)}, ${CENTER.short}</span><span>Accession: ${r.int(4100000, 4999999)}</span></div>
<h2>${ex[0]}</h2>
<div class="k">CLINICAL INDICATION</div><p>${ex[1]}</p>
<div class="k">COMPARISON</div><p>${r.pick(['None available.', `Prior study ${mdy(addDays(c.date, -r.int(200, 900)))}.`])}</p>
<div class="k">TECHNIQUE</div><p>${r.pick(['Standard protocol.', 'Routine views obtained.', 'Images obtained per department protocol; dose reduction techniques used.'])}</p>
<div class="k">FINDINGS</div><p>${ex[2]}</p>
<div class="k">IMPRESSION</div><p>${ex[3]}</p>
<p style="margin-top:24px">Electronically signed: ${r.pick(RADIOLOGISTS)} &middot; ${mdy(c.date)} ${r.int(8, 18)}:${r.int(10, 59)}</p></div>`
  return {
    writer: 'halvorsen-radiology',
    type: 'radiology_report',
    sender: HV.name,
    fax: HV.fax,
    date: c.date,
    title: ex[0],
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

export const EXAM_COUNT = EXAMS.length

const MR = { name: 'Meridian Reference Laboratory', fax: '208-555-0820' }
type Row = readonly [string, () => string, string, string]
const PANELS: Record<string, (r: WriteCtx['r']) => Row[]> = {
  'COMPREHENSIVE METABOLIC PANEL': (r) => [
    ['Glucose', () => String(r.int(72, 240)), 'mg/dL', '70-99'],
    ['BUN', () => String(r.int(7, 38)), 'mg/dL', '7-25'],
    ['Creatinine', () => (0.6 + r.next() * 1.4).toFixed(2), 'mg/dL', '0.60-1.26'],
    ['eGFR', () => String(r.int(38, 110)), 'mL/min/1.73m2', '>59'],
    ['Sodium', () => String(r.int(131, 146)), 'mmol/L', '135-146'],
    ['Potassium', () => (3.3 + r.next() * 2).toFixed(1), 'mmol/L', '3.5-5.3'],
    ['Chloride', () => String(r.int(96, 110)), 'mmol/L', '98-110'],
    ['Carbon dioxide', () => String(r.int(19, 32)), 'mmol/L', '20-32'],
    ['Calcium', () => (8.4 + r.next() * 2).toFixed(1), 'mg/dL', '8.6-10.3'],
    ['Protein, total', () => (6 + r.next() * 2).toFixed(1), 'g/dL', '6.1-8.1'],
    ['Albumin', () => (3.3 + r.next() * 1.6).toFixed(1), 'g/dL', '3.6-5.1'],
    ['AST', () => String(r.int(12, 88)), 'U/L', '10-35'],
    ['ALT', () => String(r.int(9, 102)), 'U/L', '6-29'],
  ],
  'CBC WITH DIFFERENTIAL': (r) => [
    ['WBC', () => (3.5 + r.next() * 9).toFixed(1), 'Thousand/uL', '3.8-10.8'],
    ['RBC', () => (3.8 + r.next() * 1.6).toFixed(2), 'Million/uL', '3.80-5.10'],
    ['Hemoglobin', () => (10 + r.next() * 6).toFixed(1), 'g/dL', '11.7-15.5'],
    ['Hematocrit', () => (31 + r.next() * 17).toFixed(1), '%', '35.0-45.0'],
    ['MCV', () => (78 + r.next() * 20).toFixed(1), 'fL', '80.0-100.0'],
    ['Platelet count', () => String(r.int(120, 420)), 'Thousand/uL', '140-400'],
    ['Neutrophils, absolute', () => String(r.int(1400, 8200)), 'cells/uL', '1500-7800'],
    ['Lymphocytes, absolute', () => String(r.int(700, 3900)), 'cells/uL', '850-3900'],
  ],
  'LIPID PANEL': (r) => [
    ['Cholesterol, total', () => String(r.int(140, 290)), 'mg/dL', '<200'],
    ['HDL cholesterol', () => String(r.int(32, 78)), 'mg/dL', '>39'],
    ['Triglycerides', () => String(r.int(70, 390)), 'mg/dL', '<150'],
    ['LDL cholesterol (calc)', () => String(r.int(60, 190)), 'mg/dL', '<100'],
  ],
  'HEMOGLOBIN A1c': (r) => [
    ['Hemoglobin A1c', () => (5 + r.next() * 5).toFixed(1), '% of total Hgb', '<5.7'],
    ['Estimated average glucose', () => String(r.int(100, 260)), 'mg/dL', ''],
  ],
  'THYROID PANEL': (r) => [
    ['TSH', () => (0.2 + r.next() * 7).toFixed(2), 'mIU/L', '0.40-4.50'],
    ['T4, free', () => (0.7 + r.next() * 1.2).toFixed(1), 'ng/dL', '0.8-1.8'],
  ],
  'URINALYSIS, COMPLETE': (r) => [
    ['Color', () => r.pick(['Yellow', 'Straw', 'Amber']), '', 'Yellow'],
    ['Specific gravity', () => (1.005 + r.next() * 0.025).toFixed(3), '', '1.001-1.035'],
    ['pH', () => r.pick(['5.0', '6.0', '6.5', '7.0']), '', '5.0-8.0'],
    ['Protein', () => r.pick(['Negative', 'Trace', '1+']), '', 'Negative'],
    ['Glucose', () => r.pick(['Negative', '2+']), '', 'Negative'],
    ['Leukocyte esterase', () => r.pick(['Negative', '1+', '2+']), '', 'Negative'],
    ['Nitrite', () => r.pick(['Negative', 'Positive']), '', 'Negative'],
  ],
  'MICROALBUMIN, RANDOM URINE': (r) => [
    ['Creatinine, random urine', () => String(r.int(30, 250)), 'mg/dL', '20-320'],
    ['Microalbumin', () => (0.2 + r.next() * 12).toFixed(1), 'mg/dL', 'not estab.'],
    ['Microalbumin/creatinine ratio', () => String(r.int(4, 160)), 'mcg/mg creat', '<30'],
  ],
}

const flag = (v: string, ref: string) => {
  const x = Number(v)
  const m = /^([\d.]+)-([\d.]+)$/.exec(ref)
  if (!m || Number.isNaN(x)) return ''
  return x < Number(m[1]) ? 'L' : x > Number(m[2]) ? 'H' : ''
}

function mrHeader(c: WriteCtx, spec: string, collected: string, n: number, of: number): string {
  const p = c.p
  return `<div class="hd"><span><b>MERIDIAN REFERENCE LABORATORY</b><br>2290 Foundry St, Boise ID 83702 &middot; CLIA 13D0998421 &middot; Lab Director: H. Castellanos, MD, PhD</span><span>Page ${n} of ${of}</span></div>
<div class="id"><span>Patient: ${esc(upperLastFirst(p))}</span><span>DOB: ${mdy(p.birth)}  Age: ${ageOn(p.birth, c.date)}  Sex: ${p.sex}</span><span>Specimen: ${spec}</span>
<span>Patient ID: ${p.mrn ?? senderNumber('', p, 'meridian-pid', 7)}</span><span>Collected: ${mdy(collected)} ${c.r.int(7, 11)}:${c.r.int(10, 59)}</span><span>Reported: ${mdy(c.date)}</span>
<span>Client: ${CENTER.short} #40117</span><span>Ordering: ${c.r.pick(CENTER.clinicians)}</span><span>Fasting: ${c.r.pick(['Yes', 'No', 'Unknown'])}</span></div>`
}

/** Results in tables over 1 to 4 pages, "Page x of N" and the patient in the header of every page. */
export function meridianLab(c: WriteCtx & { pages?: number }): Written {
  const { r } = c
  const pages = c.pages ?? r.int(1, 3)
  const spec = `${r.pick(['MK', 'MR', 'MB'])}${r.int(100000, 999999)}`
  const collected = addDays(c.date, -r.int(0, 2))
  const names = r.shuffle(Object.keys(PANELS))
  const perPage: string[][] = Array.from({ length: pages }, () => [])
  // Two panels a page at most, so a page never spills.
  names.slice(0, Math.min(names.length, pages * 2)).forEach((n, i) => perPage[Math.min(pages - 1, Math.floor(i / 2))]!.push(n))
  const sheets: Sheet[] = perPage.map((panels, i) => {
    const tables = panels
      .map((name) => {
        const rows = PANELS[name]!(r)
          .map(([t, v, u, ref]) => {
            const val = v()
            const f = flag(val, ref)
            return `<tr><td>${t}</td><td>${val}</td><td>${f}</td><td>${u}</td><td>${ref}</td><td>MRB</td></tr>`
          })
          .join('')
        return `<div class="panel">${name}</div><table class="res"><tr><th>Test</th><th>Result</th><th>Flag</th><th>Units</th><th>Reference interval</th><th>Lab</th></tr>${rows}</table>`
      })
      .join('')
    const last = i === pages - 1
    return {
      html: `<div class="mr">${mrHeader(c, spec, collected, i + 1, pages)}${tables}${
        last
          ? `<p>${'-'.repeat(30)} END OF REPORT ${'-'.repeat(30)}</p><p>MRB: Meridian Reference Laboratory, 2290 Foundry St, Boise ID 83702</p>`
          : '<p>** Continued on next page **</p>'
      }<div class="ft"><span>FINAL REPORT &middot; Printed ${mdy(c.date)}</span><span>${spec}</span></div></div>`,
      naming: 'full',
    }
  })
  return {
    writer: 'meridian-lab',
    type: 'lab_report',
    sender: MR.name,
    fax: MR.fax,
    date: c.date,
    title: 'Laboratory Report',
    sheets,
    numbered: true,
    runningTitle: true,
  }
}

/** A cumulative flowsheet printed landscape over 2 pages: the second a bare continuation of the table, with or without the name at the foot. */
export function meridianFlowsheet(c: WriteCtx): Written {
  const { r, p } = c
  const dates = Array.from({ length: 6 }, (_, i) => addDays(c.date, -(5 - i) * r.int(25, 40)))
  const cols = dates.map((d) => `<th>${mdy(d)}</th>`).join('')
  const series = (lo: number, hi: number, dp: number) => dates.map(() => `<td>${(lo + r.next() * (hi - lo)).toFixed(dp)}</td>`).join('')
  const rowsA = [
    ['Hemoglobin A1c (%)', 5.6, 10.5, 1],
    ['Glucose (mg/dL)', 80, 260, 0],
    ['Creatinine (mg/dL)', 0.7, 1.8, 2],
    ['eGFR (mL/min/1.73m2)', 35, 95, 0],
    ['Potassium (mmol/L)', 3.4, 5.4, 1],
    ['Sodium (mmol/L)', 132, 145, 0],
    ['Microalb/creat (mcg/mg)', 5, 180, 0],
  ] as const
  const rowsB = [
    ['Cholesterol (mg/dL)', 140, 280, 0],
    ['LDL calc (mg/dL)', 60, 190, 0],
    ['HDL (mg/dL)', 30, 75, 0],
    ['Triglycerides (mg/dL)', 70, 380, 0],
    ['TSH (mIU/L)', 0.3, 6.5, 2],
    ['Hemoglobin (g/dL)', 10, 16, 1],
    ['Platelets (K/uL)', 130, 410, 0],
    ['ALT (U/L)', 9, 90, 0],
  ] as const
  const table = (rows: readonly (readonly [string, number, number, number])[]) =>
    `<table class="res"><tr><th>Test</th>${cols}</tr>${rows.map(([t, lo, hi, dp]) => `<tr><td>${t}</td>${series(lo, hi, dp)}</tr>`).join('')}</table>`
  const footName = r.chance(0.5)
  const sheets: Sheet[] = [
    {
      html: `<div class="mr flow"><div class="hd"><span><b>MERIDIAN REFERENCE LABORATORY &middot; CUMULATIVE RESULTS</b></span><span>Run ${mdy(c.date)}</span></div>
<div class="id"><span>Patient: ${esc(upperLastFirst(p))}</span><span>DOB: ${mdy(p.birth)}</span><span>Client: ${CENTER.short}</span></div>${table(rowsA)}</div>`,
      naming: 'full',
      landscape: true,
    },
    {
      html: `<div class="mr flow">${table(rowsB)}<p>Results flagged against the reference interval in force on the collection date.</p>${
        footName ? `<p style="font-size:7.5pt">${esc(p.family.toUpperCase())}, ${esc(p.given.toUpperCase())} &middot; cumulative</p>` : ''
      }</div>`,
      naming: footName ? 'name' : 'none',
      landscape: true,
    },
  ]
  return {
    writer: 'meridian-flowsheet',
    type: 'lab_report',
    sender: MR.name,
    fax: MR.fax,
    date: c.date,
    title: 'Cumulative Results',
    sheets,
    numbered: false,
    runningTitle: false,
  }
}

const KP = { name: 'Kestrel Pathology Associates', fax: '208-555-0930' }
const SPECIMENS = [
  [
    'Skin, left forearm, shave biopsy',
    'Received in formalin is a tan-pink shave of skin, 0.6 x 0.5 x 0.1 cm. Inked and entirely submitted in one cassette.',
    'Basal cell carcinoma, nodular type, extending to the peripheral margin.',
  ],
  [
    'Colon, ascending, polyp, cold snare',
    'Received in formalin are two tan fragments, 0.3 and 0.4 cm. Entirely submitted.',
    'Tubular adenoma. Negative for high-grade dysplasia.',
  ],
  [
    'Cervix, biopsies at 6 and 12 o\u2019clock',
    'Received in formalin are three tan fragments aggregating 0.4 cm. Entirely submitted.',
    'Low-grade squamous intraepithelial lesion (CIN 1).',
  ],
  [
    'Thyroid, right lobe, fine needle aspiration',
    'Received are four air-dried and four alcohol-fixed smears.',
    'Benign follicular nodule (Bethesda category II).',
  ],
  [
    'Gallbladder, cholecystectomy',
    'Received fresh is a gallbladder 7.5 cm in length with multiple yellow-green stones.',
    'Chronic cholecystitis with cholelithiasis. Negative for dysplasia.',
  ],
] as const

/** Surgical pathology: 1 or 2 pages; page 2 carries the accession and the name only. */
export function kestrelPathology(c: WriteCtx): Written {
  const { r, p } = c
  const [site, gross, dx] = r.pick(SPECIMENS)
  const acc = `S26-${r.int(10000, 39999)}`
  const two = r.chance(0.5)
  const ids = `<table class="ids"><tr><td>Name: ${esc(lastFirst(p))}</td><td>DOB: ${dashMon(p.birth)}</td><td>Sex: ${p.sex}</td></tr>
<tr><td>Accession: ${acc}</td><td>Collected: ${dashMon(addDays(c.date, -r.int(2, 5)))}</td><td>Signed out: ${dashMon(c.date)}</td></tr>
<tr><td colspan="2">Submitting: ${r.pick(CENTER.clinicians)}, ${CENTER.name}</td><td>Age: ${ageOn(p.birth, c.date)}</td></tr></table>`
  const sign = `<p style="margin-top:18px">I attest that I personally reviewed the slides and rendered the diagnosis.<br><span class="sig">${r.pick(['Oksana Whitfield, MD', 'Raymond Iwu, MD'])}</span>, Pathologist &middot; ${monDay(c.date)}</p>`
  const first = `<div class="kp"><div class="mast"><b>Kestrel Pathology Associates</b><br>Anatomic &amp; Clinical Pathology &middot; 31 Osprey Point Rd, Coeur Ridge ID 83814 &middot; 208-555-0931</div>
<h4>Surgical Pathology Report</h4>${ids}<h4>Final diagnosis</h4><div class="dx">${site}:<br>${dx}</div>
<h4>Clinical history</h4><p>${r.pick(['Lesion present for one year, bleeds with minor trauma.', 'Screening colonoscopy.', 'Abnormal Pap test, ASC-US, HPV positive.', 'Nodule on ultrasound, TI-RADS 4.', 'Biliary colic.'])}</p>
${two ? '' : `<h4>Gross description</h4><p>${gross}</p>${sign}`}</div>`
  const sheets: Sheet[] = [{ html: first, naming: 'full' }]
  if (two)
    sheets.push({
      html: `<div class="kp"><p style="font-size:9pt">Accession ${acc} (continued) &mdash; ${esc(p.given)} ${esc(p.family)}</p>
<h4>Gross description</h4><p>${gross}</p><h4>Microscopic description</h4><p>Sections show the features summarized in the diagnosis. ${r.pick(['Deeper levels examined.', 'Immunostains not required.', 'Margins evaluated on all sections.'])}</p>
<h4>Comment</h4><p>${r.pick(['Clinical follow-up as indicated.', 'Findings discussed with the submitting clinician by telephone.', 'Re-excision may be considered.'])}</p>${sign}</div>`,
      naming: 'name',
    })
  return {
    writer: 'kestrel-pathology',
    type: 'lab_report',
    sender: KP.name,
    fax: KP.fax,
    date: c.date,
    title: 'Surgical Pathology Report',
    sheets,
    numbered: false,
    runningTitle: false,
  }
}
