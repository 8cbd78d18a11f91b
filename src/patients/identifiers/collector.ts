/** Gathers candidates as they are read, merging repeats of one value and keeping every place it was found. */
import { type DateHit } from '../dates.js'
import { type PersonName, normalizeNamePart } from '../names.js'
import { type Line } from './labels.js'
import {
  type BirthDateCandidate,
  type FoundAt,
  type FoundHow,
  type NameCandidate,
  type RecordNumberCandidate,
  type UnreadableBirthDate,
} from './types.js'

export class Collector {
  readonly names = new Map<string, NameCandidate>()
  readonly dates = new Map<string, BirthDateCandidate>()
  readonly unreadable = new Map<string, UnreadableBirthDate>()
  readonly mrns = new Map<string, RecordNumberCandidate>()
  readonly foreign = new Map<string, RecordNumberCandidate>()

  addName(n: PersonName & { order: NameCandidate['order'] }, raw: string, confidence: number, at: FoundAt): void {
    const key = `${normalizeNamePart(n.familyName)}|${normalizeNamePart(n.givenName)}`
    const prev = this.names.get(key)
    if (!prev) {
      this.names.set(key, { ...n, raw, confidence, found: [at] })
      return
    }
    mergeFound(prev, confidence, at)
    if (!prev.middleName && n.middleName) prev.middleName = n.middleName
    if (!prev.suffix && n.suffix) prev.suffix = n.suffix
  }

  addDate(h: DateHit, confidence: number, at: FoundAt): void {
    if (!h.valid) {
      if (h.problem === undefined) return
      const key = h.iso
      const prev = this.unreadable.get(key)
      if (prev) prev.found.push(at)
      else this.unreadable.set(key, { raw: h.raw, year: h.year, month: h.month, day: h.day, problem: h.problem, found: [at] })
      return
    }
    let c = confidence
    if (h.repaired) c -= 0.15
    if (h.twoDigitYear) c -= 0.1
    if (h.alternatives.length) c -= 0.1
    if (h.orderSwapped) c -= 0.1
    const prev = this.dates.get(h.iso)
    if (prev) {
      mergeFound(prev, c, at)
      prev.repaired = prev.repaired && h.repaired
      return
    }
    this.dates.set(h.iso, {
      date: h.iso,
      year: h.year,
      month: h.month,
      day: h.day,
      raw: h.raw,
      alternatives: h.alternatives,
      repaired: h.repaired,
      confidence: round(c),
      found: [at],
    })
  }

  addId(target: 'mrn' | 'foreign', c: Omit<RecordNumberCandidate, 'found'>, at: FoundAt): void {
    const map = target === 'mrn' ? this.mrns : this.foreign
    const key = `${c.kind}|${c.value}`
    const prev = map.get(key)
    if (prev) mergeFound(prev, c.confidence, at)
    else map.set(key, { ...c, found: [at] })
  }
}

export function round(x: number): number {
  return Math.round(Math.max(0.05, Math.min(0.99, x)) * 100) / 100
}

function mergeFound(prev: { confidence: number; found: FoundAt[] }, confidence: number, at: FoundAt): void {
  if (prev.found.some((f) => f.offset === at.offset)) {
    prev.confidence = round(Math.max(prev.confidence, confidence))
    return
  }
  if (confidence > prev.confidence) prev.found.unshift(at)
  else prev.found.push(at)
  prev.confidence = round(Math.max(prev.confidence, confidence) + 0.03)
}

export function foundAt(line: Line, start: number, length: number, label: string | null, how: FoundHow): FoundAt {
  return {
    offset: line.start + start,
    length,
    line: line.index + 1,
    page: line.page,
    label,
    lineText: line.text.trim().slice(0, 200),
    how,
  }
}
