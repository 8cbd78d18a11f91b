/**
 * Hospitals of the third blind set: Prairie Hollow Community Hospital (a rural critical-access
 * hospital: discharge summary, ED physician record, radiology, surgical pathology, notice of
 * admission), Copper Basin Surgical Hospital (operative report, pre-operative H&P) and Two Forks
 * Endoscopy Center (colonoscopy report). Written by hand for this set.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import {
  addDays,
  ageOn,
  DESK,
  full,
  lastFirstUpper,
  longMdy,
  senderId,
  sexWord,
  their,
  them,
  they,
  They,
  time,
  title,
  us,
  type Doc,
  type WriteOpts,
} from './common.js'

const PH = {
  name: 'Prairie Hollow Community Hospital',
  addr: '410 Depot Street &middot; Sand Creek, Nebraska 69361',
  tel: '(308) 555-0142',
  fax: '(308) 555-0143',
  doctors: ['Wendell Haugen, MD', 'Corrine Ashby, DO', 'Luis Etcheverry, MD', 'Annika Sorensen, PA-C'],
}

function phLetterhead(band: string): string {
  return `<div class="lh"><div><div class="name">${PH.name}</div><div class="small">${PH.addr}</div></div>
<div class="small right">A Critical Access Hospital<br>Tel ${PH.tel} &middot; Fax ${PH.fax}</div></div>
<div class="band">${band}</div>`
}

function phIdBlock(p: Person, o: { acct: string; extra?: string }): string {
  return `<table class="grid"><tr>
<td><span class="lbl">Patient</span>${lastFirstUpper(p)}</td>
<td><span class="lbl">DOB</span>${us(p.birthDate)}</td>
<td><span class="lbl">Sex</span>${p.sex}</td>
<td><span class="lbl">Med Rec #</span>PH${senderId(p, 'ph', 6)}</td>
<td><span class="lbl">Account</span>${o.acct}</td></tr>${o.extra ?? ''}</table>`
}

const phRun = (p: Person, what: string, page: number, of: number) =>
  `<div class="runhead"><span>${PH.name} &mdash; ${what}</span><span>${lastFirstUpper(p)} &middot; DOB ${us(p.birthDate)}</span></div>`
const phFoot = (page: number, of: number, numbered: boolean) =>
  `<div class="foot"><span>PHCH-HIM-114 Rev 03/2024</span><span style="float:right">${numbered ? `Page ${page} of ${of}` : ''}</span></div>`

/** A long discharge summary (4 to 6 pages), a running header with the title, "Page x of N" in the footer. */
export function phDischarge(p: Person, r: Rand, o: WriteOpts): Doc {
  const admit = addDays(o.date, -r.int(3, 7))
  const doc = r.pick(PH.doctors.slice(0, 3))
  const acct = `V${senderId(p, 'ph-acct' + o.date, 8)}`
  const chf = r.chance(0.5)
  const n = r.int(4, 6)
  const dx = chf
    ? [
        'Acute on chronic heart failure with reduced ejection fraction',
        'Hypokalemia',
        'Chronic kidney disease stage 3a',
        'Type 2 diabetes mellitus',
      ]
    : [
        'Community-acquired pneumonia, right lower lobe',
        'Acute hypoxic respiratory failure, resolved',
        'COPD with acute exacerbation',
        'Tobacco use disorder',
      ]
  const page1 = `${phLetterhead('DISCHARGE SUMMARY')}
${phIdBlock(p, { acct, extra: `<tr><td colspan="2"><span class="lbl">Admission Date</span>${us(admit)}</td><td colspan="2"><span class="lbl">Discharge Date</span>${us(o.date)}</td><td><span class="lbl">Attending</span>${doc}</td></tr>` })}
<p style="margin-top:10px"><b>Primary care provider:</b> ${r.pick(DESK.doctor)}, ${DESK.name}</p>
<p><b>Discharge diagnoses:</b></p><ol>${dx.map((d) => `<li>${d}</li>`).join('')}</ol>
<p><b>History of present illness:</b> ${title(p)}. ${p.family} is a ${ageOn(p.birthDate, admit)}-year-old ${sexWord(p)} who drove in from a ranch about forty miles north of town after ${
    chf
      ? `two weeks of worsening shortness of breath, three-pillow orthopnea and swelling of both legs to the knees. ${They} had run out of ${their(p)} furosemide during calving season and had not been able to get to the pharmacy in Alliance.`
      : `five days of productive cough, fevers to 102 at home and increasing breathlessness walking from the house to the barn. ${They} smokes about a pack a day and uses ${their(p)} albuterol inhaler several times a day without relief.`
  }</p>
<p>In our emergency department ${they} was ${chf ? 'saturating 86% on room air with crackles to the mid lung fields and 3+ pitting edema' : 'febrile to 38.9, saturating 84% on room air, with coarse rhonchi at the right base'}. A chest radiograph showed ${
    chf ? 'cardiomegaly with bilateral interstitial edema and small effusions' : 'a dense right lower lobe consolidation without effusion'
  }. ${They} was admitted to the acute care unit under the hospitalist service for further management.</p>
${phFoot(1, n, true)}`
  const course1 = `${phRun(p, 'DISCHARGE SUMMARY', 2, n)}
<p><b>Hospital course by problem:</b></p>
<p><b>1. ${dx[0]}.</b> ${
    chf
      ? `The patient was started on intravenous furosemide 40 mg twice daily with strict intake and output and daily weights. Admission weight was ${r.int(96, 118)} kg. ${They} diuresed well, with a net negative balance of about 2.5 liters over the first 48 hours. An echocardiogram could not be done here; the last outside study from Scottsbluff in the spring showed an ejection fraction of 30 to 35 percent. Metoprolol succinate was continued at the home dose. Lisinopril was held on admission because of the creatinine and resumed at half dose on day 3.`
      : `Blood cultures were drawn before antibiotics and remained without growth at 72 hours. ${They} was started on ceftriaxone 1 g daily and azithromycin 500 mg daily. Oxygen was given by nasal cannula at 2 to 3 liters to keep saturations above 90 percent. Fever resolved within 36 hours and sputum became less purulent. The procalcitonin on admission was 1.8.`
  }</p>
<p><b>2. ${dx[1]}.</b> ${
    chf
      ? `Potassium was 3.1 on the second morning after diuresis. It was replaced orally and intravenously and was 4.0 at discharge. Magnesium was also replaced.`
      : `${They} was weaned to room air by hospital day 3, with ambulatory saturations of 91 to 93 percent on the hallway walk with nursing.`
  }</p>
<p><b>3. ${dx[2]}.</b> ${
    chf
      ? `Creatinine was 1.6 on arrival, near ${their(p)} baseline of 1.4 to 1.5, peaked at 1.8 with diuresis and was 1.5 at discharge.`
      : `Treated with scheduled ipratropium-albuterol nebulizers every 6 hours and prednisone 40 mg daily for five days, to complete the course at home.`
  }</p>
<p><b>4. ${dx[3]}.</b> ${
    chf
      ? `Glucose was managed with sliding-scale insulin while metformin was held. The A1c was ${(6.8 + r.next() * 2).toFixed(1)}%. Metformin was resumed at discharge.`
      : `Counseling was given at the bedside by nursing and the hospitalist. ${They} accepted a nicotine patch, 21 mg daily, and a referral to the state quit line.`
  }</p>
<p>Physical therapy saw the patient on hospital day 2 and found ${them} safe to go home without equipment. ${They} was seen by the dietitian regarding a ${chf ? 'two-gram sodium and fluid-restricted' : 'high-protein'} diet, and teaching was given to ${their(p)} spouse, who will be driving ${them} to follow-up appointments. Case management confirmed that ${
    n >= 5 ? 'the nearest pharmacy with' : 'the nearest pharmacy has the discharge medicines in stock.'
  }${phFoot(2, n, true)}`
  const course2 = `${phRun(p, 'DISCHARGE SUMMARY', 3, n)}
<p>the discharge medicines in stock is the one in Hemingford, and the prescriptions were sent there electronically at the family's request. Home health is not available in the county; instead the clinic nurse in Sand Creek will call the patient on the second day after discharge.</p>
<p><b>Procedures:</b> None. <b>Consultations:</b> ${chf ? 'Telecardiology consultation with the regional heart institute on hospital day 2, by video; recommendations incorporated above.' : 'None.'}</p>
<p><b>Pertinent results:</b></p>
<table class="grid"><tr><th>Test</th><th>Admission</th><th>Discharge</th></tr>
<tr><td>WBC (K/uL)</td><td>${(chf ? 7 : 14) + r.int(0, 3)}.${r.int(0, 9)}</td><td>${r.int(6, 9)}.${r.int(0, 9)}</td></tr>
<tr><td>Hemoglobin (g/dL)</td><td>${r.int(11, 14)}.${r.int(0, 9)}</td><td>${r.int(11, 13)}.${r.int(0, 9)}</td></tr>
<tr><td>Sodium (mmol/L)</td><td>${r.int(131, 138)}</td><td>${r.int(135, 140)}</td></tr>
<tr><td>Potassium (mmol/L)</td><td>${chf ? '3.4' : '4.1'}</td><td>4.0</td></tr>
<tr><td>Creatinine (mg/dL)</td><td>${chf ? '1.6' : '0.9'}</td><td>${chf ? '1.5' : '0.8'}</td></tr>
<tr><td>${chf ? 'BNP (pg/mL)' : 'Procalcitonin (ng/mL)'}</td><td>${chf ? r.int(900, 2400) : '1.8'}</td><td>${chf ? r.int(300, 700) : '0.3'}</td></tr></table>
<p style="margin-top:8px">Discharge weight ${chf ? 'was 4.1 kg below admission weight.' : 'not recorded.'} The patient was seen and examined on the day of discharge and was in stable condition, ambulating independently.</p>
${phFoot(3, n, true)}`
  const meds = `${phRun(p, 'DISCHARGE SUMMARY', n >= 5 ? 4 : 3, n)}
<p><b>Discharge medications</b> (reconciled with the patient and the home list brought by ${their(p)} spouse):</p>
<table class="grid"><tr><th>Medication</th><th>Dose / route / frequency</th><th>Status</th></tr>
${(chf
  ? [
      ['Furosemide', '40 mg by mouth twice daily', 'CHANGED (was 40 mg daily)'],
      ['Potassium chloride ER', '20 mEq by mouth daily', 'NEW'],
      ['Metoprolol succinate', '50 mg by mouth daily', 'Continue'],
      ['Lisinopril', '5 mg by mouth daily', 'CHANGED (was 10 mg)'],
      ['Metformin', '500 mg by mouth twice daily', 'Continue'],
      ['Atorvastatin', '40 mg by mouth nightly', 'Continue'],
    ]
  : [
      ['Amoxicillin-clavulanate', '875 mg by mouth twice daily for 4 more days', 'NEW'],
      ['Prednisone', '40 mg by mouth daily for 2 more days', 'NEW'],
      ['Tiotropium inhaler', '2 puffs once daily', 'NEW'],
      ['Albuterol HFA', '2 puffs every 4 hours as needed', 'Continue'],
      ['Nicotine patch', '21 mg/24 h, one patch daily', 'NEW'],
    ]
)
  .map(([a, b, c]) => `<tr><td>${a}</td><td>${b}</td><td>${c}</td></tr>`)
  .join('')}</table>
<p style="margin-top:8px"><b>Allergies:</b> ${r.pick(['Sulfa (rash)', 'No known drug allergies', 'Penicillin (hives as a child; tolerated cephalosporins this admission)'])}</p>
<p><b>Diet:</b> ${chf ? 'Two-gram sodium, 1.5 liter fluid restriction, carbohydrate consistent.' : 'Regular.'} <b>Activity:</b> As tolerated; no heavy lifting or chores with the cattle for one week.</p>
${phFoot(n >= 5 ? 4 : 3, n, true)}`
  const labsPage = `${phRun(p, 'DISCHARGE SUMMARY', 5, n)}
<p><b>Patient instructions given at discharge</b> (copy signed by patient, kept in the hospital record):</p>
<ul>${(chf
    ? [
        'Weigh yourself every morning after you use the bathroom and before breakfast. Write it down.',
        'Call the clinic if you gain more than 3 pounds in a day or 5 pounds in a week.',
        'Call if you have to sleep sitting up, or your legs swell more.',
        'Do not use salt at the table. Read labels for sodium.',
      ]
    : [
        'Finish every dose of the antibiotic even if you feel well.',
        'Use the new inhaler every day, not only when short of breath.',
        'Come back or call 911 if you have trouble breathing, chest pain or a fever above 101.',
        'Quit line: 1-800-QUIT-NOW, available any hour.',
      ]
  )
    .map((x) => `<li>${x}</li>`)
    .join('')}</ul>
<p>The patient voiced understanding using teach-back. Questions were answered. A copy of this summary is being faxed to the primary care provider listed on page 1.</p>
${phFoot(5, n, true)}`
  const last = `${phRun(p, 'DISCHARGE SUMMARY', n, n)}
<p><b>Follow-up:</b></p>
<ol><li>${r.pick(DESK.doctor)}, ${DESK.name}, within 7 days. ${chf ? 'Basic metabolic panel at that visit.' : 'Repeat chest radiograph in 6 to 8 weeks to document resolution.'}</li>
<li>${chf ? 'Cardiology outreach clinic (visiting cardiologist, first Thursday of the month in Sand Creek).' : 'Pulmonary function testing when recovered, to be ordered by the primary care provider.'}</li></ol>
<p><b>Condition at discharge:</b> Stable. <b>Disposition:</b> Home with spouse.</p>
<p><b>Code status:</b> Full code, confirmed with patient on admission.</p>
<p>Total time on discharge day, including coordination: ${r.int(35, 55)} minutes.</p>
<div class="sig">Electronically signed by ${doc}, Hospitalist, on ${us(o.date)} at ${time(r)}<br>
Dictated ${us(o.date)} / Transcribed ${us(addDays(o.date, 1))} &middot; Job ${r.int(100000, 999999)}</div>
<p class="small" style="margin-top:14px">cc: ${r.pick(DESK.doctor)} (fax ${DESK.fax}); patient</p>
${phFoot(n, n, true)}`
  const pages =
    n === 4
      ? [page1, course1.replace(/the nearest pharmacy has/, 'the nearest pharmacy has'), meds, last]
      : n === 5
        ? [page1, course1, course2, meds, last]
        : [page1, course1, course2, meds, labsPage, last]
  return {
    writer: 'phDischarge',
    type: 'discharge_summary',
    sender: PH.name,
    senderFax: PH.fax,
    title: 'DISCHARGE SUMMARY',
    date: o.date,
    style: 'ph',
    pages,
    numbered: true,
    runningTitle: true,
    midSentence: n >= 5,
  }
}

/** The ED physician record: two pages, check boxes for the review of systems, page 2 continues without a title. */
export function phEdRecord(p: Person, r: Rand, o: WriteOpts): Doc {
  const doc = r.pick(PH.doctors)
  const cc = r.pick([
    [
      'Laceration left hand',
      'fence wire',
      '3.5 cm laceration across the left thenar eminence, no tendon involvement, capillary refill brisk',
    ],
    ['Chest pain', 'while shoveling', 'regular rate, no murmur, chest wall not tender, lungs clear'],
    ['Fall from horse', 'thrown at a walk', 'tender over the left lateral ribs 7 to 9 without crepitus, no abdominal tenderness'],
    ['Dizziness', 'since morning', 'orthostatic drop of 24 mmHg systolic, neurologic exam non-focal'],
  ] as const)
  const check = (x: boolean) => `<span class="cb">${x ? 'X' : ''}</span>`
  const ros = ['Constitutional', 'Eyes', 'ENT', 'Cardiovascular', 'Respiratory', 'GI', 'GU', 'Musculoskeletal', 'Skin', 'Neuro', 'Psych']
  const page1 = `${phLetterhead('EMERGENCY DEPARTMENT PHYSICIAN RECORD')}
${phIdBlock(p, { acct: `E${senderId(p, 'ph-ed' + o.date, 7)}`, extra: `<tr><td colspan="2"><span class="lbl">Arrival</span>${us(o.date)} ${time(r)}</td><td colspan="2"><span class="lbl">Mode</span>${r.pick(['Private vehicle', 'County EMS', 'Walk-in'])}</td><td><span class="lbl">Triage</span>ESI ${r.int(2, 4)}</td></tr>` })}
<p style="margin-top:8px"><b>Chief complaint:</b> ${cc[0]} (${cc[1]}).</p>
<p><b>HPI:</b> ${ageOn(p.birthDate, o.date)} y/o ${sexWord(p)} presents with ${cc[0].toLowerCase()}, ${cc[1]}. Onset about ${r.int(1, 6)} hours before arrival. ${They} denies prior similar episodes. Tetanus status ${r.pick(['current (2021)', 'unknown', 'over 10 years'])}.</p>
<p><b>Review of systems</b> (X = positive, all others reviewed and negative):</p>
<div class="box">${ros.map((x, i) => `${check(i === 7 || (i === 3 && cc[0] === 'Chest pain'))}${x}`).join(' ')}</div>
<p><b>PMH:</b> ${r.pick(['Hypertension; hyperlipidemia', 'None', 'Asthma as a child; GERD', 'Type 2 diabetes'])}. <b>Meds:</b> see nursing list. <b>Allergies:</b> ${r.pick(['NKDA', 'Codeine (nausea)'])}</p>
<p><b>Vitals:</b> BP ${r.int(118, 162)}/${r.int(68, 96)} &nbsp; HR ${r.int(62, 104)} &nbsp; RR ${r.int(14, 20)} &nbsp; T ${(36.4 + r.next()).toFixed(1)} C &nbsp; SpO2 ${r.int(94, 99)}% RA</p>
<p><b>Exam:</b> Alert, oriented, in no distress. ${cc[2]}.</p>
<div class="foot">PHCH ED-2 &middot; continued on reverse / next page</div>`
  const page2 = `<div class="runhead"><span>ED physician record (cont.)</span><span>${lastFirstUpper(p)}</span></div>
<p><b>ED course and medical decision making:</b> ${
    cc[0] === 'Chest pain'
      ? `ECG at ${time(r)} showed normal sinus rhythm without acute ST changes. Troponin at 0 and 3 hours below the 99th percentile. HEART score 3. Low risk; discussed with the patient.`
      : cc[0].startsWith('Laceration')
        ? 'Wound irrigated with 500 mL saline after digital block with 1% lidocaine. Explored in a bloodless field: no foreign body, tendons intact through full range. Closed with six 4-0 nylon simple interrupted sutures. Tdap given.'
        : cc[0].startsWith('Fall')
          ? 'Chest radiograph: no pneumothorax, possible nondisplaced fracture of the left 8th rib. Incentive spirometer given and use demonstrated.'
          : 'Given 1 liter normal saline with resolution of symptoms and orthostatic change. Hemoglobin and electrolytes unremarkable. Likely volume depletion.'
  }</p>
<p><b>Clinical impression:</b> ${cc[0] === 'Chest pain' ? 'Chest pain, low risk, likely musculoskeletal' : cc[0]}.</p>
<p><b>Disposition:</b> ${r.chance(0.8) ? 'Discharged home in good condition' : 'Transferred to a tertiary center by ground'} at ${time(r)}. Follow up with ${DESK.name} in ${r.int(2, 7)} days${cc[0].startsWith('Laceration') ? ' for suture removal in 10 to 12 days' : ''}.</p>
<p><b>Prescriptions:</b> ${r.pick(['None', 'Ibuprofen 600 mg every 6 hours with food, #20', 'Cephalexin 500 mg four times daily x 5 days'])}</p>
<div class="sig">Provider signature: ${doc} &nbsp;&nbsp; Date/time: ${us(o.date)} ${time(r)}</div>
<div class="foot">PHCH ED-2 (reverse)</div>`
  return {
    writer: 'phEdRecord',
    type: 'emergency_report',
    sender: PH.name,
    senderFax: PH.fax,
    title: 'EMERGENCY DEPARTMENT PHYSICIAN RECORD',
    date: o.date,
    style: 'ph',
    pages: [page1, page2],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

const STUDIES = [
  {
    name: 'XR CHEST 2 VIEWS',
    why: 'Cough and fever.',
    findings:
      'PA and lateral views. The heart size is normal. The mediastinal contour is unremarkable. There is no focal consolidation, pleural effusion or pneumothorax. Mild degenerative change of the thoracic spine.',
    imp: 'No acute cardiopulmonary process.',
  },
  {
    name: 'XR ANKLE LEFT 3 VIEWS',
    why: 'Inversion injury, lateral malleolar tenderness.',
    findings:
      'Three views of the left ankle. There is a nondisplaced transverse fracture of the distal fibula at the level of the tibial plafond. The ankle mortise is congruent. Soft tissue swelling laterally.',
    imp: 'Nondisplaced Weber B distal fibular fracture.',
  },
  {
    name: 'CT HEAD WITHOUT CONTRAST',
    why: 'Fall, on anticoagulation.',
    findings:
      'No intracranial hemorrhage, mass effect or midline shift. Gray-white differentiation is preserved. Mild periventricular white matter hypodensity, likely chronic small vessel change. The calvarium is intact.',
    imp: 'No acute intracranial abnormality.',
  },
  {
    name: 'US RIGHT UPPER QUADRANT',
    why: 'Right upper quadrant pain after meals.',
    findings:
      'The gallbladder contains multiple mobile shadowing stones, the largest 1.4 cm. The gallbladder wall measures 2 mm. No pericholecystic fluid. Negative sonographic Murphy sign. Common bile duct 4 mm. The liver is of normal echotexture.',
    imp: 'Cholelithiasis without sonographic evidence of acute cholecystitis.',
  },
  {
    name: 'XR LUMBAR SPINE 2-3 VIEWS',
    why: 'Low back pain for six weeks.',
    findings:
      'Five lumbar-type vertebral bodies. Alignment is normal. Disc space narrowing at L4-5 and L5-S1 with endplate osteophytes. No compression deformity. Sacroiliac joints unremarkable.',
    imp: 'Degenerative disc disease at L4-5 and L5-S1.',
  },
]

/** One-page radiology report; a patient often has two studies on one day, each its own report. */
export function phRadiology(p: Person, r: Rand, o: WriteOpts): Doc {
  const s = r.pick(STUDIES)
  const reader = r.pick(['Marguerite Tollefson, MD', 'Ishaan Batra, MD'])
  const body = `${phLetterhead('DIAGNOSTIC IMAGING REPORT')}
${phIdBlock(p, { acct: `R${senderId(p, 'ph-rad' + o.date + s.name, 7)}`, extra: `<tr><td colspan="2"><span class="lbl">Exam date</span>${us(o.date)} ${time(r)}</td><td colspan="2"><span class="lbl">Ordering</span>${r.pick(PH.doctors)}</td><td><span class="lbl">Accession</span>${r.int(2600000, 2699999)}</td></tr>` })}
<h3 style="margin-top:14px">EXAM: ${s.name}</h3>
<p><b>CLINICAL INDICATION:</b> ${s.why}</p>
<p><b>COMPARISON:</b> ${r.pick(['None available.', 'Outside study from Regional West, reviewed via image exchange.', 'Prior study of ' + us(addDays(o.date, -r.int(200, 900))) + '.'])}</p>
<p><b>FINDINGS:</b> ${s.findings}</p>
<p><b>IMPRESSION:</b></p><p style="margin-left:20px">${s.imp}</p>
<p class="small">Images obtained at Prairie Hollow Community Hospital and interpreted remotely by teleradiology.</p>
<div class="sig">Electronically signed: ${reader} &nbsp; ${us(o.date)} ${time(r)}</div>
${phFoot(1, 1, false)}`
  return {
    writer: 'phRadiology',
    type: 'radiology_report',
    sender: PH.name,
    senderFax: PH.fax,
    title: s.name,
    date: o.date,
    style: 'ph',
    pages: [body],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** Surgical pathology, one or two pages ("Page x of N"). */
export function phPathology(p: Person, r: Rand, o: WriteOpts): Doc {
  const two = r.chance(0.5)
  const n = two ? 2 : 1
  const spec = r.pick([
    ['Skin, left forearm, shave biopsy', 'Basal cell carcinoma, nodular type, extending to the deep margin.'],
    ['Colon, sigmoid, polyp, cold snare', 'Tubular adenoma. Negative for high-grade dysplasia.'],
    ['Gallbladder, cholecystectomy', 'Chronic cholecystitis with cholelithiasis. No dysplasia or malignancy.'],
  ] as const)
  const page1 = `${phLetterhead('SURGICAL PATHOLOGY REPORT')}
${phIdBlock(p, { acct: `S26-${r.int(1000, 4999)}`, extra: `<tr><td colspan="2"><span class="lbl">Collected</span>${us(addDays(o.date, -2))}</td><td colspan="2"><span class="lbl">Reported</span>${us(o.date)}</td><td><span class="lbl">Submitting</span>${r.pick(PH.doctors)}</td></tr>` })}
<p style="margin-top:10px"><b>SPECIMEN:</b> ${spec[0]}</p>
<p><b>FINAL DIAGNOSIS:</b></p><p style="margin-left:20px;font-weight:bold">${spec[1]}</p>
<p><b>GROSS DESCRIPTION:</b> Received in formalin labeled with the patient's name and "${spec[0].split(',')[0]!.toLowerCase()}" is a tan-pink portion of tissue measuring ${r.int(3, 40)} x ${r.int(2, 20)} x ${r.int(1, 8)} mm. ${two ? 'Inked, serially sectioned and entirely submitted in cassettes A1 through A3.' : 'Entirely submitted in one cassette.'}</p>
${two ? '' : `<div class="sig">Pathologist: Odalys Fenwick, MD (electronic signature) ${us(o.date)}</div>`}
<div class="foot"><span>Reference laboratory for Prairie Hollow CH</span><span style="float:right">Page 1 of ${n}</span></div>`
  const page2 = `<div class="runhead"><span>SURGICAL PATHOLOGY REPORT (continued)</span><span>${lastFirstUpper(p)}</span></div>
<p><b>MICROSCOPIC DESCRIPTION:</b> Sections show ${spec[1].toLowerCase().replace(/\.$/, '')}. Levels were examined. Immunohistochemistry was not required for diagnosis.</p>
<p><b>COMMENT:</b> The findings were discussed with the submitting provider by telephone on ${us(o.date)}.</p>
<p class="small">This test was performed in a CLIA-certified laboratory. Results should be interpreted in conjunction with clinical findings.</p>
<div class="sig">Pathologist: Odalys Fenwick, MD (electronic signature) ${us(o.date)} ${time(r)}</div>
<div class="foot"><span>Reference laboratory for Prairie Hollow CH</span><span style="float:right">Page 2 of 2</span></div>`
  return {
    writer: 'phPathology',
    type: 'lab_report',
    sender: PH.name,
    senderFax: PH.fax,
    title: 'SURGICAL PATHOLOGY REPORT',
    date: o.date,
    style: 'ph',
    pages: two ? [page1, page2] : [page1],
    numbered: true,
    runningTitle: two,
    midSentence: false,
  }
}

/** A one-page notice to the primary care office that its patient was admitted. */
export function phAdmitNotice(p: Person, r: Rand, o: WriteOpts): Doc {
  const body = `${phLetterhead('NOTICE OF HOSPITAL ADMISSION')}
<p>To: ${r.pick(DESK.doctor)}, ${DESK.name} &nbsp;&nbsp; Fax ${DESK.fax}</p>
<p>This notice is sent to the primary care provider of record as a courtesy and for care coordination. No reply is needed.</p>
<table class="grid" style="margin:10px 0">
<tr><td style="width:35%"><span class="lbl">Patient name</span>${full(p)}</td><td><span class="lbl">Date of birth</span>${us(p.birthDate)}</td><td><span class="lbl">Hospital MRN</span>PH${senderId(p, 'ph', 6)}</td></tr>
<tr><td><span class="lbl">Admission date / time</span>${us(o.date)} ${time(r)}</td><td><span class="lbl">Status</span>${r.pick(['Inpatient', 'Observation', 'Swing bed (skilled)'])}</td><td><span class="lbl">Admitted from</span>${r.pick(['Emergency department', 'Clinic', 'Transfer from tertiary center'])}</td></tr>
<tr><td colspan="3"><span class="lbl">Reason for admission</span>${r.pick(['Dehydration and acute kidney injury', 'Cellulitis of the right lower leg', 'Rehabilitation after hip fracture repair', 'Chest pain, rule out acute coronary syndrome'])}</td></tr>
<tr><td colspan="3"><span class="lbl">Attending</span>${r.pick(PH.doctors.slice(0, 3))}</td></tr></table>
<p>A discharge summary will follow when the patient leaves the hospital. Questions: call the nursing supervisor at ${PH.tel}, option 4.</p>
<p class="small" style="margin-top:30px">CONFIDENTIALITY: This message contains protected health information. If you received it in error, notify the sender and destroy it.</p>
${phFoot(1, 1, false)}`
  return {
    writer: 'phAdmitNotice',
    type: 'emergency_report',
    sender: PH.name,
    senderFax: PH.fax,
    title: 'NOTICE OF HOSPITAL ADMISSION',
    date: o.date,
    style: 'ph',
    pages: [body],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

const CB = {
  name: 'Copper Basin Surgical Hospital',
  addr: '2200 Smelter Road, Anaconda, MT 59711',
  fax: '(406) 555-0261',
}

const cbHead = (p: Person, page: number, withTitle: boolean) =>
  `<div class="runhead"><span>COPPER BASIN SURGICAL HOSPITAL${withTitle ? ' &middot; OPERATIVE REPORT' : ''}</span><span>${p.family.toUpperCase()}, ${p.given} &middot; DOB ${us(p.birthDate)}</span></div>`
const cbFoot = (page: number) => `<div class="foot center">CONFIDENTIAL PATIENT INFORMATION &mdash; Page ${page}</div>`

/** A long operative report (4 or 5 pages): running header with the title, footer "Page x" without a total, one page starting mid-sentence. */
export function cbOperative(p: Person, r: Rand, o: WriteOpts): Doc {
  const surgeon = r.pick(['Declan Moravec, MD', 'Simone Achterberg, MD'])
  const knee = r.chance(0.5)
  const five = r.chance(0.5)
  const proc = knee ? 'Right total knee arthroplasty, cemented' : 'Laparoscopic right hemicolectomy with intracorporeal anastomosis'
  const p1 = `<div class="center"><b style="font-size:15pt">${CB.name}</b><br><span class="small">${CB.addr} &middot; Fax ${CB.fax}</span></div>
<div class="rule"></div>
<h2 class="center">OPERATIVE REPORT</h2>
<table style="width:100%;margin-bottom:8px"><tr><td>Patient: <b>${full(p)}</b></td><td>Date of birth: ${us(p.birthDate)}</td></tr>
<tr><td>Hospital no.: CB-${senderId(p, 'cb', 7)}</td><td>Date of operation: ${longMdy(o.date)}</td></tr>
<tr><td>Surgeon: ${surgeon}</td><td>Assistant: ${r.pick(['Hollis Vang, PA-C', 'Beatriz Coelho, RNFA'])}</td></tr>
<tr><td>Anesthesia: ${knee ? 'Spinal with adductor canal block' : 'General endotracheal'}</td><td>Anesthesiologist: ${r.pick(['K. Oyelaran, MD', 'P. Drummond, MD'])}</td></tr></table>
<p><b>PREOPERATIVE DIAGNOSIS:</b> ${knee ? 'End-stage osteoarthritis of the right knee, varus deformity.' : 'Adenocarcinoma of the ascending colon, biopsy proven.'}</p>
<p><b>POSTOPERATIVE DIAGNOSIS:</b> Same.</p>
<p><b>PROCEDURE PERFORMED:</b> ${proc}.</p>
<p><b>IMPLANTS:</b> ${knee ? 'Femoral component size 5, tibial baseplate size 4, polyethylene insert 11 mm posterior stabilized, patellar button 35 mm; antibiotic cement.' : 'None. Endoscopic linear stapler loads as per count sheet.'}</p>
<p><b>ESTIMATED BLOOD LOSS:</b> ${r.int(50, 250)} mL. <b>FLUIDS:</b> ${r.int(1000, 2200)} mL crystalloid. <b>DRAINS:</b> None. <b>SPECIMENS:</b> ${knee ? 'None.' : 'Right colon with terminal ileum to pathology.'}</p>
<p><b>COMPLICATIONS:</b> None apparent. <b>CONDITION:</b> Stable to PACU.</p>
<p><b>INDICATIONS:</b> ${They} is a ${ageOn(p.birthDate, o.date)}-year-old ${sexWord(p)} ${
    knee
      ? 'with years of progressive right knee pain that now limits walking to one block despite injections, bracing and physical therapy.'
      : 'found on screening colonoscopy to have a friable mass in the ascending colon; staging CT showed no distant disease.'
  } Risks including bleeding, infection, ${knee ? 'stiffness, loosening, nerve and vessel injury' : 'anastomotic leak, injury to the bowel or ureter'}, blood clots and anesthetic risks were discussed, and ${they} wished to proceed. Consent was signed.</p>
${cbFoot(1)}`
  const p2 = `${cbHead(p, 2, true)}
<p><b>DESCRIPTION OF PROCEDURE:</b> The patient was identified in the preoperative holding area and the operative site was marked. ${They} was brought to the operating room and ${knee ? 'spinal anesthesia was placed in the sitting position' : 'general anesthesia was induced and the trachea intubated'} without difficulty. Cefazolin 2 g was given intravenously within 60 minutes before incision. ${
    knee
      ? 'A tourniquet was placed high on the right thigh. The leg was prepped and draped in the usual sterile fashion. A time-out confirmed patient, side, procedure and implants.'
      : 'The patient was positioned supine with both arms tucked. A Foley catheter was placed. The abdomen was prepped and draped. A time-out was performed.'
  }</p>
<p>${
    knee
      ? 'The tourniquet was inflated to 300 mmHg. A midline incision was made and a medial parapatellar arthrotomy performed. Osteophytes were removed. The anterior cruciate ligament and the remnants of the menisci were excised. The intramedullary femoral guide was placed set at 5 degrees of valgus, and the distal femoral cut was made removing 10 mm of bone. Sizing was done off the posterior condyles; a size 5 cutting block was positioned in 3 degrees of external rotation, and the anterior, posterior and chamfer cuts were made.'
      : 'Entry was obtained at the umbilicus by open technique and pneumoperitoneum established to 15 mmHg. Three additional 5 mm ports were placed under direct vision. Exploration showed no peritoneal or liver lesions. The mass was identified in the ascending colon, marked by the previously placed tattoo. The ileocolic pedicle was identified, and a window was created beneath it.'
  }</p>
<p>${
    knee
      ? 'Attention was turned to the tibia. With the extramedullary guide set for a 3-degree posterior slope, the proximal tibial cut was made, taking 2 mm off the deficient medial side. Flexion and extension gaps were checked with spacer blocks and found to be balanced after a limited release of the posteromedial capsule. The box cut for the posterior stabilized femoral component was then'
      : 'The ileocolic vessels were divided at their origin with a vascular stapler. The right branch of the middle colic artery was divided with the energy device. The hepatic flexure was mobilized lateral to medial, keeping the duodenum in view at all times and'
  }${cbFoot(2)}`
  const p3 = `${cbHead(p, 3, true)}
<p>${
    knee
      ? 'made, and trial components were inserted. With the 11 mm trial insert the knee came to full extension and flexed to 125 degrees, with good stability to varus and valgus stress throughout the arc. Patellar tracking was central with the no-thumb test. The patella was then resurfaced, resecting to a residual thickness of 14 mm.'
      : 'away from the plane of dissection. The right ureter and gonadal vessels were seen and preserved. The terminal ileum was divided 10 cm proximal to the ileocecal valve with a linear stapler, and the transverse colon was divided just to the right of the middle colic vessels.'
  }</p>
<p>${
    knee
      ? 'The bone surfaces were cleaned with pulsatile lavage and dried. The tibial component was cemented first, then the femoral component, then the patella, and excess cement was removed. The real polyethylene insert was placed and the knee held in extension while the cement cured. A periarticular injection of ropivacaine, ketorolac and epinephrine was given.'
      : 'An isoperistaltic side-to-side ileocolic anastomosis was fashioned intracorporeally with a 60 mm stapler and the common enterotomy closed in two layers with barbed suture. The anastomosis was checked and was pink, tension-free and well perfused on indocyanine green fluorescence imaging. The mesenteric defect was left open.'
  }</p>
${five ? '' : `<p>Counts were correct at the end of the case. The wounds were closed in layers and dressed. The patient tolerated the procedure well.</p><div class="sig">${surgeon}<br>Dictated ${us(o.date)}; signed electronically ${us(addDays(o.date, 1))}</div>`}
${cbFoot(3)}`
  const p4 = `${cbHead(p, 4, true)}
<p>${
    knee
      ? 'The tourniquet was released after 78 minutes and hemostasis obtained. The arthrotomy was closed with barbed suture in flexion, the subcutaneous tissue with 2-0 absorbable suture, and the skin with staples. A sterile compressive dressing was applied.'
      : 'The specimen was placed in a bag and extracted through a 5 cm Pfannenstiel incision with a wound protector. The fascia was closed with running looped suture and the port sites with absorbable subcuticular sutures.'
  }</p>
<p>Sponge, needle and instrument counts were correct twice. The patient was awakened and taken to the recovery room in stable condition. I was present and scrubbed for the entire procedure.</p>
<p><b>POSTOPERATIVE PLAN:</b> ${
    knee
      ? 'Weight bearing as tolerated with a walker. Aspirin 81 mg twice daily for 35 days for thromboprophylaxis. Physical therapy today. Anticipate discharge home on postoperative day 1.'
      : 'Enhanced recovery pathway: clear liquids this evening, early ambulation, multimodal analgesia, enoxaparin prophylaxis. Pathology to be reviewed at the tumor board.'
  }</p>
${five ? '' : `<div class="sig">${surgeon}<br>Dictated ${us(o.date)}; signed electronically ${us(addDays(o.date, 1))}</div>`}
${cbFoot(4)}`
  const p5 = `${cbHead(p, 5, true)}
<p><b>ADDENDUM, ${us(addDays(o.date, 1))}:</b> The implant log and lot numbers were reconciled with the count sheet and scanned into the hospital record. ${They} was seen on the ward this morning, comfortable, with ${knee ? 'a dry dressing and intact distal pulses and sensation' : 'a soft abdomen and passing flatus'}.</p>
<p>Copies of this report: ${r.pick(DESK.doctor)}, ${DESK.name} (primary care).</p>
<div class="sig">${surgeon}<br>Dictated ${us(o.date)}; signed electronically ${us(addDays(o.date, 1))}</div>
${cbFoot(5)}`
  return {
    writer: 'cbOperative',
    type: 'operative_report',
    sender: CB.name,
    senderFax: CB.fax,
    title: 'OPERATIVE REPORT',
    date: o.date,
    style: 'cb',
    pages: five ? [p1, p2, p3, p4, p5] : [p1, p2, p3, p4],
    numbered: false,
    runningTitle: true,
    midSentence: true,
  }
}

/** The pre-operative history and physical, two pages, its second page headed by the patient's name only. */
export function cbHp(p: Person, r: Rand, o: WriteOpts): Doc {
  const p1 = `<div class="center"><b style="font-size:15pt">${CB.name}</b><br><span class="small">${CB.addr}</span></div><div class="rule"></div>
<h2>Pre-operative History and Physical</h2>
<p>Name: ${full(p)} &nbsp;&nbsp; DOB: ${us(p.birthDate)} &nbsp;&nbsp; Hospital no.: CB-${senderId(p, 'cb', 7)} &nbsp;&nbsp; Date of exam: ${us(o.date)}</p>
<p><b>Chief complaint:</b> ${r.pick(['Right knee pain', 'Left inguinal bulge', 'Right shoulder pain and weakness'])}, scheduled for surgery on ${us(addDays(o.date, r.int(3, 14)))}.</p>
<p><b>History of present illness:</b> ${ageOn(p.birthDate, o.date)}-year-old ${sexWord(p)} seen in the pre-admission clinic. Symptoms for ${r.int(1, 6)} years, worse over the last several months, not relieved by conservative care. No chest pain, no syncope, can climb two flights of stairs.</p>
<p><b>Past medical history:</b> ${r.pick(['Hypertension, hypothyroidism', 'Obstructive sleep apnea on CPAP, GERD', 'Atrial fibrillation on apixaban (to hold 48 hours)'])}.</p>
<p><b>Past surgical history:</b> ${r.pick(['Appendectomy (childhood)', 'Cholecystectomy 2015', 'None'])}. No problems with anesthesia in ${them}self or family.</p>
<p><b>Medications:</b> per reconciled list attached to the chart. <b>Allergies:</b> ${r.pick(['NKDA', 'Latex (contact dermatitis)', 'Morphine (itching)'])}.</p>
<p><b>Social:</b> ${r.pick(['Retired mine electrician. Former smoker, quit 2009.', 'Works as a school bus driver. Never smoker.', 'Lives alone; daughter nearby. Drinks 2 beers a week.'])}</p>
<div class="foot">CBSH form 20-07 &middot; 1/2</div>`
  const p2 = `<p class="small">${full(p)} &middot; ${us(p.birthDate)}</p>
<p><b>Review of systems:</b> Negative except as above.</p>
<p><b>Physical examination:</b> BP ${r.int(118, 150)}/${r.int(66, 90)}, HR ${r.int(58, 88)}, SpO2 ${r.int(94, 99)}%, BMI ${r.int(23, 36)}. Airway Mallampati ${r.int(1, 3)}. Heart regular, no murmur. Lungs clear. Abdomen soft. Extremities: no edema. Focused exam consistent with the planned procedure.</p>
<p><b>Pre-operative testing:</b> CBC and BMP within normal limits. ECG: ${r.pick(['normal sinus rhythm', 'sinus bradycardia 56, otherwise normal', 'rate-controlled atrial fibrillation'])}.</p>
<p><b>Assessment:</b> Acceptable surgical candidate, ASA class ${r.int(2, 3)}. Risk of major adverse cardiac event low by RCRI.</p>
<p><b>Plan:</b> Proceed as scheduled. Nothing to eat after midnight. Chlorhexidine wash the night before and morning of surgery.</p>
<div class="sig">Examined by: ${r.pick(['Hollis Vang, PA-C', 'Renee Fairbanks, NP'])} &nbsp;&nbsp; Co-signed: ${r.pick(['Declan Moravec, MD', 'Simone Achterberg, MD'])}</div>
<div class="foot">CBSH form 20-07 &middot; 2/2</div>`
  return {
    writer: 'cbHp',
    type: 'history_and_physical',
    sender: CB.name,
    senderFax: CB.fax,
    title: 'Pre-operative History and Physical',
    date: o.date,
    style: 'cb',
    pages: [p1, p2],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A two-page colonoscopy report from an endoscopy center; page 2 holds picture captions and the recall. */
export function tfColonoscopy(p: Person, r: Rand, o: WriteOpts): Doc {
  const md = r.pick(['Farrah Kettleson, MD', 'Omar Haddadin, MD'])
  const polyp = r.chance(0.6)
  const p1 = `<table style="width:100%"><tr><td><b style="font-size:16pt">TWO FORKS</b><br>ENDOSCOPY CENTER</td><td class="right small">88 Confluence Ave, Suite 3<br>Two Forks, WY 82601<br>Fax (307) 555-0119</td></tr></table>
<div class="rule"></div>
<h2>Procedure Report: Colonoscopy</h2>
<table class="grid"><tr><td>Patient Name: ${p.given} ${p.family}</td><td>Date of Birth: ${us(p.birthDate)}</td><td>Procedure Date: ${us(o.date)}</td></tr>
<tr><td>Endoscopist: ${md}</td><td>Referring: ${r.pick(DESK.doctor)}</td><td>Account: TF${senderId(p, 'tf' + o.date, 6)}</td></tr></table>
<p style="margin-top:8px"><b>Indication:</b> ${r.pick(['Screening, average risk', 'Positive stool DNA test', 'Surveillance, history of adenomas', 'Iron deficiency anemia'])}.</p>
<p><b>Medications:</b> Monitored anesthesia care with propofol, administered by anesthesia staff.</p>
<p><b>Procedure:</b> After informed consent was obtained, the scope was passed under direct vision to the cecum, identified by the appendiceal orifice and ileocecal valve. Withdrawal time ${r.int(8, 16)} minutes. Boston bowel preparation score ${r.int(6, 9)}.</p>
<p><b>Findings:</b></p><ul>${polyp ? `<li>A ${r.int(4, 9)} mm sessile polyp in the ${r.pick(['ascending colon', 'transverse colon', 'sigmoid colon'])}, removed with a cold snare, retrieved.</li>` : ''}<li>Scattered diverticula in the sigmoid colon.</li><li>Small internal hemorrhoids on retroflexion.</li><li>Otherwise normal mucosa throughout.</li></ul>
<p><b>Impression:</b> ${polyp ? 'One polyp removed. ' : ''}Diverticulosis. Internal hemorrhoids.</p>
<div class="foot">Page 1 of 2</div>`
  const p2 = `<p class="small">Colonoscopy &middot; ${p.given} ${p.family} &middot; ${us(o.date)}</p>
<table class="grid" style="margin:8px 0"><tr>${[
    'Cecum',
    'Ileocecal valve',
    polyp ? 'Polyp before removal' : 'Transverse colon',
    'Rectum, retroflexion',
  ]
    .map((c) => `<td style="height:1.4in;width:25%;vertical-align:bottom" class="small">[image] ${c}</td>`)
    .join('')}</tr></table>
<p><b>Recommendations:</b></p><ul><li>${polyp ? 'Await pathology; recall interval will be set by the result (likely 7 to 10 years).' : 'Repeat colonoscopy in 10 years.'}</li><li>High-fiber diet.</li><li>Resume prior medications today.</li></ul>
<p><b>Complications:</b> None. The patient was discharged from recovery with a responsible adult.</p>
<div class="sig">${md}<br>Electronically signed ${us(o.date)} ${time(r)}</div>
<div class="foot">Page 2 of 2</div>`
  return {
    writer: 'tfColonoscopy',
    type: 'operative_report',
    sender: 'Two Forks Endoscopy Center',
    senderFax: '(307) 555-0119',
    title: 'Procedure Report: Colonoscopy',
    date: o.date,
    style: 'tf',
    pages: [p1, p2],
    numbered: true,
    runningTitle: false,
    midSentence: false,
  }
}
