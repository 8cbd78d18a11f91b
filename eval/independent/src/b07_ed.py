D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("emergency_report", "full ED physician record with triage block, ends in discharge", """
CASCADE GENERAL HOSPITAL - EMERGENCY DEPARTMENT
EMERGENCY DEPARTMENT PHYSICIAN RECORD

Patient: PELLETIER, ARNAUD   MRN 00711290   DOB 08/08/1938   Visit# E2611300417
Arrival: 11/30/2026 22:48   Mode: EMS   Acuity (ESI): 2

TRIAGE: 88M fall at home, struck forehead, on apixaban. Denies LOC per pt. BP 162/88, HR 78, RR 16, T 36.6, SpO2 97% RA, pain 3/10. Triage RN: M. Castaneda.

HPI: Tripped over rug going to bathroom. Mild headache. No vomiting, no neck pain, no weakness. On apixaban for AF.
ROS: As per HPI, otherwise negative.
PMH: AF, HTN, BPH. Meds: apixaban 5 BID, metoprolol 25 BID, finasteride.
Exam: GCS 15. 3 cm left frontal hematoma, no laceration. Pupils equal. No C-spine tenderness, full ROM. Neuro nonfocal. Gait steady with cane.

ED COURSE: CT head no acute intracranial abnormality. CT C-spine not indicated by NEXUS. Observed 4 h with repeat neuro checks unchanged. Ambulated with PT - safe.
MDM: Elderly anticoagulated head injury, negative CT, reliable family at home.

DIAGNOSIS: Fall; contusion of forehead; long-term anticoagulant use.
DISPOSITION: Discharged home with daughter 12/01/2026 03:40. Head injury precautions. Continue apixaban. PCP follow-up in 1 week; home safety evaluation referral.
ED Physician: Katarina Thistlewood, MD
""")

add("emergency_report", "ED note ending in admission - hard case (looks like H&P)", """
RIVERBEND REGIONAL HOSPITAL EMERGENCY DEPARTMENT
ED Provider Note

Kowalski-Mbatha, Theresa | 88120455 | 09/14/1950 | Arrived 11/28/2026 01:22 by private vehicle
Triage ESI 2. Triage vitals: T 39.4, HR 118, BP 84/50, RR 24, SpO2 94%. Chief complaint: Fever, confusion.

History of present illness: 76 y.o. female brought by daughter with 2 days dysuria, decreased intake and today new confusion and fever. History of ESBL UTI.
Past medical history: DM2, HTN, CKD, recurrent UTI.
Medications/Allergies: reviewed in EHR. Allergic to nitrofurantoin.
Physical exam: Ill-appearing, oriented x1. Dry mucous membranes. Suprapubic and R CVA tenderness. Lungs clear.

ED Course:
01:35 Sepsis alert. 30 mL/kg LR bolus started. Blood cultures x2 drawn.
01:50 Meropenem 1 g IV given (prior ESBL).
02:30 Lactate 3.1. BP 96/58 after 1.5 L.
03:40 Repeat lactate 1.8. BP 102/60. UA: >50 WBC, nitrite +.
03:55 Discussed with hospitalist Dr. Olatunji - accepts for step-down.

Clinical impression: Sepsis due to acute pyelonephritis; acute metabolic encephalopathy; AKI.
Disposition: ADMITTED to step-down unit, condition guarded.
Ambrose Leclair, MD, Emergency Medicine
""")

add("emergency_report", "urgent care / freestanding ED short visit record, checkbox remnants", """
QUICKCARE URGENT CARE - WESTGATE
Visit Record

Name: Tennyson-Ruiz, Gabriel   DOB: 12/12/1985   Visit: 11/08/2026 19:20
Reason for visit: [X] Injury  [ ] Illness   -- Laceration L hand

Triage: BP 128/80 P 82 T 98.4F. Pain 4/10. Tetanus: unknown (>10 yrs?)
History: Cut L palm on broken glass while washing dishes ~1 h ago. Bleeding controlled with pressure. No numbness.
Exam: 2.5 cm linear laceration L thenar eminence, no foreign body on exploration, tendons intact with full flexion/extension against resistance, 2-point discrimination normal, cap refill < 2 sec.
Procedure: Irrigation 250 mL NS, lidocaine 1% local, 4 simple interrupted 4-0 nylon sutures.
Tdap given L deltoid.
Dx: Laceration of left hand without foreign body.
Plan: Keep dry 24 h, suture removal 10-12 days, signs of infection reviewed.
Provider: Desmond Achterhof, PA-C
""")

add("emergency_report", "pediatric ED note, OCR noise, triage inline", """
CHILDREN'S H0SPITAL 0F THE PLAINS - PEDIATRIC EMERGENCY DEPT
Pt: Redc1oud, Tobias   MRN CHP118804   D0B 03/03/2023   11/27/2026 14:05
Triage (RN J. Okafor): ESI 3. RR 54, HR 152, T 38.2, Sp02 88% RA -> 94% 1L NC. Mom states fast breathing, not drinking.
HPI: 3 yo with 4 d URI symptoms and increased work of breathing since 1ast night. Decreased wet diapers. Daycare exposure.
Exam: Tachypneic, subcostal retractions, diffuse crackles and expiratory wheeze. Cap refi11 2 s. TMs norma1.
ED c0urse: Nasal suction with improvement in WOB. RSV PCR positive. Trial PO - took 60 mL. Remained hypoxic on RA (89-90%) after suction.
Impression: RSV bronchiolitis with hypoxemia.
Disp0sition: Admit to pediatric floor f0r supplemental oxygen. Parents updated and agree.
Peds EM: Dr. Hannelore Vasquez-Oyelaran
""", True)

add("emergency_report", "ED visit for chest pain placed in observation, long narrative MDM", """
REDWOOD COAST MEDICAL CENTER
EMERGENCY DEPARTMENT REPORT

NAME: SOLBERG, TRYGVE    MRN: 5518220    DOB: 02/14/1969    DOS: 11/28/2026
ARRIVAL: 15:02 walk-in     ESI: 2     TRIAGE CC: "chest tightness"
ATTENDING: Ximena Arbuthnot, MD

HISTORY OF PRESENT ILLNESS:
57-year-old male with hyperlipidemia presents with 3 hours of left-sided chest tightness that began while carrying boxes, nonradiating, 5/10, reproduced partly with movement. Mild burning after meals recently. No dyspnea, diaphoresis, syncope. No leg swelling, no recent travel.

PAST MEDICAL HISTORY: Hyperlipidemia. MEDICATIONS: Atorvastatin 20 mg. ALLERGIES: NKDA.
SOCIAL: Nonsmoker. FAMILY: Brother MI at 54.

PHYSICAL EXAMINATION: BP 144/86, HR 74, RR 14, SpO2 99%. Well-appearing. Chest wall tender left parasternal. Heart regular, no murmur. Lungs clear. No edema.

DIAGNOSTICS: ECG 15:08 - NSR 72, normal axis, no ST changes. hs-troponin 0 h 4 ng/L, 2 h 5 ng/L. CXR normal. D-dimer not sent (PERC negative).

MEDICAL DECISION MAKING: HEART score 4 (history 1, age 1, risk factors 2) - moderate risk; given family history will place in ED observation for provocative testing. Differential includes ACS, musculoskeletal pain, GERD; PE and dissection felt unlikely.

DISPOSITION: ED observation unit, stress echo in AM.
CLINICAL IMPRESSION: Chest pain, unspecified.
""")

add("emergency_report", "ED triage/nursing sheet with brief provider addendum, tabular vitals", """
ANDERSON-WHITLEY HOSPITAL   EMERGENCY SERVICES
TRIAGE ASSESSMENT / ED SUMMARY

Pt: ABDULLAHI, FARIDA A    MRN AW1129807    DOB 12/25/1977    Acct 00448120933
Arrival 11/25/2026 06:12   Mode: Ambulance (Medic 14)   ESI: 1

Chief complaint: Vomiting, abdominal pain, "can't catch breath"
Time   BP       HR   RR  Temp  SpO2  GCS
06:14  96/58    128  32  36.9  98%   14
06:45  104/62   118  28  --    99%   15
07:30  112/70   106  22  37.0  99%   15

POC glucose: HI (>600). VBG pH 7.08, HCO3 6. Ketones large.
Nursing: 2 large bore IVs. 1 L NS bolus x2. Insulin infusion started 07:05 per DKA protocol. K 5.6 initially.
Provider note (Dr. Renwick Addo-Sorensen): 48F with T1DM, ran out of insulin 4 days ago due to cost. Kussmaul respirations, dry mucosa, diffuse mild abdominal tenderness. Severe DKA. Critical care time 45 min excluding procedures. Admitted to MICU, Dr. Adeyemi-Strand accepting.
Dx: Diabetic ketoacidosis, type 1 DM.   Disposition: Admit ICU 08:20.
""")

add("emergency_report", "freestanding ED note for ankle injury, SOAP-ish short, no header title", """
Valley Freestanding Emergency Center - 7700 Canyon Rd
Pt Ortega-Blum, Samira  DOB 02/25/1996  Seen 10/04/2026 11:30  ESI 4

CC: R ankle injury rolling it playing volleyball.
S: inversion injury 2 h ago, able to take 4 steps after, pain lateral ankle. Not pregnant? - pt reports LMP 2 wks ago (pregnancy test neg).
O: swelling and ecchymosis lateral malleolus; tender ATFL; no bony tenderness posterior edge of either malleolus, no navicular or 5th MT tenderness. NV intact. Ottawa ankle rules negative - no x-ray.
A: R ankle sprain, grade I-II (ATFL).
P: RICE, ankle brace, crutches PRN, ibuprofen 600 q6h with food, weight bear as tolerated, PCP/sports med if not improved 1-2 wks.
Discharged ambulatory, stable. -- Corinne Lafleur-Adebayo, DO, Emergency Medicine
""")

add("emergency_report", "ED record, OCR broken words and run-together lines, psychiatric presentation", """
EMERGENCY  DEPT  REC ORD        MERIDIAN UNIV ERSITY HOSPITAL        Pg 1 of 2
Patient:LACHANCE,DOMINIC  DOB:08/29/2001  MRN:MU4471028  Arr:11/14/2026 00:40 Police
Triage:ESI 2.Suicidal ideation,ETOH.BP 138/90 HR 110 T 36.9 SpO2 98%.BAL 0.19.
HPI:25M brought in on emergency hold after roommate found him with a belt,writing goodbye messages.Reports drinking heavily for 3 days after breakup.Denies ingestion.
Exam:Intoxicated but redirectable,tearful.No ligature marks.No trauma.Lungs clear,heart tachy regular.
Labs:APAP/ASA neg,UDS +THC,CMP nl,ECG QTc 428.
ED course:1:1 sitter,belongings secured.Metabolized,re-eval 08:30 - continues to endorse SI with plan.Psych crisis team eval-meets criteria.Medically cleared.
lmpression:Suicidal ideation;acute alcohol intoxication;major depressive episode.
Disposition:Transfer to Pinebrook Behavioral Health Hospital(bed accepted Dr.Marwick)on involuntary hold.Transport by ambu lance 13:15.
ED attending:Rosalind Fairweather-Nkosi MD
""", True)
