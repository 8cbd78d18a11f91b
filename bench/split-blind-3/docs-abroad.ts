/**
 * Papers from outside the country, as a border or snowbird clinic receives them: from Ontario
 * (a rheumatology consultation letter with ".../2" at the foot, a provincial immunization
 * record, an emergency department record) and from New South Wales (a specialist's letter
 * back to the GP, a GP's referral, a base hospital's discharge referral with "separation date",
 * a pathology cumulative report). Dates day-first, as these senders write them.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import {
  addDays,
  ageOn,
  DESK,
  dmy,
  esc,
  full,
  longDmy,
  senderId,
  sexWord,
  their,
  them,
  they,
  They,
  time,
  title,
  type Doc,
  type WriteOpts,
} from './common.js'

const LK = {
  name: 'Lakehead Regional Health Sciences Centre',
  addr: '980 Oliver Road, Thunder Bay, Ontario P7B 6V4',
  fax: '(807) 555-0172',
}

const healthCard = (p: Person) =>
  `${senderId(p, 'ohip', 4)}-${senderId(p, 'ohip2', 3)}-${senderId(p, 'ohip3', 3)}-${'ABCDEFGHJK'[Number(senderId(p, 'v', 1))]}${'LMNPRSTVWX'[Number(senderId(p, 'w', 1))]}`

/** A rheumatology consultation letter back to the family physician: two pages, ".../2" at the foot of the first. */
export function lkRheumLetter(p: Person, r: Rand, o: WriteOpts): Doc {
  const doc = r.pick(['Dr. Aurelie Thibodeau, MD, FRCPC', 'Dr. Kwabena Osei-Tutu, MD, FRCPC'])
  const ra = r.chance(0.5)
  const to = r.pick(DESK.doctor)
  const p1 = `<div class="logo"><b>${LK.name}</b>Division of Rheumatology &middot; ${LK.addr}<br>Telephone (807) 555-0170 &middot; Facsimile ${LK.fax}</div>
<p>${longDmy(o.date)}</p>
<p>${to}<br>${DESK.name}<br>By fax: ${DESK.fax}</p>
<p><b>RE: ${full(p)} &nbsp;&nbsp; DOB: ${dmy(p.birthDate)} (dd/mm/yyyy) &nbsp;&nbsp; Ontario Health Card: ${healthCard(p)}</b></p>
<p>Dear ${to.replace('Dr. ', 'Dr. ').split(' ').slice(0, 1).join('')} ${to.split(' ').slice(-1)[0]},</p>
<p>Thank you for asking me to see ${title(p)}. ${p.family}, a ${ageOn(p.birthDate, o.date)}-year-old ${sexWord(p)} who spends the summers at ${their(p)} camp on Lake Nipigon and the winters in your area, regarding ${
    ra ? 'swelling and morning stiffness of the small joints of both hands' : 'pain and stiffness of the shoulders and hips'
  }. I saw ${them} in the rheumatology clinic today.</p>
<p>${
    ra
      ? `${They} describes about four months of symmetric swelling of the knuckles and wrists with stiffness lasting two hours every morning. Ibuprofen takes the edge off. There is no psoriasis, no inflammatory bowel symptoms and no preceding infection. ${their(p).replace(/^./, (c) => c.toUpperCase())} mother had "arthritis with deformed hands".`
      : `${They} has had six weeks of aching across both shoulders and the upper arms and around the hips, worst in the morning, so that ${they} needs help getting out of bed and cannot lift ${their(p)} arms to do ${their(p)} hair. There are no headaches, no jaw claudication and no visual symptoms.`
  }</p>
<p>On examination ${
    ra
      ? `there was synovitis of the 2nd and 3rd MCP joints bilaterally, the right 2nd PIP and both wrists: 8 swollen and 10 tender joints. The feet were tender to squeeze across the MTPs.`
      : `there was painful restriction of active abduction of both shoulders with preserved passive range, and pain on hip rotation. Temporal arteries were normal to palpation with good pulses. No synovitis of the hands.`
  } The rest of the examination was unremarkable.</p>
<p>Investigations you kindly sent: ${ra ? `rheumatoid factor ${r.int(40, 180)} IU/mL, anti-CCP strongly positive at ${r.int(120, 340)} U/mL, CRP ${r.int(12, 45)} mg/L` : `ESR ${r.int(48, 90)} mm/h, CRP ${r.int(30, 80)} mg/L, CK and TSH normal`}. Hand radiographs ${ra ? 'show periarticular osteopenia without erosions' : 'were not needed'}.</p>
<div class="foot right">.../2</div>`
  const p2 = `<p class="small">${title(p)}. ${full(p)} &middot; ${dmy(p.birthDate)} &middot; page 2</p>
<p><b>Impression:</b> ${ra ? 'Seropositive rheumatoid arthritis, early, with moderate-to-high disease activity (DAS28-CRP 5.2).' : 'Polymyalgia rheumatica, without features of giant cell arteritis.'}</p>
<p><b>Plan:</b></p>
<ol>${(ra
    ? [
        'Methotrexate 15 mg orally once weekly, increasing to 20 mg after four weeks, with folic acid 5 mg weekly on a different day.',
        'Hydroxychloroquine 400 mg daily; baseline eye examination arranged.',
        'Prednisone 10 mg daily for six weeks as a bridge, then taper by 2.5 mg every two weeks.',
        'Blood work (CBC, creatinine, ALT, albumin) every four weeks for three months, then every three months. I would be grateful if you could arrange these while the patient is in your area and fax me the results.',
      ]
    : [
        'Prednisone 15 mg daily; I expect a dramatic response within a week. Taper by 2.5 mg every 3 weeks to 10 mg, then by 1 mg every 4 weeks.',
        'Calcium, vitamin D and alendronate 70 mg weekly for bone protection while on steroids.',
        'If there are any new headaches, jaw pain or visual symptoms, please send the patient to emergency the same day.',
      ]
  )
    .map((x) => `<li>${x}</li>`)
    .join('')}</ol>
<p>I have given ${them} a written copy of this plan. I will see ${them} again in three months, in person or by OTN video visit if ${they} is still south for the winter.</p>
<p>Thank you for this interesting referral.</p>
<p>Yours sincerely,</p>
<div class="sig" style="margin-top:30px">${doc}<br>Consultant Rheumatologist</div>
<p class="small" style="margin-top:20px">D: ${dmy(o.date)} T: ${dmy(addDays(o.date, 2))} &nbsp; ${doc.split(' ')[1]!.slice(0, 1)}${doc.split(' ')[2]!.slice(0, 1)}/lm<br>cc: Patient</p>`
  return {
    writer: 'lkRheumLetter',
    type: 'consult_note',
    sender: LK.name,
    senderFax: LK.fax,
    title: 'Rheumatology consultation letter',
    date: o.date,
    style: 'lk',
    pages: [p1, p2],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A provincial immunization record print-out: one page with a table. */
export function lkImmunization(p: Person, r: Rand, o: WriteOpts): Doc {
  const rows: [string, string, string, string][] = []
  let d = addDays(o.date, -r.int(900, 2400))
  for (const v of r
    .shuffle([
      ['Tdap (Adacel)', 'Sanofi Pasteur'],
      ['Influenza (Fluzone High-Dose)', 'Sanofi Pasteur'],
      ['Pneumococcal conjugate (Prevnar 20)', 'Pfizer'],
      ['Herpes zoster, recombinant (Shingrix) dose 1', 'GSK'],
      ['Herpes zoster, recombinant (Shingrix) dose 2', 'GSK'],
      ['COVID-19 mRNA (Comirnaty 2025-2026)', 'Pfizer-BioNTech'],
      ['Hepatitis B (Engerix-B)', 'GSK'],
    ])
    .slice(0, r.int(4, 7))) {
    d = addDays(d, r.int(30, 300))
    rows.push([
      dmy(d > o.date ? o.date : d),
      v[0]!,
      v[1]!,
      `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10000, 99999)}${String.fromCharCode(65 + r.int(0, 25))}`,
    ])
  }
  const page = `<div class="logo"><b>Thunder Bay District Public Health</b>Immunization Services &middot; 999 Balmoral Street, Thunder Bay ON &middot; Fax ${LK.fax.replace('0172', '0188')}</div>
<h2 style="text-align:center">Immunization Record / Dossier d'immunisation</h2>
<table class="grid" style="margin-bottom:10px"><tr><td><span class="lbl">Client name / Nom</span>${p.family.toUpperCase()}, ${p.given} ${p.middle}</td><td><span class="lbl">Date of birth (dd/mm/yyyy)</span>${dmy(p.birthDate)}</td><td><span class="lbl">Health card</span>${healthCard(p)}</td></tr>
<tr><td colspan="2"><span class="lbl">Address</span>${r.int(12, 880)} ${r.pick(['Red River Road', 'Algoma Street N', 'Memorial Avenue'])}, Thunder Bay ON</td><td><span class="lbl">Printed</span>${dmy(o.date)}</td></tr></table>
<table class="grid"><tr><th>Date given</th><th>Vaccine / agent</th><th>Manufacturer</th><th>Lot</th><th>Site</th><th>Given by</th></tr>
${rows.map((x) => `<tr><td>${x[0]}</td><td>${esc(x[1])}</td><td>${x[2]}</td><td>${x[3]}</td><td>${r.pick(['L deltoid', 'R deltoid'])}</td><td>${r.pick(['PHN J. Beaulieu', 'RPh T. Mäkinen', 'PHN S. Redsky'])}</td></tr>`).join('')}
</table>
<p class="small" style="margin-top:10px">Vaccine information was provided to the client before each immunization. This record was produced from the provincial immunization repository and is valid without a signature. Keep it with your important papers.</p>
<div class="foot">TBDHU-IMM-07 &middot; 1 of 1</div>`
  return {
    writer: 'lkImmunization',
    type: 'immunization_record',
    sender: 'Thunder Bay District Public Health',
    senderFax: LK.fax.replace('0172', '0188'),
    title: 'Immunization Record',
    date: o.date,
    style: 'lk',
    pages: [page],
    numbered: true,
    runningTitle: false,
    midSentence: false,
  }
}

/** Emergency department record from a northern Ontario hospital, one page. */
export function lkEdRecord(p: Person, r: Rand, o: WriteOpts): Doc {
  const why = r.pick([
    [
      'Fish hook, R index finger',
      'Barbed hook removed by advance-and-cut technique after digital block. Wound cleaned.',
      'Foreign body R finger, removed',
    ],
    ['Chest tightness', 'ECG NSR, troponin x2 negative. CXR clear. Symptoms resolved.', 'Non-cardiac chest pain'],
    ['Ankle injury on ice', 'Ottawa ankle rules negative. Air cast, crutches, RICE.', 'Sprain, L ankle'],
  ] as const)
  const page = `<div class="logo"><b>Lake of the Woods District Hospital</b>Emergency Department &middot; 21 Sylvan Street, Kenora ON &middot; Fax (807) 555-0149</div>
<h2>EMERGENCY DEPARTMENT RECORD</h2>
<table class="grid"><tr><td><span class="lbl">Name</span>${p.family.toUpperCase()}, ${p.given}</td><td><span class="lbl">DOB</span>${dmy(p.birthDate)}</td><td><span class="lbl">Sex</span>${p.sex}</td><td><span class="lbl">Chart</span>K${senderId(p, 'kenora', 6)}</td></tr>
<tr><td><span class="lbl">Registered</span>${dmy(o.date)} ${time(r)}</td><td><span class="lbl">CTAS</span>${r.int(3, 5)}</td><td colspan="2"><span class="lbl">Insurance</span>Out of province &mdash; self-pay / travel insurer</td></tr></table>
<p style="margin-top:8px"><b>Presenting complaint:</b> ${why[0]}</p>
<p><b>Nursing triage:</b> Alert, ambulatory. Vitals BP ${r.int(118, 150)}/${r.int(70, 90)}, HR ${r.int(64, 96)}, SpO2 ${r.int(95, 99)}%. Pain ${r.int(2, 7)}/10.</p>
<p><b>Physician assessment:</b> Visitor to the area, staying at a fishing lodge. ${why[1]}</p>
<p><b>Diagnosis:</b> ${why[2]}.</p>
<p><b>Disposition:</b> Home. Advised to follow up with family physician on return home (${DESK.name}); copy of record given to patient and faxed at ${their(p)} request.</p>
<div class="sig">Physician: Dr. ${r.pick(['M. Kakegamic', 'H. Lindgren', 'R. Desjardins'])} &nbsp;&nbsp; ${dmy(o.date)} ${time(r)}</div>
<div class="foot">LWDH ED record &middot; Patient copy</div>`
  return {
    writer: 'lkEdRecord',
    type: 'emergency_report',
    sender: 'Lake of the Woods District Hospital',
    senderFax: '(807) 555-0149',
    title: 'EMERGENCY DEPARTMENT RECORD',
    date: o.date,
    style: 'lk',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

const medicare = (p: Person) => `${senderId(p, 'medicare', 4)} ${senderId(p, 'medicare2', 5)} ${senderId(p, 'medicare3', 1)}`

function auLabel(p: Person, extra = ''): string {
  return `<div class="label">${p.family.toUpperCase()}, ${p.given}<br>DOB ${dmy(p.birthDate)} &nbsp; ${p.sex}<br>Medicare ${medicare(p)}${extra}</div>`
}

/** A physician's letter back to the GP from private rooms in Wagga Wagga: one or two pages. */
export function auSpecialistLetter(p: Person, r: Rand, o: WriteOpts): Doc {
  const spec = r.pick([
    ['Dr Harriet Quill', 'Endocrinologist', 'thyroid nodule'],
    ['Dr Vikram Seneviratne', 'Respiratory & Sleep Physician', 'chronic cough'],
  ] as const)
  const two = r.chance(0.5)
  const to = r.pick(DESK.doctor)
  const p1 = `<div class="org">MURRUMBIDGEE SPECIALIST ROOMS</div>
<div class="small">Suite 4, 31 Fitzmaurice Street, Wagga Wagga NSW 2650 &middot; Ph (02) 5555 0190 &middot; Fax (02) 5555 0191 &middot; Provider No. ${r.int(2000000, 4999999)}X</div>
<div class="rule"></div>
${auLabel(p)}
<p>${longDmy(o.date)}</p>
<p>${to}<br>${DESK.name}<br>(by fax ${DESK.fax})</p>
<p style="clear:both">Dear ${to.split(' ').slice(0, 1)} ${to.split(' ').slice(-1)[0]},</p>
<p><b>Re: ${full(p)}, DOB ${dmy(p.birthDate)}</b></p>
<p>Many thanks for referring ${title(p)} ${p.family}, whom I reviewed today regarding ${their(p)} ${spec[2]}. ${title(p)} ${p.family} is visiting family in the Riverina for some months and was keen to have this looked at before going home.</p>
<p>${
    spec[2] === 'thyroid nodule'
      ? `Ultrasound showed a ${r.int(14, 28)} mm solid, hypoechoic nodule in the right lobe with smooth margins and no microcalcifications (TI-RADS 4). TSH was ${(0.8 + r.next() * 2).toFixed(2)} mIU/L. Fine needle aspiration today under ultrasound guidance was uneventful; cytology is pending.`
      : `The cough has been present for ${r.int(3, 9)} months, dry, worse at night, without haemoptysis or weight loss. ${They} is a never-smoker. Spirometry today: FEV1 ${r.int(78, 96)}% predicted, FEV1/FVC 0.${r.int(68, 79)}, with a ${r.int(12, 18)}% bronchodilator response. FeNO ${r.int(45, 80)} ppb.`
  }</p>
${
  two
    ? `<p>${
        spec[2] === 'thyroid nodule'
          ? `I have explained to ${title(p)} ${p.family} that most nodules of this kind are benign, but that`
          : `These findings are in keeping with cough-variant asthma, and I have explained to ${title(p)} ${p.family} that`
      }</p><div class="foot right small">Continued over</div>`
    : `<p>${spec[2] === 'thyroid nodule' ? 'I will forward the cytology as soon as it is available and advise on management.' : 'I have started budesonide-formoterol 200/6, one inhalation twice daily and as needed, and will review in six weeks.'}</p>
<p>Kind regards,</p><div class="sig" style="margin-top:26px">${spec[0]}<br>${spec[1]}, FRACP</div><p class="small">cc: ${title(p)} ${p.family} (patient)</p>`
}`
  const p2 = `<p class="small">${p.family.toUpperCase()}, ${p.given} &middot; ${dmy(p.birthDate)} &middot; Page 2</p>
<p>${
    spec[2] === 'thyroid nodule'
      ? `cytology is needed to be sure. If the result is benign (Bethesda II), a repeat ultrasound in 12 to 24 months is all that is required. If indeterminate, we would discuss molecular testing or a diagnostic hemithyroidectomy.`
      : `the inflammation of the airways responds well to inhaled steroid. I have started budesonide-formoterol 200/6, one inhalation twice daily and as needed, and shown the technique, which was good on return demonstration.`
  }</p>
<p>I will ${spec[2] === 'thyroid nodule' ? 'forward the cytology report to you as soon as it is available' : 'review in six weeks, by telehealth if needed'}. Please do not hesitate to contact me in the meantime.</p>
<p>Kind regards,</p>
<div class="sig" style="margin-top:26px">${spec[0]}<br>${spec[1]}, FRACP</div>
<p class="small">cc: ${title(p)} ${p.family} (patient)</p>`
  return {
    writer: 'auSpecialistLetter',
    type: 'consult_note',
    sender: 'Murrumbidgee Specialist Rooms',
    senderFax: '(02) 5555 0191',
    title: 'Specialist letter',
    date: o.date,
    style: 'au',
    pages: two ? [p1, p2] : [p1],
    numbered: false,
    runningTitle: false,
    midSentence: two,
  }
}

/** A GP's referral from a country practice in NSW, one page. */
export function auGpReferral(p: Person, r: Rand, o: WriteOpts): Doc {
  const gp = r.pick(['Dr Bronwyn Castellaro', 'Dr Ahmed Rahimi', 'Dr Tess Obermeier'])
  const why = r.pick([
    [
      'cardiology',
      'palpitations and an episode of presyncope',
      'Holter showed paroxysmal AF with a burden of 6%. CHA2DS2-VASc 2. I have started apixaban 5 mg bd.',
    ],
    [
      'dermatology',
      'a changing pigmented lesion on the left shoulder',
      'Dermoscopy shows an asymmetric lesion with atypical network, 9 mm. I have not biopsied it.',
    ],
    [
      'orthopaedics',
      'right hip pain limiting walking to 200 metres',
      'X-ray shows severe joint space loss with subchondral sclerosis. Two steroid injections gave short relief.',
    ],
  ] as const)
  const page = `<table style="width:100%"><tr><td><div class="org">Coolamon Street Medical Practice</div><div class="small">14 Coolamon St, Junee NSW 2663 &middot; Ph (02) 5555 0133 &middot; Fax (02) 5555 0134</div></td><td class="right small">${gp}<br>Provider No. ${r.int(2000000, 4999999)}B</td></tr></table>
<div class="rule"></div>
<p>${dmy(o.date)}</p>
<p>To the ${why[0]} team / Dear Doctor,</p>
<p><b>Re: ${full(p)} &nbsp; DOB ${dmy(p.birthDate)} &nbsp; Medicare ${medicare(p)}</b><br>Address while in Australia: ${r.int(2, 90)} ${r.pick(['Lorne St', 'Peel St', 'Humphries St'])}, Junee NSW</p>
<p>Thank you for seeing this ${ageOn(p.birthDate, o.date)} year old ${p.sex === 'F' ? 'woman' : 'man'}, a visitor from the United States staying with family, with ${why[1]}. ${why[2]}</p>
<p><b>Past history:</b> ${r.pick(['Hypertension; osteoarthritis knees', 'Hypothyroidism; cholecystectomy', 'Type 2 diabetes (diet controlled)'])}<br>
<b>Medications:</b> ${r.pick(['Perindopril 5 mg mane', 'Thyroxine 100 mcg', 'Nil regular'])}<br>
<b>Allergies:</b> ${r.pick(['Nil known', 'Trimethoprim'])}</p>
<p>${They} returns home in ${r.int(6, 14)} weeks and would be grateful for an appointment before then; a copy of this letter goes to ${their(p)} doctor at home, ${DESK.name}, at the patient's request.</p>
<p>Yours sincerely,</p>
<div class="sig" style="margin-top:28px">${gp}<br>MBBS FRACGP</div>`
  return {
    writer: 'auGpReferral',
    type: 'referral_letter',
    sender: 'Coolamon Street Medical Practice',
    senderFax: '(02) 5555 0134',
    title: 'Referral',
    date: o.date,
    style: 'au',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A base hospital's discharge referral to the GP: three or four pages, "Page x of N", a patient label on every page. */
export function auDischargeReferral(p: Person, r: Rand, o: WriteOpts): Doc {
  const admit = addDays(o.date, -r.int(2, 6))
  const n = r.int(3, 4)
  const urn = senderId(p, 'rbh-urn', 7)
  const head = (k: number) =>
    `<table style="width:100%"><tr><td><div class="org">Riverina Base Hospital</div><div class="small">Murrumbidgee Local Health District &middot; Edward St, Wagga Wagga NSW 2650</div></td><td>${auLabel(p, `<br>URN ${urn}`)}</td></tr></table>
<div style="clear:both;font-weight:bold;font-size:12pt;margin:6px 0;border-bottom:2px solid #000">DISCHARGE REFERRAL${k > 1 ? ' (continued)' : ''}</div>`
  const foot = (k: number) =>
    `<div class="foot"><span>Printed ${dmy(addDays(o.date, 1))} ${time(r)}</span><span style="float:right">Page ${k} of ${n}</span></div>`
  const p1 = `${head(1)}
<table class="grid"><tr><td><span class="lbl">Admission date</span>${dmy(admit)}</td><td><span class="lbl">Separation date</span>${dmy(o.date)}</td><td><span class="lbl">Ward</span>${r.pick(['Murrumbidgee Ward (Medical)', 'Gissing Ward (Surgical)'])}</td></tr>
<tr><td><span class="lbl">Treating consultant</span>${r.pick(['Dr Lachlan Pemberton-Hayes', 'Dr Siew Ling Tan'])}</td><td><span class="lbl">Discharged to</span>Usual residence</td><td><span class="lbl">Nominated GP</span>${r.pick(DESK.doctor)} (USA)</td></tr></table>
<p style="margin-top:8px"><b>Principal diagnosis:</b> Acute pyelonephritis with bacteraemia (E. coli)</p>
<p><b>Additional diagnoses:</b> Acute kidney injury (resolved); delirium, hypoactive, resolved</p>
<p><b>Presentation:</b> ${ageOn(p.birthDate, admit)}-year-old overseas visitor brought in by family with two days of fevers, rigors, left loin pain and new confusion. Temperature 39.4, BP 94/58. Creatinine 168 umol/L. Blood and urine cultures both grew E. coli sensitive to ceftriaxone.</p>
${foot(1)}`
  const p2 = `${head(2)}
<p><b>Clinical course:</b> Treated with IV ceftriaxone and IV fluids with prompt haemodynamic response; no ICU review required. Confusion settled by day 2. CT KUB showed no obstruction or stone. Creatinine returned to 84 umol/L. Changed to oral amoxicillin-clavulanic acid on day ${r.int(3, 4)} once afebrile for 48 hours, to complete 14 days total.</p>
<p><b>Medication changes:</b></p>
<table class="grid"><tr><th>Medication</th><th>Change</th><th>Comment</th></tr>
<tr><td>Amoxicillin-clavulanic acid 875/125 mg</td><td>NEW</td><td>1 tab bd until ${dmy(addDays(admit, 14))}</td></tr>
<tr><td>Perindopril 5 mg</td><td>WITHHELD</td><td>Restart when GP confirms renal function stable</td></tr>
<tr><td>Paracetamol 1 g</td><td>NEW</td><td>qid prn pain or fever</td></tr></table>
<p style="margin-top:6px"><b>Allergies / ADRs:</b> ${r.pick(['Nil known', 'Codeine - vomiting'])}</p>
${foot(2)}`
  const p3 = `${head(3)}
<p><b>Follow-up requested of GP:</b></p>
<ul><li>Repeat UEC in one week; restart perindopril if creatinine stable.</li><li>Check that symptoms have resolved at the end of antibiotics; repeat urine culture not needed if well.</li>
<li>Consider renal tract ultrasound on return home if any further infection.</li></ul>
<p><b>Information given to patient:</b> Discharge letter, medication list, advice to present to ED if fevers return. Overseas visitor billing forms completed with the family.</p>
${n === 3 ? `<div class="sig">Completed by: Dr ${r.pick(['Ellie Fitzsimons', 'Rahul Menon'])}, Resident Medical Officer, on behalf of the treating team<br>${dmy(o.date)}</div>` : ''}
${foot(3)}`
  const p4 = `${head(4)}
<p><b>Results at separation:</b></p>
<table class="grid"><tr><th>Test</th><th>${dmy(admit)}</th><th>${dmy(o.date)}</th><th>Units</th></tr>
<tr><td>Creatinine</td><td>168</td><td>84</td><td>umol/L</td></tr><tr><td>eGFR</td><td>${r.int(28, 36)}</td><td>&gt;60</td><td>mL/min/1.73m2</td></tr>
<tr><td>WCC</td><td>${r.int(17, 24)}.${r.int(0, 9)}</td><td>${r.int(7, 10)}.${r.int(0, 9)}</td><td>x10^9/L</td></tr><tr><td>CRP</td><td>${r.int(180, 290)}</td><td>${r.int(20, 45)}</td><td>mg/L</td></tr></table>
<div class="sig">Completed by: Dr ${r.pick(['Ellie Fitzsimons', 'Rahul Menon'])}, Resident Medical Officer, on behalf of the treating team<br>${dmy(o.date)}</div>
${foot(4)}`
  return {
    writer: 'auDischargeReferral',
    type: 'discharge_summary',
    sender: 'Riverina Base Hospital',
    senderFax: '(02) 5555 0160',
    title: 'DISCHARGE REFERRAL',
    date: o.date,
    style: 'au',
    pages: n === 3 ? [p1, p2, p3] : [p1, p2, p3, p4],
    numbered: true,
    runningTitle: true,
    midSentence: false,
  }
}

/** A pathology cumulative report from a NSW lab: two or three pages of a table that runs on, "continued" at the foot. */
export function auPathologyCumulative(p: Person, r: Rand, o: WriteOpts): Doc {
  const dates = [-84, -56, -28, -14, -7, 0].map((d) => addDays(o.date, d))
  const row = (name: string, unit: string, ref: string, base: number, spread: number, dp = 0) =>
    `<tr><td>${name}</td>${dates.map(() => `<td>${(base + (r.next() - 0.5) * spread).toFixed(dp)}</td>`).join('')}<td>${unit}</td><td>${ref}</td></tr>`
  const header = `<tr><th>Test</th>${dates.map((d) => `<th>${dmy(d).slice(0, 5)}<br>${dmy(d).slice(6)}</th>`).join('')}<th>Units</th><th>Ref.</th></tr>`
  const top = (
    k: number,
    n: number,
  ) => `<table style="width:100%"><tr><td><div class="org">SOUTHERN INLAND PATHOLOGY</div><div class="small">NATA/RCPA accredited &middot; 7 Best St, Wagga Wagga NSW &middot; Fax (02) 5555 0177</div></td><td>${auLabel(p, `<br>Lab ref ${senderId(p, 'sip', 8)}`)}</td></tr></table>
<div style="clear:both;font-weight:bold;margin:6px 0">CUMULATIVE REPORT &mdash; BIOCHEMISTRY / HAEMATOLOGY &nbsp; <span class="small">Requested by: ${r.pick(['Dr B Castellaro', 'Dr A Rahimi'])} &nbsp; Page ${k} of ${n}</span></div>`
  const n = r.int(2, 3)
  const t1 = `<table class="grid">${header}
${row('Sodium', 'mmol/L', '135-145', 139, 6)}${row('Potassium', 'mmol/L', '3.5-5.2', 4.4, 1, 1)}${row('Chloride', 'mmol/L', '95-110', 102, 6)}${row('Bicarbonate', 'mmol/L', '22-32', 26, 5)}
${row('Urea', 'mmol/L', '3.0-8.0', 6.5, 3, 1)}${row('Creatinine', 'umol/L', '45-90', 92, 30)}${row('eGFR', 'mL/min', '>59', 64, 20)}${row('Calcium (corr)', 'mmol/L', '2.10-2.60', 2.35, 0.2, 2)}
${row('Phosphate', 'mmol/L', '0.75-1.50', 1.1, 0.4, 2)}${row('Albumin', 'g/L', '35-50', 40, 6)}${row('Total protein', 'g/L', '60-80', 71, 8)}${row('ALP', 'U/L', '30-110', 88, 40)}
${row('GGT', 'U/L', '<50', 36, 30)}${row('ALT', 'U/L', '<40', 29, 20)}${row('AST', 'U/L', '<35', 27, 16)}${row('Bilirubin', 'umol/L', '<20', 11, 8)}</table>`
  const t2 = `<table class="grid">${header}
${row('Haemoglobin', 'g/L', '115-165', 128, 16)}${row('WCC', 'x10^9/L', '4.0-11.0', 7.1, 3, 1)}${row('Neutrophils', 'x10^9/L', '2.0-7.5', 4.6, 2.5, 1)}${row('Lymphocytes', 'x10^9/L', '1.0-4.0', 1.9, 1, 1)}
${row('Platelets', 'x10^9/L', '150-400', 242, 80)}${row('MCV', 'fL', '80-100', 88, 6)}${row('Ferritin', 'ug/L', '30-300', 96, 60)}${row('HbA1c', '%', '<6.5', 7.2, 1.2, 1)}
${row('TSH', 'mIU/L', '0.5-4.0', 1.9, 1.4, 2)}${row('Cholesterol', 'mmol/L', '<5.5', 4.8, 1.2, 1)}${row('LDL-C', 'mmol/L', '<2.6', 2.4, 0.8, 1)}</table>`
  const t3 = `<p><b>Comments</b></p><p>${dmy(dates[3]!)}: Haemolysed specimen; potassium may be falsely elevated. Repeat advised.<br>${dmy(o.date)}: eGFR calculated by CKD-EPI 2021. Interpret with caution in acute illness.</p>
<p>Tests marked with reference ranges are NATA accredited. End of cumulative report.</p>
<div class="sig">Authorised by: ${r.pick(['Dr P. Anagnostou, FRCPA', 'Dr K. Whitehorse, FRCPA'])}, Chemical Pathologist</div>`
  const pages =
    n === 2
      ? [`${top(1, 2)}${t1}<div class="foot right small">... continued</div>`, `${top(2, 2)}${t2}${t3}`]
      : [
          `${top(1, 3)}${t1}<div class="foot right small">... continued</div>`,
          `${top(2, 3)}${t2}<div class="foot right small">... continued</div>`,
          `${top(3, 3)}${t3}`,
        ]
  return {
    writer: 'auPathologyCumulative',
    type: 'lab_report',
    sender: 'Southern Inland Pathology',
    senderFax: '(02) 5555 0177',
    title: 'CUMULATIVE REPORT',
    date: o.date,
    style: 'au',
    pages,
    numbered: true,
    runningTitle: true,
    midSentence: false,
  }
}
