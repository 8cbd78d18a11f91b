# history_and_physical
D = [
("history_and_physical", "admission note with ROS after exam, 'Identification' opener", """WESTFIELD REGIONAL HOSPITAL
Internal Medicine Admission

Identification: Hollis BRANDT, 74 M, MRN W-2291045, admitted 12/03/2025 via clinic
Source: patient and wife, reliable

Reason for admission: worsening leg swelling and breathlessness

Present illness: Two weeks of increasing ankle edema, now to the knees, orthopnea on three pillows and a 6 kg weight gain. Ran out of furosemide a month ago. No chest pain.

Background: ischemic cardiomyopathy EF 30%, type 2 diabetes, CKD 3a, gout
Operations: CABG 2012, right TKA
Home meds: carvedilol 12.5 BID, sacubitril/valsartan 49/51 BID, metformin 500 BID, allopurinol 100
Allergies: penicillin (rash)
Social: retired farmer, never smoked, no alcohol; lives with wife, independent
Family: brother MI age 60

Examination
T 36.7  HR 92  BP 142/88  RR 22  SpO2 91% RA
JVP to angle of jaw. Bibasal crackles. S3 present. Pitting edema to knees.

Systems review (remaining): no fever, no cough with sputum, no urinary symptoms, no melena.

Data: BNP 2140, creatinine 1.6 (baseline 1.3), K 4.8. CXR: pulmonary vascular congestion, small effusions.

Assessment/plan:
Acute on chronic HFrEF from non-adherence. IV furosemide 80 mg BID, daily weights, strict I/O, fluid restriction 1.5 L. Hold metformin. Cardiology aware. DVT prophylaxis. Full code.

Admitting hospitalist: Greta Solheim, MD   (signed 12/03/2025 21:10)
"""),
("history_and_physical", "pre-procedure clinic H&P, short, checklist style", """PRE-PROCEDURE HISTORY & PHYSICAL  (valid 30 days)
Procedure planned: screening colonoscopy with possible polypectomy
Date of exam: 02/26/2026    Procedure date: 03/05/2026
Patient: Marguerite Olander   DOB 09/09/1966

Indication: average-risk screening, age 59
PMH: hypothyroidism, GERD     PSH: C-section x2
Meds: levothyroxine 88 mcg, omeprazole 20 mg     Allergies: NKDA
Anesthesia hx: no problems     Airway: Mallampati II
Heart: RRR no murmur     Lungs: clear     Abdomen: soft, non-tender
ASA class: II
Impression: suitable for procedure under moderate sedation. No change in condition expected.
Examined by: Hamid Rezaei, MD     Signature on file
"""),
("history_and_physical", "untitled narrative H&P with sections in unusual order, OCR noise", """Pt: Keziah Montgomery-Lowe  F 35  MRN 77120984   Date 1/18/2026

ASSESSMENT: Severe asthma exacerbation, not improving after 3 nebs in ED. Admit to step-down.
PLAN: continuous albuterol, ipratropium, methylprednisolone 60 mg IV q6h, magnesium 2 g IV, repeat VBG in 2 hrs, respiratory therapy to follow.

Subjective: 3 days of wheeze and cough after a cold, using her inhaler every hour since last night. One prior intubation at age 19. No ICU stay since.
Past hx: asthma, allergic rhinitis, anxiety. No surgeries.
Medications: fluticasone/salmeterol 250/50 (misses doses), albutero1 PRN, sertraline 50.
Allergies: aspirin - bronchospasm.
Social: works retail, vapes, no alcohol. Lives with two children.
Family: mother asthma.
ROS: + chest tightness, + poor sleep; no fever, no leg swelling, no chest pain; rest negative.

Objective: RR 28, HR 118, SpO2 92% on 2L, speaks in short phrases. Diffuse expiratory wheeze, poor air movement at bases. No stridor. Heart tachycardic regular. Calves soft.
VBG pH 7.36 pCO2 46.

Kwame Asante, DO  (admitting resident)   /   attending: L. Fischer MD
"""),
("history_and_physical", "psychiatric admission H&P with mental status exam", """BEHAVIORAL HEALTH UNIT - ADMISSION PSYCHIATRIC EVALUATION AND HISTORY & PHYSICAL
Patient: Dorian Kwiatkowski   Age 28   Legal status: voluntary
Admit date: 03/01/2026

Chief concern: "I haven't slept in five days and my thoughts are racing."
History of present illness: Known bipolar I disorder, stopped lithium 2 months ago. Increasingly energetic, spent savings on equipment, pressured speech per family. No substance use by report; UDS negative.
Psychiatric history: 2 prior hospitalizations (2021, 2023) for mania. No suicide attempts.
Medical history: none. Medications: none currently. Allergies: none.
Developmental/social: college graduate, works in IT, lives alone. No legal issues.
Family history: father with bipolar disorder.
Mental status exam: dishevelled, psychomotor agitation, speech rapid and loud, mood "fantastic", affect expansive, thought process tangential, grandiose content, denies SI/HI, no hallucinations, insight poor, judgment impaired.
Physical examination: BP 134/82, HR 104. General: thin, restless. HEENT normal. Heart and lungs normal. Neuro: nonfocal, no tremor.
Labs: CBC, CMP, TSH normal; lithium level undetectable.
Formulation and plan: manic episode, bipolar I. Restart lithium 300 mg BID with level in 5 days, olanzapine 10 mg at night, milieu therapy, sleep hygiene. Estimated stay 7-10 days.
Attending psychiatrist: Celestine Odukoya, MD
"""),
("history_and_physical", "obstetric admission H&P, labor and delivery", """L&D ADMISSION H&P
Name: Ximena Alcantara   DOB 07/07/1996   MRN 5530218
Date/Time: 04/02/2026 03:15

G2P1001 at 39w2d by 8-week ultrasound, presents with regular contractions every 4 min since midnight. + fetal movement, no leakage of fluid, no bleeding.
Prenatal course: care at Eastside Women's Clinic from 9 weeks. Blood type O+, antibody screen neg, rubella immune, HBsAg neg, HIV neg, GBS negative at 36w. 1-hr GCT 118.
OB history: 2021 SVD 3350 g, uncomplicated.
Medical/surgical: none. Meds: prenatal vitamin. Allergies: NKDA.
Social: married, no tobacco, alcohol or drugs.
Exam: BP 118/74, P 88, T 36.9. Abdomen gravid, EFW 3400 g by Leopold's, vertex. SVE 5/90/-1, membranes intact.
FHT: baseline 135, moderate variability, accels present, no decels (Category I). Toco: q3-4 min.
Assessment: active labor, term IUP, reassuring fetal status.
Plan: admit to L&D, epidural on request, expectant management, CBC and type & screen.
CNM: Hannelore Vasquez, CNM
"""),
("history_and_physical", "annual sports/employment physical form", """COMPREHENSIVE PHYSICAL EXAMINATION
(pre-employment - Metro Transit Authority)
Examinee: Isaiah Broussard   DOB 10/10/1990   Exam date: 11/20/2025

HEALTH HISTORY (examinee completed, reviewed with examiner)
Hospitalizations: appendectomy 2008. Chronic illness: none. Medications: none. Allergies: none.
Tobacco: no. Alcohol: social. Family: father hypertension.
Review of symptoms: denies chest pain, fainting, shortness of breath, back problems, hearing loss, vision problems, seizures.

EXAMINATION
Height 180 cm  Weight 84 kg  BP 126/78  Pulse 68
Vision: 20/20 OU corrected. Hearing: whisper test passed both ears.
Head/neck, eyes, ENT: normal. Heart: normal. Lungs: normal. Abdomen: healed RLQ scar. Spine and extremities: full range, normal strength. Neuro: normal. Skin: normal.

ASSESSMENT: Healthy adult. No condition found that limits the duties described.
RECOMMENDATION: Medically qualified without restriction.
Examining physician: Odalys Fuentes, MD     License 66-20931
"""),
("history_and_physical", "pediatric admission, brief, lowercase headings with dashes", """Children's Hospital of the Plains - admit h&p
pt - Rowan Achterberg, 14 mo M, wt 9.8 kg
date - 01/07/2026

cc - vomiting and diarrhea x 3 days, fewer wet diapers
hpi - 6-8 watery stools/day, emesis after most feeds, low-grade fevers to 38.3. Daycare contacts with same. Last wet diaper 10 hours ago.
pmh - term, no NICU. vaccines up to date per mom. no meds. nkda.
fhx/shx - lives with parents and 4 yo sister, daycare 5 days/wk
ros - no rash, no cough, no blood in stool
exam - HR 156, T 38.1, cap refill 3 sec, dry lips, sunken eyes, tears absent, abdomen soft nondistended, active bowel sounds, irritable but consolable
labs - Na 133, bicarb 15, BUN 28, glucose 71
a/p - moderate dehydration from viral gastroenteritis. NS bolus 20 mL/kg then D5 1/2NS at 1.5x maintenance, ondansetron once, strict I/O, trial of oral fluids in am, contact precautions.
- Peds hospitalist T. Abernathy MD
"""),
]
