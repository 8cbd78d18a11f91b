/** CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}
