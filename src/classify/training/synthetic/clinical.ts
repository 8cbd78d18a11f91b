/**
 * Synthetic clinical notes: history and physical, referral letters, emergency reports and
 * hospital notices, and (fewer) consults, progress notes, discharge summaries and imaging
 * reports. All are built from the same phrase pools, so writing style does not give the
 * type away; the type shows in the parts that make it that type.
 */
import type { Rng } from '../../rng.js'
import {
  ALLERGIES,
  COMPLAINTS,
  CONDITIONS,
  EXAM,
  FAMILY_HX,
  MEDS,
  ROS,
  SOCIAL,
  addDays,
  age,
  clinicName,
  drName,
  fmtDate,
  hospitalName,
  hpi,
  imagingName,
  letterhead,
  personName,
  plans,
  providerName,
  randomDate,
  time,
  vitals,
} from './pools.js'

type Section = [heading: string, body: string]

/** Lays sections out one per line, or run together the way the corpus stores them. */
function layout(r: Rng, sections: Section[]): string {
  const style = r.int(0, 5)
  const sep = r.pick([':', ':', ' -', ':'])
  return sections
    .filter(([, b]) => b.trim().length > 0)
    .map(([h, b]) => {
      const head = style === 4 ? h.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\B\w/g, (c) => c.toLowerCase()) : h.toUpperCase()
      if (style === 0) return `${head}${sep},  ${b.replace(/\n/g, ' ')}`
      if (style === 1) return `${head}${sep}\n${b}`
      return `${head}${sep} ${b}`
    })
    .join(style === 0 ? ',' : r.pick(['\n', '\n\n']))
}

const pronoun = (r: Rng): string => r.pick(['He', 'She', 'The patient'])

function pmh(r: Rng): string {
  return r
    .some(CONDITIONS, r.int(1, 5))
    .map((c, i) => (r.chance(0.4) ? `${i + 1}. ${c[0]!.toUpperCase()}${c.slice(1)}.` : c))
    .join(r.chance(0.5) ? ' ' : ', ')
}
function meds(r: Rng): string {
  return r.chance(0.1) ? 'None.' : r.some(MEDS, r.int(1, 6)).join(r.pick([', ', '; ', '\n']))
}
function ros(r: Rng): string {
  return r.chance(0.15) ? 'Negative except as noted in the HPI.' : r.some(ROS, r.int(3, 10)).join(' ')
}
function exam(r: Rng): string {
  return [`Vital signs: ${vitals(r)}`, ...r.some(EXAM, r.int(3, 9))].join(r.pick([' ', '\n']))
}
function assessment(r: Rng, complaint: string): string {
  const dx = [
    r.pick([
      complaint,
      `${complaint}, likely ${r.pick(['viral', 'musculoskeletal', 'gastroenteritis', 'cardiac in origin', 'multifactorial'])}`,
    ]),
    ...r.some(CONDITIONS, r.int(0, 3)),
  ]
  return dx.map((d, i) => `${i + 1}. ${d[0]!.toUpperCase()}${d.slice(1)}.`).join(' ')
}
function labsLine(r: Rng): string {
  return r.pick([
    `White count ${(4 + r.next() * 14).toFixed(1)}, hemoglobin ${(8 + r.next() * 8).toFixed(1)}, platelets ${r.int(90, 450)}. Sodium ${r.int(128, 146)}, potassium ${(3 + r.next() * 2.4).toFixed(1)}, creatinine ${(0.6 + r.next() * 2).toFixed(1)}.`,
    `Troponin ${r.pick(['negative', 'less than 0.01', 'mildly elevated at 0.08'])}. BNP ${r.int(20, 1800)}. Glucose ${r.int(80, 480)}.`,
    `Urinalysis ${r.pick(['negative', 'positive for leukocyte esterase and nitrites', 'with trace protein'])}. Chest x-ray ${r.pick(['clear', 'with a right lower lobe infiltrate', 'showing mild cardiomegaly'])}.`,
    `EKG shows ${r.pick(['normal sinus rhythm', 'sinus tachycardia', 'atrial fibrillation with rapid ventricular response', 'no acute ST changes'])}.`,
  ])
}

// ---------------------------------------------------------------- history and physical

export function historyAndPhysical(r: Rng): string {
  const complaint = r.pick(COMPLAINTS)
  const admit = r.chance(0.6)
  const d = randomDate(r)
  const title = r.pick([
    'HISTORY AND PHYSICAL',
    'History and Physical Examination',
    'ADMISSION HISTORY AND PHYSICAL',
    'H&P',
    'HISTORY & PHYSICAL',
    'Preoperative History and Physical',
    'ADMISSION H&P',
    'Admission Note',
  ])
  const sections: Section[] = [
    ['Date of admission', admit && r.chance(0.5) ? fmtDate(r, d) : ''],
    ['Chief complaint', complaint[0]!.toUpperCase() + complaint.slice(1) + '.'],
    [r.pick(['History of present illness', 'HPI', 'Present illness']), hpi(r, complaint, admit ? 'admit' : 'clinic')],
    [r.pick(['Past medical history', 'PMH']), pmh(r)],
    [
      'Past surgical history',
      r.pick([
        'Appendectomy.',
        'Cholecystectomy in 2010.',
        'None.',
        'Cesarean section x2.',
        'Right knee arthroscopy.',
        'Coronary artery bypass grafting in 2015.',
      ]),
    ],
    [r.pick(['Medications', 'Current medications', 'Home medications']), meds(r)],
    ['Allergies', r.pick(ALLERGIES)],
    ['Social history', r.pick(SOCIAL)],
    ['Family history', r.pick(FAMILY_HX)],
    [r.pick(['Review of systems', 'ROS']), ros(r)],
    [r.pick(['Physical examination', 'Physical exam', 'Examination']), exam(r)],
    [r.pick(['Laboratory data', 'Labs', 'Diagnostic data']), r.chance(0.6) ? labsLine(r) : ''],
    [r.pick(['Assessment', 'Impression', 'Assessment and plan']), assessment(r, complaint)],
    [
      'Plan',
      [
        admit
          ? r.pick(['Admit to medical floor.', 'Admit to telemetry for observation.', 'Admit to the hospitalist service.', 'Admit to ICU.'])
          : '',
        ...plans(r, r.int(2, 5)),
        admit ? r.pick(['DVT prophylaxis with heparin.', 'Code status: Full code.', 'Will obtain old records.']) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ],
  ]
  return [r.chance(0.85) ? title : '', layout(r, sections)].filter(Boolean).join('\n')
}

// ---------------------------------------------------------------- referral letters and forms

/**
 * A letter between clinicians. `reply` false: one that asks for a visit (or a referral form);
 * true: one written after the visit, back to the clinician who asked (a consult letter).
 */
export function referralLetter(r: Rng, reply = false): string {
  const complaint = r.pick(COMPLAINTS)
  const to = drName(r)
  const from = providerName(r)
  const p = personName(r)
  const d = randomDate(r)
  const spec = r.pick([
    'cardiology',
    'gastroenterology',
    'orthopedics',
    'neurology',
    'endocrinology',
    'pulmonology',
    'dermatology',
    'rheumatology',
    'nephrology',
    'urology',
    'behavioral health',
    'podiatry',
  ])
  const kind = reply ? r.pick([1, 2]) : r.pick([0, 3])
  if (kind === 3) {
    // referral form
    return [
      r.chance(0.7) ? letterhead(r, clinicName(r)) : clinicName(r),
      '',
      r.pick(['REFERRAL FORM', 'Referral Request', 'OUTGOING REFERRAL', 'Specialty Referral', 'REFERRAL / REQUEST FOR CONSULTATION']),
      `Date: ${fmtDate(r, d)}`,
      `Patient: ${p.full}   DOB: ${fmtDate(r, randomDate(r, 1935, 2020), 0)}   Phone: ${r.int(200, 999)}-${r.int(200, 999)}-${r.int(1000, 9999)}`,
      `Insurance: ${r.pick(['Medicaid', 'Medicare', 'Self-pay / sliding fee', 'BlueCross PPO', 'Molina'])}`,
      `${r.pick(['Referring Provider', 'Referred by', 'From'])}: ${from}   NPI: ${r.int(1000000000, 1999999999)}`,
      `${r.pick(['Referred to', 'Specialist', 'To'])}: ${to}, ${spec[0]!.toUpperCase()}${spec.slice(1)}`,
      `${r.pick(['Reason for referral', 'Reason for consultation requested', 'Referral reason'])}: ${r.pick([`Evaluation and management of ${complaint}.`, `${r.pick(CONDITIONS)}, not at goal despite treatment.`, `Abnormal ${r.pick(['EKG', 'colon cancer screening', 'renal function', 'thyroid ultrasound'])}.`])}`,
      `Diagnosis / ICD-10: ${r.pick(['I10', 'E11.65', 'R07.9', 'K21.9', 'M17.11', 'N18.3', 'R10.31', 'G43.909'])}`,
      `${r.pick(['Urgency', 'Priority'])}: ${r.pick(['[X] Routine  [ ] Urgent', '[ ] Routine  [X] Urgent (within 1 week)', 'Routine', 'URGENT', 'STAT'])}`,
      `${r.pick(['Pertinent history', 'Clinical history', 'Relevant history'])}: ${hpi(r, complaint, 'clinic')} Past history of ${pmh(r)}. Current medications: ${meds(r).replace(/\n/g, ', ')}.`,
      r.chance(0.6)
        ? `Attachments: ${r.some(['recent office note', 'lab results', 'imaging report', 'medication list', 'EKG tracing'], 2).join(', ')}`
        : '',
      r.chance(0.5) ? 'Please send consult note to the referring provider.' : '',
      r.chance(0.5) ? `Referral coordinator: ${personName(r).full}  Phone ${r.int(200, 999)}-${r.int(200, 999)}-${r.int(1000, 9999)}` : '',
    ].join('\n')
  }
  const opening =
    kind === 0
      ? r.pick([
          `I am referring ${p.full}, a ${age(r)}-year-old patient of mine, for ${spec} evaluation of ${complaint}.`,
          `Thank you for seeing ${p.full} in consultation regarding ${complaint}.`,
          `I would appreciate your evaluation of my patient ${p.full} for ${r.pick(CONDITIONS)}.`,
          `This letter is an introduction to my patient, ${p.full}, who you will be seeing in the near future for ${complaint}.`,
        ])
      : kind === 1
        ? r.pick([
            `I had the pleasure of seeing your patient, ${p.full}, today in ${spec} consultation.`,
            `Thank you for referring ${p.full}, whom I saw in the office on ${fmtDate(r, d, 2)}.`,
            `We had the pleasure of seeing ${p.full} in the clinic today. As you know, ${r.pick(['she', 'he'])} was referred for ${complaint}.`,
          ])
        : r.pick([
            `${p.full} was seen in follow-up today. I wanted to update you on ${r.pick(['her', 'his'])} progress.`,
            `I am writing to let you know that ${p.full} has been under my care for ${r.pick(CONDITIONS)}.`,
          ])
  const body = [
    hpi(r, complaint, 'letter'),
    r.chance(0.6)
      ? `${pronoun(r)} has a past history of ${r.some(CONDITIONS, r.int(1, 3)).join(', ')}. Current medications include ${r.some(MEDS, r.int(1, 4)).join(', ')}.`
      : '',
    r.chance(0.5) ? `On examination, ${r.some(EXAM, 2).join(' ').toLowerCase()}` : '',
    r.chance(0.4) ? labsLine(r) : '',
    kind === 0
      ? r.pick([
          `I would appreciate your opinion regarding further management${r.chance(0.5) ? ', and whether additional testing is warranted' : ''}.`,
          `Please evaluate and treat as you see fit. The referral is ${r.pick(['routine', 'urgent', 'semi-urgent'])}.`,
          `I have asked ${r.pick(['her', 'him'])} to bring ${r.pick(['her', 'his'])} recent records to the appointment.`,
        ])
      : r.pick([
          `My impression is ${r.pick(CONDITIONS)}. I have recommended ${plans(r, 2).join(' ').toLowerCase()}`,
          `I have recommended ${r.pick(['a trial of physical therapy', 'an MRI', 'a medication change', 'a sleep study', 'an upper endoscopy'])} and will see ${r.pick(['her', 'him'])} back in ${r.pick(['four weeks', 'three months', 'six weeks'])}.`,
        ]),
  ].filter(Boolean)
  const closing = r.pick([
    'Thank you for allowing me to participate in the care of this patient.',
    'Thank you for seeing this patient.',
    'Please do not hesitate to contact me with any questions.',
    'Thank you for this referral.',
    'I will keep you informed of any changes.',
  ])
  return [
    r.chance(0.7) ? letterhead(r) : '',
    '',
    fmtDate(r, d, 2),
    '',
    r.chance(0.6)
      ? `${to}\n${r.chance(0.5) ? clinicName(r) : hospitalName(r)}\n${r.int(10, 9000)} ${r.pick(['Main St', 'Oak Avenue', 'Medical Park Dr'])}`
      : '',
    '',
    `${r.pick(['RE', 'Re', 'RE:', 'Regarding'])}${r.chance(0.5) ? ':' : ''} ${p.full}${r.chance(0.6) ? `   DOB: ${fmtDate(r, randomDate(r, 1935, 2020), 0)}` : ''}`,
    '',
    `${r.pick(['Dear', 'Dear Dr.'])} ${r.chance(0.5) ? to.replace(/^Dr\. /, r.pick(['Dr. ', ''])) : r.pick(['Doctor', 'Colleague'])}:`.replace(
      'Dr. Dr.',
      'Dr.',
    ),
    '',
    opening,
    '',
    ...body,
    '',
    closing,
    '',
    r.pick(['Sincerely,', 'Sincerely yours,', 'Best regards,', 'Yours truly,', 'Kind regards,']),
    '',
    from,
    r.chance(0.5) ? `cc: ${drName(r)}` : '',
  ].join('\n')
}

// ---------------------------------------------------------------- emergency reports and hospital notices

export function emergencyReport(r: Rng): string {
  const complaint = r.pick(COMPLAINTS)
  const d = randomDate(r)
  const hosp = hospitalName(r)
  if (r.chance(0.3)) {
    // a short notice of an ED visit or admission, as hospitals send to the primary care clinic
    const p = personName(r)
    const admitted = r.chance(0.4)
    return [
      hosp,
      r.pick([
        'EMERGENCY DEPARTMENT VISIT NOTIFICATION',
        'Notice of Emergency Department Visit',
        'ED Visit Notification',
        'HOSPITAL ADMISSION NOTIFICATION',
        'Admission/Discharge/Transfer Alert',
        'ER Visit Summary',
        'Emergency Department Discharge Summary',
      ]),
      `Date: ${fmtDate(r, d)}`,
      `To: ${r.pick(['Primary Care Provider', clinicName(r), providerName(r)])}`,
      `Patient: ${p.full}   DOB: ${fmtDate(r, randomDate(r, 1935, 2020), 0)}   ${r.chance(0.5) ? `MRN: ${r.int(100000, 9999999)}` : ''}`,
      `${r.pick(['Arrival', 'Arrival date/time', 'Visit date', 'Date of visit'])}: ${fmtDate(r, d, 0)} ${time(r)}   ${r.chance(0.6) ? `Mode of arrival: ${r.pick(['Ambulance', 'Walk-in', 'Private vehicle', 'EMS'])}` : ''}`,
      `${r.pick(['Chief complaint', 'Reason for visit', 'Presenting complaint'])}: ${complaint}`,
      r.chance(0.6) ? `Triage acuity (ESI): ${r.int(1, 5)}` : '',
      r.chance(0.7) ? `${r.pick(['Diagnosis', 'ED diagnosis', 'Final diagnosis'])}: ${r.pick([complaint, ...CONDITIONS])}` : '',
      `${r.pick(['Disposition', 'Discharge disposition'])}: ${admitted ? `Admitted to ${r.pick(['medicine', 'telemetry', 'ICU', 'surgery', 'observation'])}` : r.pick(['Discharged home', 'Discharged home with instructions', 'Transferred to ' + hospitalName(r), 'Left without being seen', 'Left against medical advice'])}`,
      r.chance(0.6) ? `ED provider: ${providerName(r)}` : '',
      r.chance(0.6)
        ? `Follow-up: ${r.pick(['with primary care in 2-3 days', 'with PCP within one week', 'as needed', 'with cardiology'])}`
        : '',
      r.chance(0.5)
        ? `Records to follow: ${r.some(['ED provider note', 'lab results', 'imaging reports', 'discharge summary'], 2).join(', ')}`
        : '',
      r.chance(0.4) ? 'This notification is sent to the primary care provider on file to support care coordination.' : '',
    ]
      .filter(Boolean)
      .join('\n')
  }
  const sections: Section[] = [
    [r.pick(['Date of service', 'Date of visit', 'Arrival']), r.chance(0.5) ? `${fmtDate(r, d)} ${time(r)}` : ''],
    [r.pick(['Chief complaint', 'Reason for visit']), complaint[0]!.toUpperCase() + complaint.slice(1) + '.'],
    [
      r.pick(['Triage', 'Triage note']),
      r.chance(0.4) ? `ESI level ${r.int(2, 4)}. Arrived by ${r.pick(['ambulance', 'private vehicle', 'EMS'])}. ${vitals(r)}` : '',
    ],
    [r.pick(['History of present illness', 'HPI', 'History']), hpi(r, complaint, 'ed')],
    [r.pick(['Past medical history', 'PMH']), pmh(r)],
    ['Medications', meds(r)],
    ['Allergies', r.pick(ALLERGIES)],
    ['Social history', r.chance(0.7) ? r.pick(SOCIAL) : ''],
    [r.pick(['Review of systems', 'ROS']), r.chance(0.7) ? ros(r) : ''],
    [r.pick(['Physical examination', 'Physical exam']), exam(r)],
    [
      r.pick(['ED course', 'Emergency department course', 'ER course', 'Medical decision making', 'MDM']),
      `${labsLine(r)} ${r.pick(['The patient was given', 'Treated with', 'In the emergency department, received'])} ${r.pick(['IV fluids', 'morphine 4 mg IV', 'ondansetron 4 mg IV', 'albuterol nebulizer treatments', 'ketorolac 30 mg IM', 'aspirin 325 mg', 'ceftriaxone 1 g IV'])} with ${r.pick(['improvement', 'good relief', 'some improvement', 'resolution of symptoms'])}.`,
    ],
    [r.pick(['Diagnosis', 'Impression', 'Clinical impression', 'Final diagnosis']), assessment(r, complaint)],
    [
      r.pick(['Disposition', 'Plan']),
      r.pick([
        'Discharged home in stable condition.',
        `Admitted to ${r.pick(['the hospitalist service', 'telemetry', 'the ICU', 'general surgery'])}.`,
        'Discharged home with instructions to follow up with primary care in 2 to 3 days.',
        'Transferred to a tertiary care center.',
        'Observation unit.',
      ]),
    ],
    ['Condition', r.chance(0.5) ? r.pick(['Stable.', 'Improved.', 'Good.', 'Fair.']) : ''],
  ]
  const title = r.pick([
    'EMERGENCY DEPARTMENT REPORT',
    'Emergency Room Record',
    'ED PROVIDER NOTE',
    'EMERGENCY PHYSICIAN RECORD',
    'ER Report',
    'Emergency Department Visit',
    'ED Note',
  ])
  return [r.chance(0.8) ? title : '', layout(r, sections)].filter(Boolean).join('\n')
}

// ---------------------------------------------------------------- types the corpus has, in the same style

export function consultNote(r: Rng): string {
  const complaint = r.pick(COMPLAINTS)
  const sections: Section[] = [
    ['Date of consultation', r.chance(0.4) ? fmtDate(r, randomDate(r)) : ''],
    [r.pick(['Requesting physician', 'Referring physician', 'Consulting physician']), r.chance(0.6) ? drName(r) : ''],
    [
      r.pick(['Reason for consultation', 'Reason for consult']),
      r.pick([
        `Evaluation of ${complaint}.`,
        `${r.pick(CONDITIONS)}.`,
        `Abnormal ${r.pick(['liver function tests', 'EKG', 'kidney function', 'chest CT'])}.`,
      ]),
    ],
    [r.pick(['History of present illness', 'HPI']), hpi(r, complaint, 'consult')],
    ['Past medical history', pmh(r)],
    ['Medications', meds(r)],
    ['Allergies', r.pick(ALLERGIES)],
    ['Social history', r.pick(SOCIAL)],
    ['Family history', r.chance(0.6) ? r.pick(FAMILY_HX) : ''],
    ['Review of systems', r.chance(0.6) ? ros(r) : ''],
    ['Physical examination', exam(r)],
    [r.pick(['Impression', 'Assessment']), assessment(r, complaint)],
    [
      r.pick(['Recommendations', 'Plan', 'Recommendations and plan']),
      plans(r, r.int(2, 5)).join(' ') +
        ` ${r.pick(['We will follow along with you.', 'Thank you for this consultation.', 'We will sign off; please call with questions.', 'I will see the patient again in follow-up.'])}`,
    ],
  ]
  return [
    r.chance(0.7)
      ? r.pick(['CONSULTATION', 'CONSULTATION NOTE', 'Consultation Report', 'INPATIENT CONSULTATION', 'New Patient Consultation'])
      : '',
    layout(r, sections),
  ]
    .filter(Boolean)
    .join('\n')
}

export function progressNote(r: Rng): string {
  const complaint = r.pick(COMPLAINTS)
  const soap = r.chance(0.6)
  const sections: Section[] = soap
    ? [
        [
          'Subjective',
          `${hpi(r, complaint, 'clinic')} ${r.pick(['Here for follow-up.', 'Returns for a recheck.', 'Since last visit, doing better.', ''])}`,
        ],
        ['Objective', exam(r)],
        ['Assessment', assessment(r, complaint)],
        ['Plan', plans(r, r.int(2, 5)).join(' ')],
      ]
    : [
        ['Chief complaint', `Follow-up of ${r.pick(CONDITIONS)}.`],
        [
          'Interval history',
          `${pronoun(r)} ${r.pick(['returns for follow-up', 'comes in for a recheck', 'is seen for routine follow-up'])}. ${hpi(r, complaint, 'clinic')}`,
        ],
        ['Medications', meds(r)],
        ['Exam', exam(r)],
        ['Assessment and plan', `${assessment(r, complaint)} ${plans(r, r.int(2, 4)).join(' ')}`],
      ]
  return [
    r.chance(0.6) ? r.pick(['PROGRESS NOTE', 'Office Visit', 'CLINIC NOTE', 'Follow-up Visit', 'SOAP NOTE']) : '',
    layout(r, sections),
  ]
    .filter(Boolean)
    .join('\n')
}

export function dischargeSummary(r: Rng): string {
  const complaint = r.pick(COMPLAINTS)
  const a = randomDate(r)
  const sections: Section[] = [
    ['Date of admission', fmtDate(r, a)],
    ['Date of discharge', fmtDate(r, addDays(a, r.int(1, 12)))],
    [r.pick(['Admitting diagnosis', 'Reason for admission']), complaint],
    [r.pick(['Discharge diagnoses', 'Discharge diagnosis', 'Final diagnoses']), assessment(r, complaint)],
    [
      r.pick(['Procedures', 'Procedures performed']),
      r.pick([
        'None.',
        'Upper endoscopy.',
        'Cardiac catheterization.',
        'Transfusion of 2 units packed red blood cells.',
        'Lumbar puncture.',
      ]),
    ],
    [
      'Hospital course',
      `${hpi(r, complaint, 'admit')} ${labsLine(r)} ${r.pick(['The patient was treated with IV antibiotics and improved.', 'Symptoms resolved with supportive care.', 'The patient was diuresed with IV furosemide with improvement.', 'Insulin regimen was adjusted.'])}`,
    ],
    [
      r.pick(['Condition at discharge', 'Condition on discharge', 'Discharge condition']),
      r.pick(['Stable.', 'Improved.', 'Good.', 'Fair.']),
    ],
    [r.pick(['Discharge medications', 'Medications on discharge']), meds(r)],
    [
      r.pick(['Disposition', 'Discharge disposition']),
      r.pick(['Home.', 'Home with home health.', 'Skilled nursing facility.', 'Rehabilitation facility.']),
    ],
    [
      r.pick(['Discharge instructions', 'Instructions']),
      r.pick([
        'Low-sodium diet. Activity as tolerated.',
        'Diabetic diet. Check blood sugars twice daily.',
        'Return to the emergency department for chest pain or shortness of breath.',
      ]),
    ],
    [r.pick(['Follow-up', 'Follow up']), `With ${drName(r)} in ${r.pick(['one week', 'two weeks', '3-5 days'])}.`],
  ]
  return [r.chance(0.8) ? r.pick(['DISCHARGE SUMMARY', 'Discharge Summary', 'HOSPITAL DISCHARGE SUMMARY']) : '', layout(r, sections)]
    .filter(Boolean)
    .join('\n')
}

export function radiologyReport(r: Rng): string {
  const exam = r.pick([
    'XR CHEST 2 VIEWS',
    'CT HEAD WITHOUT CONTRAST',
    'CT ABDOMEN AND PELVIS WITH CONTRAST',
    'MRI LUMBAR SPINE WITHOUT CONTRAST',
    'US ABDOMEN COMPLETE',
    'XR RIGHT KNEE 3 VIEWS',
    'SCREENING MAMMOGRAM BILATERAL',
    'US PELVIS TRANSVAGINAL',
    'DEXA BONE DENSITY',
    'CT CHEST PULMONARY ANGIOGRAM',
  ])
  const d = randomDate(r)
  const sections: Section[] = [
    ['Exam', `${exam}${r.chance(0.5) ? `   Date: ${fmtDate(r, d)}` : ''}`],
    [r.pick(['Clinical indication', 'Indication', 'History', 'Reason for exam']), r.pick(COMPLAINTS)],
    ['Comparison', r.pick(['None.', `Prior study dated ${fmtDate(r, addDays(d, -r.int(30, 900)), 0)}.`, 'No prior studies available.'])],
    [
      'Technique',
      r.chance(0.7)
        ? r.pick([
            'PA and lateral views of the chest.',
            'Axial images were obtained without contrast.',
            'Multiplanar multisequence imaging was performed.',
            'Real-time grayscale and color Doppler images were obtained.',
          ])
        : '',
    ],
    [
      'Findings',
      r.pick([
        'The lungs are clear. The heart size is normal. No pleural effusion or pneumothorax.',
        'No acute intracranial hemorrhage, mass effect or midline shift. Ventricles are normal in size.',
        'The liver, spleen, pancreas and kidneys are unremarkable. No free fluid. The appendix is normal.',
        'Mild degenerative disc disease at L4-L5 with a small central disc protrusion. No spinal stenosis.',
        'Gallbladder contains multiple echogenic stones without wall thickening. Common bile duct measures 4 mm.',
        'Scattered fibroglandular densities. No suspicious mass, calcification or architectural distortion.',
      ]),
    ],
    [
      'Impression',
      r.pick([
        'No acute cardiopulmonary process.',
        'No acute intracranial abnormality.',
        'Cholelithiasis without evidence of cholecystitis.',
        'BI-RADS 1: Negative.',
        'Mild degenerative changes. No acute fracture.',
        'No pulmonary embolism.',
      ]),
    ],
  ]
  return [
    r.chance(0.5) ? imagingName(r) : '',
    r.chance(0.7) ? r.pick(['RADIOLOGY REPORT', 'Diagnostic Imaging Report', 'IMAGING REPORT']) : '',
    r.chance(0.5) ? `Ordering physician: ${providerName(r)}` : '',
    layout(r, sections),
    r.chance(0.7)
      ? `${r.pick(['Interpreted by', 'Radiologist', 'Electronically signed by'])}: ${providerName(r).replace(/, .*/, ', MD')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n')
}
