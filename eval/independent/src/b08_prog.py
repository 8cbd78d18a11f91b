D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("progress_note", "outpatient SOAP progress note, primary care follow-up", """
Sunnyside Internal Medicine Associates
OFFICE VISIT - FOLLOW UP

Patient: Achterberg, Rosalind   DOB 04/02/1972   Date: 12/10/2026
Provider: Bernard Castellanos, DO

S: Here to review labs. Fatigue unchanged. Cardiology saw her for palpitations - benign PACs, cut coffee to 1 cup, fewer episodes. Home BPs 128-138/80-86.
O: BP 132/84, HR 66, Wt 81.4 kg. Thyroid slightly enlarged, nontender. Heart RRR. Lungs clear.
   Labs 11/27: TSH 6.82, FT4 0.91, LDL 158, TG 191, ferritin 18.
A:
  1. Subclinical hypothyroidism, symptomatic - TPO Ab pending.
  2. Hyperlipidemia, ASCVD 10-yr risk 6.8%.
  3. HTN - near goal.
  4. Low-normal ferritin.
P:
  1. Start levothyroxine 25 mcg daily; recheck TSH 6-8 wk.
  2. Start atorvastatin 20 mg after shared decision-making.
  3. Continue losartan.
  4. Ferrous sulfate every other day; CBC with next labs.
  RTC 8 weeks.
""")

add("progress_note", "hospital daily progress note, 'Hospitalist Progress Note - Day 3'", """
Harborview Community Hospital
Hospitalist Progress Note - Hospital Day 3
Castellano, Ignacio R.  MRN HCH-4410298  11/23/2026 08:15

Subjective: Slept flat last night with 1 pillow. Breathing much better. No chest pain. Mild thirst.
Objective:
  Tmax 36.9  HR 82  BP 118/72  RR 18  SpO2 96% RA
  I/O 24h: 1.4 L in / 4.1 L out. Weight 92.1 kg (admit 97.6).
  JVP 10 cm. Crackles at bases only. 1+ edema.
  Na 136, K 3.9, Cr 1.6 (1.9 -> 1.7 -> 1.6). Mg 1.9.
  Echo: EF 30%, moderate MR functional.
Assessment/Plan:
  # ADHF - improving, continue IV furosemide 80 BID one more day, then transition to PO.
  # AKI on CKD - improving with decongestion.
  # GDMT - plan start ARNI once Cr stable (36 h washout after last ACEi dose met 11/23 PM).
  # DM - glucose 140-190 on SSI.
  Dispo: likely home 2-3 days. HF education.
W. Osei-Baptiste, MD
""")

add("progress_note", "narrative progress note with no headings, specialty follow-up", """
Front Range Neurology, PLLC
Return visit 02/24/2027 -- Ada Marchetti-Olufemi (DOB 02/06/1990), MRN FRN-40018

Ms. Marchetti-Olufemi returns 3 months after starting topiramate. She is now on 50 mg twice daily and her headache diary shows 6 headache days in the last month, down from 14, with only 3 days of sumatriptan use. Aura episodes are rare. She had tingling in the fingers for the first 2 weeks, now resolved, and mild word-finding difficulty that she finds tolerable. She switched to a levonorgestrel IUD in December as advised. Neurologic exam today is unchanged and normal. BP 112/70, weight down 2 kg.

Overall she has had a good response. We will continue topiramate at the current dose, keep acute treatment below 10 days a month, and reassess in 6 months. If cognitive effects worsen, we could consider switching to a CGRP antibody. She knows to call for any new neurological symptoms.

L. Abara-Whitfield, MD
""")

add("progress_note", "diabetes follow-up with flowsheet fragments, OCR noise", """
SUNNYSL0PE FAMILY MEDICINE   Progress N0te   12/15/2026
Pt: 0kafor, Beatrice N   D0B 03/14/1961   MRN SFM-20918   Provider: P. Halversen MD
Reason for visit: DM2 / CKD f/u
Interval hx: Started empag1iflozin 10 mg per nephro e-consult. N0 genital infecti0ns. Glucose logs fasting 120-150. Fo11owing low-K diet.
Vitals: BP 134/80  HR 72  Wt 88.2 kg (-1.6)
Exam: feet - n0rmal monofilament, pulses 2+, no ulcers.
Data: UACR 210 mg/g. K 4.9, Cr 1.36, eGFR 44. A1c 7.9 (11/30).
Assessment: 1) DM2 with CKD G3a A2, improving contro1. 2) Hyperkalemia res01ved. 3) HTN at goa1.
Plan: Continue lisinopri1 40, empagliflozin 10, metformin (eGFR>30, max 1000/day). Add semaglutide 0.25 mg weekly. Repeat BMP + A1c 3 mo. Eye exam referral. Flu vaccine given today.
""", True)

add("progress_note", "therapy/behavioral health session note, DAP format", """
Riverside Counseling Center - Intensive Outpatient Program
GROUP/INDIVIDUAL SESSION NOTE (DAP)

Client: Dominic Lachance    DOB: 08/29/2001    Client ID: RCC-3021
Date: 12/07/2026   Session: Individual, 50 min   Clinician: Marisela Quarshie, LCSW

Data: Client attended 5/5 IOP days this week. Reports 16 days sober. Mood 5/10 (was 2/10). Sleeping 6-7 h. Taking sertraline and naltrexone daily. Denies SI since discharge; used safety plan once when cravings peaked (called sponsor).
Assessment: Engaged, improving depressive symptoms (PHQ-9 14, from 22). Alcohol use in early remission. Low acute risk.
Plan: Continue IOP 3 more weeks, step down to standard outpatient. Practice behavioral activation homework. Next psychiatry med check 12/14. Coordinate with PCP re: LFTs.
""")

add("progress_note", "postoperative clinic visit note, brief, surgery office", """
Northridge General Surgery Clinic
Post-Op Visit

Harold T. Linwood   DOB 1/30/1954   12/02/2026
Procedure: Lap chole 11/20/2026 (Dr. Obuya)

Doing well. Tolerating regular diet without pain. BMs normal. Off all pain meds since POD 4. No fever.
Incisions: clean, dry, healed; no erythema or hernia at umbilicus.
Path reviewed with patient: chronic cholecystitis, no malignancy.
Imp: Uneventful recovery s/p laparoscopic cholecystectomy.
Plan: No restrictions after 12/04. Follow up PRN. Returned to PCP care.
R. Tallis, PA-C / F. Obuya, MD
""")

add("progress_note", "nursing home physician monthly visit note, run-together OCR", """
ROSEWOOD SKILLED NURSING&REHAB CENTER  PHYSICIAN PROGRESS NOTE
Resident:Whitcombe,Agnes  DOB:09/30/1951  Rm 212B  Date:11/28/2026  Visit type:Routine 30-day
Subjective:No complaints per resident.Staff report good appetite,1 episode of nighttime agitation this month,redirected.No falls.
Objective:BP 128/70 HR 68 T 97.6 Wt 58.1kg(stable).Alert,oriented x2.Lungs clear.Heart reg.Abd soft.No edema.Sacrum intact.
Labs:BMP 11/20 WNL.DXA 11/10:osteoporosis spine T -2.6.
Assessment/Plan:1.Osteoporosis on anastrozole-start alendronate 70mg weekly,upright 30 min,Ca/vitD continue.2.Breast ca hx-cont anastrozole per onc.3.Dementia,mild-stable,cont donepezil.4.Code status DNR reviewed with son.
Next visit 30 days.  Seamus Okonkwo-Reilly,MD
""", True)

add("progress_note", "pediatric well-child style short follow-up after hospitalization, telehealth", """
Brightwater Pediatrics & Adolescent Medicine
TELEHEALTH FOLLOW-UP VISIT (video)

Patient: Tobias Redcloud   DOB 03/03/2023   Date 12/01/2026   Clinician: Lindiwe Mbeki, CPNP
Location of patient: home; parent present (mother). Consent for telehealth obtained.

Interval: Discharged 11/29 from Children's Hospital after RSV bronchiolitis (O2 x36 h). Cough improving, eating well, 6+ wet diapers/day. No fever since 11/28.
Observed on video: Comfortable, playful, no retractions visible, RR counted 30.
Assessment: Resolving RSV bronchiolitis.
Plan: Supportive care; honey 1 tsp PRN cough (age >1 yr). Return precautions reviewed. In-person visit if new fever or breathing difficulty. Next well visit 03/2027.
""")
