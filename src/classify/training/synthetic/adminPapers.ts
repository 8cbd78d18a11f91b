/**
 * "Other" papers a records desk gets that carry clinical words without being a clinical record:
 * letters about appointments and referrals (scheduled, missed, closed), a laboratory's notice that a
 * sample could not be tested, insurance claim forms with admission and discharge dates and
 * diagnosis codes, denial and appeal letters, disability, FMLA and fitness-for-duty forms, school,
 * sports and camp forms, equipment delivery tickets, transport and travel approvals, replies to a
 * records request that send no records, patient portal messages and pharmacy notices.
 *
 * What tells them from the clinical types is what the page does (schedules, bills, approves,
 * certifies, notifies) and that it reports no findings, assessment or result; the words about the
 * patient's condition are few and second-hand. Training only; nothing here is copied from the
 * evaluation sets.
 */
import type { Rng } from '../../rng.js'
import {
  CONDITIONS,
  address,
  addDays,
  cap,
  clinicName,
  drName,
  facilityName,
  fmtDate,
  hospitalName,
  labName,
  letterhead,
  lines,
  personName,
  phone,
  providerName,
  randomDate,
  time,
} from './pools.js'

const SPECIALTIES = [
  'cardiology',
  'endocrinology',
  'gastroenterology',
  'orthopedics',
  'neurology',
  'dermatology',
  'pulmonology',
  'rheumatology',
  'urology',
  'sleep medicine',
  'physical therapy',
  'behavioral health',
  'ENT',
  'ophthalmology',
]
const PLANS = [
  'BlueCross BlueShield',
  'Aetna',
  'UnitedHealthcare',
  'Cigna',
  'Humana',
  'Molina Healthcare',
  'CareSource',
  'Ambetter',
  'Medicaid',
  'Medicare',
  'Tricare',
  'Kaiser Permanente',
  'state workers compensation fund',
]
const ICD = [
  'E11.9',
  'I10',
  'J45.909',
  'M54.5',
  'K21.9',
  'N39.0',
  'J18.9',
  'I50.9',
  'S82.101A',
  'F32.A',
  'G47.33',
  'R07.9',
  'O80',
  'Z00.00',
]
const TESTS = [
  'Comprehensive metabolic panel',
  'Hemoglobin A1c',
  'Lipid panel',
  'Urine culture',
  'Thyroid stimulating hormone',
  'Hereditary cancer gene panel',
  'Vitamin D, 25-hydroxy',
  'Complete blood count',
  'Prothrombin time/INR',
  'Lead, venous',
  'Quantitative hCG',
  'Stool occult blood',
]
const condition = (r: Rng): string => r.pick(CONDITIONS)
const who = (r: Rng): string => personName(r).full
const dob = (r: Rng): string => fmtDate(r, randomDate(r, 1935, 2020), r.int(0, 3))
const closing = (r: Rng): string =>
  lines(
    r.pick(['Sincerely,', 'Thank you,', 'Regards,', 'Best regards,', '']),
    r.pick([who(r), 'Patient Access Services', 'The Scheduling Team', 'Referral Coordinator', 'Customer Service']),
  )

/** Letters about an appointment or a referral's status: scheduled, missed, cannot reach, closed, waitlisted. */
function appointmentLetter(r: Rng): string {
  const org = r.chance(0.5) ? clinicName(r) : `${hospitalName(r)} ${cap(r.pick(SPECIALTIES))}`
  const d = randomDate(r)
  const p = personName(r)
  const referrer = r.chance(0.5) ? clinicName(r) : drName(r)
  const spec = r.pick(SPECIALTIES)
  const body = r.pick([
    `We received a referral from ${referrer} for you to be seen in ${spec}. We have tried to reach you by phone ${r.int(2, 3)} times without success. Please call ${phone(r)} within ${r.pick([10, 14, 30])} days to schedule; otherwise the referral will be closed and your referring provider notified.`,
    `Our records show you did not attend your ${r.pick(['new patient', 'follow-up', 'scheduled'])} appointment on ${fmtDate(r, d, 2)} at ${time(r)} with ${providerName(r)}. Please call to reschedule. After ${r.pick(['two', 'three'])} missed appointments we may be unable to continue to schedule you.`,
    `Your appointment has been scheduled: ${fmtDate(r, d, 2)} at ${time(r)} with ${providerName(r)}, ${cap(spec)}. Please arrive 20 minutes early with your photo ID, insurance card and a list of medications.`,
    `Your referral to ${spec} has been received and you have been placed on our wait list. The current wait for a new patient appointment is about ${r.int(3, 20)} weeks. We will contact you when an appointment is available.`,
    `We have closed the referral from ${referrer} because we were unable to schedule an appointment. If you still wish to be seen, please ask your provider for a new referral.`,
    `Your appointment on ${fmtDate(r, d, 2)} has been cancelled because ${r.pick(['the provider is unavailable', 'of weather', 'your insurance could not be verified', 'the clinic is closed for the holiday'])}. Please call us to choose a new time.`,
  ])
  return lines(
    r.chance(0.7) ? letterhead(r, org) : org,
    '',
    fmtDate(r, addDays(d, r.int(-20, 3)), 2),
    '',
    r.chance(0.6) && `${p.full}\n${address(r).oneLine}`,
    r.chance(0.5) &&
      `${r.pick(['RE', 'Re', 'Regarding'])}: ${r.pick(['Referral status', 'Missed appointment', 'Your appointment', 'Scheduling', 'Referral #' + r.int(100000, 999999)])}${r.chance(0.5) ? `   DOB ${dob(r)}` : ''}`,
    r.chance(0.4) && `Account: ${r.int(100000, 9999999)}   Referred by: ${referrer}`,
    '',
    `Dear ${r.pick([p.full, `${r.pick(['Mr.', 'Ms.', 'Mx.'])} ${p.family}`, 'Patient'])},`,
    '',
    body,
    r.chance(0.5) &&
      r.pick([
        'If you have already rescheduled, please disregard this letter.',
        'Cancellations with less than 24 hours notice count as missed appointments.',
        'Interpreter services are available at no cost.',
        'cc: referring provider',
      ]),
    '',
    closing(r),
  )
}

/** A laboratory's notice that a sample was rejected, not tested, or needs recollection: no result reported. */
function specimenNotice(r: Rng): string {
  const lab = labName(r)
  const test = r.pick(TESTS)
  const d = randomDate(r)
  return lines(
    r.chance(0.6) ? letterhead(r, lab) : lab,
    '',
    r.pick([
      'SPECIMEN REJECTION NOTICE',
      'NOTICE: TEST NOT PERFORMED',
      'Recollection Request',
      'Unable to Process Specimen',
      'Client Notification - Specimen Problem',
    ]),
    `Date: ${fmtDate(r, d)}`,
    `Ordering provider: ${providerName(r)}${r.chance(0.5) ? `, ${clinicName(r)}` : ''}`,
    `Patient: ${who(r)}   DOB: ${dob(r)}`,
    `Order #: ${r.pick(['', 'A', 'LX'])}${r.int(1000000, 99999999)}   Test ordered: ${test}`,
    `Specimen: ${r.pick(['serum', 'whole blood EDTA', 'urine', 'saliva', 'plasma', 'stool'])}, collected ${fmtDate(r, addDays(d, -r.int(1, 10)), 0)}`,
    `Reason: ${r.pick([
      'specimen received hemolyzed',
      'quantity not sufficient (QNS)',
      'specimen unlabeled or mislabeled',
      'received outside of stability window',
      'specimen too old for molecular testing',
      'wrong tube type submitted',
      'specimen leaked in transit',
      'no requisition received with specimen',
    ])}.`,
    r.pick([
      'No result has been reported for this order. Please recollect and resubmit.',
      'The test was cancelled and no charge will be made. A new specimen is needed.',
      'A replacement collection kit has been sent to the patient.',
      'Please contact client services to arrange recollection.',
    ]),
    r.chance(0.6) && `Client services: ${phone(r)}   Fax: ${phone(r)}`,
  )
}

/** Insurance claim forms (institutional and professional) with stay dates, diagnosis codes and charges. */
function claimForm(r: Rng): string {
  const admit = randomDate(r)
  const stay = r.int(1, 9)
  const rows = Array.from({ length: r.int(2, 6) }, () => {
    const amt = r.int(40, 9000)
    return `${r.pick(['0110 Room & board semi', '0250 Pharmacy', '0300 Laboratory', '0320 Radiology dx', '0450 Emergency room', '0636 Drugs detail code', '99223 Initial hospital care', '99213 Office visit', '71046 Chest x-ray', '80053 Metabolic panel', '0360 OR services'])}   ${r.int(1, 6)}   $${amt}.00`
  })
  return lines(
    r.pick([
      'UB-04 CMS-1450',
      'HEALTH INSURANCE CLAIM FORM (CMS-1500)',
      `${r.pick(PLANS)} CLAIM FORM`,
      'HOSPITAL CLAIM FOR REIMBURSEMENT',
      'Itemized Bill / Claim Detail',
      'Workers Compensation Medical Bill',
    ]),
    `${r.pick(['Billing provider', 'Facility', 'Provider'])}: ${hospitalName(r)}   ${r.pick(['NPI', 'Tax ID', 'Facility ID'])}: ${r.int(100000000, 1999999999)}`,
    `${r.pick(['Patient', 'Insured', 'Member'])}: ${who(r).toUpperCase()}   ${r.pick(['Member ID', 'Policy #', 'Insured ID'])}: ${r.int(10000000, 999999999)}`,
    r.chance(0.6) &&
      `Patient status: ${r.pick(['01 discharged home', '06 home health', '03 SNF', '02 transferred'])}   Type of bill: ${r.pick(['0111', '0131', '0121'])}`,
    `${r.pick(['Admission date', 'Statement covers period from', 'Date admitted', 'Service from'])}: ${fmtDate(r, admit, 0)}   ${r.pick(['Discharge date', 'through', 'Discharged', 'to'])}: ${fmtDate(r, addDays(admit, stay), 0)}`,
    `${r.pick(['Principal diagnosis', 'Diagnosis codes', 'ICD-10', 'Final diagnosis (for billing)'])}: ${r.some(ICD, r.int(1, 3)).join(', ')}${r.chance(0.4) ? ` (${condition(r)})` : ''}`,
    r.chance(0.4) && `Attending physician: ${providerName(r)}   NPI ${r.int(1000000000, 1999999999)}`,
    '',
    'Rev/CPT  Description   Units   Charges',
    ...rows,
    `Total charges: $${r.int(500, 60000)}.00   ${r.pick(['Amount paid', 'Prior payments', 'Estimated amount due'])}: $${r.int(0, 5000)}.00`,
    r.chance(0.5) &&
      `Certification: I certify that the information above is true and correct. Signature of ${r.pick(['billing representative', 'patient or authorized representative', 'physician'])}: ____________`,
  )
}

/** Coverage decisions: denial, appeal outcome, eligibility ended, coordination of benefits questionnaire. */
function coverageLetter(r: Rng): string {
  const plan = r.pick(PLANS)
  const d = randomDate(r)
  const svc = r.pick([
    `inpatient stay at ${hospitalName(r)}`,
    'MRI of the knee',
    'outpatient physical therapy',
    'genetic testing',
    'home oxygen',
    'brand-name medication',
    `${r.pick(SPECIALTIES)} visit`,
  ])
  return lines(
    plan,
    address(r).oneLine,
    '',
    fmtDate(r, d, 2),
    '',
    r.pick([
      'NOTICE OF ADVERSE BENEFIT DETERMINATION',
      'Appeal Decision',
      'Your Coverage Has Ended',
      'Coordination of Benefits Questionnaire',
      'Notice of Claim Denial',
      'Request for Additional Information',
    ]),
    `Member: ${who(r)}   Member ID: ${r.int(100000000, 999999999)}   ${r.chance(0.5) ? `Claim #: ${r.int(1000000000, 9999999999)}` : `Case #: ${r.int(100000, 999999)}`}`,
    `${r.pick(['Dear Member', `Dear ${who(r)}`, 'To the provider and member'])}:`,
    r.pick([
      `We reviewed the request for ${svc}. It is denied because ${r.pick(['it was not medically necessary under our criteria', 'prior authorization was not obtained', 'the service is not a covered benefit', 'you were not eligible on the date of service'])}. This decision was made by ${r.pick(['a medical director', 'a licensed reviewer', 'our utilization management staff'])}.`,
      `Your appeal about ${svc} has been ${r.pick(['upheld: the original decision stands', 'overturned: the claim will be reprocessed', 'partly approved'])}. Any payment will be sent within 30 days.`,
      `Your coverage under this plan ends ${fmtDate(r, addDays(d, 30), 2)}. You may be able to continue coverage or enroll elsewhere.`,
      'Please tell us whether you have other health insurance. Until we receive this form, claims may be pended.',
      `To finish processing the claim for ${svc} we need the itemized bill and ${r.pick(['the accident details', 'the other insurer’s explanation of benefits', 'the referring provider’s information'])}.`,
    ]),
    r.chance(0.7) &&
      `You have the right to appeal within ${r.pick([60, 180])} days. Call Member Services at ${phone(r)} (TTY 711). You may also request an external review.`,
    r.chance(0.4) && 'This is not a bill.',
    closing(r),
  )
}

/** Disability, leave, fitness-for-duty and accommodation forms filled in by a clinician. */
function certificationForm(r: Rng): string {
  const d = randomDate(r)
  const form = r.pick([
    'CERTIFICATION OF HEALTH CARE PROVIDER FOR EMPLOYEE’S SERIOUS HEALTH CONDITION (FMLA)',
    'ATTENDING PHYSICIAN STATEMENT - SHORT TERM DISABILITY',
    'Fitness for Duty Certificate',
    'Workplace Accommodation Request - Medical Information',
    'Disabled Parking Placard Application - Medical Certification',
    'Jury Duty Medical Excuse Request',
    'Certificate of Fitness for Work',
    'Commercial Driver Medical Examiner’s Certificate',
  ])
  const box = (xs: string[]): string => xs.map((x, i) => `[${i === 0 || r.chance(0.2) ? 'X' : ' '}] ${x}`).join('  ')
  return lines(
    r.chance(0.5) &&
      r.pick([
        `${r.pick(['Employer', 'Company'])}: ${r.pick(['Acme Logistics', 'County School District', 'Harbor Freight Lines', 'State Department of Revenue', 'Northside Grocers'])}`,
        r.pick(PLANS) + ' Disability Claims',
      ]),
    form,
    `${r.pick(['Employee', 'Claimant', 'Applicant', 'Name'])}: ${who(r)}   DOB: ${dob(r)}   ${r.pick(['Employee ID', 'Claim #', 'Policy #'])}: ${r.int(10000, 9999999)}`,
    `${r.pick(['Job title', 'Occupation', 'Position'])}: ${r.pick(['warehouse associate', 'teacher', 'driver', 'nurse aide', 'cashier', 'line cook', 'electrician'])}`,
    `${r.pick(['Condition (in general terms)', 'Nature of condition', 'Reason'])}: ${r.pick([condition(r), 'surgery and recovery', 'pregnancy', 'injury', 'chronic condition with flare-ups'])}`,
    `${r.pick(['Date condition began', 'First seen', 'Date of onset'])}: ${fmtDate(r, d, 0)}   ${r.pick(['Expected duration', 'Estimated return to work', 'Leave through'])}: ${fmtDate(r, addDays(d, r.int(7, 120)), 0)}`,
    box(['Continuous leave', 'Intermittent leave', 'Reduced schedule']),
    r.pick([
      `Restrictions: ${r.pick(['no lifting over 15 lb', 'no driving', 'seated work only', 'no climbing ladders', 'may work 4 hours a day'])}.`,
      `Outcome: ${box(['Fit', 'Fit with restrictions', 'Temporarily unfit', 'Unfit'])}`,
      `Frequency of flare-ups: ${r.int(1, 4)} per ${r.pick(['month', 'week'])}, lasting ${r.int(1, 3)} days each.`,
      `The employee ${r.pick(['is', 'is not'])} able to perform the essential functions of the job.`,
    ]),
    `${r.pick(['Health care provider', 'Attending physician', 'Certifying examiner'])}: ${providerName(r)}   ${r.pick(['License #', 'NPI'])}: ${r.int(100000, 1999999999)}`,
    `Signature: ____________________   Date: ${fmtDate(r, addDays(d, r.int(1, 10)), 0)}`,
    r.chance(0.5) &&
      `Return this form to ${r.pick(['Human Resources', 'the leave administrator', 'the claims office'])} by fax ${phone(r)}.`,
  )
}

/** School, sports, camp and child-care forms: clearance, medication at school, immunization compliance notices. */
function schoolForm(r: Rng): string {
  const child = personName(r)
  return lines(
    r.pick([
      `${r.pick(['Lincoln', 'Riverside', 'Oak Grove', 'Central'])} ${r.pick(['Elementary School', 'Middle School', 'High School', 'Unified School District'])}`,
      `Camp ${r.pick(['Wildwood', 'Pine Lake', 'Sunrise', 'Eagle Ridge'])}`,
      'Little Sprouts Child Care Center',
    ]),
    r.pick([
      'PRE-PARTICIPATION SPORTS CLEARANCE',
      'Camp Health Form',
      'Authorization for Medication at School',
      'Notice of Missing Immunizations - Exclusion Warning',
      'Child Care Health Report',
      'Return to School / Activity Clearance',
    ]),
    `${r.pick(['Student', 'Camper', 'Child'])}: ${child.full}   DOB: ${dob(r)}   Grade/Group: ${r.pick(['K', '3', '6', '9', '11', 'Seniors', 'Cabin 4'])}`,
    `Parent/guardian: ${who(r)}   Phone: ${phone(r)}`,
    r.pick([
      `Cleared for: [X] All sports  [ ] Limited: ________  [ ] Not cleared pending further evaluation`,
      `Medication: ${r.pick(['albuterol inhaler', 'epinephrine auto-injector', 'methylphenidate', 'cetirizine'])}   Time(s) at school: ${time(r)}   Self-carry: [X] Yes [ ] No`,
      `Our records show your child is missing ${r.pick(['the second MMR', 'Tdap', 'varicella dose 2', 'meningococcal'])}. Students without the required vaccines or an exemption by ${fmtDate(r, randomDate(r), 2)} may not attend.`,
      `Allergies: ${r.pick(['none', 'peanuts', 'bee stings', 'penicillin'])}   Dietary needs: ${r.pick(['none', 'vegetarian', 'gluten-free'])}   Swim level: ${r.pick(['beginner', 'intermediate', 'advanced'])}`,
      `May return to school/activities on ${fmtDate(r, randomDate(r), 0)}. ${r.pick(['No PE for 1 week.', 'No restrictions.', 'Elevator pass for 2 weeks.'])}`,
    ]),
    r.chance(0.6) && `Health care provider signature: ______________  ${providerName(r)}  Date: ________`,
    r.chance(0.6) && 'Parent/guardian signature: ______________  Date: ________',
    r.chance(0.4) && `Return to the ${r.pick(['school nurse', 'camp office', 'front desk'])} before the first day.`,
  )
}

/** Medical equipment delivery tickets and supply orders. */
function equipmentTicket(r: Rng): string {
  const items = r.some(
    [
      'E0601 CPAP device',
      'A7030 full face mask',
      'E0143 walker, folding, wheeled',
      'K0001 standard wheelchair',
      'E1390 oxygen concentrator',
      'E0431 portable oxygen cylinder',
      'A4253 glucose test strips, 100',
      'E0260 hospital bed, semi-electric',
      'L3908 wrist splint',
      'E0114 crutches, pair',
    ],
    r.int(1, 4),
  )
  return lines(
    `${r.pick(['Comfort', 'Premier', 'Coastal', 'Valley'])} ${r.pick(['Home Medical', 'Medical Supply', 'Respiratory Services', 'DME'])}`,
    r.pick(['DELIVERY TICKET', 'Proof of Delivery', 'Equipment Set-up Record', 'Supply Order Confirmation']),
    `Patient: ${who(r)}   DOB: ${dob(r)}   Phone: ${phone(r)}`,
    `Ordering provider: ${providerName(r)}   Insurance: ${r.pick(PLANS)} ${r.int(1000000, 99999999)}`,
    `Delivered: ${fmtDate(r, randomDate(r), 0)} ${time(r)} by ${who(r)}`,
    'Qty  Item',
    ...items.map((x) => `${r.int(1, 2)}    ${x}`),
    r.chance(0.7) &&
      r.pick([
        'Patient/caregiver instructed in use, cleaning and safety. Manuals left in home.',
        'Rental: billed monthly. Call for service 24 hours a day.',
        'Patient received the items listed above in good condition.',
      ]),
    'Received by: ____________________  Relationship: ________  Date: ______',
  )
}

/** Non-emergency transport, medical travel and lodging approvals. */
function travelApproval(r: Rng): string {
  const d = randomDate(r)
  return lines(
    r.pick([
      'Medical Travel Office',
      'Non-Emergency Medical Transportation',
      `${r.pick(PLANS)} Transportation Benefit`,
      'Patient Travel Assistance Program',
    ]),
    r.pick(['TRIP CONFIRMATION', 'Travel Approval', 'Transport Authorization', 'Ride Scheduled', 'Lodging and Travel Approval']),
    `${r.pick(['Client', 'Member', 'Rider', 'Patient'])}: ${who(r)}   DOB: ${dob(r)}   ID: ${r.int(100000, 99999999)}`,
    `Pick-up: ${fmtDate(r, d, 0)} ${time(r)} at ${address(r).oneLine}`,
    `Destination: ${r.pick([hospitalName(r), clinicName(r)])} for ${r.pick(['dialysis', 'a specialist appointment', 'follow-up visit', 'imaging', 'surgery pre-op visit'])}`,
    r.pick([
      `Return trip: ${time(r)} (will-call)`,
      `Flight: ${r.pick(['AC', 'WS', '5T'])}${r.int(100, 999)} departs ${time(r)}; hotel ${r.int(1, 4)} nights approved`,
      `Mode: ${r.pick(['wheelchair van', 'ambulatory sedan', 'stretcher van', 'bus pass'])}`,
    ]),
    r.chance(0.5) && `Escort approved: ${r.pick(['[X] Yes', '[ ] No'])}`,
    r.chance(0.6) && `To cancel or change, call ${phone(r)} at least ${r.pick([24, 48])} hours ahead.`,
  )
}

/** A reply to a records request that sends no records: none found, wrong place, authorization missing, fee due. */
function recordsReply(r: Rng): string {
  const d = randomDate(r)
  return lines(
    letterhead(r, hospitalName(r)),
    r.pick(['Health Information Management', 'Release of Information', 'Medical Records Department']),
    '',
    fmtDate(r, d, 2),
    '',
    `To: ${r.pick([clinicName(r), 'Records requester', drName(r), 'Law office of ' + who(r)])}`,
    `Re: ${who(r)}, DOB ${dob(r)}   Your request dated ${fmtDate(r, addDays(d, -r.int(3, 30)), 0)}   Ref: ROI-${r.int(10000, 999999)}`,
    '',
    r.pick([
      'We searched our records and found no record of this patient for the dates requested.',
      `We are unable to process your request because ${r.pick(['the authorization is not signed', 'the authorization has expired', 'the dates of service are missing', 'a copy of photo ID is required'])}. Please send a corrected request.`,
      `The records you asked for are held by ${hospitalName(r)}, which has its own records department. Please send your request there.`,
      `Your request has been received. The copy fee is $${r.int(6, 75)}.${r.int(10, 99)}; records will be sent when payment is received.`,
      'Records older than ten years have been destroyed under our retention schedule.',
    ]),
    r.chance(0.6) && `Questions: ${phone(r)}. Please quote the reference number above.`,
    r.chance(0.5) && 'No protected health information is enclosed with this letter.',
    closing(r),
  )
}

/** A patient's portal message about scheduling, billing, forms or paperwork, and the staff reply. */
function portalMessage(r: Rng): string {
  const p = personName(r)
  const d = randomDate(r)
  const ask = r.pick([
    'Can I move my appointment next week to the afternoon?',
    'I got a bill that I think my insurance should have paid. Can someone check?',
    'Did you receive the disability form my employer faxed?',
    'I need a copy of my shot record for my new job.',
    'My insurance changed, I uploaded the new card.',
    'Can you send my records to my new doctor?',
    'Is the referral to the specialist approved yet?',
  ])
  return lines(
    r.pick(['MyChart', 'Patient Portal', 'FollowMyHealth', 'Secure Message', 'Portal message']),
    `From: ${p.full}   To: ${r.pick(['Clinic staff', 'Front desk', 'Billing office', providerName(r) + ' team'])}`,
    `Sent: ${fmtDate(r, d)} ${time(r)}   Subject: ${r.pick(['Appointment', 'Billing question', 'Forms', 'Records', 'Referral', 'Insurance'])}`,
    '',
    ask,
    r.chance(0.3) && `Thanks, ${p.given}`,
    '',
    `${r.pick(['Reply from', 'Response:', 'Staff reply'])} ${who(r)}, ${r.pick(['patient services', 'front desk', 'billing', 'referral coordinator'])} (${fmtDate(r, addDays(d, 1), 0)}):`,
    r.pick([
      'Done, you are now at 2:40 PM the same day.',
      'I sent this to billing; they will call you within 3 business days.',
      'Yes, it is with the provider for signature.',
      'It is available to print under Health Summary.',
      'Thank you, we updated your file.',
      'The referral is still pending with your insurance.',
    ]),
  )
}

/** Pharmacy notices: recall, transfer, formulary change, ready for pickup, prior authorization needed. */
function pharmacyNotice(r: Rng): string {
  const drug = r.pick([
    'metformin ER 500 mg',
    'valsartan 160 mg',
    'insulin glargine pen',
    'levothyroxine 50 mcg',
    'montelukast 10 mg',
    'apixaban 5 mg',
  ])
  return lines(
    `${r.pick(['Walgreens', 'CVS Pharmacy', 'Rite Aid', 'Kroger Pharmacy', 'Express Scripts', 'OptumRx', 'Community Pharmacy'])}${r.chance(0.5) ? ` #${r.int(1000, 9999)}` : ''}`,
    r.pick([
      'IMPORTANT: Medication Recall Notice',
      'Formulary Change Notice',
      'Prescription Transfer Confirmation',
      'Coverage Determination Needed',
      'Your Prescription Is Ready',
      'Mail Order Shipment Notice',
    ]),
    `${r.pick(['Patient', 'Member', 'Customer'])}: ${who(r)}   DOB: ${dob(r)}`,
    `Prescriber: ${providerName(r)}`,
    r.pick([
      `The manufacturer has recalled certain lots of ${drug}. Your recent fill may be affected. Do not stop taking it before talking to your pharmacist or prescriber.`,
      `${cap(drug)} will no longer be on your plan’s formulary as of ${fmtDate(r, randomDate(r), 2)}. Covered alternatives are listed below; ask your prescriber whether one is right for you.`,
      `Your prescription for ${drug} was transferred from ${r.pick(['CVS', 'Walgreens', 'Walmart'])} on ${fmtDate(r, randomDate(r), 0)}. Refills remaining: ${r.int(0, 5)}.`,
      `Your plan requires a coverage determination for ${drug}. We have contacted your prescriber.`,
      `Your order of ${drug} shipped ${fmtDate(r, randomDate(r), 0)}. Tracking ${r.int(100000000, 999999999)}.`,
    ]),
    r.chance(0.6) && `Questions? Call ${phone(r)}.`,
  )
}

/** A facility's notice to a payer or a primary care office of an admission or discharge: dates and a reason, no clinical account. */
function stayNotification(r: Rng): string {
  const admit = randomDate(r)
  return lines(
    r.chance(0.5) ? letterhead(r, hospitalName(r)) : facilityName(r),
    r.pick([
      'ADMISSION NOTIFICATION',
      'Notice of Inpatient Admission',
      'ADT Notification',
      'Census Notice to Primary Care',
      'Emergency Visit Notification',
    ]),
    `${r.pick(['To', 'Attention'])}: ${r.pick([r.pick(PLANS) + ' utilization review', clinicName(r), 'Care management'])}   Fax ${phone(r)}`,
    `${r.pick(['Patient', 'Member'])}: ${who(r)}   DOB: ${dob(r)}   Member ID: ${r.int(10000000, 999999999)}`,
    `${r.pick(['Admit date', 'Event date', 'Arrival'])}: ${fmtDate(r, admit, 0)}   ${r.chance(0.6) ? `Discharge date: ${fmtDate(r, addDays(admit, r.int(1, 8)), 0)}` : 'Discharge date: pending'}`,
    `${r.pick(['Admitting diagnosis', 'Reason for visit', 'Dx'])}: ${r.pick(ICD)}${r.chance(0.6) ? ` ${condition(r)}` : ''}`,
    `${r.pick(['Level of care', 'Status'])}: ${r.pick(['inpatient', 'observation', 'emergency only', 'skilled nursing'])}   Attending: ${providerName(r)}`,
    r.pick([
      'Clinical information will be sent separately on request.',
      'This notice is sent for care coordination. No records are attached.',
      `Please call utilization review at ${phone(r)} with the authorization number.`,
      'Please schedule a follow-up visit within 7 days of discharge.',
    ]),
  )
}

/** One of the kinds above, each as likely as the others. */
export function adminPaper(r: Rng): string {
  return r.pick([
    appointmentLetter,
    specimenNotice,
    claimForm,
    coverageLetter,
    certificationForm,
    schoolForm,
    equipmentTicket,
    travelApproval,
    recordsReply,
    portalMessage,
    pharmacyNotice,
    stayNotification,
  ])(r)
}
