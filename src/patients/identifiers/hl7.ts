/**
 * An HL7 v2 PID segment printed on an interface report ("PID|1||1234567^^^CLINIC||DOE^JANE^A||19620314|F"):
 * the patient's name (family^given^middle, components split by ^) and birth date (YYYYMMDD, a time may follow).
 *
 * Printouts move fields about, so each is told by its shape, in the order HL7 sets them: the first field that
 * is a name (PID-5; the mother's maiden name, PID-6, comes after it), then the first date after the name (PID-7).
 * Identifiers (PID-2 to PID-4) carry their assigning authority, not our MRN label: they are left to the
 * labelled readers, never taken as our MRN here.
 */
import { findDates } from '../dates.js'
import { Collector, foundAt } from './collector.js'
import { type Line } from './labels.js'
import { plausibleName } from './names.js'
import { type ExtractOptions } from './types.js'

const PID = /^\s*PID\|/

export function pidSegments(col: Collector, lines: Line[], opts: Required<Pick<ExtractOptions, 'today'>>): number[] {
  const read: number[] = []
  for (const line of lines) {
    if (!PID.test(line.text)) continue
    const start = line.text.indexOf('PID|')
    const fields: Array<{ text: string; start: number }> = []
    let at = start
    for (const text of line.text.slice(start).split('|')) {
      fields.push({ text, start: at })
      at += text.length + 1
    }
    const nameAt = fields.findIndex((f, i) => i >= 2 && nameOf(f.text) !== null)
    if (nameAt < 0) continue
    const name = nameOf(fields[nameAt]!.text)!
    const f = fields[nameAt]!
    col.addName({ ...name, order: 'family-first' }, f.text, 0.85, foundAt(line, f.start, f.text.length, 'PID', 'fields'))
    read.push(line.index)
    for (const d of fields.slice(nameAt + 1)) {
      const m = /^(\d{8})(?:\d{4,6})?(?:[+-]\d{4})?$/.exec(d.text.trim())
      if (!m) continue
      const hit = findDates(m[1]!, { compact: true, today: opts.today })[0]
      if (hit && hit.start === 0) col.addDate(hit, 0.9, foundAt(line, d.start, 8, 'PID', 'fields'))
      break
    }
  }
  return read
}

/** family^given^middle^suffix^prefix, family and given both letters; else null. */
function nameOf(field: string): { familyName: string; givenName: string; middleName: string | null; suffix: string | null } | null {
  // A repeated field (~) holds the legal name first.
  const parts = (field.split('~')[0] ?? '').split('^')
  if (parts.length < 2) return null
  const [familyName, givenName, middle, suffix] = parts.map((p) => p.trim())
  const word = /^\p{L}[\p{L}' .-]*$/u
  if (!familyName || !givenName || !word.test(familyName) || !word.test(givenName)) return null
  const n = {
    familyName,
    givenName: givenName.split(/\s+/)[0]!,
    middleName: middle && word.test(middle) ? middle : (givenName.split(/\s+/)[1] ?? null),
    suffix: suffix && word.test(suffix) ? suffix : null,
  }
  return plausibleName(n, { lowercaseOk: true }) ? n : null
}
