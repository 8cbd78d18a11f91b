/**
 * The elements of a valid HIPAA authorization (45 CFR 164.508(c)), read from the fields that
 * rules/doctypes/roi_authorization.json describes, plus the signature block.
 */
import { missingAuthorizationElements } from '../model/authorization.js'
import { parseDate, type DateOptions } from './dates.js'
import type { SignatureResult } from './signature.js'
import type { FieldHit } from './types.js'

export interface RoiElements {
  /** (c)(1)(i) a specific and meaningful description of the information. */
  informationDescription: string | null
  /** (c)(1)(ii) who may disclose. */
  disclosingParty: string | null
  /** (c)(1)(iii) who may receive. */
  recipient: string | null
  /** (c)(1)(iv) each purpose. */
  purpose: string | null
  /** (c)(1)(v) an expiration date or event; `date` when it is a date. */
  expiration: { text: string; date: string | null } | null
  /** (c)(1)(vi) signature and date. */
  signed: boolean
  signedBy: string | null
  signatureDate: string | null
  /** (c)(1)(vi) a representative's authority, when a representative signs. */
  representativeAuthority: string | null
  /** (c)(2)(i) statement of the right to revoke. */
  rightToRevokeStatement: boolean
  /** (c)(2)(ii) statement that treatment is (not) conditioned on signing. */
  conditioningStatement: boolean
  /** (c)(2)(iii) statement that disclosed information may be redisclosed. */
  redisclosureStatement: boolean
  /** Every required element is there (representative authority only when a representative signed). */
  complete: boolean
  /** Names of the elements that are missing. */
  missing: string[]
  /** The expiration date is before `asOf` (only known when the expiration is a date). */
  expired: boolean | null
}

const str = (h: FieldHit | undefined): string | null => (h === undefined ? null : Array.isArray(h.value) ? h.value.join('; ') : h.value)

export function roiElements(
  fields: Record<string, FieldHit>,
  signature: SignatureResult,
  opts: DateOptions & { asOf?: string } = {},
): RoiElements {
  const expText = str(fields.expiration)
  const expDate = expText ? parseDate(expText, opts) : null
  const rep = str(fields.representativeAuthority)
  const signedBy = signature.present ? signature.by : null
  const signatureDate = signature.present ? (signature.date ?? (fields.signatureDate ? str(fields.signatureDate) : null)) : null
  const e: Omit<RoiElements, 'complete' | 'missing' | 'expired'> = {
    informationDescription: str(fields.informationDescription),
    disclosingParty: str(fields.disclosingParty),
    recipient: str(fields.recipient),
    purpose: str(fields.purpose),
    expiration: expText ? { text: expText, date: expDate } : null,
    signed: signature.present,
    signedBy,
    signatureDate,
    representativeAuthority: rep,
    rightToRevokeStatement: fields.rightToRevokeStatement !== undefined,
    conditioningStatement: fields.conditioningStatement !== undefined,
    redisclosureStatement: fields.redisclosureStatement !== undefined,
  }
  const missing = missingAuthorizationElements(e)
  const expired = expDate && opts.asOf ? expDate < opts.asOf : null
  return { ...e, complete: missing.length === 0, missing, expired }
}
