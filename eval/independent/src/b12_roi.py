D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("roi_authorization", "hospital HIPAA authorization form, full checkbox layout", """
HARBORVIEW COMMUNITY HOSPITAL - HEALTH INFORMATION MANAGEMENT
AUTHORIZATION FOR USE OR DISCLOSURE OF PROTECTED HEALTH INFORMATION

Patient name: Ignacio R. Castellano     DOB: 11/04/1956     MRN: HCH-4410298
Address: 612 Cypress Ave, Fresno CA 93727     Phone: 559-555-0182

I authorize: Harborview Community Hospital
to release information to: Sunnyslope Family Medicine, 300 W Olive Ave, Fresno CA 93728, Fax 559-555-0100

Information to be released (dates of service 11/21/2026 - 11/26/2026):
[X] Discharge summary  [X] History & physical  [X] Lab results  [X] Imaging reports
[ ] Entire record  [ ] Other: ________
Sensitive information (requires initials): HIV/AIDS ___  Mental health ___  Substance use disorder (42 CFR Part 2) ___  Genetic testing ___

Purpose: [X] Continuity of care  [ ] Legal  [ ] Insurance  [ ] Personal

This authorization expires on 11/26/2027 or upon the following event: ________.
I understand I may revoke this authorization in writing at any time, except to the extent action has been taken in reliance on it. Treatment, payment, enrollment or eligibility will not be conditioned on signing. Information disclosed may be redisclosed by the recipient and no longer protected by federal privacy law.

Signature of patient: Ignacio Castellano         Date: 11/26/2026
""")

add("roi_authorization", "behavioral health release with 42 CFR Part 2 language, two-way exchange", """
RIVERSIDE COUNSELING CENTER
CONSENT FOR RELEASE OF CONFIDENTIAL INFORMATION (42 CFR Part 2 compliant)

I, Dominic Lachance (DOB 08/29/2001), authorize Riverside Counseling Center to
[X] disclose to   [X] obtain from   (exchange information with):
   Sunnyslope Family Medicine, attn: Petra Halversen, MD, Fresno CA
   Pinebrook Behavioral Health Hospital

Information: Attendance, diagnosis, treatment plan and progress, medications, and substance use disorder treatment records, including toxicology results.
Purpose: Coordination of care and medication management.

I understand that my substance use disorder records are protected under federal regulations (42 CFR Part 2) and HIPAA and cannot be disclosed without my written consent unless otherwise provided for by the regulations. I may revoke this consent at any time except to the extent that action has been taken in reliance on it.
This consent expires: 12 months from signing, or upon discharge from services + 90 days, whichever is later.

Client signature: Dominic Lachance     Date: 11/30/2026
Witness: M. Quarshie, LCSW
""")

add("roi_authorization", "short clinic release form, OCR noise", """
0AKM0NT FAMILY PRACTICE
REQUEST/AUTH0RIZATI0N T0 RELEASE MEDICAL REC0RDS
Patient: Gabrie1 Tennyson-Ruiz   D0B: 12/12/1985   Ph: 555-0131
P1ease release my records FR0M: Northridge Medical Center Employee Health
T0: 0akmont Family Practice, fax 555-0139
Records: immunizations, TB screening, titers, last physical
Date range: 2020 - present
Purpose: continuity of care / new employer requirements
This authorization expires 1 year from date signed. I understand I can revoke it in writing.
Signature: G Tennyson-Ruiz    Date: 11/23/2026
""", True)

add("roi_authorization", "authorization to release to attorney, legal purpose, law firm fax", """
FAX - McCORMICK, BALDWIN & ADEBAYO LLP    12/02/2026 10:14    Pg 2/3

AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION
(HIPAA-compliant, 45 CFR 164.508)

Patient: Pelletier, Arnaud          Date of birth: 08/08/1938
Last 4 SSN: XXXX

I hereby authorize: Cascade General Hospital, and any physician, clinic or provider who has treated me
to disclose to: McCormick, Baldwin & Adebayo LLP, 1200 Fifth Ave Ste 900, Seattle WA 98101

The following records: All medical records, ED records, imaging studies and reports, billing records and itemized statements for treatment from 11/30/2026 to present related to a fall at Harbor Pointe Apartments.
Purpose: Legal claim / at the request of the individual.
Expiration: One year from date of signature.

I understand that I may revoke this authorization in writing; that the provider may not condition treatment on my signing; and that information disclosed may be subject to redisclosure.
A photocopy of this authorization shall be as valid as the original.

Signature: Arnaud Pelletier        Date: 12/01/2026
If signed by representative: Marguerite Pelletier-Young, daughter (POA attached)
""")

add("roi_authorization", "minor's records release signed by parent, school/sports form", """
BRIGHTWATER PEDIATRICS & ADOLESCENT MEDICINE
AUTHORIZATION TO DISCLOSE HEALTH INFORMATION - MINOR

Child: Danielle M. Fairbanks     DOB: 06/19/2014
Disclose to: Maplewood Middle School, Health Office (Nurse Rosalie Ng), fax 555-0122
Information to disclose: Immunization record; sports physical form; asthma action plan
Purpose: School enrollment and athletics participation
Effective: 11/24/2026 through 06/30/2027

Note: Adolescent confidential services (reproductive health, mental health, substance use) will NOT be disclosed under this authorization without the minor's separate consent where required by law.

Parent/legal guardian: Kendra Fairbanks    Relationship: mother
Signature: Kendra Fairbanks     Date: 11/24/2026
""")

add("roi_authorization", "insurer / disability claim authorization, dense legal text, run-together OCR", """
SUMMIT MUTUAL LIFE&DISABILITY-AUTHORIZATION TO OBTAIN AND DISCLOSE INFORMATION
Claimant:Abernathy,Colt  DOB:04/17/1979  Claim No:SMD-2026-118804  Policy:GRP-44120
I authorize any physician,medical practitioner,hospital,clinic,pharmacy,laboratory,or other medical facility,insurance company,or employer that has any records or knowledge of me or my health to give Summit Mutual Life&Disability Insurance Co.,or its authorized representatives,any such information,including but not limited to medical records,diagnoses,treatment,prescription drug history,and physical therapy records,for the purpose of evaluating my claim for short-term disability benefits.
This authorization does not include psychotherapy notes.It is valid for the duration of the claim,not to exceed 24 months from the date signed.A copy is as valid as the original.I may revoke it by written notice,but revocation will not affect actions already taken.
Signature:Colt Abernathy   Date:11/21/2026
""", True)

add("roi_authorization", "patient request for own records (right of access) with delivery options", """
ST. BRIGID WOMEN & INFANTS HOSPITAL
PATIENT REQUEST FOR ACCESS TO / RELEASE OF HEALTH INFORMATION

Patient: Clara Nguyen-Ashby      DOB: 01/17/1994     MRN: SBW773019
Email: cnashby@example.net      Phone: 555-0109

Release records to: [X] Myself   [X] Other: Dr. Hollis Grantham, CNM, Valley Women's Health (fax 555-0176)
Records requested:
  [X] Labor & delivery record  [X] Discharge summary  [X] Newborn summary (infant: Baby Girl Nguyen-Ashby)
  [ ] Fetal monitoring strips  [ ] Itemized bill
Dates: 11/22/2026 - 11/24/2026
Format: [X] Electronic (patient portal / secure email)   [ ] Paper   [ ] CD
Reason (optional): personal records and postpartum care

I understand fees may apply per state law for copies sent to me.
This authorization will expire on 05/24/2027. I may revoke it in writing to HIM.
Signature: Clara Nguyen-Ashby     Date: 11/28/2026
HIM use only: Rec'd 11/28/2026  Log #ROI-26-11872  Processed by: JT
""")

add("roi_authorization", "multi-party release/exchange form from community clinic, Spanish/English bilingual headings", """
CENTRO DE SALUD COMUNITARIO LA PAZ / LA PAZ COMMUNITY HEALTH CENTER
Autorización para divulgar información de salud / Authorization to Release Health Information

Nombre / Name: Ortega-Blum, Samira      Fecha de nacimiento / DOB: 02/25/1996
Divulgar de / Release from: Valley Women's Ultrasound; Valley Women's Health (H. Grantham, CNM)
Divulgar a / Release to: La Paz Community Health Center, Prenatal Program, fax 555-0115
Información / Information: Prenatal records, ultrasound reports, lab results (prenatal panel, glucose tolerance)
Propósito / Purpose: Continuidad de atención / Continuity of care (transfer of prenatal care)
Vence / Expires: 12/31/2027

Entiendo que puedo revocar esta autorización por escrito. / I understand I may revoke this authorization in writing.
Firma / Signature: Samira Ortega-Blum      Fecha / Date: 11/30/2026
Intérprete / Interpreter: N/A - patient bilingual
""")
