# consult_note: the consultant's answer, sent back to whoever asked.
D = [
("consult_note", "clinic letter to GP, diagnosis list first, British spelling", """Riverbend Rheumatology Associates
14 Tanner Row, Millbrook  Tel 0415 220 913

Clinic date: 03/02/2026
Dictated 03/02/2026  Typed 05/02/2026

Dr Helena Osei
Kestrel Lane Surgery

Patient: Adaeze NWOSU   DOB 19/07/1961   Hosp no. RR-448120

Diagnoses:
1. Polymyalgia rheumatica
2. Osteopenia (DEXA 2024)

Current treatment:
Prednisolone 15 mg daily, calcium and vitamin D

I met Mrs Nwosu in the rheumatology clinic today. She describes six weeks of shoulder-girdle and hip stiffness lasting about two hours each morning. Her ESR was 54 and CRP 31 in your practice. There are no headaches, jaw claudication or visual symptoms. On examination shoulder abduction is painful bilaterally but power is preserved.

I agree this is polymyalgia. She has started prednisolone 15 mg at your suggestion with a striking response. I would taper by 2.5 mg every four weeks down to 10 mg, then more slowly. Please arrange bone protection (alendronate weekly) while on steroids.

I will see her again in three months. Should she develop temporal headache or visual disturbance she must attend the same day.

Dr Rupert Lindqvist
Consultant Rheumatologist
cc: patient
"""),
("consult_note", "inpatient consult, question/answer layout, no title", """Requesting service: Hospitalist (Dr. M. Farouk)
Question asked: new atrial fibrillation, anticoagulate?
Consultant: Cardiology - Priya Raman, MD
Date/time seen: 11/14/2025 16:40

Pt: TORVALD, ESKIL   MRN 3390127   Rm 612B

Background
81 y/o man admitted 2 days ago with pneumonia. Telemetry showed AF with RVR overnight, rates 130s. No prior AF. Echo pending.

What I found
HR 96 irregular, BP 128/70. JVP not raised. Lungs with right basal crackles. No edema.
ECG: atrial fibrillation, ventricular rate 98, no acute ST change.
TSH 2.1. Creatinine 1.3.

Impression
Atrial fibrillation provoked by acute infection. CHA2DS2-VASc 4 (age, HTN).

Recommendations
1. Metoprolol tartrate 25 mg q6h, titrate to HR < 110.
2. Start apixaban 5 mg BID if no bleeding contraindication.
3. Complete TTE.
4. Will follow daily while inpatient; outpatient follow-up with our AF clinic in 4 weeks.

Thanks for involving us.
P. Raman MD, Cardiology pager 4471
"""),
("consult_note", "short e-consult answer back to PCP", """ELECTRONIC CONSULTATION - SPECIALIST RESPONSE
Specialty: Endocrinology
Submitted by: Lorna Beckett, FNP (Hillside Family Health)
Patient: Jun-seo Park  DOB 04/02/1988

Your question: Mildly raised calcium (10.8) with PTH 71. Needs referral?

Response:
This pattern fits primary hyperparathyroidism. Before an in-person visit please obtain 24-hour urine calcium, 25-OH vitamin D, creatinine and a DEXA scan. If urine calcium is low consider familial hypocalciuric hypercalcemia. If any surgical criterion is met (age under 50 applies here) I recommend referral to endocrine surgery directly. No in-person endocrinology visit is needed at this point.

Time spent reviewing chart: 15 minutes.
Responding specialist: Tomasz Wierzbicki, MD
"""),
("consult_note", "neurology office letter to referring NP, narrative, OCR noise", """NORTHGATE NEUROLOGY PLLC
22O0 Orchard Pkwy Ste 3  Fax 555-O19-2210

January 9, 2026

Re: Delphine Marchetti   DOB 06/11/1979

Ms. Carla Ruiz, NP
Bayview Primary Care

Dear Ms. Ruiz,
Many thanks for sending Ms. Marchetti over. I had the pleasure of evaluating her today for episodes of tingling in the left arm and face.
She reports four spells over two months, each lasting about 20 minutes, with a spreading "march" of numbness and a headache after. Neuro exam today is norrnal. MRI brain you ordered is unremarkable.
My impression is migraine aura without headache in some spells rather than TIA, given the slow spread and her age. I have suggested magnesium 400 mg nightly and started propranolol 20 mg twice daily. I have ordered an outpatient EEG to be thorough.
I will see her back in 8 weeks and will send you a copy of that visit.
Sincerely,
Benedikt Haas, MD
Board Certified Neurology
"""),
("consult_note", "surgical opinion with numbered sections, titled Surgical Evaluation", """St. Aurelia Medical Center - Department of General Surgery
SURGICAL EVALUATION
Referring physician: Dr. Okonkwo (Internal Medicine)
Patient: Lucinda FERREIRA  Age 46  F   Acct 9920471

1. Reason seen: symptomatic gallstones
2. Story: Three attacks of right upper quadrant pain after fatty meals, the last one 10 days ago lasting 5 hours. No jaundice. Ultrasound showed multiple gallstones, CBD 4 mm.
3. Examination: BMI 31. Abdomen soft, mild RUQ tenderness, negative Murphy sign today.
4. Labs: LFTs normal, lipase normal.
5. Opinion: biliary colic from cholelithiasis. She is a good candidate for laparoscopic cholecystectomy.
6. Plan discussed with patient: elective laparoscopic cholecystectomy, booked for next month. Low-fat diet until then. Return to ED with fever or jaundice.

A copy of this evaluation has been sent to Dr. Okonkwo.
Marisol Etxeberria, MD FACS
"""),
("consult_note", "psychiatry consultation-liaison, paragraph headings in sentence case", """Psychiatry consultation-liaison service
Patient: Gideon Abernathy   MRN 00582910   Unit 4 West
Date: 2/21/2026
Requested by Dr. Sato, orthopaedics, for: refusal of surgery - capacity?

Identifying information. 67-year-old retired machinist day 2 after hip fracture.
History obtained. He declines repair because he "does not want to end up like his brother" who died after surgery. No psychiatric history. No alcohol misuse by collateral from daughter.
Mental status. Alert, oriented x4, calm, linear. Mood "worried". No psychosis. MoCA 27/30.
Capacity assessment. He can state the choice, understands the risks of declining (immobility, clots, pain), appreciates they apply to him, and reasons consistently with his values.
Opinion. He has capacity to make this decision. Anxiety about surgery is understandable and partly grief related.
Suggestions. Offer a meeting with anaesthesia to address his fears; consider low-dose sertraline if anxiety persists. We will see him again tomorrow and are glad to help further.
- Ines Kovacic, MD, Psychiatry
"""),
("consult_note", "ENT reply, very short, memo form", """FROM: Harbor ENT, Dr. Solveig Amundsen
TO: Dr. Patel, Greenway Pediatrics
DATE: 10/06/2025
RE: Micah Oyelaran (DOB 08/14/2019)

Seen today re: your concern about recurrent tonsillitis. 7 documented episodes in the past year meets criteria. Tonsils 3+, no sleep apnea symptoms. Recommend tonsillectomy; family agrees and surgery is scheduled 11/02. Post-op check with us in 2 weeks. Will update you after surgery.
S. Amundsen MD
"""),
]
