/**
 * Discharge summaries and progress notes in the shapes other hospitals and services give them: a
 * discharge letter to the family doctor, a patient's own "your hospital stay" sheet with a
 * clinical block, a transfer summary by problem, a terse short-stay note, a stay told as prose;
 * an inpatient daily note, a visit told as prose, a counselling note (data, assessment, plan), a
 * video visit, a post-operative check, a nurse's home visit. What the document is (a stay with its
 * dates and what the patient leaves with; a visit that continues earlier care) tells them from
 * consults and H&Ps, not the headings, so the model must learn that.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import {
  COMPLAINTS,
  CONDITIONS,
  EXAM,
  MEDS,
  addDays,
  drName,
  fmtDate,
  hospitalName,
  personName,
  providerName,
  randomDate,
  vitals,
  lines,
  cap,
} from './pools.js'

const PROCEDURES = [
  'upper endoscopy',
  'cardiac catheterization with a stent to the right coronary artery',
  'a transfusion of two units of red cells',
  'a lumbar puncture',
  'an MRI of the brain',
  'paracentesis',
  'an echocardiogram',
  'a CT of the abdomen',
]
const TREATMENTS = [
  'IV antibiotics',
  'IV fluids',
  'IV furosemide',
  'an insulin drip',
  'nebulized bronchodilators and steroids',
  'heparin',
  'pain control and physical therapy',
  'bowel rest',
]
const PLACES = [
  'home',
  'home with home health',
  'a skilled nursing facility',
  'inpatient rehabilitation',
  'home with family',
  'assisted living',
]

function problems(r: Rng, n: number): string[] {
  return r.some([...CONDITIONS, ...COMPLAINTS], n).map(cap)
}

function medChanges(r: Rng): string {
  const m = r.some(MEDS, 4)
  return r.pick([
    `NEW: ${m[0]}. CHANGED: ${m[1]} (dose increased). STOP: ${m[2]}. CONTINUE: ${m[3]}.`,
    `Start ${m[0]}. Continue ${m[1]} and ${m[2]}. Stop taking ${m[3]}.`,
    `${m[0]}\n${m[1]}\n${m[2]}`,
    'No changes to your home medicines.',
  ])
}

/** "Dear Dr. ...": the hospital writes to the family doctor after the patient went home. */
function dischargeLetter(r: Rng): string {
  const a = randomDate(r)
  const d = addDays(a, r.int(1, 10))
  const p = personName(r)
  const who = r.pick([p.full, `your patient ${p.full}`, `${p.given}`])
  const c = r.pick(COMPLAINTS)
  return lines(
    r.chance(0.5) && fmtDate(r, d),
    `Dear ${drName(r)},`,
    '',
    `${cap(who)} was admitted to ${hospitalName(r)} on ${fmtDate(r, a)} with ${c} and went ${r.pick(PLACES)} on ${fmtDate(r, d)}.`,
    `${r.pick(['On admission', 'At presentation', 'When admitted'])} ${r.pick(['she', 'he', 'the child'])} had ${r.pick(['a fever of 39.2', 'low oxygen saturations', 'a raised white count', 'dehydration', 'poorly controlled pain'])}. ${r.pick(['We treated', 'We managed', 'This was treated'])} with ${r.pick(TREATMENTS)}${r.chance(0.5) ? ` and ${r.pick(PROCEDURES)} was done` : ''}.`,
    `${r.pick(['The diagnosis at discharge was', 'Final diagnosis:', 'We think this was'])} ${r.pick(CONDITIONS)}.`,
    `${r.pick(['Medicines on leaving', 'Discharge medications', 'Medications at discharge', 'Going home on'])}: ${r.some(MEDS, r.int(1, 4)).join(', ')}.`,
    r.pick([
      `Could you please see ${r.pick(['her', 'him', 'them'])} in ${r.pick(['one week', 'ten days', 'two weeks'])} to ${r.pick(['check the blood count', 'recheck the potassium', 'review the wound', 'review the blood pressure'])}.`,
      `We have arranged a clinic review in ${r.pick(['four weeks', 'six weeks'])}; no further action is needed from you.`,
      `Pending at discharge: ${r.pick(['blood cultures', 'a biopsy result', 'a thyroid panel'])}; we will forward the result.`,
    ]),
    '',
    r.pick(['Kind regards,', 'Yours sincerely,', 'With best wishes,', 'Sincerely,']),
    providerName(r),
    r.pick(['Hospitalist', 'Paediatric registrar', 'Attending physician', 'Medical team 3']),
  )
}

/** The sheet the patient takes home, with a short clinical block. */
function patientStaySheet(r: Rng): string {
  const a = randomDate(r)
  const d = addDays(a, r.int(1, 6))
  return lines(
    r.pick([
      'Your Hospital Stay',
      'After Your Hospital Stay',
      'Discharge Instructions',
      'Going Home From the Hospital',
      'After Visit Summary',
    ]),
    `You were in the hospital from ${fmtDate(r, a)} to ${fmtDate(r, d)}.`,
    `Why you were here: ${r.pick(COMPLAINTS)}${r.chance(0.5) ? ` (${r.pick(CONDITIONS)})` : ''}.`,
    `What we did: ${r.pick(TREATMENTS)}${r.chance(0.5) ? `, ${r.pick(PROCEDURES)}` : ''}.`,
    `Your medicines: ${medChanges(r)}`,
    r.pick([
      `Appointments: ${drName(r)} on ${fmtDate(r, addDays(d, r.int(3, 14)))}.`,
      `Follow up with your primary care doctor in ${r.pick(['one week', '3 to 5 days', 'two weeks'])}.`,
    ]),
    `Call your doctor or come back if you have ${r.some(['fever over 101', 'chest pain', 'trouble breathing', 'bleeding', 'vomiting that will not stop', 'new weakness'], 3).join(', ')}.`,
    r.chance(0.5)
      ? `Diet: ${r.pick(['regular', 'low salt', 'diabetic', 'soft foods for a week'])}`
      : `Activity: ${r.pick(['as tolerated', 'no lifting over 10 pounds for two weeks', 'no driving for one week'])}`,
    r.chance(0.7) &&
      lines(
        r.pick(['For your doctor:', 'Clinical summary', 'Provider section']),
        `Discharge diagnosis: ${r.pick(CONDITIONS)}. Condition: ${r.pick(['stable', 'improved', 'good'])}. Disposition: ${r.pick(PLACES)}.`,
        `Attending: ${providerName(r)}`,
      ),
  )
}

/** A transfer or discharge summary written problem by problem. */
function problemSummary(r: Rng): string {
  const a = randomDate(r)
  const d = addDays(a, r.int(2, 20))
  const ps = problems(r, r.int(2, 5))
  return lines(
    r.pick(['Transfer Summary', 'Interfacility Transfer Summary', 'Discharge/Transfer Note', 'Summary of Stay', '']),
    `${r.pick(['Admitted', 'Adm', 'Admit date'])}: ${fmtDate(r, a)}   ${r.pick(['Transferred', 'Discharged', 'D/C date'])}: ${fmtDate(r, d)}`,
    `${r.pick(['Transferred to', 'Discharged to', 'Receiving facility'])}: ${r.pick(PLACES.slice(2))}`,
    r.pick(['Active problems and course:', 'Problem-based hospital course:', 'Course by problem:']),
    ...ps.map(
      (p, i) =>
        `${i + 1}. ${p}: ${r.pick(['treated with', 'managed with', 'improved on'])} ${r.pick(TREATMENTS)}. ${r.pick(['Resolved.', 'Improving.', 'Stable; continue current plan.', 'Needs recheck in one week.'])}`,
    ),
    `Code status: ${r.pick(['Full code', 'DNR/DNI', 'DNR, may intubate'])}`,
    `${r.pick(['Medications at transfer', 'Discharge medications'])}: ${r.some(MEDS, r.int(2, 6)).join('; ')}`,
    `${r.pick(['Functional status', 'Mobility'])}: ${r.pick(['ambulates with walker', 'bed to chair with assist of one', 'independent'])}`,
    `${r.pick(['Signed', 'Discharging physician'])}: ${providerName(r)}`,
  )
}

/** A terse short-stay or observation discharge note. */
function terseDischarge(r: Rng): string {
  const a = randomDate(r)
  const d = addDays(a, r.int(0, 2))
  const c = r.pick(COMPLAINTS)
  return lines(
    r.pick(['Obs unit d/c note', 'Short stay discharge', 'CDU discharge note', 'Observation discharge', 'D/C note']),
    `${r.pick(['Adm', 'In'])} ${fmtDate(r, a, 2)}  ${r.pick(['d/c', 'out'])} ${fmtDate(r, d, 2)}`,
    `${c}: ${r.pick(['trop neg x3, stress test neg', 'CT neg, pain controlled', 'improved w/ fluids, tolerating PO', 'sx resolved overnight'])}.`,
    `Dx: ${r.pick(CONDITIONS)}.`,
    `D/c ${r.pick(['home', 'home w/ family'])}, ${r.pick(['stable', 'improved'])}. Meds ${r.pick(['unchanged', `+ ${r.pick(MEDS)}`])}.`,
    `F/u ${r.pick(['PCP 1 wk', 'cards 2 wk', 'PCP 3-5 d', 'clinic prn'])}. Return precautions given.`,
    r.chance(0.6) && `-- ${providerName(r)}`,
  )
}

/** A stay told as running prose, without headings. */
function proseStay(r: Rng): string {
  const a = randomDate(r)
  const d = addDays(a, r.int(1, 12))
  const p = personName(r)
  return lines(
    r.chance(0.4) && r.pick(['Discharge Summary', 'Hospital Summary', 'Summary']),
    `${p.full} was admitted on ${fmtDate(r, a)} for ${r.pick(COMPLAINTS)} and was discharged on ${fmtDate(r, d)}. ${r.pick(['During the stay', 'In hospital', 'Over the admission'])} ${r.pick(['she', 'he'])} received ${r.pick(TREATMENTS)} and ${r.pick(PROCEDURES)}. ${r.pick(['The course was uncomplicated.', 'There was a brief episode of delirium that cleared.', 'Kidney function improved to baseline.', 'Oxygen was weaned to room air.'])} ${r.pick(['She', 'He'])} left ${r.pick(['in stable condition', 'in good condition', 'much improved'])} to ${r.pick(PLACES)} on ${r.some(MEDS, r.int(1, 3)).join(', ')}, with follow-up with ${drName(r)} in ${r.pick(['one week', 'two weeks'])}.`,
    r.chance(0.6) && `${providerName(r)}, attending`,
  )
}

export function dischargeOtherShape(r: Rng): string {
  return r.pick([dischargeLetter, patientStaySheet, problemSummary, terseDischarge, proseStay])(r)
}

/** An inpatient daily note: hospital day, overnight events, systems or problems. */
function dailyNote(r: Rng): string {
  const ps = problems(r, r.int(2, 4))
  return lines(
    r.pick(['Daily Progress Note', 'Hospitalist Progress Note', 'Medicine Team Note', 'Progress Note', '']),
    `${r.pick(['Hospital day', 'HD #', 'Day'])} ${r.int(2, 9)}${r.chance(0.5) ? `, ${r.pick(['POD', 'antibiotic day'])} ${r.int(1, 6)}` : ''}`,
    `${r.pick(['Overnight', 'Events', 'Interval events', 'S'])}: ${r.pick(['No acute events.', 'Spiked to 38.4, cultures sent.', 'Slept well, pain controlled.', 'Needed one dose of IV Lasix.'])}`,
    `${r.pick(['O', 'Exam', 'Objective'])}: ${vitals(r)} ${r.some(EXAM, r.int(2, 4)).join(' ')}`,
    r.chance(0.6) &&
      `Labs: WBC ${(4 + r.next() * 12).toFixed(1)}, Cr ${(0.6 + r.next() * 2).toFixed(1)}, K ${(3 + r.next() * 2).toFixed(1)}.`,
    r.pick(['A/P:', 'Assessment and plan:', 'Plan by problem:']),
    ...ps.map((p) => `# ${p} - ${r.pick(['continue', 'improving on', 'wean'])} ${r.pick(TREATMENTS)}.`),
    `Dispo: ${r.pick(['anticipate discharge in 1-2 days', 'continue inpatient', 'PT/OT eval, likely SNF'])}.`,
    `${providerName(r)}${r.chance(0.5) ? ` / ${r.pick(['intern', 'resident', 'attending'])}` : ''}`,
  )
}

/** A visit told as prose: a nursing-home round, a chronic-care check, a well visit. */
function proseVisit(r: Rng): string {
  const c = r.pick(CONDITIONS)
  const who = r.pick(['She', 'He', 'The resident', 'The patient'])
  return lines(
    r.chance(0.5) && r.pick(['Physician Visit', 'Monthly Visit', 'Routine Visit', 'Office Note', 'Visit Note']),
    `${r.pick(['Seen today for', 'Seen on rounds for', 'Here today for', 'Visited for'])} ${r.pick(['her monthly visit', 'routine follow-up', 'a recheck', 'a 3-month check'])} of ${c}. ${who} ${r.pick(['continues to do well', 'has had no falls since the last visit', 'reports better sleep', 'has had more pain this month'])}. ${r.pick(['Staff report good appetite.', 'Weight is stable.', 'Home readings are at goal.', 'No new concerns.'])}`,
    `${r.pick(['On exam', 'Exam today'])}: ${vitals(r)} ${r.some(EXAM, r.int(1, 3)).join(' ')}`,
    `${r.pick(['Assessment', 'Impression'])}: ${cap(c)}, ${r.pick(['stable', 'improving', 'not at goal'])}. ${r.pick([`Continue ${r.pick(MEDS)}.`, `Increase ${r.pick(MEDS)}.`, 'No changes.'])} ${r.pick(['Recheck next month.', 'See again in 3 months.', 'Labs before next visit.'])}`,
    r.chance(0.6) && providerName(r),
  )
}

/** A counselling or therapy session note: data, assessment, plan (or behaviour, intervention, response, plan). */
function sessionNote(r: Rng): string {
  const birp = r.chance(0.4)
  return lines(
    r.pick(['Session Note', 'Counseling Progress Note', 'Therapy Note', 'Individual Session', 'Case Note']),
    `${r.pick(['Session', 'Visit'])} ${r.int(2, 20)}, ${r.pick(['50 minutes', '45 min', '30 minutes'])}, ${r.pick(['in person', 'telehealth', 'by phone'])}`,
    birp
      ? lines(
          `Behavior: ${r.pick(['Client arrived on time, tearful.', 'Client was calm and engaged.', 'Client reports increased anxiety at work.'])}`,
          `Intervention: ${r.pick(['CBT thought record reviewed.', 'Practiced grounding skills.', 'Motivational interviewing around drinking.'])}`,
          `Response: ${r.pick(['Receptive; identified two triggers.', 'Partially engaged.', 'Completed homework.'])}`,
        )
      : lines(
          `Data: ${r.pick(['Client reports mood 5/10, sleeping 6 hours.', 'Client discussed conflict with family.', 'Client has used coping skills twice this week.'])}`,
          `Assessment: ${r.pick(['Progress toward goals is fair.', 'Symptoms of depression are improving.', 'Risk assessed; denies SI/HI.'])}`,
        ),
    `Plan: ${r.pick(['Next session in one week.', 'Continue weekly sessions.', 'Return in two weeks; homework assigned.'])}`,
    `${providerName(r).replace(/, .*$/, '')}, ${r.pick(['LCSW', 'LPC', 'PsyD', 'LMFT'])}`,
  )
}

/** A video or phone follow-up visit. */
function virtualVisit(r: Rng): string {
  const c = r.pick(CONDITIONS)
  return lines(
    r.pick(['Telehealth Visit', 'Video Visit', 'Telephone Follow-up', 'Virtual Visit']),
    `${r.pick(['Patient consented to a video visit.', 'Visit conducted by secure video; patient at home.', 'Telephone visit, identity confirmed with two identifiers.'])}`,
    `${r.pick(['Since the last visit', 'Interval history', 'Follow-up of'])}: ${c}. ${r.pick(['Symptoms are better.', 'Still having some trouble with side effects.', 'Home blood pressures 130s/80s.', 'Blood sugars improved.'])}`,
    `${r.pick(['Assessment/Plan', 'A/P', 'Plan'])}: ${cap(c)} ${r.pick(['improving', 'stable'])}; ${r.pick([`continue ${r.pick(MEDS)}`, `adjust ${r.pick(MEDS)}`])}. ${r.pick(['Follow up in 3 months.', 'Video visit again in 6 weeks.', 'Labs before next visit.'])}`,
    `Time: ${r.int(10, 30)} minutes. ${providerName(r)}`,
  )
}

/** A post-operative check in clinic. */
function postOpVisit(r: Rng): string {
  const op = r.pick([
    'laparoscopic cholecystectomy',
    'right total knee arthroplasty',
    'carpal tunnel release',
    'inguinal hernia repair',
    'ORIF of the left wrist',
  ])
  return lines(
    r.pick(['Post-op Visit', 'Postoperative Check', 'Clinic Follow-up', '']),
    `${r.pick(['POD', 'Post-op day', 'Now'])} ${r.int(7, 42)}${r.pick(['', ' days'])} s/p ${op} on ${fmtDate(r, randomDate(r))}.`,
    `${r.pick(['Doing well.', 'Pain controlled with acetaminophen.', 'Some swelling, no fever.'])} ${r.pick(['Incision clean, dry and intact.', 'Wound healing well, sutures removed.', 'Mild erythema at the port site.'])}`,
    `${r.pick(['Plan', 'A/P'])}: ${r.pick(['advance activity', 'start physical therapy', 'no lifting over 10 lb for 4 more weeks'])}. ${r.pick(['RTC 6 weeks.', 'Follow up in 3 months with x-ray.', 'Return as needed.'])}`,
    providerName(r),
  )
}

/** A nurse's home or clinic visit. */
function nurseVisit(r: Rng): string {
  return lines(
    r.pick(['Skilled Nursing Visit', 'Home Health Visit Note', 'Nurse Visit', 'RN Visit']),
    `Visit ${r.int(2, 12)} of ${r.int(12, 16)}. ${r.pick(['Patient at home with spouse.', 'Patient seen in clinic for dressing change.', 'Patient alone, alert.'])}`,
    `Vitals: ${vitals(r)}`,
    `${r.pick(['Wound care performed', 'Medications reviewed', 'INR drawn', 'Foley catheter changed'])}. ${r.pick(['Teaching on diet given.', 'Reinforced fall precautions.', 'Patient demonstrated insulin technique.'])}`,
    `${r.pick(['Next visit', 'Plan'])}: ${r.pick(['in 3 days', 'next week', 'Friday'])}. ${r.pick(['MD notified of weight gain.', 'No changes reported to MD.', ''])}`,
    `${providerName(r).replace(/, .*$/, '')}, ${r.pick(['RN', 'LPN', 'RN, BSN'])}`,
  )
}

export function progressOtherShape(r: Rng): string {
  return r.pick([dailyNote, proseVisit, sessionNote, virtualVisit, postOpVisit, nurseVisit])(r)
}
