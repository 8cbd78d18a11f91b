/**
 * How commands print: one JSON object per line with --json, else short lines for people.
 * Text for people never carries raw control characters: a file name with an escape
 * sequence in it could otherwise rewrite the operator's terminal or fake a line.
 */
export function printJson(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

export function printLine(text = ''): void {
  process.stdout.write(terminalSafe(text) + '\n')
}

export function isInteractive(): boolean {
  return !!process.stderr.isTTY
}

// C0 controls, DEL, C1 controls, and the bidirectional overrides that reorder what is shown.
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

function escapeChar(c: string): string {
  const n = c.codePointAt(0)!
  if (c === '\n') return '\\n'
  if (c === '\r') return '\\r'
  if (c === '\t') return '\\t'
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`
}

/** One value (a file name, a path) for the console: every control character escaped, newlines too. */
export function consoleSafe(value: string): string {
  return value.replace(CONTROL_ALL, escapeChar)
}

/** Lines of text for the console: control characters escaped, line breaks and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_BUT_LINES, escapeChar)
}
