/**
 * Reads a rule file's text (JSON or YAML) into a value, and maps JSON pointers back to
 * line:column so a records lead reading "D05-lab-report.json:14:7 /schema/...: ..." can find
 * the spot in an editor. JSON is parsed with JSON.parse (strict JSON) and scanned once by
 * jsonc-parser for keys that appear twice in one object (JSON.parse keeps the last silently);
 * positions come from the `yaml` package, which reads JSON too, and only when a position is asked
 * for (a problem to report): building the YAML document of every rule file is most of the time a
 * rule set takes to load.
 */
import { visit } from 'jsonc-parser'
import { createRequire } from 'node:module'
import type { Document, LineCounter, Node as YamlNode } from 'yaml'

const require = createRequire(import.meta.url)
let yamlLib: typeof import('yaml') | undefined
/** The yaml package, loaded the first time a YAML file or a position is read: a JSON rule set with no problem never needs it. */
const yaml = (): typeof import('yaml') => (yamlLib ??= require('yaml') as typeof import('yaml'))

export interface Position {
  line: number
  column: number
}

export interface ParsedSource {
  /** undefined when the text does not parse. */
  value: unknown
  /** Syntax problems (pointer "" with a position). */
  problems: { pointer: string; position?: Position; message: string }[]
  /** Line:column of a JSON pointer (the key of a property, the start of an item), or of its nearest existing parent. */
  locate(pointer: string): Position | undefined
}

export type SourceFormat = 'json' | 'yaml'

export function formatOfFile(name: string): SourceFormat | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  return null
}

function positionOfOffset(text: string, offset: number): Position {
  let line = 1
  let last = -1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      last = i
    }
  }
  return { line, column: Math.min(offset, text.length) - last }
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

export function encodePointerSegment(seg: string | number): string {
  return String(seg).replace(/~/g, '~0').replace(/\//g, '~1')
}

function locator(doc: Document | null, lc: LineCounter): (pointer: string) => Position | undefined {
  return (pointer) => {
    if (!doc || !doc.contents) return undefined
    let node: YamlNode = doc.contents as YamlNode
    let at: number | undefined = node.range?.[0]
    for (const seg of decodePointer(pointer)) {
      if (yaml().isMap(node)) {
        const pair = node.items.find((p) => (yaml().isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg)
        if (!pair) break
        at = (pair.key as YamlNode | null)?.range?.[0] ?? at
        if (!pair.value) break
        node = pair.value as YamlNode
      } else if (yaml().isSeq(node)) {
        const item = node.items[Number(seg)] as YamlNode | undefined
        if (!item || !/^\d+$/.test(seg)) break
        node = item
        at = item.range?.[0] ?? at
      } else break
    }
    if (at === undefined) return undefined
    const p = lc.linePos(at)
    return { line: p.line, column: p.col }
  }
}

/**
 * Where JSON.parse stopped: "at position N" when V8 says so, else found from the excerpt V8
 * quotes ("Unexpected token ']', ..."HIV"] }, ]" is not valid JSON": up to 10 characters each side).
 */
function jsonErrorOffset(text: string, msg: string): number {
  const at = /at position (\d+)/.exec(msg)
  if (at) return Number(at[1])
  const m = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(msg)
  if (m) {
    const start = text.indexOf(m[3]!)
    if (start >= 0) return m[2] ? start + 10 : text.indexOf(m[1]!, start)
  }
  return text.length
}

/**
 * Whether some object of a valid JSON text holds the same key twice (keys compared as JSON.parse
 * reads them, escapes resolved). One pass of a scanner: no tree is built.
 */
export function hasDuplicateKey(text: string): boolean {
  const open: Set<string>[] = []
  let found = false
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set())
      return !found
    },
    onObjectProperty: (key) => {
      const keys = open[open.length - 1]!
      if (keys.has(key)) found = true
      keys.add(key)
    },
    onObjectEnd: () => {
      open.pop()
    },
    onArrayBegin: () => !found,
  })
  return found
}

/** `locate` over the YAML document of a JSON text, built the first time a position is asked for. */
function lazyJsonLocator(text: string): ParsedSource['locate'] {
  let locate: ParsedSource['locate'] | undefined
  return (pointer) => {
    if (!locate) {
      const lc = new (yaml().LineCounter)()
      let doc: Document | null = null
      try {
        doc = yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false })
        if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) doc = null // positions unreliable
      } catch {
        doc = null
      }
      locate = locator(doc, lc)
    }
    return locate(pointer)
  }
}

/** Parses a rule file's text. Never throws. */
export function parseSource(text: string, format: SourceFormat): ParsedSource {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const problems: ParsedSource['problems'] = []
  if (format === 'json') {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      const msg = (err as Error).message
      const position = positionOfOffset(text, jsonErrorOffset(text, msg))
      problems.push({
        pointer: '',
        position,
        message: `not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '')}`,
      })
      return { value: undefined, problems, locate: () => undefined }
    }
    // The common case, a valid file with no key twice: positions only when a problem asks for one.
    if (!hasDuplicateKey(text)) return { value, problems, locate: lazyJsonLocator(text) }
    const lc = new (yaml().LineCounter)()
    let doc: Document | null = null
    try {
      doc = yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false })
      for (const e of doc.errors) {
        if (e.code === 'DUPLICATE_KEY') {
          const p = lc.linePos(e.pos[0])
          problems.push({
            pointer: '',
            position: { line: p.line, column: p.col },
            message: 'the same key appears twice in one object (only the last would count)',
          })
        }
      }
      if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) doc = null // positions unreliable; keep the value
    } catch {
      doc = null
    }
    return { value: problems.length ? undefined : value, problems, locate: locator(doc, lc) }
  }
  const lc = new (yaml().LineCounter)()
  const doc = yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false })
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0])
    const message =
      e.code === 'DUPLICATE_KEY'
        ? 'the same key appears twice in one mapping (only one would count)'
        : `not valid YAML: ${e.message.split('\n')[0]}`
    problems.push({ pointer: '', position: { line: p.line, column: p.col }, message })
  }
  if (problems.length) return { value: undefined, problems, locate: locator(null, lc) }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (err) {
    problems.push({ pointer: '', message: `not valid YAML: ${(err as Error).message}` })
    return { value: undefined, problems, locate: () => undefined }
  }
  return { value, problems, locate: locator(doc, lc) }
}
