/** Small helpers for the printable HTML the reports make: escaping and one shared stylesheet (no external assets). */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/[&<>"']/g, (c) => ESC[c]!)
}

/** Screen and paper: black on white, serif body for reading, tables that do not split rows across pages. */
export const PRINT_CSS = `
  :root { color-scheme: light; }
  body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; color: #000; background: #fff; margin: 1.5em auto; max-width: 60em; line-height: 1.35; }
  h1 { font-size: 16pt; margin: 0 0 .2em; }
  h2 { font-size: 13pt; margin: 1.2em 0 .3em; border-bottom: 1px solid #000; }
  .meta { font-size: 9.5pt; color: #333; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
  th, td { border: 1px solid #666; padding: .2em .35em; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num, th.num { text-align: right; }
  tr.delinquent td { font-weight: bold; }
  .flag { font-weight: bold; }
  section.chart { page-break-inside: auto; }
  section.chart h2 { page-break-after: avoid; }
  @page { size: letter; margin: 0.6in; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    th { background: #ddd !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    thead { display: table-header-group; }
    .noprint { display: none; }
    section.chart + section.chart { break-before: auto; }
  }
`

export function htmlPage(title: string, body: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${PRINT_CSS}${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`
}
