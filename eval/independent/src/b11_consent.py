D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("consent_form", "surgical informed consent, hospital form with signatures", """
NORTHRIDGE MEDICAL CENTER
CONSENT FOR SURGICAL OR MEDICAL PROCEDURE AND ANESTHESIA

Patient: Linwood, Harold T     MRN 0092213     DOB 01/30/1954

1. I authorize Dr. Francesca Obuya and such assistants as she may designate to perform the following procedure: LAPAROSCOPIC CHOLECYSTECTOMY, POSSIBLE OPEN CHOLECYSTECTOMY, POSSIBLE INTRAOPERATIVE CHOLANGIOGRAM.
2. The nature and purpose of the procedure, the risks (including bleeding, infection, bile duct injury, bile leak, injury to bowel, conversion to open surgery, blood clots, and death), the expected benefits, and reasonable alternatives including nonoperative management have been explained to me.
3. I consent to the administration of anesthesia by the anesthesia care team.
4. I consent to the disposal of any tissue removed, after pathological examination.
5. I understand that no guarantee has been made as to the result.

Patient signature: Harold T. Linwood           Date/time: 11/20/2026 06:40
Witness: Della Ferreira, RN                    Date/time: 11/20/2026 06:40
Physician attestation: I have explained the procedure above to the patient.
Physician signature: F. Obuya, MD              Date/time: 11/20/2026 06:35
Interpreter used: [ ] Yes  [X] No
""")

add("consent_form", "blood transfusion consent/refusal form", """
MERCY VALLEY MEDICAL CENTER
INFORMED CONSENT FOR TRANSFUSION OF BLOOD AND BLOOD PRODUCTS

Patient name: Dubrovsky, Helena     DOB: 06/12/1940     MRN: MV-0029931

My physician has explained that I may need a transfusion of blood or blood products (red cells, plasma, platelets, cryoprecipitate) during my hospitalization.
Benefits: improved oxygen delivery and/or clotting.
Risks, although rare, include fever, allergic reaction, hemolytic reaction, fluid overload, lung injury (TRALI), and transmission of infection (HIV risk approx. 1 in 2 million; hepatitis B and C risk very low).
Alternatives: iron, erythropoiesis-stimulating agents, cell saver, or declining transfusion.

[X] I CONSENT to transfusion as deemed necessary by my physician. This consent is valid for this admission.
[ ] I REFUSE transfusion and understand the possible consequences.

Signature: Irina Dubrovsky (daughter, health care agent)   Relationship: HCPOA
Date: 11/21/2026   Time: 07:15
Physician: Alastair Fenwick, MD    Witness: T. Okonjo, RN
""")

add("consent_form", "telehealth consent, clinic, short, OCR noise", """
BRIGHTWATER PEDIATRICS & AD0LESCENT MEDICINE
C0NSENT F0R TELEHEALTH SERVICES

Patient: Tobias Redc1oud   D0B: 03/03/2023
I understand that te1ehealth involves the use of e1ectronic communications to enable my child's clinician to provide care at a distance. I understand that:
- The same confidentiality protections apply as in-person visits.
- Techno1ogy failures may interrupt the visit; the clinic will call me back.
- A telehea1th visit may not be appropriate for all conditions and an in-person visit may be recommended.
- I may withdraw this consent at any time.
- My insurance may be billed for the visit.
Parent/guardian name: Winona Redcloud     Re1ationship: Mother
Signature: W. Redcloud (verbal consent documented)   Date: 12/01/2026
Staff: L. Mbeki, CPNP
""", True)

add("consent_form", "consent for HIV testing / sensitive testing, state-specific", """
Pinecrest Family Health
CONSENT FOR HIV AND HEPATITIS C TESTING

Patient: Tennyson-Ruiz, Gabriel    Date of birth: 12/12/1985

I have been informed that:
- HIV testing is voluntary and I may decline at any time before the sample is taken.
- A negative result may not detect an infection acquired in the last several weeks.
- A positive screening test will be confirmed by additional testing.
- Results are confidential and reported to the state health department only as required by law.
- Treatment and support services are available if I test positive.

[X] I agree to HIV testing.   [X] I agree to hepatitis C antibody testing with reflex RNA.
[ ] I decline testing.

Patient signature: Gabriel Tennyson-Ruiz     Date: 11/23/2026
Provider: Maribel Ostrowski, PA-C
""")

add("consent_form", "procedure consent for epidural steroid injection with fluoroscopy, pain clinic", """
MESA ORTHOPAEDIC & SPINE - INTERVENTIONAL PAIN
INFORMED CONSENT: Lumbar Transforaminal Epidural Steroid Injection

Name: Colt Abernathy      DOB: 04/17/1979      Date of procedure: 12/04/2026
Level/side: Left L4-5 and L5-S1

Description: Under fluoroscopic guidance, a needle is placed near the spinal nerve and contrast, local anesthetic and corticosteroid are injected.
Possible risks: Temporary increase in pain, bleeding, infection, headache (dural puncture), allergic reaction to contrast or medication, elevated blood sugar, facial flushing, temporary leg numbness or weakness, and rarely nerve damage, spinal cord injury or paralysis.
Alternatives: Continued physical therapy, medications, surgery, or no treatment.
Expected benefit: Reduction of leg pain; relief varies and may be temporary.

I confirm I am not pregnant (if applicable), not on blood thinners or have stopped them as instructed, and have a driver today.
Patient signature: C. Abernathy         Date/time: 12/04/2026 07:55
Physician: Solveig Lindqvist, MD        Witness: Perla Ondaatje, RN
""")

add("consent_form", "research study informed consent excerpt, first page with fax footer", """
MERIDIAN UNIVERSITY HOSPITAL
CONSENT TO PARTICIPATE IN A RESEARCH STUDY
IRB #2026-0441   Version 3.0   Approved 09/15/2026

Study title: Remote Monitoring of Blood Pressure After Hospital Discharge (HOME-BP)
Principal Investigator: Cornelius Afolabi-Strand, MD, MPH

Participant: Solberg, Trygve     DOB: 02/14/1969

Key information: You are being asked to take part in a research study. Participation is voluntary. You will receive a Bluetooth blood pressure cuff and be asked to measure your blood pressure twice daily for 12 weeks. Study nurses will review readings and may contact your doctor. Risks are minimal and include loss of confidentiality and minor arm discomfort. You may not benefit directly. You will be paid $25 per month of participation.

You may withdraw at any time without affecting your medical care.

By signing below, you agree to participate.
Participant signature: Trygve Solberg    Date: 11/29/2026
Person obtaining consent: Luz Marina Oyekan, CRC    Date: 11/29/2026

IRB-approved consent, not valid without stamp                      Page 1 of 6
""")

add("consent_form", "general consent to treat and financial responsibility, run-together OCR", """
SILVER RIVER REGIONAL MEDICAL CENTER-CONDITIONS OF ADMISSION/CONSENT TO TREATMENT
Patient:HOLLOWAY,JUNE P  MRN:SRR-7720155  Acct:9901337421  Date:11/27/2026
1.CONSENT TO MEDICAL TREATMENT:I consent to routine hospital care,diagnostic procedures and medical treatment by my physicians and hospital staff.
2.FINANCIAL AGREEMENT:I agree to pay for services not covered by my insurance.I assign insurance benefits to the hospital and physicians.
3.RELEASE OF INFORMATION FOR PAYMENT:I authorize release of information needed to process insurance claims.
4.PERSONAL VALUABLES:The hospital is not responsible for valuables kept in my room.
5.NOTICE OF PRIVACY PRACTICES:I acknowledge receipt.
Patient signature:June Holloway  Date/Time:11/27/2026 01:55
Witness:Registration-A.Quintero
""", True)

add("consent_form", "vaccine consent for minor (school-located clinic)", """
COUNTY PUBLIC HEALTH DEPARTMENT - SCHOOL-LOCATED VACCINATION CLINIC
PARENT/GUARDIAN CONSENT FOR VACCINATION

Student: Danielle Fairbanks     DOB: 06/19/2014     School: Maplewood Middle    Grade: 7
Vaccines requested (check): [X] Influenza   [X] COVID-19 (2026-27)   [ ] HPV   [ ] MenACWY   [ ] Tdap

Health screening (parent to answer):
Is your child sick today?  No
Allergies to vaccine components, latex, eggs?  No
Ever had a serious reaction after a vaccine?  No
Has a weakened immune system?  No
Received any vaccine in the past 4 weeks?  No

I have received and read the Vaccine Information Statement(s) for the vaccines checked above. I give consent for my child to receive them.
Parent/guardian: Kendra Fairbanks    Signature: K. Fairbanks    Date: 10/08/2026
Phone: 555-0111
""")
