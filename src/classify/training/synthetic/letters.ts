/**
 * Letters between clinicians, in both directions, built from the same parts so that only the
 * direction tells them apart:
 *   - a consultant's answer back to whoever asked (consult_note): it reports a visit that
 *     happened, gives an opinion and hands care back;
 *   - a request to see or treat a patient (referral_letter): it asks for a visit that has not
 *     happened, gives the question and the background.
 * Both come as letters (with or without salutation), memos, e-mails, short notes and forms,
 * in clinic, inpatient and e-consult settings.
 *
 * Training only; the evaluation sets are written elsewhere and nothing here is copied from them.
 */
import type { Rng } from '../../rng.js'
import {
  CONDITIONS,
  MEDS,
  clinicName,
  drName,
  fmtDate,
  hospitalName,
  letterhead,
  personName,
  providerName,
  randomDate,
  lines,
  cap,
} from './pools.js'

const SPECIALTIES = [
  'cardiology',
  'gastroenterology',
  'dermatology',
  'orthopaedic surgery',
  'neurology',
  'otolaryngology',
  'urology',
  'endocrinology',
  'nephrology',
  'rheumatology',
  'pulmonology',
  'hematology',
  'infectious diseases',
  'general surgery',
  'vascular surgery',
  'gynecology',
  'psychiatry',
  'sleep medicine',
  'pain management',
  'allergy',
  'podiatry',
  'ophthalmology',
  'physical medicine and rehabilitation',
  'oncology',
  'hepatology',
]
const PROBLEMS = [
  'iron deficiency without an obvious source',
  'a thyroid nodule found on imaging',
  'poorly controlled asthma',
  'worsening kidney function',
  'persistent atrial ectopy',
  'a raised ferritin',
  'hip pain limiting walking',
  'possible obstructive sleep apnoea',
  'recurrent kidney stones',
  'a new murmur',
  'inflammatory-looking joint swelling',
  'a pigmented lesion on the shoulder',
  'chronic diarrhoea',
  'proteinuria',
  'tremor',
  'memory complaints',
  'a lung nodule',
  'dysphagia for solids',
  'heavy menstrual bleeding',
  'leg claudication',
  'elevated liver enzymes',
  'recurrent cellulitis',
  'neck lump',
  'hearing loss on one side',
  'chronic cough',
  'low platelets',
]
const OPINIONS = [
  'This is most likely benign and needs no treatment.',
  'The picture fits an early inflammatory arthritis.',
  'I suspect a functional cause rather than structural disease.',
  'The findings are in keeping with moderate disease.',
  'I could not find anything of concern today.',
  'This is consistent with the working diagnosis in your letter.',
  'I think the symptoms are medication related.',
  'The results point to a treatable cause.',
  'I agree with your suspicion.',
  'The study confirmed the diagnosis.',
]
const DONE = [
  'I have started',
  'I have stopped',
  'I have increased',
  'I have arranged',
  'I have booked',
  'I have requested',
  'We have ordered',
  'I have given',
  'I have recommended',
]
const THINGS = [
  'a trial of a proton pump inhibitor',
  'an ultrasound scan',
  'a 24-hour Holter monitor',
  'a sleep study',
  'a fine-needle aspiration',
  'a short course of steroids',
  'physiotherapy',
  'blood tests for autoimmune markers',
  'a repeat scan in six months',
  'an upper endoscopy',
  'a change of her blood pressure tablet',
  'a low-dose beta-blocker',
  'topical treatment',
  'an MRI',
  'a nerve conduction study',
  'lifestyle advice and a diet sheet',
]
const HANDBACK = [
  'I have discharged her back to your care.',
  'No further follow-up with us is needed; we are happy to see him again if things change.',
  'I will review him in clinic with the results.',
  'We will see her again in three months.',
  'Please continue the current dose and recheck bloods in four weeks.',
  'I would be grateful if you could monitor the blood pressure.',
  'A copy of this letter goes to the patient.',
  'Follow-up has been arranged in our clinic.',
  'We will keep you updated.',
  'Happy to discuss by phone.',
]
const ASKS = [
  'Could you please assess',
  'I would value your opinion on',
  'I would be grateful if you would see',
  'Please would you review',
  'Kindly evaluate',
  'I am requesting an appointment for',
  'Please see and advise on',
  'I would appreciate your help with',
  'I would like to refer',
  'May I ask you to see',
  'I am sending',
  'Requesting specialist evaluation of',
  'Please accept this referral for',
]
const WHYS = [
  'I am not sure whether further tests are needed.',
  'She has not improved on first-line treatment.',
  'He is worried and would like a specialist view.',
  'The initial results are borderline.',
  'I would like advice on management.',
  'Symptoms are affecting work.',
  'The family history makes me cautious.',
  'Imaging raised a question I cannot answer.',
]
const PRIOR = [
  'Blood tests in the practice',
  'An initial ultrasound',
  'A chest x-ray',
  'Two courses of antibiotics',
  'A trial of simple analgesia',
  'Lifestyle measures',
  'A three-month trial of medication',
]

function pronouns(r: Rng): { he: string; him: string; his: string } {
  return r.chance(0.5) ? { he: 'she', him: 'her', his: 'her' } : { he: 'he', him: 'him', his: 'his' }
}
function patientLine(r: Rng, name: string): string {
  const dob = fmtDate(r, randomDate(r, 1935, 2019))
  return r.pick([
    `Re: ${name}, DOB ${dob}`,
    `RE: ${name.toUpperCase()}  (${dob})`,
    `Patient: ${name}   Date of birth: ${dob}`,
    `${name}  DOB ${dob}  ID ${r.int(100000, 9999999)}`,
    `Regarding: ${name}`,
    '',
  ])
}

// ---------------------------------------------------------------- answers (consult_note)

/** A consultant's letter, memo, e-mail or note back to the clinician who asked. */
export function consultReply(r: Rng): string {
  const pt = personName(r)
  const p = pronouns(r)
  const asker = drName(r)
  const me = providerName(r)
  const spec = r.pick(SPECIALTIES)
  const problem = r.pick(PROBLEMS)
  const seen = fmtDate(r, randomDate(r))
  const opener = r.pick([
    `I saw ${pt.given} in the ${spec} clinic on ${seen} at your request.`,
    `Thank you for asking me to see ${pt.full} about ${problem}.`,
    `It was a pleasure to meet ${pt.full}, whom you referred with ${problem}.`,
    `Your patient ${pt.full} attended our ${spec} outpatient clinic today.`,
    `Further to your referral, I reviewed ${pt.given} today regarding ${problem}.`,
    `I had the opportunity to assess ${pt.full} on ${seen}.`,
    `Many thanks for sending ${pt.given} to see us.`,
    `Following your letter about ${problem}, ${pt.full} came to see me this week.`,
    `As requested, I have seen ${pt.full}.`,
    `${pt.full} was seen today in consultation, as you asked, for ${problem}.`,
    `Thanks for the referral of ${pt.given}.`,
    `I reviewed ${pt.given} in the ${spec} service today on your behalf.`,
  ])
  const story = `${cap(p.he)} ${r.pick(['describes', 'reports', 'tells me about', 'gives a history of'])} ${r.pick(['several months of', 'a year of', 'recent', 'intermittent'])} ${problem}. ${r.pick(['There are no red-flag features.', 'Weight is stable.', 'Sleep is poor.', `${cap(p.his)} mother had similar problems.`, 'No previous investigations here.'])}`
  const exam = r.pick([
    `On examination ${r.pick(['there was nothing abnormal', 'the findings were subtle', 'blood pressure was 138/84', 'there was mild tenderness', 'the lesion measured 6 mm'])}.`,
    `Examination: ${r.pick(['unremarkable', 'as above', 'mild swelling only', 'normal neurology'])}.`,
    '',
  ])
  const opinion = r.pick(OPINIONS)
  const plan = `${r.pick(DONE)} ${r.pick(THINGS)}. ${r.pick(HANDBACK)}`
  const kind = r.int(0, 6)
  const signOff = r.pick(['Yours sincerely,', 'With kind regards,', 'Best wishes,', 'Sincerely,', 'Regards,', ''])
  const role = r.pick([`Consultant, ${cap(spec)}`, `${cap(spec)}`, `Attending, ${cap(spec)} Service`, '', `Department of ${cap(spec)}`])
  if (kind === 0)
    // classic letter
    return lines(
      r.chance(0.7) && letterhead(r, r.chance(0.5) ? hospitalName(r) : clinicName(r)),
      r.chance(0.7) && fmtDate(r, randomDate(r)),
      r.chance(0.6) && `${asker}\n${clinicName(r)}`,
      patientLine(r, pt.full),
      r.chance(0.85) && r.pick([`Dear ${asker},`, 'Dear Colleague,', `Dear ${asker.replace('Dr. ', 'Dr ')}`, 'Dear Doctor,']),
      opener,
      story,
      exam,
      `${r.pick(['My impression:', 'Impression:', 'In summary,', 'Opinion:', ''])} ${opinion}`.trim(),
      plan,
      r.chance(0.5) &&
        r.pick([
          'Thank you for involving me in her care.',
          'Thanks again for the referral.',
          'Please get in touch if I can help further.',
          'Do contact me with any questions.',
        ]),
      signOff,
      me,
      role,
      r.chance(0.4) && r.pick(['cc: patient', `cc: ${drName(r)}`, 'Copy: GP, patient']),
    )
  if (kind === 1)
    // diagnosis-and-plan list first, narrative after (outpatient clinic letter)
    return lines(
      letterhead(r, hospitalName(r)),
      r.pick(['Outpatient Clinic Letter', `${cap(spec)} Clinic`, 'Clinic Letter', `${cap(spec)} Outpatients`, '']),
      `${r.pick(['Clinic date', 'Seen', 'Date seen'])}: ${seen}`,
      `${r.pick(['To', 'GP', 'Referrer'])}: ${asker}`,
      patientLine(r, pt.full),
      `${r.pick(['Diagnosis', 'Diagnoses', 'Problems'])}:`,
      ...r.some(CONDITIONS, r.int(1, 3)).map((c, i) => `${i + 1}. ${cap(c)}`),
      `${r.pick(['Plan', 'Actions', 'Outcome'])}:`,
      `- ${r.pick(THINGS)}`,
      `- ${r.pick(HANDBACK)}`,
      r.chance(0.7) && `${r.pick(['Dear', 'Dear Dr'])} ${asker.replace('Dr. ', '')},`,
      `${opener} ${story}`,
      `${opinion} ${plan}`,
      signOff,
      me,
    )
  if (kind === 2)
    // inpatient consult answer to the team that asked
    return lines(
      r.pick([
        `${cap(spec)} Consult`,
        'Inpatient Consult Note',
        'Consult Follow-up',
        `${cap(spec)} consultation - inpatient`,
        `CONSULT: ${spec.toUpperCase()}`,
        '',
      ]),
      `${r.pick(['Requested by', 'Consult requested by', 'Primary team', 'Asked by'])}: ${asker}${r.chance(0.5) ? ` (${r.pick(['hospitalist', 'surgery', 'medicine', 'ICU'])})` : ''}`,
      `${r.pick(['Question', 'Reason', 'Consult question', 'Reason for request'])}: ${problem}`,
      patientLine(r, pt.full),
      `${r.pick(['Summary', 'History', 'Subjective', 'Background'])}: ${story}`,
      exam,
      `${r.pick(['Assessment', 'Impression', 'Opinion'])}: ${opinion}`,
      `${r.pick(['Recommendations', 'Suggestions', 'Advice to primary team'])}: 1) ${r.pick(THINGS)}. 2) ${r.pick(['Daily labs.', 'Avoid NSAIDs.', 'Repeat imaging before discharge.', 'Outpatient follow-up with us in 4 weeks.'])} ${r.pick(['We will follow with you.', 'We will sign off; call with questions.', 'Thanks for this consult.', 'Will see again tomorrow.'])}`,
      `${me}${r.chance(0.5) ? `, ${spec}` : ''}`,
    )
  if (kind === 3)
    // e-consult / advice-only answer
    return lines(
      r.pick([
        'eConsult Response',
        'E-Consult - Specialist Reply',
        'Electronic consultation answer',
        'Advice and Guidance Reply',
        'Specialist advice (no visit)',
      ]),
      `${r.pick(['Specialty', 'Service'])}: ${cap(spec)}`,
      `${r.pick(['Requesting clinician', 'Submitted by', 'Asked by'])}: ${asker}`,
      patientLine(r, pt.full),
      `${r.pick(['Question', 'Clinical question', 'Your question'])}: ${problem} - ${r.pick(['what next?', 'needs to be seen?', 'treatment?', 'further tests?'])}`,
      `${r.pick(['Answer', 'Response', 'Advice', 'Specialist response'])}: ${opinion} ${r.pick(['Before any visit please obtain', 'I suggest', 'Reasonable next steps are'])} ${r.pick(THINGS)}. ${r.pick(['A face-to-face visit is not needed now.', 'If this is abnormal, please send a full referral.', 'Re-consult if symptoms change.'])}`,
      r.chance(0.6) && `${r.pick(['Time spent', 'Review time'])}: ${r.int(5, 30)} minutes`,
      `${r.pick(['Responding specialist', 'Answered by', 'Reviewer'])}: ${me}`,
    )
  if (kind === 4)
    // memo or e-mail back
    return lines(
      r.chance(0.5) ? `From: ${me} (${spec})\nTo: ${asker}` : `TO: ${asker}\nFROM: ${me}, ${spec}`,
      `${r.pick(['Date', 'Sent'])}: ${fmtDate(r, randomDate(r))}`,
      `${r.pick(['Re', 'Subject', 'RE'])}: ${pt.full} - ${r.pick(['seen in clinic', 'consult outcome', 'your referral', 'visit summary', 'results of assessment'])}`,
      `${opener} ${opinion} ${plan}`,
      r.chance(0.5) && r.pick(['Thanks,', 'Best,', 'Regards,']),
      me,
    )
  if (kind === 5)
    // structured consultation report addressed back
    return lines(
      r.chance(0.6) && letterhead(r, clinicName(r)),
      r.pick([
        'CONSULTATION REPORT',
        'Specialist Report',
        'Report to Referring Provider',
        'Consultation Summary',
        'Outpatient Consultation',
        'NEW PATIENT EVALUATION',
        '',
      ]),
      `${r.pick(['Referring provider', 'Referred by', 'Copy to', 'Requested by'])}: ${asker}`,
      patientLine(r, pt.full),
      `${r.pick(['Visit date', 'Date of service', 'Date seen'])}: ${seen}`,
      ...r.shuffle([
        `${r.pick(['Reason for referral', 'Referral question', 'Reason seen'])}: ${problem}`,
        `${r.pick(['History', 'Presentation'])}: ${story}`,
        `${r.pick(['Findings', 'Examination', 'Results'])}: ${exam || 'unremarkable'}`,
      ]),
      `${r.pick(['Impression', 'Conclusion', 'Opinion', 'Assessment'])}: ${opinion}`,
      `${r.pick(['Recommendations', 'Plan', 'Suggested management'])}: ${plan}`,
      me,
    )
  // short note
  return lines(
    r.chance(0.5) && clinicName(r),
    `${asker} -`,
    `${opener} ${opinion} ${r.pick(DONE)} ${r.pick(THINGS)}. ${r.pick(HANDBACK)}`,
    me,
  )
}

// ---------------------------------------------------------------- requests (referral_letter)

const SERVICES = [
  'physical therapy',
  'occupational therapy',
  'speech-language pathology',
  'home health nursing',
  'hospice evaluation',
  'a dietitian',
  'diabetes education',
  'audiology',
  'cardiac rehabilitation',
  'pulmonary rehabilitation',
  'wound clinic',
  'counseling services',
  'a sleep study',
  'the memory clinic',
  'podiatry',
  'lactation consultation',
  'the anticoagulation clinic',
  'vision rehabilitation',
  'a care manager',
  'outpatient psychiatry',
]

/** A clinician's letter, form, order, e-mail or note asking another clinician or service to see the patient. */
export function referralRequest(r: Rng): string {
  const pt = personName(r)
  const p = pronouns(r)
  const to = drName(r)
  const me = providerName(r)
  const spec = r.pick(SPECIALTIES)
  const problem = r.pick(PROBLEMS)
  const age = r.int(2, 92)
  const background = `${pt.given} is ${r.pick(['a', 'an otherwise well', 'a frail'])} ${age}-year-old with ${problem}${r.chance(0.6) ? ` and ${r.pick(CONDITIONS)}` : ''}. ${r.pick(PRIOR)} ${r.pick(['have not helped', 'were unrevealing', 'gave only partial relief', 'are enclosed'])}. ${r.pick(WHYS)}`
  const meds = r.chance(0.6) && `${r.pick(['Medications', 'Current meds', 'Drugs'])}: ${r.some(MEDS, r.int(1, 4)).join(', ')}`
  const urgency = r.pick(['routine', 'soon (within 4 weeks)', 'urgent', 'two-week wait', 'non-urgent', 'expedited'])
  const kind = r.int(0, 6)
  if (kind === 0)
    return lines(
      r.chance(0.7) && letterhead(r, clinicName(r)),
      r.chance(0.7) && fmtDate(r, randomDate(r)),
      r.chance(0.6) && r.pick([`${to}\n${cap(spec)}`, `${cap(spec)} Department\n${hospitalName(r)}`, `The ${cap(spec)} Team`]),
      patientLine(r, pt.full),
      r.chance(0.8) && r.pick([`Dear ${to},`, 'Dear Colleague,', 'Dear Team,', 'Dear Sir or Madam,', 'To the on-call specialist,']),
      `${r.pick(ASKS)} ${pt.full}${r.chance(0.5) ? `, ${age},` : ''} ${r.pick(['regarding', 'with', 'who has', 'for'])} ${problem}.`,
      background,
      meds,
      r.chance(0.5) && `${r.pick(['Urgency', 'Priority'])}: ${urgency}`,
      r.pick([
        'Thank you for seeing ' + p.him + '.',
        'Many thanks in advance.',
        'I look forward to your opinion.',
        'Thank you for your help.',
        'With thanks,',
      ]),
      r.pick(['Yours faithfully,', 'Sincerely,', 'Kind regards,', '']),
      me,
    )
  if (kind === 1) {
    // order form to a therapy or support service
    const svc = r.pick(SERVICES)
    return lines(
      r.chance(0.6) && letterhead(r, clinicName(r)),
      r.pick([
        `${svc.toUpperCase()} ORDER`,
        `Referral for ${svc}`,
        'SERVICE REFERRAL',
        'Order / Referral',
        `Request for ${svc}`,
        'Outpatient Services Referral',
      ]),
      `${r.pick(['Patient', 'Client', 'Name'])}: ${pt.full}    ${r.pick(['DOB', 'Birth date'])}: ${fmtDate(r, randomDate(r, 1935, 2020))}`,
      `${r.pick(['Refer to', 'Service requested', 'Send to'])}: ${svc}`,
      `${r.pick(['Diagnosis', 'Dx', 'Reason'])}: ${problem}`,
      r.pick([
        '[X] Evaluate and treat   [ ] Evaluate only',
        'Evaluate and treat',
        '[X] Assess  [X] Treat  [ ] Equipment',
        `Frequency: ${r.int(1, 3)}x/week for ${r.int(4, 12)} weeks`,
        `Services: ${r.some(['assessment', 'education', 'exercise program', 'gait training', 'medication teaching', 'caregiver support'], 2).join(', ')}`,
      ]),
      r.chance(0.5) &&
        `${r.pick(['Goals', 'Expected outcome'])}: ${r.pick(['improve independence', 'reduce falls', 'safe swallow', 'symptom control at home', 'better glucose control'])}`,
      r.chance(0.5) && `Precautions: ${r.pick(['none', 'fall risk', 'weight bearing as tolerated', 'oxygen 2 L'])}`,
      `${r.pick(['Ordering provider', 'Referring clinician', 'Requested by'])}: ${me}   ${r.pick(['Signature on file', 'Date: ' + fmtDate(r, randomDate(r)), 'NPI ' + r.int(1000000000, 1999999999)])}`,
    )
  }
  if (kind === 2)
    // e-mail or portal message to an intake team
    return lines(
      `${r.pick(['From', 'Sender'])}: ${me}`,
      `${r.pick(['To', 'Recipient'])}: ${r.pick([`${cap(spec)} intake`, to, `${cap(spec)} referrals inbox`])}`,
      `${r.pick(['Subject', 'Re'])}: ${r.pick(['new referral', 'referral request', 'please book', 'urgent referral', 'request for appointment'])} - ${problem}`,
      `${pt.full}, ${age}${r.pick(['F', 'M', ' y/o'])}. ${background}`,
      `${r.pick(['Requesting', 'Asking for', 'Please arrange'])} ${r.pick(['evaluation', 'an appointment', 'assessment and management', 'specialist review'])} ${r.pick(['within 2 weeks', 'at the next available slot', 'as soon as possible', 'routinely'])}.`,
      r.chance(0.5) && `Insurance: ${r.pick(['Medicaid', 'Medicare', 'commercial, authorization attached', 'self-pay'])}`,
      r.chance(0.5) && `Attached: ${r.some(['office note', 'labs', 'imaging', 'medication list'], 2).join(', ')}`,
      me,
    )
  if (kind === 3)
    // structured referral sheet
    return lines(
      r.pick([
        'Referral',
        'REFERRAL',
        'Specialist Referral Sheet',
        'Request for Consultation',
        'Consultation Request Form',
        'Transfer of Care Request',
        '',
      ]),
      `${r.pick(['From', 'Referring'])}: ${me}, ${clinicName(r)}`,
      `${r.pick(['To', 'Referred to', 'Consultant requested'])}: ${r.chance(0.5) ? to : cap(spec)}`,
      patientLine(r, pt.full) || `Patient: ${pt.full}`,
      ...r.shuffle([
        `${r.pick(['Reason', 'Question for consultant', 'Reason for referral', 'What I am asking'])}: ${problem}`,
        `${r.pick(['Background', 'History', 'Clinical summary'])}: ${background}`,
        `${r.pick(['Urgency', 'Priority', 'Timeframe'])}: ${urgency}`,
      ]),
      meds,
      r.chance(0.5) &&
        r.pick([
          'Patient aware of referral: yes',
          'Interpreter needed: no',
          'Please send your report to the referring clinician.',
          'Patient agrees to the referral.',
        ]),
    )
  if (kind === 4)
    // short handwritten-style note
    return lines(
      r.chance(0.5) && clinicName(r),
      r.pick([`To ${to}:`, `${cap(spec)} -`, 'Re referral:', '']),
      `${r.pick(['Pls see', 'Please see', 'Kindly see', 'Please review'])} ${pt.full}${r.chance(0.5) ? ` (${age})` : ''} - ${problem}. ${r.pick(WHYS)}`,
      r.pick(['Thanks.', 'Thank you.', 'Many thanks.', '']),
      me,
    )
  if (kind === 5)
    // hospital discharge team asking community services to take over
    return lines(
      r.chance(0.6) && letterhead(r, hospitalName(r)),
      r.pick(['Community Referral', 'Post-Discharge Referral', 'Referral to Community Services', 'Transition of Care Referral']),
      `${r.pick(['Patient', 'Name'])}: ${pt.full}   ${r.pick(['Discharge date', 'Leaving hospital'])}: ${fmtDate(r, randomDate(r))}`,
      `${r.pick(['Referred to', 'Service'])}: ${r.pick(SERVICES)}`,
      `${r.pick(['Needs', 'Reason'])}: ${r.pick(['help with medications', 'dressing changes', 'mobility after surgery', 'oxygen at home', 'daily weights and education', 'pain and symptom control'])}`,
      `${r.pick(['Start', 'First visit requested'])}: ${r.pick(['within 48 hours', 'day after discharge', 'this week'])}`,
      `${r.pick(['Referrer', 'Discharge planner', 'Contact'])}: ${me}`,
    )
  // specialist asking another specialist
  return lines(
    r.chance(0.6) && letterhead(r, r.chance(0.5) ? hospitalName(r) : clinicName(r)),
    r.chance(0.6) && fmtDate(r, randomDate(r)),
    `${r.pick(['Dear', 'Dear Dr.'])} ${to.replace('Dr. ', '')},`,
    `${r.pick(['I would be grateful for your', 'May I ask for your', 'I would appreciate your', 'I am writing to ask for your'])} ${r.pick(['surgical opinion', 'help', 'expert advice', 'assessment'])} on ${pt.full}, ${r.pick(['whom I see in', 'a patient of our', 'who attends the'])} ${r.pick(SPECIALTIES)} clinic.`,
    background,
    r.pick([
      `${cap(p.he)} is keen to be seen.`,
      `${cap(p.he)} understands why I am asking.`,
      'The relevant reports are enclosed.',
      'I would be happy to discuss.',
    ]),
    r.pick(['With thanks,', 'Best wishes,', 'Warm regards,']),
    me,
  )
}
