D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("discharge_summary", "classic hospital discharge summary, full sections", """
HARBORVIEW COMMUNITY HOSPITAL
DISCHARGE SUMMARY

Patient: Castellano, Ignacio R.     MRN: HCH-4410298     DOB: 11/04/1956
Admission Date: 11/21/2026          Discharge Date: 11/26/2026
Attending: Winifred Osei-Baptiste, MD
PCP: Sunnyslope Family Medicine

ADMITTING DIAGNOSIS: Acute decompensated heart failure.
DISCHARGE DIAGNOSES:
1. Acute on chronic HFrEF (EF 30%), NYHA III.
2. Acute kidney injury on CKD 3a, resolved.
3. Type 2 diabetes mellitus.

HOSPITAL COURSE:
70-year-old man presented with 2 weeks of progressive dyspnea, orthopnea and 9 kg weight gain after running out of furosemide. BNP 2,340. CXR with pulmonary edema. He was diuresed with IV furosemide 80 mg BID with net negative 7.2 L. Creatinine peaked at 1.9 and returned to baseline 1.3. Echo showed EF 30%, unchanged from 2025. Sacubitril/valsartan was started on day 4 and tolerated. Diabetes educator and HF nurse saw the patient.

PROCEDURES: Transthoracic echocardiogram 11/22.

CONDITION AT DISCHARGE: Stable, ambulating, euvolemic. Discharge weight 88.4 kg.

DISCHARGE MEDICATIONS:
- Furosemide 40 mg PO twice daily (CHANGED - increased)
- Sacubitril/valsartan 24/26 mg PO twice daily (NEW)
- Lisinopril - STOP
- Carvedilol 12.5 mg PO twice daily (continue)
- Spironolactone 12.5 mg daily (NEW)
- Metformin 500 mg BID (continue)

FOLLOW-UP:
- PCP within 7 days; BMP in 1 week.
- Cardiology clinic (Dr. Halvorsen-Reyes) 12/08/2026.
- Daily weights; call if gain >1 kg/day or 2 kg/week.

Dictated by W. Osei-Baptiste MD  D: 11/26/2026  T: 11/26/2026  Job 884120
cc: Sunnyslope Family Medicine (fax 559-555-0100)
""")

add("discharge_summary", "short pediatric discharge, titled 'Hospital Discharge Note'", """
Children's Hospital of the Plains - Pediatric Inpatient Unit
Hospital Discharge Note

Name: Redcloud, Tobias    DOB: 03/03/2023    MRN: CHP118804
Admitted 11/27/2026 | Discharged 11/29/2026 | Attending: Dr. Maren Ekwueme

Reason for hospitalization: Bronchiolitis (RSV+) with hypoxemia.
Course: Required 1 L nasal cannula O2 for 36 hours and nasal suctioning. Tolerated oral feeds by day 2. No antibiotics. Weaned to room air 11/28 evening; sats 95-98% RA overnight.
Discharge exam: Mild subcostal retractions, scattered crackles, well hydrated.
Meds at discharge: None. Saline drops and suction PRN.
Instructions to family: Return for labored breathing, poor feeding, fewer than 3 wet diapers/day.
Follow up: PCP (Brightwater Pediatrics) in 2-3 days.
""")

add("discharge_summary", "inter-facility transfer summary (hospital to SNF)", """
MERCY VALLEY MEDICAL CENTER
INTERFACILITY TRANSFER SUMMARY / CONTINUITY OF CARE

Patient: DUBROVSKY, HELENA       DOB: 06/12/1940      MRN: MV-0029931
Transferring from: 4 West Ortho, Mercy Valley MC
Transferring to: Rosewood Skilled Nursing & Rehabilitation
Date of transfer: 11/25/2026   Admit date: 11/20/2026

Principal diagnosis: Left intertrochanteric femur fracture s/p intramedullary nailing 11/21/2026.
Secondary: Postoperative anemia (Hgb nadir 8.1, transfused 1 unit), HTN, mild dementia, osteoporosis.

Brief course: Mechanical fall at home. Underwent IM nail by Dr. Fenwick without complication. Delirium POD1-2, resolved with nonpharmacologic measures. Working with PT - ambulates 40 ft with walker, min assist.

Weight bearing: WBAT left lower extremity.
DVT prophylaxis: Enoxaparin 40 mg SC daily x 28 days total (last dose 12/19/2026).
Wound: Staples in place, remove 12/03/2026. Dry dressing.
Code status: DNR/DNI (POLST on file, copy attached).
Allergies: Sulfa (rash).
Diet: Regular, thin liquids.
Medications: acetaminophen 1 g TID, oxycodone 2.5 mg q6h PRN severe pain, amlodipine 5 mg daily, donepezil 10 mg qHS, calcium/vit D, senna-docusate BID.
Follow-up: Ortho clinic 2 weeks, Dr. Fenwick. DXA/osteoporosis treatment via PCP.

Report called to receiving RN (K. Amundsen) 11/25 at 13:20.
Physician: Leopold Haverkamp, MD (Hospitalist)
""")

add("discharge_summary", "OB delivery discharge summary, OCR noise", """
ST. BRIGID WOMEN & INFANTS HOSPITA L
P0STPARTUM DISCHARGE SUMMARY
Patient: Nguyen-Ashby, Clara     MRN: SBW773019     D0B: 01/17/1994
Admit: 11/22/2026   Discharge: 11/24/2026
Delivery: 11/22/2026 - Spontaneous vaginal delivery, liveborn female, 3380 g, Apgars 8/9.
G2P2002. GBS negative. 2nd degree perinea1 laceration repaired.
Postpartum course: Uncomp1icated. Hgb 10.9 on PPD1. Voiding, ambulating, pain contro11ed on ibuprofen. Breastfeeding we11.
Rh: positive.  Rubella: immune.  Tdap given in pregnancy.
Discharge meds: ibuprofen 600 mg q6h PRN, prenata1 vitamin, docusate.
Contraception: plans progestin-on1y pill, Rx given.
Fo11ow-up: Postpartum visit 2-3 weeks with Ho11is Grantham CNM. Return for fever, heavy b1eeding, headache or visual changes.
Signed: Adaeze Forsberg, MD   11/24/2026
""", True)

add("discharge_summary", "behavioral health discharge summary, narrative, no headings table", """
Pinebrook Behavioral Health Hospital
Discharge Summary

Patient: Lachance, Dominic    DOB 08/29/2001    Record #: PB-60218
Dates: admitted 11/14/2026, discharged 11/24/2026 (10 days)
Legal status on admission: involuntary 72-hour hold, converted to voluntary 11/16.

Mr. Lachance was admitted after police transport for suicidal ideation with plan following a relationship breakup and 3 days of heavy alcohol use. He was monitored on CIWA protocol with minimal withdrawal. He participated in group and individual therapy. Sertraline was started at 50 mg and increased to 100 mg. By discharge he denied SI/HI, was future oriented, and completed a safety plan with his mother.

Discharge diagnoses: Major depressive disorder, single episode, severe, without psychotic features; alcohol use disorder, moderate.
Discharge medications: sertraline 100 mg daily; naltrexone 50 mg daily.
Aftercare: Intensive outpatient program at Riverside Counseling starting 11/30; PCP for labs (LFTs) in 4 weeks. Crisis line 988 reviewed.
Risk assessment at discharge: low acute risk, moderate chronic risk factors.

Attending psychiatrist: Anneliese Marwick, MD
""")

add("discharge_summary", "after-visit style short-stay/observation discharge, bullet layout", """
OBSERVATION UNIT DISCHARGE SUMMARY
Redwood Coast Medical Center

Pt Name: SOLBERG, TRYGVE       MRN 5518220       DOB 02/14/1969
Obs start: 11/28/2026 18:40    Discharge: 11/29/2026 15:10

* Reason for observation: Chest pain, rule out ACS
* Workup: hs-troponin 4 -> 5 ng/L (negative delta). ECG NSR, no ischemic changes. Exercise stress echo 11/29: achieved 10.2 METs, no ischemia, EF 60%.
* Final dx: Noncardiac chest pain, likely musculoskeletal vs GERD.
* Meds: Start omeprazole 20 mg daily x 8 weeks. Continue atorvastatin.
* F/U: PCP 1-2 weeks. Consider outpatient GI if persistent.
* Disposition: Home, self-care.

Hospitalist: Priyanka Delacourt-Haynes, MD
""")

add("discharge_summary", "long medical discharge with labs at discharge and pending results, fax header", """
FAX  11/30/2026 09:47  FROM: ANDERSON-WHITLEY HOSP HIM   TO: 5595550100   Page 2 of 4

Patient: ABDULLAHI, FARIDA A    Acct: 00448120933   MRN: AW1129807   DOB: 12/25/1977

DISCHARGE SUMMARY (continued from page 1)

HOSPITAL COURSE BY PROBLEM:
1. Diabetic ketoacidosis - Presented with glucose 612, pH 7.08, anion gap 28, beta-hydroxybutyrate 7.2. Managed in ICU on insulin infusion per protocol; gap closed in 14 h. Transitioned to basal-bolus insulin. Precipitant felt to be insulin omission due to cost.
2. Type 1 diabetes - A1c 12.4%. Endocrine consulted. New regimen glargine 22 units qHS and lispro 1 unit/10 g carbs + correction. Diabetes education completed. Social work enrolled patient in manufacturer assistance program.
3. Hypokalemia - nadir 2.9 during treatment, repleted.

LABS AT DISCHARGE: Na 137, K 4.1, CO2 24, glucose 168, Cr 0.8.
PENDING AT DISCHARGE: GAD-65 antibody (send-out) - PCP to follow.

DISCHARGE CONDITION: Good. DISPOSITION: Home.
DISCHARGE INSTRUCTIONS: Check glucose AC and HS; hypoglycemia teaching done.
FOLLOW-UP: PCP 1 week; Endocrinology (Dr. Szabo-Mensah) 3 weeks.

Electronically signed: Corwin Adeyemi-Strand, MD  11/29/2026 17:02
""")

add("discharge_summary", "rehab facility discharge to home, OCR run-together, section order unusual", """
ROSEWOOD SKILLED NURSING & REHAB CENTER
DISCHARGE SUMMARY- SHORT TERM REHAB
Resident:DUBROVSKY,HELENA DOB:06/12/1940 Adm:11/25/2026 D/C:12/04/2026
Discharge to:Home with daughter,home health PT/OT and RN arranged(Sunrise Home Health).
Functional status at discharge:Ambulates 150 ft with rolling walker,supervision.Transfers independent.ADLs mod independent.
Reason for stay:Rehab after L hip IM nail 11/21/2026.
Course:Progressed well with therapy 5x/wk.Staples removed 12/03,incision healed.Mild confusion at night,stable.No falls.
Medications at discharge:enoxaparin 40mg SC daily until 12/19/2026 then stop;acetaminophen 1g TID;amlodipine 5mg;donepezil 10mg;calcium/vit D;senna.Oxycodone discontinued 11/30.
Follow-up:Ortho Dr.Fenwick 12/08.PCP within 2 weeks-please address osteoporosis treatment.
Attending:Seamus Okonkwo-Reilly,MD   NP:Laurel Hst,APRN
""", True)
