/**
 * Laboratory, imaging and records-office senders of the fifth blind set: a reference
 * laboratory's multi-page report (a patient header and "Page x of N" on every page, one panel
 * after another, "END OF REPORT" on the last) and its landscape cumulative table, a
 * teleradiology group's reports (several exams for one person on one day), and a records
 * office's reply: the cover letter that comes with released records and the signed
 * authorization it answers.
 */
import {
  addDays,
  clock,
  dashMon,
  dMonY,
  esc,
  firstLast,
  lastFirst,
  longDate,
  mdy,
  mdyShort,
  PRACTICE,
  senderNumber,
  sexWord,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

const CONTINENTAL = {
  name: 'Continental Reference Laboratories',
  addr: '6200 Logistics Pkwy, Sparks, NV 89499 · CLIA 29D5551234',
  fax: '775-555-0101',
  director: 'Rosalind Teague-Obi, MD, PhD, Laboratory Director',
}

type Row = [string, string, string, string]
const PANELS: { name: string; rows: () => Row[] }[] = [
  {
    name: 'COMPREHENSIVE METABOLIC PANEL',
    rows: () => [
      ['Glucose', '112 H', '65-99', 'mg/dL'],
      ['BUN', '18', '7-25', 'mg/dL'],
      ['Creatinine', '1.02', '0.60-1.29', 'mg/dL'],
      ['eGFR', '74', '>=60', 'mL/min/1.73m2'],
      ['Sodium', '139', '135-146', 'mmol/L'],
      ['Potassium', '4.6', '3.5-5.3', 'mmol/L'],
      ['Chloride', '103', '98-110', 'mmol/L'],
      ['CO2', '26', '20-32', 'mmol/L'],
      ['Calcium', '9.4', '8.6-10.3', 'mg/dL'],
      ['Albumin', '4.1', '3.6-5.1', 'g/dL'],
      ['ALT', '31', '9-46', 'U/L'],
      ['AST', '27', '10-35', 'U/L'],
    ],
  },
  {
    name: 'CBC WITH DIFFERENTIAL/PLATELET',
    rows: () => [
      ['WBC', '6.8', '3.8-10.8', 'Thousand/uL'],
      ['RBC', '4.52', '4.20-5.80', 'Million/uL'],
      ['Hemoglobin', '13.9', '13.2-17.1', 'g/dL'],
      ['Hematocrit', '41.6', '38.5-50.0', '%'],
      ['MCV', '92.0', '80.0-100.0', 'fL'],
      ['Platelet count', '244', '140-400', 'Thousand/uL'],
      ['Absolute neutrophils', '4100', '1500-7800', 'cells/uL'],
      ['Absolute lymphocytes', '1900', '850-3900', 'cells/uL'],
    ],
  },
  {
    name: 'LIPID PANEL, STANDARD',
    rows: () => [
      ['Cholesterol, total', '212 H', '<200', 'mg/dL'],
      ['HDL cholesterol', '48', '>39', 'mg/dL'],
      ['Triglycerides', '166 H', '<150', 'mg/dL'],
      ['LDL-cholesterol (calc)', '134 H', '<100', 'mg/dL'],
      ['Non-HDL cholesterol', '164 H', '<130', 'mg/dL'],
    ],
  },
  {
    name: 'HEMOGLOBIN A1c',
    rows: () => [
      ['Hemoglobin A1c', '7.1 H', '<5.7', '% of total Hgb'],
      ['Estimated average glucose', '157', '', 'mg/dL'],
    ],
  },
  {
    name: 'THYROID PANEL WITH TSH',
    rows: () => [
      ['TSH', '3.12', '0.40-4.50', 'mIU/L'],
      ['T4, free', '1.1', '0.8-1.8', 'ng/dL'],
      ['T3, free', '3.0', '2.3-4.2', 'pg/mL'],
    ],
  },
  {
    name: 'URINALYSIS, COMPLETE WITH REFLEX TO CULTURE',
    rows: () => [
      ['Color', 'YELLOW', 'YELLOW', ''],
      ['Specific gravity', '1.018', '1.001-1.035', ''],
      ['Protein', 'NEGATIVE', 'NEGATIVE', ''],
      ['Leukocyte esterase', 'TRACE A', 'NEGATIVE', ''],
      ['WBC', '0-5', '<=5', '/HPF'],
      ['Bacteria', 'NONE SEEN', 'NONE SEEN', '/HPF'],
    ],
  },
  {
    name: 'IRON, TIBC AND FERRITIN PANEL',
    rows: () => [
      ['Iron, total', '58', '50-180', 'mcg/dL'],
      ['TIBC', '362', '250-425', 'mcg/dL'],
      ['% saturation', '16 L', '20-48', '%'],
      ['Ferritin', '22', '20-380', 'ng/mL'],
    ],
  },
  {
    name: 'VITAMIN D, 25-HYDROXY, TOTAL',
    rows: () => [['Vitamin D, 25-OH, total', '24 L', '30-100', 'ng/mL']],
  },
]

/** One accession: panels two to a page; the patient block on every page; "Page x of N" at the foot. */
export function continentalReport(c: WriteCtx): Written {
  const { r, p, date } = c
  const n = Math.max(1, Math.min(5, c.pages ?? r.int(1, 3)))
  const panels = r.shuffle(PANELS).slice(0, Math.min(PANELS.length, n * 2 - (n > 1 && r.chance(0.5) ? 1 : 0)))
  const acc = `${r.pick(['WN', 'SP', 'RX'])}${String(r.int(100000, 999999))}${c.variant ?? 0}`
  const collected = `${mdy(date)} ${clock(r)}`
  const reported = `${mdy(addDays(date, r.int(1, 2)))} ${clock(r)}`
  const block = `<table class="cl-pt"><tr><td>Patient: <b>${esc(upperLastFirst(p))}</b></td><td>DOB: ${mdy(p.birth)}</td><td>Sex: ${sexWord(p)[0]}</td></tr>
<tr><td>Accession: ${acc}</td><td>Collected: ${collected}</td><td>Reported: ${reported}</td></tr>
<tr><td colspan="2">Ordering: ${esc(PRACTICE.clinicians[r.int(0, 3)]!)}, ${PRACTICE.name}</td><td>Client #: 40-2217</td></tr></table>`
  const sheets: Sheet[] = []
  for (let k = 1; k <= n; k++) {
    const mine = panels.slice((k - 1) * 2, k * 2)
    const tables = mine
      .map(
        (x) =>
          `<div class="cl-panel">${x.name}</div><table class="cl-res"><tr><th>Test</th><th>Result</th><th>Reference</th><th>Units</th><th>Lab</th></tr>${x
            .rows()
            .map(
              (row) =>
                `<tr><td>${row[0]}</td><td class="${/ [HLA]$/.test(row[1]) ? 'cl-flag' : ''}">${row[1]}</td><td>${row[2]}</td><td>${row[3]}</td><td>SP</td></tr>`,
            )
            .join('')}</table>`,
      )
      .join('')
    const end =
      k === n
        ? `<p class="cl-end">Performing site SP: ${CONTINENTAL.name}, ${CONTINENTAL.addr}. ${CONTINENTAL.director}.</p><p class="cl-end"><b>*** END OF REPORT ***</b></p>`
        : `<p class="cl-end">Continued on next page</p>`
    sheets.push({
      html: `<div class="cl-head"><span class="cl-logo">CONTINENTAL</span><span>Reference Laboratories · Client Services 1-800-555-0142</span></div>${block}${tables}${end}<div class="cl-foot">${acc} · FINAL REPORT · Page ${k} of ${n}</div>`,
      naming: 'full',
    })
  }
  return {
    writer: 'continental-report',
    type: 'lab_report',
    sender: CONTINENTAL.name,
    fax: CONTINENTAL.fax,
    date,
    title: 'Final Report',
    sheets,
    numbered: n > 1,
    runningTitle: n > 1,
  }
}

/** A cumulative table across months, landscape; a second sheet carries the name only. */
export function continentalCumulative(c: WriteCtx): Written {
  const { r, p, date } = c
  const n = r.chance(0.5) ? 2 : 1
  const cols = Array.from({ length: 6 }, (_, i) => addDays(date, -i * r.int(40, 70))).reverse()
  const series = (lo: number, hi: number, dp: number) => cols.map(() => (lo + r.next() * (hi - lo)).toFixed(dp))
  const tests: [string, string, string[]][] = [
    ['Hemoglobin A1c', '<5.7 %', series(6.4, 8.6, 1)],
    ['Glucose, fasting', '65-99 mg/dL', series(96, 168, 0)],
    ['Creatinine', '0.60-1.29 mg/dL', series(0.8, 1.5, 2)],
    ['eGFR', '>=60', series(48, 88, 0)],
    ['Potassium', '3.5-5.3 mmol/L', series(3.9, 5.2, 1)],
    ['LDL-C (calc)', '<100 mg/dL', series(70, 150, 0)],
    ['Microalbumin/creat ratio', '<30 mg/g', series(12, 80, 0)],
    ['TSH', '0.40-4.50 mIU/L', series(0.9, 4.2, 2)],
    ['Hemoglobin', '11.7-15.5 g/dL', series(11.2, 14.4, 1)],
    ['Platelets', '140-400 K/uL', series(180, 320, 0)],
  ]
  const table = (rows: typeof tests) =>
    `<table class="cc-grid"><tr><th>Test</th><th>Reference</th>${cols.map((d) => `<th>${mdyShort(d)}</th>`).join('')}</tr>${rows
      .map(([t, ref, v]) => `<tr><td>${t}</td><td>${ref}</td>${v.map((x) => `<td>${x}</td>`).join('')}</tr>`)
      .join('')}</table>`
  const head = `<div class="cc-head"><b>${CONTINENTAL.name}</b> — CUMULATIVE RESULTS SUMMARY (${mdyShort(cols[0]!)} – ${mdyShort(date)})</div>
<div class="cc-pt">Patient: <b>${esc(lastFirst(p))}</b> &nbsp;|&nbsp; DOB ${mdy(p.birth)} &nbsp;|&nbsp; Client 40-2217 ${PRACTICE.short} &nbsp;|&nbsp; Printed ${mdy(date)}</div>`
  const sheets: Sheet[] =
    n === 1
      ? [
          {
            html: `${head}${table(tests)}<p class="cc-foot">Values outside the reference interval are flagged in the individual reports.</p>`,
            naming: 'full',
            landscape: true,
          },
        ]
      : [
          { html: `${head}${table(tests.slice(0, 6))}<p class="cc-foot">Page 1 of 2</p>`, naming: 'full', landscape: true },
          {
            html: `<div class="cc-pt">Cumulative summary (continued) — ${esc(lastFirst(p))}</div>${table(tests.slice(6))}<p class="cc-foot">Page 2 of 2 · END</p>`,
            naming: 'name',
            landscape: true,
          },
        ]
  return {
    writer: 'continental-cumulative',
    type: 'lab_report',
    sender: CONTINENTAL.name,
    fax: CONTINENTAL.fax,
    date,
    title: 'Cumulative Results Summary',
    sheets,
    numbered: n > 1,
    runningTitle: n > 1,
  }
}

const PRAIRIE = { name: 'Prairie Sky Imaging Partners', fax: '406-555-0177', addr: 'Teleradiology reading center · Billings, MT' }
export const EXAMS = [
  ['XR CHEST 2 VIEWS', 'Cough.', 'Lungs are clear. Heart size normal. No effusion or pneumothorax.', 'No acute cardiopulmonary process.'],
  [
    'CT HEAD WITHOUT CONTRAST',
    'Fall, on anticoagulation.',
    'No intracranial hemorrhage, mass effect or midline shift. Mild chronic small-vessel change.',
    'No acute intracranial abnormality.',
  ],
  [
    'XR LEFT WRIST 3 VIEWS',
    'Fall on outstretched hand.',
    'Nondisplaced fracture of the distal radial metaphysis. Carpal alignment maintained.',
    'Nondisplaced distal radius fracture.',
  ],
  [
    'US ABDOMEN LIMITED (RUQ)',
    'Right upper quadrant pain.',
    'Gallbladder contains several shadowing stones without wall thickening. CBD 4 mm.',
    'Cholelithiasis without sonographic cholecystitis.',
  ],
  ['DXA BONE DENSITY', 'Screening.', 'Lumbar spine T-score -1.8. Left femoral neck T-score -2.1.', 'Osteopenia. FRAX to follow.'],
  [
    'XR RIGHT ANKLE 3 VIEWS',
    'Inversion injury.',
    'No fracture. Soft tissue swelling over the lateral malleolus.',
    'No acute osseous abnormality.',
  ],
] as const

export function prairieImaging(c: WriteCtx): Written {
  const { r, p, date } = c
  const [exam, ind, find, imp] = EXAMS[(c.variant ?? r.int(0, EXAMS.length - 1)) % EXAMS.length]!
  const site = r.pick(['Ridgeline Valley Hospital', 'Calder Springs Imaging Center', 'Pell City Clinic X-ray'])
  const acc = `PSI${senderNumber('', p, `psi-${date}-${exam}`, 8)}`
  const rad = r.pick(['Wilhelmina Ostrowski, MD', 'Jonah Achebe-Lund, MD', 'Farah Qureshi, DO'])
  const html = `<div class="ps-head"><div class="ps-name">${PRAIRIE.name}</div><div class="ps-sub">${PRAIRIE.addr} · on behalf of ${site}</div></div>
<table class="ps-pt"><tr><td>NAME</td><td><b>${esc(upperLastFirst(p))}</b></td><td>DOB</td><td>${dashMon(p.birth)}</td></tr>
<tr><td>EXAM</td><td>${exam}</td><td>DATE</td><td>${dashMon(date)} ${clock(r)}</td></tr>
<tr><td>ACC#</td><td>${acc}</td><td>REF</td><td>${esc(PRACTICE.clinicians[r.int(0, 3)]!)}</td></tr></table>
<p><b>INDICATION:</b> ${ind}</p><p><b>TECHNIQUE:</b> Standard protocol. Comparison: ${r.pick(['none', 'prior study 2024', 'none available'])}.</p>
<p><b>FINDINGS:</b> ${find}</p><p><b>IMPRESSION:</b></p><p class="ps-imp">${imp}</p>
<p class="ps-sig">Electronically signed: ${rad} · ${dashMon(date)} ${clock(r)} (Mountain)</p>`
  return {
    writer: 'prairie-imaging',
    type: 'radiology_report',
    sender: PRAIRIE.name,
    fax: PRAIRIE.fax,
    date,
    title: exam,
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

/** Offices that answer records requests, with their release-of-information desk. */
export const RELEASERS = [
  { name: 'Ridgeline Valley Hospital', desk: 'Health Information Management — Release of Information', fax: '541-555-0712', vendor: '' },
  { name: 'Bluestem Home Health Services', desk: 'Medical Records', fax: '541-555-0840', vendor: '' },
  {
    name: 'Tidewater Kidney Center',
    desk: 'Patient Records',
    fax: '541-555-0466',
    vendor: 'processed by ChartCourier Release Services, Inc.',
  },
  { name: 'Oregon Department of Corrections — Health Services', desk: 'Health Records Release Unit', fax: '541-555-0634', vendor: '' },
] as const

/** The letter a records office sends with released records: names the person, the request, the pages enclosed. */
export function releaseLetter(c: WriteCtx & { releaser: number; enclosed: number; requested: string }): Written {
  const { r, p, date } = c
  const o = RELEASERS[c.releaser % RELEASERS.length]!
  const req = `ROI-${r.int(24, 26)}-${r.int(10000, 99999)}`
  const html = `<div class="rl-head"><div class="rl-name">${o.name}</div><div>${o.desk} · Fax ${o.fax}</div></div>
<p>${longDate(date)}</p>
<p>${PRACTICE.name}<br>Attn: Medical Records<br>${PRACTICE.street}<br>${PRACTICE.town}</p>
<p><b>RE: Request for records — ${esc(firstLast(p))}, date of birth ${mdy(p.birth)}</b><br>Our reference: ${req} &nbsp; Your request dated ${longDate(c.requested)}</p>
<p>In response to the above request and the enclosed authorization, please find the following records, ${c.enclosed} pages in all. Records are released for continuity of care; no fee has been charged.</p>
<p>Records that were requested but are not held by this office have not been included. If the enclosed records are incomplete, please contact our office and quote the reference number above.</p>
<p>This information has been disclosed from records protected by federal and state confidentiality rules. Further disclosure without the patient's written consent is prohibited unless otherwise permitted by law.</p>
<p>Sincerely,</p><p class="sig5">${r.pick(['Delia Montrose', 'Yusuf Kambarov', 'Perpetua Lang'])}</p><p>Release of Information Specialist${o.vendor ? `, ${o.vendor}` : ''}</p>`
  return {
    writer: 'release-letter',
    type: 'other',
    sender: o.name,
    fax: o.fax,
    date,
    title: 'Records Release Letter',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

/** The practice's own authorization form, signed by the patient, sent back with the records. */
export function returnedAuthorization(c: WriteCtx & { releaser: number }): Written {
  const { r, p, date } = c
  const o = RELEASERS[c.releaser % RELEASERS.length]!
  const html = `<div class="au-head"><b>${PRACTICE.name}</b> · ${PRACTICE.street}, ${PRACTICE.town} · Fax ${PRACTICE.fax}</div>
<h3 class="au-title">AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION</h3>
<table class="au-t"><tr><td>Patient name</td><td><b>${esc(lastFirst(p))}</b></td></tr><tr><td>Date of birth</td><td>${mdyShort(p.birth)}</td></tr>
<tr><td>Address</td><td>${esc(p.street)}, ${esc(p.town)}</td></tr>
<tr><td>I authorize</td><td>${o.name}</td></tr><tr><td>to release to</td><td>${PRACTICE.name}</td></tr>
<tr><td>Information</td><td>☒ Discharge summaries ☒ Lab results ☒ Imaging reports ☒ Visit notes ☐ Psychotherapy notes ☐ Entire record</td></tr>
<tr><td>Dates of service</td><td>${mdyShort(addDays(date, -365))} to present</td></tr><tr><td>Purpose</td><td>Continuity of care</td></tr></table>
<p class="au-small">This authorization expires one year from the date signed. I may revoke it in writing at any time. Treatment will not be conditioned on my signing.</p>
<p>Signature of patient or legal representative: <span class="sig5">${esc(`${p.given} ${p.family}`)}</span> &nbsp; Date: ${mdyShort(date)}</p>
<p class="au-small">Received by ${o.desk}: ${dMonY(addDays(date, r.int(2, 9)))}</p>`
  return {
    writer: 'returned-authorization',
    type: 'roi_authorization',
    sender: PRACTICE.name,
    fax: PRACTICE.fax,
    date,
    title: 'Authorization for Release',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

export const LABS_CSS = `
.cl-head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 3pt solid #7a1f1f; margin-bottom: 5pt } .cl-logo { font-size: 18pt; font-weight: bold; color: #7a1f1f; letter-spacing: 2pt }
.cl-pt { width: 100%; font-size: 9pt; border: 0.5pt solid #7a1f1f; margin-bottom: 6pt } .cl-pt td { padding: 2pt 4pt }
.cl-panel { font-weight: bold; margin-top: 8pt; font-size: 10pt; border-bottom: 0.5pt solid #000 }
.cl-res { width: 100%; font-size: 9pt } .cl-res th { text-align: left; font-size: 8pt; color: #444 } .cl-res td { padding: 1.5pt 3pt } .cl-flag { font-weight: bold }
.cl-end { font-size: 8.5pt; margin-top: 10pt } .cl-foot { position: absolute; bottom: 0.35in; left: 0.75in; right: 0.75in; text-align: right; font-size: 8pt; border-top: 0.5pt solid #999 }
.cc-head { font-size: 11pt; margin-bottom: 4pt } .cc-pt { font-size: 9.5pt; background: #f4eaea; padding: 3pt; margin-bottom: 6pt }
.cc-grid { width: 100%; font-size: 9pt } .cc-grid th, .cc-grid td { border: 0.5pt solid #777; padding: 3pt 4pt; text-align: center } .cc-grid td:first-child { text-align: left } .cc-foot { font-size: 8pt; margin-top: 6pt }
.ps-head { background: #243b55; color: #fff; padding: 6pt 8pt; margin-bottom: 8pt } .ps-name { font-size: 14pt; font-weight: bold } .ps-sub { font-size: 8.5pt }
.ps-pt { width: 100%; font-size: 9.5pt; margin-bottom: 8pt } .ps-pt td { padding: 2pt 4pt; border-bottom: 0.5pt solid #bbb } .ps-imp { font-weight: bold; margin-left: 14pt } .ps-sig { margin-top: 16pt; font-size: 9pt }
.rl-head { border-bottom: 1pt solid #333; margin-bottom: 14pt } .rl-name { font-size: 14pt; font-family: 'DejaVu Serif', serif }
.au-head { font-size: 9pt; border-bottom: 0.5pt solid #000 } .au-title { font-size: 11.5pt; text-align: center } .au-t { width: 100%; font-size: 9.5pt } .au-t td { border: 0.5pt solid #555; padding: 3pt }
.au-small { font-size: 8pt }
`
