import { describe, expect, it } from 'vitest'
import { checkDocTypes, formatProblem } from '../../../src/classify/doctypes.js'
import type { FieldDef } from '../../../src/extract-fields/types.js'

describe('rules/doctypes fields', () => {
  const { set, problems } = checkDocTypes()

  it('every shipped document-type file validates against doctype.schema.json', () => {
    expect(problems.map(formatProblem)).toEqual([])
  })

  it('every field pattern is a valid regular expression (flags i, m, d)', () => {
    const bad: string[] = []
    for (const t of set.types) {
      for (const f of t.fields as FieldDef[]) {
        for (const p of f.patterns ?? []) {
          try {
            new RegExp(p, 'gimd')
          } catch (err) {
            bad.push(`${t.type}.${f.name}: ${(err as Error).message}`)
          }
        }
      }
    }
    expect(bad).toEqual([])
  })

  it('a type has at most one field of each date-of-service / author / sending-facility rank', () => {
    for (const t of set.types) {
      for (const key of ['dateOfService', 'author', 'sendingFacility'] as const) {
        const ranks = (t.fields as FieldDef[]).map((f) => f[key]).filter((r): r is number => r !== undefined)
        expect(new Set(ranks).size, `${t.type} ${key}`).toBe(ranks.length)
      }
    }
  })

  it('signature fields come from the signature block, never from a "Dictated by" label', () => {
    for (const t of set.types) {
      const sig = (t.fields as FieldDef[]).find((f) => f.name === 'signature')
      if (!sig) continue
      expect(sig.source).toBe('signature')
      expect(sig.labels.map((l) => l.toLowerCase())).not.toContain('dictated by')
    }
  })
})
