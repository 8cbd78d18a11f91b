/**
 * A veterans' medical center's print-outs in the style of a terminal-era records system:
 * monospaced, a title line with "Printed On", LOCAL TITLE / STANDARD TITLE blocks, a patient
 * block at the foot of every sheet and no page totals. Progress note, consult, imaging report
 * and a long discharge summary. The center and everyone in it are made up.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'
import { addDays, ageOn, esc, senderId, sexWord, their, them, they, time, upperMon, us, type Doc, type WriteOpts } from './common.js'

const VA = {
  name: 'BITTERROOT VALLEY VETERANS MEDICAL CENTER',
  short: 'BITTERROOT VVMC',
  fax: '(406) 555-0330',
  authors: ['HALVORSEN,GRETCHEN L', 'MBEKI,SAMUEL T', 'DUCHARME,PIERRE A', 'YAZZIE,ROSALIND', 'KOWALCZYK,ANDREW J'],
}

const vaName = (p: Person) => `${p.family.toUpperCase().replace(/ /g, ' ')},${p.given.toUpperCase()} ${p.middle}`
const printedOn = (o: WriteOpts) => upperMon(addDays(o.date, 3))

/** The patient block printed at the foot of every sheet of the print job. */
function vaFoot(p: Person, where: string): string {
  return `<div class="vafoot"><pre>${esc(vaName(p))}   DOB: ${us(p.birthDate)}   ICN: ${senderId(p, 'va-icn', 10)}V${senderId(p, 'va-icn2', 6)}
PT LOC: ${where.padEnd(28)} VAMC FORM 10-509 (PRINTED COPY - VERIFY AGAINST ELECTRONIC RECORD)</pre></div>`
}

function noteHead(localTitle: string, standard: string, o: WriteOpts, r: Rand, author: string, heading = 'PROGRESS NOTES'): string {
  const t = time(r)
  return `<pre>${heading.padStart(40 + heading.length / 2).padEnd(62)}Printed On ${printedOn(o)}
LOCAL TITLE: ${localTitle}
STANDARD TITLE: ${standard}
DATE OF NOTE: ${upperMon(o.date)}@${t}     ENTRY DATE: ${upperMon(o.date)}@${t}:${String(r.int(10, 59))}
      AUTHOR: ${author.padEnd(26)}EXP COSIGNER:
     URGENCY:                           STATUS: COMPLETED
</pre>`
}

const sign = (author: string, role: string, o: WriteOpts, r: Rand) => {
  const [last, first] = author.split(',')
  return `<pre>
/es/ ${first!.split(' ')[0]} ${last}, ${role}
Signed: ${us(o.date)} ${time(r)}</pre>`
}

/** A primary-care or mental-health progress note, one to three pages, later pages with nothing but the text going on. */
export function vaProgress(p: Person, r: Rand, o: WriteOpts): Doc {
  const author = r.pick(VA.authors)
  const kind = r.pick(['PRIMARY CARE', 'PACT RN CARE MANAGEMENT', 'WHOLE HEALTH COACHING'] as const)
  const n = kind === 'PRIMARY CARE' ? r.int(2, 3) : 1
  const age = ageOn(p.birthDate, o.date)
  const where = kind === 'PRIMARY CARE' ? 'PACT TEAM GREEN' : 'HOME TELEHEALTH'
  const body1 =
    kind === 'PRIMARY CARE'
      ? `<pre>CC: ${r.pick(['6 month follow up', 'follow up DM2, HTN', 'knee pain, med refills'])}

S: ${age} yo ${p.sex === 'F' ? 'female' : 'male'} Veteran (${r.pick(['Army', 'Navy', 'Marine Corps', 'Air Force'])}) seen for
routine follow up. Reports doing ${r.pick(['"about the same"', 'better since last visit', 'worse with the cold weather'])}.
Checks BG at home, fasting ${r.int(110, 170)}-${r.int(171, 210)}. No lows. Walking the
dog daily. Sleep fair. Denies chest pain, SOB, melena.
PHQ-2: ${r.int(0, 2)}   AUDIT-C: ${r.int(0, 3)}   Fall screen: negative

O: BP ${r.int(122, 158)}/${r.int(70, 94)}  P ${r.int(60, 92)}  WT ${r.int(160, 245)} lb  BMI ${r.int(24, 37)}
   Gen: NAD.  Heart: RRR.  Lungs: CTA bilat.  Ext: no edema,
   monofilament intact bilat, pedal pulses 2+.
   LABS (${us(addDays(o.date, -7))}): A1C ${(6.5 + r.next() * 2.5).toFixed(1)}  LDL ${r.int(60, 140)}  CREAT ${(0.7 + r.next()).toFixed(2)}
   eGFR ${r.int(45, 95)}  K ${(3.8 + r.next()).toFixed(1)}  UACR ${r.int(5, 80)}

A/P:
1. DM2 - ${r.pick(['at goal, continue metformin', 'above goal, add empagliflozin 10mg daily', 'above goal; discussed diet, recheck 3 mo'])}.
   Diabetic eye exam due, consult placed to optometry.
2. HTN - ${r.pick(['controlled', 'above goal on home readings; increase amlodipine to 10mg'])}.
</pre>`
      : `<pre>${kind === 'PACT RN CARE MANAGEMENT' ? 'Telephone contact with Veteran for care management.' : 'Whole Health coaching session, by VA Video Connect.'}
Veteran identified with full name and date of birth.

${
  kind === 'PACT RN CARE MANAGEMENT'
    ? `Reason: post-discharge follow up call. Veteran reports taking all
meds as prescribed, has follow up appt scheduled. Reviewed red
flag symptoms. Home BP log: ${r.int(120, 150)}/${r.int(70, 90)} average this week.
Veteran verbalized understanding of plan. No needs identified
today. Will call again in 2 weeks.`
    : `Veteran's mission (what matters most): "${r.pick(['Be able to fish with my grandkids', 'Get back to the shop and build furniture', 'Keep living on my own place'])}".
Area of focus: Moving the Body. SMART goal set: walk 15 min
after lunch, 5 days/week, for the next 2 weeks. Confidence 8/10.
Barriers discussed: weather, knee pain. Plan: indoor walk at
the community center if below freezing.
Next session scheduled in 2 weeks.`
}
</pre>`
  const body2 = `<pre>3. Chronic ${r.pick(['R knee', 'low back', 'L shoulder'])} pain - stable. Tylenol 650mg TID prn. Declines
   opioids. Referred to whole health coaching, Veteran interested.
   PT consult to continue home exercise program, sent today and
   Veteran was told the clinic will call ${them} to schedule; if ${they}
   has not heard back in 2 weeks ${they} is to call the PACT line at
   the number on ${their(p)} appointment card.
4. Health maintenance: flu vaccine given today (see immunization
   record). Colon CA screening: FIT kit mailed. AAA screen N/A.
5. Tobacco - ${r.pick(['never', 'former, quit 2002', 'current 1/2 ppd, NRT offered, declined today'])}.

Return to clinic ${r.pick(['3 months', '6 months', '4 months with labs 1 week prior'])}.
</pre>`
  const body3 = `<pre>Time spent: ${r.int(25, 40)} minutes, over half in counseling and
coordination of care regarding the plan above, including a
discussion of the results of the recent labs and what the
Veteran can do at home to bring the A1C down. The Veteran's
spouse was present for the visit at the Veteran's request.

Medication reconciliation was completed with the Veteran. The
active outpatient medication list was reviewed; no discrepancies
were found. Allergies reviewed: ${r.pick(['NKDA', 'LISINOPRIL (ANGIOEDEMA)', 'PENICILLIN'])}.
</pre>`
  const head = noteHead(
    `${kind} NOTE`,
    kind === 'WHOLE HEALTH COACHING' ? 'WHOLE HEALTH NOTE' : kind === 'PRIMARY CARE' ? 'PRIMARY CARE NOTE' : 'NURSING NOTE',
    o,
    r,
    author,
  )
  const role = kind === 'PRIMARY CARE' ? r.pick(['MD', 'NP', 'PA-C']) : kind === 'PACT RN CARE MANAGEMENT' ? 'RN' : 'Whole Health Coach'
  const pages =
    n === 1
      ? [`${head}${body1}${sign(author, role, o, r)}${vaFoot(p, where)}`]
      : n === 2
        ? [`${head}${body1}${vaFoot(p, where)}`, `${body2}${sign(author, role, o, r)}${vaFoot(p, where)}`]
        : [`${head}${body1}${vaFoot(p, where)}`, `${body2}${vaFoot(p, where)}`, `${body3}${sign(author, role, o, r)}${vaFoot(p, where)}`]
  return {
    writer: 'vaProgress',
    type: 'progress_note',
    sender: VA.name,
    senderFax: VA.fax,
    title: `${kind} NOTE`,
    date: o.date,
    style: 'va',
    pages,
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A consult result: the request block then the consultant's note, two pages. */
export function vaConsult(p: Person, r: Rand, o: WriteOpts): Doc {
  const author = r.pick(VA.authors)
  const svc = r.pick(['CARDIOLOGY', 'PODIATRY', 'AUDIOLOGY'] as const)
  const reqDate = addDays(o.date, -r.int(14, 60))
  const page1 = `${noteHead(`${svc} CONSULT`, `${svc} CONSULT`, o, r, author, 'CONSULT RESULTS')}<pre>
Consult request #: ${r.int(1200000, 1999999)}    Requested: ${upperMon(reqDate)}
To Service: ${svc} OUTPT     From: PACT TEAM GREEN
Reason for Request: ${svc === 'CARDIOLOGY' ? 'new murmur, exertional dyspnea' : svc === 'PODIATRY' ? 'diabetic foot exam, callus, nail care' : 'hearing loss, tinnitus, service connected eval'}

--------------------------------------------------------------
${svc} CONSULT NOTE

HPI: ${ageOn(p.birthDate, o.date)} y/o ${sexWord(p)} Veteran referred by PACT for the
above. ${
    svc === 'CARDIOLOGY'
      ? `Reports DOE after 2 blocks x 6 months, no rest symptoms,
no syncope. Murmur noted by PCP at last visit.`
      : svc === 'PODIATRY'
        ? `Painful callus under R 1st MTP. Thick nails ${they} cannot
trim. No open wounds. Diabetic x ${r.int(5, 20)} years.`
        : `Gradual decline in hearing both ears, worse in noise.
Constant high-pitched tinnitus since military service.
Noise exposure: ${r.pick(['artillery', 'flight line', 'engine room'])}, hearing protection inconsistent.`
  }

EXAM: ${
    svc === 'CARDIOLOGY'
      ? `BP ${r.int(120, 150)}/${r.int(70, 90)} HR ${r.int(60, 90)}. III/VI crescendo-decrescendo
systolic murmur RUSB radiating to carotids. S2 soft. Lungs clear.`
      : svc === 'PODIATRY'
        ? `DP/PT 2/4 bilat. Monofilament 8/10 sites R, 9/10 L.
Hyperkeratotic lesion plantar R 1st MTP 1.2 cm. Nails 1-5
bilat thick, dystrophic, yellow.`
        : `Otoscopy: canals clear, TMs intact bilat.
Audiogram: mild sloping to moderately-severe SNHL bilat,
WRS 88% R, 84% L at 75 dB HL.`
  }
</pre>${vaFoot(p, `${svc} OUTPT`)}`
  const page2 = `<pre>ASSESSMENT/PLAN:
${
  svc === 'CARDIOLOGY'
    ? `1. Murmur, c/w aortic stenosis, likely moderate by exam.
   - TTE ordered (see imaging). Will review results with the
     Veteran by phone.
   - If severe, will refer to structural heart clinic.
2. HTN - continue current regimen.`
    : svc === 'PODIATRY'
      ? `1. Callus debrided with #15 blade without incident.
2. Onychomycosis, nails debrided 1-5 bilat (mechanically).
3. At-risk foot (loss of protective sensation): issued
   extra-depth shoes and inserts, education given.
RTC 10 weeks for routine foot care.`
      : `1. Bilateral SNHL, consistent with noise exposure.
2. Tinnitus, bothersome.
   - Hearing aids ordered bilat, fitting in 3 weeks.
   - Tinnitus management class information provided.`
}

Consult completed. Results available to requesting provider.
</pre>${sign(author, svc === 'AUDIOLOGY' ? 'AuD' : svc === 'PODIATRY' ? 'DPM' : 'MD', o, r)}${vaFoot(p, `${svc} OUTPT`)}`
  return {
    writer: 'vaConsult',
    type: 'consult_note',
    sender: VA.name,
    senderFax: VA.fax,
    title: `${svc} CONSULT`,
    date: o.date,
    style: 'va',
    pages: [page1, page2],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** An imaging print-out, one page. */
export function vaImaging(p: Person, r: Rand, o: WriteOpts): Doc {
  const exam = r.pick([
    [
      'CHEST 2 VIEWS PA&LAT',
      'Lungs are clear. No effusion. Heart normal size. Old healed\nfracture of the R 6th rib.',
      'No acute process.',
    ],
    [
      'ECHO TRANSTHORACIC COMPLETE',
      'LVEF 55-60%. Aortic valve calcified, peak velocity 3.6 m/s,\nmean gradient 29 mmHg, AVA 1.1 cm2 by continuity.',
      'Moderate aortic stenosis. Normal LV function.',
    ],
    [
      'KNEE 3 VIEWS RIGHT',
      'Moderate medial compartment joint space narrowing with\nosteophytes. Small suprapatellar effusion. No fracture.',
      'Moderate osteoarthritis, R knee.',
    ],
  ] as const)
  const page = `<pre>${'MEDICAL CENTER IMAGING REPORT'.padStart(52).padEnd(62)}Printed On ${printedOn(o)}

Name     : ${vaName(p).padEnd(30)} DOB: ${us(p.birthDate)}
Exm Date : ${upperMon(o.date)}@${time(r)}       Case #: ${r.int(100, 999)}
Req Phys : ${r.pick(VA.authors).padEnd(30)} Pat Loc: PACT TEAM GREEN
Img Loc  : RAD OUTPATIENT                 Service: PRIMARY CARE

(Case ${r.int(100, 999)} COMPLETE) ${exam[0]}        (CPT:${r.int(70000, 93999)})
     Proc Modifiers : ${exam[0].includes('RIGHT') ? 'RIGHT' : ''}
     Clinical History:
       ${r.pick(['eval', 'sx as per consult', 'pain, r/o fx'])}

     Report Status: Verified                   Date Reported: ${upperMon(o.date)}
                                               Date Verified: ${upperMon(o.date)}
     Verifier E-Sig:/ES/${r.pick(['NAKAMURA-BELL,JUNE', 'ODUYA,FESTUS K'])}

     Report:
       ${exam[1].replace(/\n/g, '\n       ')}

     Impression:
       ${exam[2]}

     Primary Diagnostic Code: ${r.pick(['MINOR ABNORMALITY', 'NO ALERT REQUIRED', 'ABNORMALITY, ATTN NEEDED'])}

Primary Interpreting Staff:
  ${r.pick(['NAKAMURA-BELL,JUNE', 'ODUYA,FESTUS K'])}, Staff Physician
/JNB
</pre>${vaFoot(p, 'RAD OUTPATIENT')}`
  return {
    writer: 'vaImaging',
    type: 'radiology_report',
    sender: VA.name,
    senderFax: VA.fax,
    title: 'MEDICAL CENTER IMAGING REPORT',
    date: o.date,
    style: 'va',
    pages: [page],
    numbered: false,
    runningTitle: false,
    midSentence: false,
  }
}

/** A long discharge summary (4 or 5 pages): no page numbers, the heading line repeated on every sheet, a sheet starting mid-sentence. */
export function vaDischarge(p: Person, r: Rand, o: WriteOpts): Doc {
  const author = r.pick(VA.authors)
  const admit = addDays(o.date, -r.int(4, 9))
  const five = r.chance(0.5)
  const head = () => `<pre>${'DISCHARGE SUMMARY'.padStart(48).padEnd(62)}Printed On ${printedOn(o)}
</pre>`
  const where = '3 SOUTH MED'
  const p1 = `${head()}<pre>LOCAL TITLE: DISCHARGE SUMMARY
STANDARD TITLE: DISCHARGE SUMMARY
DICT DATE: ${upperMon(o.date)}          ENTRY DATE: ${upperMon(o.date)}@${time(r)}
DICTATED BY: ${author.padEnd(26)}ATTENDING: ${r.pick(VA.authors)}
URGENCY: ROUTINE                      STATUS: COMPLETED

DATE OF ADMISSION: ${us(admit)}
DATE OF DISCHARGE: ${us(o.date)}

ADMITTING DIAGNOSIS: Alcohol withdrawal; lower GI bleed, r/o
DISCHARGE DIAGNOSES:
  1. Alcohol withdrawal syndrome, treated with symptom-triggered
     protocol, no seizures or delirium
  2. Hematochezia due to internal hemorrhoids (colonoscopy)
  3. Acute blood loss anemia, transfused 1 unit PRBC
  4. Hypomagnesemia
  5. PTSD, chronic, followed by BHIP team

HISTORY OF PRESENT ILLNESS:
${ageOn(p.birthDate, admit)} y/o ${sexWord(p)} Veteran with hx of alcohol use disorder who
presented to the ED by ambulance after ${their(p)} sister found ${them}
shaking and with bright red blood in the toilet. Last drink
reported ~18 hrs prior to arrival. Drinking about a fifth of
vodka daily for 3 months, "since my dog died". CIWA 19 in
the ED. Hgb 8.9 (baseline 13.4 one year ago).
</pre>${vaFoot(p, where)}`
  const p2 = `${head()}<pre>HOSPITAL COURSE:
1. ETOH withdrawal: placed on CIWA-Ar protocol with lorazepam.
   Max CIWA 22 on HD#2. Required total of 14 mg lorazepam over
   first 72 hours, none after HD#4. Thiamine 500 mg IV TID x 3
   days then 100 mg PO daily, folate, MVI. No seizures. Addiction
   psychiatry (SUD consult) saw Veteran on HD#3 and discussed
   options; Veteran agreed to start naltrexone and to enroll in
   the outpatient SUD intensive program after discharge, intake
   appointment made for ${us(addDays(o.date, 4))}.
2. Hematochezia/anemia: GI consulted. Received 1 unit PRBC on
   HD#1 with appropriate rise in Hgb to 9.8. Colonoscopy on HD#3
   showed grade II internal hemorrhoids with stigmata of recent
   bleeding, no other source; the cecum was reached and the
   prep was fair. Hgb stable x 48 hrs, 10.1 on day of discharge.
   Started on fiber and docusate; GI recommends banding as an
   outpatient if bleeding recurs, and a repeat colonoscopy with
   better prep within 1 year because of the fair prep and the
   fact that small lesions could have been missed in the right
</pre>${vaFoot(p, where)}`
  const p3 = `${head()}<pre>colon, which the Veteran was told about and agreed to.
3. Hypomagnesemia: Mg 1.2 on admission, repleted IV, 1.9 at
   discharge. Started on Mg oxide 400 mg BID x 2 weeks.
4. PTSD: BHIP psychologist visited. No SI/HI throughout stay.
   Veteran states drinking worse around anniversary dates.
   Continue sertraline 100 mg daily, prazosin 2 mg qhs.
   Veteran given the crisis line number (dial 988, press 1).

PROCEDURES: Colonoscopy ${us(addDays(admit, 2))}. Transfusion PRBC x1.

CONSULTS: GI, SUD/addiction psychiatry, BHIP psychology,
social work.

CONDITION ON DISCHARGE: Improved. Ambulating independently,
tolerating diet, CIWA < 8 for more than 48 hours.
</pre>${vaFoot(p, where)}`
  const p4 = `${head()}<pre>DISCHARGE MEDICATIONS:
  NALTREXONE 50MG TAB    TAKE ONE TABLET BY MOUTH DAILY     (NEW)
  THIAMINE 100MG TAB     TAKE ONE TABLET BY MOUTH DAILY     (NEW)
  FOLIC ACID 1MG TAB     TAKE ONE TABLET BY MOUTH DAILY     (NEW)
  MAGNESIUM OXIDE 400MG  TAKE ONE TABLET BY MOUTH TWICE A
                         DAY FOR 14 DAYS                    (NEW)
  PSYLLIUM POWDER        ONE TEASPOONFUL IN WATER DAILY     (NEW)
  SERTRALINE 100MG TAB   TAKE ONE TABLET BY MOUTH DAILY     (CONT)
  PRAZOSIN 2MG CAP       TAKE ONE CAPSULE BY MOUTH AT
                         BEDTIME                            (CONT)
  IBUPROFEN              *** DISCONTINUED - GI BLEED ***

DIET: Regular, high fiber.   ACTIVITY: As tolerated.

FOLLOW UP:
  - PACT TEAM GREEN in 1 week: CBC, BMP, Mg
  - SUD IOP intake ${us(addDays(o.date, 4))} 0900, Bldg 2 Rm 118
  - BHIP psychology in 2 weeks
  - Non-VA PCP (community care): copy of this summary faxed to
    ${'Juniper Flats Family Health'.toUpperCase()}
${five ? '' : sign(author, 'MD', o, r).replace('<pre>', '').replace('</pre>', '')}</pre>${vaFoot(p, where)}`
  const p5 = `${head()}<pre>ADDENDUM                      ${upperMon(addDays(o.date, 1))}@${time(r)}
Pathology from colonoscopy: no biopsies were taken; addendum
entered to correct the GI note referenced in this summary,
which listed biopsies in error. No change to the plan.

Receipt of discharge instructions confirmed by phone; the
Veteran's sister will drive ${them} to the IOP intake.
</pre>${sign(author, 'MD', o, r)}${vaFoot(p, where)}`
  return {
    writer: 'vaDischarge',
    type: 'discharge_summary',
    sender: VA.name,
    senderFax: VA.fax,
    title: 'DISCHARGE SUMMARY',
    date: o.date,
    style: 'va',
    pages: five ? [p1, p2, p3, p4, p5] : [p1, p2, p3, p4],
    numbered: false,
    runningTitle: true,
    midSentence: true,
  }
}
