/**
 * Hospital senders of the fifth blind set: a rural critical-access hospital's record-system
 * print-outs (discharge summary, emergency department record, its rural health clinic's visit
 * notes: one letterhead, a running patient header and a "Printed by ... Page x of N" footer), a
 * Canadian hospital's dictated consultation letter and an Australian base hospital's discharge
 * referral to the general practitioner.
 */
import {
  ageOn,
  clock,
  dMonY,
  esc,
  firstLast,
  honorific,
  mdy,
  PRACTICE,
  printedBy,
  senderNumber,
  sexWord,
  their,
  they,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'
import type { Person } from './people.js'

const RIDGELINE = {
  name: 'Ridgeline Valley Hospital',
  line: 'A Critical Access Hospital · 900 Hospital Hill Rd · Pell City, OR 97988',
  fax: '541-555-0712',
  system: 'TrailChart EHR 7.2',
  users: ['KMORALES2', 'HIM.ROI.TBECK', 'JSTANDINGBEAR', 'RECORDS-04'],
  doctors: ['Anneliese Morrow, MD', 'Gideon Tall Elk, DO', 'Priyanka Venkataraman, MD', 'Colm Fitzhugh, PA-C'],
}

const esq = (s: string) => esc(s)
const para = (xs: string[]) => xs.map((x) => `<p>${esq(x)}</p>`).join('')

/** The hospital's print-out header: letterhead, document title, and the patient banner every page repeats. */
function ridgelineBanner(p: Person, title: string, acct: string, full: boolean) {
  const id = senderNumber('RV', p, 'ridgeline', 6)
  return `<div class="rv-head"><div class="rv-name">${RIDGELINE.name}</div><div class="rv-line">${RIDGELINE.line}</div></div>
<div class="rv-title">${title}</div>
<table class="rv-pt"><tr><td>Patient: <b>${esq(upperLastFirst(p))}</b></td><td>MRN: ${id}</td><td>Acct: ${acct}</td></tr>
${full ? `<tr><td>DOB: ${mdy(p.birth)} (${sexWord(p)})</td><td>PCP: ${esq(PRACTICE.clinicians[0]!)}</td><td>Loc: ${acct.endsWith('7') ? 'MED/SURG' : 'ER'}</td></tr>` : ''}</table>`
}

const COURSE = [
  'Admitted for community-acquired pneumonia of the right lower lobe with hypoxia to 86% on room air.',
  'Started on ceftriaxone and azithromycin; oxygen weaned to room air by hospital day 3.',
  'Blood cultures without growth at 48 hours. Procalcitonin trended down.',
  'Acute kidney injury on admission, creatinine 1.9 from a baseline of 1.1, resolved with fluids by discharge.',
  'Home lisinopril held during the stay and resumed at discharge at the same dose.',
  'Seen by physical therapy, who cleared for home with a front-wheeled walker.',
  'Glucose ran 180-240 on the steroid taper; insulin sliding scale used, home regimen resumed.',
  'Telemetry without arrhythmia. Troponin negative x2.',
  'Transfer to a tertiary center was discussed and not needed.',
  'Tolerated a regular diet. Ambulating in the hallway independently on the day of discharge.',
  'Influenza and COVID-19 PCR negative on arrival.',
  'Chest film on day 3 showed improving consolidation without effusion.',
]
const MEDS = [
  ['Amoxicillin-clavulanate', '875 mg PO twice daily x 5 more days', 'NEW'],
  ['Lisinopril', '10 mg PO daily', 'CONTINUE'],
  ['Metformin', '500 mg PO twice daily', 'CONTINUE'],
  ['Prednisone', '20 mg PO daily x 3 days then stop', 'NEW'],
  ['Albuterol HFA', '2 puffs every 4 h as needed', 'CONTINUE'],
  ['Atorvastatin', '40 mg PO at bedtime', 'CONTINUE'],
  ['Ibuprofen', '—', 'STOP'],
  ['Pantoprazole', '40 mg PO daily', 'NEW'],
]

export function ridgelineDischarge(c: WriteCtx): Written {
  const { r, p, date } = c
  const n = Math.max(2, Math.min(5, c.pages ?? r.int(2, 4)))
  const admit = new Date(`${date}T12:00:00Z`)
  admit.setUTCDate(admit.getUTCDate() - r.int(2, 6))
  const admitted = admit.toISOString().slice(0, 10)
  const acct = senderNumber('V', p, `rv-acct-${date}`, 8)
  const doc = r.pick(RIDGELINE.doctors)
  const user = r.pick(RIDGELINE.users)
  const when = `${mdy(date)} ${clock(r)}`
  const course = r.shuffle(COURSE)
  const sheets: Sheet[] = []
  for (let k = 1; k <= n; k++) {
    const body: string[] = []
    if (k === 1) {
      body.push(`<table class="rv-grid"><tr><th>Admission</th><td>${mdy(admitted)}</td><th>Discharge</th><td>${mdy(date)}</td></tr>
<tr><th>Attending</th><td>${esq(doc)}</td><th>Disposition</th><td>Home with family</td></tr></table>`)
      body.push(
        `<h4>Discharge Diagnoses</h4><ol><li>Community-acquired pneumonia, right lower lobe</li><li>Acute kidney injury, resolved</li><li>Type 2 diabetes mellitus with hyperglycemia</li></ol>`,
      )
      body.push(`<h4>Hospital Course</h4>${para(course.slice(0, 4))}`)
    } else if (k < n) {
      body.push(`<h4>Hospital Course (continued)</h4>${para(course.slice(4 + (k - 2) * 3, 7 + (k - 2) * 3))}`)
      body.push(`<h4>Pertinent Results</h4><table class="rv-grid"><tr><th>Test</th><th>Admit</th><th>Discharge</th></tr>
<tr><td>WBC</td><td>${r.int(13, 19)}.${r.int(0, 9)}</td><td>${r.int(7, 10)}.${r.int(0, 9)}</td></tr>
<tr><td>Creatinine</td><td>1.9</td><td>1.${r.int(0, 2)}</td></tr><tr><td>Sodium</td><td>13${r.int(1, 4)}</td><td>13${r.int(5, 9)}</td></tr></table>`)
    } else {
      body.push(
        `<h4>Discharge Medications</h4><table class="rv-grid"><tr><th>Medication</th><th>Instructions</th><th>Status</th></tr>${r
          .shuffle(MEDS)
          .slice(0, 5)
          .map((m) => `<tr><td>${m[0]}</td><td>${m[1]}</td><td>${m[2]}</td></tr>`)
          .join('')}</table>`,
      )
      body.push(`<h4>Follow-up</h4><p>${esq(PRACTICE.clinicians[0]!)}, ${PRACTICE.name}, within 7 days. Repeat chest film in 6 weeks.</p>`)
      body.push(`<p class="rv-sign">Electronically signed by ${esq(doc)} on ${mdy(date)} ${clock(r)}</p>`)
    }
    sheets.push({
      html: `${ridgelineBanner(p, 'DISCHARGE SUMMARY', acct, k === 1)}${body.join('')}${printedBy({ user, when, page: k, of: n, system: RIDGELINE.system })}`,
      naming: k === 1 ? 'full' : 'name',
    })
  }
  return {
    writer: 'ridgeline-discharge',
    type: 'discharge_summary',
    sender: RIDGELINE.name,
    fax: RIDGELINE.fax,
    date,
    title: 'Discharge Summary',
    sheets,
    numbered: true,
    runningTitle: true,
  }
}

const COMPLAINTS: [string, string, string][] = [
  ['Fall from a ladder, left wrist pain', 'Left distal radius fracture, nondisplaced', 'Splinted; orthopedics follow-up in 1 week.'],
  ['Chest pain for 2 hours', 'Chest pain, low risk; HEART score 2', 'Two troponins negative. Outpatient stress test.'],
  ['Laceration of right palm on a fence wire', 'Laceration 3 cm right palm, repaired', 'Tdap given. Sutures out in 10 days.'],
  ['Vomiting and diarrhea for 2 days', 'Acute gastroenteritis with mild dehydration', '1 L saline, ondansetron. Oral fluids.'],
  [
    'Bee sting with hives and throat tightness',
    'Allergic reaction, moderate',
    'Epinephrine IM, diphenhydramine; observed 4 h. Epinephrine auto-injector prescribed.',
  ],
]

export function ridgelineEd(c: WriteCtx): Written {
  const { r, p, date } = c
  const [cc, dx, plan] = COMPLAINTS[(c.variant ?? r.int(0, COMPLAINTS.length - 1)) % COMPLAINTS.length]!
  const acct = senderNumber('E', p, `rv-ed-${date}-${cc}`, 8)
  const doc = r.pick(RIDGELINE.doctors)
  const user = r.pick(RIDGELINE.users)
  const when = `${mdy(date)} ${clock(r)}`
  const n = r.chance(0.5) ? 2 : 1
  const vitals = `BP ${r.int(110, 168)}/${r.int(64, 96)} &nbsp; HR ${r.int(62, 112)} &nbsp; RR ${r.int(14, 22)} &nbsp; T ${r.int(97, 100)}.${r.int(0, 9)} F &nbsp; SpO2 ${r.int(93, 99)}%`
  const one = `<table class="rv-grid"><tr><th>Arrival</th><td>${mdy(date)} ${clock(r)} by private vehicle</td><th>Triage</th><td>ESI ${r.int(2, 4)}</td></tr></table>
<h4>Chief Complaint</h4><p>${esq(cc)}</p>
<h4>History of Present Illness</h4><p>${esq(`${ageOn(p.birth, date)}-year-old ${sexWord(p).toLowerCase()} presents with ${cc.toLowerCase()}. ${they(p)[0]!.toUpperCase()}${they(p).slice(1)} denies fever. No prior similar episodes.`)}</p>
<h4>Vital Signs</h4><p>${vitals}</p>
<h4>Exam</h4><p>Alert, oriented, no distress. Focused exam as related to the complaint, documented in flowsheet.</p>`
  const last = `<h4>Medical Decision Making</h4><p>${esq(plan)}</p><h4>Clinical Impression</h4><p>${esq(dx)}</p>
<h4>Disposition</h4><p>Discharged home in stable condition. Return precautions reviewed. Follow up with ${esq(PRACTICE.clinicians[r.int(0, 3)]!)}.</p>
<p class="rv-sign">Electronically signed by ${esq(doc)} on ${mdy(date)} ${clock(r)}</p>`
  const bodies = n === 1 ? [one + last] : [one, last]
  return {
    writer: 'ridgeline-ed',
    type: 'emergency_report',
    sender: RIDGELINE.name,
    fax: RIDGELINE.fax,
    date,
    title: 'Emergency Department Record',
    sheets: bodies.map((b, k) => ({
      html: `${ridgelineBanner(p, 'EMERGENCY DEPARTMENT RECORD', acct, k === 0)}${b}${printedBy({ user, when, page: k + 1, of: n, system: RIDGELINE.system })}`,
      naming: k === 0 ? 'full' : 'name',
    })),
    numbered: n > 1,
    runningTitle: true,
  }
}

const CLINIC_VISITS: [string, string, string][] = [
  ['Follow-up of hypertension', 'Home readings 130s/80s. Taking amlodipine daily.', 'Hypertension, controlled. Continue amlodipine 5 mg.'],
  ['Diabetes check', 'A1c today 7.4%, down from 8.1%. No hypoglycemia.', 'Type 2 diabetes, improving. Continue metformin; eye exam due.'],
  [
    'Cough for 3 weeks',
    'Dry cough after a cold, no fever, nonsmoker.',
    'Post-viral cough. Honey, benzonatate as needed; recheck if not better in 3 weeks.',
  ],
  [
    'Low back pain after lifting',
    'No leg weakness or numbness, no bladder change.',
    'Lumbar strain. Heat, naproxen with food, home exercises.',
  ],
]

export function ridgelineClinic(c: WriteCtx): Written {
  const { r, p, date } = c
  const [reason, s, a] = CLINIC_VISITS[(c.variant ?? r.int(0, CLINIC_VISITS.length - 1)) % CLINIC_VISITS.length]!
  const acct = senderNumber('C', p, `rv-clinic-${date}`, 8)
  const who = r.pick(RIDGELINE.doctors)
  const html = `${ridgelineBanner(p, 'CLINIC VISIT NOTE — RIDGELINE RURAL HEALTH CLINIC', acct, true)}
<table class="rv-grid"><tr><th>Visit date</th><td>${mdy(date)}</td><th>Provider</th><td>${esq(who)}</td></tr></table>
<h4>Reason for Visit</h4><p>${esq(reason)}</p><h4>Subjective</h4><p>${esq(s)}</p>
<h4>Objective</h4><p>BP ${r.int(112, 150)}/${r.int(66, 92)}, pulse ${r.int(58, 96)}, weight ${r.int(120, 240)} lb. Lungs clear. Heart regular.</p>
<h4>Assessment and Plan</h4><p>${esq(a)}</p><p>Copy to ${esq(PRACTICE.clinicians[0]!)}, ${PRACTICE.name}.</p>
<p class="rv-sign">Electronically signed by ${esq(who)} on ${mdy(date)}</p>
${printedBy({ user: r.pick(RIDGELINE.users), when: `${mdy(date)} ${clock(r)}`, page: 1, of: 1, system: RIDGELINE.system })}`
  return {
    writer: 'ridgeline-clinic',
    type: 'progress_note',
    sender: RIDGELINE.name,
    fax: RIDGELINE.fax,
    date,
    title: 'Clinic Visit Note',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

const KAWARTHA = {
  name: 'Kawartha Lakeshore Health Centre',
  addr: '1 Hospital Drive, Peterborough, Ontario K9J 0A0',
  fax: '705-555-0188',
  doctors: [
    'Dr. Marie-Claude Tremblay, FRCPC (Internal Medicine)',
    'Dr. Amrit Dhaliwal, FRCPC (Cardiology)',
    'Dr. Fergus MacInnes, FRCPC (Respirology)',
  ],
}

export function kawarthaConsult(c: WriteCtx): Written {
  const { r, p, date } = c
  const doc = r.pick(KAWARTHA.doctors)
  const card = `${senderNumber('', p, 'ohip', 10).replace(/(\d{4})(\d{3})(\d{3})/, '$1-$2-$3')}-${r.pick(['AB', 'KT', 'XM'])}`
  const dict = date
  const typed = new Date(`${date}T12:00:00Z`)
  typed.setUTCDate(typed.getUTCDate() + r.int(1, 4))
  const two = r.chance(0.55)
  const opening = `<div class="kw-head"><div class="kw-name">${KAWARTHA.name}</div><div>${KAWARTHA.addr} · Fax ${KAWARTHA.fax}</div></div>
<p class="kw-date">${date}</p>
<p>${esq(PRACTICE.clinicians[0]!)}<br>${PRACTICE.name}<br>${PRACTICE.street}<br>${PRACTICE.town}</p>
<p class="kw-re"><b>RE: ${esq(firstLast(p))}</b> &nbsp; DOB: ${p.birth} &nbsp; Health Card: ${card}</p>
<p>Dear Colleague,</p>
<p>${esq(`Thank you for asking me to see ${honorific(p)}, who was seen in the outpatient consultation clinic today while visiting family in Peterborough. ${they(p)[0]!.toUpperCase()}${they(p).slice(1)} was referred by our emergency department after two episodes of exertional breathlessness.`)}</p>
<p><b>History:</b> ${esq(`Breathlessness on climbing one flight of stairs for about two months. No orthopnoea. Ankles swell by evening. ${their(p)[0]!.toUpperCase()}${their(p).slice(1)} medications were reviewed from the list brought along.`)}</p>
<p><b>Examination:</b> BP ${r.int(118, 162)}/${r.int(70, 94)}, HR ${r.int(60, 98)} regular, SpO2 ${r.int(94, 99)}% on room air. JVP not raised. Soft systolic murmur at the apex. Chest clear.</p>`
  const closing = `<p><b>Investigations:</b> ECG sinus rhythm, no acute change. Echocardiogram today: LVEF ${r.int(45, 60)}%, mild mitral regurgitation. NT-proBNP ${r.int(150, 900)} ng/L.</p>
<p><b>Impression and plan:</b> Exertional dyspnoea with mildly reduced or preserved ejection fraction. I have started a low dose of a diuretic and suggested a follow-up echocardiogram in six months at home. I would be happy to see ${p.sex === 'F' ? 'her' : 'him'} again should ${they(p)} return to Ontario.</p>
<p>Yours sincerely,</p><p class="sig5">${esq(doc.split(',')[0]!)}</p><p>${esq(doc)}</p>
<p class="kw-dt">D: ${dict} &nbsp; T: ${typed.toISOString().slice(0, 10)} &nbsp; Job #${r.int(100000, 999999)} &nbsp; cc: Family physician</p>`
  const sheets: Sheet[] = two
    ? [
        { html: opening, naming: 'full' },
        {
          html: `<p class="kw-cont">${esq(firstLast(p))} — ${date} — page 2</p>${closing}`,
          naming: 'name',
        },
      ]
    : [{ html: opening + closing, naming: 'full' }]
  return {
    writer: 'kawartha-consult',
    type: 'consult_note',
    sender: KAWARTHA.name,
    fax: KAWARTHA.fax,
    date,
    title: 'Consultation',
    sheets,
    numbered: two,
    runningTitle: two,
  }
}

const MURRAY = {
  name: 'Murray River Base Hospital',
  addr: 'Borella Road, Albury NSW 2640, Australia',
  fax: '+61 2 5555 0140',
}

export function murrayDischarge(c: WriteCtx): Written {
  const { r, p, date } = c
  const ur = senderNumber('', p, 'murray-ur', 7)
  const medicare = `${senderNumber('', p, 'medicare', 10).replace(/(\d{4})(\d{5})(\d)/, '$1 $2 $3')}`
  const n = r.int(1, 3)
  const stay = r.int(1, 5)
  const admit = new Date(`${date}T12:00:00Z`)
  admit.setUTCDate(admit.getUTCDate() - stay)
  const head = (k: number) =>
    k === 1
      ? `<div class="mr-head"><div class="mr-name">${MURRAY.name}</div><div>${MURRAY.addr}</div><div class="mr-doc">DISCHARGE REFERRAL — GENERAL PRACTITIONER</div></div>
<table class="mr-pt"><tr><td>Surname</td><td><b>${esq(p.family.toUpperCase())}</b></td><td>Given names</td><td>${esq(`${p.given} ${p.middle}`)}</td></tr>
<tr><td>Date of birth</td><td>${dMonY(p.birth)}</td><td>UR No.</td><td>${ur}</td></tr>
<tr><td>Medicare</td><td>${medicare} (reciprocal: overseas visitor)</td><td>Ward</td><td>${r.pick(['Medical 3B', 'Short Stay Unit', 'Surgical 4A'])}</td></tr>
<tr><td>Admitted</td><td>${dMonY(admit.toISOString().slice(0, 10))}</td><td>Discharged</td><td>${dMonY(date)}</td></tr></table>`
      : `<div class="mr-run">${esq(p.family.toUpperCase())}, ${esq(p.given)} &nbsp;·&nbsp; UR ${ur} &nbsp;·&nbsp; Discharge Referral &nbsp;·&nbsp; Page ${k} of ${n}</div>`
  const blocks = [
    `<h4>Presenting problem</h4><p>Right flank pain radiating to the groin, onset at a caravan park. CT KUB: 5 mm calculus at the right vesicoureteric junction, mild hydronephrosis.</p>`,
    `<h4>Progress</h4><p>Analgesia with parecoxib and oxycodone, tamsulosin commenced. Stone passed on day ${stay}; renal function normal on discharge (eGFR &gt; 90).</p>`,
    `<h4>Medications on discharge</h4><ul><li>Paracetamol 1 g QID PRN</li><li>Tamsulosin 400 mcg nocte, cease after 2 weeks</li></ul><h4>Allergies / ADRs</h4><p>Nil known.</p>`,
    `<h4>Recommendations for GP</h4><p>Please arrange serum calcium, urate and a 24-hour urine study; consider a metabolic stone clinic referral. The patient returns home this week.</p>`,
    `<p>Discharging medical officer: Dr ${r.pick(['Tamsin Okafor', 'Lachlan Pereira', 'Georgia Whitlam-Ng'])}, Resident Medical Officer, for Dr ${r.pick(['H. Sandhu', 'R. McAlister'])}, Consultant</p><p class="sig5">signed electronically ${dMonY(date)}</p>`,
  ]
  const per = Math.ceil(blocks.length / n)
  const sheets: Sheet[] = []
  for (let k = 1; k <= n; k++)
    sheets.push({
      html: `${head(k)}${blocks.slice((k - 1) * per, k * per).join('')}${n > 1 && k === 1 ? `<div class="mr-foot">Page 1 of ${n}</div>` : ''}`,
      naming: k === 1 ? 'full' : 'name',
    })
  return {
    writer: 'murray-discharge',
    type: 'discharge_summary',
    sender: MURRAY.name,
    fax: MURRAY.fax,
    date,
    title: 'Discharge Referral',
    sheets,
    numbered: n > 1,
    runningTitle: n > 1,
  }
}

export const HOSPITAL_CSS = `
.rv-head { border-bottom: 2pt solid #1d3b57; padding-bottom: 4pt; margin-bottom: 6pt }
.rv-name { font-size: 15pt; font-weight: bold; color: #1d3b57 }
.rv-line { font-size: 8.5pt; color: #444 }
.rv-title { font-size: 12pt; font-weight: bold; letter-spacing: 1pt; margin: 4pt 0 }
.rv-pt { width: 100%; font-size: 9pt; background: #eef2f6; margin-bottom: 8pt } .rv-pt td { padding: 2pt 4pt }
.rv-grid { width: 100%; font-size: 9.5pt; margin: 4pt 0 } .rv-grid th, .rv-grid td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left }
.rv-sign { margin-top: 14pt; font-style: italic }
.kw-head { text-align: center; font-family: 'DejaVu Serif', serif; border-bottom: 1pt solid #000; margin-bottom: 12pt } .kw-name { font-size: 17pt; font-variant: small-caps }
.kw-re { border: 0.5pt solid #555; padding: 3pt } .kw-dt { font-size: 8pt; margin-top: 16pt } .kw-cont { font-size: 9pt; color: #333; border-bottom: 0.5pt solid #999 }
.mr-head { border: 1.5pt solid #000; padding: 5pt; margin-bottom: 6pt } .mr-name { font-size: 14pt; font-weight: bold } .mr-doc { margin-top: 4pt; font-weight: bold; font-size: 11pt }
.mr-pt { width: 100%; font-size: 9pt } .mr-pt td { border: 0.5pt solid #777; padding: 2pt 3pt }
.mr-run { font-size: 8.5pt; border-bottom: 1pt solid #000; margin-bottom: 10pt } .mr-foot { position: absolute; bottom: 0.4in; right: 0.75in; font-size: 8.5pt }
`
