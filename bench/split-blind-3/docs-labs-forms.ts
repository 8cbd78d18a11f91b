/**
 * A reference laboratory's cumulative print-out whose tables run over three or four pages and a
 * one-page culture report; forms with boxes (a records request from a law office with the
 * patient's authorization, a tribal clinic's referral form); an echocardiography lab's report.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import {
  addDays,
  ageOn,
  dMonY,
  DESK,
  esc,
  full,
  lastFirstUpper,
  longMdy,
  senderId,
  sexWord,
  time,
  us,
  type Doc,
  type WriteOpts,
} from './common.js'

const GB = {
  name: 'GREAT BASIN REFERENCE LABORATORIES',
  addr: '1700 Sierra Rose Dr, Reno NV 89502 | CLIA 29D0000000 | Fax (775) 555-0104',
  fax: '(775) 555-0104',
}

function gbHeader(p: Person, o: WriteOpts, page: number, what: string, acc: string): string {
  return `<pre style="font:inherit;margin:0">${GB.name}                         ${what}
${GB.addr}
================================================================================
PATIENT: ${lastFirstUpper(p).padEnd(32)} DOB: ${dMonY(p.birthDate)}  SEX: ${p.sex}
CLIENT : ${DESK.name.toUpperCase().padEnd(32)} ACCT: ${acc}
PHYSICIAN: ${DESK.doctor[Number(senderId(p, 'gbdoc', 1)) % 3]!.toUpperCase().padEnd(30)} PRINTED: ${dMonY(addDays(o.date, 1))}   PAGE ${page}
================================================================================</pre>`
}

/** A cumulative report over three or four pages: the header repeats, each table runs on with "CONTINUED". */
export function gbCumulative(p: Person, r: Rand, o: WriteOpts): Doc {
  const n = r.int(3, 4)
  const acc = `GB${senderId(p, 'gb', 7)}`
  const cols = [-180, -120, -60, -30, 0].map((d) => addDays(o.date, d))
  const head = `<tr><th>TEST</th>${cols.map((d) => `<th>${dMonY(d).slice(0, 6)}<br>${d.slice(0, 4)}</th>`).join('')}<th>UNITS</th><th>REF RANGE</th></tr>`
  const v = (base: number, spread: number, dp: number, lo?: number, hi?: number) =>
    cols
      .map(() => {
        const x = base + (r.next() - 0.5) * spread
        const flag = lo != null && x < lo ? ' L' : hi != null && x > hi ? ' H' : ''
        return `<td>${x.toFixed(dp)}${flag}</td>`
      })
      .join('')
  const t = (name: string, unit: string, ref: string, base: number, spread: number, dp = 0, lo?: number, hi?: number) =>
    `<tr><td>${name}</td>${v(base, spread, dp, lo, hi)}<td>${unit}</td><td>${ref}</td></tr>`
  const section = (title: string) => `<tr><td colspan="8" style="font-weight:bold;padding-top:6px">${title}</td></tr>`
  const chem = `${section('CHEMISTRY')}${t('GLUCOSE', 'mg/dL', '70-99', 118, 40, 0, 70, 99)}${t('BUN', 'mg/dL', '7-25', 22, 12, 0, 7, 25)}${t('CREATININE', 'mg/dL', '0.60-1.30', 1.2, 0.6, 2, 0.6, 1.3)}${t('EGFR', 'mL/min/1.73', '>59', 62, 22)}
${t('SODIUM', 'mmol/L', '135-146', 139, 6, 0, 135, 146)}${t('POTASSIUM', 'mmol/L', '3.5-5.3', 4.5, 1.2, 1, 3.5, 5.3)}${t('CHLORIDE', 'mmol/L', '98-110', 103, 6)}${t('CO2', 'mmol/L', '20-32', 25, 6)}
${t('CALCIUM', 'mg/dL', '8.6-10.3', 9.4, 1, 1, 8.6, 10.3)}${t('PROTEIN, TOTAL', 'g/dL', '6.1-8.1', 7, 1, 1)}${t('ALBUMIN', 'g/dL', '3.6-5.1', 4.1, 0.8, 1, 3.6, 5.1)}${t('BILIRUBIN, TOTAL', 'mg/dL', '0.2-1.2', 0.6, 0.5, 1)}
${t('ALKALINE PHOSPHATASE', 'U/L', '37-153', 92, 50)}${t('AST', 'U/L', '10-35', 26, 18, 0, 10, 35)}${t('ALT', 'U/L', '6-29', 24, 20, 0, 6, 29)}`
  const lipids = `${section('LIPIDS (FASTING)')}${t('CHOLESTEROL, TOTAL', 'mg/dL', '<200', 188, 50, 0, undefined, 200)}${t('HDL CHOLESTEROL', 'mg/dL', '>=40', 48, 16)}${t('TRIGLYCERIDES', 'mg/dL', '<150', 162, 80, 0, undefined, 150)}${t('LDL-C (CALC)', 'mg/dL', '<100', 108, 40, 0, undefined, 100)}`
  const heme = `${section('HEMATOLOGY')}${t('WBC', 'K/uL', '3.8-10.8', 7.2, 3, 1)}${t('RBC', 'M/uL', '3.80-5.10', 4.4, 0.6, 2)}${t('HEMOGLOBIN', 'g/dL', '11.7-15.5', 13.2, 2.4, 1, 11.7, 15.5)}${t('HEMATOCRIT', '%', '35.0-45.0', 40, 6, 1)}
${t('MCV', 'fL', '80-100', 90, 8)}${t('PLATELETS', 'K/uL', '140-400', 250, 110)}${t('NEUTROPHILS, ABS', 'cells/uL', '1500-7800', 4300, 2400)}${t('LYMPHOCYTES, ABS', 'cells/uL', '850-3900', 1900, 1000)}`
  const endo = `${section('ENDOCRINE / OTHER')}${t('HEMOGLOBIN A1C', '%', '<5.7', 7.1, 1.6, 1, undefined, 5.7)}${t('TSH', 'mIU/L', '0.40-4.50', 2.1, 2, 2)}${t('VITAMIN D, 25-OH', 'ng/mL', '30-100', 28, 20, 0, 30, 100)}${t('PSA / URINE ALB-CREAT', 'see note', '', 12, 10, 1)}`
  const table = (rows: string, more: boolean) =>
    `<table class="cum">${head}${rows}</table>${more ? '<pre style="font:inherit">                    *** CONTINUED ON NEXT PAGE ***</pre>' : ''}`
  const end = `<pre style="font:inherit">
COMMENTS:
${dMonY(cols[2]!)}  SPECIMEN RECEIVED AT AMBIENT TEMPERATURE. GLUCOSE MAY BE
           FALSELY LOW.
${dMonY(o.date)}  EGFR CALCULATED BY CKD-EPI 2021 (RACE-FREE) EQUATION.

H = ABOVE REFERENCE RANGE   L = BELOW REFERENCE RANGE

PERFORMING SITE: GREAT BASIN REFERENCE LABORATORIES, RENO NV
LABORATORY DIRECTOR: MIRIAM OYELOWO-HAAS, MD

                      *** END OF CUMULATIVE REPORT ***</pre>`
  const what = 'CUMULATIVE RESULTS'
  const pages =
    n === 3
      ? [
          `${gbHeader(p, o, 1, what, acc)}${table(chem, true)}`,
          `${gbHeader(p, o, 2, what, acc)}${table(lipids + heme, true)}`,
          `${gbHeader(p, o, 3, what, acc)}${table(endo, false)}${end}`,
        ]
      : [
          `${gbHeader(p, o, 1, what, acc)}${table(chem, true)}`,
          `${gbHeader(p, o, 2, what, acc)}${table(lipids, true)}`,
          `${gbHeader(p, o, 3, what, acc)}${table(heme, true)}`,
          `${gbHeader(p, o, 4, what, acc)}${table(endo, false)}${end}`,
        ]
  return {
    writer: 'gbCumulative',
    type: 'lab_report',
    sender: 'Great Basin Reference Laboratories',
    senderFax: GB.fax,
    title: 'CUMULATIVE RESULTS',
    date: o.date,
    style: 'gb',
    pages,
    numbered: false,
    runningTitle: true,
    midSentence: false,
  }
}

/** A culture report, one page; two of them may be drawn on one day for one patient (urine and wound). */
export function gbMicro(p: Person, r: Rand, o: WriteOpts): Doc {
  const src = r.pick([
    ['URINE, CLEAN CATCH', 'ESCHERICHIA COLI', '>100,000 CFU/mL'],
    ['WOUND, FOOT, RIGHT', 'STAPHYLOCOCCUS AUREUS (MSSA)', 'MODERATE GROWTH'],
    ['URINE, CATHETER', 'KLEBSIELLA PNEUMONIAE', '50,000-100,000 CFU/mL'],
    ['THROAT', 'STREPTOCOCCUS PYOGENES (GROUP A)', 'HEAVY GROWTH'],
  ] as const)
  const abx = [
    'AMPICILLIN',
    'CEFAZOLIN',
    'CEFTRIAXONE',
    'CIPROFLOXACIN',
    'NITROFURANTOIN',
    'TRIMETHOPRIM/SULFA',
    'OXACILLIN',
    'VANCOMYCIN',
    'DOXYCYCLINE',
  ]
  const page = `${gbHeader(p, o, 1, 'MICROBIOLOGY REPORT', `GB${senderId(p, 'gb', 7)}`)}<pre style="font:inherit">
ACCESSION: M26-${r.int(100000, 999999)}     COLLECTED: ${dMonY(addDays(o.date, -2))} ${time(r)}     FINAL: ${dMonY(o.date)}

SOURCE:  ${src[0]}
TEST:    CULTURE, AEROBIC WITH SUSCEPTIBILITY

RESULT:  ${src[1]}
         ${src[2]}

SUSCEPTIBILITY (MIC, ug/mL)          INTERPRETATION
${r
  .shuffle(abx)
  .slice(0, 6)
  .map(
    (a) => `  ${a.padEnd(28)} ${String(r.pick(['<=1', '2', '<=0.5', '>=32', '4', '<=16'])).padEnd(8)} ${r.pick(['S', 'S', 'S', 'R', 'I'])}`,
  )
  .join('\n')}

S = SUSCEPTIBLE  I = INTERMEDIATE  R = RESISTANT

                      *** FINAL REPORT ***</pre>`
  return {
    writer: 'gbMicro',
    type: 'lab_report',
    sender: 'Great Basin Reference Laboratories',
    senderFax: GB.fax,
    title: 'MICROBIOLOGY REPORT',
    date: o.date,
    style: 'gb',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

const box = (on: boolean) => `<span class="cb">${on ? 'X' : ''}</span>`

/** A law office's records request: the patient's authorization form, boxes ticked, one or two pages (page 2 the office's cover letter... no: its instructions). */
export function roiForm(p: Person, r: Rand, o: WriteOpts): Doc {
  const two = r.chance(0.5)
  const firm = r.pick(['Ostergaard &amp; Pike, PLLC', 'Whitlock Benally Law Group', 'Carrow, Delacroix &amp; Finch LLP'])
  const p1 = `<div class="center"><b style="font-size:13pt">AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION</b><br><span class="small">Conforms to 45 CFR 164.508 &middot; Form ${firm
    .replace(/&amp;.*/, '')
    .trim()
    .slice(0, 3)
    .toUpperCase()}-HIPAA-2</span></div>
<table class="grid" style="margin-top:10px">
<tr><td colspan="2"><span class="lbl">1. Patient name (last, first, middle)</span>${p.family}, ${p.given} ${p.middle}</td><td><span class="lbl">Date of birth</span>${us(p.birthDate)}</td></tr>
<tr><td colspan="3"><span class="lbl">Address</span>${r.int(100, 9800)} ${r.pick(['Larkspur Rd', 'Sage Hen Ct', 'E Broadway'])}, ${r.pick(['Missoula', 'Hamilton', 'Polson'])}, MT</td></tr>
<tr><td colspan="3"><span class="lbl">2. I authorize (provider / facility releasing)</span>${DESK.name}</td></tr>
<tr><td colspan="3"><span class="lbl">3. To release to (name, address)</span>${firm}, attorneys at law, ${r.int(100, 900)} N Higgins Ave, Missoula MT 59802 &middot; fax (406) 555-0${r.int(400, 499)}</td></tr>
<tr><td colspan="3"><span class="lbl">4. Information to be released</span>
${box(true)} Office notes ${box(true)} Lab results ${box(r.chance(0.5))} Imaging reports ${box(true)} Billing records ${box(false)} Entire record<br>
Dates of service from <u>${us(addDays(o.date, -r.int(300, 900)))}</u> to <u>${us(o.date)}</u><br>
${box(false)} I specifically authorize release of: ${box(false)} HIV/AIDS ${box(false)} Mental health ${box(false)} Substance use disorder (42 CFR Part 2) ${box(false)} Genetic testing</td></tr>
<tr><td colspan="3"><span class="lbl">5. Purpose</span>${box(true)} Legal ${box(false)} Insurance ${box(false)} Continuity of care ${box(false)} At my request</td></tr>
<tr><td colspan="3"><span class="lbl">6. Expiration</span>This authorization expires ${r.pick(['one year from the date signed', 'on ' + us(addDays(o.date, 180)), 'at the close of the claim'])}.</td></tr></table>
<p class="small" style="margin-top:8px">I understand that I may revoke this authorization in writing at any time, except to the extent action has been taken on it. Treatment, payment, enrollment or eligibility may not be conditioned on signing. Information disclosed may be re-disclosed by the recipient and no longer protected by federal law. I am entitled to a copy of this form.</p>
<table class="grid"><tr><td style="height:0.5in;width:65%"><span class="lbl">Signature of patient or personal representative</span><i style="font-size:13pt">${p.given} ${p.family}</i></td><td><span class="lbl">Date signed</span>${us(o.date)}</td></tr>
<tr><td colspan="2"><span class="lbl">If signed by a representative: name and authority</span></td></tr></table>
${two ? '<div class="foot right">Page 1 of 2</div>' : ''}`
  const p2 = `<p class="small">${firm} &middot; Re: ${p.given} ${p.family} (DOB ${us(p.birthDate)}) &middot; Page 2 of 2</p>
<h3>Request for records: instructions to the records custodian</h3>
<p>Please produce the records described in the enclosed authorization. Electronic copies on a portable drive or by secure e-mail are preferred. If a certificate of custodian of records is required by your practice, please enclose it.</p>
<p>We will pay reasonable copying charges allowed by Montana law upon receipt of an invoice. Please do not send records by regular fax if they exceed 50 pages.</p>
<table class="grid"><tr><td><span class="lbl">Our file no.</span>${r.int(2024, 2026)}-${r.int(100, 999)}</td><td><span class="lbl">Paralegal</span>${r.pick(['Janelle Two Bulls', 'Corey Abernethy', 'Sun-Hee Park'])}</td><td><span class="lbl">Direct line</span>(406) 555-0${r.int(400, 499)}</td></tr></table>
<p style="margin-top:12px">Thank you for your prompt attention.</p>
<div class="foot right">Page 2 of 2</div>`
  return {
    writer: 'roiForm',
    type: 'roi_authorization',
    sender: firm.replace(/&amp;/g, '&'),
    senderFax: '(406) 555-0460',
    title: 'AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION',
    date: o.date,
    style: 'fm',
    pages: two ? [p1, p2] : [p1],
    numbered: two,
    runningTitle: false,
    midSentence: false,
  }
}

/** A tribal health clinic's referral request form, one page of boxes. */
export function tribalReferral(p: Person, r: Rand, o: WriteOpts): Doc {
  const svc = r.pick(['Behavioral health', 'Diabetes education', 'Physical therapy', 'Optometry'])
  const page = `<table style="width:100%;border:2px solid #000"><tr><td style="padding:6px"><b style="font-size:13pt">RED WILLOW TRIBAL HEALTH CLINIC</b><br><span class="small">PO Box 118, Lame Deer Road &middot; Phone (406) 555-0301 &middot; Fax (406) 555-0302</span></td><td class="right" style="padding:6px"><b>PURCHASED / REFERRED CARE<br>REFERRAL REQUEST</b></td></tr></table>
<table class="grid" style="margin-top:8px">
<tr><td><span class="lbl">Patient name</span>${p.given} ${p.middle}. ${p.family}</td><td><span class="lbl">Date of birth</span>${us(p.birthDate)}</td><td><span class="lbl">Chart #</span>RW-${senderId(p, 'rw', 5)}</td><td><span class="lbl">Sex</span>${p.sex}</td></tr>
<tr><td colspan="2"><span class="lbl">Referred to</span>${DESK.name} &mdash; ${svc}</td><td colspan="2"><span class="lbl">Date of request</span>${us(o.date)}</td></tr>
<tr><td colspan="4"><span class="lbl">Priority</span>${box(false)} Emergent ${box(r.chance(0.3))} Urgent (within 7 days) ${box(true)} Routine ${box(false)} Follow-up only</td></tr>
<tr><td colspan="4"><span class="lbl">Reason for referral / diagnosis</span>${
    svc === 'Behavioral health'
      ? 'Grief after death of spouse; sleep poor; PHQ-9 of 13. No safety concerns today. Patient asks for counseling closer to home.'
      : svc === 'Diabetes education'
        ? `New type 2 diabetes, A1c ${(8 + r.next() * 3).toFixed(1)}%. Started metformin. Needs DSMES classes and dietitian.`
        : svc === 'Physical therapy'
          ? 'Right rotator cuff tendinopathy x 3 months, failed home exercise program.'
          : 'Diabetic retinal exam overdue; blurry vision at distance.'
  }</td></tr>
<tr><td colspan="4" style="height:0.6in"><span class="lbl">Pertinent history / medications / allergies</span>${r.pick(['Hypertension on lisinopril. NKDA.', 'Metformin 500 mg bid. Allergic to penicillin.', 'No chronic medicines. NKDA.'])}</td></tr>
<tr><td colspan="2"><span class="lbl">Records enclosed</span>${box(true)} Last visit note ${box(r.chance(0.5))} Labs ${box(false)} Imaging</td><td colspan="2"><span class="lbl">Interpreter needed</span>${box(false)} Yes ${box(true)} No</td></tr>
<tr><td colspan="2"><span class="lbl">Referring provider</span>${r.pick(['Winona Spotted Eagle, FNP', 'Dr. Caleb Roundstone', 'Dr. Ilse Markkanen'])}</td><td colspan="2"><span class="lbl">Signature</span><i>signed</i></td></tr>
<tr><td colspan="4" style="background:#eee"><span class="lbl">For PRC office use only</span>${box(true)} Eligible ${box(false)} Alternate resource ${box(false)} Deferred &nbsp;&nbsp; Authorization no. PRC-${r.int(10000, 99999)} &nbsp;&nbsp; Valid 90 days</td></tr></table>
<p class="small" style="margin-top:10px">Please send the consultation report to the referring provider at fax (406) 555-0302. Thank you for caring for our relative.</p>`
  return {
    writer: 'tribalReferral',
    type: 'referral_letter',
    sender: 'Red Willow Tribal Health Clinic',
    senderFax: '(406) 555-0302',
    title: 'REFERRAL REQUEST',
    date: o.date,
    style: 'fm',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A transthoracic echocardiogram report from a cardiology group: two pages of measurements and findings. */
export function echoReport(p: Person, r: Rand, o: WriteOpts): Doc {
  const ef = r.pick([30, 40, 55, 60, 65]) + r.int(0, 4)
  const reader = r.pick(['Constance Adeyemi-Ward, MD, FASE', 'Pieter van Oosten, MD'])
  const head = (k: number) =>
    `<table style="width:100%;border-bottom:2px solid #000"><tr><td><b style="font-size:13pt">Summit Heart Associates</b> &middot; Echocardiography Laboratory<br><span class="small">1 Peak View Medical Plaza, Helena MT 59601 &middot; Fax (406) 555-0340</span></td><td class="right small">${k === 1 ? '' : `${esc(lastFirstUpper(p))}<br>Study ${us(o.date)} &middot; Page ${k}`}</td></tr></table>`
  const m = (a: string, b: string, c: string) => `<tr><td>${a}</td><td>${b}</td><td>${c}</td></tr>`
  const p1 = `${head(1)}
<h2 style="margin-top:8px">TRANSTHORACIC ECHOCARDIOGRAM REPORT</h2>
<table class="grid"><tr><td><span class="lbl">Patient</span>${full(p)}</td><td><span class="lbl">DOB / age</span>${us(p.birthDate)} / ${ageOn(p.birthDate, o.date)}</td><td><span class="lbl">Sex</span>${sexWord(p)}</td></tr>
<tr><td><span class="lbl">Study date</span>${longMdy(o.date)}</td><td><span class="lbl">Height / weight</span>${r.int(152, 190)} cm / ${r.int(52, 118)} kg</td><td><span class="lbl">BP</span>${r.int(110, 160)}/${r.int(62, 94)}</td></tr>
<tr><td colspan="2"><span class="lbl">Indication</span>${r.pick(['Dyspnea on exertion', 'Murmur', 'Atrial fibrillation, new', 'Cardiomyopathy follow-up'])}</td><td><span class="lbl">Referring</span>${r.pick(DESK.doctor)}</td></tr></table>
<p style="margin-top:8px"><b>Measurements</b></p>
<table class="grid"><tr><th>Measure</th><th>Value</th><th>Normal</th></tr>
${m('LV end-diastolic dimension', `${r.int(42, 64)} mm`, '42-58 mm')}${m('LV end-systolic dimension', `${r.int(26, 50)} mm`, '25-40 mm')}${m('IVS / posterior wall', `${r.int(8, 14)} / ${r.int(8, 13)} mm`, '6-10 mm')}
${m('LVEF (biplane Simpson)', `${ef}%`, '52-72%')}${m('LA volume index', `${r.int(22, 48)} mL/m2`, '&lt; 34')}${m("E/A ratio; average E/e'", `${(0.6 + r.next()).toFixed(1)}; ${r.int(6, 18)}`, '')}
${m('TAPSE', `${r.int(14, 26)} mm`, '&gt; 17 mm')}${m('RVSP (estimated)', `${r.int(22, 52)} mmHg`, '&lt; 35')}${m('Aortic root / ascending aorta', `${r.int(28, 38)} / ${r.int(30, 42)} mm`, '')}</table>
<div class="foot small">SHA echo lab &middot; IAC accredited</div>`
  const p2 = `${head(2)}
<p style="margin-top:8px"><b>Findings</b></p>
<p><b>Left ventricle:</b> ${ef < 45 ? `Mildly dilated with global hypokinesis, worse in the ${r.pick(['anterior wall and apex', 'inferior and inferolateral walls'])}.` : 'Normal size and wall thickness; normal wall motion.'} Ejection fraction ${ef}%. ${r.pick(['Grade I diastolic dysfunction.', 'Grade II diastolic dysfunction with elevated filling pressure.', 'Normal diastolic function.'])}</p>
<p><b>Right ventricle:</b> Normal size; ${r.pick(['normal', 'mildly reduced'])} systolic function. <b>Atria:</b> Left atrium ${r.pick(['normal', 'mildly dilated', 'moderately dilated'])}; right atrium normal.</p>
<p><b>Valves:</b> Aortic valve trileaflet, ${r.pick(['no stenosis', 'mild sclerosis without stenosis', 'mild stenosis, mean gradient 14 mmHg'])}. Mitral valve: ${r.pick(['trace regurgitation', 'mild regurgitation', 'moderate functional regurgitation'])}. Tricuspid: trace regurgitation. Pulmonic: normal.</p>
<p><b>Pericardium:</b> No effusion. <b>IVC:</b> ${r.pick(['normal size with more than 50% collapse', 'dilated with less than 50% collapse'])}.</p>
<p><b>Conclusions:</b></p><ol><li>${ef < 45 ? `Reduced LV systolic function, EF ${ef}%.` : `Normal LV systolic function, EF ${ef}%.`}</li><li>${r.pick(['No significant valve disease.', 'Mild mitral regurgitation.', 'Mild aortic stenosis.'])}</li>
<li>${r.pick(['Compared with the prior study of ' + us(addDays(o.date, -r.int(300, 800))) + ', no significant change.', 'No prior study for comparison.'])}</li></ol>
<div class="sig">Interpreted and electronically signed by ${reader} on ${us(o.date)} ${time(r)}</div>
<p class="small">Sonographer: ${r.pick(['T. Halloran, RDCS', 'M. Ibsen, RDCS'])}. Copy to the referring provider and the patient portal.</p>
<div class="foot small">SHA echo lab &middot; IAC accredited</div>`
  return {
    writer: 'echoReport',
    type: 'radiology_report',
    sender: 'Summit Heart Associates',
    senderFax: '(406) 555-0340',
    title: 'TRANSTHORACIC ECHOCARDIOGRAM REPORT',
    date: o.date,
    style: 'ec',
    pages: [p1, p2],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}
