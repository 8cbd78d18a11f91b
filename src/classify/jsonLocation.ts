/**
 * Line and column of JSON pointers in a JSON text, so that a records lead reading
 * "lab_report.json:41:9 /signals/keywords/3/weight" can find the spot in an editor.
 */

export interface Position {
  line: number
  column: number
}

/** Line:column (1-based) of a character offset. */
export function positionOfOffset(text: string, offset: number): Position {
  let line = 1
  let col = 1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      col = 1
    } else col++
  }
  return { line, column: col }
}

/**
 * Maps each JSON pointer of a valid JSON text to the offset where its value starts
 * (for object members, the offset of the key). Returns an empty map on bad JSON.
 */
export function pointerOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>()
  let i = 0
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++
  }
  const str = (): string => {
    const start = i
    i++ // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++
    return JSON.parse(text.slice(start, i)) as string
  }
  const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1')
  const value = (ptr: string, at: number): void => {
    ws()
    if (!out.has(ptr)) out.set(ptr, at >= 0 ? at : i)
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        const keyAt = i
        const key = str()
        ws()
        i++ // colon
        value(`${ptr}/${esc(key)}`, keyAt)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        i++ // closing brace
        return
      }
    } else if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (let n = 0; ; n++) {
        ws()
        value(`${ptr}/${n}`, -1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        i++
        return
      }
    } else if (c === '"') {
      str()
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++
    }
  }
  try {
    value('', -1)
  } catch {
    return new Map()
  }
  return out
}

/** "line:column" of a pointer (or of its nearest existing parent), or "" when unknown. */
export function locate(text: string, pointer: string, offsets = pointerOffsets(text)): string {
  let p = pointer
  for (;;) {
    const at = offsets.get(p)
    if (at !== undefined) {
      const pos = positionOfOffset(text, at)
      return `${pos.line}:${pos.column}`
    }
    if (p === '') return ''
    p = p.slice(0, p.lastIndexOf('/'))
  }
}
