/**
 * The one CSV writer for everything chartclerk exports for spreadsheets (the desk's downloads and
 * the CLI's `--format csv`): UTF-8 with a byte-order mark (Excel), CRLF line ends, fields quoted
 * when needed (csv-stringify), and no cell that a spreadsheet would run as a formula.
 *
 * @example
 *   spreadsheetCsv(['id', 'note'], [[1, '=HYPERLINK("x")']])  // '\uFEFFid,note\r\n1,"\'=HYPERLINK(""x"")"\r\n'
 */
import { stringify } from 'csv-stringify/sync'

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab / carriage return) gets a
 * leading apostrophe, so it shows as text (OWASP "CSV injection"). Numbers stay numbers.
 */
export function safeCell(value: unknown): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  const s = String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

export function spreadsheetCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    { header: true, columns: [...columns], bom: true, record_delimiter: 'windows' },
  )
}
