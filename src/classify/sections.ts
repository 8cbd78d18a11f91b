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
  ['pmh', /^(?:pmh|pmhx|past (?:medical|surgical|psychiatric)(?: history)?|medical history|past history|surgical history|psh)$/],
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
 * Structure features from the sections: each section present, the first one, and each pair
 * present together (so "history and exam and assessment without triage" can be weighed).
 */
export function sectionFeatures(sections: readonly string[]): string[] {
  const out: string[] = sections.map((s) => `sec ${s}`)
  if (sections[0]) out.push(`sec first ${sections[0]}`)
  const sorted = [...sections].sort()
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
