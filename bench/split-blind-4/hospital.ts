/**
 * Hospital print-outs of the fourth blind set. Saint Aldhelm Regional Medical Center prints
 * from its record system: a banner of patient identifiers on every page, "Page x of N" and a
 * print stamp at the foot, and the same letterhead on its discharge summaries, emergency
 * provider notes and admission histories. Tamarack County Hospital, a critical access
 * hospital, sends a boxed emergency record whose second page names the patient only by name.
 */
import {
  addDays,
  ageOn,
  esc,
  firstLast,
  lastFirst,
  mdy,
  pickN,
  possessive,
  pronoun,
  senderNumber,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

export const HOSPITAL_CSS = `
.sa { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9.8pt; line-height: 1.32 }
.sa .top { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #1d3b5c; padding-bottom: 4px }
.sa .top .org { font-size: 13pt; font-weight: bold; color: #1d3b5c }
.sa .top .org small { display: block; font-size: 8pt; font-weight: normal; color: #333 }
.sa .top .doc { font-size: 12pt; font-weight: bold; letter-spacing: 0.5px }
.sa .band { margin: 6px 0 10px; border: 1px solid #777; background: #eef2f6; padding: 4px 6px; font-size: 8.8pt; display: grid; grid-template-columns: 1.4fr 1fr 1fr; gap: 1px 10px }
.sa h3 { font-size: 10pt; margin: 10px 0 2px; text-transform: uppercase; color: #1d3b5c }
.sa p { margin: 2px 0 6px }
.sa ul { margin: 2px 0 6px 18px; padding: 0 }
.sa .foot { position: absolute; left: 0.7in; right: 0.7in; bottom: 0.35in; font-size: 7.8pt; color: #333; display: flex; justify-content: space-between; border-top: 1px solid #999; padding-top: 2px }
.sa table.meds td, .sa table.meds th { border: 1px solid #aaa; padding: 2px 5px; font-size: 8.8pt; text-align: left }
.tc { font-family: 'Nimbus Sans', Arial, sans-serif; font-size: 9.6pt }
.tc .hd { text-align: center; border: 2px solid #000; padding: 4px }
.tc .hd b { font-size: 14pt; display: block }
.tc table.box { width: 100%; margin-top: 6px }
.tc table.box td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; font-size: 9pt }
.tc .lbl { font-size: 7pt; text-transform: uppercase; display: block; color: #333 }
.tc .ck { font-family: 'DejaVu Sans', sans-serif }
.tc h4 { margin: 8px 0 2px; font-size: 9.6pt; background: #ddd; padding: 2px 4px }
.tc p { margin: 2px 0 4px }
`

const SA = { name: 'Saint Aldhelm Regional Medical Center', fax: '208-555-0600', addr: '1200 Cathedral Hill Dr, Coeur Ridge, ID 83814' }
const SA_DOCTORS = ['Marguerite Oduya, MD', 'Stellan Voss, MD', 'Keiko Brandvold, DO', 'Ruben Atwater, MD']

function saSheet(
  c: WriteCtx,
  title: string,
  n: number,
  of: number,
  body: string,
  o: { adm?: string; dis?: string; printed: string; unnumbered?: boolean },
): string {
  const p = c.p
  const mrn = senderNumber('A', p, 'aldhelm', 8)
  const acct = senderNumber('', p, `aldhelm-acct-${o.adm ?? c.date}`, 10)
  const band =
    n === 1
      ? `<div class="band"><span><b>${esc(upperLastFirst(p))}</b></span><span>MRN: ${mrn}</span><span>DOB: ${mdy(p.birth)} (${ageOn(p.birth, c.date)} y)</span>
<span>Sex: ${p.sex}</span><span>Acct: ${acct}</span><span>${o.adm ? `Adm: ${mdy(o.adm)}` : `Visit: ${mdy(c.date)}`}</span>
<span>Attending: ${SA_DOCTORS[Number(mrn.slice(-1)) % 4]}</span><span>PCP: Larkspur Flats CHC</span><span>${o.dis ? `Dis: ${mdy(o.dis)}` : 'Unit: ED'}</span></div>`
      : `<div class="band"><span><b>${esc(upperLastFirst(p))}</b></span><span>MRN: ${mrn}</span><span>DOB: ${mdy(p.birth)}</span></div>`
  return `<div class="sa"><div class="top"><div class="org">${SA.name}<small>${SA.addr}</small></div><div class="doc">${title}</div></div>${band}${body}
<div class="foot"><span>Printed ${o.printed} by HIM/ROI &middot; Confidential patient information</span><span>${o.unnumbered ? 'Copy for continuity of care' : `Page ${n} of ${of}`}</span></div></div>`
}

const DX = [
  [
    'Community-acquired pneumonia, right lower lobe',
    'ceftriaxone and azithromycin, then oral amoxicillin-clavulanate',
    'Chest x-ray: right lower lobe consolidation. Blood cultures no growth at 48 hours.',
  ],
  [
    'Acute on chronic heart failure with reduced ejection fraction',
    'intravenous furosemide with net negative 4.2 L',
    'BNP 1,840 pg/mL on arrival. Echo: EF 30-35%, moderate mitral regurgitation.',
  ],
  [
    'Diabetic ketoacidosis',
    'insulin infusion per protocol, fluids, potassium replacement',
    'Anion gap 24 on arrival, closed within 14 hours. HbA1c 11.8%.',
  ],
  [
    'Acute pancreatitis, gallstone related',
    'bowel rest, fluids, laparoscopic cholecystectomy on hospital day 3',
    'Lipase 2,310 U/L. Ultrasound: cholelithiasis, CBD 5 mm.',
  ],
  [
    'Cellulitis of the left lower leg with abscess',
    'incision and drainage, vancomycin then oral doxycycline',
    'Wound culture: MRSA, sensitive to doxycycline and TMP-SMX.',
  ],
  [
    'COPD exacerbation',
    'nebulized bronchodilators, prednisone 40 mg daily, doxycycline',
    'ABG on arrival 7.33/58/62. Chest x-ray hyperinflation without infiltrate.',
  ],
] as const

const MEDS = [
  ['metoprolol succinate', '50 mg', 'once daily'],
  ['lisinopril', '10 mg', 'once daily'],
  ['atorvastatin', '40 mg', 'at bedtime'],
  ['metformin', '1000 mg', 'twice daily with meals'],
  ['furosemide', '40 mg', 'every morning'],
  ['apixaban', '5 mg', 'twice daily'],
  ['insulin glargine', '22 units', 'at bedtime'],
  ['tiotropium inhaler', '2 puffs', 'once daily'],
  ['doxycycline', '100 mg', 'twice daily for 7 more days'],
  ['pantoprazole', '40 mg', 'before breakfast'],
] as const

/** Discharge summary: 3 to 5 pages, the banner on every page, "Page x of N" unless it is an archive copy. */
export function aldhelmDischarge(c: WriteCtx): Written {
  const { r, p } = c
  const stay = r.int(3, 9)
  const adm = addDays(c.date, -stay)
  const [dx, tx, findings] = r.pick(DX)
  const meds = pickN(r, MEDS, r.int(5, 8))
  const pages = r.int(3, 5)
  const printed = `${mdy(addDays(c.date, r.int(2, 20)))} ${r.int(7, 17)}:${String(r.int(10, 59))}`
  const bodies: string[] = []
  bodies.push(`<h3>Admission date</h3><p>${mdy(adm)}</p><h3>Discharge date</h3><p>${mdy(c.date)}</p>
<h3>Principal diagnosis</h3><p>${dx}</p>
<h3>Secondary diagnoses</h3><ul><li>Hypertension</li><li>Hyperlipidemia</li><li>${r.pick(['Tobacco use disorder', 'Obesity, BMI 34', 'Chronic kidney disease stage 3a', 'Osteoarthritis of both knees'])}</li></ul>
<h3>Reason for hospitalization</h3><p>${esc(firstLast(p))} is a ${ageOn(p.birth, adm)}-year-old who presented to the emergency department with ${r.pick(['three days of worsening shortness of breath', 'fever and rigors', 'abdominal pain radiating to the back', 'increasing leg swelling and redness', 'vomiting and confusion'])}. ${pronoun(p)[0]!.toUpperCase() + pronoun(p).slice(1)} was admitted to the medical floor for ${dx.toLowerCase()}.</p>
<h3>Significant findings</h3><p>${findings}</p>`)
  bodies.push(`<h3>Hospital course</h3><p>Treated with ${tx}. ${r.pick(['Oxygen was weaned to room air by hospital day 3.', 'Renal function remained at baseline throughout.', 'Pain was controlled with oral analgesics by the day before discharge.', 'Glucose was managed with basal-bolus insulin after the infusion.'])} Physical therapy saw the patient and cleared discharge home ${r.pick(['without services', 'with home health', 'with a rolling walker'])}.</p>
<p>Consultants: ${r.pick(['Cardiology (Dr. Voss)', 'General surgery (Dr. Atwater)', 'Infectious disease (Dr. Brandvold)', 'Endocrinology (Dr. Oduya)'])}.</p>
<h3>Procedures</h3><ul><li>${r.pick(['Transthoracic echocardiogram', 'Laparoscopic cholecystectomy', 'Incision and drainage, left leg', 'CT abdomen and pelvis with contrast', 'None beyond imaging'])}</li><li>Peripheral IV, removed before discharge</li></ul>
<h3>Condition at discharge</h3><p>${r.pick(['Stable, improved.', 'Good; ambulating independently.', 'Fair, improved from admission.'])}</p>`)
  bodies.push(`<h3>Discharge medications</h3><table class="meds"><tr><th>Medication</th><th>Dose</th><th>Directions</th><th>Status</th></tr>${meds
    .map(
      ([m, d, h]) => `<tr><td>${m}</td><td>${d}</td><td>${h}</td><td>${r.pick(['continue', 'new', 'continue', 'changed dose'])}</td></tr>`,
    )
    .join('')}</table>
<h3>Instructions to patient and family</h3><p>Weigh daily; call for a gain of more than 3 pounds in a day. Low-sodium diet. Return to the emergency department for chest pain, fever above 101 F or trouble breathing.</p>`)
  for (let k = 4; k <= pages; k++)
    bodies.push(
      k === pages
        ? ''
        : `<h3>Results pending at discharge</h3><p>${r.pick(['Final blood culture report.', 'Surgical pathology from the gallbladder.', 'Outside records requested from the primary care office.'])}</p>
<h3>Patient education</h3><p>Teach-back completed on medications, diet and warning signs. Written materials given in English.</p><h3>Social work</h3><p>Transportation to follow-up confirmed with ${possessive(p)} family.</p>`,
    )
  const follow = `<h3>Disposition</h3><p>Home${r.chance(0.4) ? ' with home health nursing' : ''}.</p>
<h3>Follow-up</h3><p>Larkspur Flats Community Health Center, primary care, within 7 days. ${r.pick(['Cardiology clinic in 2 weeks.', 'Surgery clinic in 10 days for wound check.', 'Repeat basic metabolic panel in one week.'])}</p>
<h3>Attestation</h3><p>Electronically signed by ${r.pick(SA_DOCTORS)} on ${mdy(c.date)}.</p>`
  bodies[bodies.length - 1] += follow
  // Copies sent from the dictation archive carry no page count.
  const unnumbered = r.chance(0.35)
  const sheets: Sheet[] = bodies.map((b, i) => ({
    html: saSheet(c, 'DISCHARGE SUMMARY', i + 1, pages, b, { adm, dis: c.date, printed, unnumbered }),
    naming: 'full',
  }))
  return {
    writer: 'aldhelm-discharge',
    type: 'discharge_summary',
    sender: SA.name,
    fax: SA.fax,
    date: c.date,
    title: 'Discharge Summary',
    sheets,
    numbered: !unnumbered,
    runningTitle: true,
  }
}

/** Emergency department provider note: 2 or 3 pages under the same letterhead. */
export function aldhelmEd(c: WriteCtx): Written {
  const { r, p } = c
  const cc = r.pick([
    ['Chest pain', 'Troponin x2 negative, ECG sinus rhythm without ischemic change.', 'Chest pain, low risk; discharged home.'],
    [
      'Fall with wrist pain',
      'X-ray right wrist: nondisplaced distal radius fracture.',
      'Distal radius fracture; splinted, orthopedics referral.',
    ],
    ['Headache', 'CT head without contrast: no acute intracranial abnormality.', 'Migraine without aura; treated and discharged.'],
    ['Shortness of breath', 'Chest x-ray: no acute process. D-dimer negative.', 'Asthma exacerbation, mild; discharged with prednisone.'],
    ['Laceration left hand', 'No foreign body on x-ray.', 'Laceration repaired with 5 sutures; tetanus updated.'],
  ] as const)
  const pages = r.int(2, 3)
  const printed = `${mdy(addDays(c.date, r.int(1, 9)))} ${r.int(7, 17)}:${String(r.int(10, 59))}`
  const bodies = [
    `<h3>Chief complaint</h3><p>${cc[0]}</p><h3>History of present illness</h3><p>${ageOn(p.birth, c.date)}-year-old ${p.sex === 'F' ? 'woman' : 'man'} arriving by ${r.pick(['private car', 'ambulance', 'walk-in'])} at ${r.int(10, 23)}:${r.int(10, 59)} with ${cc[0].toLowerCase()} since ${r.pick(['this morning', 'last evening', 'two days ago'])}. Denies fever. Primary care at Larkspur Flats CHC.</p>
<h3>Review of systems</h3><p>Negative except as in HPI.</p><h3>Physical examination</h3><p>BP ${r.int(112, 168)}/${r.int(64, 98)}, HR ${r.int(62, 110)}, RR ${r.int(14, 22)}, SpO2 ${r.int(93, 99)}% RA, T 36.${r.int(5, 9)} C. Alert, oriented. Heart regular. Lungs ${r.pick(['clear', 'with scattered wheezes'])}.</p>`,
    `<h3>ED course and results</h3><p>${cc[1]}</p><h3>Medical decision making</h3><p>Presentation and work-up reviewed with the patient. Shared decision making for discharge with close follow-up.</p><h3>Clinical impression</h3><p>${cc[2]}</p>
<h3>Disposition</h3><p>Discharged home in stable condition. Follow up with primary care within 3 days.</p>`,
  ]
  if (pages === 3) bodies.push(`<h3>Discharge instructions given</h3><p>Return precautions reviewed. Work note provided.</p>`)
  bodies[bodies.length - 1] +=
    `<h3>Signature</h3><p>Electronically signed by ${r.pick(SA_DOCTORS)}, Emergency Medicine, ${mdy(c.date)}.</p>`
  const sheets = bodies.map((b, i) => ({ html: saSheet(c, 'ED PROVIDER NOTE', i + 1, pages, b, { printed }), naming: 'full' as const }))
  return {
    writer: 'aldhelm-ed',
    type: 'emergency_report',
    sender: SA.name,
    fax: SA.fax,
    date: c.date,
    title: 'ED Provider Note',
    sheets,
    numbered: true,
    runningTitle: true,
  }
}

/** Admission history and physical: 2 or 3 pages. */
export function aldhelmHp(c: WriteCtx): Written {
  const { r, p } = c
  const pages = r.int(2, 3)
  const printed = `${mdy(addDays(c.date, r.int(3, 15)))} ${r.int(7, 17)}:${String(r.int(10, 59))}`
  const [dx] = r.pick(DX)
  const bodies = [
    `<h3>Date of admission</h3><p>${mdy(c.date)}</p><h3>Chief complaint</h3><p>${r.pick(['Shortness of breath', 'Fever', 'Abdominal pain', 'Leg swelling'])}</p>
<h3>History of present illness</h3><p>${esc(firstLast(p))} reports ${r.int(2, 6)} days of progressive symptoms. Seen by primary care at Larkspur Flats CHC last month; no changes made then.</p>
<h3>Past medical history</h3><ul><li>Hypertension</li><li>${r.pick(['Type 2 diabetes', 'COPD', 'Atrial fibrillation', 'Gout'])}</li></ul><h3>Past surgical history</h3><p>${r.pick(['Appendectomy', 'Right knee arthroscopy', 'None'])}</p>
<h3>Social history</h3><p>${r.pick(['Lives with spouse.', 'Lives alone; daughter nearby.', 'Retired mill worker.'])} ${r.pick(['Never smoker.', 'Former smoker, quit 2015.', 'Smokes half a pack a day.'])}</p>`,
    `<h3>Review of systems</h3><p>Ten-point review negative except as noted.</p><h3>Physical examination</h3><p>Temp 38.${r.int(0, 6)} C, BP ${r.int(100, 150)}/${r.int(60, 90)}, HR ${r.int(80, 118)}. Ill-appearing but conversant. Crackles at the right base.</p>
<h3>Assessment and plan</h3><p>${dx}. Admit to medicine, telemetry. Antibiotics or diuresis as indicated; VTE prophylaxis with enoxaparin.</p>`,
  ]
  if (pages === 3)
    bodies.push(
      `<h3>Code status</h3><p>Full code, confirmed with the patient.</p><h3>Expected length of stay</h3><p>Two midnights or more.</p>`,
    )
  bodies[bodies.length - 1] += `<p>Electronically signed by ${r.pick(SA_DOCTORS)}, Hospital Medicine, ${mdy(c.date)}.</p>`
  const sheets = bodies.map((b, i) => ({
    html: saSheet(c, 'HISTORY AND PHYSICAL', i + 1, pages, b, { adm: c.date, printed }),
    naming: 'full' as const,
  }))
  return {
    writer: 'aldhelm-hp',
    type: 'history_and_physical',
    sender: SA.name,
    fax: SA.fax,
    date: c.date,
    title: 'History and Physical',
    sheets,
    numbered: true,
    runningTitle: true,
  }
}

const TC = { name: 'Tamarack County Hospital', fax: '208-555-0655' }

/** Emergency record in boxes: 1 or 2 pages; the second names the patient by name only. */
export function tamarackEd(c: WriteCtx): Written {
  const { r, p } = c
  const two = r.chance(0.6)
  const ck = (on: boolean) => `<span class="ck">${on ? '&#9746;' : '&#9744;'}</span>`
  const arrival = r.pick(['Private vehicle', 'EMS', 'Law enforcement'])
  const first = `<div class="tc"><div class="hd"><b>TAMARACK COUNTY HOSPITAL</b>Emergency Department Record &middot; 77 Hospital Hill, Tamarack ID 83298 &middot; Critical Access Hospital</div>
<table class="box"><tr><td colspan="2"><span class="lbl">Patient name (last, first, middle)</span>${esc(lastFirst(p))}</td><td><span class="lbl">Date of birth</span>${mdy(p.birth)}</td><td><span class="lbl">Sex</span>${p.sex}</td></tr>
<tr><td><span class="lbl">Med rec #</span>${senderNumber('T', p, 'tamarack', 6)}</td><td><span class="lbl">Date of service</span>${mdy(c.date)}</td><td><span class="lbl">Arrival</span>${r.int(0, 23)}:${r.int(10, 59)}</td><td><span class="lbl">Mode</span>${arrival}</td></tr>
<tr><td colspan="4"><span class="lbl">Address</span>${esc(p.street)}, ${esc(p.town)}, ID</td></tr></table>
<h4>Triage</h4><table class="box"><tr><td><span class="lbl">BP</span>${r.int(100, 170)}/${r.int(60, 100)}</td><td><span class="lbl">Pulse</span>${r.int(58, 120)}</td><td><span class="lbl">Resp</span>${r.int(12, 24)}</td><td><span class="lbl">Temp</span>${r.int(97, 101)}.${r.int(0, 9)} F</td><td><span class="lbl">SpO2</span>${r.int(90, 100)}%</td><td><span class="lbl">Pain</span>${r.int(0, 9)}/10</td></tr></table>
<p>Acuity: ${ck(false)} 1 ${ck(false)} 2 ${ck(true)} 3 ${ck(false)} 4 ${ck(false)} 5</p>
<h4>Chief complaint / history</h4><p>${r.pick(['Abdominal pain, right lower quadrant, since last night. Nausea, no vomiting.', 'Cough and fever for four days, worse at night.', 'Twisted left ankle stepping off a porch.', 'Dizziness on standing, two episodes today.'])}</p>
<h4>Allergies</h4><p>${r.pick(['NKDA', 'Penicillin (rash)', 'Sulfa drugs'])}</p>
<h4>Exam</h4><p>${r.pick(['Tender RLQ without rebound.', 'Crackles left base.', 'Swelling lateral malleolus, able to bear weight.', 'Orthostatic; otherwise normal exam.'])}</p>
${two ? '' : `<h4>Disposition</h4><p>${ck(true)} Home ${ck(false)} Admit ${ck(false)} Transfer &nbsp; Follow up: Larkspur Flats CHC in 2-3 days.</p><p>Provider: <span class="sig">Lena Marchetti, PA-C</span> &nbsp; ${mdy(c.date)}</p>`}</div>`
  const sheets: Sheet[] = [{ html: first, naming: 'full' }]
  if (two)
    sheets.push({
      html: `<div class="tc"><p style="font-size:8.5pt">Emergency Department Record (continued) &nbsp;&middot;&nbsp; Patient: ${esc(p.given)} ${esc(p.family)}</p>
<h4>Orders and results</h4><p>${r.pick(['CBC: WBC 13.2. Lipase normal. CT abdomen: appendix normal caliber.', 'Chest x-ray: left lower lobe infiltrate.', 'Ankle x-ray: no fracture.', 'Orthostatic vitals positive. BMP normal.'])}</p>
<h4>Medications given</h4><p>${r.pick(['Ondansetron 4 mg IV', 'Acetaminophen 1 g PO', 'Ibuprofen 600 mg PO', 'Normal saline 1 L IV'])}</p>
<h4>Impression</h4><p>${r.pick(['Abdominal pain, nonspecific', 'Community-acquired pneumonia', 'Ankle sprain', 'Orthostatic hypotension, dehydration'])}</p>
<h4>Disposition</h4><p>${ck(true)} Home ${ck(false)} Admit ${ck(false)} Transfer &nbsp; Follow up: Larkspur Flats CHC in 2-3 days.</p>
<p>Provider: <span class="sig">Lena Marchetti, PA-C</span> &nbsp; ${mdy(c.date)}</p></div>`,
      naming: 'name',
    })
  return {
    writer: 'tamarack-ed',
    type: 'emergency_report',
    sender: TC.name,
    fax: TC.fax,
    date: c.date,
    title: 'Emergency Department Record',
    sheets,
    numbered: false,
    runningTitle: two,
  }
}
