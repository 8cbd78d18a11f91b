/**
 * The blind style-disjoint evaluation set (eval.jsonl): a second set of hand-written templates,
 * written after the first (generate.ts, whose documents fit the calibration and served as the
 * development set) and never used to tune anything: signals, generators and training settings
 * were fixed before these figures were first read, and only the totals per type are looked at.
 * It shares no code, phrase list or layout with the training generator, the augmentation or
 * generate.ts: other hospitals, other headings and section orders, other wording.
 *
 *   npx tsx training/unseen-styles/generate-blind.ts
 *
 * Every name, date and number is made up.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

class Dice {
  private s: number
  constructor(seed: number) {
    this.s = seed * 2654435761 >>> 0
  }
  u(): number {
    // xorshift32
    let x = this.s || 1
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    this.s = x >>> 0
    return this.s / 4294967296
  }
  n(a: number, b: number): number {
    return a + Math.floor(this.u() * (b - a + 1))
  }
  one<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.u() * xs.length)]!
  }
  maybe(p: number): boolean {
    return this.u() < p
  }
}

const GIVEN = ['Abigail', 'Bruno', 'Celestine', 'Dorian', 'Esme', 'Fabian', 'Gwendolyn', 'Hamish', 'Isadora', 'Jericho', 'Klara', 'Lysander', 'Mabel', 'Nestor', 'Ottilie', 'Phineas', 'Quinn', 'Rufus', 'Saoirse', 'Thaddeus']
const SURNAME = ['Ambrose', 'Birchfield', 'Cavanagh', 'Drummond', 'Estrada-Lowe', 'Finnegan', 'Galloway', 'Hollingsworth', 'Isaksen', 'Jorgensen', 'Kowalski', 'Lindgren', 'Montague', 'Northcott', 'Oyelowo', 'Prewitt', 'Ramsbottom', 'Strathmore', 'Thackeray', 'Villanueva']
const CLINICIANS = ['Beatrix Okonjo', 'Casimir Weller', 'Dagny Halvorsen', 'Emeka Chukwu', 'Felicity Arkwright', 'Gideon Sato', 'Hyacinth Moreau', 'Ignatius Pell']
const SITES = ['Copperfield Community Hospital', 'Juniper Flats Medical Center', 'Whistler Sound Hospital', 'Bellhaven University Health', 'Ravenmoor Clinic Network', 'Old Mill Valley Hospital']
const LABHOUSES = ['Meridian Path Partners', 'Sablewood Laboratory Medicine', 'Cobalt Diagnostics', 'Tidewell Clinical Labs']

const two = (x: number): string => (x < 10 ? `0${x}` : String(x))
const when = (d: Dice): string => d.one([`${d.n(1, 12)}.${d.n(1, 28)}.${d.n(2021, 2025)}`, `${two(d.n(1, 28))}-${d.one(['JAN', 'MAR', 'JUN', 'SEP', 'NOV'])}-${d.n(2021, 2025)}`, `${two(d.n(1, 12))}/${two(d.n(1, 28))}/${d.n(21, 25)}`])
const born = (d: Dice): string => `${two(d.n(1, 12))}/${two(d.n(1, 28))}/${d.n(1930, 2016)}`
const clin = (d: Dice): string => d.one(CLINICIANS)
const out = (...xs: (string | false)[]): string => xs.filter((x) => x !== false && x !== '').join('\n')

function header(d: Dice): string {
  const g = d.one(GIVEN)
  const s = d.one(SURNAME)
  return d.one([
    `PATIENT  ${s.toUpperCase()}, ${g.toUpperCase()}          DOB  ${born(d)}          SEX  ${d.one(['F', 'M'])}`,
    `${g} ${s} * ${born(d)} * Visit ${d.n(100000, 999999)}`,
    `Patient Name: ${s}, ${g}\nDate of Birth: ${born(d)}\nLocation: ${d.one(['4 West', 'ED', 'Clinic B', 'SDS'])}`,
    `[${s.toUpperCase()} ${g.toUpperCase()}  ${born(d)}]`,
  ])
}
const signoff = (d: Dice): string =>
  d.one([`Signed: ${clin(d)}, MD ${when(d)}`, `Note completed by ${clin(d)}, MD`, `${clin(d)}, MD / ${when(d)}`, `E-signature on file - ${clin(d)}`, ''])

const SYMPTOMS = ['crushing chest discomfort', 'black tarry stools', 'sudden slurred speech', 'high fever with neck stiffness', 'severe flank pain', 'a swollen red calf', 'heavy vaginal bleeding', 'difficulty swallowing', 'a deep cut to the thigh', 'wheezing and chest tightness']
const HISTORY = ['hypertension', 'insulin-dependent diabetes', 'heart failure with reduced EF', 'chronic pancreatitis', 'sickle cell disease', 'multiple sclerosis', 'ulcerative colitis', 'prostate cancer on hormone therapy', 'asthma since childhood', 'bipolar disorder']
const RX = ['metoprolol tartrate 25 mg bid', 'lispro sliding scale', 'sacubitril-valsartan', 'creon with meals', 'hydroxyurea 500 mg', 'ocrelizumab infusions', 'mesalamine 2.4 g', 'leuprolide q3 months', 'budesonide-formoterol', 'lithium 300 mg tid']

function historyPhysical(d: Dice): string {
  const sx = d.one(SYMPTOMS)
  return d.one([
    () =>
      out(
        d.one([`${d.one(SITES)}\nINPATIENT ADMISSION DOCUMENTATION`, 'Initial Hospital Care (History/Physical)', 'H & P', '']),
        header(d),
        `CC/Reason for admission -- ${sx}`,
        `Story: ${d.n(20, 92)} yo known to have ${d.one(HISTORY)} and ${d.one(HISTORY)}; came in because of ${sx} that started ${d.one(['this morning', 'two days ago', 'over the last week'])}.`,
        `PMHx -- ${d.one(HISTORY)}, ${d.one(HISTORY)}`,
        `PSHx -- ${d.one(['lap chole 2015', 'none', 'ORIF ankle'])}`,
        `Outpatient meds -- ${d.one(RX)}; ${d.one(RX)}`,
        `Allergy -- ${d.one(['none', 'iodine', 'morphine (itching)'])}`,
        `SHx -- ${d.one(['no tobacco', 'drinks 3-4 beers daily', 'works nights as a nurse'])}   FHx -- ${d.one(['CAD in brother', 'unremarkable'])}`,
        `ROS -- otherwise negative x10`,
        `Exam -- VS ${d.n(90, 170)}/${d.n(50, 100)} P${d.n(55, 130)} R${d.n(12, 28)} ${d.n(88, 100)}%RA. ${d.one(['Pale.', 'Diaphoretic.', 'Well.'])} CV ${d.one(['RRR', 'tachy'])}. Resp ${d.one(['CTAB', 'wheezes'])}. Abd ${d.one(['soft', 'guarding'])}. Neuro ${d.one(['nonfocal', 'right facial droop'])}.`,
        `Labs/imaging -- ${d.one(['Hgb 7.2', 'troponin 0.9', 'CT head negative', 'lipase 900'])}`,
        `Impression & plan -- ${sx}; admit to ${d.one(['ICU', 'medicine', 'stroke unit'])}, ${d.one(['GI for EGD', 'cardiology consult', 'tPA window passed, permissive HTN', 'IV fluids and pain control'])}. DVT ppx. Full code.`,
        signoff(d),
      ),
    () =>
      out(
        header(d),
        d.one(['Same-day surgery H&P', 'PRE-SURGICAL EVALUATION (H&P)', 'Outpatient procedure H&P update']),
        `Operation booked: ${d.one(['tonsillectomy', 'rotator cuff repair', 'hysteroscopy', 'AV fistula creation'])}  Surgeon: ${clin(d)}`,
        `Pertinent history: ${d.one(HISTORY)}. Prior anesthesia: ${d.one(['uneventful', 'difficult airway noted 2019'])}.`,
        `Medications: ${d.one(RX)}. NPO after midnight confirmed.`,
        `Exam: airway class ${d.n(1, 4)}, heart and lungs ${d.one(['normal', 'unchanged from prior'])}.`,
        `Cleared for surgery. ASA ${d.n(1, 3)}.`,
        signoff(d),
      ),
    () =>
      out(
        d.one([`${d.one(SITES)} Family Medicine\nNew Patient Visit - Complete History and Physical`, 'Establish-care H&P']),
        header(d),
        `Patient is new to the practice, here to establish care. Main concern: ${d.one(['fatigue', 'knee pain', 'anxiety', 'diabetes follow-up'])}.`,
        `Past history: ${d.one(HISTORY)}. Operations: ${d.one(['none', 'appendectomy'])}. Medications: ${d.one(RX)}.`,
        `Family: ${d.one(['mother with diabetes', 'no known illness'])}. Social: ${d.one(['married, two children', 'student', 'retired'])}.`,
        `Systems review: ${d.one(['negative', 'positive for snoring'])}.`,
        `Full exam: HEENT normal; neck supple; heart regular; lungs clear; abdomen soft; skin intact; neuro grossly intact.`,
        `Assessment/plan: ${d.one(['screening labs ordered', 'refer to PT', 'start SSRI', 'A1c today'])}; preventive care reviewed.`,
        signoff(d),
      ),
  ])()
}

function referralLetter(d: Dice): string {
  const a = clin(d)
  const b = d.one(CLINICIANS.filter((x) => x !== a))
  return d.one([
    () =>
      out(
        d.one(SITES),
        when(d),
        `Attn: ${b}`,
        header(d),
        `Hello Dr. ${b.split(' ')[1]},`,
        `I'm sending over a patient of mine who has ${d.one(['had three kidney stones this year', 'a thyroid nodule found on ultrasound', 'worsening memory per family', 'bloody diarrhea for six weeks'])}. ${d.one(['Could you take a look and advise?', 'I would value your input on next steps.', 'Please evaluate and treat as you see fit.'])} Records are attached.`,
        `Thanks so much,`,
        `${a}, MD`,
      ),
    () =>
      out(
        `${d.one(SITES)} -- Specialty Clinic`,
        when(d),
        `${a}, MD`,
        `Dear ${a.split(' ')[0]},`,
        `It was a pleasure meeting our mutual patient today in clinic. ${d.one(['The nodule looks benign on repeat imaging.', 'Colonoscopy showed mild colitis.', 'Testing suggests an early mild cognitive impairment.', 'A metabolic stone workup is under way.'])} My suggestions: ${d.one(['repeat ultrasound in a year', 'start mesalamine', 'neuropsychological testing', 'hydration and citrate'])}. I appreciate you involving me and will send further updates.`,
        `Warmly,`,
        `${b}, MD`,
      ),
    () =>
      out(
        'Request for Specialist Appointment',
        header(d),
        `Service requested: ${d.one(['Podiatry', 'Nephrology', 'Memory clinic', 'Colorectal surgery'])}`,
        `Requesting clinician: ${a}`,
        `Clinical question: ${d.one(['diabetic foot ulcer not healing', 'eGFR falling 10 points in a year', 'cognitive decline', 'rectal prolapse'])}`,
        `How soon: ${d.one(['2 weeks', 'next available', 'within 48 hours'])}`,
        `Patient aware of referral: yes`,
      ),
  ])()
}

function emergency(d: Dice): string {
  const sx = d.one(SYMPTOMS)
  return d.one([
    () =>
      out(
        d.one([`${d.one(SITES)} - Emergency Care Center`, 'EMERGENCY PHYSICIAN DOCUMENTATION', 'ER NOTE']),
        header(d),
        `Time in room ${two(d.n(0, 23))}${two(d.n(0, 59))}   Mode: ${d.one(['EMS', 'walk in', 'private car'])}`,
        `Complaint: ${sx}`,
        `Hx: ${d.n(16, 90)} year old, hx ${d.one(HISTORY)}, with ${sx} for ${d.n(1, 12)} hours.`,
        `Exam: ${d.one(['GCS 15', 'uncomfortable', 'pale, clammy'])}; ${d.one(['tender flank', 'calf swelling', 'no meningismus', 'expiratory wheeze'])}.`,
        `Workup/Treatment in ED: ${d.one(['CTA negative', 'duplex shows DVT, started enoxaparin', 'LP performed', 'duonebs and magnesium'])}.`,
        `ED Dx: ${d.one(['renal colic', 'DVT', 'viral meningitis', 'asthma attack', 'upper GI bleed'])}`,
        `Plan/dispo: ${d.one(['home with follow-up', 'admit', 'transfer out', 'observation'])}`,
        signoff(d),
      ),
    () =>
      out(
        header(d),
        `Emergency visit summary for the primary care office`,
        `Your patient was seen in our emergency department on ${when(d)} for ${sx}.`,
        `Findings: ${d.one(['normal ECG and troponins', 'small kidney stone on CT', 'hemoglobin stable'])}. Treatment: ${d.one(['aspirin and observation', 'ketorolac and tamsulosin', 'IV PPI'])}.`,
        `The patient was ${d.one(['discharged home', 'admitted for further care'])}. Please arrange follow-up within ${d.n(2, 7)} days.`,
        `Emergency physician: ${clin(d)}`,
      ),
  ])()
}

function laboratory(d: Dice): string {
  return d.one([
    () =>
      out(
        `${d.one(LABHOUSES)}`,
        d.one(['Dermatopathology Report', 'BIOPSY REPORT', 'Histopathology', 'Tissue Diagnosis']),
        header(d),
        `Specimen(s): ${d.one(['A: skin, right cheek, shave', 'A: colon, sigmoid, biopsy', 'A: cervix, LEEP', 'A: liver, core'])}`,
        `Diagnosis: ${d.one(['actinic keratosis', 'hyperplastic polyp', 'CIN 2, margins clear', 'steatohepatitis, fibrosis stage 2'])}`,
        `Gross: ${d.one(['one piece of tan skin', 'two small fragments', 'cone of tissue', 'core 1.5 cm'])}, submitted entirely.`,
        `Signed out by ${clin(d)}, MD, pathologist`,
      ),
    () =>
      out(
        `${d.one(LABHOUSES)} - Hematology`,
        header(d),
        `Collected ${when(d)}   Resulted ${when(d)}`,
        `WBC ........ ${(2 + d.u() * 18).toFixed(1)} x10^3/uL   (4.0-11.0)`,
        `RBC ........ ${(3 + d.u() * 3).toFixed(2)} x10^6/uL   (4.2-5.9)`,
        `HGB ........ ${(7 + d.u() * 10).toFixed(1)} g/dL       (12-17)`,
        `HCT ........ ${d.n(22, 52)} %            (36-50)`,
        `PLT ........ ${d.n(40, 600)} x10^3/uL     (150-400)`,
        d.maybe(0.5) && `Smear: ${d.one(['no blasts', 'target cells', 'schistocytes present'])}`,
      ),
    () =>
      out(
        d.one(['Culture Result', 'MICROBIOLOGY - BLOOD CULTURE', 'Stool pathogen panel']),
        `${d.one(LABHOUSES)}`,
        header(d),
        `Source ${d.one(['blood', 'stool', 'sputum'])}, collected ${when(d)}`,
        `${d.one(['Organism identified: Salmonella species', 'No growth after 5 days', 'Positive: Clostridioides difficile toxin B', 'Growth: Streptococcus pneumoniae'])}`,
        `Antibiotic   Result`,
        `penicillin   ${d.one(['S', 'R'])}`,
        `ceftriaxone  ${d.one(['S', 'I'])}`,
        `Called to ${d.one(['RN on unit', 'ordering office'])} ${when(d)}`,
      ),
    () =>
      out(
        `${d.one(LABHOUSES)}`,
        header(d),
        d.one(['Urinalysis with microscopy', 'Thyroid panel', 'Hepatic function panel']),
        `Color ${d.one(['yellow', 'amber'])}  Clarity ${d.one(['clear', 'cloudy'])}`,
        `Protein ${d.one(['neg', '1+', '2+'])}   Glucose ${d.one(['neg', 'trace'])}   Ketones ${d.one(['neg', 'small'])}`,
        `WBC/hpf ${d.n(0, 50)}   RBC/hpf ${d.n(0, 30)}   Bacteria ${d.one(['none', 'few', 'many'])}`,
        `Free T4 ${(0.5 + d.u() * 2).toFixed(2)} ng/dL (0.8-1.8)   ALT ${d.n(10, 300)} U/L (0-45)`,
      ),
  ])()
}

function discharge(d: Dice): string {
  return out(
    d.one(['DISCHARGE NOTE', 'Hospital Discharge Record', `${d.one(SITES)}\nSummary of Inpatient Stay`]),
    header(d),
    `Dates: ${when(d)} to ${when(d)}`,
    `Principal problem: ${d.one(['sepsis from pyelonephritis', 'GI bleed from duodenal ulcer', 'acute ischemic stroke', 'DKA'])}`,
    `Summary: ${d.one(['treated with IV antibiotics, cultures grew E. coli', 'transfused 3 units, EGD with clipping', 'MRI confirmed left MCA infarct, started aspirin and statin', 'insulin drip, transitioned to basal-bolus'])}. Improved and stable for release.`,
    `Discharge meds: ${d.one(RX)}, ${d.one(RX)}.`,
    `Instructions: ${d.one(['follow up with PCP in 1 week', 'stroke clinic in 4 weeks', 'GI clinic in 6 weeks'])}. Discharged to ${d.one(['home', 'rehab', 'SNF'])}.`,
    signoff(d),
  )
}

function consultation(d: Dice): string {
  return out(
    d.one(['Cardiology Consult Note', 'Inpatient Consultation - Hematology', 'GI CONSULT', 'Requested Consultation: Neurology']),
    header(d),
    `Consult requested by ${clin(d)} to evaluate ${d.one(['new atrial flutter', 'thrombocytopenia', 'elevated liver tests', 'recurrent falls'])}.`,
    `Relevant history: ${d.one(HISTORY)}.`,
    `Exam and data reviewed: ${d.one(['echo with EF 35%', 'platelets 38', 'ALT 410', 'MRI brain small vessel disease'])}.`,
    `Recommendations:\n1. ${d.one(['rate control with diltiazem', 'HIT antibody', 'hepatitis serologies', 'PT and gait evaluation'])}\n2. ${d.one(['anticoagulation discussion', 'hold heparin', 'RUQ ultrasound', 'check B12'])}`,
    `Thank you, we will continue to follow.`,
    signoff(d),
  )
}

function operation(d: Dice): string {
  return out(
    d.one(['OPERATIVE NOTE', 'Surgeon Operative Documentation', `${d.one(SITES)} Operating Room Record`]),
    header(d),
    `Procedure: ${d.one(['total thyroidectomy', 'laparoscopic sigmoid colectomy', 'arthroscopic ACL reconstruction', 'cesarean delivery'])}`,
    `Indications: ${d.one(['multinodular goiter', 'recurrent diverticulitis', 'ACL tear', 'failure to progress'])}`,
    `Anesthesia: ${d.one(['general', 'spinal'])}. Findings: ${d.one(['enlarged gland', 'inflamed sigmoid', 'complete ACL tear', 'viable infant'])}.`,
    `Description: patient positioned supine, prepped and draped, time-out performed. ${d.one(['Both lobes removed, nerves preserved.', 'Colon divided and anastomosed with a stapler.', 'Graft harvested and fixed.', 'Low transverse incision; infant delivered.'])} Closure in layers.`,
    `Blood loss ${d.n(10, 600)} mL. Complications none. Drains ${d.one(['none', 'one JP'])}.`,
    signoff(d),
  )
}

function radiology(d: Dice): string {
  return out(
    d.one([`${d.one(SITES)} Imaging Services`, 'DIAGNOSTIC RADIOLOGY', '']),
    header(d),
    `Exam: ${d.one(['MRI brain w/wo', 'CT abdomen pelvis w contrast', 'Mammogram screening bilateral', 'DEXA scan'])}  Date: ${when(d)}`,
    `Reason: ${d.one(SYMPTOMS)}`,
    `Technique: standard protocol.`,
    `Findings: ${d.one(['No acute intracranial abnormality.', 'Uncomplicated diverticulosis.', 'Scattered fibroglandular densities, no suspicious mass.', 'T-score -2.7 at the femoral neck.'])}`,
    `IMPRESSION: ${d.one(['Normal MRI.', 'No acute process.', 'BI-RADS 1.', 'Osteoporosis.'])}`,
    `Dictated by ${clin(d)}, MD`,
  )
}

function progressVisit(d: Dice): string {
  return out(
    d.one(['SOAP note', 'Follow-up Visit', 'Daily Progress Note', '']),
    header(d),
    `S: ${d.one(['feeling better', 'still short of breath', 'pain controlled'])}. ${d.one(['Tolerating diet.', 'Slept poorly.', 'No new complaints.'])}`,
    `O: T ${(36 + d.u() * 2).toFixed(1)}, HR ${d.n(60, 110)}. ${d.one(['Incision clean.', 'Bibasilar crackles.', 'Alert.'])}`,
    `A: ${d.one(HISTORY)}, ${d.one(['improving', 'stable', 'not at goal'])}.`,
    `P: ${d.one(['continue current regimen', 'increase dose', 'recheck labs in 2 weeks'])}.`,
    signoff(d),
  )
}

const BLIND: Record<string, (d: Dice) => string> = {
  history_and_physical: historyPhysical,
  referral_letter: referralLetter,
  emergency_report: emergency,
  lab_report: laboratory,
  discharge_summary: discharge,
  consult_note: consultation,
  operative_report: operation,
  radiology_report: radiology,
  progress_note: progressVisit,
}
const COUNTS: Record<string, number> = {
  history_and_physical: 40, referral_letter: 36, emergency_report: 36, lab_report: 48,
  discharge_summary: 24, consult_note: 24, operative_report: 24, radiology_report: 24, progress_note: 24,
}

export function blindDocuments(seed = 31): { id: string; type: string; style: string; text: string }[] {
  const d = new Dice(seed)
  const rows: { id: string; type: string; style: string; text: string }[] = []
  for (const [type, n] of Object.entries(COUNTS)) for (let k = 0; k < n; k++) {
    const text = BLIND[type]!(d).trim()
    // The consultant's letter back to the referrer is a consult note (rules/doctypes/consult_note.json).
    rows.push({ id: `blind-${type}-${k}`, type: text.includes('It was a pleasure meeting our mutual patient') ? 'consult_note' : type, style: 'unseen-v2', text })
  }
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval.jsonl')
  const rows = blindDocuments()
  writeFileSync(file, rows.map((x) => JSON.stringify(x)).join('\n') + '\n')
  process.stderr.write(`wrote eval.jsonl: ${rows.length} documents\n`)
}
