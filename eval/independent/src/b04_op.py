D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("operative_report", "laparoscopic cholecystectomy op note, full template", """
NORTHRIDGE MEDICAL CENTER
OPERATIVE REPORT

PATIENT: LINWOOD, HAROLD T      MRN: 0092213      DOB: 01/30/1954
DATE OF SURGERY: 11/20/2026

SURGEON: Francesca Obuya, MD
ASSISTANT: Reuben Tallis, PA-C
ANESTHESIA: General endotracheal. Anesthesiologist: K. Marchetti, MD

PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.
POSTOPERATIVE DIAGNOSIS: Same, with chronic cholecystitis.
PROCEDURE PERFORMED: Laparoscopic cholecystectomy.

INDICATIONS: 72-year-old man with recurrent biliary colic and gallstones on ultrasound. Risks, benefits and alternatives discussed; consent signed.

DESCRIPTION OF PROCEDURE: The patient was brought to the OR and placed supine. After induction of general anesthesia, the abdomen was prepped and draped in sterile fashion. Time-out performed. A 12 mm umbilical port was placed by Hasson technique and pneumoperitoneum established to 15 mmHg. Three 5 mm ports were placed under direct vision. The gallbladder was retracted cephalad. Dense omental adhesions were taken down. The critical view of safety was obtained with the cystic duct and cystic artery clearly identified as the only two structures entering the gallbladder. Each was clipped twice proximally and once distally and divided. The gallbladder was dissected from the liver bed with electrocautery and removed in an endocatch bag through the umbilical port. Hemostasis confirmed. Ports removed under vision; fascia at the umbilicus closed with 0 Vicryl. Skin closed with 4-0 Monocryl.

ESTIMATED BLOOD LOSS: 10 mL.
SPECIMENS: Gallbladder to pathology.
DRAINS: None.
COMPLICATIONS: None.
DISPOSITION: To PACU in stable condition.

Francesca Obuya, MD   11/20/2026 10:44
""")

add("operative_report", "orthopedic IM nail, 'Procedure Note' wording, brief", """
Mercy Valley Medical Center - Orthopaedic Surgery
PROCEDURE NOTE

Patient: Dubrovsky, Helena   MRN MV-0029931   DOB 06/12/1940   Date: 11/21/2026
Surgeon: Alastair Fenwick, MD
Pre-op Dx: L intertrochanteric hip fracture (AO 31-A2)
Post-op Dx: same
Procedure: Closed reduction and intramedullary nailing, left hip (cephalomedullary nail 11 x 180 mm, 95 mm lag screw)
Anesthesia: Spinal + MAC
EBL: 150 mL    Fluids: 1200 mL LR    Implants: per implant log
Findings: Displaced fracture, reduced on traction table with internal rotation; acceptable alignment on AP and lateral fluoroscopy. TAD 18 mm.
Technique summary: Standard lateral incision, guidewire at tip of greater trochanter, opening reamer, nail placed, lag screw guidewire center-center, lag screw placed, distal interlocking screw static. Wounds irrigated and closed in layers, staples to skin.
Complications: none. Counts correct x2.
Plan: WBAT LLE, enoxaparin x 28 days, PT/OT, hemoglobin in AM.
""")

add("operative_report", "colonoscopy procedure report with findings, endoscopy unit", """
GOLDEN PLAINS ENDOSCOPY CENTER
COLONOSCOPY REPORT

Patient Name: Brennan-Achebe, Fiona    DOB: 10/02/1970   Account #: GPE-20881
Procedure Date: 11/19/2026
Endoscopist: Mateus Vilhjalmsson, MD
Referring: Sunnyslope Family Medicine
Indications: Average risk screening; age 56; no prior colonoscopy.
Medications: Monitored anesthesia care, propofol (per anesthesia record).
Bowel prep: Boston Bowel Preparation Scale 8 (3/3/2).

Procedure: After informed consent, the colonoscope was introduced through the anus and advanced to the cecum, identified by appendiceal orifice and ileocecal valve. Withdrawal time 11 minutes. Retroflexion performed in the rectum.

Findings:
- 6 mm sessile polyp in the ascending colon, removed with cold snare, retrieved.
- 3 mm sessile polyp in the sigmoid colon, removed with cold snare, retrieved.
- Scattered sigmoid diverticula.
- Small internal hemorrhoids.

Complications: None.
Impression: Two polyps removed. Diverticulosis.
Recommendation: Await pathology. Repeat colonoscopy interval to be determined by pathology (likely 5-10 years).
""")

add("operative_report", "cesarean section operative note, OCR noise with 0/O slips", """
ST. BRIGID W0MEN & INFANTS H0SPITAL
0PERATIVE N0TE
Pt: 0konjo, Marisol   MRN SBW775502   D0B 04/30/1991   D0S 11/26/2026
Surge0n: Adaeze Forsberg MD   Assist: Lena Hoyt, MD (PGY-3)
Pre-0p Dx: Intrauterine pregnancy at 39w1d, breech presentation, declined ECV.
Post-0p Dx: Same, de1ivered.
Procedure: Primary 1ow transverse cesarean section via Pfannenstiel incision.
Anesthesia: Spina1.
Findings: Liveborn male infant from frank breech, weight 3510 g, Apgars 8 and 9. Norma1 uterus, tubes and ovaries. C1ear fluid.
Description: Pfannenstie1 skin incision carried down to fascia, which was incised transverse1y. Rectus muscles separated. Peritoneum entered bluntly. Bladder blade placed. Low transverse hysterotomy made and extended bluntly. Infant delivered atraumatically, cord clamped after 60 seconds, handed to peds. Placenta delivered intact. Hysterotomy closed in two layers with 0 Monocryl. Hemostasis assured. Fascia closed with 0 PDS, skin with 4-0 Monocryl subcuticular.
QBL: 640 mL.  Complications: None.  Counts c0rrect.
""", True)

add("operative_report", "cataract surgery op report, ophthalmology ASC, short", """
CLEARVIEW EYE SURGERY CENTER
Operative Report

Patient: Hargreaves, Winston   DOB 07/21/1948   MRN CV-33019
Date: 11/17/2026
Surgeon: Dr. Soraya Mendelsohn
Procedure: Phacoemulsification with posterior chamber intraocular lens implantation, RIGHT eye (CPT 66984)
Diagnosis: Nuclear sclerotic cataract, right eye (H25.11)
Anesthesia: Topical/intracameral with IV sedation
IOL: Alcon SN60WF +21.0 D, in the bag
Description: Eye prepped with 5% povidone iodine. Lid speculum placed. Clear corneal incision temporally, paracentesis. Viscoelastic. Continuous curvilinear capsulorhexis. Hydrodissection. Phaco in divide-and-conquer fashion. Cortex removed with I/A. Lens injected into capsular bag. Viscoelastic removed. Wounds hydrated and watertight. Intracameral moxifloxacin.
Complications: None.  EBL: nil.
Post-op: Pred/moxi drops QID, shield at night; f/u day 1.
""")

add("operative_report", "skin excision procedure note in a clinic letterhead - hard case (office procedure)", """
Alpine Dermatology & Mohs Surgery
1840 Ridgecrest Blvd, Suite 200, Boulder CO 80302

MOHS MICROGRAPHIC SURGERY REPORT

Patient: Castellanos, Renata        DOB: 05/05/1959     Chart: AD-77812
Date of surgery: 11/13/2026
Mohs surgeon / pathologist: Thaddeus Okoro-Lindgren, MD
Referring: Sunnyslope Family Medicine

Pre-operative diagnosis: Basal cell carcinoma, nodular, left nasal ala (biopsy AD-26-4410).
Pre-op lesion size: 0.8 x 0.6 cm.
Anesthesia: 1% lidocaine with epinephrine 1:100,000, 6 mL.

Stage I: 1 tissue block. Residual nodular BCC at 3-5 o'clock deep margin.
Stage II: 1 block, 3-5 o'clock. Clear margins.
Final defect: 1.4 x 1.1 cm, to muscle.

Repair: Bilobed transposition flap, 3.2 sq cm. Deep 5-0 Monocryl, epidermal 6-0 nylon.
EBL minimal. Patient tolerated well. No complications.
Wound care instructions given. Suture removal in 7 days.
""")

add("operative_report", "cardiac catheterization/PCI report, long, structured", """
HEARTLAND CARDIOVASCULAR INSTITUTE
CARDIAC CATHETERIZATION LABORATORY REPORT

Patient: Fitzwilliam, Osric    MRN: HCI-210983    DOB: 03/09/1962
Procedure date: 11/24/2026     Operator: Valentina Duarte-Kimura, MD, FACC
Indication: NSTEMI, troponin peak 3,200 ng/L.

Procedures:
1. Left heart catheterization
2. Selective coronary angiography
3. Percutaneous coronary intervention to mid LAD with drug-eluting stent
Access: Right radial artery, 6 Fr. Sedation: midazolam 2 mg, fentanyl 50 mcg. Heparin 70 U/kg.
Contrast: 140 mL iodixanol. Fluoro time 11.2 min.

Hemodynamics: Ao 128/74, LVEDP 18 mmHg.

Coronary anatomy: Right dominant.
  LM: Normal.
  LAD: 90% stenosis mid segment, TIMI 2 flow. D1 small, 30%.
  LCx: Mild luminal irregularities.
  RCA: 40% proximal, nonobstructive.

Intervention: EBU 3.5 guide, Runthrough wire. Predilated with 2.5 x 15 mm balloon. Deployed 3.0 x 28 mm everolimus-eluting stent at 14 atm, post-dilated 3.25 NC at 18 atm. 0% residual, TIMI 3 flow. No dissection.
Closure: TR band.
Complications: None.

Conclusion: Single-vessel CAD, culprit mid LAD treated with 1 DES.
Recommendations: DAPT aspirin + ticagrelor 12 months, high-intensity statin, cardiac rehab, echo.
""")

add("operative_report", "tonsillectomy op note, dictation style paragraph, OCR run-together", """
CASCADE GENERAL HOSPITAL-SURGICAL SERVICES
OPERATIVE REPORT   Dictated:11/10/2026  Transcribed:11/11/2026 KLM
PATIENT:ABERNATHY-QUINN,ELLIS   MRN:00720041   DOB:02/11/2018
SURGEON:Imogen Battersby-Oduya,MD (Otolaryngology)
PREOPERATIVE DIAGNOSIS:Obstructive sleep disordered breathing,tonsillar hypertrophy 3+.
POSTOPERATIVE DIAGNOSIS:Same.
OPERATION:Tonsillectomy and adenoidectomy.
ANESTHESIA:General endotracheal.
The patient was taken to the operating room and placed supine.After adequate general anesthesia,a McIvor mouth gag was inserted and suspended.The palate was palpated and no submucous cleft was noted.The left tonsil was grasped and dissected in the subcapsular plane with coblation.The same was done on the right.Hemostasis obtained.Adenoids were removed with suction cautery,approx 70% obstruction.The nasopharynx and oral cavity were irrigated.The patient was awakened and taken to recovery in good condition.
EBL:less than 10 mL.Complications:none.Specimens:none sent.
""", True)
