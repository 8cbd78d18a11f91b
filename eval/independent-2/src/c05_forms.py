# roi_authorization and consent_form: forms of many shapes.
D = [
("roi_authorization", "one-page patient request to send records to a new doctor", """Cedar Family Medicine - Medical Records
REQUEST TO TRANSFER MY RECORDS

I, Ruth Kellerman (DOB 05/22/1962), ask Cedar Family Medicine to send a copy of my records to:
Dr. Wen Li, Foothill Internal Medicine, 31 Alder Rd, Foothill   Fax 555-771-9023

Records to send: [X] last 2 years of visit notes  [X] labs  [X] immunizations  [ ] entire chart
Reason: I am moving and changing doctors.
This permission ends on: 12/31/2026. I may cancel it in writing at any time. My care here does not depend on signing this. Once sent, the new office may share the information and it may no longer be protected by federal privacy law.

Signature: Ruth Kellerman        Date: 06/02/2026
"""),
("roi_authorization", "attorney's HIPAA authorization, legal wording", """AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION
PURSUANT TO 45 CFR 164.508

Patient: Desmond Achebe          Date of Birth: 03/14/1979          SSN (last 4): 4410

TO: Any physician, hospital, clinic, pharmacy, or other health care provider who has treated the above patient.

You are authorized to furnish to the law offices of Pryce, Vandermeer & Holt LLP, 500 Commerce St Suite 1200, and their agents, complete copies of all medical records, itemized bills, diagnostic films and reports relating to injuries sustained on or about August 3, 2025.

Purpose: evaluation and pursuit of a personal injury claim.
This authorization shall remain valid for two (2) years from the date of signature. A photocopy shall be as valid as the original. I understand I may revoke it by written notice, except where action has been taken in reliance on it. I understand that treatment and payment may not be conditioned on my signature and that disclosed information may be redisclosed by the recipient.

___Desmond Achebe___________   Date: 09/18/2025
Witness: M. Holt
"""),
("roi_authorization", "two-way exchange with a school, short, checkboxes", """PERMISSION TO EXCHANGE INFORMATION
Greenway Pediatrics  <->  Lincoln Elementary School, school nurse office

Child: Micah Oyelaran   DOB 08/14/2019   Grade 1
I give permission for the two parties above to share with each other:
[X] asthma action plan  [X] medication orders  [ ] behavioral health  [X] immunization status
Purpose: managing my child's health needs at school.
Valid for the school year 2025-2026, unless I withdraw it in writing.
Parent/guardian: Folake Oyelaran   Relationship: mother   Signed 08/25/2025
"""),
("roi_authorization", "substance use disorder program consent to disclose, Part 2 wording, OCR noise", """NORTHSIDE RECOVERY SERVICES
C0NSENT FOR THE RELEASE OF C0NFIDENTIAL INF0RMATION (42 CFR Part 2)

I, Tobias Engstrom, authorize Northside Recovery Services to disclose to Brightwater Health Center, Danielle Fortier LCSW, the following: attendance, diagnosis, treatment plan and progress, toxicology results.
Purpose of disclosure: coordination of care with my primary care team.
I understand that my records are protected under federal regulations governing Confidentiality of Substance Use Disorder Patient Records, 42 CFR Part 2, and HIPAA, and cannot be disclosed without my written consent unless otherwise provided for by the regulations. I may revoke this consent at any time except to the extent action has been taken in reliance on it.
This consent expires: 1 year from signature.
Signature of patient: T. Engstrom     Date 01/20/2026
"""),
("roi_authorization", "insurer's release form for life-insurance underwriting, dense", """ANCHOR MUTUAL LIFE INSURANCE COMPANY
AUTHORIZATION TO OBTAIN AND DISCLOSE INFORMATION
Proposed insured: Helga Sorensen   DOB 10/01/1970   Policy application no. AM-7730091

I authorize any physician, medical practitioner, hospital, clinic or other medical facility, pharmacy benefit manager, the MIB Group, and any consumer reporting agency to give Anchor Mutual Life or its reinsurers information about my physical or mental health, including drug or alcohol use, and prescription history. This information will be used to determine eligibility for insurance. This authorization is valid for 24 months from the date signed. I know I may request a copy of this form and revoke it by writing to the Company. Information disclosed may be re-disclosed and no longer protected by federal rules.
Signature of proposed insured ______H. Sorensen______  Date 07/07/2025
"""),
("roi_authorization", "hospital HIM portal printout, request for own records", """Mercy West Health - Health Information Management
Online Records Request - Confirmation #HIM-2026-0031882

Requester: patient (self)
Patient name: Leonard Fairweather     DOB: 03/03/1950
Deliver to: myself, secure electronic delivery (portal)
Date range: 09/01/2025 - 10/31/2025
Items: operative reports, pathology, discharge summary, imaging reports
Sensitive categories included: none selected (HIV, mental health, substance use, genetic testing excluded)
Expiration of this authorization: 90 days after submission
Revocation: submit a written request to HIM
E-signature: Leonard Fairweather   Submitted 11/04/2025 19:22 from verified account
"""),
("consent_form", "informed consent for blood transfusion, short", """CONSENT FOR TRANSFUSION OF BLOOD AND BLOOD PRODUCTS
Patient: Oswaldo Benítez   MRN 20-118842

My doctor has explained why I may need red cells, platelets or plasma, the possible risks (fever, allergic reaction, fluid overload, rarely infection) and the alternatives, including the risk of declining.
I [X] agree   [ ] do not agree   to receive blood products during this treatment episode (valid for the admission or 12 months of outpatient treatment).
Patient signature: O. Benítez   Date/time: 01/30/2026 14:05
Clinician obtaining consent: N. Kowalczyk MD     Interpreter used: Spanish, ID 5512
"""),
("consent_form", "IUD insertion consent with listed risks", """Eastside Women's Clinic
Consent to Insertion of an Intrauterine Device (IUD)

Patient: Marit Lindahl        DOB 05/19/1990
Device: levonorgestrel 52 mg IUD

I have been told about the benefits and the risks of having an IUD inserted, including:
- cramping and bleeding during and after insertion
- expulsion of the device (about 3-6 in 100)
- perforation of the uterus (about 1 in 1000)
- infection in the first 20 days
I know I can have the IUD removed whenever I want. My questions were answered. I agree to have the IUD placed today.

Patient: Marit Lindahl   Date 01/15/2026
Provider: H. Vasquez CNM   Witness: R. Obi, MA
"""),
("consent_form", "photography and recording consent, tiny", """PHOTO / VIDEO CONSENT
I agree that photographs of my skin lesions may be taken and kept in my medical record for my care. [X] also for teaching without my name   [ ] not for teaching
Name: Yara Haddad   Date: 02/11/2026   Signature: Y. Haddad
"""),
("consent_form", "consent to treatment of a minor by a relative caregiver, OCR noise", """AUTH0RIZATION AFFIDAVIT - CARE OF A MINOR / CONSENT T0 TREAT
Pinecrest Community Clinic
Minor: Jaylen Ortiz-Baptiste   DOB 06/30/2013
I, Marisol Baptiste, am the grandmother of the minor and the child lives with me. His parents cannot be reached to give consent.
I consent to medical and dental care for the child at this clinic, including exams, vaccines, lab tests and treatment of illness.
I understand I may withdraw this consent in writing.
Signed: Marisol Baptiste    Date: 9/02/2025    Relationship: grandmother (caregiver)
"""),
("consent_form", "procedure consent for moderate sedation and endoscopy, numbered", """Valley Gastroenterology Endoscopy Center
PROCEDURE AND SEDATION CONSENT

Patient: Leonard Fairweather   DOB 3/3/1950
1. Procedure(s): colonoscopy with possible biopsy, polypectomy, tattoo
2. Physician: Samuel Okafor, MD
3. I understand the risks include bleeding, perforation (about 1 in 1,000), missed lesions, reaction to sedation, and the need for surgery if a complication occurs.
4. Sedation: moderate (midazolam/fentanyl) or monitored anesthesia care.
5. Alternatives explained: CT colonography, stool testing, no testing.
6. I consent to the procedure(s) and sedation above and to the examination and disposal of removed tissue.
Patient signature: L. Fairweather   Date 09/25/2025 07:40
Physician signature: S. Okafor MD
"""),
]
