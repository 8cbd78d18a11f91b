/**
 * Care-service senders of the fifth blind set: a dialysis unit's monthly treatment flowsheet
 * (a landscape table running over several sheets), a hospice's interdisciplinary update to the
 * attending physician, a correctional health service's continuity-of-care summary at release,
 * an urgent-care chain's visit record, and a home-health agency's certification and plan of
 * care (a boxed form over several numbered pages).
 */
import {
  addDays,
  ageOn,
  clock,
  dashMon,
  esc,
  firstLast,
  lastFirst,
  longDate,
  mdy,
  mdyShort,
  PRACTICE,
  senderNumber,
  sexWord,
  their,
  they,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

const TIDEWATER = { name: 'Tidewater Kidney Center', fax: '541-555-0466', addr: '31 Estuary Blvd, Calder Springs, OR 97990' }

/** A month of hemodialysis runs, three a week, as a landscape grid; later sheets carry the unit's patient id only. */
export function tidewaterFlowsheet(c: WriteCtx): Written {
  const { r, p, date } = c
  const id = senderNumber('TKC-', p, 'tidewater', 5)
  const n = Math.max(1, Math.min(4, c.pages ?? r.int(2, 3)))
  // Some units print no sheet count on the continuation sheets.
  const counted = r.chance(0.5)
  const runs = n * 6
  const start = addDays(date, -runs * 2 - 2)
  const rows = (from: number) =>
    Array.from({ length: 6 }, (_, i) => {
      const d = addDays(start, Math.floor(((from + i) * 7) / 3))
      const pre = r.int(70, 98) + r.int(0, 9) / 10
      return `<tr><td>${mdyShort(d)}</td><td>${r.pick(['A', 'B'])}-${r.int(1, 14)}</td><td>${pre.toFixed(1)}</td><td>${(pre - r.int(15, 35) / 10).toFixed(1)}</td><td>${r.int(128, 176)}/${r.int(60, 92)}</td><td>${r.int(102, 150)}/${r.int(54, 84)}</td><td>${r.int(350, 450)}</td><td>${r.int(500, 800)}</td><td>${r.int(210, 240)}</td><td>${r.pick(['2K/2.5Ca', '3K/2.5Ca', '2K/3.0Ca'])}</td><td>${r.pick(['AVF L arm', 'AVF L arm', 'TDC R IJ'])}</td><td>${r.pick(['', '', 'cramping, NS 200 mL', 'hypotension, UF off 15 min', 'heparin held'])}</td><td>${r.pick(['RN KB', 'RN TO', 'PCT LM', 'RN AS'])}</td></tr>`
    }).join('')
  const grid = (from: number) =>
    `<table class="td-grid"><tr><th>Date</th><th>Chair</th><th>Pre wt kg</th><th>Post wt kg</th><th>Pre BP</th><th>Post BP</th><th>Qb</th><th>Qd</th><th>Min</th><th>Bath</th><th>Access</th><th>Events</th><th>Init</th></tr>${rows(from)}</table>`
  const sheets: Sheet[] = []
  for (let k = 1; k <= n; k++) {
    const head =
      k === 1
        ? `<div class="td-head"><div><span class="td-name">${TIDEWATER.name}</span> · Outpatient Hemodialysis · ${TIDEWATER.addr}</div>
<div class="td-title">MONTHLY TREATMENT FLOWSHEET — ${longDate(date).replace(/ \d+,/, '')}</div>
<table class="td-pt"><tr><td>Patient: <b>${esc(lastFirst(p))}</b></td><td>DOB ${mdy(p.birth)}</td><td>Unit ID ${id}</td><td>Nephrologist: Dr. Oyelowo-Strand</td><td>EDW ${r.int(68, 92)}.0 kg</td></tr></table></div>`
        : `<div class="td-run">Treatment flowsheet (continued) · Unit ID ${id}${counted ? ` · sheet ${k} of ${n}` : ''}</div>`
    const tail =
      k === n
        ? `<p class="td-note">Monthly labs drawn ${mdyShort(addDays(date, -3))}: Kt/V ${(1.2 + r.int(0, 6) / 10).toFixed(1)}, albumin 3.${r.int(4, 9)} g/dL, Hgb ${r.int(9, 12)}.${r.int(0, 9)} g/dL, phosphorus ${r.int(4, 7)}.${r.int(0, 9)} mg/dL. Reviewed by charge nurse ${r.pick(['K. Baptiste, RN', 'T. Oduya, RN'])} ${mdyShort(date)}.</p>`
        : `<p class="td-note">${counted ? `sheet ${k} of ${n}` : 'continued'}</p>`
    sheets.push({ html: `${head}${grid((k - 1) * 6)}${tail}`, naming: k === 1 ? 'full' : 'none', landscape: true })
  }
  return {
    writer: 'tidewater-flowsheet',
    type: 'progress_note',
    sender: TIDEWATER.name,
    fax: TIDEWATER.fax,
    date,
    title: 'Monthly Treatment Flowsheet',
    sheets,
    numbered: n > 1 && counted,
    runningTitle: n > 1,
  }
}

const HOSPICE = { name: 'Cedar Hollow Hospice & Palliative Care', fax: '541-555-0521', addr: 'PO Box 440, Dunmore Gap, OR 97986' }

export function cedarHollowUpdate(c: WriteCtx): Written {
  const { r, p, date } = c
  const nurse = r.pick(['Wren Halvorsen, RN CHPN', 'Abel Mendoza-Ruiz, RN', 'Tallulah Greene, LPN'])
  const html = `<div class="ch-head"><div class="ch-name">${HOSPICE.name}</div><div class="ch-sub">${HOSPICE.addr} · 24-hour line 541-555-0520 · Fax ${HOSPICE.fax}</div></div>
<h3 class="ch-title">Interdisciplinary Group Update to Attending Physician</h3>
<table class="ch-pt"><tr><td>Patient</td><td><b>${esc(firstLast(p))}</b></td><td>Date of birth</td><td>${longDate(p.birth)}</td></tr>
<tr><td>IDG meeting</td><td>${longDate(date)}</td><td>Benefit period</td><td>${r.int(1, 3)} (day ${r.int(12, 88)})</td></tr>
<tr><td>Attending</td><td>${esc(PRACTICE.clinicians[r.int(0, 1)]!)}</td><td>Hospice diagnosis</td><td>${r.pick(['Heart failure, end stage', 'COPD, end stage', 'Metastatic pancreatic cancer'])}</td></tr></table>
<h4>Nursing</h4><p>${esc(`${cap(they(p))} is resting more, out of bed to a chair twice a day. Appetite small. Pain ${r.int(1, 4)}/10 on the current regimen; one breakthrough dose in the last week.`)}</p>
<h4>Social work / Spiritual care</h4><p>${esc(`Family visiting daily; advance directive and POLST on file in the home. Chaplain visit welcomed.`)}</p>
<h4>Medication changes</h4><p>${r.pick(['Morphine oral solution 5 mg every 2 h as needed for dyspnea added.', 'Lorazepam 0.5 mg at bedtime as needed for anxiety added.', 'No changes.'])}</p>
<h4>Plan</h4><p>Continue skilled nursing visits ${r.pick(['2', '3'])}x weekly, aide 3x weekly. Please sign and return the attached orders.</p>
<p>${esc(nurse)}, case manager &nbsp; · &nbsp; Medical director: Dr. Ingrid Solberg-Watts</p>
<p class="ch-foot">CONFIDENTIAL — for the attending physician of record. ${mdyShort(date)} ${clock(r)}</p>`
  return {
    writer: 'cedarhollow-update',
    type: 'progress_note',
    sender: HOSPICE.name,
    fax: HOSPICE.fax,
    date,
    title: 'Interdisciplinary Group Update',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

const DOC = {
  name: 'Oregon Department of Corrections — Health Services',
  facility: 'Coyote Flats Correctional Institution',
  fax: '541-555-0634',
}

/** A release summary: the first page names the person fully, the second carries only the inmate number. */
export function coyoteRelease(c: WriteCtx): Written {
  const { r, p, date } = c
  const sid = senderNumber('SID ', p, 'odoc', 8)
  const n = r.chance(0.65) ? 2 : 1
  const top = `<div class="dc-head"><div class="dc-seal">DOC</div><div><div class="dc-name">${DOC.name}</div><div>${DOC.facility} · Medical Records Unit · Fax ${DOC.fax}</div></div></div>
<div class="dc-title">CONTINUITY OF CARE — HEALTH SUMMARY AT RELEASE</div>`
  const ident = `<table class="dc-box"><tr><td>Name (last, first)</td><td><b>${esc(upperLastFirst(p))}</b></td><td>${sid}</td></tr>
<tr><td>Birth date</td><td>${dashMon(p.birth)}</td><td>Release date ${dashMon(date)}</td></tr>
<tr><td>Release to</td><td colspan="2">Community supervision, ${esc(p.town)}. Community provider: ${PRACTICE.name}</td></tr></table>`
  const probs = `<h4>Active problems</h4><ol><li>Hepatitis C, treated; SVR12 achieved</li><li>Hypertension</li><li>Opioid use disorder, on buprenorphine-naloxone 8/2 mg daily</li></ol>
<h4>Medications at release (14-day supply given)</h4><p>Buprenorphine-naloxone 8/2 mg SL daily; amlodipine 10 mg daily; naloxone 4 mg nasal spray x2 provided.</p>`
  const rest = `<h4>Immunizations while incarcerated</h4><p>Tdap ${r.int(2023, 2025)}; hepatitis B series complete; influenza this season.</p>
<h4>Pending / follow-up</h4><p>Needs a community MOUD prescriber within 14 days. Last labs: ALT ${r.int(18, 40)}, creatinine 0.${r.int(7, 9)}.</p>
<p>Prepared by ${r.pick(['L. Santangelo, RN', 'M. Ferreira-Holt, HSA', 'D. Kaur, RN'])}, Health Services · Reviewed by institution physician Dr. Ambrose Pettigrew</p>`
  const sheets: Sheet[] =
    n === 2
      ? [
          {
            html: `${top}${ident}${probs}<div class="dc-foot">${sid} · Page 1 of 2 · CONFIDENTIAL HEALTH INFORMATION</div>`,
            naming: 'full',
          },
          {
            html: `<div class="dc-run">Health Summary at Release · ${sid}</div>${rest}<div class="dc-foot">${sid} · Page 2 of 2 · CONFIDENTIAL HEALTH INFORMATION</div>`,
            naming: 'none',
          },
        ]
      : [{ html: `${top}${ident}${probs}${rest}`, naming: 'full' }]
  return {
    writer: 'coyote-release',
    type: 'other',
    sender: DOC.name,
    fax: DOC.fax,
    date,
    title: 'Health Summary at Release',
    sheets,
    numbered: n > 1,
    runningTitle: n > 1,
  }
}

const BRIGHTPATH = { name: 'BrightPath Urgent Care', fax: '541-555-0870' }
const UC_VISITS: [string, string, string, string][] = [
  ['Sore throat and fever', 'Rapid strep positive', 'Streptococcal pharyngitis', 'Amoxicillin 500 mg twice daily x 10 days'],
  ['Ear pain', 'Left TM bulging, erythematous', 'Acute otitis media, left', 'Amoxicillin; ibuprofen as needed'],
  ['Burning on urination', 'Urinalysis: leukocyte esterase +, nitrite +', 'Acute cystitis', 'Nitrofurantoin 100 mg twice daily x 5 days'],
  ['Ankle twisted playing basketball', 'X-ray ankle: no fracture', 'Sprain of right ankle', 'Ankle brace, RICE, ibuprofen'],
  ['Rash on both forearms after yard work', 'Linear vesicles', 'Contact dermatitis (poison oak)', 'Prednisone taper; triamcinolone cream'],
]

export function brightpathVisit(c: WriteCtx): Written {
  const { r, p, date } = c
  const site = r.pick<[string, string]>([
    ['07', 'Calder Springs'],
    ['12', 'Pell City'],
    ['03', 'Harrowmere North'],
  ])
  const [cc, find, dx, rx] = UC_VISITS[(c.variant ?? r.int(0, UC_VISITS.length - 1)) % UC_VISITS.length]!
  const visit = `${site[0]}-${senderNumber('', p, `bp-${date}-${cc}`, 7)}`
  const html = `<div class="bp-bar"><span class="bp-logo">BrightPath</span><span>URGENT CARE · Clinic ${site[0]} · ${site[1]}</span></div>
<div class="bp-title">Visit Summary &amp; Provider Note</div>
<div class="bp-cols"><div>Patient: <b>${esc(lastFirst(p))}</b><br>DOB: ${mdyShort(p.birth)} · Age ${ageOn(p.birth, date)} · ${sexWord(p)}<br>Phone: ${p.phone}</div>
<div>Visit #: ${visit}<br>Date of service: ${mdyShort(date)} ${clock(r)}<br>Provider: ${r.pick(['Noor Haddad, PA-C', 'Travis Lindgren, FNP', 'Esperanza Villalobos, MD'])}</div></div>
<table class="bp-t"><tr><th>Reason for visit</th><td>${esc(cc)}</td></tr><tr><th>Findings</th><td>${esc(find)}</td></tr>
<tr><th>Vitals</th><td>T ${r.int(97, 101)}.${r.int(0, 9)} · HR ${r.int(64, 110)} · BP ${r.int(108, 146)}/${r.int(62, 90)} · SpO2 ${r.int(95, 100)}%</td></tr>
<tr><th>Diagnosis</th><td>${esc(dx)}</td></tr><tr><th>Treatment</th><td>${esc(rx)}</td></tr>
<tr><th>Follow-up</th><td>Primary care: ${PRACTICE.name} in 1 week if not improving.</td></tr></table>
<p class="bp-note">This summary was sent to your primary care provider on file. Questions? Call 1-800-555-0190. BrightPath Urgent Care is a network of walk-in clinics.</p>`
  return {
    writer: 'brightpath-visit',
    type: 'progress_note',
    sender: BRIGHTPATH.name,
    fax: BRIGHTPATH.fax,
    date,
    title: 'Visit Summary',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

const BLUESTEM = { name: 'Bluestem Home Health Services', fax: '541-555-0840', provider: 'Provider No. 38-7714' }

/** The certification and plan of care: boxed fields numbered like the federal form, over two or three pages. */
export function bluestemPlanOfCare(c: WriteCtx): Written {
  const { r, p, date } = c
  const n = Math.max(2, Math.min(3, c.pages ?? r.int(2, 3)))
  const to = addDays(date, 59)
  const claim = senderNumber('', p, 'bluestem-hi', 9) + r.pick(['A', 'M'])
  const box = (no: number, label: string, v: string) => `<td><span class="bs-no">${no}.</span> ${label}<div class="bs-v">${v}</div></td>`
  const first = `<div class="bs-top"><b>HOME HEALTH CERTIFICATION AND PLAN OF CARE</b><span>${BLUESTEM.name} · ${BLUESTEM.provider}</span></div>
<table class="bs-form"><tr>${box(1, "Patient's HI Claim No.", claim)}${box(2, 'Start of care', mdy(addDays(date, -r.int(0, 120))))}${box(3, 'Certification period', `${mdy(date)} to ${mdy(to)}`)}</tr>
<tr>${box(6, "Patient's name and address", `${esc(upperLastFirst(p))}<br>${esc(p.street)}, ${esc(p.town)}`)}${box(7, 'Provider', `${BLUESTEM.name}, Fax ${BLUESTEM.fax}`)}${box(8, 'Date of birth', mdy(p.birth))}</tr>
<tr>${box(10, 'Medications: dose/frequency/route', 'Furosemide 40 mg PO daily<br>Metoprolol succinate 25 mg PO daily<br>Apixaban 5 mg PO BID<br>Acetaminophen 650 mg PO q6h PRN')}${box(11, 'Principal diagnosis', 'I50.32 Chronic diastolic heart failure')}${box(13, 'Other diagnoses', 'I48.91 Atrial fibrillation; E11.9 Type 2 diabetes')}</tr>
<tr>${box(15, 'Safety measures', 'Fall precautions, oxygen safety, bleeding precautions')}${box(16, 'Nutritional req.', '2 g sodium, carb-controlled')}${box(17, 'Allergies', r.pick(['NKDA', 'Sulfa', 'Penicillin']))}</tr></table>`
  const orders = `<div class="bs-run">${esc(upperLastFirst(p))} · HI Claim ${claim} · Plan of Care ${mdy(date)} – ${mdy(to)}</div>
<table class="bs-form"><tr>${box(21, 'Orders for discipline and treatments', `SN 2w4, 1w4: assess cardiopulmonary status, weight daily, teach heart failure diet and medication regimen.<br>PT 2w3: gait, transfers, home exercise program.<br>HHA 2w4: bathing, personal care.`)}</tr>
<tr>${box(22, 'Goals / rehabilitation potential / discharge plans', `${cap(they(p))} will report weight gain over 3 lb in a day to the agency. Rehabilitation potential good. Discharge to self care when goals met.`)}</tr></table>`
  const sign = `<div class="bs-run">${esc(upperLastFirst(p))} · HI Claim ${claim}</div>
<table class="bs-form"><tr>${box(23, "Nurse's signature and date of verbal SOC", `${r.pick(['Marisol Etxeberria, RN', 'Gunnar Pohl, RN'])} · ${mdy(date)}`)}${box(24, "Physician's name and address", `${PRACTICE.clinicians[0]!}<br>${PRACTICE.name}<br>${PRACTICE.street}, ${PRACTICE.town}`)}</tr>
<tr>${box(25, 'Date HHA received signed POT', '')}${box(26, 'Physician certification', `I certify that this patient is confined to ${their(p)} home and needs intermittent skilled nursing care and physical therapy.`)}</tr>
<tr>${box(27, "Attending physician's signature and date signed", '<br><br>______________________________ &nbsp; ____/____/______')}${box(28, 'Penalty notice', 'Anyone who misrepresents, falsifies or conceals essential information required for payment may be subject to fine, imprisonment or civil penalty.')}</tr></table>`
  const bodies = n === 2 ? [first, `${orders}${sign.replace(/<div class="bs-run">[^<]*<\/div>/, '')}`] : [first, orders, sign]
  return {
    writer: 'bluestem-poc',
    type: 'other',
    sender: BLUESTEM.name,
    fax: BLUESTEM.fax,
    date,
    title: 'Home Health Certification and Plan of Care',
    sheets: bodies.map((b, k) => ({ html: `${b}<div class="bs-page">Page ${k + 1} of ${n}</div>`, naming: k === 0 ? 'full' : 'name' })),
    numbered: true,
    runningTitle: true,
  }
}

export const SERVICES_CSS = `
.td-head { margin-bottom: 6pt } .td-name { font-weight: bold; font-size: 13pt; color: #0b4f4a } .td-title { font-weight: bold; margin: 3pt 0; font-size: 11pt }
.td-pt { width: 100%; font-size: 9pt; border: 1pt solid #0b4f4a } .td-pt td { padding: 2pt 5pt }
.td-grid { width: 100%; font-size: 8.5pt } .td-grid th, .td-grid td { border: 0.5pt solid #666; padding: 3pt 3pt } .td-grid th { background: #dfeeed }
.td-run { font-size: 9pt; border-bottom: 1pt solid #0b4f4a; margin-bottom: 8pt } .td-note { font-size: 8.5pt; margin-top: 8pt }
.ch-head { text-align: right; border-bottom: 3pt double #5b3a29 } .ch-name { font-family: 'DejaVu Serif', serif; font-size: 16pt; color: #5b3a29 } .ch-sub { font-size: 8pt }
.ch-title { font-size: 12pt } .ch-pt { width: 100%; font-size: 9.5pt } .ch-pt td { border-bottom: 0.5pt dotted #999; padding: 2pt } .ch-foot { font-size: 7.5pt; color: #555; margin-top: 18pt }
.dc-head { display: flex; gap: 10pt; align-items: center } .dc-seal { border: 2pt solid #000; border-radius: 50%; width: 42pt; height: 42pt; text-align: center; line-height: 42pt; font-weight: bold }
.dc-name { font-weight: bold; font-size: 12pt } .dc-title { margin: 10pt 0 6pt; font-weight: bold; text-decoration: underline }
.dc-box { width: 100%; font-size: 9.5pt } .dc-box td { border: 1pt solid #000; padding: 3pt } .dc-foot { position: absolute; bottom: 0.4in; left: 0.75in; right: 0.75in; text-align: center; font-size: 8pt }
.dc-run { font-size: 9pt; border-bottom: 1pt solid #000; margin-bottom: 8pt }
.bp-bar { background: #f39c12; color: #fff; padding: 6pt 8pt; display: flex; justify-content: space-between; font-weight: bold } .bp-logo { font-size: 16pt }
.bp-title { font-size: 13pt; margin: 8pt 0 } .bp-cols { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 8pt }
.bp-t { width: 100% } .bp-t th { text-align: left; width: 28%; background: #fdf2e0; padding: 4pt; border: 0.5pt solid #e0c9a0 } .bp-t td { padding: 4pt; border: 0.5pt solid #e0c9a0 }
.bp-note { font-size: 8pt; color: #555; margin-top: 12pt }
.bs-top { display: flex; justify-content: space-between; font-size: 10pt; border: 1.5pt solid #000; padding: 3pt }
.bs-form { width: 100%; font-size: 8.5pt; table-layout: fixed } .bs-form td { border: 1pt solid #000; padding: 3pt; vertical-align: top } .bs-no { font-weight: bold } .bs-v { font-size: 9.5pt; margin-top: 2pt }
.bs-run { font-size: 8.5pt; margin-bottom: 4pt } .bs-page { position: absolute; bottom: 0.35in; right: 0.75in; font-size: 8pt }
`
