D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("radiology_report", "chest x-ray two views, outpatient imaging center, brief", """
PINECREST IMAGING CENTER
2250 Birch Hollow Dr, Bend OR 97701  Ph 541-555-0166

Patient: Trudeau, Emmett           DOB: 10/11/1947
Exam Date: 11/29/2026              Accession: PIC-8840193
Referring: Agatha Moreno-Sills, NP

EXAM: XR CHEST PA AND LATERAL
HISTORY: Cough x3 weeks, former smoker.
COMPARISON: 02/14/2025.
FINDINGS: Heart size normal. Mediastinal contours unremarkable. Hyperinflated lungs with flattened hemidiaphragms. Patchy opacity right lower lobe, new since prior. No pleural effusion or pneumothorax. Degenerative changes thoracic spine.
IMPRESSION:
1. Right lower lobe opacity, likely pneumonia in the appropriate clinical setting. Recommend follow-up radiographs in 6-8 weeks to document resolution.
2. COPD.

Dictated by: Rajiv Kowalczyk, MD   Signed 11/29/2026 11:18
""")

add("radiology_report", "CT abdomen/pelvis with contrast, hospital radiology, formal sections", """
SILVER RIVER REGIONAL MEDICAL CENTER
Department of Diagnostic Imaging

NAME: HOLLOWAY, JUNE P        MRN: SRR-7720155     DOB: 05/22/1983
ACCT: 9901337421              LOCATION: EMERGENCY
ORDERING PHYSICIAN: Benedikt Arrowsmith, MD
DATE OF SERVICE: 11/27/2026 02:41

PROCEDURE: CT ABDOMEN AND PELVIS WITH IV CONTRAST

CLINICAL INDICATION: RLQ pain, fever, leukocytosis.

TECHNIQUE: Axial images from the lung bases through the pubic symphysis after 100 mL Omnipaque 350 IV. Coronal and sagittal reformats. Dose reduction techniques used. DLP 612 mGy-cm.

COMPARISON: None.

FINDINGS:
Lower chest: Clear.
Liver, gallbladder, spleen, pancreas, adrenals: Unremarkable.
Kidneys: Symmetric enhancement. No hydronephrosis or calculi.
Bowel: The appendix is dilated to 13 mm with wall thickening, hyperenhancement and periappendiceal fat stranding. An appendicolith is present at the base. No extraluminal gas or drainable fluid collection.
Pelvis: Small volume free fluid in the cul-de-sac. Uterus and adnexa within normal limits.
Lymph nodes: Few reactive mesenteric nodes RLQ.
Bones: No aggressive osseous lesion.

IMPRESSION:
Acute uncomplicated appendicitis with appendicolith. No abscess or perforation.
Findings discussed with Dr. Arrowsmith at 03:05 by telephone.

Electronically signed by: Celestine Obi-Hartmann, MD
""")

add("radiology_report", "screening mammogram BI-RADS letter-ish report, OCR noise", """
Ha1cyon Breast Imaging  |  fax 303-555-0109  |  11/25/2026 08:12  pg 1/1

SCREENING MAMM0GRAM, BILATERAL WITH T0M0SYNTHESIS
Patient: Brightman, L0uisa A.   DOB 12/03/1966   ID HBI-300128
Exam date: 11/21/2026
Indication: Annual screening. No c0mplaints.
Breast composition: Heterogeneously dense (C), which may obscure sma11 masses.
Findings: There is a new 7 mm focal asymmetry in the 1eft breast, upper outer quadrant, middle depth, seen on CC view on1y. No suspicious calcifications. Right breast: no suspicious findings.
ASSESSMENT: BI-RADS 0 - Incomp1ete. Need additional imaging evaluation.
REC0MMENDATION: Diagnostic mammogram left breast with spot compression and ultrasound as needed.
A 1etter with these results was mailed to the patient.
Interpreting radiologist: Odalys Prentiss-Kaur, MD
""", True)

add("radiology_report", "MRI lumbar spine, numbered levels, no letterhead", """
MRI LUMBAR SPINE WITHOUT CONTRAST

Pt: Abernathy, Colt      DOB 04/17/1979    Exam 11/18/2026
Ref: Dr. Solveig Lindqvist (Orthopedics)

Clinical: Low back pain radiating down left leg, 10 weeks, failed PT.

Technique: Sagittal T1, T2, STIR; axial T1 and T2. 1.5T.

Alignment normal. Vertebral body heights maintained. Conus terminates at L1. Marrow signal normal.

L1-L2, L2-L3: Unremarkable.
L3-L4: Mild disc bulge, no stenosis.
L4-L5: Broad-based disc bulge with left paracentral protrusion contacting the traversing left L5 nerve root. Mild facet arthropathy. Mild left lateral recess narrowing.
L5-S1: Disc desiccation, small central annular fissure. No neural impingement.

IMPRESSION:
Left paracentral disc protrusion at L4-L5 contacting the traversing left L5 nerve root, correlating with symptoms.

Reading radiologist: P. Ng-Castellano, MD, Mesa Diagnostic Radiology
""")

add("radiology_report", "obstetric ultrasound with biometry table", """
VALLEY WOMEN'S ULTRASOUND
OB ULTRASOUND REPORT - 2nd trimester anatomy survey

Patient: Ortega-Blum, Samira    DOB: 02/25/1996    MRN: VWU-12088
Exam date: 11/16/2026    LMP: 07/10/2026    GA by LMP: 18w2d
Referring: Hollis Grantham, CNM     Sonographer: R. Dietz, RDMS

Single live intrauterine pregnancy. Cephalic. FHR 148 bpm.
Placenta: posterior, no previa.   AFI: normal subjectively.
Cervical length (TA): 3.8 cm

BIOMETRY            mm       GA
  BPD              41.2     18w3d
  HC              153.0     18w1d
  AC              131.6     18w4d
  FL               27.9     18w4d
  EFW             236 g   (48th %ile)

Anatomy: Visualized structures normal including 4-chamber heart, outflow tracts, stomach, kidneys, bladder, spine, cord insertion, 3-vessel cord. Lips/profile suboptimal due to fetal position.

Impression: Single IUP at 18w3d by ultrasound, concordant with dates. Normal anatomy as visualized; recommend follow-up to complete facial views.
Physician: Theodora Mwangi, MD (MFM)
""")

add("radiology_report", "CT head noncontrast from ED, short preliminary/final", """
*** FINAL ***   Radiology Report   Cascade General Hospital

CT HEAD WO CONTRAST     Acc# 26-CT-0918842     11/30/2026 23:50
Patient: PELLETIER, ARNAUD   MRN 00711290   DOB 08/08/1938   Loc: ED
Indication: Fall on anticoagulation, headache.
Findings: No acute intracranial hemorrhage, mass effect or midline shift. No acute territorial infarct. Moderate chronic small vessel ischemic changes. Generalized volume loss. Ventricles proportionate. Calvarium intact. Small left frontal scalp hematoma. Paranasal sinuses clear.
Impression: No acute intracranial abnormality. Left frontal scalp hematoma.
Preliminary read by teleradiology (NightHawk RP) concurs with final.
Finalized by: Marguerite Oyelaran, MD 12/01/2026 07:15
""")

add("radiology_report", "DEXA bone density, T-scores table, fax footer", """
SUMMIT ENDOCRINE & BONE HEALTH
Bone Densitometry (DXA) Report

Patient: Whitcombe, Agnes        DOB: 09/30/1951     Age: 75
Exam: 11/10/2026    Scanner: Hologic Horizon A    Referring: B. Castellanos, DO
Indication: Postmenopausal, on aromatase inhibitor.

Region            BMD (g/cm2)   T-score   Z-score
L1-L4             0.792         -2.6      -0.9
Left femoral neck 0.601         -2.3      -0.4
Left total hip    0.688         -2.0      -0.5
Left forearm 33%  0.612         -1.7       0.1

Interpretation: Osteoporosis by WHO criteria based on the lumbar spine. 
10-year FRAX probability: major osteoporotic fracture 21%, hip 4.8%.
Compared with 10/2024, spine BMD decreased 4.1% (significant).

Reported by: Gideon Farquharson, MD, CCD
___________________________________________________________________
CONFIDENTIAL - sent via fax to (559) 555-0100        Page 1 of 1
""")

add("radiology_report", "venous duplex ultrasound lower extremity, OCR run-together", """
LAKESIDE VASCULAR LAB  ICAVL Accredited
VENOUS DUPLEX LOWER EXTREMITY UNILATERAL-RIGHT
Name:MCALLISTER,RONAN J   DOB:1966-03-19   Acct#:LV55019   Date:11/22/2026
Reason:R calf swelling and pain after long flight.
Findings:The right common femoral,femoral,popliteal veins are fully compressible with normal phasic flow and augmentation.Posterior tibial and peroneal veins are compressible.The right gastrocnemius vein is noncompressible and distended with echogenic intraluminal thrombus.Great saphenous vein patent.Contralateral CFV waveform phasic.
Conclusion:Acute appearing isolated right gastrocnemius (muscular calf) vein thrombosis.No DVT in the deep axial veins.
Results called to ordering office (Dr.Varga) 11/22 at 1410.
Interpreting Physician: Constance Ibekwe, MD RPVI
""", True)
