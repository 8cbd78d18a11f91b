/**
 * House styles of the split benchmark: outside documents drawn the way five made-up
 * senders print them, written for this benchmark alone (not the samples' records, not
 * the classifier's training styles), so the splitter is measured on styles it was not
 * tuned on. Each template draws its own pages into one pdfkit document.
 */
import PDFDocument from 'pdfkit'
import type { Rng } from '../../samples/lib/rng.js'
import type { BenchPatient } from './patients.js'

export type BenchDocType = 'discharge_summary' | 'lab_report' | 'consult_note' | 'roi_authorization' | 'radiology_report'

export interface DocRequest {
  patient: BenchPatient
  /** Pages this document has (templates honour 1-3). */
  pages: number
  /** "Page x of N" (in the template's own wording) on every page, or no total printed at all. */
  pageMarkers: boolean
  /** The day the document speaks of, YYYY-MM-DD. */
  date: string
  rng: Rng
}

export interface Template {
  id: string
  type: BenchDocType
  facility: string
  /** Pages a document of this style may have. */
  pageRange: [number, number]
  draw(doc: PDFKit.PDFDocument, req: DocRequest): void
}

const W = 612
const H = 792

// ---------------------------------------------------------------------------------------
// Dates and names as each sender prints them.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number]
const mdy = (iso: string) => {
  const [y, m, d] = parts(iso)
  return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`
}
const dMonY = (iso: string) => {
  const [y, m, d] = parts(iso)
  return `${String(d).padStart(2, '0')}-${MONTHS[m - 1]!.toUpperCase()}-${y}`
}
const longDate = (iso: string) => {
  const [y, m, d] = parts(iso)
  return `${MONTHS_LONG[m - 1]} ${d}, ${y}`
}
export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}
const age = (p: BenchPatient, on: string) =>
  Number(on.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (on.slice(5) < p.birthDate.slice(5) ? 1 : 0)
const upperName = (p: BenchPatient) => `${p.familyName.toUpperCase()}, ${p.givenName.toUpperCase()}`
const pronoun = (p: BenchPatient) => (p.sex === 'F' ? 'she' : 'he')

// ---------------------------------------------------------------------------------------
// Drawing helpers.

function text(
  doc: PDFKit.PDFDocument,
  s: string,
  x: number,
  y: number,
  o: { font?: string; size?: number; width?: number; align?: 'left' | 'center' | 'right' } = {},
): number {
  doc.font(o.font ?? 'Helvetica').fontSize(o.size ?? 10)
  doc.text(s, x, y, { width: o.width ?? W - x - 54, align: o.align ?? 'left', lineGap: 1.5 })
  return doc.y
}
function rule(doc: PDFKit.PDFDocument, y: number, x0 = 54, x1 = W - 54, width = 0.8): void {
  doc.save().lineWidth(width).moveTo(x0, y).lineTo(x1, y).stroke().restore()
}
function squiggle(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc
    .save()
    .lineWidth(1.3)
    .moveTo(x, y)
    .bezierCurveTo(x + 18, y - 22, x + 30, y + 12, x + 50, y - 6)
    .bezierCurveTo(x + 64, y - 18, x + 80, y + 8, x + 110, y - 3)
    .stroke()
    .restore()
}

/** Paragraph sections laid out from `y`, each a bold heading and a paragraph; returns where they end. */
function sections(
  doc: PDFKit.PDFDocument,
  list: [string, string][],
  y: number,
  o: { font: string; bold: string; size: number; x?: number },
): number {
  const x = o.x ?? 54
  for (const [head, body] of list) {
    y = text(doc, head, x, y, { font: o.bold, size: o.size + 0.5 }) + 2
    y = text(doc, body, x, y, { font: o.font, size: o.size }) + 9
  }
  return y
}

/** Deal `items` over `n` pages, keeping their order, the earlier pages taking the remainder. */
function deal<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => [])
  const per = Math.ceil(items.length / n)
  items.forEach((it, i) => out[Math.min(n - 1, Math.floor(i / per))]!.push(it))
  return out
}

// ---------------------------------------------------------------------------------------
// Clinical text pools (this benchmark's own wording).

const PROBLEMS = [
  {
    dx: 'community-acquired pneumonia of the right lower lobe',
    course: 'treated with ceftriaxone and azithromycin, then oral amoxicillin-clavulanate; oxygen weaned to room air on day three',
  },
  {
    dx: 'acute exacerbation of chronic obstructive pulmonary disease',
    course: 'nebulised bronchodilators, prednisone 40 mg daily for five days and doxycycline; ambulating without desaturation at discharge',
  },
  {
    dx: 'decompensated heart failure with reduced ejection fraction',
    course: 'intravenous furosemide with a net negative balance of 4.1 litres; weight down 3.8 kg; metoprolol succinate resumed',
  },
  {
    dx: 'acute pyelonephritis with sepsis',
    course: 'blood and urine cultures grew pan-sensitive E. coli; intravenous cefepime narrowed to oral cephalexin; lactate normalised',
  },
  {
    dx: 'small bowel obstruction from adhesions',
    course: 'bowel rest and nasogastric decompression; obstruction resolved without surgery; diet advanced to regular',
  },
]
const MEDS = [
  'lisinopril 10 mg daily',
  'atorvastatin 40 mg at bedtime',
  'metformin 500 mg twice daily',
  'apixaban 5 mg twice daily',
  'levothyroxine 75 mcg daily',
  'sertraline 50 mg daily',
  'amlodipine 5 mg daily',
  'tamsulosin 0.4 mg daily',
  'omeprazole 20 mg daily',
]
const SPECIALTIES = [
  {
    dept: 'Rheumatology',
    q: 'joint pain and morning stiffness of both hands',
    finding: 'synovitis of the second and third MCP joints bilaterally, raised CRP and a positive anti-CCP antibody',
    plan: 'methotrexate 15 mg weekly with folic acid, hand X-rays, and review in eight weeks',
  },
  {
    dept: 'Gastroenterology',
    q: 'iron deficiency anaemia',
    finding: 'a hemoglobin of 9.8 g/dL and ferritin of 6 ng/mL without overt bleeding',
    plan: 'bidirectional endoscopy next month and intravenous iron in the meantime',
  },
  {
    dept: 'Neurology',
    q: 'recurrent headaches with visual aura',
    finding: 'a normal neurological examination and no red-flag features',
    plan: 'propranolol 40 mg twice daily as prophylaxis and a headache diary',
  },
  {
    dept: 'Endocrinology',
    q: 'poorly controlled type 2 diabetes',
    finding: 'a hemoglobin A1c of 9.4% on metformin alone',
    plan: 'adding semaglutide with a slow dose increase and a dietitian referral',
  },
]
const EXAMS = [
  {
    exam: 'CT ABDOMEN AND PELVIS WITH IV CONTRAST',
    ind: 'Right lower quadrant pain.',
    findings:
      'The appendix is normal in caliber. No free fluid or free air. A 1.2 cm simple cyst in the left kidney. The bowel is unremarkable.',
    impression: 'No acute abdominal or pelvic process. Incidental simple left renal cyst, no follow-up needed.',
  },
  {
    exam: 'MRI LUMBAR SPINE WITHOUT CONTRAST',
    ind: 'Low back pain radiating to the left leg for six weeks.',
    findings:
      'Disc desiccation at L4-L5 and L5-S1. A left paracentral disc protrusion at L5-S1 contacts the descending left S1 nerve root. No fracture.',
    impression: 'L5-S1 left paracentral disc protrusion contacting the left S1 nerve root.',
  },
  {
    exam: 'ULTRASOUND THYROID',
    ind: 'Palpable thyroid nodule.',
    findings:
      'Right lobe 5.1 cm, left lobe 4.6 cm. A 1.8 cm solid hypoechoic nodule in the right lower pole with smooth margins and no calcifications.',
    impression: 'Right thyroid nodule, TI-RADS 4. Fine-needle aspiration is recommended.',
  },
]
const TESTS = [
  ['Sodium', 'mmol/L', 136, 145],
  ['Potassium', 'mmol/L', 3.5, 5.1],
  ['Chloride', 'mmol/L', 98, 107],
  ['Bicarbonate', 'mmol/L', 22, 29],
  ['Urea Nitrogen', 'mg/dL', 7, 20],
  ['Creatinine', 'mg/dL', 0.6, 1.2],
  ['Glucose, Fasting', 'mg/dL', 70, 99],
  ['Calcium', 'mg/dL', 8.6, 10.3],
  ['Total Protein', 'g/dL', 6.0, 8.3],
  ['Albumin', 'g/dL', 3.5, 5.0],
  ['ALT (SGPT)', 'U/L', 7, 56],
  ['AST (SGOT)', 'U/L', 10, 40],
  ['White Cell Count', 'x10^3/uL', 4.0, 11.0],
  ['Hemoglobin', 'g/dL', 12.0, 16.0],
  ['Platelet Count', 'x10^3/uL', 150, 400],
  ['TSH', 'uIU/mL', 0.4, 4.0],
] as const
const PHYSICIANS = [
  'Rosalind Achterberg, MD',
  'Tobias Ferreira-Lund, MD',
  'Heloise Karimi, MD',
  'Ambrose Nakashima, DO',
  'Wilhelmina Osei, MD',
  'Cyrus Baptiste-Hale, MD',
]

// ---------------------------------------------------------------------------------------
// 1. Mount Calder University Hospital: discharge summaries, serif, centred letterhead between double rules.

const calderDischarge: Template = {
  id: 'calder-discharge',
  type: 'discharge_summary',
  facility: 'Mount Calder University Hospital',
  pageRange: [2, 3],
  draw(doc, { patient: p, pages, pageMarkers, date, rng }) {
    const prob = rng.pick(PROBLEMS)
    const admit = addDays(date, -rng.int(3, 8))
    const attending = rng.pick(PHYSICIANS)
    const meds = rng.sample(MEDS, 4)
    const body: [string, string][] = [
      ['PRINCIPAL DIAGNOSIS', `${prob.dx[0]!.toUpperCase()}${prob.dx.slice(1)}.`],
      [
        'HISTORY OF PRESENT ILLNESS',
        `${p.givenName} ${p.familyName} is a ${age(p, admit)}-year-old who came to the emergency department with three days of worsening symptoms and was admitted to the medical service for ${prob.dx}.`,
      ],
      [
        'HOSPITAL COURSE',
        `The patient was ${prob.course}. ${pronoun(p)[0]!.toUpperCase()}${pronoun(p).slice(1)} remained hemodynamically stable for the rest of the stay and was seen by physical therapy before discharge.`,
      ],
      ['PROCEDURES', rng.chance(0.5) ? 'None.' : 'Peripherally inserted central catheter placed and removed before discharge.'],
      ['CONDITION AT DISCHARGE', 'Stable, afebrile, tolerating a regular diet, walking independently.'],
      ['DISCHARGE MEDICATIONS', meds.join('; ') + '.'],
      [
        'FOLLOW-UP',
        `Primary care within seven days. Repeat basic metabolic panel at that visit. Return to the emergency department for fever, shortness of breath or chest pain.`,
      ],
      [
        'DISPOSITION',
        rng.pick(['Home with family.', 'Home with home health nursing.', 'Skilled nursing facility for short-term rehabilitation.']),
      ],
    ]
    const perPage = deal(body, pages)
    for (let i = 0; i < pages; i++) {
      doc.addPage({ size: 'LETTER', margin: 0 })
      let y: number
      if (i === 0) {
        rule(doc, 48, 54, W - 54, 1.6)
        rule(doc, 52)
        text(doc, 'MOUNT CALDER UNIVERSITY HOSPITAL', 54, 60, { font: 'Times-Bold', size: 17, align: 'center', width: W - 108 })
        text(doc, '1400 Observatory Road, Calder Falls, PA 17844  |  Health Information Management (814) 555-0162', 54, 82, {
          font: 'Times-Roman',
          size: 9,
          align: 'center',
          width: W - 108,
        })
        rule(doc, 98)
        rule(doc, 102, 54, W - 54, 1.6)
        text(doc, 'DISCHARGE SUMMARY', 54, 116, { font: 'Times-Bold', size: 14, align: 'center', width: W - 108 })
        const rows: [string, string][] = [
          ['Patient', `${p.familyName}, ${p.givenName}`],
          ['Date of Birth', mdy(p.birthDate)],
          ['Medical Record No.', p.hospitalMrn],
          ['Admitted', mdy(admit)],
          ['Discharged', mdy(date)],
          ['Attending', attending],
        ]
        rows.forEach(([k, v], j) => {
          const cx = j % 2 === 0 ? 54 : 320
          const cy = 144 + Math.floor(j / 2) * 16
          text(doc, `${k}:`, cx, cy, { font: 'Times-Bold', size: 10.5, width: 110 })
          text(doc, v, cx + 112, cy, { font: 'Times-Roman', size: 10.5, width: 150 })
        })
        rule(doc, 196)
        y = 208
      } else {
        text(doc, `Mount Calder University Hospital - Discharge Summary (continued)`, 54, 50, { font: 'Times-Italic', size: 9.5 })
        text(doc, `${upperName(p)}   DOB ${mdy(p.birthDate)}   MRN ${p.hospitalMrn}`, 54, 64, { font: 'Times-Roman', size: 9.5 })
        rule(doc, 80)
        y = 94
      }
      y = sections(doc, perPage[i]!, y, { font: 'Times-Roman', bold: 'Times-Bold', size: 10.5 })
      if (i === pages - 1) {
        squiggle(doc, 60, y + 26)
        text(doc, `${attending}, Attending Physician`, 54, y + 36, { font: 'Times-Roman', size: 10.5 })
        text(doc, `Dictated ${mdy(date)}  Transcribed ${mdy(addDays(date, 1))}`, 54, y + 50, { font: 'Times-Italic', size: 9 })
      }
      if (pageMarkers) text(doc, `Page ${i + 1} of ${pages}`, 54, H - 48, { font: 'Times-Roman', size: 9, align: 'center', width: W - 108 })
      text(doc, 'CONFIDENTIAL PATIENT INFORMATION', 54, H - 36, { font: 'Times-Roman', size: 7.5, align: 'center', width: W - 108 })
    }
  },
}

// ---------------------------------------------------------------------------------------
// 2. Pellham Ridge Clinical Laboratory: monospaced printouts in a boxed header.

const pellhamLab: Template = {
  id: 'pellham-lab',
  type: 'lab_report',
  facility: 'Pellham Ridge Clinical Laboratory',
  pageRange: [1, 2],
  draw(doc, { patient: p, pages, pageMarkers, date, rng }) {
    const accession = `PR${date.replace(/-/g, '').slice(2)}-${rng.int(1000, 9999)}`
    const printOurMrn = rng.chance(0.6)
    const tests = TESTS.slice(0, pages === 1 ? rng.int(8, 12) : 16)
    const perPage = deal([...tests], pages)
    for (let i = 0; i < pages; i++) {
      doc.addPage({ size: 'LETTER', margin: 0 })
      doc
        .save()
        .lineWidth(1.2)
        .rect(40, 40, W - 80, 92)
        .stroke()
        .restore()
      text(doc, 'PELLHAM RIDGE CLINICAL LABORATORY', 50, 48, { font: 'Courier-Bold', size: 13 })
      text(doc, '77 Foundry Lane, Pellham, WV 26101   CLIA 51D2290417   Tel (304) 555-0118', 50, 64, { font: 'Courier', size: 8 })
      text(doc, `PATIENT: ${upperName(p)}`, 50, 82, { font: 'Courier-Bold', size: 9.5, width: 300 })
      text(doc, `DOB: ${mdy(p.birthDate)}  SEX: ${p.sex}`, 350, 82, { font: 'Courier', size: 9.5, width: 220 })
      text(doc, printOurMrn ? `CLIENT MRN: ${p.mrn}` : `LAB PATIENT ID: ${p.hospitalMrn}`, 50, 96, {
        font: 'Courier',
        size: 9.5,
        width: 300,
      })
      text(doc, `ACCESSION: ${accession}`, 350, 96, { font: 'Courier', size: 9.5, width: 220 })
      text(doc, `COLLECTED: ${dMonY(date)} 07:${rng.int(10, 59)}  REPORTED: ${dMonY(addDays(date, 1))}`, 50, 110, {
        font: 'Courier',
        size: 9.5,
      })
      let y = 150
      if (i === 0) {
        text(doc, 'FINAL REPORT - COMPREHENSIVE METABOLIC PANEL / CBC / TSH', 50, y, { font: 'Courier-Bold', size: 10 })
        y += 22
      }
      text(doc, 'TEST                     RESULT    FLAG   UNITS        REFERENCE', 50, y, { font: 'Courier-Bold', size: 9.5 })
      y += 16
      for (const [name, unit, lo, hi] of perPage[i]!) {
        const dec = hi < 20 ? 1 : 0
        const out = rng.chance(0.2)
        const v = out ? (rng.chance(0.5) ? hi * rng.float(1.05, 1.4) : lo * rng.float(0.6, 0.95)) : rng.float(lo, hi)
        const flag = v > hi ? 'H' : v < lo ? 'L' : ''
        const row = `${name.padEnd(25)}${v.toFixed(dec).padStart(6)}    ${flag.padEnd(5)}  ${unit.padEnd(12)} ${lo}-${hi}`
        text(doc, row, 50, y, { font: 'Courier', size: 9.5 })
        y += 15
      }
      if (i < pages - 1) text(doc, '*** CONTINUED ON NEXT PAGE ***', 50, y + 12, { font: 'Courier-Bold', size: 9.5 })
      else {
        text(
          doc,
          `Verified by: ${rng.pick(['M. Oduya, MLS(ASCP)', 'K. Brandvold, MT', 'S. Iqbal, MLS'])}   Laboratory Director: Gideon Faure, MD`,
          50,
          y + 16,
          { font: 'Courier', size: 8.5 },
        )
        text(doc, '*** END OF REPORT ***', 50, y + 32, { font: 'Courier-Bold', size: 9.5 })
      }
      if (pageMarkers) text(doc, `PAGE ${i + 1} OF ${pages}`, W - 160, H - 44, { font: 'Courier', size: 9, width: 110, align: 'right' })
      text(doc, `PRINTED ${dMonY(addDays(date, 1))}`, 50, H - 44, { font: 'Courier', size: 8, width: 200 })
    }
  },
}

// ---------------------------------------------------------------------------------------
// 3. Bellwether Valley Hospital: a specialist's consultation letter, logo block on the left.

const bellwetherConsult: Template = {
  id: 'bellwether-consult',
  type: 'consult_note',
  facility: 'Bellwether Valley Hospital',
  pageRange: [1, 2],
  draw(doc, { patient: p, pages, pageMarkers, date, rng }) {
    const sp = rng.pick(SPECIALTIES)
    const author = rng.pick(PHYSICIANS)
    const paras = [
      `Thank you for asking me to see ${p.givenName} ${p.familyName}, a ${age(p, date)}-year-old seen today in the ${sp.dept} clinic for ${sp.q}.`,
      `History: symptoms began some months ago and have slowly worsened. Current medicines are ${rng.sample(MEDS, 2).join(' and ')}. No known drug allergies.`,
      `Examination and results: I found ${sp.finding}.`,
      `Impression: the picture fits the referral question, and I have discussed the diagnosis and its outlook with the patient today.`,
      `Recommendations: ${sp.plan}. I will write again after the next visit; please do not hesitate to call with any questions.`,
    ]
    const perPage = deal(paras, pages)
    for (let i = 0; i < pages; i++) {
      doc.addPage({ size: 'LETTER', margin: 0 })
      let y: number
      if (i === 0) {
        doc.save().rect(54, 46, 46, 46).fill('#333333').restore()
        doc.fillColor('white')
        text(doc, 'BV', 54, 60, { font: 'Helvetica-Bold', size: 18, width: 46, align: 'center' })
        doc.fillColor('black')
        text(doc, 'Bellwether Valley Hospital', 112, 48, { font: 'Helvetica-Bold', size: 15 })
        text(doc, `Department of ${sp.dept}  -  9 Meadowlark Parkway, Bellwether, MN 55960  -  Tel (507) 555-0136`, 112, 68, {
          font: 'Helvetica',
          size: 8.5,
        })
        text(doc, 'CONSULTATION REPORT', 112, 80, { font: 'Helvetica-Bold', size: 9, width: 300 })
        text(doc, longDate(date), 54, 120, { size: 10.5 })
        text(doc, 'Cedar Commons Community Health Center\n220 Alder Street, Millbrook, OH 43950', 54, 142, { size: 10.5 })
        text(doc, `Re: ${p.givenName} ${p.familyName}   Date of birth: ${longDate(p.birthDate)}   Hospital no. ${p.hospitalMrn}`, 54, 182, {
          font: 'Helvetica-Bold',
          size: 10.5,
        })
        text(doc, 'Dear Colleague,', 54, 206, { size: 10.5 })
        y = 226
      } else {
        text(doc, `Re: ${p.givenName} ${p.familyName}, born ${mdy(p.birthDate)} - continued`, 54, 50, {
          font: 'Helvetica-Oblique',
          size: 9.5,
        })
        y = 78
      }
      for (const para of perPage[i]!) y = text(doc, para, 54, y, { size: 10.5 }) + 10
      if (i === pages - 1) {
        y = text(doc, 'Yours sincerely,', 54, y + 6, { size: 10.5 })
        squiggle(doc, 60, y + 24)
        text(doc, `${author}\nConsultant, ${sp.dept}\nElectronically signed ${mdy(date)}`, 54, y + 34, { size: 10.5 })
      }
      if (pageMarkers) text(doc, `${i + 1}/${pages}`, W - 100, H - 44, { size: 9, width: 46, align: 'right' })
    }
  },
}

// ---------------------------------------------------------------------------------------
// 4. Wrenfield Family & Women's Clinic: authorization to release health information, a form.

const wrenfieldRelease: Template = {
  id: 'wrenfield-release',
  type: 'roi_authorization',
  facility: "Wrenfield Family & Women's Clinic",
  pageRange: [1, 1],
  draw(doc, { patient: p, pageMarkers, date, rng }) {
    doc.addPage({ size: 'LETTER', margin: 0 })
    text(doc, "WRENFIELD FAMILY & WOMEN'S CLINIC", 54, 50, { font: 'Helvetica-Bold', size: 13, align: 'right', width: W - 108 })
    text(doc, '31 Tern Street, Wrenfield, ME 04096  |  Records fax (207) 555-0109', 54, 68, { size: 8.5, align: 'right', width: W - 108 })
    doc
      .save()
      .rect(54, 90, W - 108, 26)
      .fill('#dddddd')
      .restore()
    text(doc, 'AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION', 60, 98, { font: 'Helvetica-Bold', size: 11.5, width: W - 120 })
    const field = (label: string, value: string, x: number, y: number, w: number) => {
      text(doc, label, x, y, { size: 8, width: w })
      text(doc, value, x + 2, y + 11, { font: 'Courier-Bold', size: 11, width: w })
      rule(doc, y + 26, x, x + w - 10, 0.6)
    }
    field('Patient name (last, first)', `${p.familyName}, ${p.givenName}`, 54, 130, 250)
    field('Date of birth', mdy(p.birthDate), 304, 130, 120)
    field('Clinic record no.', p.hospitalMrn, 424, 130, 134)
    let y = 176
    y = text(doc, "I authorize Wrenfield Family & Women's Clinic to disclose the records checked below to:", 54, y, { size: 10 }) + 4
    y =
      text(doc, 'Cedar Commons Community Health Center, 220 Alder Street, Millbrook, OH 43950, fax (740) 555-0141', 72, y, {
        font: 'Courier',
        size: 10,
      }) + 10
    const boxes = [
      'Office visit notes',
      'Laboratory results',
      'Imaging reports',
      'Immunization record',
      'Discharge summaries',
      'Entire record',
    ]
    const ticked = new Set(rng.sample(boxes, rng.int(1, 3)))
    boxes.forEach((b, i) => {
      const bx = 72 + (i % 3) * 170
      const by = y + Math.floor(i / 3) * 18
      doc.save().lineWidth(0.8).rect(bx, by, 9, 9).stroke().restore()
      if (ticked.has(b)) text(doc, 'X', bx + 1.5, by - 0.5, { font: 'Helvetica-Bold', size: 9, width: 10 })
      text(doc, b, bx + 15, by, { size: 9.5, width: 150 })
    })
    y += 46
    y =
      text(
        doc,
        `Purpose of the disclosure: ${rng.pick(['continuity of care', 'transfer of care to a new primary care provider', 'at the request of the patient'])}.`,
        54,
        y,
        { size: 10 },
      ) + 8
    y =
      text(
        doc,
        'This authorization expires one year from the date signed unless I revoke it earlier in writing. I understand that information disclosed may be re-disclosed by the recipient and no longer protected by federal privacy rules. My treatment does not depend on signing this form. Sensitive information (mental health, substance use, HIV) is released only if initialled here: ____',
        54,
        y,
        { size: 9.5 },
      ) + 30
    squiggle(doc, 64, y)
    rule(doc, y + 8, 54, 330, 0.6)
    text(doc, 'Signature of patient or legal representative', 54, y + 12, { size: 8 })
    text(doc, mdy(date), 360, y - 6, { font: 'Courier-Bold', size: 11 })
    rule(doc, y + 8, 350, 480, 0.6)
    text(doc, 'Date', 350, y + 12, { size: 8 })
    text(doc, `Form WF-ROI-07 rev. 2024${pageMarkers ? '   Page 1 of 1' : ''}`, 54, H - 44, { size: 7.5 })
  },
}

// ---------------------------------------------------------------------------------------
// 5. Greyfriars Bend Medical Center: imaging reports under a grey banner, two-column header.

const greyfriarsImaging: Template = {
  id: 'greyfriars-imaging',
  type: 'radiology_report',
  facility: 'Greyfriars Bend Medical Center',
  pageRange: [1, 1],
  draw(doc, { patient: p, pageMarkers, date, rng }) {
    const ex = rng.pick(EXAMS)
    const reader = rng.pick(PHYSICIANS)
    doc.addPage({ size: 'LETTER', margin: 0 })
    doc.save().rect(0, 36, W, 40).fill('#c8c8c8').restore()
    text(doc, 'Greyfriars Bend Medical Center  |  Diagnostic Imaging', 54, 48, { font: 'Helvetica-Bold', size: 14 })
    text(doc, '5 Abbey Close, Greyfriars Bend, KY 41465  tel (606) 555-0127', 54, 82, { size: 8.5 })
    const left: [string, string][] = [
      ['NAME', upperName(p)],
      ['DOB', `${dMonY(p.birthDate)} (${age(p, date)}y ${p.sex})`],
      ['MRN', p.hospitalMrn],
    ]
    const right: [string, string][] = [
      ['EXAM DATE', dMonY(date)],
      ['ACCESSION', `GB${rng.int(1000000, 9999999)}`],
      ['ORDERED BY', 'Cedar Commons CHC'],
    ]
    left.forEach(([k, v], i) => text(doc, `${k.padEnd(6)} ${v}`, 54, 104 + i * 14, { font: 'Courier', size: 10, width: 270 }))
    right.forEach(([k, v], i) => text(doc, `${k}: ${v}`, 330, 104 + i * 14, { font: 'Courier', size: 10, width: 230 }))
    rule(doc, 152)
    let y = text(doc, ex.exam, 54, 164, { font: 'Helvetica-Bold', size: 12 }) + 10
    y = sections(
      doc,
      [
        ['CLINICAL INDICATION:', ex.ind],
        ['TECHNIQUE:', 'Standard protocol. Comparison: none available.'],
        ['FINDINGS:', ex.findings],
        ['IMPRESSION:', ex.impression],
      ],
      y,
      { font: 'Helvetica', bold: 'Helvetica-Bold', size: 10.5 },
    )
    text(doc, `Read by ${reader}, Radiologist.  Finalized ${dMonY(date)} ${rng.int(10, 18)}:${rng.int(10, 59)}.`, 54, y + 8, {
      font: 'Helvetica-Oblique',
      size: 9.5,
    })
    if (pageMarkers) text(doc, 'Page 1 of 1', 54, H - 44, { size: 8.5, align: 'center', width: W - 108 })
  },
}

export const TEMPLATES: readonly Template[] = [calderDischarge, pellhamLab, bellwetherConsult, wrenfieldRelease, greyfriarsImaging]

export function templateById(id: string): Template {
  const t = TEMPLATES.find((x) => x.id === id)
  if (!t) throw new Error(`no split-benchmark template ${id}`)
  return t
}

/** One document as a text-layer PDF (Letter), fixed metadata so the bytes repeat. */
export async function renderDocument(t: Template, req: DocRequest): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    info: { Producer: 'bench', Creator: 'bench', CreationDate: new Date(Date.UTC(2025, 0, 1)) },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  t.draw(doc, req)
  doc.end()
  return done
}
