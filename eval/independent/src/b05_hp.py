D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("history_and_physical", "Admission History and Physical, full hospital format", """
HARBORVIEW COMMUNITY HOSPITAL
ADMISSION HISTORY AND PHYSICAL

Patient: Castellano, Ignacio R.   MRN: HCH-4410298   DOB: 11/04/1956
Date of Admission: 11/21/2026   Admitting: Winifred Osei-Baptiste, MD

CHIEF COMPLAINT: "I can't breathe lying down."

HISTORY OF PRESENT ILLNESS: 70M with HFrEF (EF 30%), T2DM, CKD 3a, presents with 2 weeks of progressive exertional dyspnea, 3-pillow orthopnea, PND and leg swelling. Ran out of furosemide 3 weeks ago. Denies chest pain, fever, cough productive of sputum.

PAST MEDICAL HISTORY: Ischemic cardiomyopathy, CAD s/p PCI 2019, T2DM, CKD 3a, HTN.
PAST SURGICAL HISTORY: Appendectomy (1980).
MEDICATIONS: Carvedilol 12.5 mg BID, lisinopril 10 mg daily, metformin 500 mg BID, atorvastatin 40 mg, furosemide 40 mg daily (not taking).
ALLERGIES: NKDA.
SOCIAL HISTORY: Retired machinist. Former smoker, quit 2010. Rare alcohol. Lives with wife.
FAMILY HISTORY: Father MI at 62.
REVIEW OF SYSTEMS: Positive as in HPI. Negative for syncope, hematochezia, dysuria. All others negative.

PHYSICAL EXAMINATION:
Vitals: T 36.8, HR 96, BP 148/92, RR 24, SpO2 89% RA -> 95% 2L.
General: Mild respiratory distress, speaking full sentences.
Neck: JVP to angle of jaw.
Lungs: Bibasilar crackles halfway up.
Heart: Regular, S3 present, no murmur.
Abdomen: Soft, nontender.
Extremities: 3+ pitting edema to knees.

LABS: BNP 2,340. Na 134, K 4.8, Cr 1.9 (baseline 1.3). Troponin 22 -> 24.
CXR: Bilateral interstitial edema, small effusions.

ASSESSMENT AND PLAN:
1. Acute on chronic HFrEF exacerbation due to medication nonadherence - IV furosemide 80 mg BID, strict I/O, daily weights, fluid restriction 1.5 L, echo.
2. AKI on CKD - likely cardiorenal; hold lisinopril and metformin, trend.
3. T2DM - insulin sliding scale.
DVT ppx: heparin SC. Code: Full.
""")

add("history_and_physical", "brief 'H&P' for same-day surgery, pre-op template", """
Northridge Medical Center - Ambulatory Surgery
H&P  (valid 30 days)

Pt: Linwood, Harold T   DOB 01/30/1954   MRN 0092213   Date: 11/13/2026
Planned procedure: Laparoscopic cholecystectomy   Surgeon: F. Obuya, MD

CC/Indication: Recurrent RUQ pain after fatty meals x 4 months. US: multiple gallstones, no wall thickening, CBD 4 mm.
PMH: HTN, BPH, hyperlipidemia.  PSH: R inguinal hernia repair 2008.
Meds: amlodipine 10, tamsulosin 0.4, simvastatin 20.  Allergies: penicillin (hives).
Anesthesia hx: no problems. Family: no malignant hyperthermia.
Social: nonsmoker, 2 beers/wk.
ROS: neg for chest pain, SOB, bleeding disorder.
Exam: BP 136/82 HR 70 BMI 29. Airway Mallampati II. Heart RRR. Lungs clear. Abd soft, mild RUQ tenderness, no Murphy sign.
Labs: CBC, CMP wnl. ECG: NSR.
Assessment: Symptomatic cholelithiasis, ASA II. Appropriate candidate for laparoscopic cholecystectomy.
Plan: Proceed as scheduled. Cefazolin contraindicated - clindamycin pre-op.
""")

add("history_and_physical", "no title, only CC/HPI/PMH/ROS/PE sections, clinic new patient", """
Sunnyside Internal Medicine Associates
Patient: Achterberg, Rosalind   DOB 04/02/1972   Acct 3381-02   Visit date 11/20/2026
Provider: Bernard Castellanos, DO

CC: New patient, establish care, fatigue.

HPI: 54 y/o F relocating from Ohio, reports 6 months of fatigue, cold intolerance, 4 kg weight gain and dry skin. Menses stopped 2 years ago. Sleeps 8 h, not refreshed. No snoring reported by partner.

PMH: Hypertension x 5 yrs. Hx iron deficiency (heavy menses) 2019.
PSH: C-section 2004, tubal ligation.
Meds: losartan 50 mg daily.
Allergies: codeine - nausea.
FH: Mother hypothyroid, father T2DM, CAD.
SH: Accountant. Never smoker. Wine 2-3/wk. Walks 3x/wk.

ROS:
Const: + fatigue, + wt gain. No fever.
Skin: + dry.  HEENT: neg.  CV: neg.  Resp: neg.  GI: + mild constipation.
GU: neg.  MSK: + diffuse achiness.  Neuro: neg.  Psych: mood ok, PHQ-2 = 1.

PE: BP 138/86, HR 62, Wt 81 kg, BMI 30.1.
Gen NAD. Thyroid: mildly enlarged, no nodules. Heart RRR no m. Lungs CTA. Ext no edema. Reflexes with delayed relaxation phase. Skin dry.

A/P:
1. Fatigue with features suggestive of hypothyroidism - TSH, free T4, CBC, ferritin, CMP.
2. HTN - borderline control; continue losartan, home BP log.
3. Health maintenance - lipid panel, mammogram due, colonoscopy due (age 45+ never done) - referral placed.
RTC 3 weeks.
""")

add("history_and_physical", "'Admitting Note' by hospitalist that reads like a consult - hard case", """
RIVERBEND REGIONAL HOSPITAL
Hospital Medicine - Admitting Note

Patient: Kowalski-Mbatha, Theresa   MRN 88120455   DOB 09/14/1950
Date: 11/28/2026 04:10
Requesting ED physician: Dr. Ambrose Leclair
Reason for admission request: Sepsis, suspected urinary source

Thank you for allowing the hospitalist service to admit this patient. 76-year-old woman with diabetes and recurrent UTIs brought from home with fever 39.4, confusion and hypotension 84/50 responding to 2 L crystalloid. UA with pyuria, nitrite positive. Lactate 3.1 -> 1.8.

Past history: T2DM (A1c 8.2), HTN, CKD 3b, recurrent E. coli UTI (ESBL 2025), OA.
Home meds: glipizide 5 mg, lisinopril 20 mg, gabapentin 300 mg qHS.
Allergies: nitrofurantoin (pulmonary reaction).
Social: Widowed, lives alone, independent ADLs, daughter nearby. Nonsmoker.
Family: noncontributory.
ROS: Unable to fully obtain due to encephalopathy; daughter reports 2 days dysuria and poor oral intake.

Exam: T 38.9 HR 108 BP 102/60 after fluids RR 22 SpO2 95% RA. Drowsy, oriented to person only. Dry mucosa. Lungs clear. Heart tachycardic, regular. Abdomen soft, suprapubic tenderness, R CVA tenderness. No rash. No focal deficits.

Labs: WBC 17.9, Cr 2.1 (baseline 1.5), glucose 260.

Impression/Plan:
Sepsis due to acute pyelonephritis, prior ESBL -> meropenem 1 g q12h (renal dose), blood and urine cultures pending. Hold lisinopril, glipizide; insulin correction. AKI - fluids, renal ultrasound. Metabolic encephalopathy - delirium precautions. Admit to step-down. Full code (confirmed with daughter, HCP).
""")

add("history_and_physical", "pediatric admission H&P, OCR noise, run-together", """
CHILDREN'S H0SPITAL 0F THE PLAINS  PEDIATRIC ADMISSI0N H&P
Name:Redc1oud,Tobias  MRN:CHP118804  D0B:03/03/2023  Adm:11/27/2026
Source:ED.  Historian:Mother.
Chief c0mplaint:Fast breathing and not eating x 2 days.
HPI:3 yo M with 4 days c0ugh,rhinorrhea,low grade fever.Since yesterday increased work of breathing,drinking half of usual,3 wet diapers today.Sick contacts:daycare.RSV+ in ED.SpO2 88% RA.
PMH:Term,NSVD.No prior hospita1izations.No wheezing history.Immunizations UTD per mother.
Meds:none.Allergies:NKDA.
FH:Asthma in father.SH:Lives with parents,1 sibling,no smokers.
R0S:neg except per HPI.No vomiting/diarrhea,no rash.
Exam:T 38.1 HR 150 RR 52 SpO2 92% on 1L NC.Alert,fussy.M0ist mucosa.Subcostal and intercosta1 retractions,diffuse crackles and wheezes.Heart RRR,no murmur.Abd soft.Cap refill 2 sec.
Assessment:Bronchiolitis due to RSV with hypoxemia.
P1an:Admit to floor,supplemental O2 to keep sats >90%,nasal suction,PO trial,IVF if poor intake,contact precautions.No bronchodilators/steroids per guideline.
""", True)

add("history_and_physical", "psychiatric admission evaluation ('Initial Psychiatric Evaluation') - H&P in psych format", """
Pinebrook Behavioral Health Hospital
INITIAL PSYCHIATRIC ADMISSION HISTORY & PHYSICAL

Patient: Lachance, Dominic   DOB 08/29/2001   Record # PB-60218   Admit 11/14/2026

Identifying data: 25-year-old single male, warehouse worker, brought by police on involuntary hold.
Chief complaint: "I didn't want to be here anymore."
History of present illness: Two weeks of depressed mood, insomnia, anhedonia after girlfriend ended relationship; drinking 10-12 beers daily for 3 days. Wrote goodbye texts; found by roommate with a belt. No prior attempts.
Past psychiatric history: Counseling in high school for anxiety. No hospitalizations.
Substance use: Alcohol as above, cannabis weekends. No IV drugs.
Medical history: Asthma (mild). Medications: albuterol PRN. Allergies: none.
Family history: Maternal uncle suicide. Father alcohol use disorder.
Social history: Lives with roommate. High school graduate. No firearms at home (confirmed).
Review of systems: Poor appetite, 3 kg weight loss. Otherwise negative.
Physical exam: Vitals stable, HR 104, mild tremor, no diaphoresis. Ligature mark absent. Lungs clear. Cardiac regular. Neuro nonfocal.
Mental status exam: Disheveled, poor eye contact, psychomotor slowing, speech low volume. Mood "empty," affect constricted. Thought process linear. + passive SI, no current plan. No HI. No AH/VH. Insight and judgment fair.
Formulation & plan: MDD severe, AUD moderate. 1:1 observation initially, CIWA, thiamine, start sertraline 50 mg, individual/group therapy, family meeting.
Psychiatrist: Anneliese Marwick, MD
""")

add("history_and_physical", "annual comprehensive physical (complete H&P) at family practice", """
Oakmont Family Practice
COMPREHENSIVE HISTORY & PHYSICAL EXAMINATION

Name: Tennyson-Ruiz, Gabriel     DOB: 12/12/1985     Acct: OFP-55012
Date: 11/23/2026     Clinician: Maribel Ostrowski, PA-C

History: Presents for complete physical required by new employer. No complaints.
Past medical history: Mild intermittent asthma. Seasonal allergies.
Surgical history: ACL reconstruction left knee 2012.
Current medications: albuterol HFA PRN (uses <1/month), cetirizine PRN.
Allergies: None known.
Family history: Mother breast cancer at 58, father HTN.
Social history: Married, software engineer, no tobacco, social alcohol, no drugs. Exercises 4x/week.
Review of systems: Negative in all 12 systems reviewed.

Physical examination:
  Height 178 cm, Weight 80 kg, BMI 25.2, BP 122/78, HR 64, SpO2 99%
  HEENT: normal. TMs clear. Oropharynx clear.
  Neck: supple, no thyromegaly or adenopathy.
  Cardiovascular: RRR, no murmurs.
  Respiratory: clear to auscultation.
  Abdomen: soft, nontender, no organomegaly.
  Musculoskeletal: well-healed scar left knee, full ROM.
  Skin: no suspicious lesions.
  Neuro: grossly intact.

Assessment: Healthy adult male. Asthma well controlled.
Plan: Lipid panel, HIV and hepatitis C screening (one-time). Tdap due - given today. Employer form completed.
""")

add("history_and_physical", "surgical service admission note, abbreviations heavy, OCR slips", """
Si1ver River Regiona1 Medica1 Center
GENERAL SURGERY ADMISSI0N NOTE    11/27/2026 03:30
Pt: H0LL0WAY, JUNE P   MRN SRR-7720155   DOB 05/22/1983
CC: RLQ abd pain x 1 day
HPI: 43F w/ periumbilical pain migrating to RLQ, anorexia, nausea, T 38.3. No dysuria, no vag d/c. LMP 2 wks ago, hCG neg.
PMH: none. PSH: none. Meds: OCP. All: NKDA.
SH: nonsmoker, occ EtOH. FH: noncontrib.
ROS: neg x 10 except HPI.
PE: T 38.2 HR 102 BP 128/76. A&Ox3. Abd: soft, RLQ TTP w/ rebound, + Rovsing, no peritonitis.
Labs: WBC 15.2, lipase nl, UA neg.
Imaging: CT A/P - acute uncomplicated appendicitis with appendico1ith.
A/P: Acute appendicitis. Admit to surgery. NPO, IVF, pip-tazo, pain ctrl. P1an lap appy this AM. Consent obtained, risks discussed.
- T. Greyhawk MD (PGY-2) / attending Dr. O. Sundqvist
""", True)
