D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("consult_note", "consult letter back to PCP, 'thank you for referring'", """
Heartland Cardiovascular Institute
990 Prairie Medical Pkwy, Wichita KS 67205   Tel 316-555-0120  Fax 316-555-0121

November 19, 2026

Bernard Castellanos, DO
Sunnyside Internal Medicine Associates

RE: Rosalind Achterberg   DOB 04/02/1972

Dear Dr. Castellanos,

Thank you for referring Ms. Achterberg for evaluation of palpitations. I saw her in clinic today.

She describes 2-3 episodes per week of a fluttering sensation lasting seconds, without syncope or chest pain. Caffeine intake is 4 cups daily. Her examination was unremarkable, BP 134/84. ECG showed sinus rhythm with occasional PACs. A 14-day ambulatory monitor showed a PAC burden of 2.1%, rare PVCs and no atrial fibrillation. Echocardiogram showed normal LV size and function, EF 62%, no valvular disease.

Impression: Symptomatic premature atrial contractions, benign. 

Recommendations:
1. Reduce caffeine; reassurance.
2. No antiarrhythmic needed. If symptoms become bothersome, low-dose metoprolol succinate 25 mg could be tried.
3. Her LDL of 158 merits statin discussion given family history; I'll defer to you.

I have not scheduled routine follow-up but would be glad to see her again as needed.

Sincerely,

Valentina Duarte-Kimura, MD, FACC
""")

add("consult_note", "inpatient consultation note, formal 'CONSULTATION' header with requesting physician", """
RIVERBEND REGIONAL HOSPITAL
INFECTIOUS DISEASES CONSULTATION

Patient: Kowalski-Mbatha, Theresa   MRN 88120455   DOB 09/14/1950
Date of consult: 11/29/2026
Requesting physician: Hospitalist service (Dr. Sunniva Olatunji)
Reason for consultation: ESBL E. coli bacteremia, antibiotic duration and oral step-down.

HPI: 76F admitted 11/28 with sepsis from pyelonephritis. Blood cultures 2/2 E. coli ESBL, susceptible to carbapenems, ertapenem, amikacin, fosfomycin; resistant to ciprofloxacin and TMP-SMX. Defervesced within 36 h on meropenem.

Exam: Afebrile 48 h. Mild R CVA tenderness. No line issues.
Data: Renal US - mild R pyelonephritic changes, no abscess or obstruction. WBC 17.9 -> 9.4.

Assessment: ESBL E. coli bacteremia secondary to acute pyelonephritis, responding.
Recommendations:
- Narrow to ertapenem 1 g IV daily (renal adjusted) once repeat blood cultures negative x48h.
- Total 10-14 days of therapy from first negative culture; OPAT via PICC vs midline.
- No need for repeat imaging if clinically improving.
- ID will follow along; thank you for this consult.

Lucius Pemberton-Achebe, MD, Infectious Diseases
""")

add("consult_note", "orthopedic outpatient consult note in SOAP-like layout - hard case", """
Mesa Orthopaedic & Spine
Outpatient Consultation

Patient: Abernathy, Colt    DOB 04/17/1979    Visit 11/20/2026
Referring provider: Agatha Moreno-Sills, NP (Pinecrest Family Health)
Consultant: Solveig Lindqvist, MD

Reason for consultation: Left sciatica, failed 6 weeks of physical therapy.

S: 47M, 10 weeks of low back pain with radiation to L lateral calf and dorsum of foot. Worse sitting. No bowel/bladder change, no saddle anesthesia. NSAIDs partial relief.
O: Antalgic gait. SLR positive on L at 40 degrees. EHL strength 4/5 L. Sensation decreased L5 distribution. Reflexes symmetric. MRI 11/18: L4-5 left paracentral protrusion contacting L5 root.
A: L5 radiculopathy from L4-5 disc protrusion.
P: Discussed natural history (most improve), options. Will proceed with L L4-5 transforaminal epidural steroid injection. If no durable relief at 6 weeks, discuss microdiscectomy. Return precautions for cauda equina reviewed.

Thank you for involving us in Mr. Abernathy's care. A copy of this note is sent to the referring provider.
""")

add("consult_note", "nephrology e-consult response, short, no letterhead", """
E-CONSULT RESPONSE - NEPHROLOGY
Question from: Petra Halversen, MD (Sunnyslope Family Medicine), submitted 12/01/2026
Patient: Okafor, Beatrice N   DOB 03/14/1961

Question: eGFR 46 (was 58 a year ago), K 5.3, A1c 7.9, on lisinopril 40. Should I refer in person? Any med changes?

Response (Aurelio Fonseca-Lindahl, MD, Nephrology, 12/02/2026):
Chart reviewed. This is CKD G3a, albuminuria category unknown - please obtain urine albumin/creatinine ratio. Decline of 12 mL/min over 1 year is more than expected; repeat BMP in 2-4 weeks to confirm stability.
Suggestions:
1. Add SGLT2 inhibitor (e.g., empagliflozin 10 mg) for renal and CV protection; expect a small initial eGFR dip.
2. Low-potassium diet counseling; avoid NSAIDs. If K persists >5.5, consider patiromer rather than stopping ACE inhibitor.
3. Renal ultrasound once.
In-person nephrology referral recommended if UACR >300 mg/g or eGFR <30, or ongoing decline >5/yr.
Time spent reviewing: 15 minutes.
""")

add("consult_note", "dermatology consult letter after referral, OCR noise", """
ALPINE DERMAT0L0GY & M0HS SURGERY
1840 Ridgecrest B1vd, Suite 200, Boulder C0 80302

10/28/2026

Re: Renata Caste11anos   D0B: 05/05/1959

Dear Colleague,

Many thanks for asking me to see Mrs. Castel1anos regarding a non-hea1ing lesion on the left nasal a1a. She reports it has bled intermittent1y for 5 months.
On examination there is a 0.8 cm pearly papule with rolled borders and arborizing telangiectasia on dermoscopy. No cervical lymphadenopathy. Full skin exam otherwise showed multiple seborrheic keratoses and solar lentigines.
A shave biopsy was performed today and confirms nodular basal cell carcinoma (AD-26-4410).
Given the high-risk 1ocation on the face, I have recommended Mohs micrographic surgery, which is scheduled for 11/13/2026. I will send you a copy of the operative note.
I have also advised annua1 skin checks and daily sunscreen.

Kind regards,

Thaddeus 0koro-Lindgren, MD
Board Certified Dermatologist, Mohs Surgeon
""", True)

add("consult_note", "neurology new patient consult, long, classic headings, fax banner", """
11/25/2026 16:05   (970) 555-0188   FRONT RANGE NEUROLOGY   >>> 559-555-0100   P. 1/3

FRONT RANGE NEUROLOGY, PLLC
NEW PATIENT NEUROLOGICAL CONSULTATION

Patient: Marchetti-Olufemi, Ada     DOB: 02/06/1990     MRN: FRN-40018
Date of visit: 11/25/2026
Referred by: Petra Halversen, MD
Reason for referral: Recurrent headaches, worsening.

History: 36-year-old right-handed woman with headaches since adolescence, increasing to 12-15 headache days/month over the past year. Unilateral throbbing, photophobia, nausea, 6-24 h. Visual aura (zigzag lines) before about a third of attacks. Uses ibuprofen or sumatriptan on ~12 days/month. No thunderclap onset, no positional component, no neurological deficits between attacks.
Past medical history: Anxiety. Meds: sumatriptan 50 mg PRN, ibuprofen PRN, combined oral contraceptive.
Family history: Mother migraine.
Exam: BP 118/74. Normal fundi with sharp discs. Cranial nerves II-XII intact. Strength 5/5 throughout. Reflexes 2+ symmetric. Coordination and gait normal.

Impression:
1. Chronic migraine with aura.
2. Probable medication overuse headache.
3. Combined estrogen contraceptive in migraine with aura - increased stroke risk.

Recommendations:
- Discontinue the estrogen-containing contraceptive; discuss progestin-only or non-hormonal options with gynecology/PCP.
- Start topiramate 25 mg qHS, titrate to 50 mg BID over 4 weeks (counsel on contraception and cognitive effects).
- Limit acute treatment to <10 days/month; headache diary.
- No neuroimaging needed given normal exam and stable pattern.
- Follow-up here in 3 months; consider CGRP monoclonal antibody if topiramate not tolerated.

Thank you for this kind referral.
Leontyne Abara-Whitfield, MD, Neurology
""")

add("consult_note", "surgical consult in ED written like an H&P - hard case", """
Silver River Regional Medical Center
GENERAL SURGERY CONSULT

Consult requested by: Benedikt Arrowsmith, MD (Emergency Medicine)
Reason: Possible appendicitis
Date/time: 11/27/2026 03:10
Patient: Holloway, June P   MRN SRR-7720155   DOB 05/22/1983

HPI: 43F with 24 h of periumbilical pain now localized to RLQ, nausea, anorexia. Fever 38.3 in ED.
PMH: none.  PSH: none.  Meds: OCP.  Allergies: NKDA.
SH: nonsmoker.  FH: noncontributory.
ROS: negative except above.
Exam: T 38.2, HR 102. Abdomen soft, focal RLQ tenderness with rebound, Rovsing positive.
Labs/imaging: WBC 15.2. CT: acute appendicitis with appendicolith, no perforation.

Assessment: Acute uncomplicated appendicitis.
Recommendations: Admit to general surgery. NPO, IV fluids, piperacillin-tazobactam. Laparoscopic appendectomy this morning. Discussed with patient who agrees. Thank you for the consult; we will assume care.
Oskar Sundqvist, MD, General Surgery
""")

add("consult_note", "physical therapy evaluation sent back to referring MD, run-together OCR", """
PEAKVIEW PHYSICAL THERAPY-INITIAL EVALUATION&PLAN OF CARE(Please sign and return)
Pt:Abernathy,Colt  DOB:04/17/1979  Eval date:10/02/2026  Referring MD:A.Moreno-Sills,NP
Dx:Lumbar radiculopathy,left(M54.16)
Subjective:LBP with L leg pain x 5wks.Pain 6/10,worse sitting/driving.Goals:return to work(electrician),sit 1 hr.
Objective:Lumbar flexion 50% limited with peripheralization,extension centralizes symptoms.SLR+ L 45deg.Oswestry 42%.
Assessment:Signs consistent with L lumbar radiculopathy,directional preference extension.Good rehab potential.
Plan:2x/wk x 6 wks:McKenzie extension program,neural mobilization,core stabilization,HEP.
Thank you for this referral.Re-eval in 6 weeks.
Therapist:Imani Oyelowo-Berg,PT,DPT
Physician signature certifying plan of care:__________________ Date:_______
""", True)
