/**
 * The sections a clinical note is made of, named the same whatever a hospital calls them
 * ("HPI", "History of Present Illness", "Present illness" are all `hpi`), and the words of its
 * title block. Which sections a document has, and which come together, tell an admission H&P
 * (complaint, history, systems, exam, assessment) from an emergency record (triage, ED course,
 * disposition) or a progress note (subjective, objective) whatever their wording; the model
 * learns the weights.
 */

/** Canonical section and the headings that name it (lower case, tested against a whole heading). */
const SECTION_CLASSES: ReadonlyArray<readonly [string, RegExp]> = [
  ['complaint', /^(?:cc|chief complaints?|presenting complaints?|reason for (?:visit|admission|presentation|encounter)|complaint)$/],
  ['hpi', /^(?:hpi|history of (?:the )?present(?:ing)? illness|present(?:ing)? illness|history of presentation|presenting history)$/],
  [
    'pmh',
    /^(?:pmh|pmhx|past (?:medical|surgical|psychiatric)(?: history| hx)?|past hx|medical (?:history|hx)|past history|surgical (?:history|hx)|psh)$/,
  ],
  ['meds', /^(?:medications?|meds|current medications?|home medications?|medications? on admission|allergies)$/],
  ['social', /^(?:social history|family history|sh|fh|shx|fhx|social|family)$/],
  ['ros', /^(?:ros|review of systems?|systems review|system review)$/],
  [
    'exam',
    /^(?:pe|physical exam(?:ination)?|exam(?:ination)?|objective|vitals?|vital signs|general|heent|lungs|heart|abdomen|neuro(?:logical)?|mental status exam(?:ination)?)$/,
  ],
  [
    'assessment',
    /^(?:assessment|impression|a p|assessment and plan|assessment plan|diagnos[ie]s|clinical impression|working diagnosis|problem list|formulation)$/,
  ],
  ['plan', /^(?:plan|recommendations?|orders|plan of care|treatment plan)$/],
  ['triage', /^(?:triage|triage note|triage vitals|esi|acuity|arrival|mode of arrival|arrived by|time seen|triage assessment)$/],
  [
    'edcourse',
    /^(?:ed course|emergency department course|er course|course in (?:the )?(?:ed|er|department)|mdm|medical decision making|ed treatment|treatment in (?:the )?(?:ed|er)|clinical course)$/,
  ],
  ['disposition', /^(?:disposition|dispo|condition at discharge|discharged to|condition on departure|departure)$/],
  ['subjective', /^(?:s|subjective|interval history|interval events|overnight events|since last visit)$/],
  [
    'consultreason',
    /^(?:reason for (?:consultation|consult|referral)|consultation requested (?:by|for)|requested by|requesting (?:physician|provider|service)|referring (?:physician|provider|doctor|clinician)|referred by|consulting (?:physician|service))$/,
  ],
  [
    'staydates',
    /^(?:date of (?:admission|discharge)|(?:admission|admit|discharge) date|dates? of (?:stay|service)|admitted|discharged|length of stay|los)$/,
  ],
  ['hospcourse', /^(?:hospital course|course|brief hospital course|summary of (?:hospital )?course)$/],
  [
    'discharge',
    /^(?:discharge (?:diagnos[ie]s|medications?|instructions|condition|plan)|follow up|follow up instructions|follow up appointments?)$/,
  ],
  [
    'procedure',
    /^(?:procedures?|operations?|procedure performed|anesthesia|estimated blood loss|ebl|specimens?|drains|complications|findings|indications?|preoperative diagnosis|postoperative diagnosis)$/,
  ],
  ['imaging', /^(?:technique|comparison|clinical (?:history|indication)|exam|views)$/],
  [
    'pathology',
    /^(?:gross(?: description)?|microscopic(?: description)?|final diagnosis|diagnosis|specimen(?: source)?|clinical information)$/,
  ],
]

/** Canonical sections named by these headings (normalized, lower case), in order of first appearance. */
export function sectionClasses(headings: readonly string[]): string[] {
  const out: string[] = []
  for (const h of headings) {
    const key = h
      .replace(/[^a-z ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    for (const [name, re] of SECTION_CLASSES) {
      if (re.test(key) && !out.includes(name)) out.push(name)
    }
  }
  return out
}

/** A short line of its own that reads like a heading: capitals or Title Case, no sentence end. */
const STANDALONE_HEADING = /^[A-Z][A-Za-z/&() -]{1,40}:?$/

/** A short label that opens its line, before a colon ("PE:", "A/P:", "Systems review:"). */
const LINE_HEADING = /^([A-Za-z][A-Za-z /&()'-]{0,40}?)\s*:/

/**
 * The headings of a note's lines in reading order: a short line of its own ("CHIEF COMPLAINT",
 * "Hospital Course") or a short label that opens a line ("PE:", "A/P:"), lower case.
 */
export function lineHeadings(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const l of lines) {
    const h = STANDALONE_HEADING.test(l) ? l.replace(/:$/, '') : LINE_HEADING.exec(l)?.[1]
    if (h && h.split(/\s+/).length <= 6) out.push(h.toLowerCase())
  }
  return out
}

/**
 * What the running text says about the encounter, whatever its headings: who asked for it, a
 * hospital stay with its dates, a return visit, an emergency department, a first encounter. A
 * consult answers a request; a discharge summary spans a stay; a progress note continues earlier
 * visits; an ED record has an arrival and a disposition; an H&P opens a stay or a first visit.
 */
const ENCOUNTER_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'asked',
    /\b(?:thanks?(?: you)?(?: very much)?(?: kindly)? for (?:referring|asking|allowing|involving|the (?:kind )?referral|this (?:kind )?(?:referral|consult\w*))|(?:asked|requested)(?: by [^.\n]{1,60}?)? to (?:see|evaluate|assess|consult)|reason for (?:consultation|consult|referral)\b|consult(?:ation)? (?:was )?requested|requesting (?:physician|provider|service|clinician)|referring (?:physician|provider|doctor|clinician)|(?:is|was) referred (?:to (?:us|me|our \w+) )?(?:by|for)|in consultation)/i,
  ],
  [
    'stay',
    /\b(?:date of (?:admission|discharge)|(?:admission|admit|discharge) date|(?:admitted|discharged) on|length of stay|hospital day|(?:brief )?hospital course|during (?:his|her|their|the|this) (?:hospital )?(?:stay|admission|hospitalization)|days? in (?:the )?hospital)\b/i,
  ],
  [
    'leaving',
    /\b(?:discharge (?:medications?|meds|instructions|diagnos[ie]s|disposition|condition|plan)|discharged (?:home|to)|condition (?:at|on|upon) discharge|medications? (?:at|on) discharge|going home|sent home)\b/i,
  ],
  [
    'return',
    /\b(?:returns?(?: today| to (?:the )?(?:clinic|office))? (?:for|in) (?:a |her |his |their )?(?:follow|recheck|re-?evaluation|review)|(?:here|seen|presents|comes? in|came in|back) (?:today )?for (?:a |her |his |their )?(?:follow|recheck|routine)|since (?:the|his|her|their|our|my) last (?:visit|appointment|encounter)|(?:interval|overnight) (?:history|events)|last seen (?:on|in|here)|at (?:the|her|his|their) last visit|continues? to (?:do well|improve)|post-?op(?:erative)? (?:visit|check|day))\b/i,
  ],
  [
    'ed',
    /\b(?:triage|ed course|er course|emergency (?:department|room) course|urgent care|walk-in clinic|time (?:in|of arrival|seen)|in \d{1,2}:?\d{2}\s+out \d{1,2}:?\d{2}|arrived (?:by|via)|brought (?:in )?by (?:ems|ambulance|paramedics|emergency)|mode of arrival|esi (?:level )?\d|presents? to (?:the )?(?:emergency|ed|er)\b|(?:in|to|from) the (?:emergency (?:department|room)|ed|er)\b)/i,
  ],
  [
    'first',
    /\b(?:new patient|establish(?:es|ing)? care|(?:is|was|will be|being) admitted|admit(?:ted)? (?:to|for) (?:the )?|admission (?:h&p|history)|initial (?:visit|evaluation|encounter)|pre-?(?:operative|procedure|op) (?:h&p|history|evaluation|assessment))/i,
  ],
]

const LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '|': 'l', '!': 'l' }

/**
 * The text with OCR's look-alike digits put back into words ("referra1" -> "referral", "y0u" ->
 * "you"), case and everything else kept, so that the cues below read a scan as they read typing.
 * Only in words that are mostly letters: "In 17:02", "q12h" and "5 mg" stay as they are.
 */
export function ocrEven(clean: string): string {
  return clean.replace(/[A-Za-z0-9|!]+/g, (tok) => {
    if (!/[0-9|!]/.test(tok) || !/[A-Za-z]/.test(tok)) return tok
    const letters = tok.replace(/[^A-Za-z]/g, '').length
    return letters >= 2 && letters > tok.length - letters ? tok.replace(/[0159|!]/g, (c) => LOOKALIKE[c] ?? c) : tok
  })
}

/** The encounter cues of a text (see ENCOUNTER_CUES), in a fixed order. */
export function encounterCues(clean: string): string[] {
  const text = ocrEven(clean.length > 30_000 ? clean.slice(0, 30_000) : clean)
  return ENCOUNTER_CUES.filter(([, re]) => re.test(text)).map(([name]) => `cue ${name}`)
}

/**
 * What a letter or note says it is for, in its own sentences: sending the patient on ("I am
 * referring", "could you please see", "for your opinion", "our visit note is enclosed") or answering
 * a request ("thank you for referring", "I had the pleasure of seeing", "as you asked", "returned to
 * the referring provider"). The same words in a quoted request or a closing line mean less than the
 * sentence that opens the letter, so where the first one stands counts too.
 */
const REFER_OUT =
  /\b(?:I(?: am|'m) (?:writing to |writing in order to )?(?:refer|referring|sending)\b|I(?: would|'d)? (?:like|wish|want) to refer\b|(?:would be (?:most |very )?grateful|would (?:much )?appreciate(?: it)?) (?:if you could|for you to|your (?:opinion|assessment|evaluation|advice|help|input|seeing))|(?:could|would|can|will) you (?:please |kindly )?(?:see|evaluate|assess|review|accept|take over|arrange to see|consider seeing)\b|please (?:see|evaluate|assess|accept|schedule|arrange) (?:this|him|her|them|the patient|my patient|our patient|mr|mrs|ms|miss|master)\b|referr(?:ing|ed) (?:him|her|them|this (?:patient|\w+ (?:man|woman|boy|girl|child))|the patient|our patient|my patient|mr\.?|mrs\.?|ms\.?|miss)\b[^.\n]{0,80}?\bto (?:you|your (?:clinic|service|department|practice|office|team|care))\b|for your (?:opinion|assessment|evaluation|expert|advice|review|further (?:assessment|evaluation|management)|input|consideration|kind attention)\b|(?:our|my|the|her|his|their) (?:visit|clinic|office|progress|ed|er|urgent care|encounter) (?:note|notes|record|summary)s? (?:is|are) (?:enclosed|attached|included)\b)/i
const ANSWER_BACK =
  /\b(?:thanks?(?: you)?(?: very much| so much)?(?: kindly)? for (?:referring|asking|involving|sending|the (?:kind )?referral|this (?:kind |interesting )?(?:referral|consult\w*)|your (?:kind )?referral|(?:allowing|letting) (?:me|us) to (?:see|participate|evaluate|assess|be involved|share))|(?:I|we) (?:had|have had) the pleasure of (?:seeing|meeting|reviewing|evaluating)|(?:it was|what) (?:a|my|our) pleasure (?:to (?:see|meet|evaluate|assess)|(?:of )?(?:seeing|meeting|evaluating|assessing))|(?:I|we) (?:(?:much|really|greatly) )?appreciate (?:you |your )?(?:involving|asking|referring|consulting)|our (?:mutual|shared) patient|(?:saw|seen|reviewed|assessed|evaluated|met) your (?:patient|referral)\b|(?:returned|sent back|reply|response) to (?:the )?referr(?:ing|er)|in (?:response|answer|reply) to your (?:referral|request|letter|question|kind)|as you (?:requested|asked)\b|(?:I|we) (?:will|shall) keep you (?:informed|updated|posted)|(?:back|discharged?(?: him| her| them)?(?: back)?) to your (?:care|clinic|practice)\b)/i

/** The letter-purpose features of a text (see REFER_OUT, ANSWER_BACK), in a fixed order. */
export function letterPurpose(clean: string): string[] {
  const text = ocrEven(clean.length > 30_000 ? clean.slice(0, 30_000) : clean)
  const early = Math.max(600, 0.4 * text.length)
  const at = (re: RegExp): number => re.exec(text)?.index ?? -1
  const out: string[] = []
  const found = [['out', at(REFER_OUT)] as const, ['back', at(ANSWER_BACK)] as const].filter(([, i]) => i >= 0)
  for (const [name, i] of found) {
    out.push(`purpose ${name}`)
    if (i < early) out.push(`purpose ${name} early`)
  }
  if (found.length === 0) out.push('purpose none')
  else out.push(`purpose first ${[...found].sort((a, b) => a[1] - b[1])[0]![0]}`)
  return out
}

/**
 * Structure features from the sections: each section present, the first one, and each pair
 * present together (so "history and exam and assessment without triage" can be weighed); the
 * encounter cues join the pairs, so "complaint and exam and a return visit" is a feature apart.
 */
export function sectionFeatures(sections: readonly string[], cues: readonly string[] = []): string[] {
  const out: string[] = sections.map((s) => `sec ${s}`)
  if (sections[0]) out.push(`sec first ${sections[0]}`)
  out.push(...cues.map((c) => `sec ${c}`))
  if (cues.length === 0) out.push('sec cue none')
  const sorted = [...sections, ...cues].sort()
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push(`sec ${sorted[i]} + ${sorted[j]}`)
  out.push(`sec count ${Math.min(sections.length, 6)}`)
  return out
}

/**
 * The words of the title block: the first few lines, before the patient block and the body, that
 * are short, carry no digits and no label. A letterhead adds its own words; the title ("EMERGENCY
 * DEPARTMENT RECORD", "Clinic Visit") counts apart from the same words in the body.
 */
export function titleBlockWords(lines: readonly string[], maxLines = 6): string[] {
  const out = new Set<string>()
  let seen = 0
  for (const l of lines) {
    if (seen >= maxLines) break
    seen++
    // The body begins at the first section heading.
    if (sectionClasses([l.toLowerCase().replace(/:.*$/, '')]).length) break
    if (/\d/.test(l) || /:\s*\S/.test(l) || l.split(/\s+/).length > 8) continue
    for (const w of l.toLowerCase().match(/[a-z&]{2,}/g) ?? []) out.add(`title ${w}`)
  }
  return [...out]
}
