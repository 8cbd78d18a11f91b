/**
 * Letters and notes of the fourth blind set. Ponderosa Heart & Vascular writes consult letters
 * back to the health center's clinicians; a letter's second page carries "Re:" and the name,
 * or only a page number. Cedar Street Free Clinic refers people to establish care. Ironwood
 * Orthopaedic Surgery Center dictates operative reports with a running header and no page
 * count. Millbrook QuickCare prints an urgent care visit note.
 */
import {
  addDays,
  ageOn,
  CENTER,
  esc,
  firstLast,
  honorific,
  longDate,
  mdy,
  mdyShort,
  possessive,
  pronoun,
  senderNumber,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

export const LETTER_CSS = `
.ph { font-family: 'C059', 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.42 }
.ph .lh { display: flex; justify-content: space-between; border-bottom: 1px solid #7a1f1f; padding-bottom: 6px; margin-bottom: 14px }
.ph .lh b { font-size: 17pt; color: #7a1f1f; font-weight: normal; letter-spacing: 0.5px }
.ph .lh small { font-size: 8pt; text-align: right; display: block }
.ph p { margin: 0 0 9px }
.ph .re { margin: 10px 0 12px }
.ph .cont { font-size: 9.5pt; margin-bottom: 16px }
.cs { font-family: 'URW Bookman', 'DejaVu Serif', serif; font-size: 10.5pt; line-height: 1.4 }
.cs .lh { text-align: center; margin-bottom: 18px }
.cs .lh b { font-size: 16pt; display: block }
.cs p { margin: 0 0 9px }
.cs table.f { width: 100%; margin: 8px 0 }
.cs table.f td { border-bottom: 1px solid #888; padding: 3px 4px; font-size: 10pt }
.iw { font-family: 'Nimbus Roman', 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.45 }
.iw .rh { display: flex; justify-content: space-between; font-size: 9pt; border-bottom: 1px solid #000; margin-bottom: 12px; padding-bottom: 3px }
.iw .mast { font-size: 13pt; font-weight: bold; text-align: center; margin-bottom: 2px }
.iw .sub { text-align: center; font-size: 9pt; margin-bottom: 12px }
.iw p { margin: 0 0 8px }
.iw b.h { display: block; margin-top: 8px }
.qc { font-family: 'Liberation Sans Narrow', 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.35 }
.qc .bar { background: #0d5c63; color: #fff; padding: 6px 10px; font-size: 14pt; font-weight: bold }
.qc .bar small { float: right; font-size: 9pt; font-weight: normal; padding-top: 5px }
.qc .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px; margin: 8px 0; font-size: 9.5pt }
.qc h5 { font-size: 10.5pt; margin: 9px 0 2px; color: #0d5c63 }
.qc p { margin: 0 0 4px }
`

const PH = { name: 'Ponderosa Heart & Vascular', fax: '208-555-0744' }
const CARDIO = ['Imogen Castellane, MD, FACC', 'Farid Nazarian, MD']
const CONSULTS = [
  [
    'palpitations',
    'A 14-day patch monitor showed paroxysmal atrial fibrillation, 6% burden, longest episode 3 hours.',
    ['Start apixaban 5 mg twice daily (CHA2DS2-VASc 3).', 'Metoprolol succinate 25 mg daily for rate control.', 'Echocardiogram ordered.'],
  ],
  [
    'exertional chest pressure',
    'Exercise stress echocardiogram was positive for inferior ischemia at 7 METs.',
    ['Coronary angiography scheduled.', 'Aspirin 81 mg daily and atorvastatin 80 mg daily.', 'Sublingual nitroglycerin as needed.'],
  ],
  [
    'a murmur heard at a routine visit',
    'Echocardiogram shows moderate aortic stenosis, mean gradient 28 mmHg, valve area 1.2 cm2, normal ejection fraction.',
    ['Repeat echocardiogram in 12 months.', 'No restriction of ordinary activity.', 'Prompt evaluation for syncope, angina or dyspnea.'],
  ],
  [
    'uncontrolled hypertension',
    'Home readings average 158/94 on three agents. Renal artery duplex without stenosis; aldosterone-renin ratio pending.',
    ['Add spironolactone 25 mg daily.', 'Basic metabolic panel in one week.', 'Sleep study referral.'],
  ],
] as const

/** A consult letter of 1 to 3 pages; later pages say "Re:" with the name, or give only a page number. */
export function ponderosaConsult(c: WriteCtx): Written {
  const { r, p } = c
  const to = r.pick(CENTER.clinicians)
  const [why, found, plan] = r.pick(CONSULTS)
  const pages = r.int(1, 3)
  const bareLater = r.chance(0.35)
  const head = `<div class="lh"><b>Ponderosa Heart &amp; Vascular</b><small>Cardiology &middot; Vascular Medicine<br>940 Mill Bay Rd, Suite 210, Coeur Ridge ID 83814<br>Tel 208-555-0743 &middot; Fax ${PH.fax}</small></div>`
  const paras = [
    `<p>${longDate(c.date)}</p><p>${esc(to)}<br>${CENTER.name}<br>${CENTER.street}<br>${CENTER.town}</p>
<p class="re"><b>Re: ${esc(firstLast(p))}</b> &nbsp; DOB ${mdy(p.birth)} &nbsp; Our chart ${senderNumber('PHV', p, 'ponderosa', 6)}</p>
<p>${/, (MD|DO)$/.test(to) ? `Dear Dr. ${esc(to.split(',')[0]!.split(' ').slice(-1)[0]!)}` : `Dear ${esc(to.split(' ')[0]!)}`},</p>
<p>Thank you for asking me to see ${honorific(p)}, a ${ageOn(p.birth, c.date)}-year-old ${p.sex === 'F' ? 'woman' : 'man'} you referred for ${why}. I saw ${p.sex === 'F' ? 'her' : 'him'} in clinic today with ${possessive(p)} ${r.pick(['daughter', 'husband', 'wife', 'son', 'neighbour'])}.</p>
<p>${pronoun(p)[0]!.toUpperCase()}${pronoun(p).slice(1)} describes ${r.pick(['episodes lasting minutes to hours, worse with caffeine', 'symptoms walking uphill that ease with rest', 'no symptoms at all', 'morning headaches and poor sleep'])}. Past history includes hypertension and ${r.pick(['type 2 diabetes', 'hypothyroidism', 'obstructive sleep apnea', 'chronic kidney disease'])}.</p>`,
    `<p>On examination blood pressure was ${r.int(118, 172)}/${r.int(68, 100)} and heart rate ${r.int(54, 112)}. ${r.pick(['The rhythm was irregularly irregular.', 'There was a 2/6 systolic murmur at the right upper sternal border.', 'Heart sounds were normal.'])} There was no edema.</p>
<p>${found}</p>`,
    `<p><b>Recommendations</b></p><ol>${plan.map((x) => `<li>${x}</li>`).join('')}</ol>
<p>I will see ${p.sex === 'F' ? 'her' : 'him'} again in ${r.pick(['six weeks', 'three months', 'after the studies'])}. Please continue to manage ${possessive(p)} diabetes and blood pressure in primary care.</p>`,
  ]
  const close = `<p>With kind regards,</p><p class="sig" style="font-size:15pt;margin:4px 0">${r.pick(CARDIO).split(',')[0]}</p><p>${r.pick(CARDIO)}<br>cc: patient</p>`
  const byPage: string[] =
    pages === 1
      ? [paras.join('') + close]
      : pages === 2
        ? [paras[0]! + paras[1]!, paras[2]! + close]
        : [paras[0]!, paras[1]!, paras[2]! + close]
  const sheets: Sheet[] = byPage.map((body, i) => {
    if (i === 0) return { html: `<div class="ph">${head}${body}</div>`, naming: 'full' }
    const cont = bareLater
      ? `<div class="cont" style="text-align:center">- ${i + 1} -</div>`
      : `<div class="cont">${esc(to)}<br>Re: ${esc(p.given)} ${esc(p.family)}<br>Page ${i + 1}</div>`
    return { html: `<div class="ph">${cont}${body}</div>`, naming: bareLater ? 'none' : 'name' }
  })
  return {
    writer: 'ponderosa-consult',
    type: 'consult_note',
    sender: PH.name,
    fax: PH.fax,
    date: c.date,
    title: 'Consultation letter',
    sheets,
    numbered: false,
    runningTitle: false,
  }
}

const CS = { name: 'Cedar Street Free Clinic', fax: '208-555-0866' }

/** A one-page letter asking the health center to take the person on as a patient. */
export function cedarReferral(c: WriteCtx): Written {
  const { r, p } = c
  const reason = r.pick([
    ['newly diagnosed type 2 diabetes (A1c 9.4% on our point-of-care test)', 'routine'],
    ['blood pressure 178/104 on two visits, no current medication', 'within 2 weeks'],
    ['depression screening PHQ-9 of 17, no suicidal ideation', 'within 2 weeks'],
    ['a breast lump found on self-examination', 'urgent'],
    ['chronic hepatitis C, antibody and RNA positive, treatment naive', 'routine'],
  ] as const)
  const html = `<div class="cs"><div class="lh"><b>CEDAR STREET FREE CLINIC</b>A volunteer clinic of the Millbrook Council of Churches<br>118 Cedar St, Millbrook ID 83297 &middot; 208-555-0865 &middot; fax ${CS.fax}</div>
<p>${mdyShort(c.date)}</p><p>To: New Patient Coordinator, ${CENTER.name}</p>
<p><b>Referral to establish primary care</b></p>
<table class="f"><tr><td>Patient</td><td>${esc(p.given)} ${esc(p.middle)} ${esc(p.family)}</td><td>Date of birth</td><td>${mdyShort(p.birth)}</td></tr>
<tr><td>Address</td><td colspan="3">${esc(p.street)}, ${esc(p.town)}, ID</td></tr><tr><td>Phone</td><td>${p.phone}</td><td>Insurance</td><td>${r.pick(['None', 'Medicaid pending', 'Sliding fee'])}</td></tr>
<tr><td>Urgency</td><td colspan="3">${reason[1]}</td></tr></table>
<p>We have been seeing ${esc(p.given)} at our Tuesday evening clinic for ${reason[0]}. We are a volunteer clinic without continuity of care and ask that you see ${p.sex === 'F' ? 'her' : 'him'} as a new patient. ${pronoun(p)[0]!.toUpperCase()}${pronoun(p).slice(1)} qualifies for your sliding fee scale.</p>
<p>Current medications: ${r.pick(['none', 'metformin 500 mg twice daily (samples, two weeks supplied)', 'lisinopril 10 mg daily (30 days supplied)', 'sertraline 50 mg daily'])}. Allergies: ${r.pick(['none known', 'penicillin', 'codeine'])}.</p>
<p>Pertinent history: ${r.pick(['No prior primary care for ten years.', 'Moved from out of state in the spring.', 'Works seasonal farm labor; evening appointments preferred.'])}</p>
<p>Please call our coordinator with any questions. Thank you.</p>
<p style="margin-top:20px"><span class="sig" style="font-size:14pt">${r.pick(['Gwendolyn Ashby', 'Manuel Trujillo-Baca'])}</span><br>${r.pick(['Gwendolyn Ashby, RN, Clinic Coordinator', 'Manuel Trujillo-Baca, MD, Volunteer Physician'])}</p></div>`
  return {
    writer: 'cedar-referral',
    type: 'referral_letter',
    sender: CS.name,
    fax: CS.fax,
    date: c.date,
    title: 'Referral to establish primary care',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

const IW = { name: 'Ironwood Orthopaedic Surgery Center', fax: '208-555-0788' }
const OPS = [
  [
    'Right carpal tunnel syndrome',
    'Right open carpal tunnel release',
    'The transverse carpal ligament was thickened and the median nerve was flattened with hyperemia beneath it.',
    'None',
  ],
  [
    'Left knee medial meniscus tear',
    'Left knee arthroscopy with partial medial meniscectomy',
    'Complex tear of the posterior horn of the medial meniscus. Grade II chondromalacia of the medial femoral condyle. ACL intact.',
    'Meniscal fragments',
  ],
  [
    'Right distal radius fracture, displaced',
    'Open reduction and internal fixation, right distal radius, volar plate',
    'Dorsally angulated extra-articular fracture, reduced anatomically under fluoroscopy.',
    'None',
  ],
  ['Left trigger thumb', 'Left thumb A1 pulley release', 'Thickened A1 pulley with a nodule on the flexor pollicis longus.', 'None'],
] as const

/** An operative report of 2 to 4 pages: a running header with name and date of surgery, no page count. */
export function ironwoodOperative(c: WriteCtx): Written {
  const { r, p } = c
  const [pre, proc, found, spec] = r.pick(OPS)
  const surgeon = r.pick(['Declan Moorcroft, MD', 'Anjali Vasquez-Lindqvist, MD'])
  const pages = r.int(2, 4)
  const rh = `<div class="rh"><span>OPERATIVE REPORT</span><span>${esc(upperLastFirst(p))} &middot; DOS ${mdy(c.date)}</span></div>`
  const parts = [
    `<div class="mast">IRONWOOD ORTHOPAEDIC SURGERY CENTER</div><div class="sub">An ambulatory surgery center &middot; 66 Tamarack Loop, Coeur Ridge ID 83815 &middot; Fax ${IW.fax}</div>
<p><b>PATIENT:</b> ${esc(firstLast(p))} &nbsp; <b>DOB:</b> ${mdy(p.birth)} &nbsp; <b>MR#:</b> ${senderNumber('IW', p, 'ironwood', 5)}</p>
<p><b>DATE OF SURGERY:</b> ${mdy(c.date)}</p><p><b>SURGEON:</b> ${surgeon} &nbsp; <b>ASSISTANT:</b> ${r.pick(['Corinne Bale, PA-C', 'None'])}</p>
<p><b>PREOPERATIVE DIAGNOSIS:</b> ${pre}.</p><p><b>POSTOPERATIVE DIAGNOSIS:</b> Same.</p><p><b>PROCEDURE:</b> ${proc}.</p>
<p><b>ANESTHESIA:</b> ${r.pick(['Regional block with sedation', 'General', 'Local with monitored anesthesia care'])}.</p><p><b>ESTIMATED BLOOD LOSS:</b> ${r.int(2, 60)} mL. <b>SPECIMENS:</b> ${spec}. <b>COMPLICATIONS:</b> None.</p>
<b class="h">INDICATIONS:</b><p>${esc(honorific(p))} has had symptoms for ${r.int(3, 14)} months despite ${r.pick(['splinting and an injection', 'physical therapy', 'activity modification'])}. Risks, benefits and alternatives were discussed and consent signed.</p>`,
    `<b class="h">DESCRIPTION OF PROCEDURE:</b><p>The patient was identified in the holding area and the operative site marked. ${pronoun(p)[0]!.toUpperCase()}${pronoun(p).slice(1)} was brought to the operating room and placed supine. After anesthesia, a tourniquet was applied and the extremity prepped and draped in the usual sterile fashion. A time-out was performed.</p>
<p>The incision was made and dissection carried down with care to protect the neurovascular structures. ${found}</p><b class="h">FINDINGS:</b><p>${found}</p>`,
    `<p>The wound was irrigated and closed in layers with ${r.pick(['4-0 nylon', '3-0 Monocryl', 'staples'])}. A sterile dressing and ${r.pick(['a volar splint', 'an elastic wrap', 'a bulky dressing'])} were applied. The patient tolerated the procedure well and went to recovery in stable condition.</p>
<b class="h">PLAN:</b><p>Elevate, ice, ${r.pick(['hydrocodone-acetaminophen 5/325 sparingly', 'acetaminophen and ibuprofen alternating'])}. Follow-up in clinic in ${r.int(10, 14)} days for wound check. Copy to primary care at ${CENTER.short}.</p>
<p style="margin-top:16px">Dictated by ${surgeon}. Transcribed ${mdy(addDays(c.date, 1))}. <span class="sig">Electronically authenticated</span> ${mdy(addDays(c.date, 2))}.</p>`,
  ]
  // Now and then the center's implant and count record follows on a fourth page.
  if (pages === 4)
    parts.push(`<b class="h">IMPLANT AND COUNT RECORD</b><p>Sponge, needle and instrument counts correct x2 (circulating RN ${r.pick(['T. Okafor', 'L. Brandt'])}).</p>
<table style="width:100%;border-collapse:collapse;font-size:10pt"><tr><th style="text-align:left">Item</th><th style="text-align:left">Lot</th><th style="text-align:left">Qty</th></tr>
<tr><td>${r.pick(['Volar locking plate, 2.4 mm', 'Suture anchor 3.0', 'Absorbable suture 3-0'])}</td><td>${r.int(100000, 999999)}</td><td>1</td></tr><tr><td>Tourniquet time</td><td>&mdash;</td><td>${r.int(18, 74)} min</td></tr></table>
<p>Discharge from the surgery center at ${r.int(11, 17)}:${r.int(10, 59)} with a responsible adult.</p>`)
  const byPage = pages >= 3 ? parts : [parts[0]!, parts[1]! + parts[2]!]
  // Later pages carry the running header: the name and the date of surgery, no birth date.
  const sheets: Sheet[] = byPage.map((b, i) => ({ html: `<div class="iw">${i ? rh : ''}${b}</div>`, naming: i ? 'name' : 'full' }))
  return {
    writer: 'ironwood-operative',
    type: 'operative_report',
    sender: IW.name,
    fax: IW.fax,
    date: c.date,
    title: 'Operative Report',
    sheets,
    numbered: false,
    runningTitle: true,
  }
}

const QC = { name: 'Millbrook QuickCare', fax: '208-555-0899' }

/** An urgent care visit note: 1 page, or 2 with the second naming the patient in its footer. */
export function quickcareVisit(c: WriteCtx): Written {
  const { r, p } = c
  const v = r.pick([
    ['Sore throat', 'Rapid strep positive.', 'Streptococcal pharyngitis', 'Amoxicillin 500 mg twice daily for 10 days.'],
    ['Ear pain', 'Left TM bulging and erythematous.', 'Acute otitis media, left', 'Amoxicillin, ibuprofen as needed.'],
    [
      'Burning with urination',
      'UA: leukocyte esterase 2+, nitrite positive.',
      'Acute cystitis',
      'Nitrofurantoin 100 mg twice daily for 5 days.',
    ],
    [
      'Rash on both legs',
      'Scattered erythematous papules, no mucosal involvement.',
      'Contact dermatitis',
      'Triamcinolone 0.1% cream twice daily.',
    ],
    ['Ankle injury', 'Ottawa rules negative; no x-ray needed.', 'Lateral ankle sprain, grade I', 'RICE, ankle brace, ibuprofen.'],
  ] as const)
  const two = r.chance(0.3)
  const top = `<div class="bar">Millbrook QuickCare <small>Urgent Care Visit Summary &middot; 2015 N Main St, Millbrook ID</small></div>
<div class="meta"><span>Patient: <b>${esc(p.family)}, ${esc(p.given)}</b></span><span>DOB: ${mdy(p.birth)}</span><span>Visit date: ${mdy(c.date)}</span><span>Visit #: QC${r.int(200000, 299999)}</span>
<span>Provider: ${r.pick(['Harriet Lindqvist, NP', 'Omar Said, PA-C'])}</span><span>PCP on file: ${CENTER.short}</span></div>`
  const body = `<h5>Chief complaint</h5><p>${v[0]}</p><h5>History</h5><p>Onset ${r.int(1, 6)} days ago. ${r.pick(['No fever.', 'Subjective fevers at home.', 'Tried over-the-counter remedies without relief.'])}</p>
<h5>Vitals</h5><p>T ${r.int(97, 101)}.${r.int(0, 9)} F &middot; HR ${r.int(60, 110)} &middot; BP ${r.int(104, 150)}/${r.int(60, 92)} &middot; SpO2 ${r.int(95, 100)}%</p>
<h5>Exam and tests</h5><p>${v[1]}</p><h5>Assessment</h5><p>${v[2]}</p><h5>Plan</h5><p>${v[3]} Follow up with primary care if not improving in 3-5 days.</p>`
  const sign = `<p style="margin-top:14px">Signed electronically ${mdy(c.date)}.</p>`
  const sheets: Sheet[] = two
    ? [
        { html: `<div class="qc">${top}${body}</div>`, naming: 'full' },
        {
          html: `<div class="qc"><h5>Patient instructions</h5><p>Take all medicine as directed. Return or go to the emergency department for high fever, trouble breathing or worsening pain.</p><h5>Work/school note</h5><p>May return ${mdy(addDays(c.date, 2))}.</p>${sign}
<p style="position:absolute;bottom:0.4in;left:0.7in;font-size:8pt">${esc(p.family)}, ${esc(p.given)} &middot; Visit ${mdy(c.date)} &middot; Page 2 of 2</p></div>`,
          naming: 'name',
        },
      ]
    : [{ html: `<div class="qc">${top}${body}${sign}</div>`, naming: 'full' }]
  return {
    writer: 'quickcare-visit',
    type: 'progress_note',
    sender: QC.name,
    fax: QC.fax,
    date: c.date,
    title: 'Urgent Care Visit Summary',
    sheets,
    numbered: two,
    runningTitle: false,
  }
}
