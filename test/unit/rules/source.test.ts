import { describe, expect, it } from 'vitest'
import { hasDuplicateKey, parseSource } from '../../../src/rules/source.js'

describe('hasDuplicateKey', () => {
  it('finds a key twice in one object, at any depth, with escapes read as JSON.parse reads them', () => {
    expect(hasDuplicateKey('{"a": 1, "a": 2}')).toBe(true)
    expect(hasDuplicateKey('{"x": [{"b": 1}, {"c": {"d": 1, "d": 1}}]}')).toBe(true)
    expect(hasDuplicateKey('{"a": 1, "\\u0061": 2}')).toBe(true)
  })

  it('allows the same key in different objects, and arrays of equal values', () => {
    expect(hasDuplicateKey('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 1}], "c": ["a", "a"]}')).toBe(false)
    expect(hasDuplicateKey('[1, 2, 3]')).toBe(false)
    expect(hasDuplicateKey('"a"')).toBe(false)
  })
})

describe('parseSource (JSON)', () => {
  const text =
    '{\n  "id": "D05",\n  "schema": {\n    "properties": {\n      "signed": { "const": true }\n    }\n  },\n  "list": [1, {"k": 2}]\n}\n'

  it('reads a valid file and still finds line:column of any pointer when a problem asks', () => {
    const s = parseSource(text, 'json')
    expect(s.problems).toEqual([])
    expect(s.value).toEqual(JSON.parse(text))
    expect(s.locate('/id')).toEqual({ line: 2, column: 3 })
    expect(s.locate('/schema/properties/signed')).toEqual({ line: 5, column: 7 })
    expect(s.locate('/list/1/k')).toEqual({ line: 8, column: 16 })
    // A pointer that goes nowhere: its nearest existing parent.
    expect(s.locate('/schema/nothing')).toEqual({ line: 3, column: 3 })
  })

  it('refuses a key twice, at the second key', () => {
    const s = parseSource('{\n  "id": "a",\n  "id": "b"\n}\n', 'json')
    expect(s.value).toBeUndefined()
    expect(s.problems).toEqual([
      { pointer: '', position: { line: 3, column: 3 }, message: 'the same key appears twice in one object (only the last would count)' },
    ])
  })

  it('says where JSON that does not parse stopped', () => {
    const s = parseSource('{\n  "id": "a",\n}\n', 'json')
    expect(s.value).toBeUndefined()
    expect(s.problems[0]!.position?.line).toBe(3)
    expect(s.locate('/id')).toBeUndefined()
  })
})
