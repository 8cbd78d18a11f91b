D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("referral_letter", "classic PCP letter asking specialist to see patient", """
Sunnyside Internal Medicine Associates
77 Maple Terrace, Suite 3, Wichita KS 67208
Phone 316-555-0150   Fax 316-555-0151

November 20, 2026

Valentina Duarte-Kimura, MD
Heartland Cardiovascular Institute

RE: Rosalind Achterberg, DOB 04/02/1972

Dear Dr. Duarte-Kimura,

I would be grateful if you could see Ms. Achterberg, a 54-year-old woman with hypertension, for evaluation of palpitations. Over the last 3 months she has noticed brief episodes of fluttering several times a week, occasionally with lightheadedness. Her ECG in my office showed sinus rhythm with a single PAC. TSH is pending. Her father had coronary disease.

Current medications: losartan 50 mg daily. Allergy: codeine.

I would appreciate your opinion regarding ambulatory monitoring and any further workup. Records enclosed: office note, ECG, recent labs.

Thank you for seeing her.

Sincerely,
Bernard Castellanos, DO
""")

add("referral_letter", "structured referral form (fax), checkboxes, urgency", """
*** REFERRAL REQUEST ***         FAX TO: Mesa Orthopaedic & Spine  (970) 555-0199
From: Pinecrest Family Health    Phone (541) 555-0140   Fax (541) 555-0141
Date: 11/19/2026                 Urgency: [ ] Emergent  [X] Urgent (within 2 wks)  [ ] Routine

Patient name: Colt Abernathy            DOB: 04/17/1979     Sex: M
Phone: (541) 555-0167                   Insurance: Cascade Health Plan  ID CHP88102231
Referred to: Solveig Lindqvist, MD - Orthopedic Spine
Referring provider: Agatha Moreno-Sills, NP   NPI 1234567893

Reason for referral / Diagnosis: Lumbar radiculopathy L5 (M54.16), L4-5 disc protrusion on MRI
Service requested: [X] Evaluate and treat  [ ] Consult only  [ ] Procedure: ________
Clinical summary: 10 wks LBP with L leg radiation, failed 6 wks PT and NSAIDs, mild L EHL weakness. No red flags.
Attachments: [X] MRI report  [X] Office notes  [X] PT notes  [ ] Labs

Authorization #: pending       Referring provider signature: A. Moreno-Sills NP
""")

add("referral_letter", "short handwritten-style transcribed note 'Please see', OCR noise", """
SUNNYSL0PE FAMILY MEDICINE                      11/25/2026
Dr. Hal1ie Szabo-Mensah, Endocrino1ogy

Re: Farida Abdu11ahi  D0B 12/25/1977

P1ease see this 48 y/o woman with type 1 DM recently hospitalized for DKA (11/25-11/29, Anderson-Whitley) due to insulin cost issues, now on g1argine/lispro. A1c 12.4. Would appreciate your help with insulin titration and consideration of CGM/pump. GAD-65 pending from hospital.
Thank you,
Petra Ha1versen MD
""", True)

add("referral_letter", "referral to physical therapy on prescription-pad style", """
Pinecrest Family Health
Agatha Moreno-Sills, NP-C   NPI 1234567893
2201 Juniper St, Bend OR 97701   Ph 541-555-0140

PHYSICAL THERAPY REFERRAL / ORDER

Patient: Abernathy, Colt     DOB: 04/17/1979     Date: 09/28/2026
Diagnosis: Low back pain with left radiculopathy (M54.16)
Referral to: Peakview Physical Therapy
Request: Evaluate and treat. 2-3x/week for 6 weeks.
Include: McKenzie/directional preference, core stabilization, home exercise program.
Precautions: none.
Please send evaluation and progress reports to our office.

Signature: A. Moreno-Sills, NP        Date: 09/28/2026
""")

add("referral_letter", "specialist-to-specialist referral (onward referral from cardiology to EP)", """
HEARTLAND CARDIOVASCULAR INSTITUTE
990 Prairie Medical Pkwy, Wichita KS 67205

12/03/2026

To: Cardiac Electrophysiology Service
Attn: Dr. Mattias Oyelaran-Holm
Midwest Heart Rhythm Associates

Re: Osric Fitzwilliam   DOB 03/09/1962   HCI-210983

Dear Mattias,

I am writing to refer Mr. Fitzwilliam, whom I treated for an anterior NSTEMI with PCI to the mid LAD on 11/24/2026. His follow-up echocardiogram shows an EF of 32% and on his wearable cardioverter-defibrillator he had a 14-beat run of nonsustained VT on 11/30. He is on aspirin, ticagrelor, metoprolol succinate 50 mg, sacubitril/valsartan and atorvastatin 80.

I would appreciate your assessment regarding risk stratification and timing of ICD candidacy after the 90-day window, and whether an EP study is warranted now.

The cath report, echo and LifeVest data are enclosed.

With thanks and best regards,
Valentina Duarte-Kimura, MD
""")

add("referral_letter", "behavioral health referral from ED social work to outpatient program", """
Meridian University Hospital - Department of Social Work
REFERRAL FOR OUTPATIENT BEHAVIORAL HEALTH SERVICES

To: Riverside Counseling Center - Intake Coordinator     Fax: 555-0192
From: Octavia Brandvold, LCSW, ED Social Work            Phone: 555-0164
Date: 11/24/2026

Client: Dominic Lachance   DOB 08/29/2001   Phone 555-0148
Services requested: Intensive outpatient program (mental health + substance use)
Reason: Discharging from inpatient psychiatric stay (Pinebrook, 11/14-11/24) for MDD with suicidal ideation and alcohol use disorder. Patient motivated, requests evening IOP due to work schedule.
Current meds: sertraline 100 mg, naltrexone 50 mg.
Insurance: Medicaid ID 7720019934.
Release of information signed and attached.
Please contact client directly to schedule; target start 11/30/2026.
""")

add("referral_letter", "dental/oral surgery referral from pediatric dentist, brief", """
HAPPY TEETH PEDIATRIC DENTISTRY
450 Willow Creek Rd, Greeley CO 80634

Referral to: Dr. Ibrahim Castellano-Reyes, Oral & Maxillofacial Surgery
Date: 11/06/2026

Patient: Danielle Fairbanks   DOB: 06/19/2014   Parent: Kendra Fairbanks (555-0111)

Dear Dr. Castellano-Reyes,
Please evaluate Danielle for an impacted maxillary right canine (#6) with retained primary canine. Panoramic radiograph enclosed (taken 11/02/2026). Orthodontist (Dr. Lemaire) is planning exposure and bonding. Medical history is negative; no allergies.
Thank you for your care of our patient.
Warm regards,
Yesenia Montgomery-Obi, DDS
""")

add("referral_letter", "hospital discharge planner referral to home health agency, run-together OCR", """
MERCY VALLEY MEDICAL CENTER-CASE MANAGEMENT
HOME HEALTH REFERRAL   Sent via fax 12/03/2026 to Sunrise Home Health(555-0170)
Patient:Dubrovsky,Helena DOB:06/12/1940 Phone:555-0126 Address:18 Larkspur Ln
Referring physician:Seamus Okonkwo-Reilly,MD(Rosewood SNF)  Face-to-face encounter date:12/02/2026
Services requested:Skilled nursing(enoxaparin teaching,med management),PT,OT.Start of care 12/04/2026.
Homebound status:Requires walker and assistance of another person to leave home;leaving home requires considerable taxing effort.
Primary dx:Aftercare following surgery for fracture,L hip(Z47.89/S72.142D).
Please call daughter Irina(555-0177)to schedule first visit.
Certifying physician signature on file.
""", True)
