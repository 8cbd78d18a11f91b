/**
 * A stack of made-up outside records as a copier would send it: the page texts of several
 * documents for several patients, and a text-layer PDF of them with a separator sheet where asked.
 */
import PDFDocument from 'pdfkit'

export interface StackDoc {
  /** Lines of each page. */
  pages: string[][]
}

const p = (s: string) => s.split('\n')

export const JOHNSON = 'Patient Name: JOHNSON, MICHAEL   DOB: 01/12/1975   MRN: CC-100418'
export const LINDQVIST = 'Patient: Lindqvist, Margaret    DOB: 02/09/1944    MRN: CC-101127'
export const OKAFOR = 'Patient Name: OKAFOR, BENJAMIN   DOB: 11/03/1971   MRN: CC-100562'

export function labReport(who: string, n: number, opts: { marker?: boolean } = {}): StackDoc {
  return {
    pages: [
      p(`Lakeside Medical Laboratory
12 Harbor Road, Portland ME
LABORATORY REPORT
${who}
Collected: 03/${10 + n}/2025   Reported: 03/${11 + n}/2025   Accession: L${400000 + n}
Test                 Result     Units     Reference Range
Glucose, fasting     ${88 + n}         mg/dL     70 - 99
Hemoglobin A1c       5.${n}        %         4.0 - 5.6
Creatinine           0.9        mg/dL     0.6 - 1.3
Sodium               139        mmol/L    135 - 145
Potassium            4.1        mmol/L    3.5 - 5.1
Specimen: serum. Method: enzymatic. Fasting specimen as requested by the ordering clinician.
Electronically signed by Dr. Lena Ortiz, MD on 03/${11 + n}/2025${opts.marker ? '\nPage 1 of 1' : ''}`),
    ],
  }
}

export function dischargeSummary(who: string, n: number, opts: { marker?: boolean } = {}): StackDoc {
  const m = (k: number) => (opts.marker ? `\nPage ${k} of 3` : '')
  return {
    pages: [
      p(`Mercy General Hospital
DISCHARGE SUMMARY
${who}
Admission Date: 02/0${n}/2025   Discharge Date: 02/1${n}/2025
Attending Physician: Dr. Samuel Park
Admitting diagnosis: community acquired pneumonia, right lower lobe.
Hospital course: The patient was admitted with fever, cough and hypoxia. Chest radiograph showed
a right lower lobe infiltrate. He was started on intravenous ceftriaxone and azithromycin and
improved steadily over the following days with supplemental oxygen weaned to room air.${m(1)}`),
      p(`Blood cultures remained negative. Renal function stayed normal throughout the admission and
electrolytes were replaced as needed. Physical therapy evaluated mobility before discharge and
found the patient safe to return home without services. Diet was advanced as tolerated and the
patient tolerated oral antibiotics well before discharge from the medical ward.
Discharge medications: amoxicillin clavulanate 875 mg twice daily for five more days,
albuterol inhaler as needed for wheeze, acetaminophen as needed for fever.${m(2)}`),
      p(`Follow up: primary care within one week; repeat chest radiograph in six weeks.
Condition at discharge: stable, ambulating independently, tolerating diet.
Instructions given to the patient and family, who voiced understanding of the plan.

Electronically signed by Dr. Samuel Park, MD on 02/1${n}/2025${m(3)}`),
    ],
  }
}

export function consultNote(who: string, n: number, opts: { marker?: boolean } = {}): StackDoc {
  const m = (k: number) => (opts.marker ? `\nPage ${k} of 2` : '')
  return {
    pages: [
      p(`Harbor Cardiology Associates
CARDIOLOGY CONSULTATION
${who}
Date of Service: 04/0${n}/2025    Referring: Dr. Priya Natarajan
Reason for consultation: palpitations and exertional chest discomfort for three weeks.
History of present illness: intermittent racing heartbeat lasting minutes, no syncope, mild
dyspnea on stairs. No prior cardiac history. Family history of coronary disease in father.${m(1)}`),
      p(`Examination: regular rhythm, no murmur, lungs clear, no edema.
ECG: sinus rhythm, normal intervals. Echocardiogram ordered.
Assessment and plan: likely benign palpitations; ambulatory monitor for fourteen days, return
in four weeks to review results. Thank you for this referral.

Electronically signed by Dr. Helen Brooks, MD on 04/0${n}/2025${m(2)}`),
    ],
  }
}

export const SEPARATOR_PAGE = ['CHARTCLERK', 'SEPARATOR SHEET', 'Do not file - place between documents']

export type StackItem = StackDoc | 'separator' | 'blank'

/** The page texts of a stack, in order (what extraction reads from the PDF). */
export function stackPages(items: readonly StackItem[]): string[] {
  const out: string[] = []
  for (const it of items) {
    if (it === 'separator') out.push(SEPARATOR_PAGE.join('\n'))
    else if (it === 'blank') out.push('')
    else for (const pg of it.pages) out.push(pg.join('\n'))
  }
  return out
}

/** A text-layer PDF of the stack, one sheet per page; the separator sheet in large letters. */
export function stackPdf(items: readonly StackItem[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false, info: { CreationDate: new Date(0) } as any })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    for (const it of items) {
      if (it === 'separator') {
        doc.addPage()
        doc.fontSize(44).text('CHARTCLERK', { align: 'center' }).text('SEPARATOR SHEET', { align: 'center' })
        doc.moveDown().fontSize(16).text('Do not file - place between documents', { align: 'center' })
      } else if (it === 'blank') {
        doc.addPage()
      } else {
        for (const pg of it.pages) {
          doc.addPage()
          doc.fontSize(11)
          for (const line of pg) doc.text(line)
        }
      }
    }
    doc.end()
  })
}

/**
 * A fax cover sheet in one of two house styles (neither is the classifier's training wording):
 * it announces the pages after it and names no clinical finding.
 */
export function faxCoverSheet(style: 'transmittal' | 'telefax', pages: number, about = 'requested records'): StackDoc {
  if (style === 'transmittal')
    return {
      pages: [
        p(`Birchwood Orthopaedic Associates
400 Alder Lane, Suite 2, Concord NH 03301
FACSIMILE TRANSMITTAL
Deliver to: Health Information Management    Fax #: (603) 555-0190
Sent by: R. Thibodeau, records clerk    Tel: (603) 555-0144
Date sent: 04/02/2025
No. of pages incl. this one: ${pages}
Subject: ${about}
Notes: Originals to follow by mail only if you ask for them.
The information in this transmission is confidential and privileged. It is intended only for the
addressee named above. If you are not the intended recipient, please notify the sender by
telephone and destroy every copy.`),
      ],
    }
  return {
    pages: [
      p(`TELEFAX
Attn: Records desk
From: Coastal Cardiology Group
Pages: ${pages} (with cover)
Re: ${about}
CONFIDENTIAL - protected health information. Received in error? Call 207-555-0177.`),
    ],
  }
}
