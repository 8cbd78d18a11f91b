/**
 * Made-up outside medical records in house styles the samples generator does not draw:
 * letters on letterheads with drawn logos, lab printouts with result tables, discharge
 * summaries, consult notes, boxed forms, two-column reports, 8-pt fine print, sparse last
 * pages and handwriting-like notes. Every patient, clinician and clinic here is invented.
 * Written apart from samples/lib on purpose: nothing here was used to tune chartclerk.
 */
import { art, cat, el, htmlPage, squiggle, type Frag } from './html.js'

export const HOUSE_STYLES = ['letter', 'lab', 'discharge', 'consult', 'form', 'two-column', 'small-print', 'sparse', 'handwritten'] as const
export type HouseStyle = (typeof HOUSE_STYLES)[number]

/** mulberry32: small, seeded, the same pages on every machine. */
export class Rand {
  private s: number
  constructor(seed: string) {
    let h = 2166136261
    for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
    this.s = h >>> 0
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!
  }
  some<T>(xs: readonly T[], n: number): T[] {
    const pool = [...xs]
    const out: T[] = []
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!)
    return out
  }
}

const GIVEN = [
  'Ingrid',
  'Tobias',
  'Marisol',
  'Eamon',
  'Hortense',
  'Kwame',
  'Beatrix',
  'Osvaldo',
  'Philippa',
  'Rashid',
  'Wilhelmina',
  'Cornelius',
  'Yolanda',
  'Fergus',
  'Annelise',
  'Dmitri',
]
const FAMILY = [
  'Vandermeer',
  'Okonkwo',
  'Halvorsen',
  'Quintero',
  'Blackwood',
  'Szymanski',
  'Achterberg',
  'Mbeki',
  'Fairweather',
  'Lindgren',
  'Carrington',
  'Petrossian',
  'Ashdown',
  'Ruiz-Tagle',
  'Moynihan',
  'Eberhardt',
]
const CLINICS = [
  {
    name: 'Cedar Hollow Cardiology Associates',
    street: '1187 Marlowe Avenue, Suite 310',
    city: 'Duluth, MN 55802',
    phone: '(218) 555-0147',
    fax: '(218) 555-0148',
  },
  {
    name: 'Saltmarsh Valley Family Practice',
    street: '42 Harbor Light Road',
    city: 'Beaufort, SC 29902',
    phone: '(843) 555-0192',
    fax: '(843) 555-0193',
  },
  {
    name: 'Northgate Pulmonary and Sleep Center',
    street: '900 Kestrel Parkway, Building C',
    city: 'Boise, ID 83706',
    phone: '(208) 555-0116',
    fax: '(208) 555-0117',
  },
  {
    name: 'Ironwood Gastroenterology Clinic',
    street: '7 Foundry Square',
    city: 'Lowell, MA 01852',
    phone: '(978) 555-0175',
    fax: '(978) 555-0176',
  },
  {
    name: 'Prairie Rose Endocrinology',
    street: '3350 Bluestem Drive',
    city: 'Salina, KS 67401',
    phone: '(785) 555-0133',
    fax: '(785) 555-0134',
  },
]
const LABS = ['Tri-County Reference Laboratory', 'Summit Clinical Laboratories', 'Brightwater Pathology Services']
const HOSPITALS = ['St. Aldric Regional Medical Center', 'Mercy Crossing Hospital', 'Lakeshore General Hospital']
const SPECIALTIES = ['Cardiology', 'Nephrology', 'Rheumatology', 'Pulmonology', 'Endocrinology', 'Gastroenterology']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const SENTENCES = [
  'She describes intermittent palpitations lasting several minutes, usually in the evening.',
  'He has noticed swelling of both ankles that improves overnight with elevation.',
  'There is no history of syncope, chest pressure or exertional dyspnea.',
  'Her home glucose readings range from 140 to 210 before breakfast.',
  'The echocardiogram shows a preserved ejection fraction of 55 percent with mild mitral regurgitation.',
  'He stopped smoking eleven years ago and drinks alcohol only on weekends.',
  'We discussed the risks and benefits of anticoagulation at some length.',
  'A sleep study demonstrated moderate obstructive apnea with an index of 24 events per hour.',
  'Colonoscopy revealed two small sessile polyps in the ascending colon, both removed.',
  'Thyroid function tests were repeated after the dose of levothyroxine was adjusted.',
  'Her knee pain is worse on stairs and eases with rest and ice.',
  'Blood pressure in the office today was 148 over 92 on the left arm.',
  'I have asked him to keep a food and symptom diary for the next four weeks.',
  'The rash on her forearms has faded since the new detergent was stopped.',
  'Spirometry after bronchodilator showed a modest improvement in the forced expiratory volume.',
  'He will return for a fasting lipid panel and a basic metabolic panel in six weeks.',
  'She was counselled on a low sodium diet and gentle daily walking.',
  'Pathology confirmed a benign tubular adenoma without high grade dysplasia.',
  'We will reduce the furosemide to twenty milligrams once daily.',
  'The patient and her husband agree with this plan and had no further questions.',
  'An ultrasound of the abdomen showed a mildly enlarged liver with no focal lesion.',
  'He denies fever, night sweats or unintended weight loss.',
  'Please send copies of any recent imaging to our office before the next visit.',
  'Her hemoglobin has risen steadily since the iron infusions in August.',
  'The cough has persisted for nine weeks despite a course of azithromycin.',
  'We have arranged a Holter monitor for forty eight hours next Tuesday.',
  'Physical therapy twice weekly is recommended for the lumbar strain.',
  'There were no complications and estimated blood loss was minimal.',
]
const DIAGNOSES = [
  'Community acquired pneumonia, right lower lobe',
  'Acute on chronic diastolic heart failure',
  'Type 2 diabetes mellitus with hyperglycemia',
  'Atrial fibrillation with rapid ventricular response',
  'Acute kidney injury, resolved',
  'Chronic obstructive pulmonary disease exacerbation',
  'Cellulitis of the left lower leg',
  'Iron deficiency anemia',
  'Hypokalemia',
  'Essential hypertension',
]
const MEDICATIONS = [
  'Metoprolol succinate 50 mg by mouth once daily',
  'Apixaban 5 mg by mouth twice daily',
  'Atorvastatin 40 mg by mouth at bedtime',
  'Lisinopril 10 mg by mouth once daily',
  'Metformin 1000 mg by mouth twice daily with meals',
  'Furosemide 20 mg by mouth every morning',
  'Cephalexin 500 mg by mouth four times daily for 7 days',
  'Potassium chloride 20 mEq by mouth once daily',
  'Albuterol inhaler 2 puffs every 4 hours as needed',
  'Ferrous sulfate 325 mg by mouth every other day',
]
const TESTS: [string, string, number, number, number][] = [
  // name, units, low, high, decimals
  ['Sodium', 'mmol/L', 136, 145, 0],
  ['Potassium', 'mmol/L', 3.5, 5.1, 1],
  ['Chloride', 'mmol/L', 98, 107, 0],
  ['Carbon dioxide', 'mmol/L', 22, 29, 0],
  ['Glucose', 'mg/dL', 70, 99, 0],
  ['Urea nitrogen', 'mg/dL', 7, 20, 0],
  ['Creatinine', 'mg/dL', 0.6, 1.2, 2],
  ['Calcium', 'mg/dL', 8.6, 10.3, 1],
  ['Albumin', 'g/dL', 3.5, 5.0, 1],
  ['Total bilirubin', 'mg/dL', 0.2, 1.2, 1],
  ['Alkaline phosphatase', 'U/L', 44, 147, 0],
  ['ALT', 'U/L', 7, 56, 0],
  ['AST', 'U/L', 10, 40, 0],
  ['White blood cells', 'K/uL', 4.5, 11.0, 1],
  ['Hemoglobin', 'g/dL', 12.0, 15.5, 1],
  ['Hematocrit', '%', 36, 46, 1],
  ['Platelets', 'K/uL', 150, 400, 0],
  ['Hemoglobin A1c', '%', 4.0, 5.6, 1],
  ['TSH', 'mIU/L', 0.4, 4.0, 2],
  ['LDL cholesterol', 'mg/dL', 0, 99, 0],
]

interface Person {
  given: string
  family: string
  dob: string
  mrn: string
}

function pad2(n: number) {
  return String(n).padStart(2, '0')
}
function patient(r: Rand): Person {
  return {
    given: r.pick(GIVEN),
    family: r.pick(FAMILY),
    dob: `${pad2(r.int(1, 12))}/${pad2(r.int(1, 28))}/${r.int(1931, 1999)}`,
    mrn: `${r.int(10, 99)}-${r.int(100, 999)}-${r.int(1000, 9999)}`,
  }
}
function clinician(r: Rand): string {
  return `${r.pick(GIVEN)} ${r.pick(FAMILY)}`
}
function longDate(r: Rand): string {
  return `${r.pick(MONTHS)} ${r.int(1, 28)}, 2026`
}
function shortDate(r: Rand): string {
  return `${pad2(r.int(1, 12))}/${pad2(r.int(1, 28))}/2026`
}
function paragraph(r: Rand, n: number): string {
  return r.some(SENTENCES, n).join(' ')
}

/** A logo drawn as shapes: a ring with a cross, a leaf, or stacked bars. */
function logo(r: Rand): Frag {
  const hue = r.pick(['#1d4e89', '#2e6b3a', '#7a1f2b', '#444'])
  const kind = r.int(0, 2)
  if (kind === 0)
    return art(
      `<svg width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="29" fill="none" stroke="${hue}" stroke-width="5"/><rect x="26" y="12" width="12" height="40" fill="${hue}"/><rect x="12" y="26" width="40" height="12" fill="${hue}"/></svg>`,
    )
  if (kind === 1)
    return art(
      `<svg width="64" height="64" viewBox="0 0 64 64"><path d="M8 56 C 8 20, 40 6, 58 6 C 58 30, 44 56, 8 56 Z" fill="${hue}"/><path d="M10 54 L 50 14" stroke="#fff" stroke-width="3"/></svg>`,
    )
  return art(
    `<svg width="70" height="56" viewBox="0 0 70 56"><rect x="0" y="30" width="14" height="26" fill="${hue}"/><rect x="18" y="18" width="14" height="38" fill="${hue}"/><rect x="36" y="6" width="14" height="50" fill="${hue}"/><polygon points="54,56 70,56 70,0" fill="${hue}" opacity="0.6"/></svg>`,
  )
}

export interface PageContent {
  house: HouseStyle
  html: string
  /** The printed words, in reading order (top to bottom; a left column before the right). */
  truth: string
}

export function makeContent(house: HouseStyle, seed: string, opts: { tilt?: number } = {}): PageContent {
  const r = new Rand(`${house}:${seed}`)
  const built = BUILDERS[house](r)
  return { house, ...htmlPage(built.body, built.css, opts) }
}

const BUILDERS: Record<HouseStyle, (r: Rand) => { body: Frag; css: string }> = {
  letter(r) {
    const c = r.pick(CLINICS)
    const p = patient(r)
    const doc = clinician(r)
    const to = clinician(r)
    const font = r.pick(['Liberation Serif', 'P052', 'URW Bookman', 'Nimbus Roman'])
    const body = cat(
      el(
        'div',
        'class="head"',
        logo(r),
        el(
          'div',
          'class="lh"',
          el('div', 'class="org"', c.name),
          el('div', '', c.street),
          el('div', '', `${c.city}   Phone ${c.phone}   Fax ${c.fax}`),
        ),
      ),
      art('<hr>'),
      el('p', '', longDate(r)),
      el('p', '', el('div', '', `Dr. ${to}`), el('div', '', r.pick(HOSPITALS)), el('div', '', 'Department of Internal Medicine')),
      el('p', 'class="re"', `RE: ${p.given} ${p.family}   DOB: ${p.dob}   MRN: ${p.mrn}`),
      el('p', '', `Dear Dr. ${to.split(' ')[1]},`),
      el('p', '', `Thank you for referring ${p.given} ${p.family} for evaluation. ${paragraph(r, 3)}`),
      el('p', '', paragraph(r, 3)),
      el('p', '', paragraph(r, 2)),
      el('p', '', 'With kind regards,'),
      squiggle(r.int(0, 99)),
      el('div', '', `${doc}, MD`),
      el('div', '', r.pick(SPECIALTIES)),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 11.5pt; line-height: 1.35 } .head { display: flex; gap: 16px; align-items: center } .org { font-size: 17pt; font-weight: bold } hr { border: 0; border-top: 2px solid #333; margin: 8px 0 18px } .re { font-weight: bold } p { margin: 0 0 10px }`,
    }
  },

  lab(r) {
    const p = patient(r)
    const lab = r.pick(LABS)
    const font = r.pick(['Liberation Mono', 'Nimbus Mono PS', 'Liberation Sans Narrow', 'Nimbus Sans'])
    const tests = r.some(TESTS, r.int(12, 16))
    const rows = tests.map(([name, units, lo, hi, dp]) => {
      const v = r.chance(0.3) ? (r.chance(0.5) ? hi * r.float(1.05, 1.4) : lo * r.float(0.6, 0.95)) : r.float(lo, hi)
      const flag = v > hi ? 'H' : v < lo ? 'L' : ''
      return el(
        'tr',
        '',
        el('td', '', name),
        el('td', 'class="n"', v.toFixed(dp)),
        el('td', 'class="f"', flag),
        el('td', '', units),
        el('td', '', `${lo.toFixed(dp)}-${hi.toFixed(dp)}`),
      )
    })
    const body = cat(
      el('div', 'class="bar"', `${lab.toUpperCase()}   FINAL REPORT`),
      el(
        'table',
        'class="demo"',
        el('tr', '', el('td', '', `Patient: ${p.family}, ${p.given}`), el('td', '', `DOB: ${p.dob}`), el('td', '', `MRN: ${p.mrn}`)),
        el(
          'tr',
          '',
          el('td', '', `Ordering: ${clinician(r)}, MD`),
          el('td', '', `Collected: ${shortDate(r)} 07:${pad2(r.int(0, 59))}`),
          el('td', '', `Accession: L${r.int(1000000, 9999999)}`),
        ),
      ),
      el('h2', '', 'COMPREHENSIVE CHEMISTRY AND HEMATOLOGY'),
      el(
        'table',
        'class="res"',
        el('tr', '', el('th', '', 'Test'), el('th', '', 'Result'), el('th', '', 'Flag'), el('th', '', 'Units'), el('th', '', 'Reference')),
        ...rows,
      ),
      el('p', 'class="note"', 'H = above reference range. L = below reference range. Results were reviewed by the laboratory director.'),
      el('p', 'class="note"', `Performed at ${lab}, ${r.int(100, 999)} Commerce Way. End of report.`),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 10pt } .bar { background: #d8d8d8; font-weight: bold; padding: 6px 8px; font-size: 12pt } table { border-collapse: collapse; width: 100% } .demo td { padding: 4px 6px; border-bottom: 1px solid #999 } h2 { font-size: 11pt; margin: 18px 0 6px } .res th { text-align: left; border-bottom: 2px solid #000; padding: 4px 6px } .res td { padding: 4px 6px } .res tr:nth-child(even) td { background: #eee } .n { text-align: right } .f { font-weight: bold } .note { font-size: 9pt; margin-top: 14px }`,
    }
  },

  discharge(r) {
    const p = patient(r)
    const font = r.pick(['Liberation Sans', 'Nimbus Sans', 'URW Gothic', 'DejaVu Sans Condensed'])
    const body = cat(
      el('div', 'class="hosp"', r.pick(HOSPITALS)),
      el('h1', '', 'DISCHARGE SUMMARY'),
      el(
        'table',
        '',
        el('tr', '', el('td', '', `Patient: ${p.given} ${p.family}`), el('td', '', `MRN: ${p.mrn}`)),
        el('tr', '', el('td', '', `Admitted: ${shortDate(r)}`), el('td', '', `Discharged: ${shortDate(r)}`)),
        el('tr', '', el('td', '', `Attending: ${clinician(r)}, MD`), el('td', '', `DOB: ${p.dob}`)),
      ),
      el('h3', '', 'Discharge Diagnoses'),
      el('ol', '', ...r.some(DIAGNOSES, 3).map((d) => el('li', '', d))),
      el('h3', '', 'Hospital Course'),
      el('p', '', paragraph(r, 4)),
      el('h3', '', 'Discharge Medications'),
      el('ul', '', ...r.some(MEDICATIONS, 4).map((m) => el('li', '', m))),
      el('h3', '', 'Follow-up'),
      el('p', '', `See primary care within 7 days. ${paragraph(r, 1)}`),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 10.5pt; line-height: 1.3 } .hosp { font-size: 10pt; color: #333 } h1 { font-size: 16pt; margin: 4px 0 10px; border-bottom: 3px double #000 } table { width: 100%; margin-bottom: 6px } td { padding: 2px 0 } h3 { font-size: 11pt; margin: 12px 0 4px; background: #e4e4e4; padding: 2px 4px } ol, ul { margin: 0; padding-left: 24px } p { margin: 0 }`,
    }
  },

  consult(r) {
    const p = patient(r)
    const spec = r.pick(SPECIALTIES)
    const font = r.pick(['C059', 'Liberation Serif', 'P052'])
    const row = (k: string, v: string) => el('tr', '', el('th', '', k), el('td', '', v))
    const body = cat(
      el('h1', '', `${spec.toUpperCase()} CONSULTATION`),
      el(
        'table',
        'class="kv"',
        row('Patient', `${p.family}, ${p.given}`),
        row('Date of birth', p.dob),
        row('Date of service', longDate(r)),
        row('Requested by', `${clinician(r)}, MD`),
        row('Reason', r.pick(DIAGNOSES)),
      ),
      el('h2', '', 'History of Present Illness'),
      el('p', '', paragraph(r, 4)),
      el('h2', '', 'Examination'),
      el(
        'p',
        '',
        `Pulse ${r.int(58, 104)}, respirations ${r.int(12, 22)}, temperature ${r.float(36.2, 37.9).toFixed(1)} C, weight ${r.int(52, 118)} kg. ${paragraph(r, 1)}`,
      ),
      el('h2', '', 'Assessment and Plan'),
      el('p', '', paragraph(r, 3)),
      el('p', 'class="sig"', `Electronically signed by ${clinician(r)}, MD on ${shortDate(r)} at ${r.int(10, 18)}:${pad2(r.int(0, 59))}`),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 11pt; line-height: 1.35 } h1 { font-size: 15pt; text-align: center; letter-spacing: 1px } .kv th { text-align: left; width: 1.7in; font-weight: bold; vertical-align: top; padding: 2px 0 } .kv td { padding: 2px 0 } h2 { font-size: 12pt; font-style: italic; margin: 14px 0 4px } p { margin: 0 0 6px } .sig { margin-top: 24px; font-size: 10pt }`,
    }
  },

  form(r) {
    const p = patient(r)
    const font = r.pick(['Liberation Sans', 'Nimbus Sans Narrow', 'URW Gothic'])
    const box = (label: string, value: string, w: number) =>
      el('div', `class="box" style="width:${w}%"`, el('span', 'class="lab"', label), el('span', 'class="val"', value))
    const check = (label: string, on: boolean) => el('span', 'class="ck"', el('span', 'class="sq"', on ? 'X' : ''), label)
    const yes = r.next() < 0.5
    const body = cat(
      el(
        'div',
        'class="title"',
        el('div', '', 'AUTHORIZATION FOR RELEASE OF HEALTH INFORMATION'),
        el('div', 'class="sub"', `${r.pick(CLINICS).name}   Form HIM-${r.int(100, 999)}`),
      ),
      el('div', 'class="row"', box('Last name', p.family, 40), box('First name', p.given, 35), box('DOB', p.dob, 25)),
      el(
        'div',
        'class="row"',
        box('Address', `${r.int(10, 9999)} ${r.pick(['Juniper', 'Tamarack', 'Linden', 'Sycamore'])} Lane`, 60),
        box('Phone', `(${r.int(200, 989)}) 555-${r.int(1000, 9999)}`, 40),
      ),
      el('div', 'class="row"', box('Release to', r.pick(HOSPITALS), 60), box('Fax', `(${r.int(200, 989)}) 555-${r.int(1000, 9999)}`, 40)),
      el('div', 'class="sect"', 'Information to be released'),
      el(
        'div',
        'class="checks"',
        check('Discharge summary', r.next() < 0.6),
        check('Laboratory results', r.next() < 0.6),
        check('Imaging reports', r.next() < 0.5),
        check('Progress notes', r.next() < 0.5),
      ),
      el('div', 'class="sect"', 'Purpose of the release'),
      el('div', 'class="checks"', check('Continuity of care', yes), check('Insurance', !yes), check('Personal use', false)),
      el(
        'p',
        'class="small"',
        'This authorization expires one year from the date signed unless revoked in writing. Treatment will not be conditioned on signing this form.',
      ),
      el('div', 'class="row"', box('Signature', '', 60), box('Date', shortDate(r), 40)),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 11pt } .title { border: 3px solid #000; padding: 8px; text-align: center; font-weight: bold; font-size: 13pt; margin-bottom: 14px } .sub { font-weight: normal; font-size: 10pt; margin-top: 4px } .row { display: flex; margin-bottom: -2px } .box { border: 2px solid #000; margin-right: -2px; padding: 6px 8px 10px; box-sizing: border-box; min-height: 0.55in } .lab { font-size: 8pt; font-weight: bold; display: block; margin-bottom: 4px } .val { font-size: 12pt } .sect { margin: 16px 0 6px; font-weight: bold; border-bottom: 1px solid #000 } .checks { display: flex; flex-wrap: wrap; gap: 10px 28px } .ck { display: inline-flex; align-items: center; gap: 6px } .sq { display: inline-block; width: 14px; height: 14px; border: 1.5px solid #000; font-size: 11pt; line-height: 14px; text-align: center; font-weight: bold } .small { font-size: 9pt; margin: 18px 0 10px }`,
    }
  },

  'two-column'(r) {
    const font = r.pick(['Liberation Serif', 'Nimbus Roman', 'C059'])
    const col = () => el('div', 'class="col"', ...Array.from({ length: 4 }, () => el('p', '', paragraph(r, 3))))
    const body = cat(
      el(
        'div',
        'class="mast"',
        logo(r),
        el(
          'div',
          '',
          el('div', 'class="t"', `${r.pick(HOSPITALS)} Care Bulletin`),
          el('div', '', `Quarterly report to referring physicians, ${r.pick(['spring', 'summer', 'autumn', 'winter'])} 2026`),
        ),
      ),
      el('div', 'class="cols"', col(), col()),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 10.5pt; line-height: 1.3 } .mast { display: flex; gap: 14px; align-items: center; border-bottom: 2px solid #000; padding-bottom: 8px; margin-bottom: 14px } .t { font-size: 16pt; font-weight: bold } .cols { display: flex; gap: 0.35in } .col { flex: 1; text-align: justify } p { margin: 0 0 9px; text-indent: 1.2em }`,
    }
  },

  'small-print'(r) {
    const p = patient(r)
    const font = r.pick(['Liberation Sans', 'Nimbus Sans', 'Liberation Serif'])
    const body = cat(
      el('h1', '', 'PATIENT INSTRUCTIONS AFTER YOUR PROCEDURE'),
      el('div', 'class="who"', `${p.given} ${p.family}   MRN ${p.mrn}   ${longDate(r)}`),
      ...Array.from({ length: 9 }, (_, i) => el('p', '', el('b', '', `${i + 1}.`), paragraph(r, 4))),
      el('p', 'class="last"', `Questions after hours: call ${r.pick(CLINICS).phone} and ask for the physician on call.`),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 8pt; line-height: 1.25 } h1 { font-size: 11pt; margin: 0 0 4px } .who { font-size: 8pt; margin-bottom: 8px } p { margin: 0 0 6px } .last { font-weight: bold }`,
    }
  },

  sparse(r) {
    const p = patient(r)
    const c = r.pick(CLINICS)
    const doc = clinician(r)
    const font = r.pick(['Liberation Serif', 'Liberation Sans', 'P052', 'Nimbus Sans'])
    const n = r.int(3, 5)
    const body = cat(
      el('div', 'class="hdr"', `${p.family}, ${p.given}   DOB ${p.dob}   Page ${n} of ${n}`),
      el('p', '', paragraph(r, r.int(1, 2))),
      el('p', 'class="close"', 'Sincerely,'),
      squiggle(r.int(0, 99)),
      el('div', '', `${doc}, ${r.pick(['MD', 'DO', 'NP'])}`),
      el('div', '', `${r.pick(SPECIALTIES)}, ${c.name}`),
      el(
        'div',
        'class="foot"',
        el('div', '', `${c.name}   ${c.street}, ${c.city}   Fax ${c.fax}`),
        el('div', '', 'CONFIDENTIAL: this message contains protected health information.'),
      ),
    )
    return {
      body,
      css: `body { font-family: '${font}'; font-size: 11pt; line-height: 1.4 } .hdr { font-size: 8.5pt; border-bottom: 1px solid #666; padding-bottom: 3px; margin-bottom: 26px } .close { margin-top: 22px } .foot { position: absolute; bottom: 0.5in; left: 0.75in; right: 0.75in; font-size: 7.5pt; text-align: center; border-top: 1px solid #666; padding-top: 4px }`,
    }
  },

  handwritten(r) {
    const p = patient(r)
    const hand = r.pick(['Humor Sans', 'Breip', 'Z003'])
    const lines = r.some(SENTENCES, 7)
    const body = cat(
      el(
        'div',
        'class="pre"',
        el('div', 'class="t"', 'PROGRESS NOTE'),
        el('div', '', `Patient: ${p.given} ${p.family}   DOB: ${p.dob}   Visit: ${shortDate(r)}`),
      ),
      el('div', 'class="hand"', ...lines.map((l) => el('p', '', l)), el('p', '', `f/u ${r.int(2, 8)} weeks`)),
      el('div', 'class="pre"', `Clinician: ${clinician(r)}`),
    )
    return {
      body,
      css: `body { font-family: 'Liberation Sans'; font-size: 10pt } .pre { border: 1.5px solid #000; padding: 6px 8px; margin-bottom: 12px } .t { font-weight: bold; font-size: 13pt } .hand { font-family: '${hand}'; font-size: ${hand === 'Z003' ? 17 : 14}pt; color: #1a237e; line-height: 2; padding: 0 6px 16px; background: repeating-linear-gradient(#fff 0, #fff calc(2em - 1px), #9bb 2em) } .hand p { margin: 0 }`,
    }
  },
}
