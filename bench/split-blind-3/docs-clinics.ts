/**
 * Outpatient programs of the third blind set: a dialysis unit (monthly nephrology note,
 * consent for hemodialysis with boxes, annual history and physical), a wound and hyperbaric
 * center (weekly wound visit, excisional debridement note), a sleep lab (polysomnography
 * report) and a cardiac rehabilitation program (session log, 30-day treatment plan review).
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import { addDays, ageOn, DESK, full, longMdy, senderId, sexWord, their, They, time, us, type Doc, type WriteOpts } from './common.js'

const DX = {
  name: 'Tri-Rivers Kidney Care',
  unit: 'Unit 14 &middot; 1250 Reserve Street, Missoula, MT 59801',
  fax: '(406) 555-0224',
  docs: ['Nadia Perreault, MD', 'Gustavo Ibarra-Lenz, MD'],
}
const dxTop = (what: string) =>
  `<table style="width:100%"><tr><td><b style="font-size:14pt">${DX.name}</b><br><span class="small">${DX.unit}</span></td><td class="right small">Phone (406) 555-0222<br>Fax ${DX.fax}</td></tr></table><div class="bar">${what}</div>`
const dxId = (p: Person, extra = '') =>
  `<table class="grid"><tr><td><span class="lbl">Patient</span>${p.given} ${p.family}</td><td><span class="lbl">DOB</span>${us(p.birthDate)}</td><td><span class="lbl">Facility ID</span>TRK-${senderId(p, 'trk', 5)}</td><td><span class="lbl">Modality</span>In-center HD, ${['MWF', 'TTS'][Number(senderId(p, 'sched', 1)) % 2]} 2nd shift</td></tr>${extra}</table>`

/** The monthly nephrology note: two pages, a lab table on the first, its second page titled "(continued)". */
export function dxMonthly(p: Person, r: Rand, o: WriteOpts): Doc {
  const md = r.pick(DX.docs)
  const lab = (name: string, v: string, target: string) => `<tr><td>${name}</td><td>${v}</td><td>${target}</td></tr>`
  const ktv = (1.2 + r.next() * 0.5).toFixed(2)
  const p1 = `${dxTop('MONTHLY NEPHROLOGY PROGRESS NOTE')}${dxId(p, `<tr><td colspan="2"><span class="lbl">Date of service</span>${us(o.date)}</td><td colspan="2"><span class="lbl">Nephrologist</span>${md}</td></tr>`)}
<p style="margin-top:8px"><b>Interval history:</b> Seen chairside during treatment. ${r.pick([
    'Reports more cramping in the last hour of treatment and has been arriving 3 kg over dry weight.',
    'No hospitalizations this month. Energy better since the ESA dose was raised.',
    'Missed one treatment for a funeral out of town; otherwise adherent.',
  ])} Residual urine output ${r.pick(['about 1 cup a day', 'none', 'about 500 mL a day'])}.</p>
<p><b>Access:</b> ${r.pick(['Left brachiocephalic AV fistula, good thrill and bruit, cannulating with 15g needles.', 'Right IJ tunneled catheter; fistula maturing in the left arm, surgery follow-up next week.'])}</p>
<table class="grid"><tr><th>Monthly labs (${us(addDays(o.date, -r.int(2, 9)))})</th><th>Result</th><th>Target</th></tr>
${lab('spKt/V', ktv, '&ge; 1.2')}${lab('URR', `${r.int(66, 78)}%`, '&ge; 65%')}${lab('Hemoglobin', `${(9.6 + r.next() * 2).toFixed(1)} g/dL`, '10-11')}
${lab('Albumin', `${(3.3 + r.next() * 0.9).toFixed(1)} g/dL`, '&ge; 4.0')}${lab('Phosphorus', `${(4.1 + r.next() * 3).toFixed(1)} mg/dL`, '3.5-5.5')}${lab('Calcium (corrected)', `${(8.6 + r.next()).toFixed(1)} mg/dL`, '8.4-10.2')}
${lab('iPTH', `${r.int(180, 780)} pg/mL`, '150-600')}${lab('Potassium', `${(4.2 + r.next() * 1.4).toFixed(1)} mEq/L`, '3.5-5.5')}${lab('TSAT / ferritin', `${r.int(18, 38)}% / ${r.int(200, 900)}`, '&gt;20% / 200-800')}</table>
<p style="margin-top:8px"><b>Dry weight:</b> ${r.int(58, 104)}.${r.int(0, 9)} kg (${r.pick(['unchanged', 'challenged down 0.5 kg', 'raised 0.5 kg for cramping'])}). Pre-treatment BP ${r.int(130, 178)}/${r.int(70, 96)}.</p>
<div class="foot">TRK-F-22 Monthly Progress Note</div>`
  const p2 = `<div class="bar">MONTHLY NEPHROLOGY PROGRESS NOTE (continued) &mdash; ${p.given} ${p.family}</div>
<p><b>Assessment and plan:</b></p>
<ol><li><b>Adequacy:</b> Kt/V ${ktv}${Number(ktv) < 1.2 ? ', below target; increase treatment time by 15 minutes and check access recirculation' : ', at goal; no change to prescription'}.</li>
<li><b>Anemia:</b> Continue ESA per protocol; IV iron ${r.pick(['held (ferritin high)', 'maintenance weekly', 'load with 10 doses'])}.</li>
<li><b>Mineral bone disease:</b> ${r.pick(['Phosphorus above goal; dietitian to review binder timing with meals. Continue sevelamer 1600 mg with meals.', 'At goal. Continue current binder and calcitriol with treatment.'])}</li>
<li><b>Nutrition:</b> Albumin reviewed with the renal dietitian; protein supplement at treatment offered.</li>
<li><b>Transplant:</b> ${r.pick(['Active on the waiting list at the regional center; annual update labs drawn.', 'Evaluation referral sent; patient to attend education class.', 'Not a candidate at this time; revisit in 6 months.'])}</li>
<li><b>Care coordination:</b> Copy to primary care, ${r.pick(DESK.doctor)}, ${DESK.name}.</li></ol>
<p>Plan discussed with the patient and the charge nurse. Interdisciplinary plan of care reviewed and unchanged.</p>
<div class="sig">${md} &mdash; electronically signed ${us(o.date)} ${time(r)}</div>
<div class="foot">TRK-F-22 Monthly Progress Note</div>`
  return {
    writer: 'dxMonthly',
    type: 'progress_note',
    sender: DX.name,
    senderFax: DX.fax,
    title: 'MONTHLY NEPHROLOGY PROGRESS NOTE',
    date: o.date,
    style: 'dx',
    pages: [p1, p2],
    numbered: false,
    runningTitle: true,
    midSentence: false,
  }
}

/** Consent for hemodialysis: a two-page form with boxes to tick and initial, "Page x of 2". */
export function dxConsent(p: Person, r: Rand, o: WriteOpts): Doc {
  const box = (on: boolean) => `<span class="cb">${on ? 'X' : ''}</span>`
  const items = [
    'The nature of hemodialysis, how often and how long treatments last, and what happens if I stop them.',
    'Risks including low blood pressure, cramps, bleeding, infection of my access, air in the line, blood loss, and, rarely, death.',
    'Other choices: peritoneal dialysis, home hemodialysis, kidney transplant, or medical management without dialysis.',
    'That reuse of dialyzers is not practiced at this facility.',
    'That I may withdraw this consent at any time by telling the staff, in writing or out loud.',
  ]
  const p1 = `${dxTop('CONSENT FOR HEMODIALYSIS TREATMENT')}${dxId(p)}
<p style="margin-top:10px">I, the patient named above, consent to receive hemodialysis treatments at ${DX.name}, and to the procedures that go with them, including placing needles in my access, giving medicines ordered by my nephrologist during treatment (heparin, iron, erythropoiesis stimulating agents, vitamin D, antibiotics), and drawing blood for tests.</p>
<p><b>The following were explained to me. Initial each box:</b></p>
${items.map((x) => `<div class="box" style="display:flex;gap:8px"><div style="min-width:0.55in;border-right:1px solid #000" class="small">Initials<br><i>${p.given[0]}${p.middle}${p.family[0]}</i></div><div>${x}</div></div>`).join('')}
<p><b>Hepatitis B:</b> ${box(true)} I am immune ${box(false)} I will be vaccinated ${box(false)} I decline vaccination</p>
<div class="foot"><span>TRK-C-01 Rev 2025</span><span style="float:right">Page 1 of 2</span></div>`
  const p2 = `<div class="bar">CONSENT FOR HEMODIALYSIS TREATMENT &mdash; page 2</div>
<p>${box(true)} I have been given the patient rights and responsibilities, the grievance procedure and the emergency plan of this facility.</p>
<p>${box(r.chance(0.5))} I agree to have photographs of my access taken for my medical record.</p>
<p>${box(true)} I understand that this consent stays in force for as long as I receive treatment here, and will be reviewed every year.</p>
<table class="grid" style="margin-top:16px">
<tr><td style="height:0.55in;width:60%"><span class="lbl">Signature of patient or legal representative</span><i style="font-size:13pt">${p.given} ${p.family}</i></td><td><span class="lbl">Date</span>${us(o.date)}</td></tr>
<tr><td style="height:0.55in"><span class="lbl">If representative, name and relationship</span></td><td><span class="lbl">Time</span>${time(r)}</td></tr>
<tr><td style="height:0.55in"><span class="lbl">Witness</span>${r.pick(['Delphine Okerlund, RN', 'Marcus Tallbear, CCHT'])}</td><td><span class="lbl">Date</span>${us(o.date)}</td></tr>
<tr><td style="height:0.55in"><span class="lbl">Nephrologist</span>${r.pick(DX.docs)}</td><td><span class="lbl">Date</span>${us(o.date)}</td></tr></table>
<p class="small" style="margin-top:10px">Interpreter used: ${box(false)} Yes ${box(true)} No &nbsp; Language: ________</p>
<div class="foot"><span>TRK-C-01 Rev 2025</span><span style="float:right">Page 2 of 2</span></div>`
  return {
    writer: 'dxConsent',
    type: 'consent_form',
    sender: DX.name,
    senderFax: DX.fax,
    title: 'CONSENT FOR HEMODIALYSIS TREATMENT',
    date: o.date,
    style: 'dx',
    pages: [p1, p2],
    numbered: true,
    runningTitle: true,
    midSentence: false,
  }
}

/** The annual history and physical at the dialysis unit: three pages without page numbers; the third starts mid-sentence. */
export function dxAnnualHp(p: Person, r: Rand, o: WriteOpts): Doc {
  const md = r.pick(DX.docs)
  const cause = r.pick(['diabetic nephropathy', 'hypertensive nephrosclerosis', 'IgA nephropathy', 'polycystic kidney disease'])
  const p1 = `${dxTop('ANNUAL HISTORY AND PHYSICAL')}${dxId(p, `<tr><td colspan="2"><span class="lbl">Exam date</span>${us(o.date)}</td><td colspan="2"><span class="lbl">Examiner</span>${md}</td></tr>`)}
<p style="margin-top:8px"><b>Chief complaint / reason:</b> Annual comprehensive assessment required for in-center hemodialysis.</p>
<p><b>History of present illness:</b> ${ageOn(p.birthDate, o.date)}-year-old ${sexWord(p)} with end-stage kidney disease due to ${cause}, on hemodialysis since ${us(addDays(o.date, -r.int(400, 2400)))}. ${They} reports ${r.pick(['good tolerance of treatments', 'fatigue for several hours after treatments', 'intermittent itching, worse at night'])}. No chest pain. Dyspnea only when over dry weight. No access problems in the last year except ${r.pick(['one infiltration in March', 'a fistulogram with angioplasty in the summer', 'none'])}.</p>
<p><b>Past medical history:</b> ${r.pick(['Type 2 diabetes with retinopathy; hypertension; coronary artery disease s/p PCI', 'Hypertension; gout; obstructive sleep apnea', 'Hypertension; hepatic cysts; kidney stones'])}.</p>
<p><b>Surgical history:</b> AV fistula creation; ${r.pick(['cholecystectomy', 'right carpal tunnel release', 'none other'])}.</p>
<p><b>Medications:</b> See the unit medication list, reconciled today with the patient's bottles.</p>
<p><b>Allergies:</b> ${r.pick(['Vancomycin (red man syndrome, tolerates slow infusion)', 'NKDA', 'Iodinated contrast (hives)'])}.</p>
<p><b>Social history:</b> ${r.pick(['Lives with spouse; drives self to treatment.', 'Lives alone; uses the county transit van three times a week.', 'Lives with adult daughter who helps with medications.'])} ${r.pick(['No tobacco.', 'Quit smoking 2011.', 'Smokes 5 cigarettes a day.'])}</p>
<div class="foot">TRK-F-09 Annual H&amp;P</div>`
  const p2 = `<p><b>Review of systems:</b> Constitutional: ${r.pick(['no weight loss', 'weight down 3 kg over the year'])}. Eyes: ${r.pick(['annual eye exam done', 'overdue for eye exam'])}. Cardiovascular: as above. GI: ${r.pick(['occasional constipation', 'no complaints'])}. GU: ${r.pick(['minimal urine', 'anuric'])}. Skin: ${r.pick(['pruritus', 'no rashes'])}. Neuro: ${r.pick(['numbness of both feet', 'no complaints'])}. Psych: PHQ-9 ${r.int(1, 12)}.</p>
<p><b>Physical examination:</b> Pre-treatment BP ${r.int(128, 176)}/${r.int(68, 96)}, HR ${r.int(60, 96)}, weight ${r.int(55, 110)} kg. General: chronically ill appearing, in no distress. HEENT: anicteric, moist mucosa. Neck: no JVD at 45 degrees. Lungs: ${r.pick(['clear', 'faint bibasilar crackles'])}. Heart: regular, ${r.pick(['no murmur', '2/6 systolic murmur at the apex'])}. Abdomen: soft, nontender. Extremities: ${r.pick(['trace edema', 'no edema'])}; feet inspected, no ulcers, monofilament ${r.pick(['intact', 'reduced'])}. Access: ${r.pick(['left forearm AV fistula with strong thrill, no aneurysm', 'right upper arm AV graft, thrill present, a 1 cm area of pseudoaneurysm is being watched'])}.</p>
<p><b>Assessment:</b></p>
<ol><li>ESKD on hemodialysis, due to ${cause}; adequacy at goal by the last three monthly measurements.</li>
<li>Anemia of CKD, on ESA.</li><li>CKD mineral and bone disorder.</li><li>Access ${r.pick(['functioning well', 'under surveillance'])}.</li></ol>
<p><b>Plan:</b> Annual labs drawn today, including hepatitis B surface antigen and antibody and a lipid panel. Influenza and pneumococcal vaccines offered per unit protocol; the patient ${r.pick(['accepted the influenza vaccine today', 'had both at the pharmacy this fall'])}. Advance directive reviewed: the patient ${r.pick(['has a POLST on file (full treatment)', 'wishes to remain full code and will bring a copy of the durable power of attorney', 'is considering'])}`
  const p3 = `whether to name ${their(p)} ${r.pick(['son', 'daughter', 'sister'])} as health care agent and was given the state form to take home and discuss with the family before the next care plan meeting.</p>
<p>Transplant status and modality options were discussed again, including home hemodialysis and peritoneal dialysis; the patient prefers to stay in-center for now.</p>
<p>Depression screen reviewed with the social worker, who will follow up. Dietitian to review potassium and phosphorus education with the family.</p>
<p>The interdisciplinary team will review this assessment at the annual plan of care meeting on ${us(addDays(o.date, r.int(7, 20)))}; the patient and family are invited.</p>
<div class="sig">${md}<br>Electronically signed ${us(o.date)} ${time(r)}</div>
<p class="small">cc: Primary care provider &mdash; ${DESK.name}, fax ${DESK.fax}</p>
<div class="foot">TRK-F-09 Annual H&amp;P</div>`
  return {
    writer: 'dxAnnualHp',
    type: 'history_and_physical',
    sender: DX.name,
    senderFax: DX.fax,
    title: 'ANNUAL HISTORY AND PHYSICAL',
    date: o.date,
    style: 'dx',
    pages: [p1, `${p2}<div class="foot">TRK-F-09 Annual H&amp;P</div>`, p3],
    numbered: false,
    runningTitle: false,
    midSentence: true,
  }
}

const WC = {
  name: 'Saltmarsh Wound &amp; Hyperbaric Center',
  plain: 'Saltmarsh Wound & Hyperbaric Center',
  addr: '61 Tidewater Lane, Building C, Beaufort, SC 29902',
  fax: '(843) 555-0156',
  staff: ['Evangeline Moss-Harbin, DPM', 'Thaddeus Okoro, MD, CWSP', 'Lorna Pettigrew, FNP-C, CWOCN'],
}

/** A weekly wound visit: one or two pages with a measurement table. A patient comes every week, so two of them meet in a stack. */
export function wcVisit(p: Person, r: Rand, o: WriteOpts): Doc {
  const who = r.pick(WC.staff)
  const week = r.int(2, 14)
  const l = (2 + r.next() * 3).toFixed(1)
  const w = (1 + r.next() * 2).toFixed(1)
  const d = (0.2 + r.next() * 0.6).toFixed(1)
  const site = r.pick([
    'Right plantar first metatarsal head (diabetic foot ulcer, Wagner 2)',
    'Left medial malleolus (venous leg ulcer)',
    'Sacrum (pressure injury, stage 3)',
  ])
  const two = r.chance(0.5)
  const p1 = `<div style="text-align:center;font-size:14pt"><b>${WC.name}</b></div><div class="center small">${WC.addr} &middot; fax ${WC.fax}</div>
<div class="rule"></div>
<p><b>WOUND CARE VISIT NOTE &mdash; WEEK ${week}</b></p>
<p>Patient: ${full(p)} &nbsp; DOB ${us(p.birthDate)} &nbsp; Clinic no. SW${senderId(p, 'wc', 5)}<br>Visit date: ${longMdy(o.date)} &nbsp; Clinician: ${who}</p>
<p><b>Subjective:</b> ${They} reports ${r.pick(['less drainage on the dressing at home', 'pain 3/10 at the wound, worse at night', 'no fever or chills; has been wearing the offloading boot most of the day'])}. Home health changes the dressing ${r.pick(['three times a week', 'daily', 'every other day'])}.</p>
<table class="grid"><tr><th>Wound</th><th>L (cm)</th><th>W (cm)</th><th>D (cm)</th><th>Area</th><th>Tissue</th><th>Exudate</th></tr>
<tr><td>${site}</td><td>${l}</td><td>${w}</td><td>${d}</td><td>${(Number(l) * Number(w)).toFixed(1)} cm&sup2;</td><td>${r.int(60, 95)}% granulation, ${r.int(5, 40)}% slough</td><td>${r.pick(['Scant serous', 'Moderate serosanguineous', 'Small'])}</td></tr></table>
<p style="margin-top:8px"><b>Periwound:</b> ${r.pick(['Callus rim, no erythema', 'Hemosiderin staining, mild maceration', 'Intact, blanchable erythema under 1 cm'])}. No odor. No probe to bone.</p>
<p><b>Assessment:</b> Wound ${r.pick(['improving: area down from the last visit', 'stalled for two weeks', 'improving slowly'])}.</p>
${two ? '' : `<p><b>Plan:</b> ${r.pick(['Continue collagen-alginate with foam and offloading.', 'Multilayer compression wrap reapplied, change twice weekly.', 'Continue negative pressure at 125 mmHg continuous.'])} Return in one week.</p><div class="sig">${who}</div>`}`
  const p2 = `<p class="small">${WC.name} &middot; ${p.family}, ${p.given} &middot; visit ${us(o.date)}</p>
<p><b>Plan:</b></p><ul><li>${r.pick(['Continue collagen-alginate with foam border dressing and total offloading.', 'Multilayer compression reapplied; change twice weekly by home health.', 'Negative pressure therapy at 125 mmHg continuous, changed Monday/Wednesday/Friday.'])}</li>
<li>${r.pick(['HbA1c ' + (6.9 + r.next() * 3).toFixed(1) + '%: letter to the primary care provider about glucose control.', 'Arterial studies: ABI 0.9 right, 0.95 left; compression is safe.', 'Prealbumin low: protein supplement twice a day.'])}</li>
<li>${r.pick(['Hyperbaric oxygen: not indicated at this time.', 'Hyperbaric oxygen therapy approved: 2.0 ATA for 90 minutes, daily, 30 treatments, to start next week.', 'Culture taken; will call with the result.'])}</li></ul>
<p>Patient education: signs of infection, when to call, the importance of staying off the wound. Return in one week.</p>
<div class="sig">${who}<br>${us(o.date)} ${time(r)}</div>`
  return {
    writer: 'wcVisit',
    type: 'progress_note',
    sender: WC.plain,
    senderFax: WC.fax,
    title: 'WOUND CARE VISIT NOTE',
    date: o.date,
    style: 'wc',
    pages: two ? [p1, p2] : [p1],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** An excisional debridement procedure note, one page. */
export function wcDebridement(p: Person, r: Rand, o: WriteOpts): Doc {
  const who = r.pick(WC.staff.slice(0, 2))
  const page = `<div style="text-align:center;font-size:14pt"><b>${WC.name}</b></div><div class="center small">${WC.addr} &middot; fax ${WC.fax}</div>
<div class="rule"></div>
<h3>PROCEDURE NOTE: EXCISIONAL DEBRIDEMENT</h3>
<p>Patient: ${full(p)} &nbsp; DOB ${us(p.birthDate)} &nbsp; Clinic no. SW${senderId(p, 'wc', 5)}<br>Date of procedure: ${longMdy(o.date)}</p>
<p><b>Pre-procedure diagnosis:</b> ${r.pick(['Diabetic foot ulcer, right forefoot, with devitalized tissue', 'Venous ulcer, left leg, with adherent slough and biofilm'])}.</p>
<p><b>Post-procedure diagnosis:</b> Same.</p>
<p><b>Procedure:</b> Excisional debridement of ${r.pick(['subcutaneous tissue', 'skin and subcutaneous tissue', 'muscle'])}, ${(Number(r.int(2, 9)) + r.next()).toFixed(1)} sq cm.</p>
<p><b>Anesthesia:</b> Topical lidocaine 4% for 15 minutes. <b>Instruments:</b> #10 curette, forceps, tissue nippers.</p>
<p><b>Description:</b> After time-out and consent, the wound was cleansed. Devitalized tissue was excised down to bleeding, viable tissue. Hemostasis with pressure${r.chance(0.5) ? ' and silver nitrate' : ''}. Estimated blood loss minimal. Post-debridement measurements recorded in the wound flowsheet. Dressing applied. The patient tolerated the procedure well.</p>
<p><b>Complications:</b> None. <b>Specimen:</b> ${r.pick(['Tissue for culture', 'None'])}.</p>
<div class="sig">${who}<br>Signed ${us(o.date)} ${time(r)}</div>
<div class="foot">SWHC procedure note</div>`
  return {
    writer: 'wcDebridement',
    type: 'operative_report',
    sender: WC.plain,
    senderFax: WC.fax,
    title: 'PROCEDURE NOTE: EXCISIONAL DEBRIDEMENT',
    date: o.date,
    style: 'wc',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A polysomnography report: two or three pages, each headed by the lab's banner and the patient's name and study date. */
export function slPsg(p: Person, r: Rand, o: WriteOpts): Doc {
  const ahi = r.pick([3.1, 11.4, 22.8, 47.5].map((x) => x + r.int(0, 3)))
  const split = ahi > 30 && r.chance(0.6)
  const n = r.int(2, 3)
  const reader = r.pick(['Josefina Altamirano, MD, D.ABSM', 'Bertrand Lumley, DO'])
  const top = (
    k: number,
  ) => `<div class="top"><b style="font-size:15pt">QUIET HOURS SLEEP DIAGNOSTICS</b><br><span class="small">AASM-accredited facility &middot; 402 Lamplighter Way, Bozeman, MT 59715 &middot; Fax (406) 555-0290</span></div>
<table style="width:100%" class="small"><tr><td>Patient: <b>${p.family}, ${p.given}</b></td><td>DOB: ${us(p.birthDate)}</td><td>Study date: ${us(o.date)}</td><td>${k === 1 ? '' : `Page ${k} of ${n}`}</td></tr></table>`
  const p1 = `${top(1)}
<h2 class="center">${split ? 'SPLIT-NIGHT POLYSOMNOGRAPHY REPORT' : 'DIAGNOSTIC POLYSOMNOGRAPHY REPORT'}</h2>
<p><b>Referring provider:</b> ${r.pick(DESK.doctor)}, ${DESK.name}. <b>Indication:</b> ${r.pick(['Loud snoring, witnessed apneas, daytime sleepiness (Epworth 14)', 'Resistant hypertension and morning headaches', 'Insomnia with frequent awakenings and leg kicks reported by bed partner'])}.</p>
<p><b>Technique:</b> Attended in-lab study with EEG, EOG, chin and leg EMG, ECG, oronasal thermistor, nasal pressure, thoracic and abdominal RIP belts, oximetry, body position and audio-video. Scored by AASM Manual v3, hypopneas with 3% desaturation or arousal.</p>
<table class="grid"><tr><th>Measure</th><th>${split ? 'Diagnostic portion' : 'Value'}</th></tr>
<tr><td>Total recording time</td><td>${split ? r.int(150, 190) : r.int(400, 460)} min</td></tr><tr><td>Total sleep time</td><td>${split ? r.int(110, 160) : r.int(300, 410)} min</td></tr>
<tr><td>Sleep efficiency</td><td>${r.int(68, 92)}%</td></tr><tr><td>Sleep latency / REM latency</td><td>${r.int(5, 40)} / ${r.int(60, 160)} min</td></tr>
<tr><td>Apnea-hypopnea index (AHI)</td><td><b>${ahi.toFixed(1)}</b> /h (supine ${(ahi * 1.6).toFixed(1)}, non-supine ${(ahi * 0.6).toFixed(1)})</td></tr>
<tr><td>Central apnea index</td><td>${(r.next() * 2).toFixed(1)} /h</td></tr><tr><td>Oxygen saturation nadir</td><td>${r.int(76, 91)}%; time below 88%: ${r.int(0, 40)} min</td></tr>
<tr><td>Periodic limb movement index</td><td>${r.int(0, 38)} /h</td></tr></table>
<div class="foot center small">Confidential &mdash; for the referring provider</div>`
  const p2 = `${top(2)}
${split ? `<p><b>CPAP titration portion:</b> CPAP was started at 5 cm H2O and raised for apneas, hypopneas and snoring. At ${r.int(9, 13)} cm H2O, supine REM sleep was observed with an AHI of ${r.int(1, 4)}/h and saturation above 90%. A ${r.pick(['medium nasal pillows', 'small full-face', 'medium nasal'])} mask was used; leak was acceptable.</p>` : ''}
<p><b>ECG:</b> ${r.pick(['Sinus rhythm throughout', 'Sinus rhythm with occasional PVCs', 'Sinus bradycardia during sleep, lowest 48'])}. <b>Snoring:</b> ${r.pick(['loud, frequent', 'mild', 'none noted'])}.</p>
<p><b>Interpretation:</b> ${ahi < 5 ? 'No significant sleep-disordered breathing.' : ahi < 15 ? 'Mild obstructive sleep apnea, worse supine.' : ahi < 30 ? 'Moderate obstructive sleep apnea.' : 'Severe obstructive sleep apnea with significant oxygen desaturation.'}</p>
<p><b>Recommendations:</b></p><ol>
<li>${ahi < 5 ? 'Consider other causes of sleepiness; cognitive behavioral therapy for insomnia.' : split ? `CPAP at ${r.int(9, 13)} cm H2O with heated humidification.` : ahi < 15 ? 'Positional therapy, weight loss, or an oral appliance; CPAP if symptoms persist.' : 'Auto-titrating CPAP 5-15 cm H2O; follow-up in the sleep clinic within 90 days to review adherence.'}</li>
<li>Avoid driving when drowsy. Avoid alcohol and sedatives near bedtime.</li>
<li>${n === 3 ? 'Hypnogram and event graphs follow.' : 'Return to the referring provider for ongoing care.'}</li></ol>
${n === 2 ? `<div class="sig">Interpreting physician: ${reader}<br>${us(addDays(o.date, r.int(2, 6)))}</div>` : ''}
<div class="foot center small">Confidential &mdash; for the referring provider</div>`
  const p3 = `${top(3)}
<p><b>Hypnogram and event summary</b></p>
<div class="box" style="height:3.2in;position:relative">${['Wake', 'REM', 'N1', 'N2', 'N3']
    .map(
      (s, i) =>
        `<div style="position:absolute;left:6px;top:${10 + i * 36}px" class="small">${s}</div><div style="position:absolute;left:60px;right:10px;top:${18 + i * 36}px;border-top:1px dotted #000"></div>`,
    )
    .join(
      '',
    )}${Array.from({ length: 40 }, (_, i) => `<div style="position:absolute;left:${60 + i * 14}px;top:${18 + r.int(0, 4) * 36}px;width:14px;border-top:3px solid #000"></div>`).join('')}
<div style="position:absolute;left:6px;bottom:6px" class="small">22:00 &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 00:00 &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 02:00 &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 04:00 &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 06:00</div></div>
<p class="small">Obstructive apneas ${r.int(5, 120)}, mixed ${r.int(0, 10)}, central ${r.int(0, 8)}, hypopneas ${r.int(10, 200)}, RERAs ${r.int(0, 40)}.</p>
<div class="sig">Interpreting physician: ${reader}<br>${us(addDays(o.date, r.int(2, 6)))}</div>
<div class="foot center small">Confidential &mdash; for the referring provider</div>`
  return {
    writer: 'slPsg',
    type: 'other',
    sender: 'Quiet Hours Sleep Diagnostics',
    senderFax: '(406) 555-0290',
    title: split ? 'SPLIT-NIGHT POLYSOMNOGRAPHY REPORT' : 'DIAGNOSTIC POLYSOMNOGRAPHY REPORT',
    date: o.date,
    style: 'sl',
    pages: n === 2 ? [p1, p2] : [p1, p2, p3],
    numbered: true,
    runningTitle: false,
    midSentence: false,
  }
}

const CR = {
  name: 'Heartland Cardiac Rehabilitation',
  addr: 'Phase II Outpatient Program &middot; 77 Cottonwood Plaza, Grand Island, NE 68801',
  fax: '(308) 555-0318',
}

/** One exercise session's log: a page with the session table; a patient comes three times a week. */
export function crSession(p: Person, r: Rand, o: WriteOpts): Doc {
  const n = r.int(6, 34)
  const mod = (name: string) =>
    `<tr><td>${name}</td><td>${r.int(8, 15)} min</td><td>${name.startsWith('Treadmill') ? `${(1.8 + r.next() * 1.6).toFixed(1)} mph / ${r.int(0, 6)}%` : name.startsWith('NuStep') ? `level ${r.int(3, 8)}` : `${r.int(20, 60)} W`}</td><td>${r.int(88, 128)}</td><td>${r.int(11, 14)}</td><td>${r.pick(['SR', 'SR', 'SR with PACs', 'SB'])}</td></tr>`
  const page = `<table style="width:100%"><tr><td><b style="font-size:14pt">${CR.name}</b><br><span class="small">${CR.addr} &middot; fax ${CR.fax}</span></td><td class="right"><b>EXERCISE SESSION RECORD</b><br>Session ${n} of 36</td></tr></table>
<div class="rule"></div>
<p>Participant: <b>${p.family}, ${p.given} ${p.middle}</b> &nbsp; DOB ${us(p.birthDate)} &nbsp; Program ID HCR-${senderId(p, 'hcr', 4)} &nbsp; Session date: <b>${us(o.date)}</b></p>
<p>Qualifying diagnosis: ${r.pick(['NSTEMI with PCI to LAD', 'CABG x3', 'Stable angina', 'Heart failure with reduced EF (EF 30%)', 'Aortic valve replacement (TAVR)'])}.</p>
<table class="grid"><tr><th>Rest</th><th>BP</th><th>HR</th><th>SpO2</th><th>Weight</th><th>Glucose</th></tr>
<tr><td>Pre-exercise</td><td>${r.int(112, 148)}/${r.int(64, 88)}</td><td>${r.int(58, 84)}</td><td>${r.int(95, 99)}%</td><td>${r.int(140, 240)} lb</td><td>${r.chance(0.5) ? r.int(96, 190) : 'n/a'}</td></tr>
<tr><td>Post-exercise</td><td>${r.int(110, 140)}/${r.int(62, 84)}</td><td>${r.int(64, 92)}</td><td>${r.int(95, 99)}%</td><td></td><td></td></tr></table>
<p style="margin-top:8px"><b>Exercise</b></p>
<table class="grid"><tr><th>Modality</th><th>Duration</th><th>Workload</th><th>Peak HR</th><th>RPE</th><th>Rhythm</th></tr>
${mod('Treadmill')}${mod('NuStep')}${mod('Arm ergometer')}</table>
<p style="margin-top:8px"><b>Symptoms:</b> ${r.pick(['None.', 'Mild leg fatigue on the treadmill.', 'Brief lightheadedness standing up after the cool-down; resolved sitting, BP 108/66.'])} <b>Education topic:</b> ${r.pick(['Reading food labels for sodium', 'Medication adherence', 'Stress and the heart', 'Home walking plan'])}.</p>
<p><b>Progression:</b> ${r.pick(['Increase treadmill grade by 1% next session.', 'Maintain workloads.', 'Add light resistance bands.'])}</p>
<div class="sig">Exercise physiologist: ${r.pick(['Kendra Voss, MS, ACSM-CEP', 'Juan Pablo Reyes, RCEP'])} &nbsp; Supervising RN: ${r.pick(['Maeve Lindahl, RN', 'Tomasz Bielski, RN'])}</div>
<div class="foot small">Medical director: Harold Nwachukwu, MD, FACC. Physician available in the department during all sessions.</div>`
  return {
    writer: 'crSession',
    type: 'progress_note',
    sender: CR.name,
    senderFax: CR.fax,
    title: 'EXERCISE SESSION RECORD',
    date: o.date,
    style: 'cr',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** The 30-day individualized treatment plan review: two pages, "Page x of 2", the title on both. */
export function crPlan(p: Person, r: Rand, o: WriteOpts): Doc {
  const head = (
    k: number,
  ) => `<table style="width:100%"><tr><td><b style="font-size:14pt">${CR.name}</b><br><span class="small">${CR.addr}</span></td><td class="right"><b>INDIVIDUALIZED TREATMENT PLAN</b><br>30-day review &middot; Page ${k} of 2</td></tr></table><div class="rule"></div>
<p class="small">Participant: ${p.given} ${p.family} &middot; DOB ${us(p.birthDate)} &middot; Review date ${us(o.date)}</p>`
  const row = (a: string, b: string, c: string) => `<tr><td><b>${a}</b></td><td>${b}</td><td>${c}</td></tr>`
  const p1 = `${head(1)}
<p>Dear ${r.pick(DESK.doctor)}: your patient's plan of care is below for your review and signature, as required for continued participation.</p>
<table class="grid"><tr><th style="width:22%">Area</th><th>Assessment</th><th>Goals and interventions</th></tr>
${row('Exercise', `Entry 6MWT ${r.int(260, 380)} m; now ${r.int(330, 460)} m. METs ${(2.5 + r.next() * 2).toFixed(1)}.`, 'Progress to 40 min continuous aerobic work at RPE 12-13; begin resistance training.')}
${row('Nutrition', `Rate Your Plate score ${r.int(40, 70)}. LDL ${r.int(50, 110)} mg/dL.`, 'Mediterranean pattern; dietitian class series; sodium under 2 g.')}
${row('Weight', `BMI ${r.int(24, 38)}. Waist ${r.int(32, 46)} in.`, 'Lose 5% of body weight over 6 months.')}
${row('Blood pressure', `Average ${r.int(118, 142)}/${r.int(68, 86)} at sessions.`, 'Under 130/80; home log reviewed weekly.')}
${row('Psychosocial', `PHQ-9 ${r.int(0, 14)}; GAD-7 ${r.int(0, 10)}.`, r.pick(['Stress management class; no referral needed.', 'Referred to behavioral health for low mood after the event.']))}
${row('Tobacco', r.pick(['Never', 'Former', 'Current, 5/day']), r.pick(['n/a', 'Relapse prevention', 'Varenicline discussed with PCP; quit date set']))}</table>`
  const p2 = `${head(2)}
<p><b>Attendance:</b> ${r.int(8, 12)} of 12 scheduled sessions. ${r.pick(['No adverse events.', 'One session stopped early for hypotension, resolved with fluids.', 'No adverse events; one absence for a family event.'])}</p>
<p><b>Medications reviewed:</b> ${r.pick(['Aspirin, ticagrelor, atorvastatin 80, metoprolol, lisinopril.', 'Aspirin, atorvastatin, carvedilol, sacubitril-valsartan, dapagliflozin, furosemide.'])} Adherence by self-report: good.</p>
<p><b>Overall progress toward goals:</b> ${r.pick(['Good', 'Fair', 'Excellent'])}. Plan to continue the program for the remaining sessions and to transition to the maintenance program.</p>
<table class="grid" style="margin-top:16px"><tr><td style="height:0.5in"><span class="lbl">Program clinician</span>${r.pick(['Kendra Voss, MS, ACSM-CEP', 'Maeve Lindahl, RN'])}</td><td><span class="lbl">Date</span>${us(o.date)}</td></tr>
<tr><td style="height:0.5in"><span class="lbl">Medical director</span>Harold Nwachukwu, MD, FACC</td><td><span class="lbl">Date</span>${us(addDays(o.date, 1))}</td></tr>
<tr><td style="height:0.5in"><span class="lbl">Referring physician signature (please sign and fax back to ${CR.fax})</span></td><td><span class="lbl">Date</span></td></tr></table>`
  return {
    writer: 'crPlan',
    type: 'progress_note',
    sender: CR.name,
    senderFax: CR.fax,
    title: 'INDIVIDUALIZED TREATMENT PLAN',
    date: o.date,
    style: 'cr',
    pages: [p1, p2],
    numbered: true,
    runningTitle: true,
    midSentence: false,
  }
}
