# The types the model already does well on: discharge, emergency, operative, radiology, progress.
D = [
("discharge_summary", "rehab unit discharge, functional scores", """MEADOWLARK INPATIENT REHABILITATION
DISCHARGE REPORT
Patient: Gideon Abernathy   Admitted 03/01/2026   Discharged 03/19/2026
Rehab diagnosis: s/p left hip hemiarthroplasty for fracture

Course: Admitted from St. Aurelia 5 days after surgery. Daily PT/OT 3 hours. Pain controlled with scheduled acetaminophen and occasional oxycodone. Anxiety improved on sertraline 25 mg. No falls, no DVT.
Function: FIM motor 38 on admission -> 71 at discharge. Walks 150 ft with rolling walker, supervision on stairs.
Discharge medications: apixaban 2.5 mg BID until 04/06, acetaminophen 1 g TID, sertraline 25 mg daily, vitamin D 2000 IU.
Disposition: home with daughter; home PT 3x/week arranged.
Follow-up: Dr. Sato (ortho) 04/02; PCP within 2 weeks.
Attending physiatrist: Nkechi Amadi, MD
"""),
("discharge_summary", "short hospitalist summary with problem-based course, OCR noise", """Discharge Summary   Westfield Regional Hospital
Hollis Brandt  74M  MRN W-2291045
Admit 12/03/2025   D/C 12/08/2025   Length of stay 5 days
Principal dx: acute on chronic systolic heart failure
Hospital course by problem:
#HF - diuresed 7.2 kg with IV furosemide, transitioned to oral torsemide 40 daily. Echo EF 28%.
#AKI on CKD - creatinine peaked 1.9, 1.4 at discharge.
#DM2 - metformin held, restarted at discharge.
Condition at discharge: improved, walking on ward, Sp02 95% RA.
Discharge meds: torsemide 40 daily (NEW), carvedilol 12.5 BID, sacubitril/valsartan 49/51 BID, metformin 500 BID, allopurinol 100.
Instructions: 1.5 L fluid limit, weigh daily, call if up 1 kg in a day.
Follow-up: heart failure clinic 12/15, labs 12/12.
G. Solheim MD
"""),
("discharge_summary", "newborn nursery discharge", """Newborn Discharge Summary - Mother-Baby Unit
Baby boy Alcantara   Born 04/02/2026 08:41   Discharged 04/04/2026
Birth weight 3410 g, discharge weight 3220 g (-5.6%)
Delivery: SVD, Apgars 8/9. Maternal labs negative, GBS negative.
Nursery course: breastfeeding well, voiding and stooling. Bilirubin at 36 h 9.1 (low-intermediate risk). Passed hearing screen both ears. CCHD screen passed. Newborn metabolic screen sent.
Vitamin K and erythromycin given. Hepatitis B vaccine given 04/02.
Discharged home with parents. Follow-up with Greenway Pediatrics in 2 days for weight check.
Pediatrician: A. Patel MD
"""),
("discharge_summary", "behavioral health unit discharge", """Behavioral Health Unit - Discharge Summary
Patient: Dorian Kwiatkowski   Admission 03/01/2026   Discharge 03/10/2026
Reason for admission: manic episode with psychotic features, bipolar I.
Course in hospital: restarted lithium, level 0.8 on day 7; olanzapine 10 mg. Sleep normalized by day 4, grandiosity resolved, engaged in groups. No seclusion or restraint.
Mental status at discharge: calm, euthymic, linear, no SI/HI, insight fair.
Discharge medications: lithium carbonate 300 mg BID, olanzapine 5 mg at night.
Aftercare: outpatient psychiatry appointment 03/14 with Dr. Odukoya, lithium level and creatinine in 1 week, crisis line given.
C. Odukoya, MD
"""),
("emergency_report", "freestanding ED, chart with timestamps", """PRAIRIE VIEW FREESTANDING EMERGENCY CENTER
Patient: Reese Callahan   DOB 11/17/1984   Arrival 02/27/2026 01:12 by EMS   ESI 2

01:12 Triage - found unresponsive by roommate, naloxone 4 mg IN by EMS with response. RR 8 -> 16.
01:20 MD eval - drowsy but arousable, pinpoint pupils, no trauma. SpO2 94% on 2 L.
01:45 Repeat naloxone 0.4 mg IV for RR 9.
Labs: glucose 102, EtOH negative, APAP/ASA negative. ECG sinus 88, QTc 440.
03:30 Awake, alert, ambulatory, declines admission. Counseled on overdose risk; naloxone kit and MAT clinic info given.
Impression: opioid overdose, suspected fentanyl.
Disposition: discharged home with friend 05:10, stable.
Emergency physician: Abelard Nguyen, DO
"""),
("emergency_report", "urgent care visit with x-ray and splint", """QuickCare Urgent Care - Visit Record
Date: 01/05/2026  In 17:02  Out 18:20
Patient: Sofia Lindahl, 19F
Complaint: fell on outstretched hand while skating
Vitals: BP 118/70 HR 84 Pain 6/10
Exam: tenderness anatomic snuffbox right, no deformity, NV intact.
X-ray right wrist 3 views: no fracture seen.
Treatment: thumb spica splint, ibuprofen.
Diagnosis: right wrist sprain, rule out occult scaphoid fracture.
Plan: repeat x-ray or MRI in 10-14 days, orthopedics follow-up if persistent tenderness. Return if numbness or worsening pain.
Provider: Jolene Harrow, PA-C
"""),
("emergency_report", "ED physician note, admitted, narrative, OCR noise", """Mercy West Emergency Dept   Physician Record
Pt: Fairweather, Leonard   DOB 3/3/1950   Seen 10/29/2025 14:35
Mr. Fairweather is a 75 yo man 4 days after right hemicolectomy who returns with abdorninal distension and vomiting since this morning, no flatus for 24 h.
Vitals T 37.9 HR 108 BP 132/80. Abdomen distended, tympanic, incisions clean, diffusely tender without guarding.
WBC 13.2, lactate 1.6, K 3.1. CT A/P with contrast: dilated small bowel with transition near anastomosis, no leak, no abscess.
ED treatment: NPO, NG tube placed with 900 mL output, IV fluids, potassium repletion, ondansetron.
Discussed with Dr. Adeyemi (colorectal surgery) who will admit.
ED diagnosis: postoperative small bowel obstruction.
Disposition: admitted to surgery, condition guarded.
L. Petrakis MD, Emergency Medicine
"""),
("emergency_report", "pediatric ED, brief, discharged", """Pediatric Emergency - Children's Hospital of the Plains
Rowan Achterberg  2 y  wt 12 kg   Arrived 11/11/2025 20:40
Reason for visit: barky cough and noisy breathing tonight
Exam: T 38.0, stridor at rest that improves when calm, mild suprasternal retractions, SpO2 98%.
Westley croup score 3.
Given dexamethasone 0.6 mg/kg PO and racemic epinephrine neb. Observed 3 hours, no stridor at rest afterward.
Impression: croup, moderate.
Disposition: home, return precautions for breathing difficulty, follow up with PCP in 1-2 days.
M. Sandoval, MD
"""),
("operative_report", "cesarean delivery op note, bulleted", """OPERATIVE NOTE - Labor & Delivery
Date: 02/14/2026
Patient: Noor Al-Sayed   MRN 5540093
Pre-op diagnosis: IUP at 40w1d, arrest of dilation at 6 cm
Post-op diagnosis: same, occiput posterior
Procedure: primary low transverse cesarean section
Surgeon: Hannelore Vasquez, CNM assisting Dr. Bram Castellanos
Anesthesia: epidural
Findings: live female, vertex OP, Apgars 8/9, weight 3610 g. Normal uterus, tubes and ovaries.
- Pfannenstiel incision, hysterotomy low transverse, infant delivered atraumatically
- placenta delivered manually, intact, 3-vessel cord
- hysterotomy closed in two layers, hemostasis assured
EBL (QBL): 780 mL     Fluids: 2 L LR     UOP: 150 mL clear
Specimens: none. Counts correct x2. Complications: none.
B. Castellanos MD
"""),
("operative_report", "cataract surgery brief procedure record", """Lakeview Eye Surgery Center
PROCEDURE RECORD
Pt: Agnes Whitcombe   DOB 12/12/1938   Eye: LEFT   Date 05/06/2025
Procedure: phacoemulsification with posterior chamber IOL
Surgeon: Ingrid Paulsen, MD   Anesthesia: topical + MAC
IOL: SN60WF +21.0 D, serial 18839472
Description: clear corneal incision temporal, capsulorhexis, phaco, I/A, IOL in the bag, wounds hydrated and watertight. Intracameral moxifloxacin.
Complications: none. EBL: minimal.
Patient to PACU in good condition; post-op day 1 visit tomorrow.
"""),
("operative_report", "knee arthroscopy operative report with indications", """OPERATIVE REPORT
Lakeshore Orthopedic Group - Ambulatory Surgery
Date of surgery: 03/27/2026
Patient: Bartholomew Quist
Surgeon: Tobias Reinholt, MD    Assistant: F. Moretti PA-C
Preoperative diagnosis: right medial meniscus tear
Postoperative diagnosis: right complex posterior horn medial meniscus tear, grade 2 chondromalacia medial femoral condyle
Operation: right knee arthroscopy, partial medial meniscectomy, chondroplasty
Indications: mechanical catching despite 3 months of therapy.
Description of procedure: After regional block and general anesthesia, the right leg was prepped and draped. Standard anterolateral and anteromedial portals. Diagnostic arthroscopy showed the tear; unstable fragments were debrided to a stable rim with a shaver and biter. Chondroplasty of the unstable cartilage flap. ACL and PCL intact. Portals closed with nylon.
EBL: minimal. Tourniquet: not used. Complications: none. Disposition: home same day.
"""),
("operative_report", "port placement, interventional radiology procedure note", """INTERVENTIONAL RADIOLOGY PROCEDURE NOTE
Procedure: right internal jugular tunneled chest port placement
Date: 02/02/2026   Patient: Oswaldo Benítez   Operator: Chidi Eze, MD
Indication: chemotherapy access (AML)
Consent obtained. Time-out performed. Moderate sedation: midazolam 2 mg, fentanyl 100 mcg, 25 minutes intraservice time.
Ultrasound-guided access of the patent right IJ vein. Subcutaneous pocket created in the right chest; port tunneled, catheter tip positioned at the cavoatrial junction under fluoroscopy. Port flushed and accessed. Pocket closed in two layers.
Complications: none. Blood loss < 5 mL.
Impression: successful port placement, ready for use.
"""),
("radiology_report", "screening mammogram with BI-RADS", """Harborview Women's Diagnostics - Breast Imaging
EXAM: Bilateral screening mammogram with tomosynthesis   DATE: 01/12/2026
PATIENT: Lindahl, Marit   DOB 05/19/1990
HISTORY: annual screening; family history maternal aunt.
COMPARISON: 01/10/2025.
BREAST COMPOSITION: heterogeneously dense (c), which may obscure small masses.
FINDINGS: no suspicious mass, calcification or architectural distortion. Stable benign-appearing lymph node left upper outer quadrant.
IMPRESSION: BI-RADS 1 - negative. Recommend annual screening mammography.
Interpreting radiologist: Felicity Adair, MD
"""),
("radiology_report", "DEXA scan report", """Bone Density (DXA) Report
Millbrook Imaging Centre   Scan date 11/28/2025
Patient: Adaeze Nwosu   64 F   Referred by Dr R. Lindqvist
Indication: glucocorticoid therapy
Lumbar spine L1-L4: BMD 0.842 g/cm2, T-score -2.6, Z-score -1.4
Left femoral neck: BMD 0.661 g/cm2, T-score -2.2
Total hip: T-score -1.9
FRAX 10-yr: major osteoporotic 19%, hip 3.4% (adjusted for steroid use)
Interpretation: osteoporosis by WHO criteria at the lumbar spine. Compared with 2024, spine BMD down 4.1% (significant).
Reported by: Dr Ciaran Mulvaney, Radiologist
"""),
("radiology_report", "MRI lumbar spine, findings by level, OCR noise", """MRl LUMBAR SPINE WITHOUT CONTRAST
Foothill Open MRI   Date 10/14/2025
Pt: Desmond Achebe  DOB 3/14/1979   Ordering: Dr. W. Li
Clinical: low back pain with right leg pain after MVC.
Technique: sagittal T1, T2, STIR; axial T2.
Findings:
L3-4: mild disc bulge, no stenosis.
L4-5: right paracentral disc extrusion extending 6 mm inferiorly, contacting the traversing right L5 nerve root. Mild facet arthropathy.
L5-S1: disc desiccation, no herniation.
Conus terminates at L1, normal. No fracture or marrow edema.
lMPRESSION: right paracentral L4-5 disc extrusion with right L5 nerve root contact.
Signed: Anjali Deshpande, MD, Radiology
"""),
("radiology_report", "portable chest x-ray, two lines", """XR CHEST 1 VIEW PORTABLE  11/13/2025 05:10  Torvald, Eskil  MRN 3390127
Indication: pneumonia follow-up.
Findings/Impression: Persistent right lower lobe consolidation, slightly improved. No pneumothorax. Heart size normal.  - K. Brandvold MD
"""),
("progress_note", "diabetes follow-up in SOAP with A1c trend", """Hillside Family Health - Office Visit
Date of service: 02/20/2026   Provider: Lorna Beckett, FNP
Patient: Jun-seo Park   37 M

S: Here for diabetes follow-up. Checking sugars twice daily, fasting 120-150. No hypoglycemia. Walking 30 min 4 days a week.
O: BP 128/80, wt 92 kg (down 3 kg). Foot exam: monofilament intact, pulses good. A1c 7.4 (was 8.3 in Nov).
A: 1. Type 2 diabetes, improving. 2. Hypercalcemia, under endocrine e-consult advice.
P: Continue metformin 1000 BID, add empagliflozin 10 mg. 24-hr urine calcium and DEXA ordered. Return 3 months.
E-signed L. Beckett FNP 02/20/2026
"""),
("progress_note", "skilled nursing facility monthly physician visit", """Willow Creek Care Center - Physician Progress Note (monthly regulatory visit)
Resident: Agnes Whitcombe   Room 118   Date 03/03/2026
Interval: no falls, eating 75% of meals, weight stable at 61 kg. Nursing reports mild confusion at night.
Exam: alert, oriented to person and place. Lungs clear, trace ankle edema, heart regular.
Labs 02/28: Na 137, creatinine 1.1, Hgb 11.8.
Assessment/plan: CHF compensated - continue furosemide 20 mg. Mild cognitive impairment - sleep hygiene, avoid sedatives. Continue current orders; next visit 30 days.
R. Dominguez, MD
"""),
("progress_note", "narrative telehealth follow-up, no headings", """Video visit 01/27/2026, patient at home, consented to telehealth. Delphine Marchetti returns after starting propranolol for migraine aura. She has had one brief episode of visual zigzags in 3 weeks compared with weekly before, no sensory spells. Mild fatigue on propranolol but tolerable. EEG was normal. Her exam by video shows normal speech and symmetric face. I think she is doing well on this dose; we will continue propranolol 20 mg twice daily and magnesium and meet again in 3 months, sooner if new symptoms. 20 minutes spent. -- Benedikt Haas, MD
"""),
("progress_note", "wound care clinic visit with measurements", """Wound Care Center - Follow-up Visit
Patient: Hollis Brandt   Visit #4   Date 01/14/2026
Wound: right lateral malleolus, venous ulcer
Measurements today: 2.1 x 1.4 x 0.2 cm (last week 2.6 x 1.8 x 0.3 cm)
Wound bed: 80% granulation, 20% slough; moderate serous drainage; periwound macerated.
Procedure: selective sharp debridement of slough, 1.5 cm2.
Dressing: calcium alginate, 4-layer compression wrap.
Assessment: improving venous ulcer. Plan: continue weekly compression, elevate legs, return 1 week.
Clinician: Patrice Lemoine, NP, CWS
"""),
]
