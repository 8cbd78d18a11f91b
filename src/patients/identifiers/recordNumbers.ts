/** Record numbers: our MRN only under an MRN-like label and in our format; every other number is the sender's, kept for display. */
import { type MrnFormat, normalizeMrn, readMrn } from '../mrn.js'
import { Collector, foundAt, round } from './collector.js'
import { FOREIGN_MRN_QUALIFIERS, type LabelHit, type Line } from './labels.js'
import { type FoundHow, type RecordNumberKind } from './types.js'

const ID_VALUE = /^([A-Za-z0-9|!][A-Za-z0-9|!\-]*)(?:[ -]([0-9OQIl|]{2,})(?=\s|$|[,;)]))?/

export function readIdValue(
  col: Collector,
  line: Line,
  hit: LabelHit,
  valueStart: number,
  valueEnd: number,
  mrnPattern: MrnFormat,
  how: FoundHow,
): boolean {
  const region = line.text.slice(valueStart, valueEnd)
  const m = ID_VALUE.exec(region.replace(/^[\s#:]+/, ''))
  if (!m) return false
  const lead = region.length - region.replace(/^[\s#:]+/, '').length
  let raw = m[1]!
  const second = m[2]
  if (hit.def.kind === 'ignore-id') return true
  if (!/[0-9]/.test(raw) && !(second && /[0-9]/.test(second))) return false
  if (hit.def.kind === 'mrn') {
    // "Outside MRN", or the other facility named in the label's brackets ("MRN (outside hospital)").
    const bracket = /\(([^)]*)\)/.exec(hit.labelText)?.[1]?.trim() ?? ''
    const foreignQualifier =
      FOREIGN_MRN_QUALIFIERS.test(line.text.slice(0, hit.start)) || (!!bracket && FOREIGN_MRN_QUALIFIERS.test(bracket))
    let read = readMrn(raw, mrnPattern)
    if (!read && second) {
      const joined = readMrn(raw + second, mrnPattern)
      if (joined) {
        read = joined
        raw = `${raw} ${second}`
      }
    }
    // Under a label that says the number is our clinic's, the clinic's short name may come before it ("EFHC 7481649");
    // after a plain MRN label a facility's name ("MRN: UCSF 1234567") may be another facility's.
    if (!read && second && hit.def.onlyOurs && /^[A-Z]{2,6}$/.test(raw)) {
      read = readMrn(second, mrnPattern)
      if (read) raw = `${raw} ${second}`
    }
    const at = foundAt(line, valueStart + lead, raw.length, hit.labelText, how)
    // A word as common as "chart" vouches for a number only as printed, never after OCR repair.
    if (hit.def.onlyOurs && (!read || read.repaired || foreignQualifier)) return false
    if (read && !foreignQualifier) {
      const confidence = (how === 'labelled' ? 0.92 : 0.85) - (read.repaired ? 0.2 : 0)
      col.addId('mrn', { value: read.value, raw, kind: 'mrn', repaired: read.repaired, confidence: round(confidence) }, at)
    } else {
      col.addId(
        'foreign',
        {
          value: normalizeMrn(raw),
          raw,
          kind: 'mrn',
          repaired: false,
          confidence: 0.6,
          whyNotOurs: foreignQualifier ? "labelled as another facility's MRN" : 'does not fit our MRN format',
        },
        at,
      )
    }
    return true
  }
  const kind = hit.def.idKind ?? 'other'
  col.addId(
    'foreign',
    { value: normalizeMrn(raw), raw, kind, repaired: false, confidence: 0.6, whyNotOurs: FOREIGN_WHY[kind] },
    foundAt(line, valueStart + lead, raw.length, hit.labelText, how),
  )
  return true
}

const FOREIGN_WHY: Record<RecordNumberKind, string> = {
  mrn: "another facility's MRN",
  account: "the sending facility's account number",
  visit: "the sending facility's visit number",
  fin: "the sending facility's financial (FIN) number",
  encounter: "the sending facility's encounter number",
  accession: "the laboratory's accession number",
  specimen: "the laboratory's specimen number",
  order: 'an order or requisition number',
  insurance: 'an insurance member or policy number',
  other: 'another reference number',
}
