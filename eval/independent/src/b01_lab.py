D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("lab_report", "reference-lab chemistry panel, fixed-width columns, fax banner", """
12/01/2026 14:22  FROM: 18005550142  QUEST-VALLEY REF LAB        P.001/002
---------------------------------------------------------------------------
TRI-COUNTY REFERENCE LABORATORY          CLIA #05D7788123
4410 Orchard Industrial Pkwy, Suite B, Fresno CA 93722   (559) 555-0190
---------------------------------------------------------------------------
PATIENT: OKAFOR, BEATRICE N          DOB: 03/14/1961   SEX: F
ACCESSION: TR26-448120               COLLECTED: 11/30/2026 07:45
ORDERING: HALVERSEN, PETRA MD        RECEIVED:  11/30/2026 10:02
ACCOUNT: 220915 SUNNYSLOPE FAM MED   REPORTED:  12/01/2026 13:58
STATUS: FINAL                        FASTING: Y

COMPREHENSIVE METABOLIC PANEL
TEST                  RESULT    FLAG   UNITS        REF RANGE
Glucose               142       H      mg/dL        65-99
BUN                   24        H      mg/dL        7-20
Creatinine            1.31      H      mg/dL        0.50-1.10
eGFR (CKD-EPI 2021)   46        L      mL/min/1.73  >59
Sodium                138              mmol/L       135-146
Potassium             5.3       H      mmol/L       3.5-5.3
Chloride              103              mmol/L       98-110
CO2                   22               mmol/L       20-32
Calcium               9.4              mg/dL        8.6-10.4
Total Protein         7.0              g/dL         6.1-8.1
Albumin               4.0              g/dL         3.6-5.1
Bilirubin, Total      0.6              mg/dL        0.2-1.2
Alk Phos              88               U/L          37-153
AST                   19               U/L          10-35
ALT                   23               U/L          6-29

HEMOGLOBIN A1c        7.9       H      %            <5.7
  Interpretation: >=6.5% consistent with diabetes.

Performing site: TCRL Main, Medical Director R. Abernathy-Cole MD
                                                        Page 1 of 2
""")

add("lab_report", "hospital lab CBC with diff, key:value layout, no title", """
ST. GERTRUDE MEMORIAL HOSPITAL - LABORATORY SERVICES
Name: Villanueva, Marco A.        MRN: SG00481227
DOB: 09/02/1988   Age: 38Y   Sex: M
Visit #: 7781904432   Loc: ED-12
Ordered by: Dr. K. Thistlewood   Collected: 11/28/2026 21:14

Hematology

WBC ............ 14.8  H   (4.0-11.0 x10^3/uL)
RBC ............ 4.61      (4.40-5.90 x10^6/uL)
Hgb ............ 13.9      (13.5-17.5 g/dL)
Hct ............ 41.2      (40-52 %)
MCV ............ 89.4      (80-100 fL)
RDW ............ 13.1      (11.5-14.5 %)
Plt ............ 312       (150-400 x10^3/uL)
Neut % ......... 84.2  H   (40-75)
Lymph % ........ 9.1   L   (20-45)
Mono % ......... 5.8       (2-10)
Eos % .......... 0.6       (0-6)
Baso % ......... 0.3       (0-2)
Abs Neut ....... 12.46 H   (1.8-7.7)
Bands .......... 6     H   (0-5)  (manual diff)

Smear review: Toxic granulation present. No blasts seen.
Verified by: JLM, MLS(ASCP)  11/28/2026 21:52
""")

add("lab_report", "urinalysis with reflex culture, clinic in-house lab, terse", """
Brightwater Pediatrics & Adolescent Medicine -- In-Office Laboratory
Pt: Danielle Fairbanks   DOB 06/19/2014   Chart# 44102
Date of service 11/24/2026   Provider: L. Mbeki, CPNP

URINALYSIS, COMPLETE W/ MICROSCOPIC
  Color            Yellow
  Clarity          Cloudy        (ref Clear)
  Sp Gravity       1.021
  pH               6.0
  Protein          Trace
  Glucose          Negative
  Ketones          Negative
  Blood            Small         (ref Neg)
  Nitrite          POSITIVE      (ref Neg)
  Leuk Esterase    Moderate      (ref Neg)
  WBC/hpf          25-50         (ref 0-5)
  RBC/hpf          3-5
  Bacteria         Many
  Squamous epi     Few

Reflex: sent for culture to Coastline Microbiology, acc# CM-99120.
Results reviewed with parent by phone 11/24. - LM
""")

add("lab_report", "microbiology culture and sensitivity, MIC table", """
COASTLINE MICROBIOLOGY ASSOCIATES
1200 Harbor View Rd   Ventura, CA 93001
Tel 805-555-0133  Fax 805-555-0134

FINAL REPORT

Patient Name: FAIRBANKS, DANIELLE        Patient ID: BWP-44102
Birth Date: 06/19/2014                   Accession: CM-99120
Source: Urine, clean catch               Collected: 11/24/2026
Physician: MBEKI, L                      Final: 11/26/2026 09:10

CULTURE, URINE
  >100,000 CFU/mL Escherichia coli

SUSCEPTIBILITY (MIC, ug/mL)          E. coli
  Ampicillin                         >=32    R
  Amoxicillin/Clavulanate             8      S
  Cefazolin (urine)                  <=4     S
  Ceftriaxone                        <=1     S
  Ciprofloxacin                      <=0.25  S
  Nitrofurantoin                     <=16    S
  Trimethoprim/Sulfamethoxazole      >=320   R

Interpretive criteria: CLSI M100.
*** End of report ***
""")

add("lab_report", "surgical pathology report that discusses the surgery - hard case", """
NORTHRIDGE PATHOLOGY GROUP, P.C.
Anatomic Pathology | Dermatopathology | Cytopathology

SURGICAL PATHOLOGY REPORT                 Case No: NS26-17730

Patient: Linwood, Harold T.     DOB: 01/30/1954    MRN (Submitting): 0092213
Submitting physician: Francesca Obuya, MD (General Surgery, Northridge Medical Center)
Procedure date: 11/20/2026     Received: 11/20/2026    Signed out: 11/23/2026

CLINICAL HISTORY:
72 y/o male with RUQ pain and gallstones on ultrasound. Laparoscopic cholecystectomy performed.

SPECIMEN:
A. Gallbladder

GROSS DESCRIPTION:
Received in formalin labeled with the patient's name and "gallbladder" is an opened gallbladder measuring 8.2 x 3.1 x 2.4 cm. The serosa is tan-pink and smooth. The wall measures up to 0.4 cm. The mucosa is green-tan and velvety. Multiple yellow-green faceted stones are present, aggregate 2.5 x 2.0 x 1.5 cm. Representative sections submitted in A1-A2.

MICROSCOPIC DESCRIPTION:
Sections show gallbladder wall with mucosal hyperplasia, Rokitansky-Aschoff sinuses and mild chronic inflammation. No dysplasia.

DIAGNOSIS:
A. Gallbladder, laparoscopic cholecystectomy:
   - Chronic cholecystitis with cholelithiasis.
   - Negative for dysplasia and malignancy.

Electronically signed: Yusuf Delacroix-Brandt, MD, Pathologist  11/23/2026 16:40
""")

add("lab_report", "cervical cytology (Pap) with HPV, OCR noise", """
WOMEN'S HEALTH CYTOLOGY LAB0RATORY
Fax: (412) 555-0177                                  Page 1 of 1

GYN CYTOLOGY REP0RT
Patient: ESPINOSA-WARD, KATHRYN        D0B: 07/08/1990
Lab No: GY-2611-04532        Coll Date: 11/12/2026
Referring Clinician: Hollis Grantham, CNM
Specimen: ThinPrep Pap, cervical/endocervical
LMP: 10/29/2026     Prior abnormal: N0

SPECIMEN ADEQUACY: Satisfactory for evaluation. Endocervical/transf0rmation
zone component present.

INTERPRETATI0N / RESULT:
   L0W-GRADE SQUAMOUS INTRAEPITHELIAL LESI0N (LSIL)
   encompassing HPV/CIN 1.

HPV HIGH RISK DNA: P0SITIVE
   HPV 16: Negative   HPV 18: Negative   Other hr types: Positive

Screened by: T. Vasquez-Lund, CT(ASCP)
Reviewed by: M. Orenstein MD
Recommendation: F0llow ASCCP risk-based management guidelines.
""", True)

add("lab_report", "lipid + TSH + ferritin, portal-printout style, narrative comments", """
Results - Lakeshore Health Patient Portal printout             Printed 11/30/2026

Patient: Rosalind Achterberg    Date of birth: Apr 2, 1972
Ordering provider: Bernard Castellanos, DO
Specimen collected: Nov 27, 2026 8:02 AM    Resulted: Nov 27, 2026 3:45 PM

Lipid Panel
  Cholesterol, Total     238 mg/dL   High     Normal range: <200
  Triglycerides          191 mg/dL   High     Normal range: <150
  HDL Cholesterol         44 mg/dL            Normal range: >39
  LDL Chol Calc (NIH)    158 mg/dL   High     Normal range: <100
  VLDL                    36 mg/dL            Normal range: 5-40

TSH                       6.82 uIU/mL High    Normal range: 0.45-4.50
Free T4                   0.91 ng/dL          Normal range: 0.82-1.77
Ferritin                  18 ng/mL            Normal range: 15-150

Comment from your care team:
"Rosalind - cholesterol is up and thyroid slightly underactive. Let's discuss at your visit on the 10th. -Dr. C"
""")

add("lab_report", "bone marrow/heme pathology with flow cytometry, long, run-together OCR lines", """
MERIDIAN UNIVERSITY HOSPITAL  DEPT OF PATHOLOGY & LAB MEDICINE
HEMATOPATHOLOGY CONSULTATION REPORT
Pt: Nakamura-Olsen, Derek     MRN 3308812     DOB 1949-11-05     Acct 55012893
Specimen: Peripheral blood for flow cytometry; bone marrow aspirate and core biopsy, left posterior iliac crest
Clinical: Lymphocytosis (ALC 18.2), mild anemia. R/O CLL.
FLOW CYTOMETRY: A kappa-restricted B-cell population comprises 71% of events, CD5+, CD23+, CD20 dim, CD200+, FMC7 negative, surface Ig dim.This immunophenotype is characteristic of chronic lymphocytic leukemia.
BONE MARROW ASPIRATE: Adequate,cellular spicules. Differential (500 cells): lymphocytes 48%, myeloid 30%, erythroid 18%, others 4%. M:E 1.7.
CORE BIOPSY: 60% cellularity with interstitial and nodular infiltrate of small mature lymphocytes.Trilineage hematopoiesis present. No increase in blasts. Reticulin 1+.
FINAL DIAGNOSIS:
Bone marrow, left iliac crest, aspirate and biopsy:
 - Involvement by chronic lymphocytic leukemia/small lymphocytic lymphoma (approx 45% of cellularity).
 - FISH panel (CLL) sent out; addendum to follow.
Hematopathologist: Ingrid Solvang-Pruitt MD   Date: 11/19/2026
""", True)
