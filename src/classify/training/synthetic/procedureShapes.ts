/**
 * Reports of invasive procedures done outside an operating room: a catheterization or
 * electrophysiology laboratory, an endoscopy or bronchoscopy suite, interventional radiology, a
 * urology procedure room. They are operative reports (rules/doctypes/operative_report.json: "a
 * surgical operation or invasive procedure"), but their titles name a laboratory or a unit and
 * they carry numbers (pressures, sizes, doses, times) in short "Label: value" lines, so by their
 * words alone they read like a lab report or an imaging report. Sections come in several orders,
 * with several names, or run together; some have no title.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import { CONDITIONS, drName, fmtDate, hospitalName, personName, providerName, randomDate, time, lines } from './pools.js'

interface Suite {
  units: readonly string[]
  procedures: readonly string[]
  indications: readonly string[]
  details: (r: Rng) => string[]
  findings: (r: Rng) => string[]
  conclusion: (r: Rng) => string
  plan: readonly string[]
}

const pct = (r: Rng): string => `${r.pick([30, 40, 50, 60, 70, 80, 90, 95, 99])}%`

const SUITES: readonly Suite[] = [
  {
    units: ['Cardiac Catheterization Laboratory', 'Cath Lab', 'Cardiovascular Laboratory', 'Heart Catheterization Lab'],
    procedures: [
      'Left heart catheterization',
      'Selective coronary angiography',
      'Left ventriculography',
      'Right heart catheterization',
      'Percutaneous coronary intervention with drug-eluting stent',
      'Fractional flow reserve measurement',
    ],
    indications: ['NSTEMI', 'unstable angina', 'abnormal stress test', 'STEMI, inferior', 'new cardiomyopathy', 'exertional chest pain'],
    details: (r) => [
      `Access: ${r.pick(['right radial', 'left radial', 'right femoral'])} artery, ${r.pick([5, 6, 7])} Fr sheath.`,
      `Contrast: ${r.int(60, 220)} mL ${r.pick(['iodixanol', 'iohexol', 'iopamidol'])}. Fluoroscopy time ${r.int(3, 30)}.${r.int(0, 9)} min.`,
      `Hemodynamics: Ao ${r.int(100, 160)}/${r.int(55, 90)}, LVEDP ${r.int(6, 28)} mmHg${r.chance(0.4) ? `, PCWP ${r.int(8, 30)}, PA ${r.int(20, 55)}/${r.int(8, 25)}` : ''}.`,
    ],
    findings: (r) => [
      `Left main: ${r.pick(['normal', 'mild plaque', 'no significant disease'])}.`,
      `LAD: ${pct(r)} ${r.pick(['proximal', 'mid', 'distal'])} stenosis.`,
      `Circumflex: ${r.pick(['luminal irregularities', `${pct(r)} OM1 stenosis`, 'normal'])}.`,
      `RCA: ${r.pick(['dominant, normal', `${pct(r)} proximal stenosis`, 'chronic total occlusion with collaterals'])}.`,
      r.chance(0.5) ? `LV gram: EF ${r.int(25, 65)}%, ${r.pick(['normal wall motion', 'anterior hypokinesis', 'inferior akinesis'])}.` : '',
    ],
    conclusion: (r) =>
      r.pick([
        'Single-vessel coronary disease treated with one drug-eluting stent.',
        'Multivessel coronary disease; surgical revascularization recommended.',
        'No obstructive coronary disease.',
        'Culprit lesion treated; residual nonobstructive disease.',
      ]),
    plan: [
      'Dual antiplatelet therapy for 12 months.',
      'High-intensity statin.',
      'Cardiac rehabilitation referral.',
      'Cardiac surgery consultation.',
    ],
  },
  {
    units: ['Electrophysiology Laboratory', 'EP Lab', 'Cardiac Device Clinic Procedure Room'],
    procedures: [
      'Electrophysiology study',
      'Radiofrequency ablation of the cavotricuspid isthmus',
      'Pulmonary vein isolation',
      'Dual-chamber pacemaker implantation',
      'Implantable cardioverter-defibrillator implantation',
    ],
    indications: [
      'typical atrial flutter',
      'symptomatic paroxysmal atrial fibrillation',
      'complete heart block',
      'sick sinus syndrome',
      'ischemic cardiomyopathy, EF 25%',
    ],
    details: (r) => [
      `Access: ${r.pick(['right femoral vein x2', 'left subclavian vein', 'left axillary vein'])}.`,
      `Sedation: ${r.pick(['general anesthesia', 'moderate sedation with midazolam and fentanyl', 'monitored anesthesia care'])}.`,
      `Fluoroscopy ${r.int(2, 40)} min; ablation time ${r.int(3, 45)} min.`,
    ],
    findings: (r) => [
      `Baseline: AH ${r.int(60, 140)} ms, HV ${r.int(35, 70)} ms.`,
      r.pick([
        'Bidirectional block achieved.',
        'Entrance and exit block confirmed in all veins.',
        'Lead thresholds and impedances acceptable.',
      ]),
      `R-wave ${r.int(5, 18)} mV, threshold ${r.int(4, 15) / 10} V at 0.4 ms.`,
    ],
    conclusion: (r) =>
      r.pick(['Successful ablation.', 'Successful device implantation.', 'No inducible arrhythmia at the end of the study.']),
    plan: ['Arm sling 24 hours.', 'Device check in 2 weeks.', 'Continue anticoagulation for 3 months.', 'Wound check in 10 days.'],
  },
  {
    units: ['Endoscopy Unit', 'GI Laboratory', 'Digestive Health Center', 'Endoscopy Suite'],
    procedures: [
      'Colonoscopy with polypectomy',
      'Esophagogastroduodenoscopy with biopsy',
      'ERCP with sphincterotomy',
      'Upper endoscopy with band ligation',
      'Flexible sigmoidoscopy',
    ],
    indications: [
      'screening, family history of colon cancer',
      'iron deficiency anemia',
      'dysphagia',
      'choledocholithiasis',
      'melena',
      'surveillance of Barrett esophagus',
    ],
    details: (r) => [
      `Sedation: ${r.pick(['propofol by anesthesia', 'midazolam 3 mg and fentanyl 100 mcg IV', 'monitored anesthesia care'])}.`,
      `Scope: ${r.pick(['adult colonoscope', 'gastroscope', 'duodenoscope'])}. Prep quality: ${r.pick(['good', 'fair', 'excellent (BBPS 9)'])}.`,
      `Withdrawal time ${r.int(6, 18)} min.`,
    ],
    findings: (r) => [
      r.pick([
        `${r.int(1, 4)} sessile polyps, ${r.int(3, 12)} mm, removed with cold snare.`,
        'Salmon-colored mucosa 3 cm above the GE junction; biopsies taken.',
        'Grade II esophageal varices, 4 bands placed.',
        'Impacted stone in the distal CBD extracted with a balloon.',
      ]),
      r.pick([
        'Scattered diverticula in the sigmoid colon.',
        'Mild antral erythema; biopsies for H. pylori.',
        'No bleeding stigmata.',
        'Normal terminal ileum.',
      ]),
    ],
    conclusion: (r) =>
      r.pick([
        'Polyps removed; await pathology.',
        'Barrett esophagus without visible nodularity.',
        'Successful stone extraction.',
        'Varices banded.',
      ]),
    plan: [
      'Repeat colonoscopy in 3 years pending pathology.',
      'Proton pump inhibitor twice daily.',
      'Clear liquids today, advance as tolerated.',
      'Call with biopsy results.',
    ],
  },
  {
    units: ['Bronchoscopy Suite', 'Pulmonary Procedure Unit', 'Interventional Pulmonology'],
    procedures: [
      'Flexible bronchoscopy with bronchoalveolar lavage',
      'Endobronchial ultrasound with transbronchial needle aspiration',
      'Bronchoscopy with transbronchial biopsy',
    ],
    indications: ['right upper lobe mass', 'mediastinal adenopathy', 'nonresolving pneumonia', 'hemoptysis'],
    details: (r) => [
      `Anesthesia: ${r.pick(['general with laryngeal mask airway', 'moderate sedation', 'topical lidocaine and sedation'])}.`,
      `Stations sampled: ${r.some(['4R', '7', '11L', '10R', '4L'], 3).join(', ')}; ${r.int(2, 5)} passes each.`,
    ],
    findings: (r) => [
      r.pick([
        'Airways patent to the subsegmental level.',
        'Endobronchial lesion in the RUL anterior segment.',
        'Thick secretions in the left lower lobe, suctioned.',
      ]),
      'Rapid on-site evaluation: adequate lymphocytes.',
    ],
    conclusion: (r) => r.pick(['Samples sent for cytology, cultures and flow cytometry.', 'BAL sent for cultures.']),
    plan: ['Chest x-ray to exclude pneumothorax.', 'Follow up results in pulmonary clinic.', 'Nothing by mouth for 2 hours.'],
  },
  {
    units: ['Interventional Radiology', 'Vascular and Interventional Suite', 'IR Procedure Room'],
    procedures: [
      'Port-a-cath placement, right internal jugular',
      'Tunneled dialysis catheter placement',
      'CT-guided liver biopsy',
      'Inferior vena cava filter placement',
      'Percutaneous nephrostomy tube placement',
    ],
    indications: [
      'chemotherapy access',
      'end-stage renal disease',
      'liver lesion, indeterminate',
      'DVT with contraindication to anticoagulation',
      'obstructing ureteral stone with infection',
    ],
    details: (r) => [
      `Operator: ${providerName(r)}. Time-out performed.`,
      `Local anesthesia: ${r.int(5, 20)} mL 1% lidocaine. Moderate sedation ${r.int(15, 60)} min.`,
      'The site was prepped and draped in sterile fashion.',
    ],
    findings: (r) => [
      r.pick([
        'Catheter tip at the cavoatrial junction.',
        `${r.int(2, 4)} 18-gauge cores obtained.`,
        'Filter deployed infrarenal.',
        'Nephrostogram shows free flow to the bladder.',
      ]),
    ],
    conclusion: (r) =>
      r.pick([
        'Successful placement, ready for use.',
        'Technically successful biopsy.',
        'Successful procedure without immediate complication.',
      ]),
    plan: ['Bed rest 2 hours.', 'Flush per protocol.', 'Follow-up in IR clinic.'],
  },
  {
    units: ['Urology Procedure Room', 'Cystoscopy Suite', 'Ambulatory Procedure Center'],
    procedures: [
      'Cystoscopy with retrograde pyelogram',
      'Ureteral stent placement',
      'Transrectal prostate biopsy',
      'Cystoscopy with bladder biopsy',
    ],
    indications: ['gross hematuria', 'obstructing ureteral stone', 'elevated PSA', 'bladder lesion on CT'],
    details: (r) => [
      `Anesthesia: ${r.pick(['local', 'general', 'spinal'])}.`,
      `Stent: ${r.pick([4.8, 6])} Fr x ${r.pick([22, 24, 26])} cm.`,
    ],
    findings: (r) => [
      r.pick([
        'Papillary lesion at the left lateral wall.',
        'Filling defect in the right distal ureter.',
        `${r.int(10, 14)} cores obtained.`,
      ]),
    ],
    conclusion: (r) => r.pick(['Stent placed; stone to be treated electively.', 'Lesion biopsied; await pathology.']),
    plan: ['Tamsulosin for stent discomfort.', 'Return for stent removal in 2 weeks.', 'Pathology review in clinic.'],
  },
]

/** A procedure report from a laboratory or a unit, in one of several layouts. */
export function procedureSuiteReport(r: Rng): string {
  const s = r.pick(SUITES)
  const unit = r.pick(s.units)
  const p = personName(r)
  const when = fmtDate(r, randomDate(r))
  const procs = r.some(s.procedures, r.int(1, 3))
  const operator = providerName(r)
  const title = r.pick([
    `${unit.toUpperCase()} REPORT`,
    `${unit} Procedure Report`,
    `${unit} - Procedure Note`,
    `${procs[0]!} Report`,
    `${unit}`,
    '',
  ])
  const head = lines(
    r.chance(0.6) && hospitalName(r),
    title,
    `${r.pick(['Patient', 'Name', 'Pt'])}: ${p.family}, ${p.given}    ${r.pick(['Procedure date', 'Date of service', 'Date', 'Case date'])}: ${when}`,
    r.chance(0.5) && `${r.pick(['Start', 'In room'])}: ${time(r)}   ${r.pick(['End', 'Out of room'])}: ${time(r)}`,
  )
  const who = `${r.pick(['Operator', 'Proceduralist', 'Attending', 'Endoscopist', 'Physician'])}: ${operator}${r.chance(0.4) ? `; ${r.pick(['Fellow', 'Assistant', 'Referring'])}: ${drName(r)}` : ''}`
  const indication = `${r.pick(['Indication', 'Indications', 'Reason for procedure', 'Clinical history'])}: ${r.pick(s.indications)}${r.chance(0.3) ? `; ${r.pick(CONDITIONS)}` : ''}.`
  const procedure = r.chance(0.5)
    ? `${r.pick(['Procedures', 'Procedure(s) performed', 'Procedure'])}:\n${procs.map((x, i) => `${i + 1}. ${x}`).join('\n')}`
    : `${r.pick(['Procedure', 'Procedures performed'])}: ${procs.join('; ')}.`
  const details = s.details(r).join('\n')
  const findings = `${r.pick(['Findings', 'Results', 'Anatomy', 'Description'])}:\n${s
    .findings(r)
    .filter(Boolean)
    .map((x) => (r.chance(0.5) ? `  ${x}` : x))
    .join('\n')}`
  const closing = lines(
    `${r.pick(['Complications', 'Adverse events', 'Complications/EBL'])}: ${r.pick(['none', 'None.', 'none; EBL minimal', 'None apparent'])}`,
    r.chance(0.5) && `${r.pick(['Specimens', 'Specimen(s)'])}: ${r.pick(['sent to pathology', 'none', 'cytology and cultures'])}`,
    `${r.pick(['Conclusion', 'Impression', 'Summary', 'Final impression'])}: ${s.conclusion(r)}`,
    `${r.pick(['Recommendations', 'Plan', 'Post-procedure plan'])}: ${r.some(s.plan, 2).join(' ')}`,
  )
  const body = r.chance(0.6) ? [who, indication, procedure, details, findings] : [indication, procedure, who, findings, details]
  return lines(
    head,
    '',
    ...body,
    closing,
    r.chance(0.6) && `${r.pick(['Electronically signed', 'Signed', 'Dictated by'])}: ${operator} ${when}`,
  )
}
