D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("immunization_record", "state registry (IIS) printout, table by vaccine", """
COLORADO IMMUNIZATION INFORMATION SYSTEM - OFFICIAL IMMUNIZATION RECORD
Printed: 11/24/2026  by Brightwater Pediatrics

Name: FAIRBANKS, DANIELLE MARIE     DOB: 06/19/2014     Sex: F
Parent/Guardian: Kendra Fairbanks

Vaccine Group     Date Given    Dose  Vaccine          Provider
DTaP/Tdap         08/19/2014    1     DTaP-IPV-HepB    Brightwater Peds
                  10/21/2014    2     DTaP-IPV-HepB    Brightwater Peds
                  12/18/2014    3     DTaP-IPV-HepB    Brightwater Peds
                  09/22/2015    4     DTaP             Brightwater Peds
                  07/10/2018    5     DTaP-IPV         Brightwater Peds
                  08/02/2025    6     Tdap             Brightwater Peds
Hib               08/19/2014    1     PedvaxHIB
                  10/21/2014    2     PedvaxHIB
                  06/25/2015    3     PedvaxHIB
MMR               06/25/2015    1     MMR II
                  07/10/2018    2     MMR II
Varicella         06/25/2015    1     Varivax
                  07/10/2018    2     Varivax
HPV               08/02/2025    1     9vHPV
                  03/04/2026    2     9vHPV
MenACWY           08/02/2025    1     MenQuadfi
Influenza         10/15/2026          Flucelvax
COVID-19          10/15/2026          2026-27 formula

School requirements: COMPLETE for grade 7.
""")

add("immunization_record", "adult vaccine administration record at pharmacy, single visit", """
CORNERSTONE PHARMACY #118 - IMMUNIZATION ADMINISTRATION RECORD
4400 Main St, Greeley CO     NPI 1098765432

Patient: Okafor, Beatrice N       DOB: 03/14/1961      Phone: 555-0157
Date: 10/22/2026

Vaccine: Pneumococcal conjugate (PCV20, Prevnar 20)
  Lot: LK8821   Exp: 06/2027   Dose: 0.5 mL IM   Site: L deltoid
  VIS date: 08/06/2021 given
Vaccine: Recombinant zoster (Shingrix), dose 2
  Lot: 9Z4PT   Exp: 03/2028   Dose: 0.5 mL IM   Site: R deltoid
  VIS date: 02/04/2022 given

Screening: no fever, no prior severe reactions, not immunocompromised.
Administered by: Tamsin Oduya, PharmD (immunizer cert #CO-2231)
Observation 15 min: no reaction.
Copy sent to PCP (Sunnyslope Family Medicine) and state registry.
""")

add("immunization_record", "childhood shot card photocopy transcription, OCR noise", """
IMMUNIZATI0N REC0RD  -  KEEP THIS CARD
Name: Redc1oud, Tobias       Birthdate: 03-03-2023
Clinic: Plains Tribal Health Center

VACCINE        DATE         LOT#       GIVEN BY
HepB           03-04-23     HB3391     RN K.S.
HepB           05-02-23     HB3412     RN K.S.
DTaP-IPV-Hib   05-02-23     PX0918     RN K.S.
PCV15          05-02-23     VX1121     RN K.S.
Rota           05-02-23     RT551      RN K.S.
DTaP-IPV-Hib   07-05-23     PX0977     LPN D.M.
PCV15          07-05-23     VX1188     LPN D.M.
Rota           07-05-23     RT590      LPN D.M.
DTaP-IPV-Hib   09-06-23     PX1002     LPN D.M.
HepB           09-06-23     HB3498     LPN D.M.
Nirsevimab     10-11-23     NV0045     RN K.S.
MMR            03-05-24     MR2201     RN K.S.
Varice1la      03-05-24     VR1190     RN K.S.
HepA           03-05-24     HA4410     RN K.S.
PCV15          03-05-24     VX1302     RN K.S.
DTaP-Hib       12-04-24     PX1150     RN A.T.
HepA           09-10-24     HA4502     RN A.T.
Inf1uenza      10-14-25     FL8821     RN A.T.
""", True)

add("immunization_record", "employee health vaccine/titer record, hepatitis B and TB", """
NORTHRIDGE MEDICAL CENTER - EMPLOYEE HEALTH SERVICES
Immunization & Immunity Record (for transfer to new employer)

Employee: Tennyson-Ruiz, Gabriel    Employee ID: 88210    DOB: 12/12/1985
Department: Information Services

Hepatitis B vaccine series:  #1 02/10/2020   #2 03/12/2020   #3 08/14/2020
  Anti-HBs titer 10/01/2020: 142 mIU/mL - IMMUNE
MMR: 2 documented doses (childhood, per school record)
Varicella: IgG positive 02/10/2020 - IMMUNE
Tdap: 11/23/2026 (Oakmont Family Practice, documented)
Influenza: 10/05/2023, 10/11/2024, 10/03/2025
COVID-19: Primary series 2021; updated doses 10/2023, 10/2024
TB screening: IGRA (QuantiFERON) 02/10/2020 negative; annual symptom screen 2021-2025 negative

Verified by: Harriet Molyneux, RN, Employee Health  11/30/2026
""")

add("immunization_record", "travel clinic record with yellow-fever style certificate note", """
GLOBETROTTER TRAVEL MEDICINE CLINIC
Vaccination Record & Travel Consultation Summary

Traveler: Marchetti-Olufemi, Ada     DOB: 06-Feb-1990     Passport: on file
Destination: Ghana, Togo (03/2027, 3 weeks)     Date of visit: 12-Jan-2027

Vaccines administered today:
  Yellow fever (YF-Vax)     0.5 mL SC  L arm   Lot UJ332  -> ICVP issued (valid from 22-Jan-2027, lifelong)
  Typhoid Vi (Typhim Vi)    0.5 mL IM  R delt  Lot T8810
  Hepatitis A (Havrix) #1   1 mL IM    L delt  Lot AHA55
  Meningococcal ACWY        0.5 mL IM  R delt  Lot MQ210
Prior documented: Tdap 2022, MMR x2, polio childhood series + IPV booster 2018.
Prescriptions: atovaquone-proguanil malaria prophylaxis.
Due: Hepatitis A #2 in 6-12 months.
Nurse: Benedetta Kowalczyk, RN     Physician: Dr. Orrin Sefton-Abiola
""")

add("immunization_record", "school health form - certificate of immunization, filled fields", """
STATE OF OREGON - CERTIFICATE OF IMMUNIZATION STATUS (CIS)
Child's name: Ortega-Blum, Mateo          Birthdate: 01/22/2021
Parent/guardian: Samira Ortega-Blum
School/childcare: Little Acorns Preschool

Dose dates (mm/dd/yy):
DTaP:      03/25/21   05/24/21   07/26/21   04/21/22   ___
Polio:     03/25/21   05/24/21   01/21/22   ___
Hep B:     01/23/21   03/25/21   01/21/22
Hib:       03/25/21   05/24/21   04/21/22
MMR:       01/21/22   ___
Varicella: 01/21/22   ___   [ ] history of disease
Hep A:     01/21/22   07/25/22
PCV:       03/25/21   05/24/21   07/26/21   01/21/22

Source of information: [X] Clinic record   [ ] Parent record   [ ] ALERT IIS
Verified by: Pinecrest Family Health, RN signature: R. Calloway   Date: 11/19/2026
""")

add("immunization_record", "clinic 'Vaccine Administration Record' VAR with consent line, OCR run-together", """
SUNNYSLOPE FAMILY MEDICINE-VACCINE ADMINISTRATION RECORD(VAR)
Patient:Okafor,Beatrice N  DOB:03/14/1961  MRN:SFM-20918
Date:12/15/2026  Vaccine:Influenza,adjuvanted(Fluad)  Mfr:Seqirus  Lot:FA7710  Exp:06/30/2027
Dose:0.5mL  Route:IM  Site:L deltoid  VIS edition:08/06/2021,given 12/15/2026
Screening questions reviewed:no egg/latex concerns,no GBS hx,not feeling ill.
I have read the VIS and had a chance to ask questions.Pt/guardian initials:BNO
Administered by:J.Fenwick,MA  Supervising:P.Halversen MD
Reported to IIS:Yes 12/15/2026
""", True)

add("immunization_record", "consolidated immunization history from EHR 'Immunization Summary', adult", """
Lakeshore Health
IMMUNIZATION HISTORY

Patient: Whitcombe, Agnes     DOB: 09/30/1951     MRN: LH-0048812
Printed 11/28/2026 for transfer to Rosewood SNF

Immunization                         Date(s)
COVID-19 vaccine (mRNA)              03/2021, 04/2021, 11/2021, 10/2023, 10/2024, 09/2025, 10/2026
Influenza, high-dose                 yearly 2016-2026 (most recent 10/02/2026)
Pneumococcal PPSV23                  10/14/2016
Pneumococcal PCV20                   11/08/2023
Td/Tdap                              Tdap 05/2019
Zoster recombinant (Shingrix)        02/2020, 06/2020
RSV (Arexvy)                         10/05/2024
Hepatitis B                          not on file

Historical entries reconciled with state IIS 11/28/2026.
""")
