# immunization_record and other.
D = [
("immunization_record", "state registry printout, table of doses", """STATE IMMUNIZATION INFORMATION SYSTEM - OFFICIAL IMMUNIZATION RECORD
Printed 08/20/2025 by Greenway Pediatrics
Name: OYELARAN, MICAH   DOB 08/14/2019   Sex M

Vaccine group     Date given   Dose  Product / Mfr          Lot       Provider
DTaP              10/15/2019   1     Infanrix / GSK         A2K77     Greenway Peds
DTaP              12/16/2019   2     Infanrix / GSK         A2K81     Greenway Peds
Polio (IPV)       10/15/2019   1     IPOL / Sanofi          W1C332    Greenway Peds
MMR               08/20/2020   1     M-M-R II / Merck       U004411   Greenway Peds
MMR               08/22/2023   2     M-M-R II / Merck       X018820   Greenway Peds
Varicella         08/20/2020   1     Varivax / Merck        U012201   Greenway Peds
Hep B             08/14/2019   1     Engerix-B / GSK        5C92Z     St. Mary Nursery
Influenza         10/01/2024   1     Fluarix / GSK          H7F5P     Greenway Peds
Status: up to date for school entry (kindergarten).
"""),
("immunization_record", "adult travel clinic vaccination record", """GLOBETROTTER TRAVEL HEALTH CLINIC - Vaccination Record
Traveller: Helga Sorensen   DOB 10/01/1970   Destination: Kenya, Tanzania   Departure 09/01/2025

Date        Vaccine                   Brand / Lot          Site / Route    Given by
07/28/2025  Yellow fever              YF-Vax  UJ117AA      L deltoid SC    K. Mensah RN
07/28/2025  Typhoid (Vi polysacch.)   Typhim Vi  V2L004    R deltoid IM    K. Mensah RN
07/28/2025  Hepatitis A (adult) #1    Havrix  7HA339       R deltoid IM    K. Mensah RN
VIS given: yes, current editions. Observed 15 minutes, no reaction.
International Certificate of Vaccination (yellow card) issued for yellow fever.
Clinic physician: Dr. Ama Owusu
"""),
("immunization_record", "pharmacy vaccine administration record, OCR noise", """CORNERSTONE PHARMACY #0418 - Immunizati0n Administration Record
Patient: Ruth Kellerman  DOB 05/22/1962
Vaccine: RSV vaccine, adjuvanted (Arexvy)   Mfr GSK   Lot 9X2RP   Exp 2026-11
Dose 0.5 mL IM left deltoid   Date 10/03/2025 11:20
Vaccine: Influenza, high-dose, 2025-26   Mfr Sanofi   Lot UT8841  Dose 0.5 mL IM right deItoid
VIS edition dates: RSV 10/19/2023; influenza 08/06/2021; both given 10/03/2025
Administered by: Kenji Watanabe, PharmD, immunizing pharmacist, 2 Main St, Cedar
Reported to state registry: yes
"""),
("immunization_record", "school immunization certificate form, checkbox style", """CERTIFICATE OF IMMUNIZATION - SCHOOL / CHILD CARE
(completed by health care provider)
Child: Jaylen Ortiz-Baptiste   Birth date 06/30/2013
Tdap (age 11+): 07/12/2024
MenACWY #1: 07/12/2024     MenACWY #2: ____
HPV #1: 07/12/2024   HPV #2: 02/03/2025
MMR #1 07/2014, #2 08/2017   Varicella #1 07/2014, #2 08/2017
Hep B series complete: [X] yes
Medical exemption: [ ] none claimed
I certify this information comes from the child's medical record.
Provider: Pinecrest Community Clinic, A. Romero MD    Date 09/03/2025
"""),
("other", "durable medical equipment delivery ticket", """HOMEWARD MEDICAL SUPPLY - Delivery Ticket #DT-55120
Deliver to: Agnes Whitcombe, 88 Linden St Apt 2, Pinecrest
Date delivered: 02/16/2026   Driver: T. Banks
Items: 1 x rolling walker with seat (E0143); 1 x shower chair with back (E0240, not covered)
Prescribing physician: R. Dominguez MD
Patient/caregiver received items in good condition and was instructed on use.
Received by: A. Whitcombe     Billing: Medicare Part B, patient responsible for non-covered item $54.00
"""),
("other", "jury duty excuse letter", """Pinecrest Internal Medicine
March 9, 2026
To the Clerk of Court, Jury Services

Re: Agnes Whitcombe, Juror ID 2026-0477812

Ms. Whitcombe is under my care. Because of her medical conditions and limited mobility she is unable to serve on a jury at this time, and I ask that she be excused. Please contact my office if more information is needed.

Rafael Dominguez, MD
"""),
("other", "pharmacy therapeutic interchange fax, OCR noise", """CORNERSTONE PHARMACY  fax to prescriber  555-404-1l01
Date 02/18/2026   Re: Agnes Whitcombe, DOB 12/12/1938
The medication prescribed below is not on the patient's plan formulary:
  sacubitril/valsartan 24/26 mg BID
Formulary alternatives: lisinopril, losartan. Or submit a coverage determination.
Prescriber please mark one and fax back:
[ ] change to ________________   [ ] keep, prior auth to follow   [ ] discontinue
Prescriber signature ____________________
"""),
("other", "insurer welcome letter with member ID", """BLUEWATER HEALTH PLAN
Welcome to Bluewater, Jun-seo Park!
Member ID: BWH882910374   Group: 44102   Effective date: 01/01/2026
Your primary care provider: Hillside Family Health, Lorna Beckett FNP
Your new ID card is enclosed. Show it at every visit. Copays: PCP $20, specialist $45, urgent care $60, emergency room $250.
To find in-network doctors, visit our website or call Member Services at 1-800-555-0144 (TTY 711).
"""),
]
