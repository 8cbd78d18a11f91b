/**
 * A small hospital laboratory's flowsheet printed landscape (eleven result dates across) and
 * fed through the copier or the fax the long way: on the sheet the text runs up or down the
 * page. The second page, when there is one, carries on the table with no header, no patient
 * line and no title, only the print footer.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import { addDays, DESK, esc, lastFirstUpper, senderId, time, us, type Doc, type WriteOpts } from './common.js'

const SW = {
  name: 'Sweetgrass Hills Laboratory Services',
  addr: 'Liberty County Hospital campus, 802 Main St, Chester MT 59522',
  fax: '(406) 555-0271',
}

type Row = [name: string, unit: string, ref: string, base: number, spread: number, dp: number, lo?: number, hi?: number]

const PANELS: Record<'chem' | 'heme', { title: string; rows: Row[] }> = {
  chem: {
    title: 'CHEMISTRY FLOWSHEET',
    rows: [
      ['Sodium', 'mmol/L', '136-145', 139, 8, 0, 136, 145],
      ['Potassium', 'mmol/L', '3.5-5.1', 4.4, 1.4, 1, 3.5, 5.1],
      ['Chloride', 'mmol/L', '98-107', 102, 8, 0, 98, 107],
      ['CO2', 'mmol/L', '22-29', 25, 6, 0, 22, 29],
      ['Anion gap', 'mmol/L', '5-15', 11, 6, 0],
      ['Glucose', 'mg/dL', '70-99', 126, 60, 0, 70, 99],
      ['BUN', 'mg/dL', '8-23', 24, 16, 0, 8, 23],
      ['Creatinine', 'mg/dL', '0.57-1.11', 1.3, 0.9, 2, 0.57, 1.11],
      ['eGFR', 'mL/min', '>60', 55, 30, 0],
      ['Calcium', 'mg/dL', '8.4-10.2', 9.1, 1.2, 1, 8.4, 10.2],
      ['Magnesium', 'mg/dL', '1.6-2.6', 2, 0.7, 1, 1.6, 2.6],
      ['Phosphorus', 'mg/dL', '2.5-4.5', 3.9, 1.8, 1, 2.5, 4.5],
      ['Albumin', 'g/dL', '3.5-5.2', 3.6, 1, 1, 3.5, 5.2],
      ['Total protein', 'g/dL', '6.4-8.3', 6.9, 1.2, 1],
      ['AST', 'U/L', '5-34', 30, 30, 0, 5, 34],
      ['ALT', 'U/L', '0-55', 34, 30, 0, 0, 55],
      ['Alk phos', 'U/L', '40-150', 104, 60, 0, 40, 150],
      ['Bilirubin, total', 'mg/dL', '0.2-1.2', 0.8, 0.8, 1, 0.2, 1.2],
      ['Lipase', 'U/L', '8-78', 40, 40, 0, 8, 78],
      ['Troponin I, hs', 'ng/L', '<35', 14, 20, 0, undefined, 35],
      ['BNP', 'pg/mL', '<100', 160, 220, 0, undefined, 100],
      ['Lactate', 'mmol/L', '0.5-2.2', 1.6, 1.6, 1, 0.5, 2.2],
    ],
  },
  heme: {
    title: 'HEMATOLOGY / COAGULATION FLOWSHEET',
    rows: [
      ['WBC', 'x10^3/uL', '4.0-10.5', 8.4, 6, 1, 4, 10.5],
      ['RBC', 'x10^6/uL', '4.00-5.40', 4.3, 1, 2, 4, 5.4],
      ['Hemoglobin', 'g/dL', '12.0-16.0', 11.8, 3.4, 1, 12, 16],
      ['Hematocrit', '%', '36.0-46.0', 36, 10, 1, 36, 46],
      ['MCV', 'fL', '80-100', 91, 12, 0, 80, 100],
      ['MCH', 'pg', '27-33', 30, 4, 1],
      ['RDW', '%', '11.5-14.5', 14, 3, 1, 11.5, 14.5],
      ['Platelets', 'x10^3/uL', '150-400', 210, 180, 0, 150, 400],
      ['MPV', 'fL', '7.5-11.5', 9.4, 2.4, 1],
      ['Neutrophils %', '%', '40-74', 66, 24, 0, 40, 74],
      ['Lymphocytes %', '%', '19-48', 22, 18, 0, 19, 48],
      ['Monocytes %', '%', '3-9', 7, 5, 0, 3, 9],
      ['Eosinophils %', '%', '0-7', 2, 4, 0],
      ['Abs neutrophils', 'x10^3/uL', '1.8-7.7', 5.6, 5, 1, 1.8, 7.7],
      ['Reticulocytes', '%', '0.5-2.0', 1.4, 1.6, 1, 0.5, 2],
      ['PT', 'sec', '11.7-14.5', 16, 10, 1, 11.7, 14.5],
      ['INR', '', '0.9-1.1', 1.9, 1.8, 1, 0.9, 1.1],
      ['aPTT', 'sec', '23-36', 31, 14, 0, 23, 36],
      ['Fibrinogen', 'mg/dL', '200-400', 330, 160, 0, 200, 400],
      ['D-dimer', 'ug/mL FEU', '<0.50', 0.6, 1, 2, undefined, 0.5],
      ['Ferritin', 'ng/mL', '11-307', 88, 140, 0, 11, 307],
      ['Iron', 'ug/dL', '50-170', 64, 60, 0, 50, 170],
    ],
  },
}

/** The landscape sheet turned on the portrait page: content 11in wide and 8.5in high, turned a quarter either way. */
const turned = (body: string, clockwise: boolean) =>
  `<div class="ls-in" style="transform:${clockwise ? 'translate(8.5in,0) rotate(90deg)' : 'translate(0,11in) rotate(-90deg)'}">${body}</div>`

/**
 * A one- or two-page landscape flowsheet. The panel is chemistry or hematology and coagulation;
 * one person's two flowsheets of one day differ in nothing but the panel's title and rows.
 */
export function swFlowsheet(p: Person, r: Rand, o: WriteOpts): Doc {
  const panel = PANELS[(o.variant ?? r.int(0, 1)) % 2 === 0 ? 'chem' : 'heme']
  const cols = [-1, 0]
  while (cols.length < 11) cols.unshift(cols[0]! - r.int(1, 9))
  const dates = cols.map((d) => addDays(o.date, d))
  const cell = (row: Row) =>
    dates
      .map((_, i) => {
        if (i < dates.length - 2 && r.chance(0.25)) return '<td></td>'
        const [, , , base, spread, dp, lo, hi] = row
        const x = Math.max(0, base + (r.next() - 0.5) * spread)
        const flag = lo != null && x < lo ? ' L' : hi != null && x > hi ? ' H' : ''
        return `<td>${x.toFixed(dp)}${flag}</td>`
      })
      .join('')
  const head = `<tr><th>Test</th>${dates.map((d) => `<th>${us(d).slice(0, 5)}<br>${time(r)}</th>`).join('')}<th>Units</th><th>Ref</th></tr>`
  const body = (rows: Row[]) =>
    rows.map((row) => `<tr><td>${row[0]}</td>${cell(row)}<td>${row[1]}</td><td>${esc(row[2])}</td></tr>`).join('')
  const twoPages = r.chance(0.6)
  const split = twoPages ? r.int(12, 15) : panel.rows.length
  const rows = twoPages ? panel.rows : panel.rows.slice(0, r.int(13, 16))
  const printed = `${us(addDays(o.date, r.int(0, 2)))} ${time(r)}`
  const user = r.pick(['HIMREQ', 'LISPRT3', 'RPTQUEUE'])
  const foot = `<div class="ls-foot">Printed ${printed} by ${user} &middot; CONFIDENTIAL PATIENT INFORMATION</div>`
  const mrn = `SH${senderId(p, 'sweetgrass', 6)}`
  const top = `<table style="width:100%;border-bottom:2px solid #000"><tr><td><b style="font-size:13pt">${SW.name}</b><br><span class="small">${SW.addr} &middot; Fax ${SW.fax}</span></td>
<td class="right"><b style="font-size:12pt">${panel.title}</b><br><span class="small">${us(dates[0]!)} - ${us(dates[dates.length - 1]!)}</span></td></tr></table>
<table style="width:100%;margin:4px 0 6px 0" class="small"><tr><td><b>${esc(lastFirstUpper(p))}</b></td><td>DOB ${us(p.birthDate)} (${p.sex})</td><td>Lab MRN ${mrn}</td>
<td>Ordering: ${DESK.doctor[Number(senderId(p, 'swdoc', 1)) % 3]}</td><td>Client: ${DESK.name}</td></tr></table>`
  const end = `<p class="small" style="margin-top:6px">H = high, L = low. Blank cell: not ordered on that date. Results before ${us(dates[2]!)} were verified at the referring site.</p>
<p class="small">Medical director: Halvard Bjornstad-Kaye, MD &middot; CLIA 27D0000000 &middot; *** END OF FLOWSHEET ***</p>`
  const table = (rs: Row[], withHead: boolean) => `<table class="flow">${withHead ? head : ''}${body(rs)}</table>`
  const clockwise = r.chance(0.5)
  const pages = twoPages
    ? [
        turned(`${top}${table(rows.slice(0, split), true)}${foot}`, clockwise),
        turned(`${table(rows.slice(split), false)}${end}${foot}`, clockwise),
      ]
    : [turned(`${top}${table(rows, true)}${end}${foot}`, clockwise)]
  return {
    writer: 'swFlowsheet',
    type: 'lab_report',
    sender: SW.name,
    senderFax: SW.fax,
    title: panel.title,
    date: o.date,
    style: 'sw',
    pages,
    numbered: false,
    runningTitle: false,
    midSentence: false,
    landscape: true,
  }
}
