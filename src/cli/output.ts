/** How commands print: one JSON object per line with --json, else short lines for people. */
export function printJson(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

export function printLine(text = ''): void {
  process.stdout.write(text + '\n')
}

export function isInteractive(): boolean {
  return !!process.stderr.isTTY
}
