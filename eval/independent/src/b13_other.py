D = []
def add(t, s, x, ocr=False): D.append((t, s, x.strip("\n"), ocr))

add("other", "fax cover sheet with confidentiality notice, no clinical content", """
FACSIMILE TRANSMITTAL

TO: Sunnyslope Family Medicine - Medical Records         FAX: (559) 555-0100
FROM: Harborview Community Hospital HIM - Release of Information
PHONE: (559) 555-0175                                    DATE: 11/30/2026
RE: Castellano, Ignacio   DOB 11/04/1956
PAGES (including cover): 9

[ ] Urgent  [X] For review  [ ] Please comment  [ ] Please reply

Comments: Records per signed authorization dated 11/26/2026: discharge summary, H&P, labs, imaging.

CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and confidential under federal and state law. If you are not the intended recipient, any review, dissemination, distribution or copying is strictly prohibited. If you received this in error, please notify the sender immediately at the number above and destroy all copies.
""")

add("other", "insurance prior authorization approval letter", """
CASCADE HEALTH PLAN
Utilization Management Department
PO Box 7710, Portland OR 97207

12/01/2026

Agatha Moreno-Sills, NP
Pinecrest Family Health
2201 Juniper St, Bend OR 97701

Member: Colt Abernathy     Member ID: CHP88102231     DOB: 04/17/1979
Reference #: PA-2026-3318820

NOTICE OF APPROVAL

Cascade Health Plan has approved the following service:
  Service: Lumbar transforaminal epidural steroid injection (CPT 64483, 64484)
  Servicing provider: Mesa Orthopaedic & Spine (Solveig Lindqvist, MD)
  Approved units: 1 + 1 additional level
  Valid dates: 12/01/2026 - 02/28/2027

This approval is based on medical necessity and does not guarantee payment. Payment is subject to member eligibility and benefits on the date of service.

Questions: Provider Services 1-800-555-0144.
""")

add("other", "billing statement from hospital, itemized summary", """
SILVER RIVER REGIONAL MEDICAL CENTER
PATIENT STATEMENT                         Statement date: 12/03/2026
                                          Account #: 9901337421
Guarantor: June P Holloway                Amount due: $1,486.20
418 Creekside Dr, Apt 6                   Due by: 12/28/2026

Service dates: 11/27/2026 - 11/28/2026   Patient: HOLLOWAY, JUNE P

Date        Description                              Charges
11/27/26    Emergency dept visit level 5             $3,214.00
11/27/26    CT abd/pelvis w contrast                 $4,870.00
11/27/26    Laboratory                               $  962.50
11/27/26    Operating room services                  $11,440.00
11/27/26    Anesthesia                               $2,105.00
11/27/26    Pharmacy                                 $  738.90
11/28/26    Room & board - surgical                  $3,600.00
            Total charges                            $26,930.40
            Insurance payments (BlueRidge PPO)     -$19,211.80
            Contractual adjustments                -$ 6,232.40
            PATIENT BALANCE                          $1,486.20

Pay online at srrmc-pay.example.org or call 1-888-555-0102. Financial assistance is available; ask for an application.
""")

add("other", "appointment reminder letter, OCR noise", """
FR0NT RANGE NEUR0L0GY, PLLC
Appointment Reminder

Dear Ada Marchetti-0lufemi,
This is a reminder of your upcoming appointment:
  Date: Tuesday, February 24, 2027
  Time: 9:40 AM (please arrive 15 minutes ear1y)
  Provider: Leontyne Abara-Whitfie1d, MD
  Location: 2150 Foothil1s Pkwy, Suite 310
P1ease bring your headache diary, insurance card, photo ID and a list of current medications.
If you need to cance1 or reschedule, please call (970) 555-0187 at least 24 hours in advance. A $50 fee may apply for missed appointments.
We look forward to seeing you.
""", True)

add("other", "records request letter from another provider (asking for records) - not an authorization", """
Heartland Cardiovascular Institute
Medical Records Department
990 Prairie Medical Pkwy, Wichita KS 67205   Fax 316-555-0121

11/12/2026

To: Sunnyside Internal Medicine Associates - Medical Records

RE: REQUEST FOR MEDICAL RECORDS
Patient: Rosalind Achterberg    DOB: 04/02/1972
Appointment with Dr. Duarte-Kimura: 11/19/2026

In preparation for this patient's new-patient cardiology visit, please fax the following to 316-555-0121:
  - Most recent office notes (last 12 months)
  - ECGs
  - Labs (last 12 months), including thyroid studies and lipid panel
  - Current medication list and allergies

These records are requested for treatment purposes as permitted under HIPAA (45 CFR 164.506); no patient authorization is required.
Thank you,
Ines Valderrama, Records Coordinator
""")

add("other", "work/school excuse note from urgent care", """
QUICKCARE URGENT CARE - WESTGATE
WORK/SCHOOL EXCUSE

Date: 11/08/2026

To whom it may concern:

Gabriel Tennyson-Ruiz was seen in our clinic on 11/08/2026.
[X] He may return to work on 11/10/2026.
[X] Restrictions: No use of left hand for lifting or gripping > 5 lb, keep wound dry, until 11/20/2026.
[ ] No restrictions.

Please excuse his absence on 11/09/2026.

Desmond Achterhof, PA-C
""")

add("other", "insurance denial / explanation of benefits style letter, run-together OCR", """
BLUERIDGE PPO-EXPLANATION OF BENEFITS  THIS IS NOT A BILL
Member:Holloway,June P  ID:BRX5512078  Group:TECH-4412  Claim#:26-33018841  Date processed:12/01/2026
Provider:Silver River Regional Medical Center  Dates of service:11/27/2026-11/28/2026
Billed:$26,930.40  Allowed:$20,698.00  Plan paid:$19,211.80  Deductible:$500.00  Coinsurance:$986.20  You may owe:$1,486.20
Remark codes:PR-1 deductible amount;PR-2 coinsurance;CO-45 charge exceeds fee schedule.
Year-to-date:Deductible met $1,500 of $1,500.Out-of-pocket $2,104.66 of $6,000.
To appeal,write to BlueRidge Appeals,PO Box 4490 within 180 days.Language assistance:1-800-555-0199.
""", True)

add("other", "pharmacy prior-authorization request form from PBM sent to prescriber for completion", """
OPTIMARX PHARMACY BENEFIT SERVICES
PRIOR AUTHORIZATION REQUEST - PRESCRIBER FAX FORM
Return completed form to fax 1-866-555-0133

Date: 12/16/2026
Prescriber: Petra Halversen, MD     NPI: 1876543210     Fax: (559) 555-0100
Member: Okafor, Beatrice N     DOB: 03/14/1961     Member ID: OPX770183341

Medication requested: Semaglutide (Ozempic) 0.25/0.5 mg pen    Qty: 1 pen/28 days
Diagnosis (ICD-10): ________     

Please answer:
1. Does the patient have a diagnosis of type 2 diabetes mellitus?   [ ] Yes  [ ] No
2. Has the patient tried and failed metformin for at least 90 days?  [ ] Yes  [ ] No
3. Is the medication being used for weight loss only?   [ ] Yes  [ ] No
4. Most recent A1c and date: ________

Prescriber signature: ______________________  Date: ________
Incomplete requests will be denied. Decision within 72 hours of receipt of complete form.
""")
