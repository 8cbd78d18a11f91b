/** Page images drawn in the test itself (sharp renders SVG), for units that need a page of text. */
import sharp from 'sharp'

export async function textPage(
  lines: string[],
  opts: { width?: number; height?: number; fontSize?: number; skew?: number } = {},
): Promise<Buffer> {
  const width = opts.width ?? 1700
  const height = opts.height ?? 2200
  const fs = opts.fontSize ?? 34
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${lines
    .map((l, i) => `<text x="120" y="${160 + i * fs * 1.8}" font-size="${fs}" font-family="DejaVu Sans, sans-serif">${esc(l)}</text>`)
    .join('')}</svg>`
  let img = sharp(Buffer.from(svg))
  if (opts.skew) img = sharp(await img.png().toBuffer()).rotate(opts.skew, { background: 'white' })
  return img.png().toBuffer()
}

export const CONSULT_LINES = [
  'Riverside Cardiology Associates',
  'CONSULTATION NOTE',
  'Patient: Testperson, Ana   DOB: 04/12/1958',
  'Reason for consultation: exertional chest pain.',
  'Findings: normal sinus rhythm, no murmurs heard today.',
  'Recommendations: stress echocardiogram and aspirin daily.',
  'Follow-up with the primary care clinic in four weeks.',
  'Electronically signed by Dr. Imani Castillo on 10/02/2026',
]
