/**
 * Is an authorization to disclose valid on its face (45 CFR 164.508(c))? The one place that
 * decides which required elements a HIPAA authorization lacks: used when the elements are read
 * from a scanned form (extract-fields/roi.ts) and when a release is checked against the filed
 * form (release/check.ts).
 */

/** The elements as read from the form (a subset of what extraction records). */
export interface AuthorizationElements {
  informationDescription?: string | null
  disclosingParty?: string | null
  recipient?: string | null
  purpose?: string | null
  expiration?: { text: string; date: string | null } | null
  signed?: boolean
  signatureDate?: string | null
  /** What the form says about who signed for the patient: "Legal guardian", "Daughter", "Self". */
  representativeAuthority?: string | null
  rightToRevokeStatement?: boolean
  conditioningStatement?: boolean
  redisclosureStatement?: boolean
}

/** Required elements of 164.508(c), by name, with words a person reads. */
export const REQUIRED_ELEMENTS: Record<string, string> = {
  informationDescription: 'a specific description of the information to be disclosed',
  disclosingParty: 'who may disclose',
  recipient: 'who may receive',
  purpose: 'the purpose of the disclosure',
  expiration: 'an expiration date or event',
  signature: 'the signature of the patient or representative',
  signatureDate: 'the date signed',
  representativeAuthority: "the representative's authority to act",
  rightToRevokeStatement: 'the statement of the right to revoke',
  conditioningStatement: 'the statement on (non-)conditioning of treatment',
  redisclosureStatement: 'the statement on possible redisclosure',
}

/** The patient signed personally. */
const SELF = /^\s*(?:self|patient|myself|the\s+patient)\b/i

/**
 * A legal basis for acting for the patient (164.502(g)): guardianship, a parent of a minor, a
 * power of attorney or health care proxy, a personal representative or executor of an estate,
 * a conservator, a court order or letters of administration.
 */
const AUTHORITY =
  /\b(?:legal\s+guardian|guardian(?:ship)?|parent|power\s+of\s+attorney|poa|health\s*care\s+(?:proxy|agent|surrogate)|proxy|personal\s+representative|executor|executrix|administrator\s+of|conservator(?:ship)?|court|order|letters)\b/i

/**
 * Someone other than the patient signed: a relationship ("Daughter", "Spouse") or a legal role.
 * A relationship alone is not an authority to act, so it needs one of {@link AUTHORITY} as well.
 */
const SOMEONE_ELSE =
  /\b(?:spouse|wife|husband|partner|son|daughter|child|mother|father|mom|dad|brother|sister|sibling|grand(?:mother|father|parent|son|daughter|child)|aunt|uncle|niece|nephew|cousin|relative|family|friend|caregiver|caretaker|neighbou?r|representative|agent|on\s+behalf\s+of|signed\s+(?:by|for))\b/i

/** The form says a representative signed (not the patient). */
export function representativeSigned(text: string | null | undefined): boolean {
  if (!text || SELF.test(text)) return false
  return AUTHORITY.test(text) || SOMEONE_ELSE.test(text)
}

/** The form states a representative's legal authority to act. */
export function statesAuthority(text: string | null | undefined): boolean {
  return !!text && AUTHORITY.test(text)
}

/** Names of the required elements the authorization lacks (keys of {@link REQUIRED_ELEMENTS}), in form order. */
export function missingAuthorizationElements(e: AuthorizationElements): string[] {
  const m: string[] = []
  if (!e.informationDescription) m.push('informationDescription')
  if (!e.disclosingParty) m.push('disclosingParty')
  if (!e.recipient) m.push('recipient')
  if (!e.purpose) m.push('purpose')
  if (!e.expiration) m.push('expiration')
  if (!e.signed) m.push('signature')
  if (!e.signatureDate) m.push('signatureDate')
  // (c)(1)(vi): a representative's signature must come with a description of their authority.
  if (representativeSigned(e.representativeAuthority) && !statesAuthority(e.representativeAuthority)) m.push('representativeAuthority')
  if (!e.rightToRevokeStatement) m.push('rightToRevokeStatement')
  if (!e.conditioningStatement) m.push('conditioningStatement')
  if (!e.redisclosureStatement) m.push('redisclosureStatement')
  return m
}
