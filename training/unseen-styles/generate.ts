/**
 * The style-disjoint evaluation set: outside records written here by hand-made templates that
 * share no code, phrase list or layout with the training generator (src/classify/training/synthetic/) or
 * the augmentation, so the figure `chartclerk model eval` reports on it is not the generator
 * grading itself. Different house styles (a county hospital's H&P grid, a children's hospital's
 * letter, an urgent-care ED chart, a reference lab's fixed-width page, a pathology group's
 * diagnosis-first report...), different wording, headings in other orders or none.
 *
 *   npx tsx training/unseen-styles/generate.ts
 *
 * writes calibration.jsonl (seed 1; fits the temperature and the review threshold) and dev.jsonl
 * (seed 2; the development set: its errors were read and acted on, so it is not the reported
 * figure; generate-blind.ts writes that). Same templates, different draws: the calibration half only
 * ever sets two numbers. Every name, date and number is made up.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

type R = { f: () => number; i: (a: number, b: number) => number; p: <T>(xs: readonly T[]) => T; c: (x: number) => boolean; k: <T>(xs: readonly T[], n: number) => T[] }

function rand(seed: number): R {
  let s = seed >>> 0
  const f = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let t = s ^ (s >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t ^= t >>> 15
    t = Math.imul(t, 0x735a2d97)
    t ^= t >>> 15
    return (t >>> 0) / 4294967296
  }
  const i = (a: number, b: number): number => a + Math.floor(f() * (b - a + 1))
  const p = <T,>(xs: readonly T[]): T => xs[Math.floor(f() * xs.length)]!
  const k = <T,>(xs: readonly T[], n: number): T[] => {
    const a = [...xs]
    for (let j = a.length - 1; j > 0; j--) {
      const m = Math.floor(f() * (j + 1))
      ;[a[j], a[m]] = [a[m]!, a[j]!]
    }
    return a.slice(0, n)
  }
  return { f, i, p, c: (x) => f() < x, k }
}

// Their own pools: none of these lists exists in the training generator.
const FIRST = ['Anneliese', 'Bartholomew', 'Cosima', 'Desmond', 'Elspeth', 'Florian', 'Greta', 'Horace', 'Imelda', 'Jasper', 'Kalani', 'Lorcan', 'Marisol', 'Nikolai', 'Oona', 'Percival', 'Rosalind', 'Soren', 'Tamsin', 'Ulrich', 'Vesna', 'Wendell', 'Ximena', 'Yusuf', 'Zofia']
const LAST = ['Achterberg', 'Blackwood', 'Czerny', 'Dunleavy', 'Eberhardt', 'Fairweather', 'Grijalva', 'Hargreaves', 'Ignatowski', 'Juarez-Bell', 'Kettering', 'Lomax', 'MacTavish', 'Nieminen', 'Ortolani', 'Pennington', 'Quayle', 'Rutledge', 'Szabo', 'Tolliver', 'Uchida', 'Vandermeer', 'Wexford', 'Yeboah']
const DOCS = ['Ines Marchetti', 'Tobias Grunwald', 'Adaeze Nwosu', 'Callum Fraser', 'Henrike Bauer', 'Rafael Ostrowski', 'Mireille Dufresne', 'Dev Raghunathan', 'Sigrid Holm', 'Leopold Yates']
const PLACES = ['Tamarack County Hospital', 'Saint Odile Medical Center', 'Briarwood Children\'s Hospital', 'Gullwing Bay Health', 'Ironwood Valley Hospital', 'Hollis Point Regional', 'Marrow Creek Infirmary', 'Lantern Hill Health Partners']
const LABS = ['Keystone Diagnostic Pathology', 'Arbor Reference Labs', 'Quillon Cytopathology Group', 'Westmark Microbiology Services', 'Fenwick Clinical Chemistry']

const pad = (n: number): string => String(n).padStart(2, '0')
function date(r: R): string {
  return r.p([
    () => `${pad(r.i(1, 12))}/${pad(r.i(1, 28))}/20${r.i(22, 25)}`,
    () => `${r.p(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])} ${r.i(1, 28)}, 20${r.i(22, 25)}`,
    () => `20${r.i(22, 25)}-${pad(r.i(1, 12))}-${pad(r.i(1, 28))}`,
  ])()
}
const dob = (r: R): string => `${pad(r.i(1, 12))}/${pad(r.i(1, 28))}/${r.i(1934, 2015)}`
const who = (r: R): { first: string; last: string } => ({ first: r.p(FIRST), last: r.p(LAST) })
const dr = (r: R): string => r.p(DOCS)

/** A patient block in one of several house styles (or none: some pages carry it only on a sticker). */
function patientBlock(r: R): string {
  const p = who(r)
  return r.p([
    () => `Pt: ${p.last.toUpperCase()}, ${p.first.toUpperCase()}    D.O.B. ${dob(r)}    Hosp # ${r.i(100000, 999999)}`,
    () => `Name ............ ${p.first} ${p.last}\nBirth date ...... ${dob(r)}\nEncounter ....... E${r.i(1000000, 9999999)}`,
    () => `${p.last}, ${p.first} | ${dob(r)} | ${r.p(['F', 'M'])} | Acct ${r.i(10000000, 99999999)}`,
    () => `RE: ${p.first} ${p.last}   (born ${dob(r)})`,
    () => '',
  ])()
}
function sign(r: R): string {
  const d = dr(r)
  return r.p([
    () => `Attested electronically: ${d}, MD  ${date(r)} ${pad(r.i(0, 23))}${pad(r.i(0, 59))}`,
    () => `__________________________\n${d}, MD`,
    () => `Authenticated by ${d} on ${date(r)}`,
    () => `-- ${d}`,
    () => '',
  ])()
}
const join = (...xs: (string | false | undefined)[]): string => xs.filter((x) => x).join('\n')

// Clinical phrases of this generator's own.
const CC = ['worsening shortness of breath over a week', 'right lower quadrant pain since last night', 'a fall at home with left hip pain', 'new confusion noticed by family', 'fever and productive cough', 'palpitations and lightheadedness', 'painless jaundice', 'swelling of both legs', 'vomiting blood this morning', 'a seizure witnessed by a coworker']
const PROBLEMS = ['type 2 diabetes on insulin', 'COPD on home oxygen 2 L', 'chronic kidney disease stage 3b', 'atrial fibrillation on apixaban', 'hypothyroidism', 'prior stroke with mild left weakness', 'gout', 'obstructive sleep apnea on CPAP', 'rheumatoid arthritis on methotrexate', 'hepatitis C, treated']
const DRUGS = ['apixaban 5 mg twice a day', 'insulin glargine 22 units at night', 'tiotropium inhaled daily', 'levothyroxine 88 mcg', 'furosemide 40 mg', 'allopurinol 300 mg', 'methotrexate 15 mg weekly', 'sertraline 50 mg', 'pantoprazole 40 mg', 'tamsulosin 0.4 mg']

function hp(r: R): string {
  const cc = r.p(CC)
  const styles = [
    // County hospital admission H&P: numbered grid, social and family history before the exam.
    () =>
      join(
        r.c(0.7) && `${r.p(PLACES).toUpperCase()}\nADMISSION HISTORY & PHYSICAL EXAMINATION`,
        patientBlock(r),
        `Admitting service: ${r.p(['Hospitalist', 'Internal Medicine', 'Family Medicine Teaching Service'])}`,
        `I. CHIEF CONCERN: ${cc}.`,
        `II. HISTORY OF THE PRESENT ILLNESS: ${r.i(34, 91)}-year-old with ${r.k(PROBLEMS, 2).join(' and ')} who presents with ${cc}. Symptoms began ${r.i(1, 9)} days ago and have been getting worse. Denies recent travel.`,
        `III. PAST MEDICAL HISTORY: ${r.k(PROBLEMS, r.i(2, 4)).join('; ')}.`,
        `IV. SURGICAL HISTORY: ${r.p(['appendectomy as a child', 'right knee replacement', 'none', 'cesarean section x2'])}.`,
        `V. HOME MEDICATIONS: ${r.k(DRUGS, r.i(2, 5)).join(', ')}.`,
        `VI. SOCIAL: ${r.p(['lives alone, independent', 'retired machinist, former smoker 30 pack-years', 'lives with daughter, uses a walker'])}. FAMILY: ${r.p(['mother with breast cancer', 'noncontributory', 'father died of MI at 60'])}.`,
        `VII. REVIEW OF SYSTEMS: twelve systems reviewed, pertinent positives in HPI.`,
        `VIII. PHYSICAL EXAMINATION: T ${(36 + r.f() * 2.5).toFixed(1)} C, HR ${r.i(58, 124)}, BP ${r.i(96, 178)}/${r.i(52, 98)}, SpO2 ${r.i(86, 99)}%. General: ${r.p(['uncomfortable', 'no distress', 'ill-appearing'])}. Lungs: ${r.p(['crackles at both bases', 'clear', 'diffuse wheeze'])}. Abdomen: ${r.p(['soft, nontender', 'tender in the RLQ', 'distended'])}. Extremities: ${r.p(['2+ pitting edema', 'no edema'])}.`,
        `IX. DATA: ${r.p(['WBC 14.2, Hgb 10.1, creatinine 1.9', 'lactate 2.4, troponin negative', 'CXR with bilateral effusions'])}.`,
        `X. ASSESSMENT AND PLAN: Admit to ${r.p(['telemetry', 'medical floor', 'step-down unit'])}. ${r.p(['IV diuresis', 'IV antibiotics after cultures', 'surgery consulted', 'neurology consulted, EEG ordered'])}. DVT prophylaxis. Code status: ${r.p(['full code', 'DNR/DNI confirmed with patient'])}.`,
        sign(r),
      ),
    // Surgical pre-admission H&P, short, no title.
    () =>
      join(
        patientBlock(r),
        `Pre-procedure History and Physical (valid 30 days)`,
        `Planned procedure: ${r.p(['laparoscopic cholecystectomy', 'total hip arthroplasty', 'cystoscopy with stent placement', 'colonoscopy under MAC'])} on ${date(r)}.`,
        `Indication: ${r.p(['symptomatic cholelithiasis', 'end-stage osteoarthritis', 'obstructing ureteral stone', 'surveillance after polypectomy'])}.`,
        `Medical history: ${r.k(PROBLEMS, 2).join(', ')}. Medications: ${r.k(DRUGS, 3).join(', ')}. Allergies: ${r.p(['NKDA', 'sulfa (rash)', 'penicillin (hives)'])}.`,
        `Airway: Mallampati ${r.i(1, 4)}. Heart regular. Lungs clear. ASA class ${r.i(1, 4)}.`,
        `I have examined the patient and there is no change that contraindicates the procedure.`,
        sign(r),
      ),
    // Pediatric admission, prose paragraphs with lower-case headings.
    () =>
      join(
        r.c(0.6) && `${r.p(PLACES)} - Pediatric Inpatient Unit`,
        patientBlock(r),
        `Admission note (H+P)`,
        `Source of history: mother and chart.`,
        `History: ${r.i(2, 16)}-year-old previously healthy child brought in for ${r.p(['three days of fever and poor feeding', 'wheezing not responding to home albuterol', 'abdominal pain and bilious emesis', 'a rash and limp'])}. Immunizations up to date. Birth history: term, uncomplicated.`,
        `Development: meeting milestones. Diet: regular. Home meds: ${r.p(['none', 'albuterol as needed', 'cetirizine'])}.`,
        `Exam on arrival: weight ${r.i(12, 60)} kg, temp ${(37 + r.f() * 2.4).toFixed(1)}, RR ${r.i(18, 48)}. ${r.p(['Subcostal retractions, scattered wheeze.', 'Dry mucous membranes, cap refill 3 seconds.', 'Tender over the right hip, refuses to bear weight.'])}`,
        `Impression/plan: admit for ${r.p(['IV fluids and observation', 'continuous albuterol and steroids', 'MRI of the hip and orthopedic evaluation'])}; parents updated at bedside.`,
        sign(r),
      ),
  ]
  return r.p(styles)()
}

function referral(r: R): string {
  const d1 = dr(r)
  let d2 = dr(r)
  if (d2 === d1) d2 = DOCS[(DOCS.indexOf(d1) + 1) % DOCS.length]!
  const p = who(r)
  const styles = [
    // A referral from a rural practice, handwritten-letter style, no title.
    () =>
      join(
        r.p(PLACES),
        date(r),
        `To: ${d2}, ${r.p(['Hepatology', 'Rheumatology', 'Pediatric Neurology', 'Vascular Surgery', 'Sleep Medicine'])}`,
        `From: ${d1}, family practice`,
        ``,
        `Dear colleague,`,
        `Would you kindly see ${p.first} ${p.last} (DOB ${dob(r)}), whom I have looked after for ${r.i(2, 15)} years. Over the past months ${r.p(['her liver enzymes have doubled', 'his joints have become hot and swollen', 'she has had staring spells at school', 'his calf pain on walking limits him to one block', 'she snores and falls asleep while driving'])}. I would be grateful for your opinion on further work-up and management.`,
        `Current medicines: ${r.k(DRUGS, 2).join(', ')}. I enclose recent results.`,
        `Many thanks,`,
        d1,
      ),
    // Consultant's reply: the letter that thanks (back to the referrer).
    () =>
      join(
        `${r.p(PLACES)} | Outpatient Specialty Clinics`,
        `${date(r)}`,
        `${d1}\n${r.i(10, 999)} ${r.p(['Larkspur Lane', 'Quarry Road', 'Tidewater Ave'])}`,
        patientBlock(r),
        `Dear Dr. ${d1.split(' ')[1]},`,
        `Thank you for asking me to see your patient, whom I met in clinic today. In brief, ${r.p(['the symptoms are consistent with early inflammatory arthritis', 'the liver tests reflect fatty liver disease', 'the episodes are typical absence seizures', 'the ankle-brachial index confirms peripheral arterial disease'])}. I have ${r.p(['started treatment', 'ordered further imaging', 'arranged an EEG', 'advised a supervised exercise program'])} and will see them again in ${r.i(4, 12)} weeks. I will keep you informed.`,
        `With kind regards,`,
        `${d2}, MD`,
        `cc: patient`,
      ),
    // A structured e-referral form.
    () =>
      join(
        `ELECTRONIC REFERRAL - OUTGOING`,
        `Referral ID: RF-${r.i(100000, 999999)}   Priority: ${r.p(['Routine', 'Urgent (within 2 weeks)', 'Soon'])}`,
        `Referred to: ${r.p(['Cardiology', 'Orthopedics', 'Behavioral Health', 'Endocrinology', 'Gastroenterology'])} - ${d2}`,
        `Referring clinician: ${d1}`,
        patientBlock(r),
        `Reason for referral: ${r.p(['evaluate exertional chest pressure', 'persistent knee effusion after injury', 'anxiety not improving on sertraline', 'HbA1c 10.4 despite two agents', 'iron deficiency, rule out GI blood loss'])}.`,
        `Question for specialist: ${r.p(['please advise on stress testing', 'consider arthroscopy', 'medication management and therapy', 'insulin start', 'endoscopy'])}.`,
        `Relevant history: ${r.k(PROBLEMS, 2).join(', ')}.`,
        `Attachments: last office note, labs.`,
      ),
  ]
  return r.p(styles)()
}

function ed(r: R): string {
  const cc = r.p(CC)
  const styles = [
    // Urgent-care/ED chart with timestamps and triage.
    () =>
      join(
        `${r.p(PLACES)} EMERGENCY SERVICES`,
        `ED Provider Record`,
        patientBlock(r),
        `Arrival ${pad(r.i(0, 23))}:${pad(r.i(0, 59))} by ${r.p(['EMS', 'private vehicle', 'police'])}   Triage ESI ${r.i(1, 5)}`,
        `Presenting problem: ${cc}.`,
        `HPI: ${r.i(18, 90)} y/o with ${r.p(PROBLEMS)}. ${r.p(['Onset sudden.', 'Gradual onset.', 'Began after lifting.'])} Pain ${r.i(0, 10)}/10.`,
        `PE: ${r.p(['Alert, anxious.', 'Diaphoretic.', 'Comfortable.'])} ${r.p(['Tachycardic.', 'Regular rate.'])} ${r.p(['Guarding RLQ.', 'Clear lungs.', 'Tender left hip, shortened and externally rotated leg.'])}`,
        `ED course: ${r.p(['IV fluids, ondansetron, morphine 4 mg', 'nebulized albuterol x3, prednisone', 'CT abdomen/pelvis shows acute appendicitis; surgery paged', 'hip films show intertrochanteric fracture'])}. Reassessed at ${pad(r.i(0, 23))}:${pad(r.i(0, 59))}.`,
        `MDM: ${r.p(['moderate complexity', 'high complexity; critical care time 35 minutes'])}.`,
        `Clinical impression: ${r.p(['acute appendicitis', 'COPD exacerbation', 'hip fracture', 'upper GI bleed', 'new-onset seizure'])}.`,
        `Disposition: ${r.p(['admitted', 'discharged home with return precautions', 'transferred to tertiary center', 'to OR'])}. Condition: ${r.p(['stable', 'guarded'])}.`,
        sign(r),
      ),
    // Short ED discharge-instructions-like provider note without title.
    () =>
      join(
        patientBlock(r),
        `Seen in the emergency department ${date(r)} at ${pad(r.i(0, 23))}:${pad(r.i(0, 59))}.`,
        `Why you came: ${r.p(['cut on the hand', 'ankle injury', 'headache', 'allergic reaction'])}.`,
        `Provider findings: ${r.p(['2 cm laceration repaired with 4 sutures', 'x-ray negative for fracture, sprain', 'normal neurological exam, CT head negative', 'hives without airway swelling, treated with diphenhydramine and steroids'])}.`,
        `Diagnosis: ${r.p(['laceration of the left palm', 'ankle sprain', 'tension headache', 'urticaria'])}.`,
        `Follow up with your doctor in ${r.i(2, 10)} days. Return to the ER for worsening symptoms.`,
        `ER physician: ${dr(r)}, DO`,
      ),
    // Trauma flow sheet style.
    () =>
      join(
        `TRAUMA ACTIVATION RECORD - LEVEL ${r.p(['I', 'II'])}`,
        patientBlock(r),
        `Mechanism: ${r.p(['MVC, restrained driver, 45 mph', 'fall from ladder 12 feet', 'bicycle vs car', 'assault with blunt object'])}.`,
        `Primary survey: A patent. B ${r.p(['equal breath sounds', 'decreased on the left'])}. C ${r.p(['HR 118, BP 92/60', 'HR 88, BP 134/80'])}. D GCS ${r.i(8, 15)}. E ${r.p(['abrasions to the chest', 'deformity right forearm'])}.`,
        `FAST: ${r.p(['negative', 'positive in Morison pouch'])}. Imaging: pan-scan ${r.p(['without acute injury', 'shows splenic laceration grade II', 'shows left pneumothorax'])}.`,
        `Interventions: ${r.p(['two large-bore IVs, 1 L crystalloid', 'left chest tube', 'splint applied'])}.`,
        `Disposition from trauma bay: ${r.p(['ICU', 'OR', 'floor for observation'])}.`,
        sign(r),
      ),
  ]
  return r.p(styles)()
}

function lab(r: R): string {
  const styles = [
    // Surgical pathology, diagnosis first.
    () =>
      join(
        `${r.p(LABS)}`,
        `SURGICAL PATHOLOGY CONSULTATION`,
        `Case: SP${r.i(22, 25)}-${r.i(1000, 9999)}   Received: ${date(r)}`,
        patientBlock(r),
        `DIAGNOSIS:`,
        `${r.p(['A. Colon, ascending, polyp, snare excision: tubular adenoma, low-grade dysplasia, margins free.', 'Skin, left forearm, shave: basal cell carcinoma, nodular type, extending to the deep margin.', 'Gallbladder, cholecystectomy: chronic cholecystitis with cholelithiasis.', 'Breast, right, 10 o\'clock, core biopsy: invasive ductal carcinoma, grade 2; ER positive, PR positive, HER2 pending.'])}`,
        `GROSS DESCRIPTION: received in formalin labeled with the patient's name, ${r.p(['a tan polypoid fragment 0.8 cm', 'a shave of skin 1.1 x 0.9 cm', 'a gallbladder 8.5 cm in length', 'three cores of tan tissue up to 1.4 cm'])}; entirely submitted.`,
        `MICROSCOPIC: sections show the findings above.`,
        `Pathologist: ${dr(r)}, MD`,
      ),
    // Cytology (Pap / FNA).
    () =>
      join(
        r.p(['Cytopathology Report', 'GYN CYTOLOGY', 'Fine Needle Aspiration - Cytology']),
        `${r.p(LABS)}   CLIA ${r.i(10, 99)}D${r.i(1000000, 9999999)}`,
        patientBlock(r),
        `Specimen source: ${r.p(['cervix, ThinPrep', 'thyroid, left lobe nodule, FNA', 'pleural fluid, right'])}. Adequacy: ${r.p(['satisfactory for evaluation; transformation zone present', 'satisfactory', 'limited by blood'])}.`,
        `Interpretation: ${r.p(['negative for intraepithelial lesion or malignancy', 'atypical squamous cells of undetermined significance (ASC-US); HPV reflex ordered', 'Bethesda category II, benign follicular nodule', 'malignant cells present, consistent with adenocarcinoma'])}.`,
        `Screened by ${r.p(['cytotechnologist', 'CT(ASCP)'])}; reviewed by ${dr(r)}, MD.`,
      ),
    // Microbiology culture.
    () =>
      join(
        `${r.p(LABS)} - MICRO`,
        patientBlock(r),
        `Order: ${r.p(['Urine culture', 'Blood culture x2', 'Wound culture, aerobic', 'Sputum culture with Gram stain'])}   Collected ${date(r)}`,
        `Gram stain: ${r.p(['many WBCs, gram-negative rods', 'gram-positive cocci in clusters', 'no organisms seen'])}.`,
        `Culture: ${r.p(['>100,000 CFU/mL Escherichia coli', 'Staphylococcus aureus, growth in 2 of 2 bottles', 'normal flora', 'Pseudomonas aeruginosa, moderate growth'])}.`,
        `Susceptibility (MIC):`,
        `  ampicillin        ${r.p(['>=32 R', '8 S'])}`,
        `  ceftriaxone       ${r.p(['<=1 S', '>=64 R'])}`,
        `  ciprofloxacin     ${r.p(['<=0.25 S', '>=4 R'])}`,
        `  nitrofurantoin    ${r.p(['<=16 S', '64 I'])}`,
        `Final ${date(r)}.`,
      ),
    // Fixed-width chemistry page.
    () =>
      join(
        `${r.p(LABS).toUpperCase()}`,
        patientBlock(r),
        `DRAWN ${date(r)}  ${pad(r.i(5, 11))}:${pad(r.i(0, 59))}     FASTING: ${r.p(['Y', 'N'])}`,
        `TEST                    VALUE     UNITS     REF`,
        `GLU                     ${r.i(68, 310)}       mg/dL     70-99`,
        `BUN                     ${r.i(6, 60)}        mg/dL     7-20`,
        `CREAT                   ${(0.5 + r.f() * 3).toFixed(2)}      mg/dL     0.6-1.2`,
        `NA                      ${r.i(126, 148)}       mmol/L    135-145`,
        `K                       ${(3 + r.f() * 3).toFixed(1)}       mmol/L    3.5-5.1`,
        r.c(0.6) && `ALT                     ${r.i(8, 240)}        U/L       7-56`,
        r.c(0.6) && `TSH                     ${(0.1 + r.f() * 9).toFixed(2)}      uIU/mL    0.4-4.0`,
        r.c(0.5) && `HBA1C                   ${(5 + r.f() * 6).toFixed(1)}       %         <5.7`,
        `*** END OF REPORT ***`,
      ),
  ]
  return r.p(styles)()
}

function discharge(r: R): string {
  return join(
    r.p([`${r.p(PLACES)}\nHOSPITAL COURSE SUMMARY AT DISCHARGE`, 'Transition of Care Document', '']),
    patientBlock(r),
    `Admitted ${date(r)} - Released ${date(r)}   Length of stay ${r.i(2, 19)} days`,
    `Reason for hospitalization: ${r.p(CC)}.`,
    `Final diagnoses: ${r.p(['community-acquired pneumonia', 'acute on chronic heart failure', 'diabetic ketoacidosis', 'perforated appendicitis s/p appendectomy'])}; ${r.p(PROBLEMS)}.`,
    `What happened: the patient was treated with ${r.p(['ceftriaxone and azithromycin', 'IV furosemide', 'insulin infusion', 'IV piperacillin-tazobactam'])} and improved steadily. ${r.p(['Oxygen was weaned to room air.', 'Weight fell 4 kg.', 'The anion gap closed on day 2.', 'Drain removed before release.'])}`,
    `Medication changes: START ${r.p(DRUGS)}. STOP ${r.p(DRUGS)}. CONTINUE the rest.`,
    `Going to: ${r.p(['home', 'home with home health', 'skilled nursing facility', 'inpatient rehab'])}. Appointments: PCP in ${r.i(5, 14)} days.`,
    `Pending at release: ${r.p(['blood cultures', 'none', 'pathology'])}.`,
    sign(r),
  )
}

function consult(r: R): string {
  const service = r.p(['Nephrology', 'Infectious Diseases', 'Palliative Care', 'Endocrinology', 'Psychiatry'])
  return join(
    r.p([`${service} Inpatient Consultation`, `${service.toUpperCase()} CONSULT`, `Specialist opinion - ${service}`]),
    patientBlock(r),
    `Requested by ${dr(r)} (${r.p(['hospital medicine', 'surgery', 'ICU'])}) for: ${r.p(['rising creatinine', 'persistent bacteremia', 'goals of care', 'uncontrolled glucose on steroids', 'agitation and capacity'])}.`,
    `Background: ${r.k(PROBLEMS, 2).join(', ')}. Chart, labs and imaging reviewed.`,
    `On my exam: ${r.p(['euvolemic', 'febrile 38.6', 'cachectic, comfortable', 'calm, oriented x3'])}.`,
    `Opinion: ${r.p(['prerenal AKI, hold diuretic and ACE inhibitor', 'likely endovascular source; TEE recommended', 'patient wishes comfort-focused care', 'basal-bolus insulin, taper as steroids fall', 'has capacity to refuse the procedure'])}.`,
    `Suggestions: ${r.p(['repeat BMP in AM', 'ID will follow', 'family meeting tomorrow', 'correction scale per protocol', 'no psychiatric hold indicated'])}. We appreciate this consult and will follow along.`,
    sign(r),
  )
}

function operative(r: R): string {
  return join(
    r.p(['PROCEDURE RECORD', 'Brief Op Note / Full Dictation', `${r.p(PLACES)} - Surgical Services`]),
    patientBlock(r),
    `Date of surgery: ${date(r)}`,
    `Operation performed: ${r.p(['laparoscopic appendectomy', 'open reduction internal fixation, left distal radius', 'right inguinal hernia repair with mesh', 'excision of sebaceous cyst, back', 'carpal tunnel release, right'])}.`,
    `Surgeon: ${dr(r)}. Assistant: ${r.p(['none', 'PA student', dr(r)])}. Anesthesia: ${r.p(['general endotracheal', 'regional block with sedation', 'local'])}.`,
    `Preop/postop dx: ${r.p(['acute appendicitis', 'displaced distal radius fracture', 'reducible inguinal hernia', 'inflamed cyst', 'carpal tunnel syndrome'])}.`,
    `Technique: after time-out the field was prepped and draped sterilely. ${r.p(['Three ports were placed and the appendix was stapled at its base.', 'A volar approach was used and a plate fixed with six screws.', 'The sac was reduced and a mesh secured with sutures.', 'An elliptical incision removed the cyst intact.', 'The transverse carpal ligament was divided under direct vision.'])} Hemostasis was obtained; skin closed with ${r.p(['staples', 'subcuticular Monocryl', 'nylon'])}.`,
    `EBL ${r.i(2, 150)} mL. Specimens: ${r.p(['appendix to pathology', 'none', 'cyst to pathology'])}. Counts correct. Patient to PACU stable.`,
    sign(r),
  )
}

function imaging(r: R): string {
  return join(
    `${r.p(PLACES)} Department of Medical Imaging`,
    patientBlock(r),
    `Study: ${r.p(['CT chest with contrast', 'MRI lumbar spine without contrast', 'US right upper quadrant', 'XR left ankle 3 views', 'CT head without contrast'])}   Performed ${date(r)}`,
    `Clinical history: ${r.p(CC)}.`,
    `Prior studies: ${r.p(['none available', 'comparison made with outside study of last year'])}.`,
    `Observations: ${r.p(['No pulmonary embolism. Small bilateral effusions.', 'Disc bulge at L4-5 with moderate foraminal narrowing.', 'Gallstones without wall thickening; CBD 4 mm.', 'Nondisplaced fracture of the lateral malleolus.', 'No hemorrhage, mass effect or acute infarct.'])}`,
    `Conclusion: ${r.p(['no PE', 'L4-5 foraminal stenosis', 'cholelithiasis', 'lateral malleolus fracture', 'negative head CT'])}.`,
    `Read by ${dr(r)}, MD, radiologist`,
  )
}

function progress(r: R): string {
  return join(
    r.p(['Interval visit', 'Office follow-up', 'Hospital day note', '']),
    patientBlock(r),
    r.p([
      `Here for recheck of ${r.p(PROBLEMS)}. Doing ${r.p(['better', 'about the same', 'a bit worse'])} since last visit ${r.i(2, 12)} weeks ago.`,
      `Hospital day ${r.i(2, 9)}. Overnight: ${r.p(['no events', 'spiked to 38.4', 'needed one dose of haloperidol'])}.`,
    ]),
    `Meds reviewed: ${r.k(DRUGS, 3).join(', ')}.`,
    `Today: BP ${r.i(104, 168)}/${r.i(60, 96)}, weight ${r.i(48, 140)} kg. ${r.p(['Lungs clear.', 'Mild ankle edema.', 'Wound healing well.'])}`,
    `A/P: ${r.p(PROBLEMS)} - ${r.p(['stable, continue', 'adjust dose', 'labs today'])}. ${r.p(['Return in 3 months.', 'Continue current plan; likely discharge tomorrow.', 'See in 6 weeks.'])}`,
    sign(r),
  )
}

export const UNSEEN_STYLE_GENERATORS: Record<string, (r: R) => string> = {
  history_and_physical: hp,
  referral_letter: referral,
  emergency_report: ed,
  lab_report: lab,
  discharge_summary: discharge,
  consult_note: consult,
  operative_report: operative,
  radiology_report: imaging,
  progress_note: progress,
}
/** More of the types the outside records get wrong most. */
const COUNTS: Record<string, number> = {
  history_and_physical: 40, referral_letter: 40, emergency_report: 40, lab_report: 48,
  discharge_summary: 24, consult_note: 24, operative_report: 24, radiology_report: 24, progress_note: 24,
}

export function unseenStyleDocuments(seed: number, scale = 1): { id: string; type: string; style: string; text: string }[] {
  const r = rand(seed)
  const out: { id: string; type: string; style: string; text: string }[] = []
  for (const [type, n] of Object.entries(COUNTS)) {
    for (let k = 0; k < Math.round(n * scale); k++) {
      const text = UNSEEN_STYLE_GENERATORS[type]!(r).trim()
      // The consultant's letter back to the referrer is a consult note (rules/doctypes/consult_note.json).
      out.push({ id: `unseen-${seed}-${type}-${k}`, type: text.includes('Thank you for asking me to see your patient') ? 'consult_note' : type, style: 'unseen-v1', text })
    }
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = path.dirname(fileURLToPath(import.meta.url))
  const write = (name: string, rows: ReturnType<typeof unseenStyleDocuments>): void => {
    writeFileSync(path.join(dir, name), rows.map((x) => JSON.stringify(x)).join('\n') + '\n')
    process.stderr.write(`wrote ${name}: ${rows.length} documents\n`)
  }
  write('calibration.jsonl', unseenStyleDocuments(1, 0.75))
  write('dev.jsonl', unseenStyleDocuments(2))
}
