/**
 * Lists of the fourth blind set: Willowbrook Post-Acute & Rehabilitation's medication list at
 * discharge (one or two pages of table, the second naming the resident in a small header), the
 * state immunization registry's print-out, and a pharmacy's medication profile in a monospaced
 * print.
 */
import {
  addDays,
  ageOn,
  CENTER,
  dashMon,
  esc,
  lastFirst,
  mdy,
  pickN,
  senderNumber,
  upperLastFirst,
  type Sheet,
  type WriteCtx,
  type Written,
} from './kit.js'

export const LIST_CSS = `
.wb { font-family: 'DejaVu Sans', sans-serif; font-size: 9.4pt }
.wb .t { font-size: 13pt; font-weight: bold; border-bottom: 4px solid #6b4e9b; padding-bottom: 3px }
.wb .t small { display: block; font-size: 8pt; font-weight: normal }
.wb .res { margin: 6px 0 8px; font-size: 9pt }
.wb table { width: 100% }
.wb td, .wb th { border: 1px solid #888; padding: 3px 4px; font-size: 8.6pt; text-align: left; vertical-align: top }
.wb th { background: #e6e0ef }
.ir { font-family: 'Nimbus Sans', Arial, sans-serif; font-size: 9.6pt }
.ir .seal { border: 2px solid #000; padding: 6px 10px; text-align: center }
.ir .seal b { font-size: 12pt; display: block }
.ir table { width: 100%; margin-top: 8px }
.ir td, .ir th { border-bottom: 1px solid #999; padding: 2px 4px; font-size: 8.8pt; text-align: left }
.ir .note { font-size: 8pt; margin-top: 10px }
.rx { font-family: 'Nimbus Mono PS', 'DejaVu Sans Mono', monospace; font-size: 9.2pt; white-space: pre; line-height: 1.25 }
`

const WB = { name: 'Willowbrook Post-Acute & Rehabilitation', fax: '208-555-0955' }
const DRUGS = [
  ['Acetaminophen 500 mg tab', '2 tabs by mouth every 6 hours as needed for pain', 'max 3 g/day'],
  ['Amlodipine 5 mg tab', '1 tab by mouth daily', 'hold SBP < 100'],
  ['Apixaban 2.5 mg tab', '1 tab by mouth twice daily', ''],
  ['Atorvastatin 20 mg tab', '1 tab by mouth at bedtime', ''],
  ['Calcium carbonate-vitamin D 600 mg-400 unit', '1 tab by mouth twice daily', ''],
  ['Docusate sodium 100 mg cap', '1 cap by mouth twice daily', 'hold for loose stools'],
  ['Donepezil 5 mg tab', '1 tab by mouth at bedtime', ''],
  ['Enoxaparin 40 mg/0.4 mL', 'inject subcutaneously daily until ' + 'follow-up', 'stop date on order'],
  ['Furosemide 20 mg tab', '1 tab by mouth every morning', 'daily weights'],
  ['Gabapentin 100 mg cap', '1 cap by mouth three times daily', ''],
  ['Levothyroxine 75 mcg tab', '1 tab by mouth before breakfast', ''],
  ['Metoprolol tartrate 25 mg tab', '1 tab by mouth twice daily', 'hold HR < 55'],
  ['Omeprazole 20 mg cap', '1 cap by mouth daily', ''],
  ['Polyethylene glycol 17 g', 'by mouth daily as needed', ''],
  ['Senna 8.6 mg tab', '2 tabs by mouth at bedtime', ''],
  ['Tamsulosin 0.4 mg cap', '1 cap by mouth after supper', ''],
  ['Vitamin B12 1000 mcg tab', '1 tab by mouth daily', ''],
] as const

/** A discharge medication list: 1 or 2 pages of table; the second names the resident in a small header line. */
export function willowbrookMeds(c: WriteCtx): Written {
  const { r, p } = c
  const two = r.chance(0.5)
  const drugs = pickN(r, DRUGS, two ? r.int(13, 16) : r.int(6, 9))
  const row = ([d, how, note]: readonly [string, string, string]) =>
    `<tr><td>${d}</td><td>${how}</td><td>${note}</td><td>${mdy(addDays(c.date, -r.int(0, 1)))} ${r.pick(['08:00', '09:00', '20:00', '21:00'])}</td><td>${r.pick(['Continue', 'Continue', 'New', 'Changed'])}</td></tr>`
  const head = `<tr><th>Medication</th><th>Directions</th><th>Notes</th><th>Last given</th><th>Status</th></tr>`
  const cut = two ? 9 : drugs.length
  const first = `<div class="wb"><div class="t">Discharge Medication List<small>${WB.name} &middot; 1800 Willow Creek Rd, Millbrook ID 83297 &middot; Nursing 208-555-0954 &middot; Fax ${WB.fax}</small></div>
<div class="res">Resident: <b>${esc(lastFirst(p))}</b> &nbsp; DOB ${mdy(p.birth)} &nbsp; Room ${r.int(101, 148)}${r.pick(['A', 'B'])} &nbsp; Admitted ${mdy(addDays(c.date, -r.int(9, 40)))} &nbsp; Discharged ${mdy(c.date)}<br>
Allergies: ${r.pick(['NKDA', 'Sulfa', 'Morphine (nausea)', 'Latex'])} &nbsp; Discharged to: ${r.pick(['home with spouse', 'home alone with home health', 'daughter\u2019s home'])} &nbsp; PCP: ${CENTER.short}</div>
<table>${head}${drugs.slice(0, cut).map(row).join('')}</table>
${two ? '<p style="font-size:8pt">Continued on next page</p>' : `<p>Reconciled by ${r.pick(['Beatrix Nolan, RN', 'Samuel Oduro, LPN'])} and reviewed with the resident. Bring this list to every appointment.</p>`}</div>`
  const sheets: Sheet[] = [{ html: first, naming: 'full' }]
  if (two)
    sheets.push({
      html: `<div class="wb"><p style="font-size:8pt">Discharge Medication List &middot; ${esc(upperLastFirst(p))}</p><table>${head}${drugs.slice(cut).map(row).join('')}</table>
<p>Reconciled by ${r.pick(['Beatrix Nolan, RN', 'Samuel Oduro, LPN'])} and reviewed with the resident. Bring this list to every appointment.</p>
<p>Resident / representative signature: ______________________ &nbsp; Date: __________</p></div>`,
      naming: 'name',
    })
  return {
    writer: 'willowbrook-meds',
    type: 'other',
    sender: WB.name,
    fax: WB.fax,
    date: c.date,
    title: 'Discharge Medication List',
    sheets,
    numbered: false,
    runningTitle: two,
  }
}

const IR = { name: 'Idaho Immunization Reminder Information System', fax: '208-555-0977' }
const VACCINES = [
  ['Td/Tdap', 'Boostrix', 'GSK'],
  ['Influenza, quadrivalent', 'Fluarix', 'GSK'],
  ['Influenza, high dose', 'Fluzone HD', 'Sanofi Pasteur'],
  ['COVID-19 mRNA 2025-26', 'Comirnaty', 'Pfizer'],
  ['Pneumococcal conjugate PCV20', 'Prevnar 20', 'Pfizer'],
  ['Zoster recombinant', 'Shingrix', 'GSK'],
  ['Hepatitis B', 'Heplisav-B', 'Dynavax'],
  ['HPV 9-valent', 'Gardasil 9', 'Merck'],
  ['MMR', 'M-M-R II', 'Merck'],
  ['Meningococcal ACWY', 'MenQuadfi', 'Sanofi Pasteur'],
] as const

/** The registry print-out: a table of doses given, with who gave them; one page. */
export function registryImmunizations(c: WriteCtx): Written {
  const { r, p } = c
  const given = pickN(r, VACCINES, r.int(6, 10))
    .map((v) => ({ v, d: addDays(c.date, -r.int(30, 3000)) }))
    .sort((a, b) => a.d.localeCompare(b.d))
  const html = `<div class="ir"><div class="seal"><b>IRIS &mdash; Immunization Record</b>Idaho Immunization Reminder Information System &middot; Official record &middot; Printed ${mdy(c.date)} for ${CENTER.short}</div>
<table><tr><td>Name: <b>${esc(p.family)}, ${esc(p.given)} ${esc(p.middle)}</b></td><td>Birth date: ${mdy(p.birth)}</td><td>Sex: ${p.sex}</td></tr><tr><td>IRIS ID: ${senderNumber('', p, 'iris', 9)}</td><td colspan="2">Address: ${esc(p.street)}, ${esc(p.town)}</td></tr></table>
<table><tr><th>Vaccine</th><th>Date given</th><th>Trade name</th><th>Manufacturer</th><th>Lot</th><th>Administered by</th><th>VIS date</th></tr>
${given
  .map(
    ({ v, d }) =>
      `<tr><td>${v[0]}</td><td>${mdy(d)}</td><td>${v[1]}</td><td>${v[2]}</td><td>${r.pick(['K', 'T', 'X', 'E'])}${r.int(1000, 9999)}${r.pick(['A', 'B', 'C'])}</td><td>${r.pick([CENTER.short, 'Millbrook Pharmacy', 'Panhandle Health District', 'Saint Aldhelm RMC'])}</td><td>${mdy(addDays(d, -r.int(100, 700)))}</td></tr>`,
  )
  .join('')}</table>
<p class="note">Age at print: ${ageOn(p.birth, c.date)} years. This record contains only doses reported to IRIS. Recommendations follow the ACIP schedule in force on the print date.</p></div>`
  return {
    writer: 'registry-immunizations',
    type: 'immunization_record',
    sender: IR.name,
    fax: IR.fax,
    date: c.date,
    title: 'Immunization Record',
    sheets: [{ html, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}

const RX = { name: 'Gooseneck Family Pharmacy', fax: '208-555-0988' }

/** A pharmacy's medication profile, monospaced, one page. */
export function pharmacyProfile(c: WriteCtx): Written {
  const { r, p } = c
  const fills = pickN(r, DRUGS, r.int(5, 9)).map(([d]) => {
    const filled = addDays(c.date, -r.int(2, 80))
    return `${dashMon(filled)}  ${d.padEnd(44).slice(0, 44)} ${String(r.int(30, 90)).padStart(3)}  ${r.int(0, 5)} RF  ${r.pick(['WHITCOMBE N', 'PELLETIER E', 'BRIGHTWATER Y', 'VOSS S'])}`
  })
  const text = [
    'GOOSENECK FAMILY PHARMACY            PATIENT MEDICATION PROFILE',
    '14 Front St, Gooseneck ID 83296      Ph 208-555-0987  Fax ' + RX.fax,
    '='.repeat(74),
    `PATIENT : ${upperLastFirst(p)}`,
    `DOB     : ${mdy(p.birth)}     RX PT# ${senderNumber('', p, 'gooseneck', 6)}`,
    `ADDRESS : ${p.street.toUpperCase()}, ${p.town.toUpperCase()} ID`,
    `ALLERGY : ${r.pick(['NKDA', 'PCN', 'SULFA', 'CODEINE'])}`,
    `PROFILE DATES ${mdy(addDays(c.date, -90))} - ${mdy(c.date)}`,
    '-'.repeat(74),
    'FILLED       DRUG                                         QTY  RF   PRESCRIBER',
    '-'.repeat(74),
    ...fills,
    '-'.repeat(74),
    `REQUESTED BY ${CENTER.short.toUpperCase()} FOR MEDICATION RECONCILIATION`,
    `PRINTED ${mdy(c.date)} BY RPH ${r.pick(['M. OSTROWSKI', 'D. KAHANANUI'])}`,
  ]
    .map(esc)
    .join('\n')
  return {
    writer: 'pharmacy-profile',
    type: 'other',
    sender: RX.name,
    fax: RX.fax,
    date: c.date,
    title: 'Patient Medication Profile',
    sheets: [{ html: `<div class="rx">${text}</div>`, naming: 'full' }],
    numbered: false,
    runningTitle: false,
  }
}
