# referral_letter: asks another clinician or service to see or treat the patient.
D = [
("referral_letter", "GP letter, British style, asks for urgent review", """Kestrel Lane Surgery
4 Kestrel Lane, Millbrook MB2 7QT

12 March 2026

The Breast Unit
Millbrook General Hospital

Dear Team,

Re: Miss Priyanka SHETTY, DOB 02.09.1983, NHS-style no. 481 552 9032

Could you please see this 42-year-old woman urgently under the two-week pathway. She noticed a 2 cm firm lump in the upper outer quadrant of the right breast three weeks ago. It has not changed with her cycle. There is no nipple discharge. Her maternal aunt had breast cancer at 50.

Past history: asthma. Medication: salbutamol inhaler as needed. No allergies.

I have not arranged any imaging. She is aware of why she is being seen quickly.

With many thanks,

Dr Helena Osei MRCGP
"""),
("referral_letter", "check-box outpatient order for physical therapy", """PHYSICAL THERAPY REFERRAL / PRESCRIPTION
Lakeshore Orthopedic Group   Fax (555) 330-8191

Patient name: Bartholomew Quist      DOB: 01/30/1957
Phone: 555-212-0044       Insurance: Medicare

Diagnosis / ICD-10: M17.11 primary osteoarthritis, right knee
[X] Evaluate and treat
[ ] Home exercise program only
[X] Strengthening   [X] ROM   [ ] Aquatic   [ ] Modalities
Frequency: 2-3x/week   Duration: 6 weeks
Precautions: none

Ordering provider: Francesca Moretti, PA-C     NPI 1649903311
Signature: F. Moretti PA-C     Date: 04/08/2026
"""),
("referral_letter", "email-style request to cardiology, no salutation", """Sent: Tue 9/30/2025 2:14 PM
From: Dr. Anil Gupta <agupta@cedarfamilymed.example>
To: Cardiology Intake <intake@valleyheart.example>
Subject: new pt referral - exertional chest tightness

Patient: Ruth Kellerman, 63F, DOB 5/22/1962, ph 555-887-3020
Reason: 2 months of chest tightness walking uphill, relieved by rest. ECG in office: nonspecific T wave flattening. Risk factors: HTN, LDL 168, ex-smoker.
Started aspirin 81 and atorvastatin 40. Requesting stress testing and cardiology evaluation within 2 weeks please.
Insurance: Aetna PPO, auth not required.
Office notes and ECG attached (4 pages).
Anil Gupta MD - Cedar Family Medicine
"""),
("referral_letter", "behavioral health warm-handoff referral, form fields", """Community Counseling Referral
From: Brightwater Health Center - Integrated Care
Date sent: 01/14/2026      Priority: Within 7 days

Client: Tobias Engstrom     DOB 11/03/2001     Preferred language: English
Phone OK to leave message: Yes

Referred to: Northside Recovery Services - outpatient substance use program
Presenting concern: alcohol use increasing since job loss; PHQ-9 = 14; AUDIT = 21
Risk: denies SI/HI today; safety plan completed
What we are asking for: intake assessment and outpatient treatment
Client is aware of and agrees to this referral: Yes
Referring clinician: Danielle Fortier, LCSW   Phone ext 318
"""),
("referral_letter", "specialist-to-specialist request for surgical opinion, OCR noise", """VALLEY GASTROENTEROLOGY
0ctober 2, 2025

Dr. Miriam Adeyemi
Colorectal Surgery, Mercy West

Dear Miriam,
I would be grateful for your surgical opinion on Mr. Leonard Fairweather (DOB 3/3/1950). At colonoscopy on 9/25 I found a 3.5 cm flat lesion in the ascending colon that could not be removed safely endoscopically. Biopsies show tubulovillous adenoma with high-grade dysp1asia. I tattooed the site.
He is otherwise fit, on lisinopri1 for hypertension only. CEA is normal.
He would like to be seen at your earliest convenience and understands surgery is the likely next step. The procedure report and pathology are enclosed.
Warm regards,
Samuel Okafor, MD
"""),
("referral_letter", "home health agency referral, fax form", """*** HOME HEALTH REFERRAL ***
TO: Sunrise Home Care   FAX 555-404-7712
FROM: Pinecrest Internal Medicine   PHONE 555-404-1100

Patient: Agnes Whitcombe   DOB 12/12/1938
Address: 88 Linden St Apt 2, Pinecrest
Primary dx: CHF exacerbation, recent hospitalization 2/10-2/15
Services requested: Skilled nursing (weights, med teaching, BP), PT for strength and gait
Start of care requested: within 48 hrs of discharge
Homebound status: leaves home only for medical appointments, uses walker
Face-to-face encounter date: 02/17/2026
Physician: Rafael Dominguez, MD  (signature on file)
"""),
("referral_letter", "dentist to oral surgeon, short note", """Maple Street Dental
Dr. Yuki Tanabe, DDS

To: Dr. Connor Blaise, Oral & Maxillofacial Surgery

Please evaluate and treat: Sofia Lindahl, age 19.
Teeth #1, #16, #17 and #32 - impacted third molars, #17 and #32 mesioangular with recurrent pericoronitis.
Panoramic radiograph enclosed. Medical history unremarkable, no allergies.
Thank you,
Y. Tanabe DDS   03/19/2026
"""),
]
