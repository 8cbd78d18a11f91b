# lab_report: chemistry, hematology, microbiology, pathology, cytology, molecular.
D = [
("lab_report", "surgical pathology, diagnosis at the end, with synoptic lines", """CASCADE PATHOLOGY PARTNERS, P.C.
Anatomic Pathology Laboratory  CLIA 50D0912284

Patient: ALMQUIST, TORBEN   DOB 02/14/1955   Sex M
Case: CP26-018833   Procedure date: 02/03/2026   Received: 02/04/2026
Submitting physician: Samuel Okafor, MD (Valley Gastroenterology)

Specimen(s): A. Colon, ascending, polyp, cold snare   B. Rectum, biopsy

Gross: A. Received in formalin, a 1.1 x 0.8 x 0.4 cm tan polypoid fragment, bisected and entirely submitted. B. Two tan fragments, 0.2 cm each, entirely submitted.

Microscopic: A. Colonic mucosa with crowded tubular glands showing nuclear pseudostratification and hyperchromasia, no high-grade features. B. Colonic mucosa with preserved architecture.

Synoptic: Margin status (A): cannot be assessed (fragmented). High-grade dysplasia: not identified. Invasion: not identified.

DIAGNOSIS:
A. Colon, ascending, polypectomy: tubular adenoma.
B. Rectum, biopsy: benign colonic mucosa; no active colitis.

Signed out by: Renata Holmqvist, MD, Pathologist   02/06/2026 11:02
"""),
("lab_report", "hematology, CBC with differential, pipe table", """Tri-County Reference Laboratory | 900 Meridian Blvd | Phone 555-610-2000
Patient: Oduya, Grace | DOB 08/30/1977 | F | Account 0094418
Ordering: Lorna Beckett FNP | Collected 03/11/2026 07:52 | Resulted 03/11/2026 10:15

TEST            | RESULT | FLAG | UNITS    | REFERENCE
WBC             |  3.1   |  L   | x10^3/uL | 4.0-10.5
RBC             |  3.82  |  L   | x10^6/uL | 3.90-5.20
Hemoglobin      |  9.4   |  L   | g/dL     | 12.0-15.5
Hematocrit      | 29.8   |  L   | %        | 35.0-46.0
MCV             | 78     |  L   | fL       | 80-100
Platelets       | 402    |      | x10^3/uL | 150-450
Neutrophils     | 48     |      | %        | 40-75
Lymphocytes     | 41     |      | %        | 20-45
RDW             | 17.9   |  H   | %        | 11.5-14.5

Comment: microcytic anemia with raised RDW; suggest iron studies.
Laboratory director: Emil Vasquez-Trent, MD
"""),
("lab_report", "blood culture with gram stain, preliminary and final lines", """MICRO LAB - St. Aurelia Medical Center
BLOOD CULTURE x2
Pt: FERREIRA, LUCINDA   Acct 9920471   Loc 5N-12
Drawn 01/22/2026 22:10 (L antecubital) and 22:18 (R hand)

01/23 06:40  Set 1: GRAM POSITIVE COCCI IN CLUSTERS, aerobic bottle. Called to RN J. Whitley, read back verified.
01/23 14:05  Set 2: gram positive cocci in clusters, aerobic and anaerobic bottles.
01/24 FINAL ID: Staphylococcus aureus, methicillin susceptible (MSSA), both sets.

Susceptibility (MIC ug/mL):
  Oxacillin          0.5    S
  Cefazolin          <=1    S
  Vancomycin         1      S
  Clindamycin        >=8    R  (inducible resistance detected)
  Trimeth/Sulfa      <=10   S

Repeat cultures recommended to document clearance.
Microbiologist: Benedetta Long, MLS(ASCP)
"""),
("lab_report", "liquid-based Pap with HPV, paragraph style, OCR noise", """Harborview Women's Diagnostics
GYN CYT0LOGY + HPV
Patient Lindahl, Marit  DOB 5/19/1990  Coll. 12/02/2025  Rec'd 12/03/2025
Clinician: H. Vasquez CNM
Source: cervix, ThinPrep. LMP 11/20/2025.

Adequacy - satisfactory for evaIuation, transformation zone component present.
General categorization - epithelial cell abnormality.
Interpretation - ATYPICAL SQUAMOUS CELLS OF UNDETERMINED SIGNIFICANCE (ASC-US).
HPV high risk (cobas): POSITIVE for other high-risk types; HPV 16 negative; HPV 18 negative.
Recommendation: management per current ASCCP risk-based guidelines; colposcopy is generally advised.
Screened by L. Ng CT(ASCP); reviewed by Paul Oyelowo MD.
"""),
("lab_report", "single-analyte endocrine result, very short", """QUEST-STYLE LAB SERVICES  (outpatient draw station #14)
Name: PARK, JUN-SEO   DOB 04/02/1988   Collected 02/09/2026
Test: Parathyroid hormone, intact     Result: 71 pg/mL   H    Ref 15-65
Test: Calcium, serum                  Result: 10.8 mg/dL H    Ref 8.6-10.3
Reviewed: ______
"""),
("lab_report", "bone marrow / flow cytometry hematopathology, long narrative", """UNIVERSITY HEMATOPATHOLOGY SERVICE
Consultation case: HP-26-0412   Received 01/29/2026
Patient: Oswaldo Benítez   65 M
Referring: Dr. Nadia Kowalczyk, Hematology-Oncology

Clinical information: pancytopenia, circulating blasts 4% on smear.

Bone marrow aspirate: hypercellular spicules. Differential (500 cells): blasts 27%, promyelocytes 2%, myelocytes 6%, erythroid precursors 18% with dysplastic changes, lymphocytes 9%. Auer rods seen in rare blasts.
Core biopsy: 85% cellularity, sheets of immature cells, reduced megakaryocytes.
Flow cytometry (marrow): abnormal myeloid blast population, 25% of events, CD34+ CD117+ HLA-DR+ CD13+ CD33+, partial CD7, negative for CD19 and cytoplasmic CD3.
Cytogenetics: pending. NPM1/FLT3 molecular studies sent.

Interpretation: ACUTE MYELOID LEUKEMIA, with myelodysplasia-related changes (final classification pending cytogenetics and molecular results). An addendum will follow.

Hematopathologist: Yevgenia Strand, MD
"""),
("lab_report", "urine drug screen with confirmation, toxicology", """Summit Toxicology Laboratory
Specimen: urine   Chain of custody #: 7716520   Collected 03/03/2026 09:30
Donor: Callahan, Reese   DOB 11/17/1984
Ordered by: Brightwater Health Center (MAT program)

Specimen validity: creatinine 88 mg/dL (normal), pH 6.1, oxidants negative
SCREEN (immunoassay, cutoff ng/mL)      RESULT
  Amphetamines (500)                    NEGATIVE
  Benzodiazepines (200)                 NEGATIVE
  Buprenorphine (5)                     POSITIVE
  Cocaine metabolite (150)              NEGATIVE
  Fentanyl (1)                          POSITIVE
  Opiates (300)                         NEGATIVE
CONFIRMATION (LC-MS/MS)
  Norbuprenorphine                      212 ng/mL
  Norfentanyl                           14 ng/mL
Certifying scientist: Mateo Rinaldi
"""),
]
